"""Use cases: one transaction per call, ids and dataclasses in, frozen dataclasses out."""

from panelapp.services import search_index  # noqa: E402,F401  (registers the index listener)
