"""Schema version and the ordered list of migrations applied when an older folder is opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

META_TABLE = "_meta"
SCHEMA_VERSION = 1

Tables = dict[str, dict[str, Any]]


class NewerSchema(Exception):
    def __init__(self, found: int):
        self.found = found
        super().__init__(
            f"This data was saved by a newer version of Lasting Home (data version {found}; "
            f"this copy understands up to {SCHEMA_VERSION}). Please update Lasting Home; "
            "nothing has been changed."
        )


def _to_1(tables: Tables) -> None:
    """Version 1: the first schema. Folders from before versioning get the children table."""
    tables.setdefault("children", {})


# MIGRATIONS[n] turns version n into n + 1; append, never edit a released one.
MIGRATIONS: list[Callable[[Tables], None]] = [_to_1]
assert len(MIGRATIONS) == SCHEMA_VERSION


def schema_version(tables: Tables) -> int:
    meta = tables.get(META_TABLE) or {}
    for document in meta.values():
        if "schema_version" in document:
            return int(document["schema_version"])
    return 0


def migrate(tables: Tables) -> bool:
    """Bring `tables` up to SCHEMA_VERSION in place. True if anything changed."""
    found = schema_version(tables)
    if found > SCHEMA_VERSION:
        raise NewerSchema(found)
    if found == SCHEMA_VERSION:
        return False
    for step in MIGRATIONS[found:]:
        step(tables)
    tables[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
    return True
