"""Camera-sized photos and a 2,000-finding database that uses them, for bench_report.

Photos are the demo's drawn scenes blown up to 4000 × 3000 with sensor-like noise, saved as
JPEG at quality 88 (about 2 MB each, as a phone saves them); every third one is stored the way
a phone held upright stores it (pixels sideways, EXIF orientation 6). A few hundred distinct
files are made once and reused across findings. Both the photos and the database (with its
attachments folder, hard links to the cached photos) are cached under benchmarks/.cache/.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
PHOTO_VERSION = 1
DB_VERSION = 1
CAMERA = (4000, 3000)
QUALITY = 88
ORIENTATION = 0x0112
CATEGORIES = ("safety", "structure", "cleanliness", "accessibility", "signage", "service", "other")
PHOTO_COUNTS = (2, 2, 1, 3)  # per new finding, in turn: mostly two, a few with one or three


def _photo(seed: int, noise, camera: tuple[int, int]) -> tuple[bytes, int, int]:
    """JPEG bytes and the displayed (upright) width and height."""
    from PIL import Image

    from panelapp.services.demo.photos import draw_scene

    rnd = random.Random(seed)
    upright = seed % 3 == 0
    scene = draw_scene(
        rnd.choice(CATEGORIES), f"현장 사진 {seed + 1}", "2026 정책동행단 점검", seed, portrait=upright
    )
    size = (camera[1], camera[0]) if upright else camera
    img = Image.blend(
        scene.resize(size, Image.BILINEAR),
        noise if not upright else noise.transpose(Image.Transpose.ROTATE_90),
        0.12,
    )
    out = io.BytesIO()
    if upright:
        exif = Image.Exif()
        exif[ORIENTATION] = 6  # "rotate 90° clockwise to display"
        img.rotate(90, expand=True).save(out, "JPEG", quality=QUALITY, exif=exif.tobytes())
    else:
        img.save(out, "JPEG", quality=QUALITY)
    return out.getvalue(), size[0], size[1]


def camera_photos(
    count: int, progress=print, cache: Path = CACHE, camera: tuple[int, int] = CAMERA
) -> list[dict]:
    """`count` distinct photo files (cached): [{path, sha256, size, width, height}]."""
    from PIL import Image

    folder = cache / f"photos-v{PHOTO_VERSION}" / f"{camera[0]}x{camera[1]}"
    manifest = folder / "manifest.json"
    known: list[dict] = json.loads(manifest.read_text()) if manifest.exists() else []
    if len(known) >= count:
        return known[:count]
    folder.mkdir(parents=True, exist_ok=True)
    noise = Image.effect_noise(camera, 40).convert("RGB")
    for seed in range(len(known), count):
        data, width, height = _photo(seed, noise, camera)
        path = folder / f"IMG_{seed:04d}.jpg"
        path.write_bytes(data)
        known.append(
            {
                "path": str(path),
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "width": width,
                "height": height,
            }
        )
        if (seed + 1) % 50 == 0:
            progress(f"  사진 {seed + 1}/{count}장")
            manifest.write_text(json.dumps(known))
    manifest.write_text(json.dumps(known))
    return known


def _attach(ctx, cohort_id: int, photos: list[dict]) -> int:
    """Camera photos for every finding of the cohort that has none; returns how many were attached."""
    from sqlalchemy import select

    from panelapp.db.models import Attachment, Finding, Inspection
    from panelapp.services.attachments.store import attachment_path
    from panelapp.services.context import transaction

    attached = 0
    with transaction(ctx) as s:
        have = set(s.scalars(select(Attachment.owner_id).where(Attachment.owner_type == "finding")))
        findings = s.scalars(
            select(Finding).join(Inspection).where(Inspection.cohort_id == cohort_id).order_by(Finding.id)
        ).all()
        linked: set[str] = set()
        for n, f in enumerate(f for f in findings if f.id not in have):
            for k in range(PHOTO_COUNTS[n % len(PHOTO_COUNTS)]):
                p = photos[attached % len(photos)]
                attached += 1
                if p["sha256"] not in linked:
                    target = attachment_path(ctx.db, p["sha256"])
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists():
                        try:
                            os.link(p["path"], target)
                        except OSError:
                            shutil.copyfile(p["path"], target)
                    linked.add(p["sha256"])
                s.add(
                    Attachment(
                        sha256=p["sha256"],
                        original_name=Path(p["path"]).name,
                        mime="image/jpeg",
                        size=p["size"],
                        width=p["width"],
                        height=p["height"],
                        owner_type="finding",
                        owner_id=f.id,
                        caption=f.title if k == 0 else None,
                    )
                )
    return attached


def report_database(
    findings: int,
    distinct_photos: int,
    progress=print,
    cache: Path = CACHE,
    camera: tuple[int, int] = CAMERA,
) -> tuple[Path, int]:
    """The cached database file (demo scaled to `findings`, camera photos) and its photo count."""
    from benchmarks.bench_report import build

    folder = cache / f"report-v{DB_VERSION}-{findings}-{distinct_photos}-{camera[0]}x{camera[1]}"
    done = folder / "photos.txt"
    if done.exists():
        return folder / "report.db", int(done.read_text())
    photos = camera_photos(distinct_photos, progress, cache, camera)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    progress(f"  데이터베이스: 발견사항 {findings:,}건, 사진 {len(photos)}장을 돌려 씀")
    ctx, cohort_id = build(str(partial / "report.db"), findings)
    attached = _attach(ctx, cohort_id, photos)
    ctx.db.dispose()
    (partial / "photos.txt").write_text(str(attached))
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder / "report.db", attached
