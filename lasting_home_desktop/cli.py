"""The command line: open the app, or one task for a script (example children, import, tracker,
check, restore).

An encrypted data folder needs its passphrase: from --passphrase-file FILE, the
LASTING_HOME_PASSPHRASE variable, or a prompt when run in a terminal. A folder without a
passphrase yet (made before encryption, or by a script) is used as it is until the app first
opens it; giving a passphrase to a task on such a folder sets it up encrypted.

Every task either finishes completely or changes nothing, and any problem is one plain line on
stderr with a non-zero exit. Only opening the app imports Qt.

To add a task: write `_name(args) -> int` and `_name_options(parser)`, and add one line to TASKS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import APP_NAME, __version__
from .domain.child import ChildRecord, RecordProblem
from .domain.dates import DateProblem, format_long, parse_date
from .storage.backups import BACKUP_FOLDER, DatabaseBackups
from .storage.caseload import CHILDREN, DATABASE_NAME, CaseloadStore
from .storage.crash_safe import DamagedDatabase, load_database_file
from .storage.crypto import (
    FolderKey,
    FolderLocked,
    SealBroken,
    WeakPassphrase,
    WrongPassphrase,
    is_encrypted_folder,
)
from .storage.data_folder import ENV_VARIABLE, resolve_data_dir
from .storage.lock import DataFolderLock, FolderInUse
from .storage.migrations import SCHEMA_VERSION, NewerSchema, migrate, schema_version
from .storage.safe_files import StorageWriteError, atomic_write

PROGRAM = "lasting-home"
PASSPHRASE_VARIABLE = "LASTING_HOME_PASSPHRASE"
DEFAULT_EXAMPLE_COUNT = 12
MOST_EXAMPLES = 10_000
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandProblem(Exception):
    """Something the person running the command can fix; the message is the one line shown."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage block on a mistake; one clear line is kinder in a script.
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


# -- the tasks ---------------------------------------------------------------------------------


def _demo_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--children",
        type=int,
        default=DEFAULT_EXAMPLE_COUNT,
        metavar="N",
        help=f"how many example children to add (default {DEFAULT_EXAMPLE_COUNT})",
    )
    parser.add_argument("--seed", type=int, help="the same seed gives the same children")
    _today_option(parser)


def _demo_data(args: argparse.Namespace) -> int:
    from .storage.example_caseload import add_example_children

    if not 1 <= args.children <= MOST_EXAMPLES:
        raise CommandProblem(f"--children must be between 1 and {MOST_EXAMPLES:,}.")
    if not getattr(args, "data_dir", None) and not os.environ.get(ENV_VARIABLE, "").strip():
        # Fictional children must never land among real ones by accident.
        raise CommandProblem("Please say which folder with --data-dir DIR.")
    folder = _folder(args)
    seed = args.seed if args.seed is not None else _random_seed()
    with CaseloadStore.open(folder, key=folder_key(args, folder, may_set_up=True)) as store:
        added = add_example_children(store, args.today, count=args.children, seed=seed)
    print(f"Added {len(added):,} fictional example children to {folder}.")
    return 0


def _import_csv_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the CSV file (UTF-8)")
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows even if some rows have problems",
    )
    _today_option(parser)


def _import_csv(args: argparse.Namespace) -> int:
    from .domain.csv_import import drop_already_known, parse_children_csv

    text = _read_text(args.file)
    folder = _folder(args)
    with CaseloadStore.open(folder, key=folder_key(args, folder, may_set_up=True)) as store:
        result = parse_children_csv(text, args.today)
        if result.file_problem:
            raise CommandProblem(f"{args.file}: {result.file_problem} Nothing was imported.")
        result = drop_already_known(result, store.children(include_archived=True))
        for problem in result.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        if result.problems and not args.skip_bad_rows:
            good = len(result.children)
            raise CommandProblem(
                f"Nothing was imported: {_count(result.bad_rows, 'row')} with problems. Fix "
                f"them, or add --skip-bad-rows to import the other {good:,}."
            )
        if not result.children:
            raise CommandProblem(
                f"{args.file} has no new children to import. Nothing was imported."
            )
        store.add_children([item.child for item in result.children], args.today)
    skipped = f"; skipped {_count(result.bad_rows, 'row')} with problems" if result.problems else ""
    print(f"Imported {_count(len(result.children), 'child', 'children')} into {folder}{skipped}.")
    if result.ignored_columns:
        print("Columns not used: " + ", ".join(result.ignored_columns) + ".")
    return 0


