"""The wheel's package list and the one resource helper (checkout, installed wheel, PyInstaller)."""

import sys
import tomllib
from pathlib import Path

import pytest

from panelapp import paths

ROOT = Path(__file__).resolve().parent.parent


def _setuptools_config() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["setuptools"]


def test_every_package_folder_is_in_the_wheel():
    # A folder missing from the explicit list builds a wheel without it: the installed app
    # then fails with ModuleNotFoundError, while the checkout (editable install) keeps working.
    on_disk = {
        ".".join(d.relative_to(ROOT).parts)
        for d in [ROOT / "panelapp", *(ROOT / "panelapp").rglob("*")]
        if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
    }
    listed = set(_setuptools_config()["packages"]) - {"panelapp.resources"}
    assert sorted(on_disk - listed) == [], "add these to [tool.setuptools] packages in pyproject.toml"
    assert sorted(listed - on_disk) == [], "these packages in pyproject.toml no longer exist"


def test_the_wheel_maps_the_checkouts_resources_folder():
    config = _setuptools_config()
    assert "panelapp.resources" in config["packages"]
    assert (ROOT / config["package-dir"]["panelapp.resources"]).resolve() == paths.resource_root()
    assert config["package-data"]["panelapp.resources"] == ["**/*"]


def _fake_package(root: Path) -> Path:
    package = root / "panelapp"
    package.mkdir(parents=True)
    return package / "paths.py"


def test_resource_root_in_a_checkout(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(paths, "__file__", str(_fake_package(tmp_path)))
    (tmp_path / "resources").mkdir()
    assert paths.resource_root() == (tmp_path / "resources").resolve()


def test_resource_root_in_an_installed_wheel_prefers_the_package_copy(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    site = tmp_path / "site-packages"
    monkeypatch.setattr(paths, "__file__", str(_fake_package(site)))
    (site / "panelapp" / "resources").mkdir()
    (site / "resources").mkdir()  # another distribution's top-level folder
    assert paths.resource_root() == (site / "panelapp" / "resources").resolve()
    assert paths.resource("fonts", "x.ttf") == (site / "panelapp" / "resources" / "fonts" / "x.ttf").resolve()


def test_resource_root_in_a_pyinstaller_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resource_root() == tmp_path / "_internal" / "resources"


def test_missing_resources_is_a_sentence(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(paths, "__file__", str(_fake_package(tmp_path)))
    with pytest.raises(FileNotFoundError, match="resources 폴더를 찾을 수 없습니다"):
        paths.resource_root()
