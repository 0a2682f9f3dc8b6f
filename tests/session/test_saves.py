"""Autosave and resume: every step resumes to the same game; broken files are set
aside with a message and never raise; a changed pack is reported."""
from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.content.validate import load_pack
from game.engine.actions import Roll
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.session.files import BROKEN_MARK
from game.session.saves import (FORMAT, VERSION, SaveStore, pack_hash, parse_save,
                                BrokenSave)
from game.session.notices import Notice
from tests.engine.packs import card, choice, make_pack
from tests.session.games import play, random_action, rich_pack, step, write_pack

ROOT = Path(__file__).resolve().parents[2]


def fast(examples: int):
    return settings(max_examples=examples, deadline=None, suppress_health_check=[
        HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def events_json(log: GameLog):
    return [[e.to_json() for e in batch] for batch in log.events]


def assert_same_game(a: GameLog, b: GameLog) -> None:
    assert b.game.to_json() == a.game.to_json()
    assert [x.to_json() for x in b.actions] == [x.to_json() for x in a.actions]
    assert events_json(b) == events_json(a)
    assert b.names == a.names and b.seed == a.seed


def broken_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if BROKEN_MARK in p.name)


# -- the pack's hash -----------------------------------------------------------------------

def test_pack_hash_follows_the_card_files_not_the_assets(tmp_path):
    folder = write_pack(tmp_path)
    (folder / "assets").mkdir()
    (folder / "assets" / "a.png").write_bytes(b"\x89PNG")
    first = pack_hash(folder)
    assert first == pack_hash(folder) and first.startswith("sha256:")
    (folder / "assets" / "a.png").write_bytes(b"\x89PNG changed")
    assert pack_hash(folder) == first
    card_file = folder / "cards" / "all.yaml"
    card_file.write_text(card_file.read_text(encoding="utf-8") + "\n# a comment\n",
                         encoding="utf-8")
    assert pack_hash(folder) != first
    second = pack_hash(folder)
    assert second != first
    (folder / "cards" / "more.yml").write_text("[]\n", encoding="utf-8")
    assert pack_hash(folder) not in (first, second)
    loaded = load_pack(folder).pack
    assert pack_hash(loaded) == pack_hash(folder)


def test_pack_hash_reads_only_the_files_the_pack_is_made_of(tmp_path):
    """Exactly game.paths.pack_files: what the validator skips, the hash skips."""
    folder = write_pack(tmp_path)
    first = pack_hash(folder)
    (folder / "cards" / ".draft.yaml").write_text("- id: hidden\n", encoding="utf-8")
    (folder / "cards" / "old").mkdir()
    (folder / "cards" / "old" / "retired.yaml").write_text("[]\n", encoding="utf-8")
    (folder / "cards" / "notes.txt").write_text("ideas\n", encoding="utf-8")
    assert pack_hash(folder) == first


def test_pack_hash_of_a_pack_built_in_code():
    assert pack_hash(rich_pack()) == pack_hash(rich_pack())
    assert pack_hash(rich_pack()) != pack_hash(rich_pack(max_turns=15))


# -- every step resumes to the same state ----------------------------------------------------

@fast(30)
@given(seed=st.integers(0, 2**64 - 1), rng_seed=st.integers(0, 10**6),
       players=st.integers(1, 4))
def test_a_save_written_at_every_step_resumes_to_the_same_game(tmp_path_factory, seed,
                                                               rng_seed, players):
    folder = tmp_path_factory.mktemp("saves")
    pack = rich_pack()
    rules = Rules(pack)
    store = SaveStore(folder)
    log = GameLog(rules, [f"P{i}" for i in range(players)], seed)
    rng = random.Random(rng_seed)
    for n in range(400):
        assert store.autosave(log, pack, "en") is None
        path = store.path_of(log)
        loaded = SaveStore(folder).load(path, Rules(pack))
        assert loaded is not None and loaded.log is not None
        assert not loaded.pack_changed and not loaded.replays_differently
        assert not loaded.needs_choice and loaded.problem is None
        assert_same_game(log, loaded.log)
        latest = store.latest()
        if log.game.over:
            assert latest is None
            break
        assert latest is not None and latest.path == path
        assert latest.actions == len(log.actions) and latest.names == log.names
        step(log, random_action(log, rng))
    assert store.take_notices() == []
    assert len(list((folder / "saves").iterdir())) == 1   # one file, replaced each time


def test_a_resumed_game_goes_on_saving_to_its_own_file(tmp_path):
    pack = rich_pack()
    rules = Rules(pack)
    store = SaveStore(tmp_path)
    log = GameLog(rules, ["Siti", "Budi"], 5)
    for _ in range(6):
        step(log, random_action(log, random.Random(len(log.actions)), facilitator=False))
        store.autosave(log, pack, "id")
    path = store.path_of(log)

    later = SaveStore(tmp_path)           # the game was closed and opened again
    info = later.latest()
    assert info.path == path and info.lang == "id" and info.title("en") == "Test"
    loaded = later.load(info.path, rules)
    resumed = loaded.log
    assert later.path_of(resumed) == path
    rng = random.Random(9)
    while not resumed.game.over:
        step(resumed, random_action(resumed, rng, facilitator=False))
        assert later.autosave(resumed, pack, "id") is None
    assert [p.name for p in (tmp_path / "saves").iterdir()] == [path.name]
    assert later.latest() is None               # finished: no longer offered to continue
    assert [s.path for s in later.saves()] == [path]
    assert later.saves()[0].over


def test_each_new_game_gets_its_own_file(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    logs = [GameLog(Rules(pack), ["A"], seed) for seed in range(3)]
    for log in logs:
        store.autosave(log, pack, "en")
    assert len({store.path_of(log) for log in logs}) == 3
    assert len(store.saves()) == 3


def test_the_newest_unfinished_game_is_the_one_to_continue(tmp_path):
    pack = rich_pack()
    rules = Rules(pack)
    store = SaveStore(tmp_path)
    old = GameLog(rules, ["Old"], 1)
    store.autosave(old, pack, "en")
    finished = play(rules, ["Done"], seed=2)
    store.autosave(finished, pack, "en")
    os.utime(store.path_of(old), (time.time() - 100, time.time() - 100))
    assert store.latest().path == store.path_of(old)
    new = GameLog(rules, ["New"], 3)
    store.autosave(new, pack, "en")
    assert store.latest().path == store.path_of(new)


def test_an_empty_or_missing_save_folder_has_nothing_to_continue(tmp_path):
    assert SaveStore(tmp_path / "nowhere").latest() is None
    assert SaveStore(tmp_path / "nowhere").saves() == []


def test_the_save_folder_defaults_to_the_user_data_folder(monkeypatch, tmp_path):
    import platformdirs
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    store = SaveStore(None)
    assert store.folder == tmp_path / "data" / "saves"
    assert store.reports == tmp_path / "data" / "reports"


# -- killed at any instant -------------------------------------------------------------------

KILLED_GAME = r"""
import random, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.session.saves import SaveStore
from tests.session.games import rich_pack, random_action, step
pack = rich_pack(max_turns=60)
rules = Rules(pack)
store = SaveStore(Path(sys.argv[1]))
rng = random.Random(int(sys.argv[3]))
game = 0
while True:
    log = GameLog(rules, ["A", "B", "C", "D"], game)
    while not log.game.over:
        step(log, random_action(log, rng))
        store.autosave(log, pack, "en")
        sys.stdout.write("."); sys.stdout.flush()
    game += 1
"""


def test_a_game_killed_at_any_instant_loads_without_loss(tmp_path):
    pack = rich_pack(max_turns=60)
    rules = Rules(pack)
    rng = random.Random(4)
    for attempt in range(6):
        folder = tmp_path / f"run{attempt}"
        child = subprocess.Popen([sys.executable, "-c", KILLED_GAME, str(folder), str(ROOT),
                                  str(attempt)], stdout=subprocess.PIPE)
        assert child.stdout.read(5) == b"....."         # it is saving
        time.sleep(rng.uniform(0.0, 0.3))
        child.kill()                                    # SIGKILL; TerminateProcess on Windows
        child.wait()
        store = SaveStore(folder)
        saves = store.saves()
        assert store.take_notices() == [], "a save was damaged by the kill"
        assert saves
        for info in saves:
            loaded = store.load(info.path, rules)
            assert loaded is not None and loaded.log is not None and not loaded.needs_choice
            assert len(loaded.log.actions) == info.actions
        assert not broken_files(folder / "saves")


# -- broken files are set aside, never raise ----------------------------------------------------

def small_save(tmp_path) -> tuple[SaveStore, Rules, bytes]:
    pack = make_pack(max_turns=3)
    rules = Rules(pack)
    store = SaveStore(tmp_path)
    log = GameLog(rules, ["A"], 1)
    for _ in range(2):
        log.apply(Roll()) if log.game.phase == "roll" else log.apply(
            random_action(log, random.Random(1), facilitator=False))
    store.autosave(log, pack, "en")
    path = store.path_of(log)
    data = path.read_bytes()
    path.unlink()
    return store, rules, data


def test_a_save_truncated_at_every_byte_offset_is_set_aside(tmp_path):
    store, rules, data = small_save(tmp_path)
    folder = store.folder
    path = folder / "cut.json"
    assert 500 < len(data) < 20_000
    for offset in range(len(data)):
        path.write_bytes(data[:offset])
        assert store.load(path, rules) is None, offset
        assert not path.exists()
        [moved] = broken_files(folder)
        assert moved.read_bytes() == data[:offset]
        [notice] = store.take_notices()
        assert notice.key == "save.broken"
        assert str(path) in notice.text("en") and str(moved) in notice.text("id")
        moved.unlink()
    path.write_bytes(data)
    loaded = store.load(path, rules)
    assert loaded is not None and loaded.log is not None


def test_truncated_saves_are_set_aside_by_continue_too(tmp_path):
    store, rules, data = small_save(tmp_path)
    for offset in range(0, len(data), 97):
        (store.folder / f"cut-{offset:05d}.json").write_bytes(data[:offset])
    assert store.latest() is None
    notices = store.take_notices()
    assert len(notices) == len(range(0, len(data), 97))
    assert all(n.key == "save.broken" for n in notices)
    assert [p for p in store.folder.iterdir() if p.suffix == ".json"] == []
    assert store.latest() is None and store.take_notices() == []   # said once


@fast(300)
@given(garbage=st.binary(max_size=3000))
def test_random_garbage_is_set_aside_without_a_crash(tmp_path_factory, garbage):
    folder = tmp_path_factory.mktemp("g")
    store = SaveStore(folder)
    rules = Rules(make_pack())
    store.folder.mkdir(parents=True)
    path = store.folder / "garbage.json"
    path.write_bytes(garbage)
    assert store.load(path, rules) is None
    assert not path.exists() and len(broken_files(store.folder)) == 1
    assert [n.key for n in store.take_notices()] == ["save.broken"]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=5), max_leaves=30)


