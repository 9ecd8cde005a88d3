"""완료 처리 with evidence: the result text (완료 내용) is required and named, "after" photos are
attached in the same transaction (a refused photo saves nothing), more can be added to a done
proposal only, and a removed one comes back with undo, as a finding's photo does."""

import io

import pytest
from proposal_world import TODAY, D, build

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.services.attachments.photos import list_attachments, remove_attachment
from panelapp.services.proposals.manage import (
    AFTER_PHOTOS,
    ProposalInput,
    add_after_photos,
    create_proposal,
    delete_proposal,
    get_proposal,
    move_proposal,
)
from panelapp.services.system.undo import undo


def jpeg(path, color=(40, 160, 90), size=(320, 240)):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG")
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def w(ctx):
    return build(ctx)


def _in_progress(w):
    p = create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id,
            "탈의실 바닥 개선",
            proposal="미끄럼 방지 매트",
            submitted_on=D(2026, 6, 1),
            finding_ids=(w.slippery,),
        ),
        today=TODAY,
    )[0]
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)
    p = move_proposal(w.ctx, p.id, PS.ACCEPTED, p.version, answer="설치합니다.", today=TODAY)
    return move_proposal(w.ctx, p.id, PS.IN_PROGRESS, p.version, today=TODAY)


def test_done_needs_a_result_text_named_with_the_other_errors(w):
    p = _in_progress(w)
    with pytest.raises(ValidationError) as only:
        move_proposal(w.ctx, p.id, PS.DONE, p.version, result="   ", today=TODAY)
    assert only.value.field == "완료 내용" and "완료 내용" in str(only.value)
    with pytest.raises(ValidationErrors) as both:
        move_proposal(w.ctx, p.id, PS.DONE, p.version, on=D(2026, 7, 1), today=TODAY)
    assert {e.field for e in both.value.errors} == {"완료 내용", "처리일"}
    assert get_proposal(w.ctx, p.id, TODAY).status == PS.IN_PROGRESS  # nothing saved


def test_done_keeps_the_result_and_its_after_photos(w, tmp_path):
    p = _in_progress(w)
    photos = [jpeg(tmp_path / "after1.jpg"), jpeg(tmp_path / "after2.jpg", (200, 200, 60))]
    done = move_proposal(
        w.ctx,
        p.id,
        PS.DONE,
        p.version,
        on=D(2026, 6, 19),
        today=TODAY,
        result="매트 12장을 깔고 배수구를 넓혔습니다.",
        photos=photos,
    )
    assert done.status == PS.DONE and done.result_text == "매트 12장을 깔고 배수구를 넓혔습니다."
    assert done.events[-1].note == "완료 내용: 매트 12장을 깔고 배수구를 넓혔습니다."
    after = list_attachments(w.ctx, AFTER_PHOTOS, p.id)
    assert [a.original_name for a in after] == ["after1.jpg", "after2.jpg"]
    assert all(a.path.is_file() and (a.width, a.height) == (320, 240) for a in after)
    assert list_attachments(w.ctx, "proposal", p.id) == []  # its own kind, apart from other files
    assert get_proposal(w.ctx, p.id, TODAY).result_text == done.result_text


def test_a_refused_photo_saves_nothing(w, tmp_path):
    p = _in_progress(w)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    with pytest.raises(DomainError, match="notes.jpg"):
        move_proposal(
            w.ctx,
            p.id,
            PS.DONE,
            p.version,
            result="완료",
            photos=[jpeg(tmp_path / "ok.jpg"), bad],
            today=TODAY,
        )
    assert get_proposal(w.ctx, p.id, TODAY).status == PS.IN_PROGRESS
    assert list_attachments(w.ctx, AFTER_PHOTOS, p.id) == []


def test_after_photos_only_on_done_proposals_removed_with_undo_and_kept_through_trash(w, tmp_path):
    p = _in_progress(w)
    with pytest.raises(DomainError, match="완료"):
        add_after_photos(w.ctx, p.id, [jpeg(tmp_path / "early.jpg")])
    with pytest.raises(DomainError, match="완료 처리할 때만"):
        move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, photos=[tmp_path / "early.jpg"], today=TODAY)
    p = move_proposal(w.ctx, p.id, PS.DONE, p.version, result="완료", today=TODAY)
    added = add_after_photos(w.ctx, p.id, [jpeg(tmp_path / "later.jpg")])
    assert [a.original_name for a in list_attachments(w.ctx, AFTER_PHOTOS, p.id)] == ["later.jpg"]
    record = remove_attachment(w.ctx, added[0].id)
    assert list_attachments(w.ctx, AFTER_PHOTOS, p.id) == []
    undo(w.ctx, record)
    assert [a.id for a in list_attachments(w.ctx, AFTER_PHOTOS, p.id)] == [added[0].id]
    undo(w.ctx, delete_proposal(w.ctx, p.id, p.version))  # to the trash and back: photos with it
    assert [a.id for a in list_attachments(w.ctx, AFTER_PHOTOS, p.id)] == [added[0].id]


def test_migration_0006_adds_result_text_and_goes_back(tmp_path):
    from alembic import command
    from sqlalchemy import inspect, text

    from panelapp.db.engine import open_database
    from panelapp.db.migrate import alembic_config, upgrade_to_head
    from panelapp.services.system.bootstrap import schema_is_current

    def to(db, revision, down=False):
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)

    def columns(db):
        return {c["name"] for c in inspect(db.engine).get_columns("proposals")}

    db = open_database(str(tmp_path / "old.db"))
    try:
        to(db, "0005")
        assert "result_text" not in columns(db) and not schema_is_current(db)
        upgrade_to_head(db)
        assert "result_text" in columns(db) and schema_is_current(db)  # the header fast path agrees
        to(db, "0005", down=True)
        assert "result_text" not in columns(db)
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        db.dispose()
