"""The celebration form (with photos), the carers' letter and partner contributions."""

import datetime as dt
import io

import pytest
from adult_forms_support import Page, make_child
from PIL import Image

from lasting_home_desktop.domain.carers_commitment import LetterStatus
from lasting_home_desktop.domain.celebration import Celebration
from lasting_home_desktop.domain.child_voice import ChildVoice
from lasting_home_desktop.domain.journey import Decision, Stage, journey_status
from lasting_home_desktop.domain.matching_meeting import MatchingMeeting
from lasting_home_desktop.domain.partner_contributions import PartnerContributions
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.worker.carers_commitment_form import CarersCommitmentForm
from lasting_home_desktop.ui.worker.celebration_form import CelebrationForm
from lasting_home_desktop.ui.worker.partner_contributions_form import PartnerContributionsForm

VISITED = {
    "matching_meeting": dt.date(2026, 10, 1),
    "recommendation_sent": dt.date(2026, 10, 2),
    "decision": Decision.AGREED,
    "decision_date": dt.date(2026, 10, 10),
    "visit": dt.date(2026, 11, 1),
}


@pytest.fixture
def page(data_dir, today):
    page = Page(data_dir, today, make_child(**VISITED))
    yield page
    page.store.close()


def _photo_with_gps(path):
    image = Image.new("RGB", (640, 480), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (53.0, 45.0, 0.0)}  # GPS: where the child lives
    image.save(path, "JPEG", exif=exif.tobytes(), comment=b"home address")
    return path


def test_celebration_saved_with_photos_stripped_and_shown(qtbot, page, tmp_path):
    """A photo is re-encoded without GPS, shown in the gallery; a corrupt file is refused kindly;
    the celebration date moves the journey to 'Celebrated' and all survives a restart."""
    AdultRecords(page.store).save(page.child.id, MatchingMeeting(contribution_pence=15000))
    ChildVoiceRecords(page.store).save(
        page.child.id, ChildVoice().with_celebration("bowling", True, page.today)
    )
    good = _photo_with_gps(tmp_path / "party.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff" + b"not really a photo" * 10)
    form = CelebrationForm(page.context(), choose_photos=lambda _parent: [str(good), str(broken)])
    qtbot.addWidget(form)
    assert form.what_field.text() == "Bowling"
    assert form.contribution.text() == "£150 (agreed at the matching meeting)"
    form.add_photos.click()
    assert form.gallery.count() == 1
    assert not form.gallery.item(0).icon().isNull()
    assert "broken.jpg" in page.problems()
    [photo] = AdultRecords(page.store).load(Celebration, page.child.id).photos
    stored = page.store.media.read(page.child.id, photo.media_id, photo.ext)
    assert b"PhoneMaker" not in stored and b"home address" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()
    form.gallery.item(0).setText("Ola's strike! 🎳")
    form.date.setText("15/11/2026")
    form.notes.setPlainText("Pizza after, then ice cream.")
    assert form.save(), page.problems()
    page.restart()
    again = CelebrationForm(page.context(), choose_photos=lambda _parent: [])
    qtbot.addWidget(again)
    assert again.gallery.item(0).text() == "Ola's strike! 🎳"
    assert again.date.text() == "15/11/2026"
    child = page.store.child(page.child.id)
    assert journey_status(child.journey, child.route, page.today).stage is Stage.CELEBRATED


def test_celebration_before_the_visit_is_refused(qtbot, page):
    """Dates out of order are explained, and the record is not changed."""
    form = CelebrationForm(page.context(), choose_photos=lambda _parent: [])
    qtbot.addWidget(form)
    form.date.setText("20/10/2026")
    assert not form.save()
    assert "before the commitment visit" in page.problems()
    assert page.store.child(page.child.id).journey.celebration is None