@fast(300)
@given(data=st.data())
def test_damaged_saves_load_or_are_set_aside_never_raise(tmp_path_factory, data):
    """A real save with one part replaced by anything at all."""
    folder = tmp_path_factory.mktemp("d")
    pack = rich_pack()
    rules = Rules(pack)
    store = SaveStore(folder)
    log = play(rules, ["A", "B"], seed=data.draw(st.integers(0, 50)), limit=30)
    store.autosave(log, pack, "en")
    path = store.path_of(log)
    body = json.loads(path.read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(sorted(body) + ["actions.item", "pack.item",
                                                      "state.item", "bytes"]))
    if where == "bytes":
        raw = bytearray(path.read_bytes())
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
        path.write_bytes(bytes(raw))
    else:
        if where.endswith(".item"):
            part = body[where.split(".")[0]]
            keys = list(range(len(part))) if isinstance(part, list) else sorted(part)
            if not keys:
                return
            key = data.draw(st.sampled_from(keys))
        else:
            part, key = body, where
        part[key] = data.draw(JSON)
        path.write_text(json.dumps(body), encoding="utf-8")
    loaded = store.load(path, rules)
    if loaded is None:
        notices = [n.key for n in store.take_notices()]
        if notices == ["save.newer"]:       # kept for the newer game, not "broken"
            assert path.exists() and broken_files(store.folder) == []
        else:
            assert not path.exists() and len(broken_files(store.folder)) == 1
            assert notices == ["save.broken"]
    else:
        assert path.exists()
        assert loaded.log is not None or loaded.problem is not None


@pytest.mark.parametrize("content, why", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\x00garbage", "not-text"),
    (b'{"format": "travellers-dream-sa', "not-json"),
    (b"[1, 2, 3]", "foreign"),
    (b'{"hello": "world"}', "foreign"),
    (json.dumps({"format": FORMAT, "version": VERSION}).encode(), "fields"),
    (b"[" * 100_000 + b"]" * 100_000, "foreign"),
    (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "not-json"),
])
def test_what_is_wrong_with_a_file_is_said(tmp_path, content, why):
    with pytest.raises(BrokenSave) as caught:
        parse_save(content)
    assert caught.value.why in (why, "not-json")
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    path = store.folder / "x.json"
    path.write_bytes(content)
    assert store.load(path, Rules(make_pack())) is None
    [notice] = store.take_notices()
    assert isinstance(notice, Notice) and "x.json" in notice.text("id")


def test_a_save_whose_moves_do_not_replay_is_set_aside(tmp_path):
    pack = rich_pack()
    rules = Rules(pack)
    store = SaveStore(tmp_path)
    log = play(rules, ["A"], seed=3, limit=10)
    store.autosave(log, pack, "en")
    path = store.path_of(log)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["actions"].append({"type": "choose", "index": 3})
    body["actions"].append({"type": "remove-player", "player": 7})
    path.write_text(json.dumps(body), encoding="utf-8")
    assert store.load(path, rules) is None
    assert store.take_notices()[0].args["why"] == "replay"


