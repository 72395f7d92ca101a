"""Pictures for people who would rather look than read, drawn with QPainter from the domain's
models: a child's journey as a timeline, and the team chart (days from matching meeting to
visit for every child this year, and how many wait at each stage)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.plain_words import days
from ...domain.team_chart import BarTone, ChildBar, TeamChart
from ...domain.timeline import Timeline, label_levels

INK, MUTED, RULE = QColor("#1c2430"), QColor("#55606b"), QColor("#c9d1d8")
GOOD, FLAG, TARGET, STEP = (
    QColor("#1d6b46"),
    QColor("#b3261e"),
    QColor("#c77700"),
    QColor("#1f6f8b"),
)
PALE_GOOD, PALE_FLAG = QColor("#c9dbe4"), QColor("#f1c4bf")


# (fill, edge) for each tone: green within the target, red over it; pale while waiting.
BAR_COLOURS = {
    BarTone.WITHIN: (GOOD, GOOD),
    BarTone.OVER: (FLAG, FLAG),
    BarTone.WAITING: (PALE_GOOD, QColor("#8aa4b3")),
    BarTone.WAITING_OVER: (PALE_FLAG, FLAG),
}


class TimelineChart(QWidget):
    """The child's steps on a line with the days between them; below, each target window as a
    band, green when met and red when late, with its verdict in words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("The journey as a timeline")

    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.setAccessibleDescription(timeline.summary)
        self.setToolTip(timeline.summary)
        self.updateGeometry()
        self.update()

    LEVEL = 34.0  # labels stand above the line on as many levels as close dates need

    @property
    def AXIS(self) -> float:  # noqa: N802 (where the line is: below the levels of labels)
        return 16 + self.LEVEL * (max(self._levels(), default=0) + 1)

    def _levels(self) -> list[int]:
        if self.timeline is None or self.timeline.is_empty:
            return []
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        bold = QFont(small)
        bold.setBold(True)
        plain, strong = QFontMetricsF(small), QFontMetricsF(bold)
        spans = []
        for step in self.timeline.steps:
            half = (
                max(
                    strong.horizontalAdvance(step.label),
                    plain.horizontalAdvance("00/00/0000 (planned)"),
                )
                / 2
            )
            spans.append((self._x(step.day) - half, self._x(step.day) + half))
        return label_levels(spans)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        windows = len(self.timeline.windows) if self.timeline else 0
        return QSize(520, int(self.AXIS) + 44 + 34 * windows)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self.updateGeometry()  # a narrower chart may need another level of labels

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def _x(self, day: dt.date) -> float:
        assert self.timeline is not None
        first, last = self.timeline.first_day, self.timeline.last_day
        span = max(1, (last - first).days)
        return 70 + (self.width() - 140) * (day - first).days / span

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        line = self.timeline
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if line is None or line.is_empty:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, line.summary if line else ""
            )
            return
        axis = self.AXIS
        painter.setPen(QPen(RULE, 3))
        painter.drawLine(QPointF(30, axis), QPointF(self.width() - 30, axis))
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        painter.setFont(small)
        self._today(painter, axis)
        painter.setPen(MUTED)
        for gap in line.gaps:
            left, right = self._x(gap.after.day), self._x(gap.before.day)
            if right - left > 44:
                box = QRectF(left, axis + 6, right - left, 16)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, days(gap.days))
        for level, step in zip(self._levels(), line.steps, strict=True):
            self._step(painter, step, level, axis, small)
        self._windows(painter, axis + 34, small)

    def _today(self, painter: QPainter, axis: float) -> None:
        assert self.timeline is not None
        x = self._x(self.timeline.today)
        painter.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, axis - 12), QPointF(x, self.height() - 18))
        painter.drawText(
            QRectF(x - 40, self.height() - 18, 80, 16), Qt.AlignmentFlag.AlignCenter, "Today"
        )

    def _step(self, painter: QPainter, step, level: int, axis: float, small: QFont) -> None:  # type: ignore[no-untyped-def]
        x = self._x(step.day)
        top = axis - 16 - self.LEVEL * (level + 1) + 2
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(QPointF(x, top + 32), QPointF(x, axis))
        painter.setPen(QPen(INK, 1.5))
        painter.setBrush(QColor("white") if step.planned else STEP)
        painter.drawEllipse(QPointF(x, axis), 6, 6)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(QRectF(x - 110, top, 220, 16), Qt.AlignmentFlag.AlignCenter, step.label)
        painter.setFont(small)
        painter.setPen(MUTED)
        when = step.day.strftime("%d/%m/%Y") + (" (planned)" if step.planned else "")
        painter.drawText(QRectF(x - 90, top + 15, 180, 16), Qt.AlignmentFlag.AlignCenter, when)

    def _windows(self, painter: QPainter, top: float, small: QFont) -> None:
        assert self.timeline is not None
        painter.setFont(small)
        for number, window in enumerate(self.timeline.windows):
            y = top + number * 34
            left, right = self._x(window.start), self._x(window.due)
            colour = FLAG if window.late(self.timeline.today) else GOOD
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40))
            painter.drawRect(QRectF(left, y, max(3.0, right - left), 10))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            text = f"{window.label}: {window.verdict(self.timeline.today)}"
            painter.drawText(QRectF(left, y + 11, 420, 16), Qt.AlignmentFlag.AlignLeft, text)


