"""A change of mind about the goal worded like a cancel ("nah scratch that i want bigger hammies") outside any dialogue
gets that goal's programme, not "there's nothing to cancel"; "stop" or "forget it" alone still cancel. "ok and for
powerlifting", asking the same for a goal with no question mark, switches to its programme too."""

from __future__ import annotations

from bot.core.coach import Coach
from bot.core.texts import NOTHING_TO_CANCEL
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

STEPS = "how do i do a reverse hyper"
CHANGED = "nah scratch that i want bigger hammies"


def test_a_goal_named_after_scratch_that_gets_its_programme(say):
    assert say(STEPS)[0].entry == "technique-steps"
    assert say(CHANGED)[0].entry == "program-hypertrophy"
    assert say("nvm i want size", user=8)[0].entry == "program-hypertrophy"


def test_a_cancel_naming_no_goal_still_says_there_is_nothing_to_cancel(say):
    assert say(STEPS)[0].entry == "technique-steps"
    for cancel in ("stop", "forget it", "cancel"):
        assert say(cancel)[0] == NOTHING_TO_CANCEL, cancel


async def test_scratch_that_naming_a_goal_over_telegram_gets_its_programme(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(STEPS), message_update(CHANGED)])).texts()
    assert len(texts) == 2 and understanding.kb.entries["program-hypertrophy"].answer[:40] in texts[1]


def test_the_same_asked_for_a_goal_without_a_question_mark_switches_to_its_programme(understanding):
    first = "how many reps for strength"
    assert understanding.read("ok and for powerlifting").match.entry_id is None  # alone: not ours
    assert follow_up(understanding, "how long do i rest for size", "ok and for powerlifting").match.entry_id \
        == "program-strength"
    assert follow_up(understanding, first, "ok and for powerlifting").match.entry_id == "program-strength"


async def test_ok_and_for_powerlifting_over_telegram_gets_the_strength_programme(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update("how long do i rest for size"),
                                    message_update("ok and for powerlifting")])).texts()
    assert len(texts) == 2 and understanding.kb.entries["program-strength"].answer[:40] in texts[1]
