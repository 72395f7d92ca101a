"""The one format of every file a laptop writes in the team folder:

    "LHTEAM" · version · header length (2 bytes) · header (JSON) · body · Ed25519 signature

The header says what the file is (kind, team, writing laptop, file id, epoch, nonce); the body
is sealed with AES-GCM under a team key of that epoch (or a join code's key) with everything
before it as associated data; the signature, by the writing laptop, covers all of it. So a
file cut short by a sync engine, changed, swapped or written by a stranger fails a check and is
not read; it is never mistaken for damage or for a deletion.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ...domain.ids import new_id
from ..crypto import NONCE_BYTES
from .keys import b64, unb64

MAGIC = b"LHTEAM"
VERSION = 1
SIGNATURE_BYTES = 64
_MOST_HEADER = 4096
_MOST_PLAIN = 512 * 1024**2  # a compressed body must not unfold into more than this

SEGMENT = "seg"
SNAPSHOT = "snap"
MEDIA = "media"
KEYS = "keys"
JOIN = "join"
ACCEPT = "accept"
REFUSE = "refuse"
KINDS = (SEGMENT, SNAPSHOT, MEDIA, KEYS, JOIN, ACCEPT, REFUSE)


class NotWhole(Exception):
    """Not (yet) a whole, genuine file: half-copied, cut short, changed, or not ours."""


class NotYet(Exception):
    """A genuine-looking file this laptop cannot read yet (its writer or key is not known
    here yet): try again later."""


@dataclass(frozen=True)
class Header:
    kind: str
    team: str
    writer: str
    file_id: str
    epoch: int = -1
    nonce: str = ""
    seq: int = 0
    tag: str = ""
    compressed: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "k": self.kind,
            "t": self.team,
            "l": self.writer,
            "f": self.file_id,
            "e": self.epoch,
            "n": self.nonce,
            "s": self.seq,
            "g": self.tag,
            "z": self.compressed,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Header:
        if not isinstance(raw, dict):
            raise NotWhole("header")
        try:
            header = cls(
                kind=str(raw["k"]),
                team=str(raw["t"]),
                writer=str(raw["l"]),
                file_id=str(raw["f"]),
                epoch=int(raw.get("e", -1)),
                nonce=str(raw.get("n", "")),
                seq=int(raw.get("s", 0)),
                tag=str(raw.get("g", "")),
                compressed=bool(raw.get("z", True)),
            )
        except (KeyError, TypeError, ValueError):
            raise NotWhole("header") from None
        if header.kind not in KINDS:
            raise NotWhole("kind")
        return header


@dataclass(frozen=True)
class TeamFile:
    header: Header
    signed: bytes  # everything the signature covers
    prefix: bytes  # magic, version, header: the associated data of the body
    body: bytes
    signature: bytes


def make_file(header: Header, plain: bytes, key: bytes | None, signer: Ed25519PrivateKey) -> bytes:
    """The whole file: `plain` sealed with `key` (None: left as it is, for key envelopes that
    are sealed one by one), then signed."""
    if key is not None and not header.nonce:
        raise ValueError("A sealed file needs a nonce in its header.")
    prefix = _prefix(header)
    body = plain
    if header.compressed:
        body = zlib.compress(body, 6)
    if key is not None:
        body = AESGCM(key).encrypt(unb64(header.nonce), body, prefix)
    signed = prefix + body
    return signed + signer.sign(signed)


def new_header(kind: str, team: str, writer: str, epoch: int = -1, **more: Any) -> Header:
    return Header(kind, team, writer, new_id(16), epoch, b64(os.urandom(NONCE_BYTES)), **more)


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def parse_file(data: bytes) -> TeamFile:
    start = len(MAGIC) + 3
    if len(data) < start + SIGNATURE_BYTES or not data.startswith(MAGIC):
        raise NotWhole("too short")
    if data[len(MAGIC)] != VERSION:
        raise NotWhole("version")
    length = int.from_bytes(data[len(MAGIC) + 1 : start], "big")
    if length > _MOST_HEADER or len(data) < start + length + SIGNATURE_BYTES:
        raise NotWhole("header length")
    try:
        header = Header.from_json(json.loads(data[start : start + length].decode("utf-8")))
    except (UnicodeDecodeError, ValueError):
        raise NotWhole("header") from None
    prefix = data[: start + length]
    signed = data[:-SIGNATURE_BYTES]
    return TeamFile(header, signed, prefix, data[len(prefix) : -SIGNATURE_BYTES], data[-64:])


def check_signature(team_file: TeamFile, public: Ed25519PublicKey) -> None:
    try:
        public.verify(team_file.signature, team_file.signed)
    except InvalidSignature:
        raise NotWhole("signature") from None


def open_body(team_file: TeamFile, key: bytes | None) -> bytes:
    """The body, opened and unfolded (NotWhole if it does not open)."""
    body = team_file.body
    if key is not None:
        try:
            body = AESGCM(key).decrypt(unb64(team_file.header.nonce), body, team_file.prefix)
        except (InvalidTag, ValueError):
            raise NotWhole("seal") from None
    if not team_file.header.compressed:
        return body
    unfold = zlib.decompressobj()
    try:
        plain = unfold.decompress(body, _MOST_PLAIN)
    except zlib.error:
        raise NotWhole("compression") from None
    if unfold.unconsumed_tail:
        raise NotWhole("too large")
    return plain


def open_json(team_file: TeamFile, key: bytes | None) -> Any:
    try:
        return json.loads(open_body(team_file, key).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NotWhole("contents") from None


def _prefix(header: Header) -> bytes:
    text = json.dumps(header.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + bytes([VERSION]) + len(text).to_bytes(2, "big") + text
