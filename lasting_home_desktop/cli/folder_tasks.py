"""Tasks that look after the folder itself: `check` and `restore`."""

from __future__ import annotations

import argparse
import sys

from ..storage.caseload import DATABASE_NAME
from ..storage.folder_health import check_folder, damage_message, restore_newest_backup
from ..storage.migrations import SCHEMA_VERSION
from .common import (
    CommandProblem,
    Task,
    command_line_worker,
    count,
    existing_folder,
    folder_key,
    print_notes,
    today_option,
)


def _check_options(parser: argparse.ArgumentParser) -> None:
    today_option(parser)


def _check(args: argparse.Namespace) -> int:
    from ..storage.crash_safe import DamagedDatabase

    folder = existing_folder(args)
    key = folder_key(args, folder)
    try:
        report = check_folder(folder, key, args.today)
    except DamagedDatabase as error:
        raise CommandProblem(damage_message(folder, error, key)) from None
    if report.database_damaged:
        raise CommandProblem(report.problems[0])  # nothing else can be checked against it
    print_notes(report.notes)
    if report.problems:
        for line in report.problems:
            print(line, file=sys.stderr)
        raise CommandProblem(
            f"{count(len(report.problems), 'problem')} found in {folder}. Nothing has been "
            "changed. Correct a child's record in Lasting Home; for anything else, each line "
            "says what to do, or ask IT support."
        )
    print(_sound_sentence(report))
    return 0


def _sound_sentence(report) -> str:  # type: ignore[no-untyped-def]
    from ..storage.backups import describe_backup

    newest = report.newest_backup
    backup_text = (
        f"newest good backup from {describe_backup(newest)}" if newest else "no backup yet"
    )
    if not report.encrypted:
        protection = "not encrypted yet (it will be when Lasting Home next opens it)"
    else:
        plain = report.plain_files
        protection = "encrypted" + (f" except {count(plain, 'file')}" if plain else "")
    pictures = f"{count(report.pictures, 'picture')} opened and whole; "
    entries = report.audit_entries
    audit_text = (
        f"audit trail of {count(entries, 'entry', 'entries')} whole"
        if entries
        else "no audit entries yet"
    )
    upgrade = (
        f" (it will be brought up to data version {SCHEMA_VERSION} when the app next opens it)"
        if report.data_version < SCHEMA_VERSION
        else ""
    )
    return (
        f"The data in {report.folder} is sound: "
        f"{count(report.children, 'child', 'children')} ({report.archived:,} archived), data "
        f"version {report.data_version}{upgrade}, {backup_text}; {protection}; {pictures}"
        f"{audit_text}."
    )


def _restore_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--even-if-sound",
        action="store_true",
        help="restore even though the current data can be read (it is kept aside)",
    )


def _restore(args: argparse.Namespace) -> int:
    from ..storage.folder_health import DataStillSound, NoGoodBackup

    folder = existing_folder(args, need_database=False)
    key = folder_key(args, folder)
    try:
        restored = restore_newest_backup(
            folder, key, command_line_worker(), even_if_sound=args.even_if_sound
        )
    except (NoGoodBackup, DataStillSound) as problem:
        raise CommandProblem(problem.kind_message) from None
    if restored.already_matching:
        print(f"The data already matches the newest backup ({restored.when}).")
        return 0
    aside = (
        f" The file it replaced is kept as {restored.kept_aside}." if restored.kept_aside else ""
    )
    print(f"Restored the backup from {restored.when} into {folder / DATABASE_NAME}.{aside}")
    return 0


TASKS = (
    Task("check", "check the saved data is sound", _check_options, _check),
    Task("restore", "put back the newest good backup", _restore_options, _restore),
)
