"""Bulk writers for the scale database: the driver's executemany on SQLite, COPY on PostgreSQL.

Rows are tuples in the column order given; dates, times, timestamps and booleans go through
the writer's converters so that SQLite gets exactly the strings SQLAlchemy itself stores
(`2026-03-01 00:00:00.000000`) and PostgreSQL gets native values.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from itertools import islice

CHUNK = 50_000


class Writer:
    backend = ""

    def date(self, value: dt.date | None):
        raise NotImplementedError

    def ts(self, value: dt.datetime | None):
        raise NotImplementedError

    def time(self, value: dt.time | None):
        raise NotImplementedError

    def bool(self, value: bool | None):
        raise NotImplementedError

    def insert(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        raise NotImplementedError

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        raise NotImplementedError

    def postings(self, groups) -> int:
        raise NotImplementedError

    def finish(self, tables_with_ids: list[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SqliteWriter(Writer):
    backend = "sqlite"

    def __init__(self, path: str) -> None:
        # Our own connection: no journal while loading a file nobody uses yet (a failed
        # build leaves only the .partial file, which the next run deletes).
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            "journal_mode=OFF",
            "synchronous=OFF",
            "cache_size=-400000",
            "temp_store=MEMORY",
            "foreign_keys=ON",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("BEGIN")
        self._dates: dict[dt.date, str] = {}

    def date(self, value):
        if value is None:
            return None
        s = self._dates.get(value)
        if s is None:
            s = self._dates[value] = value.isoformat()
        return s

    def ts(self, value):
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")

    def time(self, value):
        return None if value is None else value.strftime("%H:%M:%S.%f")

    def bool(self, value):
        return None if value is None else int(bool(value))

    def insert(self, table, columns, rows):
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        it, n = iter(rows), 0
        while chunk := list(islice(it, CHUNK)):
            self.conn.executemany(sql, chunk)
            n += len(chunk)
        return n

    def execute(self, sql, params=()):
        return self.conn.execute(sql.replace("%s", "?"), params).fetchall()

    def postings(self, groups) -> int:
        # json_each expands one (gram, kind)'s id list inside SQLite: ~3x faster than row tuples.
        n = 0

        def rows():
            nonlocal n
            for g, k, ids in groups:
                n += len(ids)
                yield g, k, "[" + ",".join(map(str, ids)) + "]"

        self.conn.executemany(
            "INSERT INTO search_grams (gram, doc_kind, doc_id) SELECT ?, ?, value FROM json_each(?)", rows()
        )
        return n

    def finish(self, tables_with_ids):
        self.conn.execute("COMMIT")
        self.conn.execute("PRAGMA journal_mode=WAL")  # as the app opens it

    def close(self):
        self.conn.close()


class PostgresWriter(Writer):
    backend = "postgresql"

    def __init__(self, url) -> None:
        import psycopg

        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.conn = psycopg.connect(conninfo, autocommit=False)
        self.conn.execute("SET synchronous_commit = off")

    def date(self, value):
        return value

    def ts(self, value):
        return value

    def time(self, value):
        return value

    def bool(self, value):
        return value

    def insert(self, table, columns, rows):
        n = 0
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        return n

    def execute(self, sql, params=()):
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def postings(self, groups) -> int:
        # The primary key is dropped for the load and built once at the end (same name and
        # columns as the migration made it): one sorted index build instead of 70M inserts.
        self.execute("ALTER TABLE search_grams DROP CONSTRAINT pk_search_grams")
        n = 0
        with (
            self.conn.cursor() as cur,
            cur.copy("COPY search_grams (gram, doc_kind, doc_id) FROM STDIN") as copy,
        ):
            for g, k, ids in groups:
                n += len(ids)
                prefix = f"{g}\t{k}\t"
                copy.write(prefix + f"\n{prefix}".join(map(str, ids)) + "\n")
        self.execute(
            "ALTER TABLE search_grams ADD CONSTRAINT pk_search_grams PRIMARY KEY (gram, doc_kind, doc_id)"
        )
        return n

    def finish(self, tables_with_ids):
        # Rows were written with explicit ids: move each sequence past them, as inserts would.
        for table in tables_with_ids:
            self.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
        self.conn.commit()
        self.conn.autocommit = True
        self.conn.execute("VACUUM ANALYZE")  # what autovacuum does on a server that has run a while

    def close(self):
        self.conn.close()
