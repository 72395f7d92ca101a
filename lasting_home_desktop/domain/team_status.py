"""How a laptop's team sharing stands, in the few quiet words the worker window shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .plain_words import day_month

NOT_IN_TEAM = "none"
WAITING = "waiting"
MEMBER = "member"
REMOVED = "removed"
REFUSED = "refused"
DAMAGED = "damaged"  # this laptop's own team settings cannot be read

MISSING = "missing"
READ_ONLY = "read-only"
FULL = "full"

_PROBLEMS = {
    MISSING: "Team folder not reachable: your work is kept here and will be shared when it is back",
    READ_ONLY: "Team folder cannot be written from this laptop: your work is kept here and "
    "will be shared when it can",
    FULL: "Team folder's disk is full: your work is kept here and will be shared when there "
    "is room",
}
_OTHER_PROBLEM = "Team folder could not be used just now: your work is kept here"


@dataclass(frozen=True)
class TeamStatus:
    state: str = NOT_IN_TEAM
    last_synced: dt.datetime | None = None  # the last round that reached the team folder
    problem: str = ""  # "", or why the folder could not be used last time
    to_share: int = 0  # changes made here not yet in the team folder
    note: str = ""  # why a join was refused ("used" or "expired")


def status_line(status: TeamStatus, now: dt.datetime) -> str:
    """ "Team: up to date 2 minutes ago", or what is wrong and that nothing is lost."""
    if status.state == NOT_IN_TEAM:
        return ""
    if status.state == WAITING:
        return "Team: waiting for the Team Manager's laptop to let this laptop in"
    if status.state == REFUSED:
        why = "is more than 7 days old" if status.note == "expired" else "was already used"
        return f"Team: that join code {why}; please ask the Team Manager for a new one"
    if status.state == REMOVED:
        return "This laptop is no longer in the team; its own records stay here"
    if status.state == DAMAGED:
        return (
            "Team: this laptop's team settings could not be read; its records are safe here. "
            "Ask the Team Manager for a join code to join again"
        )
    if status.problem:
        return _PROBLEMS.get(status.problem, _OTHER_PROBLEM)
    if status.last_synced is None:
        return "Team: looking for changes…"
    return f"Team: up to date {ago(status.last_synced, now)}"


def ago(when: dt.datetime, now: dt.datetime) -> str:
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    hours = minutes // 60
    if hours < 24 and when.date() == now.date():
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    return f"on {day_month(when.date(), now.date())}"


def last_seen(when: dt.datetime | None, now: dt.datetime) -> str:
    """When a member's laptop was last heard of here."""
    if when is None:
        return "not yet"
    return ago(when, now)
