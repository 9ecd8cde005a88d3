"""panelapp — 시민참여단 활동관리 (citizen panel management)."""

__version__ = "0.1.0"
