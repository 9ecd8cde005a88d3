"""중복으로 표시 (issue 14 item 6): a proposal marked as a duplicate gives its findings and
feedback to its original, both histories say so with the actor's name, it leaves every count and
the lists' default filter, the full export marks it, and unmarking gives its links back. The
refusals are sentences. Runs on SQLite and PostgreSQL (the ctx fixture)."""

import os

import pytest
from proposal_world import TODAY, D, build

from panelapp.domain.duplicates import EVENT_LABELS, MARKED, MERGED, SPLIT, UNMARKED
from panelapp.domain.enums import FeedbackKind, ProposalStatus, UserRole
from panelapp.domain.errors import DomainError
from panelapp.services.changes import Kind, collecting
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.engagement.feedback import FeedbackInput, FeedbackQuery, create_feedback, list_feedback
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.duplicate_marks import mark_duplicate, original_suggestions, unmark_duplicate
from panelapp.services.proposals.listing import proposal_ids
from panelapp.services.proposals.manage import (
    ProposalInput,
    create_proposal,
    delete_proposal,
    get_proposal,
    move_proposal,
)
from panelapp.services.proposals.queries import ProposalQuery
from panelapp.services.reporting.dashboard import load_dashboard
from panelapp.services.reporting.sla import department_sla


def _new(w, title, facility=None, findings=(), dept=None, cohort=None, submitted=D(2026, 6, 1)):
    return create_proposal(
        w.ctx,
        ProposalInput(
            cohort or w.cohort_id,
            title,
            proposal="고쳐 주세요",
            facility_id=facility,
            department_id=dept,
            submitted_on=submitted,
            due_on=D(2026, 6, 5),
            finding_ids=findings,
        ),
        today=TODAY,
    )[0]


def _feedback(w, proposal_id):
    row, _undo = create_feedback(
        w.ctx,
        FeedbackInput(
            w.cohort_id, FeedbackKind.DISLIKE, "바닥이 미끄러워요", D(2026, 6, 2), proposal_id=proposal_id
        ),
        today=TODAY,
    )
    return row.id


@pytest.fixture
def pair(ctx):
    w = build(ctx)
    original = _new(w, "탈의실 바닥 미끄럼 방지", w.gym, (w.slippery,), dept=w.dept_id)
    dup = _new(w, "탈의실 바닥이 미끄러워요", w.gym, (w.slippery, w.lights), dept=w.dept_id)
    return w, original, dup, _feedback(w, dup.id)


def _findings(ctx, pid):
    return sorted(f.id for f in get_proposal(ctx, pid, TODAY).findings)


def test_marking_moves_the_links_and_both_histories_say_so(pair):
    w, original, dup, note = pair
    with collecting() as bag:
        shown = mark_duplicate(w.ctx, dup.id, original.id, dup.version, today=TODAY)
    ids = bag.changes.ids_of(Kind.PROPOSAL)  # None: the link table was written in bulk (every one)
    assert Kind.PROPOSAL in bag.changes.kinds and (ids is None or {dup.id, original.id} <= ids)
    assert Kind.FEEDBACK in bag.changes.kinds
    assert shown.duplicate_of_id == original.id and shown.duplicate_of_title == original.title
    assert shown.findings == () and _findings(w.ctx, original.id) == sorted([w.slippery, w.lights])
    assert [f.proposal_id for f in list_feedback(w.ctx, FeedbackQuery(w.cohort_id)).rows if f.id == note] == [
        original.id
    ]
    first = get_proposal(w.ctx, original.id, TODAY)
    assert first.duplicates == ((dup.id, dup.title),)
    marked = [e for e in shown.events if e.kind == MARKED]
    merged = [e for e in first.events if e.kind == MERGED]
    assert len(marked) == len(merged) == 1
    assert marked[0].user_name == merged[0].user_name == "테스트담당자"
    assert f"#{original.id}" in marked[0].note and "발견사항 1건, 좋아요·아쉬워요 1건" in marked[0].note
    assert f"#{dup.id}" in merged[0].note and not marked[0].is_progress
    assert EVENT_LABELS[MARKED] == "중복으로 표시"


