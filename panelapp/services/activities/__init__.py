"""Activity events, attendance, hours and rates, activity certificates."""
