"""The report's evidence and citizens' voice: a done proposal carries its 완료 내용 and a few
photos before (its findings') and after (given at 완료 처리), drawn side by side at one fixed size
from print copies; the 좋아요·아쉬워요 section counts notes per facility and kind in SQL and
lists the proposals they led to, read back from the PDF and the .xlsx (which agree), no note
text or name in either, and two statements whatever the number of notes (100,000 here)."""

import datetime as dt
import io
import time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_world import REPORT_DATE, build_report_world
from sqlalchemy import event, insert, select
from test_proposal_completion import jpeg

from panelapp.db.models import Attachment, Feedback
from panelapp.domain.enums import FeedbackKind, FeedbackSource
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.report_data import ReportOptions
from panelapp.reports.improvement.evidence import EVIDENCE_BOX
from panelapp.reports.improvement_report import render_improvement_report
from panelapp.reports.photo import print_pixels
from panelapp.reports.report_xlsx import report_xlsx_bytes
from panelapp.services.attachments.store import attachment_path
from panelapp.services.context import reading, transaction
from panelapp.services.engagement.feedback import FeedbackInput, create_feedback, delete_feedback
from panelapp.services.proposals.manage import AFTER_PHOTOS, delete_proposal, get_proposal, move_proposal
from panelapp.services.reporting.files import write_report
from panelapp.services.reporting.query import build_report_data

D = dt.date
LIKE, DISLIKE = FeedbackKind.LIKE, FeedbackKind.DISLIKE
RESULT = "경사로 손잡이를 스테인리스로 교체하고 미끄럼 방지 패드를 붙였습니다."
NOTE_TEXT = "샤워실 온수가 미지근합니다 홍길동 010-1234-5678"


