"""The footsteps trail across the top: one step per page, filled when something is on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QWidget

from ...domain.child_voice import PAGE_ORDER, PAGE_TEXT, Page
from ..theme import Look
from .cards import paint_picture


class FootStep(QAbstractButton):
    """One page on the trail: a picture in a circle; a tap goes to that page."""

    def __init__(self, page: Page, look: Look, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.look = look
        self.done = False
        self.current = False
        self.visited = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(QSize(64, 64))
        self.title = title
        self._name()

    def set_state(self, *, done: bool, current: bool, visited: bool) -> None:
        self.done, self.current, self.visited = done, current, visited
        self._name()
        self.update()

    def _name(self) -> str:
        state = "you are here" if self.current else ("done" if self.done else "not done yet")
        name = f"{self.title}, {state}"
        self.setAccessibleName(name)
        self.setToolTip(name)
        return name

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self.look
        circle = QRectF(6, 6, 52, 52)
        fill = QColor(look.chosen) if self.done else QColor(look.surface)
        if not self.done and not self.visited:
            fill = QColor("#f1ede6")
        p.setBrush(fill)
        pen = QPen(
            QColor(look.accent) if self.current else QColor("#cfc8bb"), 4 if self.current else 2
        )
        p.setPen(pen)
        p.drawEllipse(circle)
        if self.done:
            paint_picture(p, "icon-star-progress", circle.adjusted(10, 10, -10, -10))
        else:
            if not self.visited and not self.current:
                p.setOpacity(0.45)
            paint_picture(p, PAGE_TEXT[self.page].icon, circle.adjusted(12, 12, -12, -12))
            p.setOpacity(1.0)
        if self.hasFocus():
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(look.focus), 3))
            p.drawEllipse(QRectF(2, 2, 60, 60))
        p.end()


class ProgressTrail(QWidget):
    """Every page in order; stars where the child has put something."""

    pageChosen = Signal(object)  # Page

    def __init__(self, look: Look, titles: dict[Page, str], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.steps: list[FootStep] = []
        for page in PAGE_ORDER:
            step = FootStep(page, look, titles[page], self)
            step.clicked.connect(self._clicked)
            layout.addWidget(step)
            self.steps.append(step)
        self.setAccessibleName("My progress")

    def _clicked(self) -> None:
        step = self.sender()
        if isinstance(step, FootStep):
            self.pageChosen.emit(step.page)

    def show_progress(self, current: Page, done: set[Page], visited: set[Page]) -> None:
        for step in self.steps:
            step.set_state(
                done=step.page in done, current=step.page is current, visited=step.page in visited
            )

    def stars(self) -> int:
        return sum(1 for step in self.steps if step.done)
