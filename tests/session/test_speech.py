"""Read-aloud: with a fake engine always, with the real espeak-ng where installed."""
from __future__ import annotations

import base64
import shutil
import time

import pytest

from game.content.model import Card, Choice
from game.session import speech
from game.session.speech import (EspeakEngine, FakeEngine, Speaker, WindowsEngine,
                                 card_speech, feedback_speech, parse_say_voices)


def bilingual(id_text: str, en_text: str) -> dict:
    return {"id": id_text, "en": en_text}


CARD = Card(
    "rec-sponsor", "recruitment", bilingual("Sponsor datang", "A sponsor visits"),
    bilingual("Pak Darto menawarkan kerja", "Mr Darto offers work"),
    (Choice(bilingual("Tanya ke LTSA", "Ask at the LTSA"), True,
            feedback=bilingual("Tepat.", "Right.")),
     Choice(bilingual("Ikut sponsor", "Go with the sponsor"), False),
     Choice(bilingual("Bayar dengan paspor", "Pay with a passport"), False)))


def test_card_speech_reads_title_text_and_numbered_choices():
    text = card_speech(CARD, "id", offered=[0, 1])
    assert text == ("Sponsor datang. Pak Darto menawarkan kerja. Pilihan 1: Tanya ke LTSA. "
                    "Pilihan 2: Ikut sponsor. Pilihan 3: Bayar dengan paspor. "
                    "(belum bisa dipilih).")
    english = card_speech(CARD, "en")
    assert english.startswith("A sponsor visits. Mr Darto offers work. Choice 1: Ask at the LTSA.")
    assert "not available" not in english
    assert feedback_speech(CARD.choices[0], "id") == "Tanya ke LTSA. Tepat."
    assert feedback_speech(CARD.choices[1], "en") == "Go with the sponsor."


def test_say_is_handed_to_the_engine_and_stops_on_the_next_key():
    engine = FakeEngine()
    speaker = Speaker(engine, volume=0.5)
    assert speaker.available and speaker.engine_name == "fake"
    assert speaker.say(card_speech(CARD, "id"), "id")
    assert speaker.speaking
    first = engine.spoken[0]
    assert first.lang == "id" and first.text.startswith("Sponsor datang.")
    assert speaker.say("  Tepat.\n  Bagus. ", "id")      # a new text stops the old one
    assert first.stopped and engine.spoken[1].text == "Tepat. Bagus."
    speaker.stop()
    assert engine.spoken[1].stopped and not speaker.speaking
    speaker.say("Halo", "en")
    engine.finish()
    assert not speaker.speaking
    speaker.close()


def test_without_an_engine_everything_else_works():
    speaker = Speaker(None)
    assert not speaker.available and speaker.engine_name == ""
    assert speaker.say("Halo", "id") is False and not speaker.speaking
    speaker.stop()
    assert "tidak tersedia" in speaker.status("id")
    assert "not available" in speaker.status("en")


def test_an_engine_that_fails_does_not_raise():
    speaker = Speaker(FakeEngine(fail=True))
    assert speaker.say("Halo", "id") is False and not speaker.speaking
    assert Speaker(FakeEngine()).say("   ", "id") is False


def test_no_engine_found_when_no_program_exists(monkeypatch):
    monkeypatch.setattr(speech.sys, "platform", "linux")
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    assert speech.find_engine() is None
    assert not Speaker().available


def test_the_windows_engine_passes_text_safely():
    engine = WindowsEngine("powershell")
    text = "Kata \u201ccalo\u201d; $(rm -rf) 'quote' \"double\""
    script = engine.script(text, "id", 0.5, 1.0)
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    assert payload in script and "rm -rf" not in script
    assert "TwoLetterISOLanguageName -eq 'id'" in script and "$s.Volume = 50" in script


def test_the_mac_engine_finds_a_voice_for_the_language():
    out = ("Alex                en_US    # Most people recognize me by my voice.\n"
           "Damayanti           id_ID    # Halo, nama saya Damayanti.\n"
           "Bad News            en_US    # The light you see at the end of the tunnel\n")
    assert parse_say_voices(out) == {"en": "Alex", "id": "Damayanti"}


# -- the real engine ---------------------------------------------------------------------------

ESPEAK = shutil.which("espeak-ng") or shutil.which("espeak")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


def espeak_with_voices() -> EspeakEngine:
    engine = EspeakEngine(ESPEAK)
    for _ in range(100):
        if engine._voices is not None:
            break
        time.sleep(0.05)
    return engine


@needs_espeak
def test_espeak_voices_for_bahasa_indonesia_and_english():
    engine = espeak_with_voices()
    assert engine.voice("id") == "id"
    assert engine.voice("en") == "en"
    assert engine.voice("id-ID") == "id"
    assert engine.voice("zz") == "en"


@needs_espeak
@pytest.mark.parametrize("lang", ["id", "en"])
def test_espeak_really_speaks_each_language(tmp_path, lang):
    engine = espeak_with_voices()
    wav = tmp_path / f"{lang}.wav"
    assert engine.to_wav(card_speech(CARD, lang), lang, str(wav))
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert len(data) > 50_000                 # a few seconds of speech


@needs_espeak
def test_the_real_speaker_never_blocks_and_stops():
    speaker = Speaker()
    assert speaker.available and "espeak" in speaker.engine_name
    long_text = " ".join([card_speech(CARD, "id")] * 30)
    started = time.perf_counter()
    assert speaker.say(long_text, "id")
    assert time.perf_counter() - started < 0.5
    process = speaker._current.process
    speaker.stop()
    assert process.poll() is not None          # ended (killed, or already done)
    assert not speaker.speaking
    speaker.close()
