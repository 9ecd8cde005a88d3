"""파일에서 불러오기: choose a file, see every row checked, then import all of it or nothing.

Step 1 reads and checks the file off the UI thread (nothing written); the preview lists
each row as 정상 or 오류 with its problems, filterable to the errors. Step 2 writes all
rows in one transaction with a progress dialog whose Cancel leaves nothing behind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from panelapp.domain.josa import josa
from panelapp.domain.marks import WARNING_MARK
from panelapp.gui.core.ops import Cancelled, Op, show_error
from panelapp.gui.models.import_preview import PROBLEMS_COLUMN, ErrorsOnlyProxy, ImportPreviewModel
from panelapp.gui.palette import set_tone

FILE_FILTER = "명단 파일 (*.xlsx *.csv);;Excel 통합 문서 (*.xlsx);;CSV (*.csv)"
_WIDTHS = [50, 50, 90, 120, 100, 60, 110]
_ENCODINGS = {
    "xlsx": "Excel",
    "utf-8": "CSV UTF-8",
    "utf-8-sig": "CSV UTF-8(BOM)",
    "cp949": "CSV CP949(한글 Excel)",
}


class ImportDialog(QDialog):
    def __init__(self, window, cohort_id: int, cohort_name: str = ""):
        super().__init__(window)
        self.window_ = window
        self.cohort_id = cohort_id
        self.path: str | None = None
        self.preview = None
        self.result = None  # ImportResult once the import is done
        self.setWindowTitle(f"파일에서 불러오기 — {cohort_name}" if cohort_name else "파일에서 불러오기")
        self.resize(980, 600)
        self._build()

    def _build(self) -> None:
        col = QVBoxLayout(self)
        intro = QLabel(
            "Excel(.xlsx) 또는 CSV 파일의 단원을 한 번에 등록합니다. 첫 행은 열 이름이어야 하고, "
            "이름·휴대전화·개인정보동의일은 꼭 있어야 합니다. 한 행이라도 오류가 있으면 아무것도 "
            "저장하지 않으니, 파일을 고친 뒤 [다시 읽기]를 누르세요."
        )
        intro.setWordWrap(True)
        col.addWidget(intro)
        top = QHBoxLayout()
        self.choose_button = QPushButton("파일 선택…")
        self.choose_button.clicked.connect(self.choose_file)
        self.reload_button = QPushButton("다시 읽기")
        self.reload_button.clicked.connect(lambda: self.load(self.path))
        self.template_button = QPushButton("서식 파일 받기…")
        self.template_button.setToolTip(
            "열 이름, 예시 행, 열마다의 작성 안내가 들어 있는 Excel 서식을 저장합니다."
        )
        self.template_button.clicked.connect(self.save_template)
        self.file_label = QLabel("선택한 파일 없음")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.choose_button)
        top.addWidget(self.reload_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.template_button)
        col.addLayout(top)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.notice_label = QLabel()  # unknown columns, or a header that cannot be used
        self.notice_label.setWordWrap(True)
        col.addWidget(self.summary_label)
        col.addWidget(self.notice_label)
        self.errors_only = QCheckBox("오류가 있는 행만 보기")
        self.errors_only.toggled.connect(self._on_filter)
        col.addWidget(self.errors_only)

        self.model = ImportPreviewModel(self)
        self.proxy = ErrorsOnlyProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName("불러올 내용 미리보기")
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for i, width in enumerate(_WIDTHS):
            header.resizeSection(i, width)
        header.setSectionResizeMode(PROBLEMS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail(cur))
        col.addWidget(self.view, 1)
        self.detail_label = QLabel()  # every problem of the selected row: the table cell may be cut off
        self.detail_label.setWordWrap(True)
        self.detail_label.setMinimumHeight(40)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.detail_label)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.import_button = QPushButton("불러오기")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton("닫기")
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        col.addLayout(bottom)
        self._show(None)

    # ----- step 1: read and check ----------------------------------------------------------
    def choose_file(self) -> None:
        from panelapp.gui.file_dialogs import open_file

        path = open_file(self, "import", "불러올 명단 파일", FILE_FILTER)
        if path:
            self.load(path)

    def load(self, path: str | None) -> Op | None:
        if not path:
            return None
        from panelapp.services.roster_io.importing import preview_import

        self.path = path
        self.file_label.setText(path)
        self._show(None)
        self.summary_label.setText("파일을 읽고 검사하는 중…")
        ctx, cohort_id = self.window_.ctx, self.cohort_id
        return (
            Op(self, lambda _t: preview_import(ctx, cohort_id, path))
            .with_progress("파일을 읽고 검사하는 중…", cancellable=False)
            .success(self._show)
            .failure(self._read_failed)
            .run()
        )

    def _read_failed(self, exc: BaseException) -> None:
        self._show(None)
        show_error(self, exc)

    def _show(self, preview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows if preview else [])
        self.reload_button.setEnabled(self.path is not None)
        if preview is None:
            self.summary_label.setText("파일을 선택하세요." if self.path is None else "")
            self.notice_label.setText("")
            self.import_button.setEnabled(False)
            self.import_button.setText("불러오기")
            self.detail_label.setText("")
            return
        kind = _ENCODINGS.get(preview.encoding, preview.encoding)
        if preview.file_errors:  # the rows were not checked: no row is 정상 yet
            counts = f"행을 검사하지 못했습니다({preview.unchecked_count:,}행 미확인)"
        else:
            counts = f"정상 {preview.ok_count:,}행 · 오류 {preview.error_count:,}행"
        self.summary_label.setText(
            f"{preview.file_name} ({kind}) · 전체 {len(preview.rows):,}행 · {counts}"
            + (f" · 다른 기수에서 온 기존 인물 {preview.reused:,}명" if preview.reused else "")
        )
        notes = [f"{WARNING_MARK} {e}" for e in preview.file_errors]
        if preview.file_errors and preview.rows:
            notes.append("이 문제를 파일에서 고친 뒤 [다시 읽기]를 누르면 행마다 검사합니다.")
        notes.extend(preview.notes)  # the sheet read (of several), the template's example row skipped
        if preview.unknown_columns:
            names = ", ".join(f"'{n}'" for n in preview.unknown_columns)
            notes.append(f"알 수 없는 열 {josa(names, '은')} 무시합니다.")
        if preview.error_count and not preview.file_errors:
            notes.append(
                "오류가 있는 행을 파일에서 고친 뒤 [다시 읽기]를 누르세요. 지금은 불러올 수 없습니다."
            )
        if preview.can_import:
            notes.append(
                f"모든 행이 정상입니다. [{len(preview.rows):,}명 불러오기]를 누르면 한 번에 등록합니다."
            )
        self.notice_label.setText("\n".join(notes))
        bad = bool(preview.file_errors or preview.error_count)
        set_tone(self.notice_label, "error" if bad else "ok")
        self.import_button.setEnabled(preview.can_import)
        self.import_button.setText(f"{len(preview.rows):,}명 불러오기" if preview.can_import else "불러오기")
        # Errors first when there are any; a corrected file shows all its rows again.
        self.errors_only.setChecked(preview.error_count > 0)
        self._show_detail(self.view.currentIndex())

    def _on_filter(self, on: bool) -> None:
        self.proxy.set_errors_only(on)
        self._show_detail(self.view.currentIndex())

    def _show_detail(self, index) -> None:
        if not index.isValid():
            errors = self.preview is not None and self.preview.error_count
            self.detail_label.setText(
                "오류가 있는 행을 고르면 그 행의 문제를 모두 볼 수 있습니다." if errors else ""
            )
            return
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        if not row.checked:
            self.detail_label.setText(f"행 {row.row}: 파일의 문제 때문에 아직 검사하지 않았습니다.")
        elif row.ok:
            self.detail_label.setText(f"행 {row.row}: 문제 없음")
        else:
            self.detail_label.setText("\n".join(p.line() for p in row.problems))

    # ----- step 2: write everything or nothing ---------------------------------------------
    def start_import(self) -> Op | None:
        if self.preview is None or not self.preview.can_import:
            return None
        from panelapp.services.roster_io.importing import commit_import

        ctx, cohort_id, preview = self.window_.ctx, self.cohort_id, self.preview

        def work(token):
            from panelapp.services.changes import Kind, declare

            result = commit_import(ctx, cohort_id, preview, token)
            # Its Core inserts on the session's connection pass by the change tracking (only the
            # team leaders' ORM updates are seen): until the service declares them, say it here.
            declare(Kind.ENROLLMENT, result.enrollment_ids)
            declare(Kind.MEMBER, None)
            return result

        self.import_button.setEnabled(False)
        op = (
            Op(self, work, write=True)
            .with_progress(f"{len(preview.rows):,}명을 저장하는 중…")
            .success(self._imported)
            .failure(self._import_failed)
        )
        op.finished.connect(self._after_op)
        return op.run()

    def _after_op(self, _result, exc) -> None:
        if isinstance(exc, Cancelled):
            self.import_button.setEnabled(True)
            QMessageBox.information(
                self, "불러오기 취소", "불러오기를 취소했습니다. 아무것도 저장하지 않았습니다."
            )

    def _import_failed(self, exc: BaseException) -> None:
        from panelapp.services.roster_io.importing import ImportRefused

        show_error(self, exc)
        if isinstance(exc, ImportRefused):  # something changed since the preview: show it again
            self.load(self.path)
        else:
            self.import_button.setEnabled(True)

    def _imported(self, result) -> None:
        self.result = result  # the op announces the new members once this returns
        reused = f"\n(다른 기수에서 활동한 기존 인물 {result.reused:,}명 포함)" if result.reused else ""
        QMessageBox.information(self, "불러오기 완료", f"{result.imported:,}명을 등록했습니다.{reused}")
        self.accept()

    def save_template(self) -> None:
        from panelapp.gui.file_dialogs import save_file
        from panelapp.io.roster_export import write_template

        name = "참여단원_명단_서식.xlsx"
        target = save_file(self, "import", "서식 파일 저장", name, "Excel 통합 문서 (*.xlsx)", suffix=".xlsx")
        if not target:
            return
        Op(self, lambda _t: write_template(target)).success(
            lambda _r: QMessageBox.information(
                self,
                "서식 저장",
                f"서식 파일을 저장했습니다.\n{target}\n\n"
                "'단원 명단' 시트에 작성하고, '작성 안내' 시트를 참고하세요.",
            )
        ).run()
