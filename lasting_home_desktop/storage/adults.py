"""The adults' records for one child (matching meeting, visit, panel, celebration, carers'
letter, partner contributions), kept as per-child sections of the caseload store.

Journey dates are never stored here twice: a form that sets one saves it on the child's record
(checked there, so dates stay in order) and keeps the rest of its fields in its own section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from ..domain.child import ChildRecord
from ..domain.panel import (
    PANEL_DATES_KEY,
    panel_dates_from_value,
    panel_dates_to_value,
)
from ..domain.voice_summary import ChildChoices, choices_for_adults
from .caseload import CaseloadStore

__all__ = ["AdultRecords", "ChildChoices", "child_choices"]


class SectionRecord(Protocol):
    SECTION: str

    def to_dict(self) -> dict[str, Any]: ...


Record = TypeVar("Record")


class AdultRecords:
    def __init__(self, store: CaseloadStore):
        self.store = store

    def load(self, record_type: type[Record], child_id: str) -> Record:
        """The child's record of that type; an empty one when nothing is saved yet."""
        section: str = record_type.SECTION  # type: ignore[attr-defined]
        return record_type.from_dict(self.store.section(section, child_id))  # type: ignore[attr-defined]

    def save(self, child_id: str, record: SectionRecord) -> None:
        self.store.save_section(record.SECTION, child_id, record.to_dict())

    def save_with_journey(
        self, child_id: str, record: SectionRecord, today: dt.date, **journey: Any
    ) -> ChildRecord:
        """Save the journey dates on the child (RecordProblem if they are out of order, and
        then nothing is written), then the record itself."""
        child = self.store.child(child_id)
        changed = child.with_changes(journey=replace(child.journey, **journey))
        with self.store.transaction():  # the dates and the record land together, or neither
            if changed != child:
                child = self.store.update_child(changed, today)
            self.save(child_id, record)
        return child

    # -- folder-wide panel dates, set by the Panel Administrator ------------------------------

    def panel_dates(self) -> tuple[dt.date, ...]:
        return panel_dates_from_value(self.store.folder_value(PANEL_DATES_KEY))

    def save_panel_dates(self, dates: tuple[dt.date, ...] | list[dt.date]) -> None:
        self.store.save_folder_value(PANEL_DATES_KEY, panel_dates_to_value(dates))

    def known_panel_dates(self) -> tuple[dt.date, ...]:
        """The panel dates kept here, with every date a child is booked on: in a team, a
        social worker's laptop knows the panels the Panel Administrator has booked children
        onto even before its own list has them."""
        from ..domain.panel_agenda import agenda_dates

        return tuple(agenda_dates(self.panel_dates(), self.store.children()))


# -- what the child chose in together mode, as the adults' forms show it ------------------------


def child_choices(store: CaseloadStore, child_id: str) -> ChildChoices:
    """What the child said in together mode (empty if they have not been there yet). The rule
    lives in the domain (`choices_for_adults`); this only reads the record and the drawings."""
    # Imported here: start-up needs this module, the child's voice not.
    from .child_voice import ChildVoiceRecords
    from .drawings import DrawingLibrary

    voice = ChildVoiceRecords(store).load(child_id)
    drawings = len(DrawingLibrary(store).drawings(child_id))
    return choices_for_adults(voice, drawings)
