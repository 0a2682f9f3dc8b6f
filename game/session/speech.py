"""Read-aloud: the card's title, text and choices, and the feedback, spoken in
the card's language, fully offline. No pygame here, so it is tested alone.

Which voice speaks (found once, when the `Speaker` is made):
- Linux and others: the `espeak-ng` program (or the older `espeak`), voice
  `id` for Bahasa Indonesia and `en` for English. Install it with
  `sudo apt install espeak-ng` (Debian, Ubuntu) or the distribution's
  equivalent.
- Windows: the system's own voices (System.Speech, through PowerShell, which
  every Windows since 7 has). An Indonesian voice is used when one is
  installed (Settings > Time & language > Speech > Add voices); otherwise the
  default voice reads.
- macOS: the `say` program, with a voice for the language when one is
  installed (e.g. "Damayanti" for Indonesian).

Why programs and not a Python library such as pyttsx3: a separate process
never blocks the game's loop (`say` returns at once), stops at once when it
is ended (`stop`, on the next key), needs nothing installed with pip, and a
missing or broken voice can only fail in that process, never in the game.

When no engine exists, `Speaker.available` is False, `say` does nothing and
`Speaker.status(lang)` says why, for the settings screen.

    speaker = Speaker()
    speaker.volume = settings.volume
    speaker.say(card_speech(card, lang, rules.offered(game)), lang)   # key R
    speaker.say(feedback_speech(choice, lang), lang)
    speaker.stop()                                                    # any key
    speaker.close()                                                   # on exit
"""
from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import threading
from typing import Optional, Protocol, Sequence

from game.content.model import Card, Choice
from game.localise import pick, tr

MAX_CHARS = 4000          # more than any card; keeps a command line short
_NO_WINDOW = 0x08000000   # subprocess.CREATE_NO_WINDOW on Windows


class Utterance(Protocol):
    def done(self) -> bool: ...
    def stop(self) -> None: ...


class Engine(Protocol):
    name: str

    def start(self, text: str, lang: str, volume: float, rate: float) -> Utterance: ...


def base_language(lang: str) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


# -- engines that run a program ------------------------------------------------------

class ProcessUtterance:
    """Speech running in a process of its own."""

    def __init__(self, argv: Sequence[str], stdin: Optional[bytes] = None):
        kwargs = {}
        if os.name == "nt":
            kwargs["creationflags"] = _NO_WINDOW
        self.process = subprocess.Popen(
            list(argv), stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
        if stdin is not None:
            try:  # small (MAX_CHARS), so it fits the pipe and never blocks
                self.process.stdin.write(stdin)
                self.process.stdin.close()
            except OSError:
                pass

    def done(self) -> bool:
        return self.process.poll() is not None

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.terminate()
                self.process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=2)
            except OSError:
                pass
        if self.process.stdin and not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except OSError:
                pass


class EspeakEngine:
    """espeak-ng (or espeak): text on stdin, voice by language code."""

    def __init__(self, program: str):
        self.program = program
        self.name = os.path.basename(program).removesuffix(".exe")
        self._voices: Optional[set[str]] = None
        threading.Thread(target=self._list_voices, daemon=True).start()

    def _list_voices(self) -> None:
        try:
            out = subprocess.run([self.program, "--voices"], capture_output=True, timeout=10,
                                 text=True, errors="replace").stdout
        except (OSError, subprocess.SubprocessError):
            return
        voices = set()
        for line in out.splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 2:
                voices.add(parts[1].lower())
        self._voices = voices

    def voice(self, lang: str) -> str:
        """The voice for `lang`: `id`, `en`, ...; English when espeak has none for it."""
        code = (lang or "").replace("_", "-").lower()
        base = base_language(code)
        voices = self._voices
        if voices is None or code in voices:
            return code or "en"
        if any(v.split("-")[0] == base for v in voices):
            return base   # espeak picks its main voice of the language ("en": en-gb)
        return "en"

    def command(self, lang: str, volume: float, rate: float) -> list[str]:
        return [self.program, "-v", self.voice(lang), "-s", str(int(150 * rate)),
                "-a", str(int(100 * max(0.0, min(1.0, volume)))), "--stdin"]

    def start(self, text: str, lang: str, volume: float, rate: float) -> Utterance:
        return ProcessUtterance(self.command(lang, volume, rate), text.encode("utf-8"))


