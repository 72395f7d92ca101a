"""The pair of buttons on the Partner contributions and Carers' letter parts: make a fillable
form to send by secure email, and receive one that came back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.limits import ADULT_NAME
from ...domain.matching_meeting import AGENCIES
from ...domain.returned_forms import Addressee, FormKind
from ...storage.caseload import ChildNotFound
from ...storage.safe_files import StorageWriteError
from ..widgets import plain_label
from .form_receiving import receive_form
from .returned_forms_window import FileChooser, choose_returned_forms

if TYPE_CHECKING:
    from .section_form import SectionForm

# (parent, who it is for as the form says) -> Addressee, or None if the worker cancelled
AddresseeAsker = Callable[[QWidget, Addressee], Addressee | None]
TargetChooser = Callable[[QWidget, str], Path | None]


class AddresseeDialog(QDialog):
    """Whom a partner form is for. Every field may stay empty: the partner fills them in."""

    def __init__(self, start: Addressee, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Make a form for a partner")
        self.name = QLineEdit(start.name)
        self.role = QLineEdit(start.role)
        self.agency = QComboBox()
        self.agency.setEditable(True)
        self.agency.addItems(["", *AGENCIES])
        self.agency.setCurrentText(start.agency)
        for field in (self.name, self.role, self.agency.lineEdit()):
            field.setMaxLength(ADULT_NAME)
        form = QFormLayout()
        form.addRow("Partner's name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Agency", self.agency)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        make = buttons.addButton("Make the form…", QDialogButtonBox.ButtonRole.AcceptRole)
        make.setObjectName("Primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(
            plain_label(
                "The form shows the child's preferred name, the initial of their last name and "
                "their age, and nothing else about them. Fill in whom it is for, or leave it "
                "for the partner to write."
            )
        )
        box.addLayout(form)
        box.addWidget(buttons)

    def addressee(self) -> Addressee:
        return Addressee(self.name.text(), self.role.text(), self.agency.currentText())


def ask_addressee(parent: QWidget, start: Addressee) -> Addressee | None:
    dialog = AddresseeDialog(start, parent)
    return dialog.addressee() if dialog.exec() else None


def choose_form_target(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, "Save the form", suggested, "PDF (*.pdf)")
    if not name:
        return None
    return Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")


class ReturnedFormButtons(QWidget):
    """ "Make a form for …" and "Receive a returned form…" for one part of a child's page. The
    file and addressee choosers can be replaced (tests)."""

    def __init__(self, form: SectionForm, kind: FormKind, start: Callable[[], Addressee]):
        super().__init__()
        self.form, self.kind, self._start = form, kind, start
        self.ask_addressee: AddresseeAsker = ask_addressee
        self.choose_target: TargetChooser = choose_form_target
        self.choose_files: FileChooser = choose_returned_forms
        who = "a partner" if kind is FormKind.PARTNER else "the foster carers"
        self.make_button = QPushButton(f"Make a form for {who}…")
        self.make_button.setToolTip(
            "A PDF they fill in with any PDF reader and send back by secure email."
        )
        self.make_button.clicked.connect(self.make)
        self.receive_button = QPushButton("Receive a returned form…")
        self.receive_button.setToolTip("File a form that came back; it knows its own child.")
        self.receive_button.clicked.connect(self.receive)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.make_button)
        row.addWidget(self.receive_button)
        row.addStretch(1)

    def make(self) -> bool:
        from ...documents.forms_out import make_form, save_form
        from .saved_files import note_unprotected_file

        context = self.form.context
        to = None
        if self.kind is FormKind.PARTNER:
            to = self.ask_addressee(self, self._start())
            if to is None:
                return False
        try:
            made = make_form(context.store, context.child_id, self.kind, context.today, to)
            target = self.choose_target(self, made.file_name)
            if target is None:
                return False
            save_form(context.store, made, target, to)
        except (StorageWriteError, ChildNotFound) as error:
            detail = getattr(error, "kind_message", "This child's record is no longer here.")
            context.messages.tell("The form was not made", detail, problem=True)
            return False
        whom = (to.name.strip() if to else "") or (
            "the partner" if self.kind is FormKind.PARTNER else "the foster carers"
        )
        context.messages.tell(
            "The form is ready to send",
            f"Saved as {target}. Send it to {whom} through your council's secure email. They "
            "fill it in with any PDF reader and send it back; then choose 'Receive a returned "
            f"form…' and it is filed for {self.form.child.known_as} by itself (form "
            f"{made.ticket.form_id}).",
        )
        note_unprotected_file(context.store, context.messages)
        return True

    def receive(self) -> bool:
        """File the chosen forms; typing not saved yet is saved first, so nothing clashes
        with it."""
        context = self.form.context
        if self.form.has_unsaved_changes():
            if not context.messages.ask(
                "Save your typing first?",
                "This part has typed changes that are not saved. They are saved first, then "
                "the returned form is filed beside them.",
                "Save and continue",
            ):
                return False
            if not self.form.save():
                return False
        filed = False
        for path in self.choose_files(self):
            receipt = receive_form(context.store, path, context.today, context.clashes)
            context.messages.tell(receipt.headline, receipt.detail, problem=not receipt.filed)
            filed = filed or receipt.filed
        return filed
