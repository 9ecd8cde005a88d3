"""Members' names in free text (services/masking.py): what masking costs with 100,000 members.

    python -m benchmarks.bench_text_masking [--members N] [--texts N] [--repeat 3]

An SQLite database of N members (names drawn like Korean names: a surname and one to three
syllables) is built once and cached under the temp folder. Measured, median of `repeat` runs:
- load: `masking.member_names` with its cache emptied (one SELECT DISTINCT name, the set built);
  its floor is `SELECT count(*) FROM members` in the same run;
- check: `member_names` in a new unit of work with nothing changed (the table's count and latest
  change read; within one unit of work the names are asked once);
- mask: `MemberNames.mask` over `texts` finding-like texts of about 150 characters, a quarter of
  them naming a member; its floor is one regex pass over the same texts (the Hangul runs found,
  nothing looked up), and the naive way (every name tested with `in`) is timed on a few texts
  for comparison.
Passes when the mask costs at most MASK_RATIO times the regex pass and a load at most LOAD_MS.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

MASK_RATIO = 40.0  # mask / one regex pass over the same texts
LOAD_MS = 1500.0  # the names of 100,000 members read and indexed
BUILD_VERSION = 2  # 2: built at migration 0024 (ix_members_updated_at)
SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나"
SYLLABLES = "가강건경고광규균근기나남다대도동명무민범병보봉상서석선성세소수순승시신아안연영예오용우원유윤은이익인일재정종주준지진찬창철태하한현형호홍화환희"
WORDS = [
    "2층",
    "화장실",
    "출입문",
    "손잡이가",
    "흔들리고",
    "경사로",
    "기울기가",
    "기준을",
    "넘었습니다",
    "점자블록이",
    "끊겨",
    "있어",
    "시각장애인이",
    "걷기",
    "어렵습니다",
    "안내판",
    "글씨가",
    "작아",
    "읽기",
    "힘듭니다",
    "조명이",
    "어둡고",
    "계단",
    "난간이",
    "낮습니다",
]


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _names(n: int, rng: random.Random) -> list[str]:
    sizes = (1, 2, 2, 2, 2, 3)
    return [
        rng.choice(SURNAMES) + "".join(rng.choice(SYLLABLES) for _ in range(rng.choice(sizes)))
        for _ in range(n)
    ]


def _database(members: int, folder: Path | None, verbose: bool):
    from sqlalchemy import insert

    from panelapp.db.base import utcnow
    from panelapp.db.engine import open_database
    from panelapp.db.migrate import upgrade_to_head
    from panelapp.db.models import Member

    folder = folder or Path(tempfile.gettempdir()) / "panelapp-bench-text-masking"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"members-{members}-v{BUILD_VERSION}.db"
    built_s = None
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        t = time.perf_counter()
        db = open_database(str(partial))
        upgrade_to_head(db)
        now, names = utcnow(), _names(members, random.Random(7))
        with db.engine.begin() as conn:
            for start in range(0, members, 20_000):
                conn.execute(
                    insert(Member),
                    [
                        {"name": name, "phone": f"+8210{start + i:08d}", "created_at": now, "updated_at": now}
                        for i, name in enumerate(names[start : start + 20_000])
                    ],
                )
        db.dispose()
        partial.rename(path)
        built_s = time.perf_counter() - t
        if verbose:
            print(f"{members:,}명 데이터베이스를 만들었습니다 ({built_s:.1f}초)")
    return open_database(str(path)), built_s


def _texts(count: int, names: list[str], rng: random.Random) -> list[str]:
    out = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(22)]
        if i % 4 == 0:
            words.insert(rng.randrange(len(words)), f"{rng.choice(names)} 단원이")
        out.append(" ".join(words) + ".")
    return out


def run(
    members: int = 100_000,
    texts: int = 10_000,
    repeat: int = 3,
    verbose: bool = True,
    folder: Path | None = None,
) -> dict:
    from sqlalchemy import func, select

    from panelapp.db.models import Member
    from panelapp.services import masking

    db, built_s = _database(members, folder, verbose)
    try:
        with db.session_factory() as s:

            def load():
                masking._NAMES.clear()
                s.info.pop("member_names", None)  # as a new unit of work would
                return masking.member_names(s)

            def check():
                s.info.pop("member_names", None)
                return masking.member_names(s)

            load_ms = _median_ms(load, repeat)
            count_ms = _median_ms(lambda: s.scalar(select(func.count()).select_from(Member)), repeat)
            check_ms = _median_ms(check, repeat)
            finder = masking.member_names(s)
            names = list(s.scalars(select(Member.name).distinct()))
        corpus = _texts(texts, names, random.Random(11))
        hangul = re.compile("[가-힣]{2,}")
        mask_ms = _median_ms(lambda: [finder.mask(t) for t in corpus], repeat)
        floor_ms = _median_ms(lambda: [hangul.findall(t) for t in corpus], repeat)
        few = corpus[:20]
        naive_ms = _median_ms(lambda: [[n for n in names if n in t] for t in few], 1) * len(corpus) / len(few)
        masked = sum(finder.mask(t) != t for t in corpus)
    finally:
        db.dispose()
    ratio = mask_ms / floor_ms if floor_ms else float("inf")
    result = {
        "members": members,
        "distinct_names": len(finder),
        "texts": texts,
        "built_s": built_s,
        "load_ms": round(load_ms, 1),
        "count_floor_ms": round(count_ms, 2),
        "check_ms": round(check_ms, 2),
        "mask_ms": round(mask_ms, 1),
        "mask_us_per_text": round(mask_ms * 1000 / texts, 1),
        "regex_floor_ms": round(floor_ms, 1),
        "ratio": round(ratio, 1),
        "naive_ms_estimated": round(naive_ms, 0),
        "texts_masked": masked,
        "passed": ratio <= MASK_RATIO and load_ms <= LOAD_MS,
    }
    if verbose:
        print(
            f"단원 {members:,}명(이름 {len(finder):,}개): 이름 읽기 {load_ms:.0f} ms (count(*) {count_ms:.1f} ms), "
            f"변경 확인 {check_ms:.1f} ms"
        )
        print(
            f"글 {texts:,}개 가리기 {mask_ms:.0f} ms (글 하나 {mask_ms * 1000 / texts:.0f} µs), "
            f"정규식 한 번 훑기 {floor_ms:.0f} ms → {ratio:.1f}배 (기준 {MASK_RATIO:.0f}배 이하); "
            f"이름마다 찾으면 약 {naive_ms / 1000:.0f}초"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.members, args.texts, args.repeat)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
