"""The worker window's "Records and safety" menu: hand a child's record over, receive one,
delete one for good, read the audit trail, lock now, and choose when the idle lock comes on.

It is added to the window from outside (the app wires it), and records in the audit trail
that a child's record was opened. Dialogs are run through `run_dialog` and files chosen
through `choose_*`, so tests can stand in for the person at the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QToolBar, QToolButton, QWidget

from ...storage.caseload import CaseloadStore, ChildNotFound
from ...storage.child_removal import delete_child_record
from ...storage.handover import (
    HandoverProblem,
    check_password,
    read_handover,
    receive_handover,
    write_handover,
)
from ...storage.safe_files import StorageWriteError
from ..idle_lock import LONGEST_MINUTES, SHORTEST_MINUTES
from ..messages import UserMessages
from .audit_view import AuditView
from .handover_dialog import (
    DeleteRecordDialog,
    HandoverPasswordDialog,
    choose_handover_source,
    choose_handover_target,
)
from .saved_files import note_unprotected_file  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from .main_window import WorkerWindow


class LockControl(Protocol):
    def lock_now(self) -> None: ...
    def set_idle_minutes(self, minutes: int) -> int: ...

    @property
    def idle(self) -> object: ...


class TrustMenu(QObject):
    def __init__(self, window: WorkerWindow, lock: LockControl, messages: UserMessages):
        super().__init__(window)
        self.window = window
        self.lock = lock
        self.messages = messages
        self.run_dialog: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec())
        self.choose_target: Callable[..., Path | None] = choose_handover_target
        self.choose_source: Callable[[QWidget], Path | None] = choose_handover_source
        self.ask_minutes: Callable[[int], int | None] = self._ask_minutes
        self.last_dialog: QDialog | None = None
        self.menu = QMenu("Records and safety", window)
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("hand_over", "Hand over this child's record…", self.hand_over),
            ("receive", "Receive a handed-over record…", self.receive),
            ("delete", "Delete this child's record…", self.delete_record),
            (None, "", None),
            ("audit", "Audit trail (for the Team Manager)…", self.show_audit),
            (None, "", None),
            ("lock", "Lock now", lock.lock_now),
            ("idle", "Lock after being left…", self.choose_idle_minutes),
            ("passphrase", "Change the passphrase…", self.change_passphrase),
        ):
            if key is None:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction(text)
            action.triggered.connect(slot)
            self.actions[key] = action
        self.actions["lock"].setShortcut("Ctrl+L")
        window.addAction(self.actions["lock"])
        button = QToolButton()
        button.setText("Records and safety")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(self.menu)
        bar = window.findChild(QToolBar)
        if bar is not None:
            bar.addSeparator()
            bar.addWidget(button)
        self._watch_child_pages()

    @property
    def store(self) -> CaseloadStore:
        return self.window.store

    # -- who opened which record ---------------------------------------------------------------

    def _watch_child_pages(self) -> None:
        self.window.childShown.connect(self._record_opened)

    def _record_opened(self, child_id: str) -> None:
        self.store.audit.record("opened", child_id)

    def _chosen_child(self) -> str | None:
        page = self.window.child_page
        if page is None:
            self.messages.tell(
                "Choose a child first", "Choose a child in the caseload, then try again."
            )
            return None
        return page.child_id

    # -- hand-over -------------------------------------------------------------------------------

    def hand_over(self) -> None:
        child_id = self._chosen_child()
        if child_id is None:
            return
        child = self.store.child(child_id)
        dialog = HandoverPasswordDialog(
            "Hand over",
            f"{child.display_name}'s whole record (their page, drawings, photos) is saved as "
            "one encrypted file. Choose a password for that file and give it to the receiving "
            "worker separately, by phone, never in the same email as the file.",
            confirm=True,
            check=_password_trouble,
            parent=self.window,
        )
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return
        target = self.choose_target(self.window, child)
        if target is None:
            return
        try:
            write_handover(self.store, child_id, dialog.password.text(), target)
        except (HandoverProblem, StorageWriteError) as error:
            self.messages.tell("The hand-over file was not made", error.kind_message, True)
            return
        if self.messages.ask(
            "Hand-over file saved",
            f"Saved to {target}. Once the receiving worker has opened it, you can delete "
            f"{child.display_name}'s record from this laptop. Delete it now?",
            yes="Delete the record now…",
            no="Keep it for now",
        ):
            self.delete_record()

    def receive(self) -> None:
        source = self.choose_source(self.window)
        if source is None:
            return
        try:
            data = source.read_bytes()
        except OSError as error:
            self.messages.tell(
                "The hand-over file could not be read", f"{source}: {error.strerror}", True
            )
            return

        def trouble(password: str) -> str | None:
            try:
                read_handover(data, password)
            except HandoverProblem as problem:
                return problem.kind_message
            return None

        dialog = HandoverPasswordDialog(
            "Open the hand-over",
            "Type the password the sending worker gave you for this file.",
            confirm=False,
            check=trouble,
            parent=self.window,
        )
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return
        try:
            child = receive_handover(self.store, data, dialog.password.text())
        except (HandoverProblem, StorageWriteError) as error:
            self.messages.tell("The record was not added", error.kind_message, True)
            return
        self.window.show_caseload()
        self.window.open_child(child.id)
        self.messages.tell(
            "Record received",
            f"{child.display_name}'s record is now in your caseload. You can delete the "
            f"hand-over file {source.name}.",
        )

    # -- deletion ------------------------------------------------------------------------------

    def delete_record(self) -> None:
        child_id = self._chosen_child()
        if child_id is None:
            return
        try:
            child = self.store.child(child_id)
        except ChildNotFound:
            return
        dialog = DeleteRecordDialog(child, self.window)
        self.last_dialog = dialog
        if not self.run_dialog(dialog) or not dialog.delete_button.isEnabled():
            return
        self._close_page(child_id)
        try:
            delete_child_record(self.store, child_id)
        except (StorageWriteError, OSError) as error:
            detail = getattr(error, "kind_message", None) or str(error)
            self.messages.tell(
                "The record was not completely deleted",
                f"{detail} Try again: deleting finishes whatever was left.",
                True,
            )
            return
        self.window.show_caseload()
        self.messages.tell(
            "Record deleted",
            f"{child.display_name}'s record, pictures and backup copies have been removed "
            "from this laptop.",
        )

    def _close_page(self, child_id: str) -> None:
        page = self.window.child_page
        if page is not None and page.child_id == child_id:
            self.window.page_area.removeWidget(page)
            page.deleteLater()
            self.window.child_page = None
            self.window.page_area.setCurrentWidget(self.window.no_child)

    # -- audit and lock --------------------------------------------------------------------------

    def show_audit(self) -> AuditView:
        def child_name(child_id: str) -> str:
            try:
                return self.store.child(child_id).display_name
            except ChildNotFound:
                return ""

        view = AuditView(self.store.audit, self.messages, child_name, parent=self.window)
        self.last_dialog = view
        view.show()
        return view

    def change_passphrase(self) -> bool:
        """The worker changes the folder's passphrase; the audit trail records that it was
        changed (never the passphrase)."""
        from .passphrase_dialog import ChangePassphraseDialog

        if self.store.key is None:
            return False
        cost = getattr(self.lock, "cost", None)
        dialog = ChangePassphraseDialog(self.store.folder, self.store.key, parent=self.window)
        if cost is not None:
            dialog.cost = cost
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return False
        self.store.record_done("passphrase-changed")
        self.messages.tell(
            "Passphrase changed",
            "Use the new passphrase from now on. The recovery key has not changed.",
        )
        return True

    def choose_idle_minutes(self) -> None:
        current = int(getattr(self.lock.idle, "minutes", 10))
        chosen = self.ask_minutes(current)
        if chosen is None:
            return
        minutes = self.lock.set_idle_minutes(chosen)
        self.messages.tell(
            "Idle lock",
            f"Lasting Home now locks after {minutes} minute{'s' if minutes != 1 else ''} "
            "without use.",
        )

    def _ask_minutes(self, current: int) -> int | None:
        value, ok = QInputDialog.getInt(
            self.window,
            "Lock after being left",
            f"Lock Lasting Home after this many minutes without use "
            f"({SHORTEST_MINUTES} to {LONGEST_MINUTES}):",
            current,
            SHORTEST_MINUTES,
            LONGEST_MINUTES,
        )
        return value if ok else None


def _password_trouble(password: str) -> str | None:
    try:
        check_password(password)
    except HandoverProblem as problem:
        return problem.kind_message
    return None
