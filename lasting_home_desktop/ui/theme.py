"""Fonts, colours and the two together-mode looks. The app and the PDFs share one typeface."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import resources
from ..domain.child import AgeBand

FAMILY = "Andika"
FALLBACK_FAMILY = "Noto Sans"  # Greek, which Andika has only for phonetics
ARABIC_FAMILY = "Noto Sans Arabic"
_registered = False


def register_fonts() -> str:
    """Register the bundled fonts once; returns the family name to use."""
    global _registered
    if not _registered:
        for parts in (
            resources.FONT_REGULAR,
            resources.FONT_BOLD,
            resources.FONT_FALLBACK,
            resources.FONT_FALLBACK_BOLD,
            resources.FONT_ARABIC,
        ):
            QFontDatabase.addApplicationFont(str(resources.asset(*parts)))
        # Names like Αθηνά or Ayesha (عائشہ) must show on a machine with no fonts of its own.
        QFont.insertSubstitutions(FAMILY, [FALLBACK_FAMILY, ARABIC_FAMILY])
        _registered = True
    return FAMILY


def apply_worker_theme(app: QApplication) -> None:
    register_fonts()
    font = QFont(FAMILY)
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(WORKER_STYLE)


WORKER_STYLE = """
QMainWindow, QDialog { background: #f7f7f5; }
QLineEdit[problem="true"], QComboBox[problem="true"], QPlainTextEdit[problem="true"] {
    border: 2px solid #b3261e; background: #fff5f3; }
QLabel#Headline { font-size: 16pt; font-weight: bold; color: #1f3b4d; }
QLabel#Subtle { color: #5b6770; }
QLabel#Flag { background: #fde8e4; color: #8a1c0c; border: 1px solid #e9a89b;
              border-radius: 4px; padding: 3px 8px; font-weight: bold; }
QLabel#Stage { background: #e3f0ea; color: #1d5b3f; border: 1px solid #a9d2bd;
               border-radius: 4px; padding: 3px 8px; font-weight: bold; }
QPushButton { padding: 5px 12px; }
QPushButton#Primary { background: #1f6f8b; color: white; border: none; border-radius: 4px;
                      padding: 6px 14px; font-weight: bold; }
QPushButton#Primary:hover { background: #185a72; }
QPushButton#Primary:focus { outline: 2px solid #f2a541; }
QTableView { background: white; alternate-background-color: #f2f6f8; }
QHeaderView::section { background: #e8eef1; padding: 4px; border: none;
                       border-right: 1px solid #d0d8dc; font-weight: bold; }
"""


@dataclass(frozen=True)
class Look:
    """How together mode looks for one age band."""

    band: AgeBand
    background: str
    surface: str
    accent: str
    accent_text: str
    text: str
    chosen: str
    focus: str
    title_pt: int
    body_pt: int
    corner_px: int


CHILD_LOOK = Look(
    band=AgeBand.CHILD,
    background="#fff6e0",
    surface="#ffffff",
    accent="#ff8a3d",
    accent_text="#ffffff",
    text="#3a2a1a",
    chosen="#ffd23f",
    focus="#1b6ef3",
    title_pt=26,
    body_pt=16,
    corner_px=24,
)

YOUNG_PERSON_LOOK = Look(
    band=AgeBand.YOUNG_PERSON,
    background="#eef1f5",
    surface="#ffffff",
    accent="#3d5a80",
    accent_text="#ffffff",
    text="#1c2430",
    chosen="#98c1d9",
    focus="#e07a5f",
    title_pt=20,
    body_pt=13,
    corner_px=10,
)


def look_for(band: AgeBand) -> Look:
    return CHILD_LOOK if band is AgeBand.CHILD else YOUNG_PERSON_LOOK
