"""The child's card, certificate and book: what a child and a printer would notice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from documents_support import (
    HOSTILE_FIRST,
    HOSTILE_LAST,
    LONG_MESSAGE,
    NAMES,
    add_child,
    embedded_fonts,
    pdf_text,
    rendered_ink,
    squashed,
)
from pypdf import PdfReader

from lasting_home_desktop.documents.book import book_pdf
from lasting_home_desktop.documents.card import card_pdf
from lasting_home_desktop.documents.certificate import certificate_pdf
from lasting_home_desktop.documents.fonts import drawable_text, text_runs
from lasting_home_desktop.documents.keepsakes import keepsake_sources
from lasting_home_desktop.domain.child import DecisionRoute
from lasting_home_desktop.domain.child_voice import PictureKind
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import first_passphrase

TEST_COST = ScryptCost(n=2**10, r=8, p=1)  # a quick key derivation, for tests only
KEEPSAKES = {"card": card_pdf, "certificate": certificate_pdf, "book": book_pdf}


@pytest.fixture
def store(data_dir):
    with CaseloadStore.open(data_dir) as opened:
        yield opened


def make(store, today, which, **child):
    record = add_child(store, today, **child)
    return KEEPSAKES[which](keepsake_sources(store, record.id, today))


@pytest.mark.parametrize("which", KEEPSAKES)
@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_alphabet_print_exactly_as_typed(store, today, which, name):
    """Polish, Greek, Cyrillic, Vietnamese, Romanian, Turkish and Czech names read back whole."""
    text = pdf_text(make(store, today, which, first=name, last="Kowalczyk"))
    assert name in text


@pytest.mark.parametrize("which", KEEPSAKES)
def test_markup_and_quotes_in_names_print_literally(store, today, which):
    """A name like "<b>&amp;" is printed as typed, never read as markup."""
    text = pdf_text(make(store, today, which, first=HOSTILE_FIRST, last=HOSTILE_LAST))
    assert HOSTILE_FIRST in text
    if which == "certificate":
        assert "Jo Clarke and Sam Clarke" in " ".join(text.split())


@pytest.mark.parametrize("which", KEEPSAKES)
def test_child_documents_never_use_the_word_the_children_disliked(store, today, which):
    """No card, certificate or book says "permanence", on either route."""
    for route in DecisionRoute:
        text = pdf_text(make(store, today, which, route=route, first=f"Kid {route.value}"))
        assert "permanen" not in text.casefold()


def test_a_5000_character_message_is_printed_in_full(store, today):
    """A very long card message flows onto more pages: every character is there."""
    data = make(store, today, "card", message=LONG_MESSAGE)
    assert len(PdfReader(io.BytesIO(data)).pages) > 2
    assert squashed(LONG_MESSAGE) in squashed(pdf_text(data))


def test_card_says_what_was_decided_and_who_signs(store, today):
    """The inside of the card says the home is now the child's lasting home, signed by name."""
    text = " ".join(pdf_text(make(store, today, "card", first="Ola")).split())
    assert "home with Jo Clarke and Sam Clarke is now your lasting home" in text
    assert "Helen Sharples" in text
    assert "we are so proud of you" in text


def test_emoji_are_left_out_and_the_rest_kept(store, today):
    """An emoji in the child's words disappears quietly; the words around it stay."""
    text = " ".join(pdf_text(make(store, today, "book")).split())
    assert "Because I get to stay with Biscuit the dog" in text
    assert " ".join(drawable_text("Hi 😀👨‍👩‍👧 there ❤️ !").split()) == "Hi there !"


def test_right_to_left_names_never_crash_and_keep_their_letters(store, today):
    """An Urdu name prints with its letters (in visual order, unshaped) and no failure."""
    data = make(store, today, "certificate", first="عائشہ", last="Khan")
    runs = text_runs("عائشہ")
    assert runs[0].right_to_left and sorted(runs[0].text) == sorted("عائشہ")
    assert "NotoSansArabic" in " ".join(embedded_fonts(data))


