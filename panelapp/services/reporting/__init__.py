"""The dashboard and the improvement report's data and files."""
