"""확인할 개선사항 in 결과 입력 (issue 14 item 7): the section lists the facility's completed
proposals, 임시 저장 keeps the choices, 완료 records them (미흡 reopens), a recorded check is shown."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PIL import Image
from schedule_world import build_world
from test_verifications import done_proposal

from panelapp.domain.enums import ChecklistItemKind, ProposalStatus, VerificationOutcome
from panelapp.gui.core.dialogs import discard_guard
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.results_dialog import ResultsDialog
from panelapp.gui.results_items import AnswerField
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.proposals.manage import get_proposal
from panelapp.services.results.entry import get_result_sheet

D = dt.date


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    drain = done_proposal(ctx, w, "샤워실 배수구 교체", D(2026, 5, 20))
    stairs = done_proposal(ctx, w, "계단 미끄럼방지", D(2026, 6, 1))
    insp = create_inspection(ctx, w.draft(day=D(2026, 6, 10)))
    park = create_inspection(ctx, w.draft(day=D(2026, 6, 11), facility=w.park_fac))
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w, insp, park, drain, stairs
    wait_for_all()
    ctx.db.dispose()


def opened(qtbot, window, insp):
    dialog = ResultsDialog(window, insp.id)
    dialog.resize(1180, 760)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.grid is not None, timeout=5000)
    return dialog


def choose(row, outcome):
    row.combo.setCurrentIndex(row.combo.findData(outcome))


def answer_all(dialog):
    for row in dialog.grid.rows:
        if isinstance(row.answer, AnswerField):
            row.answer.set_value("5" if row.item.kind == ChecklistItemKind.SCORE else "yes")


def test_the_section_keeps_drafts_and_completing_records_the_checks(qtbot, setup, monkeypatch):
    window, w, insp, _park, drain, stairs = setup
    asked = []
    monkeypatch.setattr(
        "panelapp.gui.results_verifications.confirm_reopen", lambda _p, named: asked.append(named) or True
    )
    dialog = opened(qtbot, window, insp)
    box = dialog.verifications
    assert box.isVisible() and box.title() == "확인할 개선사항 (2건)"
    assert list(box.rows) == [drain.id, stairs.id]
    first, second = box.rows[drain.id], box.rows[stairs.id]
    assert "완료 2026-05-20" in first.findChildren(type(first.recorded))[1].text()
    assert first.combo.currentText() == "확인 전" and not second.photo_button.isVisible()
    choose(first, VerificationOutcome.CONFIRMED)
    choose(second, VerificationOutcome.INSUFFICIENT)
    assert second.photo_button.isVisible()
    second.note.setText("끝부분이 들떠 있음")
    assert dialog.dirty and discard_guard(dialog).is_dirty()
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: not dialog.dirty, timeout=5000)
    kept = get_result_sheet(window.ctx, insp.id).verifications
    assert [(v.outcome, v.note, v.recorded) for v in kept] == [
        (VerificationOutcome.CONFIRMED, None, False),
        (VerificationOutcome.INSUFFICIENT, "끝부분이 들떠 있음", False),
    ]
    assert get_proposal(window.ctx, stairs.id).status == ProposalStatus.DONE  # a draft touches nothing
    dialog.reject()

    again = opened(qtbot, window, insp)
    rows = again.verifications.rows
    assert (
        rows[drain.id].combo.currentText() == "개선 확인"
        and rows[stairs.id].note.text() == "끝부분이 들떠 있음"
    )
    assert not discard_guard(again).is_dirty()
    answer_all(again)
    with qtbot.waitSignal(again.finished, timeout=5000):
        again.ui.completeButton.click()
    assert asked == [[(stairs.id, stairs.title)]]  # 임시 저장 did not ask: a draft reopens nothing
    reopened = get_proposal(window.ctx, stairs.id)
    assert reopened.status == ProposalStatus.IN_PROGRESS
    assert reopened.events[-1].note.startswith("현장 확인: 미흡 (2026-06-10 한빛국민체육센터 점검)")
    assert get_proposal(window.ctx, drain.id).events[-1].is_verification

    done = opened(qtbot, window, insp)
    rows = done.verifications.rows
    assert (
        not rows[drain.id].combo.isEnabled()
        and rows[drain.id].recorded.text() == "개선 확인 기록됨 (2026-06-10)"
    )
    assert rows[stairs.id].recorded.text() == "미흡 기록됨 (2026-06-10)"
    assert rows[stairs.id].combo.currentText() == "미흡" and not rows[stairs.id].photo_button.isVisible()
    done.reject()


def test_insufficient_asks_before_it_reopens_and_cancel_saves_nothing(qtbot, setup, monkeypatch):
    """완료 with a 미흡 names the proposals it moves back to 추진중; 취소 keeps everything as
    typed and saves nothing, 계속 records it. A completed visit's 저장 asks the same."""
    from panelapp.gui.results_verifications import reopen_text

    window, w, insp, _park, drain, stairs = setup
    answers, answers_given = [], [False, True]
    monkeypatch.setattr(
        "panelapp.gui.results_verifications.confirm_reopen",
        lambda _p, named: answers.append(named) or answers_given.pop(0),
    )
    dialog = opened(qtbot, window, insp)
    rows = dialog.verifications.rows
    choose(rows[drain.id], VerificationOutcome.INSUFFICIENT)
    rows[drain.id].note.setText("물이 고임")
    choose(rows[stairs.id], VerificationOutcome.INSUFFICIENT)
    rows[stairs.id].note.setText("끝부분이 들떠 있음")
    answer_all(dialog)
    dialog.ui.completeButton.click()
    named = [(drain.id, drain.title), (stairs.id, stairs.title)]
    assert answers == [named]
    assert reopen_text(named).startswith(
        f"다음 개선제안을 다시 추진중으로 돌립니다: #{drain.id} '{drain.title}', #{stairs.id} '{stairs.title}'."
    )
    assert reopen_text(named).endswith("계속할까요?")
    wait_for_all()
    assert dialog.isVisible() and dialog.dirty and dialog.ui.completeButton.isEnabled()
    assert rows[stairs.id].note.text() == "끝부분이 들떠 있음"
    sheet = get_result_sheet(window.ctx, insp.id)
    assert sheet.verifications[0].outcome is None and sheet.status.name == "PLANNED"  # nothing saved
    assert get_proposal(window.ctx, stairs.id).status == ProposalStatus.DONE
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ui.completeButton.click()
    assert len(answers) == 2
    assert get_proposal(window.ctx, drain.id).status == ProposalStatus.IN_PROGRESS
    assert get_proposal(window.ctx, stairs.id).status == ProposalStatus.IN_PROGRESS


