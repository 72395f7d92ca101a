"""Encryption at rest: one random data key per data folder, and sealed files bound to what they
are.

The data key (256 bits) encrypts every file in the folder with AES-GCM. It is never stored as
it is: the key file (see key_file) keeps it wrapped by the worker's passphrase and by the
recovery key.

A sealed file is MAGIC + version + 12-byte nonce + ciphertext (with GCM's tag). Since version 2
the associated data binds each sealed file to three things, so a file put in another's place
does not open:

- its **folder**: an id derived from the folder's own data key (every folder has its own key,
  so a file from another folder never opens either way);
- its **role**: what kind of file it is (the list below);
- its **name**: which one of that kind (a backup's file name, a picture's child and id...).

Roles (`ROLES`); a new kind of sealed file adds its role here and its path in file_roles:

- ``database``: the caseload database, lasting-home.json (name: its file name)
- ``backup``: a backup of the database in backups/ (name: the backup's file name)
- ``kept-aside``: a damaged database kept aside by a restore (name: its file name)
- ``media``: a drawing or photo (name: "<child id>/<media id>.<ext>")
- ``audit``: one entry of the audit trail (name: the entry's number, from 1)
- ``anchor``: the folder's anchor: how many times the database was saved and how long the
  audit trail is (name: its file name)
- ``journal``: work to finish after a crash: deletions, the first encryption (name: file name)
- ``draft``: unsaved typing kept in drafts/ (name: the draft's file name)
- ``key-check``: proof in the key file that it belongs to this data key (name: "key")
- ``team``: this laptop's own team files in team/ (name: the path inside team/)

Version 1 (before the binding) is read only to bring a folder made by an earlier version up to
date (`open_legacy`); a plain file is read only where a sealed journal lists it.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass

from .file_roles import KEY_FILE_NAME, UNLOCK_TRIES_NAME

__all__ = ["KEY_FILE_NAME", "UNLOCK_TRIES_NAME"]  # kept importable from here

MAGIC = b"LHSEAL"
LEGACY_VERSION = 1
VERSION = 2
HEADER = MAGIC + bytes([VERSION])
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
SALT_BYTES = 16

ROLES = frozenset(
    {
        "database",
        "backup",
        "kept-aside",
        "media",
        "audit",
        "anchor",
        "journal",
        "draft",
        "key-check",
        "team",
    }
)

# scrypt costs read from a file (the key file, a hand-over) are never trusted beyond these:
# twice the work and memory the app itself uses. A crafted file asking for more is refused at
# once instead of taking minutes and gigabytes.
MOST_SCRYPT_MEMORY = 256 * 1024 * 1024
MOST_SCRYPT_WORK = 2**21  # n * r * p


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
            maxmem=128 * self.n * self.r + 64 * 1024 * 1024,
            dklen=KEY_BYTES,
        )

    @classmethod
    def from_file(cls, n: object, r: object, p: object) -> ScryptCost:
        """Costs read from a file, checked first; ValueError when they are not ones Lasting
        Home would ever use."""
        values = []
        for value in (n, r, p):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("scrypt costs must be whole numbers")
            values.append(value)
        cost = cls(*values)
        if cost.n < 2 or cost.n & (cost.n - 1) or not (1 <= cost.r <= 32 and 1 <= cost.p <= 16):
            raise ValueError("scrypt costs out of range")
        if 128 * cost.n * cost.r > MOST_SCRYPT_MEMORY or cost.n * cost.r * cost.p > (
            MOST_SCRYPT_WORK
        ):
            raise ValueError("scrypt costs far above Lasting Home's own")
        return cost


DEFAULT_COST = ScryptCost()


def normalised(passphrase: str) -> str:
    """The form a passphrase is derived from: 'Zoë' typed as one letter or as e + two dots
    (macOS, some keyboards) is the same passphrase."""
    return unicodedata.normalize("NFC", passphrase)


def passphrase_forms(passphrase: str, *, legacy: bool) -> list[str]:
    """The forms to try. A passphrase wrapped by an earlier version was used exactly as typed,
    so for those the typed, NFC and NFD forms are each tried."""
    if not legacy:
        return [normalised(passphrase)]
    forms: list[str] = []
    for form in (passphrase, normalised(passphrase), unicodedata.normalize("NFD", passphrase)):
        if form not in forms:
            forms.append(form)
    return forms


class SealBroken(Exception):
    """A sealed file could not be opened: it was changed, damaged, put in another file's
    place, or is from another folder."""

    def __init__(self, what: str = "This file"):
        self.what = what
        self.kind_message = (
            f"{what} has been changed or damaged since Lasting Home saved it, so it cannot be "
            "read. Nothing has been changed. A backup may still hold a good copy."
        )
        super().__init__(self.kind_message)


class NotSealed(SealBroken):
    """A plain file where the folder keeps only sealed ones: it was not written by Lasting
    Home, so it is never read or sealed."""

    def __init__(self, what: str = "This file"):
        super().__init__(what)
        self.kind_message = (
            f"{what} is not encrypted, though this folder is: Lasting Home did not write it, so "
            "it has not been read or changed."
        )
        self.args = (self.kind_message,)


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

    def __init__(self, folder: os.PathLike[str] | str):
        self.folder = folder
        self.kind_message = (
            f"The data in {folder} is protected by a passphrase. Please give the passphrase "
            "to open it."
        )
        super().__init__(self.kind_message)


class WeakPassphrase(ValueError):
    def __init__(self, kind_message: str):
        self.kind_message = kind_message
        super().__init__(kind_message)


MIN_PASSPHRASE = 10


def check_new_passphrase(passphrase: str) -> None:
    if len(normalised(passphrase).strip()) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters: a few words "
            "you will remember are easier to type and harder to guess than one short word."
        )


def is_sealed(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


def sealed_version(data: bytes) -> int | None:
    """1 or 2 for a sealed file (by its header), None for a plain one."""
    if not is_sealed(data) or len(data) <= len(MAGIC):
        return None
    return data[len(MAGIC)]


class FolderKey:
    """The unwrapped data key of one folder: seals and opens its files."""

    def __init__(self, data_key: bytes):
        if len(data_key) != KEY_BYTES:
            raise ValueError("A data key is 32 bytes.")
        # cryptography loads its own OpenSSL (about 15 ms): only once a key is known, so the
        # unlock screen, which reads this module, opens without it.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(data_key)
        self._data_key = data_key
        self.folder_id = hashlib.sha256(b"lasting-home folder\0" + data_key).hexdigest()[:32]

    def seal(self, data: bytes, *, role: str, name: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        associated = self._binding(role, name)
        if not hasattr(self._aead, "encrypt_into"):  # cryptography before 45
            return HEADER + nonce + self._aead.encrypt(nonce, data, associated)
        # Sealed straight after the header in one buffer: joining the header to a database's
        # ciphertext afterwards costs several times the encryption itself, at every save.
        start = len(HEADER) + NONCE_BYTES
        sealed = bytearray(start + len(data) + TAG_BYTES)
        sealed[:start] = HEADER + nonce
        self._aead.encrypt_into(nonce, data, associated, memoryview(sealed)[start:])
        return bytes(sealed)

    def open_sealed(self, sealed: bytes, *, role: str, name: str, what: str = "This file") -> bytes:
        """The contents, if `sealed` was sealed by this folder as this role and name;
        NotSealed for a plain file, SealBroken for anything else."""
        if not is_sealed(sealed):
            raise NotSealed(what)
        if sealed_version(sealed) != VERSION:
            raise SealBroken(what)
        return self._open(sealed, self._binding(role, name), what)

    def open_legacy(self, sealed: bytes, what: str = "This file") -> bytes:
        """A file sealed by an earlier version (no binding): only for bringing a folder up to
        date, under a sealed journal that lists it."""
        if sealed_version(sealed) != LEGACY_VERSION:
            raise SealBroken(what)
        return self._open(sealed, MAGIC + bytes([LEGACY_VERSION]), what)

    def mac(self, purpose: str, data: bytes) -> bytes:
        """A keyed hash of `data` for one purpose (used where a file is checked, not hidden)."""
        import hmac

        return hmac.new(self._subkey(purpose), data, hashlib.sha256).digest()

    def _subkey(self, purpose: str) -> bytes:
        return hashlib.sha256(b"lasting-home subkey\0" + purpose.encode() + self._data_key).digest()

    def _binding(self, role: str, name: str) -> bytes:
        if role not in ROLES:
            raise ValueError(f"Not a role of a sealed file: {role!r}")
        bound = json.dumps([self.folder_id, role, name], ensure_ascii=False)
        return HEADER + bound.encode("utf-8")

    def _open(self, sealed: bytes, associated: bytes, what: str) -> bytes:
        start = len(MAGIC) + 1
        if len(sealed) < start + NONCE_BYTES + TAG_BYTES:
            raise SealBroken(what)
        nonce = sealed[start : start + NONCE_BYTES]
        from cryptography.exceptions import InvalidTag  # loaded with AESGCM in __init__

        try:
            # A view, not a slice: the ciphertext is not copied first.
            return self._aead.decrypt(nonce, memoryview(sealed)[start + NONCE_BYTES :], associated)
        except InvalidTag:
            raise SealBroken(what) from None


def seal_with(key: FolderKey | None, data: bytes, *, role: str, name: str) -> bytes:
    """Sealed in an encrypted folder; as it is in a plain one (a folder from before)."""
    return key.seal(data, role=role, name=name) if key is not None else data


def open_with(
    key: FolderKey | None, data: bytes, *, role: str, name: str, what: str = "This file"
) -> bytes:
    """What a file holds. In an encrypted folder only a file sealed as this role and name
    opens (a plain one is NotSealed); in a plain folder a sealed file cannot be read."""
    if key is None:
        if is_sealed(data):
            raise SealBroken(what)
        return data
    return key.open_sealed(data, role=role, name=name, what=what)
