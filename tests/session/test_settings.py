"""Remembered settings: defaults, round trip, and a broken file never stops the game."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from game.session.files import BROKEN_MARK
from game.session.settings import TEXT_SIZES, Settings


def test_no_file_means_the_defaults_and_no_message(tmp_path):
    s, notice = Settings.load(tmp_path)
    assert notice is None
    assert (s.language, s.text_size, s.read_aloud, s.volume, s.mute, s.fullscreen,
            s.animation_speed) == ("id", "normal", False, 0.8, False, False, 1.0)
    assert s.path == tmp_path / "settings.json"
    assert not s.path.exists()


def test_settings_are_remembered(tmp_path):
    s, _ = Settings.load(tmp_path)
    s.language, s.text_size, s.read_aloud = "en", "extra-large", True
    s.volume, s.mute, s.fullscreen, s.animation_speed = 0.35, True, True, 2.5
    assert s.save() is None
    again, notice = Settings.load(tmp_path)
    assert notice is None and again == s
    assert again.text_scale == 1.5
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]   # no temporaries left
    assert json.loads((tmp_path / "settings.json").read_text())["text_size"] == "extra-large"


def test_the_default_folder_is_the_user_config_folder(monkeypatch, tmp_path):
    import platformdirs
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(tmp_path / "cfg"))
    s, notice = Settings.load(None)
    assert notice is None and s.path == tmp_path / "cfg" / "settings.json"
    assert s.save() is None and (tmp_path / "cfg" / "settings.json").exists()


def test_a_damaged_file_falls_back_to_the_defaults_with_a_message(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "en", "text_si')
    s, notice = Settings.load(tmp_path)
    assert s == Settings() and notice.key == "settings.broken"
    assert str(path) in notice.text("en") and str(path) in notice.text("id")
    [moved] = [p for p in tmp_path.iterdir() if BROKEN_MARK in p.name]
    assert moved.read_text() == '{"language": "en", "text_si'
    assert s.save() is None
    assert Settings.load(tmp_path) == (s, None)


def test_wrong_values_fall_back_one_by_one(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({
        "language": "en", "text_size": "huge", "volume": 7, "mute": "yes",
        "animation_speed": 2, "fullscreen": True, "from_a_newer_game": 1}))
    s, notice = Settings.load(tmp_path)
    assert (s.language, s.fullscreen, s.animation_speed) == ("en", True, 2.0)
    assert (s.text_size, s.volume, s.mute) == ("normal", 0.8, False)
    assert notice.key == "settings.fixed"
    for key in ("text_size", "volume", "mute"):
        assert key in notice.text("en")
    assert "from_a_newer_game" not in notice.text("en")


def test_not_an_object_is_damaged(tmp_path):
    for content in ("[1, 2]", "null", "\"id\"", "\xff\xfe", ""):
        (tmp_path / "settings.json").write_bytes(content.encode("latin-1"))
        s, notice = Settings.load(tmp_path)
        assert s == Settings() and notice.key == "settings.broken"


def test_a_settings_file_that_cannot_be_written_gives_a_message(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    s, notice = Settings.load(blocker)
    assert s == Settings() and notice.key == "settings.unreadable"
    failed = s.save()
    assert failed is not None and failed.key == "settings.write-failed"


def test_a_language_must_look_like_one():
    for good in ("id", "en", "jv", "pt-BR"):
        assert Settings.from_json({"language": good})[0].language == good
    for bad in ("", "english", "../x", 5, None):
        assert Settings.from_json({"language": bad}) == (Settings(), ["language"])
    assert TEXT_SIZES == ("normal", "large", "extra-large")


@hsettings(max_examples=200, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=500) | st.text(max_size=200).map(str.encode))
def test_any_file_at_all_gives_settings(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("s")
    (folder / "settings.json").write_bytes(content)
    s, notice = Settings.load(folder)
    assert isinstance(s, Settings)
    assert s.text_size in TEXT_SIZES and 0 <= s.volume <= 1
