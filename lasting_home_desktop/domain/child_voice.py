"""The child's voice: what a child chooses, feels and says in together mode.

The page order, the choice catalogues (with a child's wording and a young person's wording) and
the `ChildVoice` record are plain data here, so screens, documents and tests share one source.
Nothing here may use the word the children asked us not to use (see tests).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

from .child import AgeBand, ChildRecord, DecisionRoute, join_names
from .dates import format_long, from_iso, to_iso
from .ids import new_id

# -- pages ----------------------------------------------------------------------------------


class Page(enum.Enum):
    ABOUT_ME = "about_me"
    PEOPLE = "people"
    PLACE = "place"
    CELEBRATION = "celebration"
    FEELING = "feeling"
    WORDS = "words"
    DRAWINGS = "drawings"
    DONE = "done"


PAGE_ORDER: tuple[Page, ...] = tuple(Page)


@dataclass(frozen=True)
class Wording:
    """One piece of text in the two looks: a child's words and a young person's words."""

    child: str
    young: str

    def for_band(self, band: AgeBand) -> str:
        return self.child if band is AgeBand.CHILD else self.young


@dataclass(frozen=True)
class PageText:
    title: Wording
    intro: Wording
    icon: str  # picture name for the progress trail and the page heading


PAGE_TEXT: dict[Page, PageText] = {
    Page.ABOUT_ME: PageText(
        Wording("About me", "About me"),
        Wording(
            "What would you like to be called? Pick a picture to be you.",
            "Tell us the name you like to go by, then choose a picture to stand for you: "
            "an avatar, one of your drawings or a photo.",
        ),
        "icon-wave",
    ),
    Page.PEOPLE: PageText(
        Wording("Who I want with me", "Who I'd like there"),
        Wording(
            "Who would you like to come to {event}? Tap everyone you want.",
            "It's your day. Choose who you'd like at {event}, and add anyone who isn't on the "
            "list.",
        ),
        "person-friends",
    ),
    Page.PLACE: PageText(
        Wording("Where", "Where"),
        Wording(
            "Where would you like {event} to happen?",
            "Where would you like {event} to happen? Pick the place that feels right.",
        ),
        "place-home",
    ),
    Page.CELEBRATION: PageText(
        Wording("How I want to celebrate", "How I'd like to celebrate"),
        Wording(
            "How would you like to celebrate your lasting home? Tap as many as you like.",
            "Once it's agreed there will be a celebration. How would you like to mark it? "
            "Choose one or more.",
        ),
        "celebrate-party",
    ),
    Page.FEELING: PageText(
        Wording("How I feel", "How I feel"),
        Wording(
            "How do you feel about your lasting home? Tap a face.",
            "How do you feel about this being your lasting home? Pick the one that fits best, "
            "and say why if you'd like to.",
        ),
        "feeling-happy",
    ),
    Page.WORDS: PageText(
        Wording("My words", "In my words"),
        Wording(
            "You can type, or your worker can write down exactly what you say.",
            "Answer any of these you'd like to. Type them yourself, or your worker can write "
            "down exactly what you say.",
        ),
        "icon-words",
    ),
    Page.DRAWINGS: PageText(
        Wording("My drawings", "My drawings"),
        Wording(
            "Draw anything you like! Your drawings keep themselves safe.",
            "Draw, doodle or design anything you like. Everything saves as you go.",
        ),
        "icon-drawings",
    ),
    Page.DONE: PageText(
        Wording("All done!", "All done"),
        Wording(
            "Look at everything you chose and made. Well done!",
            "Here's everything you chose and made. You can go back and change anything.",
        ),
        "icon-finish",
    ),
}


def event_name(route: DecisionRoute, band: AgeBand) -> str:
    """What the child's big day is called, in their words."""
    if route is DecisionRoute.PANEL:
        return "your special meeting" if band is AgeBand.CHILD else "your Lasting Home Panel"
    return "your special visit" if band is AgeBand.CHILD else "your commitment visit"


def page_title(page: Page, band: AgeBand) -> str:
    return PAGE_TEXT[page].title.for_band(band)


def page_intro(page: Page, band: AgeBand, route: DecisionRoute) -> str:
    return PAGE_TEXT[page].intro.for_band(band).format(event=event_name(route, band))


