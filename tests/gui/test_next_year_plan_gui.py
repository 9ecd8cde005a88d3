"""차년도 업무계획 in the window (issue 14 item 8): 기수 종료 처리 offers the dialog with every adopted,
unfinished proposal ticked; the typed 예상 비용 / 목표 분기 are saved, an unticked one is not carried;
a bad quarter is a sentence naming the proposal; a save after another desktop changed the plan keeps
the input and reloads; the file chooser (kind report) writes the workbook on a worker; the next
cohort's 개선제안 page offers 이월 과제 (제7기에서) and lists them, the desk marks them 이월(제7기)."""

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from panelapp.gui import mainwindow
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.proposals import next_year
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings

D = dt.date


def _build(tmp_path, close: bool):
    import test_next_year_plan as world

    ctx = open_app(str(tmp_path / "app.db"), Settings(tmp_path / "settings.json"))
    w = world.build(ctx, close=close)
    ctx.db.dispose()
    return w


@pytest.fixture
def opened(qtbot, tmp_path, monkeypatch):
    def start(close: bool, pages=("welcome", "cohorts", "proposals", "desk")):
        w = _build(tmp_path, close)
        settings = Settings(tmp_path / "settings.json")
        monkeypatch.setattr(mainwindow, "PAGES", [p for p in mainwindow.PAGES if p[0] in pages])
        window = MainWindow(str(tmp_path / "app.db"), settings=settings)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        with qtbot.waitSignal(window.database_opened, timeout=15000):
            window.open_database()
        return window, w

    yield start
    wait_for_all()
    qtbot.wait(100)


def _wait_dialog(qtbot, page):
    qtbot.waitUntil(lambda: page.plan_dialog is not None, timeout=8000)
    return page.plan_dialog


def _set(dialog, title: str, column: int, text: str) -> None:
    for n in range(dialog.table.rowCount()):
        if title in dialog.table.item(n, 0).text():
            dialog.table.item(n, column).setText(text)
            return
    raise AssertionError(title)


def _untick(dialog, title: str) -> None:
    for n in range(dialog.table.rowCount()):
        if title in dialog.table.item(n, 0).text():
            dialog.table.item(n, 0).setCheckState(Qt.CheckState.Unchecked)


def test_closing_the_cohort_offers_the_plan_and_saves_what_was_typed(qtbot, opened, monkeypatch):
    window, w = opened(close=False)
    window.show_page("cohorts")
    page = window.pages["cohorts"]
    qtbot.waitUntil(lambda: len(page.cohorts) == 2, timeout=5000)
    page.table.selectRow(next(n for n, c in enumerate(page.cohorts) if c.number == 7))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.close_cohort()
    dialog = _wait_dialog(qtbot, page)
    assert dialog.table.rowCount() == 3
    assert all(dialog.table.item(n, 0).checkState() == Qt.CheckState.Checked for n in range(3))
    _set(dialog, "수영장 레인 교체", 6, "120만")
    _set(dialog, "체육관 조명", 7, "2027년 3분기")
    _untick(dialog, "산책로 벤치")
    assert "체크 2건 · 예상 비용 합계 1,200,000원" in dialog.total_label.text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=8000)
    assert dialog.saved.carried == 2
    data = next_year.plan_data(window.ctx, w.cohort)
    got = {r.title: (r.estimated_cost, r.quarter.label) for r in data.rows}
    assert got == {"수영장 레인 교체": (1_200_000, "2027년 2분기"), "체육관 조명": (None, "2027년 3분기")}
    qtbot.waitUntil(lambda: len(dialog.sheet.carried) == 2, timeout=5000)
    dialog.close()


