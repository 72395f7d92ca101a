"""The voices that can read together mode aloud, best first.

1. The computer's own voices through Qt (Windows' SAPI and WinRT voices; speech-dispatcher on
   Linux), when the system has one.
2. eSpeak NG, an offline voice, run as a separate program (`espeak-ng`, GPL-3): we only start
   it and hand it the words, so its licence stays its own. `scripts/system-libs.sh` installs it
   on Debian and Ubuntu; on Windows its installer puts it in Program Files.

A better voice (a neural one, say) is one more class with the same four members, added to
`VOICE_MAKERS`. Nothing here ever waits for speech to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

ESPEAK_VOICE = "en-gb"
ESPEAK_WORDS_PER_MINUTE = "150"  # a little slower than its default: for young listeners
ESPEAK_PLACES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "eSpeak NG" / "espeak-ng.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "eSpeak NG"
    / "espeak-ng.exe",
)


class Voice(QObject):
    """One way of speaking. `speaking` says when it starts and stops."""

    speaking = Signal(bool)
    name = ""

    def available(self) -> bool:
        raise NotImplementedError

    def say(self, text: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class QtVoice(Voice):
    """A voice of the system through QTextToSpeech (`engine` None: the system's usual one)."""

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self.name = f"Qt {engine or 'default'}"
        self._tts: QTextToSpeech | None = None
        self._tried = False

    def _speech(self) -> QTextToSpeech | None:
        # Made on first use: an absent speech service must not slow opening together mode.
        if not self._tried:
            self._tried = True
            engines = QTextToSpeech.availableEngines()
            if self.engine is None or self.engine in engines:
                tts = QTextToSpeech(self.engine, self) if self.engine else QTextToSpeech(self)
                if tts.state() != QTextToSpeech.State.Error and tts.availableVoices():
                    for voice in tts.availableVoices():  # a British voice where there is one
                        if voice.locale().name() == "en_GB":
                            tts.setVoice(voice)
                            break
                    tts.stateChanged.connect(self._state_changed)
                    self._tts = tts
                else:
                    tts.deleteLater()
        return self._tts

    def available(self) -> bool:
        return self._speech() is not None

    def say(self, text: str) -> None:
        tts = self._speech()
        if tts is not None:
            tts.stop()
            tts.say(text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        self.speaking.emit(state == QTextToSpeech.State.Speaking)


def espeak_program() -> str | None:
    """Where the espeak-ng program is, or None."""
    found = shutil.which("espeak-ng") or shutil.which("espeak")
    if found:
        return found
    return next((str(place) for place in ESPEAK_PLACES if place.is_file()), None)


def espeak_arguments(*extra: str) -> list[str]:
    # Words come on standard input, so no text can ever be taken for an option.
    return ["-v", ESPEAK_VOICE, "-s", ESPEAK_WORDS_PER_MINUTE, "-b", "1", *extra, "--stdin"]


class EspeakVoice(Voice):
    """eSpeak NG as its own program, speaking straight to the sound device."""

    name = "eSpeak NG"

    def __init__(self, program: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.program = program if program is not None else espeak_program()
        self._process: QProcess | None = None

    def available(self) -> bool:
        return bool(self.program)

    def say(self, text: str) -> None:
        self.stop()
        if not self.program:
            return
        process = QProcess(self)
        process.setProgram(self.program)
        process.setArguments(espeak_arguments())
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed)
        self._process = process
        process.start()
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()
        self.speaking.emit(True)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._finished)
            process.errorOccurred.disconnect(self._failed)
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(1000)  # a killed process ends at once
            process.deleteLater()
            self.speaking.emit(False)

    def _finished(self, *_: object) -> None:
        if self.sender() is self._process:
            self._process = None
            self.speaking.emit(False)

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.program = None  # gone since we looked: the next voice (or the kind note)
            self._finished()

    def render_wav(self, text: str, timeout: float = 10.0) -> bytes:
        """The words as a WAV file's bytes (for a test, or a player of our own)."""
        if not self.program:
            raise FileNotFoundError("eSpeak NG is not installed")
        done = subprocess.run(
            [self.program, *espeak_arguments("--stdout")],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout


VoiceMaker = Callable[[QObject], Voice]
# Best first. A better offline voice goes in front of eSpeak NG here.
VOICE_MAKERS: tuple[tuple[str, VoiceMaker], ...] = (
    ("system", lambda parent: QtVoice(None, parent)),
    ("espeak", lambda parent: EspeakVoice(None, parent)),
)


def voices_for(engine: str | None, parent: QObject) -> list[Voice]:
    """The voices to try: every kind for None; "espeak" for eSpeak NG alone; any other name
    for that Qt engine alone ("mock" in tests)."""
    if engine is None:
        return [make(parent) for _name, make in VOICE_MAKERS]
    if engine == "espeak":
        return [EspeakVoice(None, parent)]
    return [QtVoice(engine, parent)]
