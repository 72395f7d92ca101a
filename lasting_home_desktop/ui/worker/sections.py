"""The tabs of a child's page beyond the profile, in the order a worker meets them.

Each entry is (tab title, factory). A factory gets what the tab needs passed in and returns the
widget: factory(context: ChildSectionContext) -> QWidget. Add one line per section.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..drawing.bin_section import drawing_bin_section
from ..section_context import ChildSectionContext, ChildSectionFactory
from ..together.section import child_voice_section, photo_album_section

CHILD_SECTIONS: list[tuple[str, ChildSectionFactory]] = []


def _adults_part(module: str, factory: str) -> ChildSectionFactory:
    # Imported when the tab is built, so opening a child stays quick.
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
__all__ = ["CHILD_SECTIONS", "ChildSectionContext", "ChildSectionFactory"]

CHILD_SECTIONS.insert(0, ("The child's voice", child_voice_section))  # first: the child's own words
