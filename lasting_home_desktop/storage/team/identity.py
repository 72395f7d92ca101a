"""This laptop's place in a team: the team, the team folder, its own keys, the admin's public
key, the team keys of each epoch, the join codes it gave (admin) or is waiting on (joiner).

Kept in `team/identity.lhs` in the data folder, sealed with the folder's key, written whole and
synced to disk: losing it would mean joining again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..crypto import FolderKey
from .keys import KeyProblem, LaptopKeys, b64, unb64
from .local_files import LocalStateDamaged, read_local, team_state_folder, write_local

IDENTITY_FILE = "identity.lhs"
WAITING = "waiting"  # asked to join; the admin's laptop has not answered yet
MEMBER = "member"
REMOVED = "removed"  # the admin removed this laptop
REFUSED = "refused"  # the join code was used already, or too old


@dataclass
class Invite:
    invite: str  # the code's invite letters
    tag: str
    key: str  # the key derived from the code (base64); the code itself is never kept
    created: str
    expires: str
    used_by: str = ""

    def to_json(self) -> dict[str, str]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Invite:
        return cls(**{k: str(raw.get(k, "")) for k in cls.__dataclass_fields__})

    def expired(self, now: dt.datetime) -> bool:
        try:
            return now > dt.datetime.fromisoformat(self.expires)
        except ValueError:
            return True


@dataclass
class TeamIdentity:
    team_id: str
    team_dir: str
    keys: LaptopKeys
    worker: str
    state: str = MEMBER
    admin: str = ""  # the admin laptop's id
    admin_sign: str = ""  # its public signing key
    admin_receive: str = ""
    epochs: dict[int, bytes] = field(default_factory=dict)
    invites: list[Invite] = field(default_factory=list)
    join_tag: str = ""
    join_key: str = ""
    team_name: str = ""
    seq: int = 0
    note: str = ""  # why a join was refused
    _laptop: tuple[LaptopKeys, str] | None = field(default=None, repr=False, compare=False)

    @property
    def laptop(self) -> str:
        if self._laptop is None or self._laptop[0] is not self.keys:
            self._laptop = (self.keys, self.keys.laptop_id)  # worked out once per key
        return self._laptop[1]

    @property
    def is_admin(self) -> bool:
        return self.state == MEMBER and self.admin == self.laptop

    @property
    def epoch(self) -> int:
        return max(self.epochs) if self.epochs else -1

    @property
    def team_key(self) -> bytes:
        return self.epochs[self.epoch]

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def to_json(self) -> dict[str, Any]:
        sign, receive = self.keys.private_text()
        return {
            "format": 1,
            "team": self.team_id,
            "team_dir": self.team_dir,
            "sign": sign,
            "receive": receive,
            "worker": self.worker,
            "state": self.state,
            "admin": self.admin,
            "admin_sign": self.admin_sign,
            "admin_receive": self.admin_receive,
            "epochs": {str(e): b64(k) for e, k in self.epochs.items()},
            "invites": [invite.to_json() for invite in self.invites],
            "join_tag": self.join_tag,
            "join_key": self.join_key,
            "team_name": self.team_name,
            "seq": self.seq,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, raw: Any) -> TeamIdentity:
        try:
            return cls(
                team_id=str(raw["team"]),
                team_dir=str(raw["team_dir"]),
                keys=LaptopKeys.from_text(raw["sign"], raw["receive"]),
                worker=str(raw.get("worker", "")),
                state=str(raw.get("state", MEMBER)),
                admin=str(raw.get("admin", "")),
                admin_sign=str(raw.get("admin_sign", "")),
                admin_receive=str(raw.get("admin_receive", "")),
                epochs={int(e): unb64(k) for e, k in dict(raw.get("epochs", {})).items()},
                invites=[Invite.from_json(i) for i in raw.get("invites", [])],
                join_tag=str(raw.get("join_tag", "")),
                join_key=str(raw.get("join_key", "")),
                team_name=str(raw.get("team_name", "")),
                seq=int(raw.get("seq", 0)),
                note=str(raw.get("note", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError, KeyProblem) as error:
            raise LocalStateDamaged(f"{IDENTITY_FILE}: {error}") from None


def identity_path(data_folder: Path) -> Path:
    return team_state_folder(data_folder) / IDENTITY_FILE


def has_team(data_folder: Path) -> bool:
    """Cheap: whether this data folder was ever part of a team (no decryption)."""
    return identity_path(data_folder).is_file()


def load_identity(data_folder: Path, key: FolderKey | None) -> TeamIdentity | None:
    raw = read_local(identity_path(data_folder), key)
    return None if raw is None else TeamIdentity.from_json(raw)


def save_identity(data_folder: Path, key: FolderKey | None, identity: TeamIdentity) -> None:
    write_local(identity_path(data_folder), identity.to_json(), key)
