"""Every document for the twelve example children and twelve children with hard names: made,
read back, checked for their fonts and rendered, as a council would print and file them.

All the PDFs go into one file, read back by pdftotext, listed by pdffonts and rendered by
pdftoppm once (two halves side by side), which keeps a 128-document check to seconds.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import dataclass, field

import pytest
from documents_support import HARD_NAMES, add_child, drawn_name, render_pages, squashed
from PIL import Image
from pypdf import PdfReader, PdfWriter

from lasting_home_desktop.documents.card import card_pdf
from lasting_home_desktop.documents.certificate import certificate_pdf
from lasting_home_desktop.documents.export import DOCUMENT_KINDS, document_pdf, not_ready
from lasting_home_desktop.documents.keepsakes import keepsake_sources
from lasting_home_desktop.domain.child_voice import PictureKind
from lasting_home_desktop.domain.outcome import OutcomeNotDecided
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.example_caseload import add_example_children

TODAY = dt.date(2026, 11, 22)
TOOLS = all(shutil.which(tool) for tool in ("pdftoppm", "pdffonts", "pdftotext"))
CHILDREN = 24
FOR_CHILD = {kind.key for kind in DOCUMENT_KINDS if kind.for_child}
AVATAR = {"drawing": False, "picture_kind": PictureKind.AVATAR}
pytestmark = pytest.mark.skipif(not TOOLS, reason="needs poppler's pdftoppm, pdffonts, pdftotext")


@dataclass
class Printed:
    """One document as made, and its pages as read back and rendered."""

    key: str
    name: str
    pages: list[str] = field(default_factory=list)  # text of each page
    ink: list[float] = field(default_factory=list)  # share of each page that is not paper


@dataclass
class Run:
    documents: dict[str, list[Printed]]  # child id -> documents
    refused: dict[str, list[str]]  # child id -> keys not made, with OutcomeNotDecided
    unembedded: list[str]
    order: list[str]  # child ids


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Run:
    folder = tmp_path_factory.mktemp("every")
    with CaseloadStore.open(folder / "data") as store:
        add_example_children(store, TODAY, 12)
        for first, last in HARD_NAMES:
            # An avatar, not a drawing: the example children's drawings are enough pictures,
            # and a 1600-pixel drawing is most of the time a page takes to render.
            message = f"Dear {first}, well done 🎉!"
            add_child(store, TODAY, first=first, last=last, message=message, **AVATAR)
        run = Run({}, {}, [], sorted(c.id for c in store.children()))
        together = PdfWriter()
        for child_id in run.order:
            child = store.child(child_id)
            sources = keepsake_sources(store, child_id, TODAY)
            run.documents[child_id], run.refused[child_id] = [], []
            for kind in DOCUMENT_KINDS:
                if not_ready(store, child_id, kind.key):
                    for make in (card_pdf, certificate_pdf):
                        with pytest.raises(OutcomeNotDecided):
                            make(sources)
                    run.refused[child_id].append(kind.key)
                    continue
                data = document_pdf(store, child_id, kind.key, TODAY)
                name = sources.name if kind.key in FOR_CHILD else child.full_name
                document = Printed(kind.key, name)
                document.pages = [""] * len(PdfReader(io.BytesIO(data)).pages)
                run.documents[child_id].append(document)
                together.append(io.BytesIO(data))
    source = folder / "all.pdf"
    with source.open("wb") as out:
        together.write(out)
    _read_back(run, source, folder)
    return run


def _read_back(run: Run, source, folder) -> None:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout
    listing = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True, check=True)
    run.unembedded = [
        r.split()[0] for r in listing.stdout.splitlines()[2:] if r.split()[-5] != "yes"
    ]
    pages = text.split("\f")
    total = sum(len(d.pages) for docs in run.documents.values() for d in docs)
    half = total // 2
    renders = [
        subprocess.Popen(
            [
                "pdftoppm",
                "-png",
                "-r",
                "8",
                "-f",
                str(first),
                "-l",
                str(last),
                str(source),
                str(folder / "page"),
            ]
        )
        for first, last in ((1, half), (half + 1, total))
    ]
    for render in renders:
        assert render.wait() == 0
    shares = []
    for number in range(1, total + 1):
        png = next(folder.glob(f"page-{number:0{len(str(total))}d}.png"))
        pixels = Image.open(png).convert("L").tobytes()
        shares.append(sum(1 for p in pixels if p < 235) / len(pixels))
    index = 0
    for child_id in run.order:
        for document in run.documents[child_id]:
            for page in range(len(document.pages)):
                document.pages[page] = pages[index].replace("\u202b", "").replace("\u202c", "")
                document.ink.append(shares[index])
                index += 1


def whole_words(name: str) -> list[str]:
    """The parts of a name a line may never cut: what lies between spaces and hyphens."""
    return [part for part in re.split(r"[\s-]+", drawn_name(name)) if part]


def test_only_embedded_fonts_in_any_document(printed):
    """pdffonts lists every font of all 128 documents as embedded (no Helvetica, no other)."""
    assert printed.unembedded == []


@pytest.mark.parametrize("index", range(CHILDREN))
def test_every_document_reads_back_whole_and_renders(printed, index):
    """Each child's documents carry their name whole (never cut mid-word), never the word the
    children disliked, and ink on every page; the card is one sheet, the certificate one
    page; a card or certificate for a child whose outcome is not decided is refused."""
    child_id = printed.order[index]
    made = {document.key for document in printed.documents[child_id]}
    assert made | set(printed.refused[child_id]) == {kind.key for kind in DOCUMENT_KINDS}
    assert set(printed.refused[child_id]) <= {"card", "certificate"}
    for document in printed.documents[child_id]:
        text = "\n".join(document.pages)
        # pdftotext joins a word broken after a hyphen at a line's end, dropping the hyphen.
        unhyphenated = squashed(text.replace("-", ""))
        # Emoji are pictures that carry their text for copying (pdftotext reads it).
        names = {squashed(n.replace("-", "")) for n in (document.name, drawn_name(document.name))}
        assert any(name in unhyphenated for name in names), document
        for part in whole_words(document.name):
            assert part in text, (document.key, part)
        if document.key in FOR_CHILD:
            assert "permanen" not in text.casefold()
        assert document.key != "card" or len(document.pages) == 2  # one sheet, both sides
        assert document.key != "certificate" or len(document.pages) == 1
        assert all(share > 0.01 for share in document.ink), (document.key, document.ink)


def test_no_mark_within_5_mm_of_the_paper_edge(tmp_path):
    """Office printers cannot print near the edge: every page of every kind of document keeps
    a clear white border of 5 mm, so nothing is cut off or shrunk to fit."""
    with CaseloadStore.open(tmp_path / "data") as store:
        child = add_child(store, TODAY, first="Zoë 🦄", message="Well done 🎉!", **AVATAR)
        made = [(k.key, document_pdf(store, child.id, k.key, TODAY)) for k in DOCUMENT_KINDS]
    for key, data in made:
        for png in render_pages(data, tmp_path, 36, stem=key):  # a pixel is two points
            image = Image.open(png).convert("L")
            width, height = image.size
            edge = 7  # pixels: 4.9 mm
            strips = [
                image.crop((0, 0, width, edge)),
                image.crop((0, height - edge, width, height)),
                image.crop((0, 0, edge, height)),
                image.crop((width - edge, 0, width, height)),
            ]
            assert all(strip.getextrema()[0] >= 250 for strip in strips), (key, png.name)
