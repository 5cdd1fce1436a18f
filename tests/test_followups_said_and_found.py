"""Follow-ups about what the last answer said: who found it ("who found that" after the erector
spinae is the study behind it), a word it said inside a phrase ("lumbar = ?" after "the lower lumbar
spine", "the back one" after the benefits: the back-health entry's title says "lower back"), and a
word setting things side by side that names nothing of its own ("how come hypers are easier on the
body" after RDLs against hypers): through the core, and through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

ERECTORS = "do reverse hypers actually activate the erector spinae"


def test_who_found_that_means_the_study_behind_the_last_answer(understanding):
    assert understanding.read(ERECTORS).match.entry_id == "erector-spinae"
    assert understanding.read("who found that").match.entry_id != "study-ekstrom"  # alone: who made the machine
    assert follow_up(understanding, ERECTORS, "who found that").match.entry_id == "study-ekstrom"


def test_who_found_that_after_an_answer_no_study_backs_is_not_a_study(understanding):
    first = "who invented the reverse hyper machine"
    assert understanding.read(first).match.entry_id == "history"
    found = follow_up(understanding, first, "who found that").match.entry_id
    assert found is None or understanding.kb.entries[found].group != "studies"


def test_a_word_said_inside_a_phrase_of_the_last_answer_asks_about_it(understanding):
    first = "what should i do with my core on the reverse hyper"
    assert understanding.read(first).match.entry_id == "core-bracing"
    assert understanding.read("lumbar = ?").match.entry_id != "core-bracing"
    assert follow_up(understanding, first, "lumbar = ?").match.entry_id == "core-bracing"


def test_more_on_a_word_said_inside_a_linked_entrys_title_gets_that_entry(understanding):
    first, then = "wat r the benefits of reverse hyperextension", "explain the back one more"
    assert understanding.read(first).match.entry_id == "purpose"
    assert understanding.read(then).match.entry_id != "benefit-back-health"
    assert follow_up(understanding, first, then).match.entry_id == "benefit-back-health"


def test_a_comparing_word_names_nothing_the_last_answer_does_not_say(understanding):
    first, then = "rdls or reverse hypers for hammies??", "how come hypers are easier on the body"
    assert understanding.read(first).match.entry_id == "vs-deadlift"
    words, last = understanding.words(then), understanding.kb.entries["vs-deadlift"]
    assert not understanding.follow_ups.names_elsewhere(words, last, understanding.read(then).match.entry_id)
    assert follow_up(understanding, first, then).match.entry_id == "vs-deadlift"


async def test_who_found_that_gets_the_study_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in (ERECTORS, "who found that")])).texts()
    assert len(texts) == 2 and "Ekstrom" in texts[1] and "Ekstrom" not in texts[0]


async def test_lumbar_after_bracing_the_core_is_answered_about_it_over_telegram(coach: Coach, understanding):
    first = "what should i do with my core on the reverse hyper"
    texts = (await feed_all(coach, [message_update(t) for t in (first, "lumbar = ?")])).texts()
    title = understanding.kb.entries["core-bracing"].title
    assert len(texts) == 2 and title in texts[1]


async def test_the_back_one_after_the_benefits_is_answered_about_back_health_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in ("wat r the benefits of reverse hyperextension",
                                                               "explain the back one more")])).texts()
    title = understanding.kb.entries["benefit-back-health"].title
    assert len(texts) == 2 and title in texts[1] and title not in texts[0]
