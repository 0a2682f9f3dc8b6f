"""A lost turn is shown on the board and passes by itself: nobody has to click."""
from __future__ import annotations

import pygame

from tests.ui.helpers import key, make_app, settle, to_board
from tests.ui.packs import PACK

CARD = """- id: {cid}
  stage: {stage}
  route: any
  title: "Antre di kantor"
  text: "Antrean panjang."
  choices:
    - label: "Tunggu"
      safe: true
      effects: {{skip: 1}}
      feedback: "Anda menunggu satu giliran."
"""


def write_pack(folder):
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    cards = [CARD.format(cid=f"wait-{s}", stage=s)
             for s in ("recruitment", "documentation", "travel", "work")]
    (folder / "cards" / "all.yaml").write_text("".join(cards), encoding="utf-8")
    return folder


def test_a_lost_turn_passes_without_a_click(tmp_path):
    pack = write_pack(tmp_path / "solo")      # the folder is named as the pack id
    app = make_app(size=(1024, 768), pack=str(pack), players=["A", "B"], lang="id",
                   save_dir=tmp_path / "save", speed=1000.0)
    to_board(app)
    lost = 0
    for _ in range(60):
        if app.log.game.over:
            break
        top = app.top.name
        if top == "board":
            key(app, pygame.K_SPACE)
        elif top == "card":
            key(app, pygame.K_1)
        else:
            assert "kehilangan giliran" not in getattr(app.top, "message", "")
            key(app, pygame.K_RETURN)
        settle(app)
        lost = sum(type(e).__name__ == "TurnLost" for e in app.log.all_events())
        if lost >= 3:
            break
    assert lost >= 3                      # turns were lost, and none asked for a click
    pygame.quit()
