"""What a button that makes something of a cohort says when there is no cohort yet.

[새 제안] and [발견사항 추가] belong to the cohort chosen at the window's top; on a database
without any, they used to do nothing and say nothing. They now say that a 기수 comes first and,
to an account that sees 기수·단 관리, offer to go there (as the welcome page leads to it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.domain.josa import josa

TITLE = "기수가 없습니다"
GO_TEXT = "기수·단 관리로 가기"


def cohort_first_text(what: str, can_make: bool) -> str:
    first = f"{josa(what, '은')} 기수에 딸려 있어 기수가 먼저 있어야 합니다."
    if can_make:
        return f"{first} 기수·단 관리에서 기수를 만든 뒤 다시 해 주세요."
    return f"{first} 담당자에게 기수를 만들어 달라고 요청해 주세요."


def ask_go_to_cohorts(parent: QWidget, text: str, offer: bool) -> bool:
    """The message; True when the user chose to go to 기수·단 관리. (Tests patch this.)"""
    box = QMessageBox(QMessageBox.Icon.Information, TITLE, text, parent=parent)
    go = box.addButton(GO_TEXT, QMessageBox.ButtonRole.AcceptRole) if offer else None
    close = box.addButton("닫기", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go or close)
    box.setEscapeButton(close)
    box.exec()
    return go is not None and box.clickedButton() is go


def say_cohort_first(window, what: str) -> None:
    """Say that `what` needs a cohort; go to 기수·단 관리 if the account may and wants to."""
    from panelapp.gui.core.rights import page_visible
    from panelapp.services.permissions import Permission, allowed

    role = window.ctx.role if window.ctx is not None else None
    can_make = allowed(role, Permission.PANEL_WORK) and page_visible("cohorts", role)
    if ask_go_to_cohorts(window, cohort_first_text(what, can_make), can_make):
        window.show_page("cohorts")
