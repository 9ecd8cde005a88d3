"""no duplicates: one live person per phone; stored text NFC-normalised

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20 10:00:00

Two imports of one file at the same moment enrolled thousands of people twice (each import
made its own person for a phone the other was making), and the same file into two cohorts at
once made duplicate people. A partial unique index now allows one live person (deleted_at IS
NULL) per phone; enrolments were already unique per (cohort, member), trashed or not (a trashed
enrolment is restored, never made again), so that constraint stays as it is.

Text typed on macOS arrives NFD-decomposed (ㅎ+ㅏ+ㄴ for 한), and such names were stored as
typed: search and look-alike checks missed them. Every stored text column listed below is
rewritten in NFC (file paths, links, hashes and codes are left alone).

Both steps look first and change nothing when the database holds what they cannot resolve:
live people sharing a phone, or values of a unique column that become equal in NFC. The
upgrade is then refused with a sentence naming them (the schema transaction of
panelapp.db.migrate rolls everything back: the database stays at 0007, unchanged).
"""

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from panelapp.domain.failures import DatabaseUnusable, Unusable

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
PHONE_INDEX = "uq_members_phone_live"
SHOWN = 10  # duplicate groups named in the sentence; the rest are counted

# Text a person typed (names, titles, notes...), by table. Frozen here: the migration must do
# the same thing whatever the models later become.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("name",),
    "organizations": ("name", "address"),
    "departments": ("name", "contact_person"),
    "cohorts": ("name", "notes"),
    "teams": ("name", "description"),
    "members": ("name", "email", "district", "notes"),
    "enrollments": ("left_reason",),
    "consent_notices": ("version", "title", "purpose", "items", "retention", "refusal", "body"),
    "access_logs": ("purpose", "detail"),
    "facility_types": ("name",),
    "facilities": ("name", "address", "contact", "notes"),
    "checklist_templates": ("name", "description"),
    "checklist_template_versions": ("note",),
    "checklist_sections": ("title",),
    "checklist_items": ("text", "help"),
    "activity_events": ("title", "location", "notes"),
    "attendances": ("note",),
    "content_posts": ("title",),
    "inspections": ("status_reason", "notes"),
    "checklist_responses": ("text", "note"),
    "findings": ("title", "location", "description"),
    "attachments": ("original_name", "caption"),
    "proposals": (
        "title",
        "problem",
        "proposal",
        "expected_effect",
        "answer",
        "decline_reason",
        "result_text",
    ),
    "proposal_events": ("note",),
    "feedback": ("text", "answer"),
    "report_records": ("cohort_label",),
}
# Columns with a unique constraint among them: two values equal in NFC would collide.
UNIQUE_TEXT = (
    ("users", "name", "사용자 이름"),
    ("facility_types", "name", "시설 유형 이름"),
    ("consent_notices", "version", "동의서 버전"),
)
_BATCH = 2000


def upgrade() -> None:
    bind = op.get_bind()
    people, names = duplicate_people(bind), nfc_collisions(bind)
    if people or names:
        raise DatabaseUnusable(refusal(bind, people, names), Unusable.MIGRATION, _sqlite_path(bind))
    normalise_text(bind)
    op.create_index(
        PHONE_INDEX,
        "members",
        ["phone"],
        unique=True,
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )


def downgrade() -> None:
    op.drop_index(PHONE_INDEX, table_name="members")  # the NFC text stays: it is the same text


# ----- what would stop the upgrade ------------------------------------------------------
def _mask_name(name: str) -> str:
    name = unicodedata.normalize("NFC", (name or "").strip())
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _mask_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    national = "0" + digits[2:] if phone.startswith("+82") else digits
    return f"{national[:3]}-****-{national[-4:]}" if len(national) >= 10 else "****" + national[-4:]


