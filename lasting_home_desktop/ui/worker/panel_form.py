"""The Lasting Home Panel booking (panel route): the panel date, refused until the matching
meeting minutes are complete; the time slot; the agenda to confirm a month before; how the child
takes part; and the outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.dates import format_long
from ...domain.journey import Decision
from ...domain.matching_meeting import MatchingMeeting
from ...domain.panel import (
    AFTER_SCHOOL,
    PanelBooking,
    Participation,
    agenda_confirm_by,
    agenda_overdue,
    booking_refusal,
    upcoming,
)
from ...domain.record_checks import format_time
from ...storage.adults import child_choices
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .panel_dates_editor import PanelDatesEditor
from .section_form import SectionForm, on_left, read_time, text_box

DatesEditorOpener = Callable[[PanelDatesEditor], int]


class PanelForm(SectionForm):
    record_type = PanelBooking
    what = "panel booking"
    heading = "Lasting Home Panel"
    intro = (
        "The Panel Administrator books the child onto a panel once the matching meeting "
        "minutes are complete, and confirms the agenda one month before."
    )

    def __init__(
        self,
        context: ChildSectionContext,
        open_dates_editor: DatesEditorOpener | None = None,
        parent: QWidget | None = None,
    ):
        # Tests pass their own opener so the dialog never blocks.
        self.open_dates_editor = open_dates_editor or (lambda dialog: dialog.exec())
        super().__init__(context, parent)

    def build(self) -> None:
        self.route_note = plain_label(name="Subtle")
        self.column.insertWidget(2, self.route_note)
        self.panel_date = QComboBox()
        self.edit_dates = QPushButton("Panel dates…")
        self.edit_dates.setToolTip("For the Panel Administrator: the panel dates for the year")
        self.edit_dates.clicked.connect(self.edit_panel_dates)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.panel_date, 1)
        line.addWidget(self.edit_dates)
        self.minutes_note = plain_label()
        self.time_slot = QLineEdit()
        self.time_slot.setPlaceholderText("e.g. 4.30pm")
        self.time_slot.setMaximumWidth(120)
        self.slot_note = plain_label(name="Subtle", wrap=False)
        self.agenda_due = plain_label()
        self.agenda_confirmed = QCheckBox("Agenda confirmed and papers sent")
        # One box for coming in person: it is a way of taking part, and it asks for an
        # after-school slot.
        self.ways = {way: QCheckBox(way.label) for way in Participation}
        self.child_attends = self.ways[Participation.IN_PERSON]
        after = format_time(AFTER_SCHOOL)
        self.child_attends.setText(f"{Participation.IN_PERSON.label} (after school, from {after})")
        self.child_attends.toggled.connect(self._show_slot_note)
        self.from_child = QPushButton("Take from together mode")
        self.from_child.clicked.connect(self.take_ways_from_child)
        self.outcome = QComboBox()
        self.outcome.addItem("Not yet (the panel has not met)", None)
        for choice in Decision:
            self.outcome.addItem(choice.label, choice)
        self.chair = QLineEdit()
        self.notes = text_box(80)
        form = self.form
        form.addRow("Panel", row)
        form.addRow("", self.minutes_note)
        form.addRow("Time slot", on_left(self.time_slot, self.slot_note))
        form.addRow("Agenda to confirm by", self.agenda_due)
        form.addRow("", self.agenda_confirmed)
        for number, box in enumerate(self.ways.values()):
            form.addRow("How the child takes part" if number == 0 else "", box)
        form.addRow("", on_left(self.from_child))
        form.addRow("Outcome", self.outcome)
        form.addRow("Panel Chair", self.chair)
        form.addRow("Notes", self.notes)

    # -- showing ---------------------------------------------------------------------------------

    def reload(self) -> None:
        child = self.child
        panel = self.on_panel_route
        self.route_note.setText(
            ""
            if panel
            else "This child is on the commitment-visit route, so there is no panel: use the "
            "Commitment visit tab."
        )
        self.route_note.setVisible(not panel)
        self.body.setEnabled(panel)
        self.save_button.setEnabled(panel)
        booking = self.records.load(PanelBooking, child.id)
        self._fill_dates(child.journey.visit)
        self.show_facts()
        self.time_slot.setText(format_time(booking.time_slot))
        self.agenda_confirmed.setChecked(booking.agenda_confirmed)
        for way, box in self.ways.items():
            box.setChecked(way in booking.participation)
        self._show_slot_note()
        decision = child.journey.decision
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(decision)) if decision else 0)
        self.chair.setText(booking.chair or child.people.decision_maker)
        self.notes.setPlainText(booking.notes)
        self._show_agenda(booking, child.journey.visit)

    def show_facts(self) -> None:
        minutes = self.records.load(MatchingMeeting, self.context.child_id).minutes_complete
        self.minutes_note.setText(
            "Matching meeting minutes complete: the child can be booked."
            if minutes
            else "The matching meeting minutes are not complete yet, so the child cannot be "
            "booked onto a panel."
        )

    def _show_slot_note(self) -> None:
        coming = self.child_attends.isChecked()
        self.slot_note.setText(
            f"Coming in person: after school, from {format_time(AFTER_SCHOOL)}" if coming else ""
        )

    def _fill_dates(self, booked: dt.date | None) -> None:
        self.panel_date.clear()
        self.panel_date.addItem("Not booked yet", None)
        dates = set(upcoming(self.records.known_panel_dates(), self.context.today))
        if booked is not None:
            dates.add(booked)
        for day in sorted(dates):
            # ISO text as item data: the combo box compares data by value only for plain types.
            self.panel_date.addItem(format_long(day), day.isoformat())
        self.panel_date.setCurrentIndex(
            max(0, self.panel_date.findData(booked.isoformat())) if booked else 0
        )

    def chosen_panel_date(self) -> dt.date | None:
        value = self.panel_date.currentData()
        return dt.date.fromisoformat(value) if value else None

    def choose_panel_date(self, day: dt.date | None) -> None:
        self.panel_date.setCurrentIndex(
            max(0, self.panel_date.findData(day.isoformat())) if day else 0
        )

    def _show_agenda(self, booking: PanelBooking, panel_date: dt.date | None) -> None:
        if panel_date is None:
            self.agenda_due.setText("One month before the panel (book a panel first).")
            self.agenda_due.setObjectName("")
        else:
            confirm_by = agenda_confirm_by(panel_date)
            text = f"{confirm_by.strftime('%A')} {format_long(confirm_by)}"
            late = agenda_overdue(booking.agenda_confirmed, panel_date, self.context.today)
            self.agenda_due.setText(text + (": the agenda is now due" if late else ""))
            self.agenda_due.setObjectName("Flag" if late else "")
        self.agenda_due.style().unpolish(self.agenda_due)
        self.agenda_due.style().polish(self.agenda_due)

    # -- actions ---------------------------------------------------------------------------------

    def edit_panel_dates(self) -> None:
        editor = PanelDatesEditor(self.records, self.context.today, self.context.messages, self)
        if self.open_dates_editor(editor) == QDialog.DialogCode.Accepted:
            self._fill_dates(self.chosen_panel_date())

    def take_ways_from_child(self) -> None:
        ways = child_choices(self.context.store, self.context.child_id).ways_to_take_part
        if not ways:
            self.context.messages.tell(
                "Nothing from the child yet",
                "Together mode has no letter, drawing, photo or avatar from the child yet.",
            )
            return
        for way in ways:
            self.ways[way].setChecked(True)

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        child = self.child
        panel_date = self.chosen_panel_date()
        if panel_date is not None and panel_date != child.journey.visit:
            minutes = self.records.load(MatchingMeeting, child.id).minutes_complete
            refusal = booking_refusal(
                minutes,
                child.journey.matching_meeting,
                panel_date,
                self.records.known_panel_dates(),
                self.context.today,
            )
            if refusal:
                return [refusal]
        booking = PanelBooking(
            time_slot=read_time(self.time_slot, "Time slot", problems),
            participation=tuple(way for way, box in self.ways.items() if box.isChecked()),
            agenda_confirmed=self.agenda_confirmed.isChecked(),
            chair=self.chair.text().strip(),
            notes=self.notes.toPlainText(),
        )
        problems += booking.problems()
        outcome = self.outcome.currentData()
        if outcome is not None and (panel_date is None or panel_date > self.context.today):
            problems.append("The outcome can be recorded once the panel has met.")
        if problems:
            return problems
        self.save_record(
            booking,
            visit=panel_date,
            decision=outcome,
            decision_date=panel_date if outcome is not None else None,
        )
        return []


def panel_section(context: ChildSectionContext) -> QWidget:
    return PanelForm(context)
