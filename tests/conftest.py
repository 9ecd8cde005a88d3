"""Test set-up: offscreen Qt, isolated user folders, a fresh database per test.

Service tests take the `ctx` fixture, which runs each test on SQLite and, when
PANELAPP_TEST_PG_URL is set, again on PostgreSQL.

The demo (services/demo/build.py) is built once per session on a migrated SQLite file; a test
that wants it takes `demo_db` (a path to its own copy), `demo_ctx` (a context on that copy, or
on PostgreSQL the demo loaded afresh) or `main_window` (the real main window open on a copy).
`open_main_window(path)` opens the real window on any database file. Page unit tests that need
no real window use the stand-in in tests/gui_window.py.

Every test fails that leaves a modal dialog or message box open (`pytest_runtest_call` below):
such a dialog would block a user, and in the suite it hides what the test forgot to answer.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

# Before anything imports Qt: no display in CI, and never touch the real user folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="panelapp-test-home-")
os.environ["PANELAPP_HOME"] = _HOME
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "xdg-config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "xdg-data")
os.environ.pop("PANELAPP_DB", None)
# Qt's offscreen screen is 800×800 unless told otherwise; windows and dialogs are fitted to their
# screen (gui/core/screen_fit.py), so the suite runs on a desktop-sized one. (tests/gui/
# test_fits_screen.py runs its walk on a 1366×768 one.)
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    _SCREEN = os.path.join(_HOME, "offscreen-screen.json")
    with open(_SCREEN, "w", encoding="utf-8") as _file:
        _file.write('{"screens": [{"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
# The first-start question about the institution would stay open over every window test on an
# empty database; tests/gui/test_organization_dialog.py turns it back on where it is the subject.
os.environ["PANELAPP_ASK_INSTITUTION"] = "0"
# No automatic backups (daily, on close) from the windows of the suite; tests/gui/test_backup_dialog.py
# turns them on where they are the subject.
os.environ["PANELAPP_AUTO_BACKUP"] = "0"
# The command line logs in (issue 12 item 3): every `panelapp` run of the suite is the demo's
# 관리자 with this password, and `panelapp demo` (which reads the same variable when --password
# is not given) makes the demo accounts with it. Tests of the login itself unset them.
TEST_USER, TEST_PASSWORD = "관리자", "test-pass-2026"
os.environ["PANELAPP_USER"] = TEST_USER
os.environ["PANELAPP_PASSWORD"] = TEST_PASSWORD


def _worker_pg_url() -> str | None:
    """Under pytest-xdist (`make test` runs the suite on one worker per core) every worker has
    its own PostgreSQL database beside the one PANELAPP_TEST_PG_URL names, created here and
    dropped when the worker ends: each test TRUNCATEs the shared schema, so two workers on one
    database would empty each other's tables mid-test."""
    url = os.environ.get("PANELAPP_TEST_PG_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy import create_engine, make_url
    from sqlalchemy import text as sql_text

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sql_text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(
                sql_text(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                )
            )
    finally:
        admin.dispose()
    worker_url = base.set(database=name).render_as_string(hide_password=False)
    os.environ["PANELAPP_TEST_PG_URL"] = worker_url
    os.environ["PANELAPP_TEST_PG_URL_WORKER_DB"] = name
    return worker_url


_worker_pg_url()

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402

from panelapp.db import models  # noqa: E402,F401
from panelapp.db.base import Base  # noqa: E402
from panelapp.db.engine import open_database  # noqa: E402
from panelapp.services.context import ServiceContext  # noqa: E402
from panelapp.services.system.bootstrap import ensure_user, sync_consent_notices  # noqa: E402

# ----- waits that hold on a loaded machine -----------------------------------------------
# A GUI test waits for a worker's result with qtbot.waitUntil/waitSignal and a timeout chosen
# on a quiet machine (5 s mostly). CI shares 2 cores; with other sessions' tests running (load
# 8-10) a worker that takes 0.2 s alone took over 5 s, and a correct test failed
# (test_results_dialog, stop 23). Every wait's timeout is scaled here (PANELAPP_TEST_WAIT_SCALE,
# default 3): these are functional tests — how long the user waits is measured by benchmarks/,
# never by a timeout here — and a wait that succeeds returns as soon as it does.
WAIT_SCALE = float(os.environ.get("PANELAPP_TEST_WAIT_SCALE", "3"))


def _scale_qtbot_waits() -> None:
    import functools

    from pytestqt.qtbot import QtBot

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"):
        original = getattr(QtBot, name)
        if getattr(original, "_scaled", False):
            continue

        @functools.wraps(original)
        def scaled(self, *args, _original=original, timeout: int = 5000, **kwargs):
            if timeout and timeout > 0:
                timeout = int(timeout * WAIT_SCALE)
            return _original(self, *args, timeout=timeout, **kwargs)

        scaled._scaled = True  # type: ignore[attr-defined]
        setattr(QtBot, name, scaled)


_scale_qtbot_waits()

pytest_plugins = [
    "pytester",  # tests/gui/test_mainwindow.py runs the modal guard on a sample test
    "tests.fake_keyring",  # memory_keyring, no_keyring
]

PG_URL = os.environ.get("PANELAPP_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
_pg_db = None


def _pg_database():
    """One schema per run; each test starts from empty tables (TRUNCATE is fast)."""
    global _pg_db
    if _pg_db is None:
        _pg_db = open_database(PG_URL)
        Base.metadata.drop_all(_pg_db.engine)
        with _pg_db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        Base.metadata.create_all(_pg_db.engine)
    else:
        names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with _pg_db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return _pg_db


def make_ctx(backend: str, tmp_path) -> ServiceContext:
    if backend == "sqlite":
        db = open_database(str(tmp_path / "test.db"))
        Base.metadata.create_all(db.engine)
    else:
        db = _pg_database()
    ctx = ServiceContext(db=db)
    sync_consent_notices(ctx)
    ensure_user(ctx, "테스트담당자")
    return ctx


@pytest.fixture(params=BACKENDS)
def ctx(request, tmp_path) -> ServiceContext:
    context = make_ctx(request.param, tmp_path)
    yield context
    if request.param == "sqlite":
        context.db.dispose()


@pytest.fixture
def sqlite_ctx(tmp_path) -> ServiceContext:
    context = make_ctx("sqlite", tmp_path)
    yield context
    context.db.dispose()


# ----- the demo database, built once ------------------------------------------------------
DEMO_USER = "테스트담당자"  # the acting user of every demo copy, as make_ctx gives other tests
# The demo is dated from the day it is loaded (services/demo/calendar.py); the suite's demo is
# seen from this fixed day, the one its material was written for, so its dates and counts hold
# whatever day the suite runs. tests/test_demo_calendar.py builds it at other anchors.
DEMO_ANCHOR = dt.date(2026, 11, 20)


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """The master demo database: migrated like a user's file, the demo loaded, the WAL folded
    into the main file so that a file copy is complete. Never open it: take `demo_db`."""
    from panelapp.db.migrate import upgrade_to_head
    from panelapp.services.demo.build import load_demo

    path = tmp_path_factory.mktemp("demo-master") / "demo.db"
    db = open_database(str(path))
    upgrade_to_head(db)
    master = ServiceContext(db=db)
    sync_consent_notices(master)
    ensure_user(master, DEMO_USER)
    load_demo(master, anchor=DEMO_ANCHOR, password=TEST_PASSWORD)
    db.dispose()
    _checkpoint(path)
    return path


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def copy_demo(master: Path, folder: Path) -> Path:
    """A private copy of the master demo: the database file and its attachments folder."""
    from panelapp.services.attachments.store import FOLDER

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / master.name
    shutil.copy(master, target)  # its mode too: the program makes its databases owner-only
    if (master.parent / FOLDER).is_dir():
        shutil.copytree(master.parent / FOLDER, folder / FOLDER)
    return target


@pytest.fixture
def demo_db(demo_db_file, tmp_path) -> Path:
    """This test's own copy of the demo database (SQLite file, attachments beside it)."""
    return copy_demo(demo_db_file, tmp_path / "demo")


def open_demo_copy(demo_db_file: Path, folder: Path) -> ServiceContext:
    db = open_database(str(copy_demo(demo_db_file, folder)))
    context = ServiceContext(db=db)
    ensure_user(context, DEMO_USER)
    return context


@pytest.fixture(params=BACKENDS)
def demo_ctx(request, tmp_path) -> ServiceContext:
    """A context on the demo: a copy of the session's demo file on SQLite; on PostgreSQL the
    demo is loaded into the emptied test schema (a server database cannot be file-copied)."""
    if request.param == "sqlite":
        context = open_demo_copy(request.getfixturevalue("demo_db_file"), tmp_path / "demo")
        yield context
        context.db.dispose()
        return
    from panelapp.services.demo.build import load_demo

    context = make_ctx("postgresql", tmp_path)
    load_demo(context, anchor=DEMO_ANCHOR, password=TEST_PASSWORD)
    yield context


@pytest.fixture
def sqlite_demo_ctx(demo_db_file, tmp_path) -> ServiceContext:
    context = open_demo_copy(demo_db_file, tmp_path / "demo")
    yield context
    context.db.dispose()


# ----- the real main window --------------------------------------------------------------
def with_admin_account(path) -> None:
    """A database a test made with open_app (whose first start left the passwordless 관리자 the
    GUI makes until it asks for a password) gets that 관리자 with the suite's password, so the
    command line can log in to it."""
    from panelapp.services.people.accounts import create_first_admin
    from panelapp.services.system.bootstrap import open_app

    context = open_app(str(path))
    try:
        create_first_admin(context, TEST_USER, TEST_PASSWORD)
    finally:
        context.db.dispose()


def page_settled(page) -> bool:
    """A page has its data on screen: a `Page` that is neither loading nor stale; an older
    page once no op is running."""
    from panelapp.gui.core import ops

    if hasattr(page, "is_loading") and hasattr(page, "is_stale"):
        return not page.is_loading and not page.is_stale
    return not ops._RUNNING


@pytest.fixture
def open_main_window(qtbot, tmp_path):
    """`open_main_window(path)`: the real MainWindow on that database file, shown at 1280×800,
    returned once the database is open and the first page has its data. Closed after the test,
    its workers waited for."""
    from panelapp.gui.core.ops import wait_for_all
    from panelapp.gui.mainwindow import MainWindow
    from panelapp.settings import Settings

    windows = []

    def open_(path, settings: Settings | None = None, size: tuple[int, int] = (1280, 800)):
        window = MainWindow(str(path), settings=settings or Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        windows.append(window)
        with qtbot.waitSignal(window.database_opened, timeout=20000):
            window.open_database()
        qtbot.waitUntil(lambda: page_settled(window.stack.currentWidget()), timeout=20000)
        return window

    yield open_
    for window in windows:
        window.close()
    wait_for_all()


@pytest.fixture
def main_window(open_main_window, demo_db):
    """The real main window on this test's copy of the demo, open on its first page."""
    return open_main_window(demo_db)


# ----- no modal dialog outlives its test -------------------------------------------------
def _open_modal_dialogs() -> list:
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return []  # this test never touched Qt
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if app is None:
        return []
    app.processEvents()  # a dialog closed by a queued call is closed now
    return [
        w
        for w in app.topLevelWidgets()
        if isinstance(w, QDialog)
        and w.isVisible()
        and (w.isModal() or w.windowModality() != Qt.WindowModality.NonModal)
    ]


def _describe(dialog) -> str:
    title = dialog.windowTitle()
    text = dialog.text() if hasattr(dialog, "text") and callable(dialog.text) else ""
    return f"{type(dialog).__name__} {title!r}" + (f": {text!r}" if text else "")


def _dismiss(dialogs: list) -> None:
    for dialog in dialogs:
        dialog.done(0)  # QMessageBox ignores close() without an escape button; done() is final
        if dialog.isVisible():
            dialog.hide()


def _qt_application():
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Once a test's fixtures have made the QApplication, the cycle collector runs on its
    thread only, as in the app (gui/core/gc_guard.py): a collection on an ops worker that
    frees Qt wrappers segfaults."""
    result = yield
    app = _qt_application()
    if app is not None:
        from panelapp.gui.core.gc_guard import install_gc_guard

        install_gc_guard(app)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Between tests, collect on the main thread what the guard's timer (which fires only while
    a test runs the event loop) has left."""
    result = yield
    app = _qt_application()
    if app is not None:
        from panelapp.gui.core.gc_guard import install_gc_guard

        install_gc_guard(app).check()
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test that leaves a modal dialog or message box open (after closing it, so the
    next test starts clean). Patch message boxes, or answer the dialog, in the test."""
    try:
        result = yield
    except BaseException:
        _dismiss(_open_modal_dialogs())
        raise
    left = _open_modal_dialogs()
    if left:
        names = "; ".join(_describe(d) for d in left)
        _dismiss(left)
        pytest.fail(f"the test left a modal dialog open: {names}", pytrace=False)
    return result


def pytest_sessionfinish(session, exitstatus):
    if _pg_db is not None:
        _pg_db.dispose()
    worker_db = os.environ.get("PANELAPP_TEST_PG_URL_WORKER_DB")
    if worker_db and PG_URL:
        from sqlalchemy import create_engine, make_url

        admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{worker_db}" WITH (FORCE)'))
        finally:
            admin.dispose()
