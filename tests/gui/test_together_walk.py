"""A child walks together mode page by page; everything is kept, read aloud and reachable."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit
from together_support import all_visible_text, force_close, leave_with_pin, open_caseload, together

from lasting_home_desktop.domain.child import AgeBand
from lasting_home_desktop.domain.child_voice import PAGE_ORDER, Page, PictureKind, WordsMark
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.together.cards import MIN_TARGET_PX, PictureCard
from lasting_home_desktop.ui.together.read_aloud import NO_VOICE


def click(qtbot, card: QAbstractButton) -> None:
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)


def test_child_walks_every_page_and_finds_everything_after_a_restart(qtbot, data_dir, today):
    """Choose, type, skip and go back on every page; a restart shows it all again."""
    store, child_id = open_caseload(data_dir, today)
    win = together(store, child_id, today)
    try:
        about = win.page_widget(Page.ABOUT_ME)
        qtbot.keyClicks(about.name_edit, "Ola")
        about.name_edit.insert(" 🦊")  # emoji come from the on-screen emoji picker
        click(qtbot, about.avatars.card("avatar-fox"))
        click(qtbot, win.next_button)

        people = win.page_widget(Page.PEOPLE)
        assert win.current_page() is Page.PEOPLE
        click(qtbot, people.grid.card("head_of_service"))
        click(qtbot, people.grid.card("pets"))
        click(qtbot, people.grid.card(people.ADD_KEY))
        qtbot.keyClicks(people.name_edit, "Nan <b>&amp;</b>")
        click(qtbot, people.picture_grid.card("person-family"))
        click(qtbot, people.add_button)
        assert "Nan <b>&amp;</b>" in [c.text() for c in people.grid.cards]
        click(qtbot, win.back_button)  # back to About me: the name is still there
        assert win.current_page() is Page.ABOUT_ME and about.name_edit.text() == "Ola 🦊"
        click(qtbot, win.next_button)
        click(qtbot, win.next_button)

        assert win.current_page() is Page.PLACE
        assert win.next_button.text().strip() == "Skip for now"
        click(qtbot, win.next_button)  # skip where, for now

        celebration = win.page_widget(Page.CELEBRATION)
        click(qtbot, celebration.grid.card("bowling"))
        click(qtbot, celebration.grid.card("something_else"))
        assert celebration.typed_row.isVisible()
        qtbot.keyClicks(celebration.typed_edit, "Go-karting with Jo")
        click(qtbot, win.next_button)

        feeling = win.page_widget(Page.FEELING)
        click(qtbot, feeling.faces.card("happy"))
        qtbot.keyClicks(feeling.why_edit, "Biscuit the dog")
        click(qtbot, win.next_button)

        words = win.page_widget(Page.WORDS)
        qtbot.keyClicks(words.answer_edit("feels_like_home"), "Pancakes on Sunday")
        click(qtbot, words.worker_button)
        qtbot.keyClicks(words.answer_edit("what_it_means"), "It means I get to stay")
        click(qtbot, win.next_button)
        assert win.current_page() is Page.DRAWINGS
        click(qtbot, win.next_button)

        assert win.current_page() is Page.DONE
        done_text = all_visible_text()
        for expected in (
            "Ola 🦊",
            "Nan <b>&amp;</b>",
            "Bowling",
            "Go-karting with Jo",
            "Happy",
            "Pancakes on Sunday",
            "written down by my worker",
        ):
            assert expected in done_text
        win.go_to(Page.PLACE)  # the child comes back to a skipped page via the footsteps
        click(qtbot, win.page_widget(Page.PLACE).grid.card("park"))
        leave_with_pin(qtbot, win)
    finally:
        force_close(win)
        store.close()

    store, child_id = open_caseload(data_dir, today)  # the app starts again on the same folder
    again = together(store, child_id, today)
    try:
        voice = ChildVoiceRecords(store).load(child_id)
        assert voice.preferred_name == "Ola 🦊"
        assert voice.picture.kind is PictureKind.AVATAR and voice.picture.ref == "avatar-fox"
        assert voice.people == ("head_of_service", "pets")
        assert voice.place == "park"
        assert voice.celebrations == ("bowling", "something_else")
        assert voice.celebration_typed == "Go-karting with Jo"
        assert voice.feeling.face == "happy" and voice.feeling.why == "Biscuit the dog"
        assert voice.answer("feels_like_home").mark is WordsMark.OWN_WORDS
        assert voice.answer("what_it_means").mark is WordsMark.WRITTEN_BY_WORKER
        assert again.page_widget(Page.ABOUT_ME).name_edit.text() == "Ola 🦊"
        assert again.page_widget(Page.ABOUT_ME).avatars.card("avatar-fox").isChecked()
        people = again.page_widget(Page.PEOPLE)
        assert people.grid.card("head_of_service").isChecked()
        assert [c.text() for c in people.grid.cards if c.isChecked()][-1] == "Nan <b>&amp;</b>"
        assert again.page_widget(Page.PLACE).grid.card("park").isChecked()
        assert again.page_widget(Page.WORDS).answer_edit("what_it_means").toPlainText() == (
            "It means I get to stay"
        )
        assert again.trail.stars() >= 6
    finally:
        force_close(again)
        store.close()


def test_typed_words_are_saved_while_the_child_types(qtbot, window, caseload):
    """No Save button: typed words reach the data folder after a short pause."""
    store, child_id = caseload
    window.go_to(Page.WORDS)
    qtbot.keyClicks(window.page_widget(Page.WORDS).answer_edit("tell_the_visit"), "Hello")
    qtbot.waitUntil(
        lambda: (
            (ChildVoiceRecords(store).load(child_id).answer("tell_the_visit") or None) is not None
        ),
        timeout=3000,
    )
    assert ChildVoiceRecords(store).load(child_id).answer("tell_the_visit").text == "Hello"


def test_ten_thousand_characters_get_a_kind_message_and_nothing_is_lost(qtbot, window, caseload):
    """A huge paste is explained; the words stay in the box and the last good answer is kept."""
    store, child_id = caseload
    window.go_to(Page.WORDS)
    page = window.page_widget(Page.WORDS)
    edit = page.answer_edit("feels_like_home")
    qtbot.keyClicks(edit, "Our cat")
    page.flush()
    edit.setPlainText("x" * 10_000)
    page.flush()
    assert page.problem.isVisible() and "10,000" in page.problem.text()
    assert edit.toPlainText() == "x" * 10_000
    assert ChildVoiceRecords(store).load(child_id).answer("feels_like_home").text == "Our cat"


def test_cards_work_with_the_keyboard_alone(qtbot, window):
    """Arrow keys move between cards; Space and Enter choose; one place only."""
    window.go_to(Page.PEOPLE)
    grid = window.page_widget(Page.PEOPLE).grid
    grid.cards[0].setFocus()
    qtbot.waitUntil(grid.cards[0].hasFocus)
    qtbot.keyClick(grid.cards[0], Qt.Key.Key_Right)
    assert grid.cards[1].hasFocus()
    qtbot.keyClick(grid.cards[1], Qt.Key.Key_Space)
    qtbot.keyClick(grid.cards[1], Qt.Key.Key_Down)
    below = grid.cards[1 + grid.columns]
    assert below.hasFocus()
    qtbot.keyClick(below, Qt.Key.Key_Return)
    assert grid.cards[1].isChecked() and below.isChecked()

    window.go_to(Page.PLACE)
    places = window.page_widget(Page.PLACE).grid
    places.cards[1].setFocus()
    qtbot.keyClick(places.cards[1], Qt.Key.Key_Enter)
    qtbot.keyClick(places.cards[1], Qt.Key.Key_Left)
    assert places.cards[0].hasFocus()
    qtbot.keyClick(places.cards[0], Qt.Key.Key_Space)
    assert places.cards[0].isChecked() and not places.cards[1].isChecked()


@pytest.mark.parametrize("band", list(AgeBand))
def test_every_control_is_named_and_every_card_is_big_enough(qtbot, window, band):
    """Screen readers get a name for every control; cards are at least 64 px in both looks."""
    if window.look.band is not band:
        window.switch_look()
    for page in PAGE_ORDER:
        window.go_to(page)
        for widget in window.findChildren(QAbstractButton):
            if widget.isVisible():
                assert widget.accessibleName() or widget.text(), widget
        for widget in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
            if widget.isVisible():
                assert widget.accessibleName(), widget
        for card in window.findChildren(PictureCard):
            if card.isVisible():
                assert card.width() >= MIN_TARGET_PX and card.height() >= MIN_TARGET_PX


def test_read_it_to_me_speaks_the_page(qtbot, window):
    """With a voice, the page's words are read; nothing waits for speech to end."""
    window.go_to(Page.FEELING)
    page = window.page_widget(Page.FEELING)
    page.read_button.click()
    assert window.speech.spoken and window.speech.spoken[-1].startswith("How I feel.")
    assert "Worried" in window.speech.spoken[-1]
    assert not window.no_voice.isVisible()


