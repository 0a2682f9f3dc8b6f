"""The parts of the debrief screen (`game.ui.scenes.debrief.DebriefScene`), one job each:

    flow.py      rows of text, marks and buttons, and a column of them that scrolls
                 by whole lines (so no line is ever cut, and no heading is left
                 at the bottom with nothing under it)
    content.py   what each page says: the class overview with the help contacts, a
                 player's ending, choices and what if, the discussion questions
    journey.py   a journey drawn on a small copy of the board: the path, a marker
                 for each card, where the act, the means and the purpose appeared,
                 and a "what if" journey in another colour

None of them imports the debrief screen; the screen imports them.
"""
