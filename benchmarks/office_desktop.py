"""One desktop of the office benchmark (benchmarks/bench_office.py; issue 13 item 8).

    python benchmarks/office_desktop.py setup URL                  the demo in an empty database
    python benchmarks/office_desktop.py work URL OUT SECONDS SEED N  one desktop, until SECONDS are up

A desktop does, at random, what a coordinator does through the day on a shared database: edit a
member's note (read, then save with the version read, as the member form does), import a small
roster file (people drawn from a pool that every desktop shares, so imports collide), add a
photo to a finding, and read the roster and the proposals list. Beside that it listens for the
other desktops' change notices exactly as the window does (services/live.PgFeed's LISTEN on a
connection of its own) and records, for every notice from another desktop, how long it took
from that desktop's commit to this one hearing it.

What the database refuses (edited by someone else first, already enrolled) is a sentence and is
counted; anything else is a failure, its traceback written to OUT. After the time is up the
desktop reads every photo of the database back through the app's own path (a photo this desktop
never saw is fetched from the database into its cache) and checks its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import sys
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POOL = 40  # people shared by every desktop's imports: they collide on purpose
ANCHOR = dt.date(2026, 11, 20)  # the suite's demo day


def name_of(i: int) -> str:
    syllables = "가나다라마바사아자차카타파하"
    return "오" + syllables[i % 14] + syllables[i // 14 % 14]


def phone_of(i: int) -> str:
    return f"010-6{i:03d}-{8000 + i:04d}"


def _open(url: str):
    from panelapp.services.system.bootstrap import open_app

    return open_app(url, migrate=False)


def setup(url: str) -> None:
    from panelapp.db.engine import open_database
    from panelapp.db.migrate import upgrade_to_head
    from panelapp.services.context import ServiceContext
    from panelapp.services.demo.build import load_demo
    from panelapp.services.system.bootstrap import ensure_user, sync_consent_notices

    db = open_database(url)
    upgrade_to_head(db)
    ctx = ServiceContext(db=db)
    sync_consent_notices(ctx)
    ensure_user(ctx, "관리자")
    load_demo(ctx, anchor=ANCHOR)
    db.dispose()


def _photo(rng: random.Random, label: str) -> bytes:
    """A small JPEG, different every time (its colour and label)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 240), tuple(rng.randrange(256) for _ in range(3)))
    ImageDraw.Draw(image).text((10, 10), label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


class Listener(threading.Thread):
    """The window's live feed: LISTEN on a connection of its own, waiting as gui/core/live.py
    does; records (sender, delay) for each notice of another desktop."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        from panelapp.db.engine import open_database
        from panelapp.services.live import PgFeed

        self.db = open_database(url)
        self.feed = PgFeed(self.db)
        self.delays: list[float] = []
        self.senders: dict[str, int] = {}
        self.stop = threading.Event()
        self.errors: list[str] = []

    def run(self) -> None:
        from panelapp.services.live import ORIGIN, decode

        conn = self.feed._conn  # the feed's own connection: the payload carries the send time
        while not self.stop.is_set():
            try:
                for notice in conn.notifies(timeout=0.5, stop_after=1):
                    heard = time.time()
                    decoded = decode(notice.payload)
                    if decoded is None or decoded[0] == ORIGIN:
                        continue
                    origin, sent, _changes = decoded
                    self.delays.append(heard - sent)
                    self.senders[origin] = self.senders.get(origin, 0) + 1
            except Exception:  # noqa: BLE001 - reported, the benchmark fails on it
                self.errors.append(traceback.format_exc())
                return

    def close(self) -> None:
        self.stop.set()
        self.join(timeout=5)
        self.feed.close()
        self.db.dispose()


def work(url: str, out: str, seconds: float, seed: int, worker: int) -> None:
    from sqlalchemy import select

    from panelapp.db.models import Cohort, Enrollment, Finding
    from panelapp.domain.errors import DomainError
    from panelapp.services.attachments.photos import add_photo
    from panelapp.services.context import reading
    from panelapp.services.live import ORIGIN
    from panelapp.services.people.members import MemberInput, get_member, update_member
    from panelapp.services.people.roster import RosterQuery, roster_ids, roster_rows
    from panelapp.services.proposals.listing import proposal_ids, proposal_rows
    from panelapp.services.proposals.queries import ProposalQuery
    from panelapp.services.roster_io.importing import commit_import, preview_import

    rng = random.Random(seed)
    result: dict = {
        "worker": worker,
        "origin": ORIGIN,
        "ops": {},
        "refused": {},
        "saved_tokens": [],
        "photos": [],
        "failures": [],
        "op_seconds": {},
    }
    ctx = _open(url)
    with reading(ctx) as s:
        cohort = s.scalar(select(Cohort.id).where(Cohort.number == 7))
        members = s.scalars(
            select(Enrollment.id).where(Enrollment.cohort_id == cohort).order_by(Enrollment.id).limit(60)
        ).all()
        findings = s.scalars(
            select(Finding.id).where(Finding.deleted_at.is_(None)).order_by(Finding.id)
        ).all()
    listener = Listener(url)
    listener.start()
    folder = Path(out).parent
    deadline = time.monotonic() + seconds
    k = 0
    while time.monotonic() < deadline:
        k += 1
        op = rng.choice(("edit", "edit", "edit", "import", "photo", "read", "read"))
        result["ops"][op] = result["ops"].get(op, 0) + 1
        started = time.perf_counter()
        try:
            if op == "import":
                picks = rng.sample(range(POOL), 3)
                path = folder / f"roster-{worker}-{k}.csv"
                lines = ["이름,휴대전화,소속,역할,개인정보동의일"]
                lines += [f"{name_of(i)},{phone_of(i)},,,2026-03-02" for i in picks]
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                preview = preview_import(ctx, cohort, path)
                if preview.can_import:
                    commit_import(ctx, cohort, preview)
                else:
                    result["refused"]["preview"] = result["refused"].get("preview", 0) + 1
                path.unlink()
            elif op == "photo":
                data = _photo(rng, f"desk {worker} #{k}")
                path = folder / f"photo-{worker}-{k}.jpg"
                path.write_bytes(data)
                info = add_photo(ctx, "finding", rng.choice(findings), path)
                result["photos"].append([info.id, hashlib.sha256(data).hexdigest()])
                path.unlink()
            elif op == "read":
                ids = roster_ids(ctx, RosterQuery(cohort))
                roster_rows(ctx, ids[:100])
                pids = proposal_ids(ctx, ProposalQuery(cohort_id=cohort))
                proposal_rows(ctx, pids[:100])
            else:
                detail = get_member(ctx, rng.choice(members))
                token = f"{worker}-{k}"
                # every token stays in the note (the proof that no saved edit was lost); ten
                # minutes of five desktops over the cohort's members stay under the 2,000 limit
                notes = ((detail.notes or "") + " " + token).strip()
                time.sleep(rng.random() * 0.05)  # the user typing: another may save meanwhile
                update_member(
                    ctx,
                    detail.enrollment_id,
                    MemberInput(
                        detail.name,
                        detail.phone_e164,
                        email=detail.email,
                        district=detail.district,
                        birth_year=detail.birth_year,
                        gender=detail.gender,
                        team_id=detail.team_id,
                        role=detail.role,
                        joined_on=detail.joined_on,
                        notes=notes,
                    ),
                    detail.version,
                    detail.member_version,
                )
                result["saved_tokens"].append([detail.member_id, token])
        except DomainError as exc:
            kind = type(exc).__name__
            result["refused"][kind] = result["refused"].get(kind, 0) + 1
            if not exc.message.strip():
                result["failures"].append(f"{op}: {kind} without a sentence")
        except Exception:  # noqa: BLE001 - every other exception is what this benchmark looks for
            result["failures"].append(f"{op}: {traceback.format_exc()}")
        result["op_seconds"].setdefault(op, []).append(round(time.perf_counter() - started, 4))
        time.sleep(rng.random() * 0.2)  # a person between two actions
    time.sleep(3.0)  # the last notices of the others arrive
    listener.close()
    result["delays"] = listener.delays
    result["senders"] = listener.senders
    result["failures"] += [f"listener: {e}" for e in listener.errors]
    ctx.db.dispose()
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def read_all_photos(url: str, out: str) -> None:
    """Every photo of the database, read through this desktop's path (its cache filled from
    the database where it never saw the photo): (id, sha256 of the bytes read, or None)."""
    from sqlalchemy import select

    from panelapp.db.models import Attachment
    from panelapp.services.attachments.store import attachment_path
    from panelapp.services.context import reading

    ctx = _open(url)
    seen = []
    with reading(ctx) as s:
        rows = s.execute(select(Attachment.id, Attachment.sha256)).all()
    for attachment_id, sha in rows:
        path = attachment_path(ctx.db, sha)
        got = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        seen.append([attachment_id, sha, got])
    ctx.db.dispose()
    Path(out).write_text(json.dumps(seen), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2])
    elif sys.argv[1] == "photos":
        read_all_photos(sys.argv[2], sys.argv[3])
    else:
        work(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
