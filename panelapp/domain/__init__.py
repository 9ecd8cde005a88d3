"""Pure-Python domain: enums, labels, validation rules. No database, no Qt."""
