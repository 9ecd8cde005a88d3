"""The window shows what the logged-in account may do (issue 12 item 2).

The services refuse every write the role lacks (services/permissions.py); the window does not
offer it in the first place. A control that writes is marked once where it is built:

    needs(Permission.PANEL_WORK, self.add_button, self.delete_button)

and `apply_rights(root, role)` hides every marked control under `root` (buttons, actions,
whole groups) whose right the role does not hold. The window applies it to each page when it is
built, to its menus, and again to everything after another account logs in. Hidden, not only
disabled: a 열람자 sees a list to read, not a row of grey buttons.

Pages a role has nothing to do on leave the navigation (`PAGE_ROLES`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from panelapp.domain.enums import UserRole
from panelapp.services.permissions import Permission, allowed

PROPERTY = "panelapp_needs"
HIDDEN = "panelapp_hidden_by_rights"  # set when apply_rights hid it (a page's own hiding is left alone)

# The pages each role sees; a role not listed sees every page. A 부서 담당자 answers their
# department's proposals (landing on 우리 부서 제안, the first of them in the navigation); a 점검
# 조장 enters results and findings of the inspections.
PAGE_ROLES: dict[UserRole, frozenset[str]] = {
    UserRole.DEPARTMENT: frozenset({"desk", "proposals"}),
    UserRole.LEAD: frozenset({"dashboard", "schedule", "findings", "proposals", "checklists"}),
    UserRole.VIEWER: frozenset(
        {
            "dashboard",
            "cohorts",
            "roster",
            "activities",
            "schedule",
            "findings",
            "proposals",
            "feedback",
            "content",
            "reports",
            "facilities",
            "checklists",
        }
    ),
}


# The controls of each page that write or put out personal data, by attribute ("detail.x": an
# attribute of the page's `detail`), with the right each needs. Kept here rather than in every
# page so that one table says what each role is offered; tests/gui/test_rights.py builds every
# page and fails on a name that no longer exists. Controls a page makes later (a proposal's
# next-step buttons) are marked where they are made.
_W, _R, _A, _I = Permission.PANEL_WORK, Permission.RESULTS, Permission.PROPOSAL_ANSWER, Permission.INSTITUTION
PAGE_CONTROLS: dict[str, dict[str, Permission]] = {
    "welcome": {"org_button": _I, "new_button": _W, "demo_button": _W},
    "dashboard": {"sla.reminder_button": _W},
    "cohorts": {
        "new_button": _W,
        "edit_button": _W,
        "close_button": _W,
        "plan_button": _W,
        "delete_button": _W,
        "teams.add_button": _W,
        "teams.edit_button": _W,
        "teams.delete_button": _W,
    },
    "roster": {
        "reveal_button": _W,
        "add_button": _W,
        "edit_button": _W,
        "withdraw_button": _W,
        "delete_button": _W,
        "import_button": _W,
        "export_button": _W,
        "signin_button": _W,
    },
    "activities": {
        "add_button": _W,
        "edit_button": _W,
        "delete_button": _W,
        "all_button": _W,
        "none_button": _W,
        "cert_button": _W,
        "revert_button": _W,
        "save_button": _W,
        "events_export_button": _W,
        "attendance_export_button": _W,
    },
    "schedule": {
        "add_button": _W,
        "edit_button": _W,
        "status_button": _W,
        "ics_button": _W,
        "list.export_button": _W,
        "results_button": _R,
        "sheet_button": _R,
    },
    "findings": {
        "add_button": _R,
        "edit_button": _R,
        "delete_button": _R,
        "proposal_button": _W,
        "export_button": _W,
    },
    "desk": {
        "detail.edit_button": _W,
        "detail.links_button": _W,
        "detail.duplicate_button": _W,
        "detail.delete_button": _W,
        "request_button": _W,
        "import_button": _W,
        "reminder_button": _W,
        "bulk_button": _A,
    },
    "proposals": {
        "new_button": _W,
        "export_button": _W,
        "duplicate_action": _W,
        "plan_button": _W,
        "bulk_button": _A,
        "detail.edit_button": _W,
        "detail.links_button": _W,
        "detail.duplicate_button": _W,
        "detail.delete_button": _W,
    },
    "feedback": {
        "entry_box": _W,
        "add_button": _W,
        "answer_button": _W,
        "handled_button": _W,
        "delete_button": _W,
        "export_button": _W,
    },
    "content": {"add_button": _W, "edit_button": _W, "delete_button": _W, "export_button": _W},
    "reports": {"make_button": _W},
    "facilities": {
        "types_button": _W,
        "export_button": _W,
        # the two register tabs' rows (gui/pages/register_table.py register_actions)
        **{
            f"{tab}{name}_button": _W
            for tab in ("", "departments_tab.")
            for name in ("add", "edit", "toggle", "delete")
        },
        "departments_tab.export_button": _W,
        "departments_tab.deadline_button": _I,
        "departments_tab.templates_button": _A,
    },
    "checklists": {"new_button": _W, "revert_button": _W, "save_button": _W, "tool_buttons": _W},
    "trash": {"restore_button": _W},
}


def control(page: QObject, path: str):
    """The control at `path` ("detail.edit_button") of a page, or a list of them (a row of tool
    buttons); AttributeError if gone."""
    target: object = page
    for name in path.split("."):
        target = getattr(target, name)
    return target


def mark_page(key: str, page: QObject) -> None:
    """Mark a page's controls from PAGE_CONTROLS."""
    for path, permission in PAGE_CONTROLS.get(key, {}).items():
        found = control(page, path)
        needs(permission, *(found if isinstance(found, list) else [found]))


