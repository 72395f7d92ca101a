"""The child's voice as data: choices, limits, the worry flag, storage and the worker's PIN."""

from __future__ import annotations

import datetime as dt

import pytest

from lasting_home_desktop import resources
from lasting_home_desktop.domain.child import (
    AgeBand,
    ChildRecord,
    DecisionRoute,
    PeopleAroundChild,
)
from lasting_home_desktop.domain.child_voice import (
    ANSWER_LIMIT,
    CATALOGUES,
    PAGE_ORDER,
    PAGE_TEXT,
    ChildVoice,
    Page,
    PictureChoice,
    PictureKind,
    VoiceProblem,
    WordsMark,
    child_views_text,
    page_intro,
    page_title,
    people_there_anyway,
    recap_sentences,
    summary_items,
    summary_lines,
    there_anyway_text,
    worry_text,
)
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords, PinProblem, WorkerPin

TODAY = dt.date(2026, 11, 22)


def full_voice() -> ChildVoice:
    voice = ChildVoice().with_preferred_name("Ola", TODAY)
    voice = voice.with_picture(PictureChoice(PictureKind.AVATAR, "avatar-fox"), TODAY)
    voice = voice.with_person("carers", True, TODAY).with_person("head_of_service", True, TODAY)
    voice = voice.with_added_person("Nan <b>&amp;</b>", "person-family", TODAY)
    voice = voice.with_place("somewhere_else", "Grandad's allotment", TODAY)
    voice = voice.with_celebration("bowling", True, TODAY)
    voice = voice.with_feeling("worried", "I don't know if I can still see my mum", TODAY)
    voice = voice.with_answer(
        "feels_like_home", "The dog 🐶 and my room", WordsMark.OWN_WORDS, TODAY
    )
    voice = voice.with_answer(
        "what_it_means", "Żaneta says it's safe. یہ میرا گھر ہے", WordsMark.WRITTEN_BY_WORKER, TODAY
    )
    return voice.with_visit(Page.ABOUT_ME).with_visit(Page.PEOPLE).with_look(AgeBand.YOUNG_PERSON)


def test_pages_come_in_the_order_the_issue_gives():
    """The child meets About me first and All done last."""
    assert [p.value for p in PAGE_ORDER] == [
        "about_me",
        "people",
        "place",
        "celebration",
        "feeling",
        "words",
        "drawings",
        "done",
    ]


def test_every_catalogue_picture_exists_in_the_bundled_set():
    """No card ever shows a missing picture."""
    for catalogue in CATALOGUES.values():
        for item in catalogue:
            assert resources.picture(item.picture).is_file(), item.picture
    for text in PAGE_TEXT.values():
        assert resources.picture(text.icon).is_file()


def test_no_child_facing_wording_uses_the_word_the_children_rejected():
    """'Permanence' appears in no title, intro, card, reply or recap, in either look."""
    texts = []
    for band in AgeBand:
        for route in DecisionRoute:
            for page in PAGE_ORDER:
                texts += [page_title(page, band), page_intro(page, band, route)]
        for catalogue in CATALOGUES.values():
            texts += [item.text(band) for item in catalogue]
        texts += recap_sentences(full_voice(), band, 2)
        texts.append(there_anyway_text(ChildRecord("A", "B"), band))
    assert texts and not [t for t in texts if "permanence" in t.lower()]


def test_head_of_service_is_also_the_big_boss_in_both_looks():
    """Children see 'the big boss who makes the decision' beside 'Head of Service'."""
    boss = CATALOGUES["people"][3]
    for band in AgeBand:
        assert "big boss who makes the decision" in boss.text(band)
        assert "Head of Service" in boss.text(band)


def test_round_trip_keeps_everything():
    """What is saved comes back exactly, including emoji, markup and Urdu letters."""
    voice = full_voice()
    assert ChildVoice.from_dict(voice.to_dict()) == voice


def test_damaged_stored_record_loads_what_it_can():
    """Unknown ids and broken dates are dropped instead of crashing the page."""
    voice = ChildVoice.from_dict(
        {
            "people": ["carers", "nobody"],
            "place": "moon",
            "feeling": {"face": "happy", "date": "not a date"},
            "answers": [{"prompt": "feels_like_home", "text": "hi", "mark": "???"}],
            "look": "toddler",
        }
    )
    assert voice.people == ("carers",)
    assert voice.place == ""
    assert voice.feeling is not None and voice.feeling.date is None
    assert voice.answers[0].mark is WordsMark.OWN_WORDS
    assert voice.look is None


@pytest.mark.parametrize(
    "face, flagged",
    [("worried", True), ("sad", True), ("scared", True), ("okay", False), ("very_happy", False)],
)
def test_worry_flag_follows_the_face(face, flagged):
    """Worried, sad or scared raise the flag; the other faces do not."""
    assert ChildVoice().with_feeling(face, "", TODAY).worry_flag is flagged


