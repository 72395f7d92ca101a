"""Saves PNGs of the fillable forms and of receiving them: the partner form as a teacher filled
it (rendered by pdftoppm, which draws the typed words itself), the carers' letter form, the
"Receive returned forms" window, and the Partner contributions part after a form came back.

Uses a fictional child in a temporary data folder.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader, PdfWriter  # noqa: E402
from pypdf.generic import NameObject, TextStringObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lasting_home_desktop.documents.forms_out import make_form, save_form  # noqa: E402
from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild  # noqa: E402
from lasting_home_desktop.domain.journey import JourneyDates  # noqa: E402
from lasting_home_desktop.domain.returned_forms import Addressee, FormKind  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.ui.clash_chooser import RecordedClashChooser  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.partner_contributions_form import (  # noqa: E402
    PartnerContributionsForm,
)
from lasting_home_desktop.ui.worker.returned_forms_window import (  # noqa: E402
    ReturnedFormsWindow,
)
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402

TODAY = dt.date(2026, 11, 22)
TEACHER = Addressee("Mrs Zoë Hargreaves", "Class teacher", "Education")
ANSWERS = {
    "date_written": "22/11/2026",
    "answer_1": (
        "Jo and Sam come to every parents' evening and read with Ola at home each night. Her "
        "reading age has gone up two years since September.\nWhen her glasses broke they "
        "were mended the next day."
    ),
    "answer_2": (
        "Ola arrives on time, ready to learn, with her reading diary signed. She talks about "
        "'my home' and 'my room', and brings in photos from weekends away."
    ),
    "answer_3": "Sam changed work hours to do the school run. They came to the Christmas play.",
    "answer_5": 'Ola told me: "I\'m staying with Jo and Sam for ever and ever."',
}


def typed_into(pdf: bytes, values: dict[str, str]) -> bytes:
    """The form with words in its boxes and no drawn look, as many readers save it: the
    viewer (here pdftoppm) draws the words itself."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            field = ref.get_object()
            if field.get("/T") in values:
                field[NameObject("/V")] = TextStringObject(values[field["/T"]])
                field.pop(NameObject("/AP"), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render(pdf: bytes, work: Path, stem: str, out: Path, pages: dict[int, str]) -> None:
    source = work / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(source), str(work / stem)], check=True)
    for number, name in pages.items():
        shutil.copyfile(work / f"{stem}-{number}.png", out / name)


def main(out: Path) -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is needed (apt-get install poppler-utils).")
    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    with tempfile.TemporaryDirectory() as temp, CaseloadStore.open(Path(temp) / "data") as store:
        work = Path(temp)
        child = store.add_child(
            ChildRecord(
                "Aleksandra",
                "Nowak",
                preferred_name="Ola",
                date_of_birth=dt.date(2017, 5, 3),
                people=PeopleAroundChild(
                    carers=("Jo Bright", "Sam Bright"),
                    social_worker="Amina Rahman",
                    supervising_social_worker="Kasia Zielińska",
                ),
                journey=JourneyDates(matching_meeting=dt.date(2026, 12, 3)),
            ),
            TODAY,
        )
        partner = make_form(store, child.id, FormKind.PARTNER, TODAY, TEACHER)
        save_form(store, partner, work / partner.file_name, TEACHER)
        filled = typed_into(partner.pdf, ANSWERS)
        render(
            filled, work, "partner", out, {1: "form-pdf-partner-1.png", 2: "form-pdf-partner-2.png"}
        )
        carers = make_form(store, child.id, FormKind.CARERS, TODAY)
        render(carers.pdf, work, "carers", out, {1: "form-pdf-carers-1.png"})

        returned = work / "Reply from Mrs Hargreaves.pdf"
        returned.write_bytes(filled)
        scan = work / "Scanned answers.pdf"
        scan.write_bytes(b"%PDF-1.4\n% a scan, not a form\n")
        window = ReturnedFormsWindow(store, TODAY, RecordedClashChooser())
        window.receive([scan, returned])
        window.resize(700, 560)
        window.show()
        app.processEvents()
        window.grab().save(str(out / "worker-receive-forms.png"))

        context = ChildSectionContext(
            store=store,
            child_id=child.id,
            today=TODAY,
            messages=RecordedMessages(),
            record_changed=lambda: None,
        )
        part = PartnerContributionsForm(context)
        part.resize(980, 900)
        part.show()
        app.processEvents()
        part.grab().save(str(out / "form-partner-returned.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
