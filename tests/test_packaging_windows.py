"""The Windows installer script (packaging/windows/panelapp.iss) against what build.spec produces.

Inno Setup runs on Windows only, so nothing here compiles the script: it is parsed (sections,
[Setup] directives, the `Name: value; ...` entries, and the preprocessor's simple #defines) and
checked for the files the spec's COLLECT writes, a per-user install, in-place upgrades, the
running-app mutex and an uninstaller that leaves the user's data alone.
"""

from __future__ import annotations

import posixpath
import re
import runpy
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "packaging" / "windows" / "panelapp.iss"
SPEC = ROOT / "build.spec"
LAYOUT = runpy.run_path(str(ROOT / "packaging" / "bundle_layout.py"))


# ----- a small reader for .iss files -------------------------------------------------------


def _split_entry(line: str) -> dict[str, str]:
    """`Source: "a;b"; DestDir: "{app}"; Flags: x y` -> {"Source": "a;b", ...}."""
    fields: dict[str, str] = {}
    for part in re.findall(r'(?:[^;"]|"[^"]*")+', line):
        key, sep, value = part.partition(":")
        if sep:
            fields[key.strip()] = value.strip().strip('"')
    return fields


class Script:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.text = raw.decode("utf-8-sig")
        self.defines: dict[str, str] = {}
        self.sections: dict[str, list[str]] = {}
        section = ""
        for line in self.text.splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith(";"):
                continue
            match = re.match(r"#define\s+(\w+)\s+(.+)$", stripped)
            if match:
                self.defines.setdefault(match.group(1), self._evaluate(match.group(2)))
                continue
            if stripped.startswith("#"):
                continue  # #if/#ifdef/#error: conditions are read by the tests that need them
            match = re.match(r"\[(\w+)\]$", stripped)
            if match:
                section = match.group(1)
                self.sections.setdefault(section, [])
                continue
            self.sections.setdefault(section, []).append(self.expand(stripped))

    def _evaluate(self, expression: str) -> str:
        """ISPP expressions as this script writes them: string literals, earlier defines and
        AddBackslash(SourcePath) joined with +. Anything else (a function of the built bundle,
        like GetStringFileInfo) is kept as its source text."""
        out = []
        for term in (t.strip() for t in expression.split("+")):
            if term.startswith('"') and term.endswith('"'):
                out.append(term[1:-1])
            elif term == "AddBackslash(SourcePath)":
                out.append(ISS.parent.as_posix().replace("/", "\\") + "\\")
            elif term in self.defines:
                out.append(self.defines[term])
            else:
                return expression
        return "".join(out)

    def expand(self, text: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines.get(m.group(1), m.group(0)), text)

    def setup(self) -> dict[str, str]:
        directives: dict[str, str] = {}
        for line in self.sections.get("Setup", []):
            key, _, value = line.partition("=")
            directives[key.strip()] = value.strip()
        return directives

    def entries(self, section: str) -> list[dict[str, str]]:
        return [_split_entry(line) for line in self.sections.get(section, [])]


@pytest.fixture(scope="module")
def iss() -> Script:
    return Script(ISS.read_bytes())


def _resolve(windows_path: str) -> Path:
    """A path of the script, relative to its folder or made absolute from SourcePath, as a path
    of this checkout."""
    posix = windows_path.replace("\\", "/")
    if not (posix.startswith("/") or PureWindowsPath(windows_path).is_absolute()):
        posix = f"{ISS.parent.as_posix()}/{posix}"
    return Path(posixpath.normpath(posix))


# ----- what build.spec produces -------------------------------------------------------------


def test_build_spec_names_its_outputs_from_the_layout() -> None:
    """The spec names the executables, the contents folder and the dist folder from
    bundle_layout, so the installer's names below are the spec's names."""
    spec = SPEC.read_text(encoding="utf-8")
    assert 'name=LAYOUT["APP"], console=False' in spec
    assert 'name=LAYOUT["CLI"], console=True' in spec
    assert 'contents_directory=LAYOUT["CONTENTS"]' in spec
    assert re.search(r'COLLECT\(gui, cli, a\.binaries, a\.datas, .*name=LAYOUT\["APP"\]\)', spec)
    assert 'icon = str(LAYOUT["ICON_ICO"])' in spec
    # the version resource, which the installer reads its version from
    assert 'StringStruct("ProductVersion", VERSION)' in spec
    assert 'VERSION = LAYOUT["version"](ROOT)' in spec


def test_installer_carries_every_file_the_spec_collects(iss: Script) -> None:
    bundle = ROOT / "dist" / LAYOUT["APP"]  # PyInstaller's default distpath, from the checkout
    files = iss.entries("Files")
    sources = {_resolve(entry["Source"]): entry for entry in files}
    app_exe = bundle / f"{LAYOUT['APP']}.exe"
    cli_exe = bundle / f"{LAYOUT['CLI']}.exe"
    contents = bundle / LAYOUT["CONTENTS"] / "*"
    assert set(sources) == {app_exe, cli_exe, contents}
    assert sources[app_exe]["DestDir"] == "{app}"
    assert sources[cli_exe]["DestDir"] == "{app}"
    assert sources[contents]["DestDir"] == "{app}\\" + LAYOUT["CONTENTS"]
    flags = sources[contents]["Flags"].split()
    assert "recursesubdirs" in flags and "createallsubdirs" in flags
    for entry in files:
        assert "ignoreversion" in entry["Flags"].split()  # an upgrade replaces every file


