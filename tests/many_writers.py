"""Several processes writing one database at once (issue 11 item 8), driven by
tests/test_many_writers.py: not collected by itself (its name does not start with test_).

    python tests/many_writers.py setup DB                      the schema, two cohorts, 12 people
    python tests/many_writers.py work DB OUT SECONDS SEED N    one writer, until SECONDS are up

A writer does, at random, what coordinators on several desktops do to one roster: import a small
file of people (drawn from a pool of 40 numbers shared by every writer, into cohort 7 or 8),
enrol one person by hand, and edit a person's note (read, then save with the version read, as a
dialog does). What the database refuses is a sentence (DomainError: already enrolled, edited by
someone else first, busy) and counted; anything else is a failure, its traceback written to OUT.
Each note edit appends a token "N-k" to the note it read; OUT lists the tokens whose save
succeeded, so the parent can prove no successful save was lost.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POOL = 40  # phone numbers shared by every writer: imports and enrolments collide on purpose
SEEDED = 12  # of them enrolled in cohort 7 before the writers start (the notes edited)
SYLLABLES = "가나다라마바사아자차카타파하"


def name_of(i: int) -> str:
    """The pool's person i: the same name with the same number in every writer."""
    n = len(SYLLABLES)
    return "한" + SYLLABLES[i % n] + SYLLABLES[i // n % n]


def phone_of(i: int) -> str:
    return f"010-5{i:03d}-{7000 + i:04d}"


def _settings(db: str):
    from panelapp.paths import config_dir
    from panelapp.settings import Settings

    return Settings(config_dir() / "settings.json")  # PANELAPP_HOME: the test's folder


def setup(db: str) -> None:
    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(db, _settings(db))
    seven = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    create_cohort(ctx, CohortInput(8, "제8기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    for i in range(SEEDED):
        enroll_member(
            ctx,
            seven.id,
            MemberInput(name_of(i), phone_of(i), joined_on=dt.date(2026, 3, 2), notes=""),
            ConsentInput("2026-1", dt.date(2026, 3, 1), agreed=True),
        )
    ctx.db.dispose()


def work(db: str, out: str, seconds: float, seed: int, worker: int) -> None:
    from sqlalchemy import select

    from panelapp.db.models import Cohort, Enrollment
    from panelapp.domain.errors import DomainError
    from panelapp.services.context import reading
    from panelapp.services.locks import on_lock_wait
    from panelapp.services.people.members import (
        ConsentInput,
        MemberInput,
        enroll_member,
        get_member,
        update_member,
    )
    from panelapp.services.roster_io.importing import commit_import, preview_import
    from panelapp.services.system.bootstrap import open_app

    rng = random.Random(seed)
    result: dict = {
        "worker": worker,
        "ops": {},
        "refused": {},
        "saved_tokens": [],
        "failures": [],
        "waits": 0,
    }
    on_lock_wait(lambda waiting: result.__setitem__("waits", result["waits"] + int(waiting)))
    ctx = open_app(db, _settings(db), migrate=False)
    with reading(ctx) as s:
        cohorts = dict(s.execute(select(Cohort.number, Cohort.id)).all())
    folder = Path(out).parent
    deadline = time.monotonic() + seconds
    k = 0
    while time.monotonic() < deadline:
        k += 1
        op = rng.choice(("import", "import", "enrol", "edit", "edit", "edit"))
        result["ops"][op] = result["ops"].get(op, 0) + 1
        try:
            if op == "import":
                cohort_id = cohorts[rng.choice((7, 8))]
                picks = rng.sample(range(POOL), 4)
                path = folder / f"roster-{worker}-{k}.csv"
                lines = ["이름,휴대전화,소속,역할,개인정보동의일"]
                lines += [f"{name_of(i)},{phone_of(i)},,,2026-03-02" for i in picks]
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                preview = preview_import(ctx, cohort_id, path)
                if preview.can_import:
                    commit_import(ctx, cohort_id, preview)
                else:
                    result["refused"]["preview"] = result["refused"].get("preview", 0) + 1
                path.unlink()
            elif op == "enrol":
                i = rng.randrange(POOL)
                enroll_member(
                    ctx,
                    cohorts[rng.choice((7, 8))],
                    MemberInput(name_of(i), phone_of(i), joined_on=dt.date(2026, 3, 2)),
                    ConsentInput("2026-1", dt.date(2026, 3, 1), agreed=True),
                )
            else:
                with reading(ctx) as s:
                    ids = s.scalars(
                        select(Enrollment.id)
                        .where(Enrollment.cohort_id == cohorts[7])
                        .order_by(Enrollment.id)
                    ).all()
                detail = get_member(ctx, rng.choice(ids[:SEEDED]))
                token = f"{worker}-{k}"
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
        except Exception:  # noqa: BLE001 - every other exception is what this test looks for
            result["failures"].append(f"{op}: {traceback.format_exc()}")
    ctx.db.dispose()
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2])
    else:
        work(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
