"""The kinds of record the trash holds, in the order the trash page offers them.

A new soft-deleted table joins the trash by adding its `TrashKind` (kinds.py) here; nothing
plugs itself in at import time.
"""

from __future__ import annotations

from panelapp.services.trash import findings, people, proposals, registers
from panelapp.services.trash.kinds import TrashKind

KINDS: tuple[TrashKind, ...] = (
    *people.KINDS,
    *registers.KINDS,
    *findings.KINDS,
    *proposals.KINDS,
)
BY_KEY: dict[str, TrashKind] = {kind.key: kind for kind in KINDS}
KIND_LABELS: dict[str, str] = {kind.key: kind.label for kind in KINDS}


def kind_of(key: str) -> TrashKind | None:
    return BY_KEY.get(key)
