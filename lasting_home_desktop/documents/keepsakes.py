"""What the child's card, certificate and book are made from, gathered from the store once,
and the child-facing words they share. The children asked us never to use the word for the
long-term plan that they disliked; none of these words does (tests check)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.card_message import CHILD_PALETTE, YOUNG_PERSON_PALETTE, CardMessage, Palette, palette
from ..domain.child import AgeBand, ChildRecord, DecisionRoute, HomeType, join_names
from ..domain.child_voice import CELEBRATIONS, ChildVoice, Page, PictureKind, choice
from ..domain.voice_summary import chosen_items, labels_text
from ..storage.card_message import CardMessages
from ..storage.caseload import CaseloadStore
from ..storage.child_voice import ChildVoiceRecords
from ..storage.drawings import DrawingLibrary
from ..storage.media_check import picture_shows
from .pictures import set_picture


@dataclass(frozen=True)
class Drawing:
    name: str
    data: bytes  # the PNG, read through the store (sealed on disk in an encrypted folder)


@dataclass(frozen=True)
class KeepsakeSources:
    """One child's record, voice, drawings and card message, ready for the documents."""

    child: ChildRecord
    voice: ChildVoice
    card: CardMessage
    today: dt.date
    # The picture the child chose to stand for them: a file of the set, or bytes of their
    # drawing or photo read through the store.
    picture: Path | bytes | None = None
    drawings: tuple[Drawing, ...] = ()
    # Pictures the child chose or made that could not be read (damaged or missing files): the
    # documents are made without them, and the worker is told which.
    unreadable: tuple[str, ...] = ()

    @property
    def band(self) -> AgeBand:
        return self.voice.look or self.child.age_band(self.today)

    @property
    def name(self) -> str:
        """The name the child likes: chosen in together mode, else the record's."""
        return self.voice.preferred_name.strip() or self.child.known_as

    @property
    def palette(self) -> Palette:
        chosen = palette(self.card.colour)
        if chosen.key != "look":
            return chosen
        return CHILD_PALETTE if self.band is AgeBand.CHILD else YOUNG_PERSON_PALETTE

    @property
    def signer(self) -> str:
        people = self.child.people
        if self.card.signer.strip():
            return self.card.signer.strip()
        if self.child.route is DecisionRoute.PANEL:
            return people.decision_maker.strip()
        return people.team_manager.strip()

    @property
    def decided_on(self) -> dt.date:
        journey = self.child.journey
        return journey.visit or journey.decision_date or self.today


def keepsake_sources(
    store: CaseloadStore, child_id: str, today: dt.date, with_drawings: bool = True
) -> KeepsakeSources:
    """Everything the child's documents need, read now (so making the PDFs can happen on
    another thread). The card and certificate need no drawings beyond the chosen picture."""
    child = store.child(child_id)
    voice = ChildVoiceRecords(store).load(child_id)
    library = DrawingLibrary(store)
    drawings: list[Drawing] = []
    unreadable: list[str] = []
    if with_drawings:
        for info in reversed(library.drawings(child_id)):  # oldest first, as in a book
            data = library.png_bytes(child_id, info.drawing_id)
            if data is not None and picture_shows(data):
                drawings.append(Drawing(info.name, data))
            else:
                unreadable.append(f"the drawing \u201c{info.name}\u201d")
    picture = _chosen_picture(store, child_id, voice, library)
    if voice.picture is not None and picture is None:
        unreadable.insert(0, f"the picture {voice.preferred_name or child.known_as} chose")
    return KeepsakeSources(
        child=child,
        voice=voice,
        card=CardMessages(store).load(child_id),
        today=today,
        picture=picture,
        drawings=tuple(drawings),
        unreadable=tuple(unreadable),
    )


def unreadable_note(sources: KeepsakeSources) -> str:
    """One kind sentence naming the pictures left out, or "" when every one could be read."""
    if not sources.unreadable:
        return ""
    what = join_names(list(sources.unreadable))
    return (
        f"{what[:1].upper()}{what[1:]} could not be read (the file is damaged or missing), so "
        "it is left out. Nothing else is affected; `lasting-home check` names the file."
    )


def _chosen_picture(
    store: CaseloadStore, child_id: str, voice: ChildVoice, library: DrawingLibrary
) -> Path | bytes | None:
    choice = voice.picture
    if choice is None:
        return None
    if choice.kind is PictureKind.AVATAR:
        return set_picture(choice.ref)
    try:
        if choice.kind is PictureKind.DRAWING:
            data = library.png_bytes(child_id, choice.ref)
        else:
            data = store.media.read_or_none(child_id, choice.ref, choice.ext or "jpg")
    except ValueError:  # a damaged reference: leave the picture out
        return None
    return data if data is not None and picture_shows(data) else None


# -- the words ---------------------------------------------------------------------------------


def home_phrase(child: ChildRecord, home_name: str = "") -> str:
    """ "your home with Jo and Sam"; a residential home by its name ("your home at Oakfield
    House"), since key workers change and the home is what was agreed."""
    carers = join_names([c for c in child.people.carers if c.strip()])
    if child.home_type is HomeType.RESIDENTIAL:
        return f"your home at {home_name.strip()}" if home_name.strip() else "the home you live in"
    if not carers:
        return "your home"
    return f"your home with {carers}"


def _home(sources: KeepsakeSources) -> str:
    return home_phrase(sources.child, sources.card.home_name)


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def outcome_sentence(sources: KeepsakeSources) -> str:
    """What was decided, in words for the child's age band."""
    child = sources.child
    home = _home(sources)
    panel = child.route is DecisionRoute.PANEL
    if sources.band is AgeBand.CHILD:
        who = "The Lasting Home Panel said yes!" if panel else "Everyone said yes!"
        return f"{who} {_sentence_start(home)} is now your lasting home."
    agreed = "The Lasting Home Panel has agreed" if panel else "It has been agreed"
    return f"{agreed}: {home} is your lasting home."


def looked_after_by(sources: KeepsakeSources) -> tuple[str, int]:
    """Who looks after the child, in words, and how many people that is (for "has"/"have")."""
    child = sources.child
    if child.home_type is HomeType.RESIDENTIAL:
        name = sources.card.home_name.strip()
        return (f"the people at {name}" if name else "the people who look after you"), 2
    named = [c for c in child.people.carers if c.strip()]
    if not named:
        return "the people who look after you", 2
    many = len(named) > 1 or " and " in named[0]
    return join_names(named), 2 if many else 1


def outcome_detail(sources: KeepsakeSources) -> str:
    who, count = looked_after_by(sources)
    if sources.band is AgeBand.CHILD:
        return f"It means this is the home where you will grow up, with {who} looking after you."
    has = "has" if count == 1 else "have"
    promise = f"{_sentence_start(who)} {has} made a promise to you"
    return f"{promise}, and everyone agreed this is where you belong."


@dataclass(frozen=True)
class Celebration:
    """How the child chose to celebrate: the words and the pictures of their choices."""

    words: str
    pictures: tuple[str, ...]


def celebration_choice(sources: KeepsakeSources) -> Celebration | None:
    """How the child chose to celebrate, worded as on every screen (`chosen_items`), or None
    when they have not chosen. "Something else" with nothing said about it is left out."""
    items = [
        item
        for item in chosen_items(sources.voice, sources.band, Page.CELEBRATION)
        if item.own_words or not getattr(choice(CELEBRATIONS, item.key), "catch_all", False)
    ]
    if not items:
        return None
    words = labels_text(items, mid_sentence=True)
    return Celebration(f"To celebrate, you chose {words}.", tuple(i.picture for i in items))
