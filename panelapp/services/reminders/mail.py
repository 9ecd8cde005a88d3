"""독촉 안내문 메일로 보내기 (off by default): each department gets its own sheet (PDF) at its
e-mail address (담당부서 → 이메일), through the institution's SMTP server.

Where the settings live: this computer's settings (`mail`: host, port, security, sender, user,
how the password is had), not the database. The server is the institution's, but the sender and
the account are the coordinator's own, and the password is per computer anyway: it is kept in
the system keyring (services/system/connection.py's, entry "smtp:user@host:port") or asked at
every send, never written to a file. Nothing is sent unless `enabled` was switched on in 설정.

Sending opens one connection for every department (STARTTLS or SSL with the system's
certificates, or neither on a trusted internal relay), and a refused address is a sentence in
the result, not the end of the others. A server that cannot be reached, refuses the login or
hangs (timeout) is a Korean sentence naming it.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa
from panelapp.domain.reminder_data import TITLE, DepartmentReminder, ReminderData
from panelapp.services.exporting import Progress

STARTTLS, SSL, PLAIN = "starttls", "ssl", "none"
SECURITY_LABELS = {STARTTLS: "STARTTLS (587)", SSL: "SSL/TLS (465)", PLAIN: "암호화 없음 (내부 중계 서버)"}
KEYRING, ASK = "keyring", "ask"
TIMEOUT = 20.0  # seconds a silent server is waited for


@dataclass(frozen=True)
class MailSettings:
    enabled: bool = False
    host: str = ""
    port: int = 587
    security: str = STARTTLS
    sender: str = ""
    user: str = ""
    password: str = ASK  # KEYRING or ASK: how the password is had (never the password itself)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> MailSettings:
        raw = raw if isinstance(raw, Mapping) else {}
        base = cls()
        try:
            port = int(raw.get("port", base.port))
        except (TypeError, ValueError):
            port = base.port
        security = raw.get("security") if raw.get("security") in SECURITY_LABELS else base.security
        return cls(
            bool(raw.get("enabled", False)),
            str(raw.get("host") or ""),
            port,
            str(security),
            str(raw.get("sender") or ""),
            str(raw.get("user") or ""),
            KEYRING if raw.get("password") == KEYRING else ASK,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def account(self) -> str:
        """The keyring entry's user."""
        return f"smtp:{self.user}@{self.host}:{self.port}"

    @property
    def needs_password(self) -> bool:
        return bool(self.user)


def mail_settings(settings: Any) -> MailSettings:
    """This computer's mail settings (settings.Settings or anything with get("mail"))."""
    return MailSettings.from_dict(settings.get("mail"))


def check_mail_settings(m: MailSettings) -> MailSettings:
    """The settings cleaned, or a DomainError naming the field (for 설정 → 메일 서버)."""
    host = m.host.strip()
    if m.enabled and not host:
        raise DomainError("메일 서버: 주소를 적어 주세요 (예: smtp.example.go.kr).")
    if not 1 <= m.port <= 65535:
        raise DomainError("메일 서버 포트: 1부터 65535까지의 번호를 적어 주세요.")
    sender = m.sender.strip()
    if m.enabled and ("@" not in sender or " " in sender):
        raise DomainError("보내는 주소: 'coordinator@example.go.kr'처럼 이메일 주소를 적어 주세요.")
    return replace(m, host=host, sender=sender, user=m.user.strip())


def stored_password(m: MailSettings) -> str | None:
    from panelapp.services.system.connection import keyring_secret

    return keyring_secret(m.account) if m.password == KEYRING else None


def store_password(m: MailSettings, password: str) -> bool:
    from panelapp.services.system.connection import keep_keyring_secret

    return keep_keyring_secret(m.account, password)


@dataclass(frozen=True)
class MailResult:
    sent: tuple[str, ...]  # departments a message went to
    skipped: tuple[str, ...]  # one sentence per department that got none


def message_for(data: ReminderData, sheet: DepartmentReminder, sender: str, pdf: bytes) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = formataddr((sheet.department, sheet.email or ""))
    msg["Subject"] = f"[{data.organization}] {data.cohort} 개선제안 {TITLE} — {sheet.department}"
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1] or None)
    msg.set_content(
        f"{sheet.department} 담당자님께\n\n"
        f"{data.cohort} 시민참여단 개선제안 중 답변 기한이 지났거나 {data.within}근무일 안에 닥치는 "
        f"제안이 기한 경과 {sheet.overdue:,}건, 기한 임박 {sheet.soon:,}건 있습니다"
        f"(기준일 {data.today:%Y-%m-%d}). 붙임 안내문을 보시고 답변을 부탁드립니다.\n\n"
        f"{data.organization} 시민참여단 담당\n"
    )
    name = f"독촉안내_{sheet.department}_{data.today:%Y%m%d}.pdf"
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    return msg


