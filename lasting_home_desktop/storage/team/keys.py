"""The keys of a team: each laptop's own pair (Ed25519 to sign what it writes, X25519 to receive
team keys), team keys wrapped for one laptop, and the one-time join code.

A team key travels only wrapped: an ephemeral X25519 key agreement with the member's public key,
HKDF-SHA256 bound to the team, the member and the epoch, then AES-GCM. A join code is 24
letters and digits; only a key derived from it (scrypt) is ever kept.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..crypto import KEY_BYTES, NONCE_BYTES, ScryptCost

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_GROUPS = 6
CODE_GROUP = 4
# The code holds 80 random bits, so scrypt is a margin, not the defence: kept quick enough
# for a laptop joining and for the admin answering several requests.
CODE_COST = ScryptCost(n=2**14, r=8, p=1)


class KeyProblem(ValueError):
    """A key or envelope is not well formed, or not for this laptop."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise KeyProblem("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyProblem("not base64 text") from None


@dataclass(frozen=True)
class LaptopKeys:
    """This laptop's private keys (kept sealed in its data folder)."""

    sign: Ed25519PrivateKey
    receive: X25519PrivateKey

    @classmethod
    def new(cls) -> LaptopKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_text(cls, sign: str, receive: str) -> LaptopKeys:
        try:
            return cls(
                Ed25519PrivateKey.from_private_bytes(unb64(sign)),
                X25519PrivateKey.from_private_bytes(unb64(receive)),
            )
        except ValueError as error:
            raise KeyProblem(str(error)) from None

    def private_text(self) -> tuple[str, str]:
        return (
            b64(self.sign.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)),
            b64(self.receive.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)),
        )

    @property
    def sign_public(self) -> str:
        return b64(self.sign.public_key().public_bytes(_RAW, _RAW_PUBLIC))

    @property
    def receive_public(self) -> str:
        return b64(self.receive.public_key().public_bytes(_RAW, _RAW_PUBLIC))

    @property
    def laptop_id(self) -> str:
        return laptop_id(self.sign_public)


def laptop_id(sign_public: str) -> str:
    """A laptop's id in the team folder: a hash of its public signing key, so no one can write
    under another laptop's id without its key. It names no one."""
    return hashlib.sha256(unb64(sign_public)).hexdigest()[:20]


def team_id_for(admin_sign_public: str) -> str:
    """A team's id: a hash of its admin laptop's public signing key, so an answer to a join
    request can be checked to come from the team's own admin."""
    return hashlib.sha256(b"team|" + unb64(admin_sign_public)).hexdigest()[:32]


def public_sign_key(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(unb64(text))
    except ValueError as error:
        raise KeyProblem(str(error)) from None


def new_team_key() -> bytes:
    return os.urandom(KEY_BYTES)


# -- wrapping a team key for one member --------------------------------------------------------


def wrap_for(receive_public: str, team_key: bytes, context: bytes) -> dict[str, str]:
    """`team_key` sealed so only the holder of that X25519 key can open it."""
    try:
        member = X25519PublicKey.from_public_bytes(unb64(receive_public))
    except ValueError as error:
        raise KeyProblem(str(error)) from None
    ephemeral = X25519PrivateKey.generate()
    kek = _kek(ephemeral.exchange(member), context)
    nonce = os.urandom(NONCE_BYTES)
    return {
        "e": b64(ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)),
        "k": b64(nonce + AESGCM(kek).encrypt(nonce, team_key, context)),
    }


def unwrap(keys: LaptopKeys, envelope: object, context: bytes) -> bytes:
    if not isinstance(envelope, dict):
        raise KeyProblem("not an envelope")
    try:
        ephemeral = X25519PublicKey.from_public_bytes(unb64(envelope.get("e")))
        sealed = unb64(envelope.get("k"))
        kek = _kek(keys.receive.exchange(ephemeral), context)
        key = AESGCM(kek).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context)
    except (ValueError, InvalidTag):
        raise KeyProblem("this envelope is not for this laptop") from None
    if len(key) != KEY_BYTES:
        raise KeyProblem("not a team key")
    return key


def envelope_context(team_id: str, laptop: str, epoch: int) -> bytes:
    return f"lasting-home team key|{team_id}|{laptop}|{epoch}".encode()


def _kek(shared: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=context).derive(shared)


# -- the join code -----------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinCode:
    """`TTTT-IIII-SSSS-SSSS-SSSS-SSSS`: a check of the team, the invite, and the secret."""

    team_check: str
    invite: str
    secret: str

    @property
    def text(self) -> str:
        letters = self.team_check + self.invite + self.secret
        return "-".join(letters[i : i + CODE_GROUP] for i in range(0, len(letters), CODE_GROUP))


def team_check(team_id: str) -> str:
    digest = hashlib.sha256(team_id.encode("utf-8")).digest()
    return "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in digest[:CODE_GROUP])


def new_join_code(team_id: str) -> JoinCode:
    def letters(count: int) -> str:
        return "".join(secrets.choice(CODE_ALPHABET) for _ in range(count))

    return JoinCode(team_check(team_id), letters(CODE_GROUP), letters(CODE_GROUP * 4))


def read_join_code(text: str) -> JoinCode | None:
    """The code as typed (spaces, dashes and case forgiven); None if it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    if len(cleaned) != CODE_GROUPS * CODE_GROUP or any(c not in CODE_ALPHABET for c in cleaned):
        return None
    return JoinCode(cleaned[:4], cleaned[4:8], cleaned[8:])


def code_key(code: JoinCode, team_id: str, cost: ScryptCost = CODE_COST) -> bytes:
    salt = f"lasting-home join|{team_id}|{code.invite}".encode()
    return cost.derive(code.secret, salt)


def code_tag(key: bytes) -> str:
    """What names a join request and its answer in the folder without giving the code away."""
    return hmac.new(key, b"lasting-home join tag", hashlib.sha256).hexdigest()[:24]
