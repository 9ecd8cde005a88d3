"""Scheduling inspections: rules, conflicts, queries, choices, exports, field sheets."""
