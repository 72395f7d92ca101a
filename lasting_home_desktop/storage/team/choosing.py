"""A worker chooses between the values two laptops gave a field: the choice is saved like any
change (so every screen shows it) and marked as chosen, so the record shared next names both
changes as its parents and settles the clash on every laptop, even where the value chosen is
the one already shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...domain.child import ChildRecord
from ...domain.merge import WHOLE_PART
from ..changes import RECORD
from .sync import TeamSync


def choose(
    sync: TeamSync, child_id: str, part: str, chosen: Mapping[str, Any], today: dt.date
) -> None:
    """`chosen` maps each clash's path to the value picked. RecordProblem if the child's
    details would break today's rules (nothing is saved then)."""
    store = sync.store
    stored = store.part(child_id, part)
    if WHOLE_PART in chosen:
        data = _copy(chosen[WHOLE_PART])
    else:
        data = _copy(stored.data) or {}
        for path, value in chosen.items():
            _set_path(data, path, value)
    if part == RECORD:
        record = ChildRecord.from_dict({**(data or stored.data or {}), "id": child_id})
        record.validated(today)
    sync.note_chosen(child_id, part, sorted(chosen))
    if part == RECORD:
        store.update_child(record, today)
    elif data is None:
        store.remove_section(part, child_id)
    else:
        store.save_section(part, child_id, data)


def _set_path(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for name in parents:
        inner = target.get(name)
        if not isinstance(inner, dict):
            inner = target[name] = {}
        target = inner
    if value is None:
        target.pop(last, None)
    else:
        target[last] = _copy(value)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
