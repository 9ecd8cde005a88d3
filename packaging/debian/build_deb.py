"""Turn the PyInstaller bundle into a Debian package:  make deb
(or: python packaging/debian/build_deb.py dist/panelapp dist)

    /usr/lib/panelapp/                   the bundle as built (panelapp, panelapp-cli, _internal/)
    /usr/bin/panelapp                    -> ../lib/panelapp/panelapp
    /usr/share/applications/panelapp.desktop, /usr/share/icons/hicolor/*/apps/panelapp.png
    /usr/share/man/man1/panelapp.1.gz, /usr/share/doc/panelapp/{copyright,changelog.gz}
    /usr/share/lintian/overrides/panelapp

No maintainer scripts: the package owns files under /usr only, so removing or purging it
leaves every user's data (~/.local/share/panelapp, ~/.config/panelapp) and any shared
database alone. The desktop menu and icon caches are refreshed by dpkg triggers.
Depends comes from dpkg-shlibdeps over every ELF file in the bundle: the system libraries the
bundle leaves to the desktop (X11/xcb, fontconfig, GL, glib, CUPS ...; see build.spec).
Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev); Pillow, when present, draws the smaller icons.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LAYOUT = runpy.run_path(str(ROOT / "packaging" / "bundle_layout.py"))
PACKAGE = LAYOUT["APP"]
PREFIX = Path("usr/lib") / PACKAGE
ICON_SIZES = (48, 64, 128, 256, 512)
# CUPS: the print dialog lists printers only when the host has libcups (the Qt plugin loads it
# on demand; without it the report can still be saved as PDF and printed elsewhere).
RECOMMENDS = "libcups2"
DESCRIPTION = """citizen panel manager (시민참여단 활동관리)
 A desktop application for Korean public institutions that run citizen panels:
 cohorts and teams, members with a dated personal-data consent, events and
 attendance with credited hours, facility inspections with checklists, findings
 and improvement proposals, activity certificates and the improvement report for
 board meetings. One SQLite file per user or a shared PostgreSQL database.
 .
 The user interface is Korean. The package carries its own Python runtime and
 Qt libraries under /usr/lib/panelapp."""


class BuildError(Exception):
    pass


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: pre-releases sort before the release (1.0rc1 -> 1.0~rc1)."""
    return re.sub(r"\.?(a|b|rc|dev)(\d*)", r"~\1\2", version)


def maintainer() -> str:
    """DEBFULLNAME/DEBEMAIL as Debian's tools read them, else the last commit's author."""
    name, email = os.environ.get("DEBFULLNAME"), os.environ.get("DEBEMAIL")
    if name and email:
        return f"{name} <{email}>"
    found = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%an <%ae>"], capture_output=True, text=True
    )
    if found.returncode == 0 and "<" in found.stdout:
        return found.stdout.strip()
    raise BuildError("패키지 관리자(Maintainer)를 알 수 없습니다: DEBFULLNAME과 DEBEMAIL을 지정하세요.")


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise BuildError(f"{tool}이(가) 없습니다. `apt-get install {package}` 후 다시 실행하세요.")
    return found


def copy_bundle(bundle: Path, target: Path) -> list[Path]:
    """The bundle with Debian's permissions (directories and executables 0755, the rest 0644);
    returns the ELF files (executables and shared objects) for dpkg-shlibdeps."""
    shutil.copytree(bundle, target, symlinks=True)
    elves = []
    for dirpath, dirnames, filenames in os.walk(target):
        for d in dirnames:
            os.chmod(Path(dirpath) / d, 0o755)
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            elf = _is_elf(path)
            if elf:
                elves.append(path)
            executable = elf and ".so" not in name and path.parent == target
            os.chmod(path, 0o755 if executable else 0o644)
    return elves


def shlib_depends(stage_root: Path, package_dir: Path, elves: list[Path]) -> str:
    """dpkg-shlibdeps over the bundle: libraries found inside the package are its own, the rest
    become versioned dependencies on the Debian packages that provide them."""
    tool = _require("dpkg-shlibdeps", "dpkg-dev")
    (stage_root / "debian").mkdir(exist_ok=True)
    (stage_root / "debian" / "control").write_text(
        f"Source: {PACKAGE}\nMaintainer: {maintainer()}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
        "Depends: ${shlibs:Depends}\nDescription: x\n x\n",
        encoding="utf-8",
    )
    lib_dirs = sorted({str(p.parent) for p in elves if ".so" in p.name})
    argv = [tool, "-O", f"-T{os.devnull}", *(f"-l{d}" for d in lib_dirs), *(f"-e{p}" for p in elves)]
    proc = subprocess.run(argv, cwd=stage_root, capture_output=True, text=True)
    if proc.returncode != 0:
        missing = sorted(set(re.findall(r"cannot find library (\S+)", proc.stderr)))
        hint = ""
        if missing:
            hint = (
                "\n이 컴퓨터에 없는 시스템 라이브러리: "
                + ", ".join(missing)
                + ". 패키지의 Depends를 정하려면 "
                "이 라이브러리를 주는 Debian 패키지를 설치해야 합니다(`apt-file search 이름`으로 찾습니다; "
                "X11용 두 개는 `apt-get install libxcb-icccm4 libxcb-keysyms1`)."
            )
        raise BuildError(f"dpkg-shlibdeps가 실패했습니다.{hint}\n{proc.stderr[-3000:]}")
    match = re.search(r"^shlibs:Depends=(.*)$", proc.stdout, re.MULTILINE)
    if not match:
        raise BuildError(f"dpkg-shlibdeps가 의존성을 출력하지 않았습니다:\n{proc.stdout}\n{proc.stderr}")
    return match.group(1).strip()


