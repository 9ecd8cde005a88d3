"""The demo institution's logo: an invented emblem drawn with Pillow (deterministic), so demo
reports carry a logo on their cover as a real institution's would."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

from panelapp.paths import resource

NAVY, SKY, SUN = (31, 58, 95, 255), (61, 106, 158, 255), (242, 169, 0, 255)


def demo_logo_png(size: int = 240) -> bytes:
    """A round emblem: a rising sun over two hills, "한빛" beneath; transparent around it."""
    scale = 4  # drawn large, then reduced: smooth edges
    big = size * scale
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = big // 40
    d.ellipse((pad, pad, big - pad, big - pad), fill=(255, 255, 255, 255), outline=NAVY, width=big // 28)
    cx, horizon = big // 2, int(big * 0.56)
    r = big // 6
    d.pieslice((cx - r, horizon - r, cx + r, horizon + r), 180, 360, fill=SUN)
    for i in range(7):  # rays
        a = math.radians(180 + 15 + i * 25)
        x1, y1 = cx + (r + big // 40) * math.cos(a), horizon + (r + big // 40) * math.sin(a)
        x2, y2 = cx + (r + big // 11) * math.cos(a), horizon + (r + big // 11) * math.sin(a)
        d.line((x1, y1, x2, y2), fill=SUN, width=big // 60)
    inner = big // 8  # two hills on the horizon, their tops only
    d.chord((inner, horizon - big // 9, cx + big // 9, horizon + big // 9), 180, 360, fill=SKY)
    d.chord((cx - big // 7, horizon - big // 13, big - inner, horizon + big // 13), 180, 360, fill=NAVY)
    d.rectangle((inner - big // 30, horizon, big - inner + big // 30, horizon + big // 60), fill=NAVY)
    font = ImageFont.truetype(str(resource("fonts", "NanumGothicBold.ttf")), big // 7)
    text = "한빛"
    left, top, right, bottom = d.textbbox((0, 0), text, font=font)
    d.text((cx - (right - left) / 2 - left, int(big * 0.62)), text, font=font, fill=NAVY)
    out = io.BytesIO()
    img.resize((size, size), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()
