"""Bringing this laptop's store up to the team's state.

`plan_round` (off the GUI thread) works out what changed: each part whose resolved revision is
not the one stored here, each child the team deleted, each child's clashes. `apply_plan` (on
the GUI thread, which owns the store) writes it: pictures first, then every part in one store
transaction with origin "team", so screens, the caseload and the tracker follow by themselves.
A part the worker saved meanwhile is left alone: it is shared next round and merged then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...domain.child import ChildRecord
from ...domain.team_merge import MEDIA, TOMBSTONE
from ...domain.team_records import clash_to_json
from ..caseload import CaseloadStore
from ..changes import RECORD
from ..child_removal import delete_child_record
from ..part_access import ReceivedPart
from .cache import PartKey, TeamCache
from .context import Round
from .media_sync import MediaWork

_NOT_STORE_PARTS = (MEDIA, TOMBSTONE)


@dataclass(frozen=True)
class PartToApply:
    child_id: str
    part: str
    data: dict[str, Any] | None
    revision: str
    heads: tuple[str, ...]
    by: str
    known: frozenset[str]  # revisions a store may hold for it to be replaced (not changed here)


@dataclass
class Plan:
    parts: list[PartToApply] = field(default_factory=list)
    deletions: dict[str, str] = field(default_factory=dict)  # child -> who deleted
    clashes: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    media: list[MediaWork] = field(default_factory=list)


def plan_round(
    rnd: Round, check: Iterable[PartKey], store_revisions: dict[PartKey, str] | None
) -> Plan:
    """What the store should now hold for the parts touched this round, those asked about,
    and (given every stored revision) every part that differs."""
    cache = rnd.cache
    plan = Plan()
    keys = set(cache.touched) | set(check)
    if store_revisions is not None:
        keys |= _differing(cache, store_revisions)
        for child_id, _part in store_revisions:
            if cache.deleted(child_id):
                keys.add((child_id, TOMBSTONE))
    for child_id, part in sorted(keys):
        if cache.deleted(child_id):
            if child_id not in plan.deletions:
                plan.deletions[child_id] = _deleted_by(rnd, child_id)
            continue
        if part in _NOT_STORE_PARTS:
            continue
        entry = cache.entry(child_id, part)
        state = cache.state(child_id, part)
        if entry is None or state is None:
            continue
        plan.parts.append(
            PartToApply(
                child_id,
                part,
                state.data,
                state.revision,
                state.heads,
                _names(state.by),
                frozenset(entry.records) | frozenset(entry.merges) | {""},
            )
        )
    for child_id in sorted({c for c, _ in keys} - set(plan.deletions)):
        plan.clashes[child_id] = _clash_summary(cache, child_id)
    return plan


def _differing(cache: TeamCache, store_revisions: dict[PartKey, str]) -> set[PartKey]:
    out = set()
    for key in cache.part_keys():
        if key[1] in _NOT_STORE_PARTS:
            continue
        entry = cache.parts[key]
        if not entry.records:
            continue
        if entry.revision(key[1]) != store_revisions.get(key, ""):
            out.add(key)
    return out


def _clash_summary(cache: TeamCache, child_id: str) -> dict[str, Any] | None:
    summary = {}
    for part in cache.child_parts(child_id):
        if part in _NOT_STORE_PARTS:
            continue
        state = cache.state(child_id, part)
        if state is not None and state.clashes:
            summary[part] = [clash_to_json(clash) for clash in state.clashes]
    return summary or None


def _deleted_by(rnd: Round, child_id: str) -> str:
    entry = rnd.cache.entry(child_id, TOMBSTONE)
    if entry is None or not entry.records:
        return ""
    first = min(entry.records.values(), key=lambda r: r.order)
    return first.by or rnd.worker_of(first.laptop)


def _names(by: Iterable[str]) -> str:
    names = [name for name in dict.fromkeys(by) if name]
    return " and ".join(names)


# -- on the GUI thread ---------------------------------------------------------------------------


@dataclass
class Applied:
    parts: int = 0
    deleted: int = 0
    pictures: int = 0
    skipped: list[PartKey] = field(default_factory=list)  # changed here meanwhile


def apply_plan(
    store: CaseloadStore, cache: TeamCache, plan: Plan, changed_here: set[PartKey]
) -> Applied:
    """Write the plan into the store (see the module's note). `changed_here`: parts saved or
    deleted on this laptop since the round began, which are left for the next round."""
    done = Applied()
    for child_id, by in plan.deletions.items():
        if store.has_child(child_id):
            delete_child_record(store, child_id)
            store.record_done(
                "deleted-by-team", child_id, f"Deleted for good on {by or 'a member'}'s laptop"
            )
            done.deleted += 1
        cache.forget_child(child_id)
    pictures = {}
    for work in plan.media:
        written = _write_pictures(store, cache, work)
        if written:
            pictures[work.child_id] = (written, work.by)
            done.pictures += len(written)
    children = store.child_ids()
    received = _parts_to_store(store, cache, plan, changed_here, done, children)
    present = children | {p.child_id for p in received}
    clashes = {c: s for c, s in plan.clashes.items() if c in present}
    store.receive_team_parts(received, clashes, pictures)
    heads = {(p.child_id, p.part): p.heads for p in plan.parts}
    for item in received:
        cache.set_applied(item.child_id, item.part, list(heads[(item.child_id, item.part)]))
    done.parts = len(received)
    return done


def _parts_to_store(
    store: CaseloadStore,
    cache: TeamCache,
    plan: Plan,
    changed_here: set[PartKey],
    done: Applied,
    children: set[str],
) -> list[ReceivedPart]:
    # Only the revisions of the children the plan brings: a round usually brings a few parts
    # of a team of thousands.
    wanted: dict[str, set[str]] = {}
    for item in plan.parts:
        wanted.setdefault(item.part, set()).add(item.child_id)
    revisions = {part: store.part_revisions(part, ids) for part, ids in wanted.items()}
    coming = {p.child_id for p in plan.parts if p.part == RECORD and p.data is not None}
    out: list[ReceivedPart] = []
    for item in plan.parts:
        key = (item.child_id, item.part)
        current = revisions[item.part].get(item.child_id, ("", ""))[0]
        if current == item.revision:
            cache.set_applied(item.child_id, item.part, list(item.heads))
            continue
        if key in changed_here or current not in item.known:
            done.skipped.append(key)
            continue
        if item.part == RECORD:
            if item.data is None or not _readable(item.data):
                continue
        elif item.child_id not in children and item.child_id not in coming:
            continue  # a section before its child's record: it comes with the record
        out.append(ReceivedPart(item.child_id, item.part, item.data, item.revision, item.by))
    return out


def _readable(data: dict[str, Any]) -> bool:
    try:
        ChildRecord.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False  # written by a newer Lasting Home: kept in the team folder, shown later
    return True


def _write_pictures(store: CaseloadStore, cache: TeamCache, work: MediaWork) -> list[str]:
    """The pictures the team changed, written only where the file is still as it was read."""
    entry = cache.media_entry(work.child_id)
    written: list[str] = []
    for name, data, sha in work.writes:
        if _stamp(store, work.child_id, name) != _seen_stamp(work, name):
            continue  # changed here meanwhile
        media_id, ext = name.rsplit(".", 1)
        try:
            store.media.put(work.child_id, data, ext, media_id=media_id)
        except (OSError, ValueError):
            continue
        entry.local[name] = sha
        stamp = _stamp(store, work.child_id, name)
        if stamp is not None:
            entry.hashes[name] = [stamp[0], stamp[1], sha]
        written.append(name)
    for name in work.deletes:
        if _stamp(store, work.child_id, name) != _seen_stamp(work, name):
            continue
        media_id, ext = name.rsplit(".", 1)
        with contextlib.suppress(OSError, ValueError):
            store.media.delete(work.child_id, media_id, ext)
            entry.local.pop(name, None)
            entry.hashes.pop(name, None)
            written.append(name)
    if work.heads and not work.wanted and not work.later:
        entry.applied = list(work.heads)
    cache.mark_media(work.child_id)
    return written


def _stamp(store: CaseloadStore, child_id: str, name: str) -> tuple[int, int] | None:
    media_id, ext = name.rsplit(".", 1)
    try:
        stat = store.media.path(child_id, media_id, ext).stat()
    except (OSError, ValueError):
        return None
    return (stat.st_size, stat.st_mtime_ns)


def _seen_stamp(work: MediaWork, name: str) -> tuple[int, int] | None:
    found = work.seen.get(name)
    return None if found is None else found.stamp
