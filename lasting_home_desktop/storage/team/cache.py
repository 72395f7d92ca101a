"""This laptop's copy of everything the team has written: every record by child and part, the
merge revisions made here, what was last written into the store for each part, the pictures'
checksums, and which team files were read.

Kept in `team/cache/` in the data folder: 256 shards by child (so one change rewrites a small
file) and `files.lhs`. Shards are written before the list of files read, so a kill in between
only means files are read again (records dedupe by id). All of it can be rebuilt from the team
folder: a missing or inconsistent cache is simply started again.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...domain.team_merge import (
    MEDIA,
    TOMBSTONE,
    PartState,
    TeamRecord,
    heads_of,
    merge_revision,
    resolve_part,
)
from ...domain.team_records import NotARecord, record_from_json, record_to_json
from ..crypto import FolderKey
from .local_files import LocalStateDamaged, read_local, team_state_folder, write_local

CACHE_FOLDER = "cache"
FILES = "files.lhs"
SHARDS = 256

PartKey = tuple[str, str]  # (child id, part)


@functools.lru_cache(maxsize=65536)
@functools.lru_cache(maxsize=1 << 16)  # asked of every child at every save of the cache
def shard_of(child_id: str) -> int:
    return hashlib.sha1(child_id.encode("utf-8")).digest()[0] % SHARDS


@dataclass
class PartEntry:
    records: dict[str, TeamRecord] = field(default_factory=dict)
    merges: dict[str, list[str]] = field(default_factory=dict)  # merge revision -> heads
    applied: list[str] = field(default_factory=list)  # the heads last written to the store
    state: PartState | None = None  # resolved, kept until a record is added

    def resolved(self, part: str) -> PartState | None:
        if self.state is None and self.records:
            self.state = resolve_part(self.records, settle_clashes=part == MEDIA)
            if len(self.state.heads) > 1:
                self.merges[self.state.revision] = list(self.state.heads)
        return self.state

    def revision(self, part: str) -> str:
        """The resolved revision, without resolving the data."""
        if self.state is not None:
            return self.state.revision
        heads = heads_of(self.records)
        return heads[0] if len(heads) == 1 else merge_revision(heads)


@dataclass
class MediaEntry:
    """One child's picture files as this laptop knows them."""

    local: dict[str, str] = field(default_factory=dict)  # name -> sha256 the folder holds
    hashes: dict[str, list[Any]] = field(default_factory=dict)  # name -> [size, mtime, sha]
    applied: list[str] = field(default_factory=list)  # the media heads the folder now holds


@dataclass
class FilesIndex:
    read: dict[str, list[int]] = field(default_factory=dict)  # rel -> [size, mtime]
    tried: dict[str, list[int]] = field(default_factory=dict)  # not whole: retry if changed
    waiting: dict[str, int] = field(default_factory=dict)  # writer/key unknown: at membership n
    deferred: list[str] = field(default_factory=list)  # history behind a snapshot, to read
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # the admin's log
    outbox: list[str] = field(default_factory=list)  # entries made here, not yet written
    seen: dict[str, str] = field(default_factory=dict)  # laptop -> when a file of it came
    lamport: int = 0
    own_since_snapshot: int = 0
    snapshot_seq: int = 0
    last_written: str = ""  # when this laptop last wrote a segment (for heartbeats)
    last_synced: str = ""  # when a round last reached the team folder
    started: bool = False  # the first gather is done

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, raw: Any) -> FilesIndex:
        index = cls()
        if isinstance(raw, dict):
            for name in cls.__dataclass_fields__:
                if name in raw:
                    setattr(index, name, raw[name])
        return index


