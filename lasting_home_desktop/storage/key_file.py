"""The key file: the folder's data key wrapped by the passphrase (scrypt) and by the recovery key
shown once at set-up, and a verified copy of it in backups/, so that losing or damaging the key
file alone never loses the data. It holds no one's details.

Set-up happens under the folder's lock and creates the key file exclusively: two set-ups at the
same moment cannot both succeed, and an existing key file is never replaced by a new one.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crypto import (
    DEFAULT_COST,
    KEY_BYTES,
    SALT_BYTES,
    FolderKey,
    ScryptCost,
    SealBroken,
    WrongPassphrase,
    check_new_passphrase,
    is_sealed,
    normalised,
    passphrase_forms,
)
from .file_roles import (
    BACKUP_FOLDER,
    DATABASE_NAME,
    KEY_COPY_NAME,
    KEY_FILE_NAME,
)
from .lock import DataFolderLock
from .recovery_key import b64, new_recovery_key, recovery_kek, unb64, unwrap, wrap
from .safe_files import (
    StorageWriteError,
    atomic_write,
    cannot_write_message,
    create_exclusively,
)

KEY_FORMAT = 2
_KEY_CHECK = b"lasting-home data key check"
_MOST_KEY_FILE_BYTES = 64 * 1024


class AlreadySetUp(FileExistsError):
    """The folder already has a passphrase (its key file, its copy, or sealed data)."""

    def __init__(self, folder: Path):
        self.kind_message = (
            f"{folder} already has a passphrase, so a new one was not set. Nothing has been "
            "changed. Unlock it with its passphrase or recovery key."
        )
        super().__init__(self.kind_message)


@dataclass(frozen=True)
class NewFolderKey:
    key: FolderKey
    recovery_key: str
    had_plain_data: bool = False  # an old plain folder: its files are encrypted in place


def key_file(folder: Path) -> Path:
    return Path(folder) / KEY_FILE_NAME


def key_copy(folder: Path) -> Path:
    return Path(folder) / BACKUP_FOLDER / KEY_COPY_NAME


def is_encrypted_folder(folder: Path) -> bool:
    """True once a folder has a passphrase: its key file, or the copy, or sealed data shows it
    (so a lost key file never makes the folder look new)."""
    folder = Path(folder)
    if key_file(folder).is_file() or key_copy(folder).is_file():
        return True
    try:
        with open(folder / DATABASE_NAME, "rb") as handle:
            return is_sealed(handle.read(8))
    except OSError:
        return False


# -- setting up --------------------------------------------------------------------------------


def set_up_folder_key(
    folder: Path,
    passphrase: str,
    cost: ScryptCost = DEFAULT_COST,
    *,
    prepare: Callable[[FolderKey], bool] | None = None,
) -> NewFolderKey:
    """A fresh data key for a folder, wrapped by the passphrase and by a new recovery key.
    Under the folder's lock: AlreadySetUp if it has a passphrase, FolderInUse if another task
    has it open. `prepare(key)` runs before the key file exists (it writes what the first
    encryption needs) and says whether the folder held plain data."""
    check_new_passphrase(passphrase)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(_cannot_write(folder), error) from error
    with DataFolderLock(folder):
        if is_encrypted_folder(folder):
            raise AlreadySetUp(folder)
        data_key = os.urandom(KEY_BYTES)
        key = FolderKey(data_key)
        recovery = new_recovery_key()
        had_plain = prepare(key) if prepare is not None else False
        recovery_salt = os.urandom(SALT_BYTES)
        document = {
            "format": KEY_FORMAT,
            "about": "Lasting Home: the data key, wrapped. It holds no one's details.",
            "passphrase": _wrapped_by_passphrase(data_key, passphrase, cost),
            "recovery": {
                "kdf": "pbkdf2-sha256",
                "salt": b64(recovery_salt),
                "wrapped": b64(wrap(recovery_kek(recovery, recovery_salt), data_key)),
            },
        }
        payload = _encode(_checked_by(document, key))
        try:
            create_exclusively(key_file(folder), payload)
        except FileExistsError:
            raise AlreadySetUp(folder) from None
        except OSError as error:
            raise StorageWriteError(_cannot_write(folder), error) from error
        _write_copy(folder, payload)
    return NewFolderKey(key, recovery, had_plain)


def _cannot_write(folder: Path) -> str:
    return cannot_write_message(folder, "the passphrase was not set")


# -- unlocking ---------------------------------------------------------------------------------


def unlock_folder(folder: Path, passphrase: str) -> FolderKey:
    """The folder's key from its passphrase (from the key file, or its copy if that is gone or
    damaged); WrongPassphrase if it does not fit."""
    for document in key_documents(folder):
        entry = document["passphrase"]
        try:
            cost = ScryptCost.from_file(entry.get("n"), entry.get("r"), entry.get("p"))
            salt, wrapped = unb64(entry["salt"]), unb64(entry["wrapped"])
        except (ValueError, KeyError, TypeError):
            continue  # a damaged entry: the other copy may be whole
        legacy = entry.get("form") != "NFC"
        for form in passphrase_forms(passphrase, legacy=legacy):
            with contextlib.suppress(WrongPassphrase):
                return _checked(document, unwrap(cost.derive(form, salt), wrapped))
    raise WrongPassphrase()


def unlock_with_recovery_key(folder: Path, recovery_key: str) -> FolderKey:
    key, _ = _unlock_by_recovery(folder, recovery_key)
    return key


def _unlock_by_recovery(folder: Path, recovery_key: str) -> tuple[FolderKey, dict[str, Any]]:
    for document in key_documents(folder):
        entry = document["recovery"]
        try:
            kek = recovery_kek(recovery_key, unb64(entry["salt"]))
            return _checked(document, unwrap(kek, unb64(entry["wrapped"]))), document
        except (WrongPassphrase, ValueError, KeyError, TypeError):
            continue
    raise WrongPassphrase()


def _checked(document: dict[str, Any], data_key: bytes) -> FolderKey:
    key = FolderKey(data_key)
    if "key_check" in document and not belongs(document, key):
        raise WrongPassphrase()
    return key


def key_documents(folder: Path) -> list[dict[str, Any]]:
    """The key file and its copy that can be read (the copy only if it differs); SealBroken
    when neither can, FileNotFoundError when neither is there."""
    found: list[dict[str, Any]] = []
    missing = 0
    for path in (key_file(folder), key_copy(folder)):
        try:
            document = read_key_document(path)
        except FileNotFoundError:
            missing += 1
            continue
        except SealBroken:
            continue
        if document not in found:
            found.append(document)
    if not found:
        if missing == 2:
            raise FileNotFoundError(key_file(folder))
        raise SealBroken(f"The key file {key_file(folder)} and its copy")
    return found


def key_fits_folder(folder: Path, key: FolderKey) -> bool:
    """True if the key file or its copy holds this data key (read again under the lock, so a
    key file replaced after unlocking is never used to seal anything)."""
    try:
        documents = key_documents(folder)
    except (FileNotFoundError, SealBroken):
        return False
    return any(belongs(document, key) or "key_check" not in document for document in documents)


def ensure_key_files(folder: Path, key: FolderKey) -> list[str]:
    """Under the lock, once `key` has opened the data: bring a key file from an earlier
    version up to date, and make a missing or damaged key file or copy again from the other.
    A file that belongs to another data key is never overwritten. Returns what was done."""
    notes: list[str] = []
    readable: dict[Path, dict[str, Any] | None] = {}
    for path in (key_file(folder), key_copy(folder)):
        try:
            readable[path] = read_key_document(path)
        except (FileNotFoundError, SealBroken):
            readable[path] = None
    good = [doc for doc in readable.values() if doc is not None and _ours(doc, key)]
    if not good:
        return notes
    # The key file first: after a passphrase change cut short, the copy is the older one.
    document = dict(good[0])
    if document.get("format") != KEY_FORMAT or "key_check" not in document:
        document = _checked_by(document, key)
    payload = _encode(document)
    upgrading = "key_check" not in good[0]  # from an earlier version, which kept no copy
    for path, found in readable.items():
        if found is not None and "key_check" in found and not belongs(found, key):
            continue  # another key's file: left for a person to look at (or `recover`)
        if found is None or _encode(found) != payload:
            if found is None and not upgrading:
                what = "key file" if path == key_file(folder) else "copy of the key file"
                notes.append(f"The {what} was missing or damaged and has been made again.")
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, payload)
    return notes


def _ours(document: dict[str, Any], key: FolderKey) -> bool:
    """This key's document, whole (one from an earlier version cannot be checked)."""
    return intact(document, key) if "key_check" in document else True


