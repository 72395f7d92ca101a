"""Where two changes to the same field clash, the worker sees both side by side and chooses.
Nothing is lost: until they choose, both values are kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.dates import format_long
from ..domain.merge import Clash
from ..domain.parts import field_label, part_title

# (part, path) -> the value chosen
Choices = dict[tuple[str, str], Any]


@dataclass(frozen=True)
class PartClash:
    part: str
    clash: Clash
    mine_label: str = "What you typed"
    theirs_label: str = "Saved now"


class ClashChooser:
    """Shows the real dialog. `choose` returns the chosen values, or None if the worker went
    back to their typing without saving."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def choose(self, headline: str, detail: str, clashes: Sequence[PartClash]) -> Choices | None:
        dialog = ClashDialog(headline, detail, clashes, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()


@dataclass
class RecordedClashChooser(ClashChooser):
    """For tests: answers "mine", "theirs" or None (go back), and remembers what was shown."""

    answer: str | None = "mine"
    shown: list[list[PartClash]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parent = None

    def choose(self, headline: str, detail: str, clashes: Sequence[PartClash]) -> Choices | None:
        self.shown.append(list(clashes))
        if self.answer is None:
            return None
        return {(item.part, item.clash.path): getattr(item.clash, self.answer) for item in clashes}


class ClashDialog(QDialog):
    def __init__(
        self,
        headline: str,
        detail: str,
        clashes: Sequence[PartClash],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Lasting Home: choose which to keep")
        self._clashes = list(clashes)
        self._groups: list[QButtonGroup] = []
        title = _label(headline, "Headline")
        explain = _label(detail, "Subtle")
        body = QWidget()
        column = QVBoxLayout(body)
        for item in self._clashes:
            column.addWidget(self._row(item))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.keep = buttons.addButton(
            "Save with these choices", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep.setObjectName("Primary")
        self.keep.setEnabled(False)
        back = buttons.addButton("Go back to my typing", QDialogButtonBox.ButtonRole.RejectRole)
        back.setToolTip("Nothing is saved yet and nothing you typed is lost.")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(640, screen.height() - 80) if screen else 640
        self.resize(760, height)

    def _row(self, item: PartClash) -> QGroupBox:
        box = QGroupBox(f"{part_title(item.part)}: {field_label(item.clash.path)}")
        line = QHBoxLayout(box)
        group = QButtonGroup(box)
        for index, (caption, value) in enumerate(
            ((item.theirs_label, item.clash.theirs), (item.mine_label, item.clash.mine))
        ):
            choice = QRadioButton(f"{caption}:\n{describe_value(value)}")
            choice.setAccessibleName(f"{caption}: {describe_value(value)}")
            choice.setStyleSheet("QRadioButton { padding: 8px; }")
            group.addButton(choice, index)
            line.addWidget(choice, 1)
        group.idClicked.connect(self._refresh)
        self._groups.append(group)
        return box

    def _refresh(self) -> None:
        self.keep.setEnabled(all(group.checkedId() >= 0 for group in self._groups))

    def pick_all(self, mine: bool) -> None:
        """Choose the same side everywhere (for many clashes, and for tests)."""
        for group in self._groups:
            group.button(1 if mine else 0).setChecked(True)
        self._refresh()

    def choices(self) -> Choices:
        out: Choices = {}
        for item, group in zip(self._clashes, self._groups, strict=True):
            clash = item.clash
            out[(item.part, clash.path)] = clash.mine if group.checkedId() == 1 else clash.theirs
        return out


def describe_value(value: Any) -> str:
    """A stored value as a worker would read it."""
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if isinstance(value, str):
        try:
            return format_long(dt.date.fromisoformat(value))
        except ValueError:
            return value if len(value) <= 600 else value[:600] + "…"
    if isinstance(value, list):
        return "\n".join(describe_value(item) for item in value) or "(empty)"
    if isinstance(value, dict):
        parts = [describe_value(v) for k, v in value.items() if not str(k).startswith("_") and v]
        return ", ".join(p for p in parts if p != "(empty)") or "(empty)"
    return str(value)


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
