"""The audit trail for the Team Manager: who did what, to which record, when; whether the
chain of entries is whole; and an export to a CSV spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...storage.audit import AuditTrail
from ...storage.safe_files import StorageWriteError, atomic_write
from ..messages import UserMessages

ChooseFile = Callable[[QWidget], "Path | None"]
COLUMNS = ("When", "Worker", "What", "Child", "Detail")


def _choose_csv(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the audit trail", "audit-trail.csv", "CSV spreadsheet (*.csv)"
    )
    return Path(name) if name else None


class AuditView(QDialog):
    """`child_name(child_id)` gives the name to show for a child still in the caseload (an
    empty string for a deleted one, which shows as its id only)."""

    def __init__(
        self,
        trail: AuditTrail,
        messages: UserMessages,
        child_name: Callable[[str], str],
        choose_file: ChooseFile = _choose_csv,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.trail = trail
        self.messages = messages
        self._child_name = child_name
        self._choose_file = choose_file
        self.setWindowTitle("Audit trail")
        self.resize(980, 560)
        headline = QLabel("Audit trail: who did what, and when", objectName="Headline")
        intro = QLabel(
            "Every time a child's record is opened, exported, printed, handed over, deleted or "
            "restored it is written here. Each entry is linked to the one before, so a changed "
            "or removed entry is noticed."
        )
        intro.setWordWrap(True)
        intro.setObjectName("Subtle")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton("Export as CSV…", objectName="Primary")
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        for widget in (headline, intro, self.status, self.table):
            box.addWidget(widget)
        box.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = list(reversed(self.trail.entries()))  # newest first
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            name = self._child_name(entry.child_id) if entry.child_id else ""
            child = f"{name} ({entry.child_id})" if name else entry.child_id
            cells = (
                entry.when.strftime("%d/%m/%Y %H:%M"),
                entry.worker,
                entry.action_text,
                child,
                entry.detail,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        problems = self.trail.verify()
        if problems:
            self.status.setObjectName("Flag")
            self.status.setText(
                "The audit trail has been tampered with or damaged: " + " ".join(problems[:3])
            )
        else:
            self.status.setObjectName("Stage")
            self.status.setText(f"The chain of {len(entries):,} entries is whole.")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def export_csv(self) -> None:
        target = self._choose_file(self)
        if target is None:
            return
        try:
            atomic_write(target, ("\ufeff" + self.trail.csv_text()).encode("utf-8"))
        except StorageWriteError as error:
            self.messages.tell("The audit trail was not saved", error.kind_message, problem=True)
            return
        self.trail.record("audit-exported", "", target.name)
        self.refresh()
        self.messages.tell(
            "Audit trail saved",
            f"Saved to {target}. This file is not protected by the passphrase: keep it on a "
            "council drive, not on a memory stick.",
        )
