"""After every save: the change written into the audit trail by name (never the words typed),
then told to every listener. Inside a transaction the changes wait until it has landed, and
are dropped if it did not."""

from __future__ import annotations

import contextlib

from ..domain.parts import part_title
from .audit import AuditTrail
from .changes import ADDED, RECORD, REMOVED, SAVED, TEAM, Change, ChangeNotices

HANDOVER = "handover"  # the origin of a child received from another laptop's hand-over file


class ChangeAnnouncer:
    def __init__(self, audit: AuditTrail, notices: ChangeNotices):
        self.audit = audit
        self.notices = notices
        self._queued: list[Change] | None = None  # held back inside a transaction
        # Audit entries a full disk held back: they go in with the next ones.
        self._unaudited: list[tuple[str, str, str]] = []

    @property
    def in_transaction(self) -> bool:
        return self._queued is not None

    def begin(self) -> None:
        self._queued = []

    def land(self) -> None:
        """The transaction is on disk: announce what it changed."""
        queued, self._queued = self._queued or [], None
        self._announce(queued)

    def discard(self) -> None:
        self._queued = None

    def changed(self, change: Change) -> None:
        """Say what changed once it is on disk (at the end of a transaction, if in one)."""
        if self._queued is not None:
            self._queued.append(change)
        else:
            self._announce([change])

    def record_done(self, action: str, child_id: str = "", detail: str = "") -> None:
        """Note something done (an export, a print) once it has happened. If the trail cannot
        be written now (a full disk), the entry waits and goes in with the next one, so the
        fact is never lost and the worker's copy is not thrown away."""
        self._write([(action, child_id, detail)])

    def _announce(self, changes: list[Change]) -> None:
        new_children = {c.child_id for c in changes if c.kind == ADDED and c.part == RECORD}
        self._write(
            [
                ("added" if c.kind == ADDED else "changed", c.child_id, _audit_detail(c))
                for c in changes
                if _audited(c) and (c.part == RECORD or c.child_id not in new_children)
            ]
        )
        self.notices.tell(changes)

    def _write(self, entries: list[tuple[str, str, str]]) -> None:
        entries = [*self._unaudited, *entries]
        self._unaudited = []
        try:
            if entries:
                self.audit.record_many(entries)  # which also tells the anchor of the save
        except OSError:
            self._unaudited = entries
        # A save no entry followed (or the disk refused it): the anchor is told now.
        if self.audit.owed is not None:
            with contextlib.suppress(OSError):
                self.audit.owed.settle()


def _audited(change: Change) -> bool:
    # A new child is one entry (not one per part); a deletion and a hand-over write their own;
    # the store's own tables (a team's clash list) are no change to the child's record, nor
    # is a team revision given to a part whose words did not change.
    return (
        change.origin != HANDOVER
        and not (change.kind == REMOVED and change.part == RECORD)
        and not change.part.startswith("_")
        and not (change.origin == TEAM and change.kind == SAVED and not change.fields)
    )


def _audit_detail(change: Change) -> str:
    what = part_title(change.part)
    if change.kind == REMOVED:
        return f"{what}: removed"
    where = ""
    if change.origin == TEAM:
        where = f" (from the team: {change.by})" if change.by else " (from the team)"
    if change.kind == ADDED:
        return "A new child's record" + where if change.part == RECORD else f"{what}: added{where}"
    names = ", ".join(change.fields) or "saved"
    return f"{what}: {names}{where}"
