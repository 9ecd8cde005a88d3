"""A simple photo viewer: one photo scaled to the window, previous/next with buttons or arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from panelapp.gui.core.ops import Op
from panelapp.gui.palette import styled
from panelapp.gui.photo_strip import load_pixmap


class PhotoViewer(QDialog):
    def __init__(self, window, photos: list, index: int = 0, parent=None):
        """`photos` are photo_strip.Photo entries: saved ones load a large upright copy."""
        super().__init__(parent or window)
        self.window_, self.photos, self.index = window, photos, index
        self.pixmap = QPixmap()
        self.setWindowTitle("사진 보기")
        self.resize(900, 680)
        col = QVBoxLayout(self)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        styled(self.image, "background: @viewer_bg; color: @viewer_text;")
        col.addWidget(self.image, 1)
        row = QHBoxLayout()
        self.prev_button, self.next_button = QPushButton("◀ 이전"), QPushButton("다음 ▶")
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        close = QPushButton("닫기")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.accept)
        for w in (self.prev_button, self.caption, self.next_button, close):
            row.addWidget(w, 1 if w is self.caption else 0)
        col.addLayout(row)
        self.show_photo()

    def step(self, delta: int) -> None:
        if self.photos:
            self.index = (self.index + delta) % len(self.photos)
            self.show_photo()

    def show_photo(self) -> None:
        photo = self.photos[self.index]
        many = len(self.photos) > 1
        self.prev_button.setEnabled(many)
        self.next_button.setEnabled(many)
        self.caption.setText(f"{photo.name}  ({self.index + 1} / {len(self.photos)})")
        if photo.attachment_id is None:
            self._set(load_pixmap(photo.local_path))
            return
        from panelapp.services.attachments.photos import VIEW_SIZE, thumbnail_path

        self.image.setText("사진을 여는 중…")
        ctx, wanted = self.window_.ctx, self.index
        Op(self, lambda _t: thumbnail_path(ctx, photo.attachment_id, VIEW_SIZE)).success(
            lambda path: self._set(load_pixmap(path)) if wanted == self.index else None
        ).run()

    def _set(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        if pixmap.isNull():
            self.image.setText("사진을 열 수 없습니다.")
        self._rescale()

    def _rescale(self) -> None:
        if not self.pixmap.isNull():
            self.image.setPixmap(
                self.pixmap.scaled(
                    self.image.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._rescale()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step(-1)
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.step(1)
        else:
            super().keyPressEvent(event)
