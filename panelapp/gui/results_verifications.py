"""확인할 개선사항 in 결과 입력: the completed proposals of the facility this visit checks.

One row per proposal: what the department says it did (완료일, 완료 내용, 개선 후 사진 count), the
choice (확인 전 / 개선 확인 / 미흡), a note (required for 미흡 when the visit is completed) and
사진 추가… for what is 미흡 (attached at once through the attachments service, as a finding's
photos are). The dialog sends `choices()` with 임시 저장 and 완료 (services/results/verifications.py);
a check recorded already is shown, not offered again. Hidden when the visit has nothing to check.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import VerificationOutcome
from panelapp.gui.masked_text import keep_masked_read_only
from panelapp.gui.palette import set_tone

CHOICES = (
    ("확인 전", None),
    ("개선 확인", VerificationOutcome.CONFIRMED),
    ("미흡", VerificationOutcome.INSUFFICIENT),
)
RESULT_CLIP = 60


def _clip(text: str | None, size: int = RESULT_CLIP) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


class VerificationRow(QFrame):
    changed = Signal()
    photo_requested = Signal(int)  # proposal id

    def __init__(self, item, parent=None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("verificationRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 4, 6, 4)
        col.setSpacing(2)
        facts = [f"완료 {item.completed_on:%Y-%m-%d}" if item.completed_on else None, item.department]
        if item.after_photos:
            facts.append(f"개선 후 사진 {item.after_photos}장")
        title = QLabel(f"<b>{_html(item.title)}</b>", wordWrap=True)
        col.addWidget(title)
        meta = QLabel(" · ".join(f for f in facts if f), wordWrap=True)
        set_tone(meta, "hint")
        col.addWidget(meta)
        if item.result_text:
            result = QLabel(f"완료 내용: {_clip(item.result_text)}", wordWrap=True)
            result.setToolTip(item.result_text)
            col.addWidget(result)
        row = QHBoxLayout()
        self.combo = QComboBox()
        for label, outcome in CHOICES:
            self.combo.addItem(label, outcome)
        self.combo.setAccessibleName(f"{item.title} 확인 결과")
        self.note = QLineEdit()
        self.note.setPlaceholderText("메모 (미흡이면 무엇이 미흡한지)")
        self.note.setAccessibleName(f"{item.title} 확인 메모")
        self.photo_button = QPushButton("사진 추가…")
        self.photo_button.setAutoDefault(False)
        self.photo_button.clicked.connect(lambda: self.photo_requested.emit(item.proposal_id))
        self.photos = QLabel()
        set_tone(self.photos, "hint")
        row.addWidget(self.combo)
        row.addWidget(self.note, 1)
        col.addLayout(row)
        photos = QHBoxLayout()
        photos.addWidget(self.photo_button)
        photos.addWidget(self.photos, 1)
        col.addLayout(photos)
        self.recorded = QLabel()
        col.addWidget(self.recorded)
        self.show_item(item)
        self.combo.currentIndexChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)

    def show_item(self, item) -> None:
        self.item = item
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(next(n for n, (_l, o) in enumerate(CHOICES) if o == item.outcome))
        self.combo.blockSignals(False)
        if self.note.text() != (item.note or ""):
            self.note.blockSignals(True)
            self.note.setText(item.note or "")
            self.note.blockSignals(False)
        self.set_photo_count(item.photos)
        for w in (self.combo, self.note, self.photo_button):
            w.setEnabled(not item.recorded)
        if item.note_masked:
            keep_masked_read_only(self.note)
        self.recorded.setVisible(item.recorded)
        if item.recorded:
            day = f" ({item.visited_on:%Y-%m-%d})" if item.visited_on else ""
            self.recorded.setText(f"{item.outcome.label} 기록됨{day}")
            set_tone(self.recorded, "error" if item.outcome is VerificationOutcome.INSUFFICIENT else "ok")
        self._changed(announce=False)

    def set_photo_count(self, n: int) -> None:
        self.photos.setText(f"사진 {n}장" if n else "")

    def outcome(self) -> VerificationOutcome | None:
        data = self.combo.currentData()
        return VerificationOutcome(data) if data else None  # Qt gives str-enums back as str

    def _changed(self, *_args, announce: bool = True) -> None:
        insufficient = self.outcome() is VerificationOutcome.INSUFFICIENT
        # a recorded check takes no more photos: its count stays, the button goes
        self.photo_button.setVisible(not self.item.recorded and (insufficient or self.item.photos > 0))
        missing = insufficient and not self.note.text().strip() and not self.item.recorded
        set_tone(self.note, "error" if missing else "")
        if announce:
            self.changed.emit()

    def choice(self):
        from panelapp.services.results.verifications import VerificationChoice

        return VerificationChoice(self.item.proposal_id, self.outcome(), self.note.text().strip() or None)


class VerificationsBox(QGroupBox):
    """The section; `rows` by proposal id. The dialog puts it under 발견사항."""

    changed = Signal()
    photo_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__("확인할 개선사항", parent)
        self.setObjectName("verificationsGroup")
        self.col = QVBoxLayout(self)
        self.hint = QLabel(
            "이 시설에서 완료되었지만 아직 현장 확인을 하지 않은 개선제안입니다. "
            "고쳐졌는지 보고 개선 확인 또는 미흡을 고르세요. 미흡은 제안을 다시 추진중으로 돌립니다."
        )
        self.hint.setWordWrap(True)
        set_tone(self.hint, "hint")
        self.col.addWidget(self.hint)
        self.rows: dict[int, VerificationRow] = {}
        self.hide()

    def fill(self, items, after: QWidget | None = None) -> QWidget | None:
        """The rows of the sheet's items; returns the last focusable widget (for the Tab order)."""
        for row in self.rows.values():
            row.setParent(None)  # gone now, not at the next event loop: the unsaved-input check counts fields
            row.deleteLater()
        self.rows = {}
        previous = after
        for item in items:
            row = VerificationRow(item, self)
            row.changed.connect(self.changed)
            row.photo_requested.connect(self.photo_requested)
            self.col.addWidget(row)
            self.rows[item.proposal_id] = row
            if previous is not None:
                for w in (row.combo, row.note, row.photo_button):
                    QWidget.setTabOrder(previous, w)
                    previous = w
        waiting = sum(1 for i in items if not i.recorded)
        self.setTitle(
            f"확인할 개선사항 ({len(items)}건" + (f", 남은 {waiting}건)" if waiting != len(items) else ")")
        )
        self.setVisible(bool(items))
        return previous

    def refresh(self, items) -> None:
        """After a save: the same rows show what was kept or recorded (rebuilt if the list changed)."""
        if [i.proposal_id for i in items] != list(self.rows):
            self.fill(items)
            return
        for item in items:
            self.rows[item.proposal_id].show_item(item)

    def update_item(self, item) -> None:
        row = self.rows.get(item.proposal_id)
        if row is not None:
            row.item = item
            row.set_photo_count(item.photos)
            row._changed(announce=False)

    def choices(self) -> list:
        return [row.choice() for row in self.rows.values() if not row.item.recorded]

    def reopening(self) -> list[tuple[int, str]]:
        """(id, title) of the rows a record now would move back to 추진중: 미흡, not recorded yet."""
        return [
            (pid, row.item.title)
            for pid, row in self.rows.items()
            if not row.item.recorded and row.outcome() is VerificationOutcome.INSUFFICIENT
        ]


def reopen_text(proposals: list[tuple[int, str]]) -> str:
    named = ", ".join(f"#{pid} '{title}'" for pid, title in proposals)
    return (
        f"다음 개선제안을 다시 추진중으로 돌립니다: {named}.\n\n"
        "완료일이 지워지고, 담당부서가 다시 완료로 처리해야 합니다. 계속할까요?"
    )


def confirm_reopen(parent: QWidget, proposals: list[tuple[int, str]]) -> bool:
    """미흡 is recorded now: the proposals named, 취소 by default. (Tests patch this.)"""
    box = QMessageBox(QMessageBox.Icon.Question, "미흡 기록", reopen_text(proposals), parent=parent)
    go = box.addButton("계속", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("취소", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is go


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
