"""Issue 11 item 3 beyond atomic.py itself: no orphaned photo after a rollback, `check` finds
orphans and `check --repair` removes them, stale temporaries are swept at start (and nothing
else is)."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from PIL import Image
from sqlalchemy import func, select

from panelapp.atomic import private_folder, write_bytes
from panelapp.cli import main
from panelapp.db.models import Attachment
from panelapp.services.attachments.photos import attach_bytes, store_bytes
from panelapp.services.attachments.store import attachment_path, attachments_root
from panelapp.services.context import transaction
from panelapp.services.system.bootstrap import open_app
from panelapp.services.system.check import orphan_files, run_checks
from panelapp.services.system.tidy import remove_stale_files
from panelapp.settings import Settings


def jpeg(colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), colour).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def app(tmp_path):
    """A migrated SQLite database with one finding to attach photos to."""
    from schedule_world import build_world

    from panelapp.domain.enums import FindingCategory, Severity
    from panelapp.services.findings.manage import FindingInput, create_finding
    from panelapp.services.inspections.scheduling import create_inspection

    ctx = open_app(str(tmp_path / "panel.db"))
    from conftest import TEST_PASSWORD, TEST_USER

    from panelapp.services.people.accounts import create_first_admin

    create_first_admin(ctx, TEST_USER, TEST_PASSWORD)  # the command line logs in as it
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft())
    ctx.finding_id = create_finding(
        ctx, FindingInput(insp.id, "난간 흔들림", FindingCategory.SAFETY, Severity.HIGH)
    ).id
    yield ctx
    ctx.db.dispose()


def rows(ctx) -> int:
    with ctx.db.session_factory() as s:
        return s.scalar(select(func.count()).select_from(Attachment))


# ----- a rollback leaves no photo file ------------------------------------------------------------
def test_a_photo_of_a_transaction_that_rolls_back_leaves_no_file(app):
    data = jpeg()
    path = attachment_path(app.db, hashlib.sha256(data).hexdigest())
    with pytest.raises(RuntimeError), transaction(app) as s:
        attach_bytes(s, attachments_root(app.db), "finding", app.finding_id, data, "a.jpg")
        assert path.is_file()  # stored before the row is flushed
        raise RuntimeError("a later step of the same call failed")
    assert not path.exists() and rows(app) == 0
    assert [p for p in path.parent.iterdir()] == []  # and no temporary either


def test_a_file_the_rolled_back_transaction_did_not_make_is_kept(app):
    data = jpeg((10, 200, 10))
    root = attachments_root(app.db)
    with transaction(app) as s:
        kept = attach_bytes(s, root, "finding", app.finding_id, data, "first.jpg")
    path = attachment_path(app.db, kept.sha256)
    with pytest.raises(RuntimeError), transaction(app) as s:
        attach_bytes(s, root, "finding", app.finding_id, jpeg((1, 2, 250)), "other.jpg")
        store_bytes(root, data, s)  # the same photo again: the file was there already
        raise RuntimeError("refused")
    assert path.is_file() and rows(app) == 1
    assert orphan_files(app.db) == []


def test_a_committed_photo_stays(app):
    with transaction(app) as s:
        a = attach_bytes(s, attachments_root(app.db), "finding", app.finding_id, jpeg(), "a.jpg")
    assert attachment_path(app.db, a.sha256).is_file() and rows(app) == 1


def test_a_photo_file_name_is_stored_nfc_without_invisible_characters(app):
    """Issue 11 item 7: a Mac writes 현장 decomposed (NFD) in file names; stored as given, the name
    shown in the finding's photo strip and the answer request never matched what Windows shows.
    A bidi override or a zero-width space in the name is dropped, not stored."""
    import unicodedata

    name = unicodedata.normalize("NFD", "현장\u202e사진\u200b.jpg")
    with transaction(app) as s:
        a = attach_bytes(s, attachments_root(app.db), "finding", app.finding_id, jpeg(), name)
        stored = a.original_name
    assert stored == "현장사진.jpg" and unicodedata.is_normalized("NFC", stored)
    with transaction(app) as s:
        b = attach_bytes(s, attachments_root(app.db), "finding", app.finding_id, jpeg((9, 9, 9)), "\u200b")
        assert b.original_name == "사진"


# ----- check finds orphans, check --repair removes them ------------------------------------------
def _orphan(ctx, colour=(5, 5, 5)):
    """A photo file (and its thumbnail) that no row names, as an older version's rollback left it."""
    data = jpeg(colour)
    sha = store_bytes(attachments_root(ctx.db), data)  # no session: nothing removes it
    thumb = attachments_root(ctx.db) / "thumbs" / f"{sha}_256.jpg"
    write_bytes(private_folder(thumb.parent) / thumb.name, data)  # as the program writes it
    return attachment_path(ctx.db, sha), thumb


