"""Where the card message is kept: one per-child section of the caseload store."""

from __future__ import annotations

from ..domain.card_message import CardMessage
from .caseload import CaseloadStore

SECTION = "card"


class CardMessages:
    def __init__(self, store: CaseloadStore):
        self.store = store

    def load(self, child_id: str) -> CardMessage:
        return CardMessage.from_dict(self.store.section(SECTION, child_id))

    def save(self, child_id: str, card: CardMessage) -> None:
        """One crash-safe write; raises ValueError with kind words if the card cannot be kept."""
        problems = card.problems()
        if problems:
            raise ValueError(" ".join(problems))
        self.store.save_section(SECTION, child_id, card.to_dict())
