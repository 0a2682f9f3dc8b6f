"""Read-aloud on screen: what each screen says aloud, and when.

The voice itself belongs to the session (`game.session.Session.speaker`); this
decides the words. R reads what is on show, any other key or click stops it,
and with the setting on, each new card and feedback is read when it appears.
Nothing here blocks the loop and nothing here changes game state.
"""
from __future__ import annotations

from typing import Optional


class ReadAloud:
    def __init__(self, app):
        self.app = app

    @property
    def speaker(self):
        return self.app.session.speaker

    def volume_heard(self) -> float:
        return 0.0 if self.app.sounds.muted else self.app.session.settings.volume

    def status(self) -> str:
        """For the settings screen: which voice reads, or that none can."""
        return self.speaker.status(self.app.lang)

    def read(self, scene=None) -> bool:
        """Read aloud what `scene` (default: the top screen) shows; False if nothing."""
        scene = scene if scene is not None else self.app.top
        got = words_for(self.app, scene)
        if not got:
            return False
        text, lang = got
        self.speaker.volume = self.volume_heard()
        return self.speaker.say(text, lang)

    def stop(self) -> None:
        self.app.session.stop_speaking()

    def shown(self, scene) -> None:
        """A screen has just appeared: read it when read-aloud is on."""
        if not self.app.session.settings.read_aloud or self.app.bot is not None:
            return
        if scene.name in ("card", "feedback"):
            self.read(scene)


def words_for(app, scene) -> Optional[tuple[str, str]]:
    """(text, language) to read for a screen, or None when it has nothing to read."""
    from game.session.speech import card_speech, feedback_speech
    if scene is None or app.log is None:
        return None
    name = scene.name
    if name == "card":
        card = scene.card
        lang = app.text_language(card.text)
        return card_speech(card, lang, app.rules.offered(app.log.game)), lang
    if name == "feedback":
        lang = app.text_language(scene.choice.feedback or scene.choice.label)
        return feedback_speech(scene.choice, lang), lang
    if name == "pause":
        text = scene.spoken()
        return (text, scene.spoken_lang()) if text else None
    if name == "message":
        text = " ".join(t for t in (scene.title_text, scene.message) if t)
        return (text, app.lang) if text else None
    if name == "debrief":
        text = scene.said
        return (text, app.lang) if text else None
    if name == "outcome" and scene.outcome is not None:
        o = scene.outcome
        lang = app.text_language(o.title)
        return " ".join(x for x in (app.player_name(scene.journey) + ".", app.text(o.title) + ".",
                                    app.text(o.debrief)) if x), lang
    return None
