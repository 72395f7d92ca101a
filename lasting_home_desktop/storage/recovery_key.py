"""The recovery key (shown once at set-up, kept on paper away from the laptop; it opens the data
if the passphrase is forgotten), and wrapping the data key under it or under the passphrase."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from typing import TYPE_CHECKING

from .crypto import NONCE_BYTES, WrongPassphrase

KEY_BYTES = 32
_WRAP_CONTEXT = b"lasting-home data key"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LENGTH = 4

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM


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


def recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    # The recovery key is random and long, so a fast derivation is enough; a passphrase is not.
    letters = normalise_recovery_key(recovery_key).replace("-", "")
    return hashlib.pbkdf2_hmac("sha256", letters.encode("ascii"), salt, 1, dklen=KEY_BYTES)


def _aead(kek: bytes) -> AESGCM:
    # Imported when a key is wrapped or unwrapped, not when the unlock screen reads the key file.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(kek)


def wrap(kek: bytes, data_key: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _aead(kek).encrypt(nonce, data_key, _WRAP_CONTEXT)


def unwrap(kek: bytes, wrapped: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag  # loaded with AESGCM, in _aead

    try:
        return _aead(kek).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _WRAP_CONTEXT)
    except (InvalidTag, ValueError):
        raise WrongPassphrase() from None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
