"""Month calendar: a Sunday-first grid of days with inspections as coloured blocks.

Drag a block to another day to reschedule it (`moved`); double-click a block to edit it
(`activated`) or an empty spot of a day to schedule a visit there (`day_activated`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from panelapp.domain.localtime import today_local
from panelapp.gui.palette import color
from panelapp.gui.schedule.blocks import (
    WEEKDAYS,
    block_text,
    day_color,
    paint_block,
    sunday_first,
    week_start,
)
from panelapp.gui.schedule.drag import BlockMouseMixin


class MonthView(BlockMouseMixin, QWidget):
    moved = Signal(int, object)  # inspection id, new date
    activated = Signal(int)
    day_activated = Signal(object)
    more_clicked = Signal(object)  # a day whose "+N건 더" was clicked
    selection_changed = Signal(object)  # inspection id or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(560, 420)
        self.year, self.month = today_local().year, today_local().month
        self.today = today_local()
        self.inspections: list = []
        self.selected_id: int | None = None
        self._holidays: dict[dt.date, str] = {}
        self._press: tuple[int, QPointF] | None = None
        self._drop: dt.date | None = None
        self._cache: tuple | None = None  # (key, blocks, more): the layout of the last paint
        self._more: dict = {}
        self.day_totals: dict = {}

    # ----- data --------------------------------------------------------------------------
    def set_month(self, year: int, month: int, holidays: dict[dt.date, str] | None = None) -> None:
        """`holidays` of the grid's days, computed off the UI thread by the page (the first
        holiday lookup costs ~250 ms); None keeps those already given."""
        self.year, self.month = year, month
        if holidays is not None:
            self._holidays = holidays
        self._cache = None
        self.update()

    def set_inspections(self, rows: list, day_totals: dict | None = None) -> None:
        """`rows` may be the first visits of each day only; `day_totals` then says how many
        each day has, and the rest are counted in "+N건 더"."""
        self.inspections = rows
        self.day_totals = day_totals or {}
        self._cache = None
        if self.selected_id not in {i.id for i in rows}:
            self.selected_id = None
        self.update()

    def grid(self) -> tuple[dt.date, dt.date]:
        """The first and last day the grid shows (whole weeks around the month)."""
        first = self.first_day()
        return first, first + dt.timedelta(days=7 * self.weeks() - 1)

    def first_day(self) -> dt.date:
        return week_start(dt.date(self.year, self.month, 1))

    def weeks(self) -> int:
        start = dt.date(self.year, self.month, 1)
        last = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1) - dt.timedelta(days=1)
        return (sunday_first(start) + last.day + 6) // 7

    # ----- geometry ----------------------------------------------------------------------
    # Sizes follow the font (system font size, QT_SCALE_FACTOR): at 15 px lines they are the
    # 26/22/20/2 px this view was drawn with.
    @property
    def header_h(self) -> int:
        return self.fontMetrics().height() + 11

    @property
    def day_line_h(self) -> int:
        return self.fontMetrics().height() + 7

    @property
    def block_h(self) -> int:
        return self.fontMetrics().height() + 5

    @property
    def gap(self) -> int:
        return max(2, self.fontMetrics().height() // 8)

    def cell_rect(self, day: dt.date) -> QRectF:
        index = (day - self.first_day()).days
        w, h = self.width() / 7, (self.height() - self.header_h) / self.weeks()
        return QRectF((index % 7) * w, self.header_h + (index // 7) * h, w, h)

    def day_at(self, pos: QPointF) -> dt.date | None:
        if pos.y() < self.header_h:
            return None
        col = min(6, max(0, int(pos.x() / (self.width() / 7))))
        row = int((pos.y() - self.header_h) / ((self.height() - self.header_h) / self.weeks()))
        if not 0 <= row < self.weeks():
            return None
        return self.first_day() + dt.timedelta(days=row * 7 + col)

    def _layout(self) -> list[tuple[QRectF, object]]:
        """(rect, inspection) for every visible block; overflow counts go to self._more. Kept
        until the data or the size changes: every mouse move asks for it, and a busy month
        holds thousands of visits."""
        key = (self.width(), self.height(), self.year, self.month, self.fontMetrics().height())
        if self._cache is not None and self._cache[0] == key:
            self._more = self._cache[2]
            return self._cache[1]
        out = self._compute_layout()
        self._cache = (key, out, self._more)
        return out

    def _compute_layout(self) -> list[tuple[QRectF, object]]:
        by_day: dict[dt.date, list] = {}
        for info in self.inspections:
            by_day.setdefault(info.scheduled_date, []).append(info)
        out, self._more = [], {}
        for day, rows in by_day.items():
            cell = self.cell_rect(day)
            if not (0 <= (day - self.first_day()).days < 7 * self.weeks()):
                continue
            fits = max(1, int((cell.height() - self.day_line_h - 2) // (self.block_h + self.gap)))
            total = max(len(rows), self.day_totals.get(day, 0))
            shown = rows if total <= fits else rows[: fits - 1]
            for n, info in enumerate(shown):
                out.append(
                    (
                        QRectF(
                            cell.left() + 2,
                            cell.top() + self.day_line_h + n * (self.block_h + self.gap),
                            cell.width() - 4,
                            self.block_h,
                        ),
                        info,
                    )
                )
            if len(shown) < total:
                self._more[day] = (
                    total - len(shown),
                    QRectF(
                        cell.left() + 4,
                        cell.top() + self.day_line_h + len(shown) * (self.block_h + self.gap),
                        cell.width() - 8,
                        self.block_h,
                    ),
                )
        return out

    def block_at(self, pos: QPointF):
        return next((info for rect, info in self._layout() if rect.contains(pos)), None)

    def block_rect(self, inspection_id: int) -> QRectF | None:
        return next((rect for rect, info in self._layout() if info.id == inspection_id), None)

    # ----- painting ----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), color("surface"))
        w = self.width() / 7
        bold = QFont(p.font())
        bold.setBold(True)
        for col, name in enumerate(WEEKDAYS):
            p.setPen(day_color(self.first_day() + dt.timedelta(days=col), None))
            p.setFont(bold)
            p.drawText(QRectF(col * w, 0, w, self.header_h), Qt.AlignmentFlag.AlignCenter, name)
        p.setFont(self.font())
        for n in range(7 * self.weeks()):
            day = self.first_day() + dt.timedelta(days=n)
            self._paint_day(p, day)
        for rect, info in self._layout():
            paint_block(p, rect, info, block_text(info), info.id == self.selected_id)
        p.setPen(color("muted"))
        for _day, (count, rect) in self._more.items():
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"+{count}건 더")
        p.end()

    def _paint_day(self, p: QPainter, day: dt.date) -> None:
        cell = self.cell_rect(day)
        inside = day.month == self.month
        if day == self._drop:
            p.fillRect(cell, color("today_bg"))
        elif day == self.today:
            p.fillRect(cell, color("selected_bg"))
        elif not inside:
            p.fillRect(cell, color("other_month_bg"))
        p.setPen(QPen(color("grid"), 1))
        p.drawRect(cell)
        holiday = self._holidays.get(day)
        ink = day_color(day, holiday)
        if not inside:
            ink.setAlpha(110)
        p.setPen(ink)
        text_rect = cell.adjusted(6, 2, -4, 0)
        text_rect.setHeight(self.day_line_h - 2)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        if holiday:
            name_rect = text_rect.adjusted(p.fontMetrics().horizontalAdvance(f"{day.day}  "), 0, 0, 0)
            p.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                p.fontMetrics().elidedText(holiday, Qt.TextElideMode.ElideRight, int(name_rect.width())),
            )

    # ----- mouse and drag (shared handling in drag.py) ---------------------------------------
    def drop_target(self, pos: QPointF) -> dt.date | None:
        return self.day_at(pos)

    def already_there(self, info, day: dt.date) -> bool:
        return info.scheduled_date == day

    def emit_move(self, inspection_id: int, day: dt.date) -> None:
        self.moved.emit(inspection_id, day)

    def hover_text(self, pos: QPointF) -> str:
        if self.more_at(pos) is not None:
            return "이 날의 점검을 목록으로 모두 봅니다"
        return self._holidays.get(self.day_at(pos)) or ""

    def more_at(self, pos: QPointF) -> dt.date | None:
        self._layout()
        return next((day for day, (_n, rect) in self._more.items() if rect.contains(pos)), None)
