"""Encryption at rest: one random data key per data folder, sealed files, and the key file.

The data key (256 bits) encrypts every file in the folder with AES-GCM. It is never stored
as it is: the key file beside the database keeps it wrapped twice, once by a key derived from
the worker's passphrase (scrypt, salted, its cost stored beside it) and once by a key derived
from a recovery key shown once at set-up. Changing the passphrase re-wraps the data key only;
no file has to be encrypted again. The key file holds no child data.

A sealed file is MAGIC + version + 12-byte nonce + ciphertext (with GCM's tag). A plain file
is recognised by its missing magic, which is what makes encrypting an old folder resumable.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .safe_files import atomic_write

KEY_FILE_NAME = "lasting-home.key.json"
# How many wrong passphrases were typed and until when to wait, so restarting the app does not
# reset the wait. Holds no one's details.
UNLOCK_TRIES_NAME = "lasting-home.unlock-tries.json"
MAGIC = b"LHSEAL"
VERSION = 1
HEADER = MAGIC + bytes([VERSION])
NONCE_BYTES = 12
KEY_BYTES = 32
SALT_BYTES = 16
_WRAP_CONTEXT = b"lasting-home data key"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LENGTH = 4


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors. n=2**17, r=8 takes about 0.3 s and 128 MB here: slow enough to
    make guessing a passphrase expensive, quick enough not to keep a worker waiting."""

    n: int = 2**17
    r: int = 8
    p: int = 1

    def derive(self, secret: str, salt: bytes) -> bytes:
        return hashlib.scrypt(
            secret.encode("utf-8"),
            salt=salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=256 * self.n * self.r + 64 * 1024 * 1024,
            dklen=KEY_BYTES,
        )


DEFAULT_COST = ScryptCost()


class SealBroken(Exception):
    """A sealed file could not be opened: it was changed, damaged, or is from another folder."""

    def __init__(self, what: str = "This file"):
        self.kind_message = (
            f"{what} has been changed or damaged since Lasting Home saved it, so it cannot be "
            "read. Nothing has been changed. A backup may still hold a good copy."
        )
        super().__init__(self.kind_message)


class WrongPassphrase(Exception):
    """The passphrase (or recovery key) does not open this data folder."""

    kind_message = (
        "That passphrase does not open this data folder. Nothing has been changed. Check the "
        "caps lock key and try again, or use the recovery key."
    )

    def __init__(self) -> None:
        super().__init__(self.kind_message)


