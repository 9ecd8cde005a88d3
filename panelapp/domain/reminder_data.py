"""독촉 안내문 (issue 14 item 9): per department, the proposals whose answer is overdue or due
within a few working days, as the PDF and the workbook take them (reports/reminder_sheet.py,
services/reminders/sheets.py).

Counting: a proposal still awaiting its answer (접수·검토중) whose 답변 기한 has passed is 기한 경과,
with the working days since the deadline (working_days_between(due, today)); one due today or
within `within` working days is 기한 임박, with the working days left (0: due today). No person
is on a sheet but the department's 시민소통관, masked as every output masks a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_WITHIN = 3  # working days
MAX_WITHIN = 60
OVERDUE, SOON = "기한 경과", "기한 임박"
TITLE = "답변 독촉 안내"
HEADERS = ("번호", "제목", "시설", "접수일", "답변 기한", "구분", "경과/남은 근무일")


@dataclass(frozen=True)
class ReminderRow:
    proposal_id: int
    title: str
    facility: str | None
    submitted_on: dt.date
    due_on: dt.date
    overdue: bool
    days: int  # working days past the deadline (overdue) or left until it

    @property
    def kind(self) -> str:
        return OVERDUE if self.overdue else SOON

    @property
    def days_text(self) -> str:
        if self.overdue:
            return f"{self.days}일 경과"
        return "오늘까지" if self.days == 0 else f"{self.days}일 남음"


@dataclass(frozen=True)
class DepartmentReminder:
    department_id: int | None  # None: proposals without a department (미지정)
    department: str
    contact: str | None  # the 시민소통관, masked
    email: str | None  # where 메일로 보내기 sends the sheet (never printed)
    rows: tuple[ReminderRow, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.overdue)

    @property
    def soon(self) -> int:
        return len(self.rows) - self.overdue


@dataclass(frozen=True)
class ReminderData:
    organization: str
    cohort: str
    today: dt.date
    within: int
    sheets: tuple[DepartmentReminder, ...]  # departments with something to remind, 가나다
    empty: tuple[str, ...]  # departments asked about with nothing to remind

    @property
    def rows(self) -> int:
        return sum(len(d.rows) for d in self.sheets)

    def only(self, sheet: DepartmentReminder) -> ReminderData:
        """The same sheet for one department (what its e-mail carries)."""
        return ReminderData(self.organization, self.cohort, self.today, self.within, (sheet,), ())
