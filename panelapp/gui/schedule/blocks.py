"""What an inspection block looks like and carries, shared by the month and week views."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel

from panelapp.domain.enums import InspectionStatus
from panelapp.domain.inspection_info import AWAITING_LABEL
from panelapp.domain.marks import WARNING_MARK
from panelapp.gui.palette import color, set_tone, styled

MIME = "application/x-panelapp-inspection"
WEEKDAYS = "일월화수목금토"  # Sunday first, as Korean wall calendars are


AWAITING_HINT = f"{AWAITING_LABEL}: 점검일이 지났는데 결과가 없습니다. [결과 입력]으로 결과를 넣거나 연기·취소로 바꾸세요."


def awaiting_color() -> QColor:
    """The border and mark of a past visit still 예정 (결과 미입력)."""
    return color("error")


def status_colors(status: InspectionStatus) -> tuple[QColor, QColor, QColor]:
    """(fill, border, text) of a status' block (palette roles "inspection.<status>.*"):
    colour-blind safe enough, and each status also differs in its label."""
    return tuple(color(f"inspection.{status.value}.{part}") for part in ("fill", "border", "ink"))  # type: ignore[return-value]


def sunday_first(day: dt.date) -> int:
    """Column of a date in a week that starts on Sunday (0 = 일요일)."""
    return (day.weekday() + 1) % 7


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=sunday_first(day))


def day_color(day: dt.date, holiday: str | None) -> QColor:
    """A new QColor each call: callers fade it for days outside the month."""
    if holiday or sunday_first(day) == 0:
        return color("holiday")
    if sunday_first(day) == 6:
        return color("saturday")
    return color("text")


def mime_for(inspection_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, str(inspection_id).encode())
    return data


def inspection_id_from(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME):
        return None
    try:
        return int(bytes(mime.data(MIME)).decode())
    except ValueError:
        return None


def block_text(info, with_time: bool = True) -> str:
    """ "14:00 한빛국민체육센터"; a past visit still 예정 starts with the warning mark."""
    time = f"{info.start_time:%H:%M} " if with_time and info.start_time else ""
    mark = f"{WARNING_MARK} " if getattr(info, "awaiting_results", False) else ""
    return f"{mark}{time}{info.facility_name}"


def tooltip(info) -> str:
    lines = [
        f"{info.title} ({info.status_text})",
        f"{info.scheduled_date:%Y-%m-%d} {info.time_text}",
        f"조장: {info.lead_name or '–'}",
    ]
    if info.members:
        lines.append("단원: " + ", ".join(info.member_names))
    if info.status_reason:
        lines.append(f"사유: {info.status_reason}")
    if info.holiday:
        lines.append(f"공휴일: {info.holiday}")
    if info.awaiting_results:
        lines.append(AWAITING_HINT)
    return "\n".join(lines)


def paint_block(p: QPainter, rect: QRectF, info, text: str, selected: bool) -> None:
    fill, border, ink = status_colors(info.status)
    if getattr(info, "awaiting_results", False):
        border = awaiting_color()  # the mark in its text says it without colour too
    p.save()
    p.setPen(QPen(color("selection_ink") if selected else border, 2 if selected else 1))
    p.setBrush(fill)
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.fillRect(QRectF(rect.left() + 1, rect.top() + 1, 3, rect.height() - 2), border)
    font = QFont(p.font())
    font.setStrikeOut(info.status == InspectionStatus.CANCELLED)
    p.setFont(font)
    p.setPen(ink)
    inner = rect.adjusted(7, 1, -3, -1)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    if rect.height() < 2.4 * p.fontMetrics().height():
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        text = p.fontMetrics().elidedText(
            text.replace("\n", " "), Qt.TextElideMode.ElideRight, int(inner.width())
        )
    p.drawText(inner, flags, text)
    p.restore()


def legend() -> list[QLabel]:
    """One chip per status in its block colours, and what red dates mean."""
    chips = []
    for status in InspectionStatus:
        chip = QLabel(status.label)
        role = f"inspection.{status.value}"
        styled(
            chip,
            f"background: @{role}.fill; color: @{role}.ink; border-left: 4px solid @{role}.border; padding: 2px 8px;",
        )
        chips.append(chip)
    awaiting = QLabel(f"{WARNING_MARK} {AWAITING_LABEL}")
    styled(awaiting, "color: @error; font-weight: bold; padding: 2px 8px;")
    awaiting.setToolTip(AWAITING_HINT)
    chips.append(awaiting)
    holiday = QLabel("빨간 날: 일요일·공휴일")
    holiday.setStyleSheet("padding-left: 8px;")
    set_tone(holiday, "holiday")
    return chips + [holiday]
