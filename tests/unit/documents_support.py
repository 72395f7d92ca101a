"""Shared set-up for the document tests: a store with children whose names and words are
hard to print, with together-mode choices, a drawing and a card message."""

from __future__ import annotations

import datetime as dt
import io
import random
import subprocess
from pathlib import Path

from pypdf import PdfReader

from lasting_home_desktop.domain.card_message import CardMessage
from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, PeopleAroundChild
from lasting_home_desktop.domain.child_voice import (
    ChildVoice,
    PictureChoice,
    PictureKind,
    WordsMark,
)
from lasting_home_desktop.domain.journey import Decision, JourneyDates
from lasting_home_desktop.storage.card_message import CardMessages
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.example_drawings import house_drawing_png

HOSTILE_FIRST = "<b>&amp;"
HOSTILE_LAST = 'O\'Brien "Zosia"'
LONG_MESSAGE = ("Dear Łukasz, well done & thank you <3. " * 200)[:5000]
URDU_NAME = "عائشہ"
URDU_MESSAGE = (
    "پیاری عائشہ، ہم سب کو آپ پر بہت فخر ہے۔ آپ کا گھر ہمیشہ آپ کا گھر رہے گا، "
    "اور ہم آپ کے ساتھ ہیں۔"
)
LONG_NAME = "Montgomery-Fotheringham-Wetherbyshire"
# Twelve children whose names are hard to print: scripts, marks, length, emoji and markup.
HARD_NAMES = (
    (URDU_NAME, "Khan"),
    ("Łucja", "Wiśniewska"),
    ("Nguyễn Bảo", "Trần"),
    (LONG_NAME, "Smith"),
    ("محمد", "Al-Rashid"),
    ("Αθηνά", "Παπαδοπούλου"),
    ("Жанна", "Кузнецова"),
    ("Zoë 🦄", "O'Neill"),
    (HOSTILE_FIRST, HOSTILE_LAST),
    ("Wolfeschlegelsteinhausenbergerdorff", "Llanfairpwllgwyngyll"),
    ("Ștefan", "Gülşen-Řehoř"),
    ("Dương Thị Thùy", "Linh"),
)


def add_child(
    store: CaseloadStore,
    today: dt.date,
    first: str = "Łukasz",
    last: str = "Nowak",
    preferred: str = "",
    carers: tuple[str, ...] = ("Jo Clarke", "Sam Clarke"),
    route: DecisionRoute = DecisionRoute.COMMITMENT_VISIT,
    visit: dt.date | None = None,
    decision: Decision | None = Decision.AGREED,
    message: str = "Dear Łukasz, we are so proud of you.",
    drawing: bool = True,
    picture_kind: PictureKind = PictureKind.DRAWING,
) -> ChildRecord:
    """A child agreed at Head of Service, with choices, words, a drawing and a card message."""
    visit = visit or today + dt.timedelta(days=5)
    child = store.add_child(
        ChildRecord(
            first_name=first,
            last_name=last,
            preferred_name=preferred,
            date_of_birth=dt.date(2018, 5, 1),
            route=route,
            people=PeopleAroundChild(
                carers=carers,
                social_worker="Rachel Entwistle",
                team_manager="Helen Sharples",
                decision_maker="Caroline Marsden",
            ),
            journey=JourneyDates(
                matching_meeting=today - dt.timedelta(days=40),
                recommendation_sent=today - dt.timedelta(days=35)
                if route.value != "panel"
                else None,
                decision=decision,
                decision_date=today - dt.timedelta(days=25) if decision else None,
                visit=visit,
            ),
        ),
        today,
    )
    voice = ChildVoice().with_preferred_name(preferred or first, today)
    library = DrawingLibrary(store)
    if drawing:
        info = library.new_drawing(child.id, name="My house & garden")
        library.save_png(child.id, info.drawing_id, house_drawing_png(random.Random(3)))
        library.record_saved(child.id, info.drawing_id)
        ref = info.drawing_id
    if picture_kind is PictureKind.DRAWING and drawing:
        voice = voice.with_picture(PictureChoice(PictureKind.DRAWING, ref), today)
    elif picture_kind is PictureKind.AVATAR:
        voice = voice.with_picture(PictureChoice(PictureKind.AVATAR, "avatar-fox"), today)
    voice = (
        voice.with_person("carers", True, today)
        .with_person("head_of_service", True, today)
        .with_added_person("Nan <Basia>", "person-family", today)
        .with_place("favourite", "The beach at Morecambe", today)
        .with_celebration("cake", True, today)
        .with_feeling("very_happy", "Because I get to stay with Biscuit 🐶 the dog", today)
        .with_answer("feels_like_home", "Pancakes on Saturdays & hugs", WordsMark.OWN_WORDS, today)
        .with_answer(
            "what_it_means",
            "I don't have to pack my bag again.",
            WordsMark.WRITTEN_BY_WORKER,
            today,
        )
    )
    ChildVoiceRecords(store).save(child.id, voice)
    CardMessages(store).save(child.id, CardMessage(message=message, signer="Helen Sharples"))
    return child


def pdf_text(data: bytes) -> str:
    """All the text pypdf reads back, pages joined."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squashed(text: str) -> str:
    """Text with all white space removed: line wrapping must not matter to a comparison."""
    return "".join(text.split())


def embedded_fonts(data: bytes) -> set[str]:
    """Base names of the fonts whose files are embedded in the PDF."""
    reader = PdfReader(io.BytesIO(data))
    found = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    found.add(str(target.get("/BaseFont")))
    return found


def drawn_name(name: str) -> str:
    """The name as the PDF's text reads back: emoji are pictures, not text."""
    emoji = ("\ufe0f", "\u200d")
    kept = (c for c in name if not (0x1F000 <= ord(c) <= 0x1FFFF or c in emoji))
    return "".join(kept).strip()


def unembedded_fonts(data: bytes, tmp: Path) -> list[str]:
    """Fonts pdffonts lists as not embedded (any at all is a fault)."""
    source = tmp / "fonts.pdf"
    source.write_bytes(data)
    listing = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    return [row.split()[0] for row in rows if row.split()[-5] != "yes"]


def render_pages(data: bytes, tmp: Path, dpi: int, stem: str = "page") -> list[Path]:
    """Each page rendered by pdftoppm as a PNG, in page order."""
    source = tmp / f"{stem}.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(tmp / stem)], check=True)
    return sorted(tmp.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def lines_by_height(page) -> list[tuple[float, str]]:
    """Each piece of text on a pypdf page with the height of its baseline (points from the
    bottom), highest first."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            found.append((round(tm[5] * cm[3] + cm[5], 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return sorted(found, key=lambda item: -item[0])


def last_body_line(page, top: float, bottom: float) -> str:
    """The lowest text between the page's header (above `top`) and footer (below `bottom`)."""
    body = [(y, text) for y, text in lines_by_height(page) if bottom < y < top]
    lowest = min(y for y, _ in body)
    return " ".join(text for y, text in body if abs(y - lowest) < 1)


def rendered_ink(data: bytes, tmp: Path) -> list[float]:
    """Share of non-white pixels on each page rendered by pdftoppm ([] if not installed)."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        return []
    from PIL import Image

    source = tmp / "render.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(source), str(tmp / "page")], check=True)
    shares = []
    for png in sorted(tmp.glob("page-*.png")):
        image = Image.open(png).convert("L")
        pixels = image.tobytes()
        shares.append(sum(1 for p in pixels if p < 235) / len(pixels))
    return shares
