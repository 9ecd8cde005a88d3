"""The 파기 관리대장: every destruction, read for the window and printed as PDF."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from panelapp.atomic import write_bytes
from panelapp.db.base import utcnow
from panelapp.db.models import DestructionRecord, User
from panelapp.domain.retention_data import LedgerData, LedgerEntry
from panelapp.services.context import ServiceContext, reading
from panelapp.services.org.manage import named_organization
from panelapp.services.permissions import Permission, require


def ledger_entries(ctx: ServiceContext) -> list[LedgerEntry]:
    """Every destruction, oldest first (관리자 only)."""
    with reading(ctx) as s:
        require(ctx, s, Permission.RETENTION)
        rows = s.execute(
            select(DestructionRecord, User.name)
            .join(User, User.id == DestructionRecord.approver_id)
            .order_by(DestructionRecord.at, DestructionRecord.id)
        ).all()
        return [
            LedgerEntry(
                r.id, r.at, name, r.count, tuple(r.member_ids), r.items, r.method, r.reason, r.backups, r.host
            )
            for r, name in rows
        ]


def ledger_data(ctx: ServiceContext) -> LedgerData:
    entries = ledger_entries(ctx)
    with reading(ctx) as s:
        org = named_organization(s, "파기 관리대장")
        return LedgerData(org.name, utcnow(), ctx.user_name, tuple(entries))


def ledger_pdf(ctx: ServiceContext) -> bytes:
    from panelapp.reports.retention_ledger import render_ledger

    return render_ledger(ledger_data(ctx))[0]


def write_ledger_pdf(ctx: ServiceContext, path: Path) -> int:
    """Write the ledger PDF atomically; returns the number of entries."""
    from panelapp.reports.retention_ledger import render_ledger

    data = ledger_data(ctx)
    pdf, _pages = render_ledger(data)
    write_bytes(path, pdf)
    return len(data.entries)