def test_a_file_that_cannot_be_moved_aside_is_reported_once_and_skipped(tmp_path, monkeypatch):
    import game.session.saves as saves
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "bad.json").write_bytes(b"nonsense")

    def refuse(path):
        raise PermissionError("read-only folder")
    monkeypatch.setattr(saves, "set_aside", refuse)
    assert store.latest() is None
    [notice] = store.take_notices()
    assert notice.key == "save.broken-kept" and "read-only folder" in notice.text("en")
    assert store.latest() is None and store.take_notices() == []


def test_half_written_temporaries_are_cleaned_up(tmp_path):
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    stale = store.folder / "x.json.tmp-123"
    stale.write_bytes(b"{half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = store.folder / "y.json.tmp-456"     # perhaps another game writing right now
    fresh.write_bytes(b"{half")
    assert store.latest() is None and store.take_notices() == []
    assert not stale.exists() and fresh.exists()


# -- a changed pack, another pack ----------------------------------------------------------------

def test_a_changed_pack_is_reported_and_the_facilitator_chooses(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["A", "B"], seed=8, limit=12)
    store.autosave(log, pack, "en")
    changed = _retitled(rich_pack(), "Test, second edition")
    loaded = store.load(store.path_of(log), Rules(changed))
    assert loaded.pack_changed and loaded.needs_choice and loaded.log is not None
    assert loaded.problem.key == "save.pack-changed"
    assert "Test, second edition" in loaded.problem.text("en")
    assert_same_game(log, loaded.log)
    assert store.path_of(log).exists() and not broken_files(store.folder)


def _retitled(pack, title):
    return dataclasses.replace(pack, title={"en": title})


def test_a_changed_pack_the_game_no_longer_fits_is_not_set_aside(tmp_path):
    pack = rich_pack(max_turns=40)
    rules = Rules(pack)
    store = SaveStore(tmp_path)
    log = play(rules, ["A", "B", "C"], seed=2, limit=40)
    store.autosave(log, pack, "en")
    smaller = make_pack([card("only", "recruitment", "any", [choice(True)])], max_turns=40)
    loaded = store.load(store.path_of(log), Rules(smaller))
    assert loaded is not None and loaded.log is None and loaded.pack_changed
    assert loaded.problem.key == "save.does-not-replay"
    assert store.path_of(log).exists() and not broken_files(store.folder)


def test_a_save_of_another_pack_is_refused_and_kept(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = GameLog(Rules(pack), ["A"], 1)
    store.autosave(log, pack, "en")
    other = dataclasses.replace(make_pack(), id="other")
    loaded = store.load(store.path_of(log), Rules(other))
    assert loaded.log is None and loaded.problem.key == "save.other-pack"
    assert store.path_of(log).exists()


def test_a_game_that_replays_differently_is_flagged(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["A"], seed=4, limit=8)
    store.autosave(log, pack, "en")
    path = store.path_of(log)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["state"]["journeys"][0]["money"] += 1
    path.write_text(json.dumps(body), encoding="utf-8")
    loaded = store.load(path, Rules(pack))
    assert loaded.log is not None and loaded.replays_differently and loaded.needs_choice
    assert loaded.problem.key == "save.replays-differently"


# -- resume: finding the pack ------------------------------------------------------------------

def test_resume_finds_the_pack_by_its_folder_then_by_its_id(tmp_path):
    first = write_pack(tmp_path / "elsewhere")
    scenarios = tmp_path / "scenarios"
    write_pack(scenarios)
    pack = load_pack(first).pack
    rules = Rules(pack)
    store = SaveStore(tmp_path / "data")
    log = play(rules, ["Siti", "Budi"], seed=6, limit=10)
    store.autosave(log, pack, "id")
    loaded = store.resume_latest(scenarios)
    assert loaded.log is not None and not loaded.needs_choice
    assert loaded.pack.path == pack.path
    assert_same_game(log, loaded.log)

    import shutil
    shutil.rmtree(first)                          # the pack folder moved away
    loaded = store.resume(store.path_of(log), scenarios)
    assert loaded.log is not None and Path(loaded.pack.path) == (scenarios / "tiny").resolve()
    assert not loaded.pack_changed                # same files, same hash
    assert_same_game(log, loaded.log)

    loaded = store.resume(store.path_of(log), tmp_path / "empty")
    assert loaded.log is None and loaded.problem.key == "save.no-pack"
    (scenarios / "tiny" / "cards" / "all.yaml").write_text("- id: [broken\n", encoding="utf-8")
    loaded = store.resume(store.path_of(log), scenarios)
    assert loaded.log is None and loaded.problem.key == "save.pack-errors"
    assert store.path_of(log).exists()


# -- writing can fail without stopping the game -----------------------------------------------

def test_a_save_that_cannot_be_written_gives_a_message(tmp_path):
    pack = make_pack()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = SaveStore(blocker)
    log = GameLog(Rules(pack), ["A"], 1)
    notice = store.autosave(log, pack, "en")
    assert notice is not None and notice.key == "save.write-failed"
    assert "file" in notice.text("id")
    assert store.take_notices() == []     # the session says it, once (not at every action)
    files = store.write_report(log, pack, "en")
    assert files.html is None and files.problem.key == "report.write-failed"


def test_the_session_report_goes_to_the_reports_folder(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["Siti", "Budi"], seed=1)
    store.autosave(log, pack, "id")
    files = store.write_report(log, pack, "id")
    assert files.problem is None
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted(
        [files.html.name, files.csv.name])
    assert files.html.suffix == ".html" and files.csv.suffix == ".csv"
    assert files.html.stem == store.path_of(log).stem


# -- the debrief in the save -------------------------------------------------------------------

def test_a_save_keeps_the_debrief_and_what_goes_with_it(tmp_path):
    from game.engine.debrief import Debrief
    from game.session.saves import read_session
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["Siti", "Budi"], seed=2)
    store.autosave(log, pack, "id")
    path = store.path_of(log)
    body = parse_save(path.read_bytes())
    assert Debrief.from_json(body["debrief"]) == log.debrief
    session = read_session(body)                   # no pack needed
    assert session.debrief == log.debrief and session.pack is None
    assert (session.session, session.lang, session.pack_id) == (path.stem, "id", pack.id)
    assert session.pack_title == dict(pack.title) and session.started == body["started"]


def test_the_end_of_a_game_builds_its_debrief_once(tmp_path, monkeypatch):
    import game.engine.log as log_module
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["Siti", "Budi"], seed=1)
    built = []
    real = log_module.build_debrief
    monkeypatch.setattr(log_module, "build_debrief", lambda *a: built.append(1) or real(*a))
    store.autosave(log, pack, "en")                 # what the session does at the end ...
    store.write_report(log, pack, "en")
    assert log.debrief is log.debrief              # ... and what the debrief screen reads
    assert len(built) == 1
