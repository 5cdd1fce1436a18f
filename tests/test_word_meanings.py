"""A message asking only what a word of the answers means ("what does hip extension mean", "isolate meaning", "lumbar
= ?") gets the entry that explains it (knowledge/data/details.yaml `terms`), alone and after an answer, not the entry
that merely names the word (better hip extension); a word no answer explains ("you said sacrum what does that mean")
is said plainly not to be covered, offering the entry it read as; a message asking more than the word keeps its own
reading ("go on explain more why hip extension matters")."""

from __future__ import annotations

import pytest

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

NOT_EXPLAINED = "don't cover what the sacrum is"
GLUTES = "how does it work the glutes"
ROUTED = [("what does hip extension mean", "glutes-role"), ("hip extension means what exactly im new to all this gym vocab",
                                                              "glutes-role"),
          ("isolate meaning", "vs-deadlift"), ("pumping mechanism?? what does that even mean", "decompression")]


@pytest.mark.parametrize(("question", "entry"), ROUTED)
def test_a_word_asked_after_an_answer_gets_the_entry_that_explains_it(understanding, question, entry):
    assert follow_up(understanding, GLUTES, question).match.entry_id == entry, question


def test_a_word_asked_alone_gets_the_entry_that_explains_it(say):
    assert say("wdym hip extension")[0].entry == "glutes-role"


def test_a_word_no_answer_explains_is_said_plainly(say, understanding):
    say("what bones does the glute max connect to")
    reply = say("you said sacrum what does that mean")[0]
    assert reply.entry is None and NOT_EXPLAINED in reply.text
    assert any(b.data == "kb:gluteus-maximus" for b in reply.button_list())


def test_a_message_asking_more_than_the_word_keeps_its_reading(understanding):
    assert follow_up(understanding, "what are the benefits", "go on explain more why hip extension matters").match.entry_id \
        != "glutes-role"
    assert understanding.details.term_asked(understanding.words("do i need a roman chair or a ghd?"), "?") is None
    assert understanding.details.term_asked(understanding.words("hypertrophy"), "hypertrophy") is None


def test_every_term_names_entries_that_exist(understanding):
    for term in understanding.details.details.terms:
        assert all(entry in understanding.kb.entries for entry in term.entries), term
        assert term.entries or term.about, term


async def test_a_word_asked_over_telegram_gets_the_entry_that_explains_it(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(GLUTES), message_update("hip extension meaning?"),
                                    message_update("you said sacrum what does that mean")])).texts()
    assert understanding.kb.entries["glutes-role"].answer[:50] in texts[1]
    assert NOT_EXPLAINED in texts[2]
