"""Saving while the child draws, with no button and no waiting.

A short pause after the last change starts a save: the picture is copied (cheap: Qt shares
the pixels until the next stroke), then a worker thread encodes the PNG and writes the file.
Only the list entry is written back on the GUI thread, because the store is not thread-safe."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from ...storage.drawings import DrawingLibrary
from ...storage.safe_files import StorageWriteError
from ..background import Background
from .picture_ops import encode_png

IDLE_MS = 1500


class DrawingAutosave(QObject):
    saved = Signal(str)  # drawing id, after its picture and list entry are on disk
    failed = Signal(str)  # a kind message

    def __init__(
        self,
        library: DrawingLibrary,
        child_id: str,
        parent: QObject | None = None,
        *,
        timer: QTimer | None = None,
    ):
        """`timer` is the pause timer (tests pass their own and fire it instead of waiting)."""
        super().__init__(parent)
        self.library = library
        self.child_id = child_id
        self.drawing_id: str | None = None
        self.background_key = "plain"
        self._picture: QImage | None = None
        self._generation = 0  # bumps on every change
        self._saved_generation = 0
        self._saving: str | None = None  # the drawing being written on the worker thread
        self._background = Background(self, name="drawing-save")
        self._timer = timer or QTimer(self)
        if timer is None:
            self._timer.setInterval(IDLE_MS)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_soon)

    def follow(self, drawing_id: str | None, background_key: str, picture: QImage) -> None:
        """Now watching another drawing (None: a fresh one not yet in the list)."""
        self.flush()
        self.drawing_id = drawing_id
        self.background_key = background_key
        self._picture = picture
        self._generation = self._saved_generation = 0

    def changed(self, picture: QImage) -> None:
        """The picture changed: save it after a short pause in drawing."""
        self._picture = picture
        self._generation += 1
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._generation != self._saved_generation or self._saving is not None

    def save_soon(self) -> None:
        """Start a background save now (the idle timer calls this)."""
        if self._picture is None or self._generation == self._saved_generation:
            return
        if self._saving is not None:
            self._timer.start()  # one save at a time; try again after this one
            return
        self._start()

    def flush(self) -> None:
        """Finish any save under way and save what is not saved yet (before closing)."""
        self._timer.stop()
        self._background.wait()  # finishes any save under way, on this thread
        if self._picture is not None and self._generation != self._saved_generation:
            self._start()
            self._background.wait()

    def save_now(self) -> None:
        """Save at once, even a blank fresh drawing (so it can be given a name)."""
        if self.drawing_id is None and self._picture is not None:
            self._generation += 1
        self.flush()

    def shutdown(self) -> None:
        self.flush()
        self._background.shutdown()

    # -- inside ------------------------------------------------------------------------------

    def _ensure_drawing(self) -> str:
        if self.drawing_id is None:
            self.drawing_id = self.library.new_drawing(
                self.child_id, self.background_key
            ).drawing_id
        return self.drawing_id

    def _start(self) -> None:
        drawing_id = self._ensure_drawing()
        snapshot = self._picture.copy()  # type: ignore[union-attr]
        self._saved_generation = self._generation
        self._saving = drawing_id
        self._background.run(
            lambda: self._write(drawing_id, snapshot),
            on_done=lambda _nothing: self._conclude(drawing_id, None),
            on_failed=lambda error: self._conclude(drawing_id, error),
        )

    def _write(self, drawing_id: str, snapshot: QImage) -> None:
        # Worker thread: encode and write the file only; nothing here touches the store.
        self.library.save_png(self.child_id, drawing_id, encode_png(snapshot))

    def _conclude(self, drawing_id: str, error: BaseException | None) -> None:
        self._saving = None
        if error is None:
            try:
                self.library.record_saved(self.child_id, drawing_id)
            except StorageWriteError as problem:
                error = problem
        if error is not None:
            self._saved_generation = -1  # try again after the next pause
            message = getattr(error, "kind_message", None) or (
                "Your drawing could not be saved just now. It is still here; keep drawing "
                "and it will try again."
            )
            self.failed.emit(message)
            return
        self.saved.emit(drawing_id)
