"""Week timeline: seven day columns (Sunday first) over the working hours, inspections as blocks.

Drag a block to another day and time (snapped to 30 minutes) to reschedule it (`moved`);
visits that overlap share their column side by side.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from panelapp.domain.inspection_info import AWAITING_LABEL
from panelapp.domain.localtime import today_local
from panelapp.domain.marks import WARNING_MARK
from panelapp.gui.palette import color
from panelapp.gui.schedule.blocks import (
    WEEKDAYS,
    day_color,
    paint_block,
    week_start,
)
from panelapp.gui.schedule.drag import BlockMouseMixin

SNAP = 30  # minutes


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


class WeekView(BlockMouseMixin, QWidget):
    moved = Signal(int, object, object)  # inspection id, new date, new start time
    activated = Signal(int)
    day_activated = Signal(object)
    more_clicked = Signal(object)  # a day whose "+N건 더" was clicked
    selection_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(640, 420)
        self.today = today_local()
        self.start = week_start(self.today)
        self.inspections: list = []
        self.selected_id: int | None = None
        self.first_hour, self.last_hour = 8, 20
        self._holidays: dict[dt.date, str] = {}
        self._press: tuple[int, QPointF] | None = None
        self._drop: tuple[dt.date, dt.time] | None = None
        self._cache: tuple | None = None  # (key, blocks): the layout of the last paint
        self._all: list = []
        self.day_totals: dict = {}  # visits per day when `_all` holds only the first of each day

    def set_week(self, day: dt.date, holidays: dict[dt.date, str] | None = None) -> None:
        """`holidays` computed off the UI thread by the page; None keeps those already given."""
        self.start = week_start(day)
        if holidays is not None:
            self._holidays = holidays
        self.set_inspections(self._all, self.day_totals)

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range(7)]

    def set_inspections(self, rows: list, day_totals: dict | None = None) -> None:
        self._all = rows  # the page's range (a month grid): the week picks its days
        self.day_totals = day_totals or {}
        self._cache = None
        self.inspections = [
            i for i in rows if self.start <= i.scheduled_date < self.start + dt.timedelta(days=7)
        ]
        timed = [i for i in self.inspections if i.start_time and i.end_time]
        self.first_hour = min([8] + [i.start_time.hour for i in timed])
        self.last_hour = max(
            [20] + [min(24, i.end_time.hour + (1 if i.end_time.minute else 0)) for i in timed]
        )
        if self.selected_id not in {i.id for i in self.inspections}:
            self.selected_id = None
        self.update()

    # ----- geometry ----------------------------------------------------------------------
    # Sizes follow the font (system font size, QT_SCALE_FACTOR); at 15 px lines they are the
    # 54 px time axis and 42 px two-line header this view was drawn with.
    @property
    def line_h(self) -> int:
        return self.fontMetrics().height() + 5

    @property
    def axis_w(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 18

    @property
    def header_h(self) -> int:
        return 2 * self.line_h + 2

    def _col_w(self) -> float:
        return (self.width() - self.axis_w) / 7

    def _hour_h(self) -> float:
        return (self.height() - self.header_h) / (self.last_hour - self.first_hour)

    def _y(self, minutes: int) -> float:
        return self.header_h + (minutes - self.first_hour * 60) / 60 * self._hour_h()

    def slot_at(self, pos: QPointF) -> tuple[dt.date, dt.time] | None:
        if pos.x() < self.axis_w or pos.y() < self.header_h:
            return None
        col = min(6, int((pos.x() - self.axis_w) / self._col_w()))
        minutes = self.first_hour * 60 + (pos.y() - self.header_h) / self._hour_h() * 60
        minutes = int(round(minutes / SNAP) * SNAP)
        minutes = max(self.first_hour * 60, min(minutes, self.last_hour * 60 - SNAP))
        return self.days()[col], dt.time(minutes // 60, minutes % 60)

    def _layout(self) -> list[tuple[QRectF, object]]:
        """Kept until the data or the size changes: every mouse move asks for it."""
        key = (self.width(), self.height(), self.start, self.first_hour, self.last_hour, self.line_h)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._compute_layout())
        return self._cache[1]

    def _compute_layout(self) -> list[tuple[QRectF, object]]:
        out = []
        for col, day in enumerate(self.days()):
            rows = sorted(
                (i for i in self.inspections if i.scheduled_date == day),
                key=lambda i: (i.start_time or dt.time(0), i.id),
            )
            lanes: list[int] = []  # end minute of the last block in each lane
            placed = []
            for info in rows:
                top = _minutes(info.start_time) if info.start_time else self.first_hour * 60
                bottom = _minutes(info.end_time) if info.end_time else top + 60
                lane = next((n for n, end in enumerate(lanes) if end <= top), len(lanes))
                lanes[lane : lane + 1] = [bottom]
                placed.append((info, top, bottom, lane))
            width = self._col_w() / max(1, len(lanes))
            for info, top, bottom, lane in placed:
                x = self.axis_w + col * self._col_w() + lane * width
                out.append(
                    (QRectF(x + 2, self._y(top) + 1, width - 4, self._y(bottom) - self._y(top) - 2), info)
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
        w, grid, line = self._col_w(), QPen(color("grid"), 1), self.line_h
        for col, day in enumerate(self.days()):
            x = self.axis_w + col * w
            holiday = self._holidays.get(day)
            if day == self.today:
                p.fillRect(QRectF(x, 0, w, self.height()), color("selected_bg"))
            elif holiday:
                p.fillRect(QRectF(x, self.header_h, w, self.height()), color("holiday_bg"))
            p.setPen(day_color(day, holiday))
            p.drawText(
                QRectF(x, 2, w, line),
                Qt.AlignmentFlag.AlignCenter,
                f"{day.month}/{day.day} ({WEEKDAYS[col]})",
            )
            if holiday:
                p.drawText(
                    QRectF(x + 2, line, w - 4, line),
                    Qt.AlignmentFlag.AlignCenter,
                    p.fontMetrics().elidedText(holiday, Qt.TextElideMode.ElideRight, int(w - 4)),
                )
            p.setPen(grid)
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self._y(hour * 60)
            p.setPen(grid)
            p.drawLine(QPointF(self.axis_w, y), QPointF(self.width(), y))
            if hour < self.last_hour:
                p.setPen(color("muted"))
                p.drawText(QRectF(0, y, self.axis_w - 6, line), Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        if self._drop is not None:
            col = self.days().index(self._drop[0])
            y = self._y(_minutes(self._drop[1]))
            p.setPen(QPen(color("now_line"), 2))
            p.drawLine(QPointF(self.axis_w + col * w, y), QPointF(self.axis_w + (col + 1) * w, y))
        for rect, info in self._layout():
            text = f"{info.time_text}\n{info.facility_name}\n조장 {info.lead_name or '–'}"
            if info.awaiting_results:  # the mark first, and what it means on the second line
                text = f"{WARNING_MARK} {AWAITING_LABEL} {text}"
            paint_block(p, rect, info, text, info.id == self.selected_id)
        p.setPen(color("accent"))
        for _day, (count, rect) in self._more().items():
            p.fillRect(rect, color("label_bg"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{count}건 더")
        p.end()

    def _more(self) -> dict[dt.date, tuple[int, QRectF]]:
        """Days with more visits than were read: the count not shown and where it is drawn
        (the bottom of the day's column)."""
        out = {}
        w = self._col_w()
        for col, day in enumerate(self.days()):
            shown = sum(1 for i in self.inspections if i.scheduled_date == day)
            rest = self.day_totals.get(day, 0) - shown
            if rest > 0:
                out[day] = (
                    rest,
                    QRectF(self.axis_w + col * w + 2, self.height() - self.line_h - 2, w - 4, self.line_h),
                )
        return out

    def more_at(self, pos: QPointF) -> dt.date | None:
        return next((day for day, (_n, rect) in self._more().items() if rect.contains(pos)), None)

    # ----- mouse and drag (shared handling in drag.py) ---------------------------------------
    def drop_target(self, pos: QPointF) -> tuple[dt.date, dt.time] | None:
        return self.slot_at(pos)

    def target_day(self, slot: tuple[dt.date, dt.time]) -> dt.date:
        return slot[0]

    def already_there(self, info, slot: tuple[dt.date, dt.time]) -> bool:
        return (info.scheduled_date, info.start_time) == slot

    def emit_move(self, inspection_id: int, slot: tuple[dt.date, dt.time]) -> None:
        self.moved.emit(inspection_id, slot[0], slot[1])
