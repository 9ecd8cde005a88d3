"""`python -m benchmarks [name ...]` (or `make bench`): run every benchmarks/bench_*.py module.

python -m benchmarks              all of them
python -m benchmarks startup      only bench_startup.py
python -m benchmarks --json       results as one JSON object on the last line: {name: result}
python -m benchmarks scale --json one benchmark: its own result object is the last line
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover(names: list[str] | None = None) -> list[str]:
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in names}
        unknown = wanted - set(found)
        if unknown:
            raise SystemExit(f"없는 벤치마크: {', '.join(sorted(unknown))} (있는 것: {', '.join(found)})")
        found = [f for f in found if f in wanted]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="startup, roster... (default: all)")
    parser.add_argument("--json", action="store_true", help="print all results as JSON at the end")
    args = parser.parse_args(argv)
    results: dict[str, dict] = {}
    for name in discover(args.names):
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        result = module.run()
        results[name] = result
        print(
            f"-- {name}: {'PASS' if result.get('passed', True) else 'FAIL'} "
            f"({time.perf_counter() - started:.1f} s)",
            flush=True,
        )
    failed = [n for n, r in results.items() if r.get("passed") is False]
    print(
        f"== {len(results)}개 벤치마크, 실패 {len(failed)}개" + (f": {', '.join(failed)}" if failed else "")
    )
    if args.json:
        only = next(iter(results.values())) if len(results) == 1 else None
        print(json.dumps(only if only is not None else results, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
