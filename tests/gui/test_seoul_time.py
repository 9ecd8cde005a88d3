"""Every time shown is Korean time (Asia/Seoul, UTC+9), whatever the computer's own zone:
the 개선 보고서 list, default dates, backup names; nothing in the GUI reads the machine's clock."""

import datetime as dt
import re
from pathlib import Path

from panelapp.domain import localtime
from panelapp.gui.pages.reports import made_text

GUI = Path(__file__).resolve().parents[2] / "panelapp" / "gui"


def test_the_report_list_shows_korean_time():
    # made at 15:30 UTC = 00:30 the next day in Korea; SQLite hands the stamp back without a zone
    assert made_text(dt.datetime(2026, 12, 2, 15, 30, tzinfo=dt.UTC)) == "2026-12-03 00:30"
    assert made_text(dt.datetime(2026, 12, 2, 15, 30)) == "2026-12-03 00:30"


def test_a_recorded_report_carries_a_utc_stamp_shown_in_korean_time(sqlite_ctx, tmp_path):
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.context import transaction
    from panelapp.services.reporting.history import recent_reports, record_report

    before = dt.datetime.now(dt.UTC)
    with transaction(sqlite_ctx) as s:
        record_report(
            s, sqlite_ctx, ReportOptions(1), "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31), True, 3,
            tmp_path / "r.pdf",
        )  # fmt: skip
    (report,) = recent_reports(sqlite_ctx)
    assert report.made_at.utcoffset() == dt.timedelta(0)
    assert before <= report.made_at <= dt.datetime.now(dt.UTC)
    assert made_text(report.made_at) == localtime.format_local(report.made_at)


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
    # the services too: a GUI default of today (Korea) checked by a service against the machine's
    # today (UTC) refused every date entered between 00:00 and 09:00 in Korea
    offenders = [
        f"{path.relative_to(GUI.parent)}:{n}"
        for root in (GUI, GUI.parent / "services", GUI.parent / "reports", GUI.parent / "cli")
        for path in root.rglob("*.py")
        if "forms" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
