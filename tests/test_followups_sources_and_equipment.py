"""Follow-ups naming other equipment or asking for the evidence ("is it the same as a back extension" gets what
ours is): "whats a GHD" after the alternatives is a near miss
(the articles only say a GHD can replace the machine, never what it is) offering what they do say about using one,
while "can i use a GHD" gets that answer. "says who" or "is there a study on that" gets the study behind the last
answer, or, when none is, the studies the articles cite (a study asked) or the articles (the source asked)."""

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
    assert follow_up(understanding, "how many reps for strength", "on a roman chair too?").match.entry_id == "roman-chair"
    assert follow_up(understanding, "how do i do a reverse hyper", "with a ghd?").match.entry_id == "ghd-alternative"
    assert understanding.read("roman chair ok?").match.entry_id == "roman-chair"


async def test_asking_what_a_ghd_is_over_telegram_says_the_articles_do_not_describe_it(coach: Coach):
    texts = (await feed_all(coach, [message_update(ALTERNATIVES), message_update("whats a GHD")])).texts()
    assert len(texts) == 2 and "don't cover what a GHD is" in texts[1]


BACK = "what do reverse hypers do for the back"


def test_asking_for_a_study_behind_an_answer_gets_that_study(understanding):
    first = "how high should my legs go"
    assert understanding.read(first).match.entry_id == "leg-height"
    for asked in ("is there a study on that or is it just bro science", "any research behind that", "proof?"):
        assert follow_up(understanding, first, asked).match.entry_id == "study-arab", asked


def test_asking_for_evidence_where_no_study_backs_the_answer_gets_the_studies_or_the_articles(understanding):
    assert understanding.read(BACK).match.entry_id == "purpose"
    assert follow_up(understanding, BACK, "says who").match.entry_id == "sources"
    assert follow_up(understanding, BACK, "source?").match.entry_id == "sources"
    assert follow_up(understanding, BACK, "any evidence for that").match.entry_id == "studies"
    assert follow_up(understanding, "how do i do a reverse hyper", "proof?").match.entry_id == "studies"


def test_a_study_asked_about_with_words_of_its_own_keeps_its_reading(understanding):
    then = "random but is there a study on hamstrings w emg and mri"
    assert follow_up(understanding, "how many reps for strength", then).match.entry_id == "study-ono"
    assert understanding.follow_ups.asks_backing(understanding.words("is there a study on hamstrings w emg"),
                                                 understanding.kb.entries["purpose"]) is None


async def test_says_who_over_telegram_names_the_articles(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(BACK), message_update("says who")])).texts()
    assert len(texts) == 2 and understanding.kb.entries["sources"].answer[:40] in texts[1]


def test_asking_whether_a_back_extension_is_the_same_gets_what_ours_is(understanding):
    for asked in ("is a reverse hyper the same as a back extension", "whats the difference between a back extension and a reverse hyper",
                  "is it like a back extension"):
        assert understanding.read(asked).match.entry_id == "what-is", asked
    assert follow_up(understanding, "how many reps on the bench", "wait is this the same as a normal back extension") \
        .match.entry_id == "what-is"
    better = understanding.read("is it better than back extensions")  # a comparison of merit the articles never make
    assert better.match.entry_id is None and better.gap is not None


async def test_the_same_as_a_back_extension_over_telegram_says_what_ours_is(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update("how many reps on the bench"),
                                    message_update("wait is this the same as a normal back extension")])).texts()
    assert len(texts) == 2 and understanding.kb.entries["what-is"].answer[:40] in texts[1]