def test_a_bad_quarter_is_named_and_a_stale_save_keeps_the_input(qtbot, opened):
    window, w = opened(close=True)
    window.show_page("cohorts")
    page = window.pages["cohorts"]
    qtbot.waitUntil(lambda: len(page.cohorts) == 2, timeout=5000)
    page.table.selectRow(next(n for n, c in enumerate(page.cohorts) if c.number == 7))
    assert page.plan_button.isEnabled()
    page.open_plan()
    dialog = _wait_dialog(qtbot, page)
    _set(dialog, "체육관 조명", 7, "2027년 5분기")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=8000)
    assert (
        "목표 분기" in dialog.error_label.text() and f"#{w.ids['체육관 조명']}" in dialog.error_label.text()
    )
    _set(dialog, "체육관 조명", 7, "2027년 4분기")
    next_year.carry_all(window.ctx, w.cohort)  # another desktop carries them meanwhile
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "다른 사용자가" in dialog.error_label.text(), timeout=8000)
    qtbot.waitUntil(lambda: len(dialog.sheet.carried) == 3, timeout=8000)
    row = next(n for n in range(3) if "체육관 조명" in dialog.table.item(n, 0).text())
    assert dialog.table.item(row, 7).text() == "2027년 4분기"  # what was typed stays
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=8000)
    assert dialog.saved.updated == 1
    dialog.close()


def test_the_dialog_writes_the_workbook_through_the_file_chooser(qtbot, opened, monkeypatch, tmp_path):
    window, w = opened(close=True)
    next_year.carry_all(window.ctx, w.cohort)
    target = tmp_path / "계획.xlsx"
    kinds = []
    monkeypatch.setattr(
        "panelapp.gui.file_dialogs.save_file", lambda _p, kind, *_a, **_k: kinds.append(kind) or str(target)
    )
    window.show_page("cohorts")
    page = window.pages["cohorts"]
    qtbot.waitUntil(lambda: len(page.cohorts) == 2, timeout=5000)
    page.table.selectRow(next(n for n, c in enumerate(page.cohorts) if c.number == 7))
    page.open_plan()
    dialog = _wait_dialog(qtbot, page)
    dialog.xlsx_button.click()
    qtbot.waitUntil(lambda: dialog.last_file is not None, timeout=8000)
    assert kinds == ["report"]
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("번호", "담당부서") and len(rows) == 4
    dialog.close()


def test_the_next_cohort_shows_the_carried_items_apart(qtbot, opened):
    window, w = opened(close=True)
    next_year.carry_all(window.ctx, w.cohort)
    combo = window.cohort_combo
    combo.setCurrentIndex(combo.findData(w.next))
    window.show_page("proposals")
    page = window.pages["proposals"]
    qtbot.waitUntil(lambda: page.carried_check.isVisible(), timeout=8000)
    assert page.carried_check.text() == "이월 과제 (제7기에서) 3건"
    assert page.register.row_count() == 0  # 제8기's own list: none of them
    hint = page.register.empty_label.text()  # the empty list says where they are
    assert "제7기에서 이월된 과제 3건은 '이월 과제 (제7기에서)'를 체크하면 보입니다." in hint
    page.carried_check.setChecked(True)
    qtbot.waitUntil(lambda: page.register.row_count() == 3, timeout=8000)
    window.show_page("desk")
    desk = window.pages["desk"]
    qtbot.waitUntil(lambda: "이월 과제 3건" in desk.summary_label.text(), timeout=8000)
    desk.carried_check.setChecked(True)
    qtbot.waitUntil(lambda: desk.register.row_count() == 3, timeout=8000)
    assert desk.model.index(0, 7).data() == "이월(제7기)"


def test_the_next_cohorts_dashboard_counts_them_apart(qtbot, opened):
    window, w = opened(close=True, pages=("welcome", "dashboard", "proposals"))
    next_year.carry_all(window.ctx, w.cohort)
    combo = window.cohort_combo
    combo.setCurrentIndex(combo.findData(w.next))
    window.show_page("dashboard")
    board = window.pages["dashboard"]
    qtbot.waitUntil(lambda: board.carried_label.isVisible(), timeout=8000)
    assert (
        "이월 과제 (제7기에서) 3건" in board.carried_label.text()
        and "들지 않습니다" in board.carried_label.text()
    )
    assert board.data.proposals_total == 0  # 제8기's own figures hold none of them
    board.carried_label.linkActivated.emit("carried")
    page = window.pages["proposals"]
    qtbot.waitUntil(lambda: page.carried_check.isChecked() and page.register.row_count() == 3, timeout=8000)


