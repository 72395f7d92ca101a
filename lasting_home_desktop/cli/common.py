"""What every command-line task shares: the one-line problem, the data folder and passphrase
options, dates, counting words, and noting a task in the audit trail."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.dates import DateProblem, parse_date
from ..storage.crypto import DEFAULT_COST, FolderKey, FolderLocked, ScryptCost, WrongPassphrase
from ..storage.data_folder import resolve_data_dir
from ..storage.file_roles import DATABASE_NAME
from ..storage.key_file import is_encrypted_folder

if TYPE_CHECKING:  # opening the app reads this module: the store is loaded once unlocked
    from ..domain.child import ChildRecord
    from ..storage.caseload import CaseloadStore

PROGRAM = "lasting-home"
PASSPHRASE_VARIABLE = "LASTING_HOME_PASSPHRASE"
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandProblem(Exception):
    """Something the person running the command can fix; the message is the one line shown."""


class Parser(argparse.ArgumentParser):
    # argparse prints the whole usage block on a mistake; one clear line is kinder in a script.
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


@dataclass(frozen=True)
class Task:
    """One task: `lasting-home NAME ...`. `add_options(parser)` adds its own options and `run`
    does it, returning the exit code (or raising CommandProblem)."""

    name: str
    summary: str
    add_options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- options -------------------------------------------------------------------------------------


def data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="the data folder (otherwise LASTING_HOME_DATA, or your usual data folder)",
    )


def passphrase_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=default,
        help=f"read the data folder's passphrase from FILE (or set {PASSPHRASE_VARIABLE}; "
        "otherwise you are asked)",
    )


def today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=date_argument,
        default=dt.date.today(),
        metavar="DATE",
        help="treat this date (DD/MM/YYYY) as today, for scripts and tests",
    )


def date_argument(text: str) -> dt.date:
    try:
        day = parse_date(text)
    except DateProblem as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None
    if day is None:
        raise argparse.ArgumentTypeError("please give a date, for example 22/11/2026")
    return day


# -- the folder and its key ------------------------------------------------------------------------

PASSPHRASE_HOW = (
    f"Give it with --passphrase-file FILE or the {PASSPHRASE_VARIABLE} variable, or run this "
    "in a terminal to be asked for it."
)


def folder_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def existing_folder(args: argparse.Namespace, need_database: bool = True) -> Path:
    folder = folder_of(args)
    if not folder.is_dir():
        raise CommandProblem(f"There is no data folder at {folder}.")
    if need_database and not (folder / DATABASE_NAME).is_file():
        raise CommandProblem(f"There is no Lasting Home data in {folder} yet.")
    return folder


def read_secret_file(path: Path, what: str) -> str:
    """A passphrase or recovery key kept in a file (a trailing newline is fine)."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandProblem(f"There is no {what} file at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CommandProblem(f"The {what} file {path} could not be read ({error}).") from None
    secret = text.rstrip("\r\n")
    if not secret:
        raise CommandProblem(f"The {what} file {path} is empty.")
    return secret


def given_passphrase(args: argparse.Namespace, folder: Path) -> str | None:
    """The passphrase from --passphrase-file, then LASTING_HOME_PASSPHRASE; None if neither
    (an empty variable is mentioned, not silently passed over)."""
    path = getattr(args, "passphrase_file", None)
    if path is not None:
        return read_secret_file(path, "passphrase")
    env = os.environ.get(PASSPHRASE_VARIABLE)
    if env:
        return env
    if env is not None:
        print(
            f"{PROGRAM}: {PASSPHRASE_VARIABLE} is set but empty, so it was not used.",
            file=sys.stderr,
        )
    return None


# The work a new passphrase is wrapped with (set-up and `recover`); tests make it cheaper.
NEW_PASSPHRASE_COST: ScryptCost = DEFAULT_COST

NEW_FOLDER_NEEDS_PASSPHRASE = (
    "A new data folder is encrypted from its first save, so it needs a passphrase. Give one "
    f"with --passphrase-file FILE or the {PASSPHRASE_VARIABLE} variable, or run this in a "
    "terminal to choose one. Nothing has been written."
)


def folder_key(
    args: argparse.Namespace, folder: Path, may_set_up: bool = False
) -> FolderKey | None:
    """The key for an encrypted folder (asking in a terminal if it was not given), after the
    same wait as the app once wrong passphrases have been typed. With `may_set_up`, a
    passphrase given for a folder without one sets it up encrypted and prints its recovery
    key once; a new folder is never written without one. None for an old plain folder."""
    if not is_encrypted_folder(folder):
        passphrase = given_passphrase(args, folder) if may_set_up else None
        if passphrase is None:
            if not may_set_up or (folder / DATABASE_NAME).is_file():
                return None  # made before encryption: the app encrypts it when it opens it
            passphrase = _choose_new_passphrase(folder)
        return _set_up(folder, passphrase)
    passphrase = given_passphrase(args, folder)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise FolderLocked(folder)
        import getpass

        wait_for_tries(folder)
        passphrase = getpass.getpass(f"Passphrase for {folder}: ")
    return unlock_counting(folder, passphrase)


