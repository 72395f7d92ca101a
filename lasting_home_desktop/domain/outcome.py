"""May the child be told the outcome? One rule for the card, the certificate, the outcome pages
of the book, the batch and the command line: only once the decision is recorded as agreed.

On the commitment-visit route the decision is the Head of Service's; on the panel route it is
the Lasting Home Panel's (both are the journey's `decision`, with its date). Until then no
document may say "yes" to a child, however far the dates have moved on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .child import ChildRecord
from .journey import Decision, DecisionRoute


@dataclass(frozen=True)
class OutcomeCheck:
    """`decided` is True when the outcome may be told; otherwise `reason` says why not, in a
    phrase that reads after "Not made: " or "No card yet: "."""

    decided: bool
    reason: str = ""


def outcome_check(child: ChildRecord) -> OutcomeCheck:
    journey = child.journey
    panel = child.route is DecisionRoute.PANEL
    if journey.decision is Decision.NOT_AGREED:
        return OutcomeCheck(False, "the decision was not agreed")
    if journey.decision is Decision.DEFERRED:
        return OutcomeCheck(False, "the decision was deferred")
    if journey.decision is None or journey.decision_date is None:
        if panel:
            return OutcomeCheck(False, "the Lasting Home Panel's decision is not recorded yet")
        return OutcomeCheck(False, "the Head of Service's decision is not recorded yet")
    return OutcomeCheck(True)


class OutcomeNotDecided(ValueError):
    """A card or certificate was asked for before the decision was recorded as agreed."""

    def __init__(self, child: ChildRecord, reason: str):
        self.kind_message = (
            f"There is no card or certificate for {child.known_as} yet: {reason}. A child is "
            "only told the outcome once it has been decided."
        )
        super().__init__(self.kind_message)


def require_outcome_decided(child: ChildRecord) -> None:
    """OutcomeNotDecided unless the outcome may be told."""
    check = outcome_check(child)
    if not check.decided:
        raise OutcomeNotDecided(child, check.reason)
