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

from ..domain.child import ChildRecord
from ..domain.dates import DateProblem, parse_date
from ..storage.caseload import DATABASE_NAME, CaseloadStore
from ..storage.crypto import FolderKey, FolderLocked, is_encrypted_folder
from ..storage.data_folder import resolve_data_dir

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


def given_passphrase(args: argparse.Namespace, folder: Path) -> str | None:
    """The passphrase from --passphrase-file, then LASTING_HOME_PASSPHRASE; None if neither."""
    path = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            text = Path(path).expanduser().read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandProblem(f"There is no passphrase file at {path}.") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandProblem(
                f"The passphrase file {path} could not be read ({error})."
            ) from None
        passphrase = text.rstrip("\r\n")
        if not passphrase:
            raise CommandProblem(f"The passphrase file {path} is empty.")
        return passphrase
    env = os.environ.get(PASSPHRASE_VARIABLE)
    if env:
        return env
    return None


def folder_key(
    args: argparse.Namespace, folder: Path, may_set_up: bool = False
) -> FolderKey | None:
    """The key for an encrypted folder (asking in a terminal if it was not given); None for a
    folder without a passphrase yet. With `may_set_up`, a passphrase given for such a folder
    sets it up encrypted and prints its recovery key once."""
    from ..storage.folder_sealing import first_passphrase, unlock

    if not is_encrypted_folder(folder):
        passphrase = given_passphrase(args, folder) if may_set_up else None
        if passphrase is None:
            return None
        created = first_passphrase(folder, passphrase)
        print(
            f"{folder} is now encrypted with that passphrase. Its recovery key (shown only "
            f"this once; keep it somewhere safe, away from the laptop): {created.recovery_key}"
        )
        return created.key
    passphrase = given_passphrase(args, folder)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise FolderLocked(folder)
        import getpass

        passphrase = getpass.getpass(f"Passphrase for {folder}: ")
    return unlock(folder, passphrase)


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
