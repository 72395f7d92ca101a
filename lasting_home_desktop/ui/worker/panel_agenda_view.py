"""The Panel Administrator's year: one agenda per panel date, listing the children booked, their
slot and whether their papers are in; the agenda and the papers pack printed from here.

It opens on the next panel whose agenda still needs confirming, so printing next month's
agenda and papers is one click on the toolbar and one on "Print agenda and papers…".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...documents.panel_papers import agenda_pdf, papers_pack_pdf
from ...domain.dates import format_long
from ...domain.panel_agenda import PanelAgenda, agenda_to_open
from ...storage.adults import AdultRecords
from ...storage.caseload import CaseloadStore
from ...storage.panel_papers import confirm_agenda, panel_agendas
from ...storage.safe_files import StorageWriteError
from ..messages import UserMessages
from ..widgets import plain_label
from .panel_dates_editor import PanelDatesEditor
from .pdf_output import PdfOutput
from .pdf_preview import PdfPreviewPanel

COLUMNS = ("", "Slot", "Child", "Taking part", "Minutes", "Carers' letter", "Partners")
MISSING = QBrush(QColor("#fdf0ec"))
DatesEditorOpener = Callable[[PanelDatesEditor], int]


class PanelAgendaView(QWidget):
    childOpened = Signal(str)

    def __init__(
        self,
        store: CaseloadStore,
        today: dt.date,
        messages: UserMessages,
        output: PdfOutput,
        open_dates_editor: DatesEditorOpener | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.messages = messages
        self.output = output
        self.open_dates_editor = open_dates_editor or (lambda dialog: dialog.exec())
        self.agendas: list[PanelAgenda] = []

        self.panel_date = QComboBox()
        self.panel_date.setAccessibleName("Panel date")
        self.panel_date.currentIndexChanged.connect(self._show_chosen)
        self.dates_button = QPushButton("Panel dates…")
        self.dates_button.setToolTip("The panel dates for the year (bank holidays are skipped)")
        self.dates_button.clicked.connect(self.edit_dates)
        self.facts = plain_label(name="Subtle")
        self.table = self._make_table()

        self.print_all = QPushButton("Print agenda and papers…", objectName="Primary")
        self.print_all.setToolTip("The agenda, then each child's papers in agenda order")
        self.print_agenda = QPushButton("Print agenda…")
        self.save_pack = QPushButton("Save papers pack as PDF…")
        self.confirm = QPushButton("Mark agenda confirmed and papers sent")
        self.print_all.clicked.connect(self.print_pack)
        self.print_agenda.clicked.connect(self.print_agenda_only)
        self.save_pack.clicked.connect(self.save_pack_pdf)
        self.confirm.clicked.connect(self.confirm_agenda)
        self.preview = PdfPreviewPanel()
        self._lay_out()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setAccessibleName("Children on this panel's agenda")
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.cellDoubleClicked.connect(self._open_child)
        return table

    def _lay_out(self) -> None:
        chooser = QHBoxLayout()
        chooser.addWidget(plain_label("Panel", wrap=False))
        chooser.addWidget(self.panel_date, 1)
        chooser.addWidget(self.dates_button)
        actions = QHBoxLayout()
        for button in (self.print_all, self.print_agenda, self.save_pack):
            actions.addWidget(button)
        actions.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(chooser)
        column.addWidget(self.facts)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignLeft)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(plain_label("Lasting Home Panel agendas", "Headline"))
        layout.addWidget(split, 1)

    # -- showing -------------------------------------------------------------------------------

    def reload(self, keep: dt.date | None = None) -> None:
        """Read every agenda again; show `keep` (or the one to work on next)."""
        self.agendas = panel_agendas(self.store)
        wanted = keep or agenda_to_open(self.agendas, self.today)
        self.panel_date.blockSignals(True)
        self.panel_date.clear()
        for agenda in self.agendas:
            count = len(agenda.entries)
            who = f"{count} {'child' if count == 1 else 'children'}" if count else "no children"
            text = f"{agenda.panel_date.strftime('%A')} {format_long(agenda.panel_date)} ({who})"
            self.panel_date.addItem(text, agenda.panel_date.isoformat())
        if wanted is not None:
            self.panel_date.setCurrentIndex(max(0, self.panel_date.findData(wanted.isoformat())))
        self.panel_date.blockSignals(False)
        self._show_chosen()

    def chosen(self) -> PanelAgenda | None:
        value = self.panel_date.currentData()
        return next((a for a in self.agendas if a.panel_date.isoformat() == value), None)

    def _show_chosen(self) -> None:
        agenda = self.chosen()
        has_children = agenda is not None and bool(agenda.entries)
        for button in (self.print_all, self.print_agenda, self.save_pack, self.confirm):
            button.setEnabled(has_children)
        self.table.setRowCount(0)
        if agenda is None:
            self.facts.setText(
                "There are no panel dates yet. Use 'Panel dates…' to add the year's dates."
            )
            self.preview.viewer.clear()
            return
        self.facts.setText(self._facts_text(agenda))
        for number, entry in enumerate(agenda.entries, start=1):
            papers = entry.papers
            cells = (
                str(number),
                entry.slot_text,
                entry.child.display_name,
                entry.how_taking_part,
                "In" if papers.minutes_complete else "Not yet",
                papers.letter_text,
                papers.partners_text,
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.child.id)
                missing = (
                    (column == 4 and not papers.minutes_complete)
                    or (column == 5 and not papers.letter_in)
                    or (column == 6 and not papers.partner_answers)
                )
                if missing:
                    item.setBackground(MISSING)
                if column == 1 and entry.slot_problem:
                    item.setToolTip(entry.slot_problem)
                    item.setBackground(MISSING)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        pages = self.preview.viewer.show_pdf(agenda_pdf(agenda, self.today))
        self.preview.status.setText(
            f"The agenda as it prints: {pages} {'page' if pages == 1 else 'pages'}."
        )

    def _facts_text(self, agenda: PanelAgenda) -> str:
        confirm_by = agenda.confirm_by
        when = f"{confirm_by.strftime('%A')} {format_long(confirm_by)}"
        if not agenda.entries:
            return f"No children booked yet. The agenda is confirmed by {when}."
        state = "Confirmed and papers sent." if agenda.confirmed else f"To confirm by {when}."
        if not agenda.confirmed and confirm_by < self.today <= agenda.panel_date:
            state = f"The agenda was due by {when}: please confirm it."
        papers = f"Papers complete for {agenda.papers_in} of {len(agenda.entries)}."
        return f"{state} {papers} Double-click a child to open their page."

    # -- actions -------------------------------------------------------------------------------

    def edit_dates(self) -> None:
        keep = self.chosen()
        editor = PanelDatesEditor(AdultRecords(self.store), self.today, self.messages, self)
        if self.open_dates_editor(editor) == QDialog.DialogCode.Accepted:
            self.reload(keep.panel_date if keep else None)

    def _names(self, agenda: PanelAgenda) -> list[str]:
        return [entry.child.id for entry in agenda.entries]

    def print_pack(self) -> int:
        agenda = self.chosen()
        if agenda is None or not agenda.entries:
            return 0
        data = self._pack(agenda)
        if data is None:
            return 0
        title = f"Panel papers pack, {format_long(agenda.panel_date)}"
        return self.output.print(self, data, title, self._names(agenda))

    def print_agenda_only(self) -> int:
        agenda = self.chosen()
        if agenda is None:
            return 0
        title = f"Panel agenda, {format_long(agenda.panel_date)}"
        return self.output.print(self, agenda_pdf(agenda, self.today), title, self._names(agenda))

    def save_pack_pdf(self) -> str:
        agenda = self.chosen()
        if agenda is None or not agenda.entries:
            return ""
        data = self._pack(agenda)
        if data is None:
            return ""
        title = f"Panel papers pack, {format_long(agenda.panel_date)}"
        name = f"Lasting Home Panel papers {agenda.panel_date.isoformat()}.pdf"
        return self.output.save(self, data, title, self._names(agenda), name)

    def _pack(self, agenda: PanelAgenda) -> bytes | None:
        try:
            return papers_pack_pdf(self.store, agenda, self.today)
        except Exception as error:  # a damaged record must never close the app
            self.messages.tell(
                "The papers pack could not be made",
                f"Something in a child's record could not be used ({type(error).__name__}). "
                "Nothing has been changed; please check the records and try again.",
                problem=True,
            )
            return None

    def confirm_agenda(self) -> int:
        agenda = self.chosen()
        if agenda is None:
            return 0
        try:
            changed = confirm_agenda(self.store, agenda)
        except StorageWriteError as error:
            self.messages.tell("The agenda was not confirmed", error.kind_message, problem=True)
            return 0
        self.reload(agenda.panel_date)
        return changed

    def _open_child(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.childOpened.emit(str(item.data(Qt.ItemDataRole.UserRole)))
