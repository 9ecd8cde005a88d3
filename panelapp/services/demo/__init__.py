"""The demo database: an invented institution with two cohorts and a season of work."""
