"""The `panelapp` command: the GUI, or a subcommand headless."""

from panelapp.cli.main import main

__all__ = ["main"]
