"""The adults' records for the example children on the panel route, so the panel agendas show
slots, ways of taking part and papers in and missing. Each child's own random stream (seeded
by their id) keeps the rest of the example caseload as it always was."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .carers_commitment import CarersCommitment, LetterStatus
from .child import ChildRecord, DecisionRoute
from .matching_meeting import MatchingMeeting, Recommendation
from .panel import PanelBooking, Participation
from .partner_contributions import PARTNER_QUESTIONS, PartnerContribution, PartnerContributions

SLOTS = (dt.time(10, 0), dt.time(11, 0), dt.time(13, 30), dt.time(15, 30), dt.time(16, 15))
PARTNER_ANSWER = "She is settled and happy at school; her carers come to every review."


def example_panel_sections(
    record: ChildRecord, rng: random.Random, today: dt.date
) -> dict[str, dict[str, Any]]:
    """Minutes, booking, carers' letter and partners' answers for a panel-route child."""
    dates = record.journey
    if record.route is not DecisionRoute.PANEL or dates.matching_meeting is None:
        return {}
    if dates.matching_meeting > today:
        return {}
    own = random.Random(record.id)  # never the shared stream: other children stay the same
    sections: dict[str, dict[str, Any]] = {}
    booked = dates.visit is not None
    meeting = MatchingMeeting(
        chair=record.people.team_manager,
        recommendation=Recommendation.PROGRESS,
        minutes_complete=booked or own.random() < 0.5,
    )
    sections[MatchingMeeting.SECTION] = meeting.to_dict()
    if not booked:
        return sections
    coming = own.random() < 0.5
    ways = [Participation.IN_PERSON] if coming else []
    ways.append(own.choice((Participation.LETTER, Participation.DRAWING, Participation.AVATAR)))
    slot = own.choice(SLOTS[3:] if coming else SLOTS[:3])
    sections[PanelBooking.SECTION] = PanelBooking(
        time_slot=slot if own.random() < 0.8 else None,
        participation=tuple(ways),
        chair=record.people.decision_maker,
    ).to_dict()
    if own.random() < 0.7:
        status = own.choice((LetterStatus.FINAL, LetterStatus.READY_FOR_REVIEW))
        letter = CarersCommitment(
            letter=f"We are proud to be {record.known_as}'s family, now and as they grow up.",
            status=LetterStatus.DRAFT if status is not LetterStatus.FINAL else status,
            reviewer=record.people.supervising_social_worker
            if status is LetterStatus.FINAL
            else "",
            review_comment="Read with the carers." if status is LetterStatus.FINAL else "",
            reviewed_on=dates.matching_meeting if status is LetterStatus.FINAL else None,
        )
        sections[CarersCommitment.SECTION] = letter.to_dict()
    if own.random() < 0.6:
        answers = (PARTNER_ANSWER,) + ("",) * (len(PARTNER_QUESTIONS) - 1)
        teacher = PartnerContribution(
            "Mrs Hannah Clegg", "Class teacher", "School", answers, dates.matching_meeting
        )
        sections[PartnerContributions.SECTION] = PartnerContributions((teacher,)).to_dict()
    return sections
