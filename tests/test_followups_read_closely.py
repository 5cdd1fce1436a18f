"""Follow-ups read closely: a request for more with a word of its own, another exercise the last answer
named, "first" said as an adverb, each of the things listed named by the list's own word, a title two
linked entries share, and a count asked of the last answer."""

from __future__ import annotations

from tests.conftest import follow_up


def test_a_request_for_more_with_an_unknown_word_of_its_own_still_follows(understanding):
    first, then = "what's the glute actually doing in a reverse hyper", "more pls, like mechanically"
    assert understanding.read(first).match.entry_id == "glutes-role"
    assert understanding.read(then).match.entry_id is None
    assert follow_up(understanding, first, then).match.entry_id == "glutes-role"


def test_a_word_that_asks_for_more_only_with_nothing_of_its_own_does_not_pull_other_words(understanding):
    first = "how high do i lift my legs on reverse hyper"
    for then in ("explain yourself bot", "go away"):
        assert follow_up(understanding, first, then).match.entry_id is None, then


def test_another_exercise_the_last_answer_named_is_no_reason_to_decline(understanding):
    first, then = "my coach says reverse hypers will help my squat, is that legit", "why would a hip thing matter for squats"
    assert understanding.read(first).match.entry_id == "benefit-hip-extension"  # its answer names squats
    assert understanding.read(then).match.entry_id == "benefit-hip-extension"  # alone too: the entry's answer names squats
    assert follow_up(understanding, first, then).match.entry_id == "benefit-hip-extension"


def test_another_exercise_the_last_answer_never_named_is_still_declined(understanding):
    first = "my coach says reverse hypers will help my squat, is that legit"
    assert follow_up(understanding, first, "why would a hip thing matter for bicep curls").match.entry_id is None


def test_first_said_as_an_adverb_picks_no_place_in_a_list(understanding):
    first, then = "when will i see results", "where will i notice it first"
    assert understanding.read(first).match.entry_id == "benefit-glute-shape"
    assert understanding.follow_ups.place(understanding.words(then)) == 0
    assert follow_up(understanding, first, then).match.entry_id == "benefit-glute-shape"
    for picking in ("the first one", "first one", "more on the first", "the last"):
        assert understanding.follow_ups.place(understanding.words(picking)) != 0, picking
    assert understanding.follow_ups.place(understanding.words("sorry english is not my first language")) == 0


def test_asking_for_it_in_simple_words_asks_about_the_last_answer(understanding):
    first, then = "hamstrings origin?", "ischial what? simple words"
    assert understanding.read(first).match.entry_id == "biceps-femoris"
    assert understanding.read(then).match.entry_id is None
    assert follow_up(understanding, first, then).match.entry_id == "biceps-femoris"


def test_each_of_the_listed_things_named_by_the_answers_own_word_gets_each(understanding):
    first, then = "whats erector spinae", "more detail on each of the 3 muscles pls"
    assert understanding.read(first).match.entry_id == "erector-spinae"
    assert follow_up(understanding, first, then).each == ("iliocostalis", "longissimus", "spinalis")


def test_a_word_two_linked_titles_share_goes_to_the_one_the_message_reads_as(understanding):
    first, then = "how do i get set up on the bench", "more detail on the two pad thing"
    assert understanding.read(first).match.entry_id == "setup"  # linked to the straps and pads, and to "chest on the pad"
    assert follow_up(understanding, first, then).match.entry_id == "straps-pads"


def test_a_count_asked_of_the_last_answer_gets_its_own_count(understanding):
    first, then = "can i lift my legs and chest together on the floor", "how many reps of that"
    assert understanding.read(first).match.entry_id == "floor-legs"  # 15-20 times
    assert understanding.read(then).match.entry_id == "reps-general"
    assert follow_up(understanding, first, then).match.entry_id == "floor-legs"


def test_a_count_asked_in_the_last_answers_words_gets_its_count(understanding):
    first, then = "should i start with floor hypers", "how many reps b4 i move to the bench"
    assert understanding.read(first).match.entry_id == "floor-hyperextension"  # 15-20 reps before the bench
    assert follow_up(understanding, first, then).match.entry_id == "floor-hyperextension"


def test_a_number_that_counts_no_reps_is_no_count(understanding):
    for first in ("who invented the reverse hyper machine", "what studies are cited"):  # the 1970s, the studies' years
        assert follow_up(understanding, first, "how many reps of that").match.entry_id == "reps-general", first


def test_a_count_asked_after_an_answer_linked_to_a_programme_gets_that_programme(understanding):
    reading = follow_up(understanding, "can hypers make my bum look nicer", "how long do i rest between sets for that")
    assert reading.match.entry_id != "benefit-glute-shape"
