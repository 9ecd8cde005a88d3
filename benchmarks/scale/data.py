"""The scale database: one cohort of 100,000 members, 50,000 inspections, 1,000,000 findings...

    python -m benchmarks.scale.data [--tiny] [--rebuild]      (SQLite, cached)
    PANELAPP_TEST_PG_URL=... python -m benchmarks.scale.data --backend postgresql

The schema is the app's own: `open_app` runs the Alembic migrations and loads the consent
notices, `seed_reference_data` adds the facility types and the default checklist, exactly as a
new database gets them. Everything else is bulk-loaded in one transaction (executemany on
SQLite, COPY on PostgreSQL) from a seeded generator, so every build is the same. What a
scheduled visit creates is mirrored from services/inspections/scheduling.py: the inspection,
its activity event (kind 점검, deleted with a cancelled visit), the lead and members assigned;
a completed visit also has its checklist answers and the attendance of the assigned members.
A completed proposal is checked (현장 확인, 0018) at its facility's next completed visit — 미흡 puts
it back to 추진중 with the history entry results/verifications.py writes; some proposals are
marked duplicates of an earlier one of their facility (0020: links and feedback moved to the
original, the two history entries); departments have answer templates (0019).

Cache: a SQLite file in benchmarks/.cache/ named by the Alembic head revision, GENERATOR_VERSION
and the sizes, built as `.partial` and renamed when complete. On PostgreSQL the database at the
URL is the cache; a stamp file beside the SQLite files records which key it holds (the tables
are dropped and rebuilt when the key or the row counts differ: the URL must be a throwaway).
A build holds an OS file lock beside the cache (one per SQLite file, one per URL): a second run
started meanwhile waits for it and then takes the cache.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.roster_data import DISTRICTS, SURNAMES, SYLLABLES
from benchmarks.scale import words
from benchmarks.scale.bulk import PostgresWriter, SqliteWriter, Writer
from benchmarks.scale.grams import GramCache, Postings

GENERATOR_VERSION = 2  # 2: proposal_verifications, answer_templates, duplicate marks (0018-0020)
CACHE = Path(__file__).resolve().parent.parent / ".cache"
PG_ENV = "PANELAPP_TEST_PG_URL"

TERM_START, TERM_END = dt.date(2026, 3, 1), dt.date(2026, 12, 31)
LAUNCH = dt.date(2026, 3, 14)
LAST_DAY = dt.date(2026, 12, 1)  # the data's "now": nothing happened after this day
FIRST_VISIT = dt.date(2026, 4, 1)
STAMP = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
KST = dt.timezone(dt.timedelta(hours=9))
SLOTS = ((dt.time(10), dt.time(12)), (dt.time(14), dt.time(16)))
CATEGORIES = ["safety", "structure", "cleanliness", "accessibility", "signage", "service", "other"]
SEVERITIES = ["low", "medium", "medium", "medium", "high", "high", "urgent"]
FEEDBACK_SOURCES = ["board", "website", "sns", "phone"]
WITHDRAW_REASONS = ["타 지역 이사", "건강상의 이유", "직장 일정으로 활동 곤란"]
ABSENCE_NOTES = ["사전 연락", "개인 사정", None]
POSTPONE_REASONS = ["우천으로 연기", "시설 내부 공사로 연기", "조장 일정 변경으로 연기"]
CANCEL_REASONS = ["시설 임시 휴관으로 취소", "태풍 예비특보로 취소", "시설 측 요청으로 취소"]
EXTRA_USERS = [("정다운", "coordinator"), ("백현정", "lead"), ("김현수", "coordinator"), ("이보람", "viewer")]
# The tables written with explicit ids (their PostgreSQL sequences are moved past them).
ID_TABLES = [
    "users",
    "organizations",
    "departments",
    "facilities",
    "cohorts",
    "teams",
    "members",
    "enrollments",
    "consents",
    "activity_events",
    "attendances",
    "inspections",
    "inspection_assignments",
    "checklist_responses",
    "findings",
    "proposals",
    "proposal_events",
    "proposal_verifications",
    "answer_templates",
    "feedback",
    "content_posts",
]


@dataclass(frozen=True)
class Sizes:
    members: int = 100_000
    events: int = 40  # activity events besides the visits' own
    facilities: int = 2_000
    departments: int = 12
    inspections: int = 50_000
    findings: int = 1_000_000
    proposals: int = 200_000
    feedback: int = 100_000
    posts: int = 3_000

    @classmethod
    def tiny(cls) -> Sizes:
        return cls(
            members=200,
            events=6,
            facilities=20,
            departments=5,
            inspections=60,
            findings=1_000,
            proposals=200,
            feedback=200,
            posts=20,
        )

    def label(self) -> str:
        if self == Sizes():
            return "full"
        return "s" + hashlib.sha1(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()[:10]


@dataclass
class Built:
    target: str  # a SQLite path or a database URL, as `panelapp --db` takes it
    backend: str
    key: str
    build_s: float | None  # None: taken from the cache
    counts: dict[str, int] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from panelapp.db.migrate import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head() or "none"


def cache_key(sizes: Sizes) -> str:
    return f"{sizes.label()}-rev{head_revision()}-g{GENERATOR_VERSION}"


# ----- entry points ------------------------------------------------------------------------------
def ensure(
    sizes: Sizes | None = None,
    backend: str = "sqlite",
    pg_url: str | None = None,
    folder: Path | None = None,
    rebuild: bool = False,
    progress=print,
) -> Built:
    """The database for `sizes`, generated now unless the cache already holds it."""
    sizes = sizes or Sizes()
    folder = folder or CACHE
    folder.mkdir(parents=True, exist_ok=True)
    key = cache_key(sizes)
    if backend == "sqlite":
        with _locked(folder / f"scale-{sizes.label()}.lock", progress):
            return _ensure_sqlite(sizes, key, folder, rebuild, progress)
    url = pg_url or os.environ.get(PG_ENV)
    if not url:
        raise SystemExit(f"PostgreSQL: {PG_ENV}를 설정해 주세요 (set {PG_ENV})")
    with _locked(_pg_stamp_path(folder, url).with_suffix(".lock"), progress):
        return _ensure_pg(sizes, key, url, folder, rebuild, progress)


@contextlib.contextmanager
def _locked(path: Path, progress):
    """One builder per cache file (or PostgreSQL URL) at a time: a second run started meanwhile
    waits here, then finds the database the first one built. The lock is the OS's (flock /
    msvcrt), so a build that crashed leaves nothing held."""
    with open(path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            lock = lambda: msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # noqa: E731

            def wait() -> None:  # LK_LOCK gives up after 10 s: keep asking
                while True:
                    try:
                        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                        return
                    except OSError:
                        continue

        else:
            import fcntl

            lock = lambda: fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # noqa: E731
            wait = lambda: fcntl.flock(handle, fcntl.LOCK_EX)  # noqa: E731
        try:
            lock()
        except OSError:
            progress(f"  another run is building {path.stem}: waiting for it")
            wait()
        try:
            yield
        finally:
            handle.seek(0)
            if sys.platform == "win32":
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _ensure_sqlite(sizes: Sizes, key: str, folder: Path, rebuild: bool, progress) -> Built:
    path = folder / f"scale-{key}.db"
    if path.exists() and not rebuild:
        return Built(str(path), "sqlite", key, None, _read_stamp(path.with_suffix(".json")).get("counts", {}))
    for stale in folder.glob(f"scale-{sizes.label()}-*"):
        stale.unlink()
    partial = folder / f"scale-{key}.partial"
    for extra in ("", "-wal", "-shm"):
        Path(f"{partial}{extra}").unlink(missing_ok=True)
    started = time.perf_counter()
    ids = _bootstrap(str(partial))
    writer = SqliteWriter(str(partial))
    try:
        counts, phases = generate(writer, ids, sizes, progress)
    finally:
        writer.close()
    build_s = time.perf_counter() - started
    partial.rename(path)
    stamp = {"key": key, "counts": counts, "phases": phases, "build_s": round(build_s, 1)}
    path.with_suffix(".json").write_text(json.dumps(stamp, ensure_ascii=False, indent=1))
    return Built(str(path), "sqlite", key, build_s, counts, phases)


def _pg_stamp_path(folder: Path, url: str) -> Path:
    from sqlalchemy.engine import make_url

    safe = make_url(url).render_as_string(hide_password=True)
    return folder / f"pg-{hashlib.sha1(safe.encode()).hexdigest()[:12]}.json"


def _ensure_pg(sizes: Sizes, key: str, url: str, folder: Path, rebuild: bool, progress) -> Built:
    from sqlalchemy.engine import make_url

    stamp_path = _pg_stamp_path(folder, url)
    stamp = _read_stamp(stamp_path)
    if not rebuild and stamp.get("key") == key and _pg_counts_match(url, stamp.get("counts", {})):
        return Built(url, "postgresql", key, None, stamp["counts"])
    stamp_path.unlink(missing_ok=True)
    started = time.perf_counter()
    _pg_drop_all(url)
    ids = _bootstrap(url)
    writer = PostgresWriter(make_url(url))
    try:
        counts, phases = generate(writer, ids, sizes, progress)
    finally:
        writer.close()
    build_s = time.perf_counter() - started
    stamp = {"key": key, "counts": counts, "phases": phases, "build_s": round(build_s, 1)}
    stamp_path.write_text(json.dumps(stamp, ensure_ascii=False, indent=1))
    return Built(url, "postgresql", key, build_s, counts, phases)


def _read_stamp(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _pg_counts_match(url: str, counts: dict[str, int]) -> bool:
    from sqlalchemy import text

    from panelapp.db.engine import open_database
    from panelapp.db.migrate import is_at_head

    db = open_database(url)
    try:
        if not counts or not is_at_head(db):
            return False
        with db.engine.connect() as conn:
            return all(
                conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() == counts[t]
                for t in ("members", "findings", "proposals")
            )
    except Exception:  # noqa: BLE001 - a missing table or database means: build it
        return False
    finally:
        db.dispose()


def _pg_drop_all(url: str) -> None:
    from sqlalchemy import text

    from panelapp.db import models  # noqa: F401 - the whole metadata
    from panelapp.db.base import Base
    from panelapp.db.engine import open_database

    db = open_database(url)
    try:
        Base.metadata.drop_all(db.engine)
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        db.dispose()


@dataclass
class _Ids:
    """What the app's own start-up made, which the generated rows refer to."""

    admin: int
    next_user: int
    notice: int
    retention_months: int
    facility_types: dict[str, int]
    template_version: int
    items: list[tuple[int, str, bool]]  # (id, kind, required)


