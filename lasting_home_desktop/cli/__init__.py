"""The command line: open the app, or one task for a script (example children, import, tracker,
check, restore, export, team sharing).

An encrypted data folder needs its passphrase: from --passphrase-file FILE, the
LASTING_HOME_PASSPHRASE variable, or a prompt when run in a terminal. A folder without a
passphrase yet (made before encryption, or by a script) is used as it is until the app first
opens it; giving a passphrase to a task on such a folder sets it up encrypted.

Every task either finishes completely or changes nothing, and any problem is one plain line on
stderr with a non-zero exit. Only opening the app imports Qt.

`recover` sets a new passphrase with the recovery key. After five wrong passphrases each next
try waits longer, as in the app.

To add a task: write a module with `TASKS = (Task(name, summary, add_options, run), ...)` and
add it to `_TASK_MODULES`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .. import APP_NAME, __version__
from ..domain.child import RecordProblem
from ..storage.crash_safe import DamagedDatabase
from ..storage.crypto import FolderLocked, SealBroken, WeakPassphrase, WrongPassphrase
from ..storage.lock import FolderInUse
from ..storage.migrations import NewerSchema
from ..storage.safe_files import StorageWriteError
from . import data_tasks, export, folder_tasks, forms_tasks, recover, team_tasks
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
from .open_app import open_app

_TASK_MODULES = (data_tasks, folder_tasks, recover, export, forms_tasks, team_tasks)
TASKS: tuple[Task, ...] = tuple(task for module in _TASK_MODULES for task in module.TASKS)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROGRAM,
        description=f"{APP_NAME}: open the app, or run one task on a data folder.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    data_dir_option(parser, default=None)
    passphrase_option(parser, default=None)
    parser.add_argument(
        "--demo", action="store_true", help="open with a fresh folder of fictional children"
    )
    tasks = parser.add_subparsers(dest="task", metavar="TASK", parser_class=Parser)
    for task in TASKS:
        sub = tasks.add_parser(task.name, help=task.summary, description=task.summary)
        # SUPPRESS keeps a --data-dir given before the task name.
        data_dir_option(sub, default=argparse.SUPPRESS)
        passphrase_option(sub, default=argparse.SUPPRESS)
        task.add_options(sub)
        sub.set_defaults(run=task.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.task is None:
            return open_app(args)
        return int(args.run(args))
    except CommandProblem as problem:
        return fail(str(problem))
    except FolderInUse as error:
        return fail(f"{error} Nothing has been changed.")
    except FolderLocked as error:
        return fail(f"{error.kind_message} {PASSPHRASE_HOW}")
    except (WrongPassphrase, SealBroken, WeakPassphrase) as error:
        return fail(error.kind_message)
    except DamagedDatabase as error:
        from ..storage.folder_health import damage_message

        return fail(damage_message(error.path.parent, error))
    except (NewerSchema, RecordProblem) as error:
        return fail(str(error))
    except StorageWriteError as error:
        return fail(error.kind_message)
    except OSError as error:  # a folder or file the computer will not let us use
        from ..storage.safe_files import describe_write_error

        where = Path(error.filename) if error.filename else folder_of(args)
        return fail(describe_write_error(error, where))
    except KeyboardInterrupt:
        return fail("Stopped. Nothing was half-saved.")
    except Exception as error:  # a bug, not bad input: still one line, and saves are whole
        return fail(
            f"Something unexpected went wrong ({type(error).__name__}: {error}). "
            "Nothing was half-saved; please report this."
        )


__all__ = ["CommandProblem", "TASKS", "build_parser", "main"]
