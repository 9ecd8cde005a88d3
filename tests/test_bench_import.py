"""The import benchmark runs (small) and reports its split, floors and ratios."""

from benchmarks.bench_import import run


def test_bench_import_shape():
    result = run(rows=300, repeat=1, verbose=False)
    for key in (
        "parse_s",
        "validate_s",
        "recheck_s",
        "write_s",
        "total_s",
        "parse_floor_s",
        "write_floor_s",
        "parse_ratio",
        "write_ratio",
    ):
        assert result[key] >= 0, key
    assert result["rows"] == 300 and result["passed"] is True