@pytest.fixture
def world(sqlite_ctx, tmp_path):
    ctx = sqlite_ctx
    rw = build_report_world(ctx)
    handrail = rw.proposals["handrail"]
    p = get_proposal(ctx, handrail, REPORT_DATE)
    p = move_proposal(ctx, p.id, PS.IN_PROGRESS, p.version, today=REPORT_DATE)
    after = [jpeg(tmp_path / "after1.jpg", (30, 150, 80), (800, 600)), jpeg(tmp_path / "after2.jpg")]
    move_proposal(
        ctx, p.id, PS.DONE, p.version, on=D(2026, 7, 20), today=REPORT_DATE, result=RESULT, photos=after
    )
    w = rw.w

    def note(kind, facility, day, proposal=None, answer=None, handled=False):
        data = FeedbackInput(
            w.cohort_id, kind, NOTE_TEXT, day, FeedbackSource.BOARD, facility, proposal, handled, answer
        )
        return create_feedback(ctx, data, today=REPORT_DATE)[0]

    for day in (D(2026, 4, 3), D(2026, 5, 4), D(2026, 6, 5)):
        note(LIKE, w.gym, day)
    note(DISLIKE, w.gym, D(2026, 5, 10), proposal=handrail, answer="제안으로 올렸습니다")
    note(DISLIKE, w.gym, D(2026, 5, 11), proposal=handrail, handled=True)
    note(DISLIKE, w.park_fac, D(2026, 6, 1), proposal=rw.proposals["braille"])
    note(LIKE, w.park_fac, D(2026, 6, 2), proposal=rw.proposals["braille"])
    note(LIKE, None, D(2026, 7, 1))  # about no facility
    note(DISLIKE, w.lot, D(2026, 2, 1))  # before the term: not in the period
    gone = note(DISLIKE, w.lot, D(2026, 7, 2))
    delete_feedback(ctx, gone.id, gone.version)  # in the trash: not counted
    toilet = get_proposal(ctx, rw.proposals["toilet"], REPORT_DATE)
    note(DISLIKE, w.lot, D(2026, 7, 3), proposal=toilet.id)
    delete_proposal(ctx, toilet.id, toilet.version)  # a trashed proposal is no longer "led to"
    return ctx, rw


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text().replace(" ", "").replace("\n", "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _images_on(pdf: bytes, page_no: int) -> list[tuple[int, int]]:
    page = PdfReader(io.BytesIO(pdf)).pages[page_no]
    out = []
    for ref in (page["/Resources"].get("/XObject") or {}).values():
        image = ref.get_object()
        if image["/Subtype"] == "/Image":
            out.append((int(image["/Width"]), int(image["/Height"])))
    return out


def test_report_data_carries_before_and_after(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    rows = {p.id: p for p in data.proposals}
    done = rows[rw.proposals["handrail"]]
    assert done.status == PS.DONE and done.result_text == RESULT
    with reading(ctx) as s:
        ramp = list(
            s.scalars(
                select(Attachment.sha256)
                .where(Attachment.owner_type == "finding", Attachment.owner_id == rw.findings["ramp"])
                .order_by(Attachment.id)
            )
        )
        after = list(
            s.scalars(
                select(Attachment.sha256)
                .where(Attachment.owner_type == AFTER_PHOTOS, Attachment.owner_id == done.id)
                .order_by(Attachment.id)
            )
        )
    assert [p.path for p in done.before_photos] == [str(attachment_path(ctx.db, h)) for h in ramp[:2]]
    assert [p.path for p in done.after_photos] == [str(attachment_path(ctx.db, h)) for h in after]
    assert (done.before_photo_count, done.after_photo_count) == (3, 2)
    assert done.after_photos[0].width == 800 and done.after_photos[0].height == 600
    lot = rows[rw.proposals["lot"]]  # done, but with no findings and no photos
    assert lot.status == PS.DONE and (lot.before_photos, lot.after_photos, lot.result_text) == ((), (), None)
    assert all(not p.before_photos and not p.after_photos for p in rows.values() if p.status != PS.DONE)
    bare = build_report_data(ctx, ReportOptions(rw.w.cohort_id, photos=False, report_date=REPORT_DATE))
    plain = next(p for p in bare.proposals if p.id == done.id)
    assert (plain.before_photos, plain.after_photos) == ((), ())
    assert (plain.before_photo_count, plain.after_photo_count, plain.result_text) == (3, 2, RESULT)


def test_pdf_shows_before_and_after_side_by_side_from_print_copies(world, tmp_path):
    ctx, rw = world
    out = tmp_path / "r.pdf"
    write_report(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE), out)
    pdf = out.read_bytes()
    texts = _pages(pdf)
    page = next(i for i, t in enumerate(texts) if "개선전·후:완료된제안" in t)
    text = texts[page]
    assert "1.경사로손잡이교체및미끄럼방지" in text or "경사로손잡이교체및미끄럼방지" in text
    assert RESULT.replace(" ", "") in text and "개선전·발견사항사진(사진3장중2장)" in text
    assert "개선후" in text and "완료2026.7.20." in text
    images = _images_on(pdf, page)
    assert len(images) == 4  # two before, two after
    box = print_pixels(*EVIDENCE_BOX)
    assert all(w <= box[0] and h <= box[1] for w, h in images)  # the print copies, one fixed box
    assert max(w for w, _h in images) == box[0]  # the landscape photos fill the box's width
    assert "(기록없음)" in "".join(texts)  # the done proposal completed before 완료 내용 existed
    assert "완료내용:" + RESULT.replace(" ", "") in "".join(texts[:page])  # also in its facility's table
    bare = tmp_path / "bare.pdf"
    write_report(ctx, ReportOptions(rw.w.cohort_id, photos=False, report_date=REPORT_DATE), bare)
    bare_pdf = bare.read_bytes()
    bare_page = next(i for i, t in enumerate(_pages(bare_pdf)) if "개선전·후:완료된제안" in t)
    assert _images_on(bare_pdf, bare_page) == []


def test_feedback_counts_per_facility_and_kind_and_the_proposals_they_led_to(world):
    ctx, rw = world
    w = rw.w
    fb = build_report_data(ctx, ReportOptions(w.cohort_id, report_date=REPORT_DATE)).feedback
    got = {t.facility: (t.likes, t.dislikes, t.answered, t.to_proposals) for t in fb.by_facility}
    assert got == {
        "한빛국민체육센터": (3, 2, 2, 2),
        "새봄근린공원": (1, 1, 0, 2),
        "시청 공영주차장": (0, 1, 0, 0),
        "시설 미지정": (1, 0, 0, 0),
    }
    assert [t.facility for t in fb.by_facility][-1] == "시설 미지정"  # after the facilities
    assert (fb.likes, fb.dislikes, fb.answered, fb.to_proposals, fb.total) == (5, 4, 2, 4, 9)
    assert [(p.title, p.likes, p.dislikes, p.status) for p in fb.proposals] == [
        ("경사로 손잡이 교체 및 미끄럼 방지", 0, 2, PS.DONE),
        ("점자블록 전면 교체", 1, 1, PS.PARTIAL),
    ]
    only = build_report_data(
        ctx, ReportOptions(w.cohort_id, facility_ids=(w.park_fac,), report_date=REPORT_DATE)
    ).feedback
    assert [(t.facility, t.total) for t in only.by_facility] == [("새봄근린공원", 2)]
    left_out = build_report_data(
        ctx, ReportOptions(w.cohort_id, sections=frozenset({"summary"}), report_date=REPORT_DATE)
    )
    assert left_out.feedback.total == 0 and left_out.feedback.by_facility == ()


def test_feedback_section_reads_back_from_the_pdf_and_agrees_with_the_xlsx(world):
    ctx, rw = world
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    texts = _pages(render_improvement_report(data)[0])
    page = next(t for t in texts if "시민의견:좋아요·아쉬워요" in t)
    assert "좋아요5건·아쉬워요4건·답변2건·개선제안으로이어진의견4건" in page
    numbers = {p.id: n for n, p in enumerate(data.proposals, 1)}
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data)))
    tally = list(wb["좋아요·아쉬워요"].iter_rows(min_row=2, values_only=True))
    assert tally == [
        ("한빛국민체육센터", 3, 2, 5, 2, 2),
        ("새봄근린공원", 1, 1, 2, 0, 2),
        ("시청 공영주차장", 0, 1, 1, 0, 0),
        ("시설 미지정", 1, 0, 1, 0, 0),
        ("합계", 5, 4, 9, 2, 4),
    ]
    for name, *figures in tally:  # the PDF prints the same row, figure for figure
        assert name.replace(" ", "") + "".join(str(f) for f in figures) in page, name
    led = list(wb["의견이 이어진 제안"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[3], r[5], r[6]) for r in led] == [
        (numbers[rw.proposals["handrail"]], "경사로 손잡이 교체 및 미끄럼 방지", "완료", 0, 2),
        (numbers[rw.proposals["braille"]], "점자블록 전면 교체", "부분채택", 1, 1),
    ]
    for n, title, _f, status, _d, likes, dislikes in led:
        assert f"{n}{title.replace(' ', '')}" in page and f"{status}{likes}{dislikes}" in page
    everything = "".join(texts) + "".join(
        str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
    )
    for private in ("샤워실온수", "샤워실 온수", "홍길동", "010-1234-5678"):
        assert private not in everything  # no note text (nor what a citizen wrote in it)
    cover = texts[0]
    assert "좋아요·아쉬워요" in cover  # listed among the contents


