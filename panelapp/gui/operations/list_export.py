"""엑셀로 내보내기 on a list page: ask (masking, where to save), then write on a worker.

    export_to_excel(
        page,
        title="발견사항",
        cohort="제7기 · 진행중",
        personal=False,
        run=lambda path, purpose, token: export_findings(ctx, query, *sort, path, token=token, ...),
    )

A list with personal data asks first whether to mask it (the default, as the roster export does)
and, to write names in full, for the purpose, which the service puts in the access log. The file
dialog offers "발견사항_제7기_2026-12-02.xlsx" in the folder of the last export. The work runs on a
worker op with a progress bar and 취소 (a million rows take a while); Cancel leaves no file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from panelapp.domain.josa import josa
from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import Op

BUTTON_TEXT = "엑셀로 내보내기"
XLSX_FILTER = "Excel 통합 문서 (*.xlsx)"
MASK_CHOICES = ("이름·연락처를 가려서 (권장)", "가리지 않고 (목적이 접근 기록에 남습니다)")


def cohort_tag(text: str | None) -> str:
    """'제7기 · 진행중' → '제7기' (the file name names the cohort, not its status)."""
    found = re.search(r"제\s*\d+\s*기", text or "")
    return found.group(0).replace(" ", "") if found else ""


def cohort_text(window: Any) -> str:
    """The cohort the window shows ("제7기 · 진행중"), "" when it has no cohort selector."""
    combo = getattr(window, "cohort_combo", None)
    return combo.currentText() if combo is not None else ""


def default_name(title: str, cohort: str | None = None, extra: str | None = None) -> str:
    """발견사항_제7기_2026-12-02.xlsx (characters a file name cannot hold become _)."""
    parts = [title, cohort_tag(cohort), extra or "", today_local().isoformat()]
    name = "_".join(p for p in parts if p)
    return re.sub(r'[\\/:*?"<>|\s·]+', "_", name).strip("_") + ".xlsx"


def sort_condition(columns, key: str | None, descending: bool) -> tuple[str, str]:
    """("정렬", "날짜 ↓"): the header the list is sorted by, as the page's arrow shows it."""
    header = next((c.header for c in columns if c.sort_key == key and key is not None), None)
    return "정렬", f"{header} {'내림차순' if descending else '오름차순'}" if header else "기본 순서"


def filter_conditions(*pairs: tuple[str, Any]) -> list[tuple[str, str]]:
    """(label, widget or text) → (label, text): a combo's current text, a check box's state,
    a line edit's text; empty filters are left out."""
    out = []
    for label, source in pairs:
        if hasattr(source, "currentText"):
            text = source.currentText()
        elif hasattr(source, "isChecked"):
            text = "예" if source.isChecked() else ""
        elif hasattr(source, "text") and callable(source.text):
            text = source.text()
        else:
            text = "" if source is None else str(source)
        if text.strip():
            out.append((label, text.strip()))
    return out


def ask_purpose(parent: QWidget, title: str, what: str) -> tuple[bool, str | None]:
    """(go on?, purpose). None: masked, the default. A purpose: names in full, logged."""
    choice, ok = QInputDialog.getItem(
        parent,
        f"{title} 엑셀로 내보내기",
        f"개인정보 보호를 위해 기본으로 {josa(what, '을')} 가려서 내보냅니다(예: 김*희).",
        list(MASK_CHOICES),
        0,
        False,
    )
    if not ok:
        return False, None
    if choice != MASK_CHOICES[1]:
        return True, None
    purpose, ok = QInputDialog.getText(
        parent,
        "가리지 않고 내보내기",
        "내보내는 목적을 적어 주세요.\n(누가, 언제, 왜 내보냈는지 접근 기록에 남습니다)",
    )
    if not ok or not purpose.strip():
        return False, None
    return True, purpose.strip()


def ask_path(parent: QWidget, title: str, name: str) -> str | None:
    """Where to write; the chooser opens in the folder of the last export (gui/file_dialogs)."""
    from panelapp.gui.file_dialogs import save_file

    return save_file(parent, "export", f"{title} 엑셀로 내보내기", name, XLSX_FILTER, suffix=".xlsx")


def export_to_excel(
    page: QWidget,
    *,
    title: str,
    run: Callable[[str, str | None, Any], Any],
    cohort: str | None = None,
    extra: str | None = None,
    personal: str | None = None,
    rows: int | None = None,
) -> Op | None:
    """Ask and write. `personal` names what would be masked ("단원 이름"); None: the list has no
    personal data and nothing is asked. `rows`: how many the page shows (0: nothing to write)."""
    if rows == 0:
        QMessageBox.information(page, f"{title} 엑셀로 내보내기", "내보낼 행이 없습니다. 필터를 바꿔 보세요.")
        return None
    purpose = None
    if personal is not None:
        ok, purpose = ask_purpose(page, title, personal)
        if not ok:
            return None
    path = ask_path(page, title, default_name(title, cohort, extra))
    if path is None:
        return None
    window = getattr(page, "window_", None) or page.window()

    def done(result) -> None:
        how = "" if not result.personal else (" (이름 일부 가림)" if result.masked else " (가리지 않음)")
        text = f"{title} {result.rows:,}행을 엑셀로 저장했습니다{how}: {result.path}"
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)

    return (
        Op(page, lambda token: run(path, purpose, token), write=purpose is not None)
        .with_progress(f"{josa(title, '을')} 엑셀로 내보내는 중…")
        .success(done)
        .run()
    )
