"""What a part of a child's record is, given every change the team has made to it.

Each laptop of a team writes its saves as records: the part as saved, and the team revisions it
was based on (its parents). The records of one part form a graph through the parents. This
module makes the state of a part a function of the *set* of its records, so every laptop that
holds the same records shows the same data, the same clashes and the same revision, whatever
order the files came in:

- the heads are the records no other record names as a parent (or as a recent ancestor);
- one head: its data;
- several: merged pairwise in a fixed order (Lamport clock, then laptop, then record id) with
  `merge_part`, the rule two screens on one laptop use, each time from the lowest common
  ancestor. Where that ancestor is not here (it came before a snapshot), every differing field
  is a clash: nothing is lost. A clashing field holds the value of the last in that order until
  a person chooses, and every value is kept with who wrote it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .merge import WHOLE_PART, merge_part

# The part of a record that deletes a whole child for good; it wins over every other record.
TOMBSTONE = "*"
# The part listing a child's picture files (name -> blob and checksum). Two laptops changing
# the same picture is settled automatically (the other version stays in the team folder).
MEDIA = "media"


@dataclass(frozen=True)
class ClashOption:
    """One value a field was given, and where it came from."""

    value: Any
    laptop: str = ""
    by: str = ""  # the worker's name
    wall: str = ""  # when, by that laptop's clock (shown only)


@dataclass(frozen=True)
class TeamClash:
    """A field two laptops changed differently without seeing each other's change."""

    path: str
    base: Any
    options: tuple[ClashOption, ...]


@dataclass(frozen=True)
class TeamRecord:
    record_id: str
    child_id: str
    part: str
    laptop: str
    lamport: int
    wall: str = ""
    parents: tuple[str, ...] = ()
    ancestors: tuple[str, ...] = ()  # recent ancestors beyond the parents, as a hint
    data: dict[str, Any] | None = None  # None: the part was removed
    clashes: tuple[TeamClash, ...] = ()  # clashes still open when it was written
    by: str = ""
    segment: str = ""  # the file id of the segment it was first written in

    @property
    def order(self) -> tuple[int, str, str]:
        return (self.lamport, self.laptop, self.record_id)


@dataclass(frozen=True)
class PartState:
    """The resolved part: `data` None means removed. `revision` is the single head's id, or an
    id made from the heads when several were merged. Read it; copy it to change it."""

    data: dict[str, Any] | None
    revision: str
    heads: tuple[str, ...]
    clashes: tuple[TeamClash, ...] = ()
    by: tuple[str, ...] = ()  # who wrote the heads, the provisional winner last


def merge_revision(heads: Iterable[str]) -> str:
    """The revision of a merge of these heads: the same on every laptop."""
    digest = hashlib.sha256("|".join(sorted(set(heads))).encode("utf-8")).hexdigest()
    return "m" + digest[:15]


def heads_of(records: Mapping[str, TeamRecord]) -> list[str]:
    """The records nothing else descends from, in merge order (the winner last)."""
    if len(records) == 1:
        return list(records)  # one record is its own head (even naming itself as a parent)
    referenced: set[str] = set()
    for record in records.values():
        referenced.update(record.parents)
        referenced.update(record.ancestors)
    heads = [rid for rid in records if rid not in referenced]
    if not heads and records:  # a loop of parents (only a broken writer makes one)
        heads = [max(records, key=lambda rid: records[rid].order)]
    return sorted(heads, key=lambda rid: records[rid].order)


def resolve_part(records: Mapping[str, TeamRecord], settle_clashes: bool = False) -> PartState:
    """The state of one part from all its records (at least one)."""
    if not records:
        raise ValueError("A part needs at least one record.")
    heads = heads_of(records)
    if len(heads) == 1:
        # The head's own data, not a copy: a state is read, never changed in place.
        head = records[heads[0]]
        clashes = () if settle_clashes else _distinct(head.clashes)
        return PartState(head.data, head.record_id, (head.record_id,), clashes, (head.by,))
    ancestry = _Ancestry(records)
    merged = _copy(records[heads[0]].data)
    folded = [heads[0]]
    found: dict[str, _Found] = {}
    for rid in heads:
        for clash in records[rid].clashes:
            found.setdefault(clash.path, _Found(clash.base)).options.extend(clash.options)
    for rid in heads[1:]:
        record = records[rid]
        base_id = ancestry.lowest_common(folded, rid)
        base = records[base_id].data if base_id is not None else None
        result = merge_part(base, merged, record.data)
        for clash in result.clashes:
            entry = found.setdefault(clash.path, _Found(clash.base))
            entry.options.append(_option(record, clash.theirs))
            source = _source_of(records, folded, clash.path, clash.mine)
            entry.options.append(_option(source, clash.mine))
        merged = result.merged
        folded.append(rid)
    clashes = () if settle_clashes else _settled_list(found)
    by = tuple(records[rid].by for rid in heads)
    return PartState(merged, merge_revision(heads), tuple(heads), clashes, by)


