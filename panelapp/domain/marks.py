"""Marks drawn in running text: what each finding severity, a warning and a done step look like.

Every character here is in the bundled NanumGothic (tests/test_font_marks.py reads its cmap):
emoji such as 🔴 or ⚠ show as empty boxes on a computer without an emoji font, which is most
office PCs in Korea, so the marks come from the KS X 1001 symbols the font carries."""

from __future__ import annotations

from panelapp.domain.enums import Severity

SEVERITY_MARKS: dict[Severity, str] = {
    Severity.URGENT: "▲",  # a warning triangle, as on a safety sign
    Severity.HIGH: "●",
    Severity.MEDIUM: "◐",
    Severity.LOW: "○",
}
WARNING_MARK = "▲"  # instead of ⚠ (U+26A0), which NanumGothic lacks
DONE_MARK = "√"  # instead of ✓ (U+2713), likewise


def severity_mark(severity: Severity) -> str:
    """ "● [높음]": the mark and the label, so the severity reads without colour too."""
    return f"{SEVERITY_MARKS[severity]} [{severity.label}]"
