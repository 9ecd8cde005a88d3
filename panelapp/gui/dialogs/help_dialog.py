"""사용 설명서: the Korean user guide bundled in resources/help, in a window of its own.

The guide is one HTML file per section (SECTIONS, in the order of a year's work), with
screenshots beside them in resources/help/images, found through `paths.resource` (checkout,
wheel and bundle alike). F1 opens the section of what is in front: the dialog (DIALOG_TOPICS, by
class name) or else the page (PAGE_TOPICS, by the window's page key).

The window is non-modal and has no parent, so the window-modal dialogs of the main window do not
block it and a coordinator can read while filling in a form; it is deleted when closed and does
not keep the program running (WA_QuitOnClose off). One window at a time: F1 again moves it.

Text renders in the application font (bundled NanumGothic): the stylesheet names no font family,
and the HTML uses none of the tags Qt draws in a monospace family (code, kbd, pre, tt, samp).
Keys are written <span class="key">.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from panelapp.paths import resource

TITLE = "사용 설명서"
# The guide's sections, in the order of the work (start, the cycle, then reference).
SECTIONS: tuple[str, ...] = (
    "start.html",
    "organization.html",
    "cohort.html",
    "facilities.html",
    "schedule.html",
    "results.html",
    "proposals.html",
    "reports.html",
    "voices.html",
    "privacy.html",
    "shortcuts.html",
    "faq.html",
)
HOME = "start.html"
# Every page key of gui/mainwindow.PAGES → its section (tests hold the two lists together).
PAGE_TOPICS: dict[str, str] = {
    "welcome": "start.html#start",
    "dashboard": "start.html#dashboard",
    "cohorts": "cohort.html#cohorts",
    "roster": "cohort.html#roster",
    "activities": "cohort.html#activities",
    "schedule": "schedule.html#schedule",
    "findings": "results.html#findings",
    "desk": "proposals.html#desk",
    "proposals": "proposals.html#proposals",
    "feedback": "voices.html#feedback",
    "content": "voices.html#content",
    "reports": "reports.html#reports",
    "facilities": "facilities.html#facilities",
    "checklists": "facilities.html#checklists",
    "trash": "faq.html#trash",
}
# Dialogs with a section of their own, by class name (a dialog not listed opens its page's).
DIALOG_TOPICS: dict[str, str] = {
    "OrganizationDialog": "organization.html#organization",
    "CohortDialog": "cohort.html#cohort-new",
    "TeamDialog": "cohort.html#teams",
    "MemberDialog": "cohort.html#member",
    "ImportDialog": "cohort.html#import",
    "WithdrawDialog": "cohort.html#withdraw",
    "SignInSheetDialog": "cohort.html#signin",
    "AccessLogDialog": "privacy.html#review",
    "EventDialog": "cohort.html#activities",
    "FacilityDialog": "facilities.html#facilities",
    "FacilityTypesDialog": "facilities.html#facilities",
    "DepartmentDialog": "facilities.html#departments",
    "InspectionDialog": "schedule.html#add",
    "InspectionStatusDialog": "schedule.html#status",
    "ResultsDialog": "results.html#results",
    "FindingDialog": "results.html#finding",
    "ProposalDialog": "proposals.html#new",
    "ProposalLinksDialog": "proposals.html#new",
    "DuplicateDialog": "proposals.html#duplicates",
    "ProposalMoveDialog": "proposals.html#steps",
    "ProposalProgressDialog": "proposals.html#desk",
    "ProposalMilestonesDialog": "proposals.html#milestones",
    "AnswerRequestDialog": "proposals.html#requests",
    "AnswerProblemsDialog": "proposals.html#requests",
    "ReminderDialog": "proposals.html#reminders",
    "NextYearPlanDialog": "proposals.html#next-year",
    "DeadlineRulesDialog": "proposals.html#deadlines",
    "ReportDialog": "reports.html#make",
    "ReportPreviewDialog": "reports.html#preview",
    "FeedbackDialog": "voices.html#feedback",
    "ContentDialog": "voices.html#content",
    "SearchDialog": "faq.html#search",
    "SettingsDialog": "faq.html#users",
    "BackupDialog": "faq.html#backup",
    "MoveToServerDialog": "faq.html#postgres",
    "PhotoViewer": "results.html#finding",
}
# Qt's own dialogs and message boxes get no F1 of ours (the guide has nothing on them).
_NO_HELP = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog)
_HELP_KEY = "panelapp_help_key"
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)


def help_dir() -> Path:
    return resource("help")


def section_title(file_name: str) -> str:
    text = (help_dir() / file_name).read_text(encoding="utf-8")
    found = _TITLE_RE.search(text)
    return found.group(1).strip() if found else file_name


def topic_url(topic: str) -> QUrl:
    """`file.html#anchor` → the file URL of that section in resources/help."""
    name, _, anchor = topic.partition("#")
    url = QUrl.fromLocalFile(str(help_dir() / (name or HOME)))
    if anchor:
        url.setFragment(anchor)
    return url


def page_key(window) -> str | None:
    current = window.stack.currentWidget()
    return next((key for key, page in window.pages.items() if page is current), None)


def topic_for(window, widget: QWidget | None = None) -> str:
    """The section for what is in front: `widget`'s dialog (or the active one), else the page."""
    probe = widget if widget is not None else QApplication.activeModalWidget() or QApplication.activeWindow()
    while probe is not None:
        topic = DIALOG_TOPICS.get(type(probe).__name__)
        if topic:
            return topic
        probe = probe.parentWidget()
    return PAGE_TOPICS.get(page_key(window) or "", HOME)