def test_worry_text_names_the_child_and_the_date():
    """The worker reads who to talk with, what they chose and when."""
    text = worry_text(ChildVoice().with_feeling("scared", "", TODAY), "Ola")
    assert "Ola" in text and "22 November 2026" in text and "scared" in text
    assert worry_text(ChildVoice().with_feeling("happy", "", TODAY), "Ola") == ""


def test_too_long_answer_gets_a_kind_message_and_the_record_is_unchanged():
    """10,000 characters are refused kindly; nothing already kept is lost."""
    voice = full_voice()
    with pytest.raises(VoiceProblem) as problem:
        voice.with_answer("feels_like_home", "x" * 10_000, WordsMark.OWN_WORDS, TODAY)
    assert (
        "10,000" in problem.value.kind_message and f"{ANSWER_LIMIT:,}" in problem.value.kind_message
    )
    assert voice.answer("feels_like_home").text == "The dog 🐶 and my room"


def test_adding_a_person_needs_a_name():
    """An empty name is explained, not added."""
    with pytest.raises(VoiceProblem, match="name"):
        ChildVoice().with_added_person("   ", "person-someone", TODAY)


def test_people_there_anyway_depend_on_the_route():
    """Carers, social worker and Team Manager always come; the IRO too on the panel route."""
    visit = ChildRecord("Ola", "Nowak")
    panel = ChildRecord("Ola", "Nowak", route=DecisionRoute.PANEL)
    assert people_there_anyway(visit) == ("carers", "social_worker", "team_manager")
    assert "iro" in people_there_anyway(panel)


def test_there_anyway_text_uses_the_names_the_worker_gave():
    """The child hears real names: 'Jo and Sam (your carers)'."""
    child = ChildRecord(
        "Ola", "Nowak", people=PeopleAroundChild(carers=("Jo", "Sam"), social_worker="Priya")
    )
    text = there_anyway_text(child, AgeBand.CHILD)
    assert "Jo and Sam (your carers)" in text and "Priya (your social worker)" in text
    assert "the Team Manager" in text


def test_summary_lines_show_marks_dates_and_the_big_boss():
    """The worker-side text shows who typed each answer and when."""
    lines = summary_lines(full_voice(), drawing_count=2)
    text = "\n".join(lines)
    assert "Likes to be called: Ola" in text
    assert "Head of Service (the big boss who makes the decision)" in text
    assert (
        "My carers, Head of Service (the big boss who makes the decision) and Nan <b>&amp;</b>"
        in text
    )
    assert "Where: Grandad's allotment" in text
    assert "typed by the child, in their own words; 22 November 2026" in text
    assert "written down by their worker" in text
    assert "2 drawings" in text
    assert child_views_text(full_voice(), 2) == text


def test_summary_of_an_empty_voice_is_empty():
    """Nothing chosen means nothing claimed."""
    assert summary_items(ChildVoice()) == []
    assert recap_sentences(ChildVoice(), AgeBand.CHILD)[0].startswith("You haven't chosen")


def test_pages_done_reflect_what_was_chosen():
    """Progress marks only pages with something on them."""
    voice = full_voice()
    assert voice.page_done(Page.PEOPLE) and voice.page_done(Page.FEELING)
    assert not voice.page_done(Page.DRAWINGS) and voice.page_done(Page.DRAWINGS, drawings=1)
    assert not ChildVoice().page_done(Page.ABOUT_ME)


def test_records_save_and_load_per_child(data_dir, today):
    """Each child's voice is kept apart and survives reopening the folder."""
    with CaseloadStore.open(data_dir) as store:
        a = store.add_child(ChildRecord("Ola", "Nowak"), today)
        b = store.add_child(ChildRecord("Sam", "Lee"), today)
        voice = full_voice()
        ChildVoiceRecords(store).save(a.id, voice)
    with CaseloadStore.open(data_dir) as store:
        records = ChildVoiceRecords(store)
        assert records.load(a.id) == voice
        assert records.load(b.id) == ChildVoice()


def test_pin_is_kept_only_as_a_salted_hash(data_dir, today):
    """The PIN checks, and the stored value never contains it."""
    with CaseloadStore.open(data_dir) as store:
        pin = WorkerPin(store)
        assert not pin.is_set()
        pin.set("482916")
        assert pin.is_set() and pin.check("482916") and not pin.check("482917")
        stored = store.folder_value("worker_pin")
        assert "482916" not in str(stored) and stored["salt"] and stored["scheme"] == "scrypt"
        first_hash = stored["hash"]
        pin.set("482916")
        assert store.folder_value("worker_pin")["hash"] != first_hash  # a fresh salt each time
    assert "482916" not in (data_dir / "lasting-home.json").read_text()


@pytest.mark.parametrize("bad", ["12", "abcd", "12 34", "١٢٣٤", "1" * 13])
def test_unusable_pins_are_explained(data_dir, bad):
    """Too short, too long or not numbers gets a plain message."""
    with CaseloadStore.open(data_dir) as store, pytest.raises(PinProblem):
        WorkerPin(store).set(bad)


