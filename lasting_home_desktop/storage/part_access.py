"""Reading and writing a child's parts by name, many at once, with their revisions: what a team
needs from the store (which parts changed here, and storing what the team resolved).

A mix-in of `CaseloadStore` (which owns the database, the transaction and the change notices),
kept apart so the store's own module stays about opening, saving and closing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tinydb import Query

from ..domain.merge import changed_fields
from .changes import ADDED, RECORD, REMOVED, TEAM, Change

CHILDREN = "children"
# Every saved part carries a revision: a new random id on each save, and the one it replaced.
# Screens compare revisions to see a part changed under them; the team sync follows the chain.
REVISION = "_rev"
PREVIOUS = "_prev"
# Each child's clashes between laptops of a team, for the flag and the chooser (never shared).
TEAM_CLASHES = "_team_clashes"
PICTURES = "media"  # the media folder's files, as a part of the child's record


@dataclass(frozen=True)
class StoredPart:
    """One part as stored now: its fields (without bookkeeping), its revision ("" when
    nothing is stored yet) and the revision it replaced."""

    data: dict[str, Any] | None
    revision: str = ""
    previous: str = ""


@dataclass(frozen=True)
class ReceivedPart:
    """A part as the team resolved it, to store with the team's revision (`data` None: the
    part was removed). `by` names who made the change, for the audit trail."""

    child_id: str
    part: str
    data: dict[str, Any] | None
    revision: str
    by: str = ""


def fields_of(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A stored document without the store's own bookkeeping (its child id and revisions)."""
    return {k: v for k, v in doc.items() if k not in ("child_id", REVISION, PREVIOUS)}


class PartAccess:
    _db: Any

    def _changed(self, change: Change) -> None:  # the store's
        raise NotImplementedError

    def transaction(self) -> Any:  # the store's
        raise NotImplementedError

    def part_names(self) -> list[str]:
        """The record and every section a child has here (the parts a team shares)."""
        names = [n for n in self._db.tables() if n != CHILDREN and not n.startswith("_")]
        return [RECORD, *sorted(names)]

    def child_ids(self) -> set[str]:
        """Every child's id, archived or not, in one read."""
        return {str(doc.get("id")) for doc in _raw(self._db.table(CHILDREN)).values()}

    def part_revisions(
        self, part: str, child_ids: Iterable[str] | None = None
    ) -> dict[str, tuple[str, str]]:
        """Every child's (revision, previous revision) of one part (or those children's), in
        one read."""
        table, key = self._part_table(part)
        wanted = None if child_ids is None else set(child_ids)
        return {
            str(doc.get(key)): (str(doc.get(REVISION, "")), str(doc.get(PREVIOUS, "")))
            for doc in _raw(table).values()
            if wanted is None or doc.get(key) in wanted
        }

    def stored_parts(
        self, part: str, child_ids: Iterable[str] | None = None
    ) -> dict[str, StoredPart]:
        """Every child's copy of one part (or those children's), with revisions, in one read."""
        table, key = self._part_table(part)
        wanted = None if child_ids is None else set(child_ids)
        return {
            str(doc.get(key)): StoredPart(
                _copy(fields_of(doc)), str(doc.get(REVISION, "")), str(doc.get(PREVIOUS, ""))
            )
            for doc in _raw(table).values()
            if wanted is None or doc.get(key) in wanted
        }

    def receive_team_parts(
        self,
        parts: Sequence[ReceivedPart],
        clashes: Mapping[str, dict[str, Any] | None] | None = None,
        pictures: Mapping[str, tuple[Sequence[str], str]] | None = None,
    ) -> None:
        """Store parts received from the team with their team revisions, and each named
        child's clashes, in one write; every screen hears of it with origin "team", and of
        `pictures` (child -> file names, who) already written to the media folder. Checked
        where they were made, so today's rules are not applied again here."""
        with self.transaction():
            for child_id, (names, by) in (pictures or {}).items():
                self._changed(Change(child_id, PICTURES, tuple(names), origin=TEAM, by=by))
            # The record first, so a new child is there before its sections.
            for part in sorted({p.part for p in parts}, key=lambda name: name != RECORD):
                self._receive_into(part, [p for p in parts if p.part == part])
            for child_id, summary in (clashes or {}).items():
                self._save_team_clashes(child_id, summary)

    def _part_table(self, part: str) -> tuple[Any, str]:
        if part == RECORD:
            return self._db.table(CHILDREN), "id"
        return self._db.table(part), "child_id"

    def _receive_into(self, part: str, items: list[ReceivedPart]) -> None:
        table, key = self._part_table(part)
        current = {doc.get(key): (int(doc_id), doc) for doc_id, doc in _raw(table).items()}
        replaced: dict[int, dict[str, Any]] = {}
        removed: list[int] = []
        inserts: list[dict[str, Any]] = []
        for item in items:
            doc_id, doc = current.get(item.child_id, (0, None))
            if item.data is None:
                if doc is not None:
                    removed.append(doc_id)
                    self._changed(
                        Change(item.child_id, part, kind=REMOVED, origin=TEAM, by=item.by)
                    )
                continue
            new = {
                **_copy(fields_of(item.data)),  # the store's own, never shared with the team's
                key: item.child_id,
                REVISION: item.revision,
                PREVIOUS: str(doc.get(REVISION, "")) if doc is not None else "",
            }
            if doc is None:
                inserts.append(new)
                self._changed(Change(item.child_id, part, kind=ADDED, origin=TEAM, by=item.by))
                continue
            replaced[doc_id] = new
            fields = tuple(changed_fields(fields_of(doc), item.data))
            self._changed(Change(item.child_id, part, fields, origin=TEAM, by=item.by))
        if replaced or removed:
            # One pass over the table for the whole batch: TinyDB's own update and remove go
            # over the whole table once per document.
            def update(docs: dict[int, Any]) -> None:
                for doc_id, new in replaced.items():
                    docs[doc_id] = new
                for doc_id in removed:
                    docs.pop(doc_id, None)

            table._update_table(update)
        if inserts:
            table.insert_multiple(inserts)

    def _save_team_clashes(self, child_id: str, summary: dict[str, Any] | None) -> None:
        table = self._db.table(TEAM_CLASHES)
        doc = table.get(Query().child_id == child_id)
        if (None if doc is None else doc.get("parts")) == (summary or None):
            return
        if summary:
            table.upsert({"child_id": child_id, "parts": summary}, Query().child_id == child_id)
        else:
            table.remove(Query().child_id == child_id)
        self._changed(Change(child_id, TEAM_CLASHES, origin=TEAM))


def _raw(table: Any) -> dict[str, dict[str, Any]]:
    """A table's documents as stored, by document id, without TinyDB wrapping each one (a
    read of every child's part is the team's most frequent whole-table read)."""
    return table._read_table()


def _copy(value: Any) -> Any:
    """A deep copy of JSON data, so the store never shares a list with anyone."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value
