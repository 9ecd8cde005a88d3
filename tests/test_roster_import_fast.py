"""The import's shortcuts keep its behaviour: the commit reuses the preview's verdicts but still
sees what changed since, members are searchable at once, ids line up, the collector comes back."""

import datetime as dt
import gc

import pytest
from sqlalchemy import select

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.domain.validation import normalize_phone
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.roster_io import rows as rows_module
from panelapp.services.roster_io.importing import ImportRefused, commit_import, preview_import
from panelapp.services.search.query import search

HEADER = "이름,휴대전화,거주지,소속,역할,개인정보동의일\n"


def _file(tmp_path, lines):
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def collector_on():
    """Turns the cycle collector on, as in the command line (the GUI's guard, gui/core/gc_guard.py,
    keeps it off once a test has made the QApplication, and the suite re-applies it after the
    fixtures are set up, so the test calls this); afterwards as it was."""
    was = gc.isenabled()
    yield gc.enable
    if not was:
        gc.disable()


def test_commit_reuses_the_preview_verdicts_and_links_ids(ctx, tmp_path, monkeypatch, collector_on):
    collector_on()
    c = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    names = [f"참여자{chr(0xAC00 + i * 28)}" for i in range(30)]  # 참여자가, 참여자개, ...
    lines = [
        f"{n},010-{2000 + i}-{1000 + i},{'중구' if i % 2 else '남구'},,단원,2026-03-02\n"
        for i, n in enumerate(names)
    ]
    preview = preview_import(ctx, c.id, _file(tmp_path, lines))
    assert preview.can_import and len(preview.memo) == 30
    calls = []
    real = rows_module.clean_member
    monkeypatch.setattr(rows_module, "clean_member", lambda data: calls.append(data) or real(data))
    result = commit_import(ctx, c.id, preview)
    assert calls == [] and result.imported == 30 and gc.isenabled()
    with reading(ctx) as s:
        triples = s.execute(
            select(Member.name, Member.phone, Enrollment.id, Consent.enrollment_id)
            .join(Enrollment, Enrollment.member_id == Member.id)
            .join(Consent, Consent.enrollment_id == Enrollment.id)
            .order_by(Enrollment.id)
        ).all()
    assert [t.name for t in triples] == names
    assert all(t.phone == normalize_phone(f"010-{2000 + i}-{1000 + i}") for i, t in enumerate(triples))
    assert list(result.enrollment_ids) == [t.id for t in triples]
    assert any(names[7] in h.title for h in search(ctx, names[7]))  # indexed from its values


def test_commit_still_refuses_a_number_enrolled_since_the_preview(ctx, tmp_path, collector_on):
    collector_on()
    c = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    preview = preview_import(ctx, c.id, _file(tmp_path, ["김민준,010-2222-3333,중구,,단원,2026-03-02\n"]))
    enroll_member(
        ctx,
        c.id,
        MemberInput("김민준", "01022223333", joined_on=dt.date(2026, 3, 2)),
        ConsentInput("2026-1", dt.date(2026, 3, 1), agreed=True),
    )
    with pytest.raises(ImportRefused):
        commit_import(ctx, c.id, preview)
    assert gc.isenabled()  # the import's pause of the collector is undone


@pytest.mark.parametrize("typed", ["010-5971-2345", "01059712345", "1059712345", "+82 10 5971 2345"])
def test_010_numbers_without_the_library_agree_with_it(typed):
    assert normalize_phone(typed) == "+821059712345"