def test_the_same_choices_read_the_same_on_every_screen():
    """Summary, recap, read-aloud and the adults' forms all say 'Bowling and Go-karting with Jo'."""
    from lasting_home_desktop.domain.child_voice import (
        Page,
        choices_for_adults,
        chosen_items,
        you_chose,
    )

    voice = (
        ChildVoice()
        .with_celebration("bowling", True, TODAY)
        .with_celebration("something_else", True, TODAY)
        .with_celebration_typed("Go-karting with Jo", TODAY)
        .with_place("favourite", "the beach", TODAY)
    )
    wording = "Bowling and Go-karting with Jo"
    assert f"How to celebrate: {wording}" in child_views_text(voice)
    assert choices_for_adults(voice).celebration == wording
    assert f"How I'd like to celebrate: {wording}." in recap_sentences(voice, AgeBand.CHILD)
    assert you_chose(voice, AgeBand.CHILD, Page.CELEBRATION) == f"You chose: {wording}."
    assert choices_for_adults(voice).place == "My favourite place: the beach"
    [place] = chosen_items(voice, AgeBand.CHILD, Page.PLACE)
    assert place.label == "My favourite place: the beach" and place.own_words
    assert "Something else" not in child_views_text(voice)


def test_ways_to_take_part_follow_what_the_child_made():
    """A message for the visit is a letter; drawings, a photo or an avatar count too."""
    from lasting_home_desktop.domain.child_voice import choices_for_adults
    from lasting_home_desktop.domain.panel import Participation

    voice = ChildVoice().with_answer("tell_the_visit", "Hi", WordsMark.OWN_WORDS, TODAY)
    voice = voice.with_picture(PictureChoice(PictureKind.PHOTO, "abcdef12", "jpg"), TODAY)
    assert choices_for_adults(voice, 2).ways_to_take_part == (
        Participation.LETTER,
        Participation.DRAWING,
        Participation.PHOTO,
    )
    assert choices_for_adults(ChildVoice()).is_empty


def test_one_carer_is_your_carer_and_the_child_look_has_no_jargon():
    """'Bev Shah (your carer)' for one carer; the IRO card leads with plain words."""
    from lasting_home_desktop.domain.child_voice import PEOPLE, choice

    child = ChildRecord("Ola", "Nowak", people=PeopleAroundChild(carers=("Bev Shah",)))
    assert "Bev Shah (your carer)" in there_anyway_text(child, AgeBand.CHILD)
    iro = choice(PEOPLE, "iro").text(AgeBand.CHILD)
    assert not iro.startswith("My IRO") and "checks my plans" in iro.split("(")[0]


def test_navigation_skips_counts_stars_and_stops_at_the_ends():
    """Next says 'Skip for now' on an empty page; stars count pages with something on them."""
    from lasting_home_desktop.domain.child_voice import Page, TogetherNavigation

    nav = TogetherNavigation()
    state = nav.state(ChildVoice())
    assert state.skip and state.next_text == "Skip for now" and not state.can_go_back
    assert state.counter_text == "Page 1 of 8  \u2022  0 stars"
    nav.go_to(nav.next_page())
    voice = ChildVoice().with_person("pets", True, TODAY)
    state = nav.state(voice)
    assert state.page is Page.PEOPLE and not state.skip and state.stars == 1
    assert state.counter_text.endswith("1 star")
    nav.go_to(Page.DONE)
    assert nav.next_page() is None and not nav.state(voice).has_next
    assert not nav.state(voice).skip


def test_read_aloud_sentences_end_once():
    """'All done!' is read as it is, never 'All done!.'."""
    from lasting_home_desktop.domain.child_voice import sentence

    assert sentence("All done!") == "All done!" and sentence("Where") == "Where."


@pytest.mark.parametrize("easy", ["1111", "1234", "4321", "0000", "1212", "2468", "123123"])
def test_easy_pins_are_refused_with_a_kind_reason(data_dir, easy):
    """A PIN a child could guess (1111, 1234, a repeated pattern) is refused, kindly."""
    with CaseloadStore.open(data_dir) as store, pytest.raises(PinProblem) as problem:
        WorkerPin(store).set(easy)
    assert "easy for someone to guess" in problem.value.kind_message


def test_wrong_pins_get_a_growing_wait_that_survives_a_restart(data_dir):
    """After five wrong PINs the next try waits 30 s, then 60 s; the right PIN clears it."""
    now = [1000.0]
    with CaseloadStore.open(data_dir) as store:
        pin = WorkerPin(store, clock=lambda: now[0])
        pin.set("5071")
        for _ in range(5):
            assert not pin.try_pin("0000")
        assert pin.seconds_to_wait() == 30
        assert not pin.try_pin("5071")  # even the right PIN waits its turn
        now[0] += 30
        assert not pin.try_pin("9999") and pin.seconds_to_wait() == 60
    with CaseloadStore.open(data_dir) as store:
        pin = WorkerPin(store, clock=lambda: now[0])
        assert pin.seconds_to_wait() == 60
        now[0] += 60
        assert pin.try_pin("5071") and pin.seconds_to_wait() == 0
        assert not pin.try_pin("1") and pin.seconds_to_wait() == 0  # the count started again
