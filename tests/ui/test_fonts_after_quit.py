"""Text drawn after pygame.quit() and a new pygame.init() (a second game in the
same process, a test after another) uses fonts opened again, never dead ones."""
from __future__ import annotations

import pygame

from game.ui.text import font, text_width


def test_fonts_opened_again_after_quit():
    for _ in range(3):
        pygame.init()
        assert text_width("Paspor", 26) > 0
        assert font(26).get_height() > 0
        pygame.quit()