def test_a_duplicate_leaves_the_counts_and_the_default_list(pair):
    w, original, dup, _note = pair
    before = load_dashboard(w.ctx, w.cohort_id, today=TODAY)
    sla_before = department_sla(w.ctx, w.cohort_id, today=TODAY)[-1]
    assert sla_before.received == 2 and sla_before.overdue == 2
    mark_duplicate(w.ctx, dup.id, original.id, dup.version, today=TODAY)
    after = load_dashboard(w.ctx, w.cohort_id, today=TODAY)
    assert after.proposals_total == before.proposals_total - 1
    assert after.overdue == before.overdue - 1
    total = department_sla(w.ctx, w.cohort_id, today=TODAY)[-1]
    assert total.received == 1 and total.overdue == 1
    default = proposal_ids(w.ctx, ProposalQuery(w.cohort_id, today=TODAY))
    assert dup.id not in default and original.id in default
    assert dup.id in proposal_ids(w.ctx, ProposalQuery(w.cohort_id, today=TODAY, with_duplicates=True))
    row = get_proposal(w.ctx, dup.id, TODAY).row
    assert not row.overdue  # a duplicate is nobody's to answer
    from panelapp.services.proposals.desk import desk_ids

    assert desk_ids(w.ctx, w.dept_id, today=TODAY) == [original.id]  # nor on the department's desk


def test_unmarking_gives_back_what_moved_and_says_so(pair):
    w, original, dup, note = pair
    marked = mark_duplicate(w.ctx, dup.id, original.id, dup.version, today=TODAY)
    back = unmark_duplicate(w.ctx, dup.id, marked.version, today=TODAY)
    assert back.duplicate_of_id is None
    assert _findings(w.ctx, dup.id) == sorted([w.slippery, w.lights])
    assert _findings(w.ctx, original.id) == [w.slippery]  # what it had before stays
    assert [f.proposal_id for f in list_feedback(w.ctx, FeedbackQuery(w.cohort_id)).rows if f.id == note] == [
        dup.id
    ]
    assert [e.kind for e in back.events if e.kind] == [MARKED, UNMARKED]
    first = get_proposal(w.ctx, original.id, TODAY)
    assert [e.kind for e in first.events if e.kind] == [MERGED, SPLIT] and first.duplicates == ()
    assert dup.id in proposal_ids(w.ctx, ProposalQuery(w.cohort_id, today=TODAY))
    with pytest.raises(DomainError, match="중복으로 표시되어 있지 않습니다"):
        unmark_duplicate(w.ctx, dup.id, back.version, today=TODAY)


def test_refusals_are_sentences(pair):
    w, original, dup, _note = pair
    with pytest.raises(DomainError, match="자기 자신의 중복으로 표시할 수 없습니다"):
        mark_duplicate(w.ctx, dup.id, dup.id, dup.version)
    third = _new(w, "탈의실 바닥 미끄러움 또", w.gym)
    marked = mark_duplicate(w.ctx, dup.id, original.id, dup.version)
    with pytest.raises(DomainError) as of_a_duplicate:
        mark_duplicate(w.ctx, third.id, dup.id, third.version)
    text = str(of_a_duplicate.value)
    assert f"#{original.id} '{original.title}'를 고르세요" in text and "중복의 중복" in text
    with pytest.raises(DomainError, match="이미 .*중복으로 표시되어 있습니다"):
        mark_duplicate(w.ctx, dup.id, third.id, marked.version)
    with pytest.raises(DomainError, match="원본으로 둔 중복 제안이 1건"):
        mark_duplicate(w.ctx, original.id, third.id, get_proposal(w.ctx, original.id).version)
    other = create_cohort(w.ctx, CohortInput(8, "제8기", D(2026, 3, 1), D(2026, 12, 31)))
    elsewhere = _new(w, "다른 기수의 제안", cohort=other.id)
    with pytest.raises(DomainError, match="제8기의 제안입니다. 같은 기수의 제안만"):
        mark_duplicate(w.ctx, third.id, elsewhere.id, third.version)
    delete_proposal(w.ctx, elsewhere.id)
    with pytest.raises(DomainError, match="삭제되어 휴지통에 있습니다"):
        mark_duplicate(w.ctx, third.id, elsewhere.id, third.version)
    with pytest.raises(DomainError, match=r"제안\(#999999\)이 없습니다"):
        mark_duplicate(w.ctx, third.id, 999999, third.version)


def test_only_coordinators_mark(pair):
    from test_department_desk import acting

    w, original, dup, _note = pair
    desk = acting(w.ctx, "김부서", UserRole.DEPARTMENT, w.dept_id)
    with pytest.raises(PermissionDenied):
        mark_duplicate(desk, dup.id, original.id, dup.version)


