"""A question is no day said about stored plans: the schedule reader's words are not made for one."""

from __future__ import annotations

from typing import Any

import pytest

import knowledge.day_words as day_words
from tests.conftest import FakeClock
from tests.counting import count_calls


def test_a_question_is_not_read_for_days_off_by_the_schedule_reader(clock: FakeClock, monkeypatch: pytest.MonkeyPatch):
    made: list[Any] = []
    count_calls(monkeypatch, day_words, "normalise", made)
    today = clock().date()
    assert day_words.day_said("can i skip friday if my legs are sore?", today, "UTC") is None
    assert made == []
    assert day_words.day_said("cant do fridays anymore", today, "UTC") is not None and made  # told: read
