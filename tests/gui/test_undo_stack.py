"""Ctrl+Z in the main window takes back the last change that offered an undo."""

from PySide6.QtCore import Qt

from panelapp.db.models import Facility
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.mainwindow import MainWindow
from panelapp.services.context import reading, transaction
from panelapp.services.system.undo import UndoRecord, snapshot
from panelapp.settings import Settings


def test_ctrl_z_undoes_the_last_change_and_announces_it(qtbot, tmp_path):
    window = MainWindow(str(tmp_path / "app.db"), settings=Settings(tmp_path / "s.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=15000):
        window.open_database()
    stack = window.undo_stack
    assert not stack.action.isEnabled() and stack.action in window.edit_menu.actions()
    ctx = window.ctx
    with transaction(ctx) as s:
        f = Facility(name="새봄근린공원")
        s.add(f)
        s.flush()
        fid = f.id
    with transaction(ctx) as s:
        f = s.get(Facility, fid)
        before = snapshot(f)
        f.name = "새봄공원"
        s.flush()
        record = UndoRecord.for_update(f, before, "시설 수정")
    stack.push(record)
    assert stack.action.isEnabled() and stack.action.text() == "실행 취소(&U): 시설 수정"
    with qtbot.waitSignal(window.bus.changed, timeout=5000) as changed:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == ["facility", [fid]]
    with reading(ctx) as s:
        assert s.get(Facility, fid).name == "새봄근린공원"
    assert not stack.action.isEnabled()
    assert "되돌렸습니다: 시설 수정" in window.statusBar().currentMessage()
    window.close()
    wait_for_all()
