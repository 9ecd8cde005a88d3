"""The search benchmark runs (small), and its index finds what a plain LIKE finds."""

from benchmarks.bench_search import QUERIES, run


def test_bench_search_shape_and_agreement_with_like(tmp_path):
    # pg_url="": the benchmark empties the PostgreSQL database it is given, never the test one
    result = run(findings=3000, repeat=1, verbose=False, folder=tmp_path, pg_url="")
    assert result["findings"] == 3000 and result["built_s"] is not None and result["passed"] is True
    for q in QUERIES:
        assert result["hits"][q] == min(50, result["matches"][q]), q  # every match up to the limit
        assert result["search_ms"][q] >= 0 and result["like_ms"][q] >= 0
    assert result["matches"]["해오라기"] == 3
    again = run(findings=3000, repeat=1, verbose=False, folder=tmp_path, pg_url="")
    assert again["built_s"] is None  # the database is cached
