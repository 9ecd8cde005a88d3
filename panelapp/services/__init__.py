"""Use cases: one transaction per call, ids and dataclasses in, frozen dataclasses out."""
