"""Every screen shows what is stored now, no save overwrites anything newer, and nothing typed
is lost: the faults found by working a Team Manager's afternoon, each as it was met."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from trust_support import PASSPHRASE, TEST_COST

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, PeopleAroundChild
from lasting_home_desktop.domain.child_voice import ChildVoice
from lasting_home_desktop.domain.journey import JourneyDates
from lasting_home_desktop.domain.matching_meeting import MatchingMeeting
from lasting_home_desktop.domain.partner_contributions import (
    PartnerContribution,
    PartnerContributions,
)
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.folder_sealing import first_passphrase
from lasting_home_desktop.ui.clash_chooser import RecordedClashChooser
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.main_window import WorkerWindow

SENT = dt.date(2026, 11, 6)


@pytest.fixture
def clashes():
    return RecordedClashChooser()


def add(store, today, route=DecisionRoute.COMMITMENT_VISIT, **journey) -> ChildRecord:
    return store.add_child(
        ChildRecord(
            "Aleksandra",
            "Nowak",
            preferred_name="Ola",
            route=route,
            people=PeopleAroundChild(team_manager="Priya Shah", carers=("Jo Bright",)),
            journey=JourneyDates(**journey),
        ),
        today,
    )


def window_on(qtbot, store, today, messages, clashes, child) -> WorkerWindow:
    window = WorkerWindow(store, today, messages, clashes=clashes)
    qtbot.addWidget(window)
    window.show()
    window.open_child(child.id)
    return window


def test_a_newer_date_is_never_put_back_by_an_older_tab(qtbot, store, today, messages, clashes):
    """Recommendation sent moved from 06/11 to 09/11 in Edit details: the Head of Service
    tab shows 09/11 at once, and a note saved there keeps 9 November (due 23 November)."""
    child = add(
        store, today, matching_meeting=SENT - dt.timedelta(days=5), recommendation_sent=SENT
    )
    window = window_on(qtbot, store, today, messages, clashes, child)
    hos = window.child_page.section("Head of Service")
    assert hos.sent.text() == "06/11/2026"
    form = window._child_form(store.child(child.id))
    form.sent.setText("09/11/2026")
    assert form.try_save()
    assert hos.sent.text() == "09/11/2026"  # no restart, no save needed
    hos.notes.setPlainText("Chased by email on the 12th.")
    assert hos.save(), messages.told
    saved = store.child(child.id).journey
    assert saved.recommendation_sent == dt.date(2026, 11, 9)
    assert saved.head_of_service_due == dt.date(2026, 11, 23)
    assert clashes.shown == []  # nothing clashed, so nobody was asked


def test_typing_in_a_tab_survives_a_change_elsewhere_and_both_are_kept(
    qtbot, store, today, messages, clashes
):
    """A note typed (not saved) while the date changes elsewhere: the typing stays, the tab
    says what happened, and saving keeps the note and the newer date."""
    child = add(
        store, today, matching_meeting=SENT - dt.timedelta(days=5), recommendation_sent=SENT
    )
    window = window_on(qtbot, store, today, messages, clashes, child)
    hos = window.child_page.section("Head of Service")
    hos.notes.setPlainText("Typed before the change")
    newer = store.child(child.id)
    store.update_child(
        newer.with_changes(
            journey=JourneyDates(
                **{**vars(newer.journey), "recommendation_sent": dt.date(2026, 11, 9)}
            )
        ),
        today,
    )
    assert hos.notes.toPlainText() == "Typed before the change"
    assert hos.stale.isVisible() and "changed elsewhere" in hos.stale.text()
    assert hos.save()
    assert store.child(child.id).journey.recommendation_sent == dt.date(2026, 11, 9)
    assert AdultRecords(store).load(type(hos.record_type()), child.id).notes == (
        "Typed before the change"
    )


def test_tabs_show_yesterdays_facts_no_longer(qtbot, store, today, messages, clashes):
    """After together mode the visit tab shows the chosen place; after a partner's answers
    the matching meeting shows them; after the minutes are complete the panel says so."""
    child = add(store, today, matching_meeting=today - dt.timedelta(days=3))
    window = window_on(qtbot, store, today, messages, clashes, child)
    visit = window.child_page.section("Commitment visit")
    meeting = window.child_page.section("Matching meeting")
    assert "has not chosen a place" in visit.child_place.text()
    assert "None yet" in meeting.partners_note.text()
    visit.notes.setPlainText("Typing that must stay")
    voices = ChildVoiceRecords(store)
    voices.save(child.id, ChildVoice().with_place("park", "", today))
    assert "The child chose" in visit.child_place.text()
    assert visit.notes.toPlainText() == "Typing that must stay"
    partner = PartnerContribution("Mrs Patel", "Teacher", answers=("Reads with her",) * 5)
    AdultRecords(store).save(child.id, PartnerContributions((partner,)))
    assert meeting.partners_note.text().startswith("1 received")
    assert "Mrs Patel" in meeting.partners_together.toPlainText()


def test_the_panel_tab_knows_the_minutes_are_complete(qtbot, store, today, messages, clashes):
    """Minutes marked complete on the matching meeting tab: the panel tab says so at once."""
    child = add(store, today, route=DecisionRoute.PANEL, matching_meeting=today - dt.timedelta(3))
    window = window_on(qtbot, store, today, messages, clashes, child)
    panel = window.child_page.section("Panel")
    assert "not complete" in panel.minutes_note.text()
    meeting = window.child_page.section("Matching meeting")
    meeting.chair.setText("Priya Shah")
    meeting.recommendation.setCurrentIndex(1)
    meeting.minutes_complete.setChecked(True)
    assert meeting.save(), messages.told
    assert "complete: the child can be booked" in panel.minutes_note.text()


def test_a_real_clash_is_shown_side_by_side_and_nothing_is_lost(
    qtbot, store, today, messages, clashes
):
    """Two places changed the same words differently: the worker sees both and chooses;
    going back saves nothing and keeps the typing."""
    child = add(store, today, matching_meeting=today - dt.timedelta(days=3))
    AdultRecords(store).save(child.id, MatchingMeeting(concerns="First words"))
    window = window_on(qtbot, store, today, messages, clashes, child)
    meeting = window.child_page.section("Matching meeting")
    meeting.concerns.setPlainText("Mine: contact with Nan")
    AdultRecords(store).save(child.id, MatchingMeeting(concerns="Theirs: school move"))
    clashes.answer = None
    assert not meeting.save()
    assert meeting.concerns.toPlainText() == "Mine: contact with Nan"
    assert AdultRecords(store).load(MatchingMeeting, child.id).concerns == "Theirs: school move"
    [[shown]] = clashes.shown
    assert (shown.clash.path, shown.clash.mine, shown.clash.theirs) == (
        "concerns",
        "Mine: contact with Nan",
        "Theirs: school move",
    )
    clashes.answer = "mine"
    assert meeting.save()
    assert AdultRecords(store).load(MatchingMeeting, child.id).concerns == (
        "Mine: contact with Nan"
    )


def test_closing_the_window_with_typing_asks_and_can_keep_a_draft(
    qtbot, data_dir, today, messages, clashes
):
    """Alt+F4 with typing in Concerns: the worker is asked; staying keeps everything, and
    closing as a draft offers the words back when the app opens again."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    store = CaseloadStore.open(data_dir, key=key)
    child = add(store, today, matching_meeting=today - dt.timedelta(days=3))
    window = window_on(qtbot, store, today, messages, clashes, child)
    meeting = window.child_page.section("Matching meeting")
    meeting.concerns.setPlainText("Words typed before Alt+F4")
    messages.choice = 2  # Stay
    assert not window.close()
    assert window.isVisible() and "not saved" in messages.asked[-1][0]
    messages.choice = 1  # Close, keeping it as a draft
    assert window.close()
    raw = b"".join(p.read_bytes() for p in (data_dir / "drafts").rglob("*.draft"))
    assert raw and b"Words typed" not in raw  # the draft is sealed like everything else
    store.close()
    again = CaseloadStore.open(data_dir, key=key)
    later = RecordedMessages(answer=True)
    window = window_on(qtbot, again, today, later, clashes, child)
    meeting = window.child_page.section("Matching meeting")
    assert meeting.concerns.toPlainText() == "Words typed before Alt+F4"
    assert "when Lasting Home closed" in later.asked[-1][0]
    assert meeting.save()
    assert not list((data_dir / "drafts").rglob("*.draft"))
    again.close()


