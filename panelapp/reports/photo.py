"""Photos in a report, read from their files only when drawn and scaled to print resolution.

A ReportLab `Image` flowable keeps its decoded pixels from the moment the story is built until
the document is saved (and `drawImage` decodes an ImageReader once more to name it): about
0.8 MB per photo, 3.4 GB for a report of 2,000 findings. `PrintPhoto` only knows its file and
its size on the page; `draw` opens the file, and either embeds it as it is (a JPEG already at
about the drawn size, such as a print copy made by services/reporting/photos.py), or decodes
it at reduced scale (JPEG draft mode), turns it upright (EXIF orientation), scales it to
PRINT_DPI and embeds that. Nothing decoded outlives the call; the PDF keeps the JPEG bytes.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from panelapp.reports.base import FONT

PRINT_DPI = 200
SLACK = 1.25  # a JPEG up to this much larger than the drawn pixel size is embedded unchanged
ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)  # orientations whose upright picture is the stored one turned a quarter


def print_pixels(width_pt: float, height_pt: float, dpi: int = PRINT_DPI) -> tuple[int, int]:
    """The pixel size of a picture drawn width_pt × height_pt (points) at `dpi`."""
    return max(1, math.ceil(width_pt / 72 * dpi)), max(1, math.ceil(height_pt / 72 * dpi))


def upright_size(path: str | Path) -> tuple[int, int]:
    """Width and height as displayed (EXIF orientation applied), from the file's header only."""
    from PIL import Image

    from panelapp.io.photo_files import orientation

    with Image.open(path) as img:
        w, h = img.size
        turned = orientation(img) in _TURNED
    return (h, w) if turned else (w, h)


def print_image(path: str | Path, want: tuple[int, int]):
    """What `canvas.drawImage` should get for the photo at `path` drawn at `want` pixels: the file
    name itself (a small upright RGB/grey JPEG, embedded byte for byte), or an ImageReader over a
    JPEG made here at that size. Raises OSError (or a PIL error) for an unreadable file."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from panelapp.io.photo_files import orientation, upright

    path = Path(path)
    with Image.open(path) as img:
        turn = orientation(img)
        small = img.width <= want[0] * SLACK and img.height <= want[1] * SLACK
        if (
            small
            and img.format == "JPEG"
            and img.mode in ("RGB", "L")
            and turn == 1
            and path.suffix.lower() in (".jpg", ".jpeg")  # ReportLab embeds a JPEG file only by its suffix
        ):
            return str(path)
        stored = (want[1], want[0]) if turn in _TURNED else want
        img.draft("RGB", stored)  # JPEG: decode at 1/2, 1/4 or 1/8 scale, never below `stored`
        shown = flatten(upright(img))
        shown.thumbnail(want, Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        shown.save(buf, "JPEG", quality=85)
    buf.seek(0)
    return ImageReader(buf)


def flatten(img):
    """RGB or L; transparent parts on white (a PNG screenshot with alpha)."""
    from PIL import Image

    if img.mode in ("RGB", "L"):
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return img.convert("RGB")


class PrintPhoto(Flowable):
    """A photo fitted into box_w × box_h points (aspect kept), its file read only in `draw`.

    width_px/height_px are the photo's displayed size (the attachment row has them); without
    them the file's header is read. A file that cannot be read when drawn leaves a grey box
    saying so, since by then the page is laid out.
    """

    def __init__(
        self,
        path: str | Path,
        width_px: int | None,
        height_px: int | None,
        box_w: float,
        box_h: float,
        name: str,
    ):
        super().__init__()
        if not width_px or not height_px:
            width_px, height_px = upright_size(path)
        scale = min(box_w / width_px, box_h / height_px)
        self.path, self.name = str(path), name
        self.width, self.height = width_px * scale, height_px * scale

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        try:
            source = print_image(self.path, print_pixels(self.width, self.height))
        except Exception:  # noqa: BLE001 - any unreadable picture (PIL raises many kinds) is one note
            self._unreadable()
            return
        self.canv.drawImage(
            source, 0, 0, self.width, self.height, preserveAspectRatio=True, anchor="c", mask=None
        )

    def _unreadable(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(HexColor("#eef1f4"))
        c.setStrokeColor(HexColor("#9aa7b6"))
        c.rect(0, 0, self.width, self.height, fill=1, stroke=1)
        c.setFillColor(HexColor("#5b6776"))
        c.setFont(FONT, 8)
        c.drawCentredString(self.width / 2, self.height / 2 + 2, "사진을 읽을 수 없습니다")
        label = self.name if len(self.name) <= 30 else self.name[:29] + "…"
        c.drawCentredString(self.width / 2, self.height / 2 - 9, label)
        c.restoreState()
