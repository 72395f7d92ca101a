"""The rules for what a form says about the child and where its words go (no PDF, no store)."""

from __future__ import annotations

import datetime as dt

from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.form_filing import (
    NO_NAME,
    file_carers_form,
    file_partner_form,
    partner_contribution,
    received_letter,
)
from lasting_home_desktop.domain.partner_contributions import (
    PartnerContribution,
    PartnerContributions,
)
from lasting_home_desktop.domain.returned_forms import (
    FormKind,
    FormTicket,
    clean_words,
    form_child,
    returned_form,
)

TODAY = dt.date(2026, 11, 22)
MADE = dt.date(2026, 11, 10)


def _partner_form(**values: str):
    ticket = FormTicket("LH-AAAA-BBBB-CCCC", "child1", FormKind.PARTNER, MADE, "check")
    return returned_form(ticket, values)


def _carers_form(**values: str):
    ticket = FormTicket("LH-DDDD-EEEE-FFFF", "child1", FormKind.CARERS, MADE, "check")
    return returned_form(ticket, values)


def test_the_form_names_the_child_only_as_much_as_needed():
    """Preferred name, initial of the last name and age; less when less is known."""
    assert form_child("Ola", "Nowak", dt.date(2017, 5, 3), TODAY).line == "Ola N., aged 9"
    assert form_child("Ola", "", None, TODAY).line == "Ola"
    assert form_child("Zosia", "ŁUKASIEWICZ", None, TODAY).name == "Zosia Ł."


def test_line_breaks_of_every_reader_become_one_kind():
    """Acrobat's \\r and Windows' \\r\\n both read as \\n; nothing else changes."""
    assert clean_words("a\rb\r\nc\n\nd  ") == "a\nb\nc\n\nd  "


def test_partner_without_a_name_takes_the_addressee_or_says_so():
    """The name the worker made the form out to fills in a blank name."""
    form = _partner_form(answer_1="Yes")
    assert partner_contribution(form, TODAY, "Mr Patel").name == "Mr Patel"
    assert partner_contribution(form, TODAY).name == NO_NAME


def test_a_date_that_cannot_be_right_becomes_the_day_received():
    """Dates in the future, before the form was made, or unreadable are not trusted."""
    for written in ("30/11/2026", "01/01/2020", "next Tuesday", ""):
        filing = file_partner_form(
            PartnerContributions(),
            partner_contribution(_partner_form(answer_1="Yes", date_written=written), TODAY),
        )
        assert filing.data["partners"][0]["dated"] == TODAY.isoformat(), written
    good = partner_contribution(_partner_form(answer_1="Yes", date_written="20/11/2026"), TODAY)
    assert good.dated == dt.date(2026, 11, 20)


def test_partner_added_by_name_is_filled_in_place():
    """A partner the worker listed, still without answers, gets the form's answers."""
    waiting = PartnerContribution("Mr Patel", role="Head teacher", agency="Education")
    other = PartnerContribution("Dr Shah", answers=("Seen", "", "", "", ""))
    received = partner_contribution(_partner_form(your_name="mr patel", answer_2="Kind"), TODAY)
    filing = file_partner_form(PartnerContributions((other, waiting)), received)
    partners = PartnerContributions.from_dict(filing.data).partners
    assert len(partners) == 2 and filing.entry == 1 and filing.changed
    assert partners[1].answers[1] == "Kind" and partners[1].role == "Head teacher"
    assert partners[1].form_id == "LH-AAAA-BBBB-CCCC"


def test_second_copy_clashes_only_where_words_differ():
    """The same partner's second copy: each changed answer is one clash; settling takes the
    chosen words and notes when they arrived."""
    first = partner_contribution(_partner_form(answer_1="A", answer_2="B"), MADE)
    stored = PartnerContributions.from_dict(file_partner_form(PartnerContributions(), first).data)
    second = partner_contribution(_partner_form(answer_1="A", answer_2="B2"), TODAY)
    filing = file_partner_form(stored, second)
    assert [c.path for c in filing.clashes] == ["question_2"] and not filing.first_time
    kept = filing.settled({"question_2": "B"})
    assert kept == stored.to_dict()
    taken = PartnerContributions.from_dict(filing.settled({"question_2": "B2"})).partners[0]
    assert taken.answers[:2] == ("A", "B2") and taken.received_on == TODAY


def test_carers_words_fill_empty_places_and_clash_with_others():
    """Empty prompts take the carers' words at once; a prompt already written asks first."""
    saved = CarersCommitment(answers=(("love", "Her laugh"),), status=LetterStatus.REVIEWED)
    form = _carers_form(prompt_love="Her smile", prompt_commit="Always", your_names="Jo")
    filing = file_carers_form(saved, received_letter(form), TODAY)
    assert [(c.path, c.theirs, c.mine) for c in filing.clashes] == [
        ("answers.love", "Her laugh", "Her smile")
    ]
    letter = CarersCommitment.from_dict(filing.settled({}))
    assert letter.answer("love") == "Her laugh" and letter.answer("commit") == "Always"
    assert letter.status is LetterStatus.DRAFT and letter.received_from == "Jo"


def test_carers_form_bringing_nothing_new_changes_nothing():
    """When the worker keeps every saved word, the letter is as it was (still reviewed)."""
    saved = CarersCommitment(letter="Dear Ola", status=LetterStatus.REVIEWED)
    filing = file_carers_form(saved, received_letter(_carers_form(letter="Dear Ola!")), TODAY)
    assert filing.settled({}) == saved.to_dict()
    assert CarersCommitment.from_dict(filing.settled({"letter": "Dear Ola!"})).status is (
        LetterStatus.DRAFT
    )
