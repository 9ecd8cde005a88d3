"""대시보드: the selected cohort at a glance. Urgent findings without a proposal sit on top in
red until a proposal covers them; every figure, bar and row opens the list behind it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
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
from panelapp.gui import dashboard_links as links
from panelapp.gui.charts import Bar, BarChart, StackedBar, Tile
from panelapp.gui.core.ops import Op, show_error

RELOAD_KINDS = {
    "finding",
    "proposal",
    "inspection",
    "result",
    "feedback",
    "member",
    "enrollment",
    "attendance",
    "event",
    "content",
    "cohort",
    "demo",
    "trash",
}
SEVERITY_COLORS = {
    Severity.LOW: "#7fb77e",
    Severity.MEDIUM: "#e8b83e",
    Severity.HIGH: "#ee8a46",
    Severity.URGENT: "#d64545",
}
STATUS_COLORS = {
    ProposalStatus.SUBMITTED: "#9aa5b1",
    ProposalStatus.REVIEWING: "#e8b83e",
    ProposalStatus.ACCEPTED: "#2e9d5b",
    ProposalStatus.PARTIAL: "#8cc084",
    ProposalStatus.DECLINED: "#d64545",
    ProposalStatus.IN_PROGRESS: "#4a7bd0",
    ProposalStatus.DONE: "#1f3a5f",
}
WEEKDAYS = "월화수목금토일"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class DashboardPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.data = None
        self._dirty, self._loading = True, False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("dashboardBody")
        body.setStyleSheet("#dashboardBody { background: #f4f6f8; }")
        scroll.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(24, 20, 24, 16)
        col.setSpacing(12)
        self.title = QLabel("대시보드")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        col.addWidget(self.title)
        self.empty_label = QLabel("왼쪽 위에서 기수를 고르면 그 기수의 현황이 여기에 나옵니다.")
        self.empty_label.setStyleSheet("color: #556; font-size: 11pt;")
        col.addWidget(self.empty_label)
        self.urgent_box = QFrame(objectName="urgentBox")
        self.urgent_box.setStyleSheet(
            "#urgentBox { background: #fdecea; border: 1px solid #d64545; border-radius: 6px; }"
            "QLabel { color: #8c1d18; border: none; }"
        )
        urgent_col = QVBoxLayout(self.urgent_box)
        self.urgent_title = QLabel()
        self.urgent_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.urgent_list = QListWidget()
        self.urgent_list.setStyleSheet(
            "QListWidget { background: transparent; border: none; color: #8c1d18; }"
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
                ("median", "답변까지 걸린 날 (중앙값)"),
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
        empty = "아직 발견사항이 없습니다. 점검 결과를 입력할 때 발견사항을 기록하세요."
        self.severity_chart, self.category_chart = (
            BarChart("발견사항 심각도별", empty),
            BarChart("발견사항 유형별", empty),
        )
        self.severity_chart.clicked.connect(lambda key: links.findings(self.window_, severity=key))
        self.category_chart.clicked.connect(lambda key: links.findings(self.window_, category=key))
        for chart in (self.severity_chart, self.category_chart):
            chart.setStyleSheet("background: white;")
            charts.addWidget(chart)
        col.addLayout(charts)
        lower = QHBoxLayout()
        self.status_chart = StackedBar("개선제안 진행 상태")
        self.status_chart.clicked.connect(lambda key: links.proposals(self.window_, status=key))
        lower.addWidget(self.status_chart, 3)
        upcoming_col = QVBoxLayout()
        self.upcoming_title = QLabel("다가오는 점검 (14일)")
        self.upcoming_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.upcoming_list = QListWidget()
        self.upcoming_list.setMaximumHeight(170)
        self.upcoming_list.itemActivated.connect(lambda _i: self._open_upcoming())
        self.upcoming_list.itemClicked.connect(lambda _i: self._open_upcoming())
        upcoming_col.addWidget(self.upcoming_title)
        upcoming_col.addWidget(self.upcoming_list)
        lower.addLayout(upcoming_col, 2)
        col.addLayout(lower)
        col.addStretch(1)
        self._show(None)
        window.bus.changed.connect(self._on_changed)
        window.cohort_changed.connect(lambda _c: self._on_changed("cohort", None))

    def _connect_tiles(self) -> None:
        w, t = self.window_, self.tiles
        t["inspections"].clicked.connect(lambda: links.inspections(w))
        t["findings"].clicked.connect(lambda: links.findings(w))
        for key in ("proposals", "acceptance", "median"):
            t[key].clicked.connect(lambda: links.proposals(w))
        t["overdue"].clicked.connect(lambda: links.proposals(w, overdue=True))
        for key in ("members", "hours"):
            t[key].clicked.connect(lambda: links.roster(w))

    # ----- loading -----------------------------------------------------------------------
    def _on_changed(self, kind: str, _ids) -> None:
        if kind in RELOAD_KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        from panelapp.services.reporting.dashboard import load_dashboard

        cohort_id, ctx = self.window_.current_cohort_id, self.window_.ctx
        if cohort_id is None:
            self._dirty = False
            self._show(None)
            return
        if self._loading:
            return
        self._dirty, self._loading = False, True
        Op(self, lambda _t: load_dashboard(ctx, cohort_id)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, data) -> None:
        self._loading = False
        self._show(data)
        if self._dirty:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

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
        ):
            w.setVisible(d is not None)
        self.urgent_box.setVisible(bool(d and d.urgent_without_proposal))
        if d is None:
            self.title.setText("대시보드")
            return
        self.title.setText(f"대시보드 — {d.cohort_name}  ·  {d.today:%Y-%m-%d} 기준")
        self._fill_urgent(d)
        self._fill_tiles(d)
        self.severity_chart.set_bars(
            [Bar(s, s.label, d.findings_by_severity[s], SEVERITY_COLORS[s]) for s in Severity]
        )
        self.category_chart.set_bars(
            [Bar(c, c.label, d.findings_by_category[c], "#4a7bd0") for c in FindingCategory]
        )
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

    def _fill_urgent(self, d) -> None:
        self.urgent_title.setText(
            f"⚠ 개선제안이 아직 없는 긴급 발견사항 {len(d.urgent_without_proposal)}건 "
            "— 제안을 만들면 여기서 사라집니다"
        )
        self.urgent_list.clear()
        for f in d.urgent_without_proposal:
            where = f" · {f.location}" if f.location else ""
            self.urgent_list.addItem(
                QListWidgetItem(f"{f.observed_on:%Y-%m-%d}  {f.title}  ({f.facility_name}{where})")
            )
        row = max(self.urgent_list.sizeHintForRow(0), 16)
        self.urgent_list.setFixedHeight(min(6, max(1, len(d.urgent_without_proposal))) * row + 6)

    def _fill_tiles(self, d) -> None:
        w, t, n = self.window_, self.tiles, d.inspections
        total = sum(n.values())
        done, planned = n[InspectionStatus.COMPLETED], n[InspectionStatus.PLANNED]
        t["inspections"].set(
            f"{done} / {total}",
            f"예정 {planned} · 연기 {n[InspectionStatus.POSTPONED]} · 취소 {n[InspectionStatus.CANCELLED]}",
            links.can_open(w, "schedule"),
        )
        urgent = d.findings_by_severity[Severity.URGENT]
        t["findings"].set(
            f"{d.findings_total}건",
            f"긴급 {urgent} · 높음 {d.findings_by_severity[Severity.HIGH]}",
            links.can_open(w, "findings"),
        )
        has_proposals = links.can_open(w, "proposals")
        t["proposals"].set(
            f"{d.proposals_total}건",
            f"답변 대기 {d.proposals_by_status[ProposalStatus.SUBMITTED] + d.proposals_by_status[ProposalStatus.REVIEWING]}",
            has_proposals,
        )
        t["acceptance"].set(
            _percent(d.acceptance_rate),
            f"채택·부분채택 {d.adopted} / 결정 {d.adopted + d.declined}",
            has_proposals,
        )
        median = "–" if d.median_days_to_answer is None else f"{d.median_days_to_answer:g}일"
        t["median"].set(median, f"답변 {d.answered}건 기준", has_proposals)
        t["overdue"].set(f"{d.overdue}건", "처리 기한이 지났는데 답변 전", has_proposals, alert=d.overdue > 0)
        t["members"].set(f"{d.active_members}명", "참여단원 목록 보기", links.can_open(w, "roster"))
        hours = "–" if d.mean_hours is None else f"{d.mean_hours:.1f}시간"
        t["hours"].set(
            hours,
            f"출석률 {_percent(d.mean_attendance_rate)} (배정된 점검 포함)",
            links.can_open(w, "roster"),
        )

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
