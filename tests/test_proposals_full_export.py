"""`panelapp proposals export` (issue 14 item 10): every proposal of the cohort with its answer
figures, the history sheet in .xlsx, proposers masked unless a purpose is given (and logged)."""

import csv
import datetime as dt

import pytest
from conftest import with_admin_account
from openpyxl import load_workbook
from sla_world import build_sla_world
from sqlalchemy import select

from panelapp.cli import main
from panelapp.db.models import AccessLog, Proposal, ProposalEvent
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.services.context import transaction
from panelapp.services.proposals.full_export import COLUMNS, export_all_proposals
from panelapp.services.system.bootstrap import open_app

HEADERS = tuple(h for h, _w in COLUMNS)


def _with_proposer_and_history(ctx, w):
    with transaction(ctx) as s:
        p = s.scalar(select(Proposal).where(Proposal.title == "샤워실 온수"))
        p.proposer_enrollment_id = w.kim
        s.add(ProposalEvent(proposal_id=p.id, user_id=ctx.user_id, to_status=PS.SUBMITTED, note="제안 접수"))
        s.add(
            ProposalEvent(
                proposal_id=p.id,
                user_id=ctx.user_id,
                from_status=PS.SUBMITTED,
                to_status=PS.ACCEPTED,
                note='=HYPERLINK("x")',
                at=dt.datetime(2026, 6, 2, 1, 30, tzinfo=dt.UTC),
            )
        )


def _with_progress(ctx):
    with transaction(ctx) as s:
        p = s.scalar(select(Proposal).where(Proposal.title == "산책로 조명"))
        p.expected_on = dt.date(2026, 7, 31)
        for day, percent in ((dt.date(2026, 6, 25), 40), (dt.date(2026, 6, 20), 20)):  # posted out of order
            s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    user_id=ctx.user_id,
                    from_status=PS.PARTIAL,
                    to_status=PS.PARTIAL,
                    note="공사 중",
                    happened_on=day,
                    progress=percent,
                )
            )


def _entries(ctx):
    with ctx.db.session_factory() as s:
        return s.scalars(select(AccessLog).order_by(AccessLog.id)).all()


def test_xlsx_has_every_proposal_and_the_history(ctx, tmp_path):
    w, _dept = build_sla_world(ctx)
    _with_proposer_and_history(ctx, w)
    _with_progress(ctx)
    out = tmp_path / "제안.xlsx"
    result = export_all_proposals(ctx, w.cohort_id, out)
    assert (result.rows, result.events, result.masked) == (7, 4, True)
    book = load_workbook(out)
    assert book.sheetnames == ["개선제안 전체", "처리 이력", "내보내기 정보"]
    rows = list(book["개선제안 전체"].iter_rows(values_only=True))
    assert rows[0] == HEADERS
    for required in (
        "번호",
        "제목",
        "시설",
        "담당부서",
        "상태",
        "심각도",
        "분류",
        "접수일",
        "답변일",
        "답변 소요(근무일)",
        "답변 기한",
        "기한 내 답변",
        "진행률",
        "확인 결과",
    ):
        assert required in HEADERS
    by_title = {r[1]: dict(zip(HEADERS, r, strict=True)) for r in rows[1:]}
    assert len(by_title) == 7 and "지운 제안" not in by_title
    late = by_title["탈의실 사물함"]
    assert (late["답변 소요(근무일)"], late["기한 내 답변"], late["상태"]) == (3, "아니오", "불채택")
    assert late["접수일"].date() == dt.date(2026, 6, 1) and late["답변 기한"].date() == dt.date(2026, 6, 2)
    shower = by_title["샤워실 온수"]
    assert (shower["기한 내 답변"], shower["제안자"]) == ("예", "김*희")
    assert by_title["산책로 조명"]["기한 내 답변"] is None  # no due date
    assert (
        by_title["벤치 추가"]["담당부서"] == "미지정" and by_title["벤치 추가"]["답변 소요(근무일)"] is None
    )
    lights = by_title["산책로 조명"]
    assert lights["진행률"] == 0.4 and lights["완료 예정일"].date() == dt.date(
        2026, 7, 31
    )  # the latest 기준일
    # the one rule (domain/proposal_progress.py): adopted without steps or updates is 0 %, a
    # proposal not adopted has none
    assert by_title["수영장 안내"]["진행률"] == 1 and by_title["샤워실 온수"]["진행률"] == 0
    assert late["진행률"] is None
    lights_row = [r[1] for r in rows].index("산책로 조명") + 1
    assert book["개선제안 전체"].cell(lights_row, HEADERS.index("진행률") + 1).number_format == "0.0%"
    # done and no visit has checked it yet (tests/test_verifications.py fills the column)
    assert {t: r["확인 결과"] for t, r in by_title.items() if r["확인 결과"]} == {"수영장 안내": "확인 전"}
    history = list(book["처리 이력"].iter_rows(values_only=True))
    assert history[0] == (
        "번호",
        "제목",
        "일시",
        "이전 상태",
        "새 상태",
        "처리자",
        "메모",
        "기준일",
        "진행률(%)",
    )
    assert sorted(h[8] for h in history[1:] if h[8] is not None) == [20, 40]
    accepted = next(h for h in history[1:] if h[4] == "채택")
    assert accepted[2] == "2026-06-02 10:30" and accepted[3] == "접수"  # shown in Korean time
    assert accepted[6] == '\'=HYPERLINK("x")'  # a formula stays text
    (entry,) = _entries(ctx)
    assert entry.action == "export" and entry.purpose in (None, "") and "rows=7" in entry.detail


