"""Follow-ups that object, ask the same of one listed thing, or ask how to set the bands up: a bare "why" followed
by the asker's own objection ("y tho its only legs swinging") asks why of the last answer, "does it ... too" after
one of the things an answer lists asks the same of that thing, "wdym" asks what a word of the last answer means,
"straight" said of going to the machine is no straight leg, and setting the bands up is a detail the articles lack."""

from __future__ import annotations

from tests.conftest import follow_up


def test_a_bare_why_then_ones_own_objection_asks_why_of_the_last_answer(understanding):
    first = "should i warm up before doing reverse hypers"
    assert understanding.read(first).match.entry_id == "warm-up"
    swinging = "y tho its only my legs swinging"
    assert understanding.read(swinging).match.entry_id == "momentum"  # alone "swinging" reads as momentum
    reading = follow_up(understanding, first, swinging)
    assert reading.match.entry_id == "warm-up" and reading.again
    light = "why, its only bodyweight lol"
    assert understanding.read(light).match.entry_id is None  # alone a near miss (a weight figure)
    assert follow_up(understanding, first, light).match.entry_id == "warm-up"


def test_only_a_why_followed_by_a_statement_is_an_objection(understanding):
    follow_ups = understanding.follow_ups
    for objecting in ("y tho its just legs swinging lol", "why its just bodyweight", "whyyy, im not even lifting much",
                      "why but thats so light"):
        assert follow_ups.objects(understanding.words(objecting)), objecting
    for asking in ("why would i need a doctor", "why does it help", "its just legs why", "why", "how is it so light"):
        assert not follow_ups.objects(understanding.words(asking)), asking


def test_does_it_too_after_one_listed_thing_asks_the_same_of_that_thing(understanding):
    first, then = "whats the semimembranosus", "does it bend the knees as well"
    assert understanding.read(first).match.entry_id == "semimembranosus"
    assert understanding.read(then).match.entry_id == "bent-knees"  # alone it reads as bending the knees
    assert follow_up(understanding, first, then).match.entry_id == "semimembranosus"


def test_wdym_asks_what_a_word_of_the_last_answer_means(understanding):
    first, then = "what do the hamstrings do on a reverse hyper", "wdym resisting knee hyperextension??"
    assert understanding.read(first).match.entry_id == "hamstrings-role"
    assert "mean" in understanding.matcher.normalizer.tokens_of(["wdym"])
    assert follow_up(understanding, first, then).match.entry_id == "hamstrings-role"


def test_going_straight_to_the_machine_is_no_straight_leg(understanding):
    first, then = "should beginners start on floor hyperextensions", "why cant i go straight onto the machine"
    assert understanding.read(first).match.entry_id == "floor-hyperextension"
    assert follow_up(understanding, first, then).match.entry_id != "straight-legs"
    assert understanding.read("should my legs stay straight on reverse hypers").match.entry_id == "straight-legs"


def test_setting_up_the_bands_is_a_detail_the_articles_lack(understanding):
    alone = understanding.read("how do i set up the bands for banded hypers")
    assert alone.match.entry_id is None and alone.gap is not None and alone.gap.id == "detail:band-setup"
    first = "what are banded hypers"
    assert understanding.read(first).match.entry_id == "banded-hypers"
    reading = follow_up(understanding, first, "ok how do i set the band up, where does it go")
    assert reading.match.entry_id is None and reading.gap is not None and reading.gap.id == "detail:band-setup"
    assert "banded-hypers" in reading.gap.offer


def test_an_objection_after_reactions_or_whats_the_point_of_that_asks_why_of_the_last_answer(understanding):
    follow_ups = understanding.follow_ups
    for objecting in ("ok but whats the point of that my arms literally do nothing", "why tho i thought its glutes not abs",
                      "lol ok but why its so light", "whats the point of it, my gym partner does half reps"):
        assert follow_ups.objects(understanding.words(objecting)), objecting
    for asking in ("whats the point of going that low", "whats the point of that", "why i should warm up",
                   "whats the point of that exercise", "why would i need a doctor"):
        assert not follow_ups.objects(understanding.words(asking)), asking
    first, then = "do i hold the handles or nah", "ok but whats the point of that my arms literally do nothing the whole time"
    assert understanding.read(first).match.entry_id == "grip"
    assert follow_up(understanding, first, then).match.entry_id == "grip"
    first, then = "do i need to brace abs on this", "why tho i thought its glutes not abs"
    assert understanding.read(first).match.entry_id == "core-bracing"
    assert follow_up(understanding, first, then).match.entry_id == "core-bracing"
