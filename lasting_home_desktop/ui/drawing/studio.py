"""The drawing studio: a canvas a young child can use without help.

Big tools on the left, colours and sizes (or stickers) on the right, the picture in the
middle. It opens on the child's last drawing, saves by itself while the child draws, and asks
its questions in big panels in place of the picture."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QStackedLayout,
    QWidget,
)

from ...domain.drawing import DEFAULT_NAME, background
from ...storage.drawings import DrawingLibrary
from ..theme import Look
from .autosave import DrawingAutosave
from .canvas import DrawingCanvas, Tool
from .gallery import DrawingGallery
from .panels import ConfirmPanel, MoreColoursPanel, NamePanel, PaperPanel
from .picture_ops import load_picture, paper
from .style import sizes_for, studio_style
from .workspace import StudioWorkspace

COMPACT_HEIGHT = 440  # px the studio needs with its smallest (64 px) buttons


class DrawingStudio(QWidget):
    drawingsChanged = Signal()  # a drawing was saved, named, thrown away or brought back
    drawingBinned = Signal(str)  # the id of a drawing the child threw away

    def __init__(
        self,
        library: DrawingLibrary,
        child_id: str,
        look: Look,
        parent: QWidget | None = None,
        *,
        autosave_timer: QTimer | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.child_id = child_id
        self.look = look
        self.sizes = sizes_for(look)
        self.setObjectName("DrawingStudio")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(studio_style(look))
        self.canvas = DrawingCanvas()
        self.canvas.surround = QColor(look.background)
        self.autosave = DrawingAutosave(library, child_id, self, timer=autosave_timer)
        self.gallery = DrawingGallery(library, child_id, self.sizes)
        self.confirm = ConfirmPanel()
        self.naming = NamePanel()
        self.papers = PaperPanel(self.sizes)
        self.more_colours = MoreColoursPanel(self.sizes)
        self.pages = QStackedLayout(self)
        self.workspace = StudioWorkspace(self.canvas, self.sizes)
        self.min_px = 64
        self._fitted: tuple[int, int, int, int] | None = None
        w = self.workspace
        self.title, self.status = w.title, w.status
        self.undo_button, self.redo_button, self.clear_button = (
            w.undo_button,
            w.redo_button,
            w.clear_button,
        )
        pages = (self.workspace, self.gallery, self.confirm, self.naming, self.papers)
        for page in (*pages, self.more_colours):
            self.pages.addWidget(page)
        self._wire()
        drawings = library.drawings(child_id)
        if drawings:  # the last picture comes back
            self.open_drawing(drawings[0].drawing_id)
        else:
            self.new_drawing()

    # -- public ------------------------------------------------------------------------------

    @property
    def drawing_id(self) -> str | None:
        """The drawing on the canvas (None until a fresh one is first saved)."""
        return self.autosave.drawing_id

    def open_drawing(self, drawing_id: str) -> None:
        self.autosave.flush()
        info = self.library.info(self.child_id, drawing_id)
        choice = background(info.background)
        picture, ok = load_picture(self.library.png_bytes(self.child_id, drawing_id), paper(choice))
        if not ok:
            self.new_drawing(choice.key)
            self.say("That drawing could not be opened, so here is a fresh sheet of paper.")
            return
        self.canvas.set_picture(picture, choice)
        self.autosave.follow(drawing_id, choice.key, self.canvas.picture)
        self.title.setText(info.name)
        self.say("")
        self.show_workspace()

    def new_drawing(self, background_key: str = "plain") -> None:
        self.autosave.flush()
        choice = background(background_key)
        self.canvas.set_picture(None, choice)
        self.autosave.follow(None, choice.key, self.canvas.picture)
        self.title.setText(DEFAULT_NAME)
        self.say("")
        self.show_workspace()

    def flush(self) -> None:
        """Finish any save under way (call before the window closes)."""
        self.autosave.flush()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def show_workspace(self) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.tool_buttons[self.canvas.tool].setFocus()
        self._update_steps()

    def _wire(self) -> None:
        c, w = self.canvas, self.workspace
        for tool, button in w.tool_buttons.items():
            button.clicked.connect(lambda _=False, t=tool: self.choose_tool(t))
        c.pictureChanged.connect(lambda: self.autosave.changed(c.picture))
        c.undo_stack.canUndoChanged.connect(self._update_steps)
        c.undo_stack.canRedoChanged.connect(self._update_steps)
        self.undo_button.clicked.connect(c.undo_stack.undo)
        self.redo_button.clicked.connect(c.undo_stack.redo)
        self.clear_button.clicked.connect(self._ask_clear)
        w.palette.colourChosen.connect(self._choose_colour)
        w.pen_sizes.chosen.connect(self._choose_width)
        w.sticker_sizes.chosen.connect(c.resize_last_sticker)
        w.stickers.chosen.connect(self._choose_sticker)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self.say)
        w.name_button.clicked.connect(self._ask_name)
        w.gallery_button.clicked.connect(self.show_gallery)
        w.new_button.clicked.connect(self._ask_paper)
        self.gallery.backRequested.connect(self.show_workspace)
        self.gallery.openRequested.connect(self.open_drawing)
        self.gallery.newRequested.connect(self._ask_paper)
        self.gallery.nameRequested.connect(self._ask_name)
        self.gallery.binRequested.connect(self._ask_bin)
        self.naming.named.connect(self._named)
        self.naming.cancelled.connect(self._back_from_naming)
        self.papers.chosen.connect(self.new_drawing)
        self.papers.cancelled.connect(self.show_workspace)
        w.palette.moreRequested.connect(self._ask_more_colours)
        self.more_colours.chosen.connect(self._extra_colour)
        self.more_colours.cancelled.connect(self.show_workspace)
        QShortcut(QKeySequence.StandardKey.Undo, self, c.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, c.undo_stack.redo)

    # -- tools -------------------------------------------------------------------------------

    def choose_tool(self, tool: Tool) -> None:
        self.canvas.tool = tool
        self.workspace.show_tool(tool)

    def _choose_colour(self, colour: QColor) -> None:
        self.canvas.colour = colour
        if self.canvas.tool in (Tool.ERASER, Tool.STICKER):
            self.choose_tool(Tool.PENCIL)

    def _choose_width(self, width: int) -> None:
        self.canvas.pen_width = float(width)
        if self.canvas.tool in (Tool.FILL, Tool.STICKER):
            self.choose_tool(Tool.PENCIL)

    def _choose_sticker(self, name: str) -> None:
        self.canvas.sticker = name
        self.choose_tool(Tool.STICKER)

    def _update_steps(self, *_: object) -> None:
        self.undo_button.setEnabled(self.canvas.undo_stack.canUndo())
        self.redo_button.setEnabled(self.canvas.undo_stack.canRedo())

    # -- questions and the gallery ------------------------------------------------------------

    def show_gallery(self) -> None:
        self.autosave.flush()
        self.pages.setCurrentWidget(self.gallery)
        self.gallery.refresh()

    def _ask_clear(self) -> None:
        self.confirm.ask(
            "Start again on a clean sheet?",
            "Your picture will go. If you change your mind, tap Undo to bring it back.",
            "Yes, clean sheet",
            "No, keep drawing",
            "icon-clear",
            on_yes=self.canvas.clear,
            on_done=self.show_workspace,
        )
        self.pages.setCurrentWidget(self.confirm)

    def _ask_bin(self, drawing_id: str) -> None:
        name = self.library.info(self.child_id, drawing_id).name
        self.confirm.ask(
            f"Throw away \u201c{name}\u201d?",
            "It goes into the bin. Your worker can get it back for you if you want it later.",
            "Yes, throw it away",
            "No, keep it",
            "icon-bin",
            on_yes=lambda: self._bin(drawing_id),
            on_done=self.show_gallery,
        )
        self.pages.setCurrentWidget(self.confirm)

    def _bin(self, drawing_id: str) -> None:
        self.library.bin(self.child_id, drawing_id)
        if drawing_id == self.drawing_id:
            self.new_drawing(self.canvas.background.key)
            self.show_gallery()
        self.gallery.refresh()
        self.drawingBinned.emit(drawing_id)
        self.drawingsChanged.emit()

    def _ask_more_colours(self) -> None:
        self.pages.setCurrentWidget(self.more_colours)
        self.more_colours.start()

    def _extra_colour(self, colour: QColor) -> None:
        self.show_workspace()
        self.workspace.palette.choose_extra(colour)

    # -- fitting the screen --------------------------------------------------------------------

    def set_min_target(self, px: int) -> None:
        """Bigger buttons for a child who needs them (the worker's setting)."""
        self.min_px = px
        self._fitted = None
        self._fit_to(self.height())

    def _fit_to(self, height: int) -> None:
        """The biggest buttons with which the tools, colours and Start again all fit."""
        s, floor = self.sizes, self.min_px
        options = [
            (max(s.button, floor), max(s.swatch, floor), s.icon, 2),
            (max(72, floor), max(64, floor), min(s.icon, 44), 3),
            (max(64, floor), max(64, floor), min(s.icon, 40), 3),
        ]
        chosen = next(
            (o for o in options if self.workspace.needed_height(o[0], o[1], o[3]) <= height),
            options[-1],
        )
        if chosen != self._fitted:
            self.workspace.fit(*chosen)
            self._fitted = chosen

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_to(event.size().height())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # The studio makes its buttons smaller to fit (see _fit_to), so it asks only for the
        # room its smallest buttons need, not the room its biggest ones would like.
        return QSize(super().minimumSizeHint().width(), COMPACT_HEIGHT)

    def tools_text(self) -> str:
        """What read-aloud says about the studio: every tool by name, in order."""
        w = self.workspace
        tools = ", ".join(b.accessibleName() for b in w.tool_buttons.values())
        colours = ", ".join(b.accessibleName() for b in w.palette.swatches)
        sizes = ", ".join(b.accessibleName() for b in w.pen_sizes.buttons)
        return (
            f"Your tools are: {tools}. Pen sizes: {sizes}. Colours: {colours}. "
            "Undo takes back the last thing, Redo puts it back, and Start again gives you a "
            "clean sheet. New drawing starts on fresh paper, and My drawings shows all your "
            "drawings. You can also draw with the arrow keys: Space puts the pen down and "
            "lifts it."
        )

    def _ask_paper(self) -> None:
        self.pages.setCurrentWidget(self.papers)
        self.papers.start()

    def _ask_name(self, drawing_id: str | None = None) -> None:
        if not drawing_id:
            self.autosave.save_now()
            drawing_id = self.drawing_id
        self._naming_id = drawing_id
        self._naming_from_gallery = self.pages.currentWidget() is self.gallery
        self.pages.setCurrentWidget(self.naming)
        self.naming.start(self.library.info(self.child_id, drawing_id).name)

    def _named(self, text: str) -> None:
        info = self.library.rename(self.child_id, self._naming_id, text)
        if info.drawing_id == self.drawing_id:
            self.title.setText(info.name)
        self.drawingsChanged.emit()
        self._back_from_naming()

    def _back_from_naming(self) -> None:
        if self._naming_from_gallery:
            self.show_gallery()
        else:
            self.show_workspace()

    def _saved(self, _drawing_id: str) -> None:
        self.say("Saved")
        self.drawingsChanged.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosave.flush()
        super().hideEvent(event)
