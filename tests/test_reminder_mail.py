"""독촉 안내문 메일로 보내기 (issue 14 item 9): off by default; sent to a local SMTP server on
127.0.0.1 (aiosmtpd) one message per department with its own PDF, To = the department's
e-mail; a department without an address is skipped with a sentence; a server that cannot be
reached is a Korean sentence naming it. The password is kept in the keyring, never in the
settings file."""

from __future__ import annotations

import email
import io
import json
import socket
from email import policy

import pytest
from pypdf import PdfReader
from reminder_world import TODAY, build_reminder_world

from panelapp.domain.errors import DomainError
from panelapp.services.context import transaction
from panelapp.services.reminders.mail import (
    KEYRING,
    PLAIN,
    STARTTLS,
    MailSettings,
    check_mail_settings,
    mail_settings,
    send_reminders,
    store_password,
    stored_password,
)
from panelapp.services.reminders.sheets import reminder_data
from panelapp.settings import Settings

aiosmtpd = pytest.importorskip("aiosmtpd")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], email.message.EmailMessage]] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 OK"


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    inbox = Inbox()

    def authenticator(server, session, envelope, mechanism, auth_data):
        inbox.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        ok = auth_data.password == b"mail-pass"
        return AuthResult(success=ok, handled=ok)  # a refusal: aiosmtpd answers 535

    controller = Controller(
        inbox, hostname="127.0.0.1", port=_free_port(), authenticator=authenticator, auth_require_tls=False
    )
    controller.start()
    yield inbox, controller.port
    controller.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _settings(port: int, **kw) -> MailSettings:
    base = dict(enabled=True, host="127.0.0.1", port=port, security=PLAIN, sender="panel@hanbit.example")
    return MailSettings(**{**base, **kw})


def test_mail_is_off_by_default(tmp_path, ctx):
    settings = Settings(tmp_path / "settings.json")
    assert mail_settings(settings) == MailSettings() and not mail_settings(settings).enabled
    r = build_reminder_world(ctx)
    data = reminder_data(ctx, r.cohort_id, today=TODAY)
    with pytest.raises(DomainError, match="메일 보내기가 꺼져 있습니다"):
        send_reminders(data, mail_settings(settings))


def test_one_message_per_department_to_its_contact_with_its_sheet(ctx, smtp):
    inbox, port = smtp
    r = build_reminder_world(ctx)
    with transaction(ctx) as s:  # 공원녹지과 gets something to remind, but has no address
        from panelapp.db.models import Proposal

        s.get(Proposal, r.ids["산책로 조명"]).due_on = TODAY
    data = reminder_data(ctx, r.cohort_id, today=TODAY)
    assert [d.department for d in data.sheets] == ["공원녹지과", "체육사업부"]
    result = send_reminders(data, _settings(port, user="coord", password=KEYRING), password="mail-pass")
    assert result.sent == ("체육사업부",)
    assert result.skipped == (
        "공원녹지과: 이메일 주소가 없어 보내지 않았습니다 (시설·부서 → 담당부서에서 입력).",
    )
    assert inbox.logins == [("coord", "mail-pass")]
    [(sender, rcpts, msg)] = inbox.messages
    assert sender == "panel@hanbit.example" and rcpts == ["sports@example.kr"]
    assert "sports@example.kr" in msg["To"] and "체육사업부" in msg["Subject"]
    assert "기한 경과 2건, 기한 임박 3건" in msg.get_body(("plain",)).get_content()
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "독촉안내_체육사업부_20260616.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(attachment.get_content())).pages)
    assert "체육사업부" in text and "주차 차단기" in text and "산책로 조명" not in text


def test_a_wrong_password_and_an_unreachable_server_are_sentences(ctx, smtp):
    inbox, port = smtp
    r = build_reminder_world(ctx)
    data = reminder_data(ctx, r.cohort_id, today=TODAY)
    with pytest.raises(DomainError, match=rf"메일 서버 127.0.0.1:{port}에 로그인하지 못했습니다"):
        send_reminders(data, _settings(port, user="coord"), password="wrong")
    with pytest.raises(DomainError, match="STARTTLS를 지원하지 않습니다"):
        send_reminders(data, _settings(port, security=STARTTLS))
    closed = _free_port()
    with pytest.raises(DomainError) as refused:
        send_reminders(data, _settings(closed))
    assert f"메일 서버 127.0.0.1:{closed}에 연결할 수 없습니다" in str(refused.value)
    assert inbox.messages == []


def test_settings_are_checked_and_the_password_stays_out_of_the_file(tmp_path, memory_keyring):
    with pytest.raises(DomainError, match="메일 서버: 주소"):
        check_mail_settings(MailSettings(enabled=True, sender="a@b.kr"))
    with pytest.raises(DomainError, match="보내는 주소"):
        check_mail_settings(MailSettings(enabled=True, host="smtp.x", sender="nobody"))
    m = check_mail_settings(_settings(587, user="coord", password=KEYRING, host=" smtp.hanbit.go.kr "))
    assert m.host == "smtp.hanbit.go.kr"
    settings = Settings(tmp_path / "settings.json")
    settings.set("mail", m.to_dict())
    assert store_password(m, "s3cret-mail")
    assert stored_password(mail_settings(Settings(tmp_path / "settings.json"))) == "s3cret-mail"
    saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert "s3cret-mail" not in saved and json.loads(saved)["mail"]["password"] == KEYRING
