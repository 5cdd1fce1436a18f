"""A new question after an answer keeps its own reading: "does it go by other names" after RDLs against hypers is no
request for more of that answer ("go" asks more only in "go on", "go deeper"), so it gets the other names."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

RDLS = "reverse hyper vs romanian deadlift"


def test_going_by_other_names_is_no_request_for_more(understanding):
    assert understanding.read(RDLS).match.entry_id == "vs-deadlift"
    reading = follow_up(understanding, RDLS, "also does it go by other names")
    assert reading.match.entry_id == "other-names" and not reading.again
    assert follow_up(understanding, RDLS, "go on").again  # "go on" still asks for more
    words = understanding.words
    assert not understanding.follow_ups.asks_more_of_it(words("does it go by other names"))
    assert understanding.follow_ups.asks_more_of_it(words("go deeper"))


async def test_going_by_other_names_over_telegram_gets_the_names(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(RDLS), message_update("also does it go by other names")])).texts()
    assert len(texts) == 2 and understanding.kb.entries["other-names"].answer[:40] in texts[1]
