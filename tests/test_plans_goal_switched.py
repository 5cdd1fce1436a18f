"""A new goal told in everyday words (the tester's finding 20, 2026-12-05, s29): "switch me to size", "ive been doing
strength for a while, switch me to size", "i want to build muscle now instead" offer the goal edit of the saved plans, as
"change my goal to size" does; a question about a goal stays a question. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning.goal_switch import switched_goal
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved

GOALS = {"size": "hypertrophy", "muscle": "hypertrophy", "strength": "strength", "endurance": "endurance"}


def _goal(text: str) -> str | None:
    return next((goal for word, goal in GOALS.items() if word in text), None)


@pytest.mark.parametrize("typed, said", [
    ("switch me to size", "change my goal to hypertrophy"),
    ("ive been doing strength for a while, switch me to size", "change my goal to hypertrophy"),
    ("i want to build muscle now instead", "change my goal to hypertrophy"),
    ("should i switch to endurance?", None), ("how many sets for size", None), ("i want to build muscle", None),
    ("id like strength at 6 am instead, gym is less crowded then", None),
    ("i only get forty minutes a session and i want more endurance rather than size, what sets and reps", None),
])
def test_a_goal_switched_in_everyday_words_is_the_goal_edit(typed, said):
    assert switched_goal(typed, _goal) == said


def test_switch_me_to_size_edits_the_plans_goal_after_save(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    shown = planned("ive been doing strength for a while, switch me to size")[-1].text
    assert "goal: muscle growth" in shown and "Save this plan?" in shown
    planned("yes")
    assert [p.goal for p in coach.plans.load_plans(7)] == ["hypertrophy"]


async def test_switch_me_to_size_over_telegram_offers_the_goal_edit(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    sent = await feed_all(coach, [message_update("switch me to size")])
    assert "goal: muscle growth" in sent.texts()[-1] and coach.plans.load_plans(7)[0].goal == "strength"
