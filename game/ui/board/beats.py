"""What the board shows after an action, one beat after another.

The engine answers an action with events (rolled, moved, card drawn, chose,
journey ended...). `beats_for` turns them into beats: short animations (the
die rolls, the token walks space by space) and overlays (a card's feedback, a
message, an outcome) that wait until they are closed. The board runs the
first beat of its queue every frame until it says it is done.

A beat's times are in seconds at speed 1 (`board.dur` scales them; autoplay
without --speed makes them 0).
"""
from __future__ import annotations

import math
import random
from typing import Optional

from game.engine.events import (CheckpointHeld, CheckpointPassed, Chose, EffectsApplied,
                                JourneyEnded, Moved, NoChoiceOffered, NothingToDraw, Rolled,
                                RouteChanged, SafeSpace, TurnLost, TurnSkipped, TurnStarted)
from game.localise import tr

DIE_ROLL = 0.75        # the die tumbles
DIE_HOLD = 0.35        # ... then shows its value
DIE_FADE = 0.6         # ... and fades once nothing else is queued
STEP = 0.2             # the token's hop from one space to the next
LOST_TURN = 1.6        # a lost turn is shown this long, then play passes on by itself


class Beat:
    player: Optional[int] = None
    blocking = False       # waits for the player (an overlay), so nothing animates
    begun = False          # set by the board when it calls `begin`

    def begin(self, board) -> None:
        pass

    def step(self, board, dt: float) -> bool:
        """Advance by `dt` seconds; True when the beat is over."""
        return True


class FocusBeat(Beat):
    """The board turns to a player (and says whose turn it is)."""

    def __init__(self, player: int, announce: bool):
        self.player, self.announce = player, announce

    def begin(self, board):
        board.focus = self.player
        if self.announce:
            j = board.game.journeys[self.player]
            board.toast(tr("turn_of", name=board.app.player_name(j)))


class LostTurnBeat(Beat):
    """A lost turn: the board turns to the player and says so for a moment, then
    play passes on by itself (nobody has to click)."""

    def __init__(self, player: int, left: int):
        self.player, self.left, self.t = player, left, 0.0

    def begin(self, board):
        board.focus = self.player
        name = board.app.player_name(board.game.journeys[self.player])
        if not self.left:
            text = tr("turn_lost", name=name)
        elif self.left == 1:
            text = tr("turn_lost_more_one", name=name)
        else:
            text = tr("turn_lost_more", name=name, n=self.left)
        board.toast(text)
        self.hold = board.dur(LOST_TURN)

    def step(self, board, dt):
        self.t += dt
        return self.t >= self.hold


class ToastBeat(Beat):
    def __init__(self, text: str):
        self.text = text

    def begin(self, board):
        board.toast(self.text)


class NoticeBeat(Beat):
    """A message on the board that holds what comes next (the card an undo goes
    back to) for a moment, or until a key or a tap says it was seen (`done`)."""

    def __init__(self, text: str, seconds: float):
        self.text, self.seconds, self.t, self.done = text, seconds, 0.0, False

    def begin(self, board):
        self.hold = board.dur(self.seconds)
        board.toast(self.text, self.seconds)

    def step(self, board, dt):
        self.t += dt
        if self.done:
            board.end_toast()
        return self.done or self.t >= self.hold


class DiceBeat(Beat):
    def __init__(self, player: int, value: int):
        self.player, self.value, self.t = player, value, 0.0

    def begin(self, board):
        self.total = board.dur(DIE_ROLL)
        self.hold = board.dur(DIE_HOLD)
        board.app.sounds.play("dice")
        board.die = [random.randint(1, 6), 0.0]

    def step(self, board, dt):
        self.t += dt
        if self.t < self.total:
            board.die = [1 + int(self.t * 14) % 6 if int(self.t * 14) % 6 + 1 != self.value
                         else self.value, math.sin(self.t * 20) * 25 * (1 - self.t / self.total)]
            return False
        board.die = [self.value, 0.0]
        if self.t < self.total + self.hold:
            return False
        board.die_fade = board.dur(DIE_FADE)
        return True