def _connect(m: MailSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if m.security == SSL:
        return smtplib.SMTP_SSL(m.host, m.port, timeout=TIMEOUT, context=context)
    client = smtplib.SMTP(m.host, m.port, timeout=TIMEOUT)
    if m.security == STARTTLS:
        client.starttls(context=context)
    return client


def failure_sentence(m: MailSettings, exc: BaseException) -> str:
    where = f"메일 서버 {m.server}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"{where}에 로그인하지 못했습니다: 사용자 '{m.user}'의 비밀번호를 확인해 주세요."
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return f"{josa(where, '이')} {TIMEOUT:.0f}초 동안 응답하지 않았습니다. 주소와 포트를 확인해 주세요."
    if isinstance(exc, socket.gaierror):
        return f"{where}의 주소를 찾을 수 없습니다. 서버 이름을 확인해 주세요."
    if isinstance(exc, ConnectionRefusedError):
        return f"{where}에 연결할 수 없습니다(연결 거부). 주소와 포트, 서버가 켜져 있는지 확인해 주세요."
    if isinstance(exc, ssl.SSLError):
        return f"{where}와 암호화 연결을 맺지 못했습니다({exc.reason or exc}). 보안 방식(STARTTLS/SSL)을 확인해 주세요."
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"{josa(where, '은')} STARTTLS를 지원하지 않습니다. 보안 방식을 바꿔 주세요."
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        return f"{josa(where, '이')} 메일을 받지 않았습니다: {exc.smtp_code} {text}"
    return f"{where}에 메일을 보내지 못했습니다: {exc}"


def send_reminders(
    data: ReminderData, m: MailSettings, password: str | None = None, token: Progress | None = None
) -> MailResult:
    """Send each department of `data` its own sheet; departments without an address are skipped
    with a sentence. Raises DomainError (the sentence naming the server) when nothing could be
    sent because of the server."""
    from panelapp.services.reminders.sheets import render_pdf

    if not m.enabled:
        raise DomainError("메일 보내기가 꺼져 있습니다. 설정 → 메일 서버에서 켜고 서버를 적어 주세요.")
    m = check_mail_settings(m)
    skipped: list[str] = []
    targets: list[DepartmentReminder] = []
    for sheet in data.sheets:
        if sheet.department_id is None:
            skipped.append(f"{sheet.department}: 담당부서가 정해지지 않은 제안은 메일로 보내지 않았습니다.")
        elif not sheet.rows:
            skipped.append(f"{sheet.department}: 독촉할 제안이 없어 보내지 않았습니다.")
        elif not (sheet.email or "").strip() or "@" not in (sheet.email or ""):
            skipped.append(
                f"{sheet.department}: 이메일 주소가 없어 보내지 않았습니다 (시설·부서 → 담당부서에서 입력)."
            )
        else:
            targets.append(sheet)
    sent: list[str] = []
    if not targets:
        return MailResult((), tuple(skipped))
    try:
        client = _connect(m)
    except (OSError, smtplib.SMTPException) as exc:
        raise DomainError(failure_sentence(m, exc)) from None
    try:
        if m.needs_password:
            client.login(m.user, password or "")
        for n, sheet in enumerate(targets):
            if token is not None:
                token.check()
                token.progress(n, len(targets), f"{sheet.department}에 보내는 중…")
            msg = message_for(data, sheet, m.sender, render_pdf(data.only(sheet)))
            try:
                client.send_message(msg)
            except smtplib.SMTPRecipientsRefused:
                skipped.append(f"{sheet.department}: 메일 서버가 받는 주소를 거부해 보내지 못했습니다.")
                continue
            sent.append(sheet.department)
    except (OSError, smtplib.SMTPException) as exc:
        done = f" ({', '.join(sent)}에는 보냈습니다)" if sent else ""
        raise DomainError(failure_sentence(m, exc) + done) from None
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()
    return MailResult(tuple(sent), tuple(skipped))
