"""휴지통 page: what was deleted, when (Korean time) and by whom; restore the selected item.

The list is id-based: the keys (kind, id) come filtered and sorted from one SQL query over every
kind (services/trash/manage.py), the rows are fetched by key as they are painted, and the kind
filter shows how many items of each kind the trash holds (GROUP BY)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from panelapp.domain.localtime import format_local
from panelapp.gui.core.buttons import WideButton
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.core.rights import offered
from panelapp.gui.models.id_table import CENTER, Column, IdTableModel
from panelapp.gui.pages.register_table import RegisterView
from panelapp.gui.palette import set_tone
from panelapp.services.changes import Kind

COLUMNS = [
    Column("종류", "kind", lambda i: i.kind_label, width=110, align=CENTER),
    Column("항목", "label", lambda i: i.label, stretch=True, tooltip=lambda i: i.label),
    Column("삭제일시", "deleted", lambda i: format_local(i.deleted_at), width=150, align=CENTER),
    Column("삭제한 사람", "who", lambda i: i.deleted_by or "–", width=120),
]
HEADERS = [c.header for c in COLUMNS]
EMPTY_TEXT = "휴지통이 비어 있습니다.\n삭제한 기수·단·참여단원·활동·시설·부서·점검표는 이곳에 보관되며 언제든 복원할 수 있습니다."
NO_MATCH_TEXT = "조건에 맞는 항목이 없습니다. 종류나 검색어를 바꿔 보세요."


@dataclass(frozen=True)
class _Loaded:
    keys: list[tuple[str, int]]
    counts: dict[str, int]  # per kind, matching the search


class TrashPage(Page):
    # Any write may put something in the trash, take it out or rename what is listed.
    kinds = frozenset(Kind)
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        self.counts: dict[str, int] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 20, 24, 16)
        title = QLabel("휴지통")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(title)
        hint = QLabel(
            "삭제한 항목은 지워지지 않고 이곳에 남습니다. 항목을 골라 [복원]을 누르면 되살아납니다."
        )
        set_tone(hint, "hint")
        hint.setWordWrap(True)
        col.addWidget(hint)
        bar = QHBoxLayout()
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("종류")
        self.kind_filter.setMinimumContentsLength(14)
        self.kind_filter.addItem("모든 종류", None)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_edit = QLineEdit(placeholderText="항목 이름 검색", clearButtonEnabled=True)
        self.search_edit.setAccessibleName("휴지통 검색")
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.search_edit, 1)
        col.addLayout(bar)

        self.model = IdTableModel(COLUMNS, self._fetch_rows, row_id=lambda item: item.key)
        self.register = RegisterView(self.model, sort=("deleted", True))
        self.register.view.setAccessibleName("휴지통 항목")
        self.register.sort_changed.connect(self.refresh)
        self.register.selection_changed.connect(self._update_buttons)
        self.register.activated.connect(
            lambda _key: self.restore_selected() if offered(self.restore_button) else None
        )
        self.empty_label = self.register.empty_label
        col.addWidget(self.register, 1)

        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.restore_button = WideButton("복원", floor=110)
        self.restore_button.setToolTip("고른 항목을 휴지통에서 꺼내 원래 자리로 되돌립니다")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        col.addLayout(row)
        self._restoring = False
        self._update_buttons()

    def _fetch_rows(self, keys: list) -> list:
        from panelapp.services.trash.manage import trash_rows

        return trash_rows(self.ctx, keys)

    # ----- loading -----------------------------------------------------------------------
    def query(self):
        from panelapp.services.trash.manage import TrashQuery

        return TrashQuery(self.kind_filter.currentData(), self.search_edit.text())

    def load(self):
        from panelapp.services.trash.manage import trash_counts, trash_ids

        ctx, query = self.ctx, self.query()
        sort = (self.register.sort_key or "deleted", self.register.descending)
        return lambda: _Loaded(trash_ids(ctx, query, *sort), trash_counts(ctx, query.search))

    def apply(self, result: _Loaded) -> None:
        from panelapp.services.trash.registry import KINDS

        self.counts = result.counts
        keep = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(f"모든 종류 ({sum(result.counts.values()):,})", None)
        for kind in KINDS:
            n = result.counts.get(kind.key, 0)
            if n or kind.key == keep:
                self.kind_filter.addItem(f"{kind.label} ({n:,})", kind.key)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(keep), 0))
        self.kind_filter.blockSignals(False)
        filtered = keep is not None or bool(self.search_edit.text().strip())
        self.register.set_ids(result.keys, NO_MATCH_TEXT if filtered else EMPTY_TEXT)
        self.count_label.setText(f"{len(result.keys):,}개 항목" if result.keys else "")
        self._update_buttons()

    # ----- restoring ---------------------------------------------------------------------
    def selected_item(self):
        return self.register.selected()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(not self._restoring and self.register.selected_id() is not None)

    def restore_selected(self) -> Op | None:
        from panelapp.services.trash.manage import restore

        key = self.register.selected_id()
        if key is None or self._restoring:
            return None
        kind, item_id = key
        ctx = self.ctx
        self._restoring = True
        self._update_buttons()
        return (
            Op(self, lambda _t: restore(ctx, kind, item_id), write=True)
            .success(self._restored)
            .failure(self._restore_failed)
            .run()
        )

    def _restored(self, label: str) -> None:
        # the op announces the change: this page and the record's own page reload
        self._restoring = False
        self.window_.statusBar().showMessage(f"복원했습니다: {label}", 5000)

    def _restore_failed(self, exc: BaseException) -> None:
        self._restoring = False
        self._update_buttons()
        show_error(self, exc)
