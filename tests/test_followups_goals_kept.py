"""A goal in the conversation is neither lost to a goal misread in a bare programming word ("reps?" reads a
little like endurance, yet after the programme for growth it asks that programme's reps) nor lent to an entry
whose answer does not go by the goal ("do i need a trainer for this" after the rest for strength)."""

from __future__ import annotations

from tests.conftest import follow_up

GROWTH = "for hypertrophy what weight do i use"


def test_a_bare_programming_word_keeps_the_goal_in_the_conversation(understanding):
    label, odds = understanding.model.talk.label("goals", understanding.spelt("reps?"))
    assert label == "endurance" and odds >= understanding.context_policy.goal_likely  # the misreading
    reading = follow_up(understanding, GROWTH, "reps?")
    assert reading.match.entry_id == "program-hypertrophy" and reading.context.goal == "hypertrophy"


def test_a_goal_read_with_its_programme_still_switches(understanding):
    assert follow_up(understanding, "how many reps for strength", "i want a bigger butt honestly").match.entry_id \
        == "program-hypertrophy"


def test_an_entry_that_does_not_go_by_the_goal_keeps_its_own_answer(understanding):
    reading = follow_up(understanding, "rest time strength reverse hyper", "do i need a trainer for this")
    assert reading.match.entry_id == "trainer-advice" and reading.context.goal == "strength"
    assert follow_up(understanding, "rest time strength reverse hyper", "how much weight").match.entry_id \
        == "program-strength"  # the load goes by the goal