def test_csv_with_a_purpose_is_unmasked_and_logged(ctx, tmp_path):
    w, _dept = build_sla_world(ctx)
    _with_proposer_and_history(ctx, w)
    _with_progress(ctx)
    out = tmp_path / "제안.csv"
    result = export_all_proposals(ctx, w.cohort_id, out, purpose="감사 자료 제출")
    assert not result.masked and result.events == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == HEADERS and len(rows) == 8
    shower = next(r for r in rows if r[1] == "샤워실 온수")
    assert shower[-1] == "김영희" and shower[7] == "2026-06-01"
    assert next(r for r in rows if r[1] == "산책로 조명")[HEADERS.index("진행률")] == "40%"
    (entry,) = _entries(ctx)
    assert entry.action == "export_unmasked" and entry.purpose == "감사 자료 제출"


def test_a_wrong_suffix_is_a_sentence(ctx, tmp_path):
    w, _dept = build_sla_world(ctx)
    with pytest.raises(Exception, match=r"\.xlsx 또는 \.csv"):
        export_all_proposals(ctx, w.cohort_id, tmp_path / "a.pdf")
    assert _entries(ctx) == []


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    w, _dept = build_sla_world(ctx)
    _with_proposer_and_history(ctx, w)
    ctx.db.dispose()
    with_admin_account(path)
    return path


def test_cli_export(db_file, tmp_path, capsys):
    out = tmp_path / "제안.xlsx"
    assert main(["--db", str(db_file), "proposals", "export", "--cohort", "7", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "개선제안 7건, 처리 이력 2건" in said and "제안자 이름을 가려서" in said
    rows = list(load_workbook(out)["개선제안 전체"].iter_rows(values_only=True))
    assert "김*희" in [r[-1] for r in rows]
    csv_out = tmp_path / "제안.csv"
    args = ["--db", str(db_file), "proposals", "export", "--cohort", "7", "-o", str(csv_out)]
    assert main([*args, "--purpose", "감사 자료 제출"]) == 0
    assert "가리지 않고" in capsys.readouterr().out
    assert "김영희" in csv_out.read_text(encoding="utf-8-sig")
    assert main(["--db", str(db_file), "proposals", "export", "--cohort", "9", "-o", str(out)]) == 1
    assert "제9기가 없습니다" in capsys.readouterr().err
