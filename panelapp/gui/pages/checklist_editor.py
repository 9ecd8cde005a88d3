"""The section/item tree of the 점검표 page: edit text, kind, required flag and help.

Structural edits (add, remove, move) read the tree into a draft, change the draft and
rebuild the tree, so the kind combos never get lost when rows move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTreeWidget, QTreeWidgetItem

from panelapp.domain.enums import ChecklistItemKind
from panelapp.services.checklists.drafts import ItemDraft, SectionDraft

HEADERS = ["구역 / 점검 항목", "응답 방식", "필수", "도움말"]
NEW_SECTION, NEW_ITEM = "새 구역", "새 점검 항목"


def version_text(info, versions) -> str:
    """ "현재 v2 · 이전 버전: v1(점검 결과 3건)", and a warning when saving will make a new version."""
    if info is None:
        return "새 점검표 — 저장하면 v1이 됩니다."
    text = f"현재 v{info.version_number}"
    older = [v for v in versions or [] if v.number != info.version_number]
    if older:
        text += " · 이전 버전: " + ", ".join(
            f"v{v.number}(점검 결과 {v.completed_inspections}건)" for v in older
        )
    if info.used:
        text += f"\n이 버전에는 점검 결과가 있어 저장하면 새 버전 v{info.version_number + 1}이 만들어집니다."
    return text


class ChecklistEditor(QTreeWidget):
    modified = Signal()

    def __init__(self):
        super().__init__()
        self.setColumnCount(len(HEADERS))
        self.setAccessibleName("점검표 항목")
        self.setHeaderLabels(HEADERS)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        # Room for the kind combos, which the row height does not account for by itself.
        self.setStyleSheet("QTreeWidget::item { min-height: 28px; }")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, 160)
        self.setColumnWidth(2, 56)
        self.setColumnWidth(3, 190)
        self.itemChanged.connect(lambda *_a: self.modified.emit())
        self._bold = QFont(self.font())
        self._bold.setBold(True)

    # ----- draft <-> tree ----------------------------------------------------------------
    def set_sections(
        self, sections: tuple[SectionDraft, ...], select: tuple[int, int | None] | None = None
    ) -> None:
        self.blockSignals(True)
        self.clear()
        for sec in sections:
            top = QTreeWidgetItem([sec.title, "", "", ""])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsEditable)
            top.setFont(0, self._bold)
            top.setFirstColumnSpanned(False)
            self.addTopLevelItem(top)
            for item in sec.items:
                self._add_item_row(top, item)
            top.setExpanded(True)
        self.blockSignals(False)
        if select is not None:
            self.select_path(*select)

    def _add_item_row(self, parent: QTreeWidgetItem, item: ItemDraft) -> None:
        row = QTreeWidgetItem([item.text, "", "", item.help or ""])
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(2, Qt.CheckState.Checked if item.required else Qt.CheckState.Unchecked)
        row.setToolTip(0, "두 번 눌러 내용을 고칩니다")
        row.setToolTip(3, item.help or "")
        parent.addChild(row)
        combo = QComboBox()
        combo.setAccessibleName("항목 종류")
        for label, kind in ChecklistItemKind.choices():
            combo.addItem(label, kind.value)
        combo.setCurrentIndex(combo.findData(ChecklistItemKind(item.kind).value))
        combo.currentIndexChanged.connect(lambda _i: self.modified.emit())
        self.setItemWidget(row, 1, combo)

    def sections(self) -> tuple[SectionDraft, ...]:
        out = []
        for s in range(self.topLevelItemCount()):
            top = self.topLevelItem(s)
            items = []
            for i in range(top.childCount()):
                row = top.child(i)
                combo = self.itemWidget(row, 1)
                items.append(
                    ItemDraft(
                        row.text(0),
                        ChecklistItemKind(combo.currentData()),
                        row.checkState(2) == Qt.CheckState.Checked,
                        row.text(3) or None,
                    )
                )
            out.append(SectionDraft(top.text(0), tuple(items)))
        return tuple(out)

    # ----- selection ---------------------------------------------------------------------
    def current_path(self) -> tuple[int, int | None] | None:
        """(section index, item index or None) of the selected row."""
        item = self.currentItem()
        if item is None:
            return None
        parent = item.parent()
        if parent is None:
            return self.indexOfTopLevelItem(item), None
        return self.indexOfTopLevelItem(parent), parent.indexOfChild(item)

    def select_path(self, section: int, item: int | None) -> None:
        top = self.topLevelItem(section)
        if top is None:
            return
        target = top.child(item) if item is not None else top
        self.setCurrentItem(target or top)

    # ----- structural edits --------------------------------------------------------------
    def _apply(self, sections: list[SectionDraft], select) -> None:
        self.set_sections(tuple(sections), select)
        self.modified.emit()

    def add_section(self) -> None:
        sections = list(self.sections())
        path = self.current_path()
        at = path[0] + 1 if path else len(sections)
        sections.insert(at, SectionDraft(NEW_SECTION, (ItemDraft(NEW_ITEM),)))
        self._apply(sections, (at, None))
        self.editItem(self.topLevelItem(at), 0)

    def add_item(self) -> None:
        sections = list(self.sections())
        path = self.current_path()
        if not sections:
            self.add_section()
            return
        s_no = path[0] if path else len(sections) - 1
        items = list(sections[s_no].items)
        at = path[1] + 1 if path and path[1] is not None else len(items)
        items.insert(at, ItemDraft(NEW_ITEM))
        sections[s_no] = SectionDraft(sections[s_no].title, tuple(items))
        self._apply(sections, (s_no, at))
        self.editItem(self.topLevelItem(s_no).child(at), 0)

    def remove_selected(self) -> None:
        path = self.current_path()
        if path is None:
            return
        sections = list(self.sections())
        s_no, i_no = path
        if i_no is None:
            del sections[s_no]
            select = (min(s_no, len(sections) - 1), None) if sections else None
        else:
            items = list(sections[s_no].items)
            del items[i_no]
            sections[s_no] = SectionDraft(sections[s_no].title, tuple(items))
            select = (s_no, min(i_no, len(items) - 1) if items else None)
        self._apply(sections, select)

    def move_selected(self, step: int) -> None:
        path = self.current_path()
        if path is None:
            return
        sections = list(self.sections())
        s_no, i_no = path
        if i_no is None:
            if not 0 <= s_no + step < len(sections):
                return
            sections[s_no], sections[s_no + step] = sections[s_no + step], sections[s_no]
            self._apply(sections, (s_no + step, None))
            return
        items = list(sections[s_no].items)
        if not 0 <= i_no + step < len(items):
            return
        items[i_no], items[i_no + step] = items[i_no + step], items[i_no]
        sections[s_no] = SectionDraft(sections[s_no].title, tuple(items))
        self._apply(sections, (s_no, i_no + step))
