"""New or edited 개선제안: title, 현황 및 문제점, 개선 제안, 기대 효과, facility, department,
dates and proposer. `open_new_proposal(window, finding_ids)` starts one from findings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from panelapp.domain.localtime import today_local
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import keep_unsaved_input, open_dialog
from panelapp.gui.core.field_errors import as_list, keeps_input, show_field_errors
from panelapp.gui.core.follow import follow_changes, refill_combo
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.scroll_body import scroll_body
from panelapp.gui.dates import from_date, setup_date_edit, to_date
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

NONE = "(지정 안 함)"


def open_new_proposal(window, finding_ids=(), cohort_id: int | None = None) -> Op:
    """Load the choices (and the draft from `finding_ids`), then open the dialog (non-modal)."""
    from panelapp.services.proposals.drafts import blank_draft, draft_from_findings, form_choices

    ctx, ids = window.ctx, tuple(finding_ids)
    cohort = cohort_id if cohort_id is not None else window.current_cohort_id

    def work(_t):
        draft = draft_from_findings(ctx, cohort, ids) if ids else blank_draft(ctx, cohort)
        return form_choices(ctx, cohort), draft

    def show(result):
        choices, draft = result
        open_dialog(ProposalDialog(window, choices, draft))

    return Op(window, work).success(show).run()


class ProposalDialog(QDialog):
    stale = Signal()  # a save met a proposal changed or deleted meanwhile: lists should reload

    def __init__(self, window, choices, draft, detail=None):
        """`draft` is a ProposalInput (new) or None; `detail` the ProposalDetail being edited."""
        super().__init__(window)
        self.window_, self.choices, self.detail = window, choices, detail
        self.draft = draft
        self.saved = None
        self.setWindowTitle("새 개선제안" if detail is None else f"개선제안 수정 — {detail.title}")
        self.resize(640, 680)
        col = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.facility_combo, self.department_combo, self.proposer_combo = (
            QComboBox(),
            QComboBox(),
            QComboBox(),
        )
        self.facility_combo.addItem(NONE, None)
        for fid, name, _dept in choices.facilities:
            self.facility_combo.addItem(name, fid)
        self.department_combo.addItem(NONE, None)
        for did, name in choices.departments:
            self.department_combo.addItem(name, did)
        # A cohort can have 100,000 members: labels go in at C++ speed, ids stay in a list, and
        # the combo never measures every label for its width.
        self.proposer_ids = [None, *(eid for eid, _label in choices.proposers)]
        self.proposer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.proposer_combo.setMinimumContentsLength(20)
        self.proposer_combo.addItems(
            ["(참여단 공동 / 지정 안 함)", *(label for _eid, label in choices.proposers)]
        )
        self.problem_edit, self.proposal_edit, self.effect_edit = (QPlainTextEdit() for _ in range(3))
        for edit, height in ((self.problem_edit, 110), (self.proposal_edit, 90), (self.effect_edit, 60)):
            edit.setMinimumHeight(height)
        self.submitted_edit, self.due_edit = QDateEdit(), QDateEdit()
        for edit in (self.submitted_edit, self.due_edit):
            setup_date_edit(edit)
        form.addRow("제목", self.title_edit)
        form.addRow("시설", self.facility_combo)
        form.addRow("담당부서", self.department_combo)
        form.addRow("현황 및 문제점", self.problem_edit)
        form.addRow("개선 제안", self.proposal_edit)
        form.addRow("기대 효과", self.effect_edit)
        form.addRow("접수일", self.submitted_edit)
        form.addRow("처리 기한", self.due_edit)
        form.addRow("제안자", self.proposer_combo)
        col.addLayout(form)
        self.links_label = QLabel(wordWrap=True)
        set_tone(self.links_label, "hint")
        col.addWidget(self.links_label)
        self.error_label = QLabel(wordWrap=True)
        set_tone(self.error_label, "error")
        col.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        scroll_body(self)  # taller than 150 % leaves of a 1366×768 screen: the form scrolls
        self.fields = {
            "제목": self.title_edit,
            "현황 및 문제점": self.problem_edit,
            "개선 제안": self.proposal_edit,
            "기대 효과": self.effect_edit,
            "시설": self.facility_combo,
            "담당부서": self.department_combo,
            "접수일": self.submitted_edit,
            "처리 기한": self.due_edit,
            "제안자": self.proposer_combo,
        }
        self._fill(detail if detail is not None else draft)
        self.facility_combo.currentIndexChanged.connect(self._facility_changed)
        self.submitted_edit.dateChanged.connect(self._submitted_changed)
        show_field_errors(self.fields, self.error_label, [])
        keep_unsaved_input(self)
        follow_changes(self, {Kind.FACILITY, Kind.DEPARTMENT}, self.reload_choices)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            self.error_label,
            self._fetch_current,
            self._fill,
            self._adopt,
            self.stale.emit,
        )

    def _fetch_current(self):
        from panelapp.services.proposals.queries import get_proposal

        assert self.detail is not None
        return get_proposal(self.window_.ctx, self.detail.id)

    def _adopt(self, detail) -> None:
        self.detail = detail

    def reload_choices(self) -> Op:
        """Facilities and departments registered since the dialog opened are offered too."""
        from panelapp.services.proposals.drafts import form_choices

        ctx = self.window_.ctx
        cohort = self.detail.cohort_id if self.detail is not None else self.draft.cohort_id
        return (
            Op(self, lambda _t: form_choices(ctx, cohort, with_proposers=False))
            .success(self._new_choices)
            .run()
        )

    def _new_choices(self, fresh) -> None:
        self.choices = replace(self.choices, facilities=fresh.facilities, departments=fresh.departments)
        refill_combo(self.facility_combo, [(name, fid) for fid, name, _d in fresh.facilities], (NONE, None))
        refill_combo(self.department_combo, [(name, did) for did, name in fresh.departments], (NONE, None))

    def _fill(self, src) -> None:
        from panelapp.domain.answer_deadlines import due_date

        today = today_local()
        self.title_edit.setText(src.title or "")
        self.problem_edit.setPlainText(src.problem or "")
        self.proposal_edit.setPlainText(src.proposal or "")
        self.effect_edit.setPlainText(src.expected_effect or "")
        for combo, value in (
            (self.facility_combo, src.facility_id),
            (self.department_combo, src.department_id),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        proposer = src.proposer_enrollment_id
        self.proposer_combo.setCurrentIndex(
            self.proposer_ids.index(proposer) if proposer in self.proposer_ids else 0
        )
        submitted = src.submitted_on or today
        self._submitted = submitted
        self.submitted_edit.setDate(from_date(submitted))
        self.due_edit.setDate(from_date(src.due_on or due_date(submitted, self.choices.default_answer_days)))
        if self.detail is None and self.draft.finding_ids:
            self.links_label.setText(f"발견사항 {len(self.draft.finding_ids)}건이 이 제안에 연결됩니다.")
        self.links_label.setVisible(self.detail is None and bool(self.draft.finding_ids))

    def _facility_changed(self, _i) -> None:
        fid = self.facility_combo.currentData()
        dept = next((d for f, _n, d in self.choices.facilities if f == fid), None)
        if dept is not None and self.department_combo.findData(dept) >= 0:
            self.department_combo.setCurrentIndex(self.department_combo.findData(dept))

    def _submitted_changed(self, _d) -> None:
        """The deadline keeps its length in working days (the 답변 기한 the draft was given)."""
        from panelapp.domain.working_days import add_working_days, working_days_between

        submitted, due = to_date(self.submitted_edit.date()), to_date(self.due_edit.date())
        span = max(working_days_between(self._submitted, due), 0)
        self._submitted = submitted
        self.due_edit.setDate(from_date(add_working_days(submitted, span)))

    def data(self):
        from panelapp.services.proposals.manage import ProposalInput

        cohort = self.detail.cohort_id if self.detail is not None else self.draft.cohort_id
        links = () if self.detail is not None else self.draft.finding_ids
        return ProposalInput(
            cohort,
            self.title_edit.text(),
            self.problem_edit.toPlainText(),
            self.proposal_edit.toPlainText(),
            self.effect_edit.toPlainText(),
            self.facility_combo.currentData(),
            self.department_combo.currentData(),
            to_date(self.submitted_edit.date()),
            to_date(self.due_edit.date()),
            self.proposer_ids[max(self.proposer_combo.currentIndex(), 0)],
            links,
        )

    def save(self) -> None:
        from panelapp.services.proposals.manage import update_proposal

        ctx, data, detail = self.window_.ctx, self.data(), self.detail
        self.buttons.setEnabled(False)
        if detail is None:  # a new one: first the proposals it probably repeats (issue 14 item 6)
            self._check_similar(data)
            return
        work = lambda _t: update_proposal(ctx, detail.id, data, detail.version)  # noqa: E731
        Op(self, work, write=True).success(self._saved).failure(self._failed).run()

    def _check_similar(self, data) -> Op:
        from panelapp.services.proposals.duplicates import similar_proposals

        ctx = self.window_.ctx
        return (
            Op(
                self,
                lambda _t: similar_proposals(
                    ctx, data.cohort_id, data.title, data.facility_id, data.finding_ids
                ),
            )
            .success(lambda hits: self._create(data, hits))
            .failure(lambda _exc: self._create(data, []))  # the check is a courtesy: the save decides
            .run()
        )

    def _create(self, data, similar) -> None:
        from panelapp.services.proposals.manage import create_proposal

        if similar and not ask_similar(self, similar):
            self.buttons.setEnabled(True)
            return
        ctx = self.window_.ctx
        Op(self, lambda _t: create_proposal(ctx, data), write=True).success(self._saved).failure(
            self._failed
        ).run()

    def _saved(self, result) -> None:
        self.saved, record = result
        if getattr(self.window_, "undo_stack", None) is not None:
            self.window_.undo_stack.push(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_list(exc)
        if errors is not None:
            show_field_errors(self.fields, self.error_label, errors)
            return
        if self.detail is not None and self.conflict.handle(exc):
            return  # another desktop saved first: both versions shown, the input kept
        show_error(self, exc)
        if keeps_input(exc):  # the server's connection broke: nothing saved, the input stays
            return
        self.stale.emit()
        self.reject()


def ask_similar(parent, similar) -> bool:
    """비슷한 제안이 있습니다: register anyway (True) or go back to the form."""
    lines = "\n".join(
        f"• {s.title} ({s.status.label}, {s.submitted_on:%Y-%m-%d} 접수) — {s.reason}" for s in similar
    )
    answer = QMessageBox.question(
        parent,
        "비슷한 제안",
        f"이 기수에 비슷한 개선제안이 이미 있습니다.\n\n{lines}\n\n"
        "같은 문제라면 [아니요]를 눌러 새로 등록하지 말고 기존 제안에 발견사항을 연결해 주세요. "
        "그래도 새로 등록할까요?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
