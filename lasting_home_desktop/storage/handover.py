"""Handing a child's whole record to another laptop: one encrypted file with its own password.

The archive is a zip (the record, every section, every picture and drawing) encrypted with
AES-GCM under a key derived from the hand-over password by scrypt. It never touches the disk
unencrypted. The password travels separately (by phone, never in the same email).

A received file comes from outside, so nothing in it is trusted: the key-derivation costs it
asks for are capped before any work is done, every unpacked size is capped while unpacking
(whatever the zip says), ids and section names must look like Lasting Home's own, and every
picture goes through the same cleaning as an imported photo (no EXIF, GPS or comments). Any
failure is one kind sentence, and nothing is added.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.child import ChildRecord, RecordProblem
from .caseload import CaseloadStore, ChildNotFound
from .crypto import (
    DEFAULT_COST,
    NONCE_BYTES,
    SALT_BYTES,
    ScryptCost,
    SealBroken,
    normalised,
    passphrase_forms,
)
from .media import is_valid_id
from .photo_import import SIZE_LIMIT_BYTES, PhotoProblem, import_photo, photo_extension
from .safe_files import atomic_write

HANDOVER_MAGIC = b"LHHAND"
HANDOVER_VERSION = 2  # 2: the password is used in its NFC form (1: exactly as typed)
HANDOVER_SUFFIX = ".lasting-home"
MIN_PASSWORD = 10
# Caps on what a hand-over may unpack to, whatever its zip headers claim.
_MOST_RECORD_BYTES = 16 * 1024 * 1024
_MOST_PICTURE_BYTES = SIZE_LIMIT_BYTES
_MOST_TOTAL_BYTES = 512 * 1024 * 1024
_MOST_FILES = 2000
_MOST_SECTIONS = 200
_SECTION_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_PICTURES = {"jpg": "jpg", "jpeg": "jpg", "png": "png"}
NOTHING_ADDED = (
    "This hand-over file opened, but what is inside is not a child's record Lasting Home can "
    "read. Nothing has been added."
)


class HandoverProblem(Exception):
    def __init__(self, kind_message: str):
        self.kind_message = kind_message
        super().__init__(kind_message)


@dataclass(frozen=True)
class HandedOverRecord:
    record: dict[str, Any]
    sections: dict[str, dict[str, Any]]
    media: dict[tuple[str, str], bytes]  # (media id, ext) -> contents

    @property
    def child(self) -> ChildRecord:
        return ChildRecord.from_dict(self.record)


def check_password(password: str) -> None:
    if len(password.strip()) < MIN_PASSWORD:
        raise HandoverProblem(
            f"Please choose a hand-over password of at least {MIN_PASSWORD} characters, and "
            "give it to the receiving worker separately (by phone, not in the same email)."
        )


# -- giving ------------------------------------------------------------------------------------


def handover_bytes(
    store: CaseloadStore, child_id: str, password: str, cost: ScryptCost = DEFAULT_COST
) -> bytes:
    """The encrypted archive of one child's whole record."""
    check_password(password)
    child = store.child(child_id)
    sections = store.child_sections(child_id)
    media_ids = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        folder = store.media.child_folder(child_id)
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if not path.is_file() or "." not in path.name:
                    continue
                media_id, ext = path.stem, path.suffix[1:]
                try:
                    data = store.media.read(child_id, media_id, ext)
                except (ValueError, SealBroken):  # not one of ours, or damaged: left out
                    continue  # not one of ours
                archive.writestr(f"media/{media_id}.{ext}", data)
                media_ids.append({"id": media_id, "ext": ext})
        manifest = {
            "format": HANDOVER_VERSION,
            "record": child.to_dict(),
            "sections": sections,
            "media": media_ids,
        }
        archive.writestr("record.json", json.dumps(manifest, ensure_ascii=False))
    return _encrypt(buffer.getvalue(), password, cost)


def write_handover(
    store: CaseloadStore,
    child_id: str,
    password: str,
    target: Path,
    cost: ScryptCost = DEFAULT_COST,
) -> None:
    data = handover_bytes(store, child_id, password, cost)
    atomic_write(Path(target), data)
    store.audit.record("handed-over", child_id, f"Encrypted hand-over file: {Path(target).name}")


# -- receiving ---------------------------------------------------------------------------------


def read_handover(data: bytes, password: str) -> HandedOverRecord:
    """The record inside, checked and cleaned; HandoverProblem (kindly) for anything else."""
    plain = _decrypt(data, password)
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as archive:
            unpacked = _Unpacker(archive)
            manifest = json.loads(unpacked.read("record.json", _MOST_RECORD_BYTES))
            record, sections, listed = _checked_manifest(manifest)
            media = {
                (media_id, ext): _clean_picture(
                    unpacked.read(f"media/{media_id}.{ext}", _MOST_PICTURE_BYTES), ext
                )
                for media_id, ext in listed
            }
    except HandoverProblem:
        raise
    except MemoryError:
        raise HandoverProblem(_TOO_LARGE) from None
    except Exception:  # a crafted zip can raise almost anything; each means "not a record"
        raise HandoverProblem(NOTHING_ADDED) from None
    return HandedOverRecord(record, sections, media)


_TOO_LARGE = "This hand-over file is too large to be a child's record. Nothing has been added."


