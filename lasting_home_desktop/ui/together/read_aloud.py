"""Reading aloud with the best voice this computer has (see `voices`); a kind word only where
it has none at all.

Nothing ever waits for speech: `say` starts it and returns at once, and `stop` ends it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .voices import Voice, voices_for

NO_VOICE = (
    "There's no voice on this computer, so I can't read it out loud. "
    "Your worker can read it with you."
)


class ReadAloud(QObject):
    """`engine` None means the computer's own voice, else the offline voice; "espeak" the
    offline voice alone; any other name that Qt engine alone ("mock" in tests)."""

    speaking = Signal(bool)

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self._voices = voices_for(engine, self)
        self._voice: Voice | None = None
        self._chosen = False
        self._speaking = False
        self.spoken: list[str] = []  # every text asked to be read, newest last

    @property
    def voice(self) -> Voice | None:
        """The first voice that works here (looked for once, on first use)."""
        if not self._chosen:
            self._chosen = True
            self._voice = next((v for v in self._voices if v.available()), None)
            if self._voice is not None:
                self._voice.speaking.connect(self._state)
        return self._voice

    def has_voice(self) -> bool:
        return self.voice is not None

    def voice_name(self) -> str:
        return self.voice.name if self.voice is not None else ""

    def say(self, text: str) -> bool:
        """Start reading `text`; False (at once) when there is no voice."""
        voice = self.voice
        if voice is None:
            return False
        self.spoken.append(text)
        voice.say(text)
        return True

    def stop(self) -> None:
        if self._voice is not None:
            self._voice.stop()

    def is_speaking(self) -> bool:
        return self._speaking

    def _state(self, speaking: bool) -> None:
        self._speaking = speaking
        self.speaking.emit(speaking)