class TeamCache:
    def __init__(self, data_folder: Path, key: FolderKey | None):
        self.folder = team_state_folder(data_folder) / CACHE_FOLDER
        self.key = key
        self.parts: dict[PartKey, PartEntry] = {}
        self._by_child: dict[str, set[str]] = {}  # child -> its parts here
        self.media: dict[str, MediaEntry] = {}
        self.files = FilesIndex()
        self.touched: set[PartKey] = set()
        # Shard files by name ("shard-0a": records, "media-0a": pictures' checksums), so
        # bringing in pictures rewrites small files only.
        self._dirty: set[str] = set()
        self._gens: dict[str, int] = {}
        self.loaded = False
        self.rebuilt = False  # the cache was started again this session

    # -- loading and saving --------------------------------------------------------------------

    def load(self) -> None:
        """Everything from disk; a damaged or inconsistent cache starts again (the team folder
        holds everything it held)."""
        if self.loaded:
            return
        self.loaded = True
        try:
            raw = read_local(self.folder / FILES, self.key)
            if raw is None:
                return
            gens = {str(k): int(v) for k, v in dict(raw.get("shards", {})).items()}
            files = FilesIndex.from_json(raw.get("files"))
            for name, gen in gens.items():
                self._load_shard(name, gen)
        except (LocalStateDamaged, NotARecord, ValueError, TypeError, AttributeError, KeyError):
            self.reset()
            return
        self.files = files
        self._gens = gens

    def _load_shard(self, name: str, gen: int) -> None:
        raw = read_local(self.folder / f"{name}.lhs", self.key)
        if raw is None or int(raw.get("gen", -1)) < gen:
            raise LocalStateDamaged(f"{name} is older than the list of files read")
        for key, stored in raw.get("parts", {}).items():
            child, part = key.split("/", 1)
            entry = self._part(child, part)
            for item in stored.get("r", []):
                record = record_from_json(item)
                entry.records[record.record_id] = record
            entry.merges.update({str(k): list(v) for k, v in stored.get("m", {}).items()})
            entry.applied = [str(h) for h in stored.get("a", [])]
        for child, stored in raw.get("media", {}).items():
            self.media[child] = MediaEntry(
                dict(stored.get("local", {})),
                dict(stored.get("hash", {})),
                [str(h) for h in stored.get("a", [])],
            )

    def reset(self) -> None:
        """Start again from nothing: the next gather reads the whole team folder."""
        self.parts.clear()
        self._by_child.clear()
        self.media.clear()
        self.files = FilesIndex()
        self.touched.clear()
        self._gens = {}
        every = {f"{kind}-{n:02x}" for kind in ("shard", "media") for n in range(SHARDS)}
        self._dirty = every if self.folder.is_dir() else set()
        self.rebuilt = True

    def save(self) -> None:
        groups: dict[str, list[str]] = {}
        for child in set(self._by_child) | set(self.media):
            shard = shard_of(child)
            for kind in ("shard", "media"):
                name = f"{kind}-{shard:02x}"
                if name in self._dirty:
                    groups.setdefault(name, []).append(child)
        for name in sorted(self._dirty):
            self._gens[name] = self._gens.get(name, 0) + 1
            children = sorted(groups.get(name, []))
            payload = (
                self._media_json(children)
                if name.startswith("media-")
                else (self._shard_json(children))
            )
            payload["gen"] = self._gens[name]
            write_local(self.folder / f"{name}.lhs", payload, self.key, durable=False)
        self._dirty.clear()
        payload = {"format": 1, "shards": self._gens, "files": self.files.to_json()}
        write_local(self.folder / FILES, payload, self.key, durable=False)

    def _shard_json(self, children: list[str]) -> dict[str, Any]:
        parts = {}
        for child, part in ((c, p) for c in children for p in sorted(self._by_child.get(c, ()))):
            entry = self.parts[(child, part)]
            parts[f"{child}/{part}"] = {
                "r": [record_to_json(r) for r in entry.records.values()],
                "m": entry.merges,
                "a": entry.applied,
            }
        return {"parts": parts}

    def _media_json(self, children: list[str]) -> dict[str, Any]:
        media = {}
        for child in children:
            entry = self.media.get(child)
            if entry is not None:
                media[child] = {"local": entry.local, "hash": entry.hashes, "a": entry.applied}
        return {"media": media}

    def mark(self, child_id: str) -> None:
        """The child's records changed: their shard is written at the next save."""
        self._dirty.add(f"shard-{shard_of(child_id):02x}")

    def mark_media(self, child_id: str) -> None:
        """The child's pictures' checksums changed."""
        self._dirty.add(f"media-{shard_of(child_id):02x}")

    # -- records ---------------------------------------------------------------------------------

    def _part(self, child_id: str, part: str) -> PartEntry:
        entry = self.parts.get((child_id, part))
        if entry is None:
            entry = self.parts[(child_id, part)] = PartEntry()
            self._by_child.setdefault(child_id, set()).add(part)
        return entry

    def add(self, record: TeamRecord) -> bool:
        """Keep a record; False if it was here already."""
        entry = self._part(record.child_id, record.part)
        if record.record_id in entry.records:
            return False
        entry.records[record.record_id] = record
        entry.state = None
        self.files.lamport = max(self.files.lamport, record.lamport)
        self.touched.add((record.child_id, record.part))
        self.mark(record.child_id)
        return True

    def drop(self, keep: Any) -> None:
        """Forget every record `keep(record)` refuses (a removed laptop's, outside its cut)."""
        for key, entry in self.parts.items():
            gone = [rid for rid, record in entry.records.items() if not keep(record)]
            for rid in gone:
                del entry.records[rid]
            if gone:
                entry.state = None
                self.touched.add(key)
                self.mark(key[0])

    def entry(self, child_id: str, part: str) -> PartEntry | None:
        return self.parts.get((child_id, part))

    def state(self, child_id: str, part: str) -> PartState | None:
        entry = self.parts.get((child_id, part))
        return None if entry is None else entry.resolved(part)

    def frontier(self, child_id: str, part: str, revision: str) -> list[str] | None:
        """The heads a revision stands for, if it is one the team knows."""
        entry = self.parts.get((child_id, part))
        if entry is None or not revision:
            return None
        if revision in entry.records:
            return [revision]
        if revision in entry.merges:
            return list(entry.merges[revision])
        return None

    def deleted(self, child_id: str) -> bool:
        entry = self.parts.get((child_id, TOMBSTONE))
        return entry is not None and bool(entry.records)

    def child_parts(self, child_id: str) -> list[str]:
        return sorted(self._by_child.get(child_id, ()))

    def part_keys(self) -> Iterator[PartKey]:
        return iter(list(self.parts))

    def children(self) -> set[str]:
        return set(self._by_child)

    def set_applied(self, child_id: str, part: str, heads: list[str]) -> None:
        entry = self._part(child_id, part)
        if entry.applied != heads:
            entry.applied = list(heads)
            self.mark(child_id)

    def media_entry(self, child_id: str) -> MediaEntry:
        entry = self.media.get(child_id)
        if entry is None:
            entry = self.media[child_id] = MediaEntry()
        return entry

    def forget_child(self, child_id: str) -> None:
        """After a deletion: every record but the tombstone goes (nothing can bring it back)."""
        for part in self.child_parts(child_id):
            if part != TOMBSTONE:
                del self.parts[(child_id, part)]
                self._by_child[child_id].discard(part)
        self.media.pop(child_id, None)
        self.mark(child_id)
        self.mark_media(child_id)
