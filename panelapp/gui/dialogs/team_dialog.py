"""Create or edit a 단 of a cohort: name, kind, 단장 (one of the cohort's members), description."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from panelapp.domain.enums import TeamKind
from panelapp.domain.errors import NotFoundError
from panelapp.gui.core.conflicts import resolve_stale_saves
from panelapp.gui.core.dialogs import IGNORE, keep_unsaved_input, mark_clean
from panelapp.gui.core.field_errors import handle_save_failure, show_field_errors
from panelapp.gui.core.ops import Op, show_error
from panelapp.gui.forms.ui_team_dialog import Ui_TeamDialog

NO_LEADER = "(정하지 않음)"
LEADER_LIMIT = 200  # members listed at once; a larger cohort is searched by name


class TeamDialog(QDialog):
    loaded = Signal()
    searched = Signal()  # the leader choices for the typed name are in the combo

    def __init__(self, window, cohort_id: int, team_info=None, cohort_title: str = ""):
        super().__init__(window)
        self.window_, self.cohort_id, self.info, self.result_info = window, cohort_id, team_info, None
        self.ui = ui = Ui_TeamDialog()
        ui.setupUi(self)
        self.setWindowTitle("단 추가" if team_info is None else f"{team_info.name} 수정")
        ui.cohortLabel.setText(cohort_title)
        ui.cohortLabel.setVisible(bool(cohort_title))
        for label, kind in TeamKind.choices():
            ui.kindCombo.addItem(label, kind)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(TeamKind.CUSTOM))
        ui.errorLabel.hide()
        ui.leaderCombo.setToolTip(
            "단장으로 고른 단원은 이 단 소속이 되고 역할이 '단장'으로 바뀝니다.\n이전 단장은 '단원'이 됩니다."
        )
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.leader_search = QLineEdit(placeholderText="단장 후보를 이름으로 찾기")
        self.leader_search.setClearButtonEnabled(True)
        self.leader_search.setProperty(IGNORE, True)  # a search, not what the dialog saves
        self.leader_search.hide()  # shown when the cohort has more members than are listed
        ui.form.insertRow(3, "", self.leader_search)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._search_leaders)
        self.leader_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.fields = {
            "단 이름": ui.nameEdit,
            "종류": ui.kindCombo,
            "단장": ui.leaderCombo,
            "설명": ui.descriptionEdit,
        }
        keep_unsaved_input(self)
        # a save refused because another desktop saved first shows both versions field by field
        self.conflict = resolve_stale_saves(
            self,
            self.fields,
            ui.errorLabel,
            self._fetch_current,
            self._fill,
            filled=False,
        )
        self._load()

    def _fetch_current(self):
        """The team as saved now (None for a new one) and the leader candidates."""
        from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices
        from panelapp.services.cohorts.manage import list_teams

        ctx, cohort_id, team_id = self.window_.ctx, self.cohort_id, self.info and self.info.id
        team = next((t for t in list_teams(ctx, cohort_id) if t.id == team_id), None)
        if team_id is not None and team is None:
            raise NotFoundError("단")
        keep = team.leader_enrollment_id if team else None
        return team, list_enrollment_choices(ctx, cohort_id, include_id=keep, limit=LEADER_LIMIT + 1)

    def _load(self) -> None:
        """Leader candidates (and, after a conflict, the team as saved now) off the UI thread."""
        self._set_busy(True)
        Op(self, lambda _t: self._fetch_current()).success(self._fill).failure(self._load_failed).run()

    def _fill(self, result) -> None:
        team, choices = result
        ui = self.ui
        leader = team.leader_enrollment_id if team is not None else None
        many = len(choices) > LEADER_LIMIT
        shown = choices[:LEADER_LIMIT]
        shown += [c for c in choices[LEADER_LIMIT:] if c[0] == leader]  # the current one stays
        self.leader_search.setVisible(many)
        self._set_choices(shown, None)
        if many and not self.ui.leaderCombo.toolTip().endswith("찾으세요."):
            ui.leaderCombo.setToolTip(
                ui.leaderCombo.toolTip()
                + f"\n단원이 많아 이름순 {LEADER_LIMIT}명만 보입니다. 위 칸에 이름을 적어 찾으세요."
            )
        if team is not None:
            self.info = team
            ui.nameEdit.setText(team.name)
            ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(team.kind))
            ui.leaderCombo.setCurrentIndex(max(0, ui.leaderCombo.findData(team.leader_enrollment_id)))
            ui.descriptionEdit.setPlainText(team.description or "")
        self._set_busy(False)
        mark_clean(self)
        self.conflict.opened()
        ui.nameEdit.setFocus()
        self.loaded.emit()

    def _set_choices(self, choices, keep) -> None:
        combo = self.ui.leaderCombo
        combo.clear()
        combo.addItem(NO_LEADER, None)
        for enrollment_id, display in choices:
            combo.addItem(display, enrollment_id)
        combo.setCurrentIndex(max(0, combo.findData(keep)))

    def _search_leaders(self) -> None:
        """Members whose name contains the text (off the UI thread); the chosen one stays."""
        from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices

        ctx, cohort_id, text = self.window_.ctx, self.cohort_id, self.leader_search.text()
        keep = self.ui.leaderCombo.currentData()
        Op(self, lambda _t: list_enrollment_choices(ctx, cohort_id, keep, text, LEADER_LIMIT)).success(
            lambda choices: self._found(text, keep, choices)
        ).run()

    def _found(self, text: str, keep, choices) -> None:
        if text == self.leader_search.text():  # a newer search is on its way otherwise
            self._set_choices(choices, keep)
            self.searched.emit()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def team_input(self):
        from panelapp.services.cohorts.manage import TeamInput

        ui = self.ui
        return TeamInput(
            name=ui.nameEdit.text(),
            kind=ui.kindCombo.currentData(),
            description=ui.descriptionEdit.toPlainText(),
            leader_enrollment_id=ui.leaderCombo.currentData(),
        )

    def save(self) -> None:
        from panelapp.services.cohorts.manage import create_team, update_team

        show_field_errors(self.fields, self.ui.errorLabel, [])
        ctx, data, info, cohort_id = self.window_.ctx, self.team_input(), self.info, self.cohort_id
        if info is None:
            fn = lambda _t: create_team(ctx, cohort_id, data)  # noqa: E731
        else:
            fn = lambda _t: update_team(ctx, info.id, data, info.version)  # noqa: E731
        self._set_busy(True)
        Op(self, fn, write=True).success(self._saved).failure(self._save_failed).run()

    def _saved(self, info) -> None:
        self._set_busy(False)
        self.result_info = info
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if self.info is not None and self.conflict.handle(exc):
            return  # another desktop saved first: both versions shown, the input kept
        handle_save_failure(self, exc, self.fields, self.ui.errorLabel, self._load)

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
