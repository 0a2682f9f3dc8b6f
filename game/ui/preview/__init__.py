"""`run_game.py preview`: one card of a pack as the game shows it, for authors.

    window.py   the live-reloading window (and the off-screen screenshot): the pack
                as last loaded, the cards followed, the keys
    screen.py   what it draws: the game's own CardScene for one card, the notes
                beside it, the screens for a pack with errors or an unknown card

The command's options are in game/commands/preview.py.
"""
