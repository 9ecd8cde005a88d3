"""답변 요청서 만들기… / 답변 요청서 가져오기… (issue 14 item 2), offered to coordinators on the
department desk page (부서별 제안 처리).

Making: the departments and cohorts are read on a worker, the dialog asks which and whether
제안자 is written in full, the file chooser (kind export) where; the workbook is written on a
worker with progress (services/proposals/answer_request.py). Importing: the file chooser (kind
import), then the answers saved on a write worker (answer_import.py), for the department the page
has chosen when one is (a workbook made for another is refused), any department otherwise. The
problems of a refused workbook are listed one a line (AnswerProblemsDialog); nothing was saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.gui.core.dialogs import open_dialog
from panelapp.gui.core.ops import Op, show_error

if TYPE_CHECKING:
    from panelapp.gui.pages.desk import DeskPage

MAKE_TEXT, IMPORT_TEXT = "답변 요청서 만들기…", "답변 요청서 가져오기…"
XLSX_FILTER = "Excel 통합 문서 (*.xlsx)"


def _window(page: QWidget):
    return getattr(page, "window_", None) or page.window()


def _status(page: QWidget, text: str) -> None:
    bar = getattr(_window(page), "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 15000)


def make_request(page: DeskPage, department_id: int | None = None) -> Op:
    """Ask, then write; returns the op reading the choices."""
    from panelapp.services.cohorts.manage import list_cohorts
    from panelapp.services.registers.departments import list_departments

    window = _window(page)
    ctx = window.ctx

    def work(_t):
        departments = [(d.id, d.name) for d in list_departments(ctx, active_only=True)]
        cohorts = [(c.id, c.name) for c in list_cohorts(ctx)]
        return departments, cohorts

    return (
        Op(page, work)
        .success(lambda found: _ask(page, department_id, *found))
        .failure(lambda exc: show_error(page, exc))
        .run()
    )


def _ask(page: DeskPage, department_id, departments, cohorts):
    from panelapp.gui.dialogs.answer_request_dialog import AnswerRequestDialog

    window = _window(page)
    dialog = AnswerRequestDialog(window, departments, cohorts, department_id, window.current_cohort_id)
    dialog.accepted.connect(lambda: _choose_file(page, dialog.choice()))
    page.request_dialog = dialog  # for tests and for a second click while it is open
    return open_dialog(dialog)


def default_name(choice) -> str:
    from panelapp.gui.operations.list_export import default_name as list_name

    return list_name(f"답변요청서_{choice.department}", choice.cohort)


def _choose_file(page: DeskPage, choice) -> Op | None:
    from panelapp.gui.file_dialogs import save_file

    path = save_file(page, "export", "답변 요청서 저장", default_name(choice), XLSX_FILTER, suffix=".xlsx")
    if not path:
        return None
    return write_request(page, choice, path)


def write_request(page: DeskPage, choice, path: str) -> Op:
    from panelapp.services.proposals.answer_request import make_answer_request

    ctx = _window(page).ctx

    def done(made) -> None:
        how = "제안자 이름 일부 가림" if made.masked else "제안자 이름 가리지 않음"
        _status(
            page,
            f"답변 요청서를 만들었습니다: {made.department} 제안 {made.rows:,}건, 사진 {made.photos:,}장 ({how}) — {made.path}",
        )
        page.last_request = made

    return (
        Op(
            page,
            lambda token: make_answer_request(
                ctx, choice.cohort_id, choice.department_id, path, purpose=choice.purpose, token=token
            ),
            write=True,
        )
        .with_progress("답변 요청서를 만드는 중…")
        .success(done)
        .failure(lambda exc: show_error(page, exc))
        .run()
    )


def import_request(page: DeskPage, department_id: int | None = None) -> Op | None:
    from panelapp.gui.file_dialogs import open_file

    path = open_file(page, "import", "답변 요청서 가져오기", XLSX_FILTER)
    if not path:
        return None
    return read_request(page, path, department_id)


def read_request(page: DeskPage, path: str, department_id: int | None = None) -> Op:
    from pathlib import Path

    from panelapp.services.proposals.answer_import import import_answers

    ctx = _window(page).ctx

    def done(result) -> None:
        skipped = f" 빈 행 {result.skipped:,}개는 건너뛰었습니다." if result.skipped else ""
        already = f" 이미 가져온 행 {len(result.already):,}개는 건너뛰었습니다." if result.already else ""
        text = f"{result.department}의 답변 {result.answered:,}건을 저장했습니다.{skipped}{already}"
        page.last_import = result
        _status(page, text)
        shown = list(result.already[:10])
        if len(result.already) > len(shown):
            shown.append(f"… 외 {len(result.already) - len(shown):,}개")
        QMessageBox.information(page, "답변 요청서 가져오기", "\n".join([text, *shown]))

    def failed(exc: BaseException) -> None:
        from panelapp.domain.answer_request import AnswersRefused
        from panelapp.gui.dialogs.answer_problems_dialog import AnswerProblemsDialog

        if isinstance(exc, AnswersRefused):
            page.problems_dialog = open_dialog(
                AnswerProblemsDialog(_window(page), Path(path).name, [str(p) for p in exc.problems])
            )
            return
        show_error(page, exc)

    return (
        Op(
            page,
            lambda token: import_answers(ctx, path, department_id=department_id, token=token),
            write=True,
        )
        .with_progress("답변을 가져오는 중…", cancellable=False)
        .success(done)
        .failure(failed)
        .run()
    )
