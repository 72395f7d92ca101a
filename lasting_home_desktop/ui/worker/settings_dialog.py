"""Settings a Team Manager may change: when a child counts as waiting too long for a visit."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ...storage.caseload import CaseloadSettings
from ..screen_fit import fit_to_text


class SettingsDialog(QDialog):
    def __init__(self, settings: CaseloadSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.avoid_delay = QSpinBox()
        self.avoid_delay.setRange(1, 365)
        self.avoid_delay.setSuffix(" days")
        self.avoid_delay.setValue(settings.avoid_delay_days)
        self.avoid_delay.setAccessibleName(
            "Days after the decision before 'avoid delay' is flagged"
        )
        hint = QLabel(
            "A child whose home has been agreed is flagged 'avoid delay' when no commitment "
            "visit has been booked within this many days of the decision."
        )
        hint.setWordWrap(True)
        hint.setObjectName("Subtle")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Flag 'avoid delay' after", self.avoid_delay)
        form.addRow(hint)
        form.addRow(buttons)
        fit_to_text(self, 440)  # the explanation wraps and shows whole

    def chosen(self) -> CaseloadSettings:
        return CaseloadSettings(avoid_delay_days=self.avoid_delay.value())
