"""The trash (휴지통): soft-deleted records of every kind and their restoration."""
