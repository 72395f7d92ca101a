"""Tasks that put children into a folder or take the tracker out: `demo-data`, `import-csv`
and `tracker`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..storage.caseload import CaseloadStore
from ..storage.data_folder import ENV_VARIABLE
from ..storage.safe_files import atomic_write
from .common import (
    CommandProblem,
    Task,
    count,
    existing_folder,
    folder_key,
    folder_of,
    print_notes,
    random_seed,
    read_text,
    today_option,
)

DEFAULT_EXAMPLE_COUNT = 12
MOST_EXAMPLES = 10_000


def _demo_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--children",
        type=int,
        default=DEFAULT_EXAMPLE_COUNT,
        metavar="N",
        help=f"how many example children to add (default {DEFAULT_EXAMPLE_COUNT})",
    )
    parser.add_argument("--seed", type=int, help="the same seed gives the same children")
    today_option(parser)


def _demo_data(args: argparse.Namespace) -> int:
    from ..storage.example_caseload import add_example_children

    if not 1 <= args.children <= MOST_EXAMPLES:
        raise CommandProblem(f"--children must be between 1 and {MOST_EXAMPLES:,}.")
    if not getattr(args, "data_dir", None) and not os.environ.get(ENV_VARIABLE, "").strip():
        # Fictional children must never land among real ones by accident.
        raise CommandProblem("Please say which folder with --data-dir DIR.")
    folder = folder_of(args)
    seed = args.seed if args.seed is not None else random_seed()
    with CaseloadStore.open(folder, key=folder_key(args, folder, may_set_up=True)) as store:
        print_notes(store.notes)
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
    today_option(parser)


def _import_csv(args: argparse.Namespace) -> int:
    from ..domain.csv_import import drop_already_known, parse_children_csv

    text = read_text(args.file)
    folder = folder_of(args)
    with CaseloadStore.open(folder, key=folder_key(args, folder, may_set_up=True)) as store:
        print_notes(store.notes)
        result = parse_children_csv(text, args.today)
        if result.file_problem:
            raise CommandProblem(f"{args.file}: {result.file_problem} Nothing was imported.")
        result = drop_already_known(result, store.children(include_archived=True))
        for problem in result.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        if result.problems and not args.skip_bad_rows:
            good = len(result.children)
            raise CommandProblem(
                f"Nothing was imported: {count(result.bad_rows, 'row')} with problems. Fix "
                f"them, or add --skip-bad-rows to import the other {good:,}."
            )
        if not result.children:
            raise CommandProblem(
                f"{args.file} has no new children to import. Nothing was imported."
            )
        store.add_children([item.child for item in result.children], args.today)
    skipped = f"; skipped {count(result.bad_rows, 'row')} with problems" if result.problems else ""
    print(f"Imported {count(len(result.children), 'child', 'children')} into {folder}{skipped}.")
    if result.ignored_columns:
        print("Columns not used: " + ", ".join(result.ignored_columns) + ".")
    return 0


def _tracker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv", type=Path, required=True, metavar="FILE", help="where to write the tracker"
    )
    today_option(parser)


def _tracker(args: argparse.Namespace) -> int:
    from ..domain.tracker import tracker_csv_text, tracker_rows
    from ..storage.status_facts import status_facts

    folder = existing_folder(args)
    # Read only, so it works while the app has the folder open.
    with CaseloadStore.open(folder, lock=False, key=folder_key(args, folder)) as store:
        rows = tracker_rows(
            store.children(),
            args.today,
            store.settings().journey,
            status_facts(store),
        )
    target = args.csv.expanduser()
    if target.is_dir():
        raise CommandProblem(f"{target} is a folder; please give a file name such as tracker.csv.")
    if not target.parent.is_dir():
        raise CommandProblem(f"The folder {target.parent} does not exist.")
    # The BOM tells Excel the file is UTF-8, so Łukasz and Siân arrive intact.
    atomic_write(target, ("\ufeff" + tracker_csv_text(rows)).encode("utf-8"))
    print(f"Wrote the tracker for {count(len(rows), 'child', 'children')} to {target}.")
    return 0


TASKS = (
    Task("demo-data", "add fictional example children", _demo_data_options, _demo_data),
    Task("import-csv", "add children from a CSV spreadsheet", _import_csv_options, _import_csv),
    Task("tracker", "write the tracker as a CSV spreadsheet", _tracker_options, _tracker),
)
