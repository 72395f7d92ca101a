"""`lasting-home export`: one child's documents, or every card and certificate for the visits
and panels in a date range, as PDF files in a folder.

    lasting-home export --data-dir DIR --child ID_OR_NAME --out DIR [--only card,book]
    lasting-home export --data-dir DIR --visits-from DATE --visits-to DATE --out DIR [--combined]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..storage.caseload import CaseloadStore
from .common import (
    CommandProblem,
    Task,
    date_argument,
    existing_folder,
    folder_key,
    one_child,
    record_in_audit,
    today_option,
)

CHILD_KINDS = ("card", "certificate", "book")
PROFESSIONAL_KINDS = ("matching", "commitment", "contributions")
KINDS = CHILD_KINDS + PROFESSIONAL_KINDS
# audit(child id or "", what was exported and where): written once the files are.
Audit = Callable[[str, str], None]


def export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for PDFs")
    parser.add_argument(
        "--child", metavar="ID_OR_NAME", help="the child's id, or first, preferred or full name"
    )
    parser.add_argument(
        "--only",
        metavar="KINDS",
        help="with --child: some documents only, from " + ",".join(KINDS),
    )
    parser.add_argument("--visits-from", type=date_argument, metavar="DATE")
    parser.add_argument("--visits-to", type=date_argument, metavar="DATE")
    parser.add_argument(
        "--combined", action="store_true", help="also one PDF with every card and certificate"
    )
    today_option(parser)


def export(args: argparse.Namespace) -> int:
    by_dates = args.visits_from is not None or args.visits_to is not None
    if args.child and by_dates:
        raise CommandProblem("Give either --child, or --visits-from and --visits-to, not both.")
    if not args.child and not by_dates:
        raise CommandProblem("Say what to export: --child NAME, or --visits-from and --visits-to.")
    folder = existing_folder(args)
    out = args.out.expanduser()
    if out.exists() and not out.is_dir():
        raise CommandProblem(f"{out} is a file; please give a folder for the PDFs.")
    key = folder_key(args, folder)
    # Read only, so it works while the app has the folder open; the export is audited.
    with CaseloadStore.open(folder, lock=False, key=key) as store:
        if args.child:
            if args.combined:
                raise CommandProblem("--combined goes with --visits-from and --visits-to.")
            return _one_child(
                store, args, out, CommandProblem, lambda c, d: _audit(folder, key, c, d)
            )
        if args.visits_from is None or args.visits_to is None:
            raise CommandProblem("Give both --visits-from and --visits-to.")
        if args.visits_to < args.visits_from:
            raise CommandProblem("--visits-to is before --visits-from; please swap them.")
        if args.only:
            raise CommandProblem(
                "--only goes with --child; a date range makes cards and certificates."
            )
        return _date_range(store, args, out, lambda c, d: _audit(folder, key, c, d))


def _audit(folder: Path, key, child_id: str, detail: str) -> None:
    record_in_audit(folder, key, "exported", child_id, detail)


def _one_child(
    store: CaseloadStore, args: argparse.Namespace, out: Path, problem, audit: Audit
) -> int:
    from ..documents.export import write_child_documents

    kinds = CHILD_KINDS + PROFESSIONAL_KINDS
    if args.only:
        kinds = tuple(k.strip() for k in args.only.split(",") if k.strip())
        unknown = [k for k in kinds if k not in KINDS]
        if unknown or not kinds:
            raise problem(f"--only takes some of {','.join(KINDS)} (not {','.join(unknown)}).")
    child = one_child(store, args.child)
    written = write_child_documents(store, child.id, kinds, out, args.today)
    if written.made:  # only what was really written is recorded
        audit(child.id, f"{', '.join(written.made)} to {out}")
    for path in written.files:
        print(path)
    for warning in written.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    if written.notes:
        titles = {note.split(":", 1)[0] for note in written.notes}
        reason = written.notes[0].split(": ", 1)[1]
        raise problem(f"{' and '.join(sorted(titles))} not made for {child.display_name}: {reason}")
    return 0


def _date_range(store: CaseloadStore, args: argparse.Namespace, out: Path, audit: Audit) -> int:
    from ..documents.batch import export_batch
    from ..domain.dates import format_short

    dates = f"{format_short(args.visits_from)} to {format_short(args.visits_to)}"
    result = export_batch(store, args.visits_from, args.visits_to, out, args.today, args.combined)
    if result.children_done:
        audit("", f"Cards and certificates for visits {dates} ({result.children_done}) to {out}")
    for path in result.files:
        print(path)
    if result.combined:
        print(result.combined)
    for problem in result.problems:
        print(f"{problem.name} (id {problem.child_id}): {problem.message}", file=sys.stderr)
    print(result.summary(), file=sys.stderr)
    return 1 if result.problems and not result.children_done else 0


TASKS = (
    Task(
        "export", "make a child's documents, or a batch of cards, as PDFs", export_options, export
    ),
)
