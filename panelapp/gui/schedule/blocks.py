"""What an inspection block looks like and carries, shared by the month and week views."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel

from panelapp.domain.enums import InspectionStatus

MIME = "application/x-panelapp-inspection"
WEEKDAYS = "일월화수목금토"  # Sunday first, as Korean wall calendars are
HOLIDAY_RED = QColor("#c62828")
SATURDAY_BLUE = QColor("#1e5bb8")
# (fill, border, text): colour-blind safe enough, and each status also differs in its label.
STATUS_COLORS = {
    InspectionStatus.PLANNED: ("#dbe8fb", "#2f6fd0", "#12305c"),
    InspectionStatus.COMPLETED: ("#dcf1df", "#2e8b47", "#133d1f"),
    InspectionStatus.POSTPONED: ("#fff0cf", "#d08a00", "#5a3c00"),
    InspectionStatus.CANCELLED: ("#eeeeee", "#9e9e9e", "#6d6d6d"),
}


def sunday_first(day: dt.date) -> int:
    """Column of a date in a week that starts on Sunday (0 = 일요일)."""
    return (day.weekday() + 1) % 7


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=sunday_first(day))


def day_color(day: dt.date, holiday: str | None) -> QColor:
    """A new QColor each call: callers fade it for days outside the month."""
    if holiday or sunday_first(day) == 0:
        return QColor(HOLIDAY_RED)
    if sunday_first(day) == 6:
        return QColor(SATURDAY_BLUE)
    return QColor("#222222")


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
    time = f"{info.start_time:%H:%M} " if with_time and info.start_time else ""
    return f"{time}{info.facility_name}"


def tooltip(info) -> str:
    lines = [
        f"{info.title} ({info.status.label})",
        f"{info.scheduled_date:%Y-%m-%d} {info.time_text}",
        f"조장: {info.lead_name or '–'}",
    ]
    if info.members:
        lines.append("단원: " + ", ".join(info.member_names))
    if info.status_reason:
        lines.append(f"사유: {info.status_reason}")
    if info.holiday:
        lines.append(f"공휴일: {info.holiday}")
    return "\n".join(lines)


def paint_block(p: QPainter, rect: QRectF, info, text: str, selected: bool) -> None:
    fill, border, ink = STATUS_COLORS[info.status]
    p.save()
    p.setPen(QPen(QColor("#111111") if selected else QColor(border), 2 if selected else 1))
    p.setBrush(QColor(fill))
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.fillRect(QRectF(rect.left() + 1, rect.top() + 1, 3, rect.height() - 2), QColor(border))
    font = QFont(p.font())
    font.setStrikeOut(info.status == InspectionStatus.CANCELLED)
    p.setFont(font)
    p.setPen(QColor(ink))
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
    for status, (fill, border, _ink) in STATUS_COLORS.items():
        chip = QLabel(status.label)
        chip.setStyleSheet(f"background: {fill}; border-left: 4px solid {border}; padding: 2px 8px;")
        chips.append(chip)
    holiday = QLabel("빨간 날: 일요일·공휴일")
    holiday.setStyleSheet("color: #c62828; padding-left: 8px;")
    return chips + [holiday]
