"""The import benchmark runs (small) and reports its split, floors and ratios."""

from benchmarks.bench_import import run, run_command


def test_bench_import_shape():
    result = run(rows=300, repeat=1, verbose=False, command_rows=0)
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


def test_bench_import_runs_the_real_command(tmp_path):
    result = run_command(rows=300, repeat=1, verbose=False, cache=tmp_path)
    assert result["rows"] == 300 and result["passed"] is True
    assert result["command_s"][0] > 0 and result["command_peak_mb"][0] > 0 and result["ratio"] > 0
    assert (tmp_path / "roster-300.xlsx").exists()  # cached for the next run
