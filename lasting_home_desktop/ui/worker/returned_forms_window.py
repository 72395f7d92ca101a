"""The worker's "Receive a returned form…" window: drop the PDFs that came back by email (or
choose them), and each is filed against its own child and part, with a line saying what
happened. The worker never chooses the child: the form knows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.caseload import CaseloadStore
from ..clash_chooser import ClashChooser
from ..widgets import plain_label
from .form_receiving import Receipt, receive_form

FileChooser = Callable[[QWidget], list[Path]]
MOST_FILES_AT_ONCE = 50


def choose_returned_forms(parent: QWidget) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        parent, "Choose the returned forms", "", "Returned forms (*.pdf *.PDF)"
    )
    return [Path(name) for name in names]


class ReturnedFormsWindow(QDialog):
    """Drop or choose returned forms; `receipts` lists what happened to each."""

    def __init__(
        self,
        store: CaseloadStore,
        today: dt.date,
        clashes: ClashChooser | None = None,
        choose_files: FileChooser = choose_returned_forms,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.today = store, today
        self.clashes = clashes or ClashChooser(self)
        self.choose_files = choose_files
        self.receipts: list[Receipt] = []
        self.setWindowTitle("Lasting Home: receive returned forms")
        self.setAcceptDrops(True)
        self.drop_area = plain_label(
            "Drop returned forms here\n\nThe PDFs partners and foster carers sent back by "
            "email: save them from the email, then drag them here, or choose them. Each is "
            "filed against its own child and part, by itself.",
            centred=True,
        )
        self.drop_area.setObjectName("DropArea")
        self.drop_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_area.setMinimumHeight(150)
        self.drop_area.setStyleSheet(
            "#DropArea { border: 2px dashed #7f95ab; border-radius: 10px; padding: 16px; }"
        )
        self.choose_button = QPushButton("Choose files…", objectName="Primary")
        self.choose_button.clicked.connect(self.choose)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.results.setSpacing(6)  # one file's lines apart from the next
        self.results.setAccessibleName("What happened to each form")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(plain_label("Receive returned forms", "Headline"))
        box.addWidget(self.drop_area)
        box.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(plain_label("What happened", "Subtle"))
        box.addWidget(self.results, 1)
        box.addWidget(buttons)
        self.resize(640, 520)

    # -- files in --------------------------------------------------------------------------------

    def choose(self) -> None:
        self.receive(self.choose_files(self))

    def receive(self, paths: list[Path]) -> list[Receipt]:
        """File each form in turn; one that cannot be filed never stops the others."""
        done = []
        for path in paths[:MOST_FILES_AT_ONCE]:
            receipt = receive_form(self.store, path, self.today, self.clashes)
            done.append(receipt)
            self._show(receipt)
        if len(paths) > MOST_FILES_AT_ONCE:
            self._show(
                Receipt(
                    False,
                    f"Not read: {len(paths) - MOST_FILES_AT_ONCE} more files",
                    f"Please drop at most {MOST_FILES_AT_ONCE} forms at a time.",
                )
            )
        self.receipts += done
        return done

    def _show(self, receipt: Receipt) -> None:
        item = QListWidgetItem(f"{receipt.headline}\n{receipt.detail}")
        item.setData(Qt.ItemDataRole.UserRole, receipt.child_id)
        self.results.insertItem(0, item)  # the newest first
        self.results.scrollToTop()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        if _local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = _local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.receive(paths)


def _local_files(event) -> list[Path]:  # noqa: ANN001 (any drag or drop event)
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