def test_installer_icon_and_start_menu_entry(iss: Script) -> None:
    setup = iss.setup()
    assert _resolve(setup["SetupIconFile"]) == LAYOUT["ICON_ICO"]
    assert setup["UninstallDisplayIcon"] == f"{{app}}\\{LAYOUT['APP']}.exe"
    start_menu = [
        e for e in iss.entries("Icons") if e["Name"].startswith(("{autoprograms}", "{userprograms}"))
    ]
    assert len(start_menu) == 1
    assert start_menu[0]["Name"].endswith("\\" + LAYOUT["DISPLAY_NAME"])
    assert start_menu[0]["Filename"] == f"{{app}}\\{LAYOUT['APP']}.exe"
    assert iss.defines["AppName"] == LAYOUT["DISPLAY_NAME"] == setup["AppName"]


def test_installer_version_is_the_bundles(iss: Script) -> None:
    """pyproject -> build.spec's version resource -> the installer (no second place to edit)."""
    assert iss.defines["AppVersion"].startswith('GetStringFileInfo(Bundle + "\\" + AppExe, "ProductVersion")')
    lines = iss.text.splitlines()
    assert "AppVersion={#AppVersion}" in lines
    assert "OutputBaseFilename=panelapp-setup-{#AppVersion}" in lines
    assert "VersionInfoVersion={#AppVersionNumbers}" in lines
    assert "GetVersionNumbersString" in iss.defines["AppVersionNumbers"]
    assert LAYOUT["version_tuple"]("0.1.0") == (0, 1, 0, 0)
    assert LAYOUT["version_tuple"]("1.2rc1") == (1, 2, 0, 0)
    assert LAYOUT["version_tuple"]("2.0.1.post3") == (2, 0, 1, 0)
    assert LAYOUT["version_tuple"]("1.2.3.4.5") == (1, 2, 3, 4)


# ----- how it installs ----------------------------------------------------------------------


def test_installs_per_user_without_administrator_rights(iss: Script) -> None:
    setup = iss.setup()
    assert setup["PrivilegesRequired"] == "lowest"
    # no "install for all users" choice, which would ask for administrator rights
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith(("{autopf}\\", "{localappdata}\\", "{userpf}\\"))
    for entry in iss.entries("Icons"):
        assert not entry["Name"].startswith(("{commonprograms}", "{commondesktop}", "{group}"))


def test_upgrades_in_place(iss: Script) -> None:
    setup = iss.setup()
    # a literal GUID ({{ escapes the brace): the same AppId finds the installed version
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup.get("UsePreviousAppDir", "yes") == "yes"
    # the previous version's libraries are removed first, and nothing outside the program folder
    deleted = iss.entries("InstallDelete")
    assert {(e["Type"], e["Name"]) for e in deleted} == {("filesandordirs", "{app}\\" + LAYOUT["CONTENTS"])}


def test_refuses_to_install_while_the_app_runs(iss: Script) -> None:
    from panelapp.gui.app import WINDOWS_MUTEX

    assert iss.setup()["AppMutex"] == WINDOWS_MUTEX == LAYOUT["WINDOWS_MUTEX"]


def test_uninstaller_keeps_user_data(iss: Script) -> None:
    """No [UninstallDelete] or [Code] that could remove the database, backups, attachments or
    settings, and the program folder is not the data folder (platformdirs on Windows:
    %LOCALAPPDATA%\\<author>\\<app>) nor one that contains it."""
    from panelapp.paths import APP_AUTHOR, APP_NAME

    assert "UninstallDelete" not in iss.sections
    assert "Code" not in iss.sections
    program = iss.setup()["DefaultDirName"].replace("{autopf}", "{localappdata}\\Programs").lower()
    data = f"{{localappdata}}\\{APP_AUTHOR}\\{APP_NAME}".lower()
    assert not (data == program or data.startswith(program + "\\"))
    for entry in iss.entries("InstallDelete"):
        assert entry["Name"].startswith("{app}\\")


def test_script_is_korean_and_readable_by_inno_setup(iss: Script) -> None:
    # without a BOM Inno Setup reads the script in the system's ANSI code page
    assert iss.raw.startswith(b"\xef\xbb\xbf")
    languages = iss.entries("Languages")
    assert [e["MessagesFile"] for e in languages] == ["compiler:Languages\\Korean.isl"]
    assert "#if VER < EncodeVer(6, 5, 0)" in iss.text  # the first release that ships Korean.isl
    # signing is one switch (/DSign) for the executables, the uninstaller and setup itself
    assert re.search(
        r"#ifdef Sign\s+SignTool=signtool\s+SignedUninstaller=yes\s+#endif", iss.text.replace("\r", "")
    )
    assert all(
        "{#SignFlag}" in line
        for line in iss.text.splitlines()
        if line.startswith("Source:") and ".exe" in line
    )


def test_icon_has_every_size_windows_asks_for() -> None:
    from PIL import Image

    with Image.open(LAYOUT["ICON_ICO"]) as ico:
        sizes = ico.info["sizes"]
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= set(sizes)
