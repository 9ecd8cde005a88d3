"""The reports made from this database: the 개선 보고서 page's list and the dialog's last choices.

They belong to the database they describe (db/models/reports.py): `write_report` records each
report in the transaction that renames its files into place (`record_report`), the page lists
`recent_reports`, and the dialog starts from `last_report_options` (the acting user's newest
report here, else anyone's). So database B never lists a report of database A nor offers its
cohort and facility ids.

Reports remembered in the user's settings file by earlier versions carry nothing that names
their database (file paths, a cohort's label, ids every database has). `adopt_settings_reports`
takes over only those it can tell: an unmasked report's access-log entry in this database names
its file, its period and its cohort, at the minute it was made. Every other entry stays in the
settings file, untouched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import AccessLog, ReportRecord
from panelapp.domain.localtime import as_utc
from panelapp.domain.report_data import SECTIONS, ReportOptions
from panelapp.services.context import ServiceContext, reading, transaction

RECENT_KEEP = 12  # reports the page lists (files deleted since are left out)
MATCH_WINDOW = dt.timedelta(minutes=10)  # a log entry and the remembered time of the same report


@dataclass(frozen=True)
class RecentReport:
    id: int
    made_at: dt.datetime  # UTC
    cohort_label: str
    date_from: dt.date
    date_to: dt.date
    pdf_path: str | None
    xlsx_path: str | None
    hwpx_path: str | None
    docx_path: str | None
    pages: int
    masked: bool

    @property
    def main_path(self) -> str | None:
        """The file the list names and opens: the PDF, else the 한글 or Word document."""
        return self.pdf_path or self.hwpx_path or self.docx_path

    @property
    def office_path(self) -> str | None:
        return self.hwpx_path or self.docx_path

    @property
    def period_text(self) -> str:
        return f"{self.date_from.isoformat()} ~ {self.date_to.isoformat()}"


@dataclass(frozen=True)
class Adopted:
    pdf_paths: tuple[str, ...] = ()  # settings entries now kept in this database
    options: bool = False  # the settings' last choices went with the newest of them
    left: int = 0  # entries that name no database: left in the settings file
    records: tuple[int, ...] = field(default=())


def _name(path: str | Path | None) -> str | None:
    return str(path) if path else None


def options_json(
    options: ReportOptions,
    date_from: dt.date,
    date_to: dt.date,
    folder: str | None,
    xlsx: bool,
    hwpx: bool,
    docx: bool,
) -> dict[str, Any]:
    """The dialog's choices as it reads them back (never the purpose)."""
    return {
        "cohort_id": options.cohort_id,
        "date_from": date_from.isoformat(),
        "date_to": date_to.isoformat(),
        "facility_ids": list(options.facility_ids) if options.facility_ids is not None else None,
        "sections": sorted(options.sections),
        "sections_offered": sorted(SECTIONS),  # a section added later starts ticked
        "photos": options.photos,
        "max_photos": options.max_photos_per_finding,
        "xlsx": xlsx,
        "hwpx": hwpx,
        "docx": docx,
        "folder": folder,
    }


def record_report(
    s: Session,
    ctx: ServiceContext,
    options: ReportOptions,
    cohort_label: str,
    date_from: dt.date,
    date_to: dt.date,
    masked: bool,
    pages: int,
    pdf_path: str | Path | None,
    xlsx_path: str | Path | None = None,
    hwpx_path: str | Path | None = None,
    docx_path: str | Path | None = None,
) -> ReportRecord:
    """Add the record of a report being written, in the caller's transaction."""
    main = pdf_path or hwpx_path or docx_path
    record = ReportRecord(
        user_id=ctx.user_id,
        cohort_id=options.cohort_id,
        cohort_label=cohort_label[:200],
        date_from=date_from,
        date_to=date_to,
        pdf_path=_name(pdf_path),
        xlsx_path=_name(xlsx_path),
        hwpx_path=_name(hwpx_path),
        docx_path=_name(docx_path),
        pages=pages,
        masked=masked,
        options=options_json(
            options,
            date_from,
            date_to,
            str(Path(main).parent) if main else None,
            xlsx_path is not None,
            hwpx_path is not None,
            docx_path is not None,
        ),
    )
    s.add(record)
    return record


