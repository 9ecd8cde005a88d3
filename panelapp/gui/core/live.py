"""Live refresh, window half: other desktops' changes re-emitted on this window's bus.

`LiveRefresh` runs a `ChangeFeed` (services/live.py: LISTEN on PostgreSQL, `PRAGMA data_version`
and the change log on SQLite) on a worker thread of its own, with a connection of its own. Each
change heard comes to the main thread by a queued signal and is announced on the bus like an
op's, so pages showing those kinds go stale (and refresh when shown), and open dialogs follow
them; the status bar says "다른 사용자가 방금 개선제안을 바꿨습니다". This desktop's own writes
are never heard (its ops announce them). The worker touches no widget.

When the feed's connection fails (the server restarts, the network drops), it is opened again
after a pause that doubles from RETRY_SECONDS up to MAX_RETRY_SECONDS. On a server database the
thread is also the window's sense of the connection: `connection` says False when the feed's
connection broke and True when it is back (or, after `check_now`, that it is still there), and
gui/core/connection.py puts that in the status bar and retries what waited for it.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Qt, Signal

from panelapp.domain.josa import josa
from panelapp.services.changes import Changes, Kind

log = logging.getLogger(__name__)

NOTICE_MS = 10_000
RETRY_SECONDS = 0.5  # the first pause before listening again; doubled each time it fails
MAX_RETRY_SECONDS = 8.0

# what the status bar calls each kind, in the order it names them
KIND_LABELS: dict[Kind, str] = {
    Kind.PROPOSAL: "개선제안",
    Kind.FINDING: "발견사항",
    Kind.INSPECTION: "점검 일정",
    Kind.RESULT: "점검 결과",
    Kind.MEMBER: "참여단원",
    Kind.ENROLLMENT: "참여단원",
    Kind.EVENT: "활동",
    Kind.ATTENDANCE: "출석",
    Kind.FEEDBACK: "좋아요·아쉬워요",
    Kind.CONTENT: "소식 콘텐츠",
    Kind.ATTACHMENT: "사진",
    Kind.FACILITY: "시설",
    Kind.FACILITY_TYPE: "시설 유형",
    Kind.DEPARTMENT: "담당부서",
    Kind.ANSWER_TEMPLATE: "답변 템플릿",
    Kind.PLAN: "차년도 업무계획",
    Kind.CHECKLIST: "점검표",
    Kind.COHORT: "기수",
    Kind.TEAM: "단",
    Kind.ORGANIZATION: "기관 정보",
    Kind.USER: "사용자",
    Kind.REPORT: "보고서 기록",
    Kind.TRASH: "휴지통",
}
EVERYTHING_WORD = "자료"


def notice_text(changes: Changes) -> str:
    """ "다른 사용자가 방금 개선제안·발견사항을 바꿨습니다" (at most three names, then 등)."""
    if changes.kinds == frozenset(Kind):
        what = EVERYTHING_WORD  # a commit that did not say what it was
    else:
        names: list[str] = []
        for kind, label in KIND_LABELS.items():
            if kind in changes.kinds and label not in names and (kind is not Kind.TRASH or not names):
                names.append(label)
        what = "·".join(names[:3]) + (" 등" if len(names) > 3 else "") if names else EVERYTHING_WORD
    return f"다른 사용자가 방금 {josa(what, '을')} 바꿨습니다"


class LiveRefresh(QObject):
    heard = Signal(object)  # Changes, on the main thread
    connection = Signal(bool)  # server databases: the connection broke (False) or is there (True)

    def __init__(self, window, db) -> None:
        super().__init__(window)
        self.window_ = window
        self._db = db
        self._stop = threading.Event()
        self._check = threading.Event()  # an op failed on the connection: ask the server now
        self.last_heard_at: float | None = None  # time.time() of the last change announced
        self.heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="panelapp-live-refresh", daemon=True)
        self._thread.start()

    def check_now(self) -> None:
        """Ask the server at the next turn of the loop whether the connection is still there
        (from any thread); the answer comes as `connection`."""
        self._check.set()

    def _run(self) -> None:
        from panelapp.services.live import open_feed

        feed = None
        broken = False  # the feed's connection failed and is not back yet
        pause = RETRY_SECONDS
        server = not self._db.is_sqlite
        while not self._stop.is_set():
            try:
                if feed is None:
                    feed = open_feed(self._db)
                    if broken:
                        broken, pause = False, RETRY_SECONDS
                        if server:
                            self.connection.emit(True)
                            self._check.clear()
                if self._check.is_set():
                    self._check.clear()
                    feed.ping()
                    if server:
                        self.connection.emit(True)
                for changes in feed.wait(0.5):
                    if self._stop.is_set():
                        break
                    self.heard.emit(changes)
            except RuntimeError:  # the window (and this object) was deleted under the thread
                break
            except Exception as exc:  # noqa: BLE001 - the server went away: listen again later
                log.info("live refresh: %s; listening again in %.1f s", exc, pause)
                _closed(feed)
                feed = None
                if not broken:
                    broken = True
                    if server:
                        try:
                            self.connection.emit(False)
                        except RuntimeError:
                            break
                self._stop.wait(pause)
                pause = min(pause * 2, MAX_RETRY_SECONDS)
        _closed(feed)

    def _on_heard(self, changes: Changes) -> None:
        if self._stop.is_set():
            return
        self.last_heard_at = time.time()
        self.window_.bus.announce(changes)
        self.window_.statusBar().showMessage(notice_text(changes), NOTICE_MS)

    def announce_missed(self) -> None:
        """After the connection was back: the notices sent while it was broken were lost, so
        anything shown may have changed (pages read again, without a notice in the status bar)."""
        from panelapp.services.live import EVERYTHING

        if not self._stop.is_set():
            self.window_.bus.announce(EVERYTHING)

    def stop(self, wait: float = 2.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def _closed(feed) -> None:
    if feed is not None:
        try:
            feed.close()
        except Exception:  # noqa: BLE001 - a connection already gone
            pass
    return None


def start_live_refresh(window, db) -> LiveRefresh:
    """Listen for other desktops' changes while `window` lives (stopped when it closes)."""
    live = LiveRefresh(window, db)
    window.destroyed.connect(lambda *_a: live._stop.set())
    return live
