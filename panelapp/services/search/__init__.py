"""Global search and the index behind it."""
