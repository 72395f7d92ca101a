"""The Documents tab of a child's page: the card message, then each document to preview,
print or save as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...documents.export import (
    DOCUMENT_KINDS,
    document_file_name,
    document_pdf,
    kind,
    not_ready,
)
from ...domain.card_message import PALETTES, CardMessage
from ...domain.child import DecisionRoute
from ...storage.card_message import CardMessages
from ...storage.safe_files import StorageWriteError, atomic_write
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .pdf_preview import PdfPreview, PdfPreviewPanel, PrintDialog, ask_print_dialog, print_pdf
from .saved_files import note_unprotected_file

# save_dialog(parent, suggested file name) -> chosen path, or "" when cancelled.
SaveDialog = Callable[[QWidget, str], str]

NOT_PROTECTED = (
    "A PDF you save or print leaves the protected data folder: keep it somewhere safe, and "
    "delete it when it is no longer needed."
)


def ask_save_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save the PDF", str(Path.home() / suggested), "PDF files (*.pdf)"
    )
    return path


class DocumentsSection(QWidget):
    previewed = Signal(str, int)  # document key, pages shown

    def __init__(
        self,
        context: ChildSectionContext,
        print_dialog: PrintDialog = ask_print_dialog,
        save_dialog: SaveDialog = ask_save_path,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.cards = CardMessages(context.store)
        self.print_dialog = print_dialog
        self.save_dialog = save_dialog
        self.shown_key = ""
        self.shown_pdf = b""

        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(90)
        self.signer = QLineEdit()
        self.colour = QComboBox()
        for palette in PALETTES:
            self.colour.addItem(palette.label, palette.key)
        self.picture_on_certificate = QCheckBox("Put the child's picture on the certificate")
        self.save_card_button = QPushButton("Save the card message", objectName="Primary")
        self.save_card_button.clicked.connect(self.save_card)
        card_box = QGroupBox("The card and certificate")
        form = QFormLayout(card_box)
        # Labels above their fields: the column stays narrow and the preview gets the room.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Personal message", self.message)
        form.addRow("Signed by", self.signer)
        form.addRow("Colours", self.colour)
        form.addRow("", self.picture_on_certificate)
        form.addRow("", self.save_card_button)

        self.documents = QListWidget()
        for document in DOCUMENT_KINDS:
            who = "for the child" if document.for_child else "professional"
            item = QListWidgetItem(f"{document.title} ({who})")
            item.setData(Qt.ItemDataRole.UserRole, document.key)
            item.setToolTip(document.description)
            self.documents.addItem(item)
        self.documents.setCurrentRow(0)
        self.documents.itemDoubleClicked.connect(lambda _item: self.preview())
        self.preview_button = QPushButton("Preview", objectName="Primary")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as PDF…")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.preview_panel = PdfPreviewPanel()
        self.viewer: PdfPreview = self.preview_panel.viewer
        self.status = self.preview_panel.status
        self.status.setText("Choose a document and press Preview.")
        splitter = QSplitter()
        splitter.addWidget(self._choices(card_box, buttons))
        splitter.addWidget(self.preview_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def _choices(self, card_box: QGroupBox, buttons: QHBoxLayout) -> QWidget:
        """The card message and the list of documents, scrolling on a short screen so they
        never make the window taller; the buttons stay below them, always in view."""
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(card_box)
        column.addWidget(plain_label("Documents", "Headline"))
        self.documents.setMinimumHeight(110)
        column.addWidget(self.documents, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choices = QWidget()
        choices.setMinimumWidth(280)
        below = QVBoxLayout(choices)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(scroll, 1)
        below.addLayout(buttons)
        below.addWidget(plain_label(NOT_PROTECTED, "Subtle"))
        return choices

    # -- the card message ----------------------------------------------------------------------

    def reload(self) -> None:
        child = self.context.store.child(self.context.child_id)
        card = self.cards.load(self.context.child_id)
        panel = child.route is DecisionRoute.PANEL
        signer = child.people.decision_maker if panel else child.people.team_manager
        role = "Panel Chair" if panel else "Team Manager"
        self.message.setPlaceholderText(
            f"A few warm words for {child.known_as}, written by the {role}."
        )
        self.signer.setPlaceholderText(signer or f"The {role}")
        self.message.setPlainText(card.message)
        self.signer.setText(card.signer)
        self.colour.setCurrentIndex(max(0, self.colour.findData(card.colour)))
        self.picture_on_certificate.setChecked(card.picture_on_certificate)

    def card_from_fields(self) -> CardMessage:
        return CardMessage(
            message=self.message.toPlainText(),
            signer=self.signer.text().strip(),
            colour=str(self.colour.currentData()),
            picture_on_certificate=self.picture_on_certificate.isChecked(),
        )

    def save_card(self) -> bool:
        """Save the message (and show the card or certificate again if it is on screen)."""
        if not self._store_card():
            return False
        if self.shown_key in ("card", "certificate"):
            self.preview()
        return True

    def _store_card(self) -> bool:
        card = self.card_from_fields()
        problems = card.problems()
        if problems:
            self._not_saved(" ".join(problems))
            return False
        try:
            self.cards.save(self.context.child_id, card)
        except StorageWriteError as error:
            self._not_saved(error.kind_message)
            return False
        return True

    def _not_saved(self, detail: str) -> None:
        self.context.messages.tell("The card message was not saved", detail, problem=True)

    # -- documents -------------------------------------------------------------------------

    def selected_key(self) -> str:
        item = self.documents.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "card"

    def make_pdf(self, key: str) -> bytes | None:
        """The document's PDF, saving the card message first; None (after a kind message)
        when it cannot be made."""
        store, child_id = self.context.store, self.context.child_id
        changed = self.card_from_fields() != self.cards.load(child_id)
        if key in ("card", "certificate") and changed and not self._store_card():
            return None
        reason = not_ready(store, child_id, key)
        if reason:
            self.context.messages.tell("Not ready yet", reason)
            return None
        try:
            return document_pdf(store, child_id, key, self.context.today)
        except Exception as error:  # a damaged record must never close the app
            self.context.messages.tell(
                "The document could not be made",
                f"Something in this child's record could not be used ({type(error).__name__}). "
                "Nothing has been changed; please check the record and try again.",
                problem=True,
            )
            return None

    def preview(self) -> int:
        key = self.selected_key()
        data = self.make_pdf(key)
        if data is None:
            return 0
        pages = self.viewer.show_pdf(data)
        self.shown_key, self.shown_pdf = key, data
        word = "page" if pages == 1 else "pages"
        self.status.setText(f"{self.documents.currentItem().text()}: {pages} {word}.")
        self.previewed.emit(key, pages)
        return pages

    def _current_pdf(self) -> bytes | None:
        if self.shown_key != self.selected_key() or not self.shown_pdf:
            return None if not self.preview() else self.shown_pdf
        return self.shown_pdf

    def print_document(self) -> int:
        """Preview (if needed), ask the print dialog, print; returns the pages sent."""
        if self._current_pdf() is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = self.viewer.pdf.pagePointSize(0)
        if size.width() > size.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if not self.print_dialog(printer, self) or not self._audited("printed"):
            return 0
        sent = print_pdf(self.viewer.pdf, printer)
        # A paper copy leaves the protected folder too: the one-time note comes after it.
        note_unprotected_file(self.context.store, self.context.messages)
        return sent

    def _audited(self, action: str, where: str = "") -> bool:
        """Note the print or export in the audit trail first; if it cannot be noted, it is
        not done (the trail must hold every copy that left the app)."""
        title = kind(self.shown_key).title
        try:
            self.context.store.audit.record(action, self.context.child_id, title + where)
        except StorageWriteError as error:
            self.context.messages.tell("Not done", error.kind_message, problem=True)
            return False
        return True

    def save_document(self) -> str:
        """Save the PDF where the user chooses; returns the path, or "" if not saved."""
        data = self._current_pdf()
        if data is None:
            return ""
        suggested = document_file_name(self.context.store, self.context.child_id, self.shown_key)
        chosen = self.save_dialog(self, suggested)
        if not chosen:
            return ""
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not self._audited("exported", f" to {path.parent}"):
            return ""
        try:
            atomic_write(path, data)
        except (StorageWriteError, OSError) as error:
            detail = getattr(error, "kind_message", "") or f"{path} could not be written."
            self.context.messages.tell("The PDF was not saved", detail, problem=True)
            return ""
        self.context.messages.tell("PDF saved", f"Saved to {path}.")
        note_unprotected_file(self.context.store, self.context.messages)
        return str(path)


def documents_section(context: ChildSectionContext) -> QWidget:
    return DocumentsSection(context)
