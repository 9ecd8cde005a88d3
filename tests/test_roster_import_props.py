"""Property-based checks of one import row against the member form's rules (no database)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.io.roster_columns import IMPORT_COLUMNS
from panelapp.services.roster_io.rows import KEYS, CohortFacts, check_row

LABELS = {c.label for c in IMPORT_COLUMNS}  # 활동시작일 too
TODAY = dt.date(2026, 6, 1)


def facts(taken=None) -> CohortFacts:
    return CohortFacts(
        cohort=None,
        joined_on=dt.date(2026, 3, 1),
        teams={"정책동행단": 1, "소식이음단": 2},
        taken=taken or {},
        today=TODAY,
    )


def row(**values) -> tuple[str, ...]:
    return tuple(values.get(k, "") for k in KEYS)


_cell = st.text(max_size=25)


@settings(max_examples=200, deadline=None)
@given(st.lists(_cell, min_size=len(KEYS), max_size=len(KEYS)), st.integers(1, 10_000))
def test_any_row_gives_problems_never_exceptions(cells, number):
    clean, problems = check_row(number, tuple(cells), facts(), {})
    assert (clean is None) == bool(problems)
    assert all(p.row == number and p.column in LABELS and p.message for p in problems)


_subscriber = st.integers(2000, 9999).filter(lambda n: n != 5996)
_phone_forms = st.sampled_from(["010-{a}-{b}", "010{a}{b}", "10{a}{b}", "+82 10 {a} {b}", "010.{a}.{b}"])


@settings(max_examples=150, deadline=None)
@given(
    st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=2, max_size=5),
    _subscriber,
    st.integers(0, 9999),
    _phone_forms,
    st.dates(dt.date(2020, 1, 1), TODAY),
    st.sampled_from(["", "정책동행단", "소식이음단"]),
    st.sampled_from(["", "단장", "조장", "단원"]),
)
def test_valid_rows_pass_and_every_phone_form_is_the_same_number(name, a, b, form, day, team, role):
    phone = form.format(a=a, b=f"{b:04d}")
    clean, problems = check_row(
        1, row(name=name, phone=phone, team=team, role=role, consent_date=day.isoformat()), facts(), {}
    )
    assert problems == []
    assert clean.member["phone"] == f"+8210{a}{b:04d}" and clean.consented_on == day
    assert clean.team_id == {"": None, "정책동행단": 1, "소식이음단": 2}[team]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=20), st.sets(st.integers(0, 5), max_size=3))
def test_duplicates_in_the_file_and_in_the_cohort(picks, enrolled):
    taken = {f"+82102111000{i}": ("김*나", False) for i in enrolled}
    seen: dict[str, int] = {}
    outcome = [
        check_row(
            n, row(name="가나", phone=f"010-2111-000{i}", consent_date="2026-03-02"), facts(taken), seen
        )
        for n, i in enumerate(picks, 1)
    ]
    first = {}
    for n, i in enumerate(picks, 1):
        first.setdefault(i, n)
    for (clean, problems), (n, i) in zip(outcome, enumerate(picks, 1)):
        expected_bad = i in enrolled or first[i] != n
        assert (clean is None) == expected_bad
        if first[i] != n:
            assert any(p.message == f"파일의 {first[i]}행과 번호가 같습니다." for p in problems)
