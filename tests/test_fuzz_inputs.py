"""Hostile input, generated: the roster reader returns rows or raises its own FileReadError with
a Korean sentence; the photo inspector accepts a photo or raises a DomainError with a sentence.
Never another exception (issue 11 items 7 and 8)."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from panelapp.domain.errors import DomainError
from panelapp.io.tabular import FileReadError, read_table
from panelapp.services.attachments.photos import inspect_image

HANGUL = re.compile("[가-힣]")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_cells = st.lists(st.lists(st.text(max_size=40), max_size=6), max_size=8)


def _reads_or_says(path) -> None:
    try:
        table = read_table(path)
    except FileReadError as exc:
        assert HANGUL.search(exc.message), exc.message
        return
    assert all(isinstance(c, str) for _n, cells in table.rows for c in cells)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_as_a_roster(tmp_path, data, suffix):
    path = tmp_path / f"명단{suffix}"
    path.write_bytes(data)
    _reads_or_says(path)


@FUZZ
@given(_cells, st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
def test_random_cells_as_a_csv(tmp_path, rows, encoding):
    import csv

    buf = io.StringIO()
    csv.writer(buf).writerows([["이름", "휴대전화"], *rows])
    path = tmp_path / "명단.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    _reads_or_says(path)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 12), "red").save(out, "JPEG", exif=Image.Exif())
    return out.getvalue()


JPEG = _jpeg()


def _accepts_or_says(data: bytes) -> None:
    try:
        mime, width, height = inspect_image(data, "사진.jpg")
    except DomainError as exc:
        assert HANGUL.search(exc.message), exc.message
        return
    assert mime and width > 0 and height > 0


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_as_a_photo(data):
    _accepts_or_says(data)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(JPEG) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_mutated_jpeg(flips):
    data = bytearray(JPEG)
    for at, value in flips:
        data[at] = value
    _accepts_or_says(bytes(data))
