"""My words: gentle prompts, each answer marked as typed by the child or written by the worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.child_voice import PROMPTS, Choice, Page, WordsMark
from ..theme import Look
from .cards import picture_pixmap
from .page_base import TogetherPage, VoiceSession, show_kind


class WordsPage(TogetherPage):
    page = Page.WORDS

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        who = QHBoxLayout()
        label = QLabel("Who is typing?", self)
        label.setObjectName("Section")
        who.addWidget(label)
        self.me_button = QPushButton("Me, in my own words", self)
        self.me_button.setMinimumHeight(session.min_target_px)
        self.worker_button = QPushButton(
            "My worker, writing down my exact words"
            if self.is_child
            else "My worker, writing my exact words",
            self,
        )
        self.worker_button.setMinimumHeight(session.min_target_px)
        self.mark_group = QButtonGroup(self)
        for button in (self.me_button, self.worker_button):
            button.setCheckable(True)
            self.mark_group.addButton(button)
            who.addWidget(button)
        self.me_button.setChecked(True)
        # Words typed so far are kept with the mark they were typed under.
        self.me_button.pressed.connect(self.flush)
        self.worker_button.pressed.connect(self.flush)
        self._typed_mark: dict[str, WordsMark] = {}
        who.addStretch(1)
        self.body.addLayout(who)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.marks: dict[str, QLabel] = {}
        self._refreshing = False
        # The three questions side by side: each answer box has the page's full height.
        columns = QHBoxLayout()
        columns.setSpacing(12)
        for prompt in PROMPTS:
            columns.addWidget(self._prompt_box(prompt), 1)
        self.body.addLayout(columns, 1)
        self.problem = self.kind_label()
        self.body.addWidget(self.problem)
        self.refresh()

    def _prompt_box(self, prompt: Choice) -> QFrame:
        """One question, the mark of who wrote the answer, and the answer box."""
        box = QFrame(self)
        box.setObjectName("Panel")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 10, 16, 10)
        head = QHBoxLayout()
        icon = QLabel(box)
        icon.setPixmap(picture_pixmap(prompt.picture, 32))
        question = QLabel(prompt.text(self.band), box)
        question.setObjectName("Question")
        question.setWordWrap(True)
        mark = QLabel(box)
        mark.setObjectName("Mark")
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(question, 1)
        inner.addLayout(head)
        inner.addWidget(mark)
        edit = QPlainTextEdit(box)
        self.text_box(edit, prompt.text(self.band))
        edit.setTabChangesFocus(True)
        question.setBuddy(edit)
        inner.addWidget(edit, 1)
        self.edits[prompt.id] = edit
        self.marks[prompt.id] = mark
        keeper = self.keeper(lambda p=prompt.id: self._save(p))
        edit.textChanged.connect(lambda p=prompt.id, k=keeper: self._typed(p, k))
        return box

    @property
    def mark(self) -> WordsMark:
        if self.worker_button.isChecked():
            return WordsMark.WRITTEN_BY_WORKER
        return WordsMark.OWN_WORDS

    def set_mark(self, mark: WordsMark) -> None:
        (self.worker_button if mark is WordsMark.WRITTEN_BY_WORKER else self.me_button).setChecked(
            True
        )

    def spoken_extra(self) -> list[str]:
        out = []
        for prompt in PROMPTS:
            out.append(prompt.text(self.band))
            answer = self.session.voice.answer(prompt.id)
            if answer:
                out.append(answer.text)
        return out

    def refresh(self) -> None:
        self._refreshing = True
        voice = self.session.voice
        for prompt in PROMPTS:
            answer = voice.answer(prompt.id)
            text = answer.text if answer else ""
            edit = self.edits[prompt.id]
            if edit.toPlainText() != text and not edit.hasFocus():
                edit.setPlainText(text)
            self.marks[prompt.id].setText(f"\u2714 {answer.mark.label}" if answer else "")
            self.marks[prompt.id].setAccessibleName(answer.mark.label if answer else "")
        self._refreshing = False

    def _typed(self, prompt_id: str, keeper) -> None:  # type: ignore[no-untyped-def]
        if self._refreshing:
            return
        self._typed_mark[prompt_id] = self.mark
        keeper.typed()

    def _save(self, prompt_id: str) -> None:
        text = self.edits[prompt_id].toPlainText()
        mark = self._typed_mark.get(prompt_id, self.mark)
        show_kind(
            self.problem,
            self.session.change(lambda v: v.with_answer(prompt_id, text, mark, self.session.today)),
        )
        self._refreshing = True
        answer = self.session.voice.answer(prompt_id)
        self.marks[prompt_id].setText(f"\u2714 {answer.mark.label}" if answer else "")
        self._refreshing = False

    def answer_edit(self, prompt_id: str) -> QPlainTextEdit:
        return self.edits[prompt_id]
