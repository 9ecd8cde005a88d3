"""Improvement proposals (개선제안) and their workflow."""
