"""The parts of the board screen (`game.ui.scenes.board.BoardScene`), one job each:

    geometry.py   where the spaces, roads and tokens are; the space icons; the board drawn
    beats.py      what the board shows after an action, one beat after another (die, walk...)
    panel.py      the current player's side panel: money, debt, risk, documents, contacts

None of them imports the board screen; the screen imports them.
"""