def _bootstrap(target: str) -> _Ids:
    """Migrate and seed through the app's own services, then read the ids they made."""
    from sqlalchemy import select

    from panelapp.db.models import (
        ChecklistItem,
        ChecklistSection,
        ChecklistTemplateVersion,
        ConsentNotice,
        FacilityType,
        User,
    )
    from panelapp.services.context import reading
    from panelapp.services.system.bootstrap import open_app
    from panelapp.services.system.reference_seed import seed_reference_data

    ctx = open_app(target)
    try:
        seed_reference_data(ctx)
        with reading(ctx) as s:
            notices = list(s.scalars(select(ConsentNotice).order_by(ConsentNotice.effective_on)))
            notice = next((n for n in reversed(notices) if n.effective_on <= dt.date(2026, 2, 1)), notices[0])
            version = s.scalar(select(ChecklistTemplateVersion.id).order_by(ChecklistTemplateVersion.id))
            items = s.execute(
                select(ChecklistItem.id, ChecklistItem.kind, ChecklistItem.required)
                .join(ChecklistSection, ChecklistSection.id == ChecklistItem.section_id)
                .where(ChecklistSection.version_id == version)
                .order_by(ChecklistSection.position, ChecklistItem.position)
            ).all()
            return _Ids(
                admin=ctx.user_id,
                next_user=(s.scalar(select(User.id).order_by(User.id.desc())) or 0) + 1,
                notice=notice.id,
                retention_months=notice.retention_months,
                facility_types={t.name: t.id for t in s.scalars(select(FacilityType))},
                template_version=version,
                items=[(i, k.value, bool(r)) for i, k, r in items],
            )
    finally:
        ctx.db.dispose()