VIEW_HOW = {"preview": "미리보기", "viewer": "시스템 뷰어", "office": "한글·Word 파일"}


def record_report_view(ctx: ServiceContext, report_id: int, how: str = "preview") -> None:
    """Opening a report made earlier (the page's 미리보기, its PDF in the system viewer, its
    board report) shows the personal data in it (단원별 참여, names masked or not): one
    access-log entry, `report_view`, naming the report's cohort as whose data it holds. A report
    made unmasked is refused to the roles that see names masked (services/masking.py), who are
    not offered it in `recent_reports` either."""
    from panelapp.domain.errors import NotFoundError
    from panelapp.services.audit.log import record_access
    from panelapp.services.masking import personal_masked
    from panelapp.services.permissions import Permission, PermissionDenied

    with reading(ctx) as s:
        report = s.get(ReportRecord, report_id)
        if report is None:
            raise NotFoundError("보고서")
        if not report.masked and personal_masked(ctx):
            raise PermissionDenied(
                "이름·연락처를 가리지 않고 만든 보고서는 관리자와 담당자만 열 수 있습니다.",
                Permission.PANEL_WORK,
            )
        cohort_id = report.cohort_id
        name = report.pdf_path if how != "office" else (report.hwpx_path or report.docx_path)
    record_access(
        ctx,
        "report_view",
        cohort_id=cohort_id,
        count=1 if cohort_id is None else None,
        detail=f"report_id={report_id}; cohort_id={cohort_id}; how={VIEW_HOW.get(how, how)}; "
        f"file={Path(name).name if name else ''}",
    )


def _recent(record: ReportRecord) -> RecentReport:
    return RecentReport(
        record.id,
        as_utc(record.made_at),
        record.cohort_label,
        record.date_from,
        record.date_to,
        record.pdf_path,
        record.xlsx_path,
        record.hwpx_path,
        record.docx_path,
        record.pages,
        record.masked,
    )


def recent_reports(ctx: ServiceContext, limit: int = RECENT_KEEP * 4) -> list[RecentReport]:
    """The newest reports made from this database (the page drops those whose files are gone
    and shows the first RECENT_KEEP of the rest)."""
    from panelapp.services.masking import personal_masked

    stmt = select(ReportRecord).order_by(ReportRecord.made_at.desc(), ReportRecord.id.desc()).limit(limit)
    if personal_masked(ctx):  # a report made with names in full is not for who sees them masked
        stmt = stmt.where(ReportRecord.masked.is_(True))
    with reading(ctx) as s:
        return [_recent(r) for r in s.scalars(stmt)]


def last_report_options(ctx: ServiceContext) -> dict[str, Any]:
    """The choices of the acting user's newest report here, else of anyone's; {} before the
    first report of this database."""
    newest = (
        select(ReportRecord.options).order_by(ReportRecord.made_at.desc(), ReportRecord.id.desc()).limit(1)
    )
    with reading(ctx) as s:
        mine = (
            s.scalar(newest.where(ReportRecord.user_id == ctx.user_id)) if ctx.user_id is not None else None
        )
        found = mine if mine is not None else s.scalar(newest)
    return dict(found or {})


# ----- reports remembered in the settings file by earlier versions -------------------------------
_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})\s*~\s*(\d{4}-\d{2}-\d{2})")
_COHORT = re.compile(r"cohort_id=(\d+)")


