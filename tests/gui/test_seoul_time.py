"""Every time shown is Korean time (Asia/Seoul, UTC+9), whatever the computer's own zone:
the 개선 보고서 list, default dates, backup names; nothing in the GUI reads the machine's clock."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

from panelapp.domain import localtime
from panelapp.gui.pages.reports import made_text

GUI = Path(__file__).resolve().parents[2] / "panelapp" / "gui"


def test_the_report_list_shows_korean_time():
    # made at 15:30 UTC = 00:30 the next day in Korea; the old text (UTC, as stored before) is not used
    entry = {"made": "2026-12-02 15:30", "made_at": "2026-12-02T15:30:00+00:00"}
    assert made_text(entry) == "2026-12-03 00:30"
    assert made_text({"made": "2026-11-01 10:00"}) == "2026-11-01 10:00"  # remembered before made_at
    assert made_text({}) == ""


def test_a_remembered_report_carries_a_utc_stamp_and_korean_text(qtbot, tmp_path):
    from gui_window import Window

    from panelapp.gui.dialogs.report_dialog import ReportDialog

    class Settings(dict):
        def get(self, key, default=None):
            return super().get(key, default)

        def set(self, key, value):
            self[key] = value

    window = Window(None, None)
    window.settings = Settings()
    qtbot.addWidget(window)
    dialog = ReportDialog.__new__(ReportDialog)  # only _remember is exercised: no database
    dialog.window_ = window
    dialog.options = lambda: _Loose(
        cohort_id=1,
        date_from=dt.date(2026, 3, 1),
        date_to=dt.date(2026, 12, 31),
        facility_ids=None,
        sections={"summary"},
        photos=False,
        max_photos_per_finding=2,
    )
    dialog.ui = SimpleNamespace(cohortCombo=SimpleNamespace(currentText=lambda: "제7기"))
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ReportDialog._remember(dialog, _Loose(pdf_path=str(tmp_path / "r.pdf"), pages=3, masked=True))
    entry = window.settings["recent_reports"][0]
    made = dt.datetime.fromisoformat(entry["made_at"])
    assert made.utcoffset() == dt.timedelta(0) and before <= made <= dt.datetime.now(dt.UTC)
    assert entry["made"] == localtime.format_local(made) == made_text(entry)


class _Loose(SimpleNamespace):
    """Options and a made report with only what this test cares about; the rest is None."""

    def __getattr__(self, name):
        return None


def test_now_and_today_are_korean():
    now = localtime.now_local()
    assert now.utcoffset() == dt.timedelta(hours=9)
    assert localtime.today_local() == dt.datetime.now(dt.UTC).astimezone(localtime.KST).date()


def test_the_gui_never_reads_the_machines_own_clock():
    """dt.date.today(), datetime.now() without a zone and Qt's current date are the computer's
    zone: on a machine set to UTC they were yesterday until 09:00 in Korea."""
    pattern = re.compile(
        r"date\.today\(\)|datetime\.now\(\)|QDate\.currentDate\(\)|QDateTime\.currentDateTime\(\)"
    )
    offenders = [
        f"{path.relative_to(GUI)}:{n}"
        for path in GUI.rglob("*.py")
        if "forms" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