def test_without_a_voice_the_button_says_so_kindly(qtbot, caseload, today):
    """A computer with no voice gets a kind note, at once."""
    store, child_id = caseload
    win = together(store, child_id, today, engine="no-such-voice")
    try:
        win.page_widget(Page.ABOUT_ME).read_button.click()
        assert win.no_voice.isVisible() and win.no_voice.text() == NO_VOICE
        assert "no voice on this computer" in NO_VOICE
    finally:
        force_close(win)


def _photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (53.0, 45.0, 1.0)})
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 200)).save(
        out, "JPEG", exif=exif.tobytes(), comment=b"12 Secret Street"
    )
    return out.getvalue()


def test_the_worker_adds_photos_cleaned_and_the_child_picks_one_as_a_card(
    qtbot, caseload, today, tmp_path
):
    """The album is filled on the worker side (GPS removed, a non-picture explained); the
    child picks a photo from big cards, with no file window anywhere."""
    from lasting_home_desktop.ui.worker.photo_album_section import PhotoAlbumSection
    from lasting_home_desktop.ui.worker.sections import ChildSectionContext

    store, child_id = caseload
    text_file = tmp_path / "holiday.jpg"
    text_file.write_text("not a photo")
    photo = tmp_path / "me_at_the_beach.jpg"
    photo.write_bytes(_photo_with_gps())
    context = ChildSectionContext(store, child_id, today, RecordedMessages(), lambda: None)
    album = PhotoAlbumSection(context, choose_files=lambda _parent: [text_file, photo])
    qtbot.addWidget(album)
    album.add_button.click()
    assert "holiday.jpg" in album.problems.text()
    assert "doesn't look like a picture" in album.problems.text()
    assert len(album.remove_buttons) == 1
    win = together(store, child_id, today)
    try:
        about = win.page_widget(Page.ABOUT_ME)
        click(qtbot, about.kind_buttons[PictureKind.PHOTO])
        [card] = about.photo_cards.cards
        assert card.text() == "me at the beach"
        click(qtbot, card)
        voice = ChildVoiceRecords(store).load(child_id)
        assert voice.picture.kind is PictureKind.PHOTO
        saved = store.media.read(child_id, voice.picture.ref, voice.picture.ext)
        assert b"Secret" not in saved and not Image.open(io.BytesIO(saved)).getexif()
    finally:
        force_close(win)


