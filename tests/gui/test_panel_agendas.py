"""The Panel Administrator's year: agendas per panel date, papers in or missing, the agenda and
the papers pack printed in two clicks, the agenda confirmed, panel-route wording."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild
from lasting_home_desktop.domain.journey import DecisionRoute, Flag, JourneyDates
from lasting_home_desktop.domain.matching_meeting import MatchingMeeting, Recommendation
from lasting_home_desktop.domain.panel import PanelBooking, Participation
from lasting_home_desktop.domain.partner_contributions import (
    PartnerContribution,
    PartnerContributions,
)
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.status_facts import statuses_now
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.matching_meeting_form import MatchingMeetingForm
from lasting_home_desktop.ui.worker.pdf_output import PdfOutput
from lasting_home_desktop.ui.worker.sections import ChildSectionContext

DECEMBER, JANUARY = dt.date(2026, 12, 10), dt.date(2027, 1, 14)


def _book(store, today, first, last, panel, slot, ways, minutes=True, letter=False, partner=False):
    child = store.add_child(
        ChildRecord(
            first,
            last,
            route=DecisionRoute.PANEL,
            people=PeopleAroundChild(social_worker="Gemma Holt", decision_maker="Graham Lowe"),
            journey=JourneyDates(matching_meeting=dt.date(2026, 10, 20), visit=panel),
        ),
        today,
    )
    records = AdultRecords(store)
    records.save(
        child.id,
        MatchingMeeting(recommendation=Recommendation.PROGRESS, minutes_complete=minutes),
    )
    records.save(child.id, PanelBooking(time_slot=slot, participation=ways))
    if letter:
        records.save(
            child.id,
            CarersCommitment(
                letter="We are proud to be your family.",
                status=LetterStatus.FINAL,
                reviewer="Kasia",
                review_comment="Read together.",
                reviewed_on=dt.date(2026, 11, 1),
            ),
        )
    if partner:
        answers = ("Settled and happy at school.", "", "", "", "")
        teacher = PartnerContribution("Mrs Clegg", "Teacher", "School", answers, today)
        records.save(child.id, PartnerContributions((teacher,)))
    return child


@pytest.fixture
def panels(store, today):
    """Two children on 14 January (one coming after school), one on 10 December."""
    AdultRecords(store).save_panel_dates([dt.date(2026, 11, 12), DECEMBER, JANUARY])
    zofia = _book(
        store,
        today,
        "Zofia",
        "Wiśniewska",
        JANUARY,
        dt.time(16, 0),
        (Participation.IN_PERSON, Participation.DRAWING),
        letter=True,
        partner=True,
    )
    lukasz = _book(
        store, today, "Łukasz", "Kowalczyk", JANUARY, dt.time(10, 30), (Participation.LETTER,)
    )
    ruby = _book(store, today, "Ruby", "Brown", DECEMBER, None, (), minutes=True)
    AdultRecords(store).save(ruby.id, PanelBooking(agenda_confirmed=True))
    return {"Zofia": zofia, "Łukasz": lukasz, "Ruby": ruby}


def _to_file(path):
    def dialog(printer: QPrinter, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(96)  # a quick test: the pages, not photo quality
        printer.setOutputFileName(str(path))
        return True

    return dialog


def _window(qtbot, store, today, tmp_path, messages=None):
    messages = messages or RecordedMessages()
    window = WorkerWindow(store, today, messages)
    qtbot.addWidget(window)
    window._pdf_output = PdfOutput(
        store,
        messages,
        print_dialog=_to_file(tmp_path / "printed.pdf"),
        save_dialog=lambda parent, name: str(tmp_path / name),
    )
    window.show()
    return window


def test_agendas_open_on_the_next_panel_still_to_confirm(qtbot, store, today, panels, tmp_path):
    """December is confirmed, so January opens: its children in slot order, papers marked."""
    window = _window(qtbot, store, today, tmp_path)
    window.show_panel_agendas()
    view = window.panel_agendas
    assert view.chosen().panel_date == JANUARY
    offered = [view.panel_date.itemText(i) for i in range(view.panel_date.count())]
    assert offered == [
        "Thursday 12 November 2026 (no children)",
        "Thursday 10 December 2026 (1 child)",
        "Thursday 14 January 2027 (2 children)",
    ]
    rows = [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())]
        for r in range(view.table.rowCount())
    ]
    assert rows == [
        [
            "1",
            "10:30",
            "Łukasz Kowalczyk",
            "A letter to the panel",
            "In",
            "Not started",
            "None yet",
        ],
        [
            "2",
            "16:00 (coming in person)",
            "Zofia Wiśniewska",
            "Coming in person, A drawing",
            "In",
            "Final",
            "1 partner",
        ],
    ]
    assert view.facts.text().startswith("To confirm by Monday 14 December 2026.")
    assert "Papers complete for 1 of 2." in view.facts.text()
    assert view.preview.viewer.page_count == 1


def test_agenda_and_papers_pack_print_in_two_clicks(qtbot, store, today, panels, tmp_path):
    """Panel agendas, then "Print agenda and papers…": the agenda then each child's papers in
    agenda order, audited for each child, as one PDF."""
    window = _window(qtbot, store, today, tmp_path)
    window.menu_actions["panel_agendas"].trigger()  # click one
    view = window.panel_agendas
    assert view.print_all.isEnabled()
    view.print_all.click()  # click two
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) >= 3
    saved = PdfReader(view.save_pack_pdf())
    titles = [item.title for item in saved.outline if not isinstance(item, list)]
    assert titles == ["Agenda", "1. Łukasz Kowalczyk", "2. Zofia Wiśniewska"]
    text = "\n".join(page.extract_text() for page in saved.pages)
    assert text.index("Lasting Home Panel: Thursday 14 January 2027") < text.index(
        "Łukasz Kowalczyk"
    )
    assert text.index("Łukasz Kowalczyk", 400) < text.index("Carers' letter of commitment")
    assert "Recommendation to the Lasting Home Panel" in text
    assert "Recommendation to the Head of Service" not in text
    assert "Settled and happy at school." in text
    printed_for = {e.child_id for e in store.audit.entries() if e.action == "printed"}
    assert printed_for == {panels["Zofia"].id, panels["Łukasz"].id}


def test_confirming_the_agenda_clears_the_flag(qtbot, store, today, panels, tmp_path):
    """On 16 December January's agenda is overdue; confirming it clears the flag everywhere."""
    late = dt.date(2026, 12, 16)
    window = _window(qtbot, store, late, tmp_path)

    def agenda_flagged() -> set[str]:
        statuses = statuses_now(store, late)
        return {s.child.first_name for s in statuses if Flag.AGENDA_TO_CONFIRM in s.flags}

    assert agenda_flagged() == {"Zofia", "Łukasz"}
    window.show_panel_agendas()
    view = window.panel_agendas
    assert view.facts.text().startswith("The agenda was due by Monday 14 December 2026")
    assert view.confirm_agenda() == 2
    assert view.facts.text().startswith("Confirmed and papers sent.")
    assert agenda_flagged() == set()


def test_a_child_opens_from_the_agenda(qtbot, store, today, panels, tmp_path):
    """Double-clicking a child on the agenda opens their page."""
    window = _window(qtbot, store, today, tmp_path)
    window.show_panel_agendas()
    window.panel_agendas.table.cellDoubleClicked.emit(1, 2)
    assert window.child_page.child_id == panels["Zofia"].id


def test_matching_meeting_on_the_panel_route_recommends_to_the_panel(qtbot, store, today, panels):
    """The matching meeting of a panel-route child asks for the recommendation to the Lasting
    Home Panel, not the Head of Service."""
    context = ChildSectionContext(store, panels["Zofia"].id, today, RecordedMessages(), lambda: 0)
    form = MatchingMeetingForm(context)
    qtbot.addWidget(form)
    assert form.recommendation_label.text() == "Recommendation to the Lasting Home Panel"
    assert "Head of Service" not in form.recommendation_label.text()
