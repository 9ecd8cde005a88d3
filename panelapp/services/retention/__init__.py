"""Retention and destruction of members' personal data (보존·파기, issue 12 item 6).

`due.py` lists the members no consent of whom is in force (every retention date passed, or
consent withdrawn: `withdrawal.py`); `destroy.py` destroys them irreversibly and writes the
파기 관리대장 (`ledger.py`), wiping the freed pages of a SQLite file (`wipe.py`) and dealing with
the backups that still hold the destroyed data (`backup_handling.py`).
"""
