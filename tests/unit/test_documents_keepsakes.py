"""The child's card, certificate and book: what a child and a printer would notice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from documents_support import (
    HOSTILE_FIRST,
    HOSTILE_LAST,
    LONG_MESSAGE,
    URDU_NAME,
    add_child,
    embedded_fonts,
    last_body_line,
    pdf_text,
    squashed,
)
from pypdf import PdfReader

from lasting_home_desktop.documents.book import book_pdf
from lasting_home_desktop.documents.card import MessageTooLong, card_pdf
from lasting_home_desktop.documents.certificate import certificate_pdf
from lasting_home_desktop.documents.keepsakes import keepsake_sources
from lasting_home_desktop.domain.card_message import CardMessage
from lasting_home_desktop.domain.child import AgeBand, DecisionRoute, HomeType
from lasting_home_desktop.domain.child_voice import PictureKind
from lasting_home_desktop.storage.card_message import CardMessages
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import first_passphrase

TEST_COST = ScryptCost(n=2**10, r=8, p=1)  # a quick key derivation, for tests only
KEEPSAKES = {"card": card_pdf, "certificate": certificate_pdf, "book": book_pdf}


def make(store, today, which, **child):
    record = add_child(store, today, **child)
    return KEEPSAKES[which](keepsake_sources(store, record.id, today))


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


def test_a_5000_character_message_is_refused_kindly_never_a_second_sheet(store, today):
    """A message far too long for the card (kept from before the limit) is refused with a kind
    word saying how much fits; the card never runs on to a second sheet."""
    record = add_child(store, today, first="Ola")
    store.save_section("card", record.id, CardMessage(message=LONG_MESSAGE).to_dict())
    with pytest.raises(MessageTooLong) as refused:
        card_pdf(keepsake_sources(store, record.id, today))
    assert "up to 1,000 fit" in refused.value.kind_message
    assert "Nothing has been lost" in refused.value.kind_message


@pytest.mark.parametrize(
    "message",
    [
        ("Dear Łukasz, well done & thank you <3. " * 30)[:1000],
        ("WWWW MMMM ŁŁŁŁ " * 70)[:1000],
        ("پیاری عائشہ، ہم سب کو آپ پر بہت فخر ہے۔ " * 30)[:1000],
        "\n".join(f"Line {n}: we are proud of you, Zoë 🎉" for n in range(16)),
        ("Bảo ơi, chúc mừng con! Cả nhà rất tự hào về con. " * 25)[:1000],
    ],
    ids=["latin", "wide-letters", "urdu", "sixteen-lines", "vietnamese"],
)
def test_every_message_the_form_allows_fits_on_one_sheet(store, today, message):
    """Any message within the limits the writer is told (1,000 characters, 16 lines), in any
    script, prints whole on one sheet: two pages, front and back."""
    assert not CardMessage(message=message).problems()
    data = make(store, today, "card", first="Ola", message=message)
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    assert squashed(message.replace("🎉", "")) in squashed(pdf_text(data))


def test_card_says_what_was_decided_and_who_signs(store, today):
    """The inside of the card says the home is now the child's lasting home, signed by name."""
    text = " ".join(pdf_text(make(store, today, "card", first="Ola")).split())
    assert "home with Jo Clarke and Sam Clarke is now your lasting home" in text
    assert "Helen Sharples" in text
    assert "we are so proud of you" in text


@pytest.mark.parametrize("which", ["card", "certificate"])
def test_card_and_certificate_say_how_the_child_chose_to_celebrate(store, today, which):
    """The celebration the child chose is on the card and the certificate, words and picture."""
    with_choice = make(store, today, which, first="Ola")
    text = " ".join(pdf_text(with_choice).split())
    assert "To celebrate, you chose a special cake." in text
    record = add_child(store, today, first="Mo")
    records = ChildVoiceRecords(store)
    voice = records.load(record.id)
    records.save(record.id, replace(voice, celebrations=()))
    without = KEEPSAKES[which](keepsake_sources(store, record.id, today))
    assert "To celebrate" not in pdf_text(without)
    page = 1 if which == "card" else 0
    assert images_on(with_choice, page) == images_on(without, page) + 1  # the cake


def test_a_celebration_the_child_typed_is_in_their_words(store, today):
    """ "Something else" prints what the child typed, as they typed it, beside our own words."""
    record = add_child(store, today, first="Ola")
    records = ChildVoiceRecords(store)
    voice = records.load(record.id).with_celebration("something_else", True, today)
    records.save(record.id, voice.with_celebration_typed("Go-karting with Jo & Sam", today))
    text = " ".join(pdf_text(card_pdf(keepsake_sources(store, record.id, today))).split())
    assert "To celebrate, you chose a special cake and Go-karting with Jo & Sam." in text