def _tracker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv", type=Path, required=True, metavar="FILE", help="where to write the tracker"
    )
    _today_option(parser)


def _tracker(args: argparse.Namespace) -> int:
    from .domain.tracker import tracker_csv_text, tracker_rows
    from .storage.adults import AdultRecords

    folder = _existing_folder(args)
    # Read only, so it works while the app has the folder open.
    with CaseloadStore.open(folder, lock=False, key=folder_key(args, folder)) as store:
        rows = tracker_rows(
            store.children(),
            args.today,
            store.settings().journey,
            extra_flags=AdultRecords(store).tracker_extra_flags(args.today),
        )
    target = args.csv.expanduser()
    if target.is_dir():
        raise CommandProblem(f"{target} is a folder; please give a file name such as tracker.csv.")
    if not target.parent.is_dir():
        raise CommandProblem(f"The folder {target.parent} does not exist.")
    # The BOM tells Excel the file is UTF-8, so Łukasz and Siân arrive intact.
    atomic_write(target, ("\ufeff" + tracker_csv_text(rows)).encode("utf-8"))
    print(f"Wrote the tracker for {_count(len(rows), 'child', 'children')} to {target}.")
    return 0


def _check_options(parser: argparse.ArgumentParser) -> None:
    _today_option(parser)


def _check(args: argparse.Namespace) -> int:
    from .storage.audit import AuditTrail
    from .storage.folder_sealing import plain_files

    folder = _existing_folder(args)
    key = folder_key(args, folder)
    database = folder / DATABASE_NAME
    try:
        tables = load_database_file(database, key)
    except DamagedDatabase as error:
        raise CommandProblem(_damage_message(folder, error, key)) from None
    assert tables is not None  # _existing_folder made sure the file is there
    found_version = schema_version(tables)
    migrate(tables)  # in memory only: check never writes
    problems = _record_problems(tables, args.today)
    audit = AuditTrail(folder, key, read_only=True)
    problems += audit.verify()
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        raise CommandProblem(
            f"{_count(len(problems), 'problem')} found in {folder}. Nothing has been changed; "
            "correct these children in Lasting Home, and ask IT support about any audit problem."
        )
    children = tables.get(CHILDREN, {})
    archived = sum(1 for doc in children.values() if doc.get("archived"))
    backups = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key)
    newest = backups.newest_good()
    backup_text = f"newest good backup from {_backup_time(newest)}" if newest else "no backup yet"
    if key is None:
        protection = "not encrypted yet (it will be when Lasting Home next opens it)"
    else:
        plain = len(plain_files(folder))
        protection = "encrypted" + (f" except {_count(plain, 'file')}" if plain else "")
    entries = len(audit.entries())
    audit_text = (
        f"audit trail of {_count(entries, 'entry', 'entries')} whole"
        if entries
        else ("no audit entries yet")
    )
    upgrade = (
        f" (it will be brought up to data version {SCHEMA_VERSION} when the app next opens it)"
        if found_version < SCHEMA_VERSION
        else ""
    )
    print(
        f"The data in {folder} is sound: {_count(len(children), 'child', 'children')} "
        f"({archived:,} archived), data version {found_version}{upgrade}, {backup_text}; "
        f"{protection}; {audit_text}."
    )
    return 0


def _restore_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--even-if-sound",
        action="store_true",
        help="restore even though the current data can be read (it is kept aside)",
    )


def _restore(args: argparse.Namespace) -> int:
    folder = _existing_folder(args, need_database=False)
    key = folder_key(args, folder)
    database = folder / DATABASE_NAME
    backups = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key)
    # Holding the lock means the app cannot be writing while the backup goes back.
    with DataFolderLock(folder):
        good = backups.newest_good()
        if good is None:
            raise CommandProblem(
                f"There is no good backup in {folder / BACKUP_FOLDER} to restore from. "
                "Nothing has been changed."
            )
        if database.exists() and database.read_bytes() == good.read_bytes():
            print(f"The data already matches the newest backup ({_backup_time(good)}).")
            return 0
        if not args.even_if_sound and _is_sound(database, key):
            # Going back would drop changes made since the backup: only on purpose.
            raise CommandProblem(
                f"The data in {folder} can be read, so it was not replaced. To go back to the "
                f"backup from {_backup_time(good)} anyway, add --even-if-sound."
            )
        used, kept_aside = backups.restore_newest()
        record_in_audit(folder, key, "restored", "", f"From the backup of {_backup_time(used)}")
    aside = f" The file it replaced is kept as {kept_aside}." if kept_aside else ""
    print(f"Restored the backup from {_backup_time(used)} into {database}.{aside}")
    return 0


