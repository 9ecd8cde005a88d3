"""관리 → 접속기록: shown to a 관리자 only; lists, filters, exports and signs off a month."""

from __future__ import annotations

import csv

from sqlalchemy import select

from panelapp.db.models import AccessLog
from panelapp.domain.enums import UserRole


def _admin_menu(window):
    return {a.text(): a.menu() for a in window.menuBar().actions()}.get("관리(&M)")


def test_menu_only_for_accounts_with_the_right(main_window):
    from panelapp.gui.core.rights import apply_rights

    menu = _admin_menu(main_window)
    assert menu is not None and "접속기록(&L)…" in [a.text() for a in menu.actions()]
    action = main_window.access_log_action
    assert action.isVisible()
    try:
        apply_rights(main_window, UserRole.COORDINATOR)
        assert not action.isVisible()  # a 담당자 does not review the access log
    finally:
        apply_rights(main_window, UserRole.ADMIN)
    assert action.isVisible()


def test_dialog_lists_exports_and_signs_off(main_window, qtbot, tmp_path, monkeypatch):
    import datetime as dt

    from panelapp.domain.localtime import today_local
    from panelapp.gui.dialogs import access_log_dialog
    from panelapp.gui.dialogs.access_log_dialog import AccessLogDialog
    from panelapp.services.audit.log import record_access

    ctx = main_window.ctx
    record_access(ctx, "search", members=[1, 2], detail="query=김")
    with ctx.db.session_factory() as s:
        entries = len(s.scalars(select(AccessLog.id)).all())
    # the review offers the months before this one: seen from next month, this month (which
    # holds the entries just written) comes first; an empty month is not signed
    today = today_local()
    next_month = dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    monkeypatch.setattr(access_log_dialog, "today_local", lambda: next_month)
    dialog = main_window.open_access_log()
    assert isinstance(dialog, AccessLogDialog)
    qtbot.waitUntil(lambda: dialog.access_model.rowCount() == entries, timeout=10000)
    assert dialog.access_count.text() == f"접속기록 {entries:,}건"
    # the demo accounts' creation (the account history loads on its own worker)
    qtbot.waitUntil(lambda: dialog.account_model.rowCount() > 0, timeout=10000)
    first = dialog.access_model.row_at(0)
    assert first.id == max(dialog.access_model.ids())  # newest first
    out = tmp_path / "log.csv"
    monkeypatch.setattr(dialog, "ask_path", lambda name: str(out))
    dialog.export("access")
    qtbot.waitUntil(lambda: "저장했습니다" in dialog.message.text(), timeout=10000)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == entries + 1
    dialog.month.setCurrentIndex(dialog.month.count() - 1)  # a year ago: no entries there
    qtbot.waitUntil(lambda: "서명할 것이 없습니다" in dialog.month_summary.text(), timeout=10000)
    assert not dialog.sign.isEnabled()
    dialog.month.setCurrentIndex(0)
    assert dialog.month.currentText() == f"{today:%Y-%m}"
    dialog.note.setText("이상 없음")
    qtbot.waitUntil(dialog.sign.isEnabled, timeout=10000)  # after the month's entries arrived
    dialog.sign_review()
    qtbot.waitUntil(lambda: "검토를 기록했습니다" in dialog.message.text(), timeout=20000)
    assert dialog.review_list.item(0).text().startswith(dialog.month.currentText())
    assert "이상 없음" in dialog.review_list.item(0).text()
    with ctx.db.session_factory() as s:
        actions = s.scalars(select(AccessLog.action).order_by(AccessLog.id.desc()).limit(2)).all()
    assert actions[0] in ("audit_review", "audit_export") and "audit_review" in actions
    dialog.close()


