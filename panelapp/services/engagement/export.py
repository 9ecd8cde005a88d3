"""좋아요·아쉬워요 and 소식 콘텐츠 to Excel: the rows each page's filters and sort show, with the
page's columns.

A citizen's note names no one by design, but its text (and a post's title) may name a member: those
names are masked like every name (김*희). A post names its author, a member of the 소식이음단:
masked unless a purpose is given (services/exporting.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from panelapp.io.workbook import HOURS_FORMAT
from panelapp.services.context import ServiceContext
from panelapp.services.engagement.content import ContentQuery, content_ids, content_rows
from panelapp.services.engagement.feedback import FeedbackQuery, feedback_ids, feedback_rows
from panelapp.services.exporting import (
    ExportColumn,
    ExportResult,
    ListExport,
    Progress,
    export_list,
    mask_name,
)

FEEDBACK_TITLE, CONTENT_TITLE = "좋아요·아쉬워요", "소식 콘텐츠"

FEEDBACK_COLUMNS = (
    ExportColumn("접수일", lambda r: r.received_on, 12),
    ExportColumn("구분", lambda r: r.kind.label, 10),
    ExportColumn("시설", lambda r: r.facility_name or "–", 24),
    ExportColumn("내용", lambda r: r.text, 60, free_text=True),
    ExportColumn("경로", lambda r: r.source.label, 10),
    ExportColumn("처리", lambda r: "처리" if r.handled else "미처리", 8),
    ExportColumn("답변일", lambda r: r.answered_on, 12),
    ExportColumn("연결 제안", lambda r: r.proposal_title, 30, free_text=True),
)

CONTENT_COLUMNS = (
    ExportColumn("게시일", lambda r: r.published_on, 12),
    ExportColumn("제목", lambda r: r.title, 40, free_text=True),
    ExportColumn("작성자", lambda r: r.member_name, 10, mask=mask_name),
    ExportColumn("채널", lambda r: r.channel.label, 12),
    ExportColumn("시설", lambda r: r.facility_name, 20),
    ExportColumn("조회수", lambda r: r.views, 10),
    ExportColumn("인정 시간", lambda r: float(r.hours or 0.0), 10, number_format=HOURS_FORMAT),
    ExportColumn("링크", lambda r: r.url, 40),
)


def feedback_export(
    ctx: ServiceContext, query: FeedbackQuery, sort_key: str = "received", descending: bool = True
) -> ListExport:
    return ListExport(
        FEEDBACK_TITLE,
        FEEDBACK_COLUMNS,
        lambda: feedback_ids(ctx, query, sort_key, descending),
        lambda ids: feedback_rows(ctx, ids),
        subject=f"cohort_id={query.cohort_id}",
    )


def content_export(
    ctx: ServiceContext, query: ContentQuery, sort_key: str = "published", descending: bool = True
) -> ListExport:
    return ListExport(
        CONTENT_TITLE,
        CONTENT_COLUMNS,
        lambda: content_ids(ctx, query, sort_key, descending),
        lambda ids: content_rows(ctx, ids),
        subject=f"cohort_id={query.cohort_id}",
    )


def export_feedback(
    ctx: ServiceContext,
    query: FeedbackQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The notes the page lists to `path`; members' names in 내용 masked unless `purpose`."""
    return export_list(
        ctx,
        feedback_export(ctx, query, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )


def export_content(
    ctx: ServiceContext,
    query: ContentQuery,
    sort_key: str,
    descending: bool,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
) -> ExportResult:
    """The posts the page lists to `path`; 작성자 masked unless `purpose`."""
    return export_list(
        ctx,
        content_export(ctx, query, sort_key, descending),
        path,
        purpose=purpose,
        conditions=conditions,
        token=token,
    )
