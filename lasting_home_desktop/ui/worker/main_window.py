"""The worker window: caseload and child's page side by side (with "This week" when no child
is open), the tracker, the panel agendas, settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from ...domain.child import ChildRecord, RecordProblem
from ...domain.this_week import due_this_week
from ...domain.tracker import tracker_rows
from ...storage.caseload import CaseloadStore
from ...storage.safe_files import StorageWriteError
from ...storage.status_facts import status_facts
from ..clash_chooser import ClashChooser
from ..messages import UserMessages
from ..screen_fit import SharedSplitter, fit_main_window
from .caseload_view import CaseloadView
from .first_start import FirstStartPanel
from .this_week_view import ThisWeekPanel
from .window_guard import WindowGuard
from .window_menus import build_actions, shortcuts_text

if TYPE_CHECKING:
    from .child_form import ChildForm
    from .child_page import ChildPage
    from .panel_agenda_view import PanelAgendaView
    from .pdf_output import PdfOutput
    from .tracker_view import TrackerView

FIRST_START_DONE = "first_start_done"
ExampleChildren = Callable[[CaseloadStore, dt.date], object]
PREFERRED_SIZE = QSize(1280, 800)


class WorkerWindow(QMainWindow):
    """With `names_first` (the app's start-up), the caseload is painted with the children's
    names first, and who needs attention and what is due this week follow just after the first
    paint (for a thousand children, working them out takes longer than the paint itself);
    `caseloadReady` is emitted once they are shown."""

    childShown = Signal(str)  # a child's page was opened (the audit trail notes it)
    caseloadReady = Signal()

    def __init__(
        self,
        store: CaseloadStore,
        today: dt.date,
        messages: UserMessages,
        example_children: ExampleChildren | None = None,
        title_note: str = "",
        clashes: ClashChooser | None = None,
        names_first: bool = False,
    ):
        super().__init__()
        self.clashes = clashes  # None: the real side-by-side dialog
        self.store = store
        self.today = today
        self.messages = messages
        self.example_children = example_children
        self.settings = store.settings()
        self.setWindowTitle("Lasting Home" + (f" ({title_note})" if title_note else ""))
        fit_main_window(self, PREFERRED_SIZE)
        messages.parent = self

        self.caseload = CaseloadView(today, self.settings.journey)
        self.page_area = QStackedWidget()
        # With no child open, the space beside the caseload says what is due this week.
        self.this_week = ThisWeekPanel()
        self.this_week.childOpened.connect(self.open_child)
        self.no_child = self.this_week
        self.page_area.addWidget(self.this_week)
        self.child_page: ChildPage | None = None

        # Two fifths and a bit for the caseload: each reason whole on a 1366-wide laptop.
        split = SharedSplitter(share=0.44, least=520, most=640)
        split.addWidget(self.caseload)
        split.addWidget(self.page_area)
        split.setStretchFactor(1, 2)
        self._tracker: TrackerView | None = None
        self._panel_agendas: PanelAgendaView | None = None
        self._pdf_output: PdfOutput | None = None
        self.first_start = FirstStartPanel()

        self.screens = QStackedWidget()
        for screen in (self.first_start, split):
            self.screens.addWidget(screen)
        self.caseload_screen = split
        self.setCentralWidget(self.screens)
        self.menu_actions = build_actions(self, self._action_slots())

        self.caseload.childSelected.connect(self.show_child)
        self.caseload.addRequested.connect(self.add_child)
        self.caseload.archiveRequested.connect(self.set_archived)
        self.first_start.exampleChosen.connect(self.add_example_children)
        self.first_start.emptyChosen.connect(self.start_empty)

        if store.is_empty and not store.folder_value(FIRST_START_DONE):
            self.screens.setCurrentWidget(self.first_start)
        elif names_first:
            self._show_names_first()
        else:
            self.show_caseload()
        self.guard = WindowGuard(self)  # sets self.team too: sharing with the team, once in one

    # -- leaving ---------------------------------------------------------------------------------

    def keep_drafts_now(self) -> bool:
        """Keep every unsaved typing as a draft now (the idle lock, logging off)."""
        return self.guard.keep_drafts_now()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.guard.may_close():
            self.team.stop()
            event.accept()
        else:
            event.ignore()

    @property
    def tracker(self) -> TrackerView:
        """Built the first time it is wanted: start-up shows the caseload only."""
        if self._tracker is None:
            from .team_chart_panel import TeamChartPanel
            from .tracker_view import TrackerView

            self._tracker = TrackerView(self.messages)
            self._tracker.childOpened.connect(self.open_child)
            self._tracker.fileSaved.connect(self._note_saved_file)
            chart = TeamChartPanel(self.pdf_output, self.today, self.settings.journey)
            self._tracker.add_team_chart(chart)
            self._tracker.filtered.connect(
                lambda: chart.show_children(
                    self.tracker.shown_rows(), self.tracker.filters.current().describe()
                )
            )
            self.screens.addWidget(self._tracker)
        return self._tracker

    @property
    def panel_agendas(self) -> PanelAgendaView:
        if self._panel_agendas is None:
            from .panel_agenda_view import PanelAgendaView

            self._panel_agendas = PanelAgendaView(
                self.store, self.today, self.messages, self.pdf_output
            )
            self._panel_agendas.childOpened.connect(self.open_child)
            self.screens.addWidget(self._panel_agendas)
        return self._panel_agendas

    @property
    def pdf_output(self) -> PdfOutput:
        """How service PDFs are printed and saved (tests give their own dialogs)."""
        if self._pdf_output is None:
            from .pdf_output import PdfOutput

            self._pdf_output = PdfOutput(self.store, self.messages)
        return self._pdf_output

    def _note_saved_file(self) -> None:
        from .saved_files import note_unprotected_file

        note_unprotected_file(self.store, self.messages)

    # -- navigation ----------------------------------------------------------------------------

    def _action_slots(self) -> dict[str, Callable[[], object]]:
        return {
            "add_child": self.add_child,
            "export_tracker": self.export_tracker,
            "cards": self.make_cards_and_certificates,
            "receive_forms": self.receive_returned_forms,
            "quit": self.close,
            "caseload": self.show_caseload,
            "tracker": self.show_tracker,
            "this_week": self.show_this_week,
            "team_chart": self.show_team_chart,
            "panel_agendas": self.show_panel_agendas,
            "find": self.find_child,
            "settings": self.edit_settings,
            "guides": self.show_guides,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }

    def show_caseload(self) -> None:
        self._refresh_caseload()
        self.screens.setCurrentWidget(self.caseload_screen)

    def _refresh_caseload(self) -> None:
        """The caseload and "This week", from what the store holds now."""
        facts = status_facts(self.store)
        self.caseload.set_children(self.store.children(include_archived=True), facts)
        due = due_this_week(self.caseload.statuses, self.today, self.settings.journey)
        self.this_week.show_items(due, self.today)
        self.caseloadReady.emit()

    def _show_names_first(self) -> None:
        """The caseload by name, "This week" and every status saying they are being worked
        out (never "none" meanwhile); the caseload calls for the rest once it is painted."""
        self.caseload.show_waiting(self.store.children(), self._refresh_caseload)
        self.this_week.show_waiting()
        self.screens.setCurrentWidget(self.caseload_screen)

    def show_tracker(self) -> None:
        facts = status_facts(self.store)
        rows = tracker_rows(self.store.children(), self.today, self.settings.journey, facts)
        self.tracker.set_rows(rows)
        self.tracker.tabs.setCurrentIndex(0)
        self.screens.setCurrentWidget(self.tracker)

    def show_team_chart(self) -> None:
        self.show_tracker()
        if self.tracker.team_chart_tab is not None:
            self.tracker.tabs.setCurrentWidget(self.tracker.team_chart_tab)

    def export_tracker(self) -> None:
        self.show_tracker()
        self.tracker.export_csv()

    def show_panel_agendas(self) -> None:
        self.panel_agendas.reload()
        self.screens.setCurrentWidget(self.panel_agendas)

    def show_this_week(self) -> None:
        """Back to the caseload with "This week" beside it (asking first about unsaved typing)."""
        self.show_caseload()
        if self.child_page is not None:
            if not self._may_leave_page():
                return
            self.page_area.removeWidget(self.child_page)
            self.child_page.deleteLater()
            self.child_page = None
            self.caseload.table.clearSelection()
        self.page_area.setCurrentWidget(self.this_week)

    def find_child(self) -> None:
        self.show_caseload()
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def show_shortcuts(self) -> None:
        self.messages.tell("Keyboard shortcuts", shortcuts_text())

    def open_child(self, child_id: str) -> None:
        self.show_caseload()
        if not self.caseload.select(child_id, emit=False):
            self.caseload.show_archived.setChecked(True)
            self.caseload.select(child_id, emit=False)
        if self.child_page is None or self.child_page.child_id != child_id:
            self.show_child(child_id)  # the page already open shows what is stored now

    def show_child(self, child_id: str) -> bool:
        """Open a child's page; False if the worker chose to stay with unsaved changes."""
        from .child_page import ChildPage  # its parts pull in together mode, drawing...
        from .sections import CHILD_SECTIONS

        if self.child_page is not None:
            if not self._may_leave_page():
                return False
            self.page_area.removeWidget(self.child_page)
            self.child_page.deleteLater()
        self.child_page = ChildPage(
            self.store,
            child_id,
            self.today,
            self.settings.journey,
            self.messages,
            CHILD_SECTIONS,
            clashes=self.clashes,
        )
        self.child_page.editRequested.connect(self.edit_child)
        self.child_page.recordChanged.connect(self._record_changed)
        self.page_area.addWidget(self.child_page)
        self.page_area.setCurrentWidget(self.child_page)
        self.childShown.emit(child_id)
        return True

    def _may_leave_page(self) -> bool:
        """Typed changes are never lost when another child is opened."""
        if self.guard.may_leave(self.child_page, "Leave {name}'s page with typing not saved?"):
            return True
        self.caseload.select(self.child_page.child_id, emit=False)
        return False

    def _record_changed(self, child_id: str) -> None:
        self._refresh_caseload()

    # -- changes ---------------------------------------------------------------------------------

    def add_child(self) -> None:
        form = self._child_form(None)
        if form.exec() and form.saved is not None:
            self.store.save_folder_value(FIRST_START_DONE, True)
            self.open_child(form.saved.id)

    def edit_child(self, child_id: str) -> None:
        # The page, caseload and tracker follow the store's change notices: nothing to redo.
        self._child_form(self.store.child(child_id)).exec()

    def _child_form(self, child: ChildRecord | None) -> ChildForm:
        from .child_form import ChildForm
        from .child_form_keeping import keep_child_form

        form = ChildForm(
            self.today, lambda record: self.store.add_child(record, self.today), child, self
        )
        keep_child_form(form, self.store, self.messages, self.clashes)
        self.child_form = form  # for tests and the idle lock's drafts
        return form

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
