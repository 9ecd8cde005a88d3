"""Files the schedule page writes: the field sheet PDF of one visit and the .ics of a cohort.

The work (database read, PDF rendering, writing) runs off the UI thread.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from panelapp.atomic import write_bytes
from panelapp.gui.core.ops import Op


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")


def _ask(parent: QWidget, kind: str, title: str, name: str, pattern: str) -> str | None:
    from panelapp.gui.file_dialogs import save_file

    return save_file(parent, kind, title, name, pattern)


def save_field_sheet(page, info) -> str | None:
    """Ask where, then write the 현장 점검표 PDF; returns the chosen path (None if cancelled)."""
    from panelapp.reports.field_sheet import render_field_sheet
    from panelapp.services.inspections.field_sheet import field_sheet_data

    path = _ask(
        page,
        "report",
        "현장 점검표 저장",
        f"현장점검표_{info.scheduled_date:%Y%m%d}_{_safe(info.facility_name)}.pdf",
        "PDF 파일 (*.pdf)",
    )
    if path is None:
        return None
    ctx = page.window_.ctx

    def work(_t) -> int:
        pdf, pages = render_field_sheet(field_sheet_data(ctx, info.id))
        write_bytes(Path(path), pdf)  # atomically: a failure leaves the old file, or none
        return pages

    Op(page, work).with_progress("현장 점검표를 만드는 중…", cancellable=False).success(
        lambda pages: page.window_.statusBar().showMessage(
            f"현장 점검표({pages}쪽)를 저장했습니다: {path}", 8000
        )
    ).run()
    return path


def export_ics(page, choices) -> str | None:
    """Ask where, then write the cohort's whole schedule as iCalendar."""
    from panelapp.services.inspections.export import schedule_ics

    path = _ask(
        page,
        "export",
        "점검 일정 내보내기",
        f"{_safe(choices.cohort_name)}_점검일정.ics",
        "iCalendar 파일 (*.ics)",
    )
    if path is None:
        return None
    ctx = page.window_.ctx

    def work(_t) -> int:
        data, count = schedule_ics(ctx, choices.cohort_id, choices.cohort_name)
        write_bytes(Path(path), data)
        return count

    Op(page, work).success(
        lambda count: page.window_.statusBar().showMessage(
            f"점검 {count}건을 내보냈습니다: {path}. 같은 파일을 다시 가져오면 기존 일정이 갱신됩니다.", 8000
        )
    ).run()
    return path
