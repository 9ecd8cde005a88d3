"""Cohorts (기수), their teams (단) and team leaders."""
