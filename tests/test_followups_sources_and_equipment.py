"""Follow-ups naming other equipment or asking for the evidence: "whats a GHD" after the alternatives is a near miss
(the articles only say a GHD can replace the machine, never what it is) offering what they do say about using one,
while "can i use a GHD" gets that answer."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

ALTERNATIVES = "no reverse hyper machine at my gym, what else works"


def test_asking_what_a_ghd_is_says_the_articles_never_describe_it_and_offers_using_one(understanding):
    assert understanding.read(ALTERNATIVES).match.entry_id == "no-machine"
    for asked in ("whats a GHD", "what even is a ghd", "ghd = ?", "whats a glute ham raise"):
        reading = follow_up(understanding, ALTERNATIVES, asked)
        assert reading.match.entry_id is None, asked
        assert reading.gap is not None and reading.gap.id.startswith("term:"), asked
    assert follow_up(understanding, ALTERNATIVES, "whats a GHD").gap.offer == ("ghd-alternative",)


def test_asking_to_use_a_ghd_or_a_roman_chair_still_gets_what_the_articles_say(understanding):
    assert follow_up(understanding, ALTERNATIVES, "and if they have a ghd").match.entry_id == "ghd-alternative"
    assert understanding.read("whats a GHD, can i use one").match.entry_id == "ghd-alternative"
    assert understanding.read("what is a roman chair, can i use one").match.entry_id == "roman-chair"


async def test_asking_what_a_ghd_is_over_telegram_says_the_articles_do_not_describe_it(coach: Coach):
    texts = (await feed_all(coach, [message_update(ALTERNATIVES), message_update("whats a GHD")])).texts()
    assert len(texts) == 2 and "don't cover what a GHD is" in texts[1]
