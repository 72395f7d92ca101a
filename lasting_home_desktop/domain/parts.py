"""The parts of a child's record, as workers name them (for the audit trail, clash notices and
the team's change list). The record itself is "record"; every other part is a section."""

from __future__ import annotations

PART_TITLES: dict[str, str] = {
    "record": "Details and dates",
    "child_voice": "The child's voice",
    "drawings": "Drawings",
    "matching_meeting": "Matching meeting",
    "head_of_service": "Head of Service",
    "commitment_visit": "Commitment visit",
    "panel_booking": "Panel",
    "celebration": "Celebration",
    "carers_commitment": "Carers' letter",
    "partner_contributions": "Partner contributions",
    "card": "Card message",
    "settings": "Settings",
    "folder": "Settings",
}


def part_title(part: str) -> str:
    """ "Matching meeting"; an unknown part by its own name, made readable."""
    return PART_TITLES.get(part) or part.replace("_", " ").capitalize()
