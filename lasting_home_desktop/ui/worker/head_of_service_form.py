"""The Head of Service's part: when the recommendation went, the two-week window with its due
date, and the decision with its date."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.dates import DateProblem, format_long, parse_date
from ...domain.head_of_service import HeadOfServiceNotes, decision_problems
from ...domain.journey import HEAD_OF_SERVICE_WINDOW, Decision
from ..section_context import ChildSectionContext
from .section_form import (
    SectionForm,
    date_field,
    plain_label,
    read_date,
    show_date,
    text_box,
)


class HeadOfServiceForm(SectionForm):
    record_type = HeadOfServiceNotes
    what = "Head of Service details"
    heading = "Head of Service"
    intro = (
        "The Head of Service has two weeks to consider the matching meeting's recommendation. "
        "The due date is worked out for you."
    )

    def build(self) -> None:
        self.sent = date_field()
        self.sent.textChanged.connect(self.show_due)
        self.due = plain_label()
        self.decision = QComboBox()
        self.decision.addItem("Not decided yet", None)
        for choice in Decision:
            self.decision.addItem(choice.label, choice)
        self.decision_date = date_field()
        self.decision.currentIndexChanged.connect(self.show_due)
        self.route_note = plain_label(name="Subtle")
        self.notes = text_box(90)
        form = self.form
        form.addRow("Recommendation sent on", self.sent)
        form.addRow("Decision due by", self.due)
        form.addRow("", self.route_note)
        form.addRow("Decision", self.decision)
        form.addRow("Date of the decision", self.decision_date)
        form.addRow("Notes", self.notes)

    def reload(self) -> None:
        child = self.child
        notes = self.records.load(HeadOfServiceNotes, child.id)
        show_date(self.sent, child.journey.recommendation_sent)
        if self.on_panel_route:
            # On the panel route the journey's decision is the panel's outcome.
            self.route_note.setText(
                "This child is on the Lasting Home Panel route: record here the Head of "
                "Service's approval before panel; the panel's outcome goes on the Panel tab."
            )
            decision, day = notes.approval_before_panel, notes.approval_date
        else:
            self.route_note.setText("")
            decision, day = child.journey.decision, child.journey.decision_date
        self.route_note.setVisible(self.on_panel_route)
        self.decision.setCurrentIndex(max(0, self.decision.findData(decision)) if decision else 0)
        show_date(self.decision_date, day)
        self.notes.setPlainText(notes.notes)
        self.show_due()

    def show_due(self) -> None:
        try:
            sent = parse_date(self.sent.text())
        except DateProblem:
            self.due.setText("(give the date it was sent as DD/MM/YYYY)")
            return
        if sent is None:
            self.due.setText("Two weeks after the recommendation is sent.")
            return
        due = sent + HEAD_OF_SERVICE_WINDOW
        text = f"{format_long(due)} (two weeks after {format_long(sent)})"
        if due < self.context.today and self.decision.currentData() is None:
            text += ": overdue"
        self.due.setText(text)

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        sent = read_date(self.sent, "Recommendation sent on", problems)
        decision = self.decision.currentData()
        day = read_date(self.decision_date, "Date of the decision", problems)
        if sent is not None and sent > self.context.today:
            problems.append("The recommendation is dated in the future. Please check the date.")
        if decision is not None and sent is None:
            problems.append("Please give the date the recommendation was sent.")
        problems += decision_problems(decision, day, self.context.today)
        if self.on_panel_route:
            notes = HeadOfServiceNotes(self.notes.toPlainText(), decision, day)
            problems += notes.problems(sent, self.context.today)
            journey = {"recommendation_sent": sent}
        else:
            notes = HeadOfServiceNotes(self.notes.toPlainText())
            problems += notes.problems(sent, self.context.today)
            journey = {"recommendation_sent": sent, "decision": decision, "decision_date": day}
        if problems:
            return problems
        self.save_record(notes, **journey)
        return []


def head_of_service_section(context: ChildSectionContext) -> QWidget:
    return HeadOfServiceForm(context)
