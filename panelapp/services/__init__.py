"""Use cases: one transaction per call, ids and dataclasses in, frozen dataclasses out."""

from panelapp.services.search import index as _search_index  # noqa: E402,F401  (registers the index listener)
