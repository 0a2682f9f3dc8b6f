"""The game window: the loop, the screen stack, input, autoplay, screenshots.

The loop waits for events while nothing moves (close to zero CPU) and runs
at 60 frames a second while something is animated. The window is given one
`game.session.Session` (saves, reports, settings, speech); after every change
of the game log a screen calls `App.on_action(log)`, which hands the log to
the session (autosave, and the report when the game is over). When saving
stops working, a banner says so on the game screens at once (once), and again
once when it works again (game.ui.scenes.save_notice).
"""
from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from typing import Optional

import pygame

from game.localise import money, pick, set_language, text_language, tr
from game.names import display_name
from game.paths import LOCALISATION
from game.session import Session
from game.ui.layout import Layout
from game.ui.scenes.menu import facilitator_key
from game.ui.read_aloud import ReadAloud
from game.ui.text import clear_caches
from game.ui.theme import gui_theme, palette
from game.ui.widgets import Button, ButtonGroup, dim, draw_menu_icon, draw_speaker_icon

IDLE_WAIT_MS = 500          # the longest the loop sleeps when nothing happens
FPS = 60


class NoSound:
    """Stands in for game.ui.sound.Sounds when there is no audio device."""
    muted = True

    def play(self, name: str) -> None:
        pass

    def toggle_mute(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass


def _make_sounds(enabled: bool):
    from game.ui.sound import Sounds
    try:
        return Sounds(enabled)
    except Exception:  # no audio device, mixer failure: play silently
        return NoSound()


class Bot:
    """Autoplay: presses what a player would press, through real input events
    (keys, mouse clicks and finger taps in turn), choosing by policy."""

    def __init__(self, seed: int, speed: Optional[float]):
        self.rng = random.Random(seed)
        self.delay = 0.0 if speed is None else 0.6 / speed
        self.mode = 0
        self.wait = 0.0
        self.actions = 0

    def choose(self, rules, game) -> int:
        from game.sim import bot_choice
        return bot_choice(rules, game, "random", self.rng)

    def events_for(self, target, size) -> list[pygame.event.Event]:
        """The input events that press `target` (a Button or a key)."""
        self.actions += 1
        if isinstance(target, int):
            return [pygame.event.Event(pygame.KEYDOWN, key=target, mod=0, unicode="",
                                       scancode=0),
                    pygame.event.Event(pygame.KEYUP, key=target, mod=0, unicode="",
                                       scancode=0)]
        self.mode = (self.mode + 1) % 3
        pos = target.rect.center
        if self.mode == 0 and getattr(target, "key", None) is not None:
            return self.events_for(target.key, size)
        if self.mode == 1:
            w, h = size
            x, y = pos[0] / w, pos[1] / h
            common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)
            return [pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, **common),
                    pygame.event.Event(pygame.FINGERUP, x=x, y=y, **common)]
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]


PREFERRED_WINDOW = (1280, 800)
DESKTOP_MARGIN = (40, 90)      # room for the window's frame and the task bar


def fitting_window(desktops) -> tuple[tuple[int, int], bool]:
    """A window size that fits the desktop, and whether the screen is so small
    (a 1024x768 projector) that the game should start fullscreen."""
    if not desktops:
        return PREFERRED_WINDOW, False
    w, h = desktops[0]
    room = (w - DESKTOP_MARGIN[0], h - DESKTOP_MARGIN[1])
    if room[0] >= PREFERRED_WINDOW[0] and room[1] >= PREFERRED_WINDOW[1]:
        return PREFERRED_WINDOW, False
    small = h <= 800 or w <= 1100
    scale = min(room[0] / PREFERRED_WINDOW[0], room[1] / PREFERRED_WINDOW[1])
    size = (max(640, round(PREFERRED_WINDOW[0] * scale)), max(480, round(PREFERRED_WINDOW[1] * scale)))
    return size, small


