"""Together mode shows one child only, and a worry reaches the worker, never the child's screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidget, QMainWindow, QSplitter
from together_support import (
    OTHER,
    PIN,
    TogetherWindow,
    all_visible_text,
    force_close,
    open_caseload,
)

from lasting_home_desktop.domain.child_voice import Page
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.together.worker_view import ChildVoiceSection
from lasting_home_desktop.ui.worker.sections import CHILD_SECTIONS, ChildSectionContext


@pytest.fixture
def worker_side(qtbot, data_dir, today):
    """A worker window with the caseload list (both children) and Ola's voice tab."""
    store, child_id = open_caseload(data_dir, today)
    context = ChildSectionContext(store, child_id, today, RecordedMessages(), lambda: None)
    window = QMainWindow()
    split = QSplitter(window)
    caseload = QListWidget(split)
    caseload.addItems([child.display_name for child in store.children()])
    section = ChildVoiceSection(context, speech_engine="mock")
    split.addWidget(section)
    window.setCentralWidget(split)
    window.show()
    qtbot.addWidget(window)
    yield window, section, store
    if section.together is not None:
        force_close(section.together)
    store.close()


def test_child_voice_tab_is_registered_first():
    """The worker finds the child's voice as the first tab after the profile."""
    assert CHILD_SECTIONS[0][0] == "The child's voice"


def test_no_other_childs_name_anywhere_while_together_mode_is_open(qtbot, worker_side):
    """Opening together mode hides the caseload; only this child is on any screen."""
    window, section, _store = worker_side
    assert OTHER.last_name in all_visible_text()  # the worker could see them before
    section.open_button.click()
    together: TogetherWindow = section.together
    assert together is not None and together.isVisible() and not window.isVisible()
    for page in Page:
        together.go_to(page)
        text = all_visible_text()
        assert OTHER.first_name not in text and OTHER.last_name not in text, page
    together.request_leave()
    text = all_visible_text()
    assert OTHER.first_name not in text and OTHER.last_name not in text
    together.pin_panel.pin_edit.setText(PIN)
    with qtbot.waitSignal(together.closed):
        together.pin_panel.ok_button.click()
    assert window.isVisible() and section.together is None


def test_worry_is_flagged_to_the_worker_and_never_on_the_childs_screen(qtbot, worker_side):
    """Choosing 'scared' gets a gentle reply for the child and a flag on the worker's page."""
    window, section, _store = worker_side
    assert not section.flag.isVisible()
    section.open_button.click()
    together = section.together
    together.go_to(Page.FEELING)
    feeling = together.page_widget(Page.FEELING)
    feeling.faces.card("scared").click()
    child_screen = all_visible_text()
    assert "It's okay to feel like that" in child_screen
    assert "Talk with" not in child_screen and "flag" not in child_screen.lower()
    assert together.isVisible()  # no alarm, no box popping up
    together.pin_panel.pin_edit.setText(PIN)
    together.request_leave()
    together.pin_panel.pin_edit.setText(PIN)
    with qtbot.waitSignal(together.closed):
        together.pin_panel.ok_button.click()
    assert section.flag.isVisible()
    assert "Talk with Ola" in section.flag.text() and "22 November 2026" in section.flag.text()


def test_worker_sees_what_the_child_said_with_marks_and_dates(qtbot, worker_side):
    """The tab lists choices and words, read only, with 'own words' marks and dates."""
    window, section, _store = worker_side
    section.open_button.click()
    together = section.together
    together.go_to(Page.WORDS)
    words = together.page_widget(Page.WORDS)
    words.answer_edit("feels_like_home").setPlainText("Our dog <b>Biscuit</b>")
    words.flush()
    together.go_to(Page.PEOPLE)
    together.page_widget(Page.PEOPLE).grid.card("head_of_service").click()
    together.request_leave()
    together.pin_panel.pin_edit.setText(PIN)
    with qtbot.waitSignal(together.closed):
        together.pin_panel.ok_button.click()
    text = all_visible_text()
    assert "\u201cOur dog <b>Biscuit</b>\u201d" in text  # shown literally, never as markup
    assert "typed by the child, in their own words" in text
    assert "22 November 2026" in text
    assert "Head of Service (the big boss who makes the decision)" in text
    assert not [w for w in section.findChildren(type(words.answer_edit("feels_like_home")))]
