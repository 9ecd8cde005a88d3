"""Roles enforced in services (issue 12 item 2): every write service × every role.

The write services are found, not listed: every public function of panelapp.services that opens
a write transaction (directly or through a private helper of its module). Each must be marked
`@writes(Permission.X)` or be in EXEMPT with the reason; a new service cannot skip the matrix.
Each marked service is then called as every role with placeholder arguments: a role without
the right gets PermissionDenied (one Korean sentence) before anything runs; a role with it
never does (the placeholders then fail in other ways, or not at all).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from sqlalchemy import select

import panelapp.services
from panelapp.db.base import Base
from panelapp.db.engine import open_database
from panelapp.db.models import Department, Organization, User
from panelapp.domain.enums import UserRole
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied, allowed

# Writes that are not an account's action, each with its reason.
EXEMPT = {
    "panelapp.services.context.transaction": "the transaction helper itself",
    "panelapp.services.demo.build.load_demo": "only into an empty database, before any account",
    "panelapp.services.system.bootstrap.ensure_user": "opening the database",
    "panelapp.services.system.bootstrap.open_app": "opening the database",
    "panelapp.services.system.bootstrap.sync_consent_notices": "opening: the shipped notices",
    "panelapp.services.people.accounts.authenticate": "the login itself",
    "panelapp.services.people.accounts.create_first_admin": "the first start, before any account",
    "panelapp.services.demo.separate.prepare_separate_demo": "a new demo database of its own, before any account",
    "panelapp.services.org.manage.save_first_organization": "the first start, before any account (refused after)",
    "panelapp.services.people.accounts.change_own_password": "every account changes its own",
    "panelapp.services.search.index.ensure_index": "derived data kept in step by a read (search)",
    "panelapp.services.checklists.templates.ensure_default_template": "first-start reference data",
    "panelapp.services.registers.facility_types.ensure_default_facility_types": "first-start reference data",
    "panelapp.services.reporting.history.adopt_settings_reports": "moves the settings' list into the database",
    "panelapp.services.system.archive.load_archive": "restore into an empty database (command line checks 관리자)",
    "panelapp.services.system.db_copy.copy_database": "db copy (command line checks 관리자)",
    "panelapp.services.audit.log.record_access": "the access log of every account's reads (views, searches)",
}


def _writers(source: str) -> list[str]:
    tree = ast.parse(source)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    writing = {name for name, node in funcs.items() if "transaction(" in ast.get_source_segment(source, node)}
    grew = True
    while grew:
        grew = False
        for name, node in funcs.items():
            calls = {
                c.func.id for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
            }
            if name not in writing and calls & writing:
                writing.add(name)
                grew = True
    return sorted(n for n in writing if not n.startswith("_"))


def write_services() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.walk_packages(panelapp.services.__path__, "panelapp.services."):
        module = importlib.import_module(info.name)
        path = Path(module.__file__)
        if path.suffix != ".py":
            continue
        for name in _writers(path.read_text(encoding="utf-8")):
            found.append((f"{info.name}.{name}", getattr(module, name)))
    return found


SERVICES = write_services()
MARKED = [(name, fn) for name, fn in SERVICES if name not in EXEMPT]


def test_every_write_service_is_marked_or_exempt():
    unmarked = [name for name, fn in MARKED if not isinstance(getattr(fn, "permission", None), Permission)]
    assert unmarked == [], f"write services without @writes(Permission.X): {unmarked}"
    assert len(MARKED) > 60  # the discovery found the services (not an empty walk)
    stale = set(EXEMPT) - {name for name, _fn in SERVICES}
    assert not stale, f"EXEMPT names what no longer writes: {stale}"


def test_every_right_has_a_role_and_admin_has_all():
    assert ROLE_PERMISSIONS[UserRole.ADMIN] == frozenset(Permission)
    assert ROLE_PERMISSIONS[UserRole.VIEWER] == frozenset()
    for role in UserRole:
        assert role in ROLE_PERMISSIONS


@pytest.fixture(scope="module")
def role_contexts(tmp_path_factory):
    """One database with an account of every role; a context acting as each."""
    path = tmp_path_factory.mktemp("roles") / "roles.db"
    db = open_database(str(path))
    Base.metadata.create_all(db.engine)
    system = ServiceContext(db=db)
    with transaction(system) as s:
        org = Organization(name="한빛시")
        s.add(org)
        s.flush()
        dept = Department(organization_id=org.id, name="공원녹지과")
        s.add(dept)
        s.flush()
        for role in UserRole:
            s.add(
                User(
                    name=f"계정{role.value}",
                    role=role,
                    department_id=dept.id if role is UserRole.DEPARTMENT else None,
                )
            )
    contexts = {}
    with db.session_factory() as s:
        for role in UserRole:
            user = s.scalar(select(User).where(User.role == role))
            contexts[role] = ServiceContext(db=db, user_id=user.id, user_name=user.name, role=role)
    yield contexts
    db.dispose()


class Placeholder:
    """Stands for any argument: a service with the right fails on it some other way."""

    def __getattr__(self, name):
        raise TypeError(f"placeholder has no {name}")


def _placeholders(fn) -> list:
    params = list(inspect.signature(fn).parameters.values())[1:]
    return [
        Placeholder()
        for p in params
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


@pytest.mark.parametrize("role", list(UserRole), ids=lambda r: r.value)
@pytest.mark.parametrize(
    "name, fn", MARKED, ids=[name.removeprefix("panelapp.services.") for name, _ in MARKED]
)
def test_write_service_by_role(role_contexts, name, fn, role):
    ctx = role_contexts[role]
    permission = fn.permission
    try:
        fn(ctx, *_placeholders(fn))
    except PermissionDenied as denied:
        assert not allowed(role, permission), f"{name} refused {role.label}, who holds {permission}"
        assert denied.message.count(".") == 1 and denied.message.endswith("할 수 없습니다.")
        # the right's name, or the action the service names instead (writes(..., action))
        assert (
            role.label in denied.message
            and (getattr(fn, "action", None) or permission.value) in denied.message
        )
        return
    except Exception:  # noqa: BLE001 - the placeholders fail the allowed call some other way
        pass
    assert allowed(role, permission), f"{name} let {role.label} do {permission.value}"


def test_nobody_logged_in_is_refused(role_contexts):
    from panelapp.services.cohorts.manage import CohortInput, create_cohort

    nobody = ServiceContext(db=role_contexts[UserRole.ADMIN].db)
    with pytest.raises(PermissionDenied, match="로그인해야 할 수 있습니다"):
        create_cohort(nobody, CohortInput(1, "제1기", None, None))


def test_a_locked_or_deactivated_account_is_refused_at_once(tmp_path):
    """The role is read in the service's own call: a lock set meanwhile (another computer) holds."""
    import datetime as dt

    from panelapp.services.cohorts.manage import CohortInput, create_cohort

    db = open_database(str(tmp_path / "lock.db"))
    Base.metadata.create_all(db.engine)
    ctx = ServiceContext(db=db)
    with transaction(ctx) as s:
        user = User(name="김담당", role=UserRole.COORDINATOR)
        s.add(user)
        s.flush()
        ctx.user_id, ctx.user_name, ctx.role = user.id, user.name, user.role
    create_cohort(ctx, CohortInput(1, "제1기", dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    with transaction(ctx) as s:
        s.get(User, ctx.user_id).locked = True
    with pytest.raises(PermissionDenied):
        create_cohort(ctx, CohortInput(2, "제2기", dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    db.dispose()


def test_a_department_account_answers_only_its_own_departments_proposals(sqlite_demo_ctx):
    """The demo's 부서담당 answers for one department: another department's proposal is refused
    before anything is read from the arguments; its own goes on (here to 검토중)."""
    from conftest import TEST_PASSWORD

    from panelapp.db.models import Proposal
    from panelapp.domain.enums import ProposalStatus
    from panelapp.services.context import reading
    from panelapp.services.people.accounts import authenticate
    from panelapp.services.proposals.manage import move_proposal

    desk = ServiceContext(db=sqlite_demo_ctx.db)
    authenticate(desk, "부서담당", TEST_PASSWORD)
    with reading(desk) as s:
        own = s.get(User, desk.user_id).department_id
        submitted = s.execute(
            select(Proposal.id, Proposal.version, Proposal.department_id).where(
                Proposal.status == ProposalStatus.SUBMITTED, Proposal.deleted_at.is_(None)
            )
        ).all()
    other = next(p for p in submitted if p.department_id != own)
    with pytest.raises(
        PermissionDenied, match="부서 담당자는 .*의 개선제안에만 답할 수 있어 부서담당 계정으로는"
    ):
        move_proposal(desk, other.id, ProposalStatus.REVIEWING, other.version)
    mine = [p for p in submitted if p.department_id == own]
    if mine:
        moved = move_proposal(desk, mine[0].id, ProposalStatus.REVIEWING, mine[0].version)
        assert moved.status is ProposalStatus.REVIEWING
