"""Typed replies that tell when: a topic told as over is a no at a question about now, one told long ago a no at a
question about a recent window, and neither when it goes on or the question asks about ever; a no in other words
("the opposite", "just the pill", "only my wrist", "my dad has it but i dont") is a no; a topic told and then
asked about is a not sure; "does X count" asks; "no clue" is a doubt; a "no" with no denial that asks is no answer."""

from __future__ import annotations

import pytest

from bot.features.screening.questions import BY_ID, Status
from bot.features.screening.reading import Readers, read_reply
from knowledge.screening import TypedReply, load_screening_words
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at, number


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


def _answered_no(screen: Screen, question_id: str, typed: str) -> bool:
    """Whether `typed` at `question_id` moved on to the next question with nothing flagged."""
    at(screen, question_id)
    moved = f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    return moved and flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("back_pain_now", "pulled it ages back, all sorted now"),
    ("medication", "used to take statins but my gp took me off them"),
    ("injury_in_care", "knee injury last spring, fully healed"),
    ("leg_symptoms", "sciatica down my leg in 2016, went away"),
])
def test_a_topic_told_as_over_at_a_question_about_now_is_a_no(screen, question_id, typed):
    assert _answered_no(screen, question_id, typed)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("dizzy_faint", "passed out once as a teenager"),
    ("dizzy_faint", "fainted at a wedding in 2011"),
    ("surgery", "knee op 4 years ago"),
    ("surgery", "had a hernia fixed when i was little"),
])
def test_a_topic_told_long_ago_at_a_question_about_a_recent_window_is_a_no(screen, question_id, typed):
    assert _answered_no(screen, question_id, typed)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("back_pain_now", "it went away for years but it flared up again this week"),  # over once, going on now
    ("back_pain_now", "lower back pain since i was a kid"),  # long ago as the start of something that goes on
    ("surgery", "spinal fusion 10 years ago"),  # the surgery question asks about spine surgery ever
    ("surgery", "I had surgery 2 years ago"),  # of no kind told: it may be the spine's
    ("dizzy_faint", "dizzy spells since 2015"),  # a year that starts something going on
])
def test_a_topic_told_as_going_on_or_at_a_question_about_ever_stays_a_yes(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert flagged_so_far(screen)[-1] == question_id


def test_an_earlier_questions_topic_told_as_over_is_no_yes_told_late(screen):
    at(screen, "injury_in_care")
    screen.send("tore my calf last summer, fully healed")  # the calf: the effort question's topic (question 5)
    assert "effort_symptoms" not in flagged_so_far(screen)


def test_words_of_being_over_after_a_denial_tell_no_no(screen):
    at(screen, "injury_in_care")
    screen.send("hip flexor strain, not fully healed")
    assert flagged_so_far(screen)[-1] == "injury_in_care"


@pytest.mark.parametrize(("question_id", "typed"), [
    ("surgery", "had a keyhole op on my hip in august, does that count?"),
    ("chronic_condition", "mild asthma as a kid, is that long term?"),
])
def test_a_topic_told_and_then_asked_about_is_a_not_sure(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen)[-1] == question_id


@pytest.mark.parametrize(("question_id", "typed"), [
    ("injury_in_care", "does wrist pain count as an injury"),
    ("injury_in_care", "do sports massages count as treatment"),
])
def test_a_question_whether_something_counts_is_asked_again_and_never_recorded(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id)} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == () and screen.status is Status.IN_PROGRESS


def test_a_reply_opening_with_no_clue_is_a_not_sure_never_a_no():
    readers = Readers(reply=lambda _text, _question: TypedReply(lead="no"), words=load_screening_words())
    assert read_reply("no clue, havent seen a gp in years", BY_ID["heart_bp"], readers).code == "u"


def test_a_no_from_the_reader_with_no_word_of_denial_that_asks_is_no_answer():
    readers = Readers(reply=lambda _text, _question: TypedReply(label="no", question=True), words=load_screening_words())
    assert read_reply("im 52 actually, does that change anything", BY_ID["red_flags"], readers).code is None


@pytest.mark.parametrize(("typed", "code"), [
    ("nah i have not had that", "n"),  # a no first and a denial after it: the reader's yes is wrong
    ("nope, had a check in june", None),  # a no first, the reader's yes: unclear, asked again
])
def test_a_no_first_against_the_readers_yes_is_never_a_yes(typed, code):
    readers = Readers(reply=lambda _text, _question: TypedReply(label="yes", lead="no"), words=load_screening_words())
    assert read_reply(typed, BY_ID["heart_bp"], readers).code == code


@pytest.mark.parametrize("typed", ["just a bit of hay fever, no", "only seasonal allergies lol so no"])
def test_a_reply_read_as_nothing_that_ends_on_an_answer_word_takes_it(typed):
    readers = Readers(words=load_screening_words())
    assert read_reply(typed, BY_ID["chronic_condition"], readers).code == "n"


def test_a_misspelt_not_sure_is_a_not_sure_never_a_no(screen):
    at(screen, "leg_symptoms")
    screen.send("not sur")
    assert flagged_so_far(screen)[-1] == "leg_symptoms"


def test_a_man_saying_so_answers_no_at_the_pregnancy_question_only():
    words = load_screening_words()
    assert words.phrase("im a dude lol".split(), "pregnancy") == "no"
    assert words.phrase("im a dude lol".split(), "heart_bp") is None


@pytest.mark.parametrize(("typed", "code"), [("born in 2011", "y"), ("born in 1990", "n"), ("born in 2008", "u")])
def test_a_year_of_birth_answers_the_age_question(typed, code):
    readers = Readers(words=load_screening_words(), this_year=lambda: 2026)
    assert read_reply(typed, BY_ID["age_minor"], readers).code == code


def test_an_age_told_first_is_the_users_whoever_else_is_named(screen):
    at(screen, "age_minor")
    screen.send("15 but my dad says its fine")
    assert flagged_so_far(screen)[-1] == "age_minor"


@pytest.mark.parametrize(("question_id", "typed"), [
    ("chronic_condition", "my dad has diabetes but i dont"),
    ("supervised_only", "the opposite, my physio wants me lifting"),
    ("medication", "only the pill lol"),
    ("injury_in_care", "sprained my wrist, in a splint now"),
    ("surgery", "dental surgery in october"),
])
def test_a_no_told_in_other_words_moves_on_with_nothing_flagged(screen, question_id, typed):
    assert _answered_no(screen, question_id, typed)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("medication", "the pill and metformin"),  # the question's topic named after the phrase
    ("surgery", "knee and hip surgery last month"),  # a part the question asks about named too
])
def test_a_no_phrase_or_a_part_not_asked_about_never_hides_what_follows_it(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert flagged_so_far(screen)[-1] == question_id


def test_a_year_of_birth_is_read_by_the_cores_clock_not_the_machines(coach, clock):
    clock.now = clock.now.replace(year=2029)  # born in 2009: 20 by the core's date (17 by this machine's in 2026)
    assert _answered_no(Screen(coach), "age_minor", "born in 2009")
