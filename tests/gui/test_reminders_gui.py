"""독촉 안내문 만들기… on the department desk page (issue 14 item 9): the dialog, the file written on
a worker (file chooser kind report), 메일로 보내기 off by default and, once 설정 → 메일 서버 has it
on, each department its sheet through a local SMTP server (aiosmtpd); a department without an
address is named in the dialog and skipped with a sentence; an unreachable server is a sentence."""

import email
import socket
from email import policy

import pytest
from conftest import make_ctx
from gui_window import Window
from pypdf import PdfReader
from reminder_world import TODAY, build_reminder_world

import panelapp.services.reminders.sheets as sheets
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.operations import reminders
from panelapp.gui.pages.desk import DeskPage
from panelapp.services.context import transaction
from panelapp.services.reminders.mail import PLAIN, MailSettings
from panelapp.settings import Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox():
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    got: list = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
            got.append(
                (list(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=policy.default))
            )
            return "250 OK"

    from aiosmtpd.smtp import AuthResult

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.password == b"mail-pass"
        return AuthResult(success=ok, handled=ok)

    controller = Controller(
        Handler(),
        hostname="127.0.0.1",
        port=_free_port(),
        authenticator=authenticator,
        auth_require_tls=False,
    )
    controller.start()
    yield got, controller.port
    controller.stop()


@pytest.fixture
def setup(qtbot, tmp_path, monkeypatch):
    ctx = make_ctx("sqlite", tmp_path)
    r = build_reminder_world(ctx)
    with transaction(ctx) as s:  # 공원녹지과 (no e-mail) gets one proposal due today
        from panelapp.db.models import Proposal

        s.get(Proposal, r.ids["산책로 조명"]).due_on = TODAY
    monkeypatch.setattr(sheets, "today_local", lambda: TODAY)
    settings = Settings(tmp_path / "settings.json")
    window = Window(ctx, r.cohort_id, settings=settings)
    qtbot.addWidget(window)
    page = DeskPage(window)
    window.setCentralWidget(page)
    window.resize(1366, 740)
    window.show()
    page.refresh()
    told: dict[str, list] = {"info": [], "errors": []}
    monkeypatch.setattr(reminders.QMessageBox, "information", lambda *a: told["info"].append(a[2]))
    monkeypatch.setattr(reminders, "show_error", lambda _p, exc: told["errors"].append(str(exc)))
    yield page, r, settings, told
    wait_for_all()
    ctx.db.dispose()


def _open(qtbot, page):
    page.reminder_dialog = None
    page.reminder_button.click()
    qtbot.waitUntil(lambda: page.reminder_dialog is not None, timeout=10000)
    return page.reminder_dialog


def test_the_file_is_written_on_a_worker_and_mail_is_off(qtbot, setup, tmp_path, monkeypatch):
    page, r, _settings, _told = setup
    assert not page.reminder_button.isHidden()
    target = tmp_path / "독촉.pdf"
    offered = []
    monkeypatch.setattr(
        "panelapp.gui.file_dialogs.save_file_and_filter",
        lambda _p, kind, *_a, **_k: (offered.append(kind), (str(target), "PDF 문서 (*.pdf)"))[1],
    )
    dialog = _open(qtbot, page)
    assert (
        not dialog.mail_button.isEnabled() and "메일 서버에서 메일 보내기를 켜고" in dialog.mail_label.text()
    )
    assert dialog.cohort_combo.currentData() == r.cohort_id and dialog.within_spin.value() == 3
    dialog.file_button.click()
    qtbot.waitUntil(lambda: page.last_reminders is not None, timeout=20000)
    assert offered == ["report"] and target.is_file()
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "체육사업부" in text and "공원녹지과" in text and "9일 경과" in text


def test_mail_goes_to_each_department_with_an_address(qtbot, setup, inbox):
    page, _r, settings, told = setup
    got, port = inbox
    on = MailSettings(True, "127.0.0.1", port, PLAIN, "panel@hanbit.example")
    settings.set("mail", on.to_dict())
    dialog = _open(qtbot, page)
    assert dialog.mail_button.isEnabled()
    assert "이메일 주소가 없는 부서: 공원녹지과" in dialog.mail_label.text()
    dialog.mail_button.click()
    qtbot.waitUntil(lambda: page.last_mail is not None, timeout=20000)
    assert [rcpts for rcpts, _m in got] == [["sports@example.kr"]]
    assert told["info"] == [
        "보냈습니다: 체육사업부 (1곳)\n공원녹지과: 이메일 주소가 없어 보내지 않았습니다 (시설·부서 → 담당부서에서 입력)."
    ]


