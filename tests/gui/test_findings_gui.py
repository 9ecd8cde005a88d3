"""발견사항 dialog and page: photos dropped onto the dialog, refused files named, filters."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from schedule_world import build_world

from panelapp.domain.enums import FindingCategory as C
from panelapp.domain.enums import Severity as S
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.finding_dialog import FindingDialog, open_finding
from panelapp.gui.dialogs.photo_viewer import PhotoViewer
from panelapp.gui.pages.findings import EMPTY_TEXT, HEADERS, SEVERITY_COLOURS, FindingsPage
from panelapp.services.attachments.photos import list_attachments
from panelapp.services.findings.manage import FindingInput, create_finding, list_findings
from panelapp.services.inspections.scheduling import create_inspection


@pytest.fixture
def setup(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    w = build_world(ctx)
    insp = create_inspection(ctx, w.draft())
    window = Window(ctx, w.cohort_id)
    qtbot.addWidget(window)
    yield window, w, insp, tmp_path
    wait_for_all()
    ctx.db.dispose()


def drop(widget, *paths):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)
    del data


def jpeg(path, colour="red", orientation=None):
    img = Image.new("RGB", (60, 40), colour)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    img.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_new_finding_with_a_dropped_photo(qtbot, setup, monkeypatch):
    window, w, insp, tmp = setup
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    dialog = FindingDialog(
        window, [(insp.id, "2026-05-12 한빛국민체육센터 점검", dt.date(2026, 5, 12))], fixed=True
    )
    assert (
        not dialog.ui.inspectionCombo.isEnabled()
        and dialog.ui.observedEdit.date().toString("yyyy-MM-dd") == "2026-05-12"
    )
    note = tmp / "메모.jpg"
    note.write_text("글자")
    drop(dialog, jpeg(tmp / "계단.jpg", orientation=6), note)
    qtbot.waitUntil(lambda: dialog.strip.count() == 1 and bool(warned), timeout=5000)
    assert "'메모.jpg'는 사진 파일이 아니어서" in warned[0]
    viewer = dialog.view_photo(0)
    assert isinstance(viewer, PhotoViewer) and viewer.caption.text() == "계단.jpg  (1 / 1)"
    assert viewer.pixmap.height() > viewer.pixmap.width()  # EXIF orientation applied
    viewer.accept()
    dialog.ui.titleEdit.setText("계단 패드 들뜸")
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: not dialog.ui.errorLabel.isHidden() and save.isEnabled(), timeout=5000)
    assert "분류" in dialog.ui.errorLabel.text()  # nothing saved yet
    dialog.ui.categoryCombo.setCurrentIndex(dialog.ui.categoryCombo.findData(C.SAFETY))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        save.click()
    (f,) = list_findings(window.ctx)
    assert (f.title, f.category, f.severity, f.photo_count) == ("계단 패드 들뜸", C.SAFETY, S.MEDIUM, 1)
    assert list_attachments(window.ctx, "finding", f.id)[0].original_name == "계단.jpg"


def test_edit_adds_and_removes_photos_at_once_with_undo(qtbot, setup, monkeypatch):
    window, w, insp, tmp = setup
    f = create_finding(
        window.ctx, FindingInput(insp.id, "난간 흔들림", C.SAFETY, S.HIGH), [jpeg(tmp / "a.jpg")]
    )
    open_finding(window, f.id)
    qtbot.waitUntil(lambda: any(isinstance(c, FindingDialog) for c in window.children()), timeout=5000)
    dialog = next(c for c in window.children() if isinstance(c, FindingDialog))
    assert dialog.ui.titleEdit.text() == "난간 흔들림" and dialog.strip.count() == 1
    qtbot.waitUntil(lambda: not dialog.strip.item(0).icon().isNull(), timeout=5000)
    drop(dialog, jpeg(tmp / "b.jpg", colour="blue"))
    qtbot.waitUntil(lambda: dialog.strip.count() == 2, timeout=5000)
    assert len(list_attachments(window.ctx, "finding", f.id)) == 2  # saved at once
    dialog.strip.setCurrentRow(0)
    dialog.remove_photo()
    qtbot.waitUntil(lambda: len(list_attachments(window.ctx, "finding", f.id)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: bool(window.undo_stack.records), timeout=5000)
    assert window.undo_stack.records[-1].label == "사진 삭제"
    dialog.ui.severityCombo.setCurrentIndex(dialog.ui.severityCombo.findData(S.URGENT))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert list_findings(window.ctx)[0].severity == S.URGENT
    assert window.undo_stack.records[-1].label == "발견사항 수정 '난간 흔들림'"


def settled(page):
    return not page.is_loading and not page.is_stale


def test_findings_page_filters_and_columns(qtbot, setup):
    window, w, insp, tmp = setup
    park = create_inspection(window.ctx, w.draft(facility=w.park_fac, day=dt.date(2026, 5, 14)))
    create_finding(window.ctx, FindingInput(insp.id, "화장실 휴지 없음", C.CLEANLINESS, S.LOW, "1층"))
    create_finding(
        window.ctx,
        FindingInput(park.id, "그네 볼트 풀림", C.SAFETY, S.URGENT, "놀이터"),
        [jpeg(tmp / "g.jpg")],
    )
    page = FindingsPage(window)
    window.setCentralWidget(page)
    window.show()
    reg = page.register
    qtbot.waitUntil(lambda: settled(page) and reg.row_count() == 2, timeout=5000)
    assert [reg.cell(0, c) for c in range(8)] == [
        "2026-05-14",
        "새봄근린공원",
        "그네 볼트 풀림",
        "안전",
        "긴급(안전)",
        "놀이터",
        "1",
        "없음",
    ]
    assert page.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) == SEVERITY_COLOURS[S.URGENT]
    assert page.model.index(1, 4).data(Qt.ItemDataRole.ForegroundRole) is None  # 낮음: plain
    qtbot.waitUntil(lambda: page.count_label.text() == "2건 · 제안 없는 긴급 1건", timeout=5000)
    assert [page.facility_combo.itemText(i) for i in range(page.facility_combo.count())] == [
        "모든 시설",
        "새봄근린공원",
        "한빛국민체육센터",
    ]
    page.apply_filter(severity=S.URGENT, without_proposal=True)
    qtbot.waitUntil(lambda: settled(page) and reg.row_count() == 1, timeout=5000)
    assert page.severity_combo.currentData() == S.URGENT and page.proposal_combo.currentText() == "제안 없음"
    page.apply_filter(facility_id=w.gym)
    qtbot.waitUntil(
        lambda: settled(page) and reg.row_count() == 1 and reg.cell(0, 2) == "화장실 휴지 없음", timeout=5000
    )
    assert page.facility_combo.currentText() == "한빛국민체육센터"
    page.apply_filter(category=C.SIGNAGE)
    qtbot.waitUntil(lambda: settled(page) and reg.currentWidget() is reg.empty_label, timeout=5000)
    assert "조건에 맞는" in reg.empty_label.text() and page.count_label.text() == ""
    page.apply_filter()
    page.search_edit.setText("볼트")
    qtbot.waitUntil(
        lambda: settled(page) and reg.row_count() == 1 and reg.cell(0, 2) == "그네 볼트 풀림",
        timeout=5000,
    )
    page.edit_selected()
    qtbot.waitUntil(lambda: any(isinstance(c, FindingDialog) for c in window.children()), timeout=5000)
    dialog = next(c for c in window.children() if isinstance(c, FindingDialog))
    assert dialog.ui.inspectionCombo.currentText() == "2026-05-14 새봄근린공원 (예정)"
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reject()


def test_sorting_in_sql_and_show_record_from_search(qtbot, setup):
    window, w, insp, tmp = setup
    ids = [
        create_finding(window.ctx, FindingInput(insp.id, title, C.SAFETY, severity)).id
        for title, severity in (("가 난간", S.HIGH), ("나 계단", S.LOW), ("다 출입문", S.URGENT))
    ]
    page = FindingsPage(window)
    window.setCentralWidget(page)
    window.show()
    reg = page.register
    qtbot.waitUntil(lambda: settled(page) and reg.row_count() == 3, timeout=5000)
    assert page.model.ids() == ids[::-1]  # same day: the newest recorded first
    fetched = page.model.fetch_count
    page.model.sort(HEADERS.index("심각도"), Qt.SortOrder.DescendingOrder)  # a header click
    qtbot.waitUntil(lambda: settled(page) and page.model.ids() == [ids[2], ids[0], ids[1]], timeout=5000)
    page.model.sort(HEADERS.index("제목"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: settled(page) and page.model.ids() == ids, timeout=5000)
    assert page.model.fetch_count > fetched  # rows fetched again by id, order from SQL
    page.severity_combo.setCurrentIndex(page.severity_combo.findData(S.LOW))
    qtbot.waitUntil(lambda: settled(page) and page.model.ids() == [ids[1]], timeout=5000)
    page.show_record(ids[2])
    qtbot.waitUntil(lambda: settled(page) and reg.selected_id() == ids[2], timeout=5000)
    assert page.severity_combo.currentIndex() == 0 and reg.row_count() == 3


def test_delete_with_undo_and_an_empty_cohort(qtbot, setup, monkeypatch):
    window, w, insp, tmp = setup
    page = FindingsPage(window)
    window.setCentralWidget(page)
    window.show()
    reg = page.register
    qtbot.waitUntil(lambda: settled(page) and reg.currentWidget() is reg.empty_label, timeout=5000)
    assert reg.empty_label.text() == EMPTY_TEXT and not page.edit_button.isEnabled()
    f = create_finding(window.ctx, FindingInput(insp.id, "난간 흔들림", C.SAFETY, S.HIGH))
    page.refresh()
    qtbot.waitUntil(lambda: settled(page) and reg.row_count() == 1, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()  # the op announces the change: the page reloads by itself
    qtbot.waitUntil(lambda: settled(page) and reg.currentWidget() is reg.empty_label, timeout=5000)
    assert window.undo_stack.records[-1].label == "발견사항 삭제 '난간 흔들림'"
    window.undo_stack.undo_last()
    qtbot.waitUntil(lambda: settled(page) and reg.row_count() == 1, timeout=5000)
    assert reg.selected().id == f.id


def test_a_text_shown_masked_is_read_only_with_the_reason(qtbot, setup):
    """A masked role sees a member's name in the texts masked (김*희): the dialog shows them,
    does not let them be edited, and says why (the service keeps the real text)."""
    from dataclasses import replace

    from panelapp.services.findings.manage import get_finding
    from panelapp.services.masking import MASKED_TEXT_HINT

    window, w, insp, tmp = setup
    f = create_finding(
        window.ctx, FindingInput(insp.id, "난간 흔들림", C.SAFETY, S.HIGH, description="김*희 단원이 알려 줌")
    )
    plain = FindingDialog(window, [(insp.id, "점검")], get_finding(window.ctx, f.id))
    qtbot.addWidget(plain)
    assert not plain.ui.descriptionEdit.isReadOnly() and plain.findChild(QLabel, "maskedTextHint") is None
    shown = replace(get_finding(window.ctx, f.id), texts_masked=True)
    dialog = FindingDialog(window, [(insp.id, "점검")], shown)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.descriptionEdit.isReadOnly() and ui.titleEdit.isReadOnly() and ui.locationEdit.isReadOnly()
    assert ui.descriptionEdit.toolTip() == MASKED_TEXT_HINT
    hint = dialog.findChild(QLabel, "maskedTextHint")
    assert hint is not None and hint.isVisible() and "담당자에게 요청" in hint.text()
    assert ui.severityCombo.isEnabled()  # what is not masked stays theirs to change
    dialog.close()


def test_a_reader_opens_a_finding_whole_and_read_only(qtbot, setup):
    """A 열람자 double-clicking a finding got nothing (the list shows only the first line of its
    내용): it opens read-only — every field shown, none editable, no save, no photo buttons."""
    from PySide6.QtWidgets import QDialogButtonBox

    from panelapp.domain.enums import UserRole
    from panelapp.gui.core.rights import apply_rights, mark_page, offered

    window, w, insp, tmp = setup
    create_finding(
        window.ctx,
        FindingInput(
            insp.id,
            "난간 흔들림",
            C.SAFETY,
            S.HIGH,
            "2층 계단",
            description="손잡이가 흔들리고 나사 두 개가 빠짐",
        ),
    )
    page = FindingsPage(window)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: settled(page) and page.register.row_count() == 1, timeout=5000)
    mark_page("findings", page)  # as the window marks it
    apply_rights(page, UserRole.VIEWER)
    assert not offered(page.edit_button)
    page.register.select_row(0)
    page.register.activated.emit(page.selected().id)  # a double click on the row
    qtbot.waitUntil(lambda: _dialog(window) is not None, timeout=5000)
    dialog = _dialog(window)
    ui = dialog.ui
    assert dialog.windowTitle() == "발견사항 보기 — 난간 흔들림"
    assert (
        ui.descriptionEdit.toPlainText() == "손잡이가 흔들리고 나사 두 개가 빠짐"
        and ui.descriptionEdit.isReadOnly()
    )
    assert ui.titleEdit.isReadOnly() and ui.locationEdit.isReadOnly()
    assert (
        not ui.severityCombo.isEnabled()
        and not ui.categoryCombo.isEnabled()
        and not ui.observedEdit.isEnabled()
    )
    assert not ui.addPhotoButton.isVisibleTo(dialog) and not ui.removePhotoButton.isVisibleTo(dialog)
    assert ui.buttonBox.button(QDialogButtonBox.StandardButton.Save) is None
    assert ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok) is None
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).click()  # nothing to ask
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def _dialog(window):
    found = [d for d in window.findChildren(FindingDialog) if d.isVisible()]
    return found[-1] if found else None