# ----- the generator ----------------------------------------------------------------------------
class _Gen:
    def __init__(self, w: Writer, ids: _Ids, sizes: Sizes, progress) -> None:
        from panelapp.services.search.index import DocKind

        self.w, self.ids, self.n, self.progress = w, ids, sizes, progress
        self.kinds = DocKind
        self.rnd = random.Random(20261201)
        self.cache = GramCache()
        self.postings = Postings()
        self.counts: dict[str, int] = {}
        self.phases: dict[str, float] = {}
        s = w.ts(STAMP)
        self.stamp = (s, s, 1)  # created_at, updated_at, version
        self.users: list[int] = [ids.admin]

    def put(self, table: str, columns: tuple[str, ...], rows) -> int:
        n = self.w.insert(table, columns, rows)
        self.counts[table] = self.counts.get(table, 0) + n
        return n

    def phase(self, name: str, fn) -> None:
        t = time.perf_counter()
        fn()
        self.phases[name] = round(time.perf_counter() - t, 1)
        self.progress(f"  {name}: {self.phases[name]:.1f} s")

    def run(self) -> None:
        for name, fn in (
            ("organisation, facilities", self.organisation),
            ("members", self.members),
            ("activities and attendance", self.activities),
            ("inspections", self.inspections),
            ("findings", self.findings),
            ("proposals", self.proposals),
            ("feedback and content", self.feedback_and_posts),
            ("search index", self.search_index),
        ):
            self.phase(name, fn)

    # ----- organisation ------------------------------------------------------------------------
    def organisation(self) -> None:
        w, rnd = self.w, self.rnd
        users = []
        for k, (name, role) in enumerate(EXTRA_USERS):
            users.append((self.ids.next_user + k, name, role, w.bool(True), *self.stamp))
        self.put("users", ("id", "name", "role", "active", "created_at", "updated_at", "version"), users)
        self.users += [u[0] for u in users]
        self.put(
            "organizations",
            ("id", "name", "address", "phone", "created_at", "updated_at", "version"),
            [
                (
                    1,
                    "한빛시설관리공단",
                    "한빛시 중구 공단로 25 한빛시설관리공단 본관",
                    "042-610-1000",
                    *self.stamp,
                )
            ],
        )
        depts = words.DEPARTMENTS[: self.n.departments]
        self.dept_ids = {name: i for i, (name, *_rest) in enumerate(depts, 1)}
        self.dept_phone = {i: phone for i, (_n, _p, phone, _e) in enumerate(depts, 1)}
        self.put(
            "departments",
            ("id", "organization_id", "name", "contact_person", "phone", "email", "active", *self._st()),
            [(i, 1, *d, w.bool(True), *self.stamp) for i, d in enumerate(depts, 1)],
        )
        taken: set[str] = set()
        self.facilities: list[tuple[str, str]] = []  # (name, address) by id - 1
        self.facility_dept: list[int] = []
        rows = []
        for i in range(1, self.n.facilities + 1):
            kind, type_name, dept = words.FACILITY_KINDS[(i - 1) % len(words.FACILITY_KINDS)]
            name, addr = words.facility_name(rnd, kind, taken), words.address(rnd)
            dept_id = self.dept_ids.get(dept, 1)
            self.facilities.append((name, addr))
            self.facility_dept.append(dept_id)
            active = i % 50 != 0
            rows.append(
                (
                    i,
                    name,
                    self.ids.facility_types.get(type_name),
                    addr,
                    dept_id,
                    self.dept_phone[dept_id],
                    w.bool(active),
                    *self.stamp,
                )
            )
        self.put(
            "facilities",
            ("id", "name", "facility_type_id", "address", "department_id", "contact", "active", *self._st()),
            rows,
        )
        self.active_facilities = [i for i in range(1, self.n.facilities + 1) if i % 50 != 0]
        self.put(
            "cohorts",
            (
                "id",
                "organization_id",
                "number",
                "name",
                "term_start",
                "term_end",
                "launch_date",
                "quota",
                "status",
                *self._st(),
            ),
            [
                (
                    1,
                    1,
                    7,
                    "제7기 고객서비스 시민참여단",
                    w.date(TERM_START),
                    w.date(TERM_END),
                    w.date(LAUNCH),
                    self.n.members,
                    "active",
                    *self.stamp,
                )
            ],
        )
        self.put(
            "teams",
            ("id", "cohort_id", "name", "kind", "description", "sort_order", *self._st()),
            [
                (1, 1, "정책동행단", "inspection", "시설 점검과 개선제안", 1, *self.stamp),
                (2, 1, "소식이음단", "news", "이용 후기와 홍보 콘텐츠", 2, *self.stamp),
            ],
        )

    @staticmethod
    def _st() -> tuple[str, str, str]:
        return ("created_at", "updated_at", "version")

    # ----- members -------------------------------------------------------------------------------
    def members(self) -> None:
        from panelapp.services.people.member_rules import add_months

        w, rnd, n = self.w, self.rnd, self.n.members
        phones = rnd.sample(range(20_000_000, 99_999_999), n)
        retention = w.date(add_months(TERM_END, self.ids.retention_months))
        self.joined: list[dt.date] = [TERM_START] * (n + 1)  # by enrollment id (= member id)
        self.left: list[dt.date | None] = [None] * (n + 1)
        self.team: list[int] = [0] * (n + 1)
        self.keen: list[float] = [0.0] * (n + 1)
        self.leads: list[int] = []  # 조장 (and the chief) of 정책동행단
        self.policy: list[int] = []  # other active members of 정책동행단
        self.news: list[int] = []
        members, enrollments, consents, grams = [], [], [], []
        chiefs: dict[int, int] = {}
        for i in range(1, n + 1):
            name = rnd.choice(SURNAMES) + "".join(
                rnd.choice(SYLLABLES) for _ in range(rnd.choice((1, 2, 2, 2)))
            )
            phone = f"+8210{phones[i - 1]:08d}"
            district = rnd.choice(DISTRICTS)
            team = 1 if rnd.random() < 0.6 else 2
            role = "chief" if team not in chiefs else ("leader" if rnd.random() < 0.04 else "member")
            chiefs.setdefault(team, i)
            joined = TERM_START if rnd.random() < 0.93 else dt.date(2026, 5, 1)
            left = reason = None
            status = "active"
            if role == "member" and rnd.random() < 0.03:
                status, reason = "withdrawn", rnd.choice(WITHDRAW_REASONS)
                left = dt.date(2026, rnd.randint(5, 11), rnd.randint(1, 28))
            self.joined[i], self.left[i], self.team[i] = joined, left, team
            self.keen[i] = rnd.choice((0.55, 0.8, 0.8, 0.8, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93))
            if status == "active" and joined == TERM_START:
                if team == 1:
                    (self.leads if role != "member" else self.policy).append(i)
                else:
                    self.news.append(i)
            members.append(
                (
                    i,
                    name,
                    phone,
                    f"user{i}@example.kr" if i % 3 == 0 else None,
                    district,
                    rnd.randint(1950, 2008),
                    rnd.choice(("female", "male", "unspecified")),
                    *self.stamp,
                )
            )
            enrollments.append(
                (i, i, 1, team, role, status, w.date(joined), w.date(left), reason, *self.stamp)
            )
            consented = joined - dt.timedelta(days=rnd.randint(3, 20))
            consents.append(
                (
                    i,
                    i,
                    i,
                    self.ids.notice,
                    w.date(consented),
                    "online" if rnd.random() < 0.3 else "written",
                    retention,
                    *self.stamp,
                )
            )
            grams.append((i, (name, district, phone[-4:])))
        self.put(
            "members",
            ("id", "name", "phone", "email", "district", "birth_year", "gender", *self._st()),
            members,
        )
        self.put(
            "enrollments",
            (
                "id",
                "member_id",
                "cohort_id",
                "team_id",
                "role",
                "status",
                "joined_on",
                "left_on",
                "left_reason",
                *self._st(),
            ),
            enrollments,
        )
        self.put(
            "consents",
            (
                "id",
                "member_id",
                "enrollment_id",
                "notice_id",
                "consented_on",
                "method",
                "retention_until",
                *self._st(),
            ),
            consents,
        )
        for team, chief in chiefs.items():
            self.w.execute("UPDATE teams SET leader_enrollment_id = %s WHERE id = %s", (chief, team))
        kind = int(self.kinds.MEMBER)
        for doc_id, fields in grams:
            self.postings.add(kind, doc_id, self.cache.doc(fields))
        if not self.leads:
            self.leads = self.policy[:1] or [1]
        if not self.policy:
            self.policy = self.leads
        if not self.news:
            self.news = [1]

    # ----- activities ------------------------------------------------------------------------------
    def activities(self) -> None:
        w, rnd, n = self.w, self.rnd, self.n.events
        span = (dt.date(2026, 11, 28) - LAUNCH).days
        events, kinds = [], ["training", "training", "meeting", "training", "other", "meeting"]
        counter: dict[str, int] = {}
        self.events_held: list[tuple[int, dt.date, float]] = []
        for k in range(n):
            day = LAUNCH + dt.timedelta(days=span * k // max(n - 1, 1))
            kind = "launch" if k == 0 else kinds[k % len(kinds)]
            base = rnd.choice(words.EVENT_TITLES[kind])
            counter[base] = counter.get(base, 0) + 1
            title = base if kind == "launch" or counter[base] == 1 else f"{base} {counter[base]}회"
            hours = 3.0 if kind == "launch" else rnd.choice((2.0, 2.0, 2.5, 3.0))
            start = dt.time(14) if kind in ("launch", "meeting") else dt.time(10)
            events.append(
                (
                    k + 1,
                    1,
                    kind,
                    title,
                    w.date(day),
                    w.time(start),
                    hours,
                    rnd.choice(words.EVENT_PLACES),
                    *self.stamp,
                )
            )
            self.events_held.append((k + 1, day, hours))
        self.put(
            "activity_events",
            (
                "id",
                "cohort_id",
                "kind",
                "title",
                "event_date",
                "start_time",
                "hours",
                "location",
                *self._st(),
            ),
            events,
        )
        self.next_attendance = 1

        def rows():
            st, rnd_ = self.stamp, self.rnd
            t, f = w.bool(True), w.bool(False)
            for event_id, day, hours in self.events_held:
                for e in range(1, self.n.members + 1):
                    if self.joined[e] > day or (self.left[e] is not None and self.left[e] < day):
                        continue
                    if rnd_.random() < self.keen[e]:
                        row = (self.next_attendance, event_id, e, t, hours, None, *st)
                    elif rnd_.random() < 0.25:
                        row = (self.next_attendance, event_id, e, f, 0.0, rnd_.choice(ABSENCE_NOTES), *st)
                    else:
                        continue
                    self.next_attendance += 1
                    yield row

        self.put("attendances", self._attendance_cols, rows())

    _attendance_cols = (
        "id",
        "event_id",
        "enrollment_id",
        "present",
        "hours",
        "note",
        "created_at",
        "updated_at",
        "version",
    )

    # ----- inspections -----------------------------------------------------------------------------
    def inspections(self) -> None:
        from panelapp.domain.holidays_kr import holiday_name

        w, rnd, n = self.w, self.rnd, self.n.inspections
        days, day = [], FIRST_VISIT
        while day <= TERM_END:
            if day.weekday() < 5 and not holiday_name(day):
                days.append(day)
            day += dt.timedelta(days=1)
        self.visits: list[tuple[int, int, dt.date, int]] = []  # completed: (id, facility, day, lead)
        insp_rows, event_rows, assign_rows, attend_rows, response_rows = [], [], [], [], []
        event_id, assign_id, response_id = self.n.events + 1, 1, 1
        t, f = w.bool(True), w.bool(False)
        items = self.ids.items
        for i in range(1, n + 1):
            day = days[(i - 1) * len(days) // n]
            start, end = SLOTS[i % 2]
            facility = self.active_facilities[rnd.randrange(len(self.active_facilities))]
            lead = self.leads[rnd.randrange(len(self.leads))]
            people = rnd.sample(self.policy, min(3, len(self.policy)))
            status, reason = "planned", None
            actual = (None, None)
            if day <= LAST_DAY:
                roll = rnd.random()
                if roll < 0.02:
                    status, reason = "postponed", rnd.choice(POSTPONE_REASONS)
                elif roll < 0.035:
                    status, reason = "cancelled", rnd.choice(CANCEL_REASONS)
                else:
                    status = "completed"
                    a = dt.datetime.combine(day, start, KST) + dt.timedelta(minutes=rnd.randint(-5, 10))
                    b = dt.datetime.combine(day, end, KST) + dt.timedelta(minutes=rnd.randint(-15, 10))
                    actual = (w.ts(a), w.ts(b))
            uid = f"{uuid.UUID(int=rnd.getrandbits(128), version=4)}@panelapp"
            created = w.ts(dt.datetime.combine(min(day, FIRST_VISIT), dt.time(9), KST))
            insp_rows.append(
                (
                    i,
                    uid,
                    1,
                    facility,
                    1,
                    self.ids.template_version,
                    w.date(day),
                    w.time(start),
                    w.time(end),
                    status,
                    reason,
                    *actual,
                    created,
                    created,
                    1,
                )
            )
            name = self.facilities[facility - 1][0]
            deleted = w.ts(STAMP) if status == "cancelled" else None
            event_rows.append(
                (
                    event_id,
                    1,
                    "inspection",
                    f"{name} 점검"[:200],
                    w.date(day),
                    w.time(start),
                    2.0,
                    name,
                    i,
                    deleted,
                    *self.stamp,
                )
            )
            done = status == "completed"
            for k, e in enumerate([lead, *(p for p in people if p != lead)]):
                here = (k == 0 or rnd.random() < 0.9) if done else None
                assign_rows.append(
                    (assign_id, i, e, "lead" if k == 0 else "member", w.bool(here), *self.stamp)
                )
                assign_id += 1
                if done:
                    attend_rows.append(
                        (
                            self.next_attendance,
                            event_id,
                            e,
                            t if here else f,
                            2.0 if here else 0.0,
                            None,
                            *self.stamp,
                        )
                    )
                    self.next_attendance += 1
            if done:
                self.visits.append((i, facility, day, lead))
                care = rnd.uniform(0.7, 0.95)
                for item_id, kind, required in items:
                    value = text = note = None
                    if kind == "score":
                        value = str(min(5, max(1, round(rnd.gauss(1 + 4 * care, 0.8)))))
                    elif kind == "yes_no":
                        roll = rnd.random()
                        value = "na" if roll > 0.95 and not required else ("yes" if roll < care else "no")
                    elif rnd.random() < 0.5:
                        text = rnd.choice(TEXT_ANSWERS)
                    if rnd.random() < 0.06:
                        note = rnd.choice(RESPONSE_NOTES)
                    response_rows.append((response_id, i, item_id, value, text, note, *self.stamp))
                    response_id += 1
            event_id += 1
        self.put(
            "inspections",
            (
                "id",
                "uid",
                "cohort_id",
                "facility_id",
                "team_id",
                "template_version_id",
                "scheduled_date",
                "start_time",
                "end_time",
                "status",
                "status_reason",
                "actual_start",
                "actual_end",
                *self._st(),
            ),
            insp_rows,
        )
        self.put(
            "activity_events",
            (
                "id",
                "cohort_id",
                "kind",
                "title",
                "event_date",
                "start_time",
                "hours",
                "location",
                "inspection_id",
                "deleted_at",
                *self._st(),
            ),
            event_rows,
        )
        self.put(
            "inspection_assignments",
            ("id", "inspection_id", "enrollment_id", "role", "attended", *self._st()),
            assign_rows,
        )
        self.put("attendances", self._attendance_cols, attend_rows)
        self.put(
            "checklist_responses",
            ("id", "inspection_id", "item_id", "value", "text", "note", *self._st()),
            response_rows,
        )

    # ----- findings --------------------------------------------------------------------------------
    def findings(self) -> None:
        w, rnd, n = self.w, self.rnd, self.n.findings
        visits = self.visits or [(None, self.active_facilities[0], LAST_DAY, self.leads[0])]
        n_sources = min(self.n.proposals, n)
        self.sources: list[tuple] = []  # what a proposal needs of the finding it follows
        step = n / n_sources if n_sources else 0
        next_source = 0.0
        kind = int(self.kinds.FINDING)
        admin_deleted = w.ts(dt.datetime(2026, 11, 20, tzinfo=dt.UTC))

        def rows():
            nonlocal next_source
            for i in range(1, n + 1):
                v = (i - 1) * len(visits) // n
                insp, facility, day, lead = visits[v]
                title, desc, place = words.finding_parts(rnd)
                source = n_sources and i - 1 >= next_source and len(self.sources) < n_sources
                deleted = not source and rnd.random() < 0.002
                if source:
                    next_source += step
                    same_next = i < n and i * len(visits) // n == v
                    self.sources.append((i, facility, day, lead, title, desc, same_next))
                created = w.ts(dt.datetime.combine(day, dt.time(17), KST))
                yield (
                    i,
                    insp,
                    facility,
                    "".join(title),
                    rnd.choice(CATEGORIES),
                    rnd.choice(SEVERITIES),
                    place,
                    "".join(desc),
                    w.date(day),
                    admin_deleted if deleted else None,
                    self.ids.admin if deleted else None,
                    created,
                    created,
                    1,
                )
                if not deleted:
                    self.postings.add(kind, i, self.cache.doc((title, desc, place)))

        self.put(
            "findings",
            (
                "id",
                "inspection_id",
                "facility_id",
                "title",
                "category",
                "severity",
                "location",
                "description",
                "observed_on",
                "deleted_at",
                "deleted_by_id",
                *self._st(),
            ),
            rows(),
        )

    # ----- proposals -------------------------------------------------------------------------------
    def proposals(self) -> None:
        from panelapp.domain import duplicates
        from panelapp.domain.proposal_rules import default_due

        w, rnd = self.w, self.rnd
        kind = int(self.kinds.PROPOSAL)
        proposals, events, checks = [], [], []
        event_id = 1
        self.proposal_facility: list[int] = []
        self.duplicate_of: dict[int, int] = {}  # a duplicate's feedback goes to its original too
        # 확인할 개선사항 (0018): a completed proposal is checked at the facility's next completed
        # visit after its 완료일; 미흡 moves it back to 추진중, as results/verifications.py does.
        visits_at: dict[int, list[tuple[dt.date, int, int]]] = {}
        for insp, fac, vday, vlead in self.visits:
            visits_at.setdefault(fac, []).append((vday, insp, vlead))
        for days in visits_at.values():
            days.sort()
        originals: dict[int, tuple[int, str]] = {}  # facility → (a live proposal, its title), no duplicate
        linked: dict[int, list[int]] = {}  # proposal → its findings
        statuses: list[str] = []  # by proposal id - 1
        for pid, (fid, facility, day, lead, ftitle, fdesc, same_next) in enumerate(self.sources, 1):
            title, problem, proposal, effect = words.proposal_parts(rnd, ftitle, fdesc)
            submitted = min(day + dt.timedelta(days=rnd.randint(1, 14)), LAST_DAY)
            steps = _path(rnd, (LAST_DAY - submitted).days)
            answer = answered = decline = completed = None
            at = _office_time(rnd, submitted)
            events.append(
                (
                    event_id,
                    pid,
                    w.ts(at),
                    self.ids.admin,
                    None,
                    "submitted",
                    words.SUBMIT_NOTES[0],
                    None,
                    None,
                )
            )
            event_id += 1
            status = "submitted"
            for to, after in steps:
                step_day = min(submitted + dt.timedelta(days=after), LAST_DAY)
                note = words.STEP_NOTES.get(to)
                if to in ("accepted", "partial", "declined"):
                    answer, answered = rnd.choice(words.ANSWERS), step_day
                    if to == "declined":
                        decline = rnd.choice(words.DECLINE_REASONS)
                        answer = decline
                        note = f"불채택 사유: {decline}"
                    else:
                        note = f"부서 답변: {answer}"
                if to == "done":
                    completed = step_day
                at = _office_time(rnd, step_day, at)
                events.append((event_id, pid, w.ts(at), rnd.choice(self.users), status, to, note, None, None))
                event_id += 1
                status = to
            if status == "done" and completed is not None:
                later = [v for v in visits_at.get(facility, ()) if v[0] > completed]
                if later and rnd.random() < 0.8:
                    vday, insp, _lead = later[0]
                    ok = rnd.random() < 0.85
                    text = None if ok else rnd.choice(VERIFY_NOTES)
                    who, at = rnd.choice(self.users), max(at, _office_time(rnd, vday))
                    outcome = "confirmed" if ok else "insufficient"
                    checks.append(
                        (len(checks) + 1, insp, pid, outcome, text, w.ts(at), w.ts(at), who, w.date(vday))
                    )
                    visit = f"{vday:%Y-%m-%d} {self.facilities[facility - 1][0]} 점검"
                    note = f"현장 확인: {'개선 확인' if ok else '미흡'} ({visit})" + (
                        f"\n{text}" if text else ""
                    )
                    to = "done" if ok else "in_progress"
                    if not ok:
                        note += "\n다시 추진중으로 돌립니다."
                        completed = None
                    events.append((event_id, pid, w.ts(at), who, "done", to, note, w.date(vday), None))
                    event_id += 1
                    status = to
            deleted = rnd.random() < 0.001
            # 중복으로 표시 (0020): now and then a proposal repeats an earlier one of its facility
            original = originals.get(facility)
            duplicate_of = moves = None
            moved = [fid] + ([fid + 1] if same_next and rnd.random() < 0.25 else [])
            if original is not None and not deleted and rnd.random() < 0.01:
                duplicate_of, held = original[0], linked[original[0]]
                added = [f for f in moved if f not in held]
                held += added
                moves = json.dumps({"findings": moved, "added": added, "feedback": []})
                at = _office_time(rnd, min(submitted + dt.timedelta(days=rnd.randint(1, 7)), LAST_DAY), at)
                summary = f"발견사항 {len(added)}건, 좋아요·아쉬워요 0건"
                who, theirs = rnd.choice(self.users), statuses[duplicate_of - 1]
                marked = f"#{duplicate_of} '{original[1]}'의 중복으로 표시: {summary}을 원본으로 옮김"
                merged = f"중복 제안 #{pid} '{''.join(title)}'의 {summary}을 넘겨받음"
                events.append((event_id, pid, w.ts(at), who, status, status, marked, None, duplicates.MARKED))
                events.append(
                    (
                        event_id + 1,
                        duplicate_of,
                        w.ts(at),
                        who,
                        theirs,
                        theirs,
                        merged,
                        None,
                        duplicates.MERGED,
                    )
                )
                event_id += 2
            else:
                linked[pid] = list(moved)
                if not deleted:
                    originals.setdefault(facility, (pid, "".join(title)))
            created = w.ts(_office_time(rnd, submitted))
            proposals.append(
                (
                    pid,
                    1,
                    facility,
                    self.facility_dept[facility - 1],
                    lead if rnd.random() < 0.6 else None,
                    "".join(title),
                    "".join(problem),
                    "".join(proposal),
                    effect,
                    status,
                    w.date(submitted),
                    w.date(default_due(submitted)),
                    answer,
                    w.date(answered),
                    decline,
                    w.date(completed),
                    w.ts(STAMP) if deleted else None,
                    self.ids.admin if deleted else None,
                    created,
                    created,
                    1,
                    duplicate_of,
                    moves,
                )
            )
            if duplicate_of is not None:
                self.duplicate_of[pid] = duplicate_of
            self.proposal_facility.append(facility)
            statuses.append(status)
            if not deleted:
                self.postings.add(kind, pid, self.cache.doc((title, problem, proposal, answer)))
        self.put(
            "proposals",
            (
                "id",
                "cohort_id",
                "facility_id",
                "department_id",
                "proposer_enrollment_id",
                "title",
                "problem",
                "proposal",
                "expected_effect",
                "status",
                "submitted_on",
                "due_on",
                "answer",
                "answered_on",
                "decline_reason",
                "completed_on",
                "deleted_at",
                "deleted_by_id",
                *self._st(),
                "duplicate_of_id",
                "duplicate_moves",
            ),
            proposals,
        )
        self.put(
            "proposal_events",
            ("id", "proposal_id", "at", "user_id", "from_status", "to_status", "note", "happened_on", "kind"),
            events,
        )
        self.put(
            "proposal_findings",
            ("proposal_id", "finding_id"),
            [(pid, f) for pid, found in linked.items() for f in found],
        )
        self.put(
            "proposal_verifications",
            (
                "id",
                "inspection_id",
                "proposal_id",
                "outcome",
                "note",
                "updated_at",
                "recorded_at",
                "recorded_by_id",
                "visited_on",
            ),
            checks,
        )
        self.answer_templates()

    def answer_templates(self) -> None:
        """답변 템플릿 (0019): a few per department and finding category, some for every department."""
        w, rnd, rows = self.w, self.rnd, []
        owners = [None, *self.dept_ids.values()]
        for dept in owners:
            for category in [None, *CATEGORIES]:
                if dept is not None and rnd.random() < 0.4:
                    continue
                for k in range(rnd.randint(1, 3)):
                    body = rnd.choice(words.ANSWERS)
                    title = f"{category or '공통'} 답변 {k + 1}"
                    deleted = rnd.random() < 0.03
                    rows.append(
                        (
                            len(rows) + 1,
                            dept,
                            category,
                            title,
                            body,
                            w.ts(STAMP) if deleted else None,
                            self.ids.admin if deleted else None,
                            *self.stamp,
                        )
                    )
        self.put(
            "answer_templates",
            ("id", "department_id", "category", "title", "text", "deleted_at", "deleted_by_id", *self._st()),
            rows,
        )

    # ----- feedback and content ----------------------------------------------------------------------
    def feedback_and_posts(self) -> None:
        from panelapp.services.demo import proposal_data as pd

        w, rnd = self.w, self.rnd
        kind = int(self.kinds.FEEDBACK)
        first, span = dt.date(2026, 3, 5), (LAST_DAY - dt.date(2026, 3, 5)).days
        rows = []
        n_proposals = len(self.sources)
        for i in range(1, self.n.feedback + 1):
            facility = self.active_facilities[rnd.randrange(len(self.active_facilities))]
            like = rnd.random() < 0.4
            text = (self.facilities[facility - 1][0], " ", rnd.choice(pd.LIKES if like else pd.DISLIKES))
            received = first + dt.timedelta(days=rnd.randrange(span + 1))
            handled = received < LAST_DAY - dt.timedelta(days=7) and rnd.random() < 0.75
            answer = answered = None
            if handled:
                answer = rnd.choice(pd.LIKE_ANSWERS if like else pd.DISLIKE_ANSWERS)
                answered = min(received + dt.timedelta(days=rnd.randint(0, 10)), LAST_DAY)
            proposal = (
                rnd.randint(1, n_proposals) if n_proposals and not like and rnd.random() < 0.05 else None
            )
            proposal = self.duplicate_of.get(proposal, proposal) if proposal else None
            deleted = rnd.random() < 0.002
            rows.append(
                (
                    i,
                    facility,
                    1,
                    "like" if like else "dislike",
                    rnd.choice(FEEDBACK_SOURCES),
                    w.date(received),
                    "".join(text),
                    w.bool(handled),
                    answer,
                    w.date(answered),
                    proposal,
                    w.ts(STAMP) if deleted else None,
                    self.ids.admin if deleted else None,
                    *self.stamp,
                )
            )
            if not deleted:
                self.postings.add(kind, i, self.cache.doc((text,)))
        self.put(
            "feedback",
            (
                "id",
                "facility_id",
                "cohort_id",
                "kind",
                "source",
                "received_on",
                "text",
                "handled",
                "answer",
                "answered_on",
                "proposal_id",
                "deleted_at",
                "deleted_by_id",
                *self._st(),
            ),
            rows,
        )
        posts = []
        first, span = dt.date(2026, 4, 10), (LAST_DAY - dt.date(2026, 4, 10)).days
        for i in range(1, self.n.posts + 1):
            pattern, channel = pd.POSTS[i % len(pd.POSTS)]
            facility = self.active_facilities[rnd.randrange(len(self.active_facilities))]
            url = pd.CHANNEL_URLS[channel]
            posts.append(
                (
                    i,
                    self.news[rnd.randrange(len(self.news))],
                    channel,
                    pattern.format(facility=self.facilities[facility - 1][0])[:200],
                    url.format(n=1000 + i) if url else None,
                    w.date(first + dt.timedelta(days=rnd.randrange(span + 1))),
                    rnd.randint(40, 2500),
                    facility,
                    2.0 if channel == "youtube" else 1.0,
                    *self.stamp,
                )
            )
        self.put(
            "content_posts",
            (
                "id",
                "enrollment_id",
                "channel",
                "title",
                "url",
                "published_on",
                "views",
                "facility_id",
                "hours",
                *self._st(),
            ),
            posts,
        )

    # ----- search index ----------------------------------------------------------------------------
    def search_index(self) -> None:
        kind = int(self.kinds.FACILITY)
        for i, (name, addr) in enumerate(self.facilities, 1):
            self.postings.add(kind, i, self.cache.doc((name, addr)))
        self.counts["search_grams"] = self.w.postings(self.postings.groups())
        self.postings = Postings()  # free the memory


def _office_time(rnd: random.Random, day: dt.date, after: dt.datetime | None = None) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(rnd.randint(9, 17), rnd.choice((0, 10, 20, 30, 40, 50))), KST)
    if after is not None and local <= after:
        local = after + dt.timedelta(minutes=rnd.choice((20, 40, 60, 90)))
    return local.astimezone(dt.UTC)


def _path(rnd: random.Random, age: int) -> list[tuple[str, int]]:
    """(status, days after 접수) of the steps after 접수 of a proposal submitted `age` days ago."""
    roll = rnd.random()
    if age < 3:
        return [] if roll < 0.7 else [("reviewing", min(1, age))]
    answer_days = min(age, rnd.randint(1, 25))
    review = [("reviewing", min(1, answer_days))]
    if age < 20:
        if roll < 0.4:
            return review
        decision = "accepted" if roll < 0.65 else ("partial" if roll < 0.72 else "declined")
        steps = review + [(decision, answer_days)]
        if roll < 0.55 and answer_days + 3 <= age:
            steps.append(("in_progress", answer_days + 3))
        return steps
    if roll < 0.03:
        return []  # still waiting: overdue
    if roll < 0.10:
        return review
    decision = "declined" if roll > 0.88 else ("partial" if roll > 0.80 else "accepted")
    steps = review + [(decision, answer_days)]
    if decision == "declined" or roll > 0.72:
        return steps
    steps.append(("in_progress", min(age, answer_days + 3)))
    if roll < 0.57:
        steps.append(("done", min(age, answer_days + 3 + rnd.randint(3, 60))))
    return steps


TEXT_ANSWERS = ["특이사항 없음", "전반적으로 양호함", "주말 이용객이 많아 혼잡함", "안내 직원이 친절했음"]
VERIFY_NOTES = ["안전 손잡이가 아직 설치되지 않음", "안내 표지가 일부만 교체됨", "보수한 곳이 다시 파손됨"]
RESPONSE_NOTES = ["관리자와 함께 확인함", "지난 점검 때보다 나아짐", "일부 구역만 해당", "사진 촬영함"]


def generate(
    writer: Writer, ids: _Ids, sizes: Sizes, progress=print
) -> tuple[dict[str, int], dict[str, float]]:
    gen = _Gen(writer, ids, sizes, progress)
    gen.run()
    t = time.perf_counter()
    writer.finish(ID_TABLES)
    gen.phases["commit"] = round(time.perf_counter() - t, 1)
    return gen.counts, gen.phases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scale.data", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--tiny", action="store_true", help="200 members, 1,000 findings (for tests)")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    built = ensure(Sizes.tiny() if args.tiny else Sizes(), args.backend, rebuild=args.rebuild)
    print(json.dumps(asdict(built), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
