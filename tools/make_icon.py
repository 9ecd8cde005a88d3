"""Draw the application icon: resources/icons/panelapp.png (512 px) and panelapp.ico (16–256 px).

    .venv/bin/python tools/make_icon.py

Three people under a check mark on a blue rounded square: a citizen panel that inspects.
Drawn at 1024 px and scaled down, so every size is anti-aliased; the .ico carries each size
Windows asks for (Explorer, taskbar, start menu) so none is scaled from another at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
CANVAS = 1024

TOP, BOTTOM = (0x3A, 0x7B, 0xE6), (0x1B, 0x4C, 0xA6)
FRONT, BACK = (0xFF, 0xFF, 0xFF), (0xC9, 0xDC, 0xFF)
CHECK = (0x34, 0xC7, 0x7B)
MID = tuple((a + b) // 2 for a, b in zip(TOP, BOTTOM))
DOWN = 80  # the drawing's vertical offset that centres the group and the check mark


def _gradient(size: int) -> Image.Image:
    column = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / (size - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM)))
    return column.resize((size, size))


def _person(
    draw: ImageDraw.ImageDraw, cx: int, top: int, scale: float, fill: tuple[int, int, int], gap: int = 0
) -> None:
    """A head and the upper half of an ellipse for the shoulders; `gap` draws a ring of the
    background colour around the figure so it stands apart from the ones behind it."""
    head = round(92 * scale)
    body_w, body_h = round(170 * scale), round(150 * scale)
    body_top = top + 2 * head + round(22 * scale)
    for grow, colour in ((gap, MID), (0, fill)) if gap else ((0, fill),):
        draw.ellipse((cx - head - grow, top - grow, cx + head + grow, top + 2 * head + grow), fill=colour)
        draw.pieslice(
            (cx - body_w - grow, body_top - grow, cx + body_w + grow, body_top + 2 * body_h + grow),
            180,
            360,
            fill=colour,
        )


def draw(size: int = CANVAS) -> Image.Image:
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    mask = Image.new("L", (size, size), 0)
    margin = round(size * 0.04)
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=round(size * 0.21), fill=255
    )
    icon.paste(_gradient(size), (0, 0), mask)
    d = ImageDraw.Draw(icon)
    s = size / CANVAS
    _person(d, round(300 * s), round((430 + DOWN) * s), 0.78 * s, BACK)
    _person(d, round(724 * s), round((430 + DOWN) * s), 0.78 * s, BACK)
    _person(d, round(512 * s), round((380 + DOWN) * s), 1.0 * s, FRONT, gap=round(16 * s))
    # the check mark above the group: the panel's inspection done
    width = round(58 * s)
    d.line(
        [(round(x * s), round((y + DOWN) * s)) for x, y in ((392, 228), (482, 312), (650, 142))],
        fill=CHECK,
        width=width,
        joint="curve",
    )
    for x, y in ((392, 228), (650, 142)):
        r = width // 2
        cx, cy = round(x * s), round((y + DOWN) * s)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=CHECK)
    # the group stands on the bottom edge: clip the bodies to the rounded square
    clipped = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    clipped.paste(icon, (0, 0), mask)
    return clipped


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((512, 512), Image.Resampling.LANCZOS).save(OUT / "panelapp.png", optimize=True)
    ico = big.resize((256, 256), Image.Resampling.LANCZOS)
    ico.save(OUT / "panelapp.ico", sizes=[(n, n) for n in ICO_SIZES])
    print(f"{OUT / 'panelapp.png'}\n{OUT / 'panelapp.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
