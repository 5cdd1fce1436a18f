"""Assemble the core from settings: content, understanding model and database, loaded once at
start, and every feature registered with one line."""

from __future__ import annotations

import gc
import threading

from bot import NORMAL_GC_THRESHOLDS
from bot.core.coach import Coach, utc_now
from bot.core.kit import Clock
from bot.features.planning import feature as planning
from bot.features.privacy import feature as privacy
from bot.features.qa import feature as qa
from bot.features.reminders import feature as reminders
from bot.features.screening import feature as screening
from bot.features.voice import feature as voice
from bot.settings import Settings
from bot.storage.backend import SqlDatabase
from bot.storage.database import open_database
from knowledge.understanding import Understanding, load_understanding
from scheduler import words as schedule_words


def build_understanding(settings: Settings, rebuild: bool = False) -> Understanding:
    """Load the knowledge base and its understanding model (built when the content changed)."""
    return load_understanding(settings.kb_cache_dir, settings.knowledge_dir, settings.match_threshold, rebuild)


def assemble(understanding: Understanding, db: SqlDatabase, clock: Clock = utc_now) -> Coach:
    """The core with every feature registered, in the order /help lists their commands (a feature
    that needs another's service comes after it)."""
    coach = Coach(understanding, db, clock)
    coach.add(qa.install)
    coach.add(screening.install)
    coach.add(planning.install)
    coach.add(reminders.install)
    coach.add(voice.install)
    coach.add(privacy.install)
    return coach


def build_coach(settings: Settings, clock: Clock = utc_now) -> Coach:
    """The whole engine, ready to answer messages (and the start over, see `started`)."""
    coach = assemble(build_understanding(settings), open_database(settings.db_path), clock)
    started()
    return coach


def started() -> None:
    """The start is over: what it made stays for the process's life, so the cycle collector leaves it out
    from now on and runs as usual again (see bot/__init__.py; the few hundred KB of the start's own
    garbage stay too, as collecting it would cost 50-100 ms)."""
    gc.freeze()
    gc.set_threshold(*NORMAL_GC_THRESHOLDS)


def warm_up(understanding: Understanding) -> None:
    """Do now what the first messages would otherwise pay for: the understanding's warm-up
    (`Understanding.warm_up`) and the schedule reader's patterns; then what it made is set aside from
    the cycle collector for good, as at `started` (else the first messages' collections walk it)."""
    understanding.warm_up()
    schedule_words.warm_up()
    gc.freeze()


def warm_up_in_background(coach: Coach) -> threading.Thread:
    """Warm up (`warm_up`) in a daemon thread, once the bot is ready and waits (for Telegram, for a
    line typed), so the first messages do not pay for it: a bot that serves calls it; a one-off
    `coachbot ask` does not."""
    thread = threading.Thread(target=warm_up, args=(coach.kit.understanding,), name="warm-up", daemon=True)
    thread.start()
    return thread
