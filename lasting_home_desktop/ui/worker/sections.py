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
from ..drawing.bin_section import drawing_bin_section
from ..messages import UserMessages
from ..together.section import child_voice_section, photo_album_section


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


def _adults_part(module: str, factory: str) -> ChildSectionFactory:
    # Imported when the tab is built: the forms import this module themselves.
    def build(context: ChildSectionContext) -> QWidget:
        from importlib import import_module

        return getattr(import_module(f"{__package__}.{module}"), factory)(context)

    return build


CHILD_SECTIONS.append(
    ("Matching meeting", _adults_part("matching_meeting_form", "matching_meeting_section"))
)
CHILD_SECTIONS.append(
    ("Head of Service", _adults_part("head_of_service_form", "head_of_service_section"))
)
CHILD_SECTIONS.append(
    ("Commitment visit", _adults_part("commitment_visit_form", "commitment_visit_section"))
)
CHILD_SECTIONS.append(("Panel", _adults_part("panel_form", "panel_section")))
CHILD_SECTIONS.append(("Celebration", _adults_part("celebration_form", "celebration_section")))
CHILD_SECTIONS.append(
    ("Carers' letter", _adults_part("carers_commitment_form", "carers_commitment_section"))
)
CHILD_SECTIONS.append(
    (
        "Partner contributions",
        _adults_part("partner_contributions_form", "partner_contributions_section"),
    )
)
CHILD_SECTIONS.append(("Drawings", drawing_bin_section))
CHILD_SECTIONS.append(("Photo album", photo_album_section))
CHILD_SECTIONS.append(("Documents", _adults_part("documents_section", "documents_section")))
CHILD_SECTIONS.insert(0, ("The child's voice", child_voice_section))  # first: the child's own words
