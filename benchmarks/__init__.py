"""Speed benchmarks: each `bench_*.py` module has `run() -> dict`; `python -m benchmarks` runs them.

Results are ratios against a floor measured in the same run on the same machine (a bare Qt
window, a bare SELECT...), so they compare across machines; a result with "passed": False
makes the run exit 1.
"""
