"""Compile every Designer form `ui/<name>.ui` into `panelapp/gui/forms/ui_<name>.py`.

    python -m panelapp.gui.forms.compile           regenerate all forms
    python -m panelapp.gui.forms.compile --check   list stale or missing forms, exit 1 if any

The header uic writes names the Qt version; it is ignored when comparing, so a
PySide6 patch upgrade does not make every committed form "stale".
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parent
UI_DIR = FORMS_DIR.parents[2] / "ui"


def uic_command() -> list[str]:
    """pyside6-uic beside the running interpreter (venv bin/ or Scripts/), else on PATH,
    else PySide6's own launcher module."""
    bindir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"]


def target_for(ui_file: Path, forms_dir: Path = FORMS_DIR) -> Path:
    return forms_dir / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, output: Path) -> None:
    proc = subprocess.run([*uic_command(), "-o", str(output), str(ui_file)], capture_output=True, text=True)
    if proc.returncode != 0 or not output.is_file():
        raise RuntimeError(
            f"pyside6-uic failed on {ui_file.name}: {proc.stderr.strip() or proc.stdout.strip()}"
        )


def normalized(text: str) -> str:
    """The generated code without uic's leading comment block (it carries the Qt version)."""
    lines = text.splitlines()
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        start += 1
    return "\n".join(lines[start:]).rstrip() + "\n"


def stale_forms(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR) -> list[str]:
    """Names of forms whose generated module is missing or differs from a fresh compile."""
    stale = []
    with tempfile.TemporaryDirectory(prefix="panelapp-forms-") as tmp:
        for ui_file in sorted(ui_dir.glob("*.ui")):
            target = target_for(ui_file, forms_dir)
            if not target.is_file():
                stale.append(f"{ui_file.name}: {target.name} 없음 (missing)")
                continue
            fresh = Path(tmp) / target.name
            compile_form(ui_file, fresh)
            if normalized(fresh.read_text(encoding="utf-8")) != normalized(
                target.read_text(encoding="utf-8")
            ):
                stale.append(f"{ui_file.name}: {target.name} 오래됨 (stale)")
    return stale


def compile_all(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR) -> list[Path]:
    written = []
    for ui_file in sorted(ui_dir.glob("*.ui")):
        target = target_for(ui_file, forms_dir)
        compile_form(ui_file, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m panelapp.gui.forms.compile",
        description="Compile ui/*.ui into panelapp/gui/forms/ui_*.py",
    )
    parser.add_argument("--check", action="store_true", help="only report stale forms; exit 1 if any")
    parser.add_argument("--ui-dir", type=Path, default=UI_DIR)
    parser.add_argument("--forms-dir", type=Path, default=FORMS_DIR)
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_forms(args.ui_dir, args.forms_dir)
        for line in stale:
            print(line)
        return 1 if stale else 0
    for path in compile_all(args.ui_dir, args.forms_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
