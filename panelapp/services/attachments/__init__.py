"""Photos and other files attached to records, stored by content hash."""
