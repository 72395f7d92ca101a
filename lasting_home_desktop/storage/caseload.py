"""The caseload store: every child's record and the sections other screens add, in one
crash-safe TinyDB file inside one locked data folder. Screens never touch TinyDB directly."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from ..domain.child import ChildRecord, RecordProblem
from ..domain.ids import new_id
from ..domain.journey import DEFAULT_AVOID_DELAY_DAYS, JourneySettings
from ..domain.merge import changed_fields
from .anchor import OwedAnchor
from .audit import AuditTrail
from .backups import BACKUP_FOLDER, DatabaseBackups
from .change_announcer import HANDOVER, ChangeAnnouncer
from .changes import ADDED, FOLDER, RECORD, REMOVED, SETTINGS, Change, ChangeNotices
from .crash_safe import CrashSafeStorage
from .crypto import FolderKey, FolderLocked
from .drafts import DRAFTS_FOLDER, Drafts
from .file_roles import DATABASE_NAME
from .key_file import is_encrypted_folder
from .lock import DataFolderLock
from .media import MEDIA_FOLDER, MediaStore
from .migrations import META_TABLE
from .part_access import CHILDREN, PREVIOUS, REVISION, PartAccess, StoredPart

__all__ = ["DATABASE_NAME", "CaseloadSettings", "CaseloadStore", "ChildNotFound"]

SETTINGS_TABLE = "_settings"
FOLDER_VALUES = "_folder_values"


class ChildNotFound(KeyError):
    pass


@dataclass(frozen=True)
class CaseloadSettings:
    avoid_delay_days: int = DEFAULT_AVOID_DELAY_DAYS

    @property
    def journey(self) -> JourneySettings:
        return JourneySettings(avoid_delay_days=self.avoid_delay_days)


class CaseloadStore(PartAccess):
    def __init__(
        self,
        folder: Path,
        db: TinyDB,
        lock: DataFolderLock | None,
        key: FolderKey | None = None,
    ):
        self.folder = folder
        self._db = db
        self._lock = lock
        self.key = key
        self.media = MediaStore(folder / MEDIA_FOLDER, key)
        self.backups = DatabaseBackups(folder / BACKUP_FOLDER, folder / DATABASE_NAME, key=key)
        self.audit = AuditTrail(folder, key, read_only=lock is None)
        if key is not None and lock is not None:
            # Each save's anchor goes with the audit entry that follows it: one write, not two.
            self.audit.owed = db.storage.owed = OwedAnchor(folder, key)  # type: ignore[attr-defined]
        self.changes = ChangeNotices()
        self._announcer = ChangeAnnouncer(self.audit, self.changes)
        self.drafts = Drafts(folder / DRAFTS_FOLDER, key)
        # What the worker should be told about opening (an encryption finished, a deletion
        # completed, a key file made again); shown once by the app, printed by tasks.
        self.notes: list[str] = []

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls, folder: str | Path, *, lock: bool = True, key: FolderKey | None = None
    ) -> CaseloadStore:
        """Open (or create) the data folder. With lock=False it is only read (the app may
        have it open): nothing is created or written there, and saving is refused.

        A folder with a key file is encrypted and needs its `key` (FolderLocked without
        one); opening it locked also seals any file still plain (a folder made before
        encryption, or one whose encryption a crash interrupted). A folder without a key file
        is read and written plain until a passphrase is first set (the app always asks for
        one at start).

        A database that is plain, sealed as something else, or older than the last one the
        folder saved is refused (DamagedDatabase), never read or overwritten; an unfinished
        deletion is finished. Raises FolderInUse, FolderLocked, DamagedDatabase (the file is
        left untouched), NewerSchema, or StorageWriteError with a kind message."""
        from .deletions import finish_pending_deletions
        from .folder_opening import open_for_writing, open_read_only

        folder = Path(folder)
        if key is None and is_encrypted_folder(folder):
            raise FolderLocked(folder)
        if key is not None and not is_encrypted_folder(folder):
            # Sealing files with a key the folder does not keep would lock them away for good.
            raise ValueError(f"{folder} has no key file: set its passphrase first.")
        if not lock:
            tables, notes = open_read_only(folder, key)
            db = TinyDB(
                folder / DATABASE_NAME,
                storage=CrashSafeStorage,
                read_only=True,
                initial=tables,
                key=key,
            )
            store = cls(folder, db, None, key)
            store.notes = notes
            return store
        opened = open_for_writing(folder, key)
        db = TinyDB(
            folder / DATABASE_NAME,
            storage=CrashSafeStorage,
            initial=opened.tables,
            key=key,
            generation=opened.generation,
        )
        store = cls(folder, db, opened.lock, key)
        store.notes = opened.notes + finish_pending_deletions(store)
        return store

    def close(self) -> None:
        try:
            storage: CrashSafeStorage = self._db.storage  # type: ignore[assignment]
            if self.audit.owed is not None:
                with contextlib.suppress(OSError):
                    self.audit.owed.settle()
            if self._lock is not None and storage.written:
                # Opening took a backup of the file as it was; unchanged since (and locked to
                # us), it needs no second one, nor the time and memory of comparing them.
                # A failed backup must not stop the window closing.
                with contextlib.suppress(Exception):
                    self.backups.take()
            self._db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> CaseloadStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All the changes inside land together in one write, or none of them do."""
        storage: CrashSafeStorage = self._db.storage  # type: ignore[assignment]
        if self._announcer.in_transaction:  # already inside one: the outer one decides
            yield
            return
        storage.begin()
        self._announcer.begin()
        try:
            yield
            storage.commit()
        except BaseException:
            storage.rollback()
            self._clear_query_caches()
            self._announcer.discard()
            raise
        self._announcer.land()

    def _changed(self, change: Change) -> None:
        self._announcer.changed(change)

    def record_done(self, action: str, child_id: str = "", detail: str = "") -> None:
        """Note something done (an export, a print) in the audit trail once it has happened
        (held back and written with the next entry if the disk is full now)."""
        self._announcer.record_done(action, child_id, detail)

    def _clear_query_caches(self) -> None:
        for name in self._db.tables():
            self._db.table(name).clear_cache()

    # -- children ----------------------------------------------------------------------------

    def part(self, child_id: str, part: str) -> StoredPart:
        """The record (part "record") or one section of a child, with its revision."""
        if part == RECORD:
            doc = self._db.table(CHILDREN).get(Query().id == child_id)
        else:
            doc = self._db.table(part).get(Query().child_id == child_id)
        if doc is None:
            return StoredPart(None)
        return StoredPart(_fields(doc), str(doc.get(REVISION, "")), str(doc.get(PREVIOUS, "")))

    def children(self, include_archived: bool = False) -> list[ChildRecord]:
        records = [ChildRecord.from_dict(doc) for doc in self._db.table(CHILDREN).all()]
        if not include_archived:
            records = [child for child in records if not child.archived]
        return sorted(records, key=lambda c: (c.last_name.casefold(), c.first_name.casefold()))

    def child(self, child_id: str) -> ChildRecord:
        doc = self._db.table(CHILDREN).get(Query().id == child_id)
        if doc is None:
            raise ChildNotFound(child_id)
        return ChildRecord.from_dict(doc)

    def add_child(self, child: ChildRecord, today: dt.date) -> ChildRecord:
        return self.add_children([child], today)[0]

    def add_children(self, children: Iterable[ChildRecord], today: dt.date) -> list[ChildRecord]:
        """All or nothing, in one write: a bad record stops the lot with RecordProblem."""
        checked = [child.joining(today).validated(today) for child in children]
        table = self._db.table(CHILDREN)
        known = {doc["id"] for doc in table.all()}
        for child in checked:
            if child.id in known:
                raise RecordProblem([f"A child with id {child.id} is already in the caseload."])
            known.add(child.id)
        with self.transaction():
            table.insert_multiple(_revised(child.to_dict(), None) for child in checked)
            for child in checked:
                self._changed(Change(child.id, RECORD, kind=ADDED))
        return checked

    def update_child(self, child: ChildRecord, today: dt.date) -> ChildRecord:
        checked = child.validated(today)
        table = self._db.table(CHILDREN)
        doc = table.get(Query().id == child.id)
        if doc is None:
            raise ChildNotFound(child.id)
        fields = changed_fields(_fields(doc), checked.to_dict())
        if not fields:
            return checked  # nothing changed: no write, no notice
        self._update(table, doc, _revised(checked.to_dict(), doc))
        self._changed(Change(child.id, RECORD, tuple(fields)))
        return checked

    def archive_child(self, child_id: str, archived: bool = True) -> ChildRecord:
        current = self.child(child_id)
        changed = replace(current, archived=archived)
        if changed == current:
            return current
        table = self._db.table(CHILDREN)
        doc = table.get(Query().id == child_id)
        table.update(_revised({**_fields(doc), "archived": archived}, doc), doc_ids=[doc.doc_id])
        self._changed(Change(child_id, RECORD, ("archived",)))
        return changed

    def has_child(self, child_id: str) -> bool:
        return self._db.table(CHILDREN).contains(Query().id == child_id)

    def _require(self, child_id: str) -> None:
        if not self._db.table(CHILDREN).contains(Query().id == child_id):
            raise ChildNotFound(child_id)

    # -- sections other parts of the app keep per child (the child's voice, meetings...) ------

    def section(self, name: str, child_id: str) -> dict[str, Any] | None:
        doc = self._db.table(name).get(Query().child_id == child_id)
        if doc is None:
            return None
        return _fields(doc)

    def save_section(self, name: str, child_id: str, data: dict[str, Any]) -> None:
        self._require(child_id)
        table = self._db.table(name)
        doc = table.get(Query().child_id == child_id)
        fields = changed_fields(_fields(doc) if doc else None, data)
        if doc is not None and not fields:
            return  # nothing changed: no write, no notice
        new = {**_revised(data, doc), "child_id": child_id}
        if doc is None:
            table.insert(new)
        else:
            self._update(table, doc, new)
        self._changed(Change(child_id, name, tuple(fields)))

    def _update(self, table: Any, doc: Any, fields: dict[str, Any]) -> None:
        # By document id, in place: no search, and no rebuilding of the table around it.
        self._db.storage.update_document(table.name, doc.doc_id, fields)  # type: ignore[attr-defined]
        table.clear_cache()

    def remove_section(self, name: str, child_id: str) -> None:
        """Drop one part of a child's record (it was deleted elsewhere and the worker agreed)."""
        if self._db.table(name).remove(Query().child_id == child_id):
            self._changed(Change(child_id, name, kind=REMOVED))

    def sections(self, name: str) -> dict[str, dict[str, Any]]:
        """Every child's copy of one section, by child id."""
        out: dict[str, dict[str, Any]] = {}
        for doc in self._db.table(name).all():
            out[doc["child_id"]] = _fields(doc)
        return out

    # -- settings ----------------------------------------------------------------------------

    def settings(self) -> CaseloadSettings:
        docs = self._db.table(SETTINGS_TABLE).all()
        data = docs[0] if docs else {}
        return CaseloadSettings(
            avoid_delay_days=int(data.get("avoid_delay_days", DEFAULT_AVOID_DELAY_DAYS))
        )

    def save_settings(self, settings: CaseloadSettings) -> None:
        if not 1 <= settings.avoid_delay_days <= 365:
            raise RecordProblem(["Please choose between 1 and 365 days for 'avoid delay'."])
        if settings == self.settings():
            return
        table = self._db.table(SETTINGS_TABLE)
        with self.transaction():
            table.truncate()
            table.insert({"avoid_delay_days": settings.avoid_delay_days})
            self._changed(Change("", SETTINGS, ("avoid_delay_days",)))

    # -- values that belong to the data folder, not to one child (the worker's PIN hash...) ---

    def folder_value(self, key: str) -> Any:
        doc = self._db.table(FOLDER_VALUES).get(Query().key == key)
        return None if doc is None else doc.get("value")

    def save_folder_value(self, key: str, value: Any) -> None:
        table = self._db.table(FOLDER_VALUES)
        doc = table.get(Query().key == key)
        if doc is not None and doc.get("value") == value:
            return
        table.upsert({"key": key, "value": value}, Query().key == key)
        self._changed(Change("", FOLDER, (key,)))

    @property
    def is_empty(self) -> bool:
        return len(self._db.table(CHILDREN)) == 0

    # -- one child's whole record, for hand-over and deletion -----------------------------------

    def child_sections(self, child_id: str) -> dict[str, dict[str, Any]]:
        """Every section table's entry for one child, by table name."""
        self._require(child_id)
        out: dict[str, dict[str, Any]] = {}
        for name in sorted(self._db.tables()):
            if name in _NOT_SECTIONS:
                continue
            section = self.section(name, child_id)
            if section is not None:
                out[name] = section
        return out

    def receive_child(self, record: dict[str, Any], sections: dict[str, dict[str, Any]]) -> None:
        """Add a record handed over from another laptop, with its sections, in one write. It
        was checked where it was made, so today's rules are not applied again here."""
        child = ChildRecord.from_dict(record)
        if self._db.table(CHILDREN).contains(Query().id == child.id):
            raise RecordProblem([f"A child with id {child.id} is already in the caseload."])
        with self.transaction():
            self._db.table(CHILDREN).insert(_revised(child.to_dict(), None))
            self._changed(Change(child.id, RECORD, kind=ADDED, origin=HANDOVER))
            for name, data in sections.items():
                if name in _NOT_SECTIONS or name.startswith("_"):
                    continue
                self._db.table(name).insert({**_revised(_fields(data), None), "child_id": child.id})
                self._changed(Change(child.id, name, kind=ADDED, origin=HANDOVER))

    def remove_child(self, child_id: str) -> int:
        """Drop the child's record and every section entry, in one write; returns how many
        section entries went. Media and backups are the caller's part (see child_removal)."""
        self._require(child_id)
        removed = 0
        with self.transaction():
            self._db.table(CHILDREN).remove(Query().id == child_id)
            for name in list(self._db.tables()):
                if name in _NOT_SECTIONS:
                    continue
                removed += len(self._db.table(name).remove(Query().child_id == child_id))
            self._changed(Change(child_id, RECORD, kind=REMOVED))
        return removed


_NOT_SECTIONS = {CHILDREN, SETTINGS_TABLE, FOLDER_VALUES, META_TABLE}


def _fields(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document without the store's own bookkeeping (its child id and revisions)."""
    return {k: v for k, v in doc.items() if k not in ("child_id", REVISION, PREVIOUS)}


def _revised(data: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
    """`data` as a new revision of `previous` (None: the first)."""
    return {
        **_fields(data),
        REVISION: new_id(12),
        PREVIOUS: str(previous.get(REVISION, "")) if previous else "",
    }
