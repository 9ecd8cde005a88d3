"""Where things live: bundled resources (checkout, wheel or PyInstaller) and user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from panelapp.atomic import private_folder

APP_NAME = "panelapp"
APP_AUTHOR = "panelapp"


def resource_root() -> Path:
    """The `resources/` folder in a checkout, an installed wheel or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    # installed (wheel: pyproject maps resources/ to panelapp/resources), then the checkout's
    # resources/ beside the package. The installed copy first: site-packages/resources may be
    # some other distribution's folder.
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources 폴더를 찾을 수 없습니다. 설치가 손상되었습니다.")


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def data_dir() -> Path:
    """Per-user data directory (platformdirs); PANELAPP_HOME overrides it (tests, portable use)."""
    override = os.environ.get("PANELAPP_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    private_folder(path)
    return path


def config_dir() -> Path:
    override = os.environ.get("PANELAPP_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_config_dir

        path = Path(user_config_dir(APP_NAME, APP_AUTHOR))
    private_folder(path)
    return path


def default_db_path() -> Path:
    return data_dir() / "panelapp.db"
