"""phonenumbers loads each region's metadata by name (phonenumbers.data.region_KR ...), so its
modules are collected, except the place names, carriers and time zones build.spec excludes
(the app only parses, validates and formats). Replaces pyinstaller-hooks-contrib's hook, which
collects every submodule and then warns about each excluded one."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")


def _used(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_used)
