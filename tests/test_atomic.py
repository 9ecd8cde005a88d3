"""panelapp/atomic.py: a write that fails midway leaves the old file intact and no temporary."""

import os

import pytest

from panelapp import atomic


def test_failure_midway_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "목록.csv"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic.atomic_file(target) as fh:
        fh.write(b"half")
        raise RuntimeError("disk gone")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["목록.csv"]


def test_failed_rename_names_the_target_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "new.pdf"

    def refuse(_a, _b):
        raise OSError(28, "No space left on device", str(_a))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError) as caught:
        atomic.write_bytes(target, b"x")
    assert caught.value.filename == str(target) and list(tmp_path.iterdir()) == []


def test_success_replaces_and_stale_temporaries_of_others_are_removed(tmp_path):
    target = tmp_path / "s.json"
    atomic.write_text(target, "{}")
    assert target.read_text() == "{}" and list(tmp_path.iterdir()) == [target]
    stale = tmp_path / ".s.json.999999-abcd.tmp"
    fresh = tmp_path / ".s.json.999998-abcd.tmp"
    own = atomic.temp_for(target)
    for p in (stale, fresh, own):
        p.write_bytes(b"half")
    os.utime(stale, (0, 0))
    os.utime(own, (0, 0))
    assert atomic.remove_stale_temporaries(tmp_path) == 1
    assert not stale.exists() and fresh.exists() and own.exists() and target.exists()
