"""Render the card, the certificate and pages of the book to docs/screenshots/doc-*.png.

Uses fictional children in a temporary data folder (Ola, and Ayesha, whose name and card
message are in Urdu) and pdftoppm (poppler-utils).

    .venv/bin/python scripts/screenshots_documents.py
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lasting_home_desktop.documents.book import book_pdf  # noqa: E402
from lasting_home_desktop.documents.card import card_pdf  # noqa: E402
from lasting_home_desktop.documents.certificate import certificate_pdf  # noqa: E402
from lasting_home_desktop.documents.keepsakes import keepsake_sources  # noqa: E402
from lasting_home_desktop.domain.card_message import CardMessage  # noqa: E402
from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild  # noqa: E402
from lasting_home_desktop.domain.child_voice import (  # noqa: E402
    ChildVoice,
    Page,
    PictureChoice,
    PictureKind,
    WordsMark,
)
from lasting_home_desktop.domain.journey import Decision, JourneyDates  # noqa: E402
from lasting_home_desktop.storage.card_message import CardMessages  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords  # noqa: E402
from lasting_home_desktop.storage.drawings import DrawingLibrary  # noqa: E402
from lasting_home_desktop.storage.example_drawings import house_drawing_png  # noqa: E402

TODAY = dt.date(2026, 11, 22)
OUT = ROOT / "docs" / "screenshots"
MESSAGE = (
    "Dear Ola,\n\nIt was so lovely to meet you and hear about everything you chose. Your "
    "drawing of your home made everyone smile. Jo and Sam are so proud of you, and so are we. "
    "Enjoy your special cake!"
)
URDU_MESSAGE = (
    "پیاری عائشہ، ہم سب کو آپ پر بہت فخر ہے۔ آپ کا گھر ہمیشہ آپ کا گھر رہے گا، اور جو اور سیم "
    "ہمیشہ آپ کے ساتھ ہیں۔ اپنے خاص کیک کا مزہ لیں!"
)


def example_child(
    store: CaseloadStore,
    names: tuple[str, str, str] = ("Aleksandra", "Ola", "Nowak"),
    message: str = MESSAGE,
) -> str:
    first, preferred, last = names
    child = store.add_child(
        ChildRecord(
            first_name=first,
            preferred_name=preferred,
            last_name=last,
            date_of_birth=dt.date(2018, 4, 9),
            people=PeopleAroundChild(
                carers=("Jo Clarke", "Sam Clarke"),
                social_worker="Rachel Entwistle",
                team_manager="Helen Sharples",
                decision_maker="Caroline Marsden",
            ),
            journey=JourneyDates(
                matching_meeting=TODAY - dt.timedelta(days=40),
                recommendation_sent=TODAY - dt.timedelta(days=34),
                decision=Decision.AGREED,
                decision_date=TODAY - dt.timedelta(days=24),
                visit=TODAY + dt.timedelta(days=6),
            ),
        ),
        TODAY,
    )
    library = DrawingLibrary(store)
    info = library.new_drawing(child.id, name="My home")
    library.save_png(child.id, info.drawing_id, house_drawing_png(random.Random(3), people=4))
    library.record_saved(child.id, info.drawing_id)
    day = TODAY - dt.timedelta(days=12)
    voice = (
        ChildVoice()
        .with_preferred_name(preferred, day)
        .with_picture(PictureChoice(PictureKind.DRAWING, info.drawing_id), day)
        .with_person("carers", True, day)
        .with_person("social_worker", True, day)
        .with_person("head_of_service", True, day)
        .with_person("pets", True, day)
        .with_added_person("Nan", "person-family", day)
        .with_place("garden", "", day)
        .with_celebration("cake", True, day)
        .with_celebration("bowling", True, day)
        .with_feeling("very_happy", "Because I get to stay with Biscuit the dog.", day)
        .with_answer(
            "feels_like_home",
            "We have pancakes on Saturdays and I help Sam in the garden. Everyone says goodnight.",
            WordsMark.WRITTEN_BY_WORKER,
            day,
        )
        .with_answer(
            "tell_the_visit", "That I love it here & I want to stay!", WordsMark.OWN_WORDS, day
        )
    )
    for page in Page:
        voice = voice.with_visit(page)
    ChildVoiceRecords(store).save(child.id, voice)
    CardMessages(store).save(child.id, CardMessage(message=message, colour="look"))
    return child.id


def render(
    pdf: bytes, stem: str, work: Path, pages: tuple[int, ...] | None = None, dpi: int = 70
) -> list[Path]:
    source = work / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(work / stem)], check=True)
    made = sorted(work.glob(f"{stem}-*.png"))
    out = []
    for number, png in enumerate(made, start=1):
        if pages and number not in pages:
            continue
        target = OUT / f"doc-{stem}-{number}.png" if len(made) > 1 else OUT / f"doc-{stem}.png"
        shutil.copyfile(png, target)
        out.append(target)
    return out


def main() -> int:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is needed (apt-get install poppler-utils).")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        with CaseloadStore.open(work / "data") as store:
            sources = keepsake_sources(store, example_child(store), TODAY)
            made = render(card_pdf(sources), "card", work)
            made += render(certificate_pdf(sources), "certificate", work)
            made += render(book_pdf(sources), "book", work, pages=(1, 2, 3))
            urdu = ("Ayesha", "عائشہ", "Khan")
            sources = keepsake_sources(store, example_child(store, urdu, URDU_MESSAGE), TODAY)
            made += render(certificate_pdf(sources), "certificate-urdu", work, dpi=90)
            made += render(card_pdf(sources), "card-urdu", work, pages=(2,), dpi=90)
        made += app_screenshots(work)
    for path in made:
        print(path.relative_to(ROOT))
    return 0


def app_screenshots(work: Path) -> list[Path]:
    """The Documents tab showing a preview, and the batch dialog after a run (Qt offscreen)."""
    import os
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from lasting_home_desktop.ui.messages import RecordedMessages
    from lasting_home_desktop.ui.theme import apply_worker_theme
    from lasting_home_desktop.ui.worker.batch_dialog import BatchDialog
    from lasting_home_desktop.ui.worker.documents_section import DocumentsSection
    from lasting_home_desktop.ui.worker.sections import ChildSectionContext

    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    tab, dialog = OUT / "worker-documents.png", OUT / "worker-batch.png"
    with CaseloadStore.open(work / "app") as store:
        child_id = example_child(store)
        context = ChildSectionContext(store, child_id, TODAY, RecordedMessages(), lambda: None)
        section = DocumentsSection(context)
        section.resize(1200, 760)
        section.show()
        section.preview()
        for _ in range(100):  # the preview renders its pages in the background
            app.processEvents()
            time.sleep(0.02)
        section.grab().save(str(tab))
        batch = BatchDialog(store, TODAY, RecordedMessages())
        batch.folder.setText(str(work / "batch"))
        batch.show()
        batch.start_batch()
        while batch.running:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        batch.grab().save(str(dialog))
        section.close()
        batch.close()
    return [tab, dialog]


if __name__ == "__main__":
    raise SystemExit(main())