@pytest.mark.parametrize("kept", [True, False])
def test_the_password_comes_from_the_keyring_or_is_asked(
    qtbot, setup, inbox, memory_keyring, monkeypatch, kept
):
    from panelapp.services.reminders.mail import KEYRING, store_password

    page, _r, settings, told = setup
    got, port = inbox
    on = MailSettings(True, "127.0.0.1", port, PLAIN, "panel@hanbit.example", "coord", KEYRING)
    settings.set("mail", on.to_dict())
    asked = []
    if kept:
        store_password(on, "mail-pass")
    monkeypatch.setattr(
        reminders.QInputDialog,
        "getText",
        lambda _p, _t, label, *_a: (asked.append(label), ("mail-pass", True))[1],
    )
    dialog = _open(qtbot, page)
    dialog.mail_button.click()
    qtbot.waitUntil(lambda: page.last_mail is not None, timeout=20000)
    assert page.last_mail.sent == ("체육사업부",) and len(got) == 1
    assert asked == ([] if kept else [f"127.0.0.1:{port}의 사용자 'coord' 비밀번호"])


def test_an_unreachable_server_is_a_sentence(qtbot, setup):
    page, _r, settings, told = setup
    closed = _free_port()
    settings.set("mail", MailSettings(True, "127.0.0.1", closed, PLAIN, "panel@hanbit.example").to_dict())
    dialog = _open(qtbot, page)
    dialog.mail_button.click()
    qtbot.waitUntil(lambda: bool(told["errors"]), timeout=20000)
    assert told["errors"][0].startswith(f"메일 서버 127.0.0.1:{closed}에 연결할 수 없습니다")


def test_the_mail_settings_dialog_keeps_the_password_out_of_the_file(qtbot, tmp_path, memory_keyring):
    from panelapp.gui.dialogs.mail_settings_dialog import MailSettingsDialog
    from panelapp.services.reminders.mail import mail_settings, stored_password

    settings = Settings(tmp_path / "settings.json")
    dialog = MailSettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.enabled_check.setChecked(True)
    dialog.save()
    assert "메일 서버: 주소" in dialog.error_label.text() and mail_settings(settings).enabled is False
    dialog.host_edit.setText("smtp.hanbit.go.kr")
    dialog.sender_edit.setText("panel@hanbit.go.kr")
    dialog.user_edit.setText("coord")
    dialog.password_edit.setText("s3cret-mail")
    dialog.keyring_check.setChecked(True)
    dialog.save()
    m = mail_settings(Settings(tmp_path / "settings.json"))
    assert m.enabled and m.host == "smtp.hanbit.go.kr" and stored_password(m) == "s3cret-mail"
    assert "s3cret-mail" not in (tmp_path / "settings.json").read_text(encoding="utf-8")


def test_the_dashboard_section_offers_it_too(qtbot, setup, tmp_path, monkeypatch):
    from panelapp.gui.pages.dashboard_sla import SlaSection

    page, r, _settings, _told = setup
    section = SlaSection(page.window_)
    qtbot.addWidget(section)
    target = tmp_path / "독촉.xlsx"
    monkeypatch.setattr(
        "panelapp.gui.file_dialogs.save_file_and_filter",
        lambda *_a, **_k: (str(tmp_path / "독촉"), "Excel 통합 문서 (*.xlsx)"),
    )
    section.reminder_button.click()
    qtbot.waitUntil(lambda: section.reminder_dialog is not None, timeout=10000)
    assert section.reminder_dialog.department_combo.currentData() is None  # every department
    section.reminder_dialog.file_button.click()
    qtbot.waitUntil(lambda: section.last_reminders is not None, timeout=20000)
    assert target.is_file() and section.last_reminders.rows == 6  # the suffix from the chosen filter
