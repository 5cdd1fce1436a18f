"""How long to put something off, read from everyday words (scheduler.delay)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scheduler.delay import format_delay, read_delay


@pytest.mark.parametrize(("text", "minutes"), [
    ("push it 20 min", 20), ("in 20", 20), ("remind me in half an hour", 30), ("give me an hour and a half", 90),
    ("push it two hours", 120), ("in twenty five minutes", 25), ("one more hour pls", 60), ("back in 10", 10)])
def test_a_delay_in_everyday_words_is_read(text, minutes):
    assert read_delay(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["later", "skip today, out for an hour", "did 20 min of it", "in 2", "at 7pm", "done"])
def test_a_length_without_a_word_of_putting_off_is_no_delay(text):
    assert read_delay(text) is None


def test_a_delay_is_written_in_minutes_or_hours():
    assert [format_delay(timedelta(minutes=m)) for m in (20, 60, 90, 120)] == ["20 minutes", "1 hour", "1 h 30 min", "2 hours"]
