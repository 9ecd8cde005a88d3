"""Photos attached to findings (and other records): copied into the managed folder by hash.

- `add_photo` refuses files Pillow cannot read as an image and files over 15 MB, naming the
  file. The original bytes are stored unchanged (`attachments_store.attachment_path`), so the
  same photo twice is stored once; attaching it twice to the same record gives the one row.
- Width and height are as displayed: a camera's EXIF orientation tag is applied
  (`io.photo_files.upright`) before measuring, and so it is for thumbnails and the viewer; a
  malformed EXIF block never refuses a photo (it is kept without the turn it cannot read).
- `read_photo` reads regular files only, with the size cap (no folder, device or FIFO).
- Thumbnails are JPEGs cached as `attachments/thumbs/<sha>_<size>.jpg`, made on demand; the
  viewer asks for a large one (VIEW_SIZE) so it never decodes camera files on the UI thread.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.atomic import atomic_file, private_folder, write_bytes
from panelapp.db.base import utcnow
from panelapp.db.engine import Database
from panelapp.db.models import Attachment, Feedback, Finding, Proposal, ProposalVerification
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.josa import quoted
from panelapp.domain.text_input import forbidden_char, nfc
from panelapp.io.photo_files import read_regular_file, upright
from panelapp.services.attachments.rollback import created_in
from panelapp.services.attachments.store import attachment_path, attachments_root
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import Permission, require_own_inspection, writes
from panelapp.services.system.undo import UndoRecord, snapshot

MAX_BYTES = 15 * 1024 * 1024
VIEW_SIZE = 1600
OWNERS: dict[str, type[Finding | Proposal | Feedback | ProposalVerification]] = {
    "finding": Finding,
    "proposal": Proposal,
    "proposal_after": Proposal,  # a done proposal's "after" photos (its findings' are "before")
    "feedback": Feedback,
    # a next visit's 미흡 check of a done proposal (services/results/verifications.py)
    "proposal_verification": ProposalVerification,
}
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff")


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    original_name: str
    mime: str
    size: int
    width: int | None
    height: int | None
    path: Path  # the managed file (original bytes)
    caption: str | None
    version: int


def _info(db: Database, a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        a.id,
        a.original_name,
        a.mime,
        a.size,
        a.width,
        a.height,
        attachment_path(db, a.sha256),
        a.caption,
        a.version,
    )


def attachment_info(db: Database, a: Attachment) -> AttachmentInfo:
    """The frozen view of an attachment row (for services that attach inside their own transaction)."""
    return _info(db, a)


def inspect_image(data: bytes, name: str) -> tuple[str, int, int]:
    """(mime, displayed width, displayed height), or a DomainError naming the file."""
    import io

    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()  # catches truncated or corrupt files that open() accepts
        with Image.open(io.BytesIO(data)) as img:
            mime = Image.MIME.get(img.format or "", "application/octet-stream")
            shown = upright(img)  # a malformed EXIF block leaves it as stored, never refused
            return mime, shown.width, shown.height
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        struct.error,
        Image.DecompressionBombError,
    ):
        raise DomainError(
            f"{quoted(name, '은')} 사진 파일이 아니어서 첨부할 수 없습니다. JPG, PNG 같은 사진 파일을 골라 주세요."
        ) from None


def store_bytes(root: Path, data: bytes, session: Session | None = None) -> str:
    """Write the bytes under their SHA-256 name (once, atomically); returns the hash. Given the
    `session` whose transaction adds the row, a file made here is removed again if that
    transaction does not commit (attachments/rollback.py): no orphan is left by a rollback."""
    sha = hashlib.sha256(data).hexdigest()
    target = root / sha[:2] / sha
    if not target.exists():
        private_folder(target.parent)
        write_bytes(target, data)  # never a half-written file under the final name
        if session is not None:
            created_in(session, target)
    return sha


def read_photo(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_BYTES: a folder, a device (a symlink to /dev/zero)
    or a FIFO is refused with a sentence, never read without end or waited on."""
    return read_regular_file(path, MAX_BYTES)


def shown_file_name(name: str) -> str:
    """A photo's file name as stored and shown: NFC (a Mac writes 한 decomposed, and the name would
    not match what a Windows desktop types or shows) and without invisible or control characters
    (a bidi override makes "사진.jpg" display as something else); a file name is not refused for
    them, they are dropped."""
    kept = "".join(ch for ch in nfc(name) if forbidden_char(ch) is None).strip()
    return kept or "사진"


