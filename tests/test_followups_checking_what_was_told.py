"""A yes/no check of what the last answer told of the thing it points back at, every word of its own said there ("do
they bend the knee too or just the hip" after the hamstrings, which all bend the knee and help extend the hip), asks
about that answer, however the message reads alone (bending the knees, by "bend the knee"); a check naming a word the
answer never says keeps its own reading."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

HAMSTRINGS = "what are the hamstring muscles called"
CHECK = "do they bend the knee too or just the hip"


def test_a_check_of_what_was_told_gets_that_answer(understanding):
    assert understanding.read(CHECK).match.entry_id == "bent-knees"
    assert follow_up(understanding, HAMSTRINGS, CHECK).match.entry_id == "hamstring-anatomy"


def test_a_check_naming_a_word_the_answer_never_says_keeps_its_reading(understanding):
    assert follow_up(understanding, HAMSTRINGS, "do they need a warm up first").match.entry_id != "hamstring-anatomy"


def test_a_check_of_what_was_told_in_the_core(say):
    say(HAMSTRINGS)
    assert say(CHECK)[0].entry == "hamstring-anatomy"


async def test_a_check_of_what_was_told_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(HAMSTRINGS), message_update(CHECK)])).texts()
    assert understanding.kb.entries["hamstring-anatomy"].answer[:50] in texts[1]
    assert understanding.kb.entries["bent-knees"].answer[:50] not in texts[1]
