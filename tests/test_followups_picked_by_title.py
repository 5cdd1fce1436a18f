"""A follow-up picking one thing by a title the message names in full ("go deeper on the biceps femoris one" after
what the hamstrings do) gets that entry when it reads clearly alone, though the last answer does not link it; and a
place said in a question that reads as the last answer itself ("every set or just the last" after finishing the set)
is no pick from a list that answer does not have."""

from __future__ import annotations

from tests.conftest import follow_up


def test_a_thing_picked_by_its_full_title_gets_that_entry(understanding):
    first, then = "what muscles does it work", "go deeper on the biceps femoris one"
    last = understanding.read(first).match.entry_id
    assert last == "muscles-worked" and "biceps-femoris" not in understanding.kb.entries[last].related
    assert follow_up(understanding, first, then).match.entry_id == "biceps-femoris"


def test_a_thing_picked_by_its_full_title_after_a_related_answer_gets_that_entry(understanding):
    """After what the hamstrings do (whose answer lists the hamstrings but links their anatomy, not each one), a pick
    naming one of them in full reads as that one, not the anatomy of all three."""
    first = "what do the hamstrings do"
    assert understanding.read(first).match.entry_id == "hamstrings-role"
    picks = {"go deeper on the biceps femoris one": "biceps-femoris", "more on the semitendinosus one pls": "semitendinosus"}
    for then, entry in picks.items():
        assert follow_up(understanding, first, then).match.entry_id == entry, then


def test_a_thing_picked_for_a_case_of_its_own_stays_on_the_last_answer(understanding):
    first, then = "should i go explosive on reverse hypers like a kettlebell swing", "does that go for the floor ones too"
    assert follow_up(understanding, first, then).match.entry_id in ("momentum", "tempo-control")


def test_a_place_in_a_question_read_as_the_last_answer_is_no_pick(understanding):
    first = "how do i finish the last rep on the rev hyper machine without dropping it"
    assert understanding.read(first).match.entry_id == "finishing-set"
    assert follow_up(understanding, first, "when exactly, every set or just the last").match.entry_id == "finishing-set"
    assert follow_up(understanding, "how many sets should i do", "the first one").match.entry_id is None
