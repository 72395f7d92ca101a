"""Pages where the child picks from picture cards: who comes, where, how to celebrate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...domain.child import join_names
from ...domain.child_voice import (
    CELEBRATIONS,
    NAME_LIMIT,
    PEOPLE,
    PLACES,
    TYPED_CHOICE_LIMIT,
    Choice,
    Page,
    coming_anyway_reason,
    in_sentence,
    people_there_anyway,
    there_anyway_text,
)
from ..theme import Look
from .cards import PictureCard
from .page_base import TogetherPage, VoiceSession, show_kind
from .style import CardSize

ADD_PICTURES = (
    "person-someone",
    "person-family",
    "person-friends",
    "person-pet-dog",
    "person-pet-cat",
)
ADD_PICTURE_WORDS = {
    "person-someone": "Someone",
    "person-family": "Family",
    "person-friends": "Friend",
    "person-pet-dog": "Dog",
    "person-pet-cat": "Cat",
}


class ChoicePage(TogetherPage):
    """A grid of picture cards, with a box to type in for "somewhere else" and the like."""

    catalogue: tuple[Choice, ...] = ()
    exclusive = False
    typed_prompt = ("Tell us which one", "Which one?")

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self._refreshing = False
        self.grid = self.card_grid(exclusive=self.exclusive)
        for item in self.catalogue:
            self.grid.add(
                PictureCard(
                    item.text(self.band),
                    look,
                    item.picture,
                    key=item.id,
                    badge=self.badge_for(item),
                )
            )
        self.grid.chosen.connect(self._chosen)
        self.add_above_grid()
        self.body.addWidget(self.grid, 1)
        self.typed_row = QWidget(self)
        row = QHBoxLayout(self.typed_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.typed_label = QLabel(self.typed_prompt[0 if self.is_child else 1], self.typed_row)
        self.typed_label.setObjectName("Section")
        self.typed_edit = QLineEdit(self.typed_row)
        self.typed_edit.setMaxLength(TYPED_CHOICE_LIMIT)
        self.text_box(self.typed_edit, self.typed_label.text())
        self.typed_label.setBuddy(self.typed_edit)
        row.addWidget(self.typed_label)
        row.addWidget(self.typed_edit, 1)
        self.body.addWidget(self.typed_row)
        self.problem = self.kind_label()
        self.body.addWidget(self.problem)
        self.add_below_grid()
        self.body.addStretch(1)
        self._typing = self.keeper(self._save_typed)
        self.typed_edit.textChanged.connect(self._text_typed)
        self.typed_edit.editingFinished.connect(self._typing.flush)
        self.refresh()

    def badge_for(self, item: Choice) -> str:
        return ""

    def _text_typed(self, _text: str) -> None:
        if not self._refreshing:
            self._typing.typed()

    def _set_typed(self, text: str) -> None:
        if self.typed_edit.text() != text and not self.typed_edit.hasFocus():
            self._refreshing = True
            self.typed_edit.setText(text)
            self._refreshing = False

    def add_above_grid(self) -> None:
        pass

    def add_below_grid(self) -> None:
        pass

    def spoken_extra(self) -> list[str]:
        words = [item.text(self.band) for item in self.catalogue]
        return ["You can choose: " + join_names(words[:1] + in_sentence(words[1:])) + "."]

    def typed_wanted(self) -> bool:
        return any(item.typed and item.id in self.grid.chosen_keys() for item in self.catalogue)

    def _chosen(self, key: str, chosen: bool) -> None:
        self._typing.flush()
        show_kind(self.problem, self.save_choice(key, chosen))
        self.refresh()
        if self.typed_wanted() and chosen:
            self.typed_edit.setFocus()

    def _save_typed(self) -> None:
        show_kind(self.problem, self.save_typed(self.typed_edit.text()))

    # subclasses: read and write the voice
    def save_choice(self, key: str, chosen: bool) -> str | None:
        raise NotImplementedError

    def save_typed(self, text: str) -> str | None:
        raise NotImplementedError


class PlacePage(ChoicePage):
    page = Page.PLACE
    catalogue = PLACES
    exclusive = True
    typed_prompt = ("Which place?", "Where exactly?")

    def save_choice(self, key: str, chosen: bool) -> str | None:
        place = key if chosen else ""
        return self.session.change(lambda v: v.with_place(place, v.place_typed, self.session.today))

    def save_typed(self, text: str) -> str | None:
        return self.session.change(lambda v: v.with_place(v.place, text, self.session.today))

    def refresh(self) -> None:
        voice = self.session.voice
        self.grid.set_chosen({voice.place} if voice.place else set())
        self._set_typed(voice.place_typed)
        self.typed_row.setVisible(self.typed_wanted())


class CelebrationPage(ChoicePage):
    page = Page.CELEBRATION
    catalogue = CELEBRATIONS
    typed_prompt = ("What would you like to do?", "What would you like to do?")

    def save_choice(self, key: str, chosen: bool) -> str | None:
        return self.session.change(lambda v: v.with_celebration(key, chosen, self.session.today))

    def save_typed(self, text: str) -> str | None:
        return self.session.change(lambda v: v.with_celebration_typed(text, self.session.today))

    def refresh(self) -> None:
        voice = self.session.voice
        self.grid.set_chosen(set(voice.celebrations))
        self._set_typed(voice.celebration_typed)
        self.typed_row.setVisible(self.typed_wanted())


class PeoplePage(ChoicePage):
    """Who the child wants with them; who is coming anyway is said gently, up front."""

    page = Page.PEOPLE
    catalogue = PEOPLE
    ADD_KEY = "_add"

    def badge_for(self, item: Choice) -> str:
        if item.id in people_there_anyway(self.session.child):
            return "Coming anyway"
        return ""

    def add_above_grid(self) -> None:
        self.anyway = QLabel(there_anyway_text(self.session.child, self.band), self)
        self.anyway.setObjectName("Gentle")
        self.anyway.setWordWrap(True)
        self.anyway.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.anyway)
        for card in self.grid.cards:
            if card.badge:
                card.spoken = f"{card.text()}. They are coming anyway."

    def add_below_grid(self) -> None:
        self.typed_row.hide()
        self.add_row = QWidget(self)
        row = QHBoxLayout(self.add_row)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Their name" if self.is_child else "Name", self.add_row)
        label.setObjectName("Section")
        self.name_edit = QLineEdit(self.add_row)
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.text_box(self.name_edit, "The name of the person to add")
        label.setBuddy(self.name_edit)
        row.addWidget(label)
        row.addWidget(self.name_edit, 1)
        small = CardSize(width=88, height=72, picture=36, columns=5)
        self.picture_grid = self.card_grid(5, exclusive=True)
        self.picture_grid.setParent(self.add_row)
        for name in ADD_PICTURES:
            card = PictureCard(ADD_PICTURE_WORDS[name], self.look, name, key=name, size=small)
            self.picture_grid.add(card)
        self.picture_grid.set_chosen({ADD_PICTURES[0]})
        row.addWidget(self.picture_grid)
        self.add_button = QPushButton("Add", self.add_row)
        self.add_button.setMinimumHeight(self.session.min_target_px)
        self.add_button.setObjectName("Primary")
        self.add_button.setAccessibleName("Add this person")
        self.add_button.clicked.connect(self.add_person)
        self.name_edit.returnPressed.connect(self.add_person)
        row.addWidget(self.add_button)
        self.add_row.hide()
        self.body.addWidget(self.add_row)
        self.body.removeWidget(self.problem)
        self.body.addWidget(self.problem)

    def spoken_extra(self) -> list[str]:
        return [there_anyway_text(self.session.child, self.band), *super().spoken_extra()]

    def refresh(self) -> None:
        voice = self.session.voice
        known = {item.id for item in self.catalogue}
        # rebuild the added people's cards and the "add someone" card at the end of the grid
        for card in list(self.grid.cards):
            if card.key not in known:
                self.grid.remove(card)
        for person in voice.added_people:
            self.grid.add(PictureCard(person.name, self.look, person.picture, key=person.id))
        add = self.grid.add(
            PictureCard("Add someone", self.look, "person-someone", key=self.ADD_KEY)
        )
        add.setAccessibleName("Add someone else")
        add.spoken = "Add someone else who is not on the cards."
        self.grid.set_chosen(
            set(voice.people)
            | {p.id for p in voice.added_people}
            | ({self.ADD_KEY} if self.add_row.isVisible() else set())
        )

    def _chosen(self, key: str, chosen: bool) -> None:
        if key == self.ADD_KEY:
            self.add_row.setVisible(chosen)
            self.anyway.setVisible(not chosen)  # steps aside while a name is typed
            if chosen:
                self.name_edit.setFocus()
            return
        if key in {item.id for item in self.catalogue}:
            message = self.session.change(lambda v: v.with_person(key, chosen, self.session.today))
            if message is None and not chosen and key in people_there_anyway(self.session.child):
                message = coming_anyway_reason(self.session.child, key, self.band)
        else:  # an added person tapped again: they come off the list
            message = self.session.change(lambda v: v.without_added_person(key, self.session.today))
        show_kind(self.problem, message)
        self.refresh()

    def add_person(self) -> None:
        chosen = self.picture_grid.chosen_keys()
        picture = chosen[0] if chosen else ADD_PICTURES[0]
        name = self.name_edit.text()
        message = self.session.change(
            lambda v: v.with_added_person(name, picture, self.session.today)
        )
        show_kind(self.problem, message)
        if message is None:
            self.name_edit.clear()
            self.add_row.hide()
            self.anyway.show()
            self.refresh()

    def save_choice(self, key: str, chosen: bool) -> str | None:  # pragma: no cover - unused
        return None

    def save_typed(self, text: str) -> str | None:  # pragma: no cover - unused
        return None
