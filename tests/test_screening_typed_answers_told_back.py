"""Typed answers to the safety check (tester s31): an answer typed in more than its own word is told back as recorded
("Noted: "No" ..."), so a misreading can be seen and taken back; "does not apply to me" answers ("i am man" at the
pregnancy question, "never had surgery", "i dont take any medication") are a no; "i dont think so" is a hedge, so it
counts as not sure (screening.md: "Not sure" counts as yes) and is told back with the way to say no; an adult age told
late records nothing at the age question; "no problem" at the consent message is consent. Through the core and
through the Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.texts import DECLINED
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at


@pytest.mark.parametrize("typed", ["i am man", "im man", "i am boy", "me man", "not possible, im male", "i'm not a woman"])
def test_a_man_saying_so_at_the_pregnancy_question_is_a_no_told_back(coach, typed):
    screen = at(Screen(coach), "pregnancy")
    [reply] = screen.send(typed)
    assert reply.text.startswith("Noted: \"No\" for question 14") and "Question 15 of 15" in reply.text
    assert "I meant yes" in reply.text and flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("pregnancy", "doesnt apply to me"), ("pregnancy", "not applicable"), ("surgery", "does not apply"),
    ("surgery", "never had surgery"), ("medication", "i dont take any medication"),
    ("medication", "i dont have any medication"), ("medication", "not relevant for me"),
])
def test_an_answer_that_the_question_does_not_apply_is_a_no_without_a_doctor_line(coach, question_id, typed):
    screen = at(Screen(coach), question_id)
    replies = screen.send(typed)
    assert replies[-1].text.startswith("Noted: \"No\"") and flagged_so_far(screen) == ()
    assert not any(r.safety for r in replies) and len(replies) == 1


def test_i_dont_think_so_counts_as_not_sure_and_says_how_to_say_no(coach):
    screen = at(Screen(coach), "heart_bp")
    [reply] = screen.send("i dont think so")
    assert reply.text.startswith("Noted: \"Not sure\" (it counts as yes) for question 2")
    assert "I meant no" in reply.text and flagged_so_far(screen) == ("heart_bp",)
    assert screen.send("I meant no")[-1].text.startswith("Question 3 of 15") and flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", ["no", "No.", "yes", "nope", "not sure"])
def test_an_answer_typed_as_its_own_word_is_not_told_back(coach, typed):
    screen = at(Screen(coach), "heart_bp")
    assert screen.send(typed)[-1].text.startswith("Question 3 of 15")


def test_an_answer_that_ends_the_check_is_told_back_without_the_way_back(coach):
    screen = at(Screen(coach), "red_flags")
    [reply] = screen.send("nothing like that")
    assert reply.text.startswith("Noted: \"No\" for question 15") and "Back" not in reply.text.split("\n\n")[0]


def test_an_adult_age_told_late_records_nothing_at_the_age_question(coach):
    screen = at(Screen(coach), "pregnancy")
    replies = screen.send("i am 45 year old man")
    assert flagged_so_far(screen) == () and not any("That answers question 1" in r.text for r in replies)
    assert "Question 14 of 15" in replies[-1].text


@pytest.mark.parametrize("typed", ["i am 25 year and healthy, no problem", "no problem", "no worries, go ahead"])
def test_no_problem_at_the_consent_message_starts_the_check(coach, typed):
    screen = Screen(coach)
    screen.send("/screen")
    assert screen.send(typed)[-1].text.startswith("Question 1 of 15")


def test_no_problem_but_not_now_at_the_consent_message_declines(coach):
    screen = Screen(coach)
    screen.send("/screen")
    assert screen.send("no problem, but not now")[-1].text == DECLINED
    assert coach.need(ScreeningFlow).store.load_progress(7) is None


async def test_consent_and_a_typed_answer_over_telegram_are_read_and_told_back(coach):
    updates = [message_update("/screen"), message_update("i am 25 year and healthy, no problem"),
               *[message_update("no") for _ in range(13)], message_update("i am man")]
    sent = await feed_all(coach, updates)
    texts = sent.texts()
    assert texts[1].startswith("Question 1 of 15") and texts[-1].startswith("Noted: \"No\" for question 14")
    assert "Question 15 of 15" in texts[-1]
    buttons = [b["text"] for row in sent.sent()[-1]["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[:3] == ["Yes", "No", "Not sure"] and "⬅️ Back" in buttons
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ()


@pytest.mark.parametrize(("typed", "flagged"), [("yse", ("age_minor",)), ("nto sure", ("age_minor",))])
def test_a_typo_of_an_answer_word_is_that_word(coach, typed, flagged):
    screen = at(Screen(coach), "age_minor")
    screen.send(typed)
    assert flagged_so_far(screen) == flagged and "Question 2 of 15" in screen.last.text


@pytest.mark.parametrize("typed", ["going to a chiro for my lower back", "seeing an osteopath for my hip"])
def test_care_from_a_chiropractor_or_osteopath_answers_the_injury_question(coach, typed):
    screen = at(Screen(coach), "injury_in_care")
    screen.send(typed)
    assert flagged_so_far(screen) == ("injury_in_care",) and "Question 14 of 15" in screen.last.text


def test_a_chiropractor_named_at_the_supervision_question_is_about_it(coach):
    screen = at(Screen(coach), "supervised_only")
    screen.send("cant recall what the chiro said")
    assert flagged_so_far(screen) == ("supervised_only",) and "Question 9 of 15" in screen.last.text
