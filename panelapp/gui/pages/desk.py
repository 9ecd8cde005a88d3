"""우리 부서 제안: the department desk (issue 14 item 1).

A 부서 담당자 lands here after login: their department's open proposals (not yet 완료 or 불채택),
the nearest 처리 기한 first, overdue rows marked, and the selected one in full below (the
개선제안 page's detail: findings with their photos, the answer, 추진 계획, history with names),
with its next steps, 진행 상황 남기기 and 완료 처리. A 담당자 or 관리자 sees every department's,
or picks one, and may send a department without the app an answer request workbook and read its
answers back (답변 요청서 만들기… / 가져오기…, gui/operations/answer_requests.py). The list spans every cohort: a department answers whatever cohort asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.page import Page
from panelapp.gui.dialogs.proposal_bulk_dialog import BUTTON_TEXT as BULK_TEXT
from panelapp.gui.dialogs.proposal_bulk_dialog import BUTTON_TIP as BULK_TIP
from panelapp.gui.models.id_table import CENTER, Column, IdTableModel
from panelapp.gui.operations.answer_requests import IMPORT_TEXT, MAKE_TEXT
from panelapp.gui.operations.reminders import MAKE_TEXT as REMINDER_TEXT
from panelapp.gui.pages.big_register import BigRegister
from panelapp.gui.pages.proposal_detail import ProposalDetailView
from panelapp.gui.palette import set_tone
from panelapp.gui.proposal_style import OVERDUE_COLOR, status_color
from panelapp.services.changes import Changes, Kind
from panelapp.services.proposals.desk import DeskCounts

TITLE = "우리 부서 제안"
EMPTY_TEXT = "지금 답변하거나 추진할 제안이 없습니다. 새 제안이 부서로 오면 여기에 처리 기한 순으로 보입니다."
OVERDUE_TIP = "처리 기한이 지났는데 부서 답변이 없습니다"
PLAN_LATE_TIP = "완료 예정일이 지났는데 완료되지 않았습니다"
CARRIED_TIP = "차년도 업무계획으로 이월된 과제입니다 (그 기수의 제안으로 집계됩니다)"


def _due(p) -> str:
    if p.due_on is None:
        return "–"
    if p.overdue:
        return f"{p.due_on:%Y-%m-%d} ({(today_local() - p.due_on).days}일 지남)"
    return f"{p.due_on:%Y-%m-%d}"


def _expected(p) -> str:
    if p.expected_on is None:
        return ""
    return f"{p.expected_on:%Y-%m-%d}" + (" 지남" if p.late_for_plan else "")


COLUMNS = [
    Column(
        "처리 기한", None, _due, width=172, align=CENTER, tooltip=lambda p: OVERDUE_TIP if p.overdue else None
    ),
    Column(
        "상태",
        None,
        lambda p: p.status.label,
        width=76,
        align=CENTER,
        foreground=lambda p: status_color(p.status.value),
    ),
    Column("제목", None, lambda p: p.title, width=300, stretch=True, tooltip=lambda p: p.title),
    Column("시설", None, lambda p: p.facility_name or "–", width=170),
    Column("담당부서", None, lambda p: p.department_name or "미지정", width=120),
    Column("접수일", None, lambda p: f"{p.submitted_on:%Y-%m-%d}", width=96, align=CENTER),
    Column(
        "완료 예정일",
        None,
        _expected,
        width=120,
        align=CENTER,
        tooltip=lambda p: PLAN_LATE_TIP if p.late_for_plan else None,
    ),
    # 이월 과제 (issue 14 item 8): carried into a 차년도 업무계획
    Column(
        "구분",
        None,
        lambda p: f"이월(제{p.carried_from}기)" if p.carried_from is not None else "",
        width=92,
        align=CENTER,
        tooltip=lambda p: CARRIED_TIP if p.carried_from is not None else None,
    ),
]
DEPARTMENT_COLUMN = 4
CARRIED_COLUMN = 7


def progress_text(figures) -> str:
    """ "추진 현황: 채택 8건 중 완료 3건, 평균 진행률 54% · 예정일 지난 추진 단계 1건"."""
    if figures is None:
        return ""
    late = f" · 예정일 지난 추진 단계 {figures.overdue_milestones:,}건" if figures.overdue_milestones else ""
    return f"추진 현황: {figures.text}{late}"


@dataclass(frozen=True)
class _Loaded:
    ids: list[int]
    counts: DeskCounts
    departments: tuple | None  # (id, name) for a coordinator's filter; None for a 부서 담당자
    progress: Any = None  # 추진 현황 of the desk's department (ProgressFigures), every cohort


class DeskPage(Page):
    kinds = frozenset(
        {Kind.PROPOSAL, Kind.PLAN, Kind.FINDING, Kind.ATTACHMENT, Kind.DEPARTMENT, Kind.FACILITY, Kind.TRASH}
    )
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        self._select_id: int | None = None
        # what 답변 요청서 만들기… / 가져오기… last opened or did (gui/operations/answer_requests.py)
        self.request_dialog: Any = None
        self.problems_dialog: Any = None
        self.last_request: Any = None
        self.last_import: Any = None
        # what 독촉 안내문 만들기… last opened, wrote or sent (gui/operations/reminders.py)
        self.reminder_dialog: Any = None
        self.last_reminders: Any = None
        self.last_mail: Any = None
        self.bulk_dialog: Any = None  # what 여러 건 처리… last opened
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        head = QHBoxLayout()
        self.title_label = QLabel(TITLE)
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        head.addWidget(self.title_label)
        head.addStretch(1)
        self.department_combo = QComboBox()
        self.department_combo.setAccessibleName("담당부서")
        self.department_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department_combo.setMinimumContentsLength(10)
        self.department_combo.addItem("모든 부서", None)
        self.department_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.department_combo)
        # for departments without the app (issue 14 item 2); a 부서 담당자 is not offered them (rights)
        self.request_button = QPushButton(MAKE_TEXT)
        self.request_button.setToolTip(
            "고른 부서의 답변을 기다리는 제안을 답변 칸이 있는 엑셀 파일로 만듭니다"
        )
        self.request_button.clicked.connect(self.make_request)
        head.addWidget(self.request_button)
        self.import_button = QPushButton(IMPORT_TEXT)
        self.import_button.setToolTip("부서가 답을 적어 보낸 답변 요청서를 읽어 한 번에 저장합니다")
        self.import_button.clicked.connect(self.import_request)
        head.addWidget(self.import_button)
        # 독촉 안내문 (issue 14 item 9): overdue and soon-due answers per department, file or e-mail
        self.reminder_button = QPushButton(REMINDER_TEXT)
        self.reminder_button.setToolTip(
            "답변 기한이 지났거나 곧 닥치는 제안을 부서별 독촉 안내문(PDF·엑셀)으로 만들거나 메일로 보냅니다"
        )
        self.reminder_button.clicked.connect(self.make_reminders)
        head.addWidget(self.reminder_button)
        self.bulk_button = QPushButton(BULK_TEXT)
        self.bulk_button.setToolTip(BULK_TIP)
        self.bulk_button.clicked.connect(lambda: self.open_bulk())
        head.addWidget(self.bulk_button)
        col.addLayout(head)
        self.summary_label = QLabel(wordWrap=True)
        # 이월 과제: the open proposals a cohort's 차년도 업무계획 carried (issue 14 item 8); on the
        # summary's line, as the row of buttons above has no room left at 150 %
        self.carried_check = QCheckBox("이월 과제만")
        self.carried_check.setToolTip("기수가 끝날 때 차년도 업무계획으로 이월된 과제만 봅니다")
        self.carried_check.toggled.connect(lambda _c: self.refresh())
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.carried_check)
        col.addLayout(summary_row)
        # 추진 현황 (issue 14 item 4): the department's adopted proposals, done and mean 진행률
        self.progress_label = QLabel(wordWrap=True)
        self.progress_label.setObjectName("deskProgress")
        set_tone(self.progress_label, "hint")
        col.addWidget(self.progress_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = IdTableModel(COLUMNS, self._fetch_rows, parent=self)
        self.model.row_foreground = lambda p: OVERDUE_COLOR if p.overdue else None
        self.register = BigRegister(self.model, selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.register.view.setAccessibleName("우리 부서 제안 목록")
        self.register.selection_changed.connect(self._on_selected)
        splitter.addWidget(self.register)
        self.detail = ProposalDetailView(window)
        self.detail.stale.connect(self.mark_stale)
        splitter.addWidget(self.detail)
        splitter.setSizes([260, 440])
        col.addWidget(splitter, 1)

    def _fetch_rows(self, ids: list[int]) -> list:
        from panelapp.services.proposals.desk import desk_rows

        return desk_rows(self.ctx, ids)

    def relevant(self, changes: Changes) -> bool:
        ids = changes.ids_of(Kind.PROPOSAL)
        if Kind.PROPOSAL in changes.kinds and ids:
            self._select_id = min(ids)  # the one just answered stays selected
        return super().relevant(changes)

    def load(self):
        from panelapp.services.proposals.desk import desk_counts, desk_ids
        from panelapp.services.proposals.milestones import rollup
        from panelapp.services.registers.departments import list_departments

        ctx, department = self.ctx, self.department_combo.currentData()
        carried = self.carried_check.isChecked()

        def work() -> _Loaded:
            counts = desk_counts(ctx, department)
            choices = None
            if not counts.scoped:
                choices = tuple((d.id, d.name) for d in list_departments(ctx, active_only=True))
            progress = rollup(ctx, None, department_id=department)[0]
            return _Loaded(desk_ids(ctx, department, carried_only=carried), counts, choices, progress)

        return work

    def apply(self, result: _Loaded) -> None:
        counts = result.counts
        self.department_combo.setVisible(not counts.scoped)
        self.register.view.setColumnHidden(DEPARTMENT_COLUMN, counts.scoped)
        if counts.scoped:
            self.title_label.setText(f"{TITLE} — {counts.department_name or '부서 미지정'}")
        else:
            self._fill_departments(result.departments or ())
            picked = self.department_combo.currentIndex() > 0
            self.title_label.setText(
                f"부서별 제안 처리 — {self.department_combo.currentText() if picked else '모든 부서'}"
            )
        self.summary_label.setText(
            f"답변하거나 추진할 제안 {counts.open:,}건"
            + (f" · 처리 기한 지남 {counts.overdue:,}건" if counts.overdue else "")
            + (f" · 이월 과제 {counts.carried:,}건" if counts.carried else "")
            + " · 처리 기한이 가까운 순"
        )
        self.progress_label.setText(progress_text(result.progress))
        select, self._select_id = self._select_id, None
        self.register.blockSignals(True)
        self.register.set_ids(result.ids, EMPTY_TEXT, select)
        self.register.blockSignals(False)
        self._on_selected()

    def _fill_departments(self, departments) -> None:
        combo = self.department_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("모든 부서", None)
        for value, label in departments:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def make_request(self):
        """답변 요청서 만들기…: for the department chosen above (or one picked in the dialog)."""
        from panelapp.gui.operations.answer_requests import make_request

        return make_request(self, self.department_combo.currentData())

    def make_reminders(self):
        """독촉 안내문 만들기…: for the department chosen above (or all, or one picked in the dialog)."""
        from panelapp.gui.operations.reminders import make_reminders

        return make_reminders(self, self.department_combo.currentData())

    def import_request(self):
        """답변 요청서 가져오기…: a workbook made for another department than the one chosen
        above is refused; with 모든 부서 chosen, the workbook's own department is taken."""
        from panelapp.gui.operations.answer_requests import import_request

        return import_request(self, self.department_combo.currentData())

    def _on_selected(self) -> None:
        self.detail.show_proposal(self.register.selected_id())
        self.bulk_button.setEnabled(bool(self.register.selected_ids()))

    def open_bulk(self):
        """여러 건 처리…: the selected proposals answered or moved at once (issue 14 item 5)."""
        from panelapp.gui.dialogs.proposal_bulk_dialog import open_bulk

        return open_bulk(self)
