"""Gathering the Lasting Home Panel agendas from the store: who is booked on each date, their
booking, and whether their papers are in. Read only; the agenda screen and its PDFs use it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..domain.carers_commitment import CarersCommitment
from ..domain.child import ChildRecord
from ..domain.matching_meeting import MatchingMeeting
from ..domain.panel import PanelBooking
from ..domain.panel_agenda import (
    AgendaEntry,
    PanelAgenda,
    Papers,
    agenda_dates,
    booked_on,
    panel_agenda,
)
from ..domain.partner_contributions import PartnerContributions
from .adults import AdultRecords
from .caseload import CaseloadStore


def panel_agendas(store: CaseloadStore) -> list[PanelAgenda]:
    """One agenda per panel date (the Panel Administrator's dates and any date a child is
    booked on), in date order, each from one read of every section it needs."""
    children = store.children()
    dates = agenda_dates(AdultRecords(store).panel_dates(), children)
    sections = {
        record.SECTION: store.sections(record.SECTION)
        for record in (PanelBooking, MatchingMeeting, CarersCommitment, PartnerContributions)
    }
    return [
        panel_agenda(day, (_entry(child, sections) for child in children if booked_on(child, day)))
        for day in dates
    ]


def panel_agenda_on(store: CaseloadStore, panel_date: dt.date) -> PanelAgenda:
    for agenda in panel_agendas(store):
        if agenda.panel_date == panel_date:
            return agenda
    return panel_agenda(panel_date, ())


def confirm_agenda(store: CaseloadStore, agenda: PanelAgenda, confirmed: bool = True) -> int:
    """Mark every booking on this agenda confirmed (papers sent), in one write; returns how
    many bookings changed."""
    records = AdultRecords(store)
    changed = 0
    with store.transaction():
        for entry in agenda.entries:
            if entry.booking.agenda_confirmed != confirmed:
                records.save(entry.child.id, replace(entry.booking, agenda_confirmed=confirmed))
                changed += 1
    return changed


def _entry(child: ChildRecord, sections: dict[str, dict[str, dict[str, Any]]]) -> AgendaEntry:
    def load(record_type: Any) -> Any:
        return record_type.from_dict(sections[record_type.SECTION].get(child.id))

    letter = load(CarersCommitment)
    partners = load(PartnerContributions).partners
    papers = Papers(
        minutes_complete=load(MatchingMeeting).minutes_complete,
        letter_status=letter.status if letter.letter.strip() else None,
        partner_answers=sum(1 for p in partners if any(a.strip() for a in p.answers)),
    )
    return AgendaEntry(child, load(PanelBooking), papers)
