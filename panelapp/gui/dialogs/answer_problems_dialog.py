"""What stopped 답변 요청서 가져오기: one line per problem, `행 N: 열: 메시지`, nothing saved.
A short list by nature (a department's rows), so a plain list widget; the lines can be copied."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

TITLE = "답변을 가져오지 않았습니다"


class AnswerProblemsDialog(QDialog):
    def __init__(self, parent, file_name: str, problems: list[str]):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        col = QVBoxLayout(self)
        self.head_label = QLabel(
            f"'{file_name}'에서 {len(problems):,}곳을 고쳐야 합니다. 하나라도 문제가 있으면 아무 답변도 "
            "저장하지 않습니다. 부서에 고쳐 달라고 하거나 직접 고친 뒤 다시 가져와 주세요.",
            wordWrap=True,
        )
        col.addWidget(self.head_label)
        self.list = QListWidget()
        self.list.setAccessibleName("가져오지 못한 이유")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.addItems(problems)
        col.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("모두 복사")
        self.copy_button.clicked.connect(self.copy_all)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.resize(720, 420)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def copy_all(self) -> None:
        QApplication.clipboard().setText("\n".join(self.lines()))
