"""Where a card's picture and words go at a given size, so the words always show whole.

The words come first: they get the biggest type (down to 9 pt) at which every word fits the
card's width and every line fits its height with a picture of at least 32 px; the picture takes
what room is left, up to its own size. A card says it fits only when that is possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics

from ..theme import Look
from .style import CardSize, font

SMALLEST_WORDS_PT = 9
SMALLEST_PICTURE_PX = 28
PAD = 4  # the card's own edge
BADGE_PX = 22  # the "Coming anyway" badge's height
_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Arrangement:
    picture: QRectF
    words: QRectF
    points: int
    fits: bool


def split_words(text: str) -> tuple[str, str]:
    """ "The big boss (Head of Service)" -> the main words, and the part in brackets."""
    if text.endswith(")") and " (" in text:
        main, sub = text[:-1].split(" (", 1)
        return main, sub
    return text, ""


def fonts(look: Look, points: int) -> tuple[QFont, QFont]:
    return font(look, points, bold=True), font(look, max(8, points - 3))


@lru_cache(maxsize=4096)
def _measure(look: Look, text: str, width: int, points: int) -> tuple[int, int]:
    """(height of the wrapped words, widest single word) at this size and width."""
    main, sub = split_words(text)
    main_font, sub_font = fonts(look, points)
    area = QRectF(0, 0, max(1, width), 2000).toRect()
    main_metrics, sub_metrics = QFontMetrics(main_font), QFontMetrics(sub_font)
    height = main_metrics.boundingRect(area, _FLAGS, main).height()
    widest = max((main_metrics.horizontalAdvance(w) for w in main.split()), default=0)
    if sub:
        height += sub_metrics.boundingRect(area, _FLAGS, sub).height() + 2
        widest = max(widest, *(sub_metrics.horizontalAdvance(w) for w in sub.split()))
    return height, widest


def arrange(
    look: Look, text: str, size: CardSize, width: int, height: int, badge: bool, points: int
) -> Arrangement:
    """The picture and the words of a `width` x `height` card whose own size is `size`."""
    outer = QRectF(PAD, PAD, width - 2 * PAD, height - 2 * PAD)
    if size.horizontal:
        return _beside(look, text, size, outer, badge, points)
    return _under(look, text, size, outer, badge, points)


def _under(
    look: Look, text: str, size: CardSize, outer: QRectF, badge: bool, points: int
) -> Arrangement:
    words_width = int(outer.width() - 16)
    room = outer.height() - 4 - 4 - 4  # margins above and below, and the gap
    for pt in range(points, SMALLEST_WORDS_PT - 1, -1):
        words, widest = _measure(look, text, words_width, pt)
        picture = min(size.picture, room - words, outer.width() - 24)
        if widest <= words_width and picture >= SMALLEST_PICTURE_PX:
            break
    fits = widest <= words_width and picture >= SMALLEST_PICTURE_PX
    picture = max(SMALLEST_PICTURE_PX // 2, picture)
    block = picture + 4 + words
    above = BADGE_PX if badge and outer.height() - block >= 2 * BADGE_PX else 0
    # Centred below the badge where there is room; where there is not, the badge sits over
    # the picture's corner rather than pushing the words off the card.
    top = outer.top() + above + max(4.0, (outer.height() - above - block) / 2)
    picture_rect = QRectF(outer.center().x() - picture / 2, top, picture, picture)
    words_rect = QRectF(outer.left() + 8, picture_rect.bottom() + 4, words_width, words)
    return Arrangement(picture_rect, words_rect, pt, fits)


def _beside(
    look: Look, text: str, size: CardSize, outer: QRectF, badge: bool, points: int
) -> Arrangement:
    room = outer.height() - 8 - (18 if badge else 0)
    biggest = max(SMALLEST_PICTURE_PX, min(size.picture, int(outer.height()) - 16))
    pictures = sorted({biggest, min(biggest, 40), SMALLEST_PICTURE_PX}, reverse=True)
    best = None
    for pt in range(points, SMALLEST_WORDS_PT - 1, -1):
        for picture in pictures:  # the picture gives way before the words get smaller
            words_width = int(outer.width() - 12 - picture - 12 - 36)  # the tick on the right
            words, widest = _measure(look, text, words_width, pt)
            best = (pt, picture, words_width, words, widest)
            if widest <= words_width and words <= room:
                break
        else:
            continue
        break
    assert best is not None
    pt, picture, words_width, words, widest = best
    fits = widest <= words_width and words <= room
    picture_rect = QRectF(outer.left() + 12, outer.center().y() - picture / 2, picture, picture)
    left = picture_rect.right() + 12
    top = outer.top() + 4 + max(0.0, (room - words) / 2)
    return Arrangement(picture_rect, QRectF(left, top, words_width, words), pt, fits)
