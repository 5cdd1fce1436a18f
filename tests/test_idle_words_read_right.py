"""Words typed with no dialogue open, read as meant (issue 12): "save" with nothing waiting for it says so, a question about
the safety check or what it keeps is answered (not the check started), and a request after a greeting is acted on while a
greeting's own chatter stays a greeting. Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.features.planning import texts as pt
from bot.features.qa.smalltalk import REPLIES
from bot.features.screening import texts as st
from knowledge.intents import Intent
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogues import ready, rows  # noqa: F401 (a fixture)

GREETING = REPLIES[Intent.GREETING]


# "save" with no plan waiting for it

def test_save_typed_with_nothing_open_says_there_is_nothing_to_save(say, coach):
    replies = say("save")
    assert [r.text for r in replies] == [pt.NOTHING_TO_SAVE] and rows(coach) == []


def test_save_typed_after_the_plan_was_saved_shows_the_plans(ready, coach):  # noqa: F811
    ready("/plan every Mon at 7am")
    assert "Saved" in ready("yes")[0].text
    replies = ready("ok save it")
    assert replies[0].text == pt.NOTHING_LEFT_TO_SAVE and replies[1].text.startswith("Your plans:\n• every Mon at 07:00")
    assert coach.plans.count_plans(7) == 1


def test_save_typed_at_the_save_step_still_saves(ready, coach):  # noqa: F811
    ready("/plan every Tue at 6pm")
    assert "Saved" in ready("save")[0].text and coach.plans.count_plans(7) == 1


# questions about the safety check

def test_a_question_about_the_safety_check_is_answered_not_started(say, coach):
    for question in ("is the safety check required", "what is the safety check for", "do i have to do the safety check"):
        replies = say(question)
        assert [r.text for r in replies] == [st.ABOUT] and rows(coach) == [], question
        assert "Take the safety check" in replies[0].button_list()[0].label


def test_a_question_about_what_is_kept_gets_what_mydata_shows(say, coach):
    kept = say("does the safety check store my stuff")  # read as the check: what it keeps is said too
    assert kept[0].text.startswith("Here is everything I store about you") and kept[-1].text == st.KEEPS


def test_a_request_for_the_check_worded_as_a_question_still_starts_it(say, coach):
    assert say("can i do the safety check now?")[0].text == st.CONSENT and rows(coach) == [("scr", "consent")]


# a request after a greeting

def test_a_request_after_a_greeting_is_acted_on(say):
    assert say("hello coach i want start trainings")[0].text == pt.NEED_SCREEN


def test_a_greetings_own_chatter_stays_a_greeting(say):
    for chatter in ("hello how are you", "hi im new here", "hello coach nice to meet you"):
        assert [r.text for r in say(chatter)] == [GREETING], chatter


# the same over Telegram

async def test_save_with_nothing_open_over_telegram_says_so(coach):
    sent = await feed_all(coach, [message_update("save")])
    assert sent.texts() == [pt.NOTHING_TO_SAVE]


async def test_a_question_about_the_check_over_telegram_is_answered(coach):
    sent = await feed_all(coach, [message_update("is the safety check required"),
                                  message_update("does the safety check store my stuff")])
    texts = sent.texts()
    assert texts[0].startswith("The safety check is 15 short yes / no questions") and "Ready?" not in texts[0]
    assert texts[1].startswith("Here is everything I store about you")


async def test_a_request_after_a_greeting_over_telegram_is_acted_on(coach):
    sent = await feed_all(coach, [message_update("hello coach i want start trainings"), message_update("hello how are you")])
    assert sent.texts()[0].startswith("Before I plan sessions") and sent.texts()[1] == GREETING
