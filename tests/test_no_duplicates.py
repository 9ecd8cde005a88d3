"""No duplicates, by the database (issue 11 item 2): one live person per phone, enforced by a
unique index (migration 0008), imports that take the write lock before their re-check, member
services that refuse a taken phone with a sentence, `check` that reports duplicates; and the
NFC normalisation of stored text in the same migration."""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from panelapp.db import migrate
from panelapp.db.engine import open_database
from panelapp.db.models import Enrollment, Member
from panelapp.domain.errors import ValidationError
from panelapp.domain.failures import DatabaseUnusable, Unusable
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import ServiceContext, reading
from panelapp.services.locks import DuplicateError
from panelapp.services.people.member_rules import ConsentInput, MemberInput
from panelapp.services.people.members import enroll_member, update_member
from panelapp.services.roster_io import importing
from panelapp.services.roster_io.importing import ImportRefused, commit_import, preview_import
from panelapp.services.system.check import duplicate_people, run_checks
from tests.storage_conditions import needs_pg, throwaway_server_database

D = dt.date
NFD_NAME = unicodedata.normalize("NFD", "한가람")
ROWS = 40


# ----- the migration --------------------------------------------------------------------
def _at_0007(db) -> None:
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")


def _person(conn, name: str, phone: str, deleted: bool = False) -> int:
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    return conn.execute(
        text(
            "INSERT INTO members (name, phone, gender, created_at, updated_at, version, deleted_at) "
            "VALUES (:n, :p, 'unspecified', :t, :t, 1, :d) RETURNING id"
        ),
        {"n": name, "p": phone, "t": now, "d": now if deleted else None},
    ).scalar_one()


def _fill_0007(db) -> dict[str, int]:
    """Cohort 3 with two live people on one phone (each enrolled), one on another, a trashed
    person sharing a third phone with a live one, and an NFD-typed name."""
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        cohort = conn.execute(
            text(
                "INSERT INTO cohorts (number, name, term_start, term_end, status, created_at, updated_at, "
                "version) VALUES (3, '제3기', '2026-03-01', '2026-12-31', 'active', :t, :t, 1) RETURNING id"
            ),
            {"t": now},
        ).scalar_one()
        ids = {
            "first": _person(conn, "김하나", "+821020000001"),
            "second": _person(conn, "김하나", "+821020000001"),
            "nfd": _person(conn, NFD_NAME, "+821020000002"),
            "trashed": _person(conn, "이두리", "+821020000003", deleted=True),
            "live": _person(conn, "이두리", "+821020000003"),
        }
        for key in ("first", "second", "nfd"):
            conn.execute(
                text(
                    "INSERT INTO enrollments (member_id, cohort_id, role, status, joined_on, created_at, "
                    "updated_at, version) VALUES (:m, :c, 'member', 'active', '2026-03-01', :t, :t, 1)"
                ),
                {"m": ids[key], "c": cohort, "t": now},
            )
    return ids


def _names(db) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT name FROM members ORDER BY id")).scalars())


def _refused_then_fixed(db) -> None:
    _at_0007(db)
    ids = _fill_0007(db)
    before = _names(db)
    with pytest.raises(DatabaseUnusable) as caught:
        migrate.upgrade_to_head(db)
    err = caught.value
    assert err.reason is Unusable.MIGRATION
    message = err.message
    assert "형식을 올리지 않았습니다" in message and "데이터베이스는 바뀌지 않았습니다" in message
    assert "010-****-0001" in message and "제3기" in message
    assert f"단원 번호 {ids['first']} 김*나" in message and f"단원 번호 {ids['second']} 김*나" in message
    assert "0003" not in message  # a trashed person does not count
    assert "IntegrityError" not in message and "UNIQUE" not in message
    # refused as a whole: still 0007, nothing normalised, no index
    assert migrate.current_revision(db) == "0007"
    assert _names(db) == before and NFD_NAME in before
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE members SET phone = '+821020000009' WHERE id = :i"), {"i": ids["second"]})
    migrate.upgrade_to_head(db)
    assert migrate.is_at_head(db)
    names = _names(db)
    assert "한가람" in names and NFD_NAME not in names  # stored text is NFC now
    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:
            _person(conn, "박셋", "+821020000001")
    with db.engine.begin() as conn:  # a trashed person may share a live one's phone
        _person(conn, "박셋", "+821020000001", deleted=True)
        conn.execute(text("UPDATE members SET updated_at = :t WHERE id = :i"), {"t": now, "i": ids["first"]})


def test_migration_refuses_duplicate_people_and_leaves_the_database_as_it_was(tmp_path):
    db = open_database(str(tmp_path / "dup.db"))
    try:
        _refused_then_fixed(db)
    finally:
        db.dispose()


@needs_pg
def test_on_postgresql_the_migration_refuses_duplicate_people_and_changes_nothing():
    with throwaway_server_database() as url:
        db = open_database(url)
        try:
            _refused_then_fixed(db)
        finally:
            db.dispose()


