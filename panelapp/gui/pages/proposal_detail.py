"""One proposal in full: fields, the department's answer, what was done, the photos before (its
findings') and after (given at 완료 처리) side by side, linked findings, the history timeline,
and buttons for the next allowed steps, edit, links and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.josa import quoted
from panelapp.domain.localtime import today_local
from panelapp.domain.marks import DONE_MARK
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.rights import for_rights
from panelapp.gui.core.tab_order import chain_after, focusable
from panelapp.gui.operations.trash import UNDO_HINT, move_to_trash
from panelapp.gui.palette import css, set_tone, styled
from panelapp.gui.proposal_style import badge_css

THUMB = 96
PAIR_THUMB = 120  # before / after thumbnails, two to a row in each half
PAIR_COLUMNS = 2
EMPTY_TEXT = "목록에서 개선제안을 고르면 내용과 처리 이력이 여기에 보입니다."
MARK_TEXT, UNMARK_TEXT = "중복으로 표시…", "중복 표시 해제"


def finding_photos(ctx, findings) -> dict[int, list[tuple[str, str]]]:
    """{finding id: [(thumbnail path, original name)]}; empty when attachments are not set up."""
    try:
        from panelapp.services.attachments.photos import list_attachments, thumbnail_path
    except ImportError:
        return {}
    return {
        f.id: [
            (str(thumbnail_path(ctx, a.id, size=256)), a.original_name)
            for a in list_attachments(ctx, "finding", f.id)
        ]
        for f in findings
    }


def after_photos(ctx, proposal_id: int) -> list[tuple[int, str, str]]:
    """[(attachment id, thumbnail path, original name)] of a done proposal's "after" photos."""
    from panelapp.services.attachments.photos import list_attachments, thumbnail_path
    from panelapp.services.proposals.manage import AFTER_PHOTOS

    return [
        (a.id, str(thumbnail_path(ctx, a.id, size=256)), a.original_name)
        for a in list_attachments(ctx, AFTER_PHOTOS, proposal_id)
    ]


def check_photos(ctx, proposal_id: int) -> list[tuple[str, str]]:
    """[(thumbnail path, tooltip)] of the photos later visits' checks took (what was 미흡)."""
    from panelapp.services.attachments.photos import thumbnail_path
    from panelapp.services.results.verifications import check_photos as photos_of

    out = []
    for c in photos_of(ctx, proposal_id):
        when = f"{c.visited_on:%Y-%m-%d} 점검" if c.visited_on else "점검"
        what = f" · {c.outcome.label}" if c.outcome else ""
        out.append(
            (
                str(thumbnail_path(ctx, c.attachment_id, size=256)),
                f"{when}{what}: {c.note or c.original_name}",
            )
        )
    return out


def _thumb(path: str, tip: str, name: str, size: int = THUMB) -> QLabel:
    thumb = QLabel()
    thumb.setPixmap(
        QPixmap(path).scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    )
    thumb.setToolTip(tip)
    thumb.setObjectName(name)
    return thumb


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setStyleSheet("font-weight: bold; margin-top: 10px;")
    set_tone(label, "accent")
    return label


