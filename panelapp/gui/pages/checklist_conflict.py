"""A stale save of the 점검표 editor shown part by part (issue 13 item 3).

When another desktop saved the same template first, the save is refused (ConcurrencyError). The
editor keeps what the user built, reads the template as saved now on a worker and shows the parts
that differ in gui/core/conflicts' ConflictDialog: the name, the description and each section by
its place (구역 1, 구역 2, …) with its title and items. The user takes the other user's template,
applies the parts they changed on top of it (choosing per part where both changed one) or copies
their draft to the clipboard; the editor then holds the current version, so the next 저장 is an
ordinary save of what they chose. A section is one part: a checklist's items are read together,
and merging single items across a section both edited would make a list nobody wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from panelapp.domain.enums import ChecklistItemKind
from panelapp.gui.core.conflicts import MINE, ConflictDialog, FieldConflict, FieldValue, conflicts
from panelapp.gui.core.ops import Op, show_error
from panelapp.services.checklists.drafts import F_TEMPLATE_NAME, ItemDraft, SectionDraft, TemplateDraft

if TYPE_CHECKING:
    from panelapp.gui.pages.checklists import ChecklistsPage

F_DESCRIPTION = "설명"


def section_label(n: int) -> str:
    return f"구역 {n + 1}"


def _clean_section(sec: SectionDraft) -> SectionDraft:
    return SectionDraft(
        sec.title.strip(),
        tuple(
            ItemDraft(i.text.strip(), ChecklistItemKind(i.kind), i.required, (i.help or "").strip() or None)
            for i in sec.items
        ),
    )


def section_text(sec: SectionDraft) -> str:
    """A section as lines: its title, then "1. 소화기가 있다 · 예/아니오 · 필수" per item."""
    lines = [sec.title]
    for n, item in enumerate(sec.items, start=1):
        marks = [ChecklistItemKind(item.kind).label] + (["필수"] if item.required else [])
        lines.append(f"  {n}. {item.text} · {' · '.join(marks)}")
        if item.help:
            lines.append(f"     도움말: {item.help}")
    return "\n".join(lines)


def parts(draft: TemplateDraft, slots: int) -> dict[str, FieldValue]:
    """The draft's parts by label; a section place the draft does not have is None."""
    name, description = draft.name.strip(), (draft.description or "").strip()
    out = {F_TEMPLATE_NAME: FieldValue(name, name), F_DESCRIPTION: FieldValue(description, description)}
    for n in range(slots):
        sec = _clean_section(draft.sections[n]) if n < len(draft.sections) else None
        out[section_label(n)] = FieldValue(sec, section_text(sec) if sec is not None else "")
    return out


def merged(theirs: dict[str, FieldValue], rows: list[FieldConflict], choices: dict[str, str],
           mine: dict[str, FieldValue]) -> tuple[TemplateDraft, int]:  # fmt: skip
    """The other user's template with the parts chosen as mine, and how many those are."""
    chosen = dict(theirs)
    taken = 0
    for row in rows:
        if choices.get(row.label) == MINE:
            chosen[row.label] = mine[row.label]
            taken += 1
    sections = tuple(
        v.value for label, v in chosen.items() if label.startswith("구역 ") and v.value is not None
    )
    return TemplateDraft(chosen[F_TEMPLATE_NAME].value, chosen[F_DESCRIPTION].value or None, sections), taken


class ChecklistConflict:
    """Wires the 점검표 page to the conflict dialog; `handle(exc)` from the save's failure."""

    def __init__(self, page: ChecklistsPage):
        self.page = page
        self.dialog: ConflictDialog | None = None

    def handle(self, exc: BaseException) -> bool:
        from panelapp.domain.errors import ConcurrencyError
        from panelapp.services.checklists.templates import get_template, versions_of

        page = self.page
        if not isinstance(exc, ConcurrencyError) or page.info is None:
            return False
        base, mine, template_id, ctx = page.info.to_draft(), page.draft(), page.info.id, page.window_.ctx
        Op(page, lambda _t: (get_template(ctx, template_id), versions_of(ctx, template_id))).success(
            lambda r: self._compare(r[0], r[1], base, mine)
        ).failure(self._fetch_failed).run()
        return True

    def _fetch_failed(self, exc: BaseException) -> None:
        from panelapp.domain.errors import NotFoundError

        show_error(self.page, exc)
        if isinstance(exc, NotFoundError):  # deleted meanwhile: what was built stays, as a new one
            self.page.info = None
            self.page._mark_modified()
            self.page.notice_label.setText(
                "다른 사용자가 이 점검표를 삭제했습니다. 만든 내용은 화면에 남아 있으며, "
                "저장하면 새 점검표로 만들어집니다."
            )

    def _compare(self, info, versions, base: TemplateDraft, mine_draft: TemplateDraft) -> None:
        page = self.page
        now = info.to_draft()
        slots = max(len(base.sections), len(now.sections), len(mine_draft.sections))
        start, theirs, mine = parts(base, slots), parts(now, slots), parts(mine_draft, slots)
        rows = conflicts(start, theirs, mine)
        if not rows:
            page._show_template(info, versions)
            page.notice_label.setText(
                "다른 사용자가 먼저 저장했지만 만든 내용과 같습니다. 더 저장할 것이 없습니다."
            )
            return
        dialog = ConflictDialog(page, f"점검표 {mine_draft.name}", rows, mine)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._chosen(dialog, info, versions, theirs, rows, mine))
        dialog.open()

    def _chosen(self, dialog: ConflictDialog, info, versions, theirs, rows, mine) -> None:
        page = self.page
        self.dialog = None
        taken = 0
        if dialog.outcome == "apply":
            draft, taken = merged(theirs, rows, dialog.choices(), mine)
        if taken:
            page._show_template(info, versions, draft=draft)
            page._mark_modified()
            page.notice_label.setText(
                f"다른 사용자가 저장한 점검표에 내가 고친 {taken}개 부분을 반영했습니다. "
                "확인한 뒤 [저장]을 누르세요."
            )
        else:
            page._show_template(info, versions)
            page.notice_label.setText(
                "다른 사용자가 저장한 점검표를 불러왔습니다. 고친 내용은 반영하지 않았습니다."
            )
