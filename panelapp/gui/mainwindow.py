"""Main window: left navigation, a cohort selector, pages, and a status bar.

Start-up shows the window before anything slow: the database opens on a worker, the cohort list
loads in an op, and a page is built the first time it is shown (the navigation list is filled
from PAGES without constructing any). `window.page(key)` gives a page, building it if needed;
`window.pages` holds the pages built so far.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp import __version__
from panelapp.domain.localtime import today_local
from panelapp.gui.core.bus import DataBus
from panelapp.gui.core.screen_fit import ASSUMED_FRAME, frame_margins, install_screen_fit
from panelapp.gui.palette import styled

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
    # a 부서 담당자's first page (the first of their pages in this order): issue 14 item 1
    ("desk", "부서별 제안 처리", "panelapp.gui.pages.desk:DeskPage"),  # 우리 부서 제안 for them
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


def _target(key: object) -> str | None:
    """ "module:Class" of the page `key` (read from PAGES each time: tests narrow the list)."""
    return next((target for k, _label, target in PAGES if k == key), None)


def _key_role():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole


class BuiltPages(dict):
    """The pages built so far, by key (iterating gives only those).

    Looking up a page the window has but has not built yet builds it, and `key in pages` says
    whether the window has that page at all, so callers written when every page was built at
    start-up (`window.pages[key]`, `key in window.pages`) keep working. New code calls
    `window.page(key)`."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        if _target(key) is None:
            raise KeyError(key)
        return self._build(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or _target(key) is not None

    def is_built(self, key: str) -> bool:
        return dict.__contains__(self, key)


def fitted_size(want: tuple[int, int], room: tuple[int, int], minimum: tuple[int, int]) -> tuple[int, int]:
    """The window size: what was wanted, no larger than the room on screen, no smaller than the
    window's minimum."""
    return max(min(want[0], room[0]), minimum[0]), max(min(want[1], room[1]), minimum[1])


# The side bar (colours by role, gui/palette.py). The page in front keeps its fill; while the list has
# focus a ring is drawn inside it (the style's dotted focus rectangle was faint, on 고대비's yellow all
# but gone): a double line, so that the inner one stands on the fill whatever the side bar's colour.
SIDEBAR_STYLE = (
    "#sideBar { background: @sidebar_bg; } #sideBar QLabel { color: @sidebar_title; }"
    "#navList { background: transparent; color: @sidebar_text; border: none; font-size: 11pt;"
    " outline: none; }"
    "#navList::item { padding: 3px 8px; border: 6px solid transparent; }"
    "#navList::item:selected { background: @sidebar_selected; color: @sidebar_selected_text; }"
    "#navList::item:selected:focus { border: 6px double @sidebar_focus; }"
)


class MainWindow(QMainWindow):
    database_opened = Signal()  # the database is open and the cohort list is on screen
    cohort_changed = Signal(object)  # cohort id or None; only when the selection really changes
    page_built = Signal(str)  # key of a page just constructed (on its first visit)
    schema_wait = Signal(str)  # from the opening worker: another desktop holds the schema lock
    account_changed = Signal()  # another account logged in (설정 → 다른 계정으로 로그인)

    def __init__(self, db_target: str | None = None, settings=None):
        super().__init__()
        self.db_target = db_target
        self._settings = settings
        # opened through the menu on another database (gui/operations/switch_database.py): an
        # accountless one then asks for its first 관리자 instead of a script's variables
        self.switched = False
        self.ctx = None
        self.live_refresh = None  # started once the database is open (gui/core/live.py)
        self.connection_watch = None  # on a server database (gui/core/connection.py)
        self.bus = DataBus(self)
        self.pages = BuiltPages(self._build_page)
        self._nav_items: dict[str, QListWidgetItem] = {}
        self._cohort_id: int | None = None  # the cohort last announced by cohort_changed
        self._cohorts_generation = 0
        self._opened = False
        self.setWindowTitle("시민참여단 활동관리")
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry().size() if screen is not None else None
        frame = ASSUMED_FRAME
        # never more than the screen leaves with the window's frame (the pages scroll inside,
        # see _build_shell): at 150 % a 1366×768 screen leaves 911×512
        self.setMinimumSize(
            min(1000, area.width() - frame.left() - frame.right()) if area else 1000,
            min(640, area.height() - frame.top() - frame.bottom()) if area else 640,
        )
        install_screen_fit()  # (create_application does it too; a window made without it)
        self._build_shell()
        self._apply_palette()
        self._restore_window_state()

    # ----- shell -------------------------------------------------------------------------
    def _build_shell(self) -> None:
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget(objectName="sideBar")
        side.setFixedWidth(210)
        styled(side, SIDEBAR_STYLE)
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 14, 0, 8)
        title = QLabel("시민참여단\n활동관리")
        title.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 0 14px 10px 14px;")
        col.addWidget(title)
        self.cohort_label = QLabel("기수")
        styled(self.cohort_label, "padding: 4px 14px 2px 14px; color: @sidebar_muted;")
        col.addWidget(self.cohort_label)
        self.cohort_combo = QComboBox(objectName="cohortCombo")
        self.cohort_combo.setToolTip("작업할 기수를 고릅니다")
        self.cohort_label.setBuddy(self.cohort_combo)  # a screen reader says 기수
        self.cohort_combo.currentIndexChanged.connect(self._on_cohort_combo)
        wrap = QHBoxLayout()
        wrap.setContentsMargins(12, 0, 12, 10)
        wrap.addWidget(self.cohort_combo)
        col.addLayout(wrap)
        self.nav = QListWidget(objectName="navList")
        self.nav.setAccessibleName("화면 목록")
        self.nav.currentRowChanged.connect(self._on_nav)
        col.addWidget(self.nav, 1)
        row.addWidget(side)
        self.stack = QStackedWidget()
        self.loading = QLabel("데이터베이스를 여는 중입니다…")
        self.loading.setStyleSheet("qproperty-alignment: AlignCenter;")  # no `Qt` before the window shows
        self.schema_wait.connect(self.loading.setText)
        self.stack.addWidget(self.loading)
        # A page wider or taller than the window (150 % scaling on a 1366×768 screen leaves
        # 911×512) scrolls instead of pushing the window past the screen's edge.
        self.page_area = QScrollArea(objectName="pageArea")
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setWidget(self.stack)
        row.addWidget(self.page_area, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

        menu = self.menuBar().addMenu("파일(&F)")
        self.settings_action = QAction("설정 및 계정(&S)…", self)
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(False)
        menu.addAction(self.settings_action)
        self.organization_action = QAction("기관 정보(&I)…", self)
        self.organization_action.setToolTip("보고서·활동확인서·현장 점검표에 들어가는 기관명, 로고, 결재란")
        self.organization_action.triggered.connect(lambda: self.open_organization())
        self.organization_action.setEnabled(False)
        menu.addAction(self.organization_action)
        from panelapp.gui.operations.backups import add_backup_action  # no database layer

        self.backup_action = add_backup_action(self, menu)  # usable before the database opens
        self.move_to_server_action = QAction("공유 데이터베이스로 옮기기(&M)…", self)
        self.move_to_server_action.setToolTip(
            "이 컴퓨터의 데이터베이스 파일을 사무실 서버(PostgreSQL)로 옮깁니다"
        )
        self.move_to_server_action.triggered.connect(lambda: self.open_move_to_server())
        self.move_to_server_action.setEnabled(False)  # a SQLite file, once it is open
        menu.addAction(self.move_to_server_action)
        self.connection_action = QAction("데이터베이스 연결(&D)…", self)
        self.connection_action.setToolTip(
            "이 컴퓨터가 여는 데이터베이스: 데이터베이스 파일(SQLite) 또는 사무실 서버(PostgreSQL)"
        )
        self.connection_action.triggered.connect(lambda: self.open_connection_settings())
        menu.addAction(self.connection_action)  # usable before (and when failing) to open one
        menu.addSeparator()
        quit_action = QAction("끝내기(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.edit_menu = self.menuBar().addMenu("편집(&E)")
        self.undo_stack = None  # made once the database is open (keeps start-up light)
        help_menu = self.menuBar().addMenu("도움말(&H)")
        self.help_action = QAction("사용 설명서(&M)", self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1: the page in front
        self.help_action.triggered.connect(lambda: self.open_help())
        help_menu.addAction(self.help_action)
        # the welcome page leaves the navigation once a cohort exists; its steps stay here
        self.welcome_action = QAction("시작하기(&S)", self)
        self.welcome_action.setToolTip("한 해의 일 순서와 먼저 준비할 것")
        self.welcome_action.triggered.connect(lambda: self.show_page("welcome"))
        self.welcome_action.setEnabled(False)
        help_menu.addAction(self.welcome_action)
        help_menu.addSeparator()
        from panelapp.gui.operations.updates import add_update_action  # no database layer

        add_update_action(self, help_menu)
        about = QAction("프로그램 정보(&A)", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _apply_palette(self) -> None:
        """고대비 (settings) or the platform's light or dark look, before the window shows."""
        from panelapp.gui.palette import apply

        try:
            high_contrast = bool(self.settings.get("high_contrast"))
        except KeyError:  # a stand-in settings object without the key
            high_contrast = False
        apply(QApplication.instance(), high_contrast)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "프로그램 정보",
            f"시민참여단 활동관리 panelapp {__version__}\n글꼴: 나눔고딕 (SIL Open Font License 1.1)",
        )

    def open_help(self, topic: str | None = None):
        """도움말 → 사용 설명서 (F1): the guide at `topic` ("file.html#anchor"), else at the
        section of the page or dialog in front (gui/dialogs/help_dialog)."""
        from panelapp.gui.dialogs.help_dialog import open_help

        return open_help(self, topic)

    @property
    def settings(self):
        if self._settings is None:
            from panelapp.settings import Settings

            self._settings = Settings()
        return self._settings

    # ----- database ----------------------------------------------------------------------
    def open_database(self, password: str | None = None) -> None:
        """Open `db_target`; without one, PANELAPP_DB, else the connection saved on this computer
        (파일 → 데이터베이스 연결; its server password from the keyring, else asked first:
        `password` is the answer), else the data folder's file."""
        from panelapp.gui.core.ops import Op

        target, settings = self.db_target, self.settings

        def work(_token):
            # Imported on the worker: SQLAlchemy and the models take ~450 ms, the UI stays live.
            # Whether it has accounts and an institution decides what the login asks first.
            from panelapp.db.migrate import telling_waits
            from panelapp.services.org.manage import get_organization
            from panelapp.services.people.accounts import has_accounts
            from panelapp.services.system.bootstrap import open_app

            chosen = target
            if chosen is None:
                from panelapp.services.system.connection import saved_target

                start = saved_target(settings, password)  # (the keyring may be slow: here)
                if start.ask is not None:
                    return start.ask  # the main thread asks for the server's password
                chosen = start.target
            with telling_waits(self.schema_wait.emit):  # another desktop upgrading: the text says so
                ctx = open_app(chosen, settings, pick_user=False)  # nobody acts before the login
            return ctx, has_accounts(ctx), get_organization(ctx) is None

        Op(self, work, write=True).success(self._opened_or_ask).failure(self._on_open_failed).run()

    def _opened_or_ask(self, opened) -> None:
        if isinstance(opened, tuple):
            self._log_in(opened)
            return
        from panelapp.gui.dialogs.connection_dialog import ask_server_password

        self.loading.setText("데이터베이스 서버의 비밀번호를 기다리는 중입니다…")
        self.password_prompt = ask_server_password(self, opened, self._password_given)

    def _password_given(self, password: str | None) -> None:
        self.password_prompt = None
        if password is None:
            self.loading.setText(
                "데이터베이스를 열지 않았습니다. 파일 → 데이터베이스 연결에서 연결을 고치거나, "
                "프로그램을 다시 시작해 비밀번호를 입력하세요."
            )
            return
        self.loading.setText("데이터베이스를 여는 중입니다…")
        self.open_database(password)

    def _log_in(self, opened) -> None:
        """The database is open: nothing of it is shown until an account has logged in
        (gui/operations/login.py); then the cohort list, as a start always did."""
        from panelapp.gui.operations.login import LoginFlow

        ctx, accounts, needs_institution = opened
        self.db_label.setText(f"DB: {ctx.db.display_name()}")
        self.loading.setText("로그인을 기다리는 중입니다…")
        self._institution_asked = False  # (the first start's login flow asks it before the first 관리자)
        self.login_flow = LoginFlow(self, ctx, accounts, needs_institution, self._logged_in, self.close)
        self.login_flow.start()

    def _logged_in(self, _login) -> None:
        from panelapp.gui.core.ops import Op
        from panelapp.services.cohorts.manage import list_cohorts

        ctx = self.login_flow.ctx
        self.loading.setText("기수 목록을 읽는 중입니다…")
        Op(self, lambda _t: (ctx, list_cohorts(ctx))).success(self._on_opened).failure(
            self._on_open_failed
        ).run()

    def _on_opened(self, opened) -> None:
        ctx, cohorts = opened
        self.ctx = ctx
        self.db_label.setText(f"DB: {ctx.db.display_name()}")
        self.show_account()
        self.settings_action.setEnabled(True)
        self.organization_action.setEnabled(True)
        self.welcome_action.setEnabled(True)
        self.move_to_server_action.setEnabled(ctx.db.is_sqlite)
        from panelapp.gui.undo import UndoStack

        self.undo_stack = UndoStack(self)
        self.edit_menu.addAction(self.undo_stack.action)
        self._add_search_action()
        self._add_retention_action()
        from panelapp.gui.dialogs.help_dialog import give_dialogs_f1

        give_dialogs_f1(self)  # F1 in the window-modal dialogs too
        self.bus.changes.connect(self._on_changes)
        from panelapp.gui.core.live import start_live_refresh

        self.live_refresh = start_live_refresh(self, ctx.db)  # other desktops' changes on the bus
        from panelapp.gui.core.connection import install_connection_watch

        # a server's connection lost and back: said in the status bar, reads run again
        self.connection_watch = install_connection_watch(self, self.live_refresh)
        self._add_access_log_action()
        self._fill_navigation()
        self._show_cohorts(cohorts, self.settings.get("last_cohort_id"))
        self._mark_menus()
        self.apply_rights()
        self.account_changed.connect(self.apply_rights)
        self.account_changed.connect(self._reload_for_account)
        self._ask_for_institution()
        from panelapp.gui.operations.backups import after_open

        after_open(self)  # the day's backup when due; settings that cannot be saved are said
        from panelapp.gui.operations.updates import check_at_start

        check_at_start(self)  # only when switched on: a look at the update place, on a worker
        from panelapp.gui.core.lock_wait import install_lock_wait_notice

        self.lock_wait_notice = install_lock_wait_notice(self)  # "기다리는 중" while a save waits
        from panelapp.gui.operations.login import apply_lock_policy, install_idle_lock

        self.lock_policy = None  # the institution's 자동 잠금 limit, read after each login
        self.idle_lock = install_idle_lock(self)  # the password again after idle minutes
        self.account_changed.connect(lambda *_: apply_lock_policy(self))
        apply_lock_policy(self)

    def _mark_menus(self) -> None:
        from panelapp.gui.core.rights import needs
        from panelapp.services.permissions import Permission

        needs(Permission.INSTITUTION, self.organization_action)
        needs(Permission.ACCOUNTS, self.move_to_server_action)  # (db copy is a 관리자's)
        needs(Permission.PANEL_WORK, self.backup_action)

    def _add_retention_action(self) -> None:
        from panelapp.gui.operations.retention import add_retention_action

        add_retention_action(self)  # 관리 → 개인정보 파기, only for a role with the right

    def _add_search_action(self) -> None:
        self.search_action = QAction("통합 검색(&F)…", self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F anywhere in the window
        self.search_action.triggered.connect(self.open_search)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)

    def open_move_to_server(self):
        """파일 → 공유 데이터베이스로 옮기기 (gui/dialogs/move_to_server_dialog.py)."""
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.move_to_server_dialog import MoveToServerDialog

        return open_dialog(MoveToServerDialog(self))

    def open_connection_settings(self):
        """파일 → 데이터베이스 연결 (gui/dialogs/connection_dialog.py)."""
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.connection_dialog import ConnectionDialog

        return open_dialog(ConnectionDialog(self))

    def open_search(self):
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.search_dialog import SearchDialog

        return open_dialog(SearchDialog(self))  # deleted when closed: opening a hit happens before

    def _on_open_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error
        from panelapp.gui.operations.backups import open_failed

        if open_failed(self, exc):  # damaged, newer or half-made: said, with the backup to restore
            return

        self.loading.setText("데이터베이스를 열 수 없습니다.\n" + str(exc))
        show_error(self, exc)

    # ----- pages -------------------------------------------------------------------------
    def _fill_navigation(self) -> None:
        """One entry per page; no page is built until it is first shown."""
        self.nav.blockSignals(True)  # no current row yet: the cohort list decides the first page
        for key, label, _module_class in PAGES:
            item = QListWidgetItem(label)
            item.setData(_key_role(), key)
            item.setHidden(
                key == "welcome" or not self._page_allowed(key)
            )  # (welcome: shown again with no cohort)
            self.nav.addItem(item)
            self._nav_items[key] = item
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it was never shown (KeyError for an unknown key)."""
        return self.pages[key]

    def _build_page(self, key: str) -> QWidget:
        module_name, cls_name = str(_target(key)).split(":")
        page = getattr(importlib.import_module(module_name), cls_name)(self)
        from panelapp.gui.core.rights import apply_rights, mark_page

        mark_page(key, page)  # what writes or puts out personal data, by the right it needs
        apply_rights(page, self.ctx.role if self.ctx is not None else None)
        self.pages[key] = page
        self.stack.addWidget(page)
        self._late_cohort(page)
        self.page_built.emit(key)
        return page

    def _late_cohort(self, page: QWidget) -> None:
        """Transitional, until every page is a `Page` (gui/core/page.py), which reads the cohort
        when it loads: an older page learns the cohort only from `cohort_changed`, so one built
        after the cohort was chosen is told again."""
        from panelapp.gui.core.page import Page

        if not isinstance(page, Page) and self._cohort_id is not None:
            self.cohort_changed.emit(self._cohort_id)

    def show_page(self, key: str) -> None:
        """Show a page (building it on its first visit), un-hiding its navigation entry."""
        item = self._nav_items.get(key)
        if item is None:  # before the database opened the navigation is empty
            self.stack.setCurrentWidget(self.page(key))
            return
        item.setHidden(False)
        if self.nav.currentItem() is item:
            self.stack.setCurrentWidget(self.page(key))
        else:
            self.nav.setCurrentItem(item)

    def _on_nav(self, row: int) -> None:
        item = self.nav.item(row)
        if item is not None:
            self.stack.setCurrentWidget(self.page(item.data(_key_role())))

    # ----- cohorts -----------------------------------------------------------------------
    @property
    def current_cohort_id(self) -> int | None:
        return self.cohort_combo.currentData()

    def refresh_cohorts(self, select_id: int | None = None) -> None:
        """Reload the cohort selector in an op; `select_id` (else the current cohort) stays chosen.
        A reload superseded by a newer one is dropped."""
        from panelapp.gui.core.ops import Op

        ctx = self.ctx
        if ctx is None:
            return
        self._cohorts_generation += 1
        generation = self._cohorts_generation

        def work(_token):
            from panelapp.services.cohorts.manage import list_cohorts

            return list_cohorts(ctx)

        def done(cohorts) -> None:
            if generation == self._cohorts_generation:
                self._show_cohorts(cohorts, select_id)

        Op(self, work).success(done).failure(self._cohorts_failed).run()

    def _cohorts_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        if not self._opened:
            self.loading.setText("기수 목록을 읽을 수 없습니다.\n" + str(exc))
        show_error(self, exc)

    def _show_cohorts(self, cohorts, select_id: int | None) -> None:
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
            item.setHidden((key == "welcome" and not empty) or not self._page_allowed(key))
        self._on_cohort_combo()
        if empty and self._page_allowed("welcome"):
            self.show_page("welcome")
        elif self.nav.currentItem() is None or self.nav.currentItem().isHidden():
            first = next(k for k, i in self._nav_items.items() if not i.isHidden())
            self.show_page(first)
        if not self._opened:
            self._opened = True
            self.database_opened.emit()
            self._warm_later()

    def _on_cohort_combo(self, *_args) -> None:
        cohort_id = self.current_cohort_id
        if cohort_id == self._cohort_id:
            return  # the same cohort after the list reloaded: nothing for the pages to redo
        self._cohort_id = cohort_id
        if (
            self.ctx is not None
            and cohort_id is not None
            and cohort_id != self.settings.get("last_cohort_id")
        ):
            self.settings.set("last_cohort_id", cohort_id)
        self.cohort_changed.emit(cohort_id)

    def _on_changes(self, changes) -> None:
        from panelapp.services.changes import Kind

        if changes.touches((Kind.COHORT, Kind.TRASH)):
            self.refresh_cohorts()
        if changes.touches((Kind.ORGANIZATION,)):
            from panelapp.gui.operations.login import apply_lock_policy

            apply_lock_policy(self)  # a 관리자 (here or on another desktop) changed the limit

    def _warm_later(self) -> None:
        """After the first page: compute the Korean holidays the calendars will ask for on a
        worker, so opening the schedule never pays for it on the UI thread."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(500, self._warm_holidays)

    def _warm_holidays(self) -> None:
        from panelapp.gui.core.ops import Op

        def work(_token):
            from panelapp.domain.holidays_kr import warm

            year = today_local().year
            warm(range(year - 1, year + 2))

        Op(self, work).failure(lambda _exc: None).run()  # a calendar computes its year itself then

    def _ask_for_institution(self) -> None:
        """First start: before any work, ask for the institution every output names, while the
        database has none registered (PANELAPP_ASK_INSTITUTION=0 turns this off for scripted runs)."""
        import os

        from panelapp.gui.core.ops import Op

        if os.environ.get("PANELAPP_ASK_INSTITUTION", "1") == "0" or getattr(
            self, "_institution_asked", False
        ):
            return  # (the first start asked before the first 관리자 was made)
        from panelapp.services.permissions import Permission, allowed

        if not allowed(self.ctx.role, Permission.INSTITUTION):
            return  # only a 관리자 registers it; the outputs say so to the others
        ctx = self.ctx

        def work(_token):
            from panelapp.services.org.manage import get_organization

            return get_organization(ctx)

        def done(info) -> None:
            if info is None and self.isVisible():
                self.open_organization(first_start=True)

        Op(self, work).success(done).failure(lambda _exc: None).run()  # asked again next start

    def open_organization(self, first_start: bool = False):
        """파일 → 기관 정보 (and the first-start question): a window-modal dialog."""
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.organization_dialog import OrganizationDialog

        return open_dialog(OrganizationDialog(self, first_start=first_start))

    def _add_access_log_action(self) -> None:
        """관리 → 접속기록, for accounts that may review it (the services check again)."""
        from panelapp.gui.core.rights import needs
        from panelapp.services.permissions import Permission

        titles = {a.text(): a.menu() for a in self.menuBar().actions()}
        menu = titles.get("관리(&M)")
        if menu is None:
            help_action = next(a for a in self.menuBar().actions() if a.text() == "도움말(&H)")
            menu = QMenu("관리(&M)", self)
            self.menuBar().insertMenu(help_action, menu)
        self.access_log_action = QAction("접속기록(&L)…", self)
        self.access_log_action.setToolTip("개인정보 접속기록과 권한 변경 이력: 조회, 내보내기, 월별 검토")
        self.access_log_action.triggered.connect(lambda: self.open_access_log())
        needs(Permission.ACCESS_LOG, self.access_log_action)  # shown to whoever may review it
        menu.addAction(self.access_log_action)

    def open_access_log(self):
        from panelapp.gui.core.dialogs import open_dialog
        from panelapp.gui.dialogs.access_log_dialog import AccessLogDialog

        return open_dialog(AccessLogDialog(self))

    def open_settings(self) -> None:
        from panelapp.gui.dialogs.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self)
        dlg.exec()
        self.show_account()

    def _page_allowed(self, key: str) -> bool:
        from panelapp.gui.core.rights import page_visible

        return page_visible(key, self.ctx.role if self.ctx is not None else None)

    def apply_rights(self) -> None:
        """Offer what the logged-in account may do: the marked controls of every built page and
        the menus' actions (gui/core/rights.py), the pages in the navigation, and a menu with
        nothing left in it hidden. Again after another account logs in."""
        from panelapp.gui.core.rights import apply_rights

        apply_rights(self, self.ctx.role)
        for action in self.menuBar().actions():
            menu = action.menu()
            if menu is not None:
                action.setVisible(any(a.isVisible() and not a.isSeparator() for a in menu.actions()))
        empty = self.cohort_combo.count() == 0
        from panelapp.gui.core.rights import page_label

        for key, item in self._nav_items.items():
            item.setHidden((key == "welcome" and not empty) or not self._page_allowed(key))
            item.setText(page_label(key, next(label for k, label, _t in PAGES if k == key), self.ctx.role))
        current = self.nav.currentItem()
        if current is not None and current.isHidden():
            first = next((k for k, i in self._nav_items.items() if not i.isHidden()), None)
            if first is not None:
                self.show_page(first)

    def _reload_for_account(self) -> None:
        """Another account logged in: every page reads its data again, as that account sees it
        (masked names, one department's proposals), and the 개선제안 filter starts over."""
        proposals = self.pages.get("proposals")  # (only if built: dict.get builds nothing)
        if proposals is not None:
            proposals.department_combo.setCurrentIndex(0)  # 모든 부서: the previous desk's is not this one's
            proposals._choices_stale = True  # a 부서 담당자 filters by their department alone
        for page in self.pages.values():
            mark_stale = getattr(page, "mark_stale", None)
            if callable(mark_stale):
                mark_stale()  # the page in front loads at once, the others when shown

    def log_out(self) -> None:
        from panelapp.gui.operations.login import log_out

        log_out(self)

    def show_account(self) -> None:
        """The status bar names the logged-in account and its role."""
        ctx = self.ctx
        role = f" ({ctx.role.label})" if ctx.role is not None else ""
        self.user_label.setText(f"로그인: {ctx.user_name}{role}")

    # ----- window state ------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        """The last geometry, kept inside the screen's available area (a laptop after a big
        monitor); the first time 1280×800, or the available area on a smaller screen such as
        1366×768, centred."""
        state = QSettings()
        geometry = state.value("mainwindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        margins = frame_margins(self)  # before the first show, a title bar is allowed for
        room = (
            area.width() - margins.left() - margins.right(),
            area.height() - margins.top() - margins.bottom(),
        )
        width, height = fitted_size(
            (self.width(), self.height()), room, (self.minimumWidth(), self.minimumHeight())
        )
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if geometry is None or not area.intersects(self.frameGeometry()):
            centred = self.frameGeometry()
            centred.moveCenter(area.center())
            self.move(max(area.left(), centred.left()), max(area.top(), centred.top()))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from panelapp.gui.operations.backups import may_close

        if not may_close(self, event):  # the closing backup first; the window closes after it
            return
        QSettings().setValue("mainwindow/geometry", self.saveGeometry())
        if self.live_refresh is not None:
            self.live_refresh.stop()
        if getattr(self, "idle_lock", None) is not None:
            self.idle_lock.stop()
        super().closeEvent(event)
