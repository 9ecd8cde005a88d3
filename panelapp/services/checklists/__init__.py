"""Versioned checklist templates (점검표)."""
