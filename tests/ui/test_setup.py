"""The setup screen without a keyboard: ready-made team names to tap, names
remembered for next time, long names shown whole, and `--players` winning."""
from __future__ import annotations

import json

import pygame
import pytest

from game.localise import tr
from game.session.settings import NAME_LENGTH, Settings
from game.ui import text as ui_text
from tests.ui.helpers import button, click, key, make_app, settle, tap


def to_setup(app):
    key(app, pygame.K_RETURN)               # Play
    assert app.top.name == "setup"
    return app.top


@pytest.fixture
def save(tmp_path):
    return tmp_path / "save"


def test_names_are_tapped_and_each_token_keeps_its_colour_and_shape(save):
    app = make_app(lang="id", save_dir=save)
    setup = to_setup(app)
    assert len(setup.names) == 3                       # nothing remembered yet
    # each row offers its token's colour first, then the flowers from its own
    chips = {p: [b.label for q, b in setup.chips if q == p] for p in range(3)}
    assert chips[0][:2] == ["Tim Biru", "Tim Melati"]
    assert chips[1][:2] == ["Tim Kuning", "Tim Mawar"]
    assert chips[2][:2] == ["Tim Hijau", "Tim Anggrek"]
    colour_chip = button(app, "suggest-1-1")
    assert colour_chip.icon is not None                 # drawn with the team's token
    tap(app, button(app, "suggest-1-2").rect.center)    # Tim Melati for the first team
    click(app, button(app, "suggest-2-1").rect.center)  # Tim Kuning for the second
    assert setup.names[:2] == ["Tim Melati", "Tim Kuning"]
    assert button(app, "suggest-1-2").selected
    # a name another team has is not offered again
    assert "Tim Melati" not in [b.label for q, b in setup.chips if q != 0]
    assert not ui_text.OVERFLOWS
    click(app, button(app, "start").rect.center)
    assert app.top.name == "board"
    journeys = app.log.game.journeys
    assert [j.name for j in journeys] == ["Tim Melati", "Tim Kuning", tr("player_default", n=3)]
    assert [j.player for j in journeys] == [0, 1, 2]     # token i: colour i and shape i
    pygame.quit()


def test_english_names_and_typing_still_works(save):
    app = make_app(lang="en", save_dir=save)
    setup = to_setup(app)
    assert [b.label for q, b in setup.chips if q == 0][:2] == ["Team Blue", "Team Jasmine"]
    click(app, setup.rows[1][0].center)                 # the name box opens for typing
    assert setup.editing == 1 and setup.typing() and setup.entries[1].visible
    for ch in "Rina":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    settle(app)
    key(app, pygame.K_ESCAPE)                           # leave the box: the name shows
    assert setup.editing is None and not setup.typing()
    assert setup.final_names()[1] == "Rina"
    pygame.quit()


def test_the_last_names_and_their_number_are_offered_next_time(save):
    app = make_app(lang="id", save_dir=save)
    setup = to_setup(app)
    click(app, button(app, "add").rect.center)
    click(app, button(app, "suggest-4-2").rect.center)
    setup.entries[0].set_text("Ibu-ibu Desa Sukamaju")
    key(app, pygame.K_RETURN)                            # Start (focused)
    assert app.top.name == "board"
    saved = json.loads((save / "settings.json").read_text("utf-8"))
    assert saved["player_names"] == ["Ibu-ibu Desa Sukamaju", "", "", "Tim Kenanga"]
    pygame.quit()

    again = make_app(lang="id", save_dir=save)
    setup = to_setup(again)
    assert setup.names == ["Ibu-ibu Desa Sukamaju", "", "", "Tim Kenanga"]
    assert setup.final_names()[1] == tr("player_default", n=2)
    pygame.quit()

    # --players on the command line wins over what was remembered
    given = make_app(lang="id", save_dir=save, players=["Siti", "Budi"])
    assert to_setup(given).names == ["Siti", "Budi"]
    pygame.quit()


def test_long_names_are_whole_and_the_limit_is_said(save):
    thirty = "Kelompok Belajar Melati Putih" + "A"
    assert len(thirty) == NAME_LENGTH
    app = make_app(lang="id", save_dir=save, players=["Siti", thirty + "BCDE"])
    setup = to_setup(app)
    assert setup.names[1] == thirty                      # cut at 30 ...
    assert setup.at_limit                                # ... and the screen says so
    app.draw()
    assert tr("name_limit", n=NAME_LENGTH) in [t for t in setup.hint_blocks[1].lines]
    assert not ui_text.OVERFLOWS
    # typing stops at the limit, and says so while the name is that long
    assert setup.entries[1].length_limit == NAME_LENGTH
    key(app, pygame.K_RETURN)
    assert app.top.name == "board" and app.log.game.journeys[1].name == thirty
    pygame.quit()

    short = make_app(lang="id", save_dir=save.parent / "other", players=["Siti", "Budi"])
    assert not to_setup(short).at_limit
    pygame.quit()


def test_old_settings_files_load_and_bad_names_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "text_size": "large", "volume": 0.5}))
    s, notice = Settings.load(tmp_path)           # a file from before player_names
    assert notice is None and s.player_names == [] and s.text_size == "large"
    s.player_names = ["Tim Mawar", ""]
    assert s.save() is None
    assert Settings.load(tmp_path)[0].player_names == ["Tim Mawar", ""]
    for bad in ("Tim Mawar", ["x" * 31], [1, 2], ["a"] * 7, ["line\nbreak"]):
        path.write_text(json.dumps({"player_names": bad}))
        s, notice = Settings.load(tmp_path)
        assert s.player_names == [] and notice.key == "settings.fixed", bad
