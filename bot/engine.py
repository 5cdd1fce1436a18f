"""Assemble the core from settings: content, matcher index and database, loaded once at start."""

from __future__ import annotations

from bot.core import Clock, Coach, utc_now
from bot.database import open_database
from bot.settings import Settings
from knowledge.loader import CONTENT_DIR, load_knowledge
from knowledge.matcher import DEFAULT_THRESHOLD, Matcher
from knowledge.normalize import Normalizer, load_lexicon


def build_matcher(settings: Settings) -> Matcher:
    """Load the knowledge base and build its index."""
    kb = load_knowledge(settings.knowledge_dir or CONTENT_DIR)
    threshold = settings.match_threshold if settings.match_threshold is not None else DEFAULT_THRESHOLD
    return Matcher(kb, Normalizer(load_lexicon()), threshold=threshold)


def build_coach(settings: Settings, clock: Clock = utc_now) -> Coach:
    """The whole engine, ready to answer messages."""
    matcher = build_matcher(settings)
    return Coach(matcher, open_database(settings.db_path), clock)
