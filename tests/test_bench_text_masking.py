"""The text-masking benchmark runs (small) and its figures hang together."""

from benchmarks.bench_text_masking import run


def test_bench_text_masking_shape(tmp_path):
    result = run(members=3000, texts=200, repeat=1, verbose=False, folder=tmp_path)
    assert result["members"] == 3000 and result["built_s"] is not None
    assert 0 < result["distinct_names"] <= 3000
    assert result["texts_masked"] >= 200 // 4  # every text that names a member is masked
    assert result["mask_ms"] >= 0 and result["regex_floor_ms"] >= 0 and result["load_ms"] >= 0
    again = run(members=3000, texts=200, repeat=1, verbose=False, folder=tmp_path)
    assert again["built_s"] is None  # the database is cached
