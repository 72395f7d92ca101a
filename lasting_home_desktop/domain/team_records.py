"""Team records as JSON, with short keys (a council's team folder holds hundreds of thousands of
them). Reading checks every field's type: a record that is not well formed raises
`NotARecord`, so one bad record never stops the others."""

from __future__ import annotations

import re
from typing import Any

from .team_merge import ClashOption, TeamClash, TeamRecord

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_PART = re.compile(r"^(\*|[a-z][a-z0-9_]{0,63})$")
MOST_PARENTS = 64
MOST_ANCESTORS = 64


class NotARecord(ValueError):
    """A record (or part of one) is not what this version of Lasting Home writes."""


def record_to_json(record: TeamRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "i": record.record_id,
        "c": record.child_id,
        "p": record.part,
        "l": record.laptop,
        "n": record.lamport,
        "w": record.wall,
        "a": list(record.parents),
        "d": record.data,
        "s": record.segment,
    }
    if record.ancestors:
        out["h"] = list(record.ancestors)
    if record.clashes:
        out["x"] = [clash_to_json(clash) for clash in record.clashes]
    if record.by:
        out["b"] = record.by
    return out


def record_from_json(raw: Any) -> TeamRecord:
    if not isinstance(raw, dict):
        raise NotARecord("not an object")
    data = raw.get("d")
    if data is not None and not isinstance(data, dict):
        raise NotARecord("data is not an object")
    lamport = raw.get("n")
    if not isinstance(lamport, int) or isinstance(lamport, bool) or lamport < 0:
        raise NotARecord("no clock")
    return TeamRecord(
        record_id=_id(raw.get("i")),
        child_id=_id(raw.get("c")),
        part=_part(raw.get("p")),
        laptop=_id(raw.get("l")),
        lamport=lamport,
        wall=_text(raw.get("w", "")),
        parents=_ids(raw.get("a", []), MOST_PARENTS),
        ancestors=_ids(raw.get("h", []), MOST_ANCESTORS),
        data=data,
        clashes=tuple(clash_from_json(c) for c in _list(raw.get("x", []))),
        by=_text(raw.get("b", "")),
        segment=_text(raw.get("s", "")),
    )


def clash_to_json(clash: TeamClash) -> dict[str, Any]:
    return {
        "path": clash.path,
        "base": clash.base,
        "options": [{"v": o.value, "l": o.laptop, "b": o.by, "w": o.wall} for o in clash.options],
    }


def clash_from_json(raw: Any) -> TeamClash:
    if not isinstance(raw, dict) or not isinstance(raw.get("path"), str):
        raise NotARecord("a clash without a path")
    options = []
    for item in _list(raw.get("options", [])):
        if not isinstance(item, dict):
            raise NotARecord("a clash option is not an object")
        options.append(
            ClashOption(
                item.get("v"),
                _text(item.get("l", "")),
                _text(item.get("b", "")),
                _text(item.get("w", "")),
            )
        )
    return TeamClash(raw["path"], raw.get("base"), tuple(options))


def _id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise NotARecord(f"not an id: {value!r}"[:80])
    return value


# The store's own tables, which no record of a child's part may name.
_NOT_PARTS = {"children"}


def _part(value: Any) -> str:
    if not isinstance(value, str) or not _PART.match(value) or value in _NOT_PARTS:
        raise NotARecord(f"not a part name: {value!r}"[:80])
    return value


def _ids(value: Any, most: int) -> tuple[str, ...]:
    if value == []:
        return ()
    items = _list(value)
    if len(items) > most:
        raise NotARecord("too many parents")
    return tuple(_id(item) for item in items)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise NotARecord("not a list")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise NotARecord("not text")
    return value[:500]
