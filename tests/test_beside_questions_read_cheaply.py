"""Requests told beside questions: the clauses are read as questions of the knowledge base only when one asks something of
the bot, and a message telling a concern (read already) is not split at all."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.coach import Coach
from bot.features.planning.beside_questions import BesideQuestions
from tests.counting import count_calls


def _beside(coach: Coach) -> BesideQuestions:
    """The planning feature's reader of requests told beside questions."""
    found = [r.__self__ for r in coach.kit.readers if isinstance(getattr(r, "__self__", None), BesideQuestions)]
    assert len(found) == 1
    return found[0]


def test_a_message_asking_nothing_of_the_bot_is_not_read_clause_by_clause_as_questions(coach: Coach,
                                                                                      monkeypatch: pytest.MonkeyPatch):
    asked: list[Any] = []
    answers = coach.kit.answers
    assert answers is not None
    count_calls(monkeypatch, answers, "is_question_about_us", asked)
    beside = _beside(coach)
    assert beside.split("how many sets for endurance, and how long should i rest between them?") is None
    assert asked == []
    parts = beside.split("how many sets for endurance and how long rest between sets? also skip friday please")
    assert parts is not None and parts.requests == "skip friday please" and asked  # a request beside a question


def test_a_concern_beside_a_request_is_not_split_into_parts(coach: Coach, monkeypatch: pytest.MonkeyPatch):
    splits: list[Any] = []
    beside = _beside(coach)
    count_calls(monkeypatch, beside, "split", splits)
    assert beside.on_text(7, "my knee hurts, how many sets for endurance? also skip friday please") is None
    assert splits == []
    beside.on_text(7, "how many sets for endurance and how long rest between sets? also skip friday please")
    assert splits  # with no concern told, the message is split