def test_the_content_column_speaks_korean_and_names_the_cohort(main_window, qtbot):
    """내용 showed "cohort_id=2": the cohort is named, the keys are Korean (the stored detail,
    which the hash covers, is untouched)."""
    from panelapp.gui.dialogs.access_log_dialog import ACCESS_COLUMNS
    from panelapp.services.audit.log import record_access
    from panelapp.services.cohorts.manage import list_cohorts

    ctx = main_window.ctx
    cohort = list_cohorts(ctx)[0]
    record_access(ctx, "view_roster", cohort_id=cohort.id, detail=f"cohort_id={cohort.id}; filter=김")
    dialog = main_window.open_access_log()
    qtbot.waitUntil(lambda: dialog.access_model.rowCount() > 0, timeout=10000)
    newest = dialog.access_model.row_at(0)
    assert newest.detail == f"cohort_id={cohort.id}; filter=김"
    column = next(c for c in ACCESS_COLUMNS if c.header == "내용")
    shown = column.text(newest)
    assert shown.startswith(f"기수 제{cohort.number}기") and shown.endswith(" · 검색어 김")
    assert "cohort_id" not in shown
    dialog.close()


def test_detail_text_reads_each_output_s_detail():
    from panelapp.domain.access_log import detail_text

    assert (
        detail_text("cohort_id=2; rows=40; file=명단.xlsx", {2: "제7기"})
        == "기수 제7기 · 40행 · 파일 명단.xlsx"
    )
    assert detail_text("cohort_id=9") == "기수 #9"
    assert detail_text("enrollment_id=5") == "참여 기록 5번"
    assert detail_text("from=2026-11-01; to=; user=관리자; rows=3; file=a.csv") == (
        "기간 2026-11-01~지금 · 계정 관리자 · 3행 · 파일 a.csv"
    )
    assert detail_text("month=2026-11; entries=12; chain=ok; head=40:" + "a" * 64 + "; note=a; b") == (
        "검토한 달 2026-11 · 항목 12건 · 해시 사슬 이상 없음 · 마지막 항목 40번 · 의견 a; b"
    )
    assert detail_text("파기 관리대장 3번") == "파기 관리대장 3번"


def test_a_month_is_listed_before_it_can_be_signed(main_window, qtbot, monkeypatch):
    """The review signed a month without showing it: the chosen month's entries are counted by
    action and listed, and 검토 완료 서명 waits for them."""
    import datetime as dt

    from panelapp.domain.localtime import KST, today_local
    from panelapp.gui.dialogs.access_log_dialog import last_months
    from panelapp.services.audit import log
    from panelapp.services.audit.log import record_access

    ctx = main_window.ctx
    month = last_months(today_local())[0]
    inside = dt.datetime.strptime(month + "-15 10:00", "%Y-%m-%d %H:%M").replace(tzinfo=KST)
    monkeypatch.setattr(log, "utcnow", lambda: inside.astimezone(dt.UTC))
    for n in range(3):
        record_access(ctx, "search", members=[n + 1], detail=f"query=김{n}")
    record_access(ctx, "view_member", members=[9])
    monkeypatch.undo()
    dialog = main_window.open_access_log()
    assert dialog.month.currentText() == month and not dialog.sign.isEnabled()
    dialog.sign_review()  # pressed before the month is on screen: nothing is signed
    qtbot.waitUntil(dialog.sign.isEnabled, timeout=10000)
    shown = dialog.month_shown
    assert shown is not None and shown.month == month and shown.entries >= 4
    assert dict(shown.by_action)["검색"] >= 3 and dict(shown.by_action)["단원 정보 열람"] >= 1
    assert dialog.month_summary.text().startswith(f"{month} 접속기록 {shown.entries:,}건: ")
    assert dialog.month_model.rowCount() == shown.entries
    with ctx.db.session_factory() as s:
        assert "audit_review" not in s.scalars(select(AccessLog.action)).all()
    dialog.sign_review()
    qtbot.waitUntil(lambda: "검토를 기록했습니다" in dialog.message.text(), timeout=20000)
    assert f"{month} 접속기록 {shown.entries:,}건의 검토" in dialog.message.text()
    dialog.close()
