"""A row of photo thumbnails: saved attachments (by id) and photos picked for a new record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

THUMB = 112


@dataclass
class Photo:
    name: str
    attachment_id: int | None = None  # saved
    local_path: Path | None = None  # picked, attached when the record is saved


def load_pixmap(path: Path | str, longest: int | None = None) -> QPixmap:
    """The image upright (EXIF orientation applied), scaled down to `longest` if given."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return QPixmap()
    pixmap = QPixmap.fromImage(image)
    if longest and max(pixmap.width(), pixmap.height()) > longest:
        pixmap = pixmap.scaled(
            longest, longest, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return pixmap


class PhotoStrip(QListWidget):
    open_requested = Signal(int)  # row double-clicked

    def __init__(self):
        super().__init__()
        self.photos: list[Photo] = []
        self.setAccessibleName("사진")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 24, THUMB + 30))
        self.setFixedHeight(THUMB + 52)
        self.setAcceptDrops(False)  # drops go to the dialog around it
        self.setDragEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemDoubleClicked.connect(lambda item: self.open_requested.emit(self.row(item)))

    def add(self, photo: Photo, pixmap: QPixmap | None = None) -> None:
        self.photos.append(photo)
        item = QListWidgetItem(photo.name if len(photo.name) <= 14 else photo.name[:13] + "…")
        item.setToolTip(photo.name)
        if pixmap is None and photo.local_path is not None:
            pixmap = load_pixmap(photo.local_path, THUMB * 2)
        if pixmap is not None and not pixmap.isNull():
            item.setIcon(QIcon(pixmap))
        self.addItem(item)

    def remove(self, row: int) -> Photo:
        self.takeItem(row)
        return self.photos.pop(row)

    def selected_row(self) -> int | None:
        rows = self.selectedIndexes()
        return rows[0].row() if rows else None

    def local_paths(self) -> list[Path]:
        return [p.local_path for p in self.photos if p.attachment_id is None and p.local_path is not None]
