"""The adults' records for one child (matching meeting, visit, panel, celebration, carers'
letter, partner contributions), kept as per-child sections of the caseload store.

Journey dates are never stored here twice: a form that sets one saves it on the child's record
(checked there, so dates stay in order) and keeps the rest of its fields in its own section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from ..domain.child import ChildRecord, join_names
from ..domain.panel import (
    PANEL_DATES_KEY,
    Participation,
    panel_dates_from_value,
    panel_dates_to_value,
)
from .caseload import CaseloadStore


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
        if changed != child:
            child = self.store.update_child(changed, today)
        self.save(child_id, record)
        return child

    # -- folder-wide panel dates, set by the Panel Administrator ------------------------------

    def panel_dates(self) -> tuple[dt.date, ...]:
        return panel_dates_from_value(self.store.folder_value(PANEL_DATES_KEY))

    def save_panel_dates(self, dates: tuple[dt.date, ...] | list[dt.date]) -> None:
        self.store.save_folder_value(PANEL_DATES_KEY, panel_dates_to_value(dates))


# -- what the child chose in together mode, as the adults' forms show it ------------------------


@dataclass(frozen=True)
class ChildChoices:
    """The child's own choices, for showing beside the adults' fields."""

    views_text: str = ""
    people: tuple[str, ...] = ()
    place: str = ""
    celebration: str = ""
    ways_to_take_part: tuple[Participation, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.views_text or self.people or self.place or self.celebration)


def child_choices(store: CaseloadStore, child_id: str) -> ChildChoices:
    """What the child said in together mode (empty if they have not been there yet)."""
    # Imported here: the tracker's flags need this module at start-up, the child's voice not.
    from ..domain.child_voice import (
        CELEBRATIONS,
        PEOPLE,
        PLACES,
        PictureKind,
        child_views_text,
        choice,
    )
    from .child_voice import ChildVoiceRecords
    from .drawings import DrawingLibrary

    voice = ChildVoiceRecords(store).load(child_id)
    drawings = len(DrawingLibrary(store).drawings(child_id))
    people = [c.wording.young for c in (choice(PEOPLE, i) for i in voice.people) if c]
    people += [person.name for person in voice.added_people]
    place = ""
    if voice.place:
        found = choice(PLACES, voice.place)
        place = found.wording.young if found else voice.place
        if voice.place_typed.strip():
            place = f"{place}: {voice.place_typed.strip()}"
    celebrations = []
    for celebration_id in voice.celebrations:
        found = choice(CELEBRATIONS, celebration_id)
        label = found.wording.young if found else celebration_id
        if found is not None and found.typed and voice.celebration_typed.strip():
            label = voice.celebration_typed.strip()
        celebrations.append(label)
    ways: list[Participation] = []
    if voice.answer("tell_the_visit") is not None:
        ways.append(Participation.LETTER)
    if drawings:
        ways.append(Participation.DRAWING)
    if voice.picture is not None and voice.picture.kind is PictureKind.PHOTO:
        ways.append(Participation.PHOTO)
    if voice.picture is not None and voice.picture.kind is PictureKind.AVATAR:
        ways.append(Participation.AVATAR)
    return ChildChoices(
        views_text=child_views_text(voice, drawings),
        people=tuple(people),
        place=place,
        celebration=join_names(celebrations),
        ways_to_take_part=tuple(ways),
    )