def _export_options(parser: argparse.ArgumentParser) -> None:
    from .cli_export import export_options

    export_options(parser)


def _export(args: argparse.Namespace) -> int:
    from .cli_export import export

    return export(args)


EXPORT = (_export_options, _export)


@dataclass(frozen=True)
class Task:
    name: str
    summary: str
    add_options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


TASKS: tuple[Task, ...] = (
    Task("demo-data", "add fictional example children", _demo_data_options, _demo_data),
    Task("import-csv", "add children from a CSV spreadsheet", _import_csv_options, _import_csv),
    Task("tracker", "write the tracker as a CSV spreadsheet", _tracker_options, _tracker),
    Task("check", "check the saved data is sound", _check_options, _check),
    Task("restore", "put back the newest good backup", _restore_options, _restore),
    Task("export", "make a child's documents, or a batch of cards, as PDFs", *EXPORT),
)


# -- the parser and main ---------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROGRAM,
        description=f"{APP_NAME}: open the app, or run one task on a data folder.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _data_dir_option(parser, default=None)
    _passphrase_option(parser, default=None)
    parser.add_argument(
        "--demo", action="store_true", help="open with a fresh folder of fictional children"
    )
    tasks = parser.add_subparsers(dest="task", metavar="TASK", parser_class=_Parser)
    for task in TASKS:
        sub = tasks.add_parser(task.name, help=task.summary, description=task.summary)
        # SUPPRESS keeps a --data-dir given before the task name.
        _data_dir_option(sub, default=argparse.SUPPRESS)
        _passphrase_option(sub, default=argparse.SUPPRESS)
        task.add_options(sub)
        sub.set_defaults(run=task.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.task is None:
            return _open_app(args)
        return int(args.run(args))
    except CommandProblem as problem:
        return _fail(str(problem))
    except FolderInUse as error:
        return _fail(f"{error} Nothing has been changed.")
    except FolderLocked as error:
        return _fail(f"{error.kind_message} {_PASSPHRASE_HOW}")
    except (WrongPassphrase, SealBroken, WeakPassphrase) as error:
        return _fail(error.kind_message)
    except DamagedDatabase as error:
        return _fail(_damage_message(error.path.parent, error))
    except (NewerSchema, RecordProblem) as error:
        return _fail(str(error))
    except StorageWriteError as error:
        return _fail(error.kind_message)
    except KeyboardInterrupt:
        return _fail("Stopped. Nothing was half-saved.")
    except Exception as error:  # a bug, not bad input: still one line, and saves are whole
        return _fail(
            f"Something unexpected went wrong ({type(error).__name__}: {error}). "
            "Nothing was half-saved; please report this."
        )


def _open_app(args: argparse.Namespace) -> int:
    from .app import run_app  # Qt is imported only when a window is wanted

    if not args.demo:
        folder = Path(args.data_dir).expanduser() if args.data_dir else None
        given = given_passphrase(args, resolve_data_dir(folder))
        if given:
            return run_app(folder, False, passphrase=given)
        return run_app(folder, False)
    if args.data_dir:
        raise CommandProblem(
            "--demo uses its own fresh folder of example children; leave out --data-dir."
        )
    import shutil
    import tempfile

    from .storage.example_caseload import add_example_children
    from .storage.folder_sealing import first_passphrase

    folder = Path(tempfile.mkdtemp(prefix="lasting-home-demo-"))
    # Fictional children, encrypted like real ones so the demo shows the unlock screen; the
    # passphrase is shown because the folder is thrown away afterwards.
    passphrase = demo_passphrase()
    try:
        key = first_passphrase(folder, passphrase).key
        with CaseloadStore.open(folder, key=key) as store:
            add_example_children(store, dt.date.today(), seed=_random_seed())
        print(f"The example folder's passphrase is: {passphrase}")
        return run_app(folder, True, demo_passphrase=passphrase)
    finally:
        # Fictional children only: nothing worth keeping once the demo closes.
        shutil.rmtree(folder, ignore_errors=True)


# -- small shared pieces ----------------------------------------------------------------------


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="the data folder (otherwise LASTING_HOME_DATA, or your usual data folder)",
    )