CRASHING_WORKER = """
import sys, time
from PySide6.QtWidgets import QApplication
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.folder_sealing import unlock
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.section_context import ChildSectionContext
from lasting_home_desktop.ui.worker.matching_meeting_form import MatchingMeetingForm
import datetime as dt

folder, child_id, passphrase = sys.argv[1:4]
app = QApplication([])
store = CaseloadStore.open(folder, key=unlock(folder, passphrase))
context = ChildSectionContext(
    store, child_id, dt.date(2026, 11, 22), RecordedMessages(), lambda: None, draft_delay_ms=20
)
form = MatchingMeetingForm(context)
form.concerns.setPlainText("Typed just before the power went off")
deadline = time.monotonic() + 20
while store.drafts.get(child_id, "matching_meeting") is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("ready", flush=True)
time.sleep(600)
"""


def test_typing_survives_a_crash_as_a_draft(qtbot, data_dir, today, tmp_path):
    """The app is killed a moment after the typing stops: the words are offered back."""
    import os
    import signal
    import subprocess
    import sys

    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        child = add(store, today, matching_meeting=today - dt.timedelta(days=3))
    script = tmp_path / "worker.py"
    script.write_text(CRASHING_WORKER)
    # This copy of the code, wherever the script file is.
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": root}
    worker = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), child.id, PASSPHRASE],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "ready"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
    messages = RecordedMessages(answer=True)
    with CaseloadStore.open(data_dir, key=key) as store:
        from lasting_home_desktop.ui.section_context import ChildSectionContext
        from lasting_home_desktop.ui.worker.matching_meeting_form import MatchingMeetingForm

        context = ChildSectionContext(store, child.id, today, messages, lambda: None)
        form = MatchingMeetingForm(context)
        qtbot.addWidget(form)
        assert form.concerns.toPlainText() == "Typed just before the power went off"
        assert "when Lasting Home closed" in messages.asked[-1][0]
        assert form.has_unsaved_changes()


