"""Sharing what was saved here: each part changed on this laptop becomes a record (the part as
stored, and the team revisions it was based on), written with the pictures it needs and the
admin's new log entries into one new segment in this laptop's folder.

Pictures are written before the segment that refers to them, and records enter the cache only
once their segment is written, so a failure part-way (the folder went, the disk filled) simply
shares them next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ...domain.ids import new_id
from ...domain.team_merge import (
    TOMBSTONE,
    ClashOption,
    PartState,
    TeamRecord,
    clashes_still_open,
    resolve_part,
)
from ...domain.team_records import record_to_json
from .cache import PartEntry
from .context import HEARTBEAT, Round
from .folder import TeamFolderProblem, file_name
from .sealing import SEGMENT, SNAPSHOT, json_bytes, make_file, new_header

SEGMENT_RECORDS = 2000  # records per segment: a first share of a big caseload is split
SNAPSHOT_AFTER = 2000  # records written here since the last snapshot before writing another
HINTS = 24  # ancestors beyond the parents a record names
TIDY_AFTER_DAYS = 30


@dataclass(frozen=True)
class LocalPart:
    """A part as stored here now, whose revision is not the team's (changed here, or behind)."""

    child_id: str
    part: str
    data: dict[str, Any] | None
    revision: str
    previous: str = ""


@dataclass
class LocalChanges:
    parts: list[LocalPart] = field(default_factory=list)
    deletions: list[tuple[str, str]] = field(default_factory=list)  # part "*": the child
    chosen: dict[str, list[str]] = field(default_factory=dict)  # "child/part" -> paths chosen
    worker: str = ""


def stand_in_revision(child_id: str, part: str, data: Any) -> str:
    """A revision for a part saved before revisions existed: the same for the same content."""
    text = json.dumps([child_id, part, data], sort_keys=True, default=str)
    return "z" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:11]


def local_records(rnd: Round, local: LocalChanges, segment: str) -> list[TeamRecord]:
    """The records to share for what changed here (none for parts that are only behind)."""
    out: list[TeamRecord] = []
    clock = rnd.cache.files.lamport
    for item in local.parts:
        clock += 1
        record = _record_for(rnd, item, local, clock, segment)
        if record is not None:
            out.append(record)
    for child_id, part in local.deletions:
        clock += 1
        record = _deletion(rnd, child_id, part, local.worker, clock, segment)
        if record is not None:
            out.append(record)
    return out


def _record_for(
    rnd: Round, item: LocalPart, local: LocalChanges, clock: int, segment: str
) -> TeamRecord | None:
    cache = rnd.cache
    if cache.deleted(item.child_id) or not item.revision:
        return None  # a child deleted by the team stays deleted
    chosen = local.chosen.get(f"{item.child_id}/{item.part}", [])
    entry = cache.entry(item.child_id, item.part)
    known = cache.frontier(item.child_id, item.part, item.revision)
    if known is not None and not chosen:
        return None  # a revision the team knows: this laptop is behind, not changed
    if known is not None:
        # A worker chose the value already shown: a record of the choice settles the clash.
        base, record_id = known, new_id(16)
    else:
        base = cache.frontier(item.child_id, item.part, item.previous)
        if base is None:
            base = list(entry.applied) if entry is not None else []
        record_id = item.revision
    writer = ClashOption(None, rnd.identity.laptop, local.worker, rnd.stamp())
    carried = clashes_still_open(_state_at(entry, base, item.part), item.data, chosen, writer)
    return TeamRecord(
        record_id=record_id,
        child_id=item.child_id,
        part=item.part,
        laptop=rnd.identity.laptop,
        lamport=clock,
        wall=rnd.stamp(),
        parents=tuple(sorted(set(base))),
        ancestors=ancestor_hints(entry, base),
        data=item.data,
        clashes=carried,
        by=local.worker,
        segment=segment,
    )


def _deletion(
    rnd: Round, child_id: str, part: str, worker: str, clock: int, segment: str
) -> TeamRecord | None:
    cache = rnd.cache
    base: list[str] = []
    if part != TOMBSTONE:
        entry = cache.entry(child_id, part)
        state = cache.state(child_id, part)
        if entry is None or state is None or state.data is None or cache.deleted(child_id):
            return None  # nothing of it in the team to remove
        base = list(entry.applied) or list(state.heads)
    elif cache.deleted(child_id):
        return None
    return TeamRecord(
        record_id=new_id(16),
        child_id=child_id,
        part=part,
        laptop=rnd.identity.laptop,
        lamport=clock,
        wall=rnd.stamp(),
        parents=tuple(sorted(base)),
        ancestors=ancestor_hints(cache.entry(child_id, part), base),
        data=None,
        by=worker,
        segment=segment,
    )


