"""What a facilitator sets and hears: remembered settings, read-aloud, messages.

The window (`App`) makes one `Classroom` at start. It loads the remembered
settings (`game.session.settings`) from `--save-dir` or the user's config
folder, lets the command line override them for this run (`--lang`,
`--fullscreen`, `--speed`, `--mute`), and keeps the messages the title screen
shows (a broken settings file, broken saves set aside). Read-aloud goes
through `game.session.speech.Speaker`, made on first use so start-up never
waits for it: R reads what is on show, any other key or click stops it, and
with the setting on, each new card and feedback is read when it appears.
Nothing here blocks the loop and nothing here changes game state.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from game.ui.app import App

SPEEDS = (0.5, 1.0, 2.0)          # the animation speeds offered on the settings screen
VOLUME_STEP = 0.1


class Classroom:
    def __init__(self, app: "App"):
        from game.session.settings import Settings
        self.app = app
        options = app.options
        self.settings, notice = Settings.load(getattr(options, "save_dir", None))
        self.notices: list = [notice] if notice is not None else []
        self._speaker = None
        self.engine = None           # tests: a FakeEngine to read with

        s = self.settings
        # the command line wins for this run; the settings file keeps its values
        self.lang = options.lang or s.language
        self.fullscreen = bool(options.fullscreen) or s.fullscreen
        self.mute = bool(options.mute) or s.mute
        if options.speed:
            self.speed: Optional[float] = options.speed
        else:
            self.speed = None if options.autoplay else s.animation_speed
        self.text_scale = s.text_scale

    # -- settings ------------------------------------------------------------
    def remember(self, **changes) -> None:
        """Change settings and write them at once; a failure becomes a message."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        notice = self.settings.save()
        if notice is not None:
            self.notices.append(notice)
            print(f"warning: {notice.text('en')}", file=sys.stderr)

    def take_notices(self) -> list[str]:
        """Messages for the title screen, in the UI language; each is shown once."""
        out = [n.text(self.app.lang) for n in self.notices]
        self.notices = []
        store = getattr(self.app, "session_store", None)
        if store is not None:
            try:
                out += [n.text(self.app.lang) for n in store.take_notices()]
            except Exception as exc:  # a message must never stop the class
                print(f"warning: {exc}", file=sys.stderr)
        return out

    # -- read-aloud --------------------------------------------------------------
    @property
    def speaker(self):
        if self._speaker is None:
            from game.session.speech import Speaker
            if self.engine is not None:
                self._speaker = Speaker(self.engine)
            else:
                self._speaker = Speaker()
            self._speaker.volume = self.volume_heard()
        return self._speaker

    def volume_heard(self) -> float:
        return 0.0 if self.app.sounds.muted else self.settings.volume

    def speech_status(self) -> str:
        return self.speaker.status(self.app.lang)

    def read(self, scene=None) -> bool:
        """Read aloud what `scene` (default: the top screen) shows; False if nothing."""
        scene = scene if scene is not None else self.app.top
        got = speech_for(self.app, scene)
        if not got:
            return False
        text, lang = got
        self.speaker.volume = max(self.volume_heard(), 0.0)
        return self.speaker.say(text, lang)

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def shown(self, scene) -> None:
        """A screen has just appeared: read it when read-aloud is on."""
        if not self.settings.read_aloud or self.app.bot is not None:
            return
        if getattr(scene, "name", "") in ("card", "feedback"):
            self.read(scene)

    def handle_key(self, event) -> bool:
        return handle_key(self.app, event)

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()


def text_language(app, value) -> str:
    """The language `app.text(value)` shows: the UI's if the text has it, else the
    pack's first language the text has."""
    if not value or app.lang in value:
        return app.lang
    if app.pack is not None:
        for code in app.pack.languages:
            if code in value:
                return code
    return next(iter(value))


def speech_for(app, scene) -> Optional[tuple[str, str]]:
    """(text, language) to read for a screen, or None when it has nothing to read."""
    from game.session.speech import card_speech, feedback_speech
    if scene is None or app.log is None:
        return None
    name = getattr(scene, "name", "")
    if name == "card":
        card = scene.card
        lang = text_language(app, card.text)
        return card_speech(card, lang, app.rules.offered(app.log.game)), lang
    if name == "feedback":
        lang = text_language(app, scene.choice.feedback or scene.choice.label)
        return feedback_speech(scene.choice, lang), lang
    if name == "pause":
        text = scene.spoken()
        return (text, scene.spoken_lang()) if text else None
    if name == "message":
        text = " ".join(t for t in (scene.title_text, scene.message) if t)
        return (text, app.lang) if text else None
    if name == "outcome" and scene.outcome is not None:
        o = scene.outcome
        lang = text_language(app, o.title)
        return " ".join(x for x in (app.player_name(scene.journey) + ".", app.text(o.title) + ".",
                                    app.text(o.debrief)) if x), lang
    return None


# -- the facilitator's keys, wherever the game is --------------------------------------

def board_of(app):
    return next((s for s in app.scenes if getattr(s, "name", "") == "board"), None)


def handle_key(app, event) -> bool:
    """R reads aloud, P pauses for discussion, Ctrl+Z undoes (from any game screen,
    and from the debrief back into the game). True when the key was used."""
    import pygame
    key, top = event.key, app.top
    if key == pygame.K_r and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        app.classroom.read()
        return True
    app.classroom.stop()
    name = getattr(top, "name", "")
    board = board_of(app)
    if key == pygame.K_p and name != "pause" and board is not None \
            and name not in ("settings", "help", "remove"):
        app.pause()
        return True
    if key == pygame.K_z and event.mod & pygame.KMOD_CTRL and name != "pause":
        if board is not None:
            board.undo()
            return True
        if name == "debrief" and app.log is not None and app.log.can_undo():
            app.log.undo()                    # a mis-clicked "End game": back into it
            app.on_action(app.log)
            app.resume_game(app.log)
            return True
    return False
