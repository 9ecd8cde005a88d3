"""점검표 page: templates on the left, the section/item editor of the latest version on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelapp.gui.core.buttons import WideButton
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.pages.checklist_editor import NEW_ITEM, NEW_SECTION, ChecklistEditor, version_text
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind
from panelapp.services.checklists.drafts import ItemDraft, SectionDraft, TemplateDraft

EMPTY_TEXT = "등록된 점검표가 없습니다. [새 점검표]로 시작하세요."
READ_EMPTY_TEXT = "등록된 점검표가 없습니다. 담당자가 점검표를 만들면 여기에 나옵니다."


class ChecklistsPage(Page):
    # a completed inspection makes a version "used" (the next save makes a new version)
    kinds = frozenset({Kind.CHECKLIST, Kind.INSPECTION, Kind.RESULT, Kind.TRASH})
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        self.summaries: list = []
        self.info = None  # TemplateInfo being edited; None for a new, unsaved template
        self.modified = False
        self._seeded = False
        self._select_id: int | None = None  # the template to show after the next load
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("점검표")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        hint = QLabel(
            "점검 결과가 있는 점검표를 고쳐 저장하면 새 버전이 만들어지고, 지난 결과는 이전 버전에 그대로 남습니다."
        )
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        col.addWidget(hint)
        split = QSplitter()
        split.addWidget(self._build_list())
        split.addWidget(self._build_editor())
        split.setStretchFactor(1, 1)
        split.setSizes([190, 880])
        col.addWidget(split, 1)
        self._show_template(None)
        from panelapp.gui.pages.checklist_conflict import ChecklistConflict

        # a save refused because another desktop saved first shows both versions part by part
        self.conflict = ChecklistConflict(self)

    def _build_list(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 6, 0)
        self.list = QListWidget()
        self.list.setAccessibleName("점검표 목록")
        self.list.currentItemChanged.connect(self._on_pick)
        self.empty_label = QLabel(EMPTY_TEXT, wordWrap=True)
        set_tone(self.empty_label, "hint")
        self.new_button = QPushButton("새 점검표")
        self.new_button.clicked.connect(self.new_template)
        col.addWidget(self.list, 1)
        col.addWidget(self.empty_label)
        col.addWidget(self.new_button)
        return box

    def _build_editor(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(6, 0, 0, 0)
        row = QHBoxLayout()
        self.name_edit = QLineEdit(placeholderText="점검표 이름", maxLength=100)
        self.name_edit.setAccessibleName("점검표 이름")
        self.description_edit = QLineEdit(placeholderText="설명 (선택)")
        self.description_edit.setAccessibleName("점검표 설명")
        row.addWidget(QLabel("이름"))
        row.addWidget(self.name_edit, 2)
        row.addWidget(QLabel("설명"))
        row.addWidget(self.description_edit, 3)
        col.addLayout(row)
        self.version_label = QLabel()
        set_tone(self.version_label, "accent")
        self.version_label.setWordWrap(True)
        col.addWidget(self.version_label)
        self.editor = ChecklistEditor()
        col.addWidget(self.editor, 1)
        tools = QHBoxLayout()
        self.tool_buttons = []
        for text, slot in (
            ("구역 추가", self.editor.add_section),
            ("항목 추가", self.editor.add_item),
            ("삭제", self.editor.remove_selected),
            ("위로", lambda: self.editor.move_selected(-1)),
            ("아래로", lambda: self.editor.move_selected(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            tools.addWidget(button)
            self.tool_buttons.append(button)
        tools.addStretch(1)
        self.revert_button = QPushButton("되돌리기")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = WideButton("저장")
        self.save_button.clicked.connect(self.save)
        tools.addWidget(self.revert_button)
        tools.addWidget(self.save_button)
        col.addLayout(tools)
        self.notice_label = QLabel()
        self.notice_label.setStyleSheet("font-weight: bold;")
        set_tone(self.notice_label, "ok")
        self.notice_label.setWordWrap(True)
        col.addWidget(self.notice_label)
        self.editor.modified.connect(self._mark_modified)
        self.name_edit.textEdited.connect(self._mark_modified)
        self.description_edit.textEdited.connect(self._mark_modified)
        self.editor_box = box
        return box

    # ----- loading -----------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        if select_id is not None:
            self._select_id = select_id
        super().refresh()

    def load(self):
        from panelapp.services.checklists.templates import ensure_default_template, list_templates

        ctx, seed = self.ctx, not self._seeded

        def work() -> list:
            if seed:
                ensure_default_template(ctx)
            return list_templates(ctx)

        return work

    def apply(self, summaries: list) -> None:
        keep = self._select_id if self._select_id is not None else (self.info.id if self.info else None)
        self._select_id = None
        self._seeded, self.summaries = True, summaries
        self.list.blockSignals(True)
        self.list.clear()
        for t in summaries:
            item = QListWidgetItem(f"{t.name}  (v{t.latest_number})")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(f"구역 {t.section_count}개 · 항목 {t.item_count}개")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty_label.setText(self.empty_text())
        self.empty_label.setVisible(not summaries)
        ids = [t.id for t in summaries]
        if ids and not self.modified:  # unsaved edits stay on screen
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
            self.load_template(ids[self.list.currentRow()])
        elif not ids and not self.modified:
            self._show_template(None)

    def load_template(self, template_id: int) -> None:
        from panelapp.services.checklists.templates import get_template, versions_of

        ctx = self.window_.ctx
        Op(self, lambda _t: (get_template(ctx, template_id), versions_of(ctx, template_id))).success(
            lambda r: self._show_template(*r)
        ).failure(lambda e: show_error(self, e)).run()

    def _on_pick(self, current, previous) -> None:
        if current is None or (self.info and current.data(Qt.ItemDataRole.UserRole) == self.info.id):
            return
        if self.modified and not self._discard_ok():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self.modified = False
        self.load_template(current.data(Qt.ItemDataRole.UserRole))

    def _discard_ok(self) -> bool:
        from panelapp.gui.core import dialogs

        return dialogs.ask_discard(self, "저장하지 않은 변경 내용이 있습니다. 버리고 다른 점검표로 옮길까요?")

    # ----- editing -----------------------------------------------------------------------
    def _show_template(self, info, versions=None, draft: TemplateDraft | None = None) -> None:
        self.info = info
        draft = draft or (info.to_draft() if info else None)
        self.editor_box.setEnabled(draft is not None)
        self.name_edit.setText(draft.name if draft else "")
        self.description_edit.setText((draft.description or "") if draft else "")
        self.description_edit.setCursorPosition(0)
        self.editor.set_sections(draft.sections if draft else (), (0, None) if draft else None)
        self.version_label.setText(version_text(info, versions) if draft else "")
        self.modified = False
        self._update_buttons()

    def _mark_modified(self, *_args) -> None:
        self.modified = True
        self.notice_label.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.modified)
        self.revert_button.setEnabled(self.modified)

    def empty_text(self) -> str:
        from panelapp.gui.core.rights import for_rights

        return for_rights(self.new_button, EMPTY_TEXT, READ_EMPTY_TEXT)

    def new_template(self) -> None:
        if self.modified and not self._discard_ok():
            return
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        taken = {t.name for t in self.summaries}
        name = next(n for n in (f"새 점검표 {i}" if i else "새 점검표" for i in range(100)) if n not in taken)
        self._show_template(
            None, draft=TemplateDraft(name, None, (SectionDraft(NEW_SECTION, (ItemDraft(NEW_ITEM),)),))
        )
        self._mark_modified()
        self.notice_label.setText("구역과 항목을 두 번 눌러 내용을 입력한 뒤 [저장]을 누르세요.")

    def revert(self) -> None:
        self.modified = False
        self.notice_label.clear()
        if self.info is not None:
            self.load_template(self.info.id)
        else:
            self.refresh()

    def draft(self) -> TemplateDraft:
        return TemplateDraft(self.name_edit.text(), self.description_edit.text(), self.editor.sections())

    def save(self) -> None:
        from panelapp.services.checklists.templates import create_template, save_template

        ctx, info, draft = self.window_.ctx, self.info, self.draft()
        if info is None:
            work = lambda _t: create_template(ctx, draft)  # noqa: E731
        else:
            work = lambda _t: save_template(ctx, info.id, draft, info.version)  # noqa: E731
        self.save_button.setEnabled(False)
        Op(self, work, write=True).success(self._saved).failure(self._save_failed).run()

    def _saved(self, result) -> None:
        from panelapp.services.checklists.drafts import SaveResult

        info = result.template if isinstance(result, SaveResult) else result
        message = result.message if isinstance(result, SaveResult) else "새 점검표를 저장했습니다 (v1)"
        self.modified = False
        self.info = info
        self.notice_label.setText(message)
        self.window_.statusBar().showMessage(message, 8000)
        # the op announces the change: the list reloads and shows this template (self.info)

    def _save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if not self.conflict.handle(exc):
            show_error(self, exc)
