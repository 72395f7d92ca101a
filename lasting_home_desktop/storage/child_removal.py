"""Deleting a child's record for good: the record, every section, every picture, and the
child's entries in every backup. The audit trail keeps the fact (who, when, the child's id),
never the child's details. It runs as a journal (see deletions): interrupted at any moment, it
is finished by deleting again or by the next open of the folder."""

from __future__ import annotations

from ..domain.child import ChildRecord
from .caseload import CaseloadStore
from .deletions import (
    RemovalSummary,
    begin_deletion,
    drop_child_from_tables,
    finish_deletion,
    pending_deletions,
)

__all__ = [
    "RemovalSummary",
    "confirmation_matches",
    "delete_child_record",
    "drop_child_from_tables",
]


def confirmation_matches(child: ChildRecord, typed: str) -> bool:
    """The worker typed the child's name (first and last, or as shown in the caseload);
    case and extra spaces are forgiven."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    wanted = {norm(f"{child.first_name} {child.last_name}"), norm(child.display_name)}
    return bool(norm(typed)) and norm(typed) in wanted


def delete_child_record(store: CaseloadStore, child_id: str) -> RemovalSummary:
    """Remove every trace of one child from the data folder. A deletion begun before and
    interrupted is finished; ChildNotFound only when there is nothing left to do."""
    pending = next(
        (p for p in pending_deletions(store.folder, store.key) if p.child_id == child_id), None
    )
    if pending is None:
        store.child(child_id)  # ChildNotFound before anything is touched
        pending = begin_deletion(store, child_id, len(store.child_sections(child_id)))
    return finish_deletion(store, pending)
