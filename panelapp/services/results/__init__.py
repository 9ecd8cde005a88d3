"""Checklist results of an inspection and completing the visit."""
