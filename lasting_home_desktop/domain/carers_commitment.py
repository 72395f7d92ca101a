"""The foster carers' letter of commitment: drafted from guiding prompts, then edited freely,
reviewed by the supervising social worker, and made final."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

from .codec import decode, encode
from .dates import format_long
from .record_checks import name_problems, text_problems

SECTION = "carers_commitment"

# (key, prompt shown to the carers, heading used in the drafted letter)
PROMPTS: tuple[tuple[str, str, str], ...] = (
    (
        "love",
        "What do you love about {name}? Little things count: a laugh, a habit, a moment.",
        "What we love about you",
    ),
    (
        "commit",
        "What do you commit to, for {name}, now and as they grow up?",
        "What we commit to",
    ),
    (
        "hard_times",
        "How will you handle hard times and future challenges together?",
        "When things are hard",
    ),
    (
        "growing_up",
        "Staying put and growing up: what will home mean when {name} is older?",
        "Growing up and staying put",
    ),
    (
        "relationships",
        "How will you keep {name}'s important relationships going (family, friends, others)?",
        "The people who matter to you",
    ),
)


class LetterStatus(enum.Enum):
    DRAFT = "draft"
    READY_FOR_REVIEW = "ready_for_review"
    REVIEWED = "reviewed"
    FINAL = "final"

    @property
    def label(self) -> str:
        return {
            LetterStatus.DRAFT: "Draft",
            LetterStatus.READY_FOR_REVIEW: "Ready for review",
            LetterStatus.REVIEWED: "Reviewed by the supervising social worker",
            LetterStatus.FINAL: "Final",
        }[self]


@dataclass(frozen=True)
class CarersCommitment:
    # (prompt key, the carers' words), stored as one mapping
    answers: tuple[tuple[str, str], ...] = field(default=(), metadata={"pairs_as_mapping": True})
    letter: str = ""
    status: LetterStatus = LetterStatus.DRAFT
    reviewer: str = ""
    review_comment: str = ""
    reviewed_on: dt.date | None = None
    # Set when the carers sent their words back on a fillable form (stored only then).
    form_id: str = field(default="", metadata={"omit_default": True})
    received_from: str = field(default="", metadata={"omit_default": True})
    received_on: dt.date | None = field(default=None, metadata={"omit_default": True})

    SECTION = SECTION

    def _settled(self) -> CarersCommitment:
        # Only the prompts this version knows, in their own order.
        given = dict(self.answers)
        return replace(
            self, answers=tuple((key, given[key]) for key, _p, _h in PROMPTS if key in given)
        )

    def answer(self, key: str) -> str:
        return dict(self.answers).get(key, "")

    @property
    def source(self) -> str:
        """How the carers' words reached the record, if they sent them back on a form."""
        if not self.form_id:
            return ""
        who = f" by {self.received_from}" if self.received_from.strip() else ""
        when = f" on {format_long(self.received_on)}" if self.received_on else ""
        return f"Sent back on a form{who} (reference {self.form_id}), received{when}"

    def problems(self, today: dt.date) -> list[str]:
        found: list[str] = []
        for key, _prompt, heading in PROMPTS:
            found.extend(text_problems(f"answer to '{heading}'", self.answer(key)))
        found.extend(text_problems("letter", self.letter, limit=30_000))
        found.extend(text_problems("review comment", self.review_comment))
        found.extend(name_problems("reviewer's name", self.reviewer))
        if self.status is not LetterStatus.DRAFT and not self.letter.strip():
            found.append(
                "The letter is empty. Please write it (or use 'Draft the letter from the "
                "prompts') before marking it ready for review."
            )
        if self.status in (LetterStatus.REVIEWED, LetterStatus.FINAL):
            if not self.reviewer.strip():
                found.append(
                    "Please give the name of the supervising social worker who reviewed it."
                )
            if not self.review_comment.strip():
                found.append("Please add the supervising social worker's review comment.")
            if self.reviewed_on is None:
                found.append("Please give the date it was reviewed.")
            elif self.reviewed_on > today:
                found.append("The review date is in the future. Please check it.")
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CarersCommitment:
        return decode(cls, data)


def prompt_text(key: str, child_name: str) -> str:
    for prompt_key, prompt, _heading in PROMPTS:
        if prompt_key == key:
            return prompt.format(name=child_name or "the child")
    raise KeyError(key)


def draft_letter(child_name: str, carers: str, answers: dict[str, str]) -> str:
    """A first draft from the prompts, for the carers to edit freely afterwards."""
    name = child_name.strip() or "you"
    parts = [f"Dear {name},", ""]
    for key, _prompt, heading in PROMPTS:
        words = answers.get(key, "").strip()
        if words:
            parts += [heading, words, ""]
    if len(parts) == 2:
        parts += ["(Write your letter here.)", ""]
    parts += ["With love,", carers.strip() or "(your names)"]
    return "\n".join(parts)
