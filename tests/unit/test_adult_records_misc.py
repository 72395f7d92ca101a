"""Commitment visit, Head of Service, celebration, carers' letter and partner contributions."""

import datetime as dt

from lasting_home_desktop.domain.carers_commitment import (
    PROMPTS,
    CarersCommitment,
    LetterStatus,
    draft_letter,
    prompt_text,
)
from lasting_home_desktop.domain.celebration import Celebration, CelebrationPhoto
from lasting_home_desktop.domain.commitment_visit import CommitmentVisit, VisitAttendee
from lasting_home_desktop.domain.head_of_service import HeadOfServiceNotes
from lasting_home_desktop.domain.journey import Decision
from lasting_home_desktop.domain.partner_contributions import (
    PARTNER_QUESTIONS,
    PartnerContribution,
    PartnerContributions,
)

TODAY = dt.date(2026, 11, 22)


def test_visit_round_trip():
    """A visit record comes back as saved."""
    visit = CommitmentVisit(
        time=dt.time(16, 30),
        place="The park café ☕",
        attendees=(VisitAttendee("Nana Ayesha", invited=True, attended=True, child_chose=True),),
        outcome_told=True,
        card_given=True,
        certificate_given=True,
        notes="Ola read her letter.",
        carers_file_note="Carers shared their commitment.",
    )
    assert CommitmentVisit.from_dict(visit.to_dict()) == visit


def test_future_visit_cannot_be_recorded_as_done():
    """Ticking 'card given' for a visit next week is refused, saying when the visit is."""
    visit = CommitmentVisit(card_given=True)
    [problem] = visit.problems(dt.date(2026, 12, 1), TODAY)
    assert "1 December 2026" in problem and "card was given" in problem
    assert visit.problems(dt.date(2026, 11, 20), TODAY) == []


def test_head_of_service_approval_needs_its_date():
    """A panel-route approval without a date is pointed out."""
    notes = HeadOfServiceNotes(approval_before_panel=Decision.AGREED)
    assert "date" in notes.problems(None, TODAY)[0]
    dated = HeadOfServiceNotes(approval_before_panel=Decision.AGREED, approval_date=TODAY)
    assert HeadOfServiceNotes.from_dict(dated.to_dict()) == dated


def test_celebration_photos_round_trip_and_removal():
    """Photos are kept by id and can be removed."""
    party = Celebration(what="Bowling").with_photo(CelebrationPhoto("abc", "jpg", "Strike!"))
    assert Celebration.from_dict(party.to_dict()) == party
    assert party.without_photo("abc").photos == ()


def test_letter_drafted_from_prompts():
    """The draft greets the child by name and uses the carers' words under headings."""
    letter = draft_letter("Ola", "Jo and Sam", {"love": "Your laugh.", "commit": "Always."})
    assert letter.startswith("Dear Ola,")
    assert "What we love about you\nYour laugh." in letter
    assert letter.endswith("With love,\nJo and Sam")
    assert "Ola" in prompt_text("love", "Ola")
    assert len(PROMPTS) == 5


def test_reviewed_letter_needs_reviewer_comment_and_date():
    """Marking reviewed without the supervising social worker's comment is refused."""
    letter = CarersCommitment(letter="Dear Ola", status=LetterStatus.REVIEWED)
    problems = letter.problems(TODAY)
    assert any("review comment" in p for p in problems)
    assert any("name of the supervising social worker" in p for p in problems)
    good = CarersCommitment(
        letter="Dear Ola",
        status=LetterStatus.FINAL,
        reviewer="Kasia",
        review_comment="Lovely.",
        reviewed_on=TODAY,
    )
    assert good.problems(TODAY) == []
    assert CarersCommitment.from_dict(good.to_dict()) == good


def test_empty_letter_cannot_go_for_review():
    """Ready for review needs a letter."""
    assert "empty" in CarersCommitment(status=LetterStatus.READY_FOR_REVIEW).problems(TODAY)[0]


def test_partner_answers_are_optional_and_shown_together():
    """Two partners, some answers blank: shown under each question with name and date."""
    contributions = PartnerContributions(
        (
            PartnerContribution(
                "Mr Tariq Hussain", "Class teacher", "Education", ("Homework club",), TODAY
            ).cleaned(),
            PartnerContribution("Nurse Ewa", "LAC nurse", "Health").cleaned(),
        )
    )
    assert contributions.problems(TODAY) == []
    text = contributions.together_text()
    assert "Mr Tariq Hussain (Class teacher, Education), 22 November 2026: Homework club" in text
    assert text.count("(no answers)") == len(PARTNER_QUESTIONS) - 1
    assert PartnerContributions.from_dict(contributions.to_dict()) == contributions


def test_partner_without_name_or_dated_in_future():
    """Both mistakes are named."""
    partner = PartnerContribution("", dated=dt.date(2027, 1, 1)).cleaned()
    problems = PartnerContributions((partner,)).problems(TODAY)
    assert any("no name" in p for p in problems)
    assert any("future" in p for p in problems)
