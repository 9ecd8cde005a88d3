"""Findings (발견사항) of inspections."""
