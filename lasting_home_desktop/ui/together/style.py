"""Sizes and the style sheet of together mode, for each of the two looks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont

from ...domain.child import AgeBand
from ..theme import FAMILY, Look, register_fonts


@dataclass(frozen=True)
class CardSize:
    width: int
    height: int
    picture: int
    columns: int
    horizontal: bool = False  # picture beside the words: the grown-up look's tiles


CARD_SIZES = {
    AgeBand.CHILD: CardSize(width=184, height=214, picture=92, columns=6),
    AgeBand.YOUNG_PERSON: CardSize(width=284, height=104, picture=52, columns=4, horizontal=True),
}


def chosen_fill(look: Look) -> str:
    """A soft wash of the accent colour: a chosen card stands out and its picture stays clear."""
    accent, white = look.accent.lstrip("#"), 255
    parts = [int(accent[i : i + 2], 16) for i in (0, 2, 4)]
    share = 0.24 if look.band is AgeBand.CHILD else 0.26
    mixed = [round(white + (part - white) * share) for part in parts]
    return "#" + "".join(f"{part:02x}" for part in mixed)


def card_size(look: Look) -> CardSize:
    return CARD_SIZES[look.band]


def font(look: Look, points: int, bold: bool = False) -> QFont:
    register_fonts()
    f = QFont(FAMILY)
    f.setPointSize(points)
    f.setBold(bold)
    return f


def together_style(look: Look, min_px: int = 64) -> str:
    """One style sheet for the whole window; the cards paint themselves. Every button is at
    least `min_px` tall (64, or more with the worker's "bigger buttons" setting)."""
    r = look.corner_px
    return f"""
* {{ font-family: "{FAMILY}"; }}
QWidget#TogetherRoot {{ background: {look.background}; }}
QWidget#TogetherRoot QLabel {{ color: {look.text}; }}
QLabel#PageTitle {{ font-size: {look.title_pt}pt; font-weight: bold; color: {look.text}; }}
QLabel#PageIntro {{ font-size: {look.body_pt}pt; color: {look.text}; }}
QLabel#Gentle {{ font-size: {look.body_pt - 3}pt; background: {look.surface};
                 border: 2px dashed {look.chosen}; border-radius: {r // 2}px; padding: 4px 12px; }}
QLabel#Kind {{ font-size: {look.body_pt - 2}pt; background: #fff3cd; color: #5c4400;
               border-radius: {r // 3}px; padding: 6px 10px; }}
QLabel#Small {{ font-size: {look.body_pt - 3}pt; color: {look.text}; }}
QLabel#Section {{ font-size: {look.body_pt + 1}pt; font-weight: bold; }}
QLabel#Question {{ font-size: {look.body_pt}pt; font-weight: bold; }}
QLabel#Mark {{ font-size: {look.body_pt - 3}pt; color: {look.accent}; font-weight: bold; }}
QPushButton {{ font-size: {look.body_pt}pt; min-height: {min_px - 8}px; padding: 2px 20px;
               border-radius: {r // 2}px; background: {look.surface}; color: {look.text};
               border: 2px solid {look.accent}; }}
QPushButton:hover {{ background: {look.chosen}; }}
QPushButton:focus {{ border: 4px solid {look.focus}; }}
QPushButton:checked {{ background: {look.chosen}; border: 3px solid {look.accent}; }}
QPushButton:disabled {{ color: #a0a0a0; border-color: #d0d0d0; }}
QPushButton#Primary {{ background: {look.accent}; color: {look.accent_text}; font-weight: bold;
                       border: 2px solid {look.accent}; }}
QPushButton#Primary:focus {{ border: 4px solid {look.focus}; }}
QPushButton#Quiet {{ font-size: {look.body_pt - 3}pt; min-height: {min_px - 8}px;
                     padding: 2px 14px; border: 2px solid #b9b2a6; background: transparent; }}
QPushButton#Quiet:focus {{ border: 3px solid {look.focus}; }}
QLineEdit, QTextEdit, QPlainTextEdit {{ font-size: {look.body_pt}pt; background: {look.surface};
    color: {look.text}; border: 2px solid #c9c2b5; border-radius: {r // 2}px; padding: 8px; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border: 4px solid {look.focus}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: 28px; background: {look.surface}; border-radius: 14px; }}
QScrollBar::handle:vertical {{ background: {look.accent}; border-radius: 12px; min-height: 64px;
                               margin: 2px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QFrame#Panel {{ background: {look.surface}; border-radius: {r}px; }}
QWidget#TopBar {{ background: {look.surface}; border-bottom: 3px solid {look.chosen}; }}
QWidget#BottomBar {{ background: transparent; }}
"""