# -- choice catalogues ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: str
    wording: Wording
    picture: str
    typed: bool = False  # the child can type what they mean ("somewhere else")

    def text(self, band: AgeBand) -> str:
        return self.wording.for_band(band)


def _c(id_: str, child: str, young: str, picture: str, typed: bool = False) -> Choice:
    return Choice(id_, Wording(child, young), picture, typed)


PEOPLE: tuple[Choice, ...] = (
    _c("carers", "My carers", "My carers", "person-carers"),
    _c("social_worker", "My social worker", "My social worker", "person-social-worker"),
    _c(
        "team_manager",
        "The Team Manager (my worker's boss)",
        "The Team Manager",
        "person-team-manager",
    ),
    _c(
        "head_of_service",
        "The big boss who makes the decision (Head of Service)",
        "Head of Service (the big boss who makes the decision)",
        "person-big-boss",
    ),
    _c(
        "iro",
        "My IRO (who checks my plans are right)",
        "My IRO (Independent Reviewing Officer)",
        "person-iro",
    ),
    _c("teacher", "My teacher", "My teacher", "person-teacher"),
    _c("health_worker", "A health worker, like a nurse", "A health worker", "person-health-worker"),
    _c("family", "My family", "My family", "person-family"),
    _c("friends", "My friends", "My friends", "person-friends"),
    _c("pets", "My pets", "My pets", "person-pet-dog"),
)

PLACES: tuple[Choice, ...] = (
    _c("home", "At home", "At home", "place-home"),
    _c("garden", "In the garden", "In the garden", "place-garden"),
    _c("park", "At the park", "At the park", "place-park"),
    _c("cafe", "At a café", "At a café", "place-cafe"),
    _c("school", "At school", "At school", "place-school"),
    _c("favourite", "My favourite place", "My favourite place", "place-favourite", True),
    _c("somewhere_else", "Somewhere else", "Somewhere else", "place-somewhere-else", True),
)

CELEBRATIONS: tuple[Choice, ...] = (
    _c("party", "A party at home", "A party at home", "celebrate-party"),
    _c("meal_out", "A meal out", "A meal out", "celebrate-meal-out"),
    _c("cinema", "The cinema", "The cinema", "celebrate-cinema"),
    _c("bowling", "Bowling", "Bowling", "celebrate-bowling"),
    _c("day_trip", "A day trip", "A day trip", "celebrate-day-trip"),
    _c("cake", "A special cake", "A special cake", "celebrate-cake"),
    _c("something_else", "Something else", "Something else", "celebrate-something-else", True),
)

FEELINGS: tuple[Choice, ...] = (
    _c("very_happy", "Really happy", "Really happy", "feeling-very-happy"),
    _c("happy", "Happy", "Happy", "feeling-happy"),
    _c("okay", "Okay", "OK", "feeling-okay"),
    _c("worried", "Worried", "Worried", "feeling-worried"),
    _c("sad", "Sad", "Sad", "feeling-sad"),
    _c("scared", "Scared", "Scared or unsure", "feeling-scared"),
)
WORRY_FEELINGS = frozenset({"worried", "sad", "scared"})

# What together mode says back after a face is chosen: gentle, never an alarm.
FEELING_REPLY: dict[bool, Wording] = {
    False: Wording(
        "Thank you for telling me!",
        "Thanks for sharing how you feel.",
    ),
    True: Wording(
        "Thank you for telling me. It's okay to feel like that. You can talk to your worker "
        "about it any time.",
        "Thanks for being honest. It's OK to feel this way, and your social worker is there "
        "to talk it through whenever you're ready.",
    ),
}

PROMPTS: tuple[Choice, ...] = (
    _c(
        "feels_like_home",
        "What makes this home feel like home?",
        "What makes this place feel like home to you?",
        "sticker-house",
    ),
    _c(
        "tell_the_visit",
        "What would you like the people at your visit to know?",
        "What would you like the people at your visit to know?",
        "sticker-heart",
    ),
    _c(
        "what_it_means",
        "What does your lasting home mean to you?",
        "What does having a lasting home mean to you?",
        "sticker-star",
    ),
)

CATALOGUES: dict[str, tuple[Choice, ...]] = {
    "people": PEOPLE,
    "places": PLACES,
    "celebrations": CELEBRATIONS,
    "feelings": FEELINGS,
    "prompts": PROMPTS,
}