def test_migration_refuses_names_that_nfc_would_make_equal(tmp_path):
    db = open_database(str(tmp_path / "nfc.db"))
    try:
        _at_0007(db)
        now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        with db.engine.begin() as conn:
            for name in ("김담당", unicodedata.normalize("NFD", "김담당")):
                conn.execute(
                    text(
                        "INSERT INTO users (name, role, active, created_at, updated_at, version) "
                        "VALUES (:n, 'coordinator', 1, :t, :t, 1)"
                    ),
                    {"n": name, "t": now},
                )
        with pytest.raises(DatabaseUnusable) as caught:
            migrate.upgrade_to_head(db)
        assert "사용자 이름 '김담당'" in caught.value.message and "(번호 1, 2)" in caught.value.message
        assert "한쪽을 바꾼 뒤" in caught.value.message
        assert migrate.current_revision(db) == "0007"
        with db.engine.connect() as conn:
            stored = list(conn.execute(text("SELECT name FROM users ORDER BY id")).scalars())
        assert stored == ["김담당", unicodedata.normalize("NFD", "김담당")]
    finally:
        db.dispose()


# ----- member services ------------------------------------------------------------------
def _cohort(ctx, number=7) -> int:
    return create_cohort(ctx, CohortInput(number, f"제{number}기", D(2026, 3, 1), D(2026, 12, 31))).id


