"""Members, their enrolments and consents, the roster, and the app's users."""
