"""What every part of a child's page is given: the store, the child, today, the messages
helper, and a way to say the child's record changed. Neutral ground, so the worker window,
together mode and the drawing studio can each provide parts without importing one another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from ..storage.caseload import CaseloadStore
from .clash_chooser import ClashChooser
from .messages import UserMessages

# How long after the typing stops a worker form keeps it as a draft.
DRAFT_DELAY_MS = 1500


@dataclass(frozen=True)
class ChildSectionContext:
    store: CaseloadStore
    child_id: str
    today: dt.date
    messages: UserMessages
    # Called by a section after it changed the child's record (journey dates, say), so the
    # page header, caseload and tracker show the new stage and flags at once.
    record_changed: Callable[[], None]
    # Where two changes to one field clash, the worker chooses here.
    clashes: ClashChooser = field(default_factory=ClashChooser)
    draft_delay_ms: int = DRAFT_DELAY_MS


ChildSectionFactory = Callable[[ChildSectionContext], QWidget]
