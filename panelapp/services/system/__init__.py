"""Opening the database, integrity checks, undo and the reference lists every database needs."""
