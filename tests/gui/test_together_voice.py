"""Read aloud: every page says what is on it and what the child chose, every card can be heard
on its own, the offline voice speaks without a speech service, and nothing waits for it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from together_support import force_close, together

from lasting_home_desktop.domain.child_voice import Page
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.together.read_aloud import NO_VOICE, ReadAloud
from lasting_home_desktop.ui.together.voices import EspeakVoice, espeak_program

needs_espeak = pytest.mark.skipif(
    espeak_program() is None, reason="eSpeak NG is not installed (scripts/system-libs.sh)"
)


def has_sound_device() -> bool:
    return Path("/dev/snd").exists() or bool(os.environ.get("PULSE_SERVER"))


def test_reading_says_what_the_child_has_chosen_so_far(qtbot, window, caseload, today):
    """After the page's words: "You chose: my carers, my pets and Nan."."""
    store, child_id = caseload
    window.go_to(Page.PEOPLE)
    page = window.page_widget(Page.PEOPLE)
    page.grid.card("carers").click()
    page.grid.card("_add").click()
    page.name_edit.setText("Nan")
    page.add_button.click()
    page.grid.card("pets").click()
    page.read_button.click()
    spoken = window.speech.spoken[-1]
    assert spoken.startswith("Who I want with me.")
    assert spoken.endswith("You chose: my carers, my pets and Nan.")


def test_the_drawing_page_names_its_tools(qtbot, window):
    """A child who cannot read hears every tool, size and colour of the studio."""
    window.go_to(Page.DRAWINGS)
    window.page_widget(Page.DRAWINGS).read_button.click()
    spoken = window.speech.spoken[-1]
    for tool in ("Pencil", "Rubber", "Fill", "Stickers", "Fat pen", "Red", "Start again"):
        assert tool in spoken
    assert "arrow keys" in spoken


def test_the_last_page_ends_its_title_once(qtbot, window):
    """All done is read "All done!", never "All done!."."""
    window.go_to(Page.DONE)
    window.page_widget(Page.DONE).read_button.click()
    assert window.speech.spoken[-1].startswith("All done! ")
    assert "!." not in window.speech.spoken[-1]


def test_a_long_press_or_right_click_reads_one_card_without_choosing_it(qtbot, window):
    """Holding a card (or a right click) reads it aloud; it is not chosen by that."""
    window.go_to(Page.PEOPLE)
    card = window.page_widget(Page.PEOPLE).grid.card("head_of_service")
    qtbot.mouseClick(card, Qt.MouseButton.RightButton)
    assert window.speech.spoken[-1].startswith("The big boss who makes the decision")
    assert not card.isChecked()
    qtbot.mousePress(card, Qt.MouseButton.LeftButton)
    card._long_press.timeout.emit()  # held down long enough
    qtbot.mouseRelease(card, Qt.MouseButton.LeftButton)
    assert not card.isChecked() and len(window.speech.spoken) == 2
    carers = window.page_widget(Page.PEOPLE).grid.card("carers")
    carers.read_aloud()
    assert window.speech.spoken[-1] == "My carers. They are coming anyway."


def test_pressing_read_again_stops_the_voice(qtbot, window):
    """While it reads, the button says "Stop reading" and stops it."""
    window.go_to(Page.FEELING)
    page = window.page_widget(Page.FEELING)
    with qtbot.waitSignal(window.speech.speaking, timeout=3000):
        page.read_button.click()
    qtbot.waitUntil(lambda: page.read_button.text().strip() == "Stop reading", timeout=3000)
    page.read_button.click()
    qtbot.waitUntil(lambda: not window.speech.is_speaking(), timeout=3000)


def test_with_no_voice_at_all_it_says_so_once_and_the_buttons_step_aside(qtbot, caseload, today):
    """A computer with no voice of any kind: one kind note, then no button that does nothing."""
    store, child_id = caseload
    window = together(store, child_id, today, engine="no-such-voice")
    try:
        window.page_widget(Page.ABOUT_ME).read_button.click()
        assert window.no_voice.isVisible() and window.no_voice.text() == NO_VOICE
        window.go_to(Page.PEOPLE)
        assert not window.no_voice.isVisible()
        assert not window.page_widget(Page.PEOPLE).read_button.isVisible()
    finally:
        force_close(window)


@needs_espeak
def test_the_offline_voice_speaks_to_a_file_quickly(qtbot):
    """eSpeak NG turns the words into sound offline, in well under the time limit."""
    voice = EspeakVoice()
    started = time.monotonic()
    wav = voice.render_wav("You chose: my carers, Nan and my dog. Zażółć gęślą jaźń.", 10.0)
    assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE" and len(wav) > 20_000
    assert time.monotonic() - started < 5.0


@needs_espeak
def test_the_offline_voice_is_chosen_when_the_system_has_none(qtbot):
    """Without a speech service, "Read it to me" still speaks (and never blocks)."""
    speech = ReadAloud("espeak")
    assert speech.has_voice() and speech.voice_name() == "eSpeak NG"
    started = time.monotonic()
    assert speech.say("Hello Ola")
    assert time.monotonic() - started < 1.0  # started, not waited for
    speech.stop()
    assert not speech.is_speaking()


@needs_espeak
@pytest.mark.skipif(not has_sound_device(), reason="no sound device on this machine")
def test_the_offline_voice_plays_to_the_sound_device_and_finishes(qtbot):
    """On a machine with sound, the words are played and the voice says when it is done."""
    speech = ReadAloud("espeak")
    with qtbot.waitSignal(speech.speaking, timeout=2000, check_params_cb=lambda on: not on):
        speech.say("Hi")


def test_the_childs_words_read_back_on_the_words_page(qtbot, window, caseload):
    """What the child wrote is read back after each question."""
    store, child_id = caseload
    window.go_to(Page.WORDS)
    page = window.page_widget(Page.WORDS)
    page.answer_edit("feels_like_home").setPlainText("Pancakes")
    page.flush()
    page.read_button.click()
    assert "Pancakes" in window.speech.spoken[-1]
    assert ChildVoiceRecords(store).load(child_id).answer("feels_like_home").text == "Pancakes"
