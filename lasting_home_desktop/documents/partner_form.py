"""The partner form: a fillable PDF with the five questions of the Partner Contribution Guide,
for a teacher, a health visitor or the IRO to answer in any PDF reader and email back.

It says only as much about the child as the partner needs (the name they like, the initial of
their last name, their age) and nothing about anyone else but the worker who asked.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus.flowables import Flowable

from ..domain.child import ChildRecord
from ..domain.dates import format_long
from ..domain.partner_contributions import PARTNER_QUESTIONS
from ..domain.returned_forms import (
    AGENCY_FIELD,
    ANSWER_FIELDS,
    ANSWER_LIMIT,
    DATE_FIELD,
    NAME_FIELD,
    ROLE_FIELD,
    Addressee,
    FormTicket,
    form_child,
)
from .fillable_forms import (
    FormPage,
    TextBox,
    build_form,
    facts,
    heading,
    how_to_return,
    labelled_boxes,
    line_box,
    panel,
    question,
    title,
    words,
)

PARTNER_FORM_TITLE = "Partner form for a matching meeting"
ANSWER_BOX_HEIGHT = 168

# A few words under each question, from the guide's spirit: examples help most.
_HINTS = (
    "For example: appointments kept, school attendance and homework, help with any needs.",
    "What you have seen, and how you know: examples, dates, records.",
    "Things the carer has done that show they are there for the child for the long term.",
    "How the carer notices and answers the child's feelings, needs and behaviour.",
    "What the child has said or shown you about their home and their carers.",
)


def partner_form_pdf(
    child: ChildRecord,
    ticket: FormTicket,
    today: dt.date,
    to: Addressee | None = None,
) -> bytes:
    """The partner form's PDF bytes; `to` fills in whom it is for (they may change it)."""
    return build_form(
        FormPage(PARTNER_FORM_TITLE, ticket), lambda: _story(child, today, to or Addressee())
    )


def _story(child: ChildRecord, today: dt.date, to: Addressee) -> list[Flowable]:
    about = form_child(child.known_as, child.last_name, child.date_of_birth, today)
    name = about.name
    meeting = child.journey.matching_meeting
    flow: list[Flowable] = title("Your view for a matching meeting", f"About {about.line}")
    flow.append(
        facts(
            [
                ("Asked by", _asked_by(child)),
                (
                    "Matching meeting",
                    format_long(meeting) if meeting and meeting >= today else "",
                ),
            ]
        )
    )
    flow.append(panel(_explanation(name)))
    flow.append(heading("How to fill it in and send it back"))
    flow.append(
        how_to_return(
            f"write as much as you like (up to {ANSWER_LIMIT:,} characters an answer)",
            "the answers",
            "Email the saved file back to whoever sent it, through your organisation's secure "
            "email. It is marked OFFICIAL-SENSITIVE: keep it as you would any other such "
            "document, and delete your copy once it is sent.",
        )
    )
    flow.append(heading("About you"))
    flow.append(
        labelled_boxes(
            [
                ("Your name", line_box(NAME_FIELD, "Your name", to.name)),
                ("Your role", line_box(ROLE_FIELD, "Your role, e.g. class teacher", to.role)),
                ("Organisation", line_box(AGENCY_FIELD, "Your organisation or agency", to.agency)),
                ("Date", line_box(DATE_FIELD, "Today's date, DD/MM/YYYY", "", limit=40)),
            ]
        )
    )
    flow.append(heading("The five questions"))
    flow.append(
        words(
            "Answer any, all or none. Concrete examples are the most helpful: what you have "
            "seen, when, and what difference it made."
        )
    )
    for number, (text, field, hint) in enumerate(
        zip(PARTNER_QUESTIONS, ANSWER_FIELDS, _HINTS, strict=True), start=1
    ):
        box = TextBox(field, f"Question {number}: {text}", ANSWER_BOX_HEIGHT, ANSWER_LIMIT)
        flow.append(question(number, text, box, hint))
    flow.append(
        words(
            f"Thank you. Your answers will be read at {name}'s matching meeting, beside the "
            "views of the other people who work with them."
        )
    )
    return flow


def _explanation(name: str) -> list[Flowable]:
    return [
        words(
            f"You have been asked for your view because you know {name} and their foster "
            "family. Lasting Home is how the council, the child and the adults around them "
            "agree that the home the child lives in now is their home for the long term, as "
            "they grow up. Children chose the name themselves."
        ),
        words(
            "Before that is agreed, a matching meeting brings together everyone who works with "
            "the child: health, education, the Independent Reviewing Officer and others. It is "
            "chaired by the social work Team Manager, weighs strengths and concerns, and ends "
            "with a recommendation to the Head of Service."
        ),
        words(
            "The five questions come from the Partner Contribution Guide. They are there to "
            "help your reflection and recommendation: this is not a report that needs "
            "completing, unless you want it to be. With the child, please say 'lasting home': "
            "children asked for those words."
        ),
    ]


def _asked_by(child: ChildRecord) -> str:
    worker = child.people.social_worker.strip()
    return f"{worker}, the child's social worker" if worker else ""
