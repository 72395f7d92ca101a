"""Save a PNG of every together-mode page in both looks (offscreen, 1366 x 768, the screen
councils issue most), the worker's photo album and the child's voice tab.

Usage: python scripts/screenshots_together.py [output folder]   (default docs/screenshots)
Files: together-<look>-<page>.png, e.g. together-child-people.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from lasting_home_desktop.domain.child import (  # noqa: E402
    AgeBand,
    ChildRecord,
    PeopleAroundChild,
)
from lasting_home_desktop.domain.child_voice import (  # noqa: E402
    PAGE_ORDER,
    ChildVoice,
    PictureChoice,
    PictureKind,
    WordsMark,
)
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords, WorkerPin  # noqa: E402
from lasting_home_desktop.storage.drawings import DrawingLibrary  # noqa: E402
from lasting_home_desktop.storage.photo_album import PhotoAlbum  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import WORKER_STYLE, register_fonts  # noqa: E402
from lasting_home_desktop.ui.together.read_aloud import ReadAloud  # noqa: E402
from lasting_home_desktop.ui.together.window import TogetherWindow  # noqa: E402
from lasting_home_desktop.ui.together.worker_view import ChildVoiceSection  # noqa: E402
from lasting_home_desktop.ui.worker.photo_album_section import PhotoAlbumSection  # noqa: E402
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402

TODAY = dt.date(2026, 11, 22)
SIZE = (1366, 768)


def example_voice(band: AgeBand) -> ChildVoice:
    """A voice part-way through, so the pages show chosen cards as well as open ones."""
    voice = ChildVoice().with_preferred_name("Ola" if band is AgeBand.CHILD else "Kai", TODAY)
    voice = voice.with_picture(PictureChoice(PictureKind.AVATAR, "avatar-fox"), TODAY)
    for person in ("carers", "head_of_service", "family", "pets"):
        voice = voice.with_person(person, True, TODAY)
    voice = voice.with_added_person("Nan", "person-family", TODAY)
    voice = voice.with_place("park", "", TODAY)
    voice = voice.with_celebration("bowling", True, TODAY)
    voice = voice.with_celebration("cake", True, TODAY)
    voice = voice.with_feeling("happy", "I love my room and our dog Biscuit.", TODAY)
    voice = voice.with_answer(
        "feels_like_home",
        "Pancakes on Sunday and Biscuit waiting at the door.",
        WordsMark.OWN_WORDS,
        TODAY,
    )
    voice = voice.with_answer(
        "what_it_means", "It means I get to stay.", WordsMark.WRITTEN_BY_WORKER, TODAY
    )
    for page in PAGE_ORDER[:6]:
        voice = voice.with_visit(page)
    return voice.with_look(band)


def add_drawing_and_photo(store: CaseloadStore, child_id: str) -> None:
    """A drawing (a sun over a green hill) and a photo in the album, drawn here, not fetched."""
    import io

    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (1600, 1200), "white")
    pen = ImageDraw.Draw(picture)
    pen.ellipse((-200, 800, 1800, 1700), fill="#8ac926")
    pen.ellipse((1150, 150, 1450, 450), fill="#ffd60a")
    pen.rectangle((500, 600, 900, 950), fill="#e63946")
    pen.polygon([(450, 600), (700, 380), (950, 600)], fill="#8b5a2b")
    out = io.BytesIO()
    picture.save(out, "PNG")
    library = DrawingLibrary(store)
    info = library.new_drawing(child_id, name="My house")
    library.save_png(child_id, info.drawing_id, out.getvalue())
    library.record_saved(child_id, info.drawing_id)
    photo = Image.new("RGB", (800, 600), "#98c1d9")
    ImageDraw.Draw(photo).ellipse((250, 150, 550, 450), fill="#ffcba4")
    out = io.BytesIO()
    photo.save(out, "JPEG")
    PhotoAlbum(store, TODAY).add(child_id, out.getvalue(), "Me at the seaside")


def main(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        store = CaseloadStore.open(Path(folder) / "data")
        try:
            child = store.add_child(
                ChildRecord(
                    "Aleksandra",
                    "Nowak",
                    preferred_name="Ola",
                    date_of_birth=dt.date(2018, 5, 1),
                    people=PeopleAroundChild(
                        carers=("Jo", "Sam"), social_worker="Priya", team_manager="Mark"
                    ),
                ),
                TODAY,
            )
            WorkerPin(store).set("2957")
            add_drawing_and_photo(store, child.id)
            for band, look in ((AgeBand.CHILD, "child"), (AgeBand.YOUNG_PERSON, "young-person")):
                ChildVoiceRecords(store).save(child.id, example_voice(band))
                window = TogetherWindow(
                    store, child.id, TODAY, RecordedMessages(), ReadAloud("mock")
                )
                window.setWindowModality(window.windowModality().NonModal)
                window.resize(*SIZE)
                window.show()
                for page in PAGE_ORDER:
                    window.go_to(page)
                    app.processEvents()
                    path = out / f"together-{look}-{page.value.replace('_', '-')}.png"
                    window.grab().save(str(path))
                    saved.append(path)
                window.request_leave()
                app.processEvents()
                window.grab().save(str(out / f"together-{look}-pin.png"))
                saved.append(out / f"together-{look}-pin.png")
                window.pin_panel.pin_edit.setText("2957")
                window.pin_panel.submit()
                app.processEvents()
            # The worker's side afterwards: what the child said, with a worry flag.
            worried = example_voice(AgeBand.CHILD).with_feeling(
                "worried", "I don't know if I can still see my brother.", TODAY
            )
            ChildVoiceRecords(store).save(child.id, worried)
            register_fonts()
            context = ChildSectionContext(store, child.id, TODAY, RecordedMessages(), lambda: None)
            section = ChildVoiceSection(context, speech_engine="mock")
            section.setStyleSheet(WORKER_STYLE)
            section.resize(1000, 640)
            section.show()
            app.processEvents()
            path = out / "worker-child-voice.png"
            section.grab().save(str(path))
            saved.append(path)
            section.close()
            album = PhotoAlbumSection(context, choose_files=lambda _parent: [])
            album.setStyleSheet(WORKER_STYLE)
            album.resize(1000, 480)
            album.show()
            app.processEvents()
            path = out / "worker-photo-album.png"
            album.grab().save(str(path))
            saved.append(path)
            album.close()
        finally:
            store.close()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for path in main(target):
        print(path)