# -- changing ----------------------------------------------------------------------------------


def change_passphrase(
    folder: Path, key: FolderKey, new_passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> None:
    """Re-wrap the data key under a new passphrase; the recovery key and every file stay. The
    caller holds the folder's lock (or is the app, which does)."""
    check_new_passphrase(new_passphrase)
    document = next(d for d in key_documents(folder) if _ours(d, key))
    _rewrite(folder, key, document, new_passphrase, cost)


def recover_with_recovery_key(
    folder: Path, recovery_key: str, new_passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> tuple[FolderKey, bool]:
    """Under the folder's lock: open with the recovery key, set a new passphrase, and write
    the key file and its copy again. Returns the key, and True if the key file was missing or
    damaged before. WrongPassphrase if the recovery key does not fit; FileNotFoundError if
    neither the key file nor its copy is there; FolderInUse if the app is open."""
    check_new_passphrase(new_passphrase)
    with DataFolderLock(folder):
        key, document = _unlock_by_recovery(folder, recovery_key)
        try:
            rebuilt = not _ours(read_key_document(key_file(folder)), key)
        except (FileNotFoundError, SealBroken):
            rebuilt = True
        _rewrite(folder, key, document, new_passphrase, cost)
    return key, rebuilt


def _rewrite(
    folder: Path, key: FolderKey, document: dict[str, Any], passphrase: str, cost: ScryptCost
) -> None:
    updated = {**document, "passphrase": _wrapped_by_passphrase(key._data_key, passphrase, cost)}
    payload = _encode(_checked_by(updated, key))
    atomic_write(key_file(folder), payload)
    _write_copy(folder, payload)


# -- inside ------------------------------------------------------------------------------------


def _wrapped_by_passphrase(data_key: bytes, passphrase: str, cost: ScryptCost) -> dict[str, Any]:
    salt = os.urandom(SALT_BYTES)
    kek = cost.derive(normalised(passphrase), salt)
    return {
        "kdf": "scrypt",
        "form": "NFC",
        "salt": b64(salt),
        "n": cost.n,
        "r": cost.r,
        "p": cost.p,
        "wrapped": b64(wrap(kek, data_key)),
    }


def _checked_by(document: dict[str, Any], key: FolderKey) -> dict[str, Any]:
    """The document in today's format, with proof it belongs to `key` and a keyed check of
    each wrapped entry, so a changed byte in either is found with the key (by `check`, and
    before the key file and its copy are made the same again)."""
    out = dict(document)
    for part in ("passphrase", "recovery"):
        entry = dict(out[part])
        entry["check"] = _entry_check(key, entry)
        out[part] = entry
    out.update(format=KEY_FORMAT, key_check=b64(key.seal(_KEY_CHECK, role="key-check", name="key")))
    return out


def _entry_check(key: FolderKey, entry: dict[str, Any]) -> str:
    fields = {k: v for k, v in entry.items() if k != "check"}
    return key.mac("key file entry", json.dumps(fields, sort_keys=True).encode()).hex()


def intact(document: dict[str, Any], key: FolderKey) -> bool:
    """Belongs to `key`, and neither wrapped entry has been changed since it was written."""
    if not belongs(document, key):
        return False
    import hmac

    for part in ("passphrase", "recovery"):
        entry = document[part]
        if not hmac.compare_digest(str(entry.get("check", "")), _entry_check(key, entry)):
            return False
    return True


def belongs(document: dict[str, Any], key: FolderKey) -> bool:
    try:
        sealed = unb64(str(document["key_check"]))
        return key.open_sealed(sealed, role="key-check", name="key") == _KEY_CHECK
    except (SealBroken, ValueError, KeyError):
        return False


def read_key_document(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MOST_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise SealBroken(f"The key file {path}") from error
    try:
        if len(raw) > _MOST_KEY_FILE_BYTES:
            raise ValueError("too large")
        document = json.loads(raw.decode("utf-8"))
        for part in ("passphrase", "recovery"):
            if not isinstance(document[part], dict) or not document[part]["wrapped"]:
                raise ValueError(part)
    except (ValueError, KeyError, TypeError) as error:
        raise SealBroken(f"The key file {path}") from error
    return dict(document)


def _write_copy(folder: Path, payload: bytes) -> None:
    path = key_copy(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, payload)


def _encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=1).encode("utf-8")
