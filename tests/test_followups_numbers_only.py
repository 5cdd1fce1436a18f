"""Number-only follow-ups ("so how many", "k n reps", "sets?") after an answer giving no count of its own (the steps,
the set-up) get the numbers: the programme of the goal the user last named, else the reps (or the sets) by goal, which
name each goal's figures. After a list, a count naming nothing still counts the list."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

STEPS = "how do i do a reverse hyper"


def test_a_number_only_follow_up_after_the_steps_gets_the_reps_or_the_sets_by_goal(understanding):
    assert understanding.read(STEPS).match.entry_id == "technique-steps"
    for asked in ("so how many", "k n reps", "reps?", "how many per set then"):
        assert follow_up(understanding, STEPS, asked).match.entry_id == "reps-general", asked
    for asked in ("sets?", "n how many sets total"):
        assert follow_up(understanding, STEPS, asked).match.entry_id == "program-overview", asked


def test_a_number_only_follow_up_gets_the_programme_of_the_goal_last_named(understanding):
    goal = understanding.read("i want bigger glutes")
    steps = understanding.read(STEPS, 0.0, goal.context)
    assert steps.match.entry_id == "technique-steps" and steps.context.goal == "hypertrophy"
    assert understanding.read("so how many", 0.0, steps.context).match.entry_id == "program-hypertrophy"


def test_sets_asked_after_the_reps_by_goal_get_the_sets_by_goal(understanding):
    first = "how many reps on the bench version"
    assert understanding.read(first).match.entry_id == "reps-general"  # it gives the reps, no sets
    assert follow_up(understanding, first, "sets?").match.entry_id == "program-overview"
    assert follow_up(understanding, "how many reps for strength", "sets?").match.entry_id == "program-strength"


def test_a_count_naming_nothing_after_a_list_still_counts_the_list(understanding):
    assert follow_up(understanding, "name the hamstring muscles", "so how many").match.entry_id == "hamstring-anatomy"
    assert follow_up(understanding, STEPS, "at which part of the rep").match.entry_id != "reps-general"


def test_k_n_reps_in_the_core_is_no_acknowledgement(say):
    assert say(STEPS)[0].entry == "technique-steps"
    assert say("k n reps")[0].entry == "reps-general"
    assert say("k thanks")[0].entry is None  # an acknowledgement asking nothing stays one


async def test_k_n_reps_over_telegram_gets_the_reps(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(STEPS), message_update("k n reps")])).texts()
    assert len(texts) == 2 and understanding.kb.entries["reps-general"].answer[:40] in texts[1]
