"""Follow-ups pointing back at a thing an answer lists ("should i go heavy on those" after tempo
hypers: the variation, not loading in general), while "it" after a programme is still the exercise:
through the core, and one through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from knowledge.context import ContextPolicy
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all


def test_pointing_back_after_a_listed_thing_means_that_thing(understanding):
    for first, then, thing in (("what are tempo hypers", "should i go heavy on those", "tempo-hypers"),
                               ("what are banded hypers", "do those need a machine", "banded-hypers")):
        alone = understanding.read(then).match
        assert alone.entry_id != thing and alone.score >= understanding.threshold + ContextPolicy().stands, then
        assert follow_up(understanding, first, then).match.entry_id == thing, then


def test_it_after_a_programme_is_still_the_exercise(understanding):
    assert follow_up(understanding, "how many reps for strength", "how do i do it").match.entry_id == "technique-steps"
    assert follow_up(understanding, "how many reps for strength", "ok whats it good for").match.entry_id == "purpose"


def test_a_question_of_its_own_after_a_listed_thing_keeps_its_reading(understanding):
    assert follow_up(understanding, "what are tempo hypers", "how long should i rest between sets").match.entry_id \
        == "rest-periods"


async def test_those_after_tempo_hypers_is_answered_about_them_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in ("what are tempo hypers", "should i go heavy on those")])).texts()
    title = understanding.kb.entries["tempo-hypers"].title
    assert len(texts) == 2 and title in texts[0] and title in texts[1]
