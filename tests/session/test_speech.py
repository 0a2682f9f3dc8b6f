"""Read-aloud: the words read, the Speaker with a fake engine, and the espeak-ng
engine driving a stand-in espeak-ng program (tests/session/fakes.py)."""
from __future__ import annotations

import base64
import time

from game.content.model import Card, Choice
from game.session import speech
from game.session.speech import (EspeakEngine, Speaker, WindowsEngine, card_speech,
                                 feedback_speech, parse_say_voices)
from tests.session.fakes import FakeEngine, calls, fake_espeak


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


# -- the espeak-ng engine, with a stand-in program ----------------------------------------------

def espeak_with_voices(folder) -> EspeakEngine:
    engine = EspeakEngine(fake_espeak(folder))
    for _ in range(400):                 # the voices are listed in the background
        if engine._voices is not None:
            break
        time.sleep(0.025)
    assert engine._voices is not None
    return engine


def test_espeak_voices_for_bahasa_indonesia_and_english(tmp_path):
    engine = espeak_with_voices(tmp_path)
    assert engine._voices == {"en-gb", "en-us", "id", "ms"}
    assert engine.voice("id") == "id"
    assert engine.voice("en") == "en"            # espeak's own main English voice
    assert engine.voice("id-ID") == "id"
    assert engine.voice("zz") == "en"


def test_espeak_is_given_the_whole_text_in_each_language(tmp_path):
    engine = espeak_with_voices(tmp_path)
    speaker = Speaker(engine, volume=0.5)
    for n, lang in enumerate(("id", "en"), 1):
        assert speaker.say(card_speech(CARD, lang), lang)
        call = calls(tmp_path, n)[-1]          # noted before the next text stops it
        assert call["args"] == ["-v", lang, "-s", "150", "-a", "50", "--stdin"]
        assert call["text"] == " ".join(card_speech(CARD, lang).split())
    speaker.stop()


def test_say_returns_while_espeak_is_still_speaking_and_stop_ends_it(tmp_path):
    speaker = Speaker(espeak_with_voices(tmp_path))
    assert speaker.available and speaker.engine_name.startswith("espeak-ng")
    long_text = " ".join([card_speech(CARD, "id")] * 30)
    assert speaker.say(long_text, "id")
    process = speaker._current.process
    assert process.poll() is None and speaker.speaking   # said, not waited for
    assert calls(tmp_path, 1)[0]["text"] == " ".join(long_text.split())
    speaker.stop()
    assert process.poll() is not None          # ended at once, not spoken to its end
    assert not speaker.speaking
    speaker.close()