def choice(catalogue: tuple[Choice, ...], choice_id: str) -> Choice | None:
    return next((item for item in catalogue if item.id == choice_id), None)


# -- limits ---------------------------------------------------------------------------------

NAME_LIMIT = 40
TYPED_CHOICE_LIMIT = 80
WHY_LIMIT = 1000
ANSWER_LIMIT = 3000
ADDED_PEOPLE_LIMIT = 20


class VoiceProblem(ValueError):
    """Something the child typed cannot be kept as it is; the message says why, kindly."""

    def __init__(self, message: str):
        super().__init__(message)
        self.kind_message = message


def text_problem(text: str, limit: int) -> str | None:
    """A kind message when text is too long to keep, else None."""
    if len(text) <= limit:
        return None
    return (
        f"Wow, that's a lot of words! This box holds up to {limit:,} letters and this has "
        f"{len(text):,}. Could you make it a little shorter? Nothing has been lost."
    )


def _checked(text: str, limit: int) -> str:
    problem = text_problem(text, limit)
    if problem:
        raise VoiceProblem(problem)
    return text


# -- the record -----------------------------------------------------------------------------


class PictureKind(enum.Enum):
    AVATAR = "avatar"  # a picture name from the set, e.g. "avatar-fox"
    DRAWING = "drawing"  # a drawing id from the drawing library
    PHOTO = "photo"  # a media id of an imported photo


@dataclass(frozen=True)
class PictureChoice:
    kind: PictureKind
    ref: str
    ext: str = ""  # file type of a photo ("png" or "jpg")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "ref": self.ref, "ext": self.ext}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PictureChoice | None:
        if not data or not data.get("ref"):
            return None
        try:
            kind = PictureKind(data.get("kind"))
        except ValueError:
            return None
        return cls(kind, str(data["ref"]), str(data.get("ext", "")))


@dataclass(frozen=True)
class AddedPerson:
    """Someone the child added by name, with a picture from the set."""

    name: str
    picture: str = "person-someone"
    id: str = field(default_factory=lambda: new_id(8))


class WordsMark(enum.Enum):
    OWN_WORDS = "own_words"  # typed by the child
    WRITTEN_BY_WORKER = "written_by_worker"  # the child's exact words, typed by the worker

    @property
    def label(self) -> str:
        return {
            WordsMark.OWN_WORDS: "in my own words",
            WordsMark.WRITTEN_BY_WORKER: "written down by my worker",
        }[self]

    @property
    def worker_label(self) -> str:
        return {
            WordsMark.OWN_WORDS: "typed by the child, in their own words",
            WordsMark.WRITTEN_BY_WORKER: "the child's words, written down by their worker",
        }[self]


@dataclass(frozen=True)
class Feeling:
    face: str
    why: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Answer:
    prompt: str
    text: str
    mark: WordsMark
    date: dt.date | None = None


