"""Versioned checklist templates (점검표): template → version → section → item.

A version that holds results (a completed inspection used it, or any answer points at its
items) is frozen: saving the template then makes the next version, so old results keep
the exact questions they answered.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, func, select

from panelapp.db.base import utcnow
from panelapp.db.models import (
    ChecklistItem,
    ChecklistResponse,
    ChecklistSection,
    ChecklistTemplate,
    ChecklistTemplateVersion,
    Inspection,
)
from panelapp.domain.enums import InspectionStatus
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.services.checklists.drafts import (  # noqa: F401 - callers import these from here
    F_TEMPLATE_NAME,
    ItemDraft,
    ItemInfo,
    SaveResult,
    SectionDraft,
    SectionInfo,
    TemplateDraft,
    TemplateInfo,
    TemplateSummary,
    VersionInfo,
    clean_draft,
    load_default_draft,
)
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.permissions import Permission, writes


def _load(s, template_id: int) -> ChecklistTemplate:
    t = s.get(ChecklistTemplate, template_id)
    if t is None or t.deleted_at is not None:
        raise NotFoundError("점검표")
    return t


def _latest(s, template_id: int) -> ChecklistTemplateVersion:
    return s.scalar(
        select(ChecklistTemplateVersion)
        .where(ChecklistTemplateVersion.template_id == template_id)
        .order_by(ChecklistTemplateVersion.number.desc())
        .limit(1)
    )


def _usage(s, version_ids: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    """Completed inspections and answers per version id."""
    done = dict(
        s.execute(
            select(Inspection.template_version_id, func.count())
            .where(
                Inspection.template_version_id.in_(version_ids),
                Inspection.deleted_at.is_(None),
                Inspection.status == InspectionStatus.COMPLETED,
            )
            .group_by(Inspection.template_version_id)
        ).all()
    )
    # Whether any answer was entered against each version (1 or 0), not how many: counting them
    # read every response (1.1 million for 50,000 visits: ~6 s). An answer belongs to a visit of
    # that version, so one lookup through the visit's answers (keyed by inspection) tells.
    answers = {
        vid: 1
        for vid in version_ids
        if s.scalar(
            select(
                exists()
                .where(Inspection.template_version_id == vid)
                .where(exists().where(ChecklistResponse.inspection_id == Inspection.id))
            )
        )
    }
    return done, answers


def _is_used(s, version_id: int) -> bool:
    done, answers = _usage(s, [version_id])
    return bool(done or answers)


def _sections(s, version_id: int) -> tuple[SectionInfo, ...]:
    sections = s.scalars(
        select(ChecklistSection)
        .where(ChecklistSection.version_id == version_id)
        .order_by(ChecklistSection.position)
    )
    out = []
    for sec in sections:
        items = s.scalars(
            select(ChecklistItem).where(ChecklistItem.section_id == sec.id).order_by(ChecklistItem.position)
        )
        out.append(
            SectionInfo(
                sec.id,
                sec.position,
                sec.title,
                tuple(ItemInfo(i.id, i.position, i.text, i.kind, i.required, i.help) for i in items),
            )
        )
    return tuple(out)


def _info(s, t: ChecklistTemplate, v: ChecklistTemplateVersion) -> TemplateInfo:
    count = s.scalar(select(func.count()).where(ChecklistTemplateVersion.template_id == t.id))
    return TemplateInfo(
        t.id,
        t.name,
        t.description,
        t.version,
        v.id,
        v.number,
        count or 0,
        _is_used(s, v.id),
        _sections(s, v.id),
    )


def _write_sections(s, version: ChecklistTemplateVersion, draft: TemplateDraft) -> None:
    for s_no, sec in enumerate(draft.sections, 1):
        section = ChecklistSection(version_id=version.id, position=s_no, title=sec.title)
        s.add(section)
        s.flush()
        s.add_all(
            ChecklistItem(
                section_id=section.id,
                position=i_no,
                text=it.text,
                kind=it.kind,
                required=it.required,
                help=it.help,
            )
            for i_no, it in enumerate(sec.items, 1)
        )
    s.flush()


def _clear_sections(s, version_id: int) -> None:
    section_ids = select(ChecklistSection.id).where(ChecklistSection.version_id == version_id)
    s.execute(
        delete(ChecklistItem)
        .where(ChecklistItem.section_id.in_(section_ids))
        .execution_options(synchronize_session=False)
    )
    s.execute(
        delete(ChecklistSection)
        .where(ChecklistSection.version_id == version_id)
        .execution_options(synchronize_session=False)
    )
    s.expire_all()


def check_unique(s, name: str, exclude_id: int | None = None) -> None:
    """Refuse a second live template of this name (also checked on restore from the trash)."""
    q = select(ChecklistTemplate.id).where(
        ChecklistTemplate.deleted_at.is_(None), ChecklistTemplate.name == name
    )
    if exclude_id is not None:
        q = q.where(ChecklistTemplate.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError(F_TEMPLATE_NAME, f"'{name}' 점검표가 이미 있습니다.")


def list_templates(ctx: ServiceContext) -> list[TemplateSummary]:
    with reading(ctx) as s:
        out = []
        for t in s.scalars(
            select(ChecklistTemplate)
            .where(ChecklistTemplate.deleted_at.is_(None))
            .order_by(ChecklistTemplate.name, ChecklistTemplate.id)
        ):
            v = _latest(s, t.id)
            sections = s.scalar(select(func.count()).where(ChecklistSection.version_id == v.id))
            items = s.scalar(
                select(func.count())
                .select_from(ChecklistItem)
                .join(ChecklistSection)
                .where(ChecklistSection.version_id == v.id)
            )
            out.append(
                TemplateSummary(t.id, t.name, t.description, v.number, sections or 0, items or 0, t.version)
            )
        return out


def get_template(ctx: ServiceContext, template_id: int) -> TemplateInfo:
    """The latest version with its sections and items."""
    with reading(ctx) as s:
        t = _load(s, template_id)
        return _info(s, t, _latest(s, t.id))


def get_template_version(ctx: ServiceContext, version_id: int) -> TemplateInfo:
    """A given version (e.g. the one an inspection used), even if newer ones exist."""
    with reading(ctx) as s:
        v = s.get(ChecklistTemplateVersion, version_id)
        if v is None:
            raise NotFoundError("점검표 버전")
        return _info(s, s.get(ChecklistTemplate, v.template_id), v)


def versions_of(ctx: ServiceContext, template_id: int) -> list[VersionInfo]:
    """Every version, oldest first, with how much it was used."""
    with reading(ctx) as s:
        _load(s, template_id)
        versions = list(
            s.scalars(
                select(ChecklistTemplateVersion)
                .where(ChecklistTemplateVersion.template_id == template_id)
                .order_by(ChecklistTemplateVersion.number)
            )
        )
        done, answers = _usage(s, [v.id for v in versions])
        out = []
        for v in versions:
            secs = _sections(s, v.id)
            out.append(
                VersionInfo(
                    v.id,
                    v.number,
                    v.note,
                    v.created_at,
                    len(secs),
                    sum(len(x.items) for x in secs),
                    done.get(v.id, 0),
                    answers.get(v.id, 0),
                )
            )
        return out


@writes(Permission.PANEL_WORK)
def create_template(ctx: ServiceContext, draft: TemplateDraft) -> TemplateInfo:
    clean = clean_draft(draft)
    with transaction(ctx) as s:
        return _create(s, clean)


def _create(s, clean: TemplateDraft) -> TemplateInfo:
    check_unique(s, clean.name)
    t = ChecklistTemplate(name=clean.name, description=clean.description)
    s.add(t)
    s.flush()
    v = ChecklistTemplateVersion(template_id=t.id, number=1)
    s.add(v)
    s.flush()
    _write_sections(s, v, clean)
    return _info(s, t, v)


@writes(Permission.PANEL_WORK)
def save_template(ctx: ServiceContext, template_id: int, draft: TemplateDraft, version: int) -> SaveResult:
    """Edit the latest version in place, or make the next one when it already holds results."""
    clean = clean_draft(draft)
    with transaction(ctx) as s:
        t = _load(s, template_id)
        check_version(t, version)
        check_unique(s, clean.name, exclude_id=t.id)
        current = _latest(s, t.id)
        previous = None
        if _is_used(s, current.id):
            previous = current.number
            current = ChecklistTemplateVersion(
                template_id=t.id, number=previous + 1, note=f"v{previous}에 점검 결과가 있어 새로 만든 버전"
            )
            s.add(current)
            s.flush()
        else:
            _clear_sections(s, current.id)
        t.name, t.description = clean.name, clean.description
        t.updated_at = utcnow()  # every save moves the lock counter, even if only items changed
        s.flush()
        _write_sections(s, current, clean)
        return SaveResult(_info(s, t, current), previous is not None, previous)


@writes(Permission.PANEL_WORK)
def delete_template(ctx: ServiceContext, template_id: int, version: int | None = None) -> str:
    """Soft delete; past results keep pointing at its versions."""
    with transaction(ctx) as s:
        t = _load(s, template_id)
        check_version(t, version)
        t.deleted_at, t.deleted_by_id = utcnow(), ctx.user_id
        s.flush()
        return t.name


def ensure_default_template(ctx: ServiceContext) -> TemplateInfo | None:
    """Load 기본 시설 점검표 while no template exists; the new template, or None."""
    clean = clean_draft(load_default_draft())
    with transaction(ctx) as s:
        if (
            s.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.deleted_at.is_(None)).limit(1))
            is not None
        ):
            return None
        return _create(s, clean)
