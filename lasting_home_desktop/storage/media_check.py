"""Every picture in the folder looked at for `check`: which ones the records point to, and
whether each file opens (sealed as itself, for its own child) and is a picture that can be
shown. A new kind of picture kept in a section adds its line to `media_references`."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crypto import LEGACY_VERSION, FolderKey, NotSealed, SealBroken, sealed_version
from .file_roles import MEDIA_FOLDER
from .media import MediaStore, is_valid_id

_PICTURE_TYPES = {"png", "jpg", "jpeg", "gif", "webp", "bmp"}


@dataclass(frozen=True)
class MediaReference:
    child_id: str
    media_id: str
    ext: str
    what: str  # 'the drawing “Our house”', how the worker knows it
    must_exist: bool = True

    @property
    def name(self) -> str:
        return f"{self.child_id}/{self.media_id}.{self.ext}"


def media_references(tables: dict[str, Any]) -> list[MediaReference]:
    """The pictures the records point to: drawings, the child's chosen picture, the photo
    album and the celebration photos."""
    out: list[MediaReference] = []
    for doc in _docs(tables, "drawings"):
        for item in doc.get("drawings") or []:
            if isinstance(item, dict) and item.get("id"):
                # A drawing is listed before its first picture is saved; it must have a file
                # once it has been saved (its time changed).
                saved = item.get("updated") not in (None, "", item.get("created"))
                what = f"the drawing “{str(item.get('name') or 'without a name')[:60]}”"
                out.append(MediaReference(doc["child_id"], str(item["id"]), "png", what, saved))
    for doc in _docs(tables, "child_voice"):
        picture = doc.get("picture")
        if isinstance(picture, dict) and picture.get("ref"):
            if picture.get("kind") == "photo":
                ext = str(picture.get("ext") or "jpg")
                out.append(
                    MediaReference(
                        doc["child_id"],
                        str(picture["ref"]),
                        ext,
                        "the photo the child chose for themselves",
                    )
                )
            elif picture.get("kind") == "drawing":
                out.append(
                    MediaReference(
                        doc["child_id"],
                        str(picture["ref"]),
                        "png",
                        "the drawing the child chose for themselves",
                    )
                )
    for doc in _docs(tables, "photo_album"):
        for photo in doc.get("photos") or []:
            if isinstance(photo, dict) and photo.get("id"):
                name = str(photo.get("name") or "")[:60]
                what = f"the album photo “{name}”" if name else "an album photo"
                ext = str(photo.get("ext") or "jpg")
                out.append(MediaReference(doc["child_id"], str(photo["id"]), ext, what))
    for doc in _docs(tables, "celebration"):
        for photo in doc.get("photos") or []:
            if isinstance(photo, dict) and photo.get("media_id"):
                caption = str(photo.get("caption") or "")[:60]
                what = f"the celebration photo “{caption}”" if caption else "a celebration photo"
                ext = str(photo.get("ext") or "jpg")
                out.append(MediaReference(doc["child_id"], str(photo["media_id"]), ext, what))
    return out


def _docs(tables: dict[str, Any], name: str) -> Iterator[dict[str, Any]]:
    table = tables.get(name)
    if not isinstance(table, dict):
        return
    for doc in table.values():
        if isinstance(doc, dict) and isinstance(doc.get("child_id"), str):
            yield doc


def picture_problems(
    folder: Path,
    key: FolderKey | None,
    tables: dict[str, Any],
    child_names: dict[str, str],
    earlier: bool = False,
) -> tuple[list[str], int]:
    """(one sentence per picture that is missing, damaged or cannot be shown, naming the
    child and the picture; how many picture files were opened)."""
    store = MediaStore(Path(folder) / MEDIA_FOLDER, key)
    known: dict[str, MediaReference] = {}
    for reference in media_references(tables):
        known.setdefault(reference.name, reference)  # the drawing's own name before "chosen"
    problems, opened = [], 0
    for path in _media_files(store.folder):
        child_id, ext = path.parent.name, path.suffix[1:]
        name = f"{child_id}/{path.name}"
        reference = known.get(name)
        what = _describe(reference, name, child_names)
        opened += 1
        try:
            data = _read(store, path, earlier)
        except NotSealed:
            problems.append(
                f"{what} is not encrypted, though this folder is: Lasting Home did not write it."
            )
            continue
        except SealBroken:
            problems.append(
                f"{what} is damaged: it has been changed, or moved from another child or name."
            )
            continue
        except (OSError, ValueError):
            problems.append(f"{what} cannot be read.")
            continue
        if ext in _PICTURE_TYPES and not picture_shows(data):
            problems.append(f"{what} opens, but is damaged: it cannot be shown as a picture.")
    for reference in known.values():
        if not reference.must_exist or not is_valid_id(reference.child_id):
            continue
        try:
            present = store.path(reference.child_id, reference.media_id, reference.ext).is_file()
        except ValueError:
            present = False
        if not present:
            what = _describe(reference, reference.name, child_names)
            problems.append(f"{what} is missing: its file is not in the folder.")
    return problems, opened


def _read(store: MediaStore, path: Path, earlier: bool) -> bytes:
    """A picture's bytes; in a folder not yet brought up to date, one sealed the old way too
    (and, listed or not, a plain one: the next open seals those it lists)."""
    if earlier and store.key is not None:
        raw = path.read_bytes()
        version = sealed_version(raw)
        if version is None:
            return raw
        if version == LEGACY_VERSION:
            return store.key.open_legacy(raw)
    return store.read(path.parent.name, path.stem, path.suffix[1:])


def _media_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for child in folder.iterdir()
        if child.is_dir()
        for path in child.iterdir()
        if path.is_file() and "." in path.name and not path.name.startswith(".")
    )


def _describe(reference: MediaReference | None, name: str, child_names: dict[str, str]) -> str:
    child_id = name.split("/", 1)[0]
    child = child_names.get(child_id)
    whose = f" of {child} (id {child_id})" if child else f" of the child with id {child_id}"
    if reference is None:
        return f"The picture {name}{whose}"
    return f"{reference.what[0].upper()}{reference.what[1:]}{whose} ({name})"


def picture_shows(data: bytes) -> bool:
    """True when the bytes are a picture that opens whole (not damaged or cut short)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds for a broken file; each means "cannot show"
        return False
    return True
