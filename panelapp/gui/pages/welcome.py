"""Welcome page, shown while the database holds no cohort."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page


class WelcomePage(Page):
    kinds = frozenset()  # it shows no data
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        col = QVBoxLayout(self)
        col.addStretch(2)
        title = QLabel("시민참여단 활동관리에 오신 것을 환영합니다")
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(title)
        text = QLabel(
            "기수를 만들고 참여단원을 등록하면 활동 시간, 출석, 활동확인서를 관리할 수 있습니다.\n"
            "처음이라면 데모 데이터로 둘러보세요. 데모 데이터는 빈 데이터베이스에만 넣을 수 있습니다."
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #444; font-size: 11pt;")
        col.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.demo_button = QPushButton("데모 데이터 불러오기")
        self.new_button = QPushButton("새 기수 만들기")
        for b in (self.demo_button, self.new_button):
            b.setMinimumSize(220, 54)
            b.setStyleSheet("font-size: 12pt;")
            row.addWidget(b)
        self.new_button.setDefault(True)
        row.addStretch(1)
        col.addSpacing(24)
        col.addLayout(row)
        col.addStretch(3)
        self.demo_button.clicked.connect(self.load_demo)
        self.new_button.clicked.connect(self.new_cohort)

    def load(self):
        return None  # nothing to load: apply(None) runs at once

    def apply(self, _result) -> None:
        pass

    def load_demo(self) -> None:
        from panelapp.services.demo.build import load_demo

        ctx = self.window_.ctx
        self.demo_button.setEnabled(False)
        Op(self, lambda _t: load_demo(ctx), write=True).with_progress(
            "데모 데이터를 만드는 중…", cancellable=False
        ).failure(self._demo_failed).run()  # the op announces the new cohort: the window lists it

    def _demo_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        self.demo_button.setEnabled(True)
        show_error(self, exc)

    def new_cohort(self):
        """The cohort dialog; its save op announces the cohort, and the window selects it."""
        from panelapp.gui.dialogs.cohort_dialog import CohortDialog

        return open_dialog(CohortDialog(self.window_, None))
