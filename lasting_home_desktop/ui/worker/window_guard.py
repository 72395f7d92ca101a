"""What keeps the worker window truthful and careful: its lists follow every save (a tab,
together mode, an import, the team, whose sharing it starts), a deleted child's page closes,
and closing the window, locking or logging off never loses typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from ...storage.changes import RECORD, REMOVED, Change
from ..store_signals import store_signals


class WindowGuard(QObject):
    """Belongs to the worker window (`main_window.WorkerWindow`), which it is given."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.session_ending = False
        # A burst of saves (together mode, an import) is shown once, after the burst.
        self._lists_stale = QTimer(self)
        self._lists_stale.setSingleShot(True)
        self._lists_stale.setInterval(0)
        self._lists_stale.timeout.connect(self._show_lists_again)
        store_signals(window.store).changed.connect(self._store_changed)
        # The team's saves reach the lists like any other; the team also needs the window
        # closing to finish its round first (see may_close's caller).
        from .team_runner import attach_team

        window.team = attach_team(window)

    def _store_changed(self, change: Change) -> None:
        window, page = self.window, self.window.child_page
        gone = change.kind == REMOVED and change.part == RECORD
        if gone and page is not None and page.child_id == change.child_id:
            window.page_area.removeWidget(page)
            page.deleteLater()
            window.child_page = None
            window.page_area.setCurrentWidget(window.no_child)
        self._lists_stale.start()

    def _show_lists_again(self) -> None:
        window = self.window
        window._refresh_caseload()
        tracker = window._tracker
        if tracker is not None and window.screens.currentWidget() is tracker:
            window.show_tracker()

    def keep_drafts_now(self) -> bool:
        """Every unsaved typing kept as a draft now (the idle lock, logging off)."""
        from .part_keeper import PartKeeper

        window = self.window
        kept = window.child_page.keep_drafts_now() if window.child_page is not None else True
        form = getattr(window, "child_form", None)
        if form is not None and form.isVisible():
            keeper = form.findChild(PartKeeper)
            kept = (keeper is None or keeper.keep_draft_now()) and kept
        return kept

    def may_close(self) -> bool:
        """Closing with typed, unsaved changes asks first, as choosing another child does."""
        page = self.window.child_page
        if page is not None and self.session_ending:
            page.keep_drafts_now()  # logging off: nobody to ask, and nothing lost
            return True
        return self.may_leave(page, "Close Lasting Home with typing not saved?", "close")

    def may_leave(self, page: Any, headline: str, going: str = "leave") -> bool:
        """Ask before a page with typing goes (another child, closing): save, keep the typing
        as a draft, or stay. True when it may go."""
        unsaved = page.unsaved_sections() if page is not None else []
        if not unsaved:
            return True
        name = self.window.store.child(page.child_id).known_as
        answer = self.window.messages.choose(
            headline.format(name=name),
            f"{name}'s {', '.join(unsaved)}: you have typed changes that are not saved yet.",
            [f"Save and {going}", f"{going.capitalize()}, keeping it as a draft", "Stay"],
        )
        if answer == 0:
            return all(getattr(page.section(title), "save", lambda: True)() for title in unsaved)
        return answer == 1 and page.keep_drafts_now()
