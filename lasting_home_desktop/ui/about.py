"""The About box, which credits the pictures and the typeface."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__

CREDITS = (
    f"Lasting Home Desktop {__version__}\n\n"
    "Helps a child in care and their social worker shape the child's Lasting Home together, "
    "and the adults around them do their part.\n\n"
    "Pictures: Twemoji, copyright Twitter, Inc and other contributors, and jdecked and other "
    "contributors, licensed under CC-BY 4.0 (creativecommons.org/licenses/by/4.0).\n"
    "Typeface: Andika, copyright SIL International, with Noto Sans and Noto Sans Arabic, "
    "copyright Google and the Noto Project Authors, all licensed under the SIL Open Font "
    "License 1.1.\n\n"
    "Everything you enter stays on this computer."
)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, "About Lasting Home", CREDITS)
