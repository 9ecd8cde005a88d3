"""개선제안 답변 기한: the working days a department has to answer, by the severity and category
of the proposal's findings (domain/answer_deadlines.py), edited from 시설·부서 → 담당부서.

One row per rule: 심각도 (or 전체), 분류 (or 전체), 근무일. The 전체·전체 row is the default
for everything else and cannot be removed. A short list by nature: plain widgets in cells.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
)

from panelapp.domain.answer_deadlines import ANY, DEFAULT_RULES, FIELD, MAX_DAYS, DeadlineRule
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.gui.core.dialogs import keep_unsaved_input, mark_clean, open_dialog
from panelapp.gui.core.field_errors import as_list
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.stale_step import StaleStepResolver, StepRow
from panelapp.gui.palette import set_tone

HINT = (
    "발견사항의 심각도와 분류에 따라 담당부서가 답변할 기한(근무일)입니다. 근무일은 주말과 공휴일"
    "(대체공휴일 포함)을 뺀 날입니다. 발견사항이 여럿인 제안은 가장 짧은 기한을, 발견사항 없이 만든 제안은 "
    "'전체 · 전체' 기한을 받습니다. 심각도와 분류를 함께 정한 줄이 심각도만, 분류만 정한 줄보다 먼저입니다. "
    "바꾼 기한은 새로 접수하는 제안부터 적용되고, 이미 접수된 제안의 기한은 그대로입니다."
)
COLUMNS = ("심각도", "분류", "근무일")


def open_deadline_rules(window) -> Op:
    """Read the rules, then open the dialog (non-modal)."""
    from panelapp.services.org.deadlines import get_deadline_rules

    ctx = window.ctx
    return (
        Op(window, lambda _t: get_deadline_rules(ctx)).success(lambda settings: _show(window, settings)).run()
    )


def _show(window, settings) -> None:
    open_dialog(DeadlineRulesDialog(window, settings))


class DeadlineRulesDialog(QDialog):
    saved_rules = Signal(object)  # the DeadlineSettings saved

    def __init__(self, window, settings):
        super().__init__(window)
        self.window_, self.settings = window, settings
        self.setWindowTitle("개선제안 답변 기한")
        self.resize(600, 460)
        col = QVBoxLayout(self)
        hint = QLabel(HINT, wordWrap=True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("답변 기한 규칙")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(2, 110)
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setTabKeyNavigation(False)  # Tab goes through the rows' fields, then on
        col.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("줄 추가")
        self.remove_button = QPushButton("줄 삭제")
        self.defaults_button = QPushButton("기본값으로")
        self.defaults_button.setToolTip("긴급(안전) 1일, 높음 5일, 그 밖의 모든 제안 10일 (근무일)")
        self.add_button.clicked.connect(lambda: self._add_row(DeadlineRule(Severity.MEDIUM, None, 10)))
        self.remove_button.clicked.connect(self._remove_row)
        self.defaults_button.clicked.connect(lambda: self._fill(DEFAULT_RULES))
        for button in (self.add_button, self.remove_button, self.defaults_button):
            row.addWidget(button)
        row.addStretch(1)
        col.addLayout(row)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        self.error_label.setVisible(False)
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._fill(settings.rules)
        keep_unsaved_input(self, self.rules)
        mark_clean(self)
        # the institution's row saved on another desktop meanwhile: the rules compared one by one
        self.conflict = StaleStepResolver(self, "답변 기한", self._fetch_current, self._rows, self._merge)

    # ----- another desktop saved first ------------------------------------------------------
    def _fetch_current(self):
        from panelapp.services.org.deadlines import get_deadline_rules

        return get_deadline_rules(self.window_.ctx)

    @staticmethod
    def _by_key(rules) -> dict[tuple, DeadlineRule]:
        return {(r.severity, r.category): r for r in rules}

    @staticmethod
    def _key_label(key: tuple) -> str:
        severity, category = key
        return f"{severity.label if severity else ANY} · {category.label if category else ANY}"

    def _rows(self, now) -> list[StepRow]:
        before, theirs, mine = (self._by_key(r) for r in (self.settings.rules, now.rules, self.rules()))
        keys = list(dict.fromkeys([*before, *theirs, *mine]))

        def days(rules, key) -> str:
            return f"{rules[key].days} 근무일" if key in rules else ""

        return [StepRow(self._key_label(k), days(before, k), days(theirs, k), days(mine, k)) for k in keys]

    def _merge(self, now) -> None:
        """The rules saved now, with the ones this user changed (added, removed, other days) on
        top; shown for them to check and save on the current version."""
        before, theirs, mine = (self._by_key(r) for r in (self.settings.rules, now.rules, self.rules()))
        merged = dict(theirs)
        for key in dict.fromkeys([*before, *mine]):
            if mine.get(key) != before.get(key):  # this user changed the rule
                if key in mine:
                    merged[key] = mine[key]
                else:
                    merged.pop(key, None)
        self.settings = now
        self._fill(list(merged.values()))
        self.error_label.setText(
            "다른 사용자가 저장한 기한에 내가 바꾼 규칙을 반영했습니다. 확인한 뒤 [저장]을 누르세요."
        )
        self.error_label.setVisible(True)

    # ----- rows ----------------------------------------------------------------------------
    def _fill(self, rules) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self._add_row(rule)
        self._update_buttons()

    def _add_row(self, rule: DeadlineRule) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        severity, category, days = QComboBox(), QComboBox(), QSpinBox()
        severity.setAccessibleName(f"{r + 1}번째 줄 심각도")
        category.setAccessibleName(f"{r + 1}번째 줄 분류")
        days.setAccessibleName(f"{r + 1}번째 줄 근무일")
        severity.addItem(ANY, None)
        for s in reversed(list(Severity)):  # 긴급(안전) first
            severity.addItem(s.label, s.value)
        category.addItem(ANY, None)
        for c in FindingCategory:
            category.addItem(c.label, c.value)
        severity.setCurrentIndex(max(severity.findData(rule.severity.value if rule.severity else None), 0))
        category.setCurrentIndex(max(category.findData(rule.category.value if rule.category else None), 0))
        days.setRange(1, MAX_DAYS)
        days.setSuffix(" 근무일")
        days.setValue(rule.days)
        self.table.setCellWidget(r, 0, severity)
        self.table.setCellWidget(r, 1, category)
        self.table.setCellWidget(r, 2, days)
        self.table.selectRow(r)
        self._update_buttons()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Row by row (심각도, 분류, 근무일), then the row buttons and Save / Cancel: cell widgets
        made after the buttons would otherwise come after them in the focus chain."""
        chain = [self.table]
        for r in range(self.table.rowCount()):
            chain += [w for c in range(3) if (w := self.table.cellWidget(r, c)) is not None]
        save, cancel = (
            self.buttons.button(b)
            for b in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
        )
        chain += [self.add_button, self.remove_button, self.defaults_button, save, cancel]
        for a, b in zip(chain, chain[1:], strict=False):
            self.setTabOrder(a, b)

    def _remove_row(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < self.table.rowCount() and not self._is_default(r):
            self.table.removeRow(r)
        self._update_buttons()

    def _is_default(self, r: int) -> bool:
        rule = self._rule(r)
        return rule.severity is None and rule.category is None

    def _update_buttons(self) -> None:
        r = self.table.currentRow()
        self.remove_button.setEnabled(0 <= r < self.table.rowCount() and not self._is_default(r))

    def _rule(self, r: int) -> DeadlineRule:
        severity, category, days = (self.table.cellWidget(r, c) for c in range(3))
        assert isinstance(severity, QComboBox) and isinstance(category, QComboBox)
        assert isinstance(days, QSpinBox)
        s, c = severity.currentData(), category.currentData()
        return DeadlineRule(Severity(s) if s else None, FindingCategory(c) if c else None, days.value())

    def rules(self) -> tuple[DeadlineRule, ...]:
        return tuple(self._rule(r) for r in range(self.table.rowCount()))

    # ----- saving --------------------------------------------------------------------------
    def save(self) -> None:
        from panelapp.services.org.deadlines import save_deadline_rules

        ctx, rules, version = self.window_.ctx, self.rules(), self.settings.version
        self.buttons.setEnabled(False)
        Op(self, lambda _t: save_deadline_rules(ctx, rules, version), write=True).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, settings) -> None:
        self.settings = settings
        self.saved_rules.emit(settings)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            self.error_label.setText("\n".join(e.message for e in errors if e.field == FIELD) or str(exc))
            self.error_label.setVisible(True)
            return
        if self.conflict.handle(exc):  # another desktop saved first: both shown, the input kept
            return
        show_error(self, exc)
        self.reject()
