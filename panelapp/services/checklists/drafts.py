"""What a checklist template looks like in and out of the services, and its validation.

A draft is the whole template as the editor holds it; saving replaces the sections and
items of the current version, or makes the next version when the current one holds results.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from panelapp.domain.enums import ChecklistItemKind
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.domain.text_input import clean_input
from panelapp.domain.validation import normalize_text
from panelapp.paths import resource

F_TEMPLATE_NAME = "점검표 이름"
F_SECTIONS = "구역"


@dataclass(frozen=True)
class ItemDraft:
    text: str
    kind: ChecklistItemKind = ChecklistItemKind.YES_NO
    required: bool = False
    help: str | None = None


@dataclass(frozen=True)
class SectionDraft:
    title: str
    items: tuple[ItemDraft, ...] = ()


@dataclass(frozen=True)
class TemplateDraft:
    name: str
    description: str | None = None
    sections: tuple[SectionDraft, ...] = ()


@dataclass(frozen=True)
class ItemInfo:
    id: int
    position: int
    text: str
    kind: ChecklistItemKind
    required: bool
    help: str | None


@dataclass(frozen=True)
class SectionInfo:
    id: int
    position: int
    title: str
    items: tuple[ItemInfo, ...]


@dataclass(frozen=True)
class TemplateInfo:
    """One version of a template with its sections and items (the latest unless asked)."""

    id: int
    name: str
    description: str | None
    version: int  # optimistic-locking counter of the template row
    version_id: int
    version_number: int
    version_count: int
    used: bool  # results exist for this version: the next save makes a new version
    sections: tuple[SectionInfo, ...]

    @property
    def item_count(self) -> int:
        return sum(len(sec.items) for sec in self.sections)

    def to_draft(self) -> TemplateDraft:
        return TemplateDraft(
            self.name,
            self.description,
            tuple(
                SectionDraft(
                    sec.title, tuple(ItemDraft(i.text, i.kind, i.required, i.help) for i in sec.items)
                )
                for sec in self.sections
            ),
        )


@dataclass(frozen=True)
class TemplateSummary:
    id: int
    name: str
    description: str | None
    latest_number: int
    section_count: int
    item_count: int
    version: int


@dataclass(frozen=True)
class VersionInfo:
    id: int
    number: int
    note: str | None
    created_at: dt.datetime
    section_count: int
    item_count: int
    completed_inspections: int
    response_count: int  # 1 when answers were entered against the version, else 0

    @property
    def used(self) -> bool:
        return bool(self.completed_inspections or self.response_count)


@dataclass(frozen=True)
class SaveResult:
    template: TemplateInfo
    new_version: bool
    previous_number: int | None  # the version that keeps the old results, when a new one was made

    @property
    def message(self) -> str:
        if self.new_version:
            return (
                f"새 버전 v{self.template.version_number}로 저장했습니다 — "
                f"이전 점검 결과는 v{self.previous_number}에 남습니다"
            )
        return f"저장했습니다 (v{self.template.version_number})"


def clean_draft(draft: TemplateDraft) -> TemplateDraft:
    """Trimmed copy of the draft, or ValidationError(s) naming the section/item by position."""
    errors: list[ValidationError] = []
    name = description = None
    try:
        name = normalize_text(draft.name, F_TEMPLATE_NAME, 100, required=True)
    except ValidationError as e:
        errors.append(e)
    try:
        description = normalize_text(draft.description, "설명", 2000)
    except ValidationError as e:
        errors.append(e)
    if not draft.sections:
        errors.append(ValidationError(F_SECTIONS, "구역을 하나 이상 추가해 주세요."))
    sections = []
    for s_no, section in enumerate(draft.sections, 1):
        where = f"{s_no}번째 구역"
        title = _typed(section.title, where, errors)
        if title is None:
            title = ""
        elif not (title := title.strip()):
            errors.append(ValidationError(where, "구역 제목을 입력해 주세요."))
        elif len(title) > 100:
            errors.append(ValidationError(where, "구역 제목은 100자 이내로 입력해 주세요."))
        if not section.items:
            errors.append(ValidationError(where, "점검 항목을 하나 이상 추가해 주세요."))
        items = []
        for i_no, item in enumerate(section.items, 1):
            at = f"{where} {i_no}번째 항목"
            typed = _typed(item.text, at, errors, multiline=True)  # collapsed to spaces below
            text = " ".join((typed or "").split())
            if typed is None:
                pass
            elif not text:
                errors.append(ValidationError(at, "내용을 입력해 주세요."))
            elif len(text) > 300:
                errors.append(ValidationError(at, f"내용은 300자 이내로 입력해 주세요(현재 {len(text)}자)."))
            help_text = (_typed(item.help, f"{at} 도움말", errors, multiline=True) or "").strip() or None
            items.append(ItemDraft(text, ChecklistItemKind(item.kind), bool(item.required), help_text))
        sections.append(SectionDraft(title, tuple(items)))
    ValidationErrors.raise_if_any(errors)
    return TemplateDraft(name, description, tuple(sections))


def _typed(raw: str | None, where: str, errors: list[ValidationError], multiline: bool = False) -> str | None:
    """The text in NFC; None (and the error noted) when it holds an invisible character."""
    try:
        return clean_input(raw or "", where, multiline)
    except ValidationError as e:
        errors.append(e)
        return None


def draft_from_dict(data: dict) -> TemplateDraft:
    return TemplateDraft(
        data["name"],
        data.get("description"),
        tuple(
            SectionDraft(
                sec["title"],
                tuple(
                    ItemDraft(
                        it["text"],
                        ChecklistItemKind(it.get("kind", "yes_no")),
                        bool(it.get("required", False)),
                        it.get("help"),
                    )
                    for it in sec.get("items", ())
                ),
            )
            for sec in data.get("sections", ())
        ),
    )


def load_default_draft() -> TemplateDraft:
    """기본 시설 점검표, shipped in resources/checklists/default.json."""
    path = resource("checklists", "default.json")
    return draft_from_dict(json.loads(path.read_text(encoding="utf-8")))
