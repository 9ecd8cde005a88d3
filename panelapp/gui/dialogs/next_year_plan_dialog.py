"""차년도 업무계획… (issue 14 item 8): the ending cohort's adopted proposals not yet done, each with a
tick (all ticked at first), its 담당부서, 예상 비용, 목표 분기 and 비고 to edit, beside its facts.

[이월 저장] carries the ticked ones (services/proposals/next_year.save_plan, one write op); an item
carried before and unticked now is taken out of the plan. A save refused because another desktop
changed the plan meanwhile reads the plan again on a worker, keeps what was typed here on every
row, adopts the versions saved now and says so; the next 이월 저장 is an ordinary save.
[엑셀로 저장…] and [PDF로 저장…] write the plan as saved (gui/file_dialogs, kind report) on a
worker with progress; with edits not saved yet they ask first (저장 후 내보내기 / 취소) and save
before writing, so the file is what the window shows. [닫기], Esc and ✕ ask before dropping edits.
Every row's every field error is shown at once, and the list drops an error once its cell is fixed. Opened after 기수 종료 처리 on the cohorts page, and from 차년도 업무계획… on
the cohorts and 개선제안 pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from panelapp.domain.errors import ConcurrencyError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.next_year_plan import TITLE, check_not_past, parse_cost, parse_quarter
from panelapp.gui.core.dialogs import (
    IGNORE,
    discard_guard,
    keep_unsaved_input,
    mark_clean,
    may_discard,
    open_dialog,
)
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.palette import set_tone

BUTTON_TEXT = "차년도 업무계획…"
BUTTON_TIP = "채택되었으나 완료되지 않은 제안을 차년도 업무계획으로 이월하고 엑셀·PDF로 저장합니다"
HEADERS = (
    "이월 · 제목",
    "시설",
    "상태",
    "진행률",
    "완료 예정일",
    "담당부서",
    "예상 비용(원)",
    "목표 분기",
    "비고",
)
COL_TITLE, COL_DEPARTMENT, COL_COST, COL_QUARTER, COL_NOTE = 0, 5, 6, 7, 8
FILTERS = {".xlsx": "Excel 통합 문서 (*.xlsx)", ".pdf": "PDF 문서 (*.pdf)"}
NO_DEPARTMENT = -1  # the combo's 미지정
SAVE_FIRST_TITLE = "저장하지 않은 변경"
SAVE_FIRST_TEXT = "고친 내용을 아직 [이월 저장]하지 않았습니다. 파일에는 저장된 계획이 들어가므로, 먼저 저장한 뒤 내보냅니다."
SAVE_FIRST = "저장 후 내보내기"


def ask_save_first(parent) -> bool:
    """True to save the edits and then write the file; False to do neither. (Tests patch this.)"""
    box = QMessageBox(QMessageBox.Icon.Question, SAVE_FIRST_TITLE, SAVE_FIRST_TEXT, parent=parent)
    save = box.addButton(SAVE_FIRST, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("취소", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save


def intro_text(sheet) -> str:
    carried, candidates = len(sheet.carried), len(sheet.candidates)
    if not carried and not candidates:
        return f"{sheet.cohort}에는 이월할 제안이 없습니다 (채택·부분채택·추진중인 제안 없음)."
    text = (
        f"{sheet.cohort}의 채택·부분채택·추진중인 제안입니다. 체크한 제안을 차년도 업무계획으로 "
        "이월합니다. 담당부서·예상 비용·목표 분기·비고는 고칠 수 있습니다."
    )
    if carried:
        text += f" 이미 이월한 {carried:,}건은 체크를 풀면 계획에서 빠집니다."
    return text


class NextYearPlanDialog(QDialog):
    """`sheet`: services/proposals/next_year.PlanSheet, read on a worker before the dialog opens."""

    def __init__(self, parent, ctx, sheet):
        super().__init__(parent)
        self.ctx, self.sheet = ctx, sheet
        self.saved = None  # what the last 이월 저장 did (PlanSaved)
        self.last_file: Any = None  # what the last 저장 wrote (PlanData)
        self.setWindowTitle(f"{TITLE} — {sheet.cohort}")
        self.resize(1180, 560)
        col = QVBoxLayout(self)
        self.intro = QLabel(wordWrap=True)
        col.addWidget(self.intro)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("차년도 업무계획 목록")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((300, 130, 70, 60, 96, 130, 110, 110, 160)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _i: self._edited())
        col.addWidget(self.table, 1)
        self.total_label = QLabel()
        col.addWidget(self.total_label)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        self.error_label.hide()
        col.addWidget(self.error_label)
        row = QHBoxLayout()
        self.all_button, self.none_button = QPushButton("모두 체크"), QPushButton("모두 해제")
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.xlsx_button, self.pdf_button = QPushButton("엑셀로 저장…"), QPushButton("PDF로 저장…")
        self.xlsx_button.setToolTip("이월 저장한 차년도 업무계획을 엑셀(.xlsx)로 저장합니다")
        self.pdf_button.setToolTip("이월 저장한 차년도 업무계획을 부서별 소계와 함께 PDF로 저장합니다")
        self.xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.save_button, self.close_button = QPushButton("이월 저장"), QPushButton("닫기")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button.clicked.connect(self._close_asking)
        for w in (self.all_button, self.none_button):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.xlsx_button, self.pdf_button, self.save_button, self.close_button):
            row.addWidget(w)
        col.addLayout(row)
        self.fill(sheet)
        keep_unsaved_input(self, lambda: tuple(self._typed(n) for n in range(self.table.rowCount())))

    def _close_asking(self) -> None:
        if may_discard(self):
            self.reject()

    def is_dirty(self) -> bool:
        guard = discard_guard(self)
        return guard is not None and guard.is_dirty()

    # ----- rows ----------------------------------------------------------------------------
    def fill(self, sheet, keep: dict[int, tuple] | None = None) -> None:
        """Put the sheet's rows on the table; `keep`: proposal id → what was typed (after a stale
        save), put back over the saved values."""
        self.sheet = sheet
        self.intro.setText(intro_text(sheet))
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for r in sheet.rows:
            self._add_row(r, keep.get(r.proposal_id) if keep else None)
        self.table.blockSignals(False)
        self.save_button.setEnabled(bool(sheet.rows))
        self.xlsx_button.setEnabled(bool(sheet.carried))
        self.pdf_button.setEnabled(bool(sheet.carried))
        self._update_total()

    def _add_row(self, r, kept: tuple | None) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        title = QTableWidgetItem(f"#{r.proposal_id} {r.title}")
        title.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        )
        title.setData(Qt.ItemDataRole.UserRole, r.proposal_id)
        title.setToolTip("이미 이월함 (체크를 풀면 계획에서 뺌)" if r.item_id is not None else "이월할 제안")
        facts = (
            r.facility or "–",
            r.status,
            r.progress_text or "–",
            f"{r.expected_on:%Y-%m-%d}" if r.expected_on else "–",
        )
        ticked, department, cost, quarter, note = kept or (
            True,
            r.department_id,
            "" if r.estimated_cost is None else f"{r.estimated_cost:,}",
            r.quarter.label,
            r.note or "",
        )
        title.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.table.setItem(n, COL_TITLE, title)
        for column, text in enumerate(facts, start=1):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(n, column, item)
        combo = QComboBox(self.table)
        combo.setAccessibleName(f"#{r.proposal_id} 담당부서")
        combo.setProperty(IGNORE, True)  # read through _typed (the guard's extra): rows come and go
        combo.addItem("미지정", NO_DEPARTMENT)
        for value, label in self.sheet.departments:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(department if department is not None else NO_DEPARTMENT), 0))
        self.table.setCellWidget(n, COL_DEPARTMENT, combo)
        for column, text in ((COL_COST, cost), (COL_QUARTER, quarter), (COL_NOTE, note)):
            self.table.setItem(n, column, QTableWidgetItem(text))
        self.table.item(n, COL_COST).setTextAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def _typed(self, n: int) -> tuple:
        """(ticked, department id, cost text, quarter text, note) of row n."""
        combo = self.table.cellWidget(n, COL_DEPARTMENT)
        department = combo.currentData() if combo is not None else None
        return (
            self.table.item(n, COL_TITLE).checkState() == Qt.CheckState.Checked,
            None if department == NO_DEPARTMENT else department,
            self.table.item(n, COL_COST).text(),
            self.table.item(n, COL_QUARTER).text(),
            self.table.item(n, COL_NOTE).text(),
        )

    def _tick_all(self, ticked: bool) -> None:
        for n in range(self.table.rowCount()):
            self.table.item(n, COL_TITLE).setCheckState(
                Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            )

    def _edited(self) -> None:
        self._update_total()
        if self.error_label.isVisible() and self._input_errors is not None:
            # a cell fixed: the list keeps only what is still wrong
            try:
                self.lines()
            except ValidationError as e:
                self._show_error(e.detail, input_errors=True)
            except ValidationErrors as e:
                self._show_error(e.message, input_errors=True)
            else:
                self._show_error(None)

    def _update_total(self) -> None:
        count = total = 0
        unknown = False
        for n in range(self.table.rowCount()):
            ticked, _d, cost, _q, _note = self._typed(n)
            if not ticked:
                continue
            count += 1
            try:
                total += parse_cost(cost) or 0
            except ValidationError:
                unknown = True
        text = f"체크 {count:,}건 · 예상 비용 합계 {total:,}원" + (
            " (읽을 수 없는 금액 제외)" if unknown else ""
        )
        self.total_label.setText(text)

    # ----- saving --------------------------------------------------------------------------
    def lines(self):
        """(lines to save, items to take out); every row's every unreadable cost or quarter (and a
        quarter that has ended) raises at once, ValidationError for one, ValidationErrors for more."""
        from panelapp.services.proposals.next_year import PlanInput

        lines, remove, errors = [], [], []
        today = today_local()
        for n, r in enumerate(self.sheet.rows):
            ticked, department, cost_text, quarter, note = self._typed(n)
            if not ticked:
                if r.item_id is not None:
                    remove.append((r.item_id, r.version))
                continue
            where = f"#{r.proposal_id} "
            cost = None
            try:
                cost = parse_cost(cost_text)
            except ValidationError as e:
                errors.append(ValidationError(where + e.field, e.detail))
            try:
                parsed = parse_quarter(quarter, around=self.sheet.term_end.year)
                if r.item_id is None or parsed != r.quarter:  # one saved before may have gone by
                    check_not_past(parsed, today)
            except ValidationError as e:
                errors.append(ValidationError(where + e.field, e.detail))
            lines.append(PlanInput(r.proposal_id, quarter, department, cost, note or None, r.version))
        ValidationErrors.raise_if_any(errors)
        return lines, remove

    _input_errors: bool | None = None  # the red line lists the cells' errors (rechecked on each edit)

    def _show_error(self, text: str | None, input_errors: bool = False) -> None:
        self._input_errors = input_errors if text else None
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))

    def save(self, then: Callable[[], Any] | None = None) -> Op | None:
        """Save what is on screen; `then` runs once it is saved and read back (an export)."""
        from panelapp.domain.errors import DomainError
        from panelapp.services.proposals.next_year import save_plan

        try:
            lines, remove = self.lines()
        except ValidationError as e:
            self._show_error(e.message, input_errors=True)
            return None
        except ValidationErrors as e:
            self._show_error(e.message, input_errors=True)
            return None
        self._show_error(None)
        ctx, cohort_id = self.ctx, self.sheet.cohort_id

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConcurrencyError):
                self._reload_keeping_input()
            elif isinstance(exc, (ValidationError, ValidationErrors)):
                self._show_error(exc.message, input_errors=True)
            elif isinstance(exc, DomainError):
                self._show_error(exc.message)
            else:
                show_error(self, exc)

        return (
            Op(self, lambda _t: save_plan(ctx, cohort_id, lines, remove), write=True)
            .success(lambda saved: self._saved(saved, then))
            .failure(failed)
            .run()
        )

    def _saved(self, saved, then: Callable[[], Any] | None = None) -> None:
        self.saved = saved
        window = self.parent()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(saved.sentence, 15000)
        self._show_error(None)
        self.reload(then_clean=True, then=then, sentence=saved.sentence)

    def reload(
        self,
        keep: dict[int, tuple] | None = None,
        then_clean: bool = False,
        then: Callable[[], Any] | None = None,
        sentence: str = "",
    ) -> Op:
        from panelapp.services.proposals.next_year import plan_sheet

        ctx, cohort_id = self.ctx, self.sheet.cohort_id

        def filled(sheet) -> None:
            self.fill(sheet, keep)
            if then_clean:
                mark_clean(self)
            if sentence:
                self.total_label.setText(self.total_label.text() + f" — {sentence}")
            if then is not None:
                then()

        return (
            Op(self, lambda _t: plan_sheet(ctx, cohort_id))
            .success(filled)
            .failure(lambda e: show_error(self, e))
            .run()
        )

    def _reload_keeping_input(self) -> Op:
        keep = {r.proposal_id: self._typed(n) for n, r in enumerate(self.sheet.rows)}
        self._show_error(
            "다른 사용자가 그사이 차년도 업무계획을 바꿨습니다. 지금 저장된 내용을 다시 읽고 여기 입력한 값은 "
            "그대로 두었습니다. 확인한 뒤 [이월 저장]을 다시 누르세요."
        )
        return self.reload(keep)

    # ----- files ---------------------------------------------------------------------------
    def default_name(self, suffix: str) -> str:
        return f"차년도업무계획_제{self.sheet.cohort_number}기{suffix}"

    def export(self, suffix: str) -> Op | None:
        """Write the plan as saved; edits not saved yet are saved first (asked), or nothing is written."""
        from panelapp.gui.file_dialogs import save_file

        dirty = self.is_dirty()
        if dirty and not ask_save_first(self):
            return None
        path = save_file(self, "report", f"{TITLE} 저장", self.default_name(suffix), FILTERS[suffix], suffix)
        if not path:
            return None
        if dirty:
            return self.save(then=lambda: self.write(path))
        return self.write(path)

    def write(self, path: str) -> Op:
        from panelapp.services.proposals.next_year import export_plan

        ctx, cohort_id = self.ctx, self.sheet.cohort_id

        def done(data) -> None:
            self.last_file = data
            self.total_label.setText(f"저장했습니다: {data.summary} — {path}")

        return (
            Op(self, lambda token: export_plan(ctx, cohort_id, path, token=token))
            .with_progress(f"{TITLE}을 저장하는 중…")
            .success(done)
            .failure(lambda exc: show_error(self, exc))
            .run()
        )


def open_plan(page: Any, cohort_id: int) -> Op:
    """Read the cohort's sheet on a worker, then open the dialog (kept as `page.plan_dialog`)."""
    from panelapp.services.proposals.next_year import plan_sheet

    window = getattr(page, "window_", None) or page.window()
    ctx = window.ctx

    def opened(sheet) -> None:
        dialog = NextYearPlanDialog(window, ctx, sheet)
        page.plan_dialog = dialog
        open_dialog(dialog)

    return (
        Op(page, lambda _t: plan_sheet(ctx, cohort_id))
        .success(opened)
        .failure(lambda e: show_error(page, e))
        .run()
    )