def test_check_reports_orphans_and_repair_removes_only_them(app):
    with transaction(app) as s:
        a = attach_bytes(s, attachments_root(app.db), "finding", app.finding_id, jpeg(), "a.jpg")
    claimed = attachment_path(app.db, a.sha256)
    own_thumb = attachments_root(app.db) / "thumbs" / f"{a.sha256}_256.jpg"
    write_bytes(private_folder(own_thumb.parent) / own_thumb.name, b"thumb")
    users_file = attachments_root(app.db) / "메모.txt"  # not a name this program makes: never touched
    users_file.write_text("x")
    orphan, thumb = _orphan(app)

    assert sorted(orphan_files(app.db)) == sorted([orphan, thumb])
    problems = run_checks(app.db)
    assert len(problems) == 2 and all("어느 기록에도 붙어 있지 않습니다" in p for p in problems)
    assert any(orphan.name in p for p in problems) and "check --repair" in problems[0]
    assert orphan.exists()  # check alone changes nothing

    repaired: list[str] = []
    assert run_checks(app.db, repaired=repaired) == []
    assert repaired == ["어느 기록에도 붙어 있지 않은 첨부파일 2개를 지웠습니다."]
    assert not orphan.exists() and not thumb.exists()
    assert claimed.is_file() and own_thumb.is_file() and users_file.is_file()
    assert run_checks(app.db) == []


def test_photos_of_another_database_in_the_same_folder_are_not_orphans(app, tmp_path):
    """Two database files in one folder share its attachments folder (a fresh-eyes walk: check
    on an empty office.db beside demo.db offered to delete the demo's 31 photos)."""
    import sqlite3

    orphan, thumb = _orphan(app, colour=(9, 9, 9))  # no row of panel.db names it
    neighbour = tmp_path / "demo.db"
    conn = sqlite3.connect(neighbour)
    conn.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, sha256 TEXT)")
    conn.execute("INSERT INTO attachments (sha256) VALUES (?)", (orphan.name,))
    conn.commit()
    conn.close()
    (tmp_path / "notes.db").write_bytes(b"not a database")  # claims nothing, breaks nothing
    assert orphan_files(app.db) == []
    repaired: list[str] = []
    assert run_checks(app.db, repaired=repaired) == [] and repaired == []
    assert orphan.is_file() and thumb.is_file()
    neighbour.unlink()  # without the other database the file is an orphan again
    assert sorted(orphan_files(app.db)) == sorted([orphan, thumb])


def test_nothing_is_repaired_in_a_database_that_fails_before(tmp_path):
    from panelapp.db.engine import open_database

    path = tmp_path / "none.db"
    db = open_database(str(path))
    repaired: list[str] = []
    problems = run_checks(db, repaired=repaired)
    assert problems and repaired == [] and not path.exists()
    db.dispose()


