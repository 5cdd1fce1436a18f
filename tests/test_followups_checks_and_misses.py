"""Follow-ups that check a figure of their own against the last answer ("so 4x10 is the most i should be doing?"
after the sets for strength: a yes or no about that answer), and near misses read surely that point back ("can i do
them daily" after the floor version: "them" says what it is about, not that the articles give a frequency)."""

from __future__ import annotations

from tests.conftest import follow_up


def test_a_question_checking_a_figure_against_an_answer_giving_figures_gets_that_answer(understanding):
    for first, then, answered in (("strength scheme?", "so 4x10 is the most i should be doing?", "program-strength"),
                                  ("when was the reverse hyper machine invented", "so like 50 yrs ago?", "history"),
                                  ("do i rest between sets for strength on rev hypers", "how long tho like 2 min?", "rest-periods")):
        assert understanding.read(first).match.entry_id == answered
        assert understanding.read(then).match.entry_id is None  # alone it names nothing
        assert follow_up(understanding, first, then).match.entry_id == answered, then


def test_a_figure_checked_after_an_answer_giving_none_or_told_as_a_concern_is_not_that_answer(understanding):
    assert understanding.read("are reverse hypers bad for you").match.entry_id == "controversy"  # an answer with no figure
    assert follow_up(understanding, "are reverse hypers bad for you", "so like 50 yrs ago?").match.entry_id is None
    concern = follow_up(understanding, "strength scheme?", "so 4x10 with my herniated disc?")
    assert concern.safety.name != "NONE" and concern.match.entry_id != "program-strength"


def test_a_sure_near_miss_pointing_back_stays_a_near_miss(understanding):
    for first, then in (("what is a floor hyperextension", "can i do them daily"),
                        ("will reverse hypers fix my flat butt", "can i do them every day"),
                        ("who makes rev hyper machines", "are they expensive? thinking of getting one for home")):
        found = follow_up(understanding, first, then)
        assert found.match.entry_id is None and found.gap is not None, then


def test_a_near_miss_read_less_surely_that_points_back_still_follows(understanding):
    first = "whats rogue fitness got to do with reverse hypers"
    assert understanding.read(first).match.entry_id in ("machine", "history")
    assert understanding.read("do they sell them").gap is not None  # alone: where to buy, read less surely
    assert follow_up(understanding, first, "do they sell them").match.entry_id in ("machine", "history")


def test_where_in_a_workout_to_put_them_is_a_detail_the_articles_lack_after_any_answer_but_the_warm_up(understanding):
    for first, then in (("whats a reverse hyper isometric hold", "when in my workout do i add those, at the end?"),
                        ("are reverse hypers good for building strength", "when do i do them in my workout, start or end?")):
        found = follow_up(understanding, first, then)
        assert found.match.entry_id is None and found.gap is not None and found.gap.id == "detail:workout-place", then
    assert understanding.read("should i warm up at the start of my workout").match.entry_id == "warm-up"
    assert follow_up(understanding, "do i need to warm up", "when in my workout do i do the warm up").match.entry_id == "warm-up"


def test_why_the_machine_was_made_and_a_tempo_in_counts_are_details_the_articles_lack(understanding):
    for first, then, kind in (("who invented the reverse hyper machine", "haha nice, why did he even make it tho", "invention-reason"),
                              ("who came up with the reverse hyper machine", "why'd he make it", "invention-reason"),
                              ("tempo hypers?", "example? like what cadence exactly, 3 down 1 up or what", "tempo-count")):
        found = follow_up(understanding, first, then)
        assert found.match.entry_id is None and found.gap is not None and found.gap.id == f"detail:{kind}", then
    assert follow_up(understanding, "who invented the reverse hyper machine", "when was that").match.entry_id == "history"
    assert follow_up(understanding, "tempo hypers?", "what r they good for").match.entry_id == "tempo-hypers"
