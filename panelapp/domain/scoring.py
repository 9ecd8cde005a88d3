"""Checklist scores: what the result screen, the dashboard and reports call a section's score.

Definitions (tested in tests/test_scoring.py):
- a score item (1–5) contributes its value; a section's **score average** is the mean of its
  answered score items, on the 1–5 scale (None when none is answered).
- a yes/no item answered 예 or 아니오 counts towards the section's **yes share**: 예 answers
  divided by the 예 and 아니오 answers (해당없음 and unanswered items are left out; None when
  there are none). Items are phrased so that 예 is the good answer.
- text items never score.
- a section's **points** (0–100) combine the two on one scale: the mean of the parts the
  section has, where the score part is (average − 1) / 4 × 100 and the yes part is the share
  × 100. A section with neither has no points.
- the **overall** points are the mean of the points of the sections that have points; the
  overall score average and yes share are likewise the means over the sections that have them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from panelapp.domain.enums import ChecklistItemKind
from panelapp.domain.formatting import format_points, format_rate

YES, NO, NA = "yes", "no", "na"
YES_NO_VALUES = (YES, NO, NA)
SCORE_VALUES = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class Answer:
    kind: ChecklistItemKind
    value: str | None  # "yes"/"no"/"na", "1".."5"; None when unanswered (or a text item)


@dataclass(frozen=True)
class SectionScore:
    score_avg: float | None  # 1–5
    yes_share: float | None  # 0–1
    points: float | None  # 0–100
    answered: int  # items of any kind with an answer (text: some text)
    total: int


@dataclass(frozen=True)
class OverallScore:
    points: float | None
    score_avg: float | None
    yes_share: float | None
    sections_scored: int


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def section_score(answers: Iterable[Answer]) -> SectionScore:
    answers = list(answers)
    scores = [int(a.value) for a in answers if a.kind == ChecklistItemKind.SCORE and a.value in SCORE_VALUES]
    yes_no = [a.value for a in answers if a.kind == ChecklistItemKind.YES_NO and a.value in (YES, NO)]
    score_avg = fmean(scores) if scores else None
    yes_share = yes_no.count(YES) / len(yes_no) if yes_no else None
    parts = []
    if score_avg is not None:
        parts.append((score_avg - 1) / 4 * 100)
    if yes_share is not None:
        parts.append(yes_share * 100)
    answered = sum(1 for a in answers if a.value not in (None, ""))
    return SectionScore(score_avg, yes_share, fmean(parts) if parts else None, answered, len(answers))


def overall_score(sections: Iterable[SectionScore]) -> OverallScore:
    sections = list(sections)
    scored = [s for s in sections if s.points is not None]
    return OverallScore(
        _mean(s.points for s in scored),
        _mean(s.score_avg for s in sections),
        _mean(s.yes_share for s in sections),
        len(scored),
    )


def describe_section(score: SectionScore) -> str:
    """ "4.2점 · 예 75% · 80점", or "답 없음"."""
    if score.points is None:
        return "답 없음"
    parts = []
    if score.score_avg is not None:
        parts.append(f"평균 {score.score_avg:.1f}점")
    if score.yes_share is not None:
        parts.append(f"예 {format_rate(score.yes_share)}")
    return " · ".join(parts) + f" → {format_points(score.points)}"


def describe_overall(score: OverallScore) -> str:
    if score.points is None:
        return "종합 점수: 아직 답한 항목이 없습니다"
    return f"종합 {format_points(score.points)} (100점 만점, 구역 {score.sections_scored}개 평균)"