def test_panel_card_with_no_chair_named_signs_once(store, today):
    """On the panel route with no Chair recorded, the card is signed "Panel Chair" once, not
    "Panel Chair / Panel Chair"."""
    record = add_child(store, today, first="Ola", route=DecisionRoute.PANEL)
    store.update_child(record.with_changes(people=replace(record.people, decision_maker="")), today)
    CardMessages(store).save(record.id, CardMessage(message="Well done, Ola."))
    text = pdf_text(card_pdf(keepsake_sources(store, record.id, today)))
    assert text.count("Panel Chair") == 1


def test_a_residential_home_is_named_on_the_card_and_certificate(store, today):
    """A residential home is named ("your home at Oakfield House"), never the empty "your home
    is your lasting home"; without a name the words still say something."""
    record = add_child(store, today, first="Ola", carers=("Amy Shaw (key worker)",))
    store.update_child(record.with_changes(home_type=HomeType.RESIDENTIAL), today)
    cards = CardMessages(store)
    cards.save(record.id, CardMessage(message="Well done.", home_name="Oakfield House"))
    sources = keepsake_sources(store, record.id, today)
    card = " ".join(pdf_text(card_pdf(sources)).split())
    certificate = " ".join(pdf_text(certificate_pdf(sources)).split())
    assert "Your home at Oakfield House is now your lasting home." in card
    assert "the people at Oakfield House looking after you" in card
    assert "that your home at Oakfield House is your lasting home." in certificate
    assert "key worker" not in certificate
    cards.save(record.id, CardMessage(message="Well done."))
    unnamed = " ".join(pdf_text(card_pdf(keepsake_sources(store, record.id, today))).split())
    assert "your home is your lasting home" not in unnamed.casefold()
    assert "The home you live in is now your lasting home." in unnamed


def test_emoji_are_drawn_as_pictures_and_leave_no_gap(store, today):
    """An emoji a child would use is drawn as a picture; one we have no picture for is left
    out with no stray space ("Great news, Zoë!", never "Zoë !")."""
    plain = make(store, today, "card", first="Zoë", message="Well done!")
    with_emoji = make(store, today, "card", first="Zoë", message="Well done 🎉🐶❤️!")
    assert images_on(with_emoji, 1) == images_on(plain, 1) + 3
    unknown = make(store, today, "card", first="Zoë 🦭", message="Hi 🦭 there 🦭!")
    text = pdf_text(unknown)
    assert "Great news, Zoë!" in text and "Hi there!" in " ".join(text.split())


def test_right_to_left_names_print_joined_in_a_bold_arabic_face(store, today):
    """An Urdu name prints in the bold Noto Sans Arabic face on the certificate and reads back
    as typed, letters in order."""
    data = make(store, today, "certificate", first=URDU_NAME, last="Khan")
    assert URDU_NAME in pdf_text(data)
    fonts = " ".join(embedded_fonts(data))
    assert "NotoSansArabic-Bold" in fonts and "NotoSansArabic-Regular" not in fonts


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


@pytest.mark.parametrize("lines", range(1, 40, 3))
def test_a_prompt_in_the_book_is_never_apart_from_its_answer(store, today, lines):
    """However long the answer before it, a prompt never ends a page of the book: it stays
    with the child's words."""
    from lasting_home_desktop.domain.child_voice import PROMPTS, WordsMark

    record = add_child(store, today)
    records = ChildVoiceRecords(store)
    words = "\n\n".join(f"Thing {n} I love about home." for n in range(lines))
    voice = records.load(record.id).with_answer(
        "feels_like_home", words, WordsMark.OWN_WORDS, today
    )
    records.save(record.id, voice)
    prompts = {p.text(band) for p in PROMPTS for band in AgeBand}
    reader = PdfReader(io.BytesIO(book_pdf(keepsake_sources(store, record.id, today))))
    for page in reader.pages[:-1]:
        assert last_body_line(page, top=790, bottom=60) not in prompts


def test_example_card_messages_speak_of_one_carer_as_one(today):
    """The example children's card messages say "Grandma Nowak is so proud", never "are";
    "Jo and Sam are"; a residential home's message names the home."""
    from lasting_home_desktop.domain.card_message import CardMessage as Card
    from lasting_home_desktop.domain.demo import example_children

    seen = set()
    for example in example_children(48, today):
        card = Card.from_dict(example.sections["card"])
        found = re.search(r"\. ([^.]+?) (is|are) so proud", card.message)
        if found is None:
            continue
        who, verb = found.groups()
        seen.add(verb)
        assert verb == ("are" if " and " in who else "is"), card.message
        if example.record.home_type is HomeType.RESIDENTIAL:
            assert card.home_name and f"Everyone at {card.home_name}" == who
    assert seen == {"is", "are"}