class WalkBeat(Beat):
    """The token hops along `path`, one space per STEP."""

    def __init__(self, player: int, route: str, path: tuple[int, ...]):
        self.player, self.route, self.path = player, route, path
        self.i, self.t = 0, 0.0

    def begin(self, board):
        self.per = board.dur(STEP)

    def step(self, board, dt):
        if self.per <= 0:
            board.shown[self.player] = (self.route, self.path[-1])
            board.moving = None
            return True
        self.t += dt
        while self.t >= self.per and self.i < len(self.path):
            self.t -= self.per
            board.shown[self.player] = (self.route, self.path[self.i])
            self.i += 1
            board.app.sounds.play("step")
        if self.i >= len(self.path):
            board.moving = None
            return True
        a = board.geo.point(*board.shown[self.player])
        b = board.geo.point(self.route, self.path[self.i])
        k = self.t / self.per
        lift = math.sin(k * math.pi) * board.L.token * 0.35
        board.moving = (self.player, (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k - lift))
        return False


class PlaceBeat(Beat):
    """The token is put on another space at once (a change of route)."""

    def __init__(self, player: int, route: str, position: int):
        self.player, self.route, self.position = player, route, position

    def begin(self, board):
        board.shown[self.player] = (self.route, self.position)


class OverlayBeat(Beat):
    """Shows an overlay screen and waits until it is closed (it sets `done`)."""
    blocking = True

    def __init__(self, player: Optional[int], make):
        self.player, self.make, self.done = player, make, False

    def begin(self, board):
        if self.player is not None:
            board.focus = self.player
        scene = self.make(board, self)
        board.app.push(scene)

    def step(self, board, dt):
        return self.done


def beats_for(board, events) -> list[Beat]:
    """What the board shows for the events one action caused, in order."""
    from game.ui.scenes.card import FeedbackScene, MessageScene
    from game.ui.scenes.outcome import OutcomeScene
    app = board.app
    pack = app.pack
    out: list[Beat] = []
    for k, ev in enumerate(events):
        kind = type(ev)
        if kind is TurnStarted:
            out.append(FocusBeat(ev.player, True))
        elif kind is TurnLost:
            out.append(LostTurnBeat(ev.player, ev.left))
        elif kind is TurnSkipped:
            name = app.player_name(board.game.journeys[ev.player])
            out.append(ToastBeat(tr("turn_skipped", name=name)))
        elif kind is Rolled:
            out.append(DiceBeat(ev.player, ev.value))
        elif kind is Moved:
            out.append(WalkBeat(ev.player, ev.route, ev.path))
        elif kind is RouteChanged:
            out.append(PlaceBeat(ev.player, ev.route, ev.position))
        elif kind is CheckpointPassed:
            out.append(ToastBeat(tr("checkpoint_passed")))
        elif kind is CheckpointHeld:
            docs = ", ".join(app.text(pack.document(d).name) for d in ev.missing)
            out.append(OverlayBeat(ev.player, lambda b, beat, d=docs: MessageScene(
                b.app, beat, tr("checkpoint_held", docs=d), "checkpoint",
                title=tr("checkpoint"))))
        elif kind is SafeSpace:
            msg = tr(f"safe_{ev.place}")
            if ev.risk < 0:         # only when it really went down (not from 0)
                msg += " " + tr("safe_risk_down", n=-ev.risk)
            if ev.contact:
                msg += "\n" + tr("contact_learned", name=app.text(pack.contact(ev.contact).name))
            out.append(OverlayBeat(ev.player, lambda b, beat, m=msg, p=ev.place: MessageScene(
                b.app, beat, m, "safe", title=tr(f"safe_place_{p}"))))
        elif kind is NoChoiceOffered:
            title = app.text(pack.card(ev.card).title)
            out.append(OverlayBeat(ev.player, lambda b, beat, t=title: MessageScene(
                b.app, beat, tr("no_choice"), "warning", title=t)))
        elif kind is NothingToDraw:
            out.append(OverlayBeat(ev.player, lambda b, beat: MessageScene(
                b.app, beat, tr("nothing_to_draw"), "info")))
        elif kind is Chose:
            effects = next((e for e in events[k + 1:] if type(e) is EffectsApplied
                            and e.player == ev.player), None)
            route = next((e.route for e in events[k + 1:] if type(e) is RouteChanged
                          and e.player == ev.player), None)
            out.append(OverlayBeat(ev.player, lambda b, beat, c=ev, fx=effects, r=route:
                                   FeedbackScene(b.app, beat, c, fx, r)))
        elif kind is JourneyEnded and ev.outcome is not None:
            out.append(OverlayBeat(ev.player, lambda b, beat, e=ev: OutcomeScene(b.app, beat, e)))
    return out
