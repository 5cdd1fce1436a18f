"""A follow-up that leans to an entry read alone, though too weakly to be answered with it, is not
taken for a goal the goal reader misreads in it ("stabilty bal ok?" after the options without a
machine is the stability ball, not the mobility programme): through the core, and through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

NO_MACHINE, BALL = "wat if i hav no machin", "stabilty bal ok?"


def test_a_follow_up_leaning_to_an_entry_is_not_switched_to_a_misread_goals_programme(understanding):
    assert understanding.read(NO_MACHINE).match.entry_id == "no-machine"
    alone = understanding.read(BALL)
    assert alone.candidates[0].entry_id == "stability-ball"  # leaning to it (the embedding channel now answers it)
    assert understanding.model.talk.label("goals", understanding.spelt(BALL))[0] == "mobility"  # the misreading
    assert follow_up(understanding, NO_MACHINE, BALL).match.entry_id == "stability-ball"


async def test_the_ball_follow_up_is_answered_about_the_ball_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in (NO_MACHINE, BALL)])).texts()
    title = understanding.kb.entries["stability-ball"].title
    assert len(texts) == 2 and title in texts[1]
