"""답변 요청서 만들기… / 가져오기… on the department desk page (issue 14 item 2): a coordinator
picks the department and cohort, the workbook is written on a worker; the answers read back are
saved and said; a refused workbook lists its problems one a line; a workbook for another
department than the page's choice is refused with a sentence; the buttons are a coordinator's."""

import pytest
from conftest import make_ctx
from gui_window import Window
from openpyxl import load_workbook
from proposal_world import D, build

from panelapp.domain.answer_request import FIRST_ROW, HEADERS, SHEET
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.core.rights import PAGE_CONTROLS
from panelapp.gui.operations import answer_requests
from panelapp.gui.pages.desk import DeskPage
from panelapp.services.permissions import Permission
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal
from panelapp.services.registers.departments import DepartmentInput, create_department

COL = {h: i + 1 for i, h in enumerate(HEADERS)}


@pytest.fixture
def setup(qtbot, tmp_path, monkeypatch):
    ctx = make_ctx("sqlite", tmp_path)
    w = build(ctx)
    other = create_department(ctx, DepartmentInput("공원녹지과", "박공원", "042-610-2200")).id
    p = create_proposal(
        ctx,
        ProposalInput(
            w.cohort_id,
            "탈의실 바닥 개선",
            proposal="매트 설치",
            department_id=w.dept_id,
            submitted_on=D(2026, 6, 1),
            finding_ids=(w.slippery,),
        ),
    )[0]
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    page = DeskPage(window)
    window.setCentralWidget(page)
    window.resize(1366, 740)
    window.show()
    page.refresh()
    told: dict[str, list] = {"info": [], "errors": []}
    monkeypatch.setattr(answer_requests.QMessageBox, "information", lambda *a: told["info"].append(a[2]))
    monkeypatch.setattr(answer_requests, "show_error", lambda _p, exc: told["errors"].append(str(exc)))
    yield page, w, other, p.id, told
    wait_for_all()
    ctx.db.dispose()


def _make(qtbot, page, w, tmp_path, monkeypatch):
    target = tmp_path / "요청서.xlsx"
    offered = []
    monkeypatch.setattr(
        "panelapp.gui.file_dialogs.save_file", lambda _p, kind, *_a, **_k: offered.append(kind) or str(target)
    )
    page.request_button.click()
    qtbot.waitUntil(lambda: getattr(page, "request_dialog", None) is not None, timeout=10000)
    dialog = page.request_dialog
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData(w.dept_id))
    assert dialog.cohort_combo.currentData() == w.cohort_id  # the window's cohort
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(page, "last_request", None) is not None, timeout=20000)
    assert offered == ["export"] and target.is_file()
    return target


def _fill(path, values):
    wb = load_workbook(path)
    ws = wb[SHEET]
    for column, value in values.items():
        ws.cell(FIRST_ROW, COL[column]).value = value
    wb.save(path)


def test_make_then_import_from_the_desk(qtbot, setup, tmp_path, monkeypatch):
    page, w, _other, pid, told = setup
    assert not page.request_button.isHidden() and not page.import_button.isHidden()
    path = _make(qtbot, page, w, tmp_path, monkeypatch)
    assert page.last_request.rows == 1 and page.last_request.department == "체육사업부"
    _fill(path, {"결과": "채택", "사유": "매트를 깔겠습니다", "답변자": "박주무관"})
    picked = []
    monkeypatch.setattr(
        "panelapp.gui.file_dialogs.open_file", lambda _p, kind, *_a: picked.append(kind) or str(path)
    )
    page.import_button.click()
    qtbot.waitUntil(lambda: getattr(page, "last_import", None) is not None, timeout=20000)
    assert picked == ["import"]
    assert told["info"] == ["체육사업부의 답변 1건을 저장했습니다."]
    assert get_proposal(page.ctx, pid).status is PS.ACCEPTED
    answer_requests.read_request(page, str(path))  # the same file again: said, not "changed since"
    qtbot.waitUntil(lambda: bool(told["errors"]), timeout=20000)
    day = f"{today_local():%Y-%m-%d}"
    assert told["errors"] == [
        f"'요청서.xlsx'의 답변 1건은 이미 가져온 것이라({day}) 새로 저장할 것이 없습니다."
    ]


def test_a_refused_workbook_lists_its_rows_and_another_department_is_refused(
    qtbot, setup, tmp_path, monkeypatch
):
    page, w, other, pid, told = setup
    path = _make(qtbot, page, w, tmp_path, monkeypatch)
    _fill(path, {"결과": "보류"})
    answer_requests.read_request(page, str(path))
    qtbot.waitUntil(lambda: getattr(page, "problems_dialog", None) is not None, timeout=20000)
    lines = page.problems_dialog.lines()
    assert lines[0].startswith(f"행 {FIRST_ROW}: 결과: '보류'는 고를 수 있는 결과가 아닙니다")
    assert f"행 {FIRST_ROW}: 답변자: 답한 분의 이름을 적어 주세요." in lines
    page.problems_dialog.close()
    _fill(path, {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"})
    answer_requests.read_request(page, str(path), other)  # the page has 공원녹지과 chosen
    qtbot.waitUntil(lambda: bool(told["errors"]), timeout=20000)
    assert (
        "체육사업부 앞으로 만든 답변 요청서라 공원녹지과의 답변으로 가져올 수 없습니다" in told["errors"][0]
    )
    assert get_proposal(page.ctx, pid).status is PS.SUBMITTED


def test_the_buttons_are_marked_as_panel_work():
    assert PAGE_CONTROLS["desk"]["request_button"] is Permission.PANEL_WORK
    assert PAGE_CONTROLS["desk"]["import_button"] is Permission.PANEL_WORK