def test_saving_a_completed_visit_asks_before_a_new_insufficient(qtbot, setup, monkeypatch):
    window, w, insp, _park, drain, stairs = setup
    answers_given = [False, True]
    asked = []
    monkeypatch.setattr(
        "panelapp.gui.results_verifications.confirm_reopen",
        lambda _p, named: asked.append(named) or answers_given.pop(0),
    )
    dialog = opened(qtbot, window, insp)
    choose(dialog.verifications.rows[drain.id], VerificationOutcome.CONFIRMED)
    answer_all(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ui.completeButton.click()
    assert asked == []  # only 개선 확인: nothing to ask
    again = opened(qtbot, window, insp)
    row = again.verifications.rows[stairs.id]
    choose(row, VerificationOutcome.INSUFFICIENT)
    row.note.setText("끝부분이 들떠 있음")
    again.ui.saveButton.click()  # declined
    assert asked == [[(stairs.id, stairs.title)]]
    wait_for_all()
    assert get_proposal(window.ctx, stairs.id).status == ProposalStatus.DONE and again.dirty
    assert not get_result_sheet(window.ctx, insp.id).verifications[1].outcome
    again.ui.saveButton.click()
    qtbot.waitUntil(lambda: not again.dirty, timeout=5000)
    assert get_proposal(window.ctx, stairs.id).status == ProposalStatus.IN_PROGRESS
    again.reject()


def test_a_photo_of_what_is_insufficient_is_attached_at_once(qtbot, setup, tmp_path, monkeypatch):
    window, w, insp, _park, _drain, stairs = setup
    photo = tmp_path / "계단.jpg"
    Image.new("RGB", (40, 30), (90, 90, 90)).save(photo, "JPEG")
    monkeypatch.setattr("panelapp.gui.file_dialogs.open_files", lambda *a, **k: [str(photo)])
    dialog = opened(qtbot, window, insp)
    row = dialog.verifications.rows[stairs.id]
    choose(row, VerificationOutcome.INSUFFICIENT)
    row.photo_button.click()
    qtbot.waitUntil(lambda: row.photos.text() == "사진 1장", timeout=5000)
    (item,) = [v for v in get_result_sheet(window.ctx, insp.id).verifications if v.proposal_id == stairs.id]
    assert item.photos == 1 and item.outcome is VerificationOutcome.INSUFFICIENT
    dialog.reject()


def test_a_visit_with_nothing_to_check_shows_no_section(qtbot, setup):
    window, _w, _insp, park, *_ = setup
    dialog = opened(qtbot, window, park)
    assert not dialog.verifications.isVisible() and dialog.verifications.rows == {}
    dialog.reject()


def test_the_proposal_detail_shows_what_a_visit_photographed_as_insufficient(
    qtbot, setup, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QLabel

    from panelapp.gui.pages.proposal_detail import ProposalDetailView

    window, w, insp, _park, _drain, stairs = setup
    photo = tmp_path / "계단.jpg"
    Image.new("RGB", (40, 30), (90, 90, 90)).save(photo, "JPEG")
    monkeypatch.setattr("panelapp.gui.file_dialogs.open_files", lambda *a, **k: [str(photo)])
    monkeypatch.setattr("panelapp.gui.results_verifications.confirm_reopen", lambda *_a: True)
    dialog = opened(qtbot, window, insp)
    row = dialog.verifications.rows[stairs.id]
    choose(row, VerificationOutcome.INSUFFICIENT)
    row.note.setText("끝부분이 들떠 있음")
    row.photo_button.click()
    qtbot.waitUntil(lambda: row.photos.text() == "사진 1장", timeout=5000)
    answer_all(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ui.completeButton.click()
    view = ProposalDetailView(window)
    qtbot.addWidget(view)
    view.show_proposal(stairs.id)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
    (thumb,) = view.findChildren(QLabel, "checkPhoto0")
    assert thumb.toolTip() == "2026-06-10 점검 · 미흡: 끝부분이 들떠 있음"
    headings = [label.text() for label in view.findChildren(QLabel)]
    assert "현장 확인 사진 (1장)" in headings


def test_a_check_saved_on_another_desktop_is_shown_beside_mine(qtbot, setup):
    """Another desktop's 임시 저장 meanwhile: each 확인할 개선사항 choice and note is a field of the
    conflict view (tests/gui/test_conflicts.py covers the answers and ticks)."""
    from panelapp.gui.core.conflicts import MINE, THEIRS
    from panelapp.services.results.entry import save_results
    from panelapp.services.results.verifications import VerificationChoice

    window, w, insp, _park, drain, stairs = setup
    dialog = opened(qtbot, window, insp)
    sheet = get_result_sheet(window.ctx, insp.id)
    save_results(window.ctx, insp.id, [], sheet.version,
                 verifications=[VerificationChoice(drain.id, VerificationOutcome.CONFIRMED, None)])  # fmt: skip
    second = dialog.verifications.rows[stairs.id]
    choose(second, VerificationOutcome.INSUFFICIENT)
    second.note.setText("끝부분이 들떠 있음")
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: dialog.conflict.conflict_dialog is not None, timeout=10000)
    conflict = dialog.conflict.conflict_dialog
    label = f"확인: {drain.title}"
    mine_label = f"확인: {stairs.title}"
    assert conflict.choices() == {label: THEIRS, mine_label: MINE, f"{mine_label} 메모": MINE}
    assert {r.label: r.theirs.text for r in conflict.rows}[label] == "개선 확인"
    conflict.apply_button.click()
    boxes = dialog.verifications.rows
    assert boxes[drain.id].outcome() == VerificationOutcome.CONFIRMED
    assert boxes[stairs.id].outcome() == VerificationOutcome.INSUFFICIENT
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: not discard_guard(dialog).is_dirty(), timeout=10000)
    kept = get_result_sheet(window.ctx, insp.id).verifications
    assert [(v.outcome, v.note) for v in kept] == [
        (VerificationOutcome.CONFIRMED, None),
        (VerificationOutcome.INSUFFICIENT, "끝부분이 들떠 있음"),
    ]
    dialog.reject()
