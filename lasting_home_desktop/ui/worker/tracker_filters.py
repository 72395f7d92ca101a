"""The tracker's filter bar: search, stage, social worker, Team Manager, route, home type and
"needs attention only", read as one domain `CaseloadFilter`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from ...domain.caseload_filter import CaseloadFilter, people_to_choose
from ...domain.child import HomeType
from ...domain.child_status import ChildStatus
from ...domain.journey import DecisionRoute, Stage


def _choices(accessible: str, anyone: str, width: int = 12) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible)
    box.setToolTip(accessible)
    box.addItem(anyone, None)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(width)
    return box


class TrackerFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search name or person ID")
        self.search.setAccessibleName("Search children by name or person ID")
        self.search.setClearButtonEnabled(True)
        self.stage = _choices("Show children at this stage", "All stages", 14)
        for stage in Stage:
            self.stage.addItem(stage.label(), stage)
        self.social_worker = _choices("Show this social worker's children", "All social workers")
        self.team_manager = _choices("Show this Team Manager's children", "All Team Managers")
        self.route = _choices("Show children on this route", "Both routes", 10)
        for route in DecisionRoute:
            self.route.addItem(route.label, route)
        self.home_type = _choices("Show children in this kind of home", "All homes", 10)
        for home in HomeType:
            self.home_type.addItem(home.label, home)
        self.needs_attention = QCheckBox("Needs attention only")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 2)
        for box in (self.stage, self.social_worker, self.team_manager, self.route, self.home_type):
            row.addWidget(box, 1)
            box.currentIndexChanged.connect(self._changed)
        row.addWidget(self.needs_attention)
        self.search.textChanged.connect(self._changed)
        self.needs_attention.toggled.connect(self._changed)

    def _changed(self, *_ignored: object) -> None:
        self.changed.emit()

    def offer_people(self, statuses: Sequence[ChildStatus]) -> None:
        """Fill the two people lists from the names on these children, keeping the choice."""
        for box, role in (
            (self.social_worker, "social_worker"),
            (self.team_manager, "team_manager"),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for name in people_to_choose(statuses, role):
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
            box.blockSignals(False)

    def current(self) -> CaseloadFilter:
        return CaseloadFilter(
            text=self.search.text(),
            stage=self.stage.currentData(),
            social_worker=self.social_worker.currentData() or "",
            team_manager=self.team_manager.currentData() or "",
            route=self.route.currentData(),
            home_type=self.home_type.currentData(),
            needs_attention=self.needs_attention.isChecked(),
        )

    def choose(self, box: QComboBox, data: object) -> None:
        """Pick an entry by what it stands for (for tests and the team chart's links)."""
        box.setCurrentIndex(max(0, box.findData(data)))
