"""Per-feature operations the pages share (after Anki's `qt/aqt/operations/`): the question a
user is asked, the write op, what Ctrl+Z is offered and what the status bar says, written once.

A page calls e.g. `move_to_trash(self, ...)` instead of repeating QMessageBox + Op + undo push.
The op announces what it changed (gui/core/ops.py); nothing here announces by hand.
"""
