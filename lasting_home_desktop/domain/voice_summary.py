"""What the child chose, said the same way everywhere.

`chosen_items` is the one rule for turning a child's voice into the things they chose (page,
label, picture, whether the label is their own typed words). The worker's view, the adults'
forms, the All done page, what is read aloud and the child's book all render these items, so
"Bowling and Go-karting with Jo" reads the same on every screen and page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .child import AgeBand, ChildRecord, DecisionRoute, join_names
from .dates import format_long
from .panel import Participation
from .voice_catalogue import CELEBRATIONS, FEELINGS, PEOPLE, PLACES, PROMPTS, Choice, Page, choice
from .voice_record import ChildVoice, PictureKind, WordsMark

# -- the one rule -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChosenItem:
    """One thing the child chose: a person, the place, a way to celebrate or their feeling."""

    page: Page
    label: str  # the words to show, in the look asked for
    picture: str  # a picture name from the set
    key: str = ""  # the catalogue id, or an added person's id
    own_words: bool = False  # the label is (or ends with) what the child typed


def _typed_label(item: Choice, band: AgeBand, typed: str) -> tuple[str, bool]:
    """ "Something else" + "Go-karting with Jo" -> "Go-karting with Jo";
    "My favourite place" + "the beach" -> "My favourite place: the beach"."""
    typed = typed.strip()
    if not item.typed or not typed:
        return item.text(band), False
    return (typed if item.catch_all else f"{item.text(band)}: {typed}"), True


def chosen_items(voice: ChildVoice, band: AgeBand, page: Page | None = None) -> list[ChosenItem]:
    """Everything the child chose, in page order (or only one page's), in the look's words."""
    items: list[ChosenItem] = []
    for person_id in voice.people:
        found = choice(PEOPLE, person_id)
        if found is not None:
            items.append(ChosenItem(Page.PEOPLE, found.text(band), found.picture, found.id))
    for person in voice.added_people:
        items.append(ChosenItem(Page.PEOPLE, person.name, person.picture, person.id, True))
    place = choice(PLACES, voice.place) if voice.place else None
    if place is not None:
        label, own = _typed_label(place, band, voice.place_typed)
        items.append(ChosenItem(Page.PLACE, label, place.picture, place.id, own))
    for celebration_id in voice.celebrations:
        found = choice(CELEBRATIONS, celebration_id)
        if found is not None:
            label, own = _typed_label(found, band, voice.celebration_typed)
            items.append(ChosenItem(Page.CELEBRATION, label, found.picture, found.id, own))
    face = choice(FEELINGS, voice.feeling.face) if voice.feeling else None
    if face is not None:
        items.append(ChosenItem(Page.FEELING, face.text(band), face.picture, face.id))
    return [item for item in items if page is None or item.page is page]


def in_sentence(labels: list[str]) -> list[str]:
    """ "My carers", "A meal out" read as "my carers", "a meal out" after the first word of a
    sentence; names and the child's own words are left exactly as they are."""
    out = []
    for label in labels:
        if label.split(" ", 1)[0] in {"A", "An", "The", "My"}:
            label = label[0].lower() + label[1:]
        out.append(label)
    return out


def labels_text(items: list[ChosenItem], *, mid_sentence: bool = False) -> str:
    """ "My carers, Nan and my pets" (or "my carers, ..." inside a sentence)."""
    labels = [item.label for item in items]
    if mid_sentence:
        return join_names(in_sentence(labels))
    return join_names(labels[:1] + in_sentence(labels[1:]))


def you_chose(voice: ChildVoice, band: AgeBand, page: Page | None = None) -> str:
    """What read-aloud says after a page's words: "You chose: my carers, Nan and my pets." """
    items = chosen_items(voice, band, page)
    if not items:
        return ""
    return f"You chose: {labels_text(items, mid_sentence=True)}."


def sentence(text: str) -> str:
    """The text as a sentence to read aloud: "All done!" stays, "Where" becomes "Where."."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."


# -- who will be there anyway ---------------------------------------------------------------


def people_there_anyway(child: ChildRecord) -> tuple[str, ...]:
    """Ids from PEOPLE who come whatever the child chooses (on the panel route also the IRO)."""
    ids = ("carers", "social_worker", "team_manager")
    if child.route is DecisionRoute.PANEL:
        ids += ("iro",)
    return ids


def there_anyway_text(child: ChildRecord, band: AgeBand) -> str:
    """A gentle sentence naming who will be there anyway, with names where the worker gave them."""
    people = child.people
    carers = people.carers_text
    carer_word = "carer" if len(people.carers) == 1 else "carers"
    parts = ["you", f"{carers} (your {carer_word})" if carers else "your carers"]
    sw = people.social_worker.strip()
    parts.append(f"{sw} (your social worker)" if sw else "your social worker")
    tm = people.team_manager.strip()
    if band is AgeBand.CHILD:
        parts.append(
            f"{tm} (your worker's boss)" if tm else "the Team Manager (your worker's boss)"
        )
    else:
        parts.append(f"{tm} (the Team Manager)" if tm else "the Team Manager")
    if child.route is DecisionRoute.PANEL:
        iro = people.iro.strip()
        checker = "who checks your plans" if band is AgeBand.CHILD else "your IRO"
        parts.append(f"{iro} ({checker})" if iro else f"the person {checker}")
    who = join_names(parts)
    if band is AgeBand.CHILD:
        return f"Some people will be there anyway: {who}. You can choose anyone else too."
    return f"These people will be there anyway: {who}. Choose anyone else you'd like."


def coming_anyway_reason(child: ChildRecord, person_id: str, band: AgeBand) -> str:
    """Why a person the child took off the list still comes: said gently, never as a telling-off."""
    found = choice(PEOPLE, person_id)
    who = in_sentence([found.text(band)])[0] if found else "they"
    who = who.split(" (", 1)[0]
    if band is AgeBand.CHILD:
        return (
            f"That's okay. {who[0].upper() + who[1:]} will still be there, because they help "
            "make the decision with you. If that worries you, tell your worker."
        )
    return (
        f"Noted. {who[0].upper() + who[1:]} will still be there, as part of making the decision. "
        "If that's a problem for you, talk to your social worker."
    )


# -- what the child said, for the worker side, meeting forms and the book ---------------------


@dataclass(frozen=True)
class VoiceItem:
    """One thing the child chose, felt or said, for the worker side and documents."""

    heading: str
    text: str
    date: dt.date | None = None
    mark: WordsMark | None = None


WORKER_BAND = AgeBand.YOUNG_PERSON  # the worker side uses the fuller, grown-up wording
_HEADINGS = {
    Page.PEOPLE: "Wants with them",
    Page.PLACE: "Where",
    Page.CELEBRATION: "How to celebrate",
}


def summary_items(voice: ChildVoice, drawing_count: int = 0) -> list[VoiceItem]:
    """What the child chose, felt and said, in a worker's words (third person)."""
    items: list[VoiceItem] = []
    about = voice.changed(Page.ABOUT_ME)
    if voice.preferred_name.strip():
        items.append(VoiceItem("Likes to be called", voice.preferred_name.strip(), about))
    if voice.picture is not None:
        picture = {
            PictureKind.AVATAR: "a picture from the set ("
            + voice.picture.ref.removeprefix("avatar-").replace("-", " ")
            + ")",
            PictureKind.DRAWING: "one of their drawings",
            PictureKind.PHOTO: "a photo",
        }[voice.picture.kind]
        items.append(VoiceItem("Their picture", picture, about))
    for page, heading in _HEADINGS.items():
        chosen = chosen_items(voice, WORKER_BAND, page)
        if chosen:
            items.append(VoiceItem(heading, labels_text(chosen), voice.changed(page)))
    if voice.feeling is not None:
        face = choice(FEELINGS, voice.feeling.face)
        text = face.text(WORKER_BAND) if face else "No face chosen"
        if voice.feeling.why.strip():
            text += f". Why: {voice.feeling.why.strip()}"
        items.append(VoiceItem("How they feel about their lasting home", text, voice.feeling.date))
    for answer in voice.answers:
        prompt = choice(PROMPTS, answer.prompt)
        heading = prompt.wording.child if prompt else answer.prompt
        items.append(VoiceItem(heading, answer.text, answer.date, answer.mark))
    if drawing_count:
        plural = "drawing" if drawing_count == 1 else "drawings"
        items.append(VoiceItem("Drawings", f"{drawing_count} {plural}"))
    return items


def worry_text(voice: ChildVoice, child_name: str) -> str:
    """The worker-side flag wording; empty when there is no worry."""
    if not voice.worry_flag or voice.feeling is None:
        return ""
    face = choice(FEELINGS, voice.feeling.face)
    when = format_long(voice.feeling.date, "in together mode")
    on = f"on {when}" if voice.feeling.date else when
    return (
        f"Talk with {child_name}: {on} they said they feel "
        f"'{face.wording.young.lower() if face else voice.feeling.face}' about their lasting home."
    )


def summary_lines(voice: ChildVoice, drawing_count: int = 0) -> list[str]:
    """The child's views as plain lines of text (matching meeting form, book, worker page)."""
    lines = []
    for item in summary_items(voice, drawing_count):
        notes = []
        if item.mark is not None:
            notes.append(item.mark.worker_label)
        if item.date is not None:
            notes.append(format_long(item.date))
        suffix = f" ({'; '.join(notes)})" if notes else ""
        if item.mark is not None:
            lines.append(f"{item.heading} \u201c{item.text}\u201d{suffix}")
        else:
            lines.append(f"{item.heading}: {item.text}{suffix}")
    return lines


def child_views_text(voice: ChildVoice, drawing_count: int = 0) -> str:
    """One block of text for a form's "the child's views" box."""
    return "\n".join(summary_lines(voice, drawing_count))


# -- what the adults' forms show beside their own fields -------------------------------------


@dataclass(frozen=True)
class ChildChoices:
    """The child's own choices, for showing beside the adults' fields."""

    views_text: str = ""
    people: tuple[str, ...] = ()
    place: str = ""
    celebration: str = ""
    ways_to_take_part: tuple[Participation, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.views_text or self.people or self.place or self.celebration)


def ways_to_take_part(voice: ChildVoice, drawing_count: int) -> tuple[Participation, ...]:
    """How the child's choices let them take part if they do not come: a letter (what they
    would like the people at the visit to know), a drawing, their photo or their avatar."""
    ways: list[Participation] = []
    if voice.answer("tell_the_visit") is not None:
        ways.append(Participation.LETTER)
    if drawing_count:
        ways.append(Participation.DRAWING)
    if voice.picture is not None and voice.picture.kind is PictureKind.PHOTO:
        ways.append(Participation.PHOTO)
    if voice.picture is not None and voice.picture.kind is PictureKind.AVATAR:
        ways.append(Participation.AVATAR)
    return tuple(ways)


def choices_for_adults(voice: ChildVoice, drawing_count: int = 0) -> ChildChoices:
    """The child's choices in the words the adults' forms show (the same as everywhere)."""

    def labels(page: Page) -> list[str]:
        return [item.label for item in chosen_items(voice, WORKER_BAND, page)]

    place = labels(Page.PLACE)
    return ChildChoices(
        views_text=child_views_text(voice, drawing_count),
        people=tuple(labels(Page.PEOPLE)),
        place=place[0] if place else "",
        celebration=labels_text(chosen_items(voice, WORKER_BAND, Page.CELEBRATION)),
        ways_to_take_part=ways_to_take_part(voice, drawing_count),
    )


# -- the child's own recap ------------------------------------------------------------------


def recap_sentences(voice: ChildVoice, band: AgeBand, drawing_count: int = 0) -> list[str]:
    """The "All done" page in the child's own voice, also read aloud."""
    out: list[str] = []
    if voice.preferred_name.strip():
        out.append(f"I like to be called {voice.preferred_name.strip()}.")
    people = chosen_items(voice, band, Page.PEOPLE)
    if people:
        out.append(f"I'd like these people with me: {labels_text(people, mid_sentence=True)}.")
    place = chosen_items(voice, band, Page.PLACE)
    if place:
        out.append(f"Where: {place[0].label}.")
    ways = chosen_items(voice, band, Page.CELEBRATION)
    if ways:
        out.append(f"How I'd like to celebrate: {labels_text(ways, mid_sentence=True)}.")
    face = chosen_items(voice, band, Page.FEELING)
    if face:
        out.append(f"I feel {face[0].label.lower()} about my lasting home.")
    if voice.feeling is not None and voice.feeling.why.strip():
        out.append(sentence(f"Why: {voice.feeling.why.strip()}"))
    for answer in voice.answers:
        prompt = choice(PROMPTS, answer.prompt)
        if prompt:
            out.append(f"{prompt.text(band)} {sentence(answer.text)}")
    if drawing_count:
        plural = "drawing" if drawing_count == 1 else "drawings"
        out.append(f"I made {drawing_count} {plural}.")
    if not out:
        out.append(nothing_yet_text(band))
    return out


def nothing_yet_text(band: AgeBand) -> str:
    """When nothing is chosen: gentle, and what the child could still do."""
    if band is AgeBand.CHILD:
        return (
            "You haven't chosen anything yet, and that's fine. If you like, you could pick who "
            "comes, choose a place, tap a face or make a drawing. Tap a footstep at the top to "
            "go to any page."
        )
    return (
        "Nothing chosen yet, and that's fine. You can still choose who comes, where and how to "
        "celebrate, or add a drawing: pick any page from the steps at the top."
    )
