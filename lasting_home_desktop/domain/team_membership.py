"""Who is in a team, from the entries the Team Manager's laptop (the admin) writes in its log:
the team's name, each member with their public keys, each removal with its cut, each join code
used. Entries are only ever added; the membership is a function of the set of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

TEAM = "team"
MEMBER = "member"
REMOVED = "removed"
INVITE_USED = "invite-used"
ENTRY_KINDS = (TEAM, MEMBER, REMOVED, INVITE_USED)


@dataclass(frozen=True)
class Member:
    laptop: str
    sign_key: str  # Ed25519 public key, base64
    receive_key: str  # X25519 public key, base64
    worker: str
    joined: str = ""
    admin: bool = False
    removed: bool = False
    cut: frozenset[str] = frozenset()  # the segments of a removed laptop that still count
    removed_on: str = ""

    @property
    def label(self) -> str:
        return self.worker or f"Laptop {self.laptop[:6]}"


@dataclass(frozen=True)
class Membership:
    team_name: str = ""
    members: Mapping[str, Member] = field(default_factory=dict)
    used_invites: Mapping[str, str] = field(default_factory=dict)  # invite id -> laptop

    @classmethod
    def from_entries(cls, entries: Iterable[Mapping[str, Any]]) -> Membership:
        team_name = ""
        members: dict[str, Member] = {}
        removals: dict[str, Mapping[str, Any]] = {}
        used: dict[str, str] = {}
        # A fixed order, so the same entries give the same team whatever order they came in.
        for entry in sorted(entries, key=lambda e: (str(e.get("when", "")), str(e.get("id")))):
            kind = entry.get("t")
            if kind == TEAM:
                team_name = str(entry.get("name", ""))[:200]
            elif kind == MEMBER:
                laptop = str(entry.get("laptop", ""))
                if laptop and laptop not in members:
                    members[laptop] = Member(
                        laptop,
                        str(entry.get("sign", "")),
                        str(entry.get("dh", "")),
                        str(entry.get("name", ""))[:200],
                        str(entry.get("when", "")),
                        bool(entry.get("admin", False)),
                    )
            elif kind == REMOVED:
                removals.setdefault(str(entry.get("laptop", "")), entry)
            elif kind == INVITE_USED:
                used.setdefault(str(entry.get("invite", "")), str(entry.get("laptop", "")))
        for laptop, entry in removals.items():
            member = members.get(laptop)
            if member is None or member.admin:
                continue  # the admin cannot be removed
            cut = entry.get("cut", [])
            members[laptop] = Member(
                member.laptop,
                member.sign_key,
                member.receive_key,
                member.worker,
                member.joined,
                member.admin,
                removed=True,
                cut=frozenset(str(s) for s in cut) if isinstance(cut, list) else frozenset(),
                removed_on=str(entry.get("when", "")),
            )
        return cls(team_name, members, used)

    def current(self) -> list[Member]:
        """Members not removed, the admin first, then by name."""
        kept = [m for m in self.members.values() if not m.removed]
        return sorted(kept, key=lambda m: (not m.admin, m.worker.casefold(), m.laptop))

    def counts(self, laptop: str, segment: str) -> bool:
        """Whether a record that laptop first wrote in that segment is part of the team's
        history: any member's, and a removed member's only within its cut."""
        member = self.members.get(laptop)
        if member is None:
            return False
        return not member.removed or segment in member.cut

    def find(self, name_or_id: str) -> list[Member]:
        """Current members matching a worker's name (any case) or the start of a laptop id."""
        wanted = " ".join(name_or_id.split()).casefold()
        if not wanted:
            return []
        by_name = [m for m in self.current() if m.worker.casefold() == wanted]
        if by_name:
            return by_name
        return [m for m in self.current() if len(wanted) >= 4 and m.laptop.startswith(wanted)]


def entry_time(now: dt.datetime) -> str:
    return now.replace(microsecond=0).isoformat()
