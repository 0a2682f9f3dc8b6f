"""Drive the real App headless with synthesised mouse, keyboard and touch events."""
from __future__ import annotations

import pygame

from game.session import SYSTEM_VOICE, Session
from game.ui.app import App


def make_app(speech_engine=SYSTEM_VOICE, **kw) -> App:
    """A started window; `speech_engine` is the voice read-aloud uses (a fake, or
    None for none)."""
    from tests.ui.conftest import options
    kw.setdefault("size", (1024, 768))
    kw.setdefault("seed", 5)
    opts = options(**kw)
    app = App(opts, Session(opts.save_dir, speech_engine))
    app.start()
    pump(app)
    return app


def pump(app: App, n: int = 3) -> None:
    for _ in range(n):
        if not app.tick(wait=False):
            break


def settle(app: App, limit: int = 400) -> None:
    """Run the loop until nothing moves (animations at --speed are skipped when None)."""
    for _ in range(limit):
        app.tick(wait=False)
        if not app._animating and not pygame.event.peek():
            app.tick(wait=False)
            return


def key(app: App, k: int, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode,
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode,
                                         scancode=0))
    settle(app)


def click(app: App, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def tap(app: App, pos) -> None:
    w, h = app.screen.get_size()
    common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0,
                  x=pos[0] / w, y=pos[1] / h)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, **common))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, **common))
    settle(app)


def button(app: App, name: str):
    b = app.top.group.find(name)
    assert b is not None, f"no button {name!r} on {app.top.name}: " + \
        ", ".join(x.name for x in app.top.group.buttons)
    return b


def to_board(app: App, how=key) -> None:
    """Title -> setup -> board."""
    if how is key:
        key(app, pygame.K_RETURN)   # Play (focused)
        assert app.top.name == "setup"
        key(app, pygame.K_RETURN)   # Start (focused)
    else:
        how(app, button(app, "play").rect.center)
        assert app.top.name == "setup"
        how(app, button(app, "start").rect.center)
    assert app.top.name == "board", app.top.name


FAST = 1000.0     # animations done in a blink: the tests stay fast


def play_until(app: App, names, limit: int = 80) -> bool:
    """Roll and confirm until the top screen is one of `names`."""
    for _ in range(limit):
        if app.top.name in names:
            return True
        if app.top.name == "board":
            key(app, pygame.K_SPACE)
        elif app.top.name == "card":
            key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
        else:
            key(app, pygame.K_RETURN)
    return app.top.name in names


# -- pointer only: what a facilitator with a mouse or a touch screen can reach ----------

KEYBOARD_EVENTS = (pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING)


def reachable(app: App, name: str, chrome: bool = False):
    """The button `name` as a user sees it: on the top screen (or, with `chrome`,
    the menu or speaker button in the corner), enabled, wholly inside the window,
    and with no other button over the point a press lands on."""
    app.layout_chrome()
    if chrome:
        b = app.chrome.find(name)
        assert b is not None, f"no {name} button in the corner of {app.top.name}"
        others = [c for c in app.chrome.buttons if c is not b]
    else:
        b = button(app, name)
        others = list(app.chrome.buttons) + [o for o in app.top.group.buttons if o is not b]
    assert b.enabled, f"{name} on {app.top.name} is greyed: {b.reason}"
    screen = app.screen.get_rect()
    assert screen.contains(b.rect), f"{name} on {app.top.name} is cut off: {b.rect}"
    covered = [o.name for o in others if o.rect.collidepoint(b.rect.center)]
    assert not covered, f"{name} on {app.top.name} is under {covered}"
    return b


def press(app: App, how, name: str, chrome: bool = False) -> None:
    """Press the button `name` with `how` (click or tap) where a user sees it."""
    how(app, reachable(app, name, chrome).rect.center)


def record_input(app: App) -> list:
    """Every event the window handles from now on (their types, in order)."""
    seen: list = []
    handle = app.handle

    def recording(event):
        seen.append(event.type)
        handle(event)
    app.handle = recording
    return seen


def sdl_touch(app: App, pos) -> None:
    """A tap as SDL 2 delivers it by default: for the finger going down and up,
    its own mouse copies first (marked `touch`), then the finger event."""
    w, h = app.screen.get_size()
    common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0,
                  x=pos[0] / w, y=pos[1] / h)
    for mouse, finger in ((pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN),
                          (pygame.MOUSEBUTTONUP, pygame.FINGERUP)):
        if mouse == pygame.MOUSEBUTTONDOWN:
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                                 buttons=(0, 0, 0), touch=True))
        pygame.event.post(pygame.event.Event(mouse, pos=pos, button=1, touch=True))
        pygame.event.post(pygame.event.Event(finger, **common))
    settle(app)
