"""통합 검색 (Ctrl+F): type part of a word, see members, facilities, findings, proposals and
feedback grouped by kind; Enter or a double-click opens the record's page. ↓ in the query field
goes down into the results (to the first hit), ↑ on the first hit back up to the query."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidgetItem

from panelapp.domain.josa import quoted
from panelapp.gui import search_links
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.forms.ui_search_dialog import Ui_SearchDialog

HIT_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 50


class SearchDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.hits: list = []
        self._pending = None
        self._running = False
        self._open_after = False  # Enter pressed before the results came: open the first one then
        self.ui = Ui_SearchDialog()
        self.ui.setupUi(self)
        self.ui.statusLabel.setText("두 글자 이상이면 단어의 일부로도 찾습니다. 예: '미끄' → 미끄럼")
        header = self.ui.resultTree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        header.setStretchLastSection(True)
        self.open_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText("열기")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_current)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.ui.searchEdit.textChanged.connect(lambda _t: self._timer.start())
        self.ui.searchEdit.returnPressed.connect(self._enter)
        self.ui.resultTree.itemActivated.connect(lambda _item, _col: self.open_current())
        self.ui.resultTree.currentItemChanged.connect(lambda *_a: self._update_button())
        self.ui.searchEdit.installEventFilter(self)
        self.ui.resultTree.installEventFilter(self)
        self.ui.searchEdit.setFocus()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if obj is self.ui.searchEdit and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            return self._into_results()
        if obj is self.ui.resultTree and key == Qt.Key.Key_Up:
            current = self.ui.resultTree.currentItem()
            if current is not None and current is self._first_hit_item():
                self.ui.searchEdit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _into_results(self) -> bool:
        """↓ in the query field: to the results, on the first hit (typed text searched at once)."""
        if self._timer.isActive():
            self.run_search()  # the results follow; the list has focus when they come
        tree = self.ui.resultTree
        if tree.topLevelItemCount() == 0 and not self._running:
            return False  # nothing below to go to
        first = self._first_hit_item()
        if first is not None and self.current_hit() is None:
            tree.setCurrentItem(first)
        tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # ----- searching ---------------------------------------------------------------------
    def run_search(self) -> None:
        from panelapp.services.search.query import search

        self._timer.stop()
        text, ctx = self.ui.searchEdit.text().strip(), self.window_.ctx
        if self._running:
            self._pending = text
            return
        if not text:
            self._show(text, [])
            return
        self._running = True
        Op(self, lambda _t: search(ctx, text, LIMIT)).success(lambda hits: self._done(text, hits)).failure(
            self._failed
        ).run()

    def _done(self, text: str, hits: list) -> None:
        self._running = False
        if self._pending is not None and self._pending != text:
            self._pending = None
            self.run_search()
            return
        self._pending = None
        self._show(text, hits)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        show_error(self, exc)

    def _show(self, text: str, hits: list) -> None:
        from panelapp.services.search.query import KIND_LABELS, KINDS

        self.hits = hits
        tree = self.ui.resultTree
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        for kind in KINDS:
            group = [h for h in hits if h.kind == kind]
            if not group:
                continue
            more = " 이상 — 검색어를 더 구체적으로" if len(group) >= LIMIT else ""
            top = QTreeWidgetItem([f"{KIND_LABELS[kind]} {len(group)}건{more}", ""])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(top)
            for hit in group:
                item = QTreeWidgetItem(["   " + hit.title, hit.snippet])
                item.setData(0, HIT_ROLE, hit)
                item.setToolTip(1, hit.snippet)
                if not search_links.can_open(self.window_, hit):
                    item.setToolTip(0, "이 종류의 화면이 아직 없어 열 수 없습니다")
                top.addChild(item)
            top.setExpanded(True)
        if not text:
            self.ui.statusLabel.setText("두 글자 이상이면 단어의 일부로도 찾습니다. 예: '미끄' → 미끄럼")
        elif not hits:
            self.ui.statusLabel.setText(
                f"{quoted(text, '와')} 일치하는 자료가 없습니다. 더 짧게 또는 다른 낱말로 찾아보세요."
            )
        else:
            self.ui.statusLabel.setText(f"'{text}' 검색 결과 {len(hits)}건 — Enter 또는 두 번 눌러 엽니다.")
        first = self._first_hit_item()
        if first is not None:
            tree.setCurrentItem(first)
        self._update_button()
        if self._open_after:
            self._open_after = False
            self.open_current()

    # ----- opening -----------------------------------------------------------------------
    def _first_hit_item(self):
        tree = self.ui.resultTree
        for n in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(n)
            if top.childCount():
                return top.child(0)
        return None

    def current_hit(self):
        item = self.ui.resultTree.currentItem()
        return None if item is None else item.data(0, HIT_ROLE)

    def _update_button(self) -> None:
        hit = self.current_hit()
        openable = hit is not None and search_links.can_open(self.window_, hit)
        self.open_button.setEnabled(openable)
        self.open_button.setToolTip(
            "" if openable or hit is None else f"{hit.kind_label} 화면이 없어 이 프로그램에서 열 수 없습니다"
        )

    def _enter(self) -> None:
        if self._timer.isActive() or self._running:
            self._open_after = True
            if self._timer.isActive():
                self.run_search()
            return
        self.open_current()

    def open_current(self) -> bool:
        hit = self.current_hit()
        if hit is None or not search_links.open_hit(self.window_, hit):
            return False
        self.accept()
        return True