def attach_bytes(
    s: Session, root: Path, owner_type: str, owner_id: int, data: bytes, name: str, caption: str | None = None
) -> Attachment:
    """Inside a transaction: store the photo under `root` (attachments_root) and its row."""
    if owner_type not in OWNERS:
        raise DomainError(f"'{owner_type}'에는 사진을 첨부할 수 없습니다.")
    # s.get() of a union of classes types as their common base; the row is one of the four
    owner = cast(
        "Finding | Proposal | Feedback | ProposalVerification | None", s.get(OWNERS[owner_type], owner_id)
    )
    if owner is None or getattr(owner, "deleted_at", None) is not None:  # a check is never trashed
        raise NotFoundError("사진을 붙일 기록")
    mime, width, height = inspect_image(data, name)
    sha = store_bytes(root, data, s)
    from panelapp.services.attachments.blobs import save_blob, uses_blobs

    if uses_blobs(s.get_bind().dialect.name):  # a shared server: every desktop reads it from there
        save_blob(s, sha, data, mime)
    same = s.scalar(
        select(Attachment).where(
            Attachment.owner_type == owner_type,
            Attachment.owner_id == owner_id,
            Attachment.sha256 == sha,
            Attachment.deleted_at.is_(None),
        )
    )
    if same is not None:
        return same
    row = Attachment(
        sha256=sha,
        original_name=shown_file_name(name)[:255],
        mime=mime,
        size=len(data),
        width=width,
        height=height,
        owner_type=owner_type,
        owner_id=owner_id,
        caption=caption,
    )
    s.add(row)
    s.flush()
    return row


def _inspection_of(s: Session, owner_type: str, owner_id: int) -> int | None:
    """The inspection a photo's record belongs to (a finding's, a check's); None for other records."""
    if owner_type == "proposal_verification":
        check = s.get(ProposalVerification, owner_id)
        return check.inspection_id if check is not None else None
    finding = s.get(Finding, owner_id) if owner_type == "finding" else None
    return finding.inspection_id if finding is not None else None


def check_photo(path: str | Path) -> tuple[str, int, int]:
    """A photo chosen for a record not saved yet: refused now, attached when it is saved."""
    return inspect_image(read_photo(Path(path)), Path(path).name)


@writes(Permission.RESULTS)
def add_photo(ctx: ServiceContext, owner_type: str, owner_id: int, path: str | Path) -> AttachmentInfo:
    data = read_photo(Path(path))
    with transaction(ctx) as s:
        require_own_inspection(ctx, s, _inspection_of(s, owner_type, owner_id))
        return _info(
            ctx.db, attach_bytes(s, attachments_root(ctx.db), owner_type, owner_id, data, Path(path).name)
        )


def list_attachments(ctx: ServiceContext, owner_type: str, owner_id: int) -> list[AttachmentInfo]:
    with reading(ctx) as s:
        rows = s.scalars(
            select(Attachment)
            .where(
                Attachment.owner_type == owner_type,
                Attachment.owner_id == owner_id,
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.id)
        )
        return [_info(ctx.db, a) for a in rows]


@writes(Permission.RESULTS)
def remove_attachment(ctx: ServiceContext, attachment_id: int) -> UndoRecord:
    """To the trash (the file stays: other records may share it)."""
    with transaction(ctx) as s:
        a = s.get(Attachment, attachment_id)
        if a is None or a.deleted_at is not None:
            raise NotFoundError("사진")
        require_own_inspection(ctx, s, _inspection_of(s, a.owner_type, a.owner_id))
        before = snapshot(a)
        a.deleted_at, a.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return UndoRecord.for_delete(a, before, "사진 삭제")


def thumbnail_path(ctx: ServiceContext, attachment_id: int, size: int = 256) -> Path:
    """A JPEG at most `size` pixels on its longer side, upright; made once and cached."""
    with reading(ctx) as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise NotFoundError("사진")
        sha = a.sha256
    return make_thumbnail(ctx.db, sha, size)


def make_thumbnail(db: Database, sha: str, size: int) -> Path:
    source = attachment_path(db, sha)
    target = attachments_root(db) / "thumbs" / f"{sha}_{int(size)}.jpg"
    if target.exists():
        return target
    if not source.exists():
        raise DomainError(
            "사진 파일이 첨부 폴더에 없습니다. 데이터베이스와 함께 첨부 폴더를 옮겼는지 확인해 주세요."
        )
    private_folder(target.parent)
    with Image.open(source) as img:
        shown = upright(img)
        shown.thumbnail((size, size))
        if shown.mode not in ("RGB", "L"):
            shown = shown.convert("RGBA")
            flat = Image.new("RGB", shown.size, "white")
            flat.paste(shown, mask=shown.getchannel("A"))
            shown = flat
        with atomic_file(target) as fh:  # a failure leaves no half-written thumbnail behind
            shown.save(fh, "JPEG", quality=85)
    return target
