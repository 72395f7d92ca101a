"""The child's details form keeps the same promises as every worker form: it shows what is
stored now, saving merges with anything saved meanwhile (asking only about real clashes), and
typing is kept as a draft, so closing, a crash or logging off never loses it."""

from __future__ import annotations

from ...domain.child import ChildRecord
from ...storage.caseload import CaseloadStore
from ...storage.changes import RECORD
from ...storage.drafts import NEW_CHILD
from ..clash_chooser import ClashChooser
from ..form_state import capture, on_any_edit, restore
from ..messages import UserMessages
from ..section_context import DRAFT_DELAY_MS
from .child_form import ChildForm
from .part_keeper import PartKeeper


def keep_child_form(
    form: ChildForm,
    store: CaseloadStore,
    messages: UserMessages,
    clashes: ClashChooser | None = None,
    draft_delay_ms: int = DRAFT_DELAY_MS,
) -> PartKeeper:
    """Give an add or edit form its draft, its merging save and its question on closing."""
    original = form._original
    child_id = original.id if original is not None else NEW_CHILD
    chooser = clashes or ClashChooser(form)

    def reload() -> None:
        if original is not None:
            form._fill(store.child(child_id))

    def stale(text: str) -> None:
        form.problems.setText(text)
        form.problems.show()

    keeper = PartKeeper(
        form,
        store,
        child_id,
        (RECORD,),
        state=lambda: capture(form),
        restore=lambda state: restore(form, state),
        reload=reload,
        on_stale=stale,
        draft_delay_ms=draft_delay_ms,
    )
    keeper.load()
    name = original.known_as if original is not None else ""
    keeper.offer_draft(
        messages,
        f"You were changing {name}'s details when Lasting Home closed"
        if original is not None
        else "You were adding a child when Lasting Home closed",
        f"{name}'s details" if original is not None else "the new child's details",
    )
    on_any_edit(form, keeper.typed)
    adding = form._save

    def save(record: ChildRecord) -> ChildRecord:
        if original is None:
            saved = adding(record)
            keeper.discard_draft()
            return saved
        keeper.save(
            {RECORD: record.to_dict()},
            form.today,
            chooser,
            f"{name}'s details were changed elsewhere too",
        )
        return store.child(child_id)

    def may_close() -> bool:
        if not keeper.unsaved():
            keeper.discard_draft()
            return True
        answer = messages.choose(
            "Close without saving?",
            "You have typed details that are not saved yet.",
            ["Save", "Close, keeping it as a draft", "Stay"],
        )
        if answer == 0:
            form.try_save()
            return False  # a good save closes the form itself; a problem keeps it open
        return answer == 1 and keeper.keep_draft_now()

    form._save = save
    form.may_close = may_close
    return keeper
