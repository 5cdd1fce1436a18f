"""Follow-ups asking the last question again for a case of their own ("and for women?", "same for women?") that is no
goal and that the last answer never names: they ask about that case, never get the last answer again; a goal still
swaps the programme, a case the last answer names still asks about it, and so does one that alone leans to it."""

from __future__ import annotations

from tests.conftest import follow_up

STRENGTH = "how many sets and reps for strength"


def test_the_same_for_a_case_the_last_answer_never_names_is_not_that_answer_again(understanding):
    assert understanding.read(STRENGTH).match.entry_id == "program-strength"
    for then in ("and for women?", "same for women?"):
        assert follow_up(understanding, STRENGTH, then).match.entry_id != "program-strength", then
    athletes = "and for athletes?"
    assert understanding.read(athletes).match.entry_id == "benefit-hip-extension"
    assert follow_up(understanding, STRENGTH, athletes).match.entry_id == "benefit-hip-extension"


def test_the_same_for_a_goal_still_swaps_the_programme(understanding):
    assert follow_up(understanding, STRENGTH, "and for size?").match.entry_id == "program-hypertrophy"


def test_the_same_for_a_case_the_last_answer_names_asks_about_it(understanding):
    first = "do reverse hypers help my hip extension"
    assert understanding.read(first).match.entry_id == "benefit-hip-extension"
    assert follow_up(understanding, first, "n for running").match.entry_id == "benefit-hip-extension"
    first = "does my lower back work during reverse hypers"
    assert understanding.read(first).match.entry_id == "erectors-role"
    assert follow_up(understanding, first, "what if its moving a lot").match.entry_id == "erectors-role"  # leans to it alone


def test_asking_the_same_for_needs_the_words_at_the_start(understanding):
    follow_ups = understanding.follow_ups
    last = understanding.kb.entries["program-strength"]
    for asking in ("and for women?", "ok same for women?", "what about women", "haha and if im a woman"):
        assert follow_ups.asks_the_same_for_unsaid(understanding.words(asking), last), asking
    for other in ("do women do them", "and for strength"):
        assert not follow_ups.asks_the_same_for_unsaid(understanding.words(other), last), other


def test_the_same_for_a_case_in_common_words_only_is_not_that_answer_again(understanding):
    first = "sets reps for endurance reverse hyper"
    assert understanding.read(first).match.entry_id == "program-endurance"
    assert follow_up(understanding, first, "and if im 60+ ?").match.entry_id is None
    assert follow_up(understanding, STRENGTH, "and for runners?").match.entry_id != "program-strength"


def test_picking_another_thing_of_the_list_is_no_other_case(understanding):
    first = "how high do my legs go"
    assert understanding.read(first).match.entry_id == "leg-height"
    assert not understanding.follow_ups.asks_the_same_for_unsaid(understanding.words("what about the other one"),
                                                                 understanding.kb.entries["leg-height"])
