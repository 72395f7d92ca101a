"""Handing a child's whole record to another laptop: one encrypted file with its own password.

The archive is a zip (the record, every section, every picture and drawing) encrypted with
AES-GCM under a key derived from the hand-over password by scrypt. It never touches the disk
unencrypted. The password travels separately (by phone, never in the same email).
"""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.child import ChildRecord, RecordProblem
from .caseload import CaseloadStore, ChildNotFound
from .crypto import DEFAULT_COST, NONCE_BYTES, SALT_BYTES, ScryptCost
from .safe_files import atomic_write

HANDOVER_MAGIC = b"LHHAND"
HANDOVER_VERSION = 1
HANDOVER_SUFFIX = ".lasting-home"
MIN_PASSWORD = 10
_MOST_BYTES = 2 * 1024**3  # a zip bomb must not fill the disk


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
                except ValueError:
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
    plain = _decrypt(data, password)
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as archive:
            if sum(info.file_size for info in archive.infolist()) > _MOST_BYTES:
                raise HandoverProblem("This hand-over file is too large to be a child's record.")
            manifest = json.loads(archive.read("record.json").decode("utf-8"))
            media = {
                (str(item["id"]), str(item["ext"])): archive.read(
                    f"media/{item['id']}.{item['ext']}"
                )
                for item in manifest.get("media", [])
            }
        record = dict(manifest["record"])
        ChildRecord.from_dict(record)
        sections = {str(k): dict(v) for k, v in dict(manifest.get("sections", {})).items()}
    except HandoverProblem:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError):
        raise HandoverProblem(
            "This hand-over file opened, but what is inside is not a child's record Lasting "
            "Home can read. Nothing has been added."
        ) from None
    return HandedOverRecord(record, sections, media)


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
    key = cost.derive(password, salt)
    return header + nonce + AESGCM(key).encrypt(nonce, plain, header)


def _decrypt(data: bytes, password: str) -> bytes:
    if len(data) < _HEADER.size + NONCE_BYTES or not data.startswith(HANDOVER_MAGIC):
        raise HandoverProblem(
            "This is not a Lasting Home hand-over file. Please check you chose the file "
            "ending in .lasting-home. Nothing has been added."
        )
    header = data[: _HEADER.size]
    _, version, salt, n, r, p = _HEADER.unpack(header)
    if version != HANDOVER_VERSION or not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise HandoverProblem(
            "This hand-over file was made by a newer Lasting Home. Please update this copy."
        )
    key = ScryptCost(n, r, p).derive(password, salt)
    nonce = data[_HEADER.size : _HEADER.size + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, data[_HEADER.size + NONCE_BYTES :], header)
    except InvalidTag:
        raise HandoverProblem(
            "That password does not open this hand-over file, or the file was damaged on its "
            "way. Nothing has been added. Please check the password with the worker who sent it."
        ) from None
