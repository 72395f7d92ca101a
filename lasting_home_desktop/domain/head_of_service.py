"""The Head of Service's part: the date the recommendation went, the two-week window, and the
decision. On the commitment-visit route the decision and its date live in the journey dates.
On the panel route the journey's decision is the panel's outcome, so the Head of Service's
approval before panel is kept here instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .codec import decode, encode
from .journey import Decision
from .record_checks import text_problems

SECTION = "head_of_service"


@dataclass(frozen=True)
class HeadOfServiceNotes:
    notes: str = ""
    # Panel route only: the Head of Service's approval before the panel sits.
    approval_before_panel: Decision | None = None
    approval_date: dt.date | None = None

    SECTION = SECTION

    def problems(self, sent: dt.date | None, today: dt.date) -> list[str]:
        found = text_problems("note", self.notes)
        if self.approval_before_panel is not None and self.approval_date is None:
            found.append("Please give the date of the Head of Service's decision.")
        if self.approval_date is not None and self.approval_before_panel is None:
            found.append("There is a decision date but no decision. Please choose the decision.")
        if self.approval_date is not None:
            if self.approval_date > today:
                found.append("The decision date is in the future. Please check it.")
            if sent is not None and self.approval_date < sent:
                found.append(
                    "The decision date is before the date the recommendation was sent. "
                    "Please check the dates."
                )
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> HeadOfServiceNotes:
        return decode(cls, data)


def decision_problems(
    decision: Decision | None, decision_date: dt.date | None, today: dt.date
) -> list[str]:
    """Checks the journey dates cannot make alone: a decision is never dated in the future."""
    if decision_date is not None and decision_date > today:
        return ["The decision date is in the future. Please check it."]
    return []