def _choose_new_passphrase(folder: Path) -> str:
    if not sys.stdin.isatty():
        raise CommandProblem(NEW_FOLDER_NEEDS_PASSPHRASE)
    import getpass

    first = getpass.getpass(f"Choose a passphrase for the new data folder {folder}: ")
    if getpass.getpass("The same passphrase again: ") != first:
        raise CommandProblem("The two passphrases are different. Nothing has been written.")
    return first


def _set_up(folder: Path, passphrase: str) -> FolderKey:
    from ..storage.folder_sealing import FREED_SPACE_NOTE, first_passphrase
    from ..storage.key_file import AlreadySetUp

    try:
        created = first_passphrase(folder, passphrase, NEW_PASSPHRASE_COST)
    except AlreadySetUp:
        return unlock_counting(folder, passphrase)  # another task set it up a moment ago
    print(
        f"{folder} is now encrypted with that passphrase. Its recovery key (shown only "
        f"this once; keep it somewhere safe, away from the laptop): {created.recovery_key}"
    )
    if created.had_plain_data:
        print(f"{PROGRAM}: {FREED_SPACE_NOTE}", file=sys.stderr)
    return created.key


KEY_FILES_GONE = (
    "The key file of {folder} and its copy in backups are both missing, and the passphrase "
    "and the recovery key open the data only through them. Nothing has been changed. If you "
    "have a copy of the whole folder from before, ask IT support to put back its "
    "lasting-home.key.json."
)


def wait_for_tries(folder: Path) -> None:
    """Refuse (without trying) while the wait after wrong passphrases is not over."""
    from ..storage.unlock_tries import TAMPERED, UnlockTries

    tries = UnlockTries(folder)
    left = tries.seconds_to_wait()
    if left:
        why = f"{TAMPERED} " if tries.tampered else ""
        raise CommandProblem(
            f"{why}Wrong passphrases have been tried for {folder}: to keep the data safe, "
            f"please wait {left // 60}:{left % 60:02d} before trying again."
        )


def unlock_counting(folder: Path, secret: str, *, recovery: bool = False) -> FolderKey:
    """Unlock with the passphrase (or recovery key), counting wrong tries as the app does."""
    from ..storage.folder_sealing import unlock, unlock_by_recovery_key
    from ..storage.unlock_tries import UnlockTries

    wait_for_tries(folder)
    tries = UnlockTries(folder)
    try:
        key = unlock_by_recovery_key(folder, secret) if recovery else unlock(folder, secret)
    except FileNotFoundError:
        raise CommandProblem(KEY_FILES_GONE.format(folder=folder)) from None
    except WrongPassphrase:
        wait = tries.failed()
        what = "recovery key" if recovery else "passphrase"
        later = f" Please wait {wait // 60}:{wait % 60:02d} before the next try." if wait else ""
        raise CommandProblem(
            f"That {what} does not open this data folder. Nothing has been changed.{later}"
        ) from None
    tries.succeeded()
    return key


def print_notes(notes: list[str]) -> None:
    """What opening the folder did by itself (an encryption finished, a deletion completed)."""
    for note in notes:
        print(f"{PROGRAM}: {note}", file=sys.stderr)


def record_in_audit(
    folder: Path, key: FolderKey | None, action: str, child_id: str = "", detail: str = ""
) -> None:
    """Note a task's action (an export, a restore) in the folder's audit trail, as done by
    the person logged in to the computer, from the command line."""
    from ..storage.audit import AuditTrail

    trail = AuditTrail(folder, key)
    trail.worker = command_line_worker()
    trail.record(action, child_id, detail)


def command_line_worker() -> str:
    import getpass

    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):
        return "(command line)"


# -- small pieces ------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    try:
        raw = path.expanduser().read_bytes()
    except FileNotFoundError:
        raise CommandProblem(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise CommandProblem(f"{path} is a folder, not a CSV file.") from None
    except OSError as error:
        raise CommandProblem(f"{path} could not be read ({error.strerror or error}).") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandProblem(
            f"{path} is not saved as UTF-8 text. In Excel choose Save As, then "
            "'CSV UTF-8 (Comma delimited)', and try again. Nothing was imported."
        ) from None


def random_seed() -> int:
    # os.urandom rather than secrets: secrets loads OpenSSL, which slows the app's start.
    return int.from_bytes(os.urandom(4), "big")


def count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def fail(message: str) -> int:
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    return EXIT_PROBLEM


def one_child(store: CaseloadStore, text: str) -> ChildRecord:
    """The one child an id, or a first, preferred or full name (any case), means; otherwise a
    CommandProblem (with several matches, each is listed by id first)."""
    matches = find_children(store.children(include_archived=True), text)
    if not matches:
        raise CommandProblem(f"No child matches {text!r}. Try their id or full name.")
    if len(matches) > 1:
        for child in matches:
            print(f"  {child.id}  {child.display_name}", file=sys.stderr)
        raise CommandProblem(
            f"{len(matches)} children match {text!r} (listed above); give the id instead."
        )
    return matches[0]


def find_children(children: list[ChildRecord], text: str) -> list[ChildRecord]:
    """The children an id or a first, preferred or full name means (exact, any case)."""
    wanted = text.strip().casefold()
    by_id = [c for c in children if c.id == text.strip()]
    if by_id:
        return by_id
    return [
        c
        for c in children
        if wanted
        in {
            c.first_name.strip().casefold(),
            c.preferred_name.strip().casefold(),
            c.full_name.casefold(),
            c.display_name.casefold(),
        }
    ]