def duplicate_people(bind: sa.Connection) -> list[str]:
    """One line per phone shared by live people: the phone (masked), each person's number,
    masked name and the cohorts they are enrolled in."""
    groups = (
        bind.execute(
            sa.text(
                "SELECT phone FROM members WHERE deleted_at IS NULL GROUP BY phone HAVING COUNT(*) > 1 "
                "ORDER BY phone"
            )
        )
        .scalars()
        .all()
    )
    lines = []
    for phone in groups[:SHOWN]:
        people = bind.execute(
            sa.text("SELECT id, name FROM members WHERE phone = :p AND deleted_at IS NULL ORDER BY id"),
            {"p": phone},
        ).all()
        described = []
        for member_id, name in people:
            numbers = (
                bind.execute(
                    sa.text(
                        "SELECT DISTINCT c.number FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id "
                        "WHERE e.member_id = :m ORDER BY c.number"
                    ),
                    {"m": member_id},
                )
                .scalars()
                .all()
            )
            where = ", ".join(f"제{n}기" for n in numbers) or "등록된 기수 없음"
            described.append(f"단원 번호 {member_id} {_mask_name(name)}({where})")
        lines.append(f"휴대전화 {_mask_phone(phone)}: " + ", ".join(described))
    if len(groups) > SHOWN:
        lines.append(f"이 밖에 같은 번호를 쓰는 사람이 {len(groups) - SHOWN}건 더 있습니다")
    return lines


def nfc_collisions(bind: sa.Connection) -> list[str]:
    """Values of a unique text column that differ only in their Unicode form."""
    lines = []
    for table, column, label in UNIQUE_TEXT:
        by_form: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row_id, value in bind.execute(sa.text(f"SELECT id, {column} FROM {table} ORDER BY id")):
            if value is not None:
                by_form[unicodedata.normalize("NFC", value)].append((row_id, value))
        for nfc, rows in by_form.items():
            if len(rows) > 1:
                ids = ", ".join(str(i) for i, _v in rows)
                lines.append(f"{label} '{nfc}': 글자의 모양만 다르게 {len(rows)}번 있습니다(번호 {ids})")
    return lines


def refusal(bind: sa.Connection, people: list[str], names: list[str]) -> str:
    advice = []
    if people:
        advice.append(
            "서로 다른 사람이면 이전 버전의 프로그램에서 잘못 적힌 번호를 고친 뒤 이 버전을 다시 "
            "실행하세요. 같은 사람이 두 번 기록된 것(두 곳에서 동시에 명단을 불러온 경우)이면 자동으로 "
            "합치지 않으니, 이 데이터베이스를 그대로 둔 채 프로그램 관리자에게 알려 주세요."
        )
    if names:
        advice.append("겹치는 이름은 이전 버전의 프로그램에서 한쪽을 바꾼 뒤 이 버전을 다시 실행하세요.")
    return (
        f"'{_display(bind)}'의 형식을 올리지 않았습니다. 중복된 자료가 있습니다 - "
        + "; ".join(people + names)
        + ". 데이터베이스는 바뀌지 않았습니다. "
        + " ".join(advice)
    )


def _display(bind: sa.Connection) -> str:
    url = bind.engine.url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def _sqlite_path(bind: sa.Connection) -> Path | None:
    url = bind.engine.url
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


# ----- NFC ------------------------------------------------------------------------------
def normalise_text(bind: sa.Connection) -> int:
    """Rewrite every listed text value that is not NFC; returns how many rows changed. Rows are
    read in id order by keyset (never the whole table at once) and only changed rows written;
    version and updated_at stay as they are (the same text, not a user's edit)."""
    changed = 0
    present = set(sa.inspect(bind).get_table_names())
    for table, columns in TEXT_COLUMNS.items():
        if table not in present:
            continue
        cols = ", ".join(columns)
        sets = ", ".join(f"{c} = :{c}" for c in columns)
        update = sa.text(f"UPDATE {table} SET {sets} WHERE id = :id")
        last = 0
        while True:
            rows = bind.execute(
                sa.text(f"SELECT id, {cols} FROM {table} WHERE id > :last ORDER BY id LIMIT {_BATCH}"),
                {"last": last},
            ).all()
            if not rows:
                break
            last = rows[-1][0]
            updates = []
            for row in rows:
                values = dict(zip(columns, row[1:]))
                nfc = {
                    c: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for c, v in values.items()
                }
                if nfc != values:
                    updates.append({"id": row[0], **nfc})
            if updates:
                bind.execute(update, updates)
                changed += len(updates)
    return changed