def test_photo_removed_after_asking(qtbot, page, tmp_path):
    """Removing a photo asks first, then deletes its file."""
    good = _photo_with_gps(tmp_path / "party.jpg")
    form = CelebrationForm(page.context(), choose_photos=lambda _parent: [str(good)])
    qtbot.addWidget(form)
    form.add_photos.click()
    [photo] = AdultRecords(page.store).load(Celebration, page.child.id).photos
    form.gallery.setCurrentRow(0)
    form.remove_photo.click()
    assert page.messages.asked[-1][0] == "Remove this photo?"
    assert form.gallery.count() == 0
    assert not page.store.media.exists(page.child.id, photo.media_id, photo.ext)


def test_letter_drafted_from_prompts_edited_and_reviewed(qtbot, page):
    """Prompts become a letter the carers then edit; review needs a comment; all reloads."""
    form = CarersCommitmentForm(page.context())
    qtbot.addWidget(form)
    assert "What do you love about Ola?" in form.prompt_labels["love"].text()
    form.answers["love"].setPlainText("Your laugh fills the house.")
    form.answers["relationships"].setPlainText("Sunday calls with Babcia.")
    form.draft.click()
    letter = form.letter.toPlainText()
    assert letter.startswith("Dear Ola,") and letter.endswith("Jo Bright and Sam Bright")
    form.letter.setPlainText(letter.replace("Dear Ola,", "Dear Ola, our star,"))
    form.status_choice.setCurrentIndex(form.status_choice.findData(LetterStatus.REVIEWED))
    assert not form.save()
    assert "review comment" in page.problems()
    form.review_comment.setPlainText("Warm and honest; covers staying put.")
    form.reviewed_on.setText("21/11/2026")
    assert form.save(), page.problems()
    page.restart()
    again = CarersCommitmentForm(page.context())
    qtbot.addWidget(again)
    assert again.letter.toPlainText().startswith("Dear Ola, our star,")
    assert again.status_choice.currentData() is LetterStatus.REVIEWED
    assert again.reviewer.text() == "Kasia Zielińska"


def test_redrafting_asks_before_replacing_the_letter(qtbot, page):
    """An edited letter is not overwritten if the carer says keep it."""
    form = CarersCommitmentForm(page.context())
    qtbot.addWidget(form)
    form.answers["commit"].setPlainText("Always being here.")
    form.letter.setPlainText("My own letter")
    page.messages.answer = False
    form.draft.click()
    assert form.letter.toPlainText() == "My own letter"


def test_partners_added_saved_and_shown_together(qtbot, page):
    """Two partners, partly answered, are shown together and come back after a restart."""
    form = PartnerContributionsForm(page.context())
    qtbot.addWidget(form)
    form.add_partner()
    form.name.setText("Mr Tariq Hussain")
    form.role.setText("Class teacher")
    form.agency.setCurrentText("Education")
    form.answers[0].setPlainText("Reads with Ola every night.")
    form.add_partner()
    form.name.setText("Ewa Nowicka")
    form.agency.setCurrentText("Health")
    form.answers[4].setPlainText("Ola says: 'I feel safe here'.")
    assert form.save(), page.problems()
    assert "Mr Tariq Hussain (Class teacher, Education), 22 November 2026: Reads with Ola" in (
        form.together.toPlainText()
    )
    page.restart()
    again = PartnerContributionsForm(page.context())
    qtbot.addWidget(again)
    assert again.partner_list.count() == 2
    again.partner_list.setCurrentRow(1)
    assert again.name.text() == "Ewa Nowicka"
    assert again.answers[4].toPlainText() == "Ola says: 'I feel safe here'."
    saved = AdultRecords(page.store).load(PartnerContributions, page.child.id)
    assert [p.name for p in saved.partners] == ["Mr Tariq Hussain", "Ewa Nowicka"]


def test_partner_problems_are_named(qtbot, page):
    """A partner without a name and with a bad date is explained; nothing is saved."""
    form = PartnerContributionsForm(page.context())
    qtbot.addWidget(form)
    form.add_partner()
    form.dated.setText("32/01/2026")
    assert not form.save()
    said = page.problems()
    assert "Partner 1 has no name" in said and "not a real date" in said
    assert page.store.section("partner_contributions", page.child.id) is None
