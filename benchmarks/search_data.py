"""A million findings with realistic Korean text, and their search postings, for bench_search.

Text comes from word lists (places, objects, problems, remarks) with a seeded generator, so
common words ("조명", "화장실", "계단 난간", "미끄럼") occur in a few percent of findings and
RARE occurs in exactly RARE_COUNT of them. Rows and postings are bulk-inserted with the
driver's executemany; postings go to an unindexed staging table first and are then copied
in key order, which is how a B-tree is filled fastest.
"""

from __future__ import annotations

import random
import sqlite3

from panelapp.domain.search_text import grams

PLACES = [
    "1층 로비",
    "2층 복도",
    "지하 주차장",
    "정문 출입구",
    "후문",
    "엘리베이터 앞",
    "계단실",
    "화장실",
    "장애인 화장실",
    "수유실",
    "체력단련실",
    "수영장 입구",
    "샤워실",
    "탈의실",
    "매표소",
    "야외 산책로",
    "어린이 놀이터",
    "민원실",
    "휴게실",
    "강당",
    "옥상 정원",
    "3층 열람실",
    "지하 보일러실",
    "주출입구 경사로",
]
OBJECTS = [
    "바닥",
    "계단 난간",
    "조명",
    "안내판",
    "점자블록",
    "출입문",
    "손잡이",
    "배수구",
    "의자",
    "벽면",
    "천장",
    "경사로",
    "비상구 표시등",
    "소화기",
    "CCTV",
    "자동문",
    "세면대",
    "핸드레일",
    "보도블록",
    "쓰레기통",
    "음수대",
    "에어컨",
    "방향 표지",
    "휠체어 충전기",
    "미끄럼틀",
    "벤치",
    "화단 경계석",
]
PROBLEMS = [
    "파손",
    "미끄럼 위험",
    "고장",
    "훼손",
    "누수",
    "오염",
    "흔들림",
    "불량",
    "부족",
    "노후",
    "미작동",
    "이탈",
    "균열",
    "곰팡이",
    "악취",
    "불편",
    "위치 부적절",
    "높이 부적합",
    "글씨 희미",
]
REMARKS = [
    "이용객 안전사고가 우려됩니다.",
    "빠른 보수가 필요합니다.",
    "어르신과 어린이 이용이 많아 주의가 필요합니다.",
    "비가 오면 바닥이 미끄러워집니다.",
    "야간에는 어두워 잘 보이지 않습니다.",
    "휠체어 이용자가 지나가기 어렵습니다.",
    "안내 문구가 작아 읽기 어렵습니다.",
    "지난 점검 때도 지적된 사항입니다.",
    "관리 담당자에게 현장에서 전달했습니다.",
    "임시 조치로 안내 표지를 세워 두었습니다.",
    "주말 이용객이 많은 시간대에 특히 불편합니다.",
    "사진을 첨부합니다.",
    "민원이 여러 차례 접수되었다고 합니다.",
    "보수 예산 확보가 필요해 보입니다.",
]
RARE = "해오라기 둥지"
RARE_COUNT = 3
CATEGORIES = ["safety", "structure", "cleanliness", "accessibility", "signage", "service", "other"]
SEVERITIES = ["low", "medium", "medium", "high", "urgent"]
STAMP = "2026-03-01 00:00:00.000000"


def finding_text(rnd: random.Random) -> tuple[str, str, str]:
    place, obj, problem = rnd.choice(PLACES), rnd.choice(OBJECTS), rnd.choice(PROBLEMS)
    title = f"{obj} {problem}" if rnd.random() < 0.7 else f"{place} {obj} {problem}"
    remarks = " ".join(rnd.sample(REMARKS, rnd.choice((1, 1, 2))))
    description = f"{place}의 {obj}이(가) {problem} 상태입니다. {remarks}"
    return title, description, place


