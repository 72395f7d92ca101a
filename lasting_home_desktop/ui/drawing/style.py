"""How the studio looks in each together-mode look, and its pictures as icons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ... import resources
from ...domain.child import AgeBand
from ..theme import Look


@dataclass(frozen=True)
class StudioSizes:
    """Button sizes and which tools show, by age band."""

    button: int  # px, square tool buttons (never under 64: small hands, shaky mice)
    icon: int
    swatch: int
    labels: bool  # words under the icons
    pen_widths: tuple[tuple[str, int], ...]  # (name, width in picture pixels)
    more_colours: bool  # the full colour chooser
    thumb: int  # gallery picture width


CHILD_SIZES = StudioSizes(
    button=96,
    icon=60,
    swatch=72,
    labels=False,
    pen_widths=(("Thin pen", 14), ("Middle pen", 32), ("Fat pen", 64)),
    more_colours=False,
    thumb=220,
)
YOUNG_PERSON_SIZES = StudioSizes(
    button=72,
    icon=36,
    swatch=64,
    labels=True,
    pen_widths=(("Fine", 6), ("Thin", 14), ("Medium", 30), ("Thick", 60)),
    more_colours=True,
    thumb=200,
)


def sizes_for(look: Look) -> StudioSizes:
    return CHILD_SIZES if look.band is AgeBand.CHILD else YOUNG_PERSON_SIZES


def picture_icon(name: str, size: int) -> QIcon:
    """A bundled SVG rendered crisply at the size it is shown (and at twice that)."""
    icon = QIcon()
    renderer = QSvgRenderer(str(resources.picture(name)))
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


def new_paper_icon(size: int) -> QIcon:
    """A fresh sheet with a green plus: "start a new drawing", unlike the pencil tool."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size * 2 / 10
    painter.setPen(QPen(QColor("#9aa5b1"), unit * 0.35))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(QRectF(unit * 1.5, unit * 0.6, unit * 7, unit * 8.8), unit, unit)
    painter.setPen(
        QPen(QColor("#2a9d3f"), unit * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    painter.drawLine(QPointF(unit * 5, unit * 3), QPointF(unit * 5, unit * 7))
    painter.drawLine(QPointF(unit * 3, unit * 5), QPointF(unit * 7, unit * 5))
    painter.end()
    pixmap.setDevicePixelRatio(2)
    return QIcon(pixmap)


def studio_style(look: Look) -> str:
    """One stylesheet for the studio; the focus ring is thick and in the look's focus colour."""
    r = look.corner_px
    return f"""
#DrawingStudio {{ background: {look.background}; }}
#DrawingStudio QLabel {{ color: {look.text}; font-size: {look.body_pt}pt; }}
#DrawingStudio QLabel#StudioTitle {{ font-size: {look.title_pt}pt; font-weight: bold; }}
#DrawingStudio QToolButton, #DrawingStudio QPushButton {{
    background: {look.surface}; color: {look.text}; border: 3px solid transparent;
    border-radius: {r // 2}px; font-size: {max(look.body_pt - 3, 10)}pt; padding: 4px; }}
#DrawingStudio QToolButton:hover, #DrawingStudio QPushButton:hover {{
    border-color: {look.chosen}; }}
#DrawingStudio QToolButton:checked {{ background: {look.chosen}; border-color: {look.accent}; }}
#DrawingStudio QToolButton:focus, #DrawingStudio QPushButton:focus {{
    border: 5px solid {look.focus}; }}
#DrawingStudio QToolButton:disabled {{ background: transparent; }}
#DrawingStudio QPushButton#Primary {{ background: {look.accent}; color: {look.accent_text};
    font-weight: bold; font-size: {look.body_pt}pt; padding: 12px 28px; }}
#DrawingStudio QPushButton#Gentle {{ font-size: {look.body_pt}pt; padding: 12px 28px;
    border: 3px solid {look.chosen}; }}
#DrawingStudio QFrame#Panel, #DrawingStudio QFrame#Tray {{ background: {look.surface};
    border-radius: {r}px; }}
#DrawingStudio QLineEdit {{ font-size: {look.title_pt}pt; padding: 10px;
    border: 3px solid {look.chosen}; border-radius: {r // 2}px; background: white; }}
#DrawingStudio QLineEdit:focus {{ border: 4px solid {look.focus}; }}
#DrawingStudio QScrollArea, #DrawingStudio QWidget#Shelf {{ background: transparent;
    border: none; }}
#DrawingStudio QToolButton#Thumb, #DrawingStudio QToolButton#Paper {{
    border: 2px solid #cfc6b8; background: white; }}
#DrawingStudio QToolButton#Thumb:focus, #DrawingStudio QToolButton#Paper:focus {{
    border: 5px solid {look.focus}; }}
"""
