"""Cards and certificates for every visit or panel in a date range, made in one go.

The store is read on the GUI thread (quick); the PDFs are made on a worker thread, so the
window stays responsive and the progress bar moves. Problems with single children are listed at
the end; the others are still made.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...documents.batch import (
    PRINTING_NOTE,
    BatchResult,
    ChildProblem,
    gather_batch,
    make_batch,
)
from ...domain.dates import DateProblem, format_short, parse_date
from ...storage.caseload import CaseloadStore
from ..background import Background
from ..messages import UserMessages
from ..widgets import plain_label
from .saved_files import note_unprotected_file

# folder_dialog(parent, starting folder) -> chosen folder, or "" when cancelled.
FolderDialog = Callable[[QWidget, str], str]
DEFAULT_DAYS_AHEAD = 28


def ask_folder(parent: QWidget, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, "Choose a folder for the PDFs", start)


class BatchProgress(QObject):
    """Progress from the worker thread; Qt carries each signal to the GUI thread."""

    progressed = Signal(int, int, str)


class BatchDialog(QDialog):
    """Toolbar: "Cards and certificates…" -> BatchDialog(store, today, messages, parent)."""

    finished_batch = Signal(object)  # BatchResult, once the run is over

    def __init__(
        self,
        store: CaseloadStore,
        today: dt.date,
        messages: UserMessages,
        parent: QWidget | None = None,
        folder_dialog: FolderDialog = ask_folder,
    ):
        super().__init__(parent)
        self.setWindowTitle("Cards and certificates")
        self.store = store
        self.today = today
        self.messages = messages
        self.folder_dialog = folder_dialog
        self.background = Background(self, name="batch")
        self.stop_requested = threading.Event()
        self.running = False
        self.result: BatchResult | None = None
        self.skipped: list[ChildProblem] = []
        self.progress_signals = BatchProgress(self)
        self.progress_signals.progressed.connect(self._progressed)
        self._build()

    def _build(self) -> None:
        today = self.today
        self.start = QLineEdit(format_short(today))
        self.end = QLineEdit(format_short(today + dt.timedelta(days=DEFAULT_DAYS_AHEAD)))
        self.folder = QLineEdit(str(Path.home() / "Lasting Home cards"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.combined = QCheckBox("Also make one combined PDF to print in one go")
        self.combined.setChecked(True)
        form = QFormLayout()
        form.addRow("Visits and panels from", self.start)
        form.addRow("to", self.end)
        form.addRow("Into the folder", folder_row)
        form.addRow("", self.combined)

        self.progress = QProgressBar()
        self.progress.setValue(0)
        self.status = plain_label("", "Subtle")
        self.problems = QListWidget()
        self.problems.setVisible(False)
        self.make_button = QPushButton("Make cards and certificates", objectName="Primary")
        self.make_button.clicked.connect(self.start_batch)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "Every child whose commitment visit or panel falls in these dates gets a card "
                f"and a certificate. {PRINTING_NOTE}",
                "Subtle",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self.resize(560, 420)

    def choose_folder(self) -> None:
        chosen = self.folder_dialog(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _dates(self) -> tuple[dt.date, dt.date] | None:
        try:
            start, end = parse_date(self.start.text()), parse_date(self.end.text())
        except DateProblem as problem:
            self.messages.tell("Please check the dates", str(problem), problem=True)
            return None
        if start is None or end is None:
            self.messages.tell("Please give both dates", "For example 01/12/2026 and 31/12/2026.")
            return None
        if end < start:
            self.messages.tell("Please check the dates", "The second date is before the first.")
            return None
        return start, end

    def start_batch(self) -> bool:
        """Gather the children and start making their PDFs; False if nothing was started."""
        dates = self._dates()
        if dates is None or self.running:
            return False
        if not self.folder.text().strip():
            self.messages.tell("Please choose a folder", "Choose where the PDFs should go.")
            return False
        sources, skipped = gather_batch(self.store, dates[0], dates[1], self.today)
        self.skipped = skipped
        if not sources and not skipped:
            self.messages.tell(
                "No visits or panels in those dates",
                "No child has a commitment visit or panel between those dates. Try a wider range.",
            )
            return False
        folder = Path(self.folder.text().strip()).expanduser()
        self.problems.clear()
        self.problems.setVisible(False)
        self.progress.setRange(0, max(1, len(sources)))
        self.progress.setValue(0)
        self.status.setText(f"Making PDFs for {len(sources):,} children…")
        self.make_button.setEnabled(False)
        self.running = True
        self.stop_requested.clear()
        combined, progressed = self.combined.isChecked(), self.progress_signals.progressed.emit

        def make() -> BatchResult:  # on the worker thread: files only, never the store
            try:
                return make_batch(sources, folder, combined, progressed, self.stop_requested.is_set)
            except OSError as error:  # the folder itself could not be made
                problem = ChildProblem("", "All", f"The folder could not be used ({error}).")
                return BatchResult(problems=[problem])

        self.background.run(make, on_done=self._done)
        return True

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.status.setText(f"Made {done:,} of {total:,}: {name}")

    def _done(self, result: BatchResult) -> None:
        self.running = False
        if result.children_done:  # only what was really made goes in the audit trail
            where = self.folder.text().strip()
            self.store.record_done(
                "exported", "", f"Cards and certificates for {result.children_done:,} to {where}"
            )
        result.problems = list(self.skipped) + result.problems
        self.result = result
        self.make_button.setEnabled(True)
        where = f" Saved in {self.folder.text().strip()}."
        combined = ""
        if result.combined:
            combined = (
                f" Combined file: {result.combined.name}, to print on both sides, flipping on "
                "the short edge."
            )
        self.status.setText(result.summary() + where + combined)
        for problem in result.problems:
            self.problems.addItem(f"{problem.name}: {problem.message}")
        self.problems.setVisible(bool(result.problems))
        self.finished_batch.emit(result)
        if result.files:
            note_unprotected_file(self.store, self.messages)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Let a running batch finish its current child, so no half-written file is left.
        if self.running:
            self.stop_requested.set()
            self.background.wait()
        super().closeEvent(event)
