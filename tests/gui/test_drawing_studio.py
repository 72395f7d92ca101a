"""The drawing studio as a child meets it: saving by itself, the last picture coming back,
naming, the gallery, the bin, and the friendly "are you sure?"."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.ui.drawing.bin_section import DrawingBinSection
from lasting_home_desktop.ui.drawing.picture_ops import PICTURE_FORMAT
from lasting_home_desktop.ui.drawing.studio import DrawingStudio
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.theme import CHILD_LOOK, YOUNG_PERSON_LOOK
from lasting_home_desktop.ui.worker.sections import CHILD_SECTIONS, ChildSectionContext


@pytest.fixture
def child_id(store, today):
    return store.add_child(ChildRecord("Ola", "Nowak"), today).id


@pytest.fixture
def library(store):
    return DrawingLibrary(store)


@pytest.fixture
def open_studio(qtbot, library, child_id):
    def make(look=CHILD_LOOK, autosave_timer=None):
        studio = DrawingStudio(library, child_id, look, autosave_timer=autosave_timer)
        qtbot.addWidget(studio)
        studio.resize(1280, 800)
        studio.show()
        qtbot.waitExposed(studio)
        return studio

    return make


def scribble(qtbot, studio, y=300):
    canvas = studio.canvas
    points = [QPoint(x, y + (x % 40)) for x in range(200, 800, 12)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QApplication.sendEvent(
            canvas,
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(point),
                QPointF(canvas.mapToGlobal(point)),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def saved_picture(library, child_id, drawing_id) -> QImage:
    return QImage(str(library.png_path(child_id, drawing_id))).convertToFormat(PICTURE_FORMAT)


def test_a_drawing_saves_itself_after_a_pause(qtbot, open_studio, library, child_id):
    """With no button pressed, the drawing is on disk as a print-size PNG, pixel for pixel."""
    pause = QTimer()
    pause.setInterval(60_000)  # never fires by itself: the test says when the child paused
    studio = open_studio(autosave_timer=pause)
    assert library.drawings(child_id) == []
    scribble(qtbot, studio)
    assert pause.isActive() and library.drawings(child_id) == []
    with qtbot.waitSignal(studio.drawingsChanged, timeout=10_000):
        pause.timeout.emit()
    [info] = library.drawings(child_id)
    saved = saved_picture(library, child_id, info.drawing_id)
    assert saved.width() == 1600 and saved.height() == 1200
    assert saved == studio.canvas.picture


def test_the_last_picture_comes_back_and_can_be_carried_on(qtbot, open_studio, library, child_id):
    """Opening the studio again shows the same picture, and drawing more updates that drawing."""
    first = open_studio()
    scribble(qtbot, first)
    first.flush()
    drawn = first.canvas.picture.copy()
    drawing_id = first.drawing_id
    first.close()
    again = open_studio(YOUNG_PERSON_LOOK)
    assert again.drawing_id == drawing_id
    assert again.canvas.picture == drawn
    scribble(qtbot, again, y=500)
    again.flush()
    assert [d.drawing_id for d in library.drawings(child_id)] == [drawing_id]
    assert saved_picture(library, child_id, drawing_id) == again.canvas.picture
    assert again.canvas.picture != drawn


def test_clear_asks_first_and_can_be_undone(qtbot, open_studio):
    """Clear shows a big question; "No" keeps the picture, "Yes" clears, Undo brings it back."""
    studio = open_studio()
    scribble(qtbot, studio)
    drawn = studio.canvas.picture.copy()
    qtbot.mouseClick(studio.clear_button, Qt.MouseButton.LeftButton)
    assert studio.pages.currentWidget() is studio.confirm
    assert studio.confirm.headline.text() == "Start again on a clean sheet?"
    qtbot.mouseClick(studio.confirm.no, Qt.MouseButton.LeftButton)
    assert studio.pages.currentWidget() is studio.workspace
    assert studio.canvas.picture == drawn
    qtbot.mouseClick(studio.clear_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(studio.confirm.yes, Qt.MouseButton.LeftButton)
    assert studio.canvas.is_blank()
    qtbot.mouseClick(studio.undo_button, Qt.MouseButton.LeftButton)
    assert studio.canvas.picture == drawn


def test_a_drawing_gets_the_name_the_child_types(qtbot, open_studio, library, child_id):
    """The name shows as typed (markup stays literal) and is kept in the child's drawings."""
    studio = open_studio()
    scribble(qtbot, studio)
    qtbot.mouseClick(studio.workspace.name_button, Qt.MouseButton.LeftButton)
    assert studio.pages.currentWidget() is studio.naming
    studio.naming.field.setText("<b>&amp; My house")
    qtbot.keyClick(studio.naming.field, Qt.Key.Key_Return)
    assert studio.title.text() == "<b>&amp; My house"
    assert studio.title.textFormat() == Qt.TextFormat.PlainText
    assert [d.name for d in library.drawings(child_id)] == ["<b>&amp; My house"]