def test_feedback_at_100000_notes_is_two_grouped_statements(sqlite_ctx):
    ctx = sqlite_ctx
    rw = build_report_world(ctx)
    w = rw.w
    facilities = (w.gym, w.park_fac, w.lot, None)
    rows = [
        {
            "cohort_id": w.cohort_id,
            "facility_id": facilities[i % 4],
            "kind": LIKE if i % 3 else DISLIKE,
            "source": FeedbackSource.WEBSITE,
            "received_on": D(2026, 3, 1) + dt.timedelta(days=i % 150),
            "text": "의견",
            "handled": i % 5 == 0,
            "proposal_id": rw.proposals["braille"] if i % 10 == 0 else None,
            "created_at": dt.datetime(2026, 3, 1),
            "updated_at": dt.datetime(2026, 3, 1),
            "version": 1,
        }
        for i in range(100_000)
    ]
    with transaction(ctx) as s:
        s.execute(insert(Feedback), rows)
    statements: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        if "feedback" in statement:
            statements.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", seen)
    try:
        started = time.perf_counter()
        data = build_report_data(
            ctx, ReportOptions(w.cohort_id, sections=frozenset({"feedback"}), report_date=REPORT_DATE)
        )
        elapsed = time.perf_counter() - started
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", seen)
    fb = data.feedback
    assert fb.total == 100_000 and fb.dislikes == sum(1 for i in range(100_000) if i % 3 == 0)
    assert fb.to_proposals == 10_000 and fb.answered == 20_000
    assert {t.facility: t.total for t in fb.by_facility}["시설 미지정"] == 25_000
    assert [(p.title, p.likes + p.dislikes) for p in fb.proposals] == [("점자블록 전면 교체", 10_000)]
    assert len(statements) == 2 and all("GROUP BY" in sql for sql, _p in statements)
    assert all(len(params or ()) < 10 for _sql, params in statements)  # no list of ids
    assert elapsed < 10  # about 0.2 s here; the bound only catches a per-note query


def test_the_demo_closes_its_loop_with_evidence_and_voices(demo_ctx):
    from panelapp.services.inspections.queries import cohort_by_number

    cohort_id, _name = cohort_by_number(demo_ctx, 7)
    data = build_report_data(demo_ctx, ReportOptions(cohort_id))
    done = [p for p in data.proposals if p.status == PS.DONE]
    assert done and all(p.result_text and p.after_photos for p in done)
    assert any(p.before_photos for p in done) and all(len(p.after_photos) <= 2 for p in done)
    assert (
        data.feedback.total > 20 and data.feedback.proposals and data.feedback.dislikes > data.feedback.likes
    )
