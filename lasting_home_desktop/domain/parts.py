"""The parts of a child's record, as workers name them (for the audit trail, clash notices and
the team's change list). The record itself is "record"; every other part is a section."""

from __future__ import annotations

from .carers_commitment import PROMPTS as LETTER_PROMPTS

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
    "photo_album": "Photo album",
    "media": "Pictures",
    "settings": "Settings",
    "folder": "Settings",
}


def part_title(part: str) -> str:
    """ "Matching meeting"; an unknown part by its own name, made readable."""
    return PART_TITLES.get(part) or part.replace("_", " ").capitalize()


# Field names a worker would not recognise, said plainly; the rest are made readable.
_FIELD_LABELS: dict[str, str] = {
    "journey.matching_meeting": "Matching meeting date",
    "journey.recommendation_sent": "Recommendation sent",
    "journey.decision": "Decision",
    "journey.decision_date": "Decision date",
    "journey.visit": "Commitment visit or panel date",
    "journey.celebration": "Celebration date",
    "people.carers": "Carers",
    "people.social_worker": "Allocated social worker",
    "people.supervising_social_worker": "Supervising social worker",
    "people.team_manager": "Team Manager",
    "people.iro": "IRO",
    "people.decision_maker": "Head of Service / Panel Chair",
    "case_id": "Person ID",
    "contribution_pence": "Agreed contribution",
    "recommendation_reasons": "Reasons for the recommendation",
    "carers_file_note": "Note for the carers' file",
    "time_slot": "Time slot",
    "": "The whole part",
    # A returned form's words, where they differ from what is saved (domain/form_filing).
    "dated": "Date written",
    "letter": "The letter",
}
_FIELD_LABELS.update({f"question_{n}": f"Answer to question {n}" for n in range(1, 6)})
_FIELD_LABELS.update({f"answers.{key}": heading for key, _prompt, heading in LETTER_PROMPTS})


def field_label(path: str) -> str:
    """ "journey.recommendation_sent" -> "Recommendation sent"; "concerns" -> "Concerns"."""
    if path in _FIELD_LABELS:
        return _FIELD_LABELS[path]
    last = path.rsplit(".", 1)[-1]
    return last.replace("_", " ").capitalize()
