"""Partner contributions for the matching meeting: any number of partners (health, education,
the IRO and others) each answering, if they wish, the five Partner Contribution Guide questions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from .codec import decode, encode
from .dates import format_long
from .record_checks import name_problems, text_problems

SECTION = "partner_contributions"

PARTNER_QUESTIONS: tuple[str, ...] = (
    "How does the carer support the child's health / educational needs?",
    "What are the strengths of the placement and care, and how is this evidenced?",
    "In your experience, how does the carer demonstrate their commitment to the child?",
    "In your experience, how does the carer respond to the child?",
    "What feedback do you get from the child?",
)
OPTIONAL_NOTE = (
    "These questions are there to help your reflection and recommendation. Answer any, all or "
    "none: this is not a report that needs completing unless you want it to be."
)


@dataclass(frozen=True)
class PartnerContribution:
    name: str
    role: str = ""
    agency: str = ""
    answers: tuple[str, ...] = ("",) * len(PARTNER_QUESTIONS)
    dated: dt.date | None = None
    # Set when the answers came back on a fillable form: its reference and the day it arrived
    # (stored only then).
    form_id: str = field(default="", metadata={"omit_default": True})
    received_on: dt.date | None = field(default=None, metadata={"omit_default": True})

    @classmethod
    def _upgrade(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {"name": "", **data}  # a partner saved without a name is still kept

    def _settled(self) -> PartnerContribution:
        return self.cleaned()

    def cleaned(self) -> PartnerContribution:
        answers = tuple(self.answers) + ("",) * (len(PARTNER_QUESTIONS) - len(self.answers))
        return replace(
            self,
            name=self.name.strip(),
            role=self.role.strip(),
            agency=self.agency.strip(),
            answers=answers[: len(PARTNER_QUESTIONS)],
        )

    @property
    def heading(self) -> str:
        extra = ", ".join(part for part in (self.role, self.agency) if part.strip())
        return f"{self.name} ({extra})" if extra else self.name

    @property
    def source(self) -> str:
        """How the answers reached the record, for the meeting's papers."""
        if not self.form_id:
            return ""
        when = f" on {format_long(self.received_on)}" if self.received_on else ""
        return f"Sent back on a form (reference {self.form_id}), received{when}"

    @property
    def answered(self) -> bool:
        return any(answer.strip() for answer in self.answers)

    def problems(self, number: int, today: dt.date) -> list[str]:
        who = self.name.strip() or f"Partner {number}"
        found: list[str] = []
        if not self.name.strip():
            found.append(f"Partner {number} has no name. Please add it.")
        for label, value in (("name", self.name), ("role", self.role), ("agency", self.agency)):
            found.extend(name_problems(f"{label} of {who}", value))
        for index, answer in enumerate(self.answers, start=1):
            found.extend(text_problems(f"answer to question {index} from {who}", answer))
        if self.dated is not None and self.dated > today:
            found.append(f"{who}'s contribution is dated in the future. Please check the date.")
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartnerContribution:
        return decode(cls, data)


@dataclass(frozen=True)
class PartnerContributions:
    partners: tuple[PartnerContribution, ...] = ()

    SECTION = SECTION

    def problems(self, today: dt.date) -> list[str]:
        found: list[str] = []
        for number, partner in enumerate(self.partners, start=1):
            found.extend(partner.problems(number, today))
        return found

    def together_text(self) -> str:
        """Every contribution under its question, as the matching meeting reads them."""
        if not self.partners:
            return "No partner contributions yet."
        lines: list[str] = []
        for number, question in enumerate(PARTNER_QUESTIONS):
            lines.append(f"{number + 1}. {question}")
            answered = [p for p in self.partners if p.answers[number].strip()]
            if not answered:
                lines.append("   (no answers)")
            for partner in answered:
                when = f", {format_long(partner.dated)}" if partner.dated else ""
                how = " (sent back on a form)" if partner.form_id else ""
                lines.append(f"   {partner.heading}{when}{how}: {partner.answers[number].strip()}")
            lines.append("")
        return "\n".join(lines).rstrip()

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PartnerContributions:
        return decode(cls, data)
