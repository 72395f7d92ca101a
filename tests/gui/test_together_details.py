"""The smaller faults found on a council laptop, each fixed: wording, sizes, the bin, All done,
bigger buttons, and the way back from "I'm the worker"."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from together_support import all_visible_text, force_close, together

from lasting_home_desktop.domain.child_voice import (
    ChildVoice,
    Page,
    PictureChoice,
    PictureKind,
)
from lasting_home_desktop.domain.together_settings import TogetherSettings
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords, save_together_settings
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.ui.idle_lock import WaitingForWorker
from lasting_home_desktop.ui.together.cards import PictureCard


def _drawing(store, child_id: str, name: str) -> str:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (250, 180, 40)).save(out, "PNG")
    library = DrawingLibrary(store)
    info = library.new_drawing(child_id, name=name)
    library.save_png(child_id, info.drawing_id, out.getvalue())
    library.record_saved(child_id, info.drawing_id)
    return info.drawing_id


def test_the_top_buttons_are_as_big_as_every_other_control(qtbot, window):
    """ "Grown-up look" and "Grown-ups" are at least 64 px tall, like everything else."""
    for button in (window.look_button, window.leave_button):
        assert button.height() >= 64 and button.width() >= 64


def test_taking_off_someone_who_comes_anyway_says_why_gently(qtbot, window):
    """Unticking "My carers" explains that they will still be there, and why."""
    window.go_to(Page.PEOPLE)
    page = window.page_widget(Page.PEOPLE)
    page.grid.card("carers").click()
    page.grid.card("carers").click()
    assert page.problem.isVisible()
    assert "will still be there" in page.problem.text()
    assert "tell your worker" in page.problem.text()


def test_a_binned_drawing_is_no_longer_the_childs_picture(qtbot, caseload, today):
    """The child throws away the drawing that stood for them: About me has no picture now."""
    store, child_id = caseload
    drawing_id = _drawing(store, child_id, "My cat")
    voice = ChildVoice().with_picture(PictureChoice(PictureKind.DRAWING, drawing_id), today)
    ChildVoiceRecords(store).save(child_id, voice)
    window = together(store, child_id, today)
    try:
        window.go_to(Page.DRAWINGS)
        studio = window.page_widget(Page.DRAWINGS).studio
        studio.show_gallery()
        [bin_button] = [
            b
            for b in studio.gallery.tiles[drawing_id].findChildren(QAbstractButton)
            if b.accessibleName().startswith("Throw")
        ]
        bin_button.click()
        studio.confirm.yes.click()
        assert ChildVoiceRecords(store).load(child_id).picture is None
        window.go_to(Page.ABOUT_ME)
        assert window.page_widget(Page.ABOUT_ME).preview.toolTip() == "No picture chosen yet"
    finally:
        force_close(window)


def test_all_done_celebrates_with_big_pictures(qtbot, caseload, today):
    """The child's picture, people, place and celebration as pictures, their face and words."""
    store, child_id = caseload
    voice = ChildVoice().with_picture(PictureChoice(PictureKind.AVATAR, "avatar-fox"), today)
    voice = voice.with_person("pets", True, today).with_place("park", "", today)
    voice = voice.with_celebration("cake", True, today).with_feeling("happy", "Biscuit", today)
    ChildVoiceRecords(store).save(child_id, voice)
    window = together(store, child_id, today)
    try:
        window.go_to(Page.DONE)
        page = window.page_widget(Page.DONE)
        assert set(page.tiles) >= {"me", "people", "place", "celebration", "words"}
        text = all_visible_text()
        assert "Well done, Ola!" in text and "My pets" in text and "At the park" in text
        assert "I feel happy." in text and "stars" in text
    finally:
        force_close(window)


def test_all_done_with_nothing_chosen_says_gently_what_could_still_be_done(qtbot, window):
    """No "Well done!" for nothing: a gentle word, and big buttons to go and choose."""
    window.go_to(Page.DONE)
    text = all_visible_text()
    assert "Well done" not in text
    assert "that's fine" in text
    page = window.page_widget(Page.DONE)
    [draw] = [
        b
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and b.text().strip() == "Make a drawing"
    ]
    draw.click()
    assert window.current_page() is Page.DRAWINGS


def test_bigger_buttons_make_every_target_bigger(qtbot, caseload, today):
    """The worker's "bigger buttons" setting: no card or button under 96 px."""
    store, child_id = caseload
    save_together_settings(store, child_id, TogetherSettings(bigger_buttons=True))
    window = together(store, child_id, today)
    try:
        window.resize(1366, 768)
        for page in (Page.ABOUT_ME, Page.PLACE, Page.FEELING):
            window.go_to(page)
            qtbot.waitUntil(lambda: window.height() == 768)
            for card in window.findChildren(PictureCard):
                if card.isVisible():
                    assert min(card.width(), card.height()) >= 96, card.text()
        assert window.next_button.height() >= 96
    finally:
        force_close(window)


def test_im_the_worker_has_a_way_back_with_escape(qtbot):
    """A child who pressed "I'm the worker" gets the friendly screen back with Escape."""
    from PySide6.QtWidgets import QWidget

    waiting = WaitingForWorker()
    qtbot.addWidget(waiting)
    unlock = QWidget()
    qtbot.addWidget(unlock)
    unlock.closable = False  # as the screen lock holds the unlock screen open
    waiting.workerBack.connect(unlock.show)
    waiting.show()
    waiting.worker_button.click()
    assert unlock.isVisible()
    qtbot.keyClick(unlock, Qt.Key.Key_Escape)
    assert not unlock.isVisible() and waiting.isVisible()
    assert waiting.worker_button.height() >= 64
    waiting.hide()  # the worker unlocked: Escape is an ordinary key again
    assert not waiting._asked


def test_the_worker_ticks_bigger_buttons_and_drawing_by_tapping(qtbot, caseload, today):
    """On the child's voice tab the worker's ticks are kept and used the next time."""
    from lasting_home_desktop.storage.child_voice import together_settings
    from lasting_home_desktop.ui.messages import RecordedMessages
    from lasting_home_desktop.ui.together.worker_view import ChildVoiceSection
    from lasting_home_desktop.ui.worker.sections import ChildSectionContext

    store, child_id = caseload
    context = ChildSectionContext(store, child_id, today, RecordedMessages(), lambda: None)
    section = ChildVoiceSection(context, speech_engine="mock")
    qtbot.addWidget(section)
    section.bigger_buttons.setChecked(True)
    section.tap_to_draw.setChecked(True)
    assert together_settings(store, child_id) == TogetherSettings(True, True)
    window = together(store, child_id, today)
    try:
        assert window.page_widget(Page.DRAWINGS).studio.canvas.tap_to_draw
        assert window.session.min_target_px == 96
    finally:
        force_close(window)
