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
    return _ChildFormKeeping(form, store, messages, clashes, draft_delay_ms).keeper


class _ChildFormKeeping:
    def __init__(
        self,
        form: ChildForm,
        store: CaseloadStore,
        messages: UserMessages,
        clashes: ClashChooser | None,
        draft_delay_ms: int,
    ):
        self.form, self.store, self.messages = form, store, messages
        self.original = form._original
        self.child_id = self.original.id if self.original is not None else NEW_CHILD
        self.chooser = clashes or ClashChooser(form)
        self.name = self.original.known_as if self.original is not None else ""
        self.keeper = PartKeeper(
            form,
            store,
            self.child_id,
            (RECORD,),
            state=lambda: capture(form),
            restore=lambda state: restore(form, state),
            reload=self._reload,
            on_stale=self._stale,
            draft_delay_ms=draft_delay_ms,
        )
        self.keeper.load()
        editing = self.original is not None
        self.keeper.offer_draft(
            messages,
            f"You were changing {self.name}'s details when Lasting Home closed"
            if editing
            else "You were adding a child when Lasting Home closed",
            f"{self.name}'s details" if editing else "the new child's details",
        )
        on_any_edit(form, self.keeper.typed)
        self._adding = form._save
        form._save = self._save
        form.may_close = self._may_close

    def _reload(self) -> None:
        if self.original is not None:
            self.form._fill(self.store.child(self.child_id))

    def _stale(self, text: str) -> None:
        self.form.problems.setText(text)
        self.form.problems.show()

    def _save(self, record: ChildRecord) -> ChildRecord:
        if self.original is None:
            saved = self._adding(record)
            self.keeper.discard_draft()
            return saved
        self.keeper.save(
            {RECORD: record.to_dict()},
            self.form.today,
            self.chooser,
            f"{self.name}'s details were changed elsewhere too",
        )
        return self.store.child(self.child_id)

    def _may_close(self) -> bool:
        if not self.keeper.unsaved():
            self.keeper.discard_draft()
            return True
        answer = self.messages.choose(
            "Close without saving?",
            "You have typed details that are not saved yet.",
            ["Save", "Close, keeping it as a draft", "Stay"],
        )
        if answer == 0:
            self.form.try_save()
            return False  # a good save closes the form itself; a problem keeps it open
        return answer == 1 and self.keeper.keep_draft_now()
