"""The app's typeface and the worker window's style: all the first screen (unlock) needs, so it
opens without the together-mode looks in `theme`."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import resources

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
