"""Portable archives: every table and attachment of a database in one zip, for either kind.

    manifest.json          format, schema revision, source kind, table row counts, attachments
    tables/<table>.jsonl   one JSON object per row, columns by name (dates ISO, times in UTC,
                           bytes base64), read in one consistent snapshot (db/engine.snapshot)
    attachments/<sha[:2]>/<sha>   the files the attachments table names, as stored

`write_archive` is what `panelapp backup` makes on PostgreSQL (and on SQLite for a `.zip`
target); it is written under a temporary name, read back (CRCs, row counts) and only then
renamed. `load_archive` fills an EMPTY database of either kind from one, in the one schema
transaction of db/migrate.py: schema made at the archive's revision, rows loaded, sequences
moved past the ids, schema brought to head, then committed - all or nothing. Foreign keys that
form cycles (users stamp themselves, visits and their events point at each other) are loaded
as NULL first and set once every row is in.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, MetaData, Table, select
from sqlalchemy.schema import sort_tables_and_constraints

from panelapp import __version__
from panelapp.atomic import private_folder, write_bytes
from panelapp.db.copies import write_atomically
from panelapp.db.engine import Database, snapshot
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import newer_schema_sentence
from panelapp.domain.josa import josa, quoted

FORMAT = "panelapp-archive"
FORMAT_VERSION = 1
VERSION_TABLE = "alembic_version"
BLOB_TABLE = "attachment_blobs"  # photo contents on a server (services/attachments/blobs.py)
BATCH = 1000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ArchiveError(DomainError):
    """An archive that cannot be used; the message names the file."""


# ----- values ------------------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()  # UTC, as the application stores every time
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def encode_row(names: list[str], row: Iterable[Any]) -> dict[str, Any]:
    """A row as JSON values, the same from either kind of database (times in UTC)."""
    return {n: _encode(v) for n, v in zip(names, row, strict=True)}


def _decoder(column: sa.Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, sa.DateTime):
        aware = bool(getattr(kind, "timezone", False))

        def datetime_(v: Any) -> Any:
            if v is None:
                return None
            moment = dt.datetime.fromisoformat(v)
            return moment.replace(tzinfo=dt.UTC) if aware else moment

        return datetime_
    if isinstance(kind, sa.Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if isinstance(kind, sa.Time):
        return lambda v: None if v is None else dt.time.fromisoformat(v)
    if isinstance(kind, sa.LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v["$base64"])
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return lambda v: None if v is None else decimal.Decimal(v)
    return lambda v: v


# ----- writing -------------------------------------------------------------------------------
def reflect_schema(conn: Connection) -> MetaData:
    meta = MetaData()
    meta.reflect(conn)
    for table in meta.tables.values():
        for column in table.columns:
            if isinstance(column.type, sa.JSON):  # a NULL stays SQL NULL, not the JSON text 'null'
                column.type = sa.JSON(none_as_null=True)
    return meta


def ordered_tables(meta: MetaData) -> list[Table]:
    """Parents before children; the constraints of cycles are left for `_cycles` (sorting by
    them would warn)."""
    tables = [t for t in meta.tables.values() if t.name != VERSION_TABLE]
    return [t for t, _fkcs in sort_tables_and_constraints(tables) if t is not None]  # type: ignore[no-untyped-call]


def schema_revision(conn: Connection) -> str:
    rows = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) != 1:
        raise ArchiveError(
            "데이터베이스에 형식 정보가 없어 백업할 수 없습니다. 프로그램을 한 번 실행한 뒤 다시 하세요."
        )
    return str(rows[0])


def write_archive(db: Database, final: Path) -> int:
    """Write the archive of `db` to `final` (atomically); returns its size in bytes."""
    from panelapp.services.attachments.store import attachments_root

    root = attachments_root(db)
    size = write_atomically(final, lambda tmp: _write(db, tmp, root))
    read_manifest(final, verify=True)
    return size


def _write(db: Database, tmp: Path, root: Path) -> None:
    from panelapp.services.attachments.store import attachment_path

    counts: dict[str, int] = {}
    missing: list[str] = []
    stored = 0
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        with snapshot(db) as conn:
            revision = schema_revision(conn)
            meta = reflect_schema(conn)
            for table in ordered_tables(meta):
                counts[table.name] = _write_table(conn, table, zf)
            shas: list[str] = []
            if "attachments" in meta.tables:
                att = meta.tables["attachments"]
                shas = sorted(set(conn.execute(select(att.c.sha256)).scalars()))
        for sha in shas:
            # on a server, attachment_path fetches a content this desktop has not seen yet
            source = attachment_path(db, sha) if _SHA256.match(sha or "") else root / "-"
            if source.is_file():
                zf.write(source, f"attachments/{sha[:2]}/{sha}")
                stored += 1
            else:
                missing.append(sha)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "revision": revision,
            "source": db.engine.dialect.name,
            "app_version": __version__,
            "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "tables": counts,
            "attachments": stored,
            "attachments_missing": missing,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))


def _write_table(conn: Connection, table: Table, zf: zipfile.ZipFile) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    names = [c.name for c in table.columns]
    count = 0
    with zf.open(f"tables/{table.name}.jsonl", "w", force_zip64=True) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
        for row in result:
            out.write(json.dumps(encode_row(names, row), ensure_ascii=False))
            out.write("\n")
            count += 1
        out.flush()
        out.detach()
    return count


# ----- reading -------------------------------------------------------------------------------
def read_manifest(path: Path, verify: bool = False) -> dict[str, Any]:
    """The manifest of an archive; `verify` also reads every member (CRC) and counts the rows.
    Raises ArchiveError with a sentence for anything wrong, OSError for a file not readable."""
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                manifest = json.loads(zf.read("manifest.json"))
            except KeyError:
                raise ArchiveError(
                    f"{quoted(path, '은')} 이 프로그램의 백업 파일이 아닙니다(manifest.json 없음)."
                ) from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ArchiveError(f"{quoted(path, '은')} 이 프로그램의 백업 파일이 아닙니다.")
            if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                raise ArchiveError(
                    f"{quoted(path, '은')} 더 새로운 버전의 프로그램에서 만든 백업입니다. 프로그램을 업데이트하세요."
                )
            if verify:
                broken = zf.testzip()
                if broken is not None:
                    raise ArchiveError(
                        f"백업 파일 {quoted(path, '이')} 손상되었습니다('{broken}'의 검사값이 맞지 않음)."
                    )
                for name, expected in dict(manifest.get("tables", {})).items():
                    with zf.open(f"tables/{name}.jsonl") as fh:
                        lines = sum(1 for _ in fh)
                    if lines != expected:
                        raise ArchiveError(
                            f"백업 파일 {quoted(path, '이')} 온전하지 않습니다('{name}' 표 {expected}행 중 {lines}행)."
                        )
    except zipfile.BadZipFile:
        raise ArchiveError(f"{quoted(path, '은')} 손상되었거나 zip 백업 파일이 아닙니다.") from None
    except (KeyError, ValueError, TypeError):
        raise ArchiveError(f"백업 파일 '{path}'의 내용이 올바르지 않습니다.") from None
    return manifest


def _rows(zf: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    with zf.open(f"tables/{name}.jsonl") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if line.strip():
                yield json.loads(line)


def load_archive(db: Database, path: Path) -> dict[str, Any]:
    """Fill the EMPTY database `db` from the archive at `path`, in one transaction; the schema
    ends at head. Returns the manifest. Refuses (ArchiveError) a database that holds anything."""
    from alembic import command

    from panelapp.db.migrate import (
        alembic_config,
        head_revision,
        is_known,
        schema_transaction,
        tables_with_rows,
        user_tables,
    )
    from panelapp.services.attachments.store import attachments_root

    manifest = read_manifest(path, verify=True)
    revision = str(manifest["revision"])
    if not is_known(revision):
        raise ArchiveError(newer_schema_sentence(str(path), revision, head_revision()))
    with zipfile.ZipFile(path) as zf, schema_transaction(db) as conn:
        present = user_tables(conn)
        if tables_with_rows(conn, present):
            raise ArchiveError(
                f"{quoted(db.display_name(), '이')} 비어 있지 않아 복원하지 않았습니다. 백업은 빈 데이터베이스에만 "
                "복원합니다: 새 데이터베이스를 만들어(PostgreSQL은 createdb) 그 주소로 "
                "'panelapp --db 주소 restore 백업파일'을 실행하세요."
            )
        cfg = alembic_config(db)
        cfg.attributes["connection"] = conn
        if present:  # empty tables of a first start: made again at the archive's revision
            from panelapp.db.migrate import _drop_everything

            _drop_everything(conn, present)
        command.upgrade(cfg, revision)
        counts = dict(manifest["tables"])
        if db.is_sqlite:  # a server's photo contents go to files beside the database
            counts.pop(BLOB_TABLE, None)
        load_tables(conn, lambda name: _rows(zf, name), counts)
        command.upgrade(cfg, "head")
        _extract_attachments(zf, attachments_root(db), None if db.is_sqlite else conn)
    return manifest


def load_tables(
    conn: Connection,
    rows: Callable[[str], Iterable[dict[str, Any]]],
    counts: dict[str, int],
    loaded_table: Callable[[str, int], None] | None = None,
) -> None:
    """Insert every table named in `counts` from `rows(name)` (rows as `encode_row` makes them:
    an archive's lines, or another database's rows - db_copy.py) into the schema at `conn`,
    parents first, cycles patched in afterwards; `loaded_table(name, rows)` after each table."""
    meta = reflect_schema(conn)
    tables = [t for t in ordered_tables(meta) if t.name in counts]
    unknown = set(counts) - set(meta.tables)
    if unknown:
        raise ArchiveError(
            f"백업의 표 {josa(', '.join(sorted(unknown)), '이')} 이 형식의 데이터베이스에 없습니다."
        )
    cyclic = {(fk.parent.table.name, fk.parent.name) for fkc in _cycles(tables) for fk in fkc.elements}
    for table in tables:  # self references too: a user stamped by a user loaded after
        for fk in table.foreign_keys:
            if fk.column.table is table:
                cyclic.add((table.name, fk.parent.name))
    later: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        decoders = {c.name: _decoder(c) for c in table.columns}
        deferred = [c for t, c in cyclic if t == table.name and table.c[c].nullable]
        pk = [c.name for c in table.primary_key.columns]
        batch: list[dict[str, Any]] = []
        loaded = 0
        for raw in rows(table.name):
            row = {k: decoders[k](v) for k, v in raw.items() if k in decoders}
            if deferred and pk:
                patch = {c: row[c] for c in deferred if row.get(c) is not None}
                if patch:
                    later.setdefault(table.name, []).append({**{f"pk_{k}": row[k] for k in pk}, **patch})
                    for c in patch:
                        row[c] = None
            batch.append(row)
            if len(batch) >= BATCH:
                conn.execute(table.insert(), batch)
                loaded += len(batch)
                batch = []
        if batch:
            conn.execute(table.insert(), batch)
            loaded += len(batch)
        if loaded != counts[table.name]:
            raise ArchiveError(
                f"백업의 '{table.name}' 표가 온전하지 않습니다({counts[table.name]}행 중 {loaded}행)."
            )
        if loaded_table is not None:
            loaded_table(table.name, loaded)
    for name, patches in later.items():
        table = meta.tables[name]
        pk = [c.name for c in table.primary_key.columns]
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for patch in patches:
            cols = tuple(sorted(k for k in patch if not k.startswith("pk_")))
            by_columns.setdefault(cols, []).append(patch)
        for cols, group in by_columns.items():
            stmt = (
                table.update()
                .where(*(table.c[k] == sa.bindparam(f"pk_{k}") for k in pk))
                .values({c: sa.bindparam(c) for c in cols})
            )
            conn.execute(stmt, group)
    if conn.dialect.name == "postgresql":
        _move_sequences(conn, tables)


def _cycles(tables: list[Table]) -> list[sa.ForeignKeyConstraint]:
    remaining: list[sa.ForeignKeyConstraint] = []
    for table, fkcs in sort_tables_and_constraints(tables):  # type: ignore[no-untyped-call]
        if table is None:
            remaining.extend(fkcs)
    return remaining


def _move_sequences(conn: Connection, tables: list[Table]) -> None:
    """Loaded rows keep their ids; the next id a serial column hands out must come after them."""
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, sa.Integer):
                continue
            sequence = conn.execute(
                sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": quote(table.name), "c": column.name}
            ).scalar()
            if sequence:
                conn.execute(
                    sa.text(
                        f"SELECT setval(:s, COALESCE((SELECT MAX({quote(column.name)}) FROM "
                        f"{quote(table.name)}), 0) + 1, false)"
                    ),
                    {"s": sequence},
                )


def _extract_attachments(zf: zipfile.ZipFile, root: Path, server: Connection | None = None) -> int:
    """Content-addressed files: written when absent, checked against their name; into a
    server database (`server`) the contents are stored in it too."""
    written = 0
    for info in zf.infolist():
        parts = info.filename.split("/")
        if len(parts) != 3 or parts[0] != "attachments" or info.is_dir():
            continue
        sha = parts[2]
        if not _SHA256.match(sha) or parts[1] != sha[:2]:
            continue  # never a path of the archive's choosing
        target = root / sha[:2] / sha
        if target.is_file() and server is None:
            continue
        data = zf.read(info)
        if hashlib.sha256(data).hexdigest() != sha:
            raise ArchiveError(f"백업 속 첨부파일 {sha[:12]}…의 내용이 이름과 맞지 않습니다(손상된 백업).")
        if server is not None:
            from panelapp.services.attachments.blobs import save_blob

            save_blob(server, sha, data, _mime_of(server, sha))
            if target.is_file():
                continue
        private_folder(target.parent)
        write_bytes(target, data)
        written += 1
    return written


def _mime_of(conn: Connection, sha: str) -> str:
    mime = conn.execute(
        sa.text("SELECT mime FROM attachments WHERE sha256 = :s LIMIT 1"), {"s": sha}
    ).scalar()
    return str(mime or "application/octet-stream")
