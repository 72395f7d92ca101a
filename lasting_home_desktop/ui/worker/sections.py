"""The tabs of a child's page beyond the profile, in the order a worker meets them.

Each entry is (tab title, factory). A factory gets what the tab needs passed in and returns the
widget: factory(context: ChildSectionContext) -> QWidget. Add one line per section.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..drawing.bin_section import drawing_bin_section
from ..section_context import ChildSectionContext, ChildSectionFactory
from ..together.section import child_voice_section

CHILD_SECTIONS: list[tuple[str, ChildSectionFactory]] = []


def _built_when_opened(module: str, factory: str) -> ChildSectionFactory:
    # Imported when the tab is built, so opening a child stays quick.
    def build(context: ChildSectionContext) -> QWidget:
        from importlib import import_module

        return getattr(import_module(f"{__package__}.{module}"), factory)(context)

    return build


CHILD_SECTIONS.append(
    ("Matching meeting", _built_when_opened("matching_meeting_form", "matching_meeting_section"))
)
CHILD_SECTIONS.append(
    ("Head of Service", _built_when_opened("head_of_service_form", "head_of_service_section"))
)
CHILD_SECTIONS.append(
    ("Commitment visit", _built_when_opened("commitment_visit_form", "commitment_visit_section"))
)
CHILD_SECTIONS.append(("Panel", _built_when_opened("panel_form", "panel_section")))
CHILD_SECTIONS.append(
    ("Celebration", _built_when_opened("celebration_form", "celebration_section"))
)
CHILD_SECTIONS.append(
    ("Carers' letter", _built_when_opened("carers_commitment_form", "carers_commitment_section"))
)
CHILD_SECTIONS.append(
    (
        "Partner contributions",
        _built_when_opened("partner_contributions_form", "partner_contributions_section"),
    )
)
CHILD_SECTIONS.append(("Drawings", drawing_bin_section))
CHILD_SECTIONS.append(
    ("Photo album", _built_when_opened("photo_album_section", "photo_album_section"))
)
CHILD_SECTIONS.append(("Documents", _built_when_opened("documents_section", "documents_section")))
__all__ = ["CHILD_SECTIONS", "ChildSectionContext", "ChildSectionFactory"]

CHILD_SECTIONS.insert(0, ("The child's voice", child_voice_section))  # first: the child's own words
