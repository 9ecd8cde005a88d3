"""What every page and dialog builds on: ops, the change bus, save-failure handling."""
