"""`panelapp retention due|destroy|ledger`: the demo's earlier cohort is due, destroyed, ledgered."""

from __future__ import annotations

import re
import subprocess

import pytest

from panelapp.cli import main
from panelapp.services.demo.earlier_cohort import NAMES


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("PANELAPP_HOME", str(tmp_path / "home"))  # settings and the backup folder


def _due_ids(db, capsys) -> list[int]:
    assert main(["--db", str(db), "retention", "due"]) == 0
    out = capsys.readouterr().out
    return [int(line.split("\t")[0]) for line in out.splitlines() if re.match(r"^\d+\t", line)]


def test_due_destroy_and_ledger(demo_db, env, capsys, tmp_path):
    ids = _due_ids(demo_db, capsys)
    assert len(ids) == len(NAMES)  # the demo's 제5기, retention passed
    assert main(["--db", str(demo_db), "retention", "destroy", "--member", str(ids[0])]) == 1
    assert "--confirm" in capsys.readouterr().out  # nothing destroyed without it
    assert _due_ids(demo_db, capsys) == ids
    code = main(
        ["--db", str(demo_db), "retention", "destroy", "--due", "--reason", "보유기간 경과", "--confirm"]
    )
    out = capsys.readouterr().out
    assert code == 0 and f"단원 {len(NAMES)}명의 개인정보를 파기했습니다" in out
    assert main(["--db", str(demo_db), "retention", "due"]) == 0
    assert "파기 대상 단원이 없습니다" in capsys.readouterr().out
    raw = demo_db.read_bytes()
    assert len(list((tmp_path / "home" / "backups").iterdir())) == 1  # the backup made after it
    assert not any(name.encode() in raw for name in NAMES)
    pdf = tmp_path / "ledger.pdf"
    assert main(["--db", str(demo_db), "retention", "ledger", "-o", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "개인정보 파기 관리대장" in text and "보유기간 경과" in text


def test_a_coordinator_cannot_destroy(demo_db, env, capsys, monkeypatch):
    from conftest import TEST_PASSWORD

    monkeypatch.setenv("PANELAPP_USER", "담당자")
    monkeypatch.setenv("PANELAPP_PASSWORD", TEST_PASSWORD)
    assert main(["--db", str(demo_db), "retention", "destroy", "--due", "--confirm"]) == 1
    err = capsys.readouterr().err
    assert "관리자" in err and "Traceback" not in err
    assert (
        NAMES[0].encode() in demo_db.read_bytes()
        or NAMES[0].encode() in (demo_db.parent / (demo_db.name + "-wal")).read_bytes()
    )


def test_without_a_reason_the_members_own_reason_is_written(demo_db, env, capsys):
    """The demo's 제5기 is due because its retention passed: the ledger says 보유기간 경과, not
    동의 철회 (which none of them did)."""
    from conftest import TEST_PASSWORD, TEST_USER

    from panelapp.db.engine import open_database
    from panelapp.services.context import ServiceContext
    from panelapp.services.people.accounts import authenticate

    ids = _due_ids(demo_db, capsys)
    assert main(["--db", str(demo_db), "retention", "destroy", "--member", str(ids[0]), "--confirm"]) == 0
    ctx = ServiceContext(db=open_database(str(demo_db)))
    try:
        authenticate(ctx, TEST_USER, TEST_PASSWORD, record_login=False)
        from panelapp.services.retention.ledger import ledger_entries

        assert [e.reason for e in ledger_entries(ctx)] == ["개인정보 보유기간 경과"]
    finally:
        ctx.db.dispose()
