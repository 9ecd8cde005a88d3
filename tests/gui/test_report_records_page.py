"""The 개선 보고서 page lists the reports of the database that is open, not of the user's profile:
two databases opened by one user (one settings file) each list their own; the report dialog
offers this database's last choices; reports an earlier version remembered in the settings file
are taken over by the database whose access log proves them its own, the rest stay in the file."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from report_records import add_report_record
from schedule_world import build_world

from panelapp.domain.report_data import ReportOptions
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.report_dialog import ReportDialog
from panelapp.gui.pages.reports import EMPTY_TEXT, ReportsPage
from panelapp.services.reporting.files import write_report
from panelapp.settings import Settings


@pytest.fixture
def two(qtbot, tmp_path):
    """Databases A and B, one window on each, sharing one user's settings file."""
    settings = Settings(tmp_path / "settings.json")
    made = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        ctx = make_ctx("sqlite", tmp_path / name)
        world = build_world(ctx)
        window = Window(ctx, world.cohort_id, settings=settings)
        qtbot.addWidget(window)
        made.append((window, world))
    yield made
    wait_for_all()
    for window, _w in made:
        window.ctx.db.dispose()


def shown_page(qtbot, window) -> ReportsPage:
    page = ReportsPage(window)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_stale and not page.is_loading, timeout=5000)
    wait_for_all()
    qtbot.waitUntil(lambda: not page.is_stale and not page.is_loading, timeout=5000)
    return page


def test_each_database_lists_its_own_reports_and_offers_its_own_choices(qtbot, two, tmp_path):
    (a, wa), (b, wb) = two
    pdf = tmp_path / "a.pdf"
    write_report(
        a.ctx, ReportOptions(wa.cohort_id, dt.date(2026, 4, 1), dt.date(2026, 6, 30), (wa.gym,)), pdf
    )
    page_a, page_b = shown_page(qtbot, a), shown_page(qtbot, b)
    assert page_a.table.rowCount() == 1 and page_a.selected_path() == str(pdf)
    assert page_b.stack.currentWidget() is page_b.empty_label and page_b.empty_label.text() == EMPTY_TEXT
    dialog_b = ReportDialog(b, None)
    qtbot.addWidget(dialog_b)
    qtbot.waitUntil(lambda: dialog_b.ui.cohortCombo.count() > 0, timeout=5000)
    assert not dialog_b.ui.someFacilitiesRadio.isChecked()  # A's facility ids are not offered in B
    assert dialog_b.ui.fromEdit.date().toString("yyyy-MM-dd") == "2026-03-01"  # B's own term
    dialog_a = ReportDialog(a, None)
    qtbot.addWidget(dialog_a)
    qtbot.waitUntil(lambda: dialog_a.ui.cohortCombo.count() > 0, timeout=5000)
    assert dialog_a.ui.someFacilitiesRadio.isChecked()
    assert dialog_a.ui.fromEdit.date().toString("yyyy-MM-dd") == "2026-04-01"
    assert a.settings.get("recent_reports") == [] and a.settings.get("report_options") == {}
    dialog_a.close()
    dialog_b.close()


def test_settings_entries_are_taken_over_by_the_database_that_made_them(qtbot, two, tmp_path, monkeypatch):
    (a, wa), (b, _wb) = two
    pdf = tmp_path / "old.pdf"
    write_report(
        a.ctx,
        ReportOptions(
            wa.cohort_id, dt.date(2026, 3, 1), dt.date(2026, 6, 30), mask_personal=False, purpose="보고"
        ),
        pdf,
    )
    from sqlalchemy import delete

    from panelapp.db.models import ReportRecord

    with a.ctx.db.session_factory.begin() as s:
        s.execute(delete(ReportRecord))  # as an earlier version left it: only the settings knew
    masked = tmp_path / "masked.pdf"
    masked.write_bytes(b"%PDF-1.4")
    entries = [
        {"pdf": str(pdf), "cohort": "제7기", "period": "2026-03-01 ~ 2026-06-30", "pages": 3,
         "made_at": dt.datetime.now(dt.UTC).isoformat(), "masked": False},
        {"pdf": str(masked), "cohort": "제7기", "period": "2026-03-01 ~ 2026-06-30", "pages": 1,
         "made": "2026-06-01 10:00", "masked": True},
    ]  # fmt: skip
    a.settings.set("recent_reports", entries)
    page_b = shown_page(qtbot, b)
    assert page_b.table.rowCount() == 0 and len(a.settings.get("recent_reports")) == 2  # not B's
    from panelapp.gui.core import bus

    monkeypatch.setattr(bus, "_CURRENT", a.bus)  # A's window in front: its ops announce on its bus
    page_a = shown_page(qtbot, a)
    qtbot.waitUntil(lambda: page_a.table.rowCount() == 1, timeout=5000)  # reloaded after the takeover
    assert page_a.selected_path() == str(pdf)
    assert [e["pdf"] for e in a.settings.get("recent_reports")] == [str(masked)]  # cannot be told: left


def test_a_listed_record_without_its_file_is_not_shown(qtbot, two, tmp_path):
    (a, _wa), _b = two
    add_report_record(a.ctx, tmp_path / "deleted.pdf")
    page = shown_page(qtbot, a)
    assert page.stack.currentWidget() is page.empty_label


def test_opening_a_listed_report_is_logged_as_a_view(qtbot, two, tmp_path, monkeypatch):
    """미리보기 and 시스템 뷰어로 열기 of a report made earlier each leave a 보고서 열람 entry."""
    from sqlalchemy import select

    from panelapp.db.models import AccessLog
    from panelapp.gui.pages import reports

    (a, wa), _b = two
    pdf = tmp_path / "a.pdf"
    write_report(a.ctx, ReportOptions(wa.cohort_id, dt.date(2026, 4, 1), dt.date(2026, 6, 30)), pdf)
    page = shown_page(qtbot, a)

    def views():
        with a.ctx.db.session_factory() as s:
            return s.scalars(select(AccessLog.detail).where(AccessLog.action == "report_view")).all()

    assert views() == []
    preview = page.preview_selected()
    qtbot.waitUntil(lambda: len(views()) == 1, timeout=10000)
    assert "how=미리보기" in views()[0] and "file=a.pdf" in views()[0]
    preview.close()
    monkeypatch.setattr(reports.QDesktopServices, "openUrl", lambda _url: True)
    page.open_button.click()
    qtbot.waitUntil(lambda: len(views()) == 2, timeout=10000)
    assert "how=시스템 뷰어" in views()[1]
    page.folder_button.click()  # the folder shows no one: not a view
    wait_for_all()
    assert len(views()) == 2
