"""Drafts: what a worker typed in a form and has not saved yet, kept a moment after the typing
stops so that a crash, a flat battery or a forced shut-down never loses it.

One small sealed file per child and part (drafts/<child id>/<part>.draft), written whole and
replaced atomically, sealed as a draft of that child and part (role "draft", name
"<child id>/<part>.draft"), so a draft moved to another child or part does not open. Drafts
stay on this laptop: they are never handed over or shared with the team, and deleting a
child's record deletes them too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crypto import FolderKey, SealBroken, open_with, seal_with
from .file_roles import DRAFTS_FOLDER
from .safe_files import atomic_write

__all__ = ["DRAFTS_FOLDER", "NEW_CHILD", "Draft", "Drafts"]

NEW_CHILD = "new-child"  # a child being added has no id yet
_CHILD = re.compile(r"^([a-z0-9]{6,40}|new-child)$")
_PART = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_SUFFIX = ".draft"


@dataclass(frozen=True)
class Draft:
    """`fields`: the form's fields as typed (by field name). `base` and `base_revision`: the
    stored part(s) the typing started from, so saving it later merges with anything newer."""

    child_id: str
    part: str
    fields: dict[str, Any]
    base: dict[str, Any]
    base_revision: str
    written: str  # ISO time

    @property
    def written_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.written)


class Drafts:
    def __init__(self, folder: Path, key: FolderKey | None = None):
        self.folder = Path(folder)
        self.key = key

    def path(self, child_id: str, part: str) -> Path:
        if not _CHILD.match(child_id) or not _PART.match(part):
            raise ValueError(f"Not a draft name: {child_id!r}/{part!r}")
        return self.folder / child_id / f"{part}{_SUFFIX}"

    def put(self, draft: Draft) -> None:
        """Keep (or replace) one draft; StorageWriteError if the disk will not take it."""
        path = self.path(draft.child_id, draft.part)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "fields": draft.fields,
            "base": draft.base,
            "base_revision": draft.base_revision,
            "written": draft.written,
        }
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        atomic_write(path, seal_with(self.key, data, role="draft", name=_name(path)))

    def get(self, child_id: str, part: str) -> Draft | None:
        """The draft, or None if there is none. A draft that cannot be read (damaged, or from
        another folder) is set aside rather than offered or silently deleted."""
        path = self.path(child_id, part)
        try:
            raw = open_with(
                self.key, path.read_bytes(), role="draft", name=_name(path), what="A draft"
            )
            payload = json.loads(raw.decode("utf-8"))
            return Draft(
                child_id,
                part,
                dict(payload["fields"]),
                dict(payload.get("base") or {}),
                str(payload.get("base_revision", "")),
                str(payload.get("written", "")) or dt.datetime.now().isoformat(),
            )
        except FileNotFoundError:
            return None
        except (OSError, SealBroken, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(".damaged"))
            return None

    def discard(self, child_id: str, part: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(child_id, part).unlink()

    def parts_with_drafts(self, child_id: str) -> list[str]:
        folder = self.folder / child_id
        if not _CHILD.match(child_id) or not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob(f"*{_SUFFIX}") if _PART.match(p.stem))

    def remove_child(self, child_id: str) -> None:
        """Every draft of one child (their record is being deleted)."""
        if _CHILD.match(child_id):
            shutil.rmtree(self.folder / child_id, ignore_errors=True)


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
