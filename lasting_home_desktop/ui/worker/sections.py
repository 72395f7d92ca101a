"""The tabs of a child's page beyond the profile, in the order a worker meets them.

Each entry is (tab title, factory). A factory gets what the tab needs passed in and returns the
widget: factory(context: ChildSectionContext) -> QWidget. Add one line per section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ...storage.caseload import CaseloadStore
from ..messages import UserMessages


@dataclass(frozen=True)
class ChildSectionContext:
    store: CaseloadStore
    child_id: str
    today: dt.date
    messages: UserMessages
    # Called by a section after it changed the child's record (journey dates, say), so the
    # page header, caseload and tracker show the new stage and flags at once.
    record_changed: Callable[[], None]


ChildSectionFactory = Callable[[ChildSectionContext], QWidget]

CHILD_SECTIONS: list[tuple[str, ChildSectionFactory]] = []
