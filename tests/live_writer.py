"""A second desktop for the live-refresh tests: `python tests/live_writer.py DB NAME` adds the
department NAME to the database DB (file or URL) from a process of its own and prints
"<department id> <time.time() right after the commit>"."""

from __future__ import annotations

import sys
import time


def main(target: str, name: str) -> None:
    from panelapp.db.engine import open_database
    from panelapp.services.context import ServiceContext
    from panelapp.services.registers.departments import DepartmentInput, create_department
    from panelapp.services.system.bootstrap import ensure_user

    db = open_database(target)
    ctx = ServiceContext(db=db)
    ensure_user(ctx, "두번째 책상")
    ready = time.time()
    info = create_department(ctx, DepartmentInput(name=name))
    print(info.id, time.time(), ready, flush=True)
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
