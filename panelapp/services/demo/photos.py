"""Invented site photos for the demo: a coloured scene per finding category with a caption.

Drawn with Pillow, so the demo needs no image files and every run gives the same bytes. Some
are stored the way a phone held upright stores them — pixels sideways plus an EXIF
orientation tag — so the demo shows that thumbnails and the viewer turn them upright.
"""

from __future__ import annotations

import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from panelapp.paths import resource

W, H = 640, 480
ORIENTATION = 0x0112
# (sky, ground, accent) per category: a rough look of where such things are seen
PALETTES = {
    "safety": ((214, 226, 238), (150, 150, 150), (230, 126, 34)),
    "structure": ((200, 214, 230), (120, 110, 100), (127, 140, 141)),
    "cleanliness": ((225, 232, 236), (180, 190, 176), (39, 174, 96)),
    "accessibility": ((208, 225, 242), (140, 140, 150), (41, 128, 185)),
    "signage": ((235, 235, 225), (170, 160, 140), (192, 57, 43)),
    "service": ((236, 228, 218), (160, 140, 120), (142, 68, 173)),
    "other": ((220, 220, 220), (150, 150, 150), (52, 73, 94)),
}


@lru_cache(maxsize=2)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource("fonts", "NanumGothic.ttf")), size)


def draw_scene(
    category: str, caption: str, subcaption: str, seed: int, portrait: bool = False, fixed: bool = False
) -> Image.Image:
    """`fixed`: the same place after the repair (a 완료 처리 photo): the mark ringed green."""
    rnd = random.Random(seed)
    width, height = (H, W) if portrait else (W, H)
    sky, ground, accent = PALETTES.get(category, PALETTES["other"])
    img = Image.new("RGB", (width, height), sky)
    d = ImageDraw.Draw(img)
    horizon = int(height * rnd.uniform(0.45, 0.6))
    d.rectangle((0, horizon, width, height), fill=ground)
    for _ in range(3):  # walls, posts, benches: blocks in muted tones
        x = rnd.randint(0, width - 120)
        w, h = rnd.randint(60, 180), rnd.randint(60, horizon - 20)
        shade = tuple(max(0, c - rnd.randint(30, 70)) for c in sky)
        d.rectangle((x, horizon - h, x + w, horizon), fill=shade, outline=(90, 90, 90))
    cx, cy = rnd.randint(width // 4, 3 * width // 4), rnd.randint(horizon - 40, height - 120)
    r = rnd.randint(34, 60)  # the thing the photo is about, ringed like a field photo's mark
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(120, 190, 120) if fixed else accent)
    ring = (40, 170, 70) if fixed else (220, 30, 30)
    d.ellipse((cx - r - 14, cy - r - 14, cx + r + 14, cy + r + 14), outline=ring, width=5)
    if fixed:  # a tick over the mended spot
        d.line((cx - r // 2, cy, cx - r // 8, cy + r // 2, cx + r // 2, cy - r // 2), fill="white", width=8)
    d.rectangle((0, height - 74, width, height), fill=(25, 35, 50))
    d.text((16, height - 66), _fit(caption, _font(24), width - 32), font=_font(24), fill="white")
    d.text((16, height - 32), subcaption, font=_font(17), fill=(200, 210, 220))
    return img


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    while len(text) > 1 and font.getlength(text) > width:
        text = text[:-2] + "…"
    return text


def photo_bytes(
    category: str, caption: str, subcaption: str, seed: int, upright_phone: bool = False, fixed: bool = False
) -> bytes:
    """JPEG bytes; with `upright_phone` a portrait scene stored sideways with orientation 6."""
    img = draw_scene(category, caption, subcaption, seed, portrait=upright_phone, fixed=fixed)
    out = io.BytesIO()
    if upright_phone:
        exif = Image.Exif()
        exif[ORIENTATION] = 6  # "rotate 90° clockwise to display"
        img.rotate(90, expand=True).save(out, "JPEG", quality=80, exif=exif.tobytes())
    else:
        img.save(out, "JPEG", quality=80)
    return out.getvalue()
