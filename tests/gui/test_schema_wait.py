"""When another desktop holds the schema lock (it is upgrading the server's database), a start
waits for it and says so: upgrade_to_head tells `telling_waits` once it has to wait (never when it
does not), and the window's loading text says "다른 컴퓨터가 데이터베이스 형식을 올리는 중입니다…" until
the lock is free, then opens."""

from __future__ import annotations

import threading

from sqlalchemy import text

from panelapp.db.engine import open_database
from panelapp.db.migrate import PG_LOCK_KEY, WAIT_SENTENCE, head_revision, telling_waits, upgrade_to_head
from tests.conftest import page_settled
from tests.storage_conditions import needs_pg, step_back, throwaway_server_database

pytestmark = needs_pg


class Holder:
    """Another desktop in the middle of schema work: the advisory lock, held on its connection."""

    def __init__(self, db) -> None:
        self.conn = db.engine.connect()
        self.conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
        self.conn.commit()

    def release(self) -> None:
        self.conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
        self.conn.commit()
        self.conn.close()


def test_schema_work_says_when_it_waits_and_only_then():
    with throwaway_server_database() as url:
        db = open_database(url)
        try:
            said: list[str] = []
            with telling_waits(said.append):
                upgrade_to_head(db)
            assert said == []  # nobody else: no waiting, nothing said
            holder = Holder(db)
            done = threading.Event()

            def start() -> None:
                with telling_waits(said.append):
                    upgrade_to_head(db)
                done.set()

            worker = threading.Thread(target=start)
            worker.start()
            assert not done.wait(1.0)  # it waits for the other desktop
            assert said == [WAIT_SENTENCE]
            holder.release()
            assert done.wait(10.0)
            worker.join()
        finally:
            db.dispose()


def test_the_window_says_another_desktop_is_upgrading(qtbot, tmp_path):
    from panelapp.gui.core.ops import wait_for_all
    from panelapp.gui.mainwindow import MainWindow
    from panelapp.settings import Settings

    with throwaway_server_database() as url:
        db = open_database(url)
        upgrade_to_head(db)
        previous = step_back(db)  # a database of the previous version: this start upgrades it
        holder = Holder(db)
        window = MainWindow(url, settings=Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.show()
        try:
            window.open_database()
            qtbot.waitUntil(lambda: window.loading.text() == WAIT_SENTENCE, timeout=20000)
            assert window.ctx is None
            holder.release()
            qtbot.waitUntil(lambda: window.ctx is not None, timeout=20000)
            qtbot.waitUntil(lambda: page_settled(window.stack.currentWidget()), timeout=20000)
            with db.engine.connect() as conn:
                assert (
                    conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
                )
            assert previous != head_revision()
        finally:
            window.close()
            wait_for_all()
            if window.live_refresh is not None:
                window.live_refresh.stop()
            if window.ctx is not None:
                window.ctx.db.dispose()
            db.dispose()


def test_the_command_line_says_another_desktop_is_upgrading(capsys):
    from panelapp.cli.main import main

    with throwaway_server_database() as url:
        db = open_database(url)
        upgrade_to_head(db)
        step_back(db)  # the previous version's database: the command upgrades it
        holder = Holder(db)
        codes: list[int] = []
        worker = threading.Thread(target=lambda: codes.append(main(["--db", url, "db", "upgrade"])))
        try:
            worker.start()
            deadline = threading.Event()
            for _ in range(100):  # up to 10 s for the command to reach the lock
                if WAIT_SENTENCE in capsys.readouterr().err:
                    break
                deadline.wait(0.1)
            else:
                raise AssertionError("the command did not say it waits")
            assert worker.is_alive()  # still waiting for the other desktop
            holder.release()
            worker.join(30)
            assert codes == [0]
            assert "올렸습니다" in capsys.readouterr().out
        finally:
            worker.join(30)
            db.dispose()