def test_the_look_follows_age_and_can_be_switched(qtbot, caseload, today):
    """A 8-year-old gets the colourful look; switching is kept for next time."""
    store, child_id = caseload
    win = together(store, child_id, today)
    try:
        assert win.look.band is AgeBand.CHILD
        win.go_to(Page.CELEBRATION)
        win.switch_look()
        assert win.look.band is AgeBand.YOUNG_PERSON
        assert win.current_page() is Page.CELEBRATION
        assert win.page_widget(Page.PEOPLE).title() == "Who I'd like there"
    finally:
        force_close(win)
    win = together(store, child_id, today)
    try:
        assert win.look.band is AgeBand.YOUNG_PERSON
    finally:
        force_close(win)


@pytest.mark.parametrize("band", list(AgeBand))
def test_no_page_shows_or_says_the_word_the_children_rejected(qtbot, window, band):
    """'Permanence' is in no visible or spoken text of any page, in both looks."""
    if window.look.band is not band:
        window.switch_look()
    for page in PAGE_ORDER:
        window.go_to(page)
        widget = window.page_widget(page)
        widget.read_button.click()
        text = all_visible_text() + "\n" + widget.spoken_text()
        assert widget.title() in text
        assert "permanence" not in text.lower(), page
    window.request_leave()
    assert "permanence" not in all_visible_text().lower()


def _drawing(store, child_id: str, name: str) -> str:
    from lasting_home_desktop.storage.drawings import DrawingLibrary

    out = io.BytesIO()
    Image.new("RGB", (120, 90), (250, 180, 40)).save(out, "PNG")
    library = DrawingLibrary(store)
    info = library.new_drawing(child_id, name=name)
    library.save_png(child_id, info.drawing_id, out.getvalue())
    library.record_saved(child_id, info.drawing_id)
    return info.drawing_id


def test_a_drawing_can_be_my_picture_and_shows_on_all_done(qtbot, caseload, today):
    """The child's drawing appears on About me, can stand for them, and is counted at the end."""
    store, child_id = caseload
    drawing_id = _drawing(store, child_id, "Our house")
    win = together(store, child_id, today)
    try:
        about = win.page_widget(Page.ABOUT_ME)
        assert not about.no_drawings.isVisible()
        card = about.drawing_cards.card(drawing_id)
        assert card.text() == "Our house"
        click(qtbot, card)
        voice = ChildVoiceRecords(store).load(child_id)
        assert voice.picture.kind is PictureKind.DRAWING and voice.picture.ref == drawing_id
        win.go_to(Page.DRAWINGS)
        assert win.trail.steps[PAGE_ORDER.index(Page.DRAWINGS)].done
        win.go_to(Page.DONE)
        assert "1 drawing" in all_visible_text()
        assert "I made 1 drawing." in win.page_widget(Page.DONE).spoken_text()
    finally:
        force_close(win)