def _open_closed(qtbot, opened, carry: bool = True):
    window, w = opened(close=True)
    if carry:
        next_year.carry_all(window.ctx, w.cohort)
    window.show_page("cohorts")
    page = window.pages["cohorts"]
    qtbot.waitUntil(lambda: len(page.cohorts) == 2, timeout=5000)
    page.table.selectRow(next(n for n, c in enumerate(page.cohorts) if c.number == 7))
    page.open_plan()
    return window, w, _wait_dialog(qtbot, page)


def test_exporting_with_unsaved_edits_saves_them_first_and_closing_asks(qtbot, opened, monkeypatch, tmp_path):
    from panelapp.gui.core import dialogs as core_dialogs
    from panelapp.gui.dialogs import next_year_plan_dialog as plan_module

    window, w, dialog = _open_closed(qtbot, opened)
    target = tmp_path / "계획.xlsx"
    monkeypatch.setattr("panelapp.gui.file_dialogs.save_file", lambda *_a, **_k: str(target))
    asked = []
    monkeypatch.setattr(plan_module, "ask_save_first", lambda _p: asked.append(1) or False)
    _set(dialog, "체육관 조명", 6, "12345")
    dialog.xlsx_button.click()  # 취소: nothing saved, nothing written
    assert asked == [1] and not target.exists() and dialog.saved is None
    monkeypatch.setattr(plan_module, "ask_save_first", lambda _p: asked.append(2) or True)
    dialog.xlsx_button.click()
    qtbot.waitUntil(lambda: dialog.last_file is not None, timeout=8000)
    assert asked == [1, 2] and dialog.saved is not None and dialog.saved.updated == 1
    assert dialog.last_file.total_cost == 12345
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert 12345 in [c for r in rows for c in r]
    assert not dialog.is_dirty()
    # closing with an edit asks; 계속 편집 keeps the dialog open
    _set(dialog, "체육관 조명", 6, "99")
    questions = []
    monkeypatch.setattr(core_dialogs, "ask_discard", lambda *_a, **_k: questions.append(1) or False)
    dialog.close_button.click()
    assert questions == [1] and dialog.isVisible()
    monkeypatch.setattr(core_dialogs, "ask_discard", lambda *_a, **_k: questions.append(2) or True)
    dialog.close_button.click()
    assert questions == [1, 2] and not dialog.isVisible()


def test_every_error_is_listed_at_once_and_a_fixed_cell_drops_its_error(qtbot, opened):
    window, w, dialog = _open_closed(qtbot, opened, carry=False)
    gym, bench = w.ids["체육관 조명"], w.ids["산책로 벤치"]
    _set(dialog, "체육관 조명", 6, "abc")
    _set(dialog, "산책로 벤치", 7, "2027년 5분기")
    _set(dialog, "수영장 레인 교체", 7, "2026년 3분기")  # ended already (today is after it)
    dialog.save_button.click()
    text = dialog.error_label.text()
    assert dialog.error_label.isVisible()
    assert f"#{gym} 예상 비용: 'abc'는 금액으로 읽을 수 없습니다" in text
    assert f"#{bench} 목표 분기: '2027년 5분기'는 분기로 읽을 수 없습니다" in text
    assert "2026년 3분기는 이미 지났습니다" in text
    _set(dialog, "체육관 조명", 6, "12,345")
    assert "'abc'" not in dialog.error_label.text() and "5분기" in dialog.error_label.text()
    _set(dialog, "산책로 벤치", 7, "2027년 2분기")
    _set(dialog, "수영장 레인 교체", 7, "2027년 2분기")
    assert not dialog.error_label.isVisible()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=8000)
    assert not dialog.error_label.isVisible()
    dialog.close()
