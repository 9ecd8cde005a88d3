"""Offline updates (도움말 → 업데이트 확인): read the version file the IT department publishes.

Office PCs on a separated network (망분리) get new versions as a file from the IT department.
The department puts the installers and a small version file, `panelapp-version.json`, in one
place every desktop can read: a shared folder (``\\\\server\\share\\panelapp``, a mounted
``/mnt/share/panelapp``) or an intranet web address (``http://intranet/panelapp/``). The file:

    {
      "version": "0.2.0",
      "released": "2026-12-01",
      "notes": ["보고서에 부서별 답변 현황 추가", "..."],
      "installers": {"windows": "panelapp-0.2.0-setup.exe", "debian": "panelapp_0.2.0_amd64.deb"}
    }

Only "version" is required; installer names are relative to the file's folder. Nothing is
downloaded or installed here: the app says what is new and opens the installer's folder.
Checking is off until a place is set (settings "update_source", or PANELAPP_UPDATE_SOURCE for an
installation preset by the IT department); the check at start-up (setting
"update_check_at_start", off by default) runs on a worker thread and never delays the window.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from panelapp import __version__
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa, quoted

VERSION_FILE = "panelapp-version.json"
SOURCE_ENV = "PANELAPP_UPDATE_SOURCE"
TIMEOUT_S = 5.0  # an intranet server that does not answer is reported, not waited for
MAX_BYTES = 256 * 1024  # a version file is a few hundred bytes; anything larger is not one
_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")


class UpdateCheckError(DomainError):
    """The version file could not be read or is not one: a sentence naming the place."""


@dataclass(frozen=True)
class UpdateInfo:
    source: str  # the version file's path or address, as read
    version: str
    released: date | None
    notes: tuple[str, ...]
    installer: str | None  # this platform's installer: a path or an address, or None
    folder: str  # where the installers are (the version file's folder), path or address
    current: str = __version__
    missing_installer: str | None = None  # named by the file but not in the shared folder

    @property
    def is_newer(self) -> bool:
        return version_key(self.version) > version_key(self.current)


def version_key(text: str) -> tuple[int, ...]:
    """ "0.10.1" → (0, 10, 1, 0): compared number by number, so 0.10 is newer than 0.9."""
    text = text.strip().removeprefix("v")
    if not _VERSION.match(text):
        raise ValueError(text)
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def configured_source(setting: str | None) -> str:
    """The place to read: the user's setting, else the installation's preset, else ""."""
    return (setting or "").strip() or os.environ.get(SOURCE_ENV, "").strip()


def _is_url(source: str) -> bool:
    return re.match(r"^(https?|file)://", source, re.IGNORECASE) is not None


def _platform_key() -> str:
    return "windows" if sys.platform == "win32" else "macos" if sys.platform == "darwin" else "debian"


def _read_url(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:  # noqa: S310 - http(s)/file only
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise UpdateCheckError(
                f"업데이트 정보 파일이 없습니다: {url} (서버가 404로 답했습니다). "
                "정보 파일 위치를 확인해 주세요."
            ) from None
        raise UpdateCheckError(
            f"업데이트 정보를 읽을 수 없습니다: {url} (서버 응답 {exc.code}). 잠시 뒤 다시 확인해 주세요."
        ) from None
    except (urllib.error.URLError, OSError, ValueError):
        raise UpdateCheckError(
            f"업데이트 정보 서버에 연결할 수 없습니다: {url}. 주소와 기관 내부망 연결을 확인해 주세요."
        ) from None
    return data


def _read_path(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise FileNotFoundError(path)
        with path.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UpdateCheckError(
            f"업데이트 정보 파일을 찾을 수 없습니다: {path}. "
            "공유 폴더(네트워크 드라이브)가 연결되어 있는지, 위치가 맞는지 확인해 주세요."
        ) from None
    except PermissionError:
        raise UpdateCheckError(
            f"업데이트 정보 파일을 읽을 권한이 없습니다: {path}. 전산 담당자에게 문의해 주세요."
        ) from None
    except OSError:
        raise UpdateCheckError(
            f"업데이트 정보 파일을 읽을 수 없습니다: {path}. 공유 폴더 연결을 확인해 주세요."
        ) from None


def _locate(source: str) -> tuple[str, str, bool]:
    """(the version file, the folder it is in, whether both are addresses)."""
    if _is_url(source):
        if source.lower().endswith(".json"):
            return source, source.rsplit("/", 1)[0] + "/", True
        folder = source if source.endswith("/") else source + "/"
        return urllib.parse.urljoin(folder, VERSION_FILE), folder, True
    path = Path(source).expanduser()
    if path.suffix.lower() == ".json":
        return str(path), str(path.parent), False
    return str(path / VERSION_FILE), str(path), False


def check_for_update(source: str) -> UpdateInfo:
    """Read and check the version file at `source` (a folder, the file itself, or an address).
    Raises UpdateCheckError with a Korean sentence for every way it can fail."""
    source = source.strip()
    if not source:
        raise UpdateCheckError(
            "업데이트 정보 위치가 지정되지 않았습니다. 도움말 → 업데이트 확인에서 "
            "전산 담당자가 알려 준 공유 폴더나 내부망 주소를 입력해 주세요."
        )
    where, folder, remote = _locate(source)
    data = _read_url(where) if remote else _read_path(Path(where))
    if len(data) > MAX_BYTES:
        raise UpdateCheckError(f"업데이트 정보 파일이 아닙니다 (파일이 너무 큽니다): {where}")
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise UpdateCheckError(
            f"업데이트 정보 파일의 형식이 올바르지 않습니다 (JSON이 아닙니다): {where}"
        ) from None
    if not isinstance(parsed, dict):
        raise UpdateCheckError(f"업데이트 정보 파일의 형식이 올바르지 않습니다: {where}")
    version = parsed.get("version")
    if not isinstance(version, str) or not version.strip():
        raise UpdateCheckError(f"업데이트 정보 파일에 version 항목이 없습니다: {where}")
    try:
        version_key(version)
    except ValueError:
        raise UpdateCheckError(
            f"업데이트 정보 파일의 version 값 {quoted(version, '이')} 버전 번호(예: 1.2.0)가 아닙니다: {where}"
        ) from None
    released = None
    raw_date = parsed.get("released")
    if isinstance(raw_date, str) and raw_date.strip():
        try:
            released = date.fromisoformat(raw_date.strip())
        except ValueError:
            raise UpdateCheckError(
                f"업데이트 정보 파일의 released 값 {quoted(raw_date, '이')} 날짜(예: 2026-12-01)가 아닙니다: {where}"
            ) from None
    raw_notes = parsed.get("notes", [])
    if isinstance(raw_notes, str):
        raw_notes = [raw_notes]
    if not isinstance(raw_notes, list):
        raise UpdateCheckError(f"업데이트 정보 파일의 notes 항목은 문장 목록이어야 합니다: {where}")
    notes = tuple(str(n).strip() for n in raw_notes if str(n).strip())
    installer = None
    installers = parsed.get("installers", {})
    if isinstance(installers, dict):
        name = installers.get(_platform_key())
        if isinstance(name, str) and name.strip():
            name = name.strip()
            if remote:
                installer = urllib.parse.urljoin(folder, name)
            else:
                installer = str(Path(folder) / name)
    missing = None
    if installer is not None and not remote and not Path(installer).is_file():
        missing, installer = installer, None
    return UpdateInfo(
        source=where,
        version=version.strip().removeprefix("v"),
        released=released,
        notes=notes,
        installer=installer,
        folder=folder,
        missing_installer=missing,
    )


def describe(info: UpdateInfo) -> str:
    """One paragraph for the dialog, the status bar's longer form and the command line."""
    if not info.is_newer:
        return f"지금 쓰는 버전 {josa(info.current, '이')} 최신입니다 (배포된 버전 {info.version})."
    lines = [f"새 버전 {josa(info.version, '이')} 나왔습니다 (지금 쓰는 버전 {info.current})."]
    if info.released is not None:
        lines[0] = lines[0][:-1] + f", 배포일 {info.released.isoformat()}."
    if info.notes:
        lines.append("달라진 점:")
        lines.extend(f"• {note}" for note in info.notes)
    if info.installer:
        lines.append(f"설치 파일: {info.installer}")
    elif info.missing_installer:
        lines.append(
            f"정보 파일이 가리키는 설치 파일이 없습니다: {info.missing_installer}. "
            "전산 담당자에게 알려 주세요."
        )
    else:
        lines.append(f"설치 파일은 {info.folder}에 있습니다.")
    lines.append("프로그램을 끝낸 뒤 설치 파일을 실행하면 데이터는 그대로 두고 새 버전으로 바뀝니다.")
    return "\n".join(lines)
