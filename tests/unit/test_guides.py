"""The guides: all present, faithful in the words children asked for, and exportable to PDF."""

import io

import pytest
from pypdf import PdfReader

from lasting_home_desktop import resources
from lasting_home_desktop.documents.guide_pdf import guide_pdf_bytes, write_guide_pdf
from lasting_home_desktop.domain.guides import (
    GUIDES,
    blocks,
    child_word_problems,
    spans,
    spoken_text,
)
from lasting_home_desktop.domain.partner_contributions import PARTNER_QUESTIONS


def _text(info):
    return resources.guide(info.file).read_text(encoding="utf-8")


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("info", GUIDES, ids=lambda info: info.key)
def test_every_guide_loads_with_a_title_and_sections(info):
    """Each guide exists, starts with a title and has several sections."""
    parsed = blocks(_text(info))
    assert parsed[0].kind == "heading" and parsed[0].level == 1
    assert sum(1 for b in parsed if b.kind == "heading" and b.level == 2) >= 3


@pytest.mark.parametrize("info", [g for g in GUIDES if g.for_children], ids=lambda i: i.key)
def test_childrens_guides_never_say_permanence(info):
    """Children asked for the word not to be used with them."""
    assert child_word_problems(_text(info)) == []


def test_word_check_catches_the_word():
    """The check itself finds the word in any form."""
    assert child_word_problems("Fine\nPermanent homes\nalso PERMANENCE") == [
        "Line 2: Permanent homes",
        "Line 3: also PERMANENCE",
    ]


def test_childrens_guide_is_short_and_has_pictures_from_the_set():
    """Short enough to read aloud in a few minutes, with pictures that exist."""
    info = GUIDES[0]
    text = _text(info)
    assert len(text.split()) < 400
    pictures = [b.picture for b in blocks(text) if b.kind == "picture"]
    assert len(pictures) >= 5
    for name in pictures:
        assert resources.picture(name).exists()


def test_guides_tell_the_process_faithfully():
    """Key facts of the protocols appear where they belong."""
    young = _text(GUIDES[1])
    assert "two weeks" in young and "letter" in young and "avatar" in young
    carers = _text(GUIDES[3])
    assert "staying put" in carers and "letter of commitment" in carers
    partners = _text(GUIDES[4])
    for question in PARTNER_QUESTIONS:
        assert question in partners


def test_spoken_text_has_no_markup_or_picture_names():
    """Reading aloud says the words, not asterisks or file names."""
    spoken = spoken_text(_text(GUIDES[0]))
    assert "*" not in spoken and "picture:" not in spoken and "#" not in spoken
    assert "Your Lasting Home." in spoken


def test_bold_and_italic_spans():
    """**bold** and *italic* are read as such."""
    assert [(s.text, s.bold, s.italic) for s in spans("a **b** *c*")] == [
        ("a ", False, False),
        ("b", True, False),
        (" ", False, False),
        ("c", False, True),
    ]


@pytest.mark.parametrize("info", GUIDES, ids=lambda info: info.key)
def test_every_guide_exports_to_a_readable_pdf(info, tmp_path):
    """The PDF opens and contains the guide's title and last heading, with fonts embedded."""
    path = write_guide_pdf(_text(info), tmp_path / f"{info.key}.pdf", info.title)
    reader = PdfReader(path)
    text = _pdf_text(path.read_bytes())
    parsed = blocks(_text(info))
    assert parsed[0].text.replace("*", "") in text.replace("\n", " ")
    last_heading = [b.text for b in parsed if b.kind == "heading"][-1]
    assert last_heading in text.replace("\n", " ")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all("/FontFile2" in f.get_object()["/FontDescriptor"] for f in _descendants(fonts))


def _descendants(fonts):
    for ref in fonts.values():
        font = ref.get_object()
        if "/DescendantFonts" in font:
            yield from (d.get_object() for d in font["/DescendantFonts"])
        elif "/FontDescriptor" in font:
            yield font


def test_markup_in_guide_text_prints_literally():
    """A guide line with <b>&amp; and 0 < 1 prints as written and does not break the PDF."""
    data = guide_pdf_bytes("# Test\n\nNames like <b>&amp; and 0 < 1, Łucja, **bold**.", "Test")
    text = _pdf_text(data)
    assert "<b>&amp; and 0 < 1, Łucja, bold." in text


def test_pictures_go_into_the_pdf_when_given():
    """With a picture renderer, each picture line becomes an image."""
    from PIL import Image

    def png(name: str) -> bytes:
        buffer = io.BytesIO()  # a different colour per picture, so none is shared
        Image.new("RGB", (40, 40), (len(name) * 9 % 256, ord(name[-1]), 80)).save(buffer, "PNG")
        return buffer.getvalue()

    data = guide_pdf_bytes(_text(GUIDES[0]), "Children", png, large=True)
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)
    assert images == sum(1 for b in blocks(_text(GUIDES[0])) if b.kind == "picture")
