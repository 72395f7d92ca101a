"""Partner contributions for the matching meeting: any number of partners, each answering (if
they wish) the five questions of the Partner Contribution Guide, then all read together."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain.dates import DateProblem, format_short, parse_date
from ...domain.matching_meeting import AGENCIES
from ...domain.partner_contributions import (
    OPTIONAL_NOTE,
    PARTNER_QUESTIONS,
    PartnerContribution,
    PartnerContributions,
)
from ...domain.returned_forms import Addressee, FormKind
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .form_buttons import ReturnedFormButtons
from .section_form import SectionForm, date_field, text_box


class PartnerContributionsForm(SectionForm):
    record_type = PartnerContributions
    what = "partner contributions"
    heading = "Partner contributions"
    intro = OPTIONAL_NOTE

    def build(self) -> None:
        # Entries being edited; each keeps the date text as typed until Save checks it.
        self.entries: list[tuple[PartnerContribution, str]] = []
        self.current = -1
        # Partners without the app answer on a fillable form, sent and returned by email.
        self.form_buttons = ReturnedFormButtons(self, FormKind.PARTNER, self._addressee)
        self.source_note = plain_label(name="Subtle")
        self.partner_list = QListWidget()
        self.partner_list.setMaximumHeight(110)
        self.partner_list.currentRowChanged.connect(self._select)
        self.add_button = QPushButton("Add a partner")
        self.add_button.clicked.connect(self.add_partner)
        self.remove_button = QPushButton("Remove this partner")
        self.remove_button.clicked.connect(self.remove_partner)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.agency = QComboBox()
        self.agency.setEditable(True)
        self.agency.addItems(["", *AGENCIES])
        self.dated = date_field()
        self.name.textEdited.connect(self._rename_current)
        self.answers = [text_box(60) for _question in PARTNER_QUESTIONS]
        self.together = QPlainTextEdit()
        self.together.setReadOnly(True)
        self.together.setMinimumHeight(260)
        form = self.form
        form.addRow(self.form_buttons)
        form.addRow("Partners", self.partner_list)
        form.addRow("", buttons)
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Agency", self.agency)
        form.addRow("Date", self.dated)
        form.addRow("", self.source_note)
        for number, (question, box) in enumerate(zip(PARTNER_QUESTIONS, self.answers, strict=True)):
            form.addRow(plain_label(f"{number + 1}. {question}"))
            form.addRow(box)
        form.addRow(plain_label("All contributions together, for the matching meeting", "Subtle"))
        form.addRow(self.together)

    def reload(self) -> None:
        saved = self.records.load(PartnerContributions, self.context.child_id)
        self.entries = [(partner, format_short(partner.dated)) for partner in saved.partners]
        self.current = -1
        self.partner_list.blockSignals(True)
        self.partner_list.clear()
        for partner, _dated in self.entries:
            self.partner_list.addItem(partner.heading)
        self.partner_list.blockSignals(False)
        self.together.setPlainText(saved.together_text())
        self._select(0 if self.entries else -1)
        self.partner_list.setCurrentRow(self.current)

    def form_state(self) -> dict:
        # The partners not on screen are part of what is typed too.
        self._keep_current()
        entries = [[partner.to_dict(), dated] for partner, dated in self.entries]
        return {"entries": entries, "current": self.current}

    def restore_form_state(self, state: dict) -> None:
        entries = []
        for item in state.get("entries") or []:
            try:
                entries.append((PartnerContribution.from_dict(item[0]), str(item[1])))
            except (KeyError, TypeError, ValueError, IndexError):
                continue
        self.entries = entries
        self.current = -1
        self.partner_list.blockSignals(True)
        self.partner_list.clear()
        for partner, _dated in self.entries:
            self.partner_list.addItem(partner.heading)
        self.partner_list.blockSignals(False)
        self._select(0 if self.entries else -1)
        self.partner_list.setCurrentRow(self.current)

    # -- editing one partner at a time -----------------------------------------------------------

    def _editor_entry(self) -> tuple[PartnerContribution, str]:
        # What the editor cannot show (where the answers came from) stays as it was.
        shown = self.entries[self.current][0] if 0 <= self.current < len(self.entries) else None
        partner = replace(
            shown or PartnerContribution(""),
            name=self.name.text(),
            role=self.role.text(),
            agency=self.agency.currentText(),
            answers=tuple(box.toPlainText() for box in self.answers),
        )
        return partner, self.dated.text()

    def _addressee(self) -> Addressee:
        """A new form goes to the partner on screen if they have not answered yet."""
        if not 0 <= self.current < len(self.entries):
            return Addressee()
        partner, _dated = self._editor_entry()
        if partner.answered:
            return Addressee()
        return Addressee(partner.name, partner.role, partner.agency)

    def _keep_current(self) -> None:
        if 0 <= self.current < len(self.entries):
            self.entries[self.current] = self._editor_entry()

    def _select(self, row: int) -> None:
        self._keep_current()
        self.current = row
        has = 0 <= row < len(self.entries)
        for widget in (self.name, self.role, self.agency, self.dated, *self.answers):
            widget.setEnabled(has)
        partner, dated = self.entries[row] if has else (PartnerContribution(""), "")
        self.name.setText(partner.name)
        self.role.setText(partner.role)
        self.agency.setCurrentText(partner.agency)
        self.dated.setText(dated)
        self.source_note.setText(partner.source)
        self.source_note.setVisible(bool(partner.source))
        for box, answer in zip(self.answers, partner.cleaned().answers, strict=True):
            box.setPlainText(answer)

    def _rename_current(self, text: str) -> None:
        item = self.partner_list.item(self.current)
        if item is not None:
            item.setText(text or "(no name yet)")

    def add_partner(self) -> None:
        self._keep_current()
        self.entries.append((PartnerContribution(""), format_short(self.context.today)))
        self.partner_list.addItem("(no name yet)")
        self.partner_list.setCurrentRow(len(self.entries) - 1)
        self.name.setFocus()

    def remove_partner(self) -> None:
        row = self.current
        if not 0 <= row < len(self.entries):
            return
        name = self.entries[row][0].name or self.name.text() or "this partner"
        if not self.context.messages.ask(
            "Remove this partner?",
            f"{name}'s contribution will be removed when you save.",
            "Remove",
            "Keep",
        ):
            return
        self.current = -1  # nothing to keep from the editor
        del self.entries[row]
        self.partner_list.takeItem(row)
        self._select(self.partner_list.currentRow())

    def store_changes(self) -> list[str]:
        self._keep_current()
        problems: list[str] = []
        partners = []
        for number, (partner, dated_text) in enumerate(self.entries, start=1):
            try:
                dated = parse_date(dated_text)
            except DateProblem as problem:
                problems.append(f"Partner {number} date: {problem}")
                dated = None
            partners.append(replace(partner.cleaned(), dated=dated))
        contributions = PartnerContributions(tuple(partners))
        problems += contributions.problems(self.context.today)
        if problems:
            return problems
        self.save_record(contributions)
        return []


def partner_contributions_section(context: ChildSectionContext) -> QWidget:
    return PartnerContributionsForm(context)