class FolderLocked(Exception):
    """The folder is encrypted and no key was given."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.kind_message = (
            f"The data in {folder} is protected by a passphrase. Please give the passphrase "
            "to open it."
        )
        super().__init__(self.kind_message)


def is_sealed(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


class FolderKey:
    """The unwrapped data key of one folder: seals and opens its files."""

    def __init__(self, data_key: bytes):
        if len(data_key) != KEY_BYTES:
            raise ValueError("A data key is 32 bytes.")
        self._aead = AESGCM(data_key)
        self._data_key = data_key

    def seal(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return HEADER + nonce + self._aead.encrypt(nonce, data, HEADER)

    def open_sealed(self, sealed: bytes, what: str = "This file") -> bytes:
        if not is_sealed(sealed) or len(sealed) < len(HEADER) + NONCE_BYTES + 16:
            raise SealBroken(what)
        if sealed[len(MAGIC)] != VERSION:
            raise SealBroken(what)
        start = len(HEADER)
        nonce = sealed[start : start + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, sealed[start + NONCE_BYTES :], HEADER)
        except InvalidTag:
            raise SealBroken(what) from None

    def open_any(self, data: bytes, what: str = "This file") -> bytes:
        """Sealed files opened; a plain one (not yet encrypted, an older folder) as it is."""
        return self.open_sealed(data, what) if is_sealed(data) else data


def seal_with(key: FolderKey | None, data: bytes) -> bytes:
    return key.seal(data) if key is not None else data


def open_with(key: FolderKey | None, data: bytes, what: str = "This file") -> bytes:
    """What a file holds: plain files pass through; sealed ones need the key."""
    if not is_sealed(data):
        return data
    if key is None:
        raise SealBroken(what)
    return key.open_sealed(data, what)


# -- the recovery key ---------------------------------------------------------------------------


def new_recovery_key() -> str:
    """24 letters and digits in groups of four (about 120 bits): 'K7QM-3XHP-...'."""
    letters = "".join(
        secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    )
    return "-".join(
        letters[i : i + RECOVERY_GROUP_LENGTH]
        for i in range(0, len(letters), RECOVERY_GROUP_LENGTH)
    )


def normalise_recovery_key(text: str) -> str:
    """Spaces, dashes and lower case forgiven."""
    cleaned = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    return "-".join(
        cleaned[i : i + RECOVERY_GROUP_LENGTH]
        for i in range(0, len(cleaned), RECOVERY_GROUP_LENGTH)
    )


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    # The recovery key is random and long, so a fast derivation is enough; a passphrase is not.
    letters = normalise_recovery_key(recovery_key).replace("-", "")
    return hashlib.pbkdf2_hmac("sha256", letters.encode("ascii"), salt, 1, dklen=KEY_BYTES)


# -- the key file -------------------------------------------------------------------------------


def key_file(folder: Path) -> Path:
    return Path(folder) / KEY_FILE_NAME


def is_encrypted_folder(folder: Path) -> bool:
    return key_file(folder).is_file()


@dataclass(frozen=True)
class NewFolderKey:
    key: FolderKey
    recovery_key: str


def set_up_folder_key(
    folder: Path, passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> NewFolderKey:
    """A fresh data key for a folder, wrapped by the passphrase and by a new recovery key,
    written to the key file. Raises FileExistsError if the folder already has one."""
    check_new_passphrase(passphrase)
    path = key_file(folder)
    if path.exists():
        raise FileExistsError(path)
    data_key = os.urandom(KEY_BYTES)
    recovery = new_recovery_key()
    recovery_salt = os.urandom(SALT_BYTES)
    document = {
        "format": 1,
        "about": "Lasting Home: the data key, wrapped. It holds no one's details.",
        "passphrase": _wrapped_by_passphrase(data_key, passphrase, cost),
        "recovery": {
            "kdf": "pbkdf2-sha256",
            "salt": _b64(recovery_salt),
            "wrapped": _b64(_wrap(_recovery_kek(recovery, recovery_salt), data_key)),
        },
    }
    Path(folder).mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(document, indent=1).encode("utf-8"))
    return NewFolderKey(FolderKey(data_key), recovery)


def unlock_folder(folder: Path, passphrase: str) -> FolderKey:
    """The folder's key from its passphrase; WrongPassphrase if it does not fit."""
    entry = _read_key_file(folder)["passphrase"]
    cost = ScryptCost(int(entry["n"]), int(entry["r"]), int(entry["p"]))
    kek = cost.derive(passphrase, _unb64(entry["salt"]))
    return FolderKey(_unwrap(kek, _unb64(entry["wrapped"])))


def unlock_with_recovery_key(folder: Path, recovery_key: str) -> FolderKey:
    entry = _read_key_file(folder)["recovery"]
    kek = _recovery_kek(recovery_key, _unb64(entry["salt"]))
    return FolderKey(_unwrap(kek, _unb64(entry["wrapped"])))


def change_passphrase(
    folder: Path, key: FolderKey, new_passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> None:
    """Re-wrap the data key under a new passphrase; the recovery key and every file stay."""
    check_new_passphrase(new_passphrase)
    document = _read_key_file(folder)
    document["passphrase"] = _wrapped_by_passphrase(key._data_key, new_passphrase, cost)
    atomic_write(key_file(folder), json.dumps(document, indent=1).encode("utf-8"))


MIN_PASSPHRASE = 10


class WeakPassphrase(ValueError):
    def __init__(self, kind_message: str):
        self.kind_message = kind_message
        super().__init__(kind_message)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters: a few words "
            "you will remember are easier to type and harder to guess than one short word."
        )


def _wrapped_by_passphrase(data_key: bytes, passphrase: str, cost: ScryptCost) -> dict[str, Any]:
    salt = os.urandom(SALT_BYTES)
    kek = cost.derive(passphrase, salt)
    return {
        "kdf": "scrypt",
        "salt": _b64(salt),
        "n": cost.n,
        "r": cost.r,
        "p": cost.p,
        "wrapped": _b64(_wrap(kek, data_key)),
    }


def _read_key_file(folder: Path) -> dict[str, Any]:
    path = key_file(folder)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        document["passphrase"]["wrapped"]  # noqa: B018 (checks the shape)
        document["recovery"]["wrapped"]  # noqa: B018
    except FileNotFoundError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SealBroken(f"The key file {path}") from error
    return document


def _wrap(kek: bytes, data_key: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, _WRAP_CONTEXT)


def _unwrap(kek: bytes, wrapped: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _WRAP_CONTEXT)
    except InvalidTag:
        raise WrongPassphrase() from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
