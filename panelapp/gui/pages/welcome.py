"""Welcome page, shown while the database holds no cohort: the year's work at a glance, what to
set up first (기관 정보 → 기수 → 명단 → 시설·점검표) with buttons to each place, and the guide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from panelapp.domain.marks import DONE_MARK
from panelapp.gui.core.buttons import WideButton
from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op
from panelapp.gui.core.page import Page
from panelapp.gui.palette import set_tone, styled
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
DEMO_NOTE = (
    "처음이라면 데모 데이터로 둘러보세요. 오늘 날짜에 맞춘 한 해의 활동이 들어갑니다. "
    "데모 데이터는 빈 데이터베이스에만 넣을 수 있습니다."
)
DEMO_SEPARATE = (
    "이 데이터베이스에는 이미 기관 정보 등 자료가 있어 데모를 섞지 않습니다. "
    "데모는 연습용 데이터베이스에 따로 만들어 새 창으로 엽니다. 지금 자료는 그대로 남습니다."
)
DEMO_HERE = (
    "이 창이 데모 데이터베이스입니다. 마음껏 눌러 보세요. 실제 자료는 다른 창(원래 데이터베이스)에 있습니다."
)
DEMO_BUTTON, DEMO_SEPARATE_BUTTON = "데모 데이터 불러오기", "데모를 새 창으로 열기"
STEP_TOPICS = (
    "organization.html#organization",
    "cohort.html#cohort-new",
    "cohort.html#import",
    "facilities.html#facilities",
)


class WelcomePage(Page):
    # how far setting up has come, and whether the database is still empty enough for the demo
    kinds = frozenset({Kind.ORGANIZATION, Kind.FACILITY, Kind.CHECKLIST, Kind.COHORT, Kind.MEMBER})
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
        text.setStyleSheet("font-size: 11pt;")
        set_tone(text, "hint")
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
        self.demo_button = WideButton(DEMO_BUTTON)
        self._demo_here = True  # the database is empty: the demo goes into it
        self.guide_button = WideButton("사용 설명서 열기 (F1)")
        for b in (self.demo_button, self.guide_button):
            b.set_floor(200)
            b.setMinimumHeight(40)
            row.addWidget(b)
        row.addStretch(1)
        col.addSpacing(14)
        col.addLayout(row)
        demo_note = QLabel(DEMO_NOTE)
        demo_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(demo_note, "hint")
        col.addWidget(demo_note)
        self.demo_note = demo_note
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
        self.org_button = WideButton("기관 정보 입력…")
        self.new_button = WideButton("새 기수 만들기")
        self.roster_button = WideButton("명단 불러오는 법")
        self.facilities_button = WideButton("시설·부서 화면")
        self.checklists_button = WideButton("점검표 화면")
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
            styled(
                number,
                "background: @step_bg; color: @step_text; font-weight: bold; border-radius: 11px;"
                "min-width: 22px; max-width: 22px; min-height: 22px; max-height: 22px;",
            )
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, row, 0)
            title = QLabel(f"<b>{name}</b>")
            title.setStyleSheet("font-size: 11pt;")
            grid.addWidget(title, row, 1)
            detail = QLabel(what, wordWrap=True)
            set_tone(detail, "hint")
            if status is not None:
                set_tone(status, "ok")
                cell = QVBoxLayout()
                cell.setSpacing(0)
                cell.addWidget(detail)
                cell.addWidget(status)
                grid.addLayout(cell, row, 2)
            else:
                grid.addWidget(detail, row, 2)
            actions = QHBoxLayout()
            for b in buttons:
                b.set_floor(100 if len(buttons) > 1 else 150)
                b.setMinimumHeight(30)
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
            from panelapp.services.demo.build import demo_allowed
            from panelapp.services.demo.separate import is_separate_demo
            from panelapp.services.org.manage import get_organization
            from panelapp.services.registers.facilities import facility_count

            org = get_organization(ctx)
            counts = facility_count(ctx), len(list_templates(ctx))
            demo = (
                "here" if demo_allowed(ctx) else "this" if is_separate_demo(ctx.db.sqlite_path) else "apart"
            )
            return org.name if org else None, *counts, demo

        return work

    def apply(self, result) -> None:
        """How far the setting up has come: the institution's name, the registers' sizes."""
        if result is None:
            return
        name, facilities, checklists, demo = result
        self._show_demo_choice(demo)
        self.org_status.setText(f"{DONE_MARK} {name}" if name else "아직 없습니다")
        self.org_button.setText("기관 정보 고치기…" if name else "기관 정보 입력…")
        set_tone(self.org_status, "ok" if name else "warn")
        self.register_status.setText(f"시설 {facilities:,}곳 · 점검표 {checklists:,}개")
        set_tone(self.register_status, "ok" if facilities else "warn")

    def _show_demo_choice(self, demo: str) -> None:
        """The demo goes only into an empty database ("here"); a database with work in it (the
        institution entered at first start is enough) gets it in a database of its own, opened in
        a new window ("apart"); the demo's own window offers nothing ("this")."""
        self._demo_here = demo == "here"
        self.demo_button.setEnabled(demo != "this")
        self.demo_button.setText(DEMO_SEPARATE_BUTTON if demo == "apart" else DEMO_BUTTON)
        self.demo_note.setText({"here": DEMO_NOTE, "apart": DEMO_SEPARATE}.get(demo, DEMO_HERE))

    def open_guide(self, topic: str):
        """The user guide at `topic` ("file.html#anchor")."""
        return self.window_.open_help(topic)

    def edit_organization(self):
        return self.window_.open_organization()

    def load_demo(self) -> None:
        if not self._demo_here:
            self.open_separate_demo()
            return
        from panelapp.services.demo.build import load_demo

        ctx = self.window_.ctx
        self.demo_button.setEnabled(False)
        Op(self, lambda _t: load_demo(ctx), write=True).with_progress(
            "데모 데이터를 만드는 중…", cancellable=False
        ).success(self._demo_loaded).failure(
            self._demo_failed
        ).run()  # the op announces the new cohort: the window lists it

    def _demo_loaded(self, summary: str) -> None:
        """What was made, in the status bar (the window has moved on to the new cohort)."""
        first = summary.splitlines()[0] if summary else ""
        self.window_.statusBar().showMessage(f"데모 데이터를 불러왔습니다. {first}", 30000)

    def open_separate_demo(self) -> None:
        """The demo in demo.db of the data folder (made the first time), in a new window."""
        from panelapp.services.demo.separate import prepare_separate_demo

        settings, ctx = self.window_.settings, self.window_.ctx
        self.demo_button.setEnabled(False)
        Op(self, lambda _t: prepare_separate_demo(settings, account_from=ctx), write=True).with_progress(
            "데모 데이터베이스를 준비하는 중…", cancellable=False
        ).success(self._separate_ready).failure(self._demo_failed).run()

    def _separate_ready(self, prepared) -> None:
        from panelapp.gui import launch

        path, _made = prepared
        self.demo_button.setEnabled(True)
        if launch.open_in_new_window(path):
            message = f"데모를 새 창으로 엽니다: {path}"
        else:
            message = f"데모 창을 열지 못했습니다. 프로그램을 --db {path} 로 실행해 보세요."
        self.window_.statusBar().showMessage(message, 30000)

    def _demo_failed(self, exc: BaseException) -> None:
        from panelapp.gui.core.ops import show_error

        self.demo_button.setEnabled(True)
        show_error(self, exc)

    def new_cohort(self):
        """The cohort dialog; its save op announces the cohort, and the window selects it."""
        from panelapp.gui.dialogs.cohort_dialog import CohortDialog

        return open_dialog(CohortDialog(self.window_, None))