def _made_at(entry: Mapping[str, Any]) -> dt.datetime | None:
    """When the settings entry says the report was made, in UTC: its stamp (made_at, UTC), or
    the text of older versions (this computer's own time, "2026-11-01 10:00")."""
    stamp = entry.get("made_at")
    try:
        if stamp:
            return as_utc(dt.datetime.fromisoformat(str(stamp)))
        made = entry.get("made")
        return dt.datetime.strptime(str(made), "%Y-%m-%d %H:%M").astimezone(dt.UTC) if made else None
    except ValueError:
        return None


def _files(detail: str) -> list[str]:
    _head, _sep, files = detail.partition("file=")
    return [name.strip() for name in files.split(",") if name.strip()]


def _match(entry: Mapping[str, Any], logs: Sequence[AccessLog]) -> AccessLog | None:
    """This database's access-log entry of the same unmasked report: the file, the period and
    the minute agree. Masked reports are logged nowhere: they cannot be told."""
    pdf, period = entry.get("pdf"), _PERIOD.search(str(entry.get("period") or ""))
    made = _made_at(entry)
    if not pdf or period is None or made is None or entry.get("masked", True) is not False:
        return None
    name, span = Path(str(pdf)).name, f"period={period.group(1)}~{period.group(2)}"
    for log in logs:
        files = _files(log.detail or "")
        if (
            span in (log.detail or "")
            and files
            and files[0] == name
            and abs(as_utc(log.at) - made) <= MATCH_WINDOW
        ):
            return log
    return None


def adopt_settings_reports(
    ctx: ServiceContext, entries: Iterable[Mapping[str, Any]], options: Mapping[str, Any] | None = None
) -> Adopted:
    """Keep in this database the settings entries its access log proves were made from it
    (see the module's docstring); the last choices go with the newest of them when they agree
    with it. Entries already recorded here are not added twice."""
    entries = [e for e in entries if isinstance(e, Mapping)]
    adopted: list[tuple[Mapping[str, Any], AccessLog]] = []
    with transaction(ctx) as s:
        logs = list(s.scalars(select(AccessLog).where(AccessLog.action == "report_unmasked")))
        known = set(s.scalars(select(ReportRecord.pdf_path).where(ReportRecord.pdf_path.is_not(None))))
        for entry in entries:
            log = _match(entry, logs)
            if log is not None and entry.get("pdf") not in known:
                adopted.append((entry, log))
                known.add(str(entry["pdf"]))
        took_options = False
        ids = []
        for entry, log in adopted:
            period = _PERIOD.search(str(entry.get("period")))
            assert period is not None
            date_from, date_to = (dt.date.fromisoformat(period.group(i)) for i in (1, 2))
            cohort = _COHORT.search(log.detail or "")
            saved = dict(options or {})
            fits = (
                entry is entries[0]  # the choices were saved with the newest report of all
                and saved.get("date_from") == date_from.isoformat()
                and saved.get("date_to") == date_to.isoformat()
                and (cohort is None or saved.get("cohort_id") == int(cohort.group(1)))
            )
            record = ReportRecord(
                made_at=as_utc(log.at),
                user_id=log.user_id,
                cohort_id=int(cohort.group(1)) if cohort else None,
                cohort_label=str(entry.get("cohort") or "")[:200],
                date_from=date_from,
                date_to=date_to,
                pdf_path=str(entry["pdf"]),
                xlsx_path=_name(entry.get("xlsx")),
                hwpx_path=_name(entry.get("hwpx")),
                docx_path=_name(entry.get("docx")),
                pages=int(entry.get("pages") or 0),
                masked=False,
                options=saved
                if fits
                else {
                    "cohort_id": int(cohort.group(1)) if cohort else None,
                    "date_from": date_from.isoformat(),
                    "date_to": date_to.isoformat(),
                    "xlsx": bool(entry.get("xlsx")),
                    "folder": str(Path(str(entry["pdf"])).parent),
                },
            )
            s.add(record)
            s.flush()
            ids.append(record.id)
            took_options = took_options or fits
    return Adopted(
        tuple(str(e["pdf"]) for e, _log in adopted),
        took_options,
        len(entries) - len(adopted),
        tuple(ids),
    )
