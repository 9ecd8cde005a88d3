"""Reading roster files: every accepted encoding, Excel's numbers and dates, refusals."""

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.io.tabular import FileReadError, cell_text, decode_csv, looks_korean, read_table

FIX = Path(__file__).parent / "fixtures" / "import"


@pytest.mark.parametrize(
    "name, encoding",
    [("roster_utf8.csv", "utf-8"), ("roster_utf8_bom.csv", "utf-8-sig"), ("roster_cp949.csv", "cp949")],
)
def test_csv_in_every_accepted_encoding_reads_the_same(name, encoding):
    table = read_table(FIX / name)
    assert table.encoding == encoding
    assert table.header[0] == "이름" and table.header[-1] == "개인정보동의일"  # no BOM left in the header
    assert [n for n, _ in table.rows] == [2, 3, 4, 5, 6]  # as Excel numbers them (header: 1)
    assert table.rows[0][1][0] == "김똠이" and table.rows[1][1][0] == "박햏순"


def test_cp949_syllables_missing_from_euc_kr_are_really_in_the_fixture():
    data = (FIX / "roster_cp949.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc_kr")


@pytest.mark.parametrize("name", ["roster_utf16.csv", "roster_shift_jis.csv"])
def test_other_encodings_are_refused_with_a_sentence(name):
    with pytest.raises(FileReadError) as err:
        read_table(FIX / name)
    assert "인코딩" in err.value.message or "UTF-16" in err.value.message
    assert "CSV UTF-8" in err.value.message  # says how to save it instead


def test_latin1_bytes_are_refused():
    with pytest.raises(FileReadError):
        decode_csv("name,phone\nMüller,010-2111-0001\n".encode("latin-1"))


def test_xlsx_numbers_and_dates_come_back_as_typed_text():
    table = read_table(FIX / "roster.xlsx")
    assert table.encoding == "xlsx" and table.header[:3] == ("consent_date", "phone", "name")
    first = table.rows[0][1]
    assert first[0] == "2026-03-02" and first[1] == "1021110001" and first[6] == "1985"


def test_blank_rows_are_skipped_but_keep_their_number(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("\n이름,휴대전화\n가,1\n,\n나,2\n", encoding="utf-8")
    assert [(n, c[0]) for n, c in read_table(path).rows] == [(3, "가"), (5, "나")]


@pytest.mark.parametrize("name, words", [("a.xls", ".xls"), ("a.pdf", ".pdf"), ("missing.csv", "찾을 수 없")])
def test_wrong_files_are_refused(tmp_path, name, words):
    if name != "missing.csv":
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(FileReadError) as err:
        read_table(tmp_path / name)
    assert words in err.value.message


def test_damaged_xlsx_and_empty_csv(tmp_path):
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FileReadError, match="열 수 없습니다"):
        read_table(tmp_path / "bad.xlsx")
    (tmp_path / "empty.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(FileReadError, match="빈 파일"):
        read_table(tmp_path / "empty.csv")


def test_semicolon_and_tab_separated_files(tmp_path):
    for sep in (";", "\t"):
        path = tmp_path / "x.csv"
        path.write_text(f"이름{sep}휴대전화\n홍길동{sep}010-2111-0001\n", encoding="utf-8")
        assert read_table(path).rows[0][1] == ("홍길동", "010-2111-0001")


def test_cell_text():
    assert cell_text(1012345678.0) == "1012345678" and cell_text(1012345678) == "1012345678"
    assert (
        cell_text(dt.datetime(2026, 3, 2)) == "2026-03-02" and cell_text(dt.date(2026, 3, 2)) == "2026-03-02"
    )
    assert cell_text(None) == "" and cell_text("  a ") == "a" and cell_text(2.5) == "2.5"


_cells = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(_cells, min_size=3, max_size=3), min_size=1, max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_any_utf8_csv_round_trips(tmp_path_factory, rows, encoding):
    import csv
    import io

    buf = io.StringIO(newline="")
    csv.writer(buf).writerows([["이름", "휴대전화", "메모"]] + rows)
    path = tmp_path_factory.mktemp("h") / "x.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    table = read_table(path)
    # numbered as Excel numbers the rows (the header is row 1); text in NFC, as it is stored
    cells = [tuple(unicodedata.normalize("NFC", c).strip() for c in r) for r in rows]
    expected = [(i, r) for i, r in enumerate(cells, 2) if any(r)]
    assert list(table.rows) == expected


_hangul = st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=20)


@settings(max_examples=100, deadline=None)
@given(_hangul, st.text(st.characters(max_codepoint=0x7E, min_codepoint=0x20), max_size=20))
def test_cp949_korean_decodes_unless_mostly_rare_syllables(word, ascii_part):
    text = f"{ascii_part},{word}"
    data = text.encode("cp949")
    rare = sum(1 for ch in word if len(ch.encode("euc_kr")) != 2)
    if rare <= len(word) - rare:
        assert decode_csv(data) == (text, "cp949") or decode_csv(data)[1] == "utf-8"
    else:
        assert not looks_korean(text)