class WindowsEngine:
    """The Windows voices (System.Speech) driven by PowerShell."""
    name = "Windows"

    def __init__(self, program: str):
        self.program = program

    def script(self, text: str, lang: str, volume: float, rate: float) -> str:
        payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
        base = base_language(lang) or "en"
        return (
            "Add-Type -AssemblyName System.Speech;"
            "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
            "$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and "
            f"$_.VoiceInfo.Culture.TwoLetterISOLanguageName -eq '{base}' }} | "
            "Select-Object -First 1;"
            "if ($v) { $s.SelectVoice($v.VoiceInfo.Name) };"
            f"$s.Volume = {int(100 * max(0.0, min(1.0, volume)))};"
            f"$s.Rate = {max(-10, min(10, round((rate - 1) * 5) - 1))};"
            "$t = [Text.Encoding]::UTF8.GetString("
            f"[Convert]::FromBase64String('{payload}'));"
            "$s.Speak($t)")

    def start(self, text: str, lang: str, volume: float, rate: float) -> Utterance:
        script = self.script(text, lang, volume, rate)
        encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
        return ProcessUtterance([self.program, "-NoProfile", "-NonInteractive",
                                 "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded])


class MacEngine:
    """macOS `say`, with a voice of the language when one is installed."""
    name = "macOS say"

    def __init__(self, program: str):
        self.program = program
        self._voices: dict[str, str] = {}
        threading.Thread(target=self._list_voices, daemon=True).start()

    def _list_voices(self) -> None:
        try:
            out = subprocess.run([self.program, "-v", "?"], capture_output=True, timeout=10,
                                 text=True, errors="replace").stdout
        except (OSError, subprocess.SubprocessError):
            return
        self._voices = parse_say_voices(out)

    def start(self, text: str, lang: str, volume: float, rate: float) -> Utterance:
        argv = [self.program, "-r", str(int(160 * rate))]
        voice = self._voices.get(base_language(lang))
        if voice:
            argv += ["-v", voice]
        level = max(0.0, min(1.0, volume))
        return ProcessUtterance(argv + ["-f", "-"],
                                f"[[volm {level:.2f}]] {text}".encode("utf-8"))


def parse_say_voices(out: str) -> dict[str, str]:
    """`say -v ?` output -> {language: first voice of it}, e.g. {"id": "Damayanti"}."""
    voices: dict[str, str] = {}
    for line in out.splitlines():
        found = re.match(r"^(.+?)\s+([a-z]{2,3})[_-][A-Za-z0-9]+\s+#", line)
        if found:
            voices.setdefault(found.group(2), found.group(1).strip())
    return voices


def find_engine() -> Optional[Engine]:
    """The speech engine of this computer, or None when it has none."""
    if sys.platform == "win32":
        program = shutil.which("powershell") or shutil.which("pwsh")
        return WindowsEngine(program) if program else None
    if sys.platform == "darwin":
        program = shutil.which("say")
        if program:
            return MacEngine(program)
    for name in ("espeak-ng", "espeak"):
        program = shutil.which(name)
        if program:
            return EspeakEngine(program)
    return None


# -- what the screens use ----------------------------------------------------------------

_FIND = object()


class Speaker:
    """Reads text aloud without ever blocking the caller.

    `engine`: the voice to read with; by default this computer's own
    (`find_engine`), None for no voice at all."""

    def __init__(self, engine: object = _FIND, volume: float = 1.0, rate: float = 1.0):
        self.engine: Optional[Engine] = find_engine() if engine is _FIND else engine
        self.volume = volume
        self.rate = rate
        self._current: Optional[Utterance] = None

    @property
    def available(self) -> bool:
        return self.engine is not None

    @property
    def engine_name(self) -> str:
        return self.engine.name if self.engine else ""

    @property
    def speaking(self) -> bool:
        return self._current is not None and not self._current.done()

    def status(self, lang: str) -> str:
        """For the settings screen: which voice reads, or that none can."""
        if self.engine is None:
            text = _words("speech.none", lang)
            if sys.platform.startswith("linux"):
                text += " " + _words("speech.linux-hint", lang)
            return text
        return _words("speech.ready", lang, engine=self.engine.name)

    def say(self, text: str, lang: str) -> bool:
        """Start reading `text` in `lang` (stopping what was being read) and return
        at once. False when nothing is read (no engine, no text, it failed)."""
        self.stop()
        text = " ".join((text or "").split())[:MAX_CHARS]
        if self.engine is None or not text:
            return False
        try:
            self._current = self.engine.start(text, lang, self.volume, self.rate)
        except Exception:  # a voice that will not start must not stop the game
            self._current = None
            return False
        return True

    def stop(self) -> None:
        """Stop reading now (on the next key)."""
        current, self._current = self._current, None
        if current is not None:
            try:
                current.stop()
            except Exception:
                pass

    def close(self) -> None:
        self.stop()


def _words(key: str, lang: str, **values) -> str:
    return tr(key, lang, ns="session", **values)


# -- what is read ------------------------------------------------------------------------

def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?:;\u2026\u201d\"'":
        text += "."
    return text


def card_speech(card: Card, lang: str, offered: Optional[Sequence[int]] = None) -> str:
    """The card read aloud: its title, its text, then each choice by number.
    Choices not in `offered` (when given) are said to be not available yet."""
    parts = [_sentence(pick(card.title, lang)), _sentence(pick(card.text, lang))]
    for i, choice in enumerate(card.choices):
        label = _sentence(pick(choice.label, lang))
        line = f"{_words('speech.choice', lang, n=i + 1)}: {label}"
        if offered is not None and i not in offered:
            line += f" ({_words('speech.not-offered', lang)})."
        parts.append(line)
    return " ".join(p for p in parts if p)


def feedback_speech(choice: Choice, lang: str) -> str:
    """What is read after a choice: its label and its feedback."""
    parts = [_sentence(pick(choice.label, lang))]
    if choice.feedback:
        parts.append(_sentence(pick(choice.feedback, lang)))
    return " ".join(p for p in parts if p)
