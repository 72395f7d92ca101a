"""The child's journey as a timeline at the top of their page, with Print… and Save as PDF…
for a service meeting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain.child import ChildRecord
from ...domain.journey import JourneySettings
from ...domain.timeline import Timeline, journey_timeline
from .charts_view import TimelineChart
from .pdf_output import PdfOutput


class TimelineBox(QGroupBox):
    def __init__(
        self,
        child: ChildRecord,
        today: dt.date,
        settings: JourneySettings,
        output: PdfOutput,
        parent: QWidget | None = None,
    ):
        super().__init__("The journey so far", parent)
        self.child_id = child.id
        self.output = output
        self.timeline: Timeline = journey_timeline(child, today, settings)
        self.chart = TimelineChart()
        self.chart.set_timeline(self.timeline)
        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print the timeline for a service meeting")
        self.save_button = QPushButton("Save as PDF…")
        self.print_button.clicked.connect(self.print_timeline)
        self.save_button.clicked.connect(self.save_timeline)
        for button in (self.print_button, self.save_button):
            button.setEnabled(not self.timeline.is_empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addLayout(buttons)

    def pdf(self) -> bytes:
        from ...documents.charts import timeline_pdf  # reportlab only when asked for

        return timeline_pdf(self.timeline)

    def print_timeline(self) -> int:
        return self.output.print(self, self.pdf(), "Journey timeline", (self.child_id,))

    def save_timeline(self) -> str:
        from ...documents.filenames import safe_file_name

        name = f"{self.timeline.child_name} - journey timeline"
        suggested = safe_file_name(name, fallback="timeline", ext="pdf")
        return self.output.save(self, self.pdf(), "Journey timeline", (self.child_id,), suggested)
