"""Copying a whole database into an empty one of either kind: one desktop's SQLite file to the
office's PostgreSQL server, or back (`panelapp db copy --from … --to …`).

The rows go the way a portable archive's do (archive.py: the same JSON values, the same loader),
only straight from the source's consistent snapshot into the target, without a zip between:
the target's schema is made at the source's revision, every table is loaded (the search index,
accounts and the access log included: every table there is), PostgreSQL's sequences are moved
past the loaded ids, the row count and a content checksum of every table are read back from the
target and compared with the source's, the attachment files are copied to where the target keeps
them, and only then is the schema brought to head and the one transaction committed. A target
that holds anything is refused before anything is written; a SQLite target that does not exist
is made under a temporary name and renamed when the copy is complete, so a failure or a kill
leaves no file behind.

The checksum of a table is the sum (mod 2**128) of a hash of each row's canonical JSON, so it
does not depend on the order the two databases sort text in.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import DBAPIError

from panelapp.atomic import Pending, private_folder, remove_temporary
from panelapp.db.engine import Database, open_database, snapshot
from panelapp.domain.errors import DomainError
from panelapp.domain.failures import newer_schema_sentence
from panelapp.domain.josa import josa, quoted
from panelapp.services.attachments.store import attachments_root
from panelapp.services.system.archive import (
    BATCH,
    BLOB_TABLE,
    ArchiveError,
    encode_row,
    load_tables,
    ordered_tables,
    reflect_schema,
    schema_revision,
)

Progress = Callable[[str], None]
_MOD = 1 << 128
_SHA256_LEN = 64


class CopyError(DomainError):
    """A copy that was refused or failed; nothing was written to the target."""


@dataclass
class Tally:
    """Rows and their order-free content checksum."""

    rows: int = 0
    total: int = 0

    def add(self, encoded: dict[str, Any]) -> None:
        line = json.dumps(encoded, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        self.total = (self.total + int.from_bytes(hashlib.sha256(line.encode()).digest()[:16], "big")) % _MOD
        self.rows += 1

    @property
    def checksum(self) -> str:
        return f"{self.total:032x}"


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    revision: str  # the source's schema revision (the target ends at head)
    tables: dict[str, int]
    checksums: dict[str, str]
    attachments: int  # files copied to the target's folder (those already there not counted)
    attachments_missing: tuple[str, ...] = field(default=())


def table_tallies(conn: Connection, tables: list[Table]) -> dict[str, Tally]:
    """Row count and checksum of each table, read through `conn`."""
    out: dict[str, Tally] = {}
    for table in tables:
        out[table.name] = tally = Tally()
        for encoded in _encoded_rows(conn, table):
            tally.add(encoded)
    return out


def _encoded_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    names = [c.name for c in table.columns]
    # per statement: Connection.execution_options() would leave the connection streaming, and
    # the copy's later INSERTs would go through a server-side cursor
    result = conn.execute(select(table).order_by(*order), execution_options={"yield_per": BATCH})
    for row in result:
        yield encode_row(names, row)


def _same_database(a: Database, b: Database) -> bool:
    if a.is_sqlite and b.is_sqlite:
        pa, pb = a.sqlite_path, b.sqlite_path
        return pa is not None and pb is not None and pa.resolve() == pb.resolve()
    if a.is_sqlite or b.is_sqlite:
        return False
    ua, ub = a.url, b.url
    return (ua.host or "localhost", ua.port or 5432, ua.database) == (
        ub.host or "localhost",
        ub.port or 5432,
        ub.database,
    )


def _unreachable(exc: BaseException, role: str, db: Database) -> CopyError:
    from panelapp.services.errors import database_error_sentence

    where = db.display_name()
    said = (
        database_error_sentence(exc, where) or f"{quoted(where, '을')} 열 수 없습니다({type(exc).__name__})."
    )
    return CopyError(f"{role} 데이터베이스에 문제가 있어 아무것도 옮기지 않았습니다. {said}")


def copy_database(
    source_target: str,
    target_target: str,
    progress: Progress | None = None,
) -> CopyResult:
    """Copy the database at `source_target` (a SQLite path or a URL) into the empty database at
    `target_target`; returns what was copied. Raises CopyError (a sentence) when refused."""
    say = progress or (lambda _text: None)
    source = open_database(source_target)
    if source.sqlite_path is not None and not source.sqlite_path.is_file():
        raise CopyError(
            f"원본 데이터베이스 파일 {quoted(source.sqlite_path, '이')} 없습니다. 경로를 확인하세요."
        )
    target = open_database(target_target)
    try:
        if _same_database(source, target):
            raise CopyError(
                f"원본과 대상이 같은 데이터베이스({source.display_name()})입니다. 다른 곳으로 옮기세요."
            )
        final = target.sqlite_path
        if final is not None and (not final.exists() or final.stat().st_size == 0):
            if final.is_dir():
                raise CopyError(
                    f"대상 {quoted(final, '은')} 폴더입니다. 새 데이터베이스 파일의 이름을 주세요."
                )
            return _copy_into_new_file(source, final, say)
        return _copy(source, target, target.display_name(), say)
    finally:
        source.dispose()
        target.dispose()


def _copy_into_new_file(source: Database, final: Path, say: Progress) -> CopyResult:
    with Pending(final) as out:
        temp = open_database(str(out.temp))
        try:
            result = _copy(source, temp, str(final), say)
        finally:
            temp.dispose()
            for suffix in ("-wal", "-shm", "-journal"):
                remove_temporary(Path(f"{out.temp}{suffix}"))
        out.commit()
    return result


def _not_empty(target_name: str, full: list[str]) -> CopyError:
    shown = ", ".join(full[:5]) + (" 등" if len(full) > 5 else "")
    return CopyError(
        f"대상 {quoted(target_name, '이')} 비어 있지 않아 아무것도 옮기지 않았습니다({shown} 표에 "
        "자료가 있습니다). 빈 데이터베이스에만 옮깁니다: PostgreSQL은 createdb로 새 데이터베이스를 "
        "만들고, SQLite는 아직 없는 파일 이름을 주세요."
    )


def server_url(
    host: str, port: int, database: str, user: str, password: str = "", tls: str = "prefer"
) -> str:
    """The SQLAlchemy address of a PostgreSQL database from the fields of a form (the password
    is in it: keep it out of anything shown or saved; `shown_url` is for that)."""
    from sqlalchemy.engine import URL

    for value, field_name in ((host, "서버 주소"), (database, "데이터베이스 이름"), (user, "사용자 이름")):
        if not value.strip():
            raise CopyError(f"{josa(field_name, '을')} 입력하세요.")
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip(),
        password=password or None,
        host=host.strip(),
        port=int(port),
        database=database.strip(),
        query={"sslmode": tls} if tls and tls != "prefer" else {},
    )
    return url.render_as_string(hide_password=False)


def shown_url(target: str) -> str:
    """An address without its password, for the screen."""
    return open_database(target).display_name()


def probe_target(target: str) -> str:
    """Test a copy's target before copying: a sentence when it is reachable and empty; a
    CopyError (the sentence of the refusal the copy would give) otherwise. Writes nothing."""
    from panelapp.db.migrate import tables_with_rows, user_tables

    db = open_database(target)
    try:
        if db.is_sqlite and (db.sqlite_path is None or not db.sqlite_path.exists()):
            return f"{quoted(db.display_name(), '은')} 새 파일로 만들어집니다. 옮길 수 있습니다."
        try:
            with db.engine.connect() as conn:
                full = tables_with_rows(conn, user_tables(conn))
        except DBAPIError as exc:
            raise _unreachable(exc, "대상", db) from None
        if full:
            raise _not_empty(db.display_name(), full)
        return f"연결했습니다: {quoted(db.display_name(), '은')} 비어 있어 옮길 수 있습니다."
    finally:
        db.dispose()


def _reachable(db: Database, role: str) -> None:
    try:
        with db.engine.connect():
            pass
    except DBAPIError as exc:
        raise _unreachable(exc, role, db) from None


def _copy(source: Database, target: Database, target_name: str, say: Progress) -> CopyResult:
    _reachable(source, "원본")
    _reachable(target, "대상")
    written: list[Path] = []
    try:
        return _copy_rows(source, target, target_name, say, written)
    except BaseException as exc:
        for path in written:  # files of a copy that did not commit: nothing refers to them
            path.unlink(missing_ok=True)
        if isinstance(exc, DBAPIError):
            raise _unreachable(exc, "원본 또는 대상", target) from None
        raise


def _copy_rows(
    source: Database, target: Database, target_name: str, say: Progress, written: list[Path]
) -> CopyResult:
    from alembic import command

    from panelapp.db.migrate import (
        _drop_everything,
        alembic_config,
        head_revision,
        is_known,
        schema_transaction,
        tables_with_rows,
        user_tables,
    )

    source_name = source.display_name()
    with snapshot(source) as snap:
        try:
            revision = schema_revision(snap)
        except ArchiveError:
            raise CopyError(
                f"원본 {quoted(source_name, '은')} 이 프로그램의 데이터베이스가 아니거나 아직 만들어지지 "
                "않았습니다(형식 정보가 없습니다). 아무것도 옮기지 않았습니다."
            ) from None
        if not is_known(revision):
            raise CopyError(newer_schema_sentence(source_name, revision, head_revision()))
        tables = ordered_tables(reflect_schema(snap))
        # a server's photo contents go to files beside a SQLite target, not into its table
        skipped = {BLOB_TABLE} if target.is_sqlite else set()
        counts = {t.name: 0 if t.name in skipped else _count(snap, t) for t in tables}
        by_name = {t.name: t for t in tables}
        say(f"원본: {source_name} (형식 {revision}, 표 {len(tables)}개, {sum(counts.values()):,}행)")
        with schema_transaction(target) as conn:
            present = user_tables(conn)
            full = tables_with_rows(conn, present)
            if full:
                raise _not_empty(target_name, full)
            say(f"대상: {target_name}")
            cfg = alembic_config(target)
            cfg.attributes["connection"] = conn
            if present:  # empty tables of a first start: made again at the source's revision
                _drop_everything(conn, present)
            command.upgrade(cfg, revision)
            source_tallies: dict[str, Tally] = {}
            done = [0]

            def rows(name: str) -> Iterator[dict[str, Any]]:
                source_tallies[name] = tally = Tally()
                if name in skipped:
                    return
                for encoded in _encoded_rows(snap, by_name[name]):
                    tally.add(encoded)
                    yield encoded

            def loaded(name: str, n: int) -> None:
                done[0] += 1
                say(f"  [{done[0]:>2}/{len(tables)}] {name}: {n:,}행")

            load_tables(conn, rows, counts, loaded)
            check = table_tallies(conn, ordered_tables(reflect_schema(conn)))
            _verify(source_tallies, check, target_name)
            say(f"검사: 표 {len(check)}개의 행 수와 내용 검사값이 원본과 같습니다")
            copied, missing = _copy_attachments(snap, by_name, source, target, written, conn)
            say(
                f"첨부파일: {copied}개 복사"
                + (f", 원본에 파일이 없는 것 {len(missing)}개" if missing else "")
            )
            command.upgrade(cfg, "head")
    say("옮기기를 마쳤습니다(대상에는 한 트랜잭션으로 저장했습니다).")
    return CopyResult(
        source=source_name,
        target=target_name,
        revision=revision,
        tables=counts,
        checksums={n: t.checksum for n, t in source_tallies.items()},
        attachments=copied,
        attachments_missing=tuple(missing),
    )


def _count(conn: Connection, table: Table) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _verify(source: dict[str, Tally], target: dict[str, Tally], target_name: str) -> None:
    for name, expected in source.items():
        got = target.get(name)
        if got is None or got.rows != expected.rows:
            raise CopyError(
                f"대상 '{target_name}'에 옮긴 '{name}' 표의 행 수가 원본과 다릅니다(원본 "
                f"{expected.rows}행, 대상 {got.rows if got else 0}행). 아무것도 저장하지 않았습니다."
            )
        if got.total != expected.total:
            raise CopyError(
                f"대상 '{target_name}'에 옮긴 '{name}' 표의 내용이 원본과 다릅니다(검사값 불일치). "
                "아무것도 저장하지 않았습니다."
            )


def _copy_attachments(
    snap: Connection,
    by_name: dict[str, Table],
    source: Database,
    target: Database,
    written: list[Path],
    conn: Connection,
) -> tuple[int, list[str]]:
    """Copy the files the attachments table names into the target's folder (checked against
    their content hash), and into a server target's database (`conn`, the copy's transaction);
    files already there are kept. A server source's contents come from its database when this
    desktop has no file. Returns (copied, missing in source)."""
    from panelapp.services.attachments.blobs import save_blob
    from panelapp.services.attachments.store import attachment_path

    table = by_name.get("attachments")
    if table is None:
        return 0, []
    shas = sorted({s for s in snap.execute(select(table.c.sha256)).scalars() if s})
    dst_root = attachments_root(target)
    copied, missing = 0, []
    for sha in shas:
        if len(sha) != _SHA256_LEN or not all(c in "0123456789abcdef" for c in sha):
            missing.append(sha)
            continue
        src, dst = attachment_path(source, sha), dst_root / sha[:2] / sha
        if dst.is_file() and target.is_sqlite:
            continue
        if not src.is_file():
            missing.append(sha)
            continue
        data = src.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise CopyError(
                f"원본의 첨부파일 {quoted(src, '이')} 내용이 이름(검사값)과 맞지 않습니다(손상). "
                "아무것도 옮기지 않았습니다. 'panelapp check'로 원본을 점검하세요."
            )
        if not target.is_sqlite:
            mime = snap.execute(select(table.c.mime).where(table.c.sha256 == sha).limit(1)).scalar()
            save_blob(conn, sha, data, str(mime or "application/octet-stream"))
        copied += 1
        if dst.is_file():
            continue
        private_folder(dst.parent)
        with Pending(dst) as out:
            shutil.copyfile(src, out.temp)
            out.commit()
        written.append(dst)
    return copied, missing
