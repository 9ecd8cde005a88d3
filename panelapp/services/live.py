"""Other desktops' writes, told and heard: the service half of live refresh (issue 13 item 2).

Telling. Every write transaction of a session factory with `attach` says what it changed (the
`Changes` that services/changes.py collects from the flush) to the other processes on the
same database:
- PostgreSQL: `pg_notify('panelapp_changes', payload)` just before the commit, so it is delivered
  when, and only if, the transaction commits;
- SQLite: after the commit, one line appended to the change log beside the database file
  (`.<file name>.changes`, a few hundred bytes a write, emptied when it passes 512 KB).
The payload is JSON: this process's `ORIGIN`, the time, and the ids per kind (kinds only when
the ids would not fit PostgreSQL's 8000-byte payload).

Hearing. A `ChangeFeed` (one per desktop, on its own connection, polled from a worker thread by
gui/core/live.py) returns the changes other processes committed, never this process's own
(its ops announce those already):
- `PgFeed` LISTENs on a connection of its own and waits in `notifies()`;
- `SqliteFeed` polls `PRAGMA data_version` (changes when another connection commits; a few
  microseconds) and reads the new lines of the change log. A commit the log does not explain
  (a writer without this hook: an older version, the sqlite3 shell) is reported as "everything
  may have changed" once a short grace has passed without its line.
"""

from __future__ import annotations

import abc
import json
import logging
import os
import sqlite3
import time
import uuid
import weakref
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

from panelapp.atomic import OWNER_FILE
from panelapp.db.engine import Database
from panelapp.services.changes import Changes, Kind, pending

log = logging.getLogger(__name__)

CHANNEL = "panelapp_changes"
ORIGIN = uuid.uuid4().hex[:16]  # this process; its own notices are not heard again
MAX_PAYLOAD = 7900  # PostgreSQL refuses NOTIFY payloads from 8000 bytes
LOG_LIMIT = 512 * 1024
POLL_SECONDS = 0.2  # SQLite: how often data_version is read
GRACE_SECONDS = 0.6  # SQLite: how long a commit may wait for its log line
_TOLD = "panelapp_live_told"  # session.info: the changes a SQLite commit appends to the log
_WROTE = "panelapp_live_wrote"  # session.info: the transaction flushed something


# ----- payload -----------------------------------------------------------------------------
def encode(changes: Changes, origin: str | None = None) -> str:
    origin = origin or ORIGIN
    kinds: dict[str, list[int] | None] = {}
    for kind in sorted(changes.kinds, key=lambda k: k.value):
        ids = changes.ids_of(kind)
        kinds[kind.value] = None if ids is None else sorted(ids)
    payload = json.dumps({"o": origin, "t": time.time(), "k": kinds}, separators=(",", ":"))
    if len(payload.encode()) > MAX_PAYLOAD:
        kinds = dict.fromkeys(kinds)
        payload = json.dumps({"o": origin, "t": time.time(), "k": kinds}, separators=(",", ":"))
    return payload


def decode(payload: str) -> tuple[str, float, Changes] | None:
    """(origin, sent at, changes), or None for a payload this version cannot read."""
    try:
        data = json.loads(payload)
        kinds: set[Kind] = set()
        ids: dict[Kind, frozenset[int]] = {}
        for name, values in dict(data["k"]).items():
            try:
                kind = Kind(name)
            except ValueError:
                continue  # a kind of a newer version
            kinds.add(kind)
            if values is not None:
                ids[kind] = frozenset(int(v) for v in values)
        return str(data["o"]), float(data.get("t", 0.0)), Changes(frozenset(kinds), ids)
    except (ValueError, TypeError, KeyError):
        return None


EVERYTHING = Changes(frozenset(Kind))  # every kind, no ids: reload whatever is shown


# ----- telling -----------------------------------------------------------------------------
def change_log_path(path: Path) -> Path:
    return path.parent / f".{path.name}.changes"


def wrote_unannounced(session: Session) -> None:
    """This transaction writes rows through the connection, not the ORM flush, that no screen
    shows (a login's bookkeeping: services/people/accounts.py). On SQLite its commit still gets
    its (empty) line in the change log, so other desktops do not hear it as "everything"."""
    session.info[_WROTE] = True


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # the final flush would come after this hook: its changes count too
    changes = pending(session)
    wrote = session.info.pop(_WROTE, False)
    bind = session.get_bind()
    if not changes:
        # A commit of rows no screen shows (an access-log entry on every view) still gets its
        # line on SQLite: unexplained, the other desktops would reload everything, and their
        # reloads, logged, would do the same to this one.
        if wrote and bind.dialect.name == "sqlite":
            session.info[_TOLD] = changes
        return
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": encode(changes)})
    elif bind.dialect.name == "sqlite":
        session.info[_TOLD] = changes


def _after_commit(session: Session) -> None:
    changes = session.info.pop(_TOLD, None)
    if changes is None:
        return
    bind = session.get_bind()
    database = bind.engine.url.database
    if database and database != ":memory:":
        append_to_log(change_log_path(Path(database)), encode(changes))


def _after_rollback(session: Session) -> None:
    session.info.pop(_TOLD, None)
    session.info.pop(_WROTE, None)