class _Unpacker:
    """Reads members of the archive, never more than each cap (or the total) allows, counting
    what was really unpacked rather than what the zip claims."""

    def __init__(self, archive: zipfile.ZipFile):
        if len(archive.infolist()) > _MOST_FILES:
            raise HandoverProblem(_TOO_LARGE)
        self.archive = archive
        self.total = 0

    def read(self, name: str, most: int) -> bytes:
        with self.archive.open(name) as member:
            data = member.read(min(most, _MOST_TOTAL_BYTES - self.total) + 1)
        if len(data) > most or self.total + len(data) > _MOST_TOTAL_BYTES:
            raise HandoverProblem(_TOO_LARGE)
        self.total += len(data)
        return data


def _checked_manifest(
    manifest: Any,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[tuple[str, str]]]:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("record"), dict):
        raise ValueError("no record")
    record = dict(manifest["record"])
    if not is_valid_id(record.get("id")):
        raise HandoverProblem(
            "This hand-over file holds a record whose id Lasting Home would never make, so it "
            "was not added. Nothing has been added."
        )
    ChildRecord.from_dict(record)
    sections_in = manifest.get("sections", {})
    if not isinstance(sections_in, dict) or len(sections_in) > _MOST_SECTIONS:
        raise ValueError("sections")
    sections = {}
    for name, value in sections_in.items():
        if not isinstance(name, str) or not _SECTION_NAME.match(name):
            raise ValueError("section name")
        if not isinstance(value, dict):
            raise ValueError("section")
        sections[name] = dict(value)
    listed = []
    for item in manifest.get("media", []):
        media_id, ext = str(item["id"]), str(item["ext"])
        if not is_valid_id(media_id) or ext not in _PICTURES:
            raise ValueError("media")
        listed.append((media_id, ext))
    return record, sections, listed


def _clean_picture(data: bytes, ext: str) -> bytes:
    """The same cleaning as an imported photo: rebuilt from its pixels, nothing else kept."""
    try:
        clean = import_photo(data)
    except PhotoProblem as problem:
        raise HandoverProblem(
            f"A picture in this hand-over file could not be used: {problem.kind_message} "
            "Nothing has been added."
        ) from None
    if photo_extension(clean) != _PICTURES[ext]:
        raise HandoverProblem(NOTHING_ADDED)
    return clean


def receive_handover(store: CaseloadStore, data: bytes, password: str) -> ChildRecord:
    """Add the handed-over child to this caseload: pictures first, then the record and its
    sections in one write, so a failure leaves no half-received child."""
    received = read_handover(data, password)
    child = received.child
    try:
        store.child(child.id)
    except ChildNotFound:
        pass
    else:
        raise HandoverProblem(
            f"{child.display_name} is already in this caseload (the same record), so nothing "
            "has been added. If this is a newer copy, delete the older record first."
        )
    try:
        for (media_id, ext), contents in received.media.items():
            store.media.put(child.id, contents, ext, media_id=media_id)
        store.receive_child(received.record, received.sections)
    except (RecordProblem, ValueError) as error:
        _remove_media(store, child.id)
        raise HandoverProblem(
            f"This record could not be added ({error}). Nothing has been added."
        ) from None
    except BaseException:
        _remove_media(store, child.id)
        raise
    store.audit.record("received", child.id, f"{len(received.media)} picture file(s)")
    return child


def _remove_media(store: CaseloadStore, child_id: str) -> None:
    import shutil

    shutil.rmtree(store.media.child_folder(child_id), ignore_errors=True)


# -- the envelope ------------------------------------------------------------------------------

_HEADER = struct.Struct(">6sB16sIBB")  # magic, version, salt, n, r, p


def _encrypt(plain: bytes, password: str, cost: ScryptCost) -> bytes:
    salt = os.urandom(SALT_BYTES)
    header = _HEADER.pack(HANDOVER_MAGIC, HANDOVER_VERSION, salt, cost.n, cost.r, cost.p)
    nonce = os.urandom(NONCE_BYTES)
    key = cost.derive(normalised(password), salt)
    return header + nonce + AESGCM(key).encrypt(nonce, plain, header)


def _decrypt(data: bytes, password: str) -> bytes:
    if len(data) < _HEADER.size + NONCE_BYTES or not data.startswith(HANDOVER_MAGIC):
        raise HandoverProblem(
            "This is not a Lasting Home hand-over file. Please check you chose the file "
            "ending in .lasting-home. Nothing has been added."
        )
    header = data[: _HEADER.size]
    _, version, salt, n, r, p = _HEADER.unpack(header)
    if version not in (1, HANDOVER_VERSION):
        raise HandoverProblem(
            "This hand-over file was made by a newer Lasting Home. Please update this copy."
        )
    try:
        cost = ScryptCost.from_file(n, r, p)
    except ValueError:
        # Checked before any work: a crafted file must not take minutes and gigabytes.
        raise HandoverProblem(
            "This hand-over file asks for far more work to open than Lasting Home ever uses, so "
            "it was not opened. Nothing has been added. Please ask the sender to make it again."
        ) from None
    nonce = data[_HEADER.size : _HEADER.size + NONCE_BYTES]
    for form in passphrase_forms(password, legacy=version == 1):
        key = cost.derive(form, salt)
        try:
            return AESGCM(key).decrypt(nonce, data[_HEADER.size + NONCE_BYTES :], header)
        except InvalidTag:
            continue
    raise HandoverProblem(
        "That password does not open this hand-over file, or the file was damaged on its "
        "way. Nothing has been added. Please check the password with the worker who sent it."
    )
