"""Two people changed the same part of a record without seeing each other's change: keep both
where they do not clash, and where they do, keep both values for a person to choose.

The one rule for two screens on one laptop (a form saved after together mode, say) and for two
laptops of a team. It works on a part as stored: a dict of fields, where a field holding a dict
is merged field by field (so one person changing the visit date and another the decision do not
clash) and any other value (text, a list of attendees) is one field. Nothing is ever dropped:
every clash carries both values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Fields beginning with "_" are the store's own bookkeeping (revisions), never merged.
_BOOKKEEPING = "_"
# The path of the whole part, for a clash between a deletion and a change.
WHOLE_PART = ""
_MISSING = object()


@dataclass(frozen=True)
class Clash:
    """One field both sides changed, differently. `path` names it ("journey.visit"); the
    values are as stored (None where a side removed it, or removed the whole part)."""

    path: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    """`merged` is the part with every non-clashing change of both sides; for each clash it
    holds `theirs` (what is stored now) until a person chooses. `merged` is None when the part
    was deleted on one side and not changed on the other."""

    merged: dict[str, Any] | None
    clashes: tuple[Clash, ...] = field(default_factory=tuple)
    mine_changed: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.clashes


def merge_part(
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any] | None,
    theirs: Mapping[str, Any] | None,
) -> MergeResult:
    """Three-way merge of one part. `base` is what both started from, `mine` the change being
    saved, `theirs` what is stored now. None means the part does not exist (never made, or
    deleted)."""
    if mine is None and theirs is None:
        return MergeResult(None)
    if mine is None or theirs is None:
        return _deleted_on_one_side(base, mine, theirs)
    base = base or {}
    clashes: list[Clash] = []
    changed: list[str] = []
    merged = _merge_dicts(base, mine, theirs, "", clashes, changed)
    return MergeResult(merged, tuple(clashes), tuple(changed))


def apply_choices(result: MergeResult, chosen: Mapping[str, Any]) -> dict[str, Any] | None:
    """The merged part with each clash settled: `chosen[path]` is the value a person picked
    (any clash not in `chosen` keeps the stored value). For a whole-part clash, the chosen
    value is the whole part (or None to let the deletion stand)."""
    if any(clash.path == WHOLE_PART for clash in result.clashes):
        whole = chosen.get(WHOLE_PART, result.merged)
        return None if whole is None else dict(whole)
    merged: dict[str, Any] = _copy(result.merged or {})
    for clash in result.clashes:
        if clash.path in chosen:
            _set_path(merged, clash.path, chosen[clash.path])
    return merged


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """The paths that differ between two versions of a part (for the audit trail: names, never
    values)."""
    out: list[str] = []
    _diff(before or {}, after or {}, "", out)
    return out


# -- inside ------------------------------------------------------------------------------------


def _deleted_on_one_side(
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any] | None,
    theirs: Mapping[str, Any] | None,
) -> MergeResult:
    survivor = mine if mine is not None else theirs
    assert survivor is not None
    if base is not None and not changed_fields(base, survivor):
        return MergeResult(None)  # deleted on one side, untouched on the other: gone
    if base is None and mine is not None:
        return MergeResult(_copy(mine), (), tuple(changed_fields({}, mine)))  # new on my side
    if base is None:
        return MergeResult(_copy(survivor))
    clash = Clash(WHOLE_PART, _copy(base), _maybe_copy(mine), _maybe_copy(theirs))
    return MergeResult(_maybe_copy(theirs), (clash,))


def _merge_dicts(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    prefix: str,
    clashes: list[Clash],
    changed: list[str],
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in sorted(set(base) | set(mine) | set(theirs), key=str):
        if key.startswith(_BOOKKEEPING):
            if key in theirs:
                merged[key] = theirs[key]
            continue
        path = f"{prefix}{key}"
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        if all(isinstance(v, Mapping) for v in (m, t)) and (
            b is _MISSING or isinstance(b, Mapping)
        ):
            sub_base = {} if b is _MISSING else b
            merged[key] = _merge_dicts(sub_base, m, t, f"{path}.", clashes, changed)
            continue
        value = _merge_value(path, b, m, t, clashes, changed)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _merge_value(
    path: str, base: Any, mine: Any, theirs: Any, clashes: list[Clash], changed: list[str]
) -> Any:
    if mine == base:
        return _copy(theirs)  # only they changed it (or nobody did)
    changed.append(path)
    if theirs in (base, mine):
        return _copy(mine)  # only I changed it, or we both made the same change
    clashes.append(Clash(path, _plain(base), _plain(mine), _plain(theirs)))
    return _copy(theirs)


def _diff(before: Mapping[str, Any], after: Mapping[str, Any], prefix: str, out: list[str]) -> None:
    for key in sorted(set(before) | set(after), key=str):
        if key.startswith(_BOOKKEEPING):
            continue
        b, a = before.get(key, _MISSING), after.get(key, _MISSING)
        if isinstance(b, Mapping) and isinstance(a, Mapping):
            _diff(b, a, f"{prefix}{key}.", out)
        elif b != a:
            out.append(f"{prefix}{key}")


def _set_path(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for name in parents:
        target = target.setdefault(name, {})
    if value is None and last not in target:
        return
    target[last] = _copy(value)


def _plain(value: Any) -> Any:
    return None if value is _MISSING else _copy(value)


def _maybe_copy(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else _copy(value)


def _copy(value: Any) -> Any:
    """A deep copy of JSON-like data, so a merge never shares lists with its inputs."""
    if value is _MISSING:
        return _MISSING
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(item) for item in value]
    return value
