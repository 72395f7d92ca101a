"""Saves PNGs of the adults' forms, filled with realistic example data, and of the guides reader:
docs/screenshots/form-*.png and guides-*.png."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from lasting_home_desktop.domain.carers_commitment import LetterStatus  # noqa: E402
from lasting_home_desktop.domain.child import (  # noqa: E402
    ChildRecord,
    DecisionRoute,
    PeopleAroundChild,
)
from lasting_home_desktop.domain.child_voice import ChildVoice, WordsMark  # noqa: E402
from lasting_home_desktop.domain.guides import GUIDES  # noqa: E402
from lasting_home_desktop.domain.journey import Decision, JourneyDates  # noqa: E402
from lasting_home_desktop.domain.matching_meeting import Recommendation  # noqa: E402
from lasting_home_desktop.domain.panel import Participation  # noqa: E402
from lasting_home_desktop.storage.adults import AdultRecords  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords  # noqa: E402
from lasting_home_desktop.ui.clash_chooser import RecordedClashChooser  # noqa: E402
from lasting_home_desktop.ui.guides_view import GuidesView  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.carers_commitment_form import (  # noqa: E402
    CarersCommitmentForm,
)
from lasting_home_desktop.ui.worker.celebration_form import CelebrationForm  # noqa: E402
from lasting_home_desktop.ui.worker.commitment_visit_form import (  # noqa: E402
    CommitmentVisitForm,
)
from lasting_home_desktop.ui.worker.head_of_service_form import HeadOfServiceForm  # noqa: E402
from lasting_home_desktop.ui.worker.matching_meeting_form import (  # noqa: E402
    MatchingMeetingForm,
)
from lasting_home_desktop.ui.worker.panel_dates_editor import PanelDatesEditor  # noqa: E402
from lasting_home_desktop.ui.worker.panel_form import PanelForm  # noqa: E402
from lasting_home_desktop.ui.worker.partner_contributions_form import (  # noqa: E402
    PartnerContributionsForm,
)
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402

TODAY = dt.date(2026, 11, 22)
WIDTH = 980
PEOPLE = PeopleAroundChild(
    carers=("Jo Bright", "Sam Bright"),
    social_worker="Amina Rahman",
    supervising_social_worker="Kasia Zielińska",
    team_manager="Priya Shah",
    iro="David Okafor",
    decision_maker="Helen Marsh",
)


def _shot(widget: QWidget, path: Path, height: int | None = None) -> None:
    """The whole form, not only what fits on a laptop screen."""
    body = getattr(widget, "body", None)
    full = height or ((body.sizeHint().height() + 70) if body is not None else 800)
    widget.resize(WIDTH, min(full, 2400))
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()


def _photo(path: Path, colour: tuple[int, int, int], label: str) -> Path:
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((250, 150, 550, 450), fill=(255, 255, 255))
    draw.text((330, 290), label, fill=(40, 40, 40))
    image.save(path, "JPEG")
    return path


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    with tempfile.TemporaryDirectory() as folder:
        store = CaseloadStore.open(Path(folder) / "data")
        records = AdultRecords(store)
        ola = store.add_child(
            ChildRecord(
                "Aleksandra",
                "Nowak",
                preferred_name="Ola",
                date_of_birth=dt.date(2017, 5, 3),
                people=PEOPLE,
                journey=JourneyDates(
                    matching_meeting=dt.date(2026, 10, 6),
                    recommendation_sent=dt.date(2026, 10, 8),
                    decision=Decision.AGREED,
                    decision_date=dt.date(2026, 10, 19),
                    visit=dt.date(2026, 11, 3),
                ),
            ),
            TODAY,
        )
        voice = (
            ChildVoice()
            .with_person("head_of_service", True, TODAY)
            .with_person("teacher", True, TODAY)
            .with_added_person("Babcia Ewa", "person-family", TODAY)
            .with_place("park", "", TODAY)
            .with_celebration("bowling", True, TODAY)
            .with_answer(
                "what_it_means",
                "It means I can stay with Jo and Sam and my dog Biscuit.",
                WordsMark.OWN_WORDS,
                TODAY,
            )
        )
        ChildVoiceRecords(store).save(ola.id, voice)
        messages = RecordedMessages()

        # A modal clash dialog would wait for ever here: keep what each form holds.
        clashes = RecordedClashChooser(answer="mine")

        def context(child_id: str) -> ChildSectionContext:
            return ChildSectionContext(store, child_id, TODAY, messages, lambda: None, clashes)

        # Matching meeting
        form = MatchingMeetingForm(context(ola.id))
        for row in (
            ("Priya Shah", "Team Manager (chair)", "Children's social care"),
            ("Amina Rahman", "Allocated social worker", "Children's social care"),
            ("Kasia Zielińska", "Supervising social worker", "Fostering service"),
            ("Dr Amir Khan", "Looked-after children nurse", "Health"),
            ("Mr Tariq Hussain", "Class teacher", "Education"),
            ("David Okafor", "IRO", "Independent Reviewing Officer"),
        ):
            form.attendees.add_row(list(row))
        form.parents_invited.setChecked(True)
        form.birth_family_views.setPlainText(
            "Ola's mum, Marta, could not attend; she told Amina she is glad Ola is happy with "
            "Jo and Sam and wants monthly contact to carry on."
        )
        form.bring_in_child_views()
        form.strengths.setPlainText(
            "Ola has lived with Jo and Sam for three years. School reports she is settled and "
            "confident; health appointments are always kept."
        )
        form.concerns.setPlainText("Keeping contact with her brother Kuba, who lives in Preston.")
        form.celebration_plan.setPlainText("Bowling with the family, then pizza.")
        form.contribution.setText("£150")
        form.recommendation.setCurrentIndex(form.recommendation.findData(Recommendation.PROGRESS))
        form.reasons.setPlainText("A strong, well-evidenced match; Ola's wishes are clear.")
        form.minutes_complete.setChecked(True)
        assert form.save(), messages.told

        _shot(HeadOfServiceForm(context(ola.id)), out / "form-head-of-service.png", 520)

        visit = CommitmentVisitForm(context(ola.id))
        visit.time.setText("16:30")
        visit.add_childs_people()
        for row in range(visit.attendees.table.rowCount()):
            visit.attendees.table.item(row, 2).setCheckState(
                visit.attendees.table.item(row, 1).checkState()
            )
        visit.outcome_told.setChecked(True)
        visit.card_given.setChecked(True)
        visit.certificate_given.setChecked(True)
        visit.notes.setPlainText(
            "Ola read out what her lasting home means to her. Jo and Sam shared their "
            "commitment. Priya told Ola the Head of Service had agreed, and gave her the card."
        )
        visit.carers_file_note.setPlainText(
            "Commitment visit held 3/11/2026; carers' file updated."
        )
        assert visit.save(), messages.told
        _shot(visit, out / "form-commitment-visit.png")

        celebration = CelebrationForm(
            context(ola.id),
            choose_photos=lambda _parent: [
                str(_photo(Path(folder) / "a.jpg", (255, 170, 60), "bowling")),
                str(_photo(Path(folder) / "b.jpg", (90, 160, 220), "pizza")),
            ],
        )
        celebration.add_chosen_photos()
        celebration.gallery.item(0).setText("Ola's first strike!")
        celebration.gallery.item(1).setText("Pizza after")
        celebration.date.setText("15/11/2026")
        assert celebration.save(), messages.told
        _shot(celebration, out / "form-celebration.png")

        letter = CarersCommitmentForm(context(ola.id))
        letter.answers["love"].setPlainText("Your laugh, your kindness to Biscuit, your drawings.")
        letter.answers["commit"].setPlainText("To be your family, for as long as you need us.")
        letter.answers["hard_times"].setPlainText("We will talk, and never give up on you.")
        letter.answers["growing_up"].setPlainText("Home stays home after 18: staying put.")
        letter.answers["relationships"].setPlainText("Sundays with Babcia and visits with Kuba.")
        letter.draft_from_prompts()
        letter.status_choice.setCurrentIndex(
            letter.status_choice.findData(LetterStatus.READY_FOR_REVIEW)
        )
        assert letter.save(), messages.told
        _shot(letter, out / "form-carers-letter.png")

        partners = PartnerContributionsForm(context(ola.id))
        partners.add_partner()
        partners.name.setText("Mr Tariq Hussain")
        partners.role.setText("Class teacher")
        partners.agency.setCurrentText("Education")
        partners.answers[0].setPlainText("Jo reads with Ola every night; homework is always done.")
        partners.answers[4].setPlainText("Ola says home is 'the best bit of my day'.")
        partners.add_partner()
        partners.name.setText("Dr Amir Khan")
        partners.role.setText("Looked-after children nurse")
        partners.agency.setCurrentText("Health")
        partners.answers[2].setPlainText("Every appointment kept; asthma well managed.")
        assert partners.save(), messages.told
        _shot(partners, out / "form-partner-contributions.png")
        # The meeting form again, now showing the partners' answers together.
        _shot(MatchingMeetingForm(context(ola.id)), out / "form-matching-meeting.png")

        # The panel route: a second child, booked, with the agenda still to confirm.
        kai = store.add_child(
            ChildRecord(
                "Kai",
                "Ahmed",
                date_of_birth=dt.date(2012, 2, 14),
                route=DecisionRoute.PANEL,
                service="Children with Disabilities",
                people=PEOPLE,
                journey=JourneyDates(matching_meeting=dt.date(2026, 10, 14)),
            ),
            TODAY,
        )
        records.save_panel_dates([dt.date(2026, 12, 10), dt.date(2027, 1, 14)])
        meeting = MatchingMeetingForm(context(kai.id))
        meeting.recommendation.setCurrentIndex(1)
        meeting.minutes_complete.setChecked(True)
        assert meeting.save(), messages.told
        panel = PanelForm(context(kai.id))
        panel.choose_panel_date(dt.date(2026, 12, 10))
        panel.time_slot.setText("16:00")
        panel.child_attends.setChecked(True)
        panel.ways[Participation.IN_PERSON].setChecked(True)
        panel.ways[Participation.DRAWING].setChecked(True)
        panel.notes.setPlainText("Room 2, County Hall; Kai would like his dog's photo shown.")
        assert panel.save(), messages.told
        _shot(panel, out / "form-panel.png")
        editor = PanelDatesEditor(records, TODAY, messages)
        editor.add_monthly()
        _shot(editor, out / "form-panel-dates.png", 480)

        view = GuidesView(messages, GUIDES, speech_engine="mock")
        view.open_guide("children")
        _shot(view, out / "guides-children.png", 760)
        view.open_guide("foster-carers")
        _shot(view, out / "guides-foster-carers.png", 760)
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