def _passphrase_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=default,
        help=f"read the data folder's passphrase from FILE (or set {PASSPHRASE_VARIABLE}; "
        "otherwise you are asked)",
    )


_PASSPHRASE_HOW = (
    f"Give it with --passphrase-file FILE or the {PASSPHRASE_VARIABLE} variable, or run this "
    "in a terminal to be asked for it."
)


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
    from .storage.folder_sealing import first_passphrase, unlock

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


def demo_passphrase() -> str:
    words = ("apple", "harbour", "kite", "meadow", "pebble", "lantern", "otter", "biscuit")
    picks = [words[b % len(words)] for b in os.urandom(3)]
    return "-".join(picks) + f"-{int.from_bytes(os.urandom(2), 'big') % 100:02d}"


def record_in_audit(
    folder: Path, key: FolderKey | None, action: str, child_id: str = "", detail: str = ""
) -> None:
    """Note a task's action (an export, a restore) in the folder's audit trail, as done by
    the person logged in to the computer, from the command line."""
    from .storage.audit import AuditTrail

    trail = AuditTrail(folder, key)
    trail.worker = _command_line_worker()
    trail.record(action, child_id, detail)


def _command_line_worker() -> str:
    import getpass

    try:
        return f"{getpass.getuser()} (command line)"
    except (KeyError, OSError):
        return "(command line)"


def _today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_date_argument,
        default=dt.date.today(),
        metavar="DATE",
        help="treat this date (DD/MM/YYYY) as today, for scripts and tests",
    )


def _date_argument(text: str) -> dt.date:
    try:
        day = parse_date(text)
    except DateProblem as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None
    if day is None:
        raise argparse.ArgumentTypeError("please give a date, for example 22/11/2026")
    return day


def _folder(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def _existing_folder(args: argparse.Namespace, need_database: bool = True) -> Path:
    folder = _folder(args)
    if not folder.is_dir():
        raise CommandProblem(f"There is no data folder at {folder}.")
    if need_database and not (folder / DATABASE_NAME).is_file():
        raise CommandProblem(f"There is no Lasting Home data in {folder} yet.")
    return folder


def _read_text(path: Path) -> str:
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


def _is_sound(database: Path, key: FolderKey | None = None) -> bool:
    try:
        return load_database_file(database, key) is not None
    except DamagedDatabase:
        return False


def _record_problems(tables: dict, today: dt.date) -> list[str]:
    lines = []
    for key, doc in tables.get(CHILDREN, {}).items():
        try:
            child = ChildRecord.from_dict(doc)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            lines.append(f"Child record {key} cannot be read ({type(error).__name__}: {error}).")
            continue
        if child.archived:
            continue  # an archived record is kept as it was, not re-checked against today
        try:
            child.validated(today)
        except RecordProblem as problem:
            for text in problem.problems:
                lines.append(f"{child.display_name[:80]} (id {child.id}): {text}")
    return lines


def _damage_message(folder: Path, error: DamagedDatabase, key: FolderKey | None = None) -> str:
    what = f"The data file {error.path} is damaged: {error.reason}. It has not been changed."
    if key is None and is_encrypted_folder(folder):
        # The backups are sealed too: without the key they cannot be looked at here.
        return f"{what} Run `{PROGRAM} restore --data-dir {folder}` to put back a good backup."
    good = DatabaseBackups(folder / BACKUP_FOLDER, folder / DATABASE_NAME, key=key).newest_good()
    if good is None:
        return f"{what} There is no good backup to go back to; please ask IT support for help."
    return (
        f"{what} Run `{PROGRAM} restore --data-dir {folder}` to put back the backup from "
        f"{_backup_time(good)}."
    )


def _backup_time(path: Path) -> str:
    """From the backup's name (lasting-home-YYYYMMDD-HHMMSS-micro.json): '22 November 2026 at
    14:03'. The file's own time is the fallback."""
    try:
        stamp = dt.datetime.strptime("-".join(path.stem.split("-")[2:4]), "%Y%m%d-%H%M%S")
    except ValueError:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return f"{format_long(stamp.date())} at {stamp:%H:%M}"


def _random_seed() -> int:
    # os.urandom rather than secrets: secrets loads OpenSSL, which slows the app's start.
    return int.from_bytes(os.urandom(4), "big")


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def _fail(message: str) -> int:
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    return EXIT_PROBLEM
