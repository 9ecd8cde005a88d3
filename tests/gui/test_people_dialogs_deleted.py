"""The cohort and people dialogs are deleted when closed: opening and closing each five times
leaves no dialog behind (a closed dialog used to keep its widgets and re-run its query on every
change notice)."""

from __future__ import annotations

from conftest import page_settled
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid


def live_dialogs() -> int:
    return sum(1 for w in QApplication.allWidgets() if isinstance(w, QDialog))


def test_each_dialog_opened_and_closed_five_times_leaves_none(main_window, qtbot):
    from panelapp.gui.core.dialogs import open_dialog
    from panelapp.gui.dialogs.consent_withdrawal_dialog import ConsentWithdrawalDialog
    from panelapp.gui.dialogs.import_dialog import ImportDialog
    from panelapp.gui.dialogs.settings_dialog import SettingsDialog
    from panelapp.gui.dialogs.withdraw_dialog import WithdrawDialog
    from panelapp.services.retention.withdrawal import withdrawal_preview

    w = main_window
    pages = {}
    for key in ("cohorts", "roster", "activities"):
        w.show_page(key)
        pages[key] = w.page(key)
        qtbot.waitUntil(lambda key=key: page_settled(pages[key]), timeout=20000)
    cohorts, roster, activities = pages["cohorts"], pages["roster"], pages["activities"]
    roster.view.selectRow(0)
    qtbot.waitUntil(lambda: activities.current_event() is not None, timeout=10000)

    def opened(page, call):
        call()
        return page.dialog

    openers = {
        "cohort (new)": lambda: opened(cohorts, cohorts.new_cohort),
        "cohort (edit)": lambda: opened(cohorts, cohorts.edit_cohort),
        "team": lambda: opened(cohorts.teams, cohorts.teams.add_team),
        "member (new)": lambda: opened(roster, roster.add_member),
        "member (edit)": lambda: opened(roster, roster.edit_member),
        "withdraw": lambda: open_dialog(WithdrawDialog(w, roster.selected_row())),
        "import": lambda: open_dialog(ImportDialog(w, roster.cohort_id)),
        "consent withdrawal": lambda: open_dialog(
            ConsentWithdrawalDialog(w, w.ctx, withdrawal_preview(w.ctx, roster.selected_row().member_id))
        ),
        "event (new)": activities.add_event,
        "settings": lambda: open_dialog(SettingsDialog(w)),
    }
    before = live_dialogs()
    for name, open_ in openers.items():
        for _ in range(5):
            dlg = open_()
            assert dlg is not None and dlg.isVisible(), name
            dlg.reject()
            qtbot.waitUntil(lambda dlg=dlg: not isValid(dlg), timeout=5000)
    qtbot.wait(50)
    assert live_dialogs() == before
