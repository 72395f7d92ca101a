"""Encrypting a folder made before encryption, and bringing a folder sealed by an earlier version
up to date: in place, resumably, and only for files Lasting Home itself wrote.

Both are driven by a sealed journal (lasting-home.sealing) listing exactly which files may still
be plain or sealed the old way, each with a hash of its contents. Under the folder's lock each
listed file is replaced, one at a time and atomically, by its sealed copy, so a crash part-way
leaves a mix that all still reads and the next open carries on (and says so). A plain or
old-style file the journal does not list was not written by Lasting Home: it is never read or
sealed, and `check` names it.

The journal is written (1) at set-up, before the key file exists, for a folder that already
holds plain data, and (2) on the first open of a folder encrypted by an earlier version: one
with no anchor, no journal and no file sealed the current way. Nothing is ever decrypted to a
temporary plain file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .audit import LEGACY_LINE, AuditTrail
from .crypto import (
    DEFAULT_COST,
    LEGACY_VERSION,
    VERSION,
    FolderKey,
    ScryptCost,
    SealBroken,
    sealed_version,
)
from .file_roles import ANCHOR_NAME, AUDIT_NAME, NOT_DATA, SEALING_NAME, role_of
from .key_file import (
    NewFolderKey,
    is_encrypted_folder,
    set_up_folder_key,
    unlock_folder,
    unlock_with_recovery_key,
)
from .safe_files import TEMP_SUFFIX, atomic_write
from .unlock_tries import write_wait_record

FREED_SPACE_NOTE = (
    "The old, unencrypted copies of these files may stay in the disk's free space until they "
    "are written over, where someone with the laptop and special tools could find them. Keep "
    "the laptop's own disk encryption (BitLocker or FileVault) switched on, as council "
    "standards require."
)


def data_files(folder: Path) -> Iterator[Path]:
    """Every file that holds data: the database, backups, media, journals, the audit trail."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name in NOT_DATA or path.name.endswith(TEMP_SUFFIX):
            continue
        yield path


def plain_files(folder: Path) -> list[Path]:
    """Lasting Home's files not sealed the current way: plain, or sealed by an earlier
    version (the audit trail when any of its lines is)."""
    folder = Path(folder)
    out = []
    for path in data_files(folder):
        if path.name == AUDIT_NAME and path.parent == folder:
            if lines_to_bring_up_to_date(path):
                out.append(path)
        elif role_of(folder, path) is not None and _version(path) != VERSION:
            out.append(path)
    return out


def needs_passphrase(folder: Path) -> bool:
    """True once the folder has been given a passphrase (even if its key file is lost)."""
    return is_encrypted_folder(Path(folder))