def test_cli_check_and_repair_in_korean(app, capsys):
    orphan, _thumb = _orphan(app)
    target = str(app.db.sqlite_path)
    capsys.readouterr()
    assert main(["--db", target, "check"]) == 1
    err = capsys.readouterr().err
    assert f"문제: 첨부파일 폴더의 '{orphan.parent.name}/{orphan.name}'" in err
    assert "어느 기록에도 붙어 있지 않습니다(저장이 취소된 사진)" in err
    assert "문제 2건" in err and "Traceback" not in err
    assert main(["--db", target, "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "고침: 어느 기록에도 붙어 있지 않은 첨부파일 2개를 지웠습니다." in out and "이상 없음" in out
    assert not orphan.exists()
    assert main(["--db", target, "check"]) == 0


# ----- the start-up sweep -------------------------------------------------------------------------
def test_start_up_removes_only_stale_temporaries(tmp_path, monkeypatch):
    backups = tmp_path / "백업"
    backups.mkdir()
    settings = Settings(tmp_path / "settings.json")
    settings.set("backup_dir", str(backups))
    db_path = tmp_path / "panel.db"
    open_app(str(db_path), settings).db.dispose()

    photos = tmp_path / "attachments" / "ab"
    photos.mkdir(parents=True)
    old = 0  # mtime: 1970, long stale
    stale = [
        photos / f".{'ab' * 32}.999999-0a1b2c3d.tmp",  # a killed store of a photo
        tmp_path / "attachments" / ".part-x1y2z3.jpg",  # an older version's name
        backups / ".panel-20261201.db.999999-00ff00ff.tmp",
        backups / ".panel-20261201.db.999999-00ff00ff.tmp-journal",
        tmp_path / ".panel.db.999999.tmp",  # a restore's staging copy beside the database
    ]
    kept = [
        photos / f".{'cd' * 32}.999998-0a1b2c3d.tmp",  # fresh: another window may be writing it
        tmp_path / ".명단.xlsx.999999-0a1b2c3d.tmp",  # beside the database, not of the database
        tmp_path / "panel.db.999999.tmp",  # not hidden: not a name this program makes
        backups / "panel-20261201.db",
        photos / ("ab" * 32),
    ]
    for p in stale + kept:
        p.write_bytes(b"x")
    for p in stale + kept[1:]:
        os.utime(p, (old, old))
    own = backups / f".mine.db.{os.getpid()}-12345678.tmp"  # this process's own: in progress
    own.write_bytes(b"x")
    os.utime(own, (old, old))

    ctx = open_app(str(db_path), settings)
    ctx.db.dispose()
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == [] and own.exists()
    ctx = open_app(str(db_path), settings)
    assert remove_stale_files(ctx.db, settings) == 0  # nothing left to sweep
    ctx.db.dispose()


def test_a_folder_that_cannot_be_swept_does_not_stop_the_start(tmp_path, monkeypatch):
    from panelapp.services.system import tidy

    def broken(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tidy, "remove_stale_temporaries", broken)
    ctx = open_app(str(tmp_path / "panel.db"))
    assert ctx.user_id is not None
    ctx.db.dispose()


def test_a_rollback_leaves_no_photo_file_on_either_kind_of_database(ctx):
    """On PostgreSQL the folder is this desktop's cache of the server's photos: a photo of a
    rolled-back transaction leaves neither its row, its stored content nor its cached file."""
    from schedule_world import build_world

    from panelapp.domain.enums import FindingCategory, Severity
    from panelapp.services.findings.manage import FindingInput, create_finding
    from panelapp.services.inspections.scheduling import create_inspection

    w = build_world(ctx)
    finding = create_finding(
        ctx, FindingInput(create_inspection(ctx, w.draft()).id, "난간", FindingCategory.SAFETY, Severity.HIGH)
    )
    data = jpeg((123, 45, 67))
    path = attachment_path(ctx.db, hashlib.sha256(data).hexdigest())
    path.unlink(missing_ok=True)  # a server database's cache folder is shared by the suite
    with pytest.raises(RuntimeError), transaction(ctx) as s:
        attach_bytes(s, attachments_root(ctx.db), "finding", finding.id, data, "a.jpg")
        assert path.is_file()
        raise RuntimeError("refused")
    assert not path.exists() and rows(ctx) == 0
