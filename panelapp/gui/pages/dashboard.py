"""대시보드: the selected cohort at a glance. Urgent findings without a proposal sit on top in
red until a proposal covers them; every figure, bar and row opens the list behind it.

Every figure is a GROUP BY on the database (services/reporting/dashboard.py). The overview
(visits, proposals, members) comes first; the findings and the participation, which read a
million findings and every attendance row on a large database, follow in their own ops."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.enums import FindingCategory, InspectionStatus, ProposalStatus, Severity
from panelapp.domain.formatting import format_rate
from panelapp.domain.inspection_info import AWAITING_FILTER, AWAITING_LABEL
from panelapp.domain.marks import WARNING_MARK
from panelapp.gui import dashboard_links as links
from panelapp.gui.charts import Bar, BarChart, StackedBar, Tile
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.core.page import Page
from panelapp.gui.pages.dashboard_progress import ProgressSection
from panelapp.gui.pages.dashboard_sla import SlaSection
from panelapp.gui.palette import set_tone, styled
from panelapp.services.changes import Kind

SEVERITY_COLORS = {
    Severity.LOW: "chart.severity.low",
    Severity.MEDIUM: "chart.severity.medium",
    Severity.HIGH: "chart.severity.high",
    Severity.URGENT: "chart.severity.urgent",
}
STATUS_COLORS = {
    ProposalStatus.SUBMITTED: "chart.proposal.submitted",
    ProposalStatus.REVIEWING: "chart.proposal.reviewing",
    ProposalStatus.ACCEPTED: "chart.proposal.accepted",
    ProposalStatus.PARTIAL: "chart.proposal.partial",
    ProposalStatus.DECLINED: "chart.proposal.declined",
    ProposalStatus.IN_PROGRESS: "chart.proposal.in_progress",
    ProposalStatus.DONE: "chart.proposal.done",
}
WEEKDAYS = "월화수목금토일"
PENDING = "…"
COUNTING = "집계 중…"
NO_FINDINGS = "아직 발견사항이 없습니다. 점검 결과를 입력할 때 발견사항을 기록하세요."


class DashboardPage(Page):
    kinds = frozenset(
        {
            Kind.FINDING,
            Kind.PROPOSAL,
            Kind.PLAN,
            Kind.INSPECTION,
            Kind.RESULT,
            Kind.FEEDBACK,
            Kind.MEMBER,
            Kind.ENROLLMENT,
            Kind.ATTENDANCE,
            Kind.EVENT,
            Kind.CONTENT,
            Kind.COHORT,
            Kind.TRASH,
            Kind.DEPARTMENT,  # the 부서별 답변 처리 section names them
        }
    )
    completed = Signal()  # the slow parts are on screen too (`loaded` comes with the overview)

    def __init__(self, window):
        super().__init__(window)
        self.data = None  # Overview on screen
        self.finding_figures = None  # FindingFigures on screen, or None while they are counted
        self.participation = None  # Participation on screen, or None while it is computed
        self.sla_rows = None  # the 부서별 답변 처리 rows on screen, or None while they are counted
        self.progress_rows = None  # the 추진 현황 rows on screen, or None while they are counted
        self._parts = 0  # generation of the slow parts; a newer overview supersedes them
        self._parts_cohort = None  # the cohort whose slow parts are on screen
        self.parts_running = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("dashboardBody")
        styled(body, "#dashboardBody { background: @page_bg; }")
        scroll.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(24, 20, 24, 16)
        col.setSpacing(12)
        self.title = QLabel("대시보드")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(self.title)
        self.empty_label = QLabel("왼쪽 위에서 기수를 고르면 그 기수의 현황이 여기에 나옵니다.")
        self.empty_label.setStyleSheet("font-size: 11pt;")
        set_tone(self.empty_label, "hint")
        col.addWidget(self.empty_label)
        self.urgent_box = QFrame(objectName="urgentBox")
        styled(
            self.urgent_box,
            "#urgentBox { background: @urgent_bg; border: 1px solid @urgent_border; border-radius: 6px; }"
            "QLabel { color: @urgent_text; border: none; }",
        )
        urgent_col = QVBoxLayout(self.urgent_box)
        self.urgent_title = QLabel()
        self.urgent_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.urgent_list = QListWidget()
        self.urgent_list.setAccessibleName("긴급(안전) 발견사항")
        styled(
            self.urgent_list, "QListWidget { background: transparent; border: none; color: @urgent_text; }"
        )
        self.urgent_list.itemActivated.connect(lambda _i: links.urgent_findings(self.window_))
        self.urgent_list.itemClicked.connect(lambda _i: links.urgent_findings(self.window_))
        urgent_col.addWidget(self.urgent_title)
        urgent_col.addWidget(self.urgent_list)
        col.addWidget(self.urgent_box)
        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tiles = {
            key: Tile(caption)
            for key, caption in (
                ("inspections", "점검 (완료 / 전체)"),
                ("findings", "발견사항"),
                ("proposals", "개선제안"),
                ("acceptance", "채택률"),
                ("median", "답변까지 걸린 날 (중앙값, 근무일)"),
                ("overdue", "기한 지난 제안"),
                ("members", "활동 중인 단원"),
                ("hours", "1인 평균 활동"),
            )
        }
        for n, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, n // 4, n % 4)
        col.addLayout(tiles)
        self._connect_tiles()
        charts = QHBoxLayout()
        self.severity_chart, self.category_chart = (
            BarChart("발견사항 심각도별", NO_FINDINGS),
            BarChart("발견사항 유형별", NO_FINDINGS),
        )
        self.severity_chart.clicked.connect(lambda key: links.findings(self.window_, severity=key))
        self.category_chart.clicked.connect(lambda key: links.findings(self.window_, category=key))
        for chart in (self.severity_chart, self.category_chart):
            styled(chart, "background: @surface;")
            charts.addWidget(chart)
        col.addLayout(charts, 1)  # the charts take what a taller screen has to spare
        lower = QHBoxLayout()
        self.status_chart = StackedBar("개선제안 진행 상태")
        self.status_chart.clicked.connect(lambda key: links.proposals(self.window_, status=key))
        lower.addWidget(self.status_chart, 3)
        upcoming_col = QVBoxLayout()
        self.upcoming_title = QLabel("다가오는 점검 (14일)")
        self.upcoming_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.upcoming_list = QListWidget()
        self.upcoming_list.setAccessibleName("다가오는 점검")
        self.upcoming_list.setMaximumHeight(170)
        self.upcoming_list.itemActivated.connect(lambda _i: self._open_upcoming())
        self.upcoming_list.itemClicked.connect(lambda _i: self._open_upcoming())
        upcoming_col.addWidget(self.upcoming_title)
        upcoming_col.addWidget(self.upcoming_list)
        lower.addLayout(upcoming_col, 2)
        col.addLayout(lower)
        # 이월 과제: what the cohort before carried into its 차년도 업무계획, counted apart from
        # this cohort's own figures (docs/architecture.md, "Carried proposals count once"); below
        # the status legend, which must stay on a 1366×768 screen without scrolling
        self.carried_label = QLabel()
        self.carried_label.setAccessibleName("이월 과제")
        self.carried_label.setTextFormat(Qt.TextFormat.RichText)
        self.carried_label.linkActivated.connect(lambda _l: links.proposals(self.window_, carried=True))
        self.carried_label.hide()
        col.addWidget(self.carried_label)
        self.sla = SlaSection(window)
        col.addWidget(self.sla)
        self.progress = ProgressSection(window)  # 추진 현황 (issue 14 item 4)
        col.addWidget(self.progress)
        self._show(None)

    def _connect_tiles(self) -> None:
        w, t = self.window_, self.tiles
        t["inspections"].clicked.connect(lambda: links.inspections(w))
        t["inspections"].link_clicked.connect(lambda _key: links.awaiting_results(w))
        t["findings"].clicked.connect(lambda: links.findings(w))
        for key in ("proposals", "acceptance", "median"):
            t[key].clicked.connect(lambda: links.proposals(w))
        t["overdue"].clicked.connect(lambda: links.proposals(w, overdue=True))
        for key in ("members", "hours"):
            t[key].clicked.connect(lambda: links.roster(w))

    # ----- loading: the overview first, then findings and participation ------------------
    def load(self):
        from panelapp.services.reporting.dashboard import load_overview

        cohort_id, ctx = self.window_.current_cohort_id, self.ctx
        if cohort_id is None:
            return None
        return lambda: load_overview(ctx, cohort_id)

    def apply(self, overview) -> None:
        self._parts += 1
        self._show(overview)
        if overview is None:
            return
        if self._parts_cohort != overview.cohort_id:  # another cohort: the old parts would mislead
            self._parts_cohort = overview.cohort_id
            self._show_findings(None)
            self._show_participation(None)
            self._show_sla(None)
            self._show_progress(None)
        self._start_parts(overview)

    def _start_parts(self, o) -> None:
        """Findings (1,000,000 rows) and participation (every attendance row) take seconds on a
        large database: each comes in its own op, the overview is on screen meanwhile."""
        from panelapp.services.proposals.milestones import rollup
        from panelapp.services.reporting.dashboard import load_findings, load_participation
        from panelapp.services.reporting.sla import department_sla

        ctx, cohort_id, today, generation = self.ctx, o.cohort_id, o.today, self._parts
        parts: list[tuple[Callable[[Any], Any], Callable[[Any], None]]] = [
            (lambda _t: load_findings(ctx, cohort_id), self._show_findings),
            (lambda _t: load_participation(ctx, cohort_id, today), self._show_participation),
            (lambda _t: department_sla(ctx, cohort_id, today), self._show_sla),
            (lambda _t: rollup(ctx, cohort_id, "department", today), self._show_progress),
        ]
        for fn, show in parts:
            self.parts_running += 1
            op = Op(self, fn).success(functools.partial(self._part, generation, show))
            op.failure(lambda exc: self._part_failed(generation, exc))
            op.finished.connect(self._part_done)
            op.run()

    def _part(self, generation: int, show, result) -> None:
        if generation == self._parts:
            show(result)

    def _part_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._parts:
            show_error(self, exc)

    def _part_done(self, *_args) -> None:
        self.parts_running -= 1
        if (
            self.parts_running == 0
            and self.finding_figures is not None
            and self.participation is not None
            and self.sla_rows is not None
            and self.progress_rows is not None
        ):
            self.completed.emit()

    # ----- showing -----------------------------------------------------------------------
    def _show(self, d) -> None:
        self.data = d
        self.empty_label.setVisible(d is None)
        for w in (
            *self.tiles.values(),
            self.severity_chart,
            self.category_chart,
            self.status_chart,
            self.upcoming_title,
            self.upcoming_list,
            self.sla,
            self.progress,
        ):
            w.setVisible(d is not None)
        if d is None:
            self.urgent_box.setVisible(False)
            self.title.setText("대시보드")
            return
        self.title.setText(f"대시보드 — {d.cohort_name}  ·  {d.today:%Y-%m-%d} 기준")
        self._fill_tiles(d)
        self._fill_carried(d)
        self.status_chart.set_bars(
            [Bar(s, s.label, d.proposals_by_status[s], STATUS_COLORS[s]) for s in ProposalStatus]
        )
        for chart, page in (
            (self.severity_chart, "findings"),
            (self.category_chart, "findings"),
            (self.status_chart, "proposals"),
        ):
            chart.clickable = links.can_open(self.window_, page)
        self._fill_upcoming(d)

    def _fill_carried(self, d) -> None:
        carried = getattr(d, "carried", None)
        self.carried_label.setVisible(carried is not None)
        if carried is None:
            return
        text = f"{carried.text} — 제{carried.from_number}기 제안으로 집계되어 위 숫자에는 들지 않습니다"
        if links.can_open(self.window_, "proposals"):
            text = f"<a href='carried'>{carried.text}</a> — 제{carried.from_number}기 제안으로 집계되어 위 숫자에는 들지 않습니다"
        self.carried_label.setText(text)

    def _show_findings(self, f) -> None:
        self.finding_figures = f
        w = self.window_
        if f is None:
            self.urgent_box.setVisible(False)
            self.tiles["findings"].set(PENDING, "집계 중…", links.can_open(w, "findings"))
            for chart in (self.severity_chart, self.category_chart):
                chart.set_bars([], COUNTING)
            return
        self.urgent_box.setVisible(bool(f.urgent_count))
        if f.urgent_count:
            self._fill_urgent(f)
        self.tiles["findings"].set(
            f"{f.total:,}건",
            f"긴급 {f.by_severity[Severity.URGENT]:,} · 높음 {f.by_severity[Severity.HIGH]:,}",
            links.can_open(w, "findings"),
        )
        self.severity_chart.set_bars(
            [Bar(s, s.label, f.by_severity[s], SEVERITY_COLORS[s]) for s in Severity], NO_FINDINGS
        )
        self.category_chart.set_bars(
            [Bar(c, c.label, f.by_category[c], "chart.category") for c in FindingCategory], NO_FINDINGS
        )

    def _show_sla(self, rows) -> None:
        self.sla_rows = rows
        self.sla.set_rows(rows)

    def _show_progress(self, rows) -> None:
        self.progress_rows = rows
        self.progress.set_rows(rows)

    def _show_participation(self, p) -> None:
        self.participation = p
        w = self.window_
        if p is None:
            self.tiles["hours"].set(PENDING, "계산 중…", links.can_open(w, "roster"))
            return
        self.tiles["hours"].set(
            p.hours_text,  # the roster's and the report's formatting (domain/participation.py)
            f"평균 출석률 {p.rate_text} (배정된 점검 포함)",
            links.can_open(w, "roster"),
        )

    def urgent_hint(self) -> str:
        """Who makes the proposal: the account itself only if it may (a 열람자 or 점검 조장 is told
        what happens, not to do what it cannot)."""
        from panelapp.services.permissions import Permission, allowed

        if allowed(self.ctx.role if self.ctx is not None else None, Permission.PANEL_WORK):
            return "제안을 만들면 여기서 사라집니다"
        return "담당자가 개선제안을 만들면 여기서 사라집니다"

    def _fill_urgent(self, f) -> None:
        more = f" (오래된 {len(f.urgent)}건 표시)" if f.urgent_count > len(f.urgent) else ""
        self.urgent_title.setText(
            f"{WARNING_MARK} 개선제안이 아직 없는 긴급 발견사항 {f.urgent_count:,}건{more} — {self.urgent_hint()}"
        )
        self.urgent_list.clear()
        for u in f.urgent:
            where = f" · {u.location}" if u.location else ""
            self.urgent_list.addItem(
                QListWidgetItem(f"{u.observed_on:%Y-%m-%d}  {u.title}  ({u.facility_name}{where})")
            )
        row = max(self.urgent_list.sizeHintForRow(0), 16)
        self.urgent_list.setFixedHeight(min(6, max(1, len(f.urgent))) * row + 6)

    def _fill_tiles(self, d) -> None:
        w, t, n = self.window_, self.tiles, d.inspections
        total = sum(n.values())
        done, planned = n[InspectionStatus.COMPLETED], n[InspectionStatus.PLANNED]
        late = d.awaiting_results  # among the 예정: their day has passed without results
        t["inspections"].set(
            f"{done:,} / {total:,}",
            f"예정 {planned - late:,} · 연기 {n[InspectionStatus.POSTPONED]:,} · 취소 {n[InspectionStatus.CANCELLED]:,}",
            links.can_open(w, "schedule"),
            link=(AWAITING_FILTER, f"{AWAITING_LABEL} {late:,}") if late else None,
        )
        has_proposals = links.can_open(w, "proposals")
        waiting = (
            d.proposals_by_status[ProposalStatus.SUBMITTED] + d.proposals_by_status[ProposalStatus.REVIEWING]
        )
        t["proposals"].set(f"{d.proposals_total:,}건", f"답변 대기 {waiting:,}", has_proposals)
        t["acceptance"].set(
            format_rate(d.acceptance_rate),  # as the report prints it
            f"채택·부분채택 {d.adopted:,} / 결정 {d.adopted + d.declined:,}",
            has_proposals,
        )
        median = "–" if d.median_days_to_answer is None else f"{d.median_days_to_answer:g}근무일"
        t["median"].set(median, f"답변 {d.answered:,}건 기준, 주말·공휴일 제외", has_proposals)
        t["overdue"].set(
            f"{d.overdue:,}건", "처리 기한이 지났는데 답변 전", has_proposals, alert=d.overdue > 0
        )
        t["members"].set(f"{d.active_members:,}명", d.members_text, links.can_open(w, "roster"))

    def _fill_upcoming(self, d) -> None:
        self.upcoming_list.clear()
        if not d.upcoming:
            item = QListWidgetItem("앞으로 14일 안에 예정된 점검이 없습니다. 점검 일정에서 추가하세요.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.upcoming_list.addItem(item)
            return
        for u in d.upcoming:
            when = f"{u.scheduled_date:%m/%d}({WEEKDAYS[u.scheduled_date.weekday()]})"
            time = f" {u.start_time:%H:%M}" if u.start_time else ""
            team = f" · {u.team_name}" if u.team_name else ""
            self.upcoming_list.addItem(QListWidgetItem(f"{when}{time}  {u.facility_name}{team}"))

    def _open_upcoming(self) -> None:
        if self.data is not None and self.data.upcoming:
            today = self.data.today
            links.inspections(self.window_, InspectionStatus.PLANNED, today, today + dt.timedelta(days=13))
