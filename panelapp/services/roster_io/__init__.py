"""Roster import and export (.xlsx/.csv)."""
