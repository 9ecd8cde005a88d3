"""Offline updates: the version file read from a folder, a file and a local web server."""

from __future__ import annotations

import http.server
import json
import socket
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from panelapp import __version__
from panelapp.services.system import updates
from panelapp.services.system.updates import (
    UpdateCheckError,
    check_for_update,
    configured_source,
    describe,
    version_key,
)

PLATFORM = "windows" if sys.platform == "win32" else "debian"


def newer_than(version: str) -> str:
    parts = list(version_key(version))
    parts[1] += 1
    return ".".join(str(p) for p in parts[:3])


def write_info(folder: Path, **fields) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "panelapp-new-setup.bin").write_bytes(b"installer")
    info = {
        "version": newer_than(__version__),
        "released": "2026-12-01",
        "notes": ["보고서에 부서별 답변 현황 추가", "명단 가져오기가 빨라짐"],
        "installers": {PLATFORM: "panelapp-new-setup.bin"},
    }
    info.update(fields)
    path = folder / updates.VERSION_FILE
    path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def web(tmp_path):
    """A web server on 127.0.0.1 serving tmp_path/www (an intranet server)."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_versions_compare_number_by_number():
    assert version_key("0.10.0") > version_key("0.9.9")
    assert version_key("1.0") == version_key("1.0.0")
    assert version_key("v1.2.3") == (1, 2, 3, 0)
    with pytest.raises(ValueError):
        version_key("1.2-beta")


def test_a_shared_folder_with_a_newer_version(tmp_path):
    share = tmp_path / "share" / "panelapp"
    write_info(share)
    info = check_for_update(str(share))
    assert info.is_newer and info.current == __version__
    assert info.version == newer_than(__version__)
    assert info.released == date(2026, 12, 1)
    assert info.notes == ("보고서에 부서별 답변 현황 추가", "명단 가져오기가 빨라짐")
    assert info.installer == str(share / "panelapp-new-setup.bin")
    assert info.folder == str(share)
    text = describe(info)
    assert f"새 버전 {info.version}" in text and "보고서에 부서별 답변 현황 추가" in text
    assert str(share / "panelapp-new-setup.bin") in text


def test_the_version_file_itself_may_be_named(tmp_path):
    path = write_info(tmp_path / "share")
    info = check_for_update(str(path))
    assert info.source == str(path) and info.folder == str(tmp_path / "share")


def test_the_same_version_is_up_to_date(tmp_path):
    write_info(tmp_path, version=__version__)
    info = check_for_update(str(tmp_path))
    assert not info.is_newer
    assert describe(info).startswith(f"지금 쓰는 버전 {__version__}")
    assert "최신입니다" in describe(info)


def test_an_older_published_version_is_not_offered(tmp_path):
    write_info(tmp_path, version="0.0.1")
    assert not check_for_update(str(tmp_path)).is_newer


def test_an_intranet_address(web):
    root, base = web
    write_info(root / "panelapp")
    info = check_for_update(f"{base}/panelapp/")
    assert info.is_newer
    assert info.source == f"{base}/panelapp/{updates.VERSION_FILE}"
    assert info.installer == f"{base}/panelapp/panelapp-new-setup.bin"
    assert info.folder == f"{base}/panelapp/"
    # without the trailing slash, and the file's own address
    assert check_for_update(f"{base}/panelapp").version == info.version
    assert check_for_update(f"{base}/panelapp/{updates.VERSION_FILE}").folder == f"{base}/panelapp/"


def test_a_missing_file_on_the_server_is_a_sentence(web):
    _root, base = web
    with pytest.raises(UpdateCheckError) as caught:
        check_for_update(f"{base}/nothing/")
    assert "업데이트 정보 파일이 없습니다" in caught.value.message
    assert f"{base}/nothing/{updates.VERSION_FILE}" in caught.value.message


def test_a_server_that_is_not_there_is_a_sentence():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(UpdateCheckError) as caught:
        check_for_update(f"http://127.0.0.1:{port}/panelapp/")
    assert "서버에 연결할 수 없습니다" in caught.value.message


def test_a_share_that_is_not_connected_is_a_sentence(tmp_path):
    with pytest.raises(UpdateCheckError) as caught:
        check_for_update(str(tmp_path / "Z드라이브" / "panelapp"))
    assert "찾을 수 없습니다" in caught.value.message and "Z드라이브" in caught.value.message


def test_no_place_set_says_where_to_set_it():
    with pytest.raises(UpdateCheckError) as caught:
        check_for_update("  ")
    assert "도움말 → 업데이트 확인" in caught.value.message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\xff not json", "JSON이 아닙니다"),
        (b"[1, 2]", "형식이 올바르지 않습니다"),
        (json.dumps({"notes": ["x"]}).encode(), "version 항목이 없습니다"),
        (json.dumps({"version": "새 버전"}).encode(), "'새 버전'이 버전 번호"),
        (json.dumps({"version": "1.2.0", "released": "12월 1일"}).encode(), "날짜(예: 2026-12-01)"),
        (json.dumps({"version": "1.2.0", "notes": {"a": 1}}).encode(), "문장 목록"),
        (b"{" + b" " * (updates.MAX_BYTES + 10) + b"}", "너무 큽니다"),
    ],
)
def test_a_malformed_version_file_is_a_sentence_naming_it(tmp_path, content, words):
    (tmp_path / updates.VERSION_FILE).write_bytes(content)
    with pytest.raises(UpdateCheckError) as caught:
        check_for_update(str(tmp_path))
    assert words in caught.value.message
    assert str(tmp_path / updates.VERSION_FILE) in caught.value.message


def test_a_folder_named_like_the_file_is_not_read(tmp_path):
    (tmp_path / updates.VERSION_FILE).mkdir()
    with pytest.raises(UpdateCheckError):
        check_for_update(str(tmp_path))


def test_only_this_platforms_installer_is_named(tmp_path):
    other = "debian" if PLATFORM == "windows" else "windows"
    write_info(tmp_path, installers={other: "x"})
    info = check_for_update(str(tmp_path))
    assert info.installer is None
    assert f"설치 파일은 {tmp_path}에 있습니다" in describe(info)


def test_the_installations_preset_is_used_when_the_user_set_nothing(monkeypatch):
    monkeypatch.setenv(updates.SOURCE_ENV, r"\\server\share\panelapp")
    assert configured_source("") == r"\\server\share\panelapp"
    assert configured_source(None) == r"\\server\share\panelapp"
    assert configured_source(" /mnt/share ") == "/mnt/share"
    monkeypatch.delenv(updates.SOURCE_ENV)
    assert configured_source("") == ""


def test_updates_are_off_by_default(tmp_path):
    from panelapp.settings import Settings

    settings = Settings(tmp_path / "settings.json")
    assert settings.get("update_check_at_start") is False
    assert settings.get("update_source") == ""


def test_an_installer_named_but_not_in_the_folder_is_said(tmp_path):
    write_info(tmp_path)
    (tmp_path / "panelapp-new-setup.bin").unlink()
    info = check_for_update(str(tmp_path))
    assert info.installer is None and info.missing_installer == str(tmp_path / "panelapp-new-setup.bin")
    assert "가리키는 설치 파일이 없습니다" in describe(info)
