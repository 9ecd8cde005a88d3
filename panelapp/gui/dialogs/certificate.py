"""활동확인서 만들기: gather the member's record, ask where to save, write the PDF, offer to open it.

The roster page and the activities page call `make_certificate(window, enrollment_id)`.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from panelapp.atomic import write_bytes
from panelapp.domain.errors import DomainError
from panelapp.gui.core.ops import Op

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')  # not allowed (or awkward) in Windows file names


def default_file_name(member_name: str, cohort_number: int) -> str:
    name = _UNSAFE.sub("_", member_name).strip("_") or "참여단원"
    return f"활동확인서_{name}_제{cohort_number}기.pdf"


def make_certificate(window, enrollment_id: int) -> Op:
    """Runs in steps so the UI never waits on the database or ReportLab."""
    from panelapp.services.activities.certificates import certificate_data
    from panelapp.services.org.manage import require_organization

    ctx = window.ctx

    def gather(_token):
        require_organization(ctx, "활동확인서")  # the issuer above the seal is the institution
        return certificate_data(ctx, enrollment_id)

    return (
        Op(window, gather)
        .with_progress("활동 기록을 모으는 중…", cancellable=False)
        .success(lambda data: _ask_and_render(window, data))
        .run()
    )


def _ask_and_render(window, data) -> None:
    from panelapp.gui.file_dialogs import save_file

    name = default_file_name(data.member_name, data.cohort_number)
    path = save_file(window, "report", "활동확인서 저장", name, "PDF 문서 (*.pdf)", suffix=".pdf")
    if not path:
        return
    target = Path(path)

    def work(token):
        from panelapp.reports.certificate import render_certificate

        token.progress(0, 2, "활동확인서를 만드는 중…")
        pdf = render_certificate(data)
        token.check()
        token.progress(1, 2, "파일에 쓰는 중…")
        try:
            write_bytes(target, pdf)  # atomically: a failure leaves the old file, or none
        except OSError as exc:
            raise DomainError(
                f"파일을 저장할 수 없습니다. 같은 이름의 파일이 다른 프로그램에서 열려 있거나 "
                f"폴더에 쓸 권한이 없습니다.\n{target}\n({exc.strerror or exc})"
            ) from None
        return target

    Op(window, work).with_progress("활동확인서를 만드는 중…").success(lambda p: _offer_open(window, p)).run()


def _offer_open(window, path: Path) -> None:
    answer = QMessageBox.question(
        window,
        "활동확인서 저장됨",
        f"활동확인서를 저장했습니다.\n{path}\n\n지금 열어 볼까요?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
