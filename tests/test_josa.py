"""Korean particles follow the word they come after (domain/josa.py), and no sentence of the
program prints both forms ("이름을(를)") any more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from panelapp.domain.josa import josa, particle, quoted

PACKAGE = Path(__file__).resolve().parent.parent / "panelapp"


@pytest.mark.parametrize(
    ("word", "which", "expected"),
    [
        ("이름", "을", "이름을"),
        ("성별", "를", "성별을"),
        ("회의실", "을", "회의실을"),
        ("주소", "을", "주소를"),
        ("기관명", "이", "기관명이"),
        ("전화", "이", "전화가"),
        ("제7기", "은", "제7기는"),
        ("강당", "는", "강당은"),
        ("사진", "과", "사진과"),
        ("메모", "와", "메모와"),
        ("검토중", "으로", "검토중으로"),
        ("채택", "로", "채택으로"),
        ("완료", "으로", "완료로"),
        ("서울", "으로", "서울로"),  # ㄹ takes 로
        ("2026-03-01", "은", "2026-03-01은"),  # 일
        ("12", "은", "12는"),  # 이
        ("3", "이", "3이"),  # 삼
        ("10", "을", "10을"),  # 십
        ("7", "으로", "7로"),  # 칠: ㄹ
        ("6", "으로", "6으로"),  # 육
        ("logo.png", "은", "logo.png는"),
        ("panel.html", "은", "panel.html은"),  # 엘
        ("FORM", "이", "FORM이"),  # 엠
        ("'제목'", "을", "'제목'을"),  # quotes and brackets are skipped
        ("회의실(2층)", "을", "회의실(2층)을"),
        ("", "을", "을(를)"),  # nothing readable: both forms stay
        ("★", "이", "★이(가)"),
    ],
)
def test_the_particle_follows_the_last_syllable(word, which, expected):
    assert josa(word, which) == expected


def test_quoted_and_particle_alone():
    assert quoted("강당", "이") == "'강당'이"
    assert quoted("주차장 입구", "를") == "'주차장 입구'를"
    assert particle("추진중", "로") == "으로" and particle("완료", "으로") == "로"


BOTH_FORMS = re.compile(r"을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로")


def test_no_sentence_of_the_program_prints_both_forms():
    """Every 'X'을(를) was replaced by josa/quoted; the helper's own docstring may name the pattern."""
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "josa.py" and "forms" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BOTH_FORMS.search(line)
    ]
    assert found == []


def test_a_sentence_names_the_field_with_the_right_particle():
    from panelapp.domain.errors import ValidationError
    from panelapp.domain.validation import normalize_office_phone

    with pytest.raises(ValidationError) as err:
        normalize_office_phone("12", "대표 전화")
    assert "'12'는 " in str(err.value) and "(는)" not in str(err.value)
