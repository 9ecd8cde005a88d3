"""The GUI tests' waits are scaled for a loaded machine (tests/conftest.py WAIT_SCALE)."""

from conftest import WAIT_SCALE
from pytestqt.qtbot import QtBot


def test_every_wait_of_qtbot_gets_the_scaled_timeout(qtbot):
    seen = []

    def spy(_self, *args, timeout, **kwargs):
        seen.append(timeout)

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"):
        wait = getattr(QtBot, name)
        assert getattr(wait, "_scaled", False), name
        wait(qtbot, *(() if name == "waitCallback" else (None,)), _original=spy, timeout=1000)
    assert WAIT_SCALE >= 1 and seen == [int(1000 * WAIT_SCALE)] * 6
    QtBot.waitUntil(qtbot, lambda: None, _original=spy, timeout=0)  # 0 (no wait) stays 0
    assert seen[-1] == 0