def needs(permission: Permission, *controls: QObject) -> None:
    """Mark controls (widgets or actions) as doing what `permission` allows."""
    for control in controls:
        control.setProperty(PROPERTY, permission.name)


def offered(control: QObject) -> bool:
    """False when apply_rights hid `control` for the account: a double click or Enter on a list
    row does what the row's button does, and only when the button is offered."""
    return control.property(HIDDEN) is not True


def for_rights(control: QObject, offered_text: str, otherwise: str) -> str:
    """An empty-state or hint text that tells of `control` (press [새 제안]...) only to an
    account that is offered it; the others read `otherwise`, which names no button they lack."""
    return offered_text if offered(control) else otherwise


def needed(control: QObject) -> Permission | None:
    name = control.property(PROPERTY)
    return Permission[name] if name else None


# A page whose name in the navigation depends on who reads it: the desk (PAGES: 부서별 제안 처리,
# every department's for a 담당자 or 관리자) is "our department's" for a 부서 담당자.
ROLE_LABELS: dict[str, dict[UserRole, str]] = {"desk": {UserRole.DEPARTMENT: "우리 부서 제안"}}


def page_label(key: str, label: str, role: UserRole | None) -> str:
    """The navigation's name of page `key` for the logged-in role (`label`: its name in PAGES)."""
    return ROLE_LABELS.get(key, {}).get(role, label) if role is not None else label


def page_visible(key: str, role: UserRole | None) -> bool:
    if key == "welcome":
        return allowed(role, Permission.PANEL_WORK)  # the first steps are a 담당자's
    pages = PAGE_ROLES.get(role) if role is not None else frozenset()
    return pages is None or key in pages


def apply_rights(root: QObject, role: UserRole | None) -> int:
    """Show the marked controls under `root` (and `root` itself) the role may use, hide the
    others; returns how many were hidden."""
    hidden = 0
    for control in [root, *root.findChildren(QObject)]:
        permission = needed(control)
        if permission is None or not hasattr(control, "setVisible"):
            continue
        if not allowed(role, permission):
            if control.property(HIDDEN) is not True:
                control.setProperty(HIDDEN, True)
                control.setVisible(False)
            hidden += 1
        elif control.property(HIDDEN) is True:  # hidden for the account before: shown again
            control.setProperty(HIDDEN, False)
            control.setVisible(True)
    return hidden
