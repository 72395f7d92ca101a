"""Change notices: after every save the store says which child and which part changed, so every
screen showing it can show what is stored now. Plain callbacks (no Qt here); the UI turns them
into signals."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# The child's own record (names, people, journey dates); every other part is named by its
# section ("matching_meeting", "child_voice", "drawings"...).
RECORD = "record"
SETTINGS = "settings"  # folder-wide: the caseload settings
FOLDER = "folder"  # folder-wide values (panel dates, the PIN...)

ADDED = "added"
SAVED = "saved"
REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """`child_id` is "" for folder-wide parts. `fields` names what changed (never values).
    `origin` says where the change came from: "" for this laptop's own screens and tasks,
    "team" for a change received from the team folder."""

    child_id: str
    part: str
    fields: tuple[str, ...] = ()
    kind: str = SAVED
    origin: str = ""

    def about(self, child_id: str, *parts: str) -> bool:
        """True if this change is to that child (in one of those parts, if any are named)."""
        return self.child_id == child_id and (not parts or self.part in parts)


Listener = Callable[[Change], None]


class ChangeNotices:
    """Who is told about changes. A listener that fails never stops a save or the others."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start telling `listener`; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    def tell(self, changes: Iterable[Change]) -> None:
        for change in changes:
            for listener in list(self._listeners):
                try:
                    listener(change)
                except Exception:  # noqa: BLE001 (a broken screen must not undo a save)
                    continue
