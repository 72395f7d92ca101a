"""The Documents tab of a child's page: the card message, then each document to preview,
print or save as a PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
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

from ...documents.card import PRINTING_NOTE, MessageTooLong
from ...documents.export import (
    DOCUMENT_KINDS,
    document_file_name,
    document_pdf,
    kind,
    not_ready,
    picture_warning,
)
from ...domain.card_message import PALETTES, CardMessage, message_room
from ...domain.child import DecisionRoute, HomeType
from ...domain.outcome import outcome_check
from ...storage.card_message import SECTION as CARD_PART
from ...storage.card_message import CardMessages
from ...storage.safe_files import StorageWriteError
from ..form_state import capture, on_any_edit, restore
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .part_keeper import PartKeeper, SaveStopped
from .pdf_output import PdfOutput, SaveDialog, ask_save_path
from .pdf_preview import PdfPreview, PdfPreviewPanel, PrintDialog, ask_print_dialog, print_pdf
from .saved_files import note_unprotected_file

NOT_PROTECTED = (
    "A PDF you save or print leaves the protected data folder: keep it somewhere safe, and "
    "delete it when it is no longer needed."
)
ACTUAL_SIZE = 'Print at actual size (100%), not "fit to page".'


def printing_advice(key: str) -> str:
    """What to tell whoever prints this document, in the print and save step."""
    if key == "card":
        return f"{PRINTING_NOTE} {ACTUAL_SIZE}"
    return ACTUAL_SIZE


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

        # The preview fills the room it is given, with zoom.
        self.preview_panel = PdfPreviewPanel()
        self.viewer: PdfPreview = self.preview_panel.viewer
        self.status = self.preview_panel.status
        self.status.setText("Choose a document and press Preview.")
        splitter = QSplitter()
        splitter.addWidget(self._left_column())
        splitter.addWidget(self.preview_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 520])
        self.stale = plain_label(name="Flag")
        self.stale.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stale)
        layout.addWidget(splitter)
        # The card message is a worker form like the others: live, merged, kept as a draft.
        self.keeper = PartKeeper(
            self,
            context.store,
            context.child_id,
            (CARD_PART,),
            state=lambda: capture(self),
            restore=lambda state: restore(self, state),
            reload=self.reload,
            on_stale=self._show_stale,
            empty=lambda part: CardMessage().to_dict(),
            draft_delay_ms=context.draft_delay_ms,
        )
        self.keeper.load()
        child = context.store.child(context.child_id)
        self.keeper.offer_draft(
            context.messages,
            "You were writing the card message when Lasting Home closed",
            f"the card message for {child.known_as}",
        )
        on_any_edit(self, self.keeper.typed)

    def _show_stale(self, text: str) -> None:
        self.stale.setText(text)
        self.stale.show()

    def has_unsaved_changes(self) -> bool:
        return self.keeper.unsaved()

    def keep_draft_now(self) -> bool:
        return self.keeper.keep_draft_now()

    def save(self) -> bool:
        """Ctrl+S on this part saves the card message."""
        return self.save_card()

    def _left_column(self) -> QScrollArea:
        """The card message, the list of documents and what to do with them."""
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self._card_box())
        column.addWidget(plain_label("Documents", "Headline"))
        column.addWidget(self._document_list(), 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton("Preview", objectName="Primary")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as PDF…")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        # How to print what is chosen: the card only comes out right one way.
        self.printing = plain_label(printing_advice("card"), "Subtle")
        self.documents.currentRowChanged.connect(
            lambda _row: self.printing.setText(printing_advice(self.selected_key()))
        )
        column.addWidget(self.printing)
        column.addWidget(plain_label(NOT_PROTECTED, "Subtle"))
        # On a short screen the card form and the list scroll, never squeeze into each other.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        return scroll

    def _card_box(self) -> QGroupBox:
        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(110)
        self.message.setToolTip("A longer message is printed smaller, so it always fits.")
        self.message_room = plain_label(message_room(""), "Subtle", wrap=False)
        self.message.textChanged.connect(self._show_room)
        self.signer = QLineEdit()
        self.home_name = QLineEdit()
        self.home_name.setPlaceholderText("For example: Oakfield House")
        self.colour = QComboBox()
        for palette in PALETTES:
            self.colour.addItem(palette.label, palette.key)
        self.picture_on_certificate = QCheckBox("Put the child's picture on the certificate")
        self.save_card_button = QPushButton("Save the card message", objectName="Primary")
        self.save_card_button.clicked.connect(self.save_card)
        card_box = QGroupBox("The card and certificate")
        self.card_form = QFormLayout(card_box)
        # Labels above their fields: the column stays narrow and the preview gets the room.
        self.card_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.card_form.addRow("Personal message", self.message)
        self.card_form.addRow("", self.message_room)
        self.card_form.addRow("Signed by", self.signer)
        self.card_form.addRow("The home's name", self.home_name)
        self.card_form.addRow("Colours", self.colour)
        self.card_form.addRow("", self.picture_on_certificate)
        self.card_form.addRow("", self.save_card_button)
        # Before the decision, say what is missing rather than let a card be tried.
        self.outcome_note = plain_label("", "Flag")
        self.card_form.addRow(self.outcome_note)
        return card_box

    def _document_list(self) -> QListWidget:
        self.documents = QListWidget()
        for document in DOCUMENT_KINDS:
            who = "for the child" if document.for_child else "professional"
            item = QListWidgetItem(f"{document.title} ({who})")
            item.setData(Qt.ItemDataRole.UserRole, document.key)
            item.setToolTip(document.description)
            self.documents.addItem(item)
        self.documents.setCurrentRow(0)
        self.documents.itemDoubleClicked.connect(lambda _item: self.preview())
        return self.documents

    # -- the card message ----------------------------------------------------------------------

    def reload(self) -> None:
        self.stale.hide()
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
        # Only a residential home is named on the card ("your home at Oakfield House").
        self.home_name.setText(card.home_name)
        self.card_form.setRowVisible(self.home_name, child.home_type is HomeType.RESIDENTIAL)
        self.colour.setCurrentIndex(max(0, self.colour.findData(card.colour)))
        check = outcome_check(child)
        self.outcome_note.setText(
            ""
            if check.decided
            else f"No card or certificate yet: {check.reason}. They can be made once the "
            "decision is recorded as agreed; the book can be made now."
        )
        self.outcome_note.setVisible(not check.decided)
        self.picture_on_certificate.setChecked(card.picture_on_certificate)

    def card_from_fields(self) -> CardMessage:
        return CardMessage(
            message=self.message.toPlainText(),
            signer=self.signer.text().strip(),
            colour=str(self.colour.currentData()),
            picture_on_certificate=self.picture_on_certificate.isChecked(),
            home_name=self.home_name.text().strip(),
        )

    def _show_room(self) -> None:
        self.message_room.setText(message_room(self.message.toPlainText()))

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
        child = self.context.store.child(self.context.child_id)
        try:
            self.keeper.save(
                {CARD_PART: card.to_dict()},
                self.context.today,
                self.context.clashes,
                f"{child.known_as}'s card message was changed elsewhere too",
            )
        except SaveStopped:
            return False
        except StorageWriteError as error:
            self._not_saved(error.kind_message)
            return False
        self.keeper.load()
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
        except MessageTooLong as error:
            self.context.messages.tell("The message does not fit", error.kind_message)
            return None
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
        store, child_id, today = self.context.store, self.context.child_id, self.context.today
        warning = picture_warning(store, child_id, key, today)
        self.status.setText(
            f"{self.documents.currentItem().text()}: {pages} {word}."
            + (f" {warning}" if warning else "")
        )
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
        # The page as it is, at actual size: every document keeps 5 mm clear of the edge.
        printer.setFullPage(True)
        if self.shown_key == "card":  # the inside prints upside down any other way
            printer.setDuplex(QPrinter.DuplexMode.DuplexShortSide)
        self.status.setText(printing_advice(self.shown_key))
        if not self.print_dialog(printer, self):
            return 0
        pages = print_pdf(self.viewer.pdf, printer)
        if pages:
            self._note_done("printed")
            # A paper copy leaves the protected folder too: the one-time note comes after it.
            note_unprotected_file(self.context.store, self.context.messages)
        return pages

    def _note_done(self, action: str, where: str = "") -> None:
        """Only a print or export that happened goes in the audit trail (a full disk holds
        the entry back until the next one can be written)."""
        title = kind(self.shown_key).title
        self.context.store.record_done(action, self.context.child_id, title + where)

    def save_document(self) -> str:
        """Save the PDF where the user chooses; returns the path, or "" if not saved."""
        data = self._current_pdf()
        if data is None:
            return ""
        store, child_id = self.context.store, self.context.child_id
        output = PdfOutput(store, self.context.messages, save_dialog=self.save_dialog)
        return output.save(
            self,
            data,
            kind(self.shown_key).title,
            [child_id],
            document_file_name(store, child_id, self.shown_key),
            advice=printing_advice(self.shown_key),
        )


def documents_section(context: ChildSectionContext) -> QWidget:
    return DocumentsSection(context)