@dataclass(frozen=True)
class ChildVoice:
    preferred_name: str = ""
    picture: PictureChoice | None = None
    people: tuple[str, ...] = ()  # ids from PEOPLE, in the order chosen
    added_people: tuple[AddedPerson, ...] = ()
    place: str = ""  # an id from PLACES, or ""
    place_typed: str = ""
    celebrations: tuple[str, ...] = ()  # ids from CELEBRATIONS
    celebration_typed: str = ""
    feeling: Feeling | None = None
    answers: tuple[Answer, ...] = ()
    visited: tuple[str, ...] = ()  # page ids the child has opened
    look: AgeBand | None = None  # the look chosen in together mode, if switched
    changed_on: tuple[tuple[str, dt.date], ...] = ()  # page id -> date last changed

    # -- questions ---------------------------------------------------------------------

    @property
    def worry_flag(self) -> bool:
        """The child chose worried, sad or scared: the worker should talk with them."""
        return self.feeling is not None and self.feeling.face in WORRY_FEELINGS

    def answer(self, prompt_id: str) -> Answer | None:
        return next((a for a in self.answers if a.prompt == prompt_id), None)

    def changed(self, page: Page) -> dt.date | None:
        return dict(self.changed_on).get(page.value)

    def has_visited(self, page: Page) -> bool:
        return page.value in self.visited

    def page_done(self, page: Page, drawings: int = 0) -> bool:
        """Whether the child has put something on this page."""
        return {
            Page.ABOUT_ME: bool(self.preferred_name.strip() or self.picture),
            Page.PEOPLE: bool(self.people or self.added_people),
            Page.PLACE: bool(self.place),
            Page.CELEBRATION: bool(self.celebrations),
            Page.FEELING: self.feeling is not None,
            Page.WORDS: any(a.text.strip() for a in self.answers),
            Page.DRAWINGS: drawings > 0,
            Page.DONE: self.has_visited(Page.DONE),
        }[page]

    # -- changes (each returns a new record) ---------------------------------------------

    def _stamped(self, page: Page, today: dt.date, **changes: Any) -> ChildVoice:
        dates = dict(self.changed_on)
        dates[page.value] = today
        return replace(self, changed_on=tuple(dates.items()), **changes)

    def with_preferred_name(self, name: str, today: dt.date) -> ChildVoice:
        return self._stamped(Page.ABOUT_ME, today, preferred_name=_checked(name, NAME_LIMIT))

    def with_picture(self, picture: PictureChoice | None, today: dt.date) -> ChildVoice:
        return self._stamped(Page.ABOUT_ME, today, picture=picture)

    def with_person(self, person_id: str, chosen: bool, today: dt.date) -> ChildVoice:
        if choice(PEOPLE, person_id) is None:
            raise ValueError(f"Unknown person: {person_id}")
        people = tuple(p for p in self.people if p != person_id)
        if chosen:
            people += (person_id,)
        return self._stamped(Page.PEOPLE, today, people=people)

    def with_added_person(self, name: str, picture: str, today: dt.date) -> ChildVoice:
        name = name.strip()
        if not name:
            raise VoiceProblem("Type the person's name first, then add them.")
        _checked(name, NAME_LIMIT)
        if len(self.added_people) >= ADDED_PEOPLE_LIMIT:
            raise VoiceProblem(
                f"That's {ADDED_PEOPLE_LIMIT} people added already, what a lot of people who "
                "care about you! Your worker can help if there are more."
            )
        person = AddedPerson(name=name, picture=picture)
        return self._stamped(Page.PEOPLE, today, added_people=self.added_people + (person,))

    def without_added_person(self, person_id: str, today: dt.date) -> ChildVoice:
        kept = tuple(p for p in self.added_people if p.id != person_id)
        return self._stamped(Page.PEOPLE, today, added_people=kept)

    def with_place(self, place_id: str, typed: str, today: dt.date) -> ChildVoice:
        if place_id and choice(PLACES, place_id) is None:
            raise ValueError(f"Unknown place: {place_id}")
        typed = _checked(typed, TYPED_CHOICE_LIMIT)
        return self._stamped(Page.PLACE, today, place=place_id, place_typed=typed)

    def with_celebration(self, celebration_id: str, chosen: bool, today: dt.date) -> ChildVoice:
        if choice(CELEBRATIONS, celebration_id) is None:
            raise ValueError(f"Unknown celebration: {celebration_id}")
        chosen_ids = tuple(c for c in self.celebrations if c != celebration_id)
        if chosen:
            chosen_ids += (celebration_id,)
        return self._stamped(Page.CELEBRATION, today, celebrations=chosen_ids)

    def with_celebration_typed(self, typed: str, today: dt.date) -> ChildVoice:
        typed = _checked(typed, TYPED_CHOICE_LIMIT)
        return self._stamped(Page.CELEBRATION, today, celebration_typed=typed)

    def with_feeling(self, face: str, why: str, today: dt.date) -> ChildVoice:
        if face and choice(FEELINGS, face) is None:
            raise ValueError(f"Unknown feeling: {face}")
        why = _checked(why, WHY_LIMIT)
        if not face and not why.strip():
            return self._stamped(Page.FEELING, today, feeling=None)
        return self._stamped(Page.FEELING, today, feeling=Feeling(face, why, today))

    def with_answer(self, prompt_id: str, text: str, mark: WordsMark, today: dt.date) -> ChildVoice:
        if choice(PROMPTS, prompt_id) is None:
            raise ValueError(f"Unknown prompt: {prompt_id}")
        text = _checked(text, ANSWER_LIMIT)
        others = tuple(a for a in self.answers if a.prompt != prompt_id)
        answers = others if not text.strip() else others + (Answer(prompt_id, text, mark, today),)
        order = [p.id for p in PROMPTS]
        answers = tuple(sorted(answers, key=lambda a: order.index(a.prompt)))
        return self._stamped(Page.WORDS, today, answers=answers)

    def with_visit(self, page: Page) -> ChildVoice:
        if page.value in self.visited:
            return self
        return replace(self, visited=self.visited + (page.value,))

    def with_look(self, look: AgeBand | None) -> ChildVoice:
        return replace(self, look=look)

    # -- storage form ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "preferred_name": self.preferred_name,
            "picture": self.picture.to_dict() if self.picture else None,
            "people": list(self.people),
            "added_people": [
                {"id": p.id, "name": p.name, "picture": p.picture} for p in self.added_people
            ],
            "place": self.place,
            "place_typed": self.place_typed,
            "celebrations": list(self.celebrations),
            "celebration_typed": self.celebration_typed,
            "feeling": None
            if self.feeling is None
            else {
                "face": self.feeling.face,
                "why": self.feeling.why,
                "date": to_iso(self.feeling.date),
            },
            "answers": [
                {"prompt": a.prompt, "text": a.text, "mark": a.mark.value, "date": to_iso(a.date)}
                for a in self.answers
            ],
            "visited": list(self.visited),
            "look": self.look.value if self.look else None,
            "changed_on": {page: to_iso(day) for page, day in self.changed_on},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChildVoice:
        """Read a stored record; anything unknown or damaged is left out, never a crash."""
        if not data:
            return cls()
        people_ids = {p.id for p in PEOPLE}
        feeling_data = data.get("feeling") or None
        feeling = None
        if isinstance(feeling_data, dict):
            face = str(feeling_data.get("face", ""))
            feeling = Feeling(
                face if face in {f.id for f in FEELINGS} else "",
                str(feeling_data.get("why", "")),
                _date(feeling_data.get("date")),
            )
        answers = []
        prompt_ids = {p.id for p in PROMPTS}
        for item in data.get("answers") or []:
            if isinstance(item, dict) and item.get("prompt") in prompt_ids and item.get("text"):
                try:
                    mark = WordsMark(item.get("mark"))
                except ValueError:
                    mark = WordsMark.OWN_WORDS
                answers.append(
                    Answer(item["prompt"], str(item["text"]), mark, _date(item.get("date")))
                )
        look = data.get("look")
        return cls(
            preferred_name=str(data.get("preferred_name", "")),
            picture=PictureChoice.from_dict(data.get("picture")),
            people=tuple(p for p in data.get("people") or [] if p in people_ids),
            added_people=tuple(
                AddedPerson(
                    name=str(p.get("name", "")),
                    picture=str(p.get("picture") or "person-someone"),
                    id=str(p.get("id") or new_id(8)),
                )
                for p in data.get("added_people") or []
                if isinstance(p, dict) and str(p.get("name", "")).strip()
            ),
            place=str(data.get("place", "")) if choice(PLACES, data.get("place", "")) else "",
            place_typed=str(data.get("place_typed", "")),
            celebrations=tuple(
                c for c in data.get("celebrations") or [] if choice(CELEBRATIONS, c) is not None
            ),
            celebration_typed=str(data.get("celebration_typed", "")),
            feeling=feeling,
            answers=tuple(answers),
            visited=tuple(p for p in data.get("visited") or [] if p in {x.value for x in Page}),
            look=AgeBand(look) if look in {b.value for b in AgeBand} else None,
            changed_on=tuple(
                (page, day)
                for page, text in (data.get("changed_on") or {}).items()
                if (day := _date(text)) is not None
            ),
        )


