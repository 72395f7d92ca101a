"""Showing a PDF made in memory, with zoom, and printing it through Qt's print dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# print_dialog(printer, parent) -> True to print; tests pass their own.
PrintDialog = Callable[[QPrinter, QWidget], bool]
ZOOM_STEP = 1.25
SMALLEST, LARGEST = 0.25, 4.0


def ask_print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    return dialog.exec() == QDialog.DialogCode.Accepted


class PdfPreview(QPdfView):
    """Every page of a PDF held in memory, one under another, as wide as the space it is given;
    Ctrl + the mouse wheel, Ctrl + plus and Ctrl + minus zoom."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setMinimumSize(240, 200)
        # Not a child of the view: deleting the view while its own child document was still
        # shown crashed Qt 6.11. Python owns the document; it goes after the view.
        self.pdf = QPdfDocument(None)
        self.data = b""  # the PDF shown, for the larger view
        self._buffer: QBuffer | None = None
        self.setDocument(self.pdf)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            ("Ctrl+0", self.fit_width),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_pdf(self, data: bytes) -> int:
        """Load the PDF bytes; returns how many pages it has (0 if it could not be read)."""
        self.pdf.close()
        self.data = data
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
        self.data = b""

    @property
    def page_count(self) -> int:
        return self.pdf.pageCount()

    # -- zoom ----------------------------------------------------------------------------------

    def current_zoom(self) -> float:
        """The scale shown now, also while fitted to the width."""
        if self.zoomMode() == QPdfView.ZoomMode.Custom or self.pdf.pageCount() == 0:
            return self.zoomFactor()
        page = self.pdf.pagePointSize(0)
        dpi_scale = self.logicalDpiX() / 72.0
        width = self.viewport().width() - 2 * self.documentMargins().left()
        return max(SMALLEST, width / max(1.0, page.width() * dpi_scale))

    def set_zoom(self, factor: float) -> None:
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(min(LARGEST, max(SMALLEST, factor)))

    def zoom_in(self) -> None:
        self.set_zoom(self.current_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.current_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitInView)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)


class PdfPreviewPanel(QWidget):
    """The preview with its zoom buttons above it, filling the space it is given."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewer = PdfPreview()
        self.status = QLabel(objectName="Subtle")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)  # a long title must never widen the window
        bar = QHBoxLayout()
        bar.addStretch(1)
        for text, tip, slot in (
            ("−", "Zoom out (Ctrl+minus)", self.viewer.zoom_out),
            ("+", "Zoom in (Ctrl+plus)", self.viewer.zoom_in),
            ("Fit width", "Fit the page to the width (Ctrl+0)", self.viewer.fit_width),
            ("Whole page", "Show a whole page at once", self.viewer.fit_page),
            ("Larger…", "Show it in a window as large as the screen", self.show_larger),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.larger_button = button  # the last one
        self.larger: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)  # its own line: a long title never widens the window
        layout.addLayout(bar)
        layout.addWidget(self.viewer, 1)

    def show_larger(self) -> QDialog | None:
        """The same PDF in a window filling the screen, to read it comfortably."""
        if not self.viewer.data:
            return None
        from ..screen_fit import available_size

        dialog = QDialog(self)
        dialog.setWindowTitle(self.status.text() or "Preview")
        big = PdfPreviewPanel(dialog)
        big.larger_button.hide()
        big.status.setText(self.status.text())
        big.viewer.show_pdf(self.viewer.data)
        QVBoxLayout(dialog).addWidget(big)
        dialog.resize(available_size(self) * 0.95)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.larger = dialog
        return dialog


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