class App:
    """The window. `options` is what the play command was asked for (a
    `game.commands.play.PlayOptions`); `session` keeps what lasts between runs."""

    def __init__(self, options, session: Session):
        self.options = options
        self.session = session
        if options.text_size:
            session.remember(text_size=options.text_size)
        settings = session.settings
        # the command line wins for this run; the settings file keeps its values
        self.lang = options.lang or settings.language
        self.fullscreen = bool(options.fullscreen) or settings.fullscreen
        if options.speed:
            self.speed: Optional[float] = options.speed
        else:
            self.speed = None if options.autoplay else settings.animation_speed
        self.text_scale = settings.text_scale
        self.windowed_size = tuple(options.size) if options.size else None
        self.read_aloud = ReadAloud(self)
        self.chrome = ButtonGroup(vertical=False)   # menu and read-aloud, on every screen
        self._chrome_for = None
        self.running = True
        self.exit_code = 0
        self.scenes: list = []
        self.serial = 0             # bumped at every screen change (screenshots)
        self.shot_serial = -1
        self.shots = 0
        self.frames = 0
        self.dirty = True
        self.log = None             # GameLog of the game being played
        self.rules = None
        self.pack = None
        self.pack_ref = options.pack
        self.bot = Bot(options.seed if options.seed is not None else 0, options.speed) \
            if options.autoplay else None
        self.finished_debrief = False
        self.banner: Optional[str] = None   # the banner over the top band (save_notice)
        self.messages: list[str] = []       # messages waiting for the facilitator
        self._banner_gone_at: Optional[float] = None   # when "saved again" goes
        self.seed = options.seed if options.seed is not None else random.randrange(1 << 31)

        pygame.display.init()
        pygame.font.init()
        if self.windowed_size is None:
            self.windowed_size, small = fitting_window(pygame.display.get_desktop_sizes())
            self.fullscreen = self.fullscreen or small
        clear_caches()
        pygame.display.set_caption("Mimpi Perantau — Traveller's Dream")
        self._set_mode()
        self.sounds = _make_sounds(not (options.mute or settings.mute))
        self.apply_volume()
        self.manager = None
        self._make_manager()

    # -- window -------------------------------------------------------------
    def _set_mode(self) -> None:
        if self.fullscreen:
            self.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.L = Layout(*self.screen.get_size(), self.text_scale)

    def _make_manager(self) -> None:
        import pygame_gui
        self.manager = pygame_gui.UIManager(
            self.screen.get_size(), gui_theme(self.L), starting_language=self.lang,
            translation_directory_paths=[str(LOCALISATION)])
        self.manager.set_locale(self.lang)
        set_language(self.lang)

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.screen.get_size()
        self.fullscreen = not self.fullscreen
        self._set_mode()
        self.resized()

    def resized(self) -> None:
        size = self.screen.get_size()
        if (self.L.width, self.L.height) != size:
            self.L = Layout(*size, self.text_scale)
        for scene in self.scenes:
            scene.on_exit_gui() if hasattr(scene, "on_exit_gui") else None
        self._make_manager()
        for scene in self.scenes:
            scene.layout()
        self.dirty = True
        self.serial += 1

    def set_text_scale(self, scale: float) -> None:
        """Body text this much bigger than normal (settings: text size)."""
        self.text_scale = scale
        self.L = Layout(*self.screen.get_size(), scale)
        self.resized()

    def apply_volume(self) -> None:
        self.sounds.set_volume(self.session.settings.volume)

    def set_language(self, code: str) -> None:
        self.lang = code
        self.manager.set_locale(code)
        set_language(code)
        for scene in self.scenes:
            scene.layout()
        self.dirty = True
        self.serial += 1

    # -- the session ------------------------------------------------------------
    def on_action(self, log) -> None:
        """Called after every applied action (and after undo): autosave, report."""
        self.session.game_changed(log, self.lang)
        self.save_news()

    def save_news(self) -> None:
        """Saving stopped working, or works again: the banner says so, once."""
        from game.ui.scenes.save_notice import OK, OK_SECONDS, WARNING
        for news in self.session.take_save_news():
            if news.key == "save.saved-again":
                self.banner = OK
                self._banner_gone_at = None      # counted from when it is in view
            else:
                self.banner = WARNING
            self.changed()

    def carry_notices(self, texts: list[str]) -> None:
        """Messages for the facilitator shown on the game screens (a banner to tap)."""
        from game.ui.scenes.save_notice import INFO
        texts = [t for t in texts if t and t not in self.messages]
        if texts:
            self.messages += texts
            if self.banner is None:
                self.banner = INFO
            self.changed()

    def open_save_notice(self) -> None:
        """The banner tapped (or the menu's "Save folder"): what happened, and
        other folders to save in."""
        from game.ui.scenes.save_notice import SaveNoticeScene
        if self.top is not None and self.top.name == "menu":
            self.pop(self.top)               # from the menu: in its place
        if self.top is None or self.top.name != SaveNoticeScene.name:
            self.push(SaveNoticeScene(self))

    # -- content -----------------------------------------------------------------
    def text(self, value, fallback: str = "") -> str:
        """Pack text in the UI language, else in the pack's own first language."""
        return pick(value, self.lang, self.pack.languages if self.pack else (), fallback)

    def text_language(self, value) -> str:
        """The language `text(value)` shows."""
        return text_language(value, self.lang, self.pack.languages if self.pack else ())

    def money(self, amount: int) -> str:
        """Thousands of rupiah as words: Rp 1,5 juta / Rp 500 ribu."""
        return money(amount, self.lang)

    def player_name(self, journey) -> str:
        """The name shown (a name with nothing visible, as a hand-edited save may
        hold, shows as the default)."""
        return display_name(journey.name, tr("player_default", n=journey.player + 1))

    # -- screens ------------------------------------------------------------------
    @property
    def top(self):
        return self.scenes[-1] if self.scenes else None

    def push(self, scene) -> None:
        self.scenes.append(scene)
        scene.layout()
        scene.on_enter()
        self.changed()
        self.read_aloud.shown(scene)

    def pop(self, scene=None) -> None:
        if not self.scenes:
            return
        if scene is not None and scene in self.scenes:
            self.scenes.remove(scene)
            scene.on_exit()
        else:
            self.scenes.pop().on_exit()
        self.changed()

    def replace_all(self, scene) -> None:
        while self.scenes:
            self.scenes.pop().on_exit()
        self.push(scene)

    def changed(self) -> None:
        """The screen shows something new: redraw, and take a screenshot."""
        self.serial += 1
        self.dirty = True
        self._chrome_for = None

    # -- the menu and read-aloud buttons, on every screen ----------------------------
    def layout_chrome(self) -> None:
        """The menu button (the facilitator's menu) and, when the screen has
        something to read, the speaker button, in `L.chrome`."""
        from game.ui.read_aloud import words_for
        top = self.top
        key = (id(top), self.L, self.lang, top.name if top else "", self.banner)
        if self._chrome_for == key:
            return
        self._chrome_for = key
        self.chrome.clear()
        from game.ui.scenes.save_notice import banner_for
        banner = banner_for(self)
        if banner is not None:
            self.chrome.add(banner)
        r, size = self.L.chrome, self.L.chrome_text
        speaker_w = round(r.height * 1.2)
        menu = pygame.Rect(r.x + speaker_w + self.L.pad, r.y, r.width - speaker_w - self.L.pad,
                           r.height)
        self.chrome.add(Button(menu, tr("menu_button"), self.toggle_menu, "secondary",
                               size=size, name="menu", icon=draw_menu_icon))
        if top is not None and top.name != "title" and words_for(self, top):
            self.chrome.add(Button(pygame.Rect(r.x, r.y, speaker_w, r.height), "",
                                   self.read_aloud.read, "secondary", size=size,
                                   name="speaker", icon=draw_speaker_icon))

    def toggle_menu(self) -> None:
        """The menu button: open the facilitator's menu, or close it."""
        from game.ui.scenes.menu import MenuScene
        if isinstance(self.top, MenuScene):
            self.pop(self.top)
        else:
            self.push(MenuScene(self, self.board()))

    def go_title(self) -> None:
        from game.ui.scenes.title import TitleScene
        self.log = None
        self.replace_all(TitleScene(self))

    def start_game(self, names: list[str]) -> None:
        from game.engine.log import GameLog
        from game.engine.rules import Rules
        from game.ui.scenes.board import BoardScene
        self.rules = Rules(self.pack, self.options.length)
        self.log = GameLog(self.rules, names, self.seed)
        self.on_action(self.log)
        self.replace_all(BoardScene(self))
        self.carry_notices(self.session.take_notices(self.lang))

    def resume_game(self, log) -> None:
        from game.ui.scenes.board import BoardScene
        self.log, self.rules, self.pack = log, log.rules, log.rules.pack
        self.replace_all(BoardScene(self))
        self.carry_notices(self.session.take_notices(self.lang))

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    # -- input ------------------------------------------------------------------------
    def _translate(self, event: pygame.event.Event) -> Optional[pygame.event.Event]:
        """Touch becomes mouse; SDL's own mouse copies of touches are dropped."""
        if event.type in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            w, h = self.screen.get_size()
            pos = (round(event.x * w), round(event.y * h))
            if event.type == pygame.FINGERDOWN:
                return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1,
                                          from_touch=True)
            if event.type == pygame.FINGERUP:
                return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1,
                                          from_touch=True)
            return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                      buttons=(1, 0, 0), from_touch=True)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION) \
                and getattr(event, "touch", False):
            return None
        return event

    def typing(self) -> bool:
        """A name box has the keyboard: letters are text, not shortcuts."""
        top = self.top
        return top is not None and top.typing()

    def handle(self, event: pygame.event.Event) -> None:
        event = self._translate(event)
        if event is None:
            return
        self.dirty = True
        if event.type == pygame.QUIT:
            self.quit(0)
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.fullscreen and event.type == pygame.VIDEORESIZE:
                self.windowed_size = (max(320, event.w), max(240, event.h))
            if self.screen.get_size() != (self.L.width, self.L.height):
                self.resized()
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F1 or (not self.typing() and event.key == pygame.K_h):
                self.show_help()
                return
            if not self.typing() and event.key == pygame.K_m:
                self.toggle_mute()
                return
            if not self.typing() and facilitator_key(self, event):
                return     # R read aloud, P pause, Ctrl+Z undo; any other key stops reading
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self.read_aloud.stop()
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            self.layout_chrome()
            on_chrome = any(b.rect.collidepoint(event.pos) for b in self.chrome.buttons)
            for b in self.chrome.buttons:
                if b.handle(event):
                    return
            if on_chrome and event.type != pygame.MOUSEMOTION:
                return
        if self.manager is not None:
            self.manager.process_events(event)
        if self.top is not None:
            self.top.handle_event(event)

    def pause(self) -> None:
        """Pause for discussion: the card's question, large; nothing moves until resumed."""
        from game.ui.scenes.pause import PauseScene
        if not isinstance(self.top, PauseScene):
            self.push(PauseScene(self))

    def show_settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene
        if not isinstance(self.top, SettingsScene):
            self.push(SettingsScene(self))

    def show_help(self) -> None:
        from game.ui.scenes.help import HelpScene
        if not isinstance(self.top, HelpScene):
            self.push(HelpScene(self))

    def toggle_mute(self) -> None:
        self.sounds.toggle_mute()
        board = self.board()
        if board is not None:
            board.toast(tr("muted") if self.sounds.muted else tr("unmuted"))

    def board(self):
        """The board screen, wherever it is in the stack (None outside a game)."""
        return next((s for s in self.scenes if s.name == "board"), None)

    # -- drawing ---------------------------------------------------------------------
    def draw(self) -> None:
        surface = self.screen
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        if not self.scenes or not self.scenes[start].opaque:
            surface.fill(palette().background)
        for i, scene in enumerate(self.scenes[start:], start):
            if scene.modal_dim and i == len(self.scenes) - 1:
                dim(surface, palette().dim)
            scene.draw(surface)
        self.manager.draw_ui(surface)
        self.layout_chrome()
        self.chrome.draw(surface)

    def screenshot(self) -> None:
        folder = Path(self.options.screenshots)
        folder.mkdir(parents=True, exist_ok=True)
        self.shots += 1
        name = self.top.shot_name or self.top.name
        pygame.image.save(self.screen, str(folder / f"{self.shots:04d}-{name}.png"))

    # -- the loop ------------------------------------------------------------------------
    def start(self) -> None:
        self.go_title()
        if self.options.resume:
            self.top.resume(auto=True)   # the title screen asks about a changed pack
            loaded = self.session.loaded
            if self.options.autoplay and loaded is not None and loaded.problem is not None \
                    and loaded.problem.key == "save.in-use":
                self.exit_code = 1       # the bots must not start another game instead
                self.running = False
        self._animating = True
        self._guard = 0
        self._last = time.perf_counter()
        self._clock = pygame.time.Clock()

    def tick(self, wait: bool = True) -> bool:
        """One pass of the loop: input, animation, drawing. False when done."""
        frames_limit = self.options.frames
        busy = self._animating or self.dirty or self.bot is not None \
            or frames_limit is not None or not wait
        if busy:
            events = pygame.event.get()
        else:
            events = [pygame.event.wait(IDLE_WAIT_MS)]
            events += pygame.event.get()
            events = [e for e in events if e.type != pygame.NOEVENT]
        for event in events:
            self.handle(event)
            if not self.running:
                return False
        now = time.perf_counter()
        dt = min(0.1, now - self._last)
        self._last = now
        animating = False
        frozen = max((i for i, s in enumerate(self.scenes)
                      if s.freeze_below), default=0)
        for scene in list(self.scenes[frozen:]):   # under a pause, nothing moves
            if scene in self.scenes and scene.update(dt):
                animating = True
        self._animating = animating
        if self.banner == "ok" and any(b.name == "save-banner" for b in self.chrome.buttons):
            from game.ui.scenes.save_notice import OK_SECONDS
            if self._banner_gone_at is None:
                self._banner_gone_at = now + OK_SECONDS
            elif now >= self._banner_gone_at:
                self.banner = None           # "saved again" goes by itself, once seen
                self.changed()
        self.manager.update(dt)
        if animating or self.dirty or frames_limit is not None:
            self.draw()
            pygame.display.flip()
            self.frames += 1
            self.dirty = False
        if self.options.screenshots and self.shot_serial != self.serial and not animating:
            self.shot_serial = self.serial
            self.screenshot()
        if frames_limit is not None and self.frames >= frames_limit:
            return False
        if self.bot is not None:
            if self.finished_debrief and not animating:
                return False
            if not animating and not events:
                self._bot_step(dt)
            self._guard += 1
            if self._guard > 200000:
                print("autoplay: the game did not reach the debrief", file=sys.stderr)
                self.exit_code = 1
                return False
        if self.speed is not None and (animating or self.bot is not None):
            self._clock.tick(FPS)
        return True

    def run(self) -> int:
        self.start()
        while self.running and self.tick():
            pass
        if self.options.autoplay or self.options.screenshots:
            self._say_overflows()
        return self.exit_code

    @staticmethod
    def _say_overflows() -> None:
        """After an autoplay or a screenshot run: every text that did not fit its box,
        once each, on stderr (what a look at the screenshots would find)."""
        from game.ui import text as ui_text
        seen = list(dict.fromkeys((what, text) for what, text, _ in ui_text.OVERFLOWS))
        for what, text in seen[:20]:
            print(f"warning: text did not fit ({what}): {text[:80]!r}", file=sys.stderr)
        if len(seen) > 20:
            print(f"warning: ... and {len(seen) - 20} more texts that did not fit",
                  file=sys.stderr)

    def _bot_step(self, dt: float) -> None:
        bot = self.bot
        if pygame.event.peek():
            return
        bot.wait += dt
        if bot.wait < bot.delay:
            return
        target = self.top.bot_target(bot) if self.top is not None else None
        if target is None:
            return
        bot.wait = 0.0
        for event in bot.events_for(target, self.screen.get_size()):
            pygame.event.post(event)


def run(options) -> int:
    """Open the window and play; the exit code (0 when all went well)."""
    if options.autoplay and options.players is None:
        options.players = ["", "", ""]
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.memory import limit_heap_growth
    limit_heap_growth()
    session = Session(options.save_dir)
    app = App(options, session)
    try:
        return app.run()
    finally:
        session.close()
        pygame.quit()
