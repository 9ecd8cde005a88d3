"""독촉 안내문 만들기… (issue 14 item 9), offered to coordinators on the department desk page.

The departments (and whether each has an e-mail address) and the cohorts are read on a worker;
the dialog asks which; then either the file chooser (kind report: PDF or .xlsx) and the file
written on a worker with progress (services/reminders/sheets.py), or — when 설정 → 메일 서버 has
it switched on — the password (from the keyring, else asked here on the UI thread) and the
messages sent on a worker (services/reminders/mail.py). What was sent and what was skipped is
said in one message; a server that cannot be reached is its sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error

MAKE_TEXT = "독촉 안내문 만들기…"
FILTERS = "PDF 문서 (*.pdf);;Excel 통합 문서 (*.xlsx)"


def _window(page: QWidget):
    return getattr(page, "window_", None) or page.window()


def _status(page: QWidget, text: str) -> None:
    bar = getattr(_window(page), "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 15000)


def _mail(page: QWidget):
    from panelapp.services.reminders.mail import MailSettings, mail_settings

    settings = getattr(_window(page), "settings", None)
    return mail_settings(settings) if settings is not None else MailSettings()


def make_reminders(page: Any, department_id: int | None = None) -> Op:
    from panelapp.services.cohorts.manage import list_cohorts
    from panelapp.services.registers.departments import list_departments

    ctx = _window(page).ctx

    def work(_t):
        departments = [
            (d.id, d.name, bool((d.email or "").strip())) for d in list_departments(ctx, active_only=True)
        ]
        return departments, [(c.id, c.name) for c in list_cohorts(ctx)]

    return (
        Op(page, work)
        .success(lambda found: _ask(page, department_id, *found))
        .failure(lambda exc: show_error(page, exc))
        .run()
    )


def _ask(page: Any, department_id, departments, cohorts):
    from panelapp.gui.dialogs.reminder_dialog import ReminderDialog

    window = _window(page)
    dialog = ReminderDialog(
        window, departments, cohorts, department_id, window.current_cohort_id, _mail(page).enabled
    )
    dialog.accepted.connect(lambda: _chosen(page, dialog.choice()))
    page.reminder_dialog = dialog  # for tests and for a second click while it is open
    return open_dialog(dialog)


def _chosen(page: Any, choice) -> Op | None:
    from panelapp.gui.dialogs.reminder_dialog import MAIL

    if choice.action == MAIL:
        return send(page, choice)
    return _choose_file(page, choice)


def default_name(choice) -> str:
    from panelapp.gui.operations.list_export import default_name as list_name

    return list_name(f"독촉안내_{choice.department}", choice.cohort)


def _choose_file(page: Any, choice) -> Op | None:
    from panelapp.gui.file_dialogs import save_file_and_filter

    path, chosen = save_file_and_filter(page, "report", "독촉 안내문 저장", default_name(choice), FILTERS)
    if not path:
        return None
    if not path.lower().endswith((".pdf", ".xlsx")):
        path += ".xlsx" if "xlsx" in chosen else ".pdf"
    return write(page, choice, path)


def write(page: Any, choice, path: str) -> Op:
    from panelapp.services.reminders.sheets import make_reminders as make
    from panelapp.services.reminders.sheets import summary

    ctx = _window(page).ctx

    def done(data) -> None:
        _status(page, f"독촉 안내문을 저장했습니다: {summary(data)} — {path}")
        page.last_reminders = data

    return (
        Op(
            page,
            lambda token: make(ctx, choice.cohort_id, path, choice.department_id, choice.within, token=token),
        )
        .with_progress("독촉 안내문을 만드는 중…")
        .success(done)
        .failure(lambda exc: show_error(page, exc))
        .run()
    )


def _ask_password(page: Any, m) -> str | None:
    """The mail server's password, asked (None: cancelled)."""
    text, ok = QInputDialog.getText(
        page, "메일 서버 비밀번호", f"{m.server}의 사용자 '{m.user}' 비밀번호", QLineEdit.EchoMode.Password
    )
    return text if ok else None


def send(page: Any, choice) -> Op | None:
    """The password from the keyring (read on a worker: a keyring can be slow to answer), else
    asked here; then the messages sent on a worker."""
    from panelapp.services.reminders.mail import stored_password

    m = _mail(page)
    if not m.needs_password:
        return _send(page, choice, m, "")

    def found(password: str | None) -> None:
        if password is None:
            password = _ask_password(page, m)
        if password is not None:
            _send(page, choice, m, password)

    return (
        Op(page, lambda _t: stored_password(m))
        .success(found)
        .failure(lambda exc: show_error(page, exc))
        .run()
    )


def _send(page: Any, choice, m, password: str) -> Op:
    from panelapp.services.reminders.mail import send_reminders
    from panelapp.services.reminders.sheets import reminder_data

    ctx = _window(page).ctx

    def work(token):
        data = reminder_data(ctx, choice.cohort_id, choice.department_id, choice.within)
        return send_reminders(data, m, password, token)

    def done(result) -> None:
        page.last_mail = result
        lines = []
        if result.sent:
            lines.append(f"보냈습니다: {', '.join(result.sent)} ({len(result.sent):,}곳)")
        else:
            lines.append("보낸 메일이 없습니다.")
        lines += result.skipped
        QMessageBox.information(page, "독촉 안내문 메일", "\n".join(lines))

    return (
        Op(page, work)
        .with_progress("독촉 안내문을 메일로 보내는 중…")
        .success(done)
        .failure(lambda exc: show_error(page, exc))
        .run()
    )
