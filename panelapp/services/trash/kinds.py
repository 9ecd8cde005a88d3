"""What every kind of record in the trash provides: a small object per kind.

    class FacilityKind(TrashKind):
        key, label, model = "facility", "시설", Facility

        def labels(self, s, ids): ...          # id -> "새봄근린공원 (새봄로 60)", one query by id
        def check_restore(self, s, obj): ...   # refuse a clash (the register's own public rule)

The registry (registry.py) lists the kinds; manage.py lists the trash as one SQL UNION ALL of
every kind's deleted rows (filtered, sorted and counted in SQL) and restores through the kind.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from panelapp.db.models import Cohort
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa


@dataclass(frozen=True)
class TrashItem:
    kind: str  # a kind's key: "cohort", "facility"...
    id: int
    label: str
    deleted_at: dt.datetime  # UTC
    deleted_by: str | None
    kind_label: str = ""  # the kind's Korean name: 기수, 시설...

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


class TrashKind(abc.ABC):
    key: ClassVar[str]
    label: ClassVar[str]
    model: ClassVar[Any]

    # True when text() is a person's name: for a role that sees names masked, the trash neither
    # searches nor sorts by it (a typed name narrowing the list would tell whose entry is whose)
    text_names_a_person: ClassVar[bool] = False

    def text(self) -> Any:
        """The column the trash page searches and sorts by as "항목" (the label's main part)."""
        return self.model.name

    def joined(self, stmt: Select[Any]) -> Select[Any]:
        """Add the joins `text()` and `where()` need to this kind's arm of the trash query."""
        return stmt

    def where(self) -> Sequence[Any]:
        """Conditions besides "deleted" (e.g. an inspection's own event is not listed)."""
        return ()

    @abc.abstractmethod
    def labels(self, s: Session, ids: Sequence[int]) -> dict[int, str]:
        """id -> label for these rows: one query by primary key."""

    def shown_labels(self, s: Session, ids: Sequence[int], masked: bool) -> dict[int, str]:
        """The labels as the trash page shows them: a kind whose label names a person masks the
        name when `masked` (services/masking.py)."""
        return self.labels(s, ids)

    def check_restore(self, s: Session, obj: Any) -> None:
        """Raise DomainError when bringing `obj` back would clash with what exists now."""
        return None  # most kinds clash with nothing: a default, not a method to fill in

    def restore(self, s: Session, obj: Any) -> str:
        """Check, then take `obj` out of the trash; returns its label."""
        self.check_restore(s, obj)
        obj.deleted_at, obj.deleted_by_id = None, None
        return self.labels(s, [obj.id]).get(obj.id, "")


# ----- public helpers the kinds share -----------------------------------------------------------
def cohort_label(number: int, name: str) -> str:
    prefix = f"제{number}기"
    return name if prefix in name else f"{prefix} {name}"


def short(text: str, size: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def refuse_if_cohort_trashed(s: Session, cohort_id: int | None, what: str) -> None:
    """A record of a cohort that is itself in the trash cannot come back before its cohort."""
    cohort = s.get(Cohort, cohort_id) if cohort_id is not None else None
    if cohort is not None and cohort.deleted_at is not None:
        raise DomainError(
            f"이 {josa(what, '이')} 속한 제{cohort.number}기가 휴지통에 있습니다. 기수를 먼저 복원해 주세요."
        )


def cohort_number(s: Session, cohort_id: int) -> int | str:
    cohort = s.get(Cohort, cohort_id)
    return cohort.number if cohort is not None else "?"
