"""The foster carers' letter of commitment: guiding prompts, a drafted letter they then edit
freely, and the supervising social worker's review."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from ...domain.carers_commitment import (
    PROMPTS,
    CarersCommitment,
    LetterStatus,
    draft_letter,
    prompt_text,
)
from ...domain.returned_forms import Addressee, FormKind
from ..section_context import ChildSectionContext
from .form_buttons import ReturnedFormButtons
from .section_form import (
    SectionForm,
    date_field,
    on_left,
    plain_label,
    read_date,
    show_date,
    text_box,
)


class CarersCommitmentForm(SectionForm):
    record_type = CarersCommitment
    what = "letter of commitment"
    heading = "Carers' letter of commitment"
    intro = (
        "For the foster carers, with their supervising social worker. Jot down your thoughts "
        "under each prompt, turn them into a letter with one click, then make it your own. "
        "Carers at home can have a form to fill in with any PDF reader and send back."
    )

    def build(self) -> None:
        self.form_buttons = ReturnedFormButtons(self, FormKind.CARERS, Addressee)
        self.source_note = plain_label(name="Subtle")
        self.form.addRow(self.form_buttons)
        self.form.addRow(self.source_note)
        self.loaded = CarersCommitment()
        self.prompt_labels: dict[str, object] = {}
        self.answers = {}
        for key, _prompt, _heading in PROMPTS:
            label = plain_label()
            self.prompt_labels[key] = label
            self.answers[key] = text_box(70)
            self.form.addRow(label)
            self.form.addRow(self.answers[key])
        self.draft = QPushButton("Draft the letter from the prompts")
        self.draft.clicked.connect(self.draft_from_prompts)
        self.letter = text_box(320, "Dear …")
        self.status_choice = QComboBox()
        for status in LetterStatus:
            self.status_choice.addItem(status.label, status)
        self.reviewer = QLineEdit()
        self.review_comment = text_box(70)
        self.reviewed_on = date_field()
        form = self.form
        form.addRow("", on_left(self.draft))
        form.addRow("The letter", self.letter)
        form.addRow("Status", self.status_choice)
        form.addRow("Reviewed by", self.reviewer)
        form.addRow("Review comment", self.review_comment)
        form.addRow("Reviewed on", self.reviewed_on)

    def reload(self) -> None:
        child = self.child
        letter = self.records.load(CarersCommitment, child.id)
        self.loaded = letter
        self.source_note.setText(
            f"{letter.source}: a draft for the supervising social worker to review."
            if letter.source and letter.status is LetterStatus.DRAFT
            else letter.source
        )
        self.source_note.setVisible(bool(letter.source))
        for key, label in self.prompt_labels.items():
            label.setText(prompt_text(key, child.known_as))  # type: ignore[attr-defined]
            self.answers[key].setPlainText(letter.answer(key))
        self.letter.setPlainText(letter.letter)
        self.status_choice.setCurrentIndex(self.status_choice.findData(letter.status))
        self.reviewer.setText(letter.reviewer or child.people.supervising_social_worker)
        self.review_comment.setPlainText(letter.review_comment)
        show_date(self.reviewed_on, letter.reviewed_on)

    def draft_from_prompts(self) -> None:
        child = self.child
        answers = {key: box.toPlainText() for key, box in self.answers.items()}
        if not any(text.strip() for text in answers.values()):
            self.context.messages.tell(
                "Nothing to draft from yet",
                "Write a few words under one or more of the prompts first; the letter is "
                "built from them.",
            )
            return
        if self.letter.toPlainText().strip() and not self.context.messages.ask(
            "Replace the letter?",
            "The letter already has text. Replace it with a new draft from the prompts? "
            "Your edits to the letter would be lost.",
            "Replace with a new draft",
            "Keep my letter",
        ):
            return
        self.letter.setPlainText(draft_letter(child.known_as, child.people.carers_text, answers))

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        reviewed_on = read_date(self.reviewed_on, "Reviewed on", problems)
        letter = replace(
            self.loaded,  # where the words came from stays as loaded
            answers=tuple((key, box.toPlainText()) for key, box in self.answers.items()),
            letter=self.letter.toPlainText(),
            status=self.status_choice.currentData(),
            reviewer=self.reviewer.text().strip(),
            review_comment=self.review_comment.toPlainText(),
            reviewed_on=reviewed_on,
        )
        problems += letter.problems(self.context.today)
        if problems:
            return problems
        self.save_record(letter)
        return []


def carers_commitment_section(context: ChildSectionContext) -> QWidget:
    return CarersCommitmentForm(context)
