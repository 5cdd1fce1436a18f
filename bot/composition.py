"""Assemble the core from settings: content, understanding model and database, loaded once at start."""

from __future__ import annotations

from bot.core.coach import Clock, Coach, utc_now
from bot.settings import Settings
from bot.storage.database import open_database
from knowledge.understanding import Understanding, load_understanding


def build_understanding(settings: Settings, rebuild: bool = False) -> Understanding:
    """Load the knowledge base and its understanding model (built when the content changed)."""
    return load_understanding(settings.kb_cache_dir, settings.knowledge_dir, settings.match_threshold, rebuild)


def build_coach(settings: Settings, clock: Clock = utc_now) -> Coach:
    """The whole engine, ready to answer messages."""
    return Coach(build_understanding(settings), open_database(settings.db_path), clock)