def _state_at(entry: PartEntry | None, heads: list[str], part: str) -> PartState | None:
    """The part as it was at those heads (what the worker saw when they saved)."""
    if entry is None or not heads:
        return None
    current = entry.resolved(part)
    if current is not None and sorted(current.heads) == sorted(heads):
        return current
    keep: dict[str, TeamRecord] = {}
    stack = [h for h in heads if h in entry.records]
    while stack:
        rid = stack.pop()
        if rid in keep:
            continue
        keep[rid] = entry.records[rid]
        stack += [p for p in keep[rid].parents if p in entry.records]
    return resolve_part(keep) if keep else None


def ancestor_hints(entry: PartEntry | None, parents: Iterable[str]) -> tuple[str, ...]:
    """Recent ancestors beyond the parents, so a laptop missing the files in between still
    sees that an older head is not a concurrent change."""
    if entry is None:
        return ()
    seen = set(parents)
    queue = list(parents)
    out: list[str] = []
    while queue and len(out) < HINTS:
        record = entry.records.get(queue.pop(0))
        if record is None:
            continue
        for earlier in (*record.parents, *record.ancestors):
            if earlier not in seen:
                seen.add(earlier)
                out.append(earlier)
                queue.append(earlier)
    return tuple(out[:HINTS])


# -- writing ------------------------------------------------------------------------------------


def write_segments(rnd: Round, records: list[TeamRecord], segment: str) -> int:
    """Write the records (and the admin's new log entries) as segments; then keep them in
    the cache. A laptop with nothing to share writes an empty one now and then (a heartbeat).
    Returns how many records were written."""
    files = rnd.cache.files
    entries = [files.entries[e] for e in files.outbox if e in files.entries]
    quiet = not records and not entries
    if quiet and not _heartbeat_due(rnd):
        return 0
    chunks = [records[i : i + SEGMENT_RECORDS] for i in range(0, len(records), SEGMENT_RECORDS)]
    for index, chunk in enumerate(chunks or [[]]):
        file_id = segment if index == 0 else new_id(16)
        chunk = [replace(r, segment=file_id) for r in chunk]
        payload = {"records": [record_to_json(r) for r in chunk]}
        if index == 0 and entries:
            payload["entries"] = entries
        _write(rnd, SEGMENT, payload, file_id)
        for record in chunk:
            rnd.cache.add(record)
            if record.part != TOMBSTONE:
                rnd.cache.set_applied(record.child_id, record.part, [record.record_id])
    files.outbox = []
    files.own_since_snapshot += len(records)
    files.last_written = rnd.stamp()
    rnd.report.sent += len(records)
    return len(records)


def _heartbeat_due(rnd: Round) -> bool:
    import datetime as dt

    last = rnd.cache.files.last_written
    try:
        return not last or rnd.now - dt.datetime.fromisoformat(last) >= HEARTBEAT
    except ValueError:
        return True


def maybe_snapshot(rnd: Round, force: bool = False) -> bool:
    """Every so often, this laptop's records still needed (the heads and their parents, and
    for the admin its whole log) in one file, so a new laptop need not read all history."""
    files = rnd.cache.files
    if not force and files.own_since_snapshot < SNAPSHOT_AFTER:
        return False
    me = rnd.identity.laptop
    records: list[dict[str, Any]] = []
    for (_child, part), entry in list(rnd.cache.parts.items()):
        state = entry.resolved(part)
        if state is None:
            continue
        needed = set(state.heads)
        for head in state.heads:
            needed.update(entry.records[head].parents if head in entry.records else ())
        records += [
            record_to_json(entry.records[rid])
            for rid in sorted(needed)
            if rid in entry.records and entry.records[rid].laptop == me
        ]
    payload: dict[str, Any] = {"records": records}
    if rnd.identity.is_admin:
        payload["entries"] = list(files.entries.values())
    seq = _write(rnd, SNAPSHOT, payload, new_id(16))
    _tidy(rnd, files.snapshot_seq)
    files.snapshot_seq = seq
    files.own_since_snapshot = 0
    return True


def _tidy(rnd: Round, covered: int) -> None:
    """This laptop's own segments and snapshots that an earlier snapshot already covered, once
    they are a month old (every laptop in use has read them by then; one that has not gets
    what it needs from the snapshots). Keeps the team folder from growing without end."""
    if covered <= 0:
        return
    month_ago = time.time() - TIDY_AFTER_DAYS * 86400
    for found in rnd.listing:
        if (
            found.laptop == rnd.identity.laptop
            and found.kind in (SEGMENT, SNAPSHOT)
            and found.seq is not None
            and found.seq <= covered
            and found.mtime_ns / 1e9 < month_ago
        ):
            with contextlib.suppress(TeamFolderProblem, ValueError):
                rnd.folder.remove(found.rel)


def _write(rnd: Round, kind: str, payload: dict[str, Any], file_id: str) -> int:
    identity = rnd.identity
    seq = identity.next_seq()
    rnd.identity_changed = True
    header = replace(
        new_header(kind, identity.team_id, identity.laptop, identity.epoch, seq=seq),
        file_id=file_id,
    )
    data = make_file(header, json_bytes(payload), identity.team_key, identity.keys.sign)
    rnd.folder.write(identity.laptop, file_name(kind, seq, file_id), data)
    rnd.report.wrote = True
    return seq
