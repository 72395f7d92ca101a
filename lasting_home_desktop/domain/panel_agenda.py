"""The agenda for one Lasting Home Panel date: who is booked, in which slot, and whether their
papers are in (the matching meeting minutes, the carers' letter, the partners' answers).

Children who are coming in person are heard after school; the agenda lists the others first,
each in slot order, and says where a slot still has to be chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .carers_commitment import LetterStatus
from .child import ChildRecord, DecisionRoute
from .panel import AFTER_SCHOOL, PanelBooking, agenda_confirm_by
from .record_checks import format_time


@dataclass(frozen=True)
class Papers:
    minutes_complete: bool = False
    letter_status: LetterStatus | None = None  # None: the carers have not started a letter
    partner_answers: int = 0  # partners who answered at least one question

    @property
    def letter_in(self) -> bool:
        return self.letter_status in (LetterStatus.REVIEWED, LetterStatus.FINAL)

    @property
    def missing(self) -> tuple[str, ...]:
        """What the Panel Administrator is still waiting for, in words."""
        out = []
        if not self.minutes_complete:
            out.append("matching meeting minutes")
        if not self.letter_in:
            out.append("carers' letter")
        if not self.partner_answers:
            out.append("partner answers")
        return tuple(out)

    @property
    def letter_text(self) -> str:
        return self.letter_status.label if self.letter_status else "Not started"

    @property
    def partners_text(self) -> str:
        if not self.partner_answers:
            return "None yet"
        return f"{self.partner_answers} {'partner' if self.partner_answers == 1 else 'partners'}"


@dataclass(frozen=True)
class AgendaEntry:
    child: ChildRecord
    booking: PanelBooking
    papers: Papers

    @property
    def slot_text(self) -> str:
        """ "16:00 (coming in person)", "To choose: after school, from 15:30", "10:30"."""
        attends = self.booking.child_attends
        if self.booking.time_slot is None:
            if attends:
                return f"To choose: after school, from {format_time(AFTER_SCHOOL)}"
            return "To choose"
        time = format_time(self.booking.time_slot)
        return f"{time} (coming in person)" if attends else time

    @property
    def slot_problem(self) -> str:
        slot = self.booking.time_slot
        if self.booking.child_attends and slot is not None and slot < AFTER_SCHOOL:
            after = format_time(AFTER_SCHOOL)
            return f"The child is coming: move them to after school (from {after})."
        return ""

    @property
    def how_taking_part(self) -> str:
        return ", ".join(way.label for way in self.booking.participation) or "Not recorded"


@dataclass(frozen=True)
class PanelAgenda:
    panel_date: dt.date
    entries: tuple[AgendaEntry, ...]

    @property
    def confirm_by(self) -> dt.date:
        return agenda_confirm_by(self.panel_date)

    @property
    def confirmed(self) -> bool:
        return bool(self.entries) and all(entry.booking.agenda_confirmed for entry in self.entries)

    @property
    def papers_in(self) -> int:
        return sum(1 for entry in self.entries if not entry.papers.missing)


def panel_agenda(panel_date: dt.date, entries: Iterable[AgendaEntry]) -> PanelAgenda:
    """The agenda in hearing order: by slot (children without one last), then by name."""

    def order(entry: AgendaEntry) -> tuple:
        slot = entry.booking.time_slot
        return (slot is None, slot or dt.time(0), entry.child.last_name.casefold())

    return PanelAgenda(panel_date, tuple(sorted(entries, key=order)))


def booked_on(child: ChildRecord, panel_date: dt.date) -> bool:
    return (
        child.route is DecisionRoute.PANEL
        and not child.archived
        and child.journey.visit == panel_date
    )


def agenda_dates(panel_dates: Iterable[dt.date], children: Iterable[ChildRecord]) -> list[dt.date]:
    """Every panel date, with any date a child is booked on even if it has left the list."""
    booked = {
        child.journey.visit
        for child in children
        if child.route is DecisionRoute.PANEL and not child.archived and child.journey.visit
    }
    return sorted(set(panel_dates) | booked)


def agenda_to_open(agendas: Iterable[PanelAgenda], today: dt.date) -> dt.date | None:
    """The panel to show first: the next one with children whose agenda still needs
    confirming, else the next one, else the last that has met."""
    ordered = sorted(agendas, key=lambda agenda: agenda.panel_date)
    ahead = [agenda for agenda in ordered if agenda.panel_date >= today]
    for agenda in ahead:
        if agenda.entries and not agenda.confirmed:
            return agenda.panel_date
    if ahead:
        return ahead[0].panel_date
    return ordered[-1].panel_date if ordered else None
