"""The worker window's menus and toolbar: every action once, its shortcut shown in the menu
and in the toolbar button's tooltip ("Tracker (Ctrl+2)")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: str
    menu: str


# In menu order.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("add_child", "Add a child…", "Ctrl+N", "File"),
    ActionSpec("export_tracker", "Export the tracker as CSV…", "Ctrl+E", "File"),
    ActionSpec("cards", "Cards and certificates…", "", "File"),
    ActionSpec("receive_forms", "Receive a returned form…", "", "File"),
    ActionSpec("quit", "Close Lasting Home", "Ctrl+Q", "File"),
    ActionSpec("caseload", "Caseload", "Ctrl+1", "View"),
    ActionSpec("tracker", "Tracker", "Ctrl+2", "View"),
    ActionSpec("this_week", "This week", "Ctrl+3", "View"),
    ActionSpec("team_chart", "Team chart", "Ctrl+4", "View"),
    ActionSpec("panel_agendas", "Panel agendas", "Ctrl+5", "View"),
    ActionSpec("find", "Find a child", "Ctrl+F", "View"),
    ActionSpec("settings", "Settings…", "", "Tools"),
    ActionSpec("guides", "Guides", "F1", "Help"),
    ActionSpec("shortcuts", "Keyboard shortcuts", "", "Help"),
    ActionSpec("about", "About Lasting Home", "", "Help"),
)
# The ones a Team Manager reaches for daily, on the toolbar ("" is a separator).
TOOLBAR = (
    "caseload",
    "tracker",
    "this_week",
    "panel_agendas",
    "add_child",
    "cards",
    "receive_forms",
    "",
    "guides",
    "settings",
    "about",
)
MENU_TITLES = {"File": "&File", "View": "&View", "Tools": "&Tools", "Help": "&Help"}


def shortcut_text(keys: str) -> str:
    """As the computer shows it ("Ctrl+2"), for tooltips and the shortcuts list."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def build_actions(
    window: QMainWindow, slots: dict[str, Callable[[], object]]
) -> dict[str, QAction]:
    """A menu bar and a toolbar from ACTIONS; `slots` says what each one does."""
    menus: dict[str, QMenu] = {}
    bar = QToolBar("Main")
    bar.setObjectName("MainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(bar)
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setToolTip(f"{spec.text.rstrip('…')} ({shortcut_text(spec.shortcut)})")
        action.triggered.connect(slots[spec.key])
        window.addAction(action)
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(MENU_TITLES[spec.menu])
        menus[spec.menu].addAction(action)
        actions[spec.key] = action
    for key in TOOLBAR:
        if key:
            bar.addAction(actions[key])
        else:
            bar.addSeparator()
    return actions


def shortcuts_text() -> str:
    """Every shortcut, one a line, for Help → Keyboard shortcuts."""
    lines = [
        f"{shortcut_text(spec.shortcut)}: {spec.text.rstrip('…')}"
        for spec in ACTIONS
        if spec.shortcut
    ]
    lines += [
        "Ctrl+S: save the form you are in",
        "Ctrl+L: lock now",
        "Ctrl + mouse wheel, Ctrl+plus, Ctrl+minus: zoom a PDF preview",
    ]
    return "\n".join(lines)
