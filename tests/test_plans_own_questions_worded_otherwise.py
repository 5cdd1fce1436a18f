"""Questions about one's own plan in other words (the tester's finding 24, s29: its general cause): the sets of a day's
plan asked with no "should i" ("how many reps on saturday?"), the user's own goal's numbers ("how many sets should i do",
with plans saved), the goal ("what goal am i on"), the reminder lead ("whats my reminder set to"), the zone asked as a
check ("is my timezone right", "which time zone are my reminders in": told, never the change), a day's plans ("what am i
doing on tuesday"), and "did i miss any sessions this week" (told, never an offer to skip the week). The clock is Sat 21
Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_own_questions import two  # noqa: F401 (a fixture)

SATURDAY = "Your plan every Sat at 10:00 is for strength: 3–4 sets × 8–10 reps"


@pytest.mark.parametrize(("typed", "told"), [
    ("how many reps on saturday?", SATURDAY), ("how many sets today", SATURDAY),
    ("how many sets should i do", "Your goal is strength: 3–4 sets × 8–10 reps"),
    ("what goal am i on", "Your goal is strength"),
    ("whats my reminder set to", "Reminders come 30 min before each session."),
    ("how early do you remind me", "Reminders come 30 min before each session."),
    ("is my timezone right", "Your time zone is Europe/Berlin, now 10:30"),
    ("which time zone are my reminders in", "Your time zone is Europe/Berlin, now 10:30"),
    ("what am i doing on tuesday", "Your Tue session: every Tue at 18:30 (Europe/Berlin)."),
    ("whats on for today", "Your Sat session: every Sat at 10:00 (Europe/Berlin)."),
    ("did i miss any sessions this week", "No session has come round in the last 4 weeks"),
])
def test_a_question_about_ones_own_plan_is_told_from_what_is_stored(two, typed, told):  # noqa: F811
    replies = two(typed)
    assert replies[0].text.startswith(told) and len(replies) == 1 and not replies[0].button_list()


def test_numbers_asked_for_others_are_the_articles(two):  # noqa: F811
    assert not two("how many reps for beginners")[0].text.startswith("Your")


async def test_a_question_about_ones_own_plan_over_telegram_is_told(two, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("how many reps on saturday?"), message_update("is my timezone right")])
    assert sent.texts()[0].startswith(SATURDAY) and sent.texts()[1].startswith("Your time zone is Europe/Berlin")