def _date(text: Any) -> dt.date | None:
    try:
        return from_iso(text) if isinstance(text, str) else None
    except ValueError:
        return None


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
    own = "your"
    parts = ["you"]
    carers = people.carers_text
    parts.append(f"{carers} ({own} carers)" if carers else f"{own} carers")
    sw = people.social_worker.strip()
    parts.append(f"{sw} ({own} social worker)" if sw else f"{own} social worker")
    tm = people.team_manager.strip()
    parts.append(f"{tm} (the Team Manager)" if tm else "the Team Manager")
    if child.route is DecisionRoute.PANEL:
        iro = people.iro.strip()
        parts.append(f"{iro} ({own} IRO)" if iro else f"{own} IRO")
    who = join_names(parts)
    if band is AgeBand.CHILD:
        return f"Some people will be there anyway: {who}. You can choose anyone else too."
    return f"These people will be there anyway: {who}. Choose anyone else you'd like."


# -- what the child said, as text for the worker side, meeting forms and the book ------------


@dataclass(frozen=True)
class VoiceItem:
    """One thing the child chose, felt or said, for the worker side and documents."""

    heading: str
    text: str
    date: dt.date | None = None
    mark: WordsMark | None = None


def _in_sentence(labels: list[str]) -> list[str]:
    """ "My carers", "A meal out" read as "my carers", "a meal out" after the first item."""
    out = []
    for index, label in enumerate(labels):
        if index and label.split(" ", 1)[0] in {"A", "An", "The", "My"}:
            label = label[0].lower() + label[1:]
        out.append(label)
    return out


