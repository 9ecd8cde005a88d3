"""Storage: engine and session factory, typed models, Alembic migrations."""
