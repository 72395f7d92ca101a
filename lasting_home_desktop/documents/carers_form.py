"""The carers' letter form: a fillable PDF with the five prompts the app uses for the foster
carers' letter of commitment, and a box for the letter itself, to fill in at home in any PDF
reader and email back to the supervising social worker."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import PageBreak
from reportlab.platypus.flowables import Flowable

from ..domain.carers_commitment import PROMPTS, prompt_text
from ..domain.child import ChildRecord
from ..domain.returned_forms import (
    ANSWER_LIMIT,
    CARERS_NAMES_FIELD,
    DATE_FIELD,
    LETTER_FIELD,
    LETTER_LIMIT,
    PROMPT_FIELDS,
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

CARERS_FORM_TITLE = "Carers' letter of commitment form"
PROMPT_BOX_HEIGHT = 120
LETTER_BOX_HEIGHT = 560


def carers_form_pdf(child: ChildRecord, ticket: FormTicket, today: dt.date) -> bytes:
    """The carers' letter form's PDF bytes."""
    return build_form(FormPage(CARERS_FORM_TITLE, ticket), lambda: _story(child, today))


def _story(child: ChildRecord, today: dt.date) -> list[Flowable]:
    about = form_child(child.known_as, child.last_name, child.date_of_birth, today)
    name = child.known_as.strip() or "the child"
    flow: list[Flowable] = title("Your letter of commitment", f"For {about.line}")
    flow.append(facts([("Your supervising social worker", _supervising(child))]))
    flow.append(panel(_explanation(name)))
    flow.append(heading("How to fill it in and send it back"))
    flow.append(
        how_to_return(
            "write as much as you like",
            "your words",
            "Email the saved file to your supervising social worker, through secure email if "
            "you have it. It is marked OFFICIAL-SENSITIVE: delete your copy once it is sent if "
            "others use your computer.",
        )
    )
    flow.append(heading("Who is writing"))
    flow.append(
        labelled_boxes(
            [
                (
                    "Your names",
                    line_box(CARERS_NAMES_FIELD, "Your names", child.people.carers_text),
                ),
                ("Date", line_box(DATE_FIELD, "Today's date, DD/MM/YYYY", "", 40)),
            ]
        )
    )
    flow.append(heading("Your thoughts, prompt by prompt"))
    flow.append(words("Write under any of these, a few words or a lot. Little things count."))
    for key, _prompt, _heading in PROMPTS:
        prompt = prompt_text(key, name)
        box = TextBox(PROMPT_FIELDS[key], prompt, PROMPT_BOX_HEIGHT, ANSWER_LIMIT)
        flow.append(question(None, prompt, box))
    flow.append(PageBreak())
    flow.append(heading(f"Your letter to {name}"))
    flow.append(
        words(
            f"If you like, write the letter itself here, to {name}, in your own words. You can "
            "also leave this box empty: your supervising social worker can draft the letter "
            "with you from your thoughts above."
        )
    )
    flow.append(TextBox(LETTER_FIELD, f"Your letter to {name}", LETTER_BOX_HEIGHT, LETTER_LIMIT))
    return flow


def _explanation(name: str) -> list[Flowable]:
    return [
        words(
            f"Lasting Home is how {name}, you and the council agree that your home is "
            f"{name}'s home for the long term, as they grow up. Children chose the name "
            "themselves."
        ),
        words(
            f"When it is agreed, you share your commitment to {name}: at the commitment visit, "
            "at a place they chose, or at a Lasting Home Panel. Your letter is part of that. "
            f"{name} may keep it in their memory box, so write it to them, in your own words."
        ),
        words(
            "Your supervising social worker reads it with you before it is final, and can "
            "help you think about the harder parts: difficult times ahead, and staying put as "
            f"{name} grows up."
        ),
    ]


def _supervising(child: ChildRecord) -> str:
    return child.people.supervising_social_worker.strip()
