"""A follow-up pointing back only with "it", after an answer about no thing an answer lists, that reads clearly alone
as an entry whose title says a word the last answer only mentions in passing asks about the exercise ("but is it
risky" after lower back health, whose answer cuts the risk of back pain: the injury risk); after one of the things an
answer lists, "those" still means that thing ("heavy or light for those" after tempo hypers)."""

from __future__ import annotations

from tests.conftest import follow_up

BACK = "is the reverse hyper actually good for your back"


def test_it_with_a_word_the_last_answer_only_mentions_is_the_exercise(understanding):
    assert understanding.read(BACK).match.entry_id == "benefit-back-health"
    assert "risk" in understanding.kb.entries["benefit-back-health"].answer
    assert follow_up(understanding, BACK, "but is it risky").match.entry_id == "injury-risk"


def test_those_after_a_thing_still_means_that_thing(understanding):
    assert follow_up(understanding, "what are tempo hypers", "heavy or light for those").match.entry_id == "tempo-hypers"
