"""Builds the QApplication, asks for the passphrase, opens the data folder and shows the worker
window (the idle lock hides it again when the laptop is left)."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from .storage.data_folder import resolve_data_dir
from .ui.messages import UserMessages
from .ui.worker_style import apply_worker_theme

if TYPE_CHECKING:
    from .storage.caseload import CaseloadStore
    from .storage.crash_safe import DamagedDatabase
    from .storage.crypto import FolderKey

# Set by the start-up benchmark: quit as soon as the first screen has been shown and painted.
EXIT_WHEN_READY = "LASTING_HOME_EXIT_WHEN_READY"

# What unlocking goes on to import (the cipher, the store, the worker window and what its first
# paint reads), loaded while the unlock screen waits for the passphrase.
LOAD_AHEAD = (
    "lasting_home_desktop.storage.folder_sealing",
    "cryptography.hazmat.primitives.ciphers.aead",
    "lasting_home_desktop.storage.caseload",
    "lasting_home_desktop.storage.folder_opening",
    "lasting_home_desktop.storage.status_facts",
    "lasting_home_desktop.storage.child_voice",
    "lasting_home_desktop.domain.child_voice",
    "lasting_home_desktop.domain.bank_holidays_table",
    "lasting_home_desktop.ui.worker.main_window",
    "lasting_home_desktop.ui.worker.trust_menu",
    "lasting_home_desktop.ui.worker.team_runner",
)


def open_store(
    folder: Path, messages: UserMessages, key: FolderKey | None = None
) -> CaseloadStore | None:
    """Open the data folder, explaining any problem kindly; None means the app should stop.
    What opening did by itself (an encryption finished, a deletion completed, a key file made
    again) is told once."""
    # The store is imported once the folder is unlocked (or while the unlock screen waits):
    # the unlock screen comes up without it.
    from .storage.caseload import CaseloadStore
    from .storage.crash_safe import DamagedDatabase
    from .storage.crypto import FolderLocked
    from .storage.lock import FolderInUse
    from .storage.migrations import NewerSchema
    from .storage.safe_files import StorageWriteError

    try:
        store = CaseloadStore.open(folder, key=key)
    except FolderLocked as error:
        messages.tell("Lasting Home needs its passphrase", error.kind_message, problem=True)
    except FolderInUse as error:
        messages.tell("Lasting Home is already open", str(error), problem=True)
    except NewerSchema as error:
        messages.tell("This data needs a newer Lasting Home", str(error), problem=True)
    except StorageWriteError as error:
        messages.tell("Lasting Home could not open its data", error.kind_message, problem=True)
    except DamagedDatabase as error:
        return _offer_restore(folder, error, messages, key)
    except OSError as error:  # a file the computer will not let Lasting Home read or write
        from .storage.safe_files import describe_write_error

        where = Path(error.filename) if error.filename else folder / "lasting-home.json"
        messages.tell(
            "Lasting Home could not open its data", describe_write_error(error, where), problem=True
        )
    else:
        if store.notes:
            messages.tell("Lasting Home has looked after your data", "\n\n".join(store.notes))
        return store
    return None


def _offer_restore(
    folder: Path, error: DamagedDatabase, messages: UserMessages, key: FolderKey | None = None
) -> CaseloadStore | None:
    from .storage.backups import BACKUP_FOLDER, DatabaseBackups, describe_backup
    from .storage.folder_health import NoGoodBackup, restore_newest_backup
    from .storage.lock import FolderInUse
    from .storage.safe_files import StorageWriteError

    good = DatabaseBackups(folder / BACKUP_FOLDER, error.path, key=key).newest_good()
    what = f"The saved data in {error.path} could not be opened: {error.reason}."
    if good is None:
        messages.tell(
            "Your saved data could not be opened",
            f"{what} Nothing has been changed or overwritten, and there is no backup to go "
            "back to. Please ask your IT support to look at the file.",
            problem=True,
        )
        return None
    if not messages.ask(
        "Your saved data could not be opened",
        f"{what} Nothing has been changed or overwritten.\n\nThe newest good backup is from "
        f"{describe_backup(good)}. Restore it? The damaged file is kept aside, so nothing is "
        "thrown away; changes made after the backup will need to be entered again.",
        yes="Restore the backup",
        no="Close Lasting Home",
    ):
        return None
    try:
        restore_newest_backup(folder, key, _login_name(), even_if_sound=True)
    except (FolderInUse, NoGoodBackup, StorageWriteError, OSError) as problem:
        detail = getattr(problem, "kind_message", None) or str(problem)
        messages.tell("The backup was not restored", detail, problem=True)
        return None
    return open_store(folder, messages, key)


def _add_example_children(store: CaseloadStore, today: dt.date) -> object:
    # Imported only when a new user asks for examples: it brings the demo content with it.
    from .storage.example_caseload import add_example_children

    return add_example_children(store, today)


def run_app(
    data_dir: Path | None = None,
    demo: bool = False,
    demo_passphrase: str | None = None,
    passphrase: str | None = None,
) -> int:
    """Open the app on a data folder; returns the process exit code. The unlock screen comes
    first; a `passphrase` given on the command line unlocks straight away if it fits."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lasting Home")
    app.setApplicationDisplayName("Lasting Home")
    apply_worker_theme(app)
    messages = UserMessages()
    today = dt.date.today()

    from .ui.app_session import AppSession

    def build_window(store: CaseloadStore) -> QWidget:
        from .ui.worker.main_window import WorkerWindow
        from .ui.worker.trust_menu import TrustMenu

        window = WorkerWindow(
            store,
            today=today,
            messages=messages,
            example_children=_add_example_children,
            title_note="example children" if demo else "",
            names_first=True,
        )
        TrustMenu(window, session, messages)
        return window

    session = AppSession(
        resolve_data_dir(data_dir),
        messages,
        open_store,
        build_window,
        demo_passphrase=demo_passphrase,
        load_ahead=LOAD_AHEAD,
    )
    failed: list[bool] = []
    session.failed.connect(lambda: (failed.append(True), app.exit(1)))
    # Logging off or shutting down with typing not saved: it is kept as drafts.
    app.commitDataRequest.connect(session.session_ending)
    if not (passphrase and session.unlock_with(passphrase, _login_name())):
        session.show_unlock()
    if failed:
        return 1
    if os.environ.get(EXIT_WHEN_READY):
        _exit_when_ready(app, session.window)
    try:
        code = app.exec()
        return 1 if failed else code
    finally:
        session.close()


def _exit_when_ready(app: QApplication, window: QWidget | None) -> None:
    """Quit once the first screen has been painted; the worker window only once it also
    says who needs attention (it shows the children's names first)."""

    def quit_soon() -> None:
        # exit() rather than quit(): quit() posts a Quit event that can arrive after exec()
        # has returned and end the next event loop at once.
        QTimer.singleShot(0, functools.partial(app.exit, 0))

    caseload = getattr(window, "caseload", None)
    if caseload is not None and caseload.waiting:
        window.caseloadReady.connect(quit_soon)
    else:
        quit_soon()


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