def scheme_style_sheet(path: str) -> str | None:
    """help.css as written for the light look, followed, in the dark and 고대비 looks, by rules
    in the scheme's own colours (gui/palette.py): the guide's dark-grey text and dark-blue
    headings were unreadable on black. None: read the file as it is."""
    from panelapp.gui import palette

    if palette.scheme() == palette.LIGHT:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            sheet = f.read()
    except OSError:
        return None
    v = palette.SCHEMES[palette.scheme()]
    ink, heading, ground, link = v["text"], v["accent"], v["surface"], v["saturday"]
    return sheet + (
        f"\nbody, p, li, td, .lead, .caption {{ color: {ink}; }}"
        f"\nh1, h2, h3, .go {{ color: {heading}; }}"
        f"\na {{ color: {link}; }}"
        f"\n.key, .tip, .warn, table.grid th {{ background-color: {ground}; color: {heading}; }}\n"
    )


class HelpBrowser(QTextBrowser):
    """The guide's pages. Screenshots shrink (smoothly) to the width there is and never widen
    past their own size; links to other sections follow, panelapp:page/KEY asks the window for
    a page, web links open in the system browser."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.follow)
        self._images: dict[str, QImage] = {}  # resolved URL → the file's own image
        self._fitted_to = 0
        self._refit = QTimer(self, singleShot=True, interval=120)
        self._refit.timeout.connect(self.refit_images)

    # ----- links -----------------------------------------------------------------------
    def follow(self, url: QUrl) -> None:
        if url.scheme() == "panelapp":
            self.page_requested.emit(url.path())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        else:
            self.setSource(self.source().resolved(url) if url.isRelative() else url)

    # ----- images ----------------------------------------------------------------------
    def _room(self) -> int:
        margin = int(self.document().documentMargin())
        return max(200, self.viewport().width() - 2 * margin - 24)

    def _fitted(self, image: QImage) -> QImage:
        room = self._room()
        if image.width() <= room:
            return image
        ratio = self.devicePixelRatioF()
        scaled = image.scaledToWidth(int(room * ratio), Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def loadResource(self, kind: int, name: QUrl):  # type: ignore[override]  # noqa: N802 - Qt API
        # QTextBrowser hands over the name already resolved against the section's URL
        if kind == QTextDocument.ResourceType.ImageResource.value and name.isLocalFile():
            key = name.toString()
            image = self._images.get(key)
            if image is None:
                image = QImage(name.toLocalFile())
                if image.isNull():
                    return super().loadResource(kind, name)
                self._images[key] = image
            self._fitted_to = self._room()
            return self._fitted(image)
        if kind == QTextDocument.ResourceType.StyleSheetResource.value and name.isLocalFile():
            sheet = scheme_style_sheet(name.toLocalFile())
            if sheet is not None:
                return sheet
        return super().loadResource(kind, name)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._images and abs(self._room() - self._fitted_to) > 8:
            self._refit.start()

    def image_names(self) -> list[str]:
        """The image names the section's HTML uses (as written, relative to the section)."""
        names: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name() not in names:
                    names.append(fmt.toImageFormat().name())
                it += 1
            block = block.next()
        return names

    def refit_images(self) -> None:
        """After a resize: this section's screenshots again, at the new width."""
        doc = self.document()
        self._fitted_to = self._room()
        for name in self.image_names():
            # the document looks resources up by the name resolved against its base URL
            url = doc.baseUrl().resolved(QUrl(name))
            image = self._images.get(url.toString())
            if image is not None:
                doc.addResource(QTextDocument.ResourceType.ImageResource.value, url, self._fitted(image))
        doc.markContentsDirty(0, doc.characterCount())

    def setSource(self, url: QUrl, kind=QTextDocument.ResourceType.UnknownResource) -> None:  # type: ignore[override]  # noqa: N802
        if url.toLocalFile() != self.source().toLocalFile():
            self._images.clear()  # another section: its own screenshots
        super().setSource(url, kind)


