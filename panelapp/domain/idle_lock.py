"""자동 잠금: how long a screen may stay idle before it locks (개인정보의 안전성 확보조치 기준
§5: a 개인정보처리시스템 cuts off access after a period without work).

Two values meet here. The institution's limit (organizations.lock_minutes, set by a 관리자,
the same on every computer of a shared database) and this computer's choice (settings.json
"lock_minutes"). A computer may lock sooner than the institution allows, never later: the
settings file belongs to whoever sits at the computer and can be edited by hand, so nothing in
it can lengthen the lock (`effective_minutes`).
"""

from __future__ import annotations

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 1, 60, 15
F_LOCK = "자동 잠금"


def clamp_minutes(value: object, default: int = DEFAULT_MINUTES) -> int:
    """A stored value as minutes within 1–60 (anything unreadable: `default`)."""
    if isinstance(value, bool):
        return default
    try:
        minutes: int = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return max(MIN_MINUTES, min(MAX_MINUTES, minutes))


def institution_minutes(stored: int | None) -> int:
    """The institution's limit as stored (None: nobody set it, the default 15)."""
    return DEFAULT_MINUTES if stored is None else clamp_minutes(stored)


def effective_minutes(computer: object, institution: int | None) -> int:
    """What this computer locks after: its own choice, never past the institution's limit."""
    limit = institution_minutes(institution)
    return min(clamp_minutes(computer, default=limit), limit)
