"""Printed pages for a pack: the facilitator's guide and the print-and-play deck.

    guide.py      the facilitator's guide (lesson plan, act-means-purpose with the
                  pack's own cards, what to do if a trainee discloses, glossary,
                  every card, the check-again facts, a one-page help sheet)
    deck.py       print-and-play: rules sheet, board, player sheets, help card,
                  every card with cut and fold lines, the ending cards
    board_svg.py  the board as inline SVG, from game.engine.board's layout
    printed.py    what both share: the pack's texts in one language, card
                  numbers, piles, effects said in plain words
    page.py       the HTML page: style sheets, escaping, writing the file
    pictures.py   card pictures embedded once each, as data: URIs, scaled down
    sources.py    the "Check again" section of a pack's SOURCES.md

Every page is one self-contained HTML file for A4 (inline CSS and SVG, no
scripts, fonts or files from elsewhere), in one language: the pack's texts
through `game.localise.pick`, the words the game adds from
`localisation/guide.<lang>.json`. No pygame: a guide can be made on a machine
without a display.
"""