def first_passphrase(
    folder: Path, passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> NewFolderKey:
    """Give a folder (new, or made before encryption) its passphrase, under its lock. A folder
    already holding plain data gets its sealing journal first; its files are encrypted when the
    store next opens it with the key. The recovery key in the result must be shown once."""
    folder = Path(folder)
    created = set_up_folder_key(folder, passphrase, cost, prepare=lambda key: _list(folder, key))
    write_wait_record(folder, 0, 0.0)  # always kept from now on, so a missing one is noticed
    return created


def unlock(folder: Path, passphrase: str) -> FolderKey:
    """The folder's key; WrongPassphrase if the passphrase does not fit."""
    return unlock_folder(Path(folder), passphrase)


def unlock_by_recovery_key(folder: Path, recovery_key: str) -> FolderKey:
    return unlock_with_recovery_key(Path(folder), recovery_key)


# -- the journal ---------------------------------------------------------------------------------


def _list(folder: Path, key: FolderKey, attempts: int = 0) -> bool:
    """Write the journal of every file still to seal; True if any was plain."""
    files: dict[str, str] = {}
    audit: dict[str, Any] | None = None
    plain = False
    for path in plain_files(folder):
        raw = path.read_bytes()
        if path.name == AUDIT_NAME:
            audit = {"prefix": len(raw), "sha256": _digest(raw)}
            plain = plain or any(line.startswith(b"{") for line in raw.split(b"\n"))
            continue
        files[path.relative_to(folder).as_posix()] = _digest(raw)
        plain = plain or _version(path) is None
    if files or audit:
        journal = {"files": files, "audit": audit, "attempts": attempts, "plain": plain}
        _write_journal(folder, key, journal)
    return plain


def _write_journal(folder: Path, key: FolderKey, journal: dict[str, Any]) -> None:
    payload = json.dumps(journal).encode("utf-8")
    atomic_write(folder / SEALING_NAME, key.seal(payload, role="journal", name=SEALING_NAME))


def read_journal(folder: Path, key: FolderKey) -> dict[str, Any] | None:
    """The sealing journal, None if there is none; SealBroken if it was changed."""
    path = Path(folder) / SEALING_NAME
    try:
        sealed = path.read_bytes()
    except FileNotFoundError:
        return None
    what = f"The list of files to encrypt ({path})"
    opened = key.open_sealed(sealed, role="journal", name=SEALING_NAME, what=what)
    try:
        journal = json.loads(opened.decode("utf-8"))
        if not isinstance(journal, dict) or not isinstance(journal.get("files"), dict):
            raise ValueError
    except ValueError:
        raise SealBroken(what) from None
    return journal


def is_earlier_version_folder(folder: Path) -> bool:
    """Encrypted by an earlier version and never opened by this one: no anchor, no journal,
    and no file sealed the current way."""
    folder = Path(folder)
    if (folder / ANCHOR_NAME).exists() or (folder / SEALING_NAME).exists():
        return False
    for path in data_files(folder):
        if path.name == AUDIT_NAME:
            if b"\nS2:" in b"\n" + path.read_bytes():
                return False
        elif _version(path) == VERSION:
            return False
    return True


def bring_up_to_date(folder: Path, key: FolderKey) -> list[str]:
    """Under the lock: seal every file the journal lists (making the journal first for a
    folder encrypted by an earlier version). Returns what to tell the worker. The journal
    stays until `finish` (after the database has been saved with its anchor)."""
    folder = Path(folder)
    journal = read_journal(folder, key)
    if journal is None:
        if not is_earlier_version_folder(folder):
            return []
        _list(folder, key, attempts=1)  # began by the earlier version: this is a resumption
        journal = read_journal(folder, key)
        if journal is None:
            return []
    resuming = int(journal.get("attempts", 0)) > 0
    _write_journal(folder, key, {**journal, "attempts": int(journal.get("attempts", 0)) + 1})
    done = _seal_listed(folder, key, journal)
    notes = []
    if resuming and journal.get("plain"):
        notes.append(
            "Lasting Home is finishing the encryption of this folder, which was stopped "
            f"part-way before ({done:,} files left). Nothing has been lost."
        )
    elif journal.get("plain"):
        notes.append(f"The {done:,} files in this folder have been encrypted in place.")
    if journal.get("plain"):
        notes.append(FREED_SPACE_NOTE)
    return notes


def _seal_listed(folder: Path, key: FolderKey, journal: dict[str, Any]) -> int:
    done = 0
    for relative, wanted in journal["files"].items():
        path = folder / relative
        role = role_of(folder, path) if ".." not in Path(relative).parts else None
        if role is None or not path.is_file():
            continue
        raw = path.read_bytes()
        if _digest(raw) != wanted:
            continue  # sealed already (or changed since it was listed: then left alone)
        if sealed_version(raw) == LEGACY_VERSION:
            raw = key.open_legacy(raw, f"The file {path}")
        atomic_write(path, key.seal(raw, role=role[0], name=role[1]))
        done += 1
    audit = journal.get("audit")
    path = folder / AUDIT_NAME
    if isinstance(audit, dict) and path.is_file():
        prefix = int(audit["prefix"])
        if _digest(path.read_bytes()[:prefix]) == audit["sha256"]:
            reseal_lines(path, key, prefix)
            done += 1
    return done


def finish(folder: Path) -> None:
    """The journal's work is done and the database carries its anchor: remove it."""
    (Path(folder) / SEALING_NAME).unlink(missing_ok=True)


def listed_for_sealing(folder: Path, key: FolderKey) -> set[Path]:
    """The files the journal still allows to be plain or sealed the old way."""
    try:
        journal = read_journal(folder, key)
    except SealBroken:
        return set()
    if journal is None:
        return set()
    listed = {Path(folder) / relative for relative in journal["files"]}
    if journal.get("audit"):
        listed.add(Path(folder) / AUDIT_NAME)
    return listed


def lines_to_bring_up_to_date(path: Path) -> bool:
    """True if an audit file holds plain lines or lines sealed by an earlier version."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return False
    return any(line.startswith((b"{", LEGACY_LINE)) for line in raw.split(b"\n"))


def reseal_lines(path: Path, key: FolderKey, prefix: int) -> None:
    """Seal, with today's binding, the plain and earlier-version lines in the first `prefix`
    bytes of an audit file (the part a sealed journal lists); one atomic rewrite. The hashes
    are over each entry's content, so the chain stays whole."""
    raw = Path(path).read_bytes()
    trail = AuditTrail(Path(path).parent, key, legacy_ok=True)
    out, number = [], 0
    for line in raw[:prefix].split(b"\n"):
        if not line.strip():
            continue
        number += 1
        if line.startswith((b"{", LEGACY_LINE)):
            entry, _ = trail.decode_line(line, number, legacy=True)
            if entry is None:
                raise SealBroken(f"Audit entry {number}")
            line = trail.encode_line(entry, number)
        out.append(line)
    rest = raw[prefix:]
    atomic_write(Path(path), b"\n".join(out) + (b"\n" if out else b"") + rest.lstrip(b"\n"))


def _version(path: Path) -> int | None:
    with open(path, "rb") as handle:
        return sealed_version(handle.read(8))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
