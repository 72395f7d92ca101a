"""Work that can wait until a screen has been painted, so what the user sees first is not held
up by it (start-up: the unlock screen, then the caseload)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls `then` once, `delay_ms` after `widget` has first been painted (0: as soon as the
    event loop is free again), or `latest_ms` after now if that comes first: for work that
    must happen even if the widget is never painted. It belongs to the widget, so it goes
    with it."""

    def __init__(
        self,
        widget: QWidget,
        then: Callable[[], None],
        delay_ms: int = 0,
        latest_ms: int | None = None,
    ):
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)
        widget.installEventFilter(self)
        if latest_ms is not None:
            QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)  # the first paint is enough
            self._timer.start()
        return False

    def cancel(self) -> None:
        self._widget.removeEventFilter(self)
        self._timer.stop()
        self._then = None

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()
