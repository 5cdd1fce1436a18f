"""A change of mind about the goal worded like a cancel ("nah scratch that i want bigger hammies") outside any dialogue
gets that goal's programme, not "there's nothing to cancel"; "stop" or "forget it" alone still cancel."""

from __future__ import annotations

from bot.core.coach import Coach
from bot.core.texts import NOTHING_TO_CANCEL
from tests.conftest import message_update
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
