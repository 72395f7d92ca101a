"""Showing a PDF made in memory, and printing it through Qt's print dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

# print_dialog(printer, parent) -> True to print; tests pass their own.
PrintDialog = Callable[[QPrinter, QWidget], bool]


def ask_print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    return dialog.exec() == QDialog.DialogCode.Accepted


class PdfPreview(QPdfView):
    """Every page of a PDF held in memory, one under another."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Not a child of the view: deleting the view while its own child document was still
        # shown crashed Qt 6.11. Python owns the document; it goes after the view.
        self.pdf = QPdfDocument(None)
        self._buffer: QBuffer | None = None
        self.setDocument(self.pdf)

    def show_pdf(self, data: bytes) -> int:
        """Load the PDF bytes; returns how many pages it has (0 if it could not be read)."""
        self.pdf.close()
        buffer = QBuffer(self.pdf)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it for as long as it is shown
        return self.pdf.pageCount()

    def clear(self) -> None:
        self.pdf.close()

    @property
    def page_count(self) -> int:
        return self.pdf.pageCount()


def print_pdf(pdf: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page onto the printer at its resolution; returns the pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        for index in range(pdf.pageCount()):
            if index:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            page = pdf.pagePointSize(index)
            scale = min(area.width() / page.width(), area.height() / page.height())
            size = QSize(int(page.width() * scale), int(page.height() * scale))
            image = pdf.render(index, size)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent
