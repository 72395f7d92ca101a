"""Deleting a child's record for good: the record, every section, every picture, and the
child's entries in every backup. The audit trail keeps the fact (who, when, the child's id),
never the child's details."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass

from ..domain.child import ChildRecord
from .caseload import CaseloadStore, drop_child_from_tables
from .crash_safe import DamagedDatabase, load_database_file
from .crypto import seal_with
from .safe_files import atomic_write


@dataclass(frozen=True)
class RemovalSummary:
    sections: int
    media_files: int
    backups_rewritten: int


def confirmation_matches(child: ChildRecord, typed: str) -> bool:
    """The worker typed the child's name (first and last, or as shown in the caseload);
    case and extra spaces are forgiven."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    wanted = {norm(f"{child.first_name} {child.last_name}"), norm(child.display_name)}
    return bool(norm(typed)) and norm(typed) in wanted


def delete_child_record(store: CaseloadStore, child_id: str, because: str = "") -> RemovalSummary:
    """Remove every trace of one child from the data folder. Each step replaces whole files,
    so a crash part-way leaves less of the child, never a damaged folder; doing it again
    finishes the job. `because` is added to the audit entry (a deletion from the team)."""
    store.child(child_id)  # ChildNotFound before anything is touched
    sections = store.remove_child(child_id)
    folder = store.media.child_folder(child_id)
    media_files = sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0
    if folder.is_dir():
        shutil.rmtree(folder)
    store.drafts.remove_child(child_id)  # unsaved typing about the child goes too
    backups = store.backups.rewrite_each(lambda tables: drop_child_from_tables(tables, child_id))
    backups += _clean_kept_aside(store, child_id)
    summary = RemovalSummary(sections, media_files, backups)
    store.audit.record(
        "deleted",
        child_id,
        f"Record, {sections} section(s), {media_files} picture file(s) removed; "
        f"{backups} backup(s) rewritten without it.{because}",
    )
    return summary


def _clean_kept_aside(store: CaseloadStore, child_id: str) -> int:
    """Damaged database files kept aside by a restore hold the child too: rewritten without
    them when they can be read, removed when they cannot (no one could restore from them)."""
    changed = 0
    for kept in sorted(store.folder.glob("lasting-home.damaged-*.json")):
        try:
            tables = load_database_file(kept, store.key)
        except DamagedDatabase:
            kept.unlink(missing_ok=True)
            changed += 1
            continue
        if tables is not None and drop_child_from_tables(tables, child_id):
            payload = json.dumps(tables, separators=(",", ":")).encode("utf-8")
            atomic_write(kept, seal_with(store.key, payload))
            changed += 1
    return changed
