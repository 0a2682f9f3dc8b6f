"""The player panel's running list of names ("KTP · Paspor · ..."): whatever the
width, every name is there, in order, with a dot between each two, and no line
is wider than the panel."""
from __future__ import annotations

import pygame
from hypothesis import given, settings, strategies as st

from game.ui.board.panel import _running
from game.ui.text import text_width

NAMES = ["Call center KP2MI/BP2MI", "Hotline Kemlu, KBRI, dan aplikasi Safe Travel",
         "Polisi 110", "LPSK", "SAPA 129", "Paspor", "Surat keterangan sehat"]


@settings(max_examples=60, deadline=None)
@given(width=st.integers(160, 700), count=st.integers(1, len(NAMES)))
def test_running_names_keep_a_dot_between_each_two(width, count):
    pygame.font.init()
    names = NAMES[:count]
    lines = _running(names, 26, width)
    squeeze = lambda text: "".join(text.split())    # a word too long for a line breaks
    assert squeeze(" ".join(lines)) == squeeze(" · ".join(names))
    assert all(text_width(line, 26) <= width for line in lines if " " in line)
