"""Print copies of the report's photos: each photo once at the size the report draws it, cached.

Findings' photos are made for the findings table's photo box; a done proposal's before/after
photos for the smaller fixed box of the 개선 전·후 pages (reports/improvement/evidence.py).

A camera photo (4000 × 3000, 2–5 MB) takes 45–130 ms to decode here even at reduced scale, and
a report of 2,000 findings draws about 4,000 of them. So the report draws a print copy: upright,
fitted into the findings table's photo box at PRINT_DPI, a JPEG of some 50 KB that ReportLab
embeds without decoding. Copies live in the attachments folder's thumbs/ beside the screen
thumbnails; photos are stored by content hash, so a copy never goes stale. A photo whose copy
cannot be made (unreadable, folder read-only) is drawn from its original, scaled as it is drawn.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from panelapp.atomic import atomic_file, private_folder
from panelapp.db.engine import Database
from panelapp.domain.report_data import ReportData
from panelapp.services.attachments.store import attachments_root

QUALITY = 85


def print_size() -> tuple[int, int]:
    """Pixels of the largest photo box of the report at its print resolution."""
    from panelapp.reports.improvement.facility import PHOTO_BOX
    from panelapp.reports.photo import print_pixels

    return print_pixels(*PHOTO_BOX)


def evidence_print_size() -> tuple[int, int]:
    """Pixels of the 개선 전·후 photo box at print resolution."""
    from panelapp.reports.improvement.evidence import EVIDENCE_BOX
    from panelapp.reports.photo import print_pixels

    return print_pixels(*EVIDENCE_BOX)


def print_copy_path(db: Database, source: Path, size: tuple[int, int]) -> Path:
    return attachments_root(db) / "thumbs" / f"{source.name}_print{size[0]}x{size[1]}.jpg"


def make_print_copy(source: Path, target: Path, size: tuple[int, int]) -> None:
    """Write the copy (upright, fitted into `size`) atomically; raises OSError / PIL errors."""
    from PIL import Image

    from panelapp.io.photo_files import orientation, upright
    from panelapp.reports.photo import flatten

    private_folder(target.parent)
    with Image.open(source) as img:
        turned = orientation(img) in (5, 6, 7, 8)
        img.draft("RGB", (size[1], size[0]) if turned else size)  # JPEG: decode at 1/2..1/8 scale
        shown = flatten(upright(img))  # type: ignore[no-untyped-call]
        shown.thumbnail(size, Image.Resampling.LANCZOS)
        with atomic_file(target) as fh:  # never a half-written copy under the final name
            shown.save(fh, "JPEG", quality=QUALITY)


def with_print_copies(db: Database, data: ReportData, phase: Any = None) -> ReportData:
    """`data` with every photo pointing at its print copy, making the missing ones first.

    phase: has `progress(done, total, text)` (which may raise to cancel) and `check()`.
    """
    findings = data.photos and "facilities" in data.sections
    evidence = data.photos and "proposals" in data.sections
    if not findings and not evidence:
        return data
    size, small = print_size(), evidence_print_size()
    wanted: set[tuple[str, tuple[int, int]]] = set()
    if findings:
        wanted |= {(p.path, size) for fac in data.facilities for f in fac.findings for p in f.photos}
    if evidence:
        wanted |= {(p.path, small) for r in data.proposals for p in (*r.before_photos, *r.after_photos)}
    copies: dict[tuple[str, tuple[int, int]], str] = {}
    missing: list[tuple[str, tuple[int, int], Path]] = []
    for path, box in sorted(wanted):
        target = print_copy_path(db, Path(path), box)
        if target.exists():
            copies[(path, box)] = str(target)
        elif Path(path).is_file():
            missing.append((path, box, target))
    step = max(1, len(missing) // 50)
    for n, (path, box, target) in enumerate(missing):
        if phase is not None and n % step == 0:
            phase.progress(n, len(missing), f"사진을 인쇄용 크기로 줄이는 중… ({n:,}/{len(missing):,}장)")
        try:
            make_print_copy(Path(path), target, box)
        except Exception:  # noqa: BLE001 - the report draws the original (or says it is unreadable)
            continue
        copies[(path, box)] = str(target)
    if phase is not None:
        phase.progress(1, 1, "사진을 준비했습니다")
    if not copies:
        return data

    def copied(photos: Any, box: tuple[int, int]) -> Any:
        return tuple(dataclasses.replace(p, path=copies.get((p.path, box), p.path)) for p in photos)

    def finding(f: Any) -> Any:
        return dataclasses.replace(f, photos=copied(f.photos, size))

    def proposal(r: Any) -> Any:
        if not r.before_photos and not r.after_photos:
            return r
        return dataclasses.replace(
            r, before_photos=copied(r.before_photos, small), after_photos=copied(r.after_photos, small)
        )

    facilities = tuple(
        dataclasses.replace(fac, findings=tuple(finding(f) for f in fac.findings)) for fac in data.facilities
    )
    return dataclasses.replace(
        data, facilities=facilities, proposals=tuple(proposal(r) for r in data.proposals)
    )
