"""관리 → 접속기록: the access log and the permission history, filtered and exported, and the
monthly review a 관리자 signs off (issue 12 items 4 and 5).

Both lists are id-based tables (gui/models/id_table.py): the services compute the matching ids,
newest first, and the rows of the painted blocks are fetched by id. The review is recorded as an
access-log entry of its own (services/audit/review.review_month); the reviews so far are listed.
Only accounts with the right see the menu; the services refuse everyone else anyway.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.domain.access_log import ACTIONS
from panelapp.domain.localtime import format_local, today_local
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.dates import setup_date_edit
from panelapp.gui.models.id_table import CENTER, RIGHT, Column, IdTableModel, configure_view
from panelapp.gui.palette import set_tone

ALL = "(전체)"

ACCESS_COLUMNS = [
    Column("번호", None, lambda e: str(e.id), width=60, align=RIGHT),
    Column("일시", None, lambda e: format_local(e.at), width=130, align=CENTER),
    Column("계정", None, lambda e: e.account, width=90),
    Column("컴퓨터", None, lambda e: e.host, width=110),
    Column("작업", None, lambda e: e.label, width=170),
    Column(
        "대상 인원", None, lambda e: f"{e.member_count:,}명" if e.member_count else "", width=70, align=RIGHT
    ),
    Column("목적", None, lambda e: e.purpose, width=140),
    Column(
        "내용",
        None,
        lambda e: e.shown_detail or e.detail,
        stretch=True,
        tooltip=lambda e: e.shown_detail or e.detail or None,
    ),
]
ACCOUNT_COLUMNS = [
    Column("번호", None, lambda e: str(e.id), width=60, align=RIGHT),
    Column("일시", None, lambda e: format_local(e.at), width=130, align=CENTER),
    Column("계정", None, lambda e: e.account, width=100),
    Column("변경", None, lambda e: e.action.label, width=130),
    Column("처리한 계정", None, lambda e: e.actor, width=100),
    Column("컴퓨터", None, lambda e: e.host, width=110),
    Column("내용", None, lambda e: e.detail, stretch=True),
]


def last_months(today: dt.date, count: int = 12) -> list[str]:
    """ "2026-11", "2026-10", … : the month before today's first, then earlier ones."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append(f"{year:04d}-{month:02d}")
    return months


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class _Filters(QWidget):
    """기간 (on/off), 계정, and for the access log 작업."""

    def __init__(self, with_action: bool, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        today = today_local()
        self.period = QCheckBox("기간")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, day in ((self.date_from, today.replace(day=1)), (self.date_to, today)):
            setup_date_edit(edit)
            edit.setDate(_qdate(day))
            edit.setEnabled(False)
        self.period.toggled.connect(self.date_from.setEnabled)
        self.period.toggled.connect(self.date_to.setEnabled)
        row.addWidget(self.period)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("~"))
        row.addWidget(self.date_to)
        row.addWidget(QLabel("계정"))
        self.account = QComboBox()
        self.account.addItem(ALL, None)
        row.addWidget(self.account)
        self.action = QComboBox()
        if with_action:
            row.addWidget(QLabel("작업"))
            self.action.addItem(ALL, None)
            for key, label in ACTIONS.items():
                self.action.addItem(label, key)
            row.addWidget(self.action)
        self.search = QPushButton("조회")
        row.addWidget(self.search)
        row.addStretch(1)
        self.export = QPushButton("내보내기…")
        row.addWidget(self.export)

    def set_accounts(self, names: list[str]) -> None:
        for name in names:
            self.account.addItem(name, name)

    def value(self):
        from panelapp.services.audit.review import AccessFilter

        on = self.period.isChecked()
        return AccessFilter(
            _day(self.date_from) if on else None,
            _day(self.date_to) if on else None,
            self.account.currentData(),
            self.action.currentData() if self.action.count() else None,
        )


class AccessLogDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.setWindowTitle("접속기록")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1100, 640)
        col = QVBoxLayout(self)
        intro = QLabel(
            "개인정보를 보거나 검색·인쇄·내보내기·가져오기한 기록입니다(계정, 일시, 컴퓨터, 작업, 대상 단원, "
            "가리지 않았다면 그 목적). 기록은 고치거나 지울 수 없고 해시로 이어져 있어, 바뀐 항목은 점검에서 "
            "드러납니다. 접속기록은 2년 이상, 권한 변경 이력은 3년 이상 보관합니다(지우는 기능이 없습니다)."
        )
        intro.setWordWrap(True)
        set_tone(intro, "hint")
        col.addWidget(intro)
        self.tabs = QTabWidget()
        col.addWidget(self.tabs, 1)
        self.tabs.addTab(self._access_tab(), "접속기록")
        self.tabs.addTab(self._accounts_tab(), "권한 변경 이력")
        self.tabs.addTab(self._review_tab(), "월별 검토")
        self.message = QLabel()
        self.message.setWordWrap(True)
        col.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        ctx = self.ctx

        def start(_token):
            from panelapp.services.audit.review import account_names, reviews

            return account_names(ctx), reviews(ctx)

        self.loading = Op(self, start).success(self._started).failure(lambda exc: show_error(self, exc)).run()

    # ----- tabs ------------------------------------------------------------------------------
    def _access_tab(self) -> QWidget:
        from panelapp.services.audit.review import access_rows

        page = QWidget()
        box = QVBoxLayout(page)
        self.access_filters = _Filters(True)
        box.addWidget(self.access_filters)
        self.access_model = IdTableModel(ACCESS_COLUMNS, lambda ids: access_rows(self.ctx, ids), parent=self)
        self.access_view = QTableView()
        configure_view(self.access_view, self.access_model, sortable=False)
        box.addWidget(self.access_view, 1)
        self.access_count = QLabel()
        box.addWidget(self.access_count)
        self.access_filters.search.clicked.connect(self.load_access)
        self.access_filters.export.clicked.connect(lambda: self.export("access"))
        return page

    def _accounts_tab(self) -> QWidget:
        from panelapp.services.audit.review import account_rows

        page = QWidget()
        box = QVBoxLayout(page)
        self.account_filters = _Filters(False)
        box.addWidget(self.account_filters)
        self.account_model = IdTableModel(
            ACCOUNT_COLUMNS, lambda ids: account_rows(self.ctx, ids), parent=self
        )
        self.account_view = QTableView()
        configure_view(self.account_view, self.account_model, sortable=False)
        box.addWidget(self.account_view, 1)
        self.account_count = QLabel()
        box.addWidget(self.account_count)
        self.account_filters.search.clicked.connect(self.load_accounts)
        self.account_filters.export.clicked.connect(lambda: self.export("accounts"))
        return page

    def _review_tab(self) -> QWidget:
        from panelapp.services.audit.review import access_rows

        page = QWidget()
        box = QVBoxLayout(page)
        hint = QLabel(
            "관리자는 매달 지난달의 접속기록을 살펴보고(과도한 열람·내보내기, 업무 시간 밖의 접속, 목적이 "
            "모호한 열람 등) 검토했다고 서명합니다. 고른 달의 기록이 아래에 작업별 건수와 함께 나오고, "
            "그 기록을 불러온 뒤에야 서명할 수 있습니다. 서명할 때 해시 사슬도 처음부터 확인하며, 검토 "
            "자체가 접속기록에 남습니다."
        )
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        box.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(QLabel("검토한 달"))
        self.month = QComboBox()
        self.month.addItems(last_months(today_local()))
        self.month.currentIndexChanged.connect(lambda _i: self.load_month())
        row.addWidget(self.month)
        row.addWidget(QLabel("검토 의견"))
        self.note = QLineEdit(placeholderText="예: 이상 없음")
        self.note.setMaxLength(500)
        row.addWidget(self.note, 1)
        self.sign = QPushButton("검토 완료 서명")
        self.sign.setEnabled(False)  # until the month's entries are on screen
        self.sign.clicked.connect(self.sign_review)
        row.addWidget(self.sign)
        box.addLayout(row)
        self.month_summary = QLabel("고른 달의 기록을 불러오는 중…")
        self.month_summary.setWordWrap(True)
        box.addWidget(self.month_summary)
        self.month_model = IdTableModel(ACCESS_COLUMNS, lambda ids: access_rows(self.ctx, ids), parent=self)
        self.month_view = QTableView()
        configure_view(self.month_view, self.month_model, sortable=False)
        box.addWidget(self.month_view, 2)
        box.addWidget(QLabel("지금까지의 검토"))
        self.review_list = QListWidget()
        box.addWidget(self.review_list, 1)
        self.month_shown = None  # the MonthEntries on screen (what a sign-off says it saw)
        return page

    # ----- loading -----------------------------------------------------------------------------
    def _started(self, result) -> None:
        names, done = result
        self.access_filters.set_accounts(names)
        self.account_filters.set_accounts(names)
        self._show_reviews(done)
        self.load_access()
        self.load_accounts()
        self.load_month()

    def load_month(self) -> None:
        """The chosen month's entries, counted by action and listed, before anyone signs it."""
        from panelapp.services.audit.review import month_entries

        ctx, month = self.ctx, self.month.currentText()
        self.month_shown = None
        self.sign.setEnabled(False)
        self.month_summary.setText(f"{month}의 기록을 불러오는 중…")
        self.month_op = (
            Op(self, lambda _t: month_entries(ctx, month))
            .success(self._show_month)
            .failure(self._failed)
            .run()
        )

    def _show_month(self, shown) -> None:
        if shown.month != self.month.currentText():
            return  # another month was chosen meanwhile: its own load follows
        self.month_shown = shown
        self.month_model.set_ids(list(shown.ids))
        self.month_summary.setText(
            shown.summary if shown.entries else f"{shown.summary} 기록이 없는 달은 서명할 것이 없습니다."
        )
        self.sign.setEnabled(shown.entries > 0)  # (review_month refuses an empty month too)

    def load_access(self) -> None:
        from panelapp.services.audit.review import access_ids

        ctx, flt = self.ctx, self.access_filters.value()
        self.access_op = (
            Op(self, lambda _t: access_ids(ctx, flt))
            .success(lambda ids: self._show(self.access_model, self.access_count, ids, "접속기록"))
            .failure(self._failed)
            .run()
        )

    def load_accounts(self) -> None:
        from panelapp.services.audit.review import account_ids

        ctx, flt = self.ctx, self.account_filters.value()
        self.account_op = (
            Op(self, lambda _t: account_ids(ctx, flt))
            .success(lambda ids: self._show(self.account_model, self.account_count, ids, "권한 변경 이력"))
            .failure(self._failed)
            .run()
        )

    def _show(self, model: IdTableModel, label: QLabel, ids: list[int], what: str) -> None:
        model.set_ids(ids)
        label.setText(f"{what} {len(ids):,}건")

    def _show_reviews(self, done) -> None:
        self.review_list.clear()
        for r in done:
            state = "해시 사슬 이상 없음" if not r.problems else "해시 사슬 이상 있음"
            note = f" — {r.note}" if r.note else ""
            self.review_list.addItem(
                f"{r.month}  검토: {r.reviewer} ({format_local(r.at)}), 기록 {r.entries:,}건, {state}{note}"
            )
        if not done:
            self.review_list.addItem("아직 검토한 달이 없습니다.")

    def _failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import DomainError

        if isinstance(exc, DomainError):
            self._say(exc.message, "error")
        else:
            show_error(self, exc)

    def _say(self, text: str, tone: str = "") -> None:
        self.message.setText(text)
        set_tone(self.message, tone or "hint")

    # ----- actions -----------------------------------------------------------------------------
    def ask_path(self, name: str) -> str | None:
        """Tests patch this."""
        from panelapp.gui.file_dialogs import save_file

        return save_file(self, "export", "내보내기", name, "Excel 통합 문서 (*.xlsx);;CSV (*.csv)", suffix="")

    def export(self, which: str) -> None:
        from panelapp.services.audit.review import export_access_log, export_account_history

        base = "접속기록" if which == "access" else "권한변경이력"
        path = self.ask_path(f"{base}_{today_local():%Y-%m-%d}.xlsx")
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        ctx = self.ctx
        flt = (self.access_filters if which == "access" else self.account_filters).value()
        write = export_access_log if which == "access" else export_account_history
        self.export_op = (
            Op(self, lambda _t: write(ctx, path, flt), write=True)
            .with_progress("내보내는 중…", cancellable=False)
            .success(lambda count: self._exported(path, count))
            .failure(self._failed)
            .run()
        )

    def _exported(self, path: str, count: int) -> None:
        self._say(f"{count:,}건을 저장했습니다: {path}")
        self.load_access()  # the export is an entry of its own

    def sign_review(self) -> None:
        from panelapp.services.audit.review import review_month, reviews

        shown = self.month_shown
        if shown is None or shown.month != self.month.currentText():
            return  # nothing signed blind: the month's entries first
        ctx, month, note, seen = self.ctx, shown.month, self.note.text(), shown.entries

        def work(_token):
            done = review_month(ctx, month, note, seen=seen)
            return done, reviews(ctx)

        self.sign.setEnabled(False)
        self.review_op = (
            Op(self, work, write=True)
            .with_progress("해시 사슬을 확인하고 검토를 기록하는 중…", cancellable=False)
            .success(self._signed)
            .failure(self._sign_failed)
        )
        self.review_op.finished.connect(lambda *_: self.sign.setEnabled(self.month_shown is not None))
        self.review_op.run()

    def _sign_failed(self, exc: BaseException) -> None:
        self._failed(exc)  # the month changed since it was shown, say: shown again, as it is now
        self.load_month()

    def _signed(self, result) -> None:
        done, all_reviews = result
        self._show_reviews(all_reviews)
        self.note.clear()
        if done.problems:
            self._say(
                f"{done.month} 검토를 기록했습니다. 해시 사슬에 이상이 {len(done.problems)}건 있습니다: "
                + done.problems[0],
                "error",
            )
        else:
            self._say(f"{done.month} 접속기록 {done.entries:,}건의 검토를 기록했습니다. 해시 사슬 이상 없음.")
        self.load_access()
        self.load_month()