def build(path: str, findings: int, progress=print) -> None:
    """Fill the (already migrated) database at `path` with `findings` findings and postings."""
    from panelapp.services.search.index import DocKind

    rnd = random.Random(20261123)
    rare_ids = set(rnd.sample(range(1, findings + 1), RARE_COUNT))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute(
        "INSERT INTO facilities (id, name, active, created_at, updated_at, version) "
        "VALUES (1, '한빛국민체육센터', 1, ?, ?, 1)",
        (STAMP, STAMP),
    )
    conn.execute("CREATE TEMP TABLE staging (gram INTEGER, doc_id INTEGER)")
    batch = 100_000
    for start in range(1, findings + 1, batch):
        rows, postings = [], []
        for doc_id in range(start, min(start + batch, findings + 1)):
            title, description, location = finding_text(rnd)
            if doc_id in rare_ids:
                description += f" 처마 밑에 {RARE}이 있습니다."
            day = f"2026-{rnd.randint(3, 11):02d}-{rnd.randint(1, 28):02d}"
            rows.append(
                (
                    doc_id,
                    1,
                    title,
                    rnd.choice(CATEGORIES),
                    rnd.choice(SEVERITIES),
                    location,
                    description,
                    day,
                    STAMP,
                    STAMP,
                )
            )
            postings.extend((g, doc_id) for g in grams((title, description, location)))
        conn.executemany(
            "INSERT INTO findings (id, facility_id, title, category, severity, location, description, "
            "observed_on, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,1)",
            rows,
        )
        conn.executemany("INSERT INTO staging VALUES (?, ?)", postings)
        progress(f"  {min(start + batch - 1, findings):,} findings")
    progress("  copying postings in key order…")
    conn.execute(
        f"INSERT INTO search_grams (gram, doc_kind, doc_id) SELECT gram, {int(DocKind.FINDING)}, doc_id "
        "FROM staging ORDER BY gram, doc_id"
    )
    conn.execute("DROP TABLE staging")
    conn.commit()
    conn.close()


def build_postgresql(url: str, findings: int, progress=print) -> None:
    """The same findings and postings (same seed) into the migrated PostgreSQL database at `url`,
    by COPY; postings go in without their primary key, which is built afterwards (a sort instead
    of millions of random B-tree inserts), then VACUUM ANALYZE."""
    import psycopg

    from panelapp.services.search.index import DocKind

    rnd = random.Random(20261123)
    rare_ids = set(rnd.sample(range(1, findings + 1), RARE_COUNT))
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=False) as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO facilities (id, name, active, created_at, updated_at, version) "
            "VALUES (1, '한빛국민체육센터', true, %s, %s, 1)",
            (STAMP, STAMP),
        )
        cur.execute("ALTER TABLE search_grams DROP CONSTRAINT pk_search_grams")
        kind = int(DocKind.FINDING)
        batch = 100_000
        for start in range(1, findings + 1, batch):
            with cur.copy(
                "COPY findings (id, facility_id, title, category, severity, location, description, "
                "observed_on, created_at, updated_at, version) FROM STDIN"
            ) as copy:
                postings = []
                for doc_id in range(start, min(start + batch, findings + 1)):
                    title, description, location = finding_text(rnd)
                    if doc_id in rare_ids:
                        description += f" 처마 밑에 {RARE}이 있습니다."
                    day = f"2026-{rnd.randint(3, 11):02d}-{rnd.randint(1, 28):02d}"
                    copy.write_row(
                        (
                            doc_id,
                            1,
                            title,
                            rnd.choice(CATEGORIES),
                            rnd.choice(SEVERITIES),
                            location,
                            description,
                            day,
                            STAMP,
                            STAMP,
                            1,
                        )
                    )
                    postings.extend((g, kind, doc_id) for g in grams((title, description, location)))
            with cur.copy("COPY search_grams (gram, doc_kind, doc_id) FROM STDIN") as copy:
                for row in postings:
                    copy.write_row(row)
            progress(f"  {min(start + batch - 1, findings):,} findings (PostgreSQL)")
        progress("  building the postings' primary key…")
        cur.execute(
            "ALTER TABLE search_grams ADD CONSTRAINT pk_search_grams PRIMARY KEY (gram, doc_kind, doc_id)"
        )
        cur.execute("SELECT setval(pg_get_serial_sequence('findings', 'id'), %s)", (findings,))
        conn.commit()
    with psycopg.connect(dsn, autocommit=True) as conn:
        # as autovacuum leaves a settled database: statistics, and the visibility map that lets
        # the postings be counted from their index alone
        conn.execute("VACUUM ANALYZE")
