"""The worker window: caseload and child's page side by side, the tracker, settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
)

from ...domain.child import ChildRecord, RecordProblem
from ...domain.journey import Flag
from ...domain.tracker import tracker_rows
from ...storage.caseload import CaseloadStore
from ...storage.safe_files import StorageWriteError
from ..messages import UserMessages
from ..store_signals import Change, store_signals
from .caseload_view import CaseloadView
from .first_start import FirstStartPanel

if TYPE_CHECKING:
    from .child_page import ChildPage
    from .tracker_view import TrackerView

FIRST_START_DONE = "first_start_done"
ExampleChildren = Callable[[CaseloadStore, dt.date], object]
ExtraFlags = Callable[[CaseloadStore], Callable[[ChildRecord], tuple[Flag, ...]]]


class WorkerWindow(QMainWindow):
    childShown = Signal(str)  # a child's page was opened (the audit trail notes it)

    def __init__(
        self,
        store: CaseloadStore,
        today: dt.date,
        messages: UserMessages,
        example_children: ExampleChildren | None = None,
        extra_flags: ExtraFlags | None = None,
        title_note: str = "",
    ):
        super().__init__()
        self.store = store
        self.today = today
        self.messages = messages
        self.example_children = example_children
        self._extra_flags_for = extra_flags
        self.settings = store.settings()
        self.setWindowTitle("Lasting Home" + (f" ({title_note})" if title_note else ""))
        self.resize(1280, 800)
        messages.parent = self

        self.caseload = CaseloadView(today, self.settings.journey)
        self.page_area = QStackedWidget()
        self.no_child = QLabel("Choose a child from the list to see their page.")
        self.no_child.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_child.setObjectName("Subtle")
        self.page_area.addWidget(self.no_child)
        self.child_page: ChildPage | None = None

        split = QSplitter()
        split.addWidget(self.caseload)
        split.addWidget(self.page_area)
        split.setStretchFactor(1, 2)
        split.setSizes([520, 760])
        self._tracker: TrackerView | None = None
        self.first_start = FirstStartPanel()

        self.screens = QStackedWidget()
        for screen in (self.first_start, split):
            self.screens.addWidget(screen)
        self.caseload_screen = split
        self.setCentralWidget(self.screens)
        self._build_toolbar()

        self.caseload.childSelected.connect(self.show_child)
        self.caseload.addRequested.connect(self.add_child)
        self.caseload.archiveRequested.connect(self.set_archived)
        self.first_start.exampleChosen.connect(self.add_example_children)
        self.first_start.emptyChosen.connect(self.start_empty)

        if store.is_empty and not store.folder_value(FIRST_START_DONE):
            self.screens.setCurrentWidget(self.first_start)
        else:
            self.show_caseload()
        # Whatever saves (a tab, together mode, an import, the team), the lists show it; a
        # burst of saves is shown once.
        self._lists_stale = QTimer(self)
        self._lists_stale.setSingleShot(True)
        self._lists_stale.setInterval(0)
        self._lists_stale.timeout.connect(self._show_lists_again)
        store_signals(store).changed.connect(self._store_changed)

    def _store_changed(self, change: Change) -> None:
        from ...storage.changes import RECORD, REMOVED

        page = self.child_page
        gone = change.kind == REMOVED and change.part == RECORD
        if gone and page is not None and page.child_id == change.child_id:
            self.page_area.removeWidget(page)
            page.deleteLater()
            self.child_page = None
            self.page_area.setCurrentWidget(self.no_child)
        self._lists_stale.start()

    def _show_lists_again(self) -> None:
        self._refresh_caseload()
        if self._tracker is not None and self.screens.currentWidget() is self._tracker:
            self.show_tracker()

    # -- leaving ---------------------------------------------------------------------------------

    def keep_drafts_now(self) -> bool:
        """Keep every unsaved typing as a draft now (the idle lock, logging off)."""
        return self.child_page.keep_drafts_now() if self.child_page is not None else True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing with typed, unsaved changes asks first, as choosing another child does."""
        page = self.child_page
        unsaved = page.unsaved_sections() if page is not None else []
        if not unsaved or page is None:
            event.accept()
            return
        if self.property("session_ending"):
            page.keep_drafts_now()  # logging off: nobody to ask, and nothing lost
            event.accept()
            return
        name = self.store.child(page.child_id).known_as
        answer = self.messages.choose(
            "Close Lasting Home with typing not saved?",
            f"{name}'s {', '.join(unsaved)}: you have typed changes that are not saved yet.",
            ["Save and close", "Close, keeping it as a draft", "Stay"],
        )
        if answer == 0 and all(
            getattr(page.section(title), "save", lambda: True)() for title in unsaved
        ) or answer == 1 and page.keep_drafts_now():
            event.accept()
        else:
            event.ignore()

    @property
    def tracker(self) -> TrackerView:
        """Built the first time it is wanted: start-up shows the caseload only."""
        if self._tracker is None:
            from .tracker_view import TrackerView

            self._tracker = TrackerView(self.messages)
            self._tracker.childOpened.connect(self.open_child)
            self._tracker.fileSaved.connect(self._note_saved_file)
            self.screens.addWidget(self._tracker)
        return self._tracker

    def _note_saved_file(self) -> None:
        from .saved_files import note_unprotected_file

        note_unprotected_file(self.store, self.messages)

    # -- navigation ----------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.caseload_action = self._action(bar, "Caseload", "Ctrl+1", self.show_caseload)
        self.tracker_action = self._action(bar, "Tracker", "Ctrl+2", self.show_tracker)
        self._action(bar, "Add a child", "Ctrl+N", self.add_child)
        self._action(bar, "Cards and certificates…", "", self.make_cards_and_certificates)
        self._action(bar, "Receive a returned form…", "", self.receive_returned_forms)
        bar.addSeparator()
        self._action(bar, "Guides", "F1", self.show_guides)
        self._action(bar, "Settings", "", self.edit_settings)
        self._action(bar, "About", "", self.show_about)

    def _action(self, bar: QToolBar, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    def show_caseload(self) -> None:
        self._refresh_caseload()
        self.screens.setCurrentWidget(self.caseload_screen)

    def _refresh_caseload(self) -> None:
        extra = self._extra_flags_for(self.store) if self._extra_flags_for else None
        self.caseload.set_children(self.store.children(include_archived=True), extra)

    def show_tracker(self) -> None:
        extra = self._extra_flags_for(self.store) if self._extra_flags_for else None
        rows = tracker_rows(self.store.children(), self.today, self.settings.journey, extra)
        self.tracker.set_rows(rows)
        self.screens.setCurrentWidget(self.tracker)

    def open_child(self, child_id: str) -> None:
        self.show_caseload()
        if not self.caseload.select(child_id, emit=False):
            self.caseload.show_archived.setChecked(True)
            self.caseload.select(child_id, emit=False)
        if self.child_page is None or self.child_page.child_id != child_id:
            self.show_child(child_id)
        else:
            self._rebuild_page(child_id)

    def show_child(self, child_id: str) -> bool:
        """Open a child's page; False if the worker chose to stay with unsaved changes."""
        from .child_page import ChildPage  # its parts pull in together mode, drawing...
        from .sections import CHILD_SECTIONS

        if self.child_page is not None:
            if not self._may_leave_page():
                return False
            self.page_area.removeWidget(self.child_page)
            self.child_page.deleteLater()
        extra = self._extra_flags_for(self.store) if self._extra_flags_for else None
        self.child_page = ChildPage(
            self.store,
            child_id,
            self.today,
            self.settings.journey,
            self.messages,
            CHILD_SECTIONS,
            extra_flags=extra,
        )
        self.child_page.editRequested.connect(self.edit_child)
        self.child_page.recordChanged.connect(self._record_changed)
        self.page_area.addWidget(self.child_page)
        self.page_area.setCurrentWidget(self.child_page)
        self.childShown.emit(child_id)
        return True

    def _may_leave_page(self) -> bool:
        """Typed changes are never lost silently when another child is opened."""
        assert self.child_page is not None
        unsaved = self.child_page.unsaved_sections()
        if not unsaved:
            return True
        name = self.store.child(self.child_page.child_id).known_as
        if self.messages.ask(
            f"Leave {name}'s page without saving?",
            f"You have typed changes in {', '.join(unsaved)} that are not saved yet. Stay to "
            "save them, or leave and lose them.",
            yes="Leave without saving",
            no="Stay",
        ):
            return True
        self.caseload.select(self.child_page.child_id, emit=False)
        return False

    def _record_changed(self, child_id: str) -> None:
        self._refresh_caseload()

    # -- changes ---------------------------------------------------------------------------------

    def add_child(self) -> None:
        from .child_form import ChildForm

        form = ChildForm(
            self.today, lambda child: self.store.add_child(child, self.today), None, self
        )
        if form.exec() and form.saved is not None:
            self.store.save_folder_value(FIRST_START_DONE, True)
            self.open_child(form.saved.id)

    def edit_child(self, child_id: str) -> None:
        from .child_form import ChildForm

        child = self.store.child(child_id)
        form = ChildForm(
            self.today, lambda record: self.store.update_child(record, self.today), child, self
        )
        if form.exec() and form.saved is not None:
            self._refresh_caseload()
            self._rebuild_page(child_id)

    def _rebuild_page(self, child_id: str) -> None:
        """Show the page again from the store, so its parts show the new dates; if a part holds
        typed changes, only the header is brought up to date and the typing is kept."""
        page = self.child_page
        if page is not None and page.child_id == child_id and page.unsaved_sections():
            page.refresh()
            return
        if self.child_page is not None and self.child_page.child_id == child_id:
            self.page_area.removeWidget(self.child_page)
            self.child_page.deleteLater()
            self.child_page = None
        self.show_child(child_id)

    def set_archived(self, child_id: str, archived: bool) -> None:
        child = self.store.child(child_id)
        if archived and not self.messages.ask(
            f"Archive {child.display_name}?",
            "Their record is kept but leaves the caseload, the tracker and the flags. "
            "You can bring it back with 'Show archived'.",
            yes="Archive",
        ):
            return
        try:
            self.store.archive_child(child_id, archived)
        except StorageWriteError as error:
            self.messages.tell("That change was not saved", error.kind_message, problem=True)
            return
        self._refresh_caseload()
        if self.child_page is not None and self.child_page.child_id == child_id:
            self.child_page.refresh()

    def add_example_children(self) -> None:
        if self.example_children is None:
            return
        try:
            self.example_children(self.store, self.today)
            self.store.save_folder_value(FIRST_START_DONE, True)
        except (RecordProblem, StorageWriteError) as error:
            detail = getattr(error, "kind_message", None) or str(error)
            self.messages.tell("The example children were not added", detail, problem=True)
            return
        self.show_caseload()

    def start_empty(self) -> None:
        try:
            self.store.save_folder_value(FIRST_START_DONE, True)
        except StorageWriteError as error:
            self.messages.tell("That choice was not saved", error.kind_message, problem=True)
        self.show_caseload()

    def edit_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if not dialog.exec():
            return
        try:
            self.store.save_settings(dialog.chosen())
        except (RecordProblem, StorageWriteError) as error:
            detail = getattr(error, "kind_message", None) or str(error)
            self.messages.tell("Settings were not saved", detail, problem=True)
            return
        self.settings = self.store.settings()
        self.caseload.settings = self.settings.journey
        self.show_caseload()

    def show_guides(self) -> None:
        try:
            from ..guides_view import GuidesWindow
        except ImportError:
            self.messages.tell("Guides", "The guides are not available in this version.")
            return
        self._guides = GuidesWindow(messages=self.messages)
        self._guides.show()

    def make_cards_and_certificates(self) -> None:
        """Every card and certificate for the visits and panels in a date range, in one go."""
        from .batch_dialog import BatchDialog

        BatchDialog(self.store, self.today, self.messages, parent=self).exec()

    def receive_returned_forms(self) -> None:
        """Forms partners and carers sent back by email, each filed against its own child."""
        from .returned_forms_window import ReturnedFormsWindow

        ReturnedFormsWindow(self.store, self.today, parent=self).exec()

    def show_about(self) -> None:
        from ..about import show_about

        show_about(self)

    # For tests and the start-up benchmark: what a user sees in the list.
    def caseload_names(self) -> list[str]:
        return self.caseload.visible_names()
