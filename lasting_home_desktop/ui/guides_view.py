"""The guides reader: pick a guide, read it (with its pictures), have it read aloud, or export it
to PDF. Together mode shows only the children's and young people's guides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from ..domain.guides import GUIDES, GuideInfo, spoken_text
from .messages import UserMessages
from .screen_fit import fit_dialog
from .together.cards import picture_pixmap
from .together.read_aloud import NO_VOICE, ReadAloud

PdfPathChooser = Callable[[QWidget, str], str]
PICTURE_PX = 96


def _ask_where_to_save(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Export the guide as a PDF", str(Path.home() / suggested), "PDF files (*.pdf)"
    )
    return path


def picture_png(name: str, px: int = 200) -> bytes | None:
    """One picture of the set as PNG bytes (for PDFs); None if the name is unknown."""
    try:
        resources.picture(name)
    except FileNotFoundError:
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture_pixmap(name, px, 1.0).toImage().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class GuideBrowser(QTextBrowser):
    """Shows a guide's Markdown; `picture:name` images come from the bundled picture set."""

    def loadResource(self, kind: int, url: QUrl):  # type: ignore[no-untyped-def,override]
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == "picture":
            try:
                return picture_pixmap(url.path(), PICTURE_PX, 2.0).toImage()
            except FileNotFoundError:
                return None
        return super().loadResource(kind, url)


class GuidesView(QWidget):
    def __init__(
        self,
        messages: UserMessages,
        guides: Sequence[GuideInfo] = GUIDES,
        speech_engine: str | None = None,
        choose_pdf_path: PdfPathChooser | None = None,
        allow_export: bool = True,
        parent: QWidget | None = None,
    ):
        """`allow_export` False in together mode: no file dialogs for a child."""
        super().__init__(parent)
        self.messages = messages
        self.guides = list(guides)
        self.choose_pdf_path = choose_pdf_path or _ask_where_to_save
        self.read_aloud = ReadAloud(speech_engine, self)
        self.read_aloud.speaking.connect(self._speaking_changed)
        self.markdown = ""

        self.guide_list = QListWidget()
        self.guide_list.setMaximumWidth(220)
        for info in self.guides:
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.guide_list.addItem(item)
        self.guide_list.currentRowChanged.connect(self.show_guide)
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(False)
        self.read_button = QPushButton("Read aloud")
        self.read_button.clicked.connect(self.toggle_reading)
        self.export_button = QPushButton("Export to PDF…")
        self.export_button.clicked.connect(self.export_pdf)

        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.export_button)
        self.export_button.setVisible(allow_export)
        buttons.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.browser, 1)
        splitter = QSplitter()
        splitter.addWidget(self.guide_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if self.guides:
            self.guide_list.setCurrentRow(0)

    @property
    def current(self) -> GuideInfo | None:
        row = self.guide_list.currentRow()
        return self.guides[row] if 0 <= row < len(self.guides) else None

    def open_guide(self, key: str) -> None:
        for row, info in enumerate(self.guides):
            if info.key == key:
                self.guide_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def show_guide(self, row: int) -> None:
        self.read_aloud.stop()
        if not 0 <= row < len(self.guides):
            return
        info = self.guides[row]
        try:
            self.markdown = resources.guide(info.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.markdown = ""
            self.browser.setPlainText(
                "This guide could not be opened. Reinstalling Lasting Home should bring it back."
            )
            return
        base = self.browser.font().pointSizeF()
        if info.key == "children":
            self.browser.setStyleSheet(f"font-size: {max(base, 10) + 5}pt;")
        else:
            self.browser.setStyleSheet(f"font-size: {max(base, 10) + 1}pt;")
        self.browser.setMarkdown(self.markdown)

    # -- reading aloud: never waits for the voice ---------------------------------------------

    def toggle_reading(self) -> None:
        if self.read_button.text() == "Stop reading":
            self.read_aloud.stop()
            self.read_button.setText("Read aloud")
            return
        if not self.markdown:
            return
        if not self.read_aloud.say(spoken_text(self.markdown)):
            self.messages.tell("Reading aloud is not available", NO_VOICE)

    def _speaking_changed(self, speaking: bool) -> None:
        self.read_button.setText("Stop reading" if speaking else "Read aloud")

    def stop_reading(self) -> None:
        """Call before the window closes."""
        self.read_aloud.stop()

    # -- PDF --------------------------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        info = self.current
        if info is None or not self.markdown:
            return None
        chosen = self.choose_pdf_path(self, f"Lasting Home guide - {info.title}.pdf")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        # reportlab is loaded only when someone exports, so opening the guides stays quick.
        from ..documents.guide_pdf import write_guide_pdf
        from ..storage.safe_files import StorageWriteError

        try:
            write_guide_pdf(
                self.markdown,
                path,
                f"Lasting Home guide {info.title.lower()}",
                picture_png,
                large=info.key == "children",
            )
        except (StorageWriteError, OSError) as error:
            detail = getattr(error, "kind_message", None) or (
                f"The PDF could not be saved in {path.parent} ({error}). Please choose a folder "
                "you can write to, such as Documents."
            )
            self.messages.tell("The guide was not exported", detail, problem=True)
            return None
        self.messages.tell("Guide exported", f"The guide was saved as {path}.")
        return path


class GuidesWindow(QWidget):
    """The guides in a window of their own (worker side: the Guides menu, F1)."""

    def __init__(
        self,
        messages: UserMessages,
        guides: Sequence[GuideInfo] = GUIDES,
        speech_engine: str | None = None,
        choose_pdf_path: PdfPathChooser | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Lasting Home guides")
        self.view = GuidesView(messages, guides, speech_engine, choose_pdf_path)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        fit_dialog(self, QSize(980, 720))  # never taller than a 720-pixel screen

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.stop_reading()
        super().closeEvent(event)
