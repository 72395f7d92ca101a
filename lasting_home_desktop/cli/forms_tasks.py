"""`lasting-home partner-form` and `lasting-home carers-form`: make a fillable form for a child,
or file one that came back.

    lasting-home partner-form make --data-dir DIR --child ID_OR_NAME --out FILE
                                   [--partner NAME --role ROLE --agency AGENCY]
    lasting-home partner-form receive --data-dir DIR FILE
    lasting-home carers-form make --data-dir DIR --child ID_OR_NAME --out FILE
    lasting-home carers-form receive --data-dir DIR FILE

A returned form finds its own child and part, so `receive` takes either kind of form. A second
copy whose words differ from what is saved is not filed here: choosing which words to keep is
done in the app, where both are shown side by side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.returned_forms import Addressee, FormKind
from ..storage.caseload import CaseloadStore
from .common import (
    CommandProblem,
    Parser,
    Task,
    command_line_worker,
    count,
    data_dir_option,
    existing_folder,
    folder_key,
    one_child,
    passphrase_option,
    today_option,
)

TRIES = 3  # planning again if the folder changed between reading and filing


def _options(kind: FormKind):  # noqa: ANN202 (an options-adder for the task table)
    def add(parser: argparse.ArgumentParser) -> None:
        actions = parser.add_subparsers(
            dest="form_action", metavar="ACTION", required=True, parser_class=Parser
        )
        make = actions.add_parser("make", help=f"make a {kind.label} for a child")
        receive = actions.add_parser("receive", help="file a form that came back")
        for sub in (make, receive):
            # Also after the action word: `partner-form make --data-dir DIR`.
            data_dir_option(sub, default=argparse.SUPPRESS)
            passphrase_option(sub, default=argparse.SUPPRESS)
            today_option(sub)
        make.add_argument("--child", required=True, metavar="ID_OR_NAME")
        make.add_argument("--out", required=True, type=Path, metavar="FILE")
        if kind is FormKind.PARTNER:
            make.add_argument("--partner", default="", metavar="NAME", help="whom it is for")
            make.add_argument("--role", default="", metavar="ROLE")
            make.add_argument("--agency", default="", metavar="AGENCY")
        receive.add_argument("file", type=Path, metavar="FILE", help="the returned PDF")
        parser.set_defaults(form_kind=kind)

    return add


def _run(args: argparse.Namespace) -> int:
    folder = existing_folder(args)
    # Filing and making both write (the register, the audit trail): the app must be closed.
    with CaseloadStore.open(folder, key=folder_key(args, folder)) as store:
        store.audit.worker = command_line_worker()
        if args.form_action == "make":
            return _make(store, args)
        return _receive(store, args)


def _make(store: CaseloadStore, args: argparse.Namespace) -> int:
    from ..documents.forms_out import make_form, save_form

    kind: FormKind = args.form_kind
    child = one_child(store, args.child)
    to = Addressee(
        getattr(args, "partner", ""), getattr(args, "role", ""), getattr(args, "agency", "")
    )
    made = make_form(store, child.id, kind, args.today, to)
    target = args.out.expanduser()
    if target.is_dir():
        target = target / made.file_name
    if not target.parent.is_dir():
        raise CommandProblem(f"The folder {target.parent} does not exist.")
    save_form(store, made, target, to)
    print(target)
    print(
        f"Made the {kind.label} {made.ticket.form_id} for {child.display_name}. Send it "
        "through secure email; when it comes back, file it with "
        f"'lasting-home {kind.value}-form receive FILE'.",
        file=sys.stderr,
    )
    return 0


def _receive(store: CaseloadStore, args: argparse.Namespace) -> int:
    from ..documents.form_reader import FormUnreadable, read_form_file
    from ..domain.parts import field_label, part_title
    from ..storage.part_saving import ChangedAgain
    from ..storage.returned_forms import FormNotFiled, ReturnedForms

    forms = ReturnedForms(store)
    try:
        form = read_form_file(args.file.expanduser())
        for attempt in range(TRIES):
            plan = forms.plan(form, args.today)
            if plan.filing.clashes:
                places = ", ".join(field_label(c.path) for c in plan.filing.clashes)
                raise CommandProblem(
                    f"This {form.kind.label} would change words already saved for "
                    f"{plan.child.display_name} ({count(len(plan.filing.clashes), 'place')}: "
                    f"{places}). Open Lasting Home and choose 'Receive a returned form…' to "
                    "see both side by side and choose. Nothing has been filed."
                )
            try:
                forms.file(plan)
                break
            except ChangedAgain:
                if attempt == TRIES - 1:
                    raise CommandProblem(
                        "The record kept changing while filing; please try again. Nothing has "
                        "been filed."
                    ) from None
    except (FormUnreadable, FormNotFiled) as problem:
        raise CommandProblem(f"{args.file}: {problem.headline}. {problem.kind_message}") from None
    where = part_title(form.kind.part).lower()
    print(
        f"Filed the {form.kind.label} {form.ticket.form_id} from {plan.who} in "
        f"{plan.child.display_name}'s {where}."
    )
    return 0


TASKS = (
    Task(
        "partner-form",
        "make a fillable form for a partner, or file one that came back",
        _options(FormKind.PARTNER),
        _run,
    ),
    Task(
        "carers-form",
        "make a fillable letter form for the foster carers, or file one that came back",
        _options(FormKind.CARERS),
        _run,
    ),
)
