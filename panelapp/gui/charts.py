"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts): bars, a stacked
status bar, and clickable figure tiles. Every part that can be clicked emits its key."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QToolTip, QVBoxLayout, QWidget

TEXT, GRID, MUTED = QColor("#222"), QColor("#e2e6ea"), QColor("#667")


@dataclass(frozen=True)
class Bar:
    key: object
    label: str
    value: int
    color: str


def nice_max(value: float) -> int:
    """The axis top: 0 stays a 1-step axis; otherwise 1, 2 or 5 × 10^n at or above the value."""
    if value <= 0:
        return 1
    step = 10 ** math.floor(math.log10(value))
    return int(next(m * step for m in (1, 2, 5, 10) if m * step >= value))


def compact(value: float) -> str:
    """A count short enough for a chart: 9,999 as it is, then in 만 (10,000s) as Korean
    reports write them: 142,278 → "14.2만", 400,000 → "40만"."""
    if abs(value) < 10_000:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    text = f"{value / 10_000:,.1f}".removesuffix(".0")
    return f"{text}만"


class _Clickable(QWidget):
    clicked = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.areas: list[tuple[QRectF, object, str]] = []  # (rect, key, tooltip)
        self.clickable = True

    def key_at(self, pos) -> tuple[object, str] | None:
        return next(((k, tip) for rect, k, tip in self.areas if rect.contains(pos)), None)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802 - Qt API
        hit = self.key_at(e.position()) if self.clickable else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit:
            QToolTip.showText(e.globalPosition().toPoint(), hit[1], self)

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt API
        hit = self.key_at(e.position()) if self.clickable else None
        if hit and e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(hit[0])


class BarChart(_Clickable):
    """Vertical bars from a zero axis, value above each bar, Korean label below."""

    def __init__(self, title: str, empty_text: str = "", parent=None):
        super().__init__(parent)
        self.title, self.bars, self.empty_text = title, [], empty_text
        self.setMinimumSize(320, 230)

    def set_bars(self, bars: list[Bar], empty_text: str | None = None) -> None:
        """`empty_text`: what an empty chart says from now on (e.g. while the figures are counted)."""
        self.bars = bars
        if empty_text is not None:
            self.empty_text = empty_text
        self.update()

    def paintEvent(self, _e) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        p.setFont(bold)
        p.setPen(TEXT)
        p.drawText(
            QRectF(8, 4, w - 16, 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title
        )
        p.setFont(self.font())
        metrics = p.fontMetrics()
        top, bottom = 40.0, h - 28.0
        top_value = nice_max(max((b.value for b in self.bars), default=0))
        steps = next(n for n in (5, 4, 2, 1) if top_value % n == 0)  # whole-number ticks
        ticks = [compact(top_value * i / steps) for i in range(steps + 1)]
        left = float(max(40, max(metrics.horizontalAdvance(t) for t in ticks) + 12))  # labels never cut
        for i, label in enumerate(ticks):
            y = bottom - (bottom - top) * i / steps
            p.setPen(QPen(GRID))
            p.drawLine(int(left), int(y), int(w - 8), int(y))
            p.setPen(MUTED)
            p.drawText(
                QRectF(0, y - 9, left - 6, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        self.areas = []
        if not any(b.value for b in self.bars):
            p.setPen(MUTED)
            p.drawText(
                QRectF(left, top, w - 8 - left, bottom - top), Qt.AlignmentFlag.AlignCenter, self.empty_text
            )
            if not self.bars:
                return
        slot = (w - 8 - left) / len(self.bars)
        width = min(56.0, slot * 0.6)
        for n, bar in enumerate(self.bars):
            x = left + slot * n + (slot - width) / 2
            height = (bottom - top) * bar.value / top_value
            rect = QRectF(x, bottom - height, width, height)
            p.fillRect(rect, QColor(bar.color))
            p.setPen(TEXT)
            value = f"{bar.value:,}"
            if metrics.horizontalAdvance(value) > slot - 4:  # neighbours' figures would overlap
                value = compact(bar.value)
            p.drawText(
                QRectF(left + slot * n, bottom - height - 20, slot, 18),
                Qt.AlignmentFlag.AlignCenter,
                value,
            )
            p.drawText(QRectF(left + slot * n, bottom + 4, slot, 20), Qt.AlignmentFlag.AlignCenter, bar.label)
            self.areas.append(
                (
                    QRectF(left + slot * n, top - 20, slot, h - top + 20),
                    bar.key,
                    f"{bar.label} {bar.value:,}건 — 눌러서 목록 보기",
                )
            )
        p.end()


class StackedBar(_Clickable):
    """One horizontal bar split by status, with a legend of counts underneath."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title, self.bars = title, []
        self.setMinimumSize(320, 150)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.update()

    def paintEvent(self, _e) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        w = self.width()
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        p.setFont(bold)
        p.setPen(TEXT)
        total = sum(b.value for b in self.bars)
        p.drawText(
            QRectF(8, 4, w - 16, 24),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{self.title} (전체 {total:,}건)",
        )
        p.setFont(self.font())
        self.areas = []
        bar = QRectF(8, 36, w - 16, 34)
        if total == 0:
            p.fillRect(bar, GRID)
            p.setPen(MUTED)
            p.drawText(bar, Qt.AlignmentFlag.AlignCenter, "아직 개선제안이 없습니다")
        x = bar.left()
        for b in self.bars:
            if total and b.value:
                seg = QRectF(x, bar.top(), bar.width() * b.value / total, bar.height())
                p.fillRect(seg, QColor(b.color))
                if seg.width() > 22:
                    p.setPen(QColor("white"))
                    p.drawText(seg, Qt.AlignmentFlag.AlignCenter, f"{b.value}")
                self.areas.append((seg, b.key, f"{b.label} {b.value:,}건 — 눌러서 목록 보기"))
                x += seg.width()
        per_row = max(1, int((w - 16) // 110))
        for n, b in enumerate(self.bars):
            cell = QRectF(8 + (n % per_row) * 110, 82 + (n // per_row) * 24, 108, 22)
            p.fillRect(QRectF(cell.left(), cell.top() + 5, 12, 12), QColor(b.color))
            p.setPen(TEXT)
            p.drawText(cell.adjusted(18, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, f"{b.label} {b.value:,}")
            self.areas.append((cell, b.key, f"{b.label} {b.value:,}건 — 눌러서 목록 보기"))
        p.end()


class Tile(QFrame):
    """A figure with its caption and a detail line; clicking it opens the list behind it."""

    clicked = Signal()

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "#tile { background: white; border: 1px solid #d5dbe1; border-radius: 6px; }"
            "#tile:hover { border-color: #2f5b8f; }"
        )
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 8, 12, 8)
        col.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #556; border: none;")
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f3a5f; border: none;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #667; border: none;")
        self.detail.setWordWrap(True)
        for label in (self.caption, self.value, self.detail):
            col.addWidget(label)
        self.clickable = True

    def set(self, value: str, detail: str = "", clickable: bool = True, alert: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        color = "#b3261e" if alert else "#1f3a5f"
        self.value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {color}; border: none;")
        self.clickable = clickable
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        self.setToolTip("눌러서 목록 보기" if clickable else "")

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt API
        if self.clickable and e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