def _names(ids: tuple[str, ...], catalogue: tuple[Choice, ...]) -> list[str]:
    found = [choice(catalogue, i) for i in ids]
    return [c.wording.young for c in found if c is not None]


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
    people = _names(voice.people, PEOPLE) + [
        f"{p.name} (added by the child)" for p in voice.added_people
    ]
    if people:
        items.append(
            VoiceItem(
                "Wants with them", join_names(_in_sentence(people)), voice.changed(Page.PEOPLE)
            )
        )
    if voice.place:
        place = choice(PLACES, voice.place)
        text = place.wording.young if place else voice.place
        if voice.place_typed.strip():
            text += f": {voice.place_typed.strip()}"
        items.append(VoiceItem("Where", text, voice.changed(Page.PLACE)))
    if voice.celebrations:
        parts = []
        for c in voice.celebrations:
            found = choice(CELEBRATIONS, c)
            label = found.wording.young if found else c
            if found and found.typed and voice.celebration_typed.strip():
                label += f": {voice.celebration_typed.strip()}"
            parts.append(label)
        items.append(
            VoiceItem(
                "How to celebrate", join_names(_in_sentence(parts)), voice.changed(Page.CELEBRATION)
            )
        )
    if voice.feeling is not None:
        face = choice(FEELINGS, voice.feeling.face)
        text = face.wording.young if face else "No face chosen"
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


def recap_sentences(voice: ChildVoice, band: AgeBand, drawing_count: int = 0) -> list[str]:
    """The "All done" page in the child's own voice, also read aloud."""
    young = band is not AgeBand.CHILD
    out: list[str] = []
    if voice.preferred_name.strip():
        out.append(f"I like to be called {voice.preferred_name.strip()}.")
    people = [c.text(band) for c in (choice(PEOPLE, i) for i in voice.people) if c]
    people += [p.name for p in voice.added_people]
    if people:
        out.append(f"I'd like these people with me: {join_names(_in_sentence(people))}.")
    if voice.place:
        place = choice(PLACES, voice.place)
        where = place.text(band) if place else ""
        if voice.place_typed.strip():
            where = (
                voice.place_typed.strip()
                if where == "Somewhere else"
                else (f"{where}: {voice.place_typed.strip()}")
            )
        out.append(f"Where: {where}.")
    if voice.celebrations:
        ways = []
        for c in voice.celebrations:
            found = choice(CELEBRATIONS, c)
            if found is None:
                continue
            ways.append(
                voice.celebration_typed.strip()
                if found.typed and voice.celebration_typed.strip()
                else found.text(band)
            )
        out.append(f"How I'd like to celebrate: {join_names(_in_sentence(ways))}.")
    if voice.feeling is not None and voice.feeling.face:
        face = choice(FEELINGS, voice.feeling.face)
        if face:
            out.append(f"I feel {face.text(band).lower()} about my lasting home.")
        if voice.feeling.why.strip():
            out.append(f"Why: {voice.feeling.why.strip()}")
    for answer in voice.answers:
        prompt = choice(PROMPTS, answer.prompt)
        if prompt:
            out.append(f"{prompt.text(band)} {answer.text.strip()}")
    if drawing_count:
        plural = "drawing" if drawing_count == 1 else "drawings"
        out.append(f"I made {drawing_count} {plural}.")
    if not out:
        out.append(
            "You haven't chosen anything yet, and that's fine. You can go back to any page."
            if not young
            else "Nothing chosen yet, and that's fine. You can go back to any page."
        )
    return out
