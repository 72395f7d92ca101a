"""How I feel: a row of faces and, if the child likes, why. A worry is never an alarm here."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from ...domain.child_voice import FEELING_REPLY, FEELINGS, WORRY_FEELINGS, Page
from ..theme import Look
from .cards import PictureCard
from .page_base import TogetherPage, VoiceSession, show_kind
from .style import CardSize


class FeelingPage(TogetherPage):
    page = Page.FEELING

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        size = (
            CardSize(width=184, height=214, picture=112, columns=6)
            if self.is_child
            else CardSize(width=178, height=150, picture=72, columns=6)
        )
        self.faces = self.card_grid(6, exclusive=True)
        for item in FEELINGS:
            self.faces.add(
                PictureCard(item.text(self.band), look, item.picture, key=item.id, size=size)
            )
        self.faces.chosen.connect(self._face_chosen)
        self.body.addWidget(self.faces, 1)
        self.reply = QLabel(self)
        self.reply.setObjectName("Gentle")
        self.reply.setWordWrap(True)
        self.body.addWidget(self.reply)
        why = QLabel(
            "Why do you feel like that? (you don't have to say)"
            if self.is_child
            else "Why? (only if you want to say)",
            self,
        )
        why.setObjectName("Section")
        self.body.addWidget(why)
        self.why_edit = QPlainTextEdit(self)
        self.text_box(self.why_edit, "Why I feel like that")
        self.why_edit.setTabChangesFocus(True)
        self.why_edit.setFixedHeight(max(84, session.min_target_px))
        why.setBuddy(self.why_edit)
        self.body.addWidget(self.why_edit)
        self.problem = self.kind_label()
        self.body.addWidget(self.problem)
        self._typing = self.keeper(self._save_why)
        self.why_edit.textChanged.connect(self._why_typed)
        self._refreshing = False
        self.refresh()

    def spoken_extra(self) -> list[str]:
        return ["The faces are: " + ", ".join(item.text(self.band) for item in FEELINGS) + "."]

    def spoken_choice(self) -> str:
        words = [super().spoken_choice()]
        if self.reply.isVisibleTo(self) and self.reply.text():
            words.append(self.reply.text())
        return " ".join(w for w in words if w)

    def refresh(self) -> None:
        self._refreshing = True
        feeling = self.session.voice.feeling
        face = feeling.face if feeling else ""
        self.faces.set_chosen({face} if face else set())
        why = feeling.why if feeling else ""
        if self.why_edit.toPlainText() != why and not self.why_edit.hasFocus():
            self.why_edit.setPlainText(why)
        if face:
            self.reply.setText(FEELING_REPLY[face in WORRY_FEELINGS].for_band(self.band))
        self.reply.setVisible(bool(face))
        self._refreshing = False

    def _face_chosen(self, key: str, chosen: bool) -> None:
        self._typing.flush()
        face = key if chosen else ""
        why = self.why_edit.toPlainText()
        show_kind(
            self.problem,
            self.session.change(lambda v: v.with_feeling(face, why, self.session.today)),
        )
        self.refresh()

    def _why_typed(self) -> None:
        if not self._refreshing:
            self._typing.typed()

    def _save_why(self) -> None:
        feeling = self.session.voice.feeling
        face = feeling.face if feeling else ""
        why = self.why_edit.toPlainText()
        show_kind(
            self.problem,
            self.session.change(lambda v: v.with_feeling(face, why, self.session.today)),
        )