class TeamChartView(QWidget):
    """One bar per child (days from matching meeting to visit or to today), the two target
    lines, then a bar per stage with how many children wait there."""

    ROW = 20
    NAME_WIDTH = 210

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: TeamChart | None = None
        self.setAccessibleName("Team chart")

    def set_chart(self, chart: TeamChart) -> None:
        self.chart = chart
        self.setAccessibleDescription(chart.summary)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        if self.chart is None:
            return QSize(600, 200)
        rows = max(1, len(self.chart.bars)) + max(1, len(self.chart.stages))
        return QSize(700, 110 + rows * self.ROW)

    def _x(self, value: int) -> float:
        assert self.chart is not None
        return self.NAME_WIDTH + (self.width() - self.NAME_WIDTH - 110) * value / self.chart.longest

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        chart = self.chart
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if chart is None:
            return
        top = 26.0
        for number, bar in enumerate(chart.bars):
            self._bar(painter, bar, top + number * self.ROW)
        bottom = top + max(1, len(chart.bars)) * self.ROW
        if not chart.bars:
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, top, self.width(), self.ROW), chart.summary)
        for target, label, style in (
            (chart.decision_target, "Decision due", Qt.PenStyle.DashLine),
            (chart.visit_target, "Visit target", Qt.PenStyle.SolidLine),
        ):
            x = self._x(target)
            painter.setPen(QPen(TARGET, 1.5, style))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            painter.drawText(
                QRectF(x - 90, 2, 180, 18), Qt.AlignmentFlag.AlignCenter, f"{label}: {days(target)}"
            )
        self._stages(painter, bottom + 34)

    def _bar(self, painter: QPainter, bar: ChildBar, y: float) -> None:
        assert self.chart is not None
        painter.setPen(INK)
        name = self.fontMetrics().elidedText(
            bar.name, Qt.TextElideMode.ElideRight, self.NAME_WIDTH - 12
        )
        painter.drawText(
            QRectF(0, y, self.NAME_WIDTH - 8, self.ROW), Qt.AlignmentFlag.AlignVCenter, name
        )
        fill, edge = BAR_COLOURS[bar.tone(self.chart.visit_target)]
        painter.setPen(QPen(edge, 1))
        painter.setBrush(fill)
        end = self._x(bar.days)
        painter.drawRect(
            QRectF(self.NAME_WIDTH, y + 3, max(2.0, end - self.NAME_WIDTH), self.ROW - 6)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(INK)
        text = days(bar.days) + ("" if bar.reached else " so far")
        painter.drawText(QRectF(end + 6, y, 110, self.ROW), Qt.AlignmentFlag.AlignVCenter, text)

    def _stages(self, painter: QPainter, top: float) -> None:
        assert self.chart is not None
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(QRectF(0, top - 26, 400, 20), "Children waiting at each stage")
        painter.setFont(self.font())
        most = max([1, *(stage.count for stage in self.chart.stages)])
        left = 330.0
        span = self.width() - left - 60
        for number, stage in enumerate(self.chart.stages):
            y = top + number * self.ROW
            painter.setPen(INK)
            painter.drawText(
                QRectF(0, y, left - 8, self.ROW), Qt.AlignmentFlag.AlignVCenter, stage.label
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STEP)
            painter.drawRect(QRectF(left, y + 3, span * stage.count / most, self.ROW - 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(INK)
            painter.drawText(
                QRectF(left + span * stage.count / most + 6, y, 50, self.ROW),
                Qt.AlignmentFlag.AlignVCenter,
                str(stage.count),
            )
