"""접속기록 and 권한 변경 이력 (issue 12 items 4 and 5): the one function every output that touches
personal data calls (`log.record`), the chain check (`chain.py`), and reading, exporting and
the monthly review (`review.py`)."""
