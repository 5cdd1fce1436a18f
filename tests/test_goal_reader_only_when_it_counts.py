"""The goal reader does not run on a message whose reading already says it names no goal (clearly about another topic)."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.context import Context
from knowledge.intents import Talk
from knowledge.understanding import Understanding
from tests.counting import count_calls


def test_the_goal_reader_does_not_run_on_a_message_clearly_about_another_topic(understanding: Understanding,
                                                                               monkeypatch: pytest.MonkeyPatch):
    labels: list[Any] = []
    count_calls(monkeypatch, Talk, "label", labels)
    understanding.forget_readings()
    reading = understanding.read_in_context("how do i warm up before doing reverse hypers", 0.0, Context())
    assert reading.match.entry_id is not None and reading.context.goal is None
    assert not [args for args in labels if args[1] == "goals"]
    understanding.forget_readings()
    assert understanding.read_in_context("i want a bigger butt", 0.0, Context()).context.goal == "hypertrophy"
    assert [args for args in labels if args[1] == "goals"]  # a goal's words still go to the goal reader
