"""Two laptops changed the same thing in a child's record: every value side by side, with who
wrote it and when, and the worker chooses. Nothing is lost until they do, and once they do the
choice travels to every laptop."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import RecordProblem
from ...domain.dates import format_long
from ...domain.parts import field_label, part_title
from ...domain.team_merge import value_at
from ...domain.team_records import clash_from_json
from ...storage.part_access import TEAM_CLASHES
from ...storage.safe_files import StorageWriteError
from ...storage.team.choosing import choose
from ..clash_chooser import describe_value
from ..messages import UserMessages
from ..widgets import plain_label
from .team_runner import TeamRunner


class TeamClashDialog(QDialog):
    def __init__(
        self,
        runner: TeamRunner,
        child_id: str,
        today: dt.date,
        messages: UserMessages,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.runner = runner
        self.child_id = child_id
        self.today = today
        self.messages = messages
        store = runner.store
        self.setWindowTitle("Lasting Home: choose what to keep")
        name = store.child(child_id).display_name
        summary = (store.section(TEAM_CLASHES, child_id) or {}).get("parts", {})
        self._stored = {part: store.part(child_id, part).data for part in summary}
        self.rows: list[tuple[str, str, QButtonGroup, list[Any]]] = []
        body = QWidget()
        column = QVBoxLayout(body)
        for part in sorted(summary):
            for raw in summary[part]:
                column.addWidget(self._row(part, raw))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.keep = buttons.addButton("Keep these", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep.setObjectName("Primary")
        self.keep.setEnabled(False)
        buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"{name}: changed on two laptops", "Headline"))
        layout.addWidget(
            plain_label(
                "Each of these was changed differently on two laptops before either saw the "
                "other's change. Both are kept until you choose; your choice goes to every "
                "laptop in the team.",
                "Subtle",
            )
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _row(self, part: str, raw: dict[str, Any]) -> QGroupBox:
        clash = clash_from_json(raw)
        box = QGroupBox(f"{part_title(part)}: {field_label(clash.path)}")
        column = QVBoxLayout(box)
        group = QButtonGroup(box)
        values = []
        shown = value_at(self._stored.get(part), clash.path)
        for index, option in enumerate(clash.options):
            now = " (shown now)" if option.value == shown else ""
            who = f"{option.by or 'A laptop'}{_when(option.wall)}{now}"
            caption = f"{who}:\n{describe_value(option.value)}"
            choice = QRadioButton(caption)
            choice.setAccessibleName(caption.replace("\n", " "))
            choice.setStyleSheet("QRadioButton { padding: 6px; }")
            group.addButton(choice, index)
            column.addWidget(choice)
            values.append(option.value)
        group.idClicked.connect(self._refresh)
        self.rows.append((part, clash.path, group, values))
        return box

    def _refresh(self) -> None:
        self.keep.setEnabled(all(group.checkedId() >= 0 for _, _, group, _ in self.rows))

    def pick(self, index: int) -> None:
        """Choose the same option everywhere (tests, and a worker with many rows)."""
        for _, _, group, values in self.rows:
            group.button(min(index, len(values) - 1)).setChecked(True)
        self._refresh()

    def save(self) -> bool:
        """Save each part with the values chosen; False (and a kind word) if it could not."""
        chosen: dict[str, dict[str, Any]] = {}
        for part, path, group, values in self.rows:
            if group.checkedId() < 0:
                return False
            chosen.setdefault(part, {})[path] = values[group.checkedId()]
        try:
            for part, paths in chosen.items():
                choose(self.runner.sync, self.child_id, part, paths, self.today)
        except RecordProblem as problem:
            self.messages.tell("That choice was not saved", " ".join(problem.problems), True)
            return False
        except StorageWriteError as error:
            self.messages.tell("That choice was not saved", error.kind_message, True)
            return False
        return True


def _when(wall: str) -> str:
    try:
        when = dt.datetime.fromisoformat(wall)
    except ValueError:
        return ""
    return f", {format_long(when.date())} {when:%H:%M}"
