"""What starting the bot, and the first place lookup, do not spend time on (the benches time them:
bench/bench_voice_speed.py)."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils.plugins

from bot.composition import assemble, build_understanding, warm_up_in_background
from bot.core.messages import Inbound, InboundKind
from bot.settings import Settings
from bot.storage.database import open_database
from knowledge.patterns import counts
from scheduler.places import load_places
from tests.conftest import KB_CACHE

ROOT = Path(__file__).resolve().parent.parent
COLLECTOR_WHILE_STARTING = """
import gc, json
import bot
starting = gc.get_threshold()
from bot.composition import build_coach
from bot.settings import load_settings
build_coach(load_settings())
print(json.dumps({"starting": starting, "started": gc.get_threshold(), "set_aside": gc.get_freeze_count(),
                  "normal": bot.NORMAL_GC_THRESHOLDS}))
"""


@pytest.mark.parametrize("name", [":memory:", "coach.db"])
def test_opening_the_database_scans_no_installed_package_for_sqlite_utils_plugins(tmp_path, monkeypatch, name):
    scanned: list[str] = []
    monkeypatch.setattr(sqlite_utils.plugins, "_plugins_loaded", False)
    monkeypatch.setattr(sqlite_utils.plugins.pm, "load_setuptools_entrypoints", scanned.append)
    db = open_database(name if name == ":memory:" else tmp_path / name)
    assert db.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert scanned == []


def test_the_cycle_collector_waits_while_the_bot_starts_then_runs_as_usual_without_what_the_start_made(tmp_path):
    done = subprocess.run([sys.executable, "-c", COLLECTOR_WHILE_STARTING], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True, env={"PATH": "", "PYTHONPATH": str(ROOT), "COACHBOT_DB": str(tmp_path / "t.db"),
                                                         "COACHBOT_KB_CACHE_DIR": str(ROOT / ".coachbot" / "kb")})
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["starting"][0] >= 100_000 > seen["normal"][0]
    assert seen["started"] == seen["normal"] == [700, 10, 10]
    assert seen["set_aside"] > 50_000  # the modules, content and model made at start


LAZY_AT_START = """
import json
from bot.composition import build_coach
from bot.settings import load_settings
from knowledge.patterns import counts
build_coach(load_settings())
print(json.dumps(counts()))
"""


def test_starting_the_bot_compiles_none_of_the_plan_readers_patterns(tmp_path):
    done = subprocess.run([sys.executable, "-c", LAZY_AT_START], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True, env={"PATH": "", "PYTHONPATH": str(ROOT), "COACHBOT_DB": str(tmp_path / "t.db"),
                                                         "COACHBOT_KB_CACHE_DIR": str(ROOT / ".coachbot" / "kb")})
    made, compiled = json.loads(done.stdout.splitlines()[-1])
    assert made > 30 and compiled == 0


PLACES_READ = """
import gc, json
from scheduler.places import load_places
collections = []
record = lambda phase, info: collections.append(info["generation"]) if phase == "start" else None
gc.callbacks.append(record)
places = load_places()
gc.callbacks.remove(record)
print(json.dumps([len(places.cities), collections, gc.isenabled()]))
"""


def test_the_place_table_is_read_without_the_cycle_collector_walking_its_cities_and_leaves_it_running():
    # in a fresh interpreter: another test's thread in this process may allocate and collect meanwhile
    done = subprocess.run([sys.executable, "-c", PLACES_READ], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          check=True, env={"PATH": "", "PYTHONPATH": str(ROOT)})
    cities, collections, enabled = json.loads(done.stdout.splitlines()[-1])
    assert cities > 50_000 and collections == [] and enabled
    places = load_places()
    springfields = [c.population for c in places.cities["springfield"]]
    assert len(springfields) > 1 and springfields == sorted(springfields, reverse=True)  # biggest first


def test_a_serving_bot_warms_the_understanding_up_in_the_background_so_its_first_messages_need_not(coach):
    alternations = coach.kit.understanding.safety.lexicon.alternations()
    warm_up_in_background(coach).join(timeout=60)
    assert all(a.scanned and a.compiled == len(a.patterns) for a in alternations)
    made, compiled = counts()
    assert made > 30 and compiled == made
    assert "taught" in vars(coach.kit.understanding.model.talk)  # the talk readers' words, kept once read


FIRST_MESSAGES = ("what is a reverse hyperextension", "how long should i hold it at the top", "how many kg should i use",
                  "what do the erectors do i have mild scoliosis", "hola que tal", "morning coach how many sets",
                  "my chest feels tight when i lie on the pad", "skip tomorrow", "move my monday plan to 630",
                  "plan my sessions", "mon wed fri at 7am", "strength", "thanks!")


def test_after_a_serving_bots_warm_up_its_first_messages_compile_no_pattern_and_the_collector_skips_what_it_made(
        clock, monkeypatch):
    coach = assemble(build_understanding(Settings(kb_cache_dir=KB_CACHE)), open_database(":memory:"), clock)
    set_aside = gc.get_freeze_count()
    warm_up_in_background(coach).join(timeout=60)
    assert gc.get_freeze_count() > set_aside  # the patterns and words it made: no collection walks them again
    re.purge()  # what this process compiled through re's own cache: as if a bot had just started
    compiled: list[str] = []
    real = re._compiler.compile  # type: ignore[attr-defined]
    monkeypatch.setattr("re._compiler.compile", lambda pattern, flags=0: compiled.append(str(pattern)) or real(pattern, flags))
    for text in FIRST_MESSAGES:
        coach.handle(Inbound(7, InboundKind.TEXT, text))
    assert compiled == []
