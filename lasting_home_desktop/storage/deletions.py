"""Deleting a child's record for good, as a journal: the intent is written first (sealed), then
each step is done; the journal entry goes only once the audit entry is written. Stopped at any
moment (the laptop switched off, a full disk), the deletion is finished by trying again or
simply by the next open of the folder, and the audit trail gets exactly one entry for it.

The steps: the record and every section (one database write), every picture, every draft of
unsaved typing about the child, the child in every backup and in any damaged copy kept aside by
a restore, then the audit entry. A new place
that keeps a child's data adds its step here.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from .audit import AuditTrail
from .backups import DatabaseBackups
from .crash_safe import DamagedDatabase, encode_database, load_database
from .crypto import FolderKey, SealBroken, open_with, seal_with
from .drafts import Drafts
from .file_roles import DELETIONS_NAME, KEPT_ASIDE_PATTERN
from .media import MediaStore, is_valid_id
from .safe_files import atomic_write


class DeletingStore(Protocol):
    """What deleting needs of the caseload store (it is passed in, not imported, so the
    store can finish deletions when it opens)."""

    folder: Path
    key: FolderKey | None
    media: MediaStore
    drafts: Drafts
    backups: DatabaseBackups
    audit: AuditTrail

    def remove_child(self, child_id: str) -> int: ...

    def has_child(self, child_id: str) -> bool: ...


@dataclass(frozen=True)
class PendingDeletion:
    child_id: str
    worker: str
    started: str  # ISO time, by the audit trail's clock
    sections: int
    media_files: int


@dataclass(frozen=True)
class RemovalSummary:
    sections: int
    media_files: int
    backups_rewritten: int


def pending_deletions(folder: Path, key: FolderKey | None) -> list[PendingDeletion]:
    """The deletions begun and not finished; SealBroken if the journal was changed."""
    path = Path(folder) / DELETIONS_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    what = f"The list of unfinished deletions ({path})"
    opened = open_with(key, raw, role="journal", name=DELETIONS_NAME, what=what)
    try:
        return [PendingDeletion(**item) for item in json.loads(opened.decode("utf-8"))]
    except (ValueError, TypeError):
        raise SealBroken(what) from None


def begin_deletion(store: DeletingStore, child_id: str, sections: int) -> PendingDeletion:
    """Write down the intent before anything is removed."""
    folder = store.media.child_folder(child_id) if is_valid_id(child_id) else None
    media_files = (
        sum(1 for p in folder.rglob("*") if p.is_file()) if folder and folder.is_dir() else 0
    )
    pending = PendingDeletion(
        child_id, store.audit.worker, store.audit.now().isoformat(), sections, media_files
    )
    others = [p for p in pending_deletions(store.folder, store.key) if p.child_id != child_id]
    _write(store, [*others, pending])
    return pending


def finish_deletion(store: DeletingStore, pending: PendingDeletion) -> RemovalSummary:
    """Do every step not done yet; each replaces whole files, so doing one twice is harmless."""
    if store.has_child(pending.child_id):
        store.remove_child(pending.child_id)
    remove_pictures(store, pending.child_id)
    remove_drafts(store, pending.child_id)
    backups = rewrite_backups(store, pending.child_id)
    write_audit(store, pending)
    left = [p for p in pending_deletions(store.folder, store.key) if p.child_id != pending.child_id]
    _write(store, left)
    return RemovalSummary(pending.sections, pending.media_files, backups)


def finish_pending_deletions(store: DeletingStore) -> list[str]:
    """On opening: finish what a crash interrupted. Returns what to tell the worker; a step
    that fails again (a full disk) is tried again at the next open."""
    notes = []
    try:
        pending = pending_deletions(store.folder, store.key)
    except SealBroken as broken:
        return [f"{broken.what} cannot be read, so no unfinished deletion could be finished."]
    for item in pending:
        try:
            finish_deletion(store, item)
        except OSError as error:
            detail = getattr(error, "kind_message", None) or str(error)
            notes.append(
                f"Deleting the record with id {item.child_id} was interrupted before, and could "
                f"not be finished now ({detail}). Lasting Home will try again when it next opens."
            )
            continue
        notes.append(
            f"Lasting Home finished deleting the record with id {item.child_id}, which was "
            "interrupted before. It is now gone from every file."
        )
    return notes


# -- the steps (one function each, so a test can stop the deletion at any of them) -------------


def remove_pictures(store: DeletingStore, child_id: str) -> None:
    if not is_valid_id(child_id):
        return  # no picture can be stored under an id Lasting Home would not make
    folder = store.media.child_folder(child_id)
    if folder.is_dir():
        shutil.rmtree(folder)


def remove_drafts(store: DeletingStore, child_id: str) -> None:
    store.drafts.remove_child(child_id)


def rewrite_backups(store: DeletingStore, child_id: str) -> int:
    changed = store.backups.rewrite_each(lambda tables: drop_child_from_tables(tables, child_id))
    return changed + _clean_kept_aside(store, child_id)


def write_audit(store: DeletingStore, pending: PendingDeletion) -> None:
    """Once only: an entry already written for this deletion (before a crash) is enough."""
    for entry in reversed(store.audit.entries()):
        if entry.action == "deleted" and entry.child_id == pending.child_id:
            if entry.time >= pending.started:
                return
            break
    worker = store.audit.worker
    store.audit.worker = pending.worker or worker
    try:
        store.audit.record(
            "deleted",
            pending.child_id,
            f"Record, {pending.sections} section(s), {pending.media_files} picture file(s) "
            "removed; every backup rewritten without it.",
        )
    finally:
        store.audit.worker = worker


def _clean_kept_aside(store: DeletingStore, child_id: str) -> int:
    """Damaged database files kept aside by a restore hold the child too: rewritten without
    them when they can be read, removed when they cannot (no one could restore from them)."""
    changed = 0
    for kept in sorted(store.folder.glob(KEPT_ASIDE_PATTERN)):
        try:
            loaded = load_database(kept, store.key, role="kept-aside")
        except DamagedDatabase:
            kept.unlink(missing_ok=True)
            changed += 1
            continue
        if loaded is not None and drop_child_from_tables(loaded.tables, child_id):
            encoded = encode_database(
                loaded.tables, store.key, loaded.anchor, role="kept-aside", name=kept.name
            )
            atomic_write(kept, encoded)
            changed += 1
    return changed


def drop_child_from_tables(tables: dict[str, Any], child_id: str) -> bool:
    """Remove one child from a raw database (a backup); True if anything was there."""
    changed = False
    for name, table in tables.items():
        if not isinstance(table, dict):
            continue
        for doc_id in [k for k, doc in table.items() if _belongs_to(doc, name, child_id)]:
            del table[doc_id]
            changed = True
    return changed


def _belongs_to(doc: Any, table: str, child_id: str) -> bool:
    if not isinstance(doc, dict):
        return False
    if table == "children":
        return doc.get("id") == child_id
    return doc.get("child_id") == child_id


def _write(store: DeletingStore, pending: list[PendingDeletion]) -> None:
    path = store.folder / DELETIONS_NAME
    if not pending:
        path.unlink(missing_ok=True)
        return
    payload = json.dumps([asdict(item) for item in pending]).encode("utf-8")
    atomic_write(path, seal_with(store.key, payload, role="journal", name=DELETIONS_NAME))
