"""What together mode offers a child: its pages, their words in the two looks, and the picture
cards for people, places, celebrations, feelings and prompts. Plain data, one source for the
screens, the documents and the tests. Nothing here may use the word the children asked us not
to use (see tests).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .child import AgeBand, DecisionRoute

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
            "Look at everything you chose and made!",
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

    @property
    def catch_all(self) -> bool:
        """ "Somewhere else", "Something else": what the child types says it all."""
        return self.id in CATCH_ALL


CATCH_ALL = frozenset({"somewhere_else", "something_else"})


def _c(id_: str, child: str, young: str, picture: str, typed: bool = False) -> Choice:
    return Choice(id_, Wording(child, young), picture, typed)


PEOPLE: tuple[Choice, ...] = (
    _c("carers", "My carers", "My carers", "person-carers"),
    _c("social_worker", "My social worker", "My social worker", "person-social-worker"),
    _c(
        "team_manager",
        "My worker's boss (the Team Manager)",
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
        "The person who checks my plans (my IRO)",
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