def test_the_gallery_reopens_an_older_drawing(qtbot, open_studio, library, child_id):
    """Each drawing shows as a big picture; tapping one brings it back to carry on."""
    studio = open_studio()
    scribble(qtbot, studio)
    studio.flush()
    first_id, first_picture = studio.drawing_id, studio.canvas.picture.copy()
    studio.new_drawing("sky")
    scribble(qtbot, studio, y=450)
    studio.flush()
    qtbot.mouseClick(studio.workspace.gallery_button, Qt.MouseButton.LeftButton)
    assert set(studio.gallery.tiles) == {first_id, studio.drawing_id}
    tile = studio.gallery.tiles[first_id]
    [picture] = [b for b in tile.findChildren(QAbstractButton) if b.objectName() == "Thumb"]
    assert not picture.icon().isNull()
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton)
    assert studio.drawing_id == first_id
    assert studio.canvas.picture == first_picture


def test_throwing_away_goes_to_the_bin_and_the_worker_brings_it_back(
    qtbot, open_studio, library, store, child_id, today
):
    """A binned drawing leaves the child's drawings; the worker's bin restores it unchanged."""
    studio = open_studio()
    scribble(qtbot, studio)
    studio.flush()
    drawing_id = studio.drawing_id
    picture = saved_picture(library, child_id, drawing_id)
    studio.show_gallery()
    tile = studio.gallery.tiles[drawing_id]
    [bin_button] = [
        b for b in tile.findChildren(QAbstractButton) if b.accessibleName().startswith("Throw")
    ]
    with qtbot.waitSignal(studio.drawingsChanged):
        qtbot.mouseClick(bin_button, Qt.MouseButton.LeftButton)
        assert studio.pages.currentWidget() is studio.confirm
        qtbot.mouseClick(studio.confirm.yes, Qt.MouseButton.LeftButton)
    assert library.drawings(child_id) == []
    assert drawing_id not in studio.gallery.tiles
    context = ChildSectionContext(store, child_id, today, RecordedMessages(), lambda: None)
    section = DrawingBinSection(context)
    qtbot.addWidget(section)
    qtbot.mouseClick(section.restore_buttons[drawing_id], Qt.MouseButton.LeftButton)
    assert [d.drawing_id for d in library.drawings(child_id)] == [drawing_id]
    assert saved_picture(library, child_id, drawing_id) == picture
    assert section.restore_buttons == {}


def test_the_worker_page_lists_the_drawings_bin(store, child_id, today, qtbot):
    """The child's page has a Drawings tab built from the section registry."""
    factories = dict(CHILD_SECTIONS)
    context = ChildSectionContext(store, child_id, today, RecordedMessages(), lambda: None)
    widget = factories["Drawings"](context)
    qtbot.addWidget(widget)
    assert isinstance(widget, DrawingBinSection)
    assert "bin is empty" in widget.summary.text()


def test_a_damaged_picture_opens_a_fresh_sheet_kindly(qtbot, open_studio, library, child_id):
    """A broken file never stops the studio: a fresh sheet and a plain sentence instead."""
    info = library.new_drawing(child_id)
    library.png_path(child_id, info.drawing_id).parent.mkdir(parents=True, exist_ok=True)
    library.png_path(child_id, info.drawing_id).write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    studio = open_studio()
    assert studio.canvas.is_blank()
    assert studio.drawing_id is None
    assert "could not be opened" in studio.status.text()


