"""What the bundle is called and where its parts go: one place for build.spec, the Debian and
Windows packaging, the smoke test and the tests (loaded with runpy: `packaging` is also the name
of a PyPI distribution, so this folder is not an importable package)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP = "panelapp"  # dist/<APP>/, the windowed executable, the Debian package, the install folder
CLI = "panelapp-cli"  # the same program with a console: demo, check, report, --version
CONTENTS = "_internal"  # PyInstaller 6's folder beside the executables (sys._MEIPASS)
DISPLAY_NAME = "시민참여단 활동관리"
DISPLAY_NAME_EN = "Citizen panel manager"
PUBLISHER = "panelapp"
ICON_PNG = ROOT / "resources" / "icons" / "panelapp.png"
ICON_ICO = ROOT / "resources" / "icons" / "panelapp.ico"
# Named mutex the app holds while it runs on Windows (panelapp/gui/app.py); the installer's
# AppMutex refuses to install or uninstall while it exists.
WINDOWS_MUTEX = "panelapp-app-running"


def version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """A Windows file version (four 16-bit numbers) from a PEP 440 release: 1.2 -> (1, 2, 0, 0);
    pre/post/dev suffixes are dropped (Windows compares the numbers only)."""
    numbers: list[int] = []
    for part in text.split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        numbers.append(int(digits))
        if digits != part:
            break
    numbers = (numbers + [0, 0, 0, 0])[:4]
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(top: str = APP) -> list[str]:
    """The installed distributions the app runs on: `top`'s requirements and theirs, with the
    extras a requirement names (psycopg[binary] brings psycopg-binary) and none of `top`'s own
    extras (tests, tools). The bundle carries these, each with its licence files
    (build.spec), and packaging/debian/copyright names each one (tools/deb_check.py checks it)."""
    import importlib.metadata as md

    found: set[str] = set()
    pending: list[tuple[str, frozenset[str]]] = [(top, frozenset())]
    done: set[tuple[str, frozenset[str]]] = set()
    while pending:
        name, extras = pending.pop()
        if (_normalise(name), extras) in done:
            continue
        done.add((_normalise(name), extras))
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # an optional dependency for another platform or Python
        if _normalise(name) != _normalise(top):
            found.add(_normalise(name))
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            needs_extra = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if needs_extra and not set(needs_extra) & extras:
                continue
            if marker.strip() and not needs_extra and not _marker_holds(marker):
                continue
            match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", spec)
            if match:
                asked = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
                pending.append((match.group(1), asked))
    return sorted(found)


def _marker_holds(marker: str) -> bool:
    """An environment marker (python_version, sys_platform ...) for this interpreter; true when
    it cannot be read (PyPI's `packaging` is absent): listing one licence too many is harmless."""
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    return Marker(marker.strip()).evaluate()
