"""What every part of a child's page is given: the store, the child, today, the messages
helper, and a way to say the child's record changed. Neutral ground, so the worker window,
together mode and the drawing studio can each provide parts without importing one another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..storage.caseload import CaseloadStore
from .messages import UserMessages


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
