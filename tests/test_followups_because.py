"""Follow-ups asking why: after an answer another entry explains, "why?" or "how come, what does it do for the spine"
after rehab gets the decompression (rehab's `because`), unless it names a part of rehab the decompression never says
(the knee and ankle) or only asks for more; asking why in the last answer's own words ("y does grip even matter" after
RDLs against hypers) or more in its title's ("more anatomy pls") asks more of that answer."""

from __future__ import annotations

from knowledge.loader import load_knowledge
from tests.conftest import follow_up

REHAB = "is the reverse hyper used in physical therapy"


def test_rehab_is_explained_by_the_decompression():
    assert load_knowledge().entries["rehab"].because == "decompression"


def test_asking_why_after_rehab_gets_the_decompression_that_explains_it(understanding):
    assert understanding.read(REHAB).match.entry_id == "rehab"
    spine = "how come, what does it do for the spine"
    assert understanding.read(spine).match.entry_id != "decompression"  # alone it reads as the spine not loaded
    for then in ("why?", spine, "why does it help though, like what actually happens",
                 "explain how it actually helps the spine"):
        assert follow_up(understanding, REHAB, then).match.entry_id == "decompression", then


def test_asking_about_a_part_the_explanation_never_says_keeps_the_last_answer(understanding):
    for then in ("the knee ankle thing explain", "more detail how that works"):
        assert follow_up(understanding, REHAB, then).match.entry_id == "rehab", then


def test_asking_why_needs_a_word_that_asks_it(understanding):
    follow_ups = understanding.follow_ups
    for asking in ("why?", "how come", "whats the reason", "what causes that"):
        assert follow_ups.asks_why(understanding.words(asking)), asking
    for other in ("more detail how that works", "go on", "what does it improve"):
        assert not follow_ups.asks_why(understanding.words(other)), other



def test_asking_why_in_the_last_answers_own_words_asks_more_of_it(understanding):
    first, then = "is this better than romanian deadlifts for hamstrings", "y does grip even matter"
    assert understanding.read(first).match.entry_id == "vs-deadlift"
    assert understanding.read(then).match.entry_id == "grip"  # alone it asks about holding on
    reading = follow_up(understanding, first, then)
    assert reading.match.entry_id == "vs-deadlift" and reading.again


def test_asking_more_in_the_last_titles_words_asks_more_of_it(understanding):
    first, then = "what does the glute max actually do in this movement", "more anatomy pls"
    assert understanding.read(first).match.entry_id == "gluteus-maximus"
    assert understanding.read(then).match.entry_id == "study-anatomy-text"  # alone: the anatomy textbook
    assert follow_up(understanding, first, then).match.entry_id == "gluteus-maximus"


def test_asking_why_about_what_only_the_details_mention_is_read_as_asked(understanding):
    first, then = "walk me thru reverse hyper on a bench pls", "y stop at parallel tho"
    assert understanding.read(first).match.entry_id == "technique-steps"
    assert follow_up(understanding, first, then).match.entry_id in ("leg-height", "overextension")
