"""The matching meeting record, chaired by the Team Manager: who came, the views, strengths and
concerns, the celebration and its contribution, and the recommendation to the Head of Service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain.matching_meeting import AGENCIES, Attendee, MatchingMeeting, Recommendation
from ...domain.partner_contributions import PartnerContributions
from ...domain.record_checks import format_pounds
from ...storage.adults import child_choices
from ..section_context import ChildSectionContext
from .attendee_table import PeopleTable
from .section_form import (
    SectionForm,
    date_field,
    on_left,
    plain_label,
    read_date,
    read_pence,
    show_date,
    text_box,
)


class MatchingMeetingForm(SectionForm):
    record_type = MatchingMeeting
    what = "matching meeting record"
    heading = "Matching meeting"
    intro = (
        "The multi-agency meeting chaired by the Team Manager. Record it here as it happens; "
        "it ends with its recommendation."
    )

    def build(self) -> None:
        self.date = date_field()
        self.chair = QLineEdit()
        self.chair.setPlaceholderText("The allocated social worker's Team Manager")
        self.attendees = PeopleTable(("Name", "Role", "Agency"), suggestions=AGENCIES)
        self.parents_invited = QCheckBox("Parents invited")
        self.parents_attended = QCheckBox("Parents attended")
        parents = QWidget()
        row = QHBoxLayout(parents)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.parents_invited)
        row.addWidget(self.parents_attended)
        row.addStretch(1)
        self.birth_family_views = text_box()
        self.child_views = text_box(110, "What the child wants the meeting to know")
        self.bring_views = QPushButton("Bring in the child's views")
        self.bring_views.setToolTip("Copies what the child said in together mode; edit it after.")
        self.bring_views.clicked.connect(self.bring_in_child_views)
        self.strengths = text_box()
        self.concerns = text_box()
        self.celebration_plan = text_box(60)
        self.contribution = QLineEdit()
        self.contribution.setPlaceholderText("for example £150")
        self.contribution.setMaximumWidth(160)
        self.recommendation = QComboBox()
        self.recommendation.addItem("Not yet made", None)
        for choice in Recommendation:
            self.recommendation.addItem(choice.label, choice)
        self.reasons = text_box(70)
        self.minutes_complete = QCheckBox("Minutes complete (needed before a panel booking)")
        self.partners_note = plain_label(name="Subtle")
        self.partners_together = QPlainTextEdit()
        self.partners_together.setReadOnly(True)
        self.partners_together.setMinimumHeight(120)
        self.partners_together.setMaximumHeight(220)

        form = self.form
        form.addRow("Date of the meeting", self.date)
        form.addRow("Chair (Team Manager)", self.chair)
        form.addRow("Who attended", self.attendees)
        form.addRow("Parents", parents)
        form.addRow("Birth family's views", self.birth_family_views)
        form.addRow("The child's views", self.child_views)
        form.addRow("", on_left(self.bring_views))
        form.addRow("Partner contributions", self.partners_note)
        form.addRow("", self.partners_together)
        form.addRow("Strengths", self.strengths)
        form.addRow("Concerns", self.concerns)
        form.addRow("Celebration plan", self.celebration_plan)
        form.addRow("Agreed contribution (GBP)", self.contribution)
        # "Recommendation to the Head of Service", or to the Lasting Home Panel on that route.
        self.recommendation_label = QLabel(self.child.route.recommendation_heading)
        form.addRow(self.recommendation_label, self.recommendation)
        form.addRow("Reasons", self.reasons)
        form.addRow("", self.minutes_complete)

    def reload(self) -> None:
        child = self.child
        self.recommendation_label.setText(child.route.recommendation_heading)
        meeting = self.records.load(MatchingMeeting, child.id)
        show_date(self.date, child.journey.matching_meeting)
        self.chair.setText(meeting.chair or child.people.team_manager)
        self.attendees.clear()
        for person in meeting.attendees:
            self.attendees.add_row([person.name, person.role, person.agency])
        self.parents_invited.setChecked(meeting.parents_invited)
        self.parents_attended.setChecked(meeting.parents_attended)
        self.birth_family_views.setPlainText(meeting.birth_family_views)
        self.child_views.setPlainText(meeting.child_views)
        self.strengths.setPlainText(meeting.strengths)
        self.concerns.setPlainText(meeting.concerns)
        self.celebration_plan.setPlainText(meeting.celebration_plan)
        self.contribution.setText(format_pounds(meeting.contribution_pence))
        self.recommendation.setCurrentIndex(
            max(0, self.recommendation.findData(meeting.recommendation))
            if meeting.recommendation
            else 0
        )
        self.reasons.setPlainText(meeting.recommendation_reasons)
        self.minutes_complete.setChecked(meeting.minutes_complete)
        self.show_facts()

    def show_facts(self) -> None:
        contributions = self.records.load(PartnerContributions, self.context.child_id)
        count = len(contributions.partners)
        self.partners_note.setText(
            f"{count} received (add or change them on the Partner contributions tab):"
            if count
            else "None yet (partners can add theirs on the Partner contributions tab)."
        )
        self.partners_together.setPlainText(contributions.together_text())
        self.partners_together.setVisible(count > 0)

    def bring_in_child_views(self) -> None:
        """One click: what the child said in together mode, ready to edit."""
        views = child_choices(self.context.store, self.context.child_id).views_text
        if not views:
            self.context.messages.tell(
                "Nothing from the child yet",
                "The child has not put anything in together mode yet. You can type their "
                "views here, or bring them in after a together-mode session.",
            )
            return
        current = self.child_views.toPlainText().strip()
        if (
            current
            and current != views
            and not self.context.messages.ask(
                "Replace the child's views?",
                "The box already has text. Replace it with what the child said in together mode?",
                "Replace",
                "Keep what is there",
            )
        ):
            return
        self.child_views.setPlainText(views)

    def collect(self, problems: list[str]) -> tuple[MatchingMeeting, dt.date | None]:
        day = read_date(self.date, "Date of the meeting", problems)
        pence = read_pence(self.contribution, "Agreed contribution", problems)
        meeting = MatchingMeeting(
            chair=self.chair.text(),
            attendees=tuple(Attendee(*texts) for texts, _ticks in self.attendees.rows()),
            parents_invited=self.parents_invited.isChecked(),
            parents_attended=self.parents_attended.isChecked(),
            birth_family_views=self.birth_family_views.toPlainText(),
            child_views=self.child_views.toPlainText(),
            strengths=self.strengths.toPlainText(),
            concerns=self.concerns.toPlainText(),
            celebration_plan=self.celebration_plan.toPlainText(),
            contribution_pence=pence,
            recommendation=self.recommendation.currentData(),
            recommendation_reasons=self.reasons.toPlainText(),
            minutes_complete=self.minutes_complete.isChecked(),
        ).cleaned()
        return meeting, day

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        meeting, day = self.collect(problems)
        held = day is not None and day <= self.context.today
        problems += meeting.problems(meeting_held=held)
        if problems:
            return problems
        self.save_record(meeting, matching_meeting=day)
        return []


def matching_meeting_section(context: ChildSectionContext) -> QWidget:
    return MatchingMeetingForm(context)