def _gzip(source: bytes, target: Path) -> None:
    """gzip -9n: no name and no time stamp in the header (reproducible, lintian's rule)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        open(target, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f,
    ):
        f.write(source)
    os.chmod(target, 0o644)


def _install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    os.chmod(target, 0o644)


def install_icons(package_dir: Path) -> None:
    share = package_dir / "usr/share/icons/hicolor"
    try:
        from PIL import Image
    except ImportError:
        _install(LAYOUT["ICON_PNG"], share / "512x512/apps" / f"{PACKAGE}.png")
        return
    with Image.open(LAYOUT["ICON_PNG"]) as big:
        for size in ICON_SIZES:
            target = share / f"{size}x{size}/apps" / f"{PACKAGE}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            big.convert("RGBA").resize((size, size), Image.Resampling.LANCZOS).save(target, optimize=True)
            os.chmod(target, 0o644)


def changelog(version: str, who: str) -> bytes:
    return (
        f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}: the PyInstaller bundle of panelapp {LAYOUT['version']()}.\n\n"
        f" -- {who}  {formatdate(_build_time(), localtime=False)}\n"
    ).encode()


def _build_time() -> float:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return float(os.environ["SOURCE_DATE_EPOCH"])
    found = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    return float(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else time.time()


def installed_size_kib(package_dir: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(package_dir):
        if Path(dirpath).name == "DEBIAN":
            continue
        for name in files:
            path = Path(dirpath) / name
            total += 1 if path.is_symlink() else (path.stat().st_size + 1023) // 1024
    return total


def write_md5sums(package_dir: Path) -> None:
    lines = []
    for dirpath, dirnames, files in os.walk(package_dir):
        dirnames[:] = sorted(d for d in dirnames if not (Path(dirpath) == package_dir and d == "DEBIAN"))
        for name in sorted(files):
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's format, not a security check
            lines.append(f"{digest}  {path.relative_to(package_dir).as_posix()}\n")
    (package_dir / "DEBIAN" / "md5sums").write_text("".join(lines), encoding="utf-8")
    os.chmod(package_dir / "DEBIAN" / "md5sums", 0o644)


def build(bundle: Path, out_dir: Path) -> Path:
    dpkg_deb = _require("dpkg-deb", "dpkg")
    if not (bundle / PACKAGE).is_file() or not (bundle / LAYOUT["CONTENTS"]).is_dir():
        raise BuildError(f"{bundle}에 번들이 없습니다. 먼저 `make bundle`을 실행하세요.")
    version = debian_version(LAYOUT["version"]())
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    who = maintainer()
    with tempfile.TemporaryDirectory(prefix="panelapp-deb-") as tmp:
        stage_root = Path(tmp)
        package_dir = stage_root / "debian" / PACKAGE  # where dpkg-shlibdeps expects the package
        elves = copy_bundle(bundle, package_dir / PREFIX)
        depends = shlib_depends(stage_root, package_dir, elves)
        package_dir = _move_out(stage_root, package_dir)

        (package_dir / "usr/bin").mkdir(parents=True)
        os.symlink(f"../lib/{PACKAGE}/{PACKAGE}", package_dir / "usr/bin" / PACKAGE)
        _install(HERE / f"{PACKAGE}.desktop", package_dir / "usr/share/applications" / f"{PACKAGE}.desktop")
        install_icons(package_dir)
        _gzip((HERE / f"{PACKAGE}.1").read_bytes(), package_dir / "usr/share/man/man1" / f"{PACKAGE}.1.gz")
        doc = package_dir / "usr/share/doc" / PACKAGE
        _install(HERE / "copyright", doc / "copyright")
        _gzip(changelog(version, who), doc / "changelog.gz")
        _install(HERE / "lintian-overrides", package_dir / "usr/share/lintian/overrides" / PACKAGE)
        for dirpath, dirnames, _files in os.walk(package_dir):
            for d in dirnames:
                os.chmod(Path(dirpath) / d, 0o755)

        control_dir = package_dir / "DEBIAN"
        control_dir.mkdir()
        os.chmod(control_dir, 0o755)
        control = {
            "Package": PACKAGE,
            "Version": version,
            "Architecture": arch,
            "Maintainer": who,
            "Installed-Size": str(installed_size_kib(package_dir)),
            "Depends": depends,
            "Recommends": RECOMMENDS,
            "Section": "misc",
            "Priority": "optional",
            "Description": DESCRIPTION,
        }
        (control_dir / "control").write_text(
            "".join(f"{k}: {v}\n" for k, v in control.items()), encoding="utf-8"
        )
        os.chmod(control_dir / "control", 0o644)
        write_md5sums(package_dir)

        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(_build_time())))
        subprocess.run(
            [dpkg_deb, "--root-owner-group", "-Zxz", "--build", str(package_dir), str(target)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    return target


def _move_out(stage_root: Path, package_dir: Path) -> Path:
    """The tree leaves debian/ (dpkg-shlibdeps' layout) for the package root."""
    target = stage_root / "root"
    package_dir.rename(target)
    shutil.rmtree(stage_root / "debian", ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/panelapp)")
    parser.add_argument("out", type=Path, help="where the .deb goes (dist)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        target = build(args.bundle.resolve(), args.out.resolve())
    except BuildError as exc:
        print(f"오류: {exc}", file=sys.stderr)
        return 1
    size = target.stat().st_size / 1e6
    print(f"{target} ({size:.1f} MB, {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
