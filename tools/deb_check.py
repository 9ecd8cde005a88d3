"""Check the Debian package without installing it:  make deb-check
(or: python3 tools/deb_check.py dist [--no-lintian])

1. `dpkg-deb --info`: name, version (pyproject's, in Debian's ordering), architecture,
   Depends from dpkg-shlibdeps, and no maintainer scripts, so removing or purging the package
   touches nothing but its own files under /usr (every user's data stays).
2. `dpkg-deb --contents`: the bundle under /usr/lib/panelapp, /usr/bin/panelapp pointing into it,
   the desktop entry, icons, manual page, copyright and lintian overrides; nothing outside /usr.
3. The package extracted into a temporary folder (`dpkg-deb -x`): the desktop entry (Korean
   name, the icon it names is installed), a copyright file that names every licence folder the
   bundle carries, then tools/bundle_smoke.py run from there, /usr/bin/panelapp included.
4. lintian: no error and no warning beyond packaging/debian/lintian-overrides, and no override
   lintian no longer needs. Without lintian the check fails, saying how to install it;
   --no-lintian skips only this step, and says so.
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = runpy.run_path(str(ROOT / "packaging" / "bundle_layout.py"))
BUILD_DEB = runpy.run_path(str(ROOT / "packaging" / "debian" / "build_deb.py"))
SMOKE = runpy.run_path(str(ROOT / "tools" / "bundle_smoke.py"))
PACKAGE = LAYOUT["APP"]
MAINTAINER_SCRIPTS = ("preinst", "postinst", "prerm", "postrm", "config", "triggers", "conffiles")
# lintian tags that say an override is stale (printed at info level, hence --display-info)
STALE_OVERRIDE_TAGS = ("unused-override", "mismatched-override")


class CheckFailure(Exception):
    pass


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise CheckFailure(f"{' '.join(argv)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def _ok(what: str) -> None:
    print(f"ok  {what}", flush=True)


def find_deb(dist: Path) -> Path:
    version = BUILD_DEB["debian_version"](LAYOUT["version"]())
    arch = _run(["dpkg", "--print-architecture"]).stdout.strip()
    deb = dist / f"{PACKAGE}_{version}_{arch}.deb"
    if not deb.is_file():
        raise CheckFailure(f"{deb} does not exist: run `make deb` first")
    return deb


def parse_control(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and key:
            fields[key] += "\n" + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            key = key.strip()
            fields[key] = value.strip()
    return fields


def check_info(deb: Path) -> dict[str, str]:
    info = _run(["dpkg-deb", "--info", str(deb)]).stdout
    control = parse_control(_run(["dpkg-deb", "--field", str(deb)]).stdout)
    expected = {
        "Package": PACKAGE,
        "Version": BUILD_DEB["debian_version"](LAYOUT["version"]()),
        "Architecture": _run(["dpkg", "--print-architecture"]).stdout.strip(),
    }
    wrong = [f"{k}: {control.get(k)!r}, expected {v!r}" for k, v in expected.items() if control.get(k) != v]
    depends = control.get("Depends", "")
    # the libraries the bundle leaves to the desktop: C runtime, X11 (xcb), fonts, GL
    for needed in ("libc6", "libxcb1", "libfontconfig1", "libxkbcommon-x11-0", "libegl1"):
        if not re.search(rf"(^|[ ,]){re.escape(needed)}([ ,(]|$)", depends):
            wrong.append(f"Depends lacks {needed}: {depends!r}")
    for field in ("Maintainer", "Installed-Size", "Description", "Section", "Priority"):
        if not control.get(field):
            wrong.append(f"no {field} field")
    with tempfile.TemporaryDirectory(prefix="panelapp-deb-control-") as tmp:
        _run(["dpkg-deb", "--control", str(deb), str(Path(tmp) / "DEBIAN")])
        members = sorted(p.name for p in (Path(tmp) / "DEBIAN").iterdir())
    scripts = [name for name in members if name in MAINTAINER_SCRIPTS]
    if scripts:
        wrong.append(
            "maintainer scripts " + ", ".join(scripts) + " (the package must own files under /usr only, "
            "so that removing it cannot touch user data)"
        )
    if wrong:
        raise CheckFailure("dpkg-deb --info:\n  " + "\n  ".join(wrong) + "\n" + info)
    _ok(
        f"--info: {control['Package']} {control['Version']} {control['Architecture']}, "
        f"control files {', '.join(members)} (no maintainer scripts)"
    )
    return control


def check_contents(deb: Path) -> None:
    listing = _run(["dpkg-deb", "--contents", str(deb)]).stdout
    entries: dict[str, str] = {}
    for line in listing.splitlines():
        # drwxr-xr-x root/root 0 2026-12-02 10:58 ./usr/bin/panelapp -> ../lib/panelapp/panelapp
        parts = line.split(None, 5)
        if len(parts) == 6:
            mode, owner, name = parts[0], parts[1], parts[5]
            if owner != "root/root":
                raise CheckFailure(f"{name} belongs to {owner}, not root/root")
            entries[name.split(" -> ")[0].rstrip("/")] = line
    prefix = f"./usr/lib/{PACKAGE}"
    required = {
        f"{prefix}/{LAYOUT['APP']}": "-rwxr-xr-x",
        f"{prefix}/{LAYOUT['CLI']}": "l",
        f"{prefix}/{LAYOUT['CONTENTS']}/resources/fonts/NanumGothic.ttf": "-rw-r--r--",
        f"./usr/bin/{PACKAGE}": "l",
        f"./usr/share/applications/{PACKAGE}.desktop": "-rw-r--r--",
        f"./usr/share/icons/hicolor/48x48/apps/{PACKAGE}.png": "-rw-r--r--",
        f"./usr/share/icons/hicolor/512x512/apps/{PACKAGE}.png": "-rw-r--r--",
        f"./usr/share/man/man1/{PACKAGE}.1.gz": "-rw-r--r--",
        f"./usr/share/doc/{PACKAGE}/copyright": "-rw-r--r--",
        f"./usr/share/doc/{PACKAGE}/changelog.gz": "-rw-r--r--",
        f"./usr/share/lintian/overrides/{PACKAGE}": "-rw-r--r--",
    }
    problems = []
    for name, mode in required.items():
        line = entries.get(name)
        if line is None:
            problems.append(f"missing {name}")
        elif not line.startswith(mode):
            problems.append(f"{name} has mode {line.split()[0]}, expected {mode}…")
    launcher = entries.get(f"./usr/bin/{PACKAGE}", "")
    if launcher and not launcher.endswith(f"-> ../lib/{PACKAGE}/{LAYOUT['APP']}"):
        problems.append(f"/usr/bin/{PACKAGE} does not point into the bundle: {launcher}")
    outside = [n for n in entries if n not in (".", "./usr") and not n.startswith("./usr/")]
    if outside:
        problems.append("files outside /usr: " + ", ".join(outside[:10]))
    if problems:
        raise CheckFailure("dpkg-deb --contents:\n  " + "\n  ".join(problems))
    _ok(f"--contents: {len(entries)} entries, all under /usr, launcher -> ../lib/{PACKAGE}/{LAYOUT['APP']}")


def check_desktop_entry(root: Path) -> None:
    path = root / "usr/share/applications" / f"{PACKAGE}.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive (Name[ko])
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    problems = []
    if entry.get("Name[ko]") != LAYOUT["DISPLAY_NAME"]:
        problems.append(f"Name[ko] is {entry.get('Name[ko]')!r}, expected {LAYOUT['DISPLAY_NAME']!r}")
    if entry.get("Exec", "").split()[:1] != [PACKAGE] or not (root / "usr/bin" / PACKAGE).exists():
        problems.append(f"Exec={entry.get('Exec')!r} is not the installed /usr/bin/{PACKAGE}")
    icon = entry.get("Icon", "")
    if not list((root / "usr/share/icons/hicolor").glob(f"*/apps/{icon}.png")):
        problems.append(f"Icon={icon!r} is not installed under /usr/share/icons/hicolor")
    if entry.get("Type") != "Application" or entry.get("Terminal") != "false":
        problems.append("not a windowed application entry (Type=Application, Terminal=false)")
    validate = shutil.which("desktop-file-validate")
    if validate:
        proc = subprocess.run([validate, str(path)], capture_output=True, text=True)
        if proc.returncode != 0 or "error" in proc.stdout.lower():
            problems.append("desktop-file-validate: " + proc.stdout + proc.stderr)
    if problems:
        raise CheckFailure(f"{path.name}:\n  " + "\n  ".join(problems))
    _ok(
        f"desktop entry: {entry['Name[ko]']}, Icon={icon}"
        + ("" if validate else " (no desktop-file-validate)")
    )


def check_copyright(root: Path) -> None:
    """Every licence folder the bundle carries (one per bundled distribution, see build.spec)
    is named in the copyright file: a dependency added to pyproject must be listed there too."""
    text = (root / "usr/share/doc" / PACKAGE / "copyright").read_text(encoding="utf-8")
    lowered = re.sub(r"[-_.]+", "-", text.lower())
    licences = root / "usr/lib" / PACKAGE / LAYOUT["CONTENTS"] / "licenses"
    folders = sorted(p.name for p in licences.iterdir() if p.is_dir())
    generic = {"common"}  # the GPL and LGPL texts
    # a distribution by its name (rl-accel), a system library by its folder (debian-libssl3)
    unnamed = [
        name
        for name in folders
        if name not in generic and re.sub(r"[-_.]+", "-", name.lower()) not in lowered
    ]
    if not text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"):
        unnamed.insert(0, "(not in the machine-readable copyright format)")
    if unnamed:
        raise CheckFailure(
            "usr/share/doc/panelapp/copyright does not name these bundled components "
            "(packaging/debian/copyright): " + ", ".join(unnamed)
        )
    _ok(f"copyright names the {len(folders)} licence folders of the bundle")


def run_lintian(deb: Path) -> None:
    lintian = shutil.which("lintian")
    if not lintian:
        raise CheckFailure(
            "lintian is not installed: `sudo apt-get install lintian` (or run with --no-lintian to skip it)"
        )
    started = time.monotonic()
    # --display-info shows the stale-override tags; --fail-on none: the verdict is ours, below
    proc = subprocess.run(
        [lintian, "--display-info", "--fail-on", "none", "--no-tag-display-limit", str(deb)],
        capture_output=True,
        text=True,
    )
    tags = re.findall(rf"^([EWIXP]): {PACKAGE}(?: \w+)?: (\S+)(.*)$", proc.stdout, re.M)
    bad = [f"{level}: {tag}{rest}" for level, tag, rest in tags if level in ("E", "W")]
    bad += [f"{level}: {tag}{rest}" for level, tag, rest in tags if tag in STALE_OVERRIDE_TAGS]
    if proc.returncode not in (0, 1) or bad:
        raise CheckFailure(
            "lintian (packaging/debian/lintian-overrides lists the tags a bundled Python runtime "
            "carries, each with its reason):\n  " + "\n  ".join(bad or [proc.stdout, proc.stderr])
        )
    infos = sorted({tag for level, tag, _ in tags if level == "I"})
    _ok(
        f"lintian: no error or warning beyond the overrides ({time.monotonic() - started:.0f} s)"
        + (f"; info: {', '.join(infos)}" if infos else "")
    )


def check(dist: Path, lintian: bool = True) -> None:
    deb = find_deb(dist)
    print(f"{deb} ({deb.stat().st_size / 1e6:.1f} MB)", flush=True)
    check_info(deb)
    check_contents(deb)
    with tempfile.TemporaryDirectory(prefix="panelapp-deb-check-") as tmp:
        root = Path(tmp) / "root"
        _run(["dpkg-deb", "-x", str(deb), str(root)])
        check_desktop_entry(root)
        check_copyright(root)
        print(f"smoke test of the extracted package ({root}):", flush=True)
        try:
            SMOKE["smoke"](root / "usr/lib" / PACKAGE, launcher=root / "usr/bin" / PACKAGE)
        except SMOKE["SmokeFailure"] as exc:
            raise CheckFailure(f"smoke test of the extracted package: {exc}") from exc
        _ok("smoke test of the extracted package")
    if lintian:
        run_lintian(deb)
    else:
        print("SKIPPED lintian (--no-lintian): the package's lintian report was not checked", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="the folder holding the .deb (dist)")
    parser.add_argument("--no-lintian", action="store_true", help="skip lintian (says so in the output)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        check(args.dist.resolve(), lintian=not args.no_lintian)
    except (CheckFailure, subprocess.TimeoutExpired, OSError) as exc:
        print(f"deb check FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"deb check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    sys.exit(main())
