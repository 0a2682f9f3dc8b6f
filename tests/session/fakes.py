"""Stand-ins for the session tests: a speech engine that records what it is asked
to say, and a stand-in `espeak-ng` program (so the real engine's command line,
voices and process handling are tested on any computer)."""
from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path


class FakeUtterance:
    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.stopped = False
        self.finished = False

    def done(self) -> bool:
        return self.stopped or self.finished

    def stop(self) -> None:
        self.stopped = True


class FakeEngine:
    """Records what it was asked to say; an utterance runs until stopped or
    `finish()`ed. `fail=True` makes it raise like a voice that will not start."""
    name = "fake"

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.spoken: list[FakeUtterance] = []

    def start(self, text: str, lang: str, volume: float, rate: float) -> FakeUtterance:
        if self.fail:
            raise OSError("no voice")
        utterance = FakeUtterance(text, lang)
        self.spoken.append(utterance)
        return utterance

    def finish(self) -> None:
        for u in self.spoken:
            u.finished = True


# -- a stand-in espeak-ng -------------------------------------------------------------------

ESPEAK_VOICES = """Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  en-gb           --/M      English_(Great_Britain) gmw/en
 2  en-us           --/M      English_(America)  gmw/en-US
 5  id              --/M      Indonesian         poz/id
 5  ms              --/M      Malay              poz/ms
"""

ESPEAK_PROGRAM = r'''
import json, os, sys, time
from pathlib import Path
args = sys.argv[1:]
if args == ["--voices"]:
    sys.stdout.write(VOICES)
    sys.exit(0)
text = sys.stdin.buffer.read().decode("utf-8") if "--stdin" in args else ""
call = Path(__file__).with_name(f"call-{time.time_ns()}-{os.getpid()}.json")
call.with_suffix(".tmp").write_text(json.dumps({"args": args, "text": text}), "utf-8")
os.replace(call.with_suffix(".tmp"), call)
time.sleep(60)          # "speaking" until it is stopped
'''


def fake_espeak(folder: Path) -> str:
    """Write a stand-in `espeak-ng` into `folder`; the program to run. It lists
    a few voices for `--voices`; otherwise it notes its arguments and the text
    it was given (`calls(folder)`) and "speaks" until it is ended."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = f"#!{sys.executable}\nVOICES = {ESPEAK_VOICES!r}\n{ESPEAK_PROGRAM}"
    if os.name == "nt":
        script = folder / "espeak_standin.py"
        script.write_text(source, encoding="utf-8")
        program = folder / "espeak-ng.cmd"
        program.write_text(f'@"{sys.executable}" "{script}" %*\r\n', encoding="utf-8")
    else:
        program = folder / "espeak-ng"
        program.write_text(source, encoding="utf-8")
        program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(program)


def calls(folder: Path, count: int) -> list[dict]:
    """The first `count` calls the stand-in noted, once it has noted them."""
    for _ in range(400):                       # the process starts in its own time
        noted = sorted(Path(folder).glob("call-*.json"))
        if len(noted) >= count:
            return [json.loads(p.read_text(encoding="utf-8")) for p in noted[:count]]
        time.sleep(0.025)
    raise AssertionError(f"the stand-in espeak-ng noted fewer than {count} calls")
