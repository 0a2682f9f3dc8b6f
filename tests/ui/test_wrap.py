"""Word wrap from remembered word widths: every line fits, no word is lost,
and lines break where measuring every trial line would (or, where kerning
would have let one more word in, one word earlier: never later)."""
import random

import pygame

from game.ui import text as ui_text

WORDS = ("Pak Darto, sponsor dari desa sebelah, datang ke rumah. Katanya ada kerja di "
         "perkebunan di Malaysia. Gaji besar, berangkat minggu depan, “tanda jadi”. "
         "Ketenagakerjaan-supercalifragilistic").split()


def setup_module():
    pygame.init()


def test_fast_wrap_matches_exact_wrap_and_fits():
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.3:
            text = text.replace(" ", "\n", 2)
        size, width, bold = rng.choice([20, 27, 40]), rng.randint(40, 900), rng.random() < .5
        lines = ui_text.wrap(text, size, width, bold)
        exact = ui_text._wrap_exact(text, size, width, bold)
        assert all(ui_text.text_width(line, size, bold) <= width for line in lines if len(line) > 1)
        assert " ".join(lines).split() == " ".join(exact).split()
        assert len(exact) <= len(lines) <= len(exact) + len(exact) // 4 + 1
