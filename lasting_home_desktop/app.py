"""Builds the QApplication, opens the data folder and shows the worker window."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .storage.caseload import CaseloadStore
from .storage.crash_safe import DamagedDatabase
from .storage.data_folder import resolve_data_dir
from .storage.lock import DataFolderLock, FolderInUse
from .storage.migrations import NewerSchema
from .storage.safe_files import StorageWriteError
from .ui.messages import UserMessages
from .ui.theme import apply_worker_theme

# Set by the start-up benchmark: quit as soon as the caseload has been shown and painted.
EXIT_WHEN_READY = "LASTING_HOME_EXIT_WHEN_READY"


def open_store(folder: Path, messages: UserMessages) -> CaseloadStore | None:
    """Open the data folder, explaining any problem kindly; None means the app should stop."""
    try:
        return CaseloadStore.open(folder)
    except FolderInUse as error:
        messages.tell("Lasting Home is already open", str(error), problem=True)
    except NewerSchema as error:
        messages.tell("This data needs a newer Lasting Home", str(error), problem=True)
    except StorageWriteError as error:
        messages.tell("Lasting Home could not open its data", error.kind_message, problem=True)
    except DamagedDatabase as error:
        return _offer_restore(folder, error, messages)
    return None


def _offer_restore(
    folder: Path, error: DamagedDatabase, messages: UserMessages
) -> CaseloadStore | None:
    from .storage.backups import BACKUP_FOLDER, DatabaseBackups

    backups = DatabaseBackups(folder / BACKUP_FOLDER, error.path)
    good = backups.newest_good()
    what = f"The saved data in {error.path} could not be opened: {error.reason}."
    if good is None:
        messages.tell(
            "Your saved data could not be opened",
            f"{what} Nothing has been changed or overwritten, and there is no backup to go "
            "back to. Please ask your IT support to look at the file.",
            problem=True,
        )
        return None
    taken = dt.datetime.fromtimestamp(good.stat().st_mtime).strftime("%d/%m/%Y at %H:%M")
    if not messages.ask(
        "Your saved data could not be opened",
        f"{what} Nothing has been changed or overwritten.\n\nThe newest good backup is from "
        f"{taken}. Restore it? The damaged file is kept aside, so nothing is thrown away; "
        "changes made after the backup will need to be entered again.",
        yes="Restore the backup",
        no="Close Lasting Home",
    ):
        return None
    try:
        with DataFolderLock(folder):
            backups.restore_newest()
    except (FolderInUse, StorageWriteError, OSError) as problem:
        detail = getattr(problem, "kind_message", None) or str(problem)
        messages.tell("The backup was not restored", detail, problem=True)
        return None
    return open_store(folder, messages)


def _add_example_children(store: CaseloadStore, today: dt.date) -> object:
    # Imported only when a new user asks for examples: it brings the demo content with it.
    from .storage.example_caseload import add_example_children

    return add_example_children(store, today)


def run_app(data_dir: Path | None = None, demo: bool = False) -> int:
    """Open the app on a data folder; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lasting Home")
    app.setApplicationDisplayName("Lasting Home")
    apply_worker_theme(app)
    messages = UserMessages()
    store = open_store(resolve_data_dir(data_dir), messages)
    if store is None:
        return 1

    from .storage.adults import AdultRecords
    from .ui.worker.main_window import WorkerWindow

    today = dt.date.today()
    window = WorkerWindow(
        store,
        today=today,
        messages=messages,
        example_children=_add_example_children,
        extra_flags=lambda opened: AdultRecords(opened).tracker_extra_flags(today),
        title_note="example children" if demo else "",
    )
    window.show()
    if os.environ.get(EXIT_WHEN_READY):
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        store.close()
