"""`run_checks`: schema version, SQLite integrity, attachment files and the consent rule."""

import datetime as dt

from alembic import command
from sqlalchemy import delete, select, text

from panelapp.atomic import private_folder, write_bytes
from panelapp.db.engine import open_database
from panelapp.db.migrate import alembic_config, upgrade_to_head
from panelapp.db.models import Attachment, Cohort, Consent, Enrollment, Member
from panelapp.services.attachments.store import attachment_path, attachments_root
from panelapp.services.context import transaction
from panelapp.services.system.check import MAX_LINES, run_checks

SHA = "ab" * 32


def stamp_head(db):
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")


def test_clean_migrated_database_has_no_problems(tmp_path):
    db = open_database(str(tmp_path / "c.db"))
    upgrade_to_head(db)
    assert run_checks(db) == []
    db.dispose()


def test_database_not_at_head_is_reported(tmp_path):
    db = open_database(str(tmp_path / "old.db"))
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    problems = run_checks(db)
    assert len(problems) == 1 and "최신" in problems[0] and "프로그램을 한 번 실행" in problems[0]
    db.dispose()


def test_missing_file_is_reported_and_not_created(tmp_path):
    path = tmp_path / "none.db"
    db = open_database(str(path))
    problems = run_checks(db)
    assert len(problems) == 1 and "없거나 비어" in problems[0] and "프로그램을 한 번 실행" in problems[0]
    assert not path.exists()  # check changes nothing, not even by creating the file
    db.dispose()


def test_demo_database_passes(demo_ctx):
    stamp_head(demo_ctx.db)
    assert run_checks(demo_ctx.db) == []


def test_missing_attachment_file_is_reported(ctx):
    stamp_head(ctx.db)
    with transaction(ctx) as s:
        s.add(
            Attachment(
                sha256=SHA,
                original_name="화장실_파손.jpg",
                mime="image/jpeg",
                size=3,
                owner_type="finding",
                owner_id=1,
            )
        )
        s.add(
            Attachment(
                sha256="cd" * 32,
                original_name="지운사진.jpg",
                mime="image/jpeg",
                size=3,
                owner_type="finding",
                owner_id=1,
                deleted_at=dt.datetime(2026, 5, 1),
            )
        )
    problems = run_checks(ctx.db)
    assert len(problems) == 1 and "화장실_파손.jpg" in problems[0]
    path = attachment_path(ctx.db, SHA)
    write_bytes(private_folder(path.parent) / path.name, b"jpg")  # as the program stores it
    if not ctx.db.is_sqlite:  # on a server the content must be in the database (issue 13 item 1)
        from panelapp.services.attachments.blobs import save_blob

        [problem] = run_checks(ctx.db)
        assert "서버 데이터베이스에 없어" in problem and "panelapp attachments upload" in problem
        with ctx.db.engine.begin() as conn:
            save_blob(conn, SHA, b"jpg", "image/jpeg")
    try:
        assert run_checks(ctx.db) == []
    finally:
        path.unlink()


def test_attachment_layout(tmp_path):
    db = open_database(str(tmp_path / "x.db"))
    assert attachment_path(db, SHA) == tmp_path / "attachments" / "ab" / SHA
    assert attachments_root(db) == tmp_path / "attachments"
    import pytest

    from panelapp.domain.errors import DomainError

    with pytest.raises(DomainError):
        attachment_path(db, "../../etc/passwd")
    db.dispose()


def test_attachments_of_a_server_database_live_in_the_data_folder():
    from panelapp.paths import data_dir

    db = open_database("postgresql+psycopg://u@server/panel")
    assert attachments_root(db) == data_dir() / "attachments"


def test_enrolment_without_consent_is_reported(demo_ctx):
    ctx = demo_ctx
    stamp_head(ctx.db)
    with transaction(ctx) as s:
        seventh = s.scalar(select(Cohort.id).where(Cohort.number == 7))
        e = s.scalar(
            select(Enrollment).where(Enrollment.cohort_id == seventh).order_by(Enrollment.id.desc()).limit(1)
        )
        name = s.get(Member, e.member_id).name
        s.execute(delete(Consent).where(Consent.enrollment_id == e.id))
    problems = run_checks(ctx.db)
    assert len(problems) == 1
    assert "제7기" in problems[0] and "동의" in problems[0] and name[0] in problems[0]
    assert name not in problems[0]  # masked: the output may end up in a ticket or an e-mail
    with transaction(ctx) as s:  # an enrolment in the trash is not held to the rule
        s.get(Enrollment, e.id).deleted_at = dt.datetime(2026, 6, 1)
    assert run_checks(ctx.db) == []


def test_a_destroyed_members_enrolments_are_not_held_to_the_consent_rule(demo_ctx, tmp_path):
    from panelapp.services.retention.destroy import destroy_members
    from panelapp.settings import Settings

    ctx = demo_ctx
    stamp_head(ctx.db)
    settings = Settings(tmp_path / "settings.json")
    settings.set("backup_dir", str(tmp_path / "backups"))
    result = destroy_members(ctx, None, "보유기간 경과", settings, today=dt.date(2026, 11, 20))
    assert result.count == 8  # the demo's 제5기
    assert run_checks(ctx.db) == []


def test_many_problems_are_capped(demo_ctx):
    ctx = demo_ctx
    stamp_head(ctx.db)
    with transaction(ctx) as s:
        s.execute(delete(Consent))
    problems = run_checks(ctx.db)
    assert len(problems) == MAX_LINES + 1 and "이 밖에" in problems[-1]


def test_broken_foreign_key_is_reported(tmp_path):
    db = open_database(str(tmp_path / "fk.db"))
    upgrade_to_head(db)
    with db.engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(
            text(
                "INSERT INTO consents (member_id, notice_id, consented_on, method, "
                "retention_until, created_at, updated_at, version) VALUES "
                "(999, 999, '2026-01-01', 'written', '2027-01-01', '2026-01-01', '2026-01-01', 1)"
            )
        )
    problems = run_checks(db)
    assert any("'consents'" in p and "'members'" in p for p in problems)
    db.dispose()
