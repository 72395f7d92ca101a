"""The command line: open the app, or one task for a script (example children, import, tracker,
check, restore, export, team sharing).

An encrypted data folder needs its passphrase: from --passphrase-file FILE, the
LASTING_HOME_PASSPHRASE variable, or a prompt when run in a terminal. A folder without a
passphrase yet (made before encryption, or by a script) is used as it is until the app first
opens it; giving a passphrase to a task on such a folder sets it up encrypted.

Every task either finishes completely or changes nothing, and any problem is one plain line on
stderr with a non-zero exit. Only opening the app imports Qt, and opening the app reads no
task's module (they load the whole store): the unlock screen comes up first.

`recover` sets a new passphrase with the recovery key. After five wrong passphrases each next
try waits longer, as in the app.

To add a task: write a module with `TASKS = (Task(name, summary, add_options, run), ...)` and
add it to `task_modules` in `all_tasks`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .. import APP_NAME, __version__
from .common import (
    PASSPHRASE_HOW,
    PROGRAM,
    CommandProblem,
    Parser,
    Task,
    data_dir_option,
    fail,
    folder_of,
    passphrase_option,
)


@cache
def all_tasks() -> tuple[Task, ...]:
    """Every task, from the modules that define them (imported here, the first time they are
    asked for: opening the app does not need them)."""
    from . import data_tasks, export, folder_tasks, forms_tasks, recover, team_tasks

    task_modules = (data_tasks, folder_tasks, recover, export, forms_tasks, team_tasks)
    return tuple(task for module in task_modules for task in module.TASKS)


def _top_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    data_dir_option(parser, default=None)
    passphrase_option(parser, default=None)
    parser.add_argument(
        "--demo", action="store_true", help="open with a fresh folder of fictional children"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROGRAM,
        description=f"{APP_NAME}: open the app, or run one task on a data folder.",
    )
    _top_options(parser)
    tasks = parser.add_subparsers(dest="task", metavar="TASK", parser_class=Parser)
    for task in all_tasks():
        sub = tasks.add_parser(task.name, help=task.summary, description=task.summary)
        # SUPPRESS keeps a --data-dir given before the task name.
        data_dir_option(sub, default=argparse.SUPPRESS)
        passphrase_option(sub, default=argparse.SUPPRESS)
        task.add_options(sub)
        sub.set_defaults(run=task.run)
    return parser


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The app's own options are read without the tasks; anything more (a task, --help, a
    mistake) goes to the whole parser, which knows every task and says what is wrong."""
    opening = Parser(prog=PROGRAM, add_help=False)
    _top_options(opening)
    args, rest = opening.parse_known_args(argv)
    if rest:
        return build_parser().parse_args(argv)
    args.task = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    try:
        if args.task is None:
            from .open_app import open_app

            return open_app(args)
        return int(args.run(args))
    except KeyboardInterrupt:
        return fail("Stopped. Nothing was half-saved.")
    except Exception as error:  # each kind is told apart in _explain
        return _explain(error, args)


def _explain(error: Exception, args: argparse.Namespace) -> int:
    """One plain line for what went wrong. The storage's problems are imported here, once one
    happens, so opening the app does not load them."""
    from ..domain.child import RecordProblem
    from ..storage.crash_safe import DamagedDatabase
    from ..storage.crypto import FolderLocked, SealBroken, WeakPassphrase, WrongPassphrase
    from ..storage.lock import FolderInUse
    from ..storage.migrations import NewerSchema
    from ..storage.safe_files import StorageWriteError

    if isinstance(error, CommandProblem):
        return fail(str(error))
    if isinstance(error, FolderInUse):
        return fail(f"{error} Nothing has been changed.")
    if isinstance(error, FolderLocked):
        return fail(f"{error.kind_message} {PASSPHRASE_HOW}")
    if isinstance(error, (WrongPassphrase, SealBroken, WeakPassphrase)):
        return fail(error.kind_message)
    if isinstance(error, DamagedDatabase):
        from ..storage.folder_health import damage_message

        return fail(damage_message(error.path.parent, error))
    if isinstance(error, (NewerSchema, RecordProblem)):
        return fail(str(error))
    if isinstance(error, StorageWriteError):
        return fail(error.kind_message)
    if isinstance(error, OSError):  # a folder or file the computer will not let us use
        from ..storage.safe_files import describe_write_error

        where = Path(error.filename) if error.filename else folder_of(args)
        return fail(describe_write_error(error, where))
    # A bug, not bad input: still one line, and saves are whole.
    return fail(
        f"Something unexpected went wrong ({type(error).__name__}: {error}). "
        "Nothing was half-saved; please report this."
    )


__all__ = ["CommandProblem", "all_tasks", "build_parser", "main"]
