"""Welcome page, shown while the database holds no cohort: the year's work at a glance, what to
set up first (기관 정보 → 기수 → 명단 → 시설·점검표) with buttons to each place, and the guide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.services.changes import Kind

INTRO = (
    "한 해의 시민참여단 일을 처음부터 끝까지 기록합니다.\n"
    "명단과 출석, 시설 점검과 발견사항, 부서에 보낸 개선제안과 답변, 이사회 보고서까지 한곳에서 다룹니다."
)
# the work cycle, each step with its section of the user guide (resources/help)
CYCLE = (
    ("기관 정보", "organization.html#organization"),
    ("기수·명단", "cohort.html#cohorts"),
    ("시설·점검표", "facilities.html#facilities"),
    ("점검 일정", "schedule.html#schedule"),
    ("결과·발견사항", "results.html#results"),
    ("개선제안", "proposals.html#proposals"),
    ("보고서", "reports.html#reports"),
)
STEP_TOPICS = (
    "organization.html#organization",
    "cohort.html#cohort-new",
    "cohort.html#import",
    "facilities.html#facilities",
)


class WelcomePage(Page):
    kinds = frozenset({Kind.ORGANIZATION, Kind.FACILITY, Kind.CHECKLIST})  # how far setting up has come
    follows_cohort = False

    def __init__(self, window):
        super().__init__(window)
        col = QVBoxLayout(self)
        col.addStretch(2)
        title = QLabel("시민참여단 활동관리에 오신 것을 환영합니다")
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(title)
        text = QLabel(INTRO)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #444; font-size: 11pt;")
        col.addWidget(text)
        # the year's work, each step a link to its section of the guide
        self.cycle_label = QLabel(
            " → ".join(f'<a href="{topic}">{label}</a>' for label, topic in CYCLE), objectName="cycleLabel"
        )
        self.cycle_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cycle_label.setStyleSheet("font-size: 12pt; padding: 10px;")
        self.cycle_label.setToolTip("단계를 누르면 사용 설명서의 그 부분이 열립니다")
        self.cycle_label.linkActivated.connect(self.open_guide)
        col.addWidget(self.cycle_label)
        col.addSpacing(6)
        col.addLayout(self._first_steps())
        row = QHBoxLayout()
        row.addStretch(1)
        self.demo_button = QPushButton("데모 데이터 불러오기")
        self.guide_button = QPushButton("사용 설명서 열기 (F1)")
        for b in (self.demo_button, self.guide_button):
            b.setMinimumSize(200, 40)
            row.addWidget(b)
        row.addStretch(1)
        col.addSpacing(14)
        col.addLayout(row)
        demo_note = QLabel(
            "처음이라면 데모 데이터로 둘러보세요. 데모 데이터는 빈 데이터베이스에만 넣을 수 있습니다."
        )
        demo_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        demo_note.setStyleSheet("color: #5b6776;")
        col.addWidget(demo_note)
        col.addStretch(3)
        self.demo_button.clicked.connect(self.load_demo)
        self.guide_button.clicked.connect(lambda: self.open_guide("start.html#start"))

    def _first_steps(self) -> QHBoxLayout:
        """먼저 준비할 것: the four things to set up, in order, each with where to do it."""
        box = QGroupBox("먼저 준비할 것 — 이 순서로")
        box.setStyleSheet(
            "QGroupBox { font-weight: bold; } QGroupBox QLabel, QGroupBox QPushButton { font-weight: normal; }"
        )
        box.setMaximumWidth(960)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.org_button = QPushButton("기관 정보 입력…")
        self.new_button = QPushButton("새 기수 만들기")
        self.roster_button = QPushButton("명단 불러오는 법")
        self.facilities_button = QPushButton("시설·부서 화면")
        self.checklists_button = QPushButton("점검표 화면")
        self.org_status = QLabel()
        self.register_status = QLabel()
        self.new_button.setDefault(True)
        steps = [
            (
                "기관 정보",
                "보고서·활동확인서에 찍힐 기관명, 로고, 결재란",
                self.org_status,
                [self.org_button],
            ),
            (
                "기수",
                "올해 기수(예: 제7기)와 활동 기간",
                None,
                [self.new_button],
            ),
            (
                "참여단원 명단",
                "기수를 만든 뒤 [참여단원]에서 엑셀로 한 번에",
                None,
                [self.roster_button],
            ),
            (
                "시설·점검표",
                "점검할 시설·담당부서와 점검 항목",
                self.register_status,
                [self.facilities_button, self.checklists_button],
            ),
        ]
        self.step_links: list[QLabel] = []
        for row, (name, what, status, buttons) in enumerate(steps):
            number = QLabel(f"{row + 1}")
            number.setStyleSheet(
                "background: #2f5b8f; color: white; font-weight: bold; border-radius: 11px;"
                "min-width: 22px; max-width: 22px; min-height: 22px; max-height: 22px;"
            )
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, row, 0)
            title = QLabel(f"<b>{name}</b>")
            title.setStyleSheet("font-size: 11pt;")
            grid.addWidget(title, row, 1)
            detail = QLabel(what, wordWrap=True)
            detail.setStyleSheet("color: #444;")
            if status is not None:
                status.setStyleSheet("color: #2e7d32;")
                cell = QVBoxLayout()
                cell.setSpacing(0)
                cell.addWidget(detail)
                cell.addWidget(status)
                grid.addLayout(cell, row, 2)
            else:
                grid.addWidget(detail, row, 2)
            actions = QHBoxLayout()
            for b in buttons:
                b.setMinimumSize(100 if len(buttons) > 1 else 150, 30)
                actions.addWidget(b)
            grid.addLayout(actions, row, 3)
            link = QLabel(f'<a href="{STEP_TOPICS[row]}">설명 보기</a>')
            link.setToolTip("사용 설명서의 이 부분을 엽니다")
            link.linkActivated.connect(self.open_guide)
            self.step_links.append(link)
            grid.addWidget(link, row, 4)
        grid.setColumnStretch(2, 1)
        self.org_button.clicked.connect(self.edit_organization)
        self.new_button.clicked.connect(self.new_cohort)
        self.roster_button.clicked.connect(lambda: self.open_guide("cohort.html#import"))
        self.facilities_button.clicked.connect(lambda: self.window_.show_page("facilities"))
        self.checklists_button.clicked.connect(lambda: self.window_.show_page("checklists"))
        outer = QHBoxLayout()
        outer.addStretch(1)
        outer.addWidget(box, 8)
        outer.addStretch(1)
        return outer

    def load(self):
        ctx = self.ctx
        if ctx is None:
            return None

        def work():
            from panelapp.services.checklists.templates import list_templates
            from panelapp.services.org.manage import get_organization
            from panelapp.services.registers.facilities import facility_count

            org = get_organization(ctx)
            return org.name if org else None, facility_count(ctx), len(list_templates(ctx))

        return work

    def apply(self, result) -> None:
        """How far the setting up has come: the institution's name, the registers' sizes."""
        if result is None:
            return
        name, facilities, checklists = result
        self.org_status.setText(f"✓ {name}" if name else "아직 없습니다")
        self.org_button.setText("기관 정보 고치기…" if name else "기관 정보 입력…")
        self.org_status.setStyleSheet("color: #2e7d32;" if name else "color: #b26a00;")
        self.register_status.setText(f"시설 {facilities:,}곳 · 점검표 {checklists:,}개")
        self.register_status.setStyleSheet("color: #2e7d32;" if facilities else "color: #b26a00;")

    def open_guide(self, topic: str):
        """The user guide at `topic` ("file.html#anchor")."""
        return self.window_.open_help(topic)

    def edit_organization(self):
        return self.window_.open_organization()

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
