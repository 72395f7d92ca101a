"""Gathering, once for every child, what their status needs beyond their own record (the
panel booking's agenda, how the child said they feel), and working out their status.

Read only: the tracker, the caseload, the child's page and the command line call these.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from ..domain.child_status import (
    ChildStatus,
    StatusFacts,
    Worry,
    child_status,
    child_statuses,
    worry_from_voice,
)
from ..domain.panel import PanelBooking
from .caseload import CaseloadStore


def status_facts(store: CaseloadStore) -> dict[str, StatusFacts]:
    """Every child's facts by id, from two reads of the store."""
    from .child_voice import SECTION as VOICE  # here: the child's voice is not needed at import

    bookings = store.sections(PanelBooking.SECTION)
    voices = store.sections(VOICE)
    return {
        child_id: _facts(bookings.get(child_id), voices.get(child_id))
        for child_id in set(bookings) | set(voices)
    }


def statuses_now(
    store: CaseloadStore, today: dt.date, include_archived: bool = False
) -> list[ChildStatus]:
    """Every child's status today, in the caseload's order."""
    children = store.children(include_archived=include_archived)
    return child_statuses(children, today, store.settings().journey, status_facts(store))


def status_now(store: CaseloadStore, child_id: str, today: dt.date) -> ChildStatus:
    """One child's status today."""
    from .child_voice import SECTION as VOICE

    facts = _facts(store.section(PanelBooking.SECTION, child_id), store.section(VOICE, child_id))
    return child_status(store.child(child_id), today, store.settings().journey, facts)


def _facts(booking: dict[str, Any] | None, voice: dict[str, Any] | None) -> StatusFacts:
    confirmed = PanelBooking.from_dict(booking).agenda_confirmed if booking else False
    return StatusFacts(agenda_confirmed=confirmed, worry=_worry(voice))


def _worry(voice: dict[str, Any] | None) -> Worry | None:
    feeling = (voice or {}).get("feeling")
    if not isinstance(feeling, dict) or feeling.get("face") not in _worry_faces():
        return None  # no face chosen yet, or a happy one: nothing more to read
    from ..domain.child_voice import ChildVoice

    # Only the feeling, read by the child's voice's own codec: the caseload reads a thousand
    # children's at start-up, and the rest of what each child said is not needed for it.
    return worry_from_voice(ChildVoice.from_dict({"feeling": feeling}))


@lru_cache(maxsize=1)
def _worry_faces() -> frozenset[str]:
    from ..domain.child_voice import WORRY_FEELINGS  # once, when the first face is read

    return WORRY_FEELINGS
