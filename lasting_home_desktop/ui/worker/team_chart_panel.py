"""The tracker's "Team chart" tab: the chart of the children the filters show, with Print… and
Save as PDF… for a service meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...domain.child_status import ChildStatus
from ...domain.journey import JourneySettings
from ...domain.team_chart import TeamChart, team_chart
from ..widgets import plain_label
from .charts_view import TeamChartView
from .pdf_output import PdfOutput


class TeamChartPanel(QWidget):
    def __init__(
        self,
        output: PdfOutput,
        today: dt.date,
        settings: JourneySettings,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.output = output
        self.today = today
        self.settings = settings
        self.chart: TeamChart | None = None
        self.scope = ""
        self.view = TeamChartView()
        self.summary = plain_label(name="Subtle")
        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print the team chart for a service meeting")
        self.save_button = QPushButton("Save as PDF…")
        self.print_button.clicked.connect(self.print_chart)
        self.save_button.clicked.connect(self.save_chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_children(self, statuses: Sequence[ChildStatus], scope: str = "") -> None:
        """Chart these children (the tracker's filtered rows); `scope` names the filter."""
        self.chart = team_chart(statuses, self.today, self.settings)
        self.scope = scope
        self.view.set_chart(self.chart)
        self.summary.setText(self.chart.summary + (f" {scope}" if scope else ""))

    def pdf(self) -> bytes:
        from ...documents.charts import team_chart_pdf  # reportlab only when asked for

        assert self.chart is not None
        return team_chart_pdf(self.chart, self.scope)

    def print_chart(self) -> int:
        if self.chart is None:
            return 0
        return self.output.print(self, self.pdf(), self._title(), ())

    def save_chart(self) -> str:
        if self.chart is None:
            return ""
        name = f"Lasting Home team chart {self.today.isoformat()}.pdf"
        return self.output.save(self, self.pdf(), self._title(), (), name)

    def _title(self) -> str:
        assert self.chart is not None
        return f"Team chart ({len(self.chart.bars)} children)"
