"""What one sync round works with (this laptop's identity, its cache, the team folder, the
time) and what it found, for the status line and `lasting-home team sync`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.team_membership import Member, Membership
from ..crypto import FolderKey
from .cache import TeamCache
from .folder import FolderFile, TeamFolder
from .identity import TeamIdentity, save_identity
from .keys import KeyProblem, public_sign_key

# Heartbeat: a laptop with nothing to share still writes an empty segment this often, so the
# others can see when it was last about.
HEARTBEAT = dt.timedelta(hours=12)


@dataclass
class Report:
    received: Counter[str] = field(default_factory=Counter)  # worker -> records
    children: set[str] = field(default_factory=set)  # children those records were about
    sent: int = 0
    pictures_sent: int = 0
    pictures_received: int = 0
    deleted: int = 0  # children deleted here because the team deleted them
    accepted: list[str] = field(default_factory=list)  # workers let in (admin)
    refused: int = 0
    not_whole: int = 0  # files left unread this time (half-copied, not genuine)
    waiting: int = 0  # files this laptop cannot read yet
    folder_problem: str = ""  # "missing", "read-only", "full", "other"
    wrote: bool = False  # a file was written to the team folder
    history_left: int = 0


@dataclass
class Round:
    identity: TeamIdentity
    cache: TeamCache
    folder: TeamFolder
    now: dt.datetime
    data_folder: Path
    folder_key: FolderKey | None
    settle_seconds: float = 15.0  # a picture changed this recently is still being drawn
    # Pictures brought in one round: a new laptop shows its children at once, and their
    # pictures follow in the rounds straight after.
    picture_budget: int = 1000
    report: Report = field(default_factory=Report)
    identity_changed: bool = False
    listing: list[FolderFile] = field(default_factory=list)  # the team folder, as read
    _membership: Membership | None = None

    @property
    def membership(self) -> Membership:
        if self._membership is None:
            self._membership = Membership.from_entries(self.cache.files.entries.values())
        return self._membership

    def save_identity(self) -> None:
        """Now, not at the end of the round (a join code just used, a key just taken)."""
        save_identity(self.data_folder, self.folder_key, self.identity)
        self.identity_changed = False

    def entries_changed(self) -> None:
        self._membership = None

    def member(self, laptop: str) -> Member | None:
        return self.membership.members.get(laptop)

    def signer(self, laptop: str):  # noqa: ANN201 (an Ed25519 public key, or None)
        """The public key that must have signed a file from this laptop (None: unknown)."""
        identity = self.identity
        try:
            if laptop == identity.laptop:
                return identity.keys.sign.public_key()
            if laptop == identity.admin and identity.admin_sign:
                return public_sign_key(identity.admin_sign)
            member = self.member(laptop)
            return public_sign_key(member.sign_key) if member is not None else None
        except KeyProblem:
            return None

    def worker_of(self, laptop: str) -> str:
        if laptop == self.identity.laptop:
            return self.identity.worker or "this laptop"
        member = self.member(laptop)
        return member.label if member is not None else f"Laptop {laptop[:6]}"

    def stamp(self) -> str:
        return self.now.replace(microsecond=0).isoformat()