@pytest.mark.parametrize("which", KEEPSAKES)
def test_fonts_are_embedded(store, today, which):
    """The PDFs carry their own fonts, so they print the same on any computer."""
    fonts = embedded_fonts(make(store, today, which, first="Αθηνά"))
    assert any("Andika" in name for name in fonts)
    assert any("NotoSans" in name for name in fonts)  # Greek


@pytest.mark.parametrize("which", KEEPSAKES)
def test_metadata_never_holds_the_childs_name(store, today, which):
    """Title and author name the document, not the child (file browsers show them)."""
    data = make(store, today, which, first="Zuzanna", last="Wiśniewska")
    meta = PdfReader(io.BytesIO(data)).metadata
    values = " ".join(str(v) for v in meta.values())
    assert "Zuzanna" not in values and "Wiśniewska" not in values
    assert meta.title and "Lasting Home" in meta.title


@pytest.mark.parametrize("which", KEEPSAKES)
def test_rendered_pages_are_not_blank(store, today, which, tmp_path):
    """Every page has something on it when rendered (where pdftoppm is installed)."""
    shares = rendered_ink(make(store, today, which), tmp_path)
    if not shares:
        pytest.skip("pdftoppm is not installed")
    assert all(share > 0.02 for share in shares)


def test_missing_or_broken_picture_is_left_out(store, today):
    """A chosen drawing whose file is damaged leaves the card whole, with a house instead."""
    record = add_child(store, today)
    library = DrawingLibrary(store)
    library.png_path(record.id, library.drawings(record.id)[0].drawing_id).write_bytes(b"junk")
    data = card_pdf(keepsake_sources(store, record.id, today))
    # Five pictures of the set (house, star, sparkles, heart, balloon), no drawing.
    assert "Łukasz" in pdf_text(data) and images_on(data, 0) == 5


def test_pictures_in_an_encrypted_folder_are_read_through_the_key(data_dir, today):
    """In an encrypted folder the child's drawing (sealed on disk) still reaches the card."""
    key = first_passphrase(data_dir, "correct horse battery staple", TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        record = add_child(store, today)
        data = card_pdf(keepsake_sources(store, record.id, today))
    assert images_on(data, 0) == 6  # the five pictures of the set and the drawing


def test_avatar_picture_and_no_drawings(store, today):
    """A child who chose an avatar and made no drawings still gets a full book."""
    data = make(store, today, "book", drawing=False, picture_kind=PictureKind.AVATAR)
    text = " ".join(pdf_text(data).split())
    assert "My Lasting Home" in text and "The beach at Morecambe" in text
    assert "My drawings" not in text


def images_on(data: bytes, page: int) -> int:
    """How many pictures are drawn on one page (the front panel's stickers and picture)."""
    resources = PdfReader(io.BytesIO(data)).pages[page]["/Resources"]
    objects = resources.get("/XObject") or {}
    return sum(1 for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image")


def test_the_childs_drawing_prints_in_its_own_colours(store, today, tmp_path):
    """The drawing on the card front shows its green grass (embedded without re-encoding)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    from PIL import Image

    source = tmp_path / "card.pdf"
    source.write_bytes(make(store, today, "card"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p-*.png")
    pixels = Image.open(page).convert("RGB").getcolors(1 << 20)
    grass = sum(n for n, (r, g, b) in pixels if abs(r - 0x7C) + abs(g - 0xC4) + abs(b - 0x6A) < 30)
    assert grass > 200


def test_long_words_in_the_book_are_kept_whole(store, today):
    """A 3,000-character answer flows over pages of the book with nothing cut off."""
    from lasting_home_desktop.domain.child_voice import WordsMark
    from lasting_home_desktop.storage.child_voice import ChildVoiceRecords

    record = add_child(store, today)
    words = ("I love my home & my dog <3 and the garden. " * 80)[:3000]
    records = ChildVoiceRecords(store)
    voice = records.load(record.id).with_answer("tell_the_visit", words, WordsMark.OWN_WORDS, today)
    records.save(record.id, voice)
    data = book_pdf(keepsake_sources(store, record.id, today))
    # Page numbers sit on lines of their own between the pages' text; leave them out.
    body = re.sub(r"(?m)^\s*\d+\s*$", "", pdf_text(data))
    assert len(PdfReader(io.BytesIO(data)).pages) >= 4
    assert squashed(words) in squashed(body)
