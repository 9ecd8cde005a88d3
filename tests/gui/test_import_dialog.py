"""파일에서 불러오기 and 명단 내보내기 on the roster page: preview, filter, import, cancel, export."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from shiboken6 import isValid
from sqlalchemy import func, select

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.changes import Kind
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    ctx = open_app(str(tmp_path / "app.db"), settings)
    c = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    enroll_member(
        ctx,
        c.id,
        MemberInput("김하나", "010-2999-5678", joined_on=dt.date(2026, 3, 1)),
        ConsentInput("2026-1", dt.date(2026, 3, 1), agreed=True),
    )
    ctx.db.dispose()
    window = MainWindow(str(tmp_path / "app.db"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    roster = window.pages["roster"]
    window.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=5000)
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    roster.messages = messages
    yield roster
    window.close()
    wait_for_all()


def open_import(qtbot, page, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.import_from_file()
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=10000)
    return dlg


def count(page, model) -> int:
    with page.window_.ctx.db.session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_preview_with_errors_filters_and_refuses(qtbot, page, monkeypatch):
    dlg = open_import(qtbot, page, monkeypatch, FIX / "roster_errors.csv")
    assert not dlg.import_button.isEnabled()
    assert "전체 3행 · 정상 1행 · 오류 2행" in dlg.summary_label.text()
    assert dlg.errors_only.isChecked() and dlg.proxy.rowCount() == 2
    row2 = [dlg.proxy.index(0, c).data() for c in range(8)]
    assert row2[:2] == ["3", "오류"] and "이름: 이름을 입력해 주세요." in row2[7] and "역할:" in row2[7]
    assert "행과 번호가 같습니다" in dlg.proxy.index(1, 7).data()
    dlg.errors_only.setChecked(False)
    assert dlg.proxy.rowCount() == 3 and dlg.proxy.index(0, 1).data() == "정상"
    assert dlg.start_import() is None
    dlg.reject()


def test_import_all_rows_refreshes_the_roster(qtbot, page, monkeypatch):
    dlg = open_import(qtbot, page, monkeypatch, FIX / "roster.xlsx")
    assert dlg.import_button.isEnabled() and dlg.import_button.text() == "5명 불러오기"
    assert "'memo'" in dlg.notice_label.text() and not dlg.errors_only.isChecked()
    with qtbot.waitSignal(page.window_.bus.changes, timeout=10000) as announced:
        dlg.import_button.click()
    assert announced.args[0].touches({Kind.MEMBER}) and announced.args[0].touches({Kind.ENROLLMENT})
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=10000)
    assert page.messages[-1] == "5명을 등록했습니다."
    qtbot.waitUntil(lambda: not isValid(dlg), timeout=5000)  # closed and deleted


def test_cancel_writes_nothing(qtbot, page, monkeypatch, tmp_path):
    from panelapp.db.models import Member

    path = tmp_path / "many.csv"
    path.write_text(
        "이름,휴대전화,개인정보동의일\n"
        + "".join(f"단원,010-{3000 + i // 100:04d}-{i:04d},2026-03-02\n" for i in range(1500)),
        encoding="utf-8",
    )
    dlg = open_import(qtbot, page, monkeypatch, path)
    op = dlg.start_import()
    op.cancel()
    qtbot.waitUntil(lambda: any("취소" in m for m in page.messages), timeout=10000)
    assert count(page, Member) == 1 and dlg.isVisible() and dlg.import_button.isEnabled()
    dlg.reject()


def test_unreadable_file_shows_why(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIX / "roster_utf16.csv"), ""))
    page.import_from_file()
    qtbot.waitUntil(lambda: bool(page.messages), timeout=10000)
    assert "UTF-16" in page.messages[-1] and not page.dialog.import_button.isEnabled()
    page.dialog.reject()


def test_template_download(qtbot, page, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "서식"), ""))
    page.import_from_file()
    page.dialog.save_template()
    qtbot.waitUntil(lambda: bool(page.messages), timeout=10000)
    assert openpyxl.load_workbook(tmp_path / "서식.xlsx").sheetnames == ["단원 명단", "작성 안내"]
    page.dialog.reject()


def test_export_masked_then_unmasked_with_purpose(qtbot, page, monkeypatch, tmp_path):
    from panelapp.db.models import AccessLog

    choice = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[choice[-1]], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("발대식 안내", True))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "명단"), "CSV UTF-8 (*.csv)")
    )
    choice.append(0)
    page.export_roster()
    qtbot.waitUntil(lambda: bool(page.messages), timeout=10000)
    assert "김*나" in (tmp_path / "명단.csv").read_text(encoding="utf-8-sig")
    with page.window_.ctx.db.session_factory() as s:  # masked: logged without a purpose
        assert s.scalars(select(AccessLog.purpose).where(AccessLog.action == "roster_export")).all() == [""]
    choice.append(1)
    page.export_roster()
    qtbot.waitUntil(lambda: len(page.messages) == 2, timeout=10000)
    assert "김하나" in (tmp_path / "명단.csv").read_text(encoding="utf-8-sig")
    with page.window_.ctx.db.session_factory() as s:
        assert s.scalars(select(AccessLog.purpose).where(AccessLog.action == "export_unmasked")).all() == [
            "발대식 안내"
        ]


def test_the_notice_names_the_sheet_read_and_the_skipped_example(qtbot, page, monkeypatch, tmp_path):
    path = tmp_path / "숨김.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "옛 명단"
    wb.active.append(["이름", "휴대전화", "개인정보동의일"])
    wb.active.sheet_state = "hidden"
    ws = wb.create_sheet("단원 명단")
    ws.append(["이름", "휴대전화", "개인정보동의일"])
    ws.append(["홍길동", "010-1234-5678", "2026-03-02"])
    ws.append(["이\u200b서연", "010-2111-0002", "2026-03-02"])
    wb.active = 1
    wb.save(path)
    dlg = open_import(qtbot, page, monkeypatch, path)
    notice = dlg.notice_label.text()
    assert "'단원 명단' 시트를 읽었습니다. 숨겨진 시트('옛 명단')는 읽지 않았습니다." in notice
    assert "서식의 예시 행(2행: 홍길동, 010-1234-5678)은 단원이 아니므로 건너뛰었습니다." in notice
    assert not dlg.import_button.isEnabled() and dlg.proxy.rowCount() == 1
    assert dlg.proxy.index(0, 0).data() == "3" and "폭 없는 문자(U+200B)" in dlg.proxy.index(0, 7).data()
    dlg.reject()


def test_fix_the_file_and_read_it_again(qtbot, page, monkeypatch, tmp_path):
    path = tmp_path / "fix.csv"
    path.write_text("이름,휴대전화,역할,개인정보동의일\n가람,010-2111-0001,회장,어제\n", encoding="utf-8")
    dlg = open_import(qtbot, page, monkeypatch, path)
    dlg.view.selectRow(0)
    assert dlg.detail_label.text().splitlines() == [
        "행 2: 역할: '회장'은 알 수 없는 역할입니다. 단장 / 조장 / 단원 중 하나로 적어 주세요.",
        "행 2: 개인정보동의일: '어제'는 날짜 형식이 아닙니다. 예: 2026-03-02",
    ]
    assert dlg.proxy.index(0, 7).data().startswith("[2건] 역할:")
    path.write_text(
        "이름,휴대전화,역할,개인정보동의일\n가람,010-2111-0001,조장,2026-03-02\n", encoding="utf-8"
    )
    first = dlg.preview
    dlg.reload_button.click()
    qtbot.waitUntil(lambda: dlg.preview is not first and dlg.preview is not None, timeout=10000)
    assert not dlg.errors_only.isChecked() and dlg.proxy.rowCount() == 1
    assert dlg.import_button.isEnabled() and "모든 행이 정상입니다" in dlg.notice_label.text()
    dlg.reject()
