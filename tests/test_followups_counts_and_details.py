"""Follow-ups asking a count or how soon, swapping a preference, and asking a detail the last answer lacks:
"how many are there" after a list counts its things, "how soon" after an answer dated in weeks or months asks
about it, "what if i care more about mobility" swaps to the thing of the same list, and "why not max it out"
after the sets for strength (which say not to, but give no reason) is a near miss, in context as alone."""

from __future__ import annotations

from tests.conftest import follow_up


def test_a_count_naming_nothing_it_counts_after_a_list_asks_how_many_things_it_listed(understanding):
    first = "name the hamstring muscles"
    assert understanding.read(first).match.entry_id == "hamstring-anatomy"
    assert follow_up(understanding, first, "and how many are there in total").match.entry_id == "hamstring-anatomy"
    assert follow_up(understanding, first, "how many reps then").match.entry_id == "reps-general"  # names what it counts


def test_a_count_after_one_of_the_listed_things_counts_the_list_it_belongs_to(understanding):
    first, then = "whats the semitendinosus", "how many of them are there"
    assert understanding.read(first).match.entry_id == "semitendinosus"
    assert understanding.read(then).match.entry_id == "reps-general"  # alone it reads as the reps
    assert follow_up(understanding, first, then).match.entry_id == "hamstring-anatomy"


def test_asking_a_count_is_told_apart_from_counting_something(understanding):
    follow_ups = understanding.follow_ups
    for asked in ("so how many is that", "whats the count", "how many of them"):
        assert follow_ups.asks_count(understanding.words(asked)), asked
    for counted in ("how many reps", "how many times", "how many heads does it have", "why"):
        assert not follow_ups.asks_count(understanding.words(counted)), counted


def test_how_soon_after_an_answer_dated_in_weeks_asks_about_that_answer(understanding):
    first, then = "will hypers make my other lifts feel easier", "how soon tho"
    answered = understanding.read(first).match.entry_id
    assert answered in ("benefit-glute-shape", "benefit-hip-extension")  # each gives a span: "within a few weeks"
    assert understanding.read(then).match.entry_id is None
    assert follow_up(understanding, first, then).match.entry_id == answered
    assert understanding.read("should i warm up first").match.entry_id == "warm-up"  # an answer giving no span
    assert follow_up(understanding, "should i warm up first", "how long till i notice").match.entry_id != "warm-up"


def test_caring_more_about_something_else_swaps_to_the_thing_of_that_list_that_names_it(understanding):
    first, then = "what are tempo hypers", "what if i care more about mobility"
    assert understanding.read(first).match.entry_id == "tempo-hypers"
    assert follow_up(understanding, first, then).match.entry_id == "banded-hypers"  # its answer names mobility


def test_asking_why_not_lift_ones_max_is_a_detail_the_programme_lacks(understanding):
    alone = understanding.read("why not max it out on reverse hypers for strength")
    assert alone.match.entry_id is None and alone.gap is not None and alone.gap.id == "detail:reason-max"
    reading = follow_up(understanding, "how many sets and reps for strength", "why shouldnt i just max out then")
    assert reading.match.entry_id is None  # read in context as the sets for strength, which give no reason
    assert reading.gap is not None and reading.gap.id == "detail:reason-max"
    assert "load-weight" in reading.gap.offer


def test_a_detail_the_last_answer_lacks_stays_a_near_miss_when_it_points_back(understanding):
    reading = follow_up(understanding, "what weight should i use for strength", "why not go max tho, thats how u get strong")
    assert reading.match.entry_id is None
    assert reading.gap is not None and reading.gap.id == "detail:reason-max"


def test_a_yes_no_question_ending_to_typed_for_too_asks_the_same_of_the_last_answer(understanding):
    first, then = "what are the hamstrings for", "can they bend my knees to"
    assert understanding.read(first).match.entry_id == "hamstrings-role"
    assert understanding.read(then).match.entry_id == "bent-knees"  # alone: bending the knees to make it easier
    assert follow_up(understanding, first, then).match.entry_id == "hamstrings-role"
    assert not understanding.follow_ups.asks_the_same_of("what do they attach to", understanding.words("what do they attach to"))


def test_a_count_naming_nothing_that_points_back_at_an_answer_giving_its_own_count_gets_that_answer(understanding):
    first, then = "on the floor ones do i pause at the top", "and how many of those"
    assert understanding.read(first).match.entry_id == "floor-legs"  # "15–20 times"
    assert understanding.read(then).match.entry_id == "reps-general"  # alone, clearly the reps
    assert follow_up(understanding, first, then).match.entry_id == "floor-legs"
    assert follow_up(understanding, "how many sets for strength", then).match.entry_id != "floor-legs"
