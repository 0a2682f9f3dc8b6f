"""Every screen names a player through App.player_name: a name with nothing
visible in it (as a hand-edited or old save may hold) shows as the default."""
from __future__ import annotations

import dataclasses

import pygame

from game.localise import tr
from tests.ui.helpers import key, make_app, to_board


def test_an_invisible_name_in_the_game_shows_as_the_default():
    app = make_app(size=(1024, 768), players=["Siti", "Budi"], lang="id")
    try:
        to_board(app, key)
        siti, budi = app.log.game.journeys[:2]
        ghost = dataclasses.replace(budi, name="\u200b\u00ad\ufeff")
        assert app.player_name(ghost) == tr("player_default", n=2)
        assert app.player_name(siti) == "Siti"
    finally:
        pygame.quit()
