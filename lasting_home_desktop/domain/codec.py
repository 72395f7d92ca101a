"""One way to turn a record into what is stored (plain JSON: dicts, lists, text, numbers) and
back, for every dataclass record in the domain.

Stored data outlives the code that wrote it and may have been written by an older or newer
version, typed by hand, or damaged, so reading is forgiving: a missing field takes its default,
a value of the wrong kind is read as well as it can be or takes the default, and one damaged
item in a list is left out rather than hiding the others. Writing is exact and stable, so the
same record always stores the same way (the store compares what changed field by field).

Per field, `dataclasses.field(metadata=...)` may say:
- `key`: the stored name when it differs from the field's ("id" for a drawing's id),
- `omit_default`: leave the field out while it holds its default (fields added later, so older
  records keep reading as unchanged),
- `pairs_as_mapping`: a tuple of (key, text) pairs stored as one mapping,
- `required`: never invented when missing (an id), though new records get one.
A record may define `_upgrade(data) -> data` (a classmethod run on the stored dict first: old
shapes made new) and `_settled(self) -> Self` (run on the result: tidy-ups such as trimming).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING = dataclasses.MISSING


def encode(record: Any) -> dict[str, Any]:
    """The record as stored."""
    return _encode_value(record)


def decode(cls: type[T], data: Any, *, strict: bool = False) -> T:
    """A record of `cls` from what is stored (None or junk gives the empty record, where the
    record has defaults for every field). `strict` (for `check`) raises ValueError naming any
    field that cannot be read, instead of quietly taking its default."""
    return _decoder(cls, strict)(data)


# -- encoding ------------------------------------------------------------------------------------


def _encode_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name, key, meta in _fields(type(value)):
            item = getattr(value, name)
            if meta.get("omit_default") and item == _default_of(type(value), name):
                continue
            if meta.get("pairs_as_mapping"):
                out[key] = {str(k): _encode_value(v) for k, v in item}
            else:
                out[key] = _encode_value(item)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, tuple | list):
        return [_encode_value(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _encode_value(v) for k, v in value.items()}
    return value


# -- decoding ------------------------------------------------------------------------------------

Reader = Callable[[Any], Any]


class _Skip(Exception):
    """This value cannot be read: use the default (or leave the item out of a list)."""


@cache
def _fields(cls: type) -> tuple[tuple[str, str, dict[str, Any]], ...]:
    return tuple(
        (f.name, f.metadata.get("key", f.name), dict(f.metadata))
        for f in dataclasses.fields(cls)
        if f.init
    )


def _default_of(cls: type, name: str) -> Any:
    for item in dataclasses.fields(cls):
        if item.name == name:
            if item.default is not _MISSING:
                return item.default
            if item.default_factory is not _MISSING:
                return item.default_factory()
    return _MISSING


@cache
def _decoder(cls: type, strict: bool = False) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, str, Reader, bool]] = []
    for name, key, meta in _fields(cls):
        if meta.get("pairs_as_mapping"):
            reader: Reader = _pairs_reader(hints[name], strict)
        else:
            reader = _reader(hints[name], strict)
        has_default = _default_of(cls, name) is not _MISSING and not meta.get("required")
        plan.append((name, key, reader, has_default))
    upgrade = getattr(cls, "_upgrade", None)
    settle = getattr(cls, "_settled", None)

    def read(data: Any) -> Any:
        data = data if isinstance(data, dict) else {}
        if upgrade is not None:
            data = upgrade(data)
        values = {}
        for name, key, reader, has_default in plan:
            if key not in data or data[key] is None:
                if has_default:
                    continue
                raise _Skip(key)
            try:
                values[name] = reader(data[key])
            except (_Skip, ValueError, TypeError, KeyError, AttributeError):
                if strict or not has_default:
                    raise _Skip(key) from None
        record = cls(**values)
        return settle(record) if settle is not None else record

    def read_record(data: Any) -> Any:
        try:
            return read(data)
        except _Skip as missing:
            raise ValueError(f"its {missing} cannot be read") from None

    return read_record


def _reader(hint: Any, strict: bool = False) -> Reader:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in args if arg is not type(None)]
        return _reader(inner[0], strict) if len(inner) == 1 else (lambda value: value)
    if origin is tuple or origin is list:
        item = _reader(args[0], strict) if args else (lambda value: value)
        return _sequence_reader(item, strict)
    if origin is dict:
        inner_reader = _reader(args[1], strict) if len(args) == 2 else (lambda value: value)
        return lambda value: {str(k): inner_reader(v) for k, v in dict(value).items()}
    if isinstance(hint, type):
        return _plain_reader(hint, strict)
    return lambda value: value


def _plain_reader(hint: type, strict: bool) -> Reader:
    if dataclasses.is_dataclass(hint):
        return _decoder(hint, strict)
    if issubclass(hint, enum.Enum):
        members = hint._value2member_map_
        return lambda value: members[value]
    if hint is bool:
        return bool
    if hint is str:
        return str
    if hint is int:
        return lambda value: int(value)
    if hint is float:
        return lambda value: float(value)
    if hint is dt.date:
        return lambda value: dt.date.fromisoformat(str(value)[:10]) if value else _skip()
    if hint is dt.time:
        return lambda value: dt.time.fromisoformat(str(value)) if value else _skip()
    return lambda value: value


def _sequence_reader(item_reader: Reader, strict: bool) -> Reader:
    def read(value: Any) -> tuple[Any, ...]:
        if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
            raise _Skip("not a list")
        out = []
        for item in value:
            try:
                out.append(item_reader(item))
            except (_Skip, ValueError, TypeError, KeyError, AttributeError):
                if strict:
                    raise
                continue  # one damaged item must not hide the others
        return tuple(out)

    return read


def _pairs_reader(hint: Any, strict: bool) -> Reader:
    """tuple[tuple[str, V], ...] stored as {key: V}; a value that cannot be read is left out."""
    pair = typing.get_args(hint)[0] if typing.get_args(hint) else None
    value_hint = typing.get_args(pair)[1] if pair is not None and typing.get_args(pair) else str
    value_reader = _reader(value_hint, strict)

    def read(value: Any) -> tuple[tuple[str, Any], ...]:
        if not isinstance(value, dict):
            raise _Skip("not a mapping")
        out = []
        for key, item in value.items():
            try:
                out.append((str(key), value_reader(item)))
            except (_Skip, ValueError, TypeError, KeyError, AttributeError):
                if strict:
                    raise
                continue
        return tuple(out)

    return read


def _skip() -> Any:
    raise _Skip("empty")
