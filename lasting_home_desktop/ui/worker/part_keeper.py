"""One way for every worker form to keep its three promises (the adults' forms, the card
message, the child's details):

- it shows what is stored now: when anything saves this child, the form reloads, or, if the
  worker is typing, keeps the typing and says so;
- saving never overwrites anything newer: it merges with what was saved meanwhile, and asks the
  worker to choose only where the two clash (`storage/part_saving`);
- typing is never lost: a moment after it stops it is kept as a sealed draft, offered back the
  next time the form opens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ...storage.caseload import CaseloadStore, StoredPart
from ...storage.changes import RECORD, REMOVED, Change
from ...storage.drafts import Draft
from ...storage.part_saving import ChangedAgain, PartEdit, commit_save, plan_save
from ...storage.safe_files import StorageWriteError
from ..clash_chooser import ClashChooser, PartClash
from ..messages import UserMessages
from ..store_signals import store_signals

State = dict[str, Any]


class SaveStopped(Exception):
    """The worker chose to go back to their typing; nothing was saved or lost."""


class PartKeeper(QObject):
    """`parts`: the stored parts the form shows and saves (its section, and "record" when it
    sets the child's details or dates); the first names its draft. `state()`/`restore()` read
    and fill the form's fields as plain data; `reload()` fills them from the store;
    `empty(part)` is a never-saved part as stored data (so an empty field saved elsewhere is
    no clash). `on_stale(text)` shows that the part changed under the worker's typing."""

    def __init__(
        self,
        owner: QObject,
        store: CaseloadStore,
        child_id: str,
        parts: tuple[str, ...],
        *,
        state: Callable[[], State],
        restore: Callable[[State], None],
        reload: Callable[[], None],
        on_stale: Callable[[str], None],
        empty: Callable[[str], dict[str, Any] | None] = lambda part: None,
        on_related: Callable[[], None] = lambda: None,
        draft_delay_ms: int = 1500,
    ):
        super().__init__(owner)
        self.store, self.child_id, self.parts = store, child_id, parts
        self._state, self._restore, self._reload = state, restore, reload
        self._on_stale, self._empty, self._on_related = on_stale, empty, on_related
        self.base: dict[str, StoredPart] = {}
        self.saved_state: State = {}
        self._saving = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(draft_delay_ms)
        self._timer.timeout.connect(self.keep_draft_now)
        store_signals(store).changed.connect(self._store_changed)

    @property
    def draft_part(self) -> str:
        return self.parts[0]

    # -- what is stored now ----------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from the store and remember what it was filled from."""
        self._reload()
        self.base = {part: self.stored(part) for part in self.parts}
        self.saved_state = self._state()

    def stored(self, part: str) -> StoredPart:
        stored = self.store.part(self.child_id, part)
        if stored.data is None:
            return StoredPart(self._empty(part), stored.revision)
        return stored

    def unsaved(self) -> bool:
        return self._state() != self.saved_state

    def _store_changed(self, change: Change) -> None:
        # This child's parts, and folder-wide values (panel dates, settings) forms may show.
        if self._saving or change.child_id not in (self.child_id, ""):
            return
        if change.kind == REMOVED and change.part == RECORD:
            return  # the page itself closes
        if not self.unsaved():
            self.load()
        elif change.part not in self.base:
            self._on_related()  # facts shown from other parts, beside the typing
        else:
            self._on_stale(
                f"This was changed elsewhere at {dt.datetime.now():%H:%M} while you were "
                "typing. Your typing is kept: when you save, both are kept, and where the same "
                "thing was changed both ways you choose."
            )

    @contextlib.contextmanager
    def own_changes(self) -> Iterator[None]:
        """Around a save the form makes itself (a photo added at once): not news to it, and
        what it stored is the new starting point of the typing still unsaved."""
        self._saving = True
        try:
            yield
        finally:
            self._saving = False
        self.base = {part: self.stored(part) for part in self.parts}

    # -- saving --------------------------------------------------------------------------------

    def save(
        self,
        mine: dict[str, dict[str, Any] | None],
        today: dt.date,
        chooser: ClashChooser,
        headline: str,
    ) -> set[str]:
        """Store `mine` (part -> data) without overwriting anything newer; returns the parts
        where something saved meanwhile was merged in. Raises SaveStopped if the worker goes
        back to their typing, RecordProblem if the child's record would break a rule."""
        edits = [
            PartEdit(part, self.base.get(part) or self.stored(part), data)
            for part, data in mine.items()
        ]
        with self.own_changes():
            for _attempt in range(3):
                plan = plan_save(self.store, self.child_id, edits)
                choices = None
                if plan.clashes:
                    choices = chooser.choose(
                        headline,
                        "While you were typing, the same details were saved differently "
                        "elsewhere (another tab, together mode, or a colleague). Both are kept "
                        "here: choose which to keep for each. Nothing is saved until you do.",
                        [PartClash(part, clash) for part, clash in plan.clashes],
                    )
                    if choices is None:
                        raise SaveStopped()
                try:
                    commit_save(self.store, plan, today, choices)
                except ChangedAgain:
                    continue
                self.discard_draft()
                return plan.merged_parts
        raise StorageWriteError("This part kept changing while saving. Please try again.")

    # -- drafts --------------------------------------------------------------------------------

    def typed(self, *_: object) -> None:
        self._timer.start()

    def keep_draft_now(self) -> bool:
        """Write the unsaved typing as a draft now (or drop the draft if nothing is unsaved);
        False if the disk would not take it."""
        self._timer.stop()
        drafts = self.store.drafts
        try:
            if not self.unsaved():
                drafts.discard(self.child_id, self.draft_part)
                return True
            base = {p: {"data": b.data, "revision": b.revision} for p, b in self.base.items()}
            drafts.put(
                Draft(
                    self.child_id,
                    self.draft_part,
                    self._state(),
                    base,
                    self.base[self.draft_part].revision if self.draft_part in self.base else "",
                    dt.datetime.now().replace(microsecond=0).isoformat(),
                )
            )
        except (OSError, ValueError):
            return False
        return True

    def discard_draft(self) -> None:
        self._timer.stop()
        self.store.drafts.discard(self.child_id, self.draft_part)

    def offer_draft(self, messages: UserMessages, headline: str, what: str) -> str:
        """If a draft was left behind, ask to keep it; returns when it was written ("" if
        nothing was restored)."""
        draft = self.store.drafts.get(self.child_id, self.draft_part)
        if draft is None:
            return ""
        if draft.fields == self.saved_state:
            self.discard_draft()
            return ""
        when = f"{draft.written_at:%d/%m/%Y at %H:%M}"
        if not messages.ask(
            headline,
            f"Some typing in {what} was not saved ({when}). Keep it here to carry on and save "
            "it, or throw it away?",
            yes="Keep it",
            no="Throw it away",
        ):
            self.discard_draft()
            return ""
        self._restore(draft.fields)
        for part, saved in draft.base.items():
            if isinstance(saved, dict) and part in self.parts:
                self.base[part] = StoredPart(saved.get("data"), str(saved.get("revision", "")))
        return when