def _enroll(ctx, cohort_id: int, name: str, phone: str):
    return enroll_member(
        ctx,
        cohort_id,
        MemberInput(name, phone, joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )


def test_editing_a_member_onto_a_taken_phone_names_the_field_and_the_person(ctx):
    first, second = _cohort(ctx, 7), _cohort(ctx, 8)
    kim = _enroll(ctx, first, "김하나", "010-3000-0001")
    lee = _enroll(ctx, second, "이두리", "010-3000-0002")
    with pytest.raises(ValidationError) as caught:
        update_member(
            ctx, lee.enrollment_id, MemberInput("이두리", "010-3000-0001", joined_on=D(2026, 3, 1)), 1
        )
    assert caught.value.field == "휴대전화"
    assert f"다른 사람(김*나, 단원 번호 {kim.member_id})" in caught.value.message


def test_a_write_racing_past_the_checks_is_refused_by_the_index_with_a_sentence(ctx):
    """A writer that took no lock and skipped the look-up (an older program, a script) meets
    the unique index; the service layer says so in Korean, without SQL."""
    c = _cohort(ctx)
    _enroll(ctx, c, "김하나", "010-3200-0001")
    from panelapp.services.context import transaction

    with pytest.raises(DuplicateError) as caught:
        with transaction(ctx) as s:
            s.connection().execute(
                insert(Member.__table__).values(name="가짜", phone="+821032000001", gender="unspecified")
            )
    assert caught.value.what == "member_phone"
    assert "같은 휴대전화 번호로 등록된 사람이 이미 있어" in caught.value.message
    assert "UNIQUE" not in caught.value.message and "duplicate key" not in caught.value.message


def _race(ctx, monkeypatch, calls, hold: str, module) -> list[object]:
    """Run `calls` at once, each on its own engine (its own connections); each waits at `hold`
    (a function of `module`, run after its transaction's checks) for the others, up to 2 s: a
    writer blocked by the lock never gets there, so the others go on without it."""
    barrier = threading.Barrier(len(calls))
    real = getattr(module, hold)

    def held(*args, **kwargs):
        out = real(*args, **kwargs)
        try:
            barrier.wait(timeout=2)
        except threading.BrokenBarrierError:
            pass
        return out

    monkeypatch.setattr(module, hold, held)
    results: list[object] = [None] * len(calls)
    dbs = [open_database(ctx.db.url) for _ in calls]

    def run(i):
        own = ServiceContext(db=dbs[i], user_id=ctx.user_id, user_name=ctx.user_name)
        try:
            results[i] = calls[i](own)
        except Exception as exc:  # what the caller would show
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for db in dbs:
        db.dispose()
    return results


def _count(ctx, model) -> int:
    with reading(ctx) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_two_forms_enrolling_one_new_person_at_once_make_one_person(ctx, monkeypatch):
    from panelapp.services.people import members

    first, second = _cohort(ctx, 7), _cohort(ctx, 8)
    calls = [lambda own, c=c: _enroll(own, c, "김하나", "010-3300-0001") for c in (first, second)]
    results = _race(ctx, monkeypatch, calls, "team_for", members)
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(r.reused_member for r in results) == [False, True]
    assert _count(ctx, Member) == 1 and _count(ctx, Enrollment) == 2


def test_without_the_lock_the_index_still_refuses_the_second_person_with_a_sentence(ctx, monkeypatch):
    from panelapp.services.people import members

    monkeypatch.setattr(members, "write_lock", lambda *a, **k: None)
    first, second = _cohort(ctx, 7), _cohort(ctx, 8)
    calls = [lambda own, c=c: _enroll(own, c, "김하나", "010-3300-0001") for c in (first, second)]
    results = _race(ctx, monkeypatch, calls, "_phone_conflict", members)
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(lost) == 1, results
    assert isinstance(lost[0], ValidationError) and lost[0].field == "휴대전화"
    assert "김*나, 단원 번호" in lost[0].message and "다시 저장하면 그 사람으로 등록합니다" in lost[0].message
    assert _count(ctx, Member) == 1 and _count(ctx, Enrollment) == 1


# ----- imports --------------------------------------------------------------------------
def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "명단.csv"
    lines = ["이름,휴대전화,소속,역할,개인정보동의일"]
    given = "가나다라마바사아자차"
    lines += [
        f"김{given[i // 10]}{given[i % 10]},010-4{i:03d}-{i + 1000:04d},,,2026-03-02" for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_same_file_imported_into_one_cohort_twice_at_once_enrols_once(ctx, tmp_path, monkeypatch):
    c = _cohort(ctx)
    path = _roster(tmp_path)
    previews = [preview_import(ctx, c, path) for _ in range(2)]  # both checked against an empty cohort
    assert all(p.can_import for p in previews)
    calls = [lambda own, p=p: commit_import(own, c, p) for p in previews]
    results = _race(ctx, monkeypatch, calls, "known_members", importing)
    won = [r for r in results if not isinstance(r, Exception)]
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(won) == 1 and len(lost) == 1, results
    assert won[0].imported == ROWS
    assert isinstance(lost[0], ImportRefused) and "아무것도 저장하지 않았습니다" in lost[0].message
    rows = [r.row for r in previews[0].rows]  # every row of the file is named
    assert sorted({p.row for p in lost[0].problems}) == rows and len(rows) == ROWS
    assert (
        lost[0].problems[0].line()
        == f"행 {rows[0]}: 휴대전화: 이 기수에 같은 번호의 단원(김*가)이 이미 있습니다."
    )
    assert _count(ctx, Member) == ROWS and _count(ctx, Enrollment) == ROWS


def test_the_same_file_imported_into_two_cohorts_at_once_makes_no_duplicate_people(
    ctx, tmp_path, monkeypatch
):
    first, second = _cohort(ctx, 7), _cohort(ctx, 8)
    path = _roster(tmp_path)
    previews = {c: preview_import(ctx, c, path) for c in (first, second)}
    calls = [lambda own, c=c: commit_import(own, c, previews[c]) for c in (first, second)]
    results = _race(ctx, monkeypatch, calls, "known_members", importing)
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(r.reused for r in results) == [0, ROWS]
    assert _count(ctx, Member) == ROWS and _count(ctx, Enrollment) == 2 * ROWS
    with reading(ctx) as s:
        per_person = s.execute(
            select(Enrollment.member_id, func.count()).group_by(Enrollment.member_id)
        ).all()
    assert {n for _m, n in per_person} == {2}


# ----- check ----------------------------------------------------------------------------
def test_check_reports_live_people_sharing_a_phone(ctx):
    c = _cohort(ctx)
    kim = _enroll(ctx, c, "김하나", "010-3400-0001")
    made_version_table = False
    with ctx.db.engine.begin() as conn:  # what a database without the index may hold
        conn.execute(text("DROP INDEX uq_members_phone_live"))
        twin = conn.execute(
            insert(Member.__table__)
            .values(name="김하나", phone="+821034000001", gender="unspecified")
            .returning(Member.__table__.c.id)
        ).scalar_one()
    try:
        assert duplicate_people(ctx.db) == [
            f"같은 휴대전화 번호(010-****-0001)로 2명이 있습니다: 김*나(단원 번호 {kim.member_id}), "
            f"김*나(단원 번호 {twin}). 같은 사람이 두 번 기록되었거나 번호가 잘못 적힌 것입니다. "
            "다른 사람이면 번호를 고쳐 주세요."
        ]
        if not ctx.db.is_sqlite:  # SQLite's check stops earlier, at the missing index
            with ctx.db.engine.begin() as conn:  # the test schema is made without Alembic
                made_version_table = not inspect(conn).has_table("alembic_version")
                if made_version_table:
                    conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
                    conn.execute(
                        text("INSERT INTO alembic_version VALUES (:h)"), {"h": migrate.head_revision()}
                    )
            assert duplicate_people(ctx.db)[0] in run_checks(ctx.db)
    finally:
        with ctx.db.engine.begin() as conn:
            if made_version_table:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
            conn.execute(text("DELETE FROM members WHERE id = :i"), {"i": twin})
            conn.execute(
                text("CREATE UNIQUE INDEX uq_members_phone_live ON members (phone) WHERE deleted_at IS NULL")
            )
    assert duplicate_people(ctx.db) == []