@pytest.mark.parametrize("look", [CHILD_LOOK, YOUNG_PERSON_LOOK])
def test_every_button_is_big_named_and_reachable_by_keyboard(open_studio, look):
    """Buttons are at least 64 px, say what they do to a screen reader and take Tab focus."""
    studio = open_studio(look)
    studio.show_gallery()
    buttons = studio.findChildren(QAbstractButton)
    assert len(buttons) > 40
    for button in buttons:
        size = button.minimumSizeHint().expandedTo(button.minimumSize())
        assert size.width() >= 64 and size.height() >= 64, button.accessibleName()
        assert button.accessibleName() and button.toolTip(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    words = " ".join(label.text() for label in studio.findChildren(QLabel))
    assert "permanence" not in words.lower()


def test_flush_saves_at_once_without_waiting(qtbot, open_studio, library, child_id):
    """Closing straight after drawing loses nothing: flush writes the picture there and then."""
    studio = open_studio()
    scribble(qtbot, studio)
    studio.flush()
    assert not studio.autosave.pending
    [info] = library.drawings(child_id)
    assert saved_picture(library, child_id, info.drawing_id) == studio.canvas.picture


def test_a_failed_save_is_told_kindly_and_the_picture_stays(
    qtbot, open_studio, library, child_id, monkeypatch
):
    """If the disk refuses the picture, the child keeps drawing and a plain sentence shows."""
    from lasting_home_desktop.storage.safe_files import StorageWriteError

    def refuse(*_args):
        raise StorageWriteError("The disk is full, so this change could not be saved.")

    studio = open_studio()
    monkeypatch.setattr(library, "save_png", refuse)
    scribble(qtbot, studio)
    drawn = studio.canvas.picture.copy()
    studio.flush()
    assert "disk is full" in studio.status.text()
    assert studio.canvas.picture == drawn
    assert studio.autosave.pending  # it tries again after the next change
    monkeypatch.undo()
    scribble(qtbot, studio, y=500)
    studio.flush()
    [info] = library.drawings(child_id)
    assert saved_picture(library, child_id, info.drawing_id) == studio.canvas.picture


def test_a_fresh_sheet_can_be_named_before_drawing(qtbot, open_studio, library, child_id):
    """Naming a new, empty drawing keeps it, so the name is not lost."""
    studio = open_studio()
    qtbot.mouseClick(studio.workspace.name_button, Qt.MouseButton.LeftButton)
    studio.naming.field.setText("Mój dom 🏠")
    qtbot.mouseClick(studio.naming.keep, Qt.MouseButton.LeftButton)
    assert [d.name for d in library.drawings(child_id)] == ["Mój dom 🏠"]
    assert studio.pages.currentWidget() is studio.workspace


def test_a_huge_picture_file_is_not_loaded(qtbot, open_studio, library, child_id):
    """A 20,000 x 20,000 pixel file is refused before decoding; a fresh sheet opens instead."""
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk
    png += struct.pack(">I", zlib.crc32(chunk))
    info = library.new_drawing(child_id)
    library.save_png(child_id, info.drawing_id, png)
    studio = open_studio()
    assert studio.canvas.is_blank()
    assert "could not be opened" in studio.status.text()


def test_drawing_with_the_keyboard_alone(qtbot, open_studio):
    """Arrow keys move the pen, Space puts it down and lifts it: a line is drawn, one undo step."""
    studio = open_studio()
    canvas = studio.canvas
    canvas.setFocus()
    blank = canvas.picture.copy()
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    for _ in range(5):
        qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    assert canvas.picture != blank and not canvas.pen_down
    assert studio.canvas.undo_stack.count() == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # pen up: moving draws nothing
    assert studio.canvas.undo_stack.count() == 1


def test_drawing_by_tapping_for_a_child_who_cannot_drag(qtbot, open_studio):
    """Tap to start, move without holding, tap to finish: a line, without dragging."""
    studio = open_studio()
    canvas = studio.canvas
    canvas.set_tap_to_draw(True)
    blank = canvas.picture.copy()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert canvas.pen_down
    for x in range(300, 700, 20):
        QApplication.sendEvent(
            canvas,
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(x, 320),
                QPointF(canvas.mapToGlobal(QPoint(x, 320))),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, 320))
    assert not canvas.pen_down and canvas.picture != blank
    assert canvas.undo_stack.count() == 1


def test_more_colours_is_our_own_panel_not_a_system_window(qtbot, open_studio):
    """The young person's "More colours" opens a big panel of named colours in the studio."""
    studio = open_studio(YOUNG_PERSON_LOOK)
    studio.workspace.palette.more_button.click()
    assert studio.pages.currentWidget() is studio.more_colours
    swatch = studio.more_colours.swatches[2]
    swatch.click()
    assert studio.pages.currentWidget() is studio.workspace
    assert studio.canvas.colour.name() == swatch.property("colour")
    assert all(s.accessibleName() for s in studio.more_colours.swatches)


def test_the_tools_colours_and_start_again_fit_a_small_screen(qtbot, open_studio):
    """In a studio only 480 px tall every tool, colour and Start again is in sight, 64 px up."""
    studio = open_studio(YOUNG_PERSON_LOOK)
    studio.resize(1240, 480)
    qtbot.waitUntil(lambda: studio._fitted is not None and studio._fitted[0] <= 72)
    QApplication.processEvents()
    w = studio.workspace
    for button in [*w.tool_buttons.values(), w.clear_button, *w.palette.swatches]:
        assert button.isVisible()
        corner = button.mapTo(studio, QPoint(button.width(), button.height()))
        assert studio.rect().contains(corner - QPoint(1, 1)), button.accessibleName()
        assert min(button.width(), button.height()) >= 64
