"""Shared fixtures: a core on in-memory SQLite with a fixed clock, and builders for updates."""

from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from bot import NORMAL_GC_THRESHOLDS
from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.settings import Settings
from bot.storage.database import open_database
from knowledge import understanding as understanding_module
from knowledge.build import inputs_hash, model_path
from knowledge.training import TrainingData
from knowledge.understanding import Understanding

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
# The understanding model is built once (or reused from an earlier run) for every test and bot process.
KB_CACHE = Path(__file__).resolve().parent.parent / ".coachbot" / "kb"
gc.set_threshold(*NORMAL_GC_THRESHOLDS)  # the tests collect as a running bot does (bot/__init__.py defers it while starting)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Build the suite's model before the first test when the checkout has none for this content (a
    fresh clone): once, before pytest-xdist starts its workers (not once in each, side by side), and
    outside every test's timeout."""
    if not model_path(KB_CACHE, inputs_hash()).exists():
        build_understanding(Settings(kb_cache_dir=KB_CACHE))


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        """The current fake time."""
        return self.now


@pytest.fixture(autouse=True)
def suite_model(monkeypatch, tmp_path):
    """Every command a test runs in a folder of its own loads the suite's model instead of
    building one there (a build takes a core for half a minute or more), and keeps its records in
    a database of its own: a test that left COACHBOT_DB unset wrote to the checkout's coachbot.db,
    and the next `coachbot run` there opened with a health concern noted by a test."""
    monkeypatch.setenv("COACHBOT_KB_CACHE_DIR", str(KB_CACHE))
    monkeypatch.setenv("COACHBOT_DB", str(tmp_path / "coachbot.db"))


@pytest.fixture(scope="session")
def understanding() -> Understanding:
    """The real content and its model, loaded once for the whole run."""
    return build_understanding(Settings(kb_cache_dir=KB_CACHE))


def _first_of_each_label(pairs: list[tuple[str, str]], keep: int) -> list[tuple[str, str]]:
    """At most `keep` examples of every label, in file order."""
    seen: defaultdict[str, int] = defaultdict(int)
    kept = []
    for text, label in pairs:
        if seen[label] < keep:
            kept.append((text, label))
            seen[label] += 1
    return kept


@pytest.fixture
def small_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """Models built in this test learn from a few examples per class (seconds, not half a minute):
    for tests of how a model is built and cached, not of how well it reads."""
    real = understanding_module.load_training

    def thinned(*args: Any, **kwargs: Any) -> TrainingData:
        data = real(*args, **kwargs)
        return dataclasses.replace(data, topics=_first_of_each_label(data.topics, 3),
                                   safety=_first_of_each_label(data.safety, 40),
                                   talk={reader: _first_of_each_label(pairs, 8) for reader, pairs in data.talk.items()})
    monkeypatch.setattr(understanding_module, "load_training", thinned)


@pytest.fixture
def clock() -> FakeClock:
    """A fixed clock."""
    return FakeClock()


@pytest.fixture
def coach(understanding: Understanding, clock: FakeClock) -> Coach:
    """The core on a fresh in-memory database."""
    return assemble(understanding, open_database(":memory:"), clock)


@pytest.fixture
def say(coach: Coach) -> Callable[..., list[Reply]]:
    """Send text (or a button with button=True) from user 7 and return the replies."""
    def send(text: str, button: bool = False, user: int = 7) -> list[Reply]:
        kind = InboundKind.BUTTON if button else InboundKind.TEXT
        return coach.handle(Inbound(user, kind, text))
    return send


_update_ids = count(1)


def message_update(text: str | None = None, user_id: int = 7, **extra: Any) -> dict[str, Any]:
    """A Telegram message update as JSON, with a bot_command entity for /commands."""
    message: dict[str, Any] = {
        "message_id": next(_update_ids), "date": 0, "chat": {"id": user_id, "type": "private"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Ana"}, **extra,
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": next(_update_ids), "message": message}


def callback_update(data: str, user_id: int = 7, message_id: int = 50) -> dict[str, Any]:
    """A Telegram callback-query update as JSON."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)), "chat_instance": "ci", "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "Ana"},
            "message": {"message_id": message_id, "date": 0, "chat": {"id": user_id, "type": "private"},
                        "text": "earlier", "from": {"id": 999, "is_bot": True, "first_name": "Coachbot"}},
        },
    }


def follow_up(understanding: Understanding, first: str, then: str) -> Any:
    """Read `then` in the context `first` left behind."""
    return understanding.read(then, context=understanding.read(first).context)


def reported_by_kb_check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str, path: Path,
                         load: Callable[[], object]) -> None:
    """A broken data file (`path`, read through the module attribute `where`) raises TrainingDataError naming it, and
    `coachbot kb check` reports it in one line, never a traceback."""
    from bot.cli import main
    from knowledge.training import TrainingDataError
    monkeypatch.setattr(where, path)
    with pytest.raises(TrainingDataError, match=path.name):
        load()
    assert main(["kb", "check"]) == 1
    out = capsys.readouterr().out
    assert path.name in out and "Traceback" not in out
