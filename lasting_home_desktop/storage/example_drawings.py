"""Drawings for the fictional example children, drawn without Qt (Pillow), so a demo shows
the card, certificate and book as they look for a real child."""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from functools import cache

from ..domain.demo import ExampleChild
from ..domain.drawing import PICTURE_HEIGHT, PICTURE_WIDTH
from .caseload import CaseloadStore
from .drawings import EXT, SECTION

SKIES = ("#e3f1ff", "#fff4d6", "#fde7ef", "#e4f7ea")
HOUSES = ("#e8553d", "#f2a541", "#4f86c6", "#9b5fc0", "#3aa76d")
PEOPLE = ("#ff6f91", "#4f86c6", "#f2a541", "#3aa76d", "#9b5fc0")


def house_drawing_png(rng: random.Random, people: int = 3) -> bytes:
    """A child's drawing of a home: sky, sun, house, garden and the people who live there."""
    from PIL import Image, ImageDraw  # only when example children are made

    w, h = PICTURE_WIDTH, PICTURE_HEIGHT
    image = Image.new("RGB", (w, h), rng.choice(SKIES))
    pen = ImageDraw.Draw(image)
    ground = int(h * 0.72)
    pen.rectangle((0, ground, w, h), fill="#7cc46a")
    # Sun with rays, in a corner.
    sx, sy, sr = rng.randint(1180, 1380), rng.randint(200, 240), 90
    for step in range(12):
        angle = step * 30
        vx, vy = _ray(angle)
        pen.line(
            (sx + vx * (sr + 20), sy + vy * (sr + 20), sx + vx * (sr + 80), sy + vy * (sr + 80)),
            fill="#ffb300",
            width=14,
        )
    pen.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill="#ffd23f", outline="#ffb300", width=10)
    # House with a roof, door and windows.
    left, right, top = 360, 980, ground - 420
    pen.rectangle((left, top, right, ground), fill=rng.choice(HOUSES), outline="#3a2a1a", width=12)
    pen.polygon(
        ((left - 60, top), ((left + right) // 2, top - 260), (right + 60, top)),
        fill="#8d4b2a",
        outline="#3a2a1a",
        width=12,
    )
    pen.rectangle((600, ground - 220, 740, ground), fill="#6b3e26", outline="#3a2a1a", width=10)
    for wx in (430, 820):
        pen.rectangle(
            (wx, top + 70, wx + 110, top + 180), fill="#bfe3ff", outline="#3a2a1a", width=10
        )
    pen.ellipse((1490 - 100, ground - 330, 1490 + 100, ground - 110), fill="#3aa76d")
    pen.rectangle((1472, ground - 120, 1508, ground + 20), fill="#8d4b2a")
    _people(pen, ground, people)
    # A heart in the sky.
    hx, hy = rng.randint(180, 300), rng.randint(160, 260)
    pen.ellipse((hx - 60, hy - 40, hx, hy + 20), fill="#ff6f91")
    pen.ellipse((hx, hy - 40, hx + 60, hy + 20), fill="#ff6f91")
    pen.polygon(((hx - 58, hy), (hx + 58, hy), (hx, hy + 80)), fill="#ff6f91")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _people(pen, ground: int, people: int) -> None:  # type: ignore[no-untyped-def]
    """Stick people holding hands on the grass, the last one smaller."""
    for index in range(people):
        x = 1040 + index * 115 - (people - 3) * 40
        y = ground + 40
        colour = PEOPLE[index % len(PEOPLE)]
        tall = 1.0 if index < people - 1 else 0.75
        pen.ellipse(
            (x - 34, y - int(250 * tall), x + 34, y - int(250 * tall) + 68),
            outline="#3a2a1a",
            width=9,
            fill="#ffd9b3",
        )
        body_top = y - int(250 * tall) + 68
        pen.line((x, body_top, x, y - 60), fill=colour, width=16)
        pen.line((x - 60, body_top + 50, x + 60, body_top + 50), fill=colour, width=12)
        pen.line((x, y - 60, x - 40, y + 40), fill="#3a2a1a", width=12)
        pen.line((x, y - 60, x + 40, y + 40), fill="#3a2a1a", width=12)


def _ray(angle: int) -> tuple[float, float]:
    import math

    return math.cos(math.radians(angle)), math.sin(math.radians(angle))


# Enough children with a drawing to show every document; a 10,000-child stress caseload
# needs no 10,000 pictures on disk.
MOST_DRAWN = 300
_VARIANTS = 6


def add_example_drawings(store: CaseloadStore, examples: Sequence[ExampleChild]) -> int:
    """Write the picture of each drawing listed in the example children's "drawings" sections
    (a drawing without its picture stays hidden, so this may stop early without harm)."""
    made = 0
    for index, example in enumerate(examples):
        section = example.sections.get(SECTION) or {}
        for item in section.get("drawings") or []:
            if index >= MOST_DRAWN:
                break
            variant = index % _VARIANTS
            png = _variant_png(variant)
            store.media.put(example.record.id, png, EXT, media_id=str(item["id"]))
            made += 1
    return made


@cache
def _variant_png(variant: int) -> bytes:
    return house_drawing_png(random.Random(variant), people=2 + variant % 3)
