"""Main window: left navigation, a cohort selector, pages, and a status bar."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp import __version__
from panelapp.gui.core.bus import DataBus

# Start-up is measured by benchmarks/bench_startup.py: keep the import path to the shown window
# short (no ops, message boxes or database layer here; they load when first used). Even the
# `Qt` namespace costs ~15 ms (PySide6 builds its enums on first touch), so it waits too.

# Pages in navigation order: (key, label, "module:Class"). A page is listed when it works.
PAGES: list[tuple[str, str, str]] = [
    ("welcome", "시작하기", "panelapp.gui.pages.welcome:WelcomePage"),
    ("dashboard", "대시보드", "panelapp.gui.pages.dashboard:DashboardPage"),
    # the cohort and its people
    ("cohorts", "기수·단 관리", "panelapp.gui.pages.cohorts:CohortsPage"),
    ("roster", "참여단원", "panelapp.gui.pages.roster:RosterPage"),
    ("activities", "활동·출석", "panelapp.gui.pages.activities:ActivitiesPage"),
    # the inspection cycle, in the order work flows
    ("schedule", "점검 일정", "panelapp.gui.pages.schedule:SchedulePage"),
    ("findings", "발견사항", "panelapp.gui.pages.findings:FindingsPage"),
    ("proposals", "개선제안", "panelapp.gui.pages.proposals:ProposalsPage"),
    ("feedback", "좋아요·아쉬워요", "panelapp.gui.pages.feedback:FeedbackPage"),
    ("content", "소식 콘텐츠", "panelapp.gui.pages.content:ContentPage"),
    ("reports", "개선 보고서", "panelapp.gui.pages.reports:ReportsPage"),
    # registers
    ("facilities", "시설·부서", "panelapp.gui.pages.facilities:FacilitiesPage"),
    ("checklists", "점검표", "panelapp.gui.pages.checklists:ChecklistsPage"),
    # The trash stays the last entry: pages added later go above it.
    ("trash", "휴지통", "panelapp.gui.pages.trash:TrashPage"),
]


def _key_role():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    database_opened = Signal()
    cohort_changed = Signal(object)  # cohort id or None

    def __init__(self, db_target: str | None = None, settings=None):
        super().__init__()
        self.db_target = db_target
        self._settings = settings
        self.ctx = None
        self.bus = DataBus(self)
        self.pages: dict[str, QWidget] = {}
        self._nav_items: dict[str, QListWidgetItem] = {}
        self.setWindowTitle("시민참여단 활동관리")
        self.setMinimumSize(1000, 640)
        self._build_shell()
        self._restore_window_state()

    # ----- shell -------------------------------------------------------------------------
    def _build_shell(self) -> None:
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget(objectName="sideBar")
        side.setFixedWidth(210)
        side.setStyleSheet(
            "#sideBar { background: #1f3a5f; } #sideBar QLabel { color: white; }"
            "#navList { background: transparent; color: #dfe8f3; border: none; font-size: 11pt; }"
            "#navList::item { padding: 9px 14px; }"
            "#navList::item:selected { background: #2f5b8f; color: white; }"
        )
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 14, 0, 8)
        title = QLabel("시민참여단\n활동관리")
        title.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 0 14px 10px 14px;")
        col.addWidget(title)
        self.cohort_label = QLabel("기수")
        self.cohort_label.setStyleSheet("padding: 4px 14px 2px 14px; color: #b9c9dc;")
        col.addWidget(self.cohort_label)
        self.cohort_combo = QComboBox(objectName="cohortCombo")
        self.cohort_combo.setToolTip("작업할 기수를 고릅니다")
        self.cohort_combo.currentIndexChanged.connect(self._on_cohort_combo)
        wrap = QHBoxLayout()
        wrap.setContentsMargins(12, 0, 12, 10)
        wrap.addWidget(self.cohort_combo)
        col.addLayout(wrap)
        self.nav = QListWidget(objectName="navList")
        self.nav.currentRowChanged.connect(self._on_nav)
        col.addWidget(self.nav, 1)
        row.addWidget(side)
        self.stack = QStackedWidget()
        self.loading = QLabel("데이터베이스를 여는 중입니다…")
        self.loading.setStyleSheet("qproperty-alignment: AlignCenter;")  # no `Qt` before the window shows
        self.stack.addWidget(self.loading)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

        menu = self.menuBar().addMenu("파일(&F)")
        self.settings_action = QAction("설정 및 사용자(&S)…", self)
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(False)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        quit_action = QAction("끝내기(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.edit_menu = self.menuBar().addMenu("편집(&E)")
        self.undo_stack = None  # made once the database is open (keeps start-up light)
        help_menu = self.menuBar().addMenu("도움말(&H)")
        about = QAction("프로그램 정보", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "프로그램 정보",
            f"시민참여단 활동관리 panelapp {__version__}\n글꼴: 나눔고딕 (SIL Open Font License 1.1)",
        )

    @property
    def settings(self):
        if self._settings is None:
            from panelapp.settings import Settings

            self._settings = Settings()
        return self._settings

    # ----- database ----------------------------------------------------------------------
    def open_database(self) -> None:
        from panelapp.gui.core.ops import Op

        target, settings = self.db_target, self.settings

        def work(_token):
            # Imported on the worker: SQLAlchemy and the models take ~300 ms, the UI stays live.
            from panelapp.services.system.bootstrap import open_app

            return open_app(target, settings)

        Op(self, work, write=True).success(self._on_opened).failure(self._on_open_failed).run()

    def _on_opened(self, ctx) -> None:
        self.ctx = ctx
        self.db_label.setText(f"DB: {ctx.db.display_name()}")
        self.user_label.setText(f"사용자: {ctx.user_name}")
        self.settings_action.setEnabled(True)
        from panelapp.gui.undo import UndoStack

        self.undo_stack = UndoStack(self)
        self.edit_menu.addAction(self.undo_stack.action)
        self._add_search_action()
        self.bus.changed.connect(self._on_data_changed)
        self._build_pages()
        self.refresh_cohorts(select_id=self.settings.get("last_cohort_id"))
        self.database_opened.emit()

    def _add_search_action(self) -> None:
        self.search_action = QAction("통합 검색(&F)…", self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F anywhere in the window
        self.search_action.triggered.connect(self.open_search)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)

    def open_search(self):
        from panelapp.gui.dialogs.search_dialog import SearchDialog

        dialog = SearchDialog(self)
        dialog.open()
        return dialog

    def _on_open_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        self.loading.setText("데이터베이스를 열 수 없습니다.\n" + str(exc))
        show_error(self, exc)

    def _build_pages(self) -> None:
        for key, label, target in PAGES:
            module_name, cls_name = target.split(":")
            page = getattr(importlib.import_module(module_name), cls_name)(self)
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(label)
            item.setData(_key_role(), key)
            self.nav.addItem(item)
            self._nav_items[key] = item

    def show_page(self, key: str) -> None:
        item = self._nav_items[key]
        item.setHidden(False)
        self.nav.setCurrentItem(item)

    def _on_nav(self, row: int) -> None:
        item = self.nav.item(row)
        if item is not None:
            self.stack.setCurrentWidget(self.pages[item.data(_key_role())])

    # ----- cohorts -----------------------------------------------------------------------
    @property
    def current_cohort_id(self) -> int | None:
        return self.cohort_combo.currentData()

    def refresh_cohorts(self, select_id: int | None = None) -> None:
        from panelapp.services.cohorts.manage import list_cohorts

        cohorts = list_cohorts(self.ctx)
        keep = select_id if select_id is not None else self.current_cohort_id
        self.cohort_combo.blockSignals(True)
        self.cohort_combo.clear()
        for c in cohorts:
            self.cohort_combo.addItem(c.display_name, c.id)
        index = self.cohort_combo.findData(keep) if keep is not None else -1
        self.cohort_combo.setCurrentIndex(index if index >= 0 else (0 if cohorts else -1))
        self.cohort_combo.blockSignals(False)
        empty = not cohorts
        self.cohort_combo.setEnabled(not empty)
        for key, item in self._nav_items.items():
            item.setHidden(key == "welcome" and not empty)
        self._on_cohort_combo()
        if empty:
            self.show_page("welcome")
        elif self.nav.currentItem() is None or self.nav.currentItem().isHidden():
            first = next(k for k, i in self._nav_items.items() if not i.isHidden())
            self.show_page(first)

    def _on_cohort_combo(self, *_args) -> None:
        cohort_id = self.current_cohort_id
        if self.ctx is not None and cohort_id is not None:
            self.settings.set("last_cohort_id", cohort_id)
        self.cohort_changed.emit(cohort_id)

    def _on_data_changed(self, kind: str, _ids) -> None:
        if kind in ("cohort", "trash", "demo"):
            self.refresh_cohorts()

    def open_settings(self) -> None:
        from panelapp.gui.dialogs.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self)
        if dlg.exec():
            self.user_label.setText(f"사용자: {self.ctx.user_name}")

    # ----- window state ------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        state = QSettings()
        geometry = state.value("mainwindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("mainwindow/geometry", self.saveGeometry())
        super().closeEvent(event)
