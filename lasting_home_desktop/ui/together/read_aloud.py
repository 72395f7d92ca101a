"""Reading a page aloud where the computer has a voice; a kind word where it has none.

Nothing ever waits for speech: `say` starts it and returns at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

NO_VOICE = (
    "There's no voice on this computer, so I can't read it out loud. "
    "Your worker can read it with you."
)


class ReadAloud(QObject):
    """A small wrapper over QTextToSpeech. `engine` None means the system's usual one."""

    speaking = Signal(bool)

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self._tts: QTextToSpeech | None = None
        self._tried = False
        self.spoken: list[str] = []  # every text asked to be read, newest last

    def _speech(self) -> QTextToSpeech | None:
        # Made on first use: an absent speech service must not slow opening together mode.
        if not self._tried:
            self._tried = True
            engines = QTextToSpeech.availableEngines()
            if self.engine is None or self.engine in engines:
                tts = QTextToSpeech(self.engine, self) if self.engine else QTextToSpeech(self)
                if tts.state() != QTextToSpeech.State.Error and tts.availableVoices():
                    self._pick_voice(tts)
                    tts.stateChanged.connect(self._state_changed)
                    self._tts = tts
                else:
                    tts.deleteLater()
        return self._tts

    @staticmethod
    def _pick_voice(tts: QTextToSpeech) -> None:
        # A British voice where there is one.
        for voice in tts.availableVoices():
            if voice.locale().name() == "en_GB":
                tts.setVoice(voice)
                return

    def has_voice(self) -> bool:
        return self._speech() is not None

    def say(self, text: str) -> bool:
        """Start reading `text`; False (at once) when there is no voice."""
        tts = self._speech()
        if tts is None:
            return False
        self.spoken.append(text)
        tts.stop()
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        self.speaking.emit(state == QTextToSpeech.State.Speaking)
