"""The lasting home commitment visit: when and where (the child's choice beside it), who the
child wanted there, and what happened: outcome told, card and certificate given, notes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QWidget

from ...domain.commitment_visit import CommitmentVisit, VisitAttendee
from ...domain.journey import Decision
from ...domain.record_checks import format_time
from ...storage.adults import child_choices
from ..section_context import ChildSectionContext
from .attendee_table import PeopleTable
from .section_form import (
    SectionForm,
    date_field,
    on_left,
    plain_label,
    read_date,
    read_time,
    show_date,
    text_box,
)


class CommitmentVisitForm(SectionForm):
    record_type = CommitmentVisit
    what = "commitment visit"
    heading = "Lasting home commitment visit"
    intro = (
        "As soon as possible after the Head of Service agrees: the Team Manager and social "
        "worker meet the child and carers at the place, and with the people, the child chose."
    )

    def build(self) -> None:
        self.route_note = plain_label(name="Subtle")
        self.column.insertWidget(2, self.route_note)
        self.date = date_field()
        self.time = QLineEdit()
        self.time.setPlaceholderText("16:00")
        self.time.setMaximumWidth(100)
        self.place = QLineEdit()
        self.child_place = plain_label(name="Subtle")
        self.attendees = PeopleTable(("Name",), ("Invited", "Attended", "Child's choice"))
        self.add_chosen = QPushButton("Add the people the child chose")
        self.add_chosen.clicked.connect(self.add_childs_people)
        self.outcome_told = QCheckBox("The outcome was told to the child and carers")
        self.card_given = QCheckBox("Card given")
        self.certificate_given = QCheckBox("Certificate given")
        self.notes = text_box(100, "What the child said it means to them; the carers' commitment")
        self.carers_file_note = text_box(80, "For the carers' file")
        form = self.form
        form.addRow("Date", self.date)
        form.addRow("Time", self.time)
        form.addRow("Place", self.place)
        form.addRow("", self.child_place)
        form.addRow("Who is coming", self.attendees)
        form.addRow("", on_left(self.add_chosen))
        form.addRow("On the day", self.outcome_told)
        form.addRow("", self.card_given)
        form.addRow("", self.certificate_given)
        form.addRow("Notes", self.notes)
        form.addRow("Supervising social worker's note", self.carers_file_note)

    def reload(self) -> None:
        child = self.child
        panel = self.on_panel_route
        self.route_note.setText(
            "This child is on the Lasting Home Panel route, so there is no commitment visit: "
            "use the Panel tab."
            if panel
            else ""
        )
        self.route_note.setVisible(panel)
        self.body.setEnabled(not panel)
        self.save_button.setEnabled(not panel)
        visit = self.records.load(CommitmentVisit, child.id)
        choices = child_choices(self.context.store, child.id)
        show_date(self.date, child.journey.visit)
        self.time.setText(format_time(visit.time))
        self.place.setText(visit.place or choices.place)
        self.show_facts()
        self.attendees.clear()
        for person in visit.attendees:
            self.attendees.add_row(
                [person.name], [person.invited, person.attended, person.child_chose]
            )
        self.outcome_told.setChecked(visit.outcome_told)
        self.card_given.setChecked(visit.card_given)
        self.certificate_given.setChecked(visit.certificate_given)
        self.notes.setPlainText(visit.notes)
        self.carers_file_note.setPlainText(visit.carers_file_note)

    def show_facts(self) -> None:
        place = child_choices(self.context.store, self.context.child_id).place
        self.child_place.setText(
            f"The child chose: {place}"
            if place
            else "The child has not chosen a place yet (together mode)."
        )

    def add_childs_people(self) -> None:
        choices = child_choices(self.context.store, self.context.child_id)
        if not choices.people:
            self.context.messages.tell(
                "No choices from the child yet",
                "The child has not chosen who they want with them in together mode yet.",
            )
            return
        have = {texts[0].strip().casefold() for texts, _ticks in self.attendees.rows()}
        for name in choices.people:
            if name.casefold() not in have:
                self.attendees.add_row([name], [True, False, True])

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        day = read_date(self.date, "Date", problems)
        time = read_time(self.time, "Time", problems)
        visit = CommitmentVisit(
            time=time,
            place=self.place.text(),
            attendees=tuple(
                VisitAttendee(texts[0], ticks[0], ticks[1], ticks[2])
                for texts, ticks in self.attendees.rows()
            ),
            outcome_told=self.outcome_told.isChecked(),
            notes=self.notes.toPlainText(),
            card_given=self.card_given.isChecked(),
            certificate_given=self.certificate_given.isChecked(),
            carers_file_note=self.carers_file_note.toPlainText(),
        ).cleaned()
        problems += visit.problems(day, self.context.today)
        if day is not None and self.child.journey.decision is not Decision.AGREED:
            problems.append(
                "The commitment visit comes after the Head of Service agrees. Please record "
                "the decision on the Head of Service tab first."
            )
        if problems:
            return problems
        self.save_record(visit, visit=day)
        return []


def commitment_visit_section(context: ChildSectionContext) -> QWidget:
    return CommitmentVisitForm(context)