def test_the_likely_duplicate_rule_suggests_the_original(pair):
    w, original, dup, _note = pair
    assert [s.id for s in original_suggestions(w.ctx, dup.id)] == [original.id]
    third = _new(w, "탈의실 바닥 미끄럼 방지 요청", w.gym)
    mark_duplicate(w.ctx, dup.id, original.id, dup.version)
    # a duplicate is never suggested: its original is, once
    assert [s.id for s in original_suggestions(w.ctx, third.id)] == [original.id]


def test_the_full_export_marks_a_duplicate(pair, tmp_path):
    from openpyxl import load_workbook

    from panelapp.services.proposals.full_export import export_all_proposals

    w, original, dup, _note = pair
    mark_duplicate(w.ctx, dup.id, original.id, dup.version)
    move_proposal(w.ctx, original.id, ProposalStatus.REVIEWING, get_proposal(w.ctx, original.id).version)
    path = export_all_proposals(w.ctx, w.cohort_id, tmp_path / "all.xlsx").path
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("중복 원본")
    by_id = {r[0]: r[column] for r in rows[1:]}
    assert by_id == {original.id: None, dup.id: original.id}


def test_cli_marks_suggests_and_unmarks(tmp_path, capsys):
    from conftest import with_admin_account

    from panelapp.cli import main
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    w = build(ctx)
    original = _new(w, "탈의실 바닥 미끄럼 방지", w.gym, (w.slippery,))
    dup = _new(w, "탈의실 바닥 미끄럼 방지 요청", w.gym, (w.lights,))
    ctx.db.dispose()
    with_admin_account(path)
    db = ["--db", str(path), "proposals", "duplicate"]
    assert main([*db, str(dup.id)]) == 0
    assert f"#{original.id}  탈의실 바닥 미끄럼 방지" in capsys.readouterr().out
    assert main([*db, str(dup.id), "--of", str(dup.id)]) == 1
    assert "자기 자신의 중복" in capsys.readouterr().err
    assert main([*db, str(dup.id), "--of", str(original.id)]) == 0
    assert "중복으로 표시했습니다" in capsys.readouterr().out
    ctx = open_app(str(path))
    try:
        assert get_proposal(ctx, dup.id).duplicate_of_id == original.id
        assert _findings(ctx, original.id) == sorted([w.slippery, w.lights])
    finally:
        ctx.db.dispose()
    assert main([*db, str(dup.id), "--undo"]) == 0
    assert "중복 표시를 해제했습니다" in capsys.readouterr().out
    ctx = open_app(str(path))
    try:
        assert get_proposal(ctx, dup.id).duplicate_of_id is None and _findings(ctx, dup.id) == [w.lights]
    finally:
        ctx.db.dispose()


def _migration_round_trip(db):
    """0016 → head keeps a proposal and lets it be marked; head → 0016 → head again."""
    from alembic import command
    from sqlalchemy import inspect, text

    from panelapp.db.migrate import alembic_config, upgrade_to_head
    from panelapp.services.system.bootstrap import schema_is_current

    def to(revision, down=False):
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)

    def columns(table):
        return {c["name"] for c in inspect(db.engine).get_columns(table)}

    to("0016")
    assert "duplicate_of_id" not in columns("proposals") and "kind" not in columns("proposal_events")
    upgrade_to_head(db)
    assert {"duplicate_of_id", "duplicate_moves"} <= columns("proposals") and schema_is_current(db)
    assert "kind" in columns("proposal_events")
    fks = inspect(db.engine).get_foreign_keys("proposals")
    assert any(fk["constrained_columns"] == ["duplicate_of_id"] for fk in fks)
    to("0016", down=True)
    assert "duplicate_of_id" not in columns("proposals") and "kind" not in columns("proposal_events")
    if db.is_sqlite:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    upgrade_to_head(db)
    assert schema_is_current(db)


def test_migration_0020_on_sqlite(tmp_path):
    from panelapp.db.engine import open_database

    db = open_database(str(tmp_path / "old.db"))
    try:
        _migration_round_trip(db)
    finally:
        db.dispose()


@pytest.mark.skipif(
    not os.environ.get("PANELAPP_TEST_PG_URL"), reason="PostgreSQL leg: PANELAPP_TEST_PG_URL not set"
)
def test_migration_0020_on_postgresql():
    import uuid

    from sqlalchemy import create_engine, make_url, text

    from panelapp.db.engine import open_database

    url = make_url(os.environ["PANELAPP_TEST_PG_URL"])
    name = f"panelapp_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(url.set(database=name).render_as_string(hide_password=False))
    try:
        _migration_round_trip(db)
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
