"""Printing or saving a service PDF (a panel agenda, a papers pack, a chart): noted in the audit
trail first, for every child it names, and then printed or saved; a saved copy is an ordinary
file, which the worker is told once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from ...storage.caseload import CaseloadStore
from ...storage.safe_files import StorageWriteError, atomic_write
from ..messages import UserMessages
from .pdf_preview import PrintDialog, ask_print_dialog, print_pdf
from .saved_files import note_unprotected_file

# save_dialog(parent, suggested file name) -> chosen path, or "" when cancelled.
SaveDialog = Callable[[QWidget, str], str]


def ask_save_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save the PDF", str(Path.home() / suggested), "PDF files (*.pdf)"
    )
    return path


class PdfOutput:
    def __init__(
        self,
        store: CaseloadStore,
        messages: UserMessages,
        print_dialog: PrintDialog = ask_print_dialog,
        save_dialog: SaveDialog = ask_save_path,
    ):
        self.store = store
        self.messages = messages
        self.print_dialog = print_dialog
        self.save_dialog = save_dialog

    def print(self, parent: QWidget, data: bytes, title: str, child_ids: Sequence[str]) -> int:
        """The print dialog straight away; returns the pages sent (0 if cancelled)."""
        document = QPdfDocument(None)
        buffer = QBuffer(document)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if document.pageCount() == 0:
            self.messages.tell("Nothing to print", "The document could not be read.", problem=True)
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = document.pagePointSize(0)
        if size.width() > size.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if not self.print_dialog(printer, parent):
            return 0
        sent = print_pdf(document, printer)
        document.close()
        if sent:
            self._note_done("printed", title, child_ids)
            note_unprotected_file(self.store, self.messages)  # paper leaves the folder too
        return sent

    def save(
        self,
        parent: QWidget,
        data: bytes,
        title: str,
        child_ids: Sequence[str],
        suggested: str,
        advice: str = "",
    ) -> str:
        """Save where the worker chooses; returns the path, or "" if not saved. `advice` is
        added to the "saved" message (how to print it, say)."""
        chosen = self.save_dialog(parent, suggested)
        if not chosen:
            return ""
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            atomic_write(path, data)
        except (StorageWriteError, OSError) as error:
            detail = getattr(error, "kind_message", "") or f"{path} could not be written."
            self.messages.tell("The PDF was not saved", detail, problem=True)
            return ""
        self._note_done("exported", f"{title} to {path.parent}", child_ids)
        self.messages.tell("PDF saved", f"Saved to {path}.{' ' + advice if advice else ''}")
        note_unprotected_file(self.store, self.messages)
        return str(path)

    def _note_done(self, action: str, detail: str, child_ids: Sequence[str]) -> None:
        """Every copy that left the app goes in the trail, once it has (a full disk holds the
        entries back until the next can be written)."""
        for child_id in child_ids or ("",):
            self.store.record_done(action, child_id, detail)
