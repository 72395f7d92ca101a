"""How quickly the child's card and certificate are made.

1. Card + certificate for one child with a drawing, warm and in-process, against the floor of
   placing the same drawing on one page with bare reportlab calls (Canvas, drawImage of the
   PNG, save), alternated in the same run; median of 15 each.
2. A batch of 100 children, each with their own drawing: the whole `lasting-home export
   --visits-from ... --combined` process, start to exit (two runs; the faster counts).

Both use reportlab's settings as the app sets them: `rl_config.useA85 = 0` (binary streams, no
pure-Python ASCII85 pass), page compression on. The drawing is turned into JPEG bytes once and
embedded as they are in both the card and the certificate.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import TODAY, figure, median  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from lasting_home_desktop.documents.card import card_pdf  # noqa: E402
from lasting_home_desktop.documents.certificate import certificate_pdf  # noqa: E402
from lasting_home_desktop.documents.keepsakes import keepsake_sources  # noqa: E402
from lasting_home_desktop.domain.card_message import CardMessage  # noqa: E402
from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild  # noqa: E402
from lasting_home_desktop.domain.child_voice import (  # noqa: E402
    ChildVoice,
    PictureChoice,
    PictureKind,
)
from lasting_home_desktop.domain.journey import Decision, JourneyDates  # noqa: E402
from lasting_home_desktop.storage.card_message import CardMessages  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords  # noqa: E402
from lasting_home_desktop.storage.drawings import DrawingLibrary  # noqa: E402
from lasting_home_desktop.storage.example_drawings import house_drawing_png  # noqa: E402

RUNS = 15
BATCH = 100
# Names in several scripts, Urdu among them (joined and put in reading order line by line).
FIRST = ("Łukasz", "Zofia", "Αθηνά", "Жанна", "Bảo", "Ștefan", "Ola", "عائشہ", "Siân", "Tobi")


def add_children(store: CaseloadStore, count: int) -> list[str]:
    ids = []
    library, voices, cards = DrawingLibrary(store), ChildVoiceRecords(store), CardMessages(store)
    for index in range(count):
        child = store.add_child(
            ChildRecord(
                first_name=FIRST[index % len(FIRST)],
                last_name=f"Nowak-{index}",
                date_of_birth=dt.date(2017, 3, 1),
                people=PeopleAroundChild(
                    carers=("Jo Clarke", "Sam Clarke"),
                    team_manager="Helen Sharples",
                    decision_maker="Caroline Marsden",
                ),
                journey=JourneyDates(
                    matching_meeting=TODAY - dt.timedelta(days=40),
                    recommendation_sent=TODAY - dt.timedelta(days=35),
                    decision=Decision.AGREED,
                    decision_date=TODAY - dt.timedelta(days=25),
                    visit=TODAY + dt.timedelta(days=1 + index % 20),
                ),
            ),
            TODAY,
        )
        info = library.new_drawing(child.id, name="My home")
        library.save_png(child.id, info.drawing_id, house_drawing_png(random.Random(index)))
        library.record_saved(child.id, info.drawing_id)
        voice = ChildVoice().with_picture(
            PictureChoice(PictureKind.DRAWING, info.drawing_id), TODAY
        )
        voices.save(child.id, voice)
        message = f"Dear {FIRST[index % len(FIRST)]}, we are so proud of you 🎉. " * 4
        cards.save(child.id, CardMessage(message=message))
        ids.append(child.id)
    return ids


def floor(png: Path) -> bytes:
    """The least a PDF with this drawing on a page can cost in reportlab."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4), pageCompression=1)
    canvas.drawImage(str(png), 100, 100, 400, 300)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def card_and_certificate(store: CaseloadStore, child_id: str) -> int:
    sources = keepsake_sources(store, child_id, TODAY)
    return len(card_pdf(sources)) + len(certificate_pdf(sources))


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        with CaseloadStore.open(folder) as store:
            (child_id,) = add_children(store, 1)
            library = DrawingLibrary(store)
            png = library.png_path(child_id, library.drawings(child_id)[0].drawing_id)
            card_and_certificate(store, child_id)  # warm: fonts registered, picture prepared
            floor(png)
            ours, bare = [], []
            for _ in range(RUNS):
                start = time.perf_counter()
                card_and_certificate(store, child_id)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                floor(png)
                bare.append(time.perf_counter() - start)
        print(
            f"card + certificate {median(ours) * 1000:.1f} ms; "
            f"bare reportlab page with the drawing {median(bare) * 1000:.1f} ms"
        )
        figure("card_certificate_ratio", median(ours) / median(bare), "x", "<=", 1.5)

        batch_folder = Path(temp) / "batch"
        with CaseloadStore.open(batch_folder) as store:
            add_children(store, BATCH)
        command = [
            sys.executable,
            "-m",
            "lasting_home_desktop",
            "export",
            "--data-dir",
            str(batch_folder),
            "--visits-from",
            "22/11/2026",
            "--visits-to",
            "31/12/2026",
            "--combined",
            "--today",
            "22/11/2026",
        ]
        times = []
        for run in range(2):
            out = Path(temp) / f"out{run}"
            start = time.perf_counter()
            done = subprocess.run([*command, "--out", str(out)], capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            made = len(list(out.glob("*.pdf")))
            if made != 2 * BATCH + 1:
                raise SystemExit(f"Expected {2 * BATCH + 1} PDFs, found {made}")
        print(f"batch of {BATCH} children: runs of {', '.join(f'{t:.2f}' for t in times)} s")
        figure("batch_100_children_seconds", min(times), "s", "<=", 5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
