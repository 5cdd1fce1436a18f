"""A follow-up asking where the thing just answered is ("where are those exactly" after what the erectors do)
gets the related entry that says where (the erector spinae along the spine), when the last answer says nowhere;
where to feel the exercise ("where do i feel it") is no such question."""

from __future__ import annotations

from tests.conftest import follow_up


def test_asking_where_a_muscle_is_after_its_role_gets_its_anatomy(understanding):
    for first, then, entry in (("erectors in rev hyper?", "where are those exactly on my body", "erector-spinae"),
                               ("what does the reverse hyper do for my hamstrings", "where on the leg r they exactly",
                                "hamstring-anatomy"),
                               ("which glute muscle is the main one here", "how many places does it attach",
                                "gluteus-maximus")):
        assert understanding.read(first).match.entry_id.endswith("-role"), first
        assert follow_up(understanding, first, then).match.entry_id == entry, then


def test_asking_where_after_an_answer_that_says_where_stays_on_it(understanding):
    assert follow_up(understanding, "which hamstring attaches to the fibula", "where does it start").match.entry_id \
        == "biceps-femoris"


def test_where_to_feel_the_exercise_is_not_where_a_muscle_is(understanding):
    reading = follow_up(understanding, "erectors in rev hyper?", "where should i feel it")
    assert reading.match.entry_id != "erector-spinae"
