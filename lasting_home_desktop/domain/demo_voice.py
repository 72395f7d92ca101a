"""What fictional example children chose, felt, said and drew in together mode, and the card
message their Team Manager wrote, so a demo shows every document as it looks for a real child."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .card_message import PALETTES, CardMessage
from .child import ChildRecord, HomeType
from .child_voice import (
    CELEBRATIONS,
    PLACES,
    ChildVoice,
    Page,
    PictureChoice,
    PictureKind,
    WordsMark,
)

ADDED_PEOPLE = (
    ("Nan", "person-family"),
    ("My best friend Kasia", "person-friends"),
    ("Biscuit the dog", "person-pet-dog"),
    ("Uncle Adeel", "person-family"),
)
OPTIONAL_PEOPLE = ("team_manager", "head_of_service", "teacher", "family", "friends", "pets")
TYPED_PLACES = {"favourite": "The beach at Morecambe", "somewhere_else": "Nana's allotment"}
TYPED_CELEBRATIONS = ("A picnic with everyone", "Trampoline park", "Fish and chips on the prom")
FEELINGS = ("very_happy", "very_happy", "happy", "happy", "okay", "worried")
WHY = {
    "very_happy": "Because I get to stay with my family and my dog.",
    "happy": "I like it here. I have my own room.",
    "okay": "I'm okay but I don't really know what happens next.",
    "worried": "I'm worried I will have to move school.",
}
ANSWERS = {
    "feels_like_home": (
        "We have pancakes on Saturdays and I help in the garden. Everyone says goodnight.",
        "Having my own space, and knowing people actually listen to me here.",
    ),
    "tell_the_visit": (
        "That I love it here & I want to stay for ever and ever!",
        "That I'm settled, and that I'd like to keep seeing my brother every month.",
    ),
    "what_it_means": (
        "It means I don't have to pack my bag again.",
        "It means I can plan things, like college, without worrying where I'll be.",
    ),
}
MESSAGES = (
    "Dear {name},\n\nIt was so lovely to meet you and hear about everything you chose. Your "
    "drawing of your home made everyone smile. {carers} {are} so proud of you, and so are we.",
    "Dear {name},\n\nThank you for telling us what matters to you. You made your choices "
    "clearly and bravely, and everyone listened. We are really happy for you and {with_you}.",
    "{name}, congratulations! Your words at the visit were wonderful. Enjoy your celebration "
    "and keep being you.",
)
DRAWING_NAMES = ("My home", "Me and my family", "Our house")
RESIDENTIAL_HOMES = ("Oakfield House", "The Willows", "Brookside")
AVATARS = (
    "avatar-fox",
    "avatar-unicorn",
    "avatar-dinosaur",
    "avatar-rocket",
    "avatar-panda",
    "avatar-football",
    "avatar-butterfly",
    "avatar-guitar",
    "avatar-lion",
    "avatar-rainbow",
)


def example_voice_sections(
    record: ChildRecord, rng: random.Random, today: dt.date
) -> dict[str, dict[str, Any]]:
    """The child_voice, drawings and card sections of one example child."""
    day = today - dt.timedelta(days=rng.randint(3, 40))
    drawing_id = f"{rng.getrandbits(64):016x}"
    stamp = dt.datetime.combine(day, dt.time(15, 30)).isoformat()
    drawings = {
        "drawings": [
            {
                "id": drawing_id,
                "name": rng.choice(DRAWING_NAMES),
                "created": stamp,
                "updated": stamp,
                "binned": False,
                "background": "plain",
            }
        ]
    }
    if rng.random() < 0.5:
        picture = PictureChoice(PictureKind.DRAWING, drawing_id)
    else:
        picture = PictureChoice(PictureKind.AVATAR, rng.choice(AVATARS))
    voice = ChildVoice().with_preferred_name(record.known_as, day).with_picture(picture, day)
    for person in ("carers", "social_worker", *rng.sample(OPTIONAL_PEOPLE, rng.randint(1, 3))):
        voice = voice.with_person(person, True, day)
    if rng.random() < 0.5:
        name, picture_name = rng.choice(ADDED_PEOPLE)
        voice = voice.with_added_person(name, picture_name, day)
    place = rng.choice(PLACES)
    voice = voice.with_place(place.id, TYPED_PLACES.get(place.id, ""), day)
    for celebration in rng.sample(CELEBRATIONS, rng.randint(1, 2)):
        voice = voice.with_celebration(celebration.id, True, day)
        if celebration.typed:
            voice = voice.with_celebration_typed(rng.choice(TYPED_CELEBRATIONS), day)
    face = rng.choice(FEELINGS)
    voice = voice.with_feeling(face, WHY[face] if rng.random() < 0.8 else "", day)
    young = record.age_band(today).value != "child"
    for index, (prompt, texts) in enumerate(ANSWERS.items()):
        if index == 2 and rng.random() < 0.4:
            continue
        mark = WordsMark.OWN_WORDS if young or index == 1 else WordsMark.WRITTEN_BY_WORKER
        voice = voice.with_answer(prompt, texts[1 if young else 0], mark, day)
    for page in Page:
        voice = voice.with_visit(page)
    card = _example_card(record, rng)
    return {"child_voice": voice.to_dict(), "drawings": drawings, "card": card.to_dict()}


def _example_card(record: ChildRecord, rng: random.Random) -> CardMessage:
    """The Team Manager's message, speaking of one carer as one ("Grandma Nowak is so proud")
    and naming a residential home."""
    named = [c.split(" (")[0] for c in record.people.carers[:2]]
    carers = " and ".join(named) or "Everyone"
    home_name = ""
    if record.home_type is HomeType.SHORT_BREAKS:
        carers, named = "Mum and Dad", ["Mum", "Dad"]
    if record.home_type is HomeType.RESIDENTIAL:
        home_name = rng.choice(RESIDENTIAL_HOMES)
        carers, named = f"Everyone at {home_name}", ["everyone"]
    are = "is" if len(named) == 1 else "are"
    with_you = carers[:1].lower() + carers[1:] if home_name else carers
    message = rng.choice(MESSAGES).format(
        name=record.known_as, carers=carers, are=are, with_you=with_you
    )
    colour = rng.choice(PALETTES).key if rng.random() < 0.5 else "look"
    return CardMessage(message=message, colour=colour, home_name=home_name)