def value_at(data: Mapping[str, Any] | None, path: str) -> Any:
    """The value at a clash's path ("journey.visit"); the whole part for the empty path."""
    if path == WHOLE_PART:
        return None if data is None else dict(data)
    current: Any = data
    for name in path.split("."):
        if not isinstance(current, Mapping) or name not in current:
            return None
        current = current[name]
    return current


def clashes_still_open(
    state: PartState | None,
    data: Mapping[str, Any] | None,
    chosen: Iterable[str] = (),
    writer: ClashOption | None = None,
) -> tuple[TeamClash, ...]:
    """The clashes a new save carries forward. A clash a worker chose is settled. Typing over
    a clashing field replaces the value that was shown with the one typed, and the clash stays
    while any other laptop's value is still waiting to be chosen: nothing anyone did not see is
    dropped. `writer` credits the typed value."""
    if state is None:
        return ()
    chosen = set(chosen)
    out = []
    for clash in state.clashes:
        if clash.path in chosen:
            continue
        now, shown = value_at(data, clash.path), value_at(state.data, clash.path)
        if _same(now, shown):
            out.append(clash)
            continue
        options = [option for option in clash.options if not _same(option.value, shown)]
        typed = ClashOption(_copy(now), *(writer.laptop, writer.by, writer.wall) if writer else ())
        options = list(_distinct_options([*options, typed]))
        if len(options) >= 2:
            out.append(TeamClash(clash.path, clash.base, tuple(options)))
    return tuple(out)


# -- inside ------------------------------------------------------------------------------------


class _Found:
    def __init__(self, base: Any):
        self.base = base
        self.options: list[ClashOption] = []


class _Ancestry:
    """Ancestors of records (their ids, whether or not those records are here)."""

    def __init__(self, records: Mapping[str, TeamRecord]):
        self.records = records
        self._memo: dict[str, frozenset[str]] = {}

    def of(self, rid: str) -> frozenset[str]:
        if rid in self._memo:
            return self._memo[rid]
        out: set[str] = set()
        stack = [rid]
        visited = {rid}
        while stack:
            record = self.records.get(stack.pop())
            if record is None:
                continue
            for earlier in (*record.parents, *record.ancestors):
                out.add(earlier)
                if earlier in self.records and earlier not in visited:
                    visited.add(earlier)
                    stack.append(earlier)
        out.discard(rid)
        self._memo[rid] = frozenset(out)
        return self._memo[rid]

    def lowest_common(self, folded: list[str], rid: str) -> str | None:
        """The newest ancestor shared by `rid` and any of `folded` that is here (a record's
        Lamport clock is above its ancestors', so the newest is a lowest one)."""
        theirs = self.of(rid) | {rid}
        mine: set[str] = set()
        for other in folded:
            mine |= self.of(other) | {other}
        common = [c for c in mine & theirs if c in self.records]
        if not common:
            return None
        return max(common, key=lambda c: self.records[c].order)


def _option(record: TeamRecord | None, value: Any) -> ClashOption:
    if record is None:
        return ClashOption(_copy(value))
    return ClashOption(_copy(value), record.laptop, record.by, record.wall)


def _source_of(
    records: Mapping[str, TeamRecord], folded: list[str], path: str, value: Any
) -> TeamRecord | None:
    """The latest of the merged heads that holds this value (who to credit it to)."""
    for rid in reversed(folded):
        if _same(value_at(records[rid].data, path), value):
            return records[rid]
    return None


def _settled_list(found: dict[str, _Found]) -> tuple[TeamClash, ...]:
    out = []
    for path in sorted(found):
        entry = found[path]
        options = _distinct_options(entry.options)
        if len(options) >= 2:
            out.append(TeamClash(path, _copy(entry.base), options))
    return tuple(out)


def _distinct(clashes: tuple[TeamClash, ...]) -> tuple[TeamClash, ...]:
    return tuple(
        TeamClash(c.path, c.base, _distinct_options(list(c.options)))
        for c in sorted(clashes, key=lambda c: c.path)
        if len(_distinct_options(list(c.options))) >= 2
    )


def _distinct_options(options: list[ClashOption]) -> tuple[ClashOption, ...]:
    """One option per value (credited to the latest writer of it), in a fixed order."""
    by_value: dict[str, ClashOption] = {}
    for option in options:
        key = _canonical(option.value)
        held = by_value.get(key)
        if held is None or (option.wall, option.laptop) > (held.wall, held.laptop):
            by_value[key] = option
    return tuple(sorted(by_value.values(), key=lambda o: (o.wall, o.laptop, _canonical(o.value))))


def _same(a: Any, b: Any) -> bool:
    return _canonical(a) == _canonical(b)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(item) for item in value]
    return value
