"""개선 보고서 PDF read back: Korean text and figures, fonts, pages, masking, progress, Cancel."""

import io

import pytest
from pypdf import PdfReader
from report_world import REPORT_DATE, build_report_world
from sqlalchemy import func, select

from panelapp.db.models import AccessLog
from panelapp.domain.report_data import ReportOptions
from panelapp.reports.improvement.summary import kpis
from panelapp.reports.improvement_report import render_improvement_report, section_count
from panelapp.services.context import reading
from panelapp.services.reporting.files import write_report
from panelapp.services.reporting.query import build_report_data


class Stop(Exception):
    pass


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text().replace(" ", "").replace("\n", "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded
            names.add(str(font["/BaseFont"]))
    return names


def _images(pdf: bytes) -> dict[int, tuple[int, int, int]]:
    """Embedded image objects: object number → (width px, height px, page number)."""
    found = {}
    for n, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            image = ref.get_object()
            if image["/Subtype"] == "/Image":
                found[ref.idnum] = (int(image["/Width"]), int(image["/Height"]), n)
    return found


@pytest.fixture
def world(sqlite_ctx):
    return sqlite_ctx, build_report_world(sqlite_ctx)


def test_pdf_reads_back_words_figures_fonts_and_pages(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    pdf, pages = render_improvement_report(data)
    texts = _pages(pdf)
    assert len(texts) == pages == 8  # 부서별 답변 처리 heads the list of proposals (issue 14)
    cover, summary = texts[0], texts[1]
    for needle in (
        "한빛시설관리공단",
        "제7기시민참여단",
        "시민참여단활동개선보고서",
        "2026.3.1.~2026.12.31.",
        "2026년8월1일",
        "테스트담당자",
    ):
        assert needle in cover, needle
    assert "쪽" not in cover  # no page number on the cover
    tiles = [(f.replace(" ", ""), label.replace(" ", "")) for f, label in kpis(data.summary)]
    for row in (tiles[:4], tiles[4:]):  # the tiles read row by row: four figures, then their labels
        assert "".join(f for f, _ in row) + "".join(label for _, label in row) in summary
    assert (
        "2회2곳6건6건" in summary and "75%13근무일1건3/4명채택률(3/4)답변소요중앙값(근무일)(4건)" in summary
    )
    assert "\x00" not in "".join(texts)  # every character has a glyph in NanumGothic
    for chart in ("월별점검실시", "발견사항—심각도별", "발견사항—유형별", "개선제안—처리상태별"):
        assert chart in summary
    assert all(f"쪽{n}/{pages}" in texts[n - 1] for n in range(2, pages + 1))
    where = {
        name: next(i for i, t in enumerate(texts[1:], 2) if name in t)  # the cover lists the contents
        for name in (
            "1.새봄근린공원",
            "2.시청공영주차장",
            "3.한빛국민체육센터",
            "개선제안목록",
            "부록.활동및출석",
        )
    }
    assert where == {
        "1.새봄근린공원": 3,
        "2.시청공영주차장": 4,
        "3.한빛국민체육센터": 4,
        "개선제안목록": 6,
        "부록.활동및출석": 8,  # 좋아요·아쉬워요 takes page 7 after the list grew by 부서별 답변 처리
    }
    body = "".join(texts)
    for needle in (
        "출입구경사로손잡이흔들림",
        "긴급(안전)",
        "예산부족으로내년재검토",
        "기한경과",
        "점검표점수",
        "경사로손잡이교체및미끄럼방지",
        "사진3장중2장수록",
        "제7기발대식",
    ):
        assert needle in body, needle
    park = next(f for f in data.facilities if f.name == "새봄근린공원")
    assert all(f"{sc.title}{sc.answered}{sc.score:.1f}".replace(" ", "") in texts[2] for sc in park.scores)
    assert f"종합{sum(sc.answered for sc in park.scores)}{park.overall_score:.1f}" in texts[2]
    fonts = _fonts(pdf)
    assert fonts and all(f.split("+")[-1] in ("NanumGothic", "NanumGothicBold") for f in fonts)
    assert not any("Helvetica" in f for f in fonts)
    no_photos, fewer = render_improvement_report(
        build_report_data(ctx, ReportOptions(rw.w.cohort_id, photos=False, report_date=REPORT_DATE))
    )
    assert fewer == pages
    assert len(_images(pdf)) == 3 and _images(no_photos) == {}  # ramp: 2 of its 3, path: 1


def test_long_text_stays_inside_cells(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    text = "".join(_pages(render_improvement_report(data)[0]))
    # the whole 260-character description is there, wrapped onto several lines
    assert "근본적인보수가필요하며우천시미끄럼방지처리도함께검토해야합니다" in text


def test_names_are_masked_on_every_page(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    texts = _pages(render_improvement_report(data)[0])
    for real in ("김민준", "김영희", "이철수", "박서연"):
        assert all(real not in t for t in texts), real
    assert "김*희" in texts[-1] and "김*준" in "".join(texts)
    plain = build_report_data(
        ctx,
        ReportOptions(
            rw.w.cohort_id, mask_personal=False, purpose="운영위원회 보고", report_date=REPORT_DATE
        ),
    )
    assert "김영희" in "".join(_pages(render_improvement_report(plain)[0]))


def test_sections_can_be_left_out_and_progress_is_reported(world):
    ctx, rw = world
    data = build_report_data(
        ctx,
        ReportOptions(rw.w.cohort_id, sections=frozenset({"summary", "proposals"}), report_date=REPORT_DATE),
    )
    calls = []
    pdf, pages = render_improvement_report(data, lambda d, t, text: calls.append((d, t, text)))
    # cover, summary, the proposals chapter (list, 채택 과제 추진 현황) and its 개선 전·후 page
    assert pages == 4 and section_count(data) == 3
    assert [c[0] for c in calls] == [0, 1, 2, 3] and all(c[1] == 3 for c in calls)
    assert "개선제안목록" in _pages(pdf)[2] and "부록" not in "".join(_pages(pdf))


class _Token:
    def __init__(self, stop_at: int | None = None):
        self.seen, self.stop_at = [], stop_at

    def progress(self, done, total, text=""):
        self.seen.append((done, total, text))

    def check(self):
        if self.stop_at is not None and len(self.seen) >= self.stop_at:
            raise Stop()


@pytest.mark.parametrize("stop_at", [2, 9, 16])  # while reading, while drawing, before writing
def test_cancel_writes_nothing(world, tmp_path, stop_at):
    ctx, rw = world
    out = tmp_path / "out"
    out.mkdir()
    target, sheet = out / "보고서.pdf", out / "보고서.xlsx"
    with pytest.raises(Stop):
        write_report(
            ctx,
            ReportOptions(rw.w.cohort_id, mask_personal=False, purpose="위원회"),
            target,
            sheet,
            _Token(stop_at),
        )
    assert sorted(p.name for p in out.iterdir()) == []
    with reading(ctx) as s:
        assert s.scalar(select(func.count(AccessLog.id))) == 0


def test_write_report_writes_both_files_and_logs_unmasked_access(world, tmp_path):
    ctx, rw = world
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    token = _Token()
    result = write_report(
        ctx,
        ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE),
        tmp_path / "a.pdf",
        tmp_path / "a.xlsx",
        token,
    )
    assert result.pages == 8 and result.masked and (tmp_path / "a.xlsx").stat().st_size > 0
    assert token.seen[-1][:2] == (100, 100) and [d for d, _t, _x in token.seen] == sorted(
        d for d, _t, _x in token.seen
    )
    write_report(
        ctx, ReportOptions(rw.w.cohort_id, mask_personal=False, purpose="운영위원회 보고"), tmp_path / "b.pdf"
    )
    with reading(ctx) as s:
        masked, (action, purpose, detail) = s.execute(
            select(AccessLog.action, AccessLog.purpose, AccessLog.detail).order_by(AccessLog.id)
        ).all()
    assert masked[:2] == ("report", "")  # a masked report is logged too, without a purpose
    assert (action, purpose) == ("report_unmasked", "운영위원회 보고") and "b.pdf" in detail
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.xlsx", "b.pdf"]