def append_to_log(path: Path, payload: str) -> None:
    """One line, appended in one write (O_APPEND: lines of several processes never interleave).
    A log that cannot be written costs the other desktops only the kinds: data_version still
    tells them something changed; a save never fails for it."""
    try:
        try:
            if path.stat().st_size > LOG_LIMIT:
                os.truncate(path, 0)
        except FileNotFoundError:
            pass
        fd = os.open(
            path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, OWNER_FILE
        )  # ids of changed rows: ours alone
        try:
            os.write(fd, (payload + "\n").encode())
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("change log %s not written: %s", path, exc)


_ATTACHED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def attach(factory: sessionmaker[Session]) -> None:
    """Tell other processes of every commit of this factory's sessions (idempotent). Needs
    changes.attach on the same factory (services/context.attach_hooks does both)."""
    if factory in _ATTACHED:
        return
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_flush", lambda s, _c: s.info.__setitem__(_WROTE, True))
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))
    _ATTACHED.add(factory)


# ----- hearing -----------------------------------------------------------------------------
class ChangeFeed(abc.ABC):
    """Other processes' committed changes, on a connection of the feed's own (PgFeed, SqliteFeed)."""

    @abc.abstractmethod
    def wait(self, timeout: float) -> list[Changes]:
        """The changes heard within `timeout` seconds (returns as soon as there are some)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Let go of the feed's connection."""

    def ping(self) -> None:  # noqa: B027 - a feed without a server has nothing to ask
        """Raise when the feed's connection is gone (PgFeed asks the server)."""


def _foreign(heard: Iterable[str]) -> list[Changes]:
    out = []
    for payload in heard:
        decoded = decode(payload)
        if decoded is not None and decoded[0] != ORIGIN and decoded[2]:
            out.append(decoded[2])
    return out


PING_SECONDS = 5.0  # PostgreSQL: how often the listening connection asks the server if it is there


class PgFeed(ChangeFeed):
    """LISTENs on a connection of its own. A server that restarts closes it (the next wait
    raises); a network that drops silently is found by the ping every PING_SECONDS, which the
    engine's libpq settings (db/engine.SERVER_CONNECT_ARGS) fail within seconds."""

    def __init__(self, db: Database) -> None:
        import psycopg
        from psycopg.conninfo import make_conninfo

        from panelapp.db.engine import server_connect_args

        dsn = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
        conninfo = make_conninfo(dsn, **server_connect_args(db.url))
        self._conn = psycopg.connect(conninfo, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._pinged = time.monotonic()

    def ping(self) -> None:
        """Ask the server (raises when the connection is gone)."""
        self._conn.execute("SELECT 1")
        self._pinged = time.monotonic()

    def wait(self, timeout: float) -> list[Changes]:
        if time.monotonic() - self._pinged > PING_SECONDS:
            self.ping()
        heard = [n.payload for n in self._conn.notifies(timeout=timeout, stop_after=1)]
        if heard:  # and whatever else is already there
            heard += [n.payload for n in self._conn.notifies(timeout=0.01)]
        return _foreign(heard)

    def close(self) -> None:
        self._conn.close()


class SqliteFeed(ChangeFeed):
    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout=2000")
        self._log = change_log_path(path)
        self._version = self._data_version()
        self._offset = self._log_size()
        self._unexplained: float | None = None  # when a commit without its log line was seen
        self._lost = False

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _log_size(self) -> int:
        try:
            return self._log.stat().st_size
        except OSError:
            return 0

    def _new_lines(self) -> list[str]:
        size = self._log_size()
        if size < self._offset:  # emptied by a writer: every line in it is new, and lines
            self._offset = 0  # written since the last poll may have gone with the old ones
            self._lost = True
        if size == self._offset:
            return []
        try:
            with open(self._log, "rb") as fh:
                fh.seek(self._offset)
                chunk = fh.read(size - self._offset)
        except OSError:
            return []
        end = chunk.rfind(b"\n") + 1  # a line still being written waits for the next poll
        self._offset += end
        return chunk[:end].decode("utf-8", "replace").splitlines()

    def poll(self) -> list[Changes]:
        version = self._data_version()
        lines = self._new_lines()
        if version != self._version:
            self._version = version
            if not lines and self._unexplained is None:
                self._unexplained = time.monotonic()
        if self._lost:
            self._lost = False
            self._unexplained = None
            return [EVERYTHING, *_foreign(lines)]
        if lines:
            self._unexplained = None  # the commits said what they were (this process's too)
            return _foreign(lines)
        if self._unexplained is not None and time.monotonic() - self._unexplained > GRACE_SECONDS:
            self._unexplained = None
            return [EVERYTHING]
        return []

    def wait(self, timeout: float) -> list[Changes]:
        deadline = time.monotonic() + timeout
        while True:
            heard = self.poll()
            left = deadline - time.monotonic()
            if heard or left <= 0:
                return heard
            time.sleep(min(POLL_SECONDS, left))

    def close(self) -> None:
        self._conn.close()


def open_feed(db: Database) -> ChangeFeed:
    path = db.sqlite_path
    if path is not None:
        return SqliteFeed(path)
    return PgFeed(db)


def merged(changes: Iterable[Changes]) -> Changes:
    out = Changes()
    for c in changes:
        out = out.merged(c)
    return out
