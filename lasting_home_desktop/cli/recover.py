"""`lasting-home recover`: open a folder with its recovery key and set a new passphrase; a
missing or damaged key file is made again from its copy on the way.

    lasting-home recover --data-dir DIR [--recovery-key-file FILE] [--new-passphrase-file FILE]

Both are asked for (without echo) in a terminal when not given as files. Wrong recovery keys
count as wrong tries, with the same growing wait as the app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..storage.crypto import WrongPassphrase, check_new_passphrase
from ..storage.key_file import is_encrypted_folder
from . import common
from .common import (
    KEY_FILES_GONE,
    CommandProblem,
    Task,
    existing_folder,
    read_secret_file,
    record_in_audit,
    wait_for_tries,
)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="FILE",
        help="read the recovery key from FILE (otherwise you are asked)",
    )
    parser.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the new passphrase from FILE (otherwise you are asked, twice)",
    )


def _recover(args: argparse.Namespace) -> int:
    from ..storage.key_file import recover_with_recovery_key
    from ..storage.unlock_tries import UnlockTries

    folder = existing_folder(args, need_database=False)
    if not is_encrypted_folder(folder):
        raise CommandProblem(f"{folder} has no passphrase yet, so there is nothing to recover.")
    wait_for_tries(folder)
    recovery_key = _secret(args.recovery_key_file, "recovery key", "Recovery key: ")
    new_passphrase = _new_passphrase(args.new_passphrase_file)
    check_new_passphrase(new_passphrase)
    tries = UnlockTries(folder)
    try:
        key, rebuilt = recover_with_recovery_key(
            folder, recovery_key, new_passphrase, common.NEW_PASSPHRASE_COST
        )
    except WrongPassphrase:
        wait = tries.failed()
        later = f" Please wait {wait // 60}:{wait % 60:02d} before the next try." if wait else ""
        raise CommandProblem(
            f"That recovery key does not open this data folder. Nothing has been changed.{later}"
        ) from None
    except FileNotFoundError:
        raise CommandProblem(KEY_FILES_GONE.format(folder=folder)) from None
    tries.succeeded()
    record_in_audit(folder, key, "recovery-key-used", "", "From the command line")
    record_in_audit(folder, key, "passphrase-changed", "", "After the recovery key was used")
    rebuilt_text = " The missing or damaged key file has been made again." if rebuilt else ""
    print(f"A new passphrase is set for {folder}; the recovery key stays the same.{rebuilt_text}")
    return 0


def _secret(path: Path | None, what: str, prompt: str) -> str:
    if path is not None:
        return read_secret_file(path, what)
    if not sys.stdin.isatty():
        raise CommandProblem(
            f"Please give the {what} with --{what.replace(' ', '-')}-file FILE, or run this in "
            "a terminal to be asked for it. Nothing has been changed."
        )
    import getpass

    return getpass.getpass(prompt)


def _new_passphrase(path: Path | None) -> str:
    if path is not None:
        return read_secret_file(path, "new passphrase")
    first = _secret(None, "new passphrase", "New passphrase: ")
    import getpass

    if getpass.getpass("The same new passphrase again: ") != first:
        raise CommandProblem("The two passphrases are different. Nothing has been changed.")
    return first


TASKS = (
    Task(
        "recover",
        "set a new passphrase with the recovery key (and make a lost key file again)",
        _options,
        _recover,
    ),
)
