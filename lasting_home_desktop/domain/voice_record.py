"""The child's voice record: what one child chose, felt and said in together mode, the limits
on what they type, and its stored form. Each change returns a new record."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

from .child import AgeBand
from .codec import decode, encode
from .dates import from_iso
from .ids import new_id
from .limits import (
    CHILD_ADDED_PEOPLE,
    CHILD_ANSWER,
    CHILD_TYPED_CHOICE,
    CHILD_TYPED_NAME,
    CHILD_WHY,
)
from .voice_catalogue import (
    CELEBRATIONS,
    FEELINGS,
    PEOPLE,
    PLACES,
    PROMPTS,
    WORRY_FEELINGS,
    Page,
    choice,
)

# -- limits ---------------------------------------------------------------------------------

# The limits of what a child types, by the names screens know them by.
NAME_LIMIT = CHILD_TYPED_NAME
TYPED_CHOICE_LIMIT = CHILD_TYPED_CHOICE
WHY_LIMIT = CHILD_WHY
ANSWER_LIMIT = CHILD_ANSWER
ADDED_PEOPLE_LIMIT = CHILD_ADDED_PEOPLE


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
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PictureChoice | None:
        """None when nothing usable is stored (no picture chosen yet, or a damaged choice)."""
        try:
            choice = decode(cls, data)
        except ValueError:
            return None
        return choice if choice.ref else None


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
    mark: WordsMark = WordsMark.OWN_WORDS  # an unknown mark reads as the child's own words
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
    # page id -> date last changed, stored as one mapping
    changed_on: tuple[tuple[str, dt.date], ...] = field(
        default=(), metadata={"pairs_as_mapping": True}
    )

    def _settled(self) -> ChildVoice:
        """Read back: anything the catalogue does not know, or damaged, is left out."""
        feeling = self.feeling
        if feeling is not None and feeling.face not in {f.id for f in FEELINGS}:
            feeling = replace(feeling, face="")
        prompt_ids = {p.id for p in PROMPTS}
        return replace(
            self,
            picture=self.picture if self.picture is not None and self.picture.ref else None,
            people=tuple(p for p in self.people if p in {x.id for x in PEOPLE}),
            added_people=tuple(
                replace(person, picture=person.picture or "person-someone")
                for person in self.added_people
                if person.name.strip()
            ),
            place=self.place if choice(PLACES, self.place) else "",
            celebrations=tuple(c for c in self.celebrations if choice(CELEBRATIONS, c)),
            feeling=feeling,
            answers=tuple(a for a in self.answers if a.prompt in prompt_ids and a.text),
            visited=tuple(p for p in self.visited if p in {x.value for x in Page}),
        )

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

    def without_binned_drawing(self, drawing_id: str, today: dt.date) -> ChildVoice:
        """A drawing thrown in the bin no longer stands for the child."""
        picture = self.picture
        if picture is None or picture.kind is not PictureKind.DRAWING or picture.ref != drawing_id:
            return self
        return self._stamped(Page.ABOUT_ME, today, picture=None)

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
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChildVoice:
        """Read a stored record; anything unknown or damaged is left out, never a crash."""
        return decode(cls, data)


def _date(text: Any) -> dt.date | None:
    try:
        return from_iso(text) if isinstance(text, str) else None
    except ValueError:
        return None