class HelpWindow(QWidget):
    """사용 설명서: contents on the left, the section on the right, back and forward above."""

    def __init__(self, main_window=None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.main_window = main_window
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(f"{TITLE} — 시민참여단 활동관리")
        self.setObjectName("helpWindow")
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.back_button = QPushButton("◀ 뒤로")
        self.forward_button = QPushButton("앞으로 ▶")
        self.home_button = QPushButton("처음으로")
        self.close_button = QPushButton("닫기")
        for b in (self.back_button, self.forward_button, self.home_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        col.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setStyleSheet("#helpContents::item { padding: 5px 6px; }")
        for i, name in enumerate(SECTIONS, 1):
            item = QListWidgetItem(f"{i}. {section_title(name)}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.contents.addItem(item)
        self.contents.setMinimumWidth(170)
        self.browser = HelpBrowser()
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([210, 800])
        col.addWidget(split, 1)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_topic(HOME))
        self.close_button.clicked.connect(self.close)
        self.contents.currentItemChanged.connect(self._on_contents)
        self.browser.sourceChanged.connect(self._mark_contents)
        self.browser.page_requested.connect(self._show_page)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self._fit_to_screen()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1120, 760)

    def _fit_to_screen(self) -> None:
        """1120×760, or the screen's available area less a margin (1366×768 too)."""
        want = self.sizeHint()
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(want)
            return
        area = screen.availableGeometry()
        self.resize(min(want.width(), area.width() - 40), min(want.height(), area.height() - 60))
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(max(area.left(), frame.left()), max(area.top(), frame.top()))

    # ----- navigation --------------------------------------------------------------------
    def show_topic(self, topic: str) -> None:
        self.browser.setSource(topic_url(topic))

    def current_topic(self) -> str:
        """`file.html#anchor` of what the browser shows (the anchor as asked)."""
        url = self.browser.source()
        name = Path(url.toLocalFile()).name
        return f"{name}#{url.fragment()}" if url.fragment() else name

    def _on_contents(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if Path(self.browser.source().toLocalFile()).name != name:
            self.show_topic(name)

    def _mark_contents(self, url: QUrl) -> None:
        name = Path(url.toLocalFile()).name
        self.contents.blockSignals(True)
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)

    def _show_page(self, path: str) -> None:
        """panelapp:page/KEY from the guide: that page in the main window, brought to front."""
        kind, _, key = path.partition("/")
        window = self.main_window
        if window is None or kind != "page" or key not in window.pages:
            return
        window.show_page(key)
        window.raise_()
        window.activateWindow()


def open_help(main_window, topic: str | None = None) -> HelpWindow:
    """The guide at `topic` (else at the section of what is in front), in the one help window."""
    topic = topic or topic_for(main_window)
    window = getattr(main_window, "help_window", None)
    if window is None:
        window = HelpWindow(main_window)
        main_window.help_window = window
        window.destroyed.connect(lambda _obj=None: setattr(main_window, "help_window", None))
    window.show_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def give_dialogs_f1(main_window) -> None:
    """F1 in the main window's own dialogs too: a window-modal dialog blocks the window's F1, so
    each dialog, when it first takes the focus, gets an F1 of its own that opens its section.
    Application-modal dialogs are left alone (they would block the help window)."""

    def on_focus(_old, new) -> None:
        if new is None:
            return
        dialog = new.window()
        if (
            not isinstance(dialog, QDialog)
            or isinstance(dialog, _NO_HELP)
            or dialog.property(_HELP_KEY)
            or dialog.windowModality() == Qt.WindowModality.ApplicationModal
        ):
            return
        dialog.setProperty(_HELP_KEY, True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog).activated.connect(
            lambda: open_help(main_window, topic_for(main_window, dialog))
        )

    app = QApplication.instance()
    if app is not None:
        app.focusChanged.connect(on_focus)  # type: ignore[attr-defined]
        main_window.destroyed.connect(lambda _obj=None: _disconnect(app, on_focus))


def _disconnect(app, slot) -> None:
    try:
        app.focusChanged.disconnect(slot)
    except (RuntimeError, TypeError):
        pass
