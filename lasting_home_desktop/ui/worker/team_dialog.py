"""Records and safety → Team: make a team or join one, see its members and when each was last
seen, invite a laptop with a one-time code, remove one, and choose what to keep where two
laptops changed the same thing.

Folders are chosen through `choose_folder` and pop-ups run through `run_dialog`, so tests can
stand in for the person at the keyboard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.team_membership import Membership
from ...domain.team_status import last_seen
from ...storage.caseload import ChildNotFound
from ...storage.part_access import TEAM_CLASHES
from ...storage.team.identity import MEMBER, WAITING
from ...storage.team.setup import (
    TeamSetupProblem,
    create_team,
    find_team_folder_at,
    make_invite,
    remove_member,
)
from ...storage.team.setup import request_join as ask_to_join
from ..messages import UserMessages
from ..widgets import plain_label
from .team_runner import TeamRunner

EXPLAIN = (
    "A team shares its children through a folder the council's file sync carries between "
    "laptops (a OneDrive or SharePoint library, a network drive, Nextcloud, Syncthing). Each "
    "laptop keeps its own passphrase and works offline; everything in the folder is sealed."
)


def _choose_folder(parent: QWidget, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title)
    return Path(chosen) if chosen else None


class TeamDialog(QDialog):
    def __init__(
        self,
        runner: TeamRunner,
        messages: UserMessages,
        today: dt.date,
        parent: QWidget | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ):
        super().__init__(parent)
        self.setWindowTitle("Lasting Home: team")
        self.runner = runner
        self.messages = messages
        self.today = today
        self.clock = clock
        self.choose_folder: Callable[[QWidget, str], Path | None] = _choose_folder
        self.run_dialog: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec())
        self.headline = plain_label("", "Headline")
        self.status = plain_label("", "Subtle", selectable=True)
        self.pages = QStackedWidget()
        self.start_page = self._start_page()
        self.member_page = self._member_page()
        for page in (self.start_page, self.member_page):
            self.pages.addWidget(page)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)
        layout.addWidget(close)
        runner.finished.connect(self.refresh)
        self.resize(720, 560)
        self.refresh()

    @property
    def sync(self):  # noqa: ANN201 (the runner's TeamSync)
        return self.runner.sync

    # -- pages -----------------------------------------------------------------------------

    def _start_page(self) -> QWidget:
        page = QWidget()
        worker = self.runner.store.audit.worker
        self.team_name = QLineEdit(placeholderText="For example: Fylde Children's Team")
        self.create_folder = QLineEdit(placeholderText="An empty folder the team can reach")
        self.create_worker = QLineEdit(worker)
        make = QGroupBox("The Team Manager's laptop: make a team")
        form = QFormLayout(make)
        form.addRow("Team's name", self.team_name)
        form.addRow("Team folder", self._folder_row(self.create_folder))
        form.addRow("Your name", self.create_worker)
        self.create_button = QPushButton("Make the team")
        self.create_button.clicked.connect(self.create)
        form.addRow(self.create_button)
        self.join_folder = QLineEdit(placeholderText="The team's folder, as this laptop sees it")
        self.join_code = QLineEdit(placeholderText="ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
        self.join_code.setAccessibleName("Join code")
        self.join_worker = QLineEdit(worker)
        join = QGroupBox("Join a team with the code the Team Manager gave you")
        form = QFormLayout(join)
        form.addRow("Team folder", self._folder_row(self.join_folder))
        form.addRow("Join code", self.join_code)
        form.addRow("Your name", self.join_worker)
        self.join_button = QPushButton("Ask to join")
        self.join_button.clicked.connect(self.join)
        form.addRow(self.join_button)
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(EXPLAIN))
        layout.addWidget(make)
        layout.addWidget(join)
        layout.addStretch(1)
        return page

    def _folder_row(self, field: QLineEdit) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field, 1)
        browse = QPushButton("Choose…")
        browse.clicked.connect(lambda: self._browse(field))
        line.addWidget(browse)
        return row

    def _browse(self, field: QLineEdit) -> None:
        chosen = self.choose_folder(self, "Choose the team folder")
        if chosen is not None:
            field.setText(str(chosen))

    def _member_page(self) -> QWidget:
        page = QWidget()
        self.members = QTableWidget(0, 3)
        self.members.setHorizontalHeaderLabels(["Member", "Laptop", "Last seen here"])
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        self.invite_button = QPushButton("Invite a laptop…")
        self.invite_button.clicked.connect(self.invite)
        self.remove_button = QPushButton("Remove from the team…")
        self.remove_button.clicked.connect(self.remove)
        self.sync_button = QPushButton("Share and gather now")
        self.sync_button.clicked.connect(self.runner.sync_now)
        self.moved_button = QPushButton("The team folder has moved…")
        self.moved_button.setToolTip("Tell this laptop where it finds the team folder now")
        self.moved_button.clicked.connect(self.folder_moved)
        buttons = QHBoxLayout()
        for button in (
            self.invite_button,
            self.remove_button,
            self.sync_button,
            self.moved_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.clashes = QListWidget()
        self.clashes.setAccessibleName("Children changed on two laptops")
        self.choose_button = QPushButton("Choose what to keep…")
        self.choose_button.clicked.connect(self.choose)
        self.clashes.itemDoubleClicked.connect(lambda _item: self.choose())
        layout = QVBoxLayout(page)
        layout.addWidget(self.members, 2)
        layout.addLayout(buttons)
        self.clash_note = plain_label("", "Subtle")
        layout.addWidget(self.clash_note)
        layout.addWidget(self.clashes, 1)
        layout.addWidget(self.choose_button)
        return page

    # -- showing what is so now ----------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        identity = self.sync.identity
        self.status.setText(self.runner.status_text())
        self.status.setVisible(bool(self.status.text()))
        if identity is None or identity.state not in (MEMBER, WAITING):
            self.headline.setText("Working as a team")
            self.pages.setCurrentWidget(self.start_page)
            return
        self.pages.setCurrentWidget(self.member_page)
        self.headline.setText(identity.team_name or "Joining a team")
        self.status.setText(f"{self.status.text()}\nTeam folder: {identity.team_dir}".strip())
        self.status.setVisible(True)
        admin = identity.is_admin
        self.invite_button.setVisible(admin)
        self.remove_button.setVisible(admin)
        self._show_members()
        self._show_clashes()

    def _show_members(self) -> None:
        if not self.sync.cache.loaded or self.runner.running:
            return  # shown after the round that loads it
        files = self.sync.cache.files
        membership = Membership.from_entries(files.entries.values())
        current = membership.current()
        me = self.sync.identity.laptop
        self.members.setRowCount(len(current))
        for row, member in enumerate(current):
            seen = files.seen.get(member.laptop)
            when = dt.datetime.fromisoformat(seen) if seen else None
            label = member.label + (" (Team Manager)" if member.admin else "")
            cells = (
                label + (" – this laptop" if member.laptop == me else ""),
                member.laptop[:8],
                "now" if member.laptop == me else last_seen(when, self.clock()),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.laptop)
                self.members.setItem(row, column, item)

    def _show_clashes(self) -> None:
        self.clashes.clear()
        for child_id in sorted(self.runner.store.sections(TEAM_CLASHES)):
            try:
                child = self.runner.store.child(child_id)
            except ChildNotFound:
                continue
            item = QListWidgetItem(child.display_name)
            item.setData(Qt.ItemDataRole.UserRole, child_id)
            self.clashes.addItem(item)
        waiting = self.clashes.count()
        self.clash_note.setText(
            "Changed on two laptops: choose what to keep"
            if waiting
            else "Nothing changed on two laptops is waiting for a choice."
        )
        for widget in (self.clashes, self.choose_button):
            widget.setVisible(bool(waiting))
        if waiting:
            self.clashes.setCurrentRow(0)

    # -- doing ---------------------------------------------------------------------------------

    def create(self) -> bool:
        return self._set_up(
            "The team was not made",
            lambda: create_team(
                self.runner.store,
                Path(self.create_folder.text().strip()),
                self.team_name.text(),
                self.create_worker.text(),
                self.clock(),
            ),
            need=self.create_folder,
        )

    def join(self) -> bool:
        return self._set_up(
            "This laptop has not asked to join",
            lambda: ask_to_join(
                self.runner.store,
                Path(self.join_folder.text().strip()),
                self.join_code.text(),
                self.join_worker.text(),
                self.clock(),
            ),
            need=self.join_folder,
        )

    def _set_up(self, failed: str, action: Callable[[], object], need: QLineEdit) -> bool:
        if not need.text().strip():
            self.messages.tell(failed, "Please choose the team folder first.", problem=True)
            return False
        self.runner.wait()
        try:
            action()
        except TeamSetupProblem as problem:
            self.messages.tell(failed, problem.kind_message, problem=True)
            return False
        self.runner.reload()
        self.refresh()
        return True

    def invite(self) -> str | None:
        self.runner.wait()
        try:
            code = make_invite(self.sync, self.clock()).text
        except TeamSetupProblem as problem:
            self.messages.tell("No join code was made", problem.kind_message, problem=True)
            return None
        self.messages.tell(
            "A join code for one laptop",
            f"{code}\n\nShown only this once. Give it to the worker in person or by phone; "
            "they type it in Records and safety → Team on their laptop within 7 days. This "
            "laptop lets theirs in the next time it syncs.",
        )
        return code

    def folder_moved(self) -> bool:
        """The council's sync put the team folder somewhere new on this laptop."""
        chosen = self.choose_folder(self, "Where is the team folder now?")
        if chosen is None:
            return False
        self.runner.wait()
        try:
            identity = find_team_folder_at(self.sync, chosen)
        except TeamSetupProblem as problem:
            self.messages.tell("The folder was not changed", problem.kind_message, problem=True)
            return False
        self.messages.tell(
            "Team folder found",
            f"This laptop now finds the team folder at {identity.team_dir}. Nothing was lost: "
            "what waited to be shared goes now.",
        )
        self.runner.sync_now()
        self.refresh()
        return True

    def remove(self) -> bool:
        row = self.members.currentRow()
        item = self.members.item(row, 0) if row >= 0 else None
        if item is None:
            self.messages.tell("Choose a member first", "Choose the laptop to remove in the list.")
            return False
        laptop = item.data(Qt.ItemDataRole.UserRole)
        name = item.text()
        if not self.messages.ask(
            f"Remove {name} from the team?",
            "Their laptop gets nothing more from the team: a new team key is made for everyone "
            "else. What it shared until now stays. Anything it shares after this is ignored.",
            yes="Remove",
        ):
            return False
        self.runner.wait()
        try:
            remove_member(self.sync, laptop, self.clock())
        except TeamSetupProblem as problem:
            self.messages.tell("Nobody was removed", problem.kind_message, problem=True)
            return False
        self.runner.sync_now()
        self.refresh()
        return True

    def choose(self) -> bool:
        from .team_clash_dialog import TeamClashDialog

        item = self.clashes.currentItem()
        if item is None:
            return False
        dialog = TeamClashDialog(
            self.runner, str(item.data(Qt.ItemDataRole.UserRole)), self.today, self.messages, self
        )
        self.last_dialog = dialog
        if not self.run_dialog(dialog) or not dialog.save():
            return False
        self.runner.sync_now()
        self.refresh()
        return True