def _text(value: str | None, empty: str = "–") -> QLabel:
    label = QLabel(value or empty, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ProposalDetailView(QStackedWidget):
    deleted = Signal(int)
    stale = Signal()  # a save or delete met a proposal changed meanwhile: the list should reload

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.detail = None
        self.photos: dict = {}
        self.after: list = []
        self._generation = 0
        self.empty_label = QLabel(EMPTY_TEXT, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty_label.setStyleSheet("font-size: 11pt;")
        set_tone(self.empty_label, "hint")
        self.addWidget(self.empty_label)
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        col.addWidget(self.scroll, 1)
        self.steps_bar = QHBoxLayout()
        col.addLayout(self.steps_bar)
        actions = QHBoxLayout()
        self.edit_button, self.links_button, self.duplicate_button, self.delete_button = (
            QPushButton(t) for t in ("수정…", "발견사항 연결…", MARK_TEXT, "삭제")
        )
        self.duplicate_button.setObjectName("duplicateButton")
        self.edit_button.clicked.connect(self.edit)
        self.links_button.clicked.connect(self.edit_links)
        self.duplicate_button.clicked.connect(self.toggle_duplicate)
        self.delete_button.clicked.connect(self.delete)
        actions.addStretch(1)
        for b in (self.edit_button, self.links_button, self.duplicate_button, self.delete_button):
            actions.addWidget(b)
        col.addLayout(actions)
        self.addWidget(page)
        self.step_buttons: dict = {}
        # 원본 보기 of a duplicate: the page that holds the list selects the original there
        self.open_original = self.show_proposal

    # ----- loading -------------------------------------------------------------------------
    def show_proposal(self, proposal_id: int | None) -> None:
        from panelapp.services.proposals.manage import get_proposal

        self._generation += 1
        generation, ctx = self._generation, self.window_.ctx
        if proposal_id is None:
            self.detail = None
            self.setCurrentWidget(self.empty_label)
            return

        def work(_t):
            detail = get_proposal(ctx, proposal_id)
            return (
                detail,
                finding_photos(ctx, detail.findings),
                after_photos(ctx, detail.id),
                check_photos(ctx, detail.id),
            )

        def done(result):
            if generation == self._generation:
                self.fill(*result)

        Op(self, work).success(done).failure(self._failed).run()

    def _failed(self, exc) -> None:
        self.detail = None
        self.setCurrentWidget(self.empty_label)
        show_error(self, exc)

    def fill(self, detail, photos: dict, after=(), checks=()) -> None:
        from panelapp.domain.proposal_rules import ACTION_LABELS, PLANNED, allowed_next

        self.detail, self.photos, self.after = detail, photos, list(after)
        body = QWidget()
        col = QVBoxLayout(body)
        head = QHBoxLayout()
        title = QLabel(detail.title, wordWrap=True)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        head.addWidget(title, 1)
        self.badge = QLabel(detail.status.label)
        styled(self.badge, badge_css(detail.status.value))
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        col.addLayout(head)
        self.original_button = None
        if detail.duplicate_of_id is not None:
            col.addLayout(self._duplicate_banner(detail))
        if detail.duplicates:
            shown = ", ".join(f"#{pid} '{t}'" for pid, t in detail.duplicates)
            merged = QLabel(
                f"중복 제안 {len(detail.duplicates)}건이 이 제안으로 합쳐졌습니다: {shown}", wordWrap=True
            )
            merged.setObjectName("duplicatesNote")
            set_tone(merged, "hint")
            col.addWidget(merged)
        self.duplicate_button.setText(UNMARK_TEXT if detail.duplicate_of_id is not None else MARK_TEXT)
        self.duplicate_button.setToolTip(
            "중복 표시를 해제하고, 원본으로 옮겼던 발견사항과 좋아요·아쉬워요를 되돌립니다"
            if detail.duplicate_of_id is not None
            else "이 제안이 다른 제안을 되풀이하면 원본을 골라 합칩니다 (연결이 원본으로 옮겨지고 집계에서 빠짐)"
        )
        if detail.overdue:
            late = QLabel("처리 기한이 지났는데 부서 답변이 없습니다.")
            late.setStyleSheet("font-weight: bold;")
            set_tone(late, "error")
            col.addWidget(late)
        col.addLayout(self._facts(detail))
        for name, value in (
            ("현황 및 문제점", detail.problem),
            ("개선 제안", detail.proposal),
            ("기대 효과", detail.expected_effect),
        ):
            col.addWidget(_section(name))
            col.addWidget(_text(value))
        col.addWidget(_section("부서 답변"))
        col.addWidget(_text(detail.answer, "아직 답변이 없습니다."))
        if detail.decline_reason:
            col.addWidget(_section("불채택 사유"))
            col.addWidget(_text(detail.decline_reason))
        if detail.plan_text:
            col.addWidget(_section("추진 계획"))
            col.addWidget(_text(detail.plan_text))
        if detail.progress is not None:  # adopted: 추진 단계 and 진행률 (issue 14 item 4)
            col.addWidget(_section(f"추진 단계 · 진행률 {detail.progress}%"))
            col.addWidget(self._milestones(detail))
        if detail.result_text:
            col.addWidget(_section("완료 내용"))
            col.addWidget(_text(detail.result_text))
        if self._pairs_wanted(detail):
            col.addWidget(_section("개선 전 · 개선 후 사진"))
            col.addWidget(self._before_after(detail))
        if checks:  # 현장 확인 (results/verifications.py): what a later visit found 미흡
            col.addWidget(_section(f"현장 확인 사진 ({len(checks)}장)"))
            strip = QHBoxLayout()
            for n, (path, tip) in enumerate(checks):
                strip.addWidget(_thumb(path, tip, f"checkPhoto{n}", PAIR_THUMB))
            strip.addStretch(1)
            col.addLayout(strip)
        col.addWidget(_section(f"연결된 발견사항 ({len(detail.findings)}건)"))
        if not detail.findings:
            none = "연결된 발견사항이 없습니다."
            col.addWidget(
                _text(
                    None,
                    for_rights(self.links_button, f"{none} [발견사항 연결…]로 연결할 수 있습니다.", none),
                )
            )
        for f in detail.findings:
            col.addWidget(self._finding(f))
        col.addWidget(_section("처리 이력"))
        col.addWidget(self._timeline(detail))
        col.addStretch(1)
        self.scroll.setWidget(body)
        while self.steps_bar.count():
            item = self.steps_bar.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.step_buttons = {}
        self.steps_bar.addWidget(
            QLabel("다음 단계:" if allowed_next(detail.status) else "처리가 끝난 제안입니다.")
        )
        for status in allowed_next(detail.status):
            button = QPushButton(ACTION_LABELS[status] + "…")
            button.clicked.connect(lambda _c=False, s=status: self.move(s))
            self.steps_bar.addWidget(button)
            self.step_buttons[status] = button
        self.progress_button = self.milestones_button = None
        if detail.status in PLANNED and detail.duplicate_of_id is None:
            self.progress_button = QPushButton("진행 상황 남기기…")
            self.progress_button.setObjectName("progressButton")
            self.progress_button.clicked.connect(self.post_progress)
            self.steps_bar.addWidget(self.progress_button)
            self.milestones_button = QPushButton("추진 단계…")
            self.milestones_button.setObjectName("milestonesButton")
            self.milestones_button.setToolTip("추진 계획을 단계로 나누어 예정일과 완료를 기록합니다")
            self.milestones_button.clicked.connect(self.edit_milestones)
            self.steps_bar.addWidget(self.milestones_button)
        self.steps_bar.addStretch(1)
        from panelapp.gui.core.rights import apply_rights, needs
        from panelapp.services.permissions import Permission

        progress = [b for b in (self.progress_button, self.milestones_button) if b is not None]
        needs(
            Permission.PROPOSAL_ANSWER,
            *self.step_buttons.values(),
            *progress,
            *body.findChildren(QPushButton),
        )
        apply_rights(self, self.window_.ctx.role if self.window_.ctx is not None else None)
        chain_after(self.scroll, [*focusable(body), *self.step_buttons.values(), *progress])  # as on screen
        self.setCurrentIndex(1)

    def _duplicate_banner(self, d) -> QHBoxLayout:
        row = QHBoxLayout()
        text = QLabel(
            f"이 제안은 #{d.duplicate_of_id} '{d.duplicate_of_title or ''}'의 중복으로 표시되어 "
            "집계와 목록의 기본 보기에서 빠집니다.",
            wordWrap=True,
        )
        text.setObjectName("duplicateBanner")
        text.setStyleSheet("font-weight: bold;")
        set_tone(text, "warn")
        row.addWidget(text, 1)
        self.original_button = QPushButton("원본 보기")
        self.original_button.setObjectName("originalButton")
        self.original_button.clicked.connect(lambda: self.open_original(d.duplicate_of_id))
        row.addWidget(self.original_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _facts(self, d) -> QGridLayout:
        from panelapp.domain.proposal_rules import days_overdue

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        due = f"{d.due_on:%Y-%m-%d}" if d.due_on else "–"
        if d.overdue:
            due += f" ({days_overdue(d.status, d.due_on, today_local())}일 지남)"
        facts = [
            ("시설", d.facility_name or "–"),
            ("담당부서", d.department_name or "미지정"),
            ("제안자", d.proposer_name or "참여단 공동"),
            ("접수일", f"{d.submitted_on:%Y-%m-%d}"),
            ("처리 기한", due),
            ("답변일", f"{d.answered_on:%Y-%m-%d}" if d.answered_on else "–"),
            ("답변까지", f"{d.days_to_answer}근무일" if d.days_to_answer is not None else "–"),
            ("완료일", f"{d.completed_on:%Y-%m-%d}" if d.completed_on else "–"),
            ("완료까지", f"{d.days_to_completion}일" if d.days_to_completion is not None else "–"),
            ("완료 예정일", _expected(d)),
        ]
        for i, (name, value) in enumerate(facts):
            key = QLabel(name)
            set_tone(key, "hint")
            grid.addWidget(key, i // 3, (i % 3) * 2)
            grid.addWidget(QLabel(value), i // 3, (i % 3) * 2 + 1)
        return grid

    def _finding(self, f) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(8, 2, 0, 2)
        where = " · ".join(x for x in (f.facility_name, f.location) if x)
        col.addWidget(
            QLabel(
                f"• [{f.category.label}·{f.severity.label}] {_html(f.title)} "
                f"<span style='color:{css('muted')}'>({_html(where)}, {f.observed_on:%Y-%m-%d})</span>"
            )
        )
        shots = self.photos.get(f.id, [])
        if shots and not self._pairs_wanted(self.detail):
            row = QHBoxLayout()
            for path, name in shots:
                row.addWidget(_thumb(path, name, "findingThumb"))
            row.addStretch(1)
            col.addLayout(row)
        return box

    # ----- before / after -------------------------------------------------------------------
    def _pairs_wanted(self, d) -> bool:
        """A done proposal (or one with after photos) shows its findings' photos beside the
        after photos; the others show them under each finding."""
        from panelapp.domain.enums import ProposalStatus

        return d is not None and (d.status == ProposalStatus.DONE or bool(self.after))

    def _before_after(self, d) -> QWidget:
        """Two halves side by side: 개선 전 (the linked findings' photos), 개선 후 (the photos
        given at 완료 처리, with 사진 추가… and 빼기 for each)."""
        from panelapp.domain.enums import ProposalStatus

        box = QWidget()
        box.setObjectName("beforeAfter")
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        before = [
            (path, f"{f.title} — {name}") for f in d.findings for path, name in self.photos.get(f.id, [])
        ]
        heads = (f"개선 전 ({len(before)}장, 발견사항 사진)", f"개선 후 ({len(self.after)}장)")
        for column, text in enumerate(heads):
            head = QLabel(text)
            head.setStyleSheet("font-weight: bold;")
            set_tone(head, "hint")
            grid.addWidget(head, 0, column)
        left = QGridLayout()
        for n, (path, tip) in enumerate(before):
            left.addWidget(_thumb(path, tip, "findingThumb", PAIR_THUMB), n // PAIR_COLUMNS, n % PAIR_COLUMNS)
        if not before:
            left.addWidget(_text(None, "연결된 발견사항에 사진이 없습니다."), 0, 0)
        right = QGridLayout()
        for n, (attachment_id, path, name) in enumerate(self.after):
            cell = QVBoxLayout()
            cell.addWidget(_thumb(path, name, "afterThumb", PAIR_THUMB))
            drop = QPushButton("빼기")
            drop.setObjectName("removeAfterPhoto")
            drop.setToolTip(f"{quoted(name, '을')} 개선 후 사진에서 뺍니다 (Ctrl+Z로 되돌릴 수 있습니다)")
            drop.clicked.connect(lambda _c=False, a=attachment_id: self.remove_after_photo(a))
            cell.addWidget(drop, 0, Qt.AlignmentFlag.AlignLeft)
            right.addLayout(cell, n // PAIR_COLUMNS, n % PAIR_COLUMNS)
        if not self.after:
            right.addWidget(_text(None, "개선 후 사진이 없습니다."), 0, 0)
        for column, layout in enumerate((left, right)):
            layout.setSpacing(8)
            layout.setColumnStretch(PAIR_COLUMNS, 1)
            grid.addLayout(layout, 1, column, Qt.AlignmentFlag.AlignTop)
        if d.status == ProposalStatus.DONE:
            self.add_after_button = QPushButton("사진 추가…")
            self.add_after_button.clicked.connect(self.choose_after_photos)
            grid.addWidget(self.add_after_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return box

    def choose_after_photos(self) -> None:
        from pathlib import Path

        from panelapp.gui.dialogs.finding_dialog import IMAGE_FILTER
        from panelapp.gui.file_dialogs import open_files

        paths = open_files(self, "photo", "개선 후 사진 추가", IMAGE_FILTER)
        if paths:
            self.add_after_photos([Path(p) for p in paths])

    def add_after_photos(self, paths) -> Op:
        from panelapp.services.proposals.manage import add_after_photos

        ctx, d = self.window_.ctx, self.detail
        return (
            Op(self, lambda _t: add_after_photos(ctx, d.id, paths), write=True)
            .success(lambda _added: self.show_proposal(d.id))
            .failure(lambda exc: show_error(self, exc))
            .run()
        )

    def remove_after_photo(self, attachment_id: int) -> Op:
        from panelapp.services.attachments.photos import remove_attachment

        ctx, d, undo = self.window_.ctx, self.detail, self.window_.undo_stack

        def removed(record) -> None:
            if undo is not None:
                undo.push(record)
            self.show_proposal(d.id)

        return Op(self, lambda _t: remove_attachment(ctx, attachment_id), write=True).success(removed).run()

    def _timeline(self, d) -> QWidget:
        from panelapp.domain.localtime import format_local, to_local

        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(8, 0, 0, 0)
        for e in reversed(d.events):
            if e.kind is not None:
                from panelapp.domain.duplicates import EVENT_LABELS
                from panelapp.domain.proposal_progress import MILESTONE_EVENT_LABELS

                step = EVENT_LABELS.get(e.kind) or MILESTONE_EVENT_LABELS.get(e.kind, e.kind)
            elif e.is_progress:
                step = "진행 상황" + (f" {e.progress}%" if e.progress is not None else "")
                if e.happened_on is not None and e.happened_on != to_local(e.at).date():
                    step += f" ({e.happened_on:%Y-%m-%d} 기준)"  # posted on a later day
            elif e.is_verification:
                step = "현장 확인"
            elif e.from_status is None:
                step = e.to_status.label
            else:
                step = f"{e.from_status.label} → {e.to_status.label}"
            line = QLabel(
                f"<b>{format_local(e.at)}</b> &nbsp; {step} &nbsp; "
                f"<span style='color:{css('muted')}'>{e.user_name or '알 수 없음'}</span>"
                + (f"<br><span style='color:{css('text')}'>{_html(e.note)}</span>" if e.note else ""),
                wordWrap=True,
            )
            line.setObjectName("timelineEntry")
            styled(line, "border-left: 3px solid @link_line; padding: 2px 0 4px 8px;")
            col.addWidget(line)
        return box

    # ----- actions -------------------------------------------------------------------------
    def post_progress(self):
        from panelapp.gui.dialogs.proposal_progress_dialog import ProposalProgressDialog

        dialog = ProposalProgressDialog(self.window_, self.detail)
        dialog.stale.connect(self.stale)
        return open_dialog(dialog)

    def edit_milestones(self):
        from panelapp.gui.dialogs.proposal_milestones_dialog import ProposalMilestonesDialog

        dialog = ProposalMilestonesDialog(self.window_, self.detail)
        dialog.stale.connect(self.stale)
        return open_dialog(dialog)

    def _milestones(self, d) -> QWidget:
        """The 진행률 bar and each step: 예정일, 완료일 or how late it is."""
        from PySide6.QtWidgets import QProgressBar

        from panelapp.domain.proposal_progress import all_steps_done_note

        box = QWidget()
        box.setObjectName("milestonesBox")
        col = QVBoxLayout(box)
        col.setContentsMargins(8, 0, 0, 0)
        bar = QProgressBar()
        bar.setObjectName("progressBar")
        bar.setRange(0, 100)
        bar.setValue(d.progress or 0)
        bar.setFormat(f"{d.progress}%")
        bar.setAccessibleName("진행률")
        bar.setMaximumWidth(420)
        # the figure beside the bar, in one colour: drawn on the bar it splits across the fill
        bar.setTextVisible(False)
        figure = QLabel(f"{d.progress}%")
        figure.setObjectName("progressFigure")
        bar_row = QHBoxLayout()
        bar_row.addWidget(bar, 3)  # up to its 420 px
        bar_row.addWidget(figure)
        bar_row.addStretch(1)
        col.addLayout(bar_row)
        note = all_steps_done_note(d.status, [m.done_on is not None for m in d.milestones])
        if note:
            said = _text(note)
            said.setObjectName("allStepsDone")
            col.addWidget(said)
        if not d.milestones:
            how = "마지막 진행 상황의 진행률입니다." if any(e.progress is not None for e in d.events) else ""
            col.addWidget(_text(None, f"추진 단계가 없습니다. {how}".strip()))
        for m in d.milestones:
            if m.done_on is not None:
                state = f"완료 {m.done_on:%Y-%m-%d}"
            elif m.overdue:
                state = f"예정일 {(today_local() - m.planned_on).days}일 지남"
            else:
                state = "진행 전"
            weight = f" · 가중치 {m.weight}" if m.weight != 1 else ""
            mark = DONE_MARK if m.done_on is not None else "○"  # (✔ is not in NanumGothic)
            line = QLabel(
                f"{mark} {m.position}. {m.title}   (예정 {m.planned_on:%Y-%m-%d} · {state}{weight})"
            )
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setObjectName("milestoneLine")
            if m.overdue:
                set_tone(line, "error")
            col.addWidget(line)
        return box

    def toggle_duplicate(self):
        """중복으로 표시… (choose the original) or, on a duplicate, 중복 표시 해제."""
        d = self.detail
        if d is None:
            return None
        if d.duplicate_of_id is not None:
            return self.unmark_duplicate()
        return self.mark_duplicate()

    def mark_duplicate(self):
        from panelapp.gui.dialogs.duplicate_dialog import DuplicateDialog
        from panelapp.services.proposals.duplicate_marks import original_suggestions

        ctx, d = self.window_.ctx, self.detail

        def show(suggestions) -> None:
            dialog = DuplicateDialog(self.window_, d, suggestions)
            dialog.stale.connect(self.stale)
            open_dialog(dialog)

        return Op(self, lambda _t: original_suggestions(ctx, d.id)).success(show).run()

    def unmark_duplicate(self) -> Op:
        from panelapp.services.proposals.duplicate_marks import unmark_duplicate

        ctx, d = self.window_.ctx, self.detail

        def failed(exc) -> None:
            show_error(self, exc)
            self.stale.emit()

        return (
            Op(self, lambda _t: unmark_duplicate(ctx, d.id, d.version), write=True)
            .success(lambda detail: self.show_proposal(detail.id))
            .failure(failed)
            .run()
        )

    def move(self, status):
        from panelapp.gui.dialogs.proposal_move_dialog import ProposalMoveDialog

        dialog = ProposalMoveDialog(self.window_, self.detail, status)
        dialog.stale.connect(self.stale)
        return open_dialog(dialog)

    def edit(self):
        from panelapp.gui.dialogs.proposal_dialog import ProposalDialog
        from panelapp.services.proposals.drafts import form_choices

        ctx, d = self.window_.ctx, self.detail

        def show(choices) -> None:
            dialog = ProposalDialog(self.window_, choices, None, d)
            dialog.stale.connect(self.stale)
            open_dialog(dialog)

        return Op(self, lambda _t: form_choices(ctx, d.cohort_id)).success(show).run()

    def edit_links(self):
        from panelapp.gui.dialogs.proposal_links_dialog import ProposalLinksDialog
        from panelapp.services.proposals.drafts import linkable_findings

        ctx, d = self.window_.ctx, self.detail

        def show(choices) -> None:
            dialog = ProposalLinksDialog(self.window_, d, choices)
            dialog.stale.connect(self.stale)
            open_dialog(dialog)

        return Op(self, lambda _t: linkable_findings(ctx, d.cohort_id)).success(show).run()

    def delete(self) -> None:

        from panelapp.services.proposals.manage import delete_proposal

        d, ctx = self.detail, self.window_.ctx
        move_to_trash(
            self,
            "개선제안 삭제",
            f"'{d.title}' 제안을 삭제할까요?\n{UNDO_HINT}",
            lambda _t: delete_proposal(ctx, d.id, d.version),
            f"'{d.title}' 제안을 삭제했습니다.",
            on_done=lambda: self.deleted.emit(d.id),
            on_failure=lambda _exc: self.stale.emit(),
        )


def _expected(d) -> str:
    """완료 예정일, with how far past it is while the work is not done."""
    from panelapp.domain.proposal_rules import PLANNED

    if d.expected_on is None:
        return "–"
    text = f"{d.expected_on:%Y-%m-%d}"
    late = (today_local() - d.expected_on).days
    if d.status in PLANNED and late > 0:
        text += f" ({late}일 지남)"
    return text


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