def test_photos_added_at_once_then_captioned_save_without_a_clash(
    qtbot, store, today, messages, clashes, tmp_path
):
    """Photos are kept the moment they are added; captions typed after are saved with no
    question, since nothing else changed the celebration meanwhile."""
    from PIL import Image

    from lasting_home_desktop.domain.celebration import Celebration

    photo = tmp_path / "strike.jpg"
    Image.new("RGB", (40, 30), (200, 80, 40)).save(photo)
    child = add(store, today)
    window = window_on(qtbot, store, today, messages, clashes, child)
    celebration = window.child_page.section("Celebration")
    celebration.choose_photos = lambda _parent: [str(photo)]
    celebration.add_chosen_photos()
    celebration.gallery.item(0).setText("Ola's first strike!")
    assert celebration.save(), messages.told
    assert clashes.shown == []
    [saved] = AdultRecords(store).load(Celebration, child.id).photos
    assert saved.caption == "Ola's first strike!"


def test_a_half_added_child_is_kept_as_a_draft(qtbot, store, today, messages, clashes):
    """Cancelling 'Add a child' with a name typed asks; keeping a draft brings it back next
    time the form opens."""
    window = WorkerWindow(store, today, messages, clashes=clashes)
    qtbot.addWidget(window)
    form = window._child_form(None)
    form.first_name.setText("Łucja")
    form.last_name.setText("Wiśniewska-Khan")
    messages.choice = 2  # Stay
    form.reject()
    assert form.result() == 0 and form.first_name.text() == "Łucja"
    messages.choice = 1  # Close, keeping it as a draft
    form.reject()
    again = window._child_form(None)
    assert again.first_name.text() == "Łucja"
    assert again.last_name.text() == "Wiśniewska-Khan"
    assert "adding a child" in messages.asked[-1][0]
