"""Filing a returned form from the worker's side, in one action: read it, find its child and
part, and (only where it would change words already saved) show both side by side to choose.

Used by the "Receive a returned form…" window and by the buttons on the Partner contributions
and Carers' letter parts. The screens showing the child update themselves from the store's
change notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ...documents.form_reader import FormUnreadable, read_form_file
from ...domain.dates import format_long
from ...domain.parts import part_title
from ...domain.returned_forms import FormKind
from ...storage.caseload import CaseloadStore
from ...storage.part_saving import ChangedAgain
from ...storage.returned_forms import FilingPlan, FormNotFiled, ReturnedForms
from ...storage.safe_files import StorageWriteError
from ..clash_chooser import ClashChooser, PartClash

TRIES = 3


@dataclass(frozen=True)
class Receipt:
    """What happened to one file, in words for the worker."""

    filed: bool
    headline: str
    detail: str
    child_id: str = ""
    kind: FormKind | None = None


def receive_form(
    store: CaseloadStore, path: Path, today: dt.date, clashes: ClashChooser
) -> Receipt:
    """File the form in `path`. Nothing is changed unless the Receipt says it was filed."""
    name = Path(path).name
    try:
        form = read_form_file(Path(path))
        forms = ReturnedForms(store)
        for _attempt in range(TRIES):
            plan = forms.plan(form, today)
            chosen = _choose(plan, clashes)
            if chosen is None:
                return Receipt(
                    False,
                    f"Not filed: {name}",
                    "You went back without choosing, so nothing was changed. Receive the form "
                    "again when you are ready.",
                    plan.child.id,
                    form.kind,
                )
            try:
                forms.file(plan, chosen)
            except ChangedAgain:
                continue  # saved elsewhere meanwhile: plan again, and show anything new
            return _filed(plan, name)
        return Receipt(
            False,
            f"Not filed: {name}",
            "The child's record kept changing while filing. Nothing was changed; please try again.",
        )
    except (FormUnreadable, FormNotFiled) as problem:
        return Receipt(False, f"Not filed: {name}: {problem.headline}", problem.kind_message)
    except StorageWriteError as error:
        return Receipt(False, f"Not filed: {name}", error.kind_message)


def _choose(plan: FilingPlan, clashes: ClashChooser) -> dict[str, object] | None:
    """The worker's choice for each place where the form's words differ from what is saved;
    {} when there is nothing to choose."""
    if not plan.filing.clashes:
        return {}
    part = plan.kind.part
    second_copy = not plan.filing.first_time
    mine = "The copy received now" if second_copy else "From the returned form"
    theirs = "As filed before (saved now)" if second_copy else "Saved now"
    items = [PartClash(part, clash, mine, theirs) for clash in plan.filing.clashes]
    what = f"{plan.child.known_as}'s {part_title(part).lower()}"
    detail = (
        f"This is another copy of a {plan.kind.label} already filed for {what}, with "
        "different words. Choose, for each place, which words to keep."
        if second_copy
        else f"{plan.who}'s form brings words where {what} already has others. Choose, for "
        "each place, which words to keep."
    )
    picked = clashes.choose(f"Which words to keep for {what}?", detail, items)
    if picked is None:
        return None
    return {path: value for (_part, path), value in picked.items()}


def _filed(plan: FilingPlan, name: str) -> Receipt:
    part = part_title(plan.kind.part)
    when = format_long(plan.received_on)
    if plan.kind is FormKind.PARTNER:
        detail = (
            f"{plan.who}'s answers are in {plan.child.display_name}'s {part.lower()}, marked "
            f"as sent back on a form and received {when}. The matching meeting shows them now."
        )
    else:
        detail = (
            f"The words from {plan.who} are in {plan.child.display_name}'s {part.lower()}, "
            "as a draft for the supervising social worker to review."
        )
    return Receipt(True, f"Filed: {name}", detail, plan.child.id, plan.kind)
