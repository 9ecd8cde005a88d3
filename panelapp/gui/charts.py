"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts): bars, a stacked
status bar, and clickable figure tiles. Every part that can be clicked emits its key."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QToolTip, QVBoxLayout, QWidget

from panelapp.gui.palette import color, set_tone, styled


@dataclass(frozen=True)
class Bar:
    key: object
    label: str
    value: int
    color: str  # a palette role, e.g. "chart.severity.high"


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


def _scaled(widget: QWidget, width: int, height: int) -> QSize:
    """A minimum drawn for 15 px text lines, grown with a larger font (never shrunk)."""
    k = max(1.0, widget.fontMetrics().height() / 15)
    return QSize(round(width * k), round(height * k))


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

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return _scaled(self, 320, 180)  # the dashboard fits 1366×768; a taller window grows it

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return _scaled(self, 420, 230)

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
        p.setPen(color("text"))
        title_h = p.fontMetrics().height() + 6
        p.drawText(
            QRectF(8, 4, w - 16, title_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        p.setFont(self.font())
        metrics = p.fontMetrics()
        line = metrics.height() + 3  # a figure or a label: every size below follows the font
        top, bottom = 4.0 + title_h + line, h - line - 10.0
        top_value = nice_max(max((b.value for b in self.bars), default=0))
        steps = next(n for n in (5, 4, 2, 1) if top_value % n == 0)  # whole-number ticks
        ticks = [compact(top_value * i / steps) for i in range(steps + 1)]
        left = float(max(40, max(metrics.horizontalAdvance(t) for t in ticks) + 12))  # labels never cut
        for i, label in enumerate(ticks):
            y = bottom - (bottom - top) * i / steps
            p.setPen(QPen(color("chart_grid")))
            p.drawLine(int(left), int(y), int(w - 8), int(y))
            p.setPen(color("muted"))
            p.drawText(
                QRectF(0, y - line / 2, left - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        self.areas = []
        if not any(b.value for b in self.bars):
            p.setPen(color("muted"))
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
            p.fillRect(rect, color(bar.color))
            p.setPen(color("text"))
            value = f"{bar.value:,}"
            if metrics.horizontalAdvance(value) > slot - 4:  # neighbours' figures would overlap
                value = compact(bar.value)
            p.drawText(
                QRectF(left + slot * n, bottom - height - line - 2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                value,
            )
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot) - 2)
            p.drawText(QRectF(left + slot * n, bottom + 4, slot, line), Qt.AlignmentFlag.AlignCenter, label)
            self.areas.append(
                (
                    QRectF(left + slot * n, top - line - 2, slot, h - top + line + 2),
                    bar.key,
                    f"{bar.label} {bar.value:,}건 — 눌러서 목록 보기",
                )
            )
        p.end()


class StackedBar(_Clickable):
    """One horizontal bar split by status, with a legend of counts underneath. The legend flows
    into as many rows as the width needs, and the widget asks for the height they take, so a
    narrow window or a large system font never cuts its last row off."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title, self.bars = title, []

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(_scaled(self, 320, 150).width(), self.height_for(max(self.width(), 320)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self.height_for(width)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self._fit_height()
        self.update()

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(e)
        self._fit_height()

    def _fit_height(self) -> None:
        need = self.height_for(self.width())
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)  # a width change never follows, so this settles at once

    def _title_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        return bold

    def _layout(self, width: int) -> tuple[float, QRectF, list[QRectF], float]:
        """(title height, the bar, the legend's cells, the height all of it takes) at `width`."""
        title_h = QFontMetrics(self._title_font()).height() + 6
        fm = self.fontMetrics()
        line = fm.height() + 3
        bar = QRectF(8, 8 + title_h, width - 16, 2 * line)
        swatch = round(fm.ascent() * 0.8)
        row_h = line + 6
        cells, x, y = [], 8.0, bar.bottom() + 12
        for b in self.bars:  # each cell as wide as its own text: more fit on a row
            cell_w = fm.horizontalAdvance(self._legend_text(b)) + swatch + 20
            if x > 8 and x + cell_w > width - 8:
                x, y = 8.0, y + row_h
            cells.append(QRectF(x, y, cell_w - 2, row_h - 2))
            x += cell_w
        bottom = (cells[-1].bottom() if cells else bar.bottom()) + 6
        return title_h, bar, cells, bottom

    @staticmethod
    def _legend_text(b: Bar) -> str:
        return f"{b.label} {b.value:,}"

    def height_for(self, width: int) -> int:
        return math.ceil(self._layout(width)[3])

    def paintEvent(self, _e) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        w = self.width()
        title_h, bar, cells, _bottom = self._layout(w)
        p.setFont(self._title_font())
        p.setPen(color("text"))
        total = sum(b.value for b in self.bars)
        p.drawText(
            QRectF(8, 4, w - 16, title_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{self.title} (전체 {total:,}건)",
        )
        p.setFont(self.font())
        self.areas = []
        if total == 0:
            p.fillRect(bar, color("chart_grid"))
            p.setPen(color("muted"))
            p.drawText(bar, Qt.AlignmentFlag.AlignCenter, "아직 개선제안이 없습니다")
        x = bar.left()
        for b in self.bars:
            if total and b.value:
                seg = QRectF(x, bar.top(), bar.width() * b.value / total, bar.height())
                p.fillRect(seg, color(b.color))
                if seg.width() > p.fontMetrics().horizontalAdvance(f"{b.value}") + 8:
                    p.setPen(color("on_fill"))
                    p.drawText(seg, Qt.AlignmentFlag.AlignCenter, f"{b.value}")
                self.areas.append((seg, b.key, f"{b.label} {b.value:,}건 — 눌러서 목록 보기"))
                x += seg.width()
        swatch = round(p.fontMetrics().ascent() * 0.8)  # the legend's swatches follow the font
        for b, cell in zip(self.bars, cells):
            p.fillRect(QRectF(cell.left(), cell.center().y() - swatch / 2, swatch, swatch), color(b.color))
            p.setPen(color("text"))
            p.drawText(
                cell.adjusted(swatch + 6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, self._legend_text(b)
            )
            self.areas.append((cell, b.key, f"{b.label} {b.value:,}건 — 눌러서 목록 보기"))
        p.end()


class Tile(QFrame):
    """A figure with its caption and a detail line; clicking it opens the list behind it. The
    detail may hold a link of its own (`set(..., link=...)`), which emits `link_clicked`."""

    clicked = Signal()
    link_clicked = Signal(str)

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("tile")
        styled(
            self,
            "#tile { background: @tile_bg; border: 1px solid @tile_border; border-radius: 6px; }"
            "#tile:hover { border-color: @tile_hover; }"
            "#tile:focus { border: 2px solid @accent; }",
        )
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 8, 12, 8)
        col.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("border: none;")
        set_tone(self.caption, "hint")
        self.value = QLabel("–")
        styled(self.value, "font-size: 20pt; font-weight: bold; color: @accent; border: none;")
        self.detail = QLabel()
        self.detail.setStyleSheet("border: none;")
        set_tone(self.detail, "hint")
        self.detail.setWordWrap(True)
        self.detail.linkActivated.connect(self.link_clicked)
        for label in (self.caption, self.value, self.detail):
            col.addWidget(label)
        self.clickable = True

    def set(
        self,
        value: str,
        detail: str = "",
        clickable: bool = True,
        alert: bool = False,
        link: tuple[str, str] | None = None,
    ) -> None:
        """`link`: (key, text) appended to the detail as a link in the alert colour."""
        self.value.setText(value)
        if link is None:
            self.detail.setTextFormat(Qt.TextFormat.PlainText)
            self.detail.setText(detail)
        else:
            key, text = link
            self.detail.setTextFormat(Qt.TextFormat.RichText)
            ink = color("error").name()
            self.detail.setText(
                f'{html.escape(detail)} · <a href="{key}" style="color: {ink}; font-weight: bold;">{html.escape(text)}</a>'
            )
        ink = "@error" if alert else "@accent"
        styled(self.value, f"font-size: 20pt; font-weight: bold; color: {ink}; border: none;")
        self.clickable = clickable
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        self.setToolTip("눌러서 목록 보기" if clickable else "")
        # reachable by Tab, opened by Enter or Space, read out as caption, figure and detail
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if clickable else Qt.FocusPolicy.NoFocus)
        plain = self.detail.text() if link is None else f"{detail} · {link[1]}"
        self.setAccessibleName(f"{self.caption.text()} {value}")
        self.setAccessibleDescription(plain + (" — Enter로 목록 보기" if clickable else ""))
        self._reserve_height()

    def _reserve_height(self) -> None:
        """The tile's least height is what its lines need at its width: a wrapped detail line's
        height-for-width is not part of a layout's minimum, so a short screen (150 % of
        1366×768) squeezed the tile and its lines ran into each other and its edge. The row
        then keeps it and the page scrolls (issue 16 item 6)."""
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if self.width() > 0 else -1
        need = max(need, layout.totalMinimumSize().height())
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(e)
        if e.size().width() != e.oldSize().width():
            self._reserve_height()

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt API
        if self.clickable and e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt API
        if self.clickable and e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(e)
