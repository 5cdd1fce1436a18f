"""Everyday words read as meant (tester s30 §17, §18): a short reply with nothing asked for it ("no, no", "go back") is no
topic, and says what the bot can do; settings said in non-native words are applied ("reminder please 1 hour early", "no
more remind 30 min, make 45 min", "i go back to berlin now", "you can speak to me with voice"); inside /settings "what is
my goal now?" tells the goal, and a "yes" after a reply there is no "that's all"; at a check-in, soreness from training
with another time asked ("so sore from legs day, tomorrow?") is a rest day, not a health answer. Through the core and the
Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.planning import texts as pt
from bot.features.qa import texts as qt
from bot.features.reminders.checkin import SKIPPED
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)
from tests.test_dialogues import rows
from tests.test_planning import button

# an everyday short reply outside a dialogue


def test_an_everyday_short_reply_is_no_topic_and_says_what_the_bot_can_do(say):
    for said, line in (("no, no", qt.NOTHING_TO_ANSWER), ("yes yes", qt.NOTHING_TO_ANSWER), ("go back", qt.NOTHING_TO_GO_BACK),
                       ("take me back", qt.NOTHING_TO_GO_BACK)):
        replies = say(said)
        assert [r.text for r in replies] == [line] and replies[0].entry is None, said
    assert "make a plan" in qt.NOTHING_TO_ANSWER and "/help" in qt.NOTHING_TO_GO_BACK


def test_a_question_with_a_yes_no_or_back_word_is_still_answered(say):
    assert say("no machine")[0].entry == "no-machine"
    assert say("go back how far with my legs?")[0].text not in (qt.NOTHING_TO_GO_BACK, qt.NOTHING_TO_ANSWER)


def test_going_back_inside_a_dialogue_that_does_not_take_it_is_not_told_there_is_nothing_open(say, coach):
    say("/screen")
    replies = say("go back")
    assert qt.NOTHING_TO_GO_BACK not in [r.text for r in replies] and rows(coach) == [("scr", "consent")]


# settings in non-native words


def test_a_reminder_asked_early_or_changed_from_one_length_to_another_sets_the_lead(say, coach):
    assert say("reminder please 1 hour early")[0].text.startswith("Done: reminders come 1 h before")
    assert coach.plans.load_profile(7).lead_minutes == 60
    assert say("no more remind 30 min, make 45 min")[0].text.startswith("Done: reminders come 45 min before")
    assert coach.plans.load_profile(7).lead_minutes == 45


def test_going_back_to_a_city_offers_its_zone_outside_and_inside_the_settings(say):
    assert say("i go back to berlin now")[0].text.startswith("Berlin (Germany), now")
    say("/settings")
    assert say("im going back to berlin")[0].text.startswith("Berlin (Germany), now")


def test_voice_asked_as_speaking_with_voice_turns_voice_replies_on(say, coach):
    assert say("you can speak to me with voice")[0].text.startswith("🔊 Voice replies are on")
    assert coach.kit.users.load_voice_replies(7)


def test_what_a_setting_is_now_asked_inside_the_settings_is_told(say):
    say(button(say("/settings")[0], "Endurance"), button=True)
    replies = say("what is my goal now?")
    assert replies[0].text == "Your goal is endurance." and replies[1].text.startswith("Still in settings")
    assert say("what does the goal do?")[0].text == pt.SETTING_MEANS[0][1]


def test_a_yes_after_a_reply_inside_the_settings_keeps_them_open(say, coach):
    say("/settings")
    say("what is my goal now?")
    assert [r.text for r in say("yes")] == [pt.YES_TO_WHAT] and rows(coach) == [("set", "menu")]
    assert say("done")[0].text == pt.SETTINGS_KEPT and rows(coach) == []


def test_a_yes_right_after_the_settings_are_shown_still_closes_them(say, coach):
    say("/settings")
    assert say("yes")[0].text == pt.SETTINGS_KEPT and rows(coach) == []


# a check-in reply that asks for another time


@pytest.mark.parametrize("typed", ["so sore from legs day, tomorrow?", "legs still sore from yesterday, maybe tomorrow?"])
async def test_soreness_from_training_with_another_time_asked_at_a_check_in_is_a_rest_day(say, coach, clock, sender,  # noqa: F811
                                                                                          typed):
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = say(typed)
    assert [r.text for r in replies] == [SKIPPED] and status(coach, outbox) == "skipped"
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN


async def test_a_question_at_a_check_in_is_still_answered_and_pain_still_counts(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert say("how many sets tomorrow?")[0].text != SKIPPED and status(coach, outbox) == "sent"
    assert say("my back is sore from deadlifts, tomorrow?")[0].safety == "doctor" and status(coach, outbox) == "skipped"


# the same over Telegram


async def test_soreness_with_another_time_asked_at_a_check_in_over_telegram(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    sent = await feed_all(coach, [message_update("so sore from legs day, tomorrow?")])
    assert sent.texts() == [SKIPPED] and status(coach, outbox) == "skipped"



async def test_everyday_short_replies_over_telegram_are_no_topic(coach):
    sent = await feed_all(coach, [message_update("no, no"), message_update("go back")])
    assert sent.texts() == [qt.NOTHING_TO_ANSWER, qt.NOTHING_TO_GO_BACK]


async def test_settings_in_non_native_words_over_telegram(coach):
    sent = await feed_all(coach, [message_update("reminder please 1 hour early"), message_update("no more remind 30 min, make 45 min"),
                                  message_update("i go back to berlin now"), message_update("you can speak to me with voice")])
    texts = sent.texts()
    assert texts[0].startswith("Done: reminders come 1 h before") and texts[1].startswith("Done: reminders come 45 min before")
    assert texts[2].startswith("Berlin (Germany), now") and texts[3].startswith("🔊 Voice replies are on")
    assert coach.plans.load_profile(7).lead_minutes == 45


async def test_inside_the_settings_over_telegram_the_goal_is_told_and_a_yes_keeps_them_open(coach):
    sent = await feed_all(coach, [message_update("/settings"), message_update("what is my goal now?"), message_update("yes")])
    texts = sent.texts()
    assert texts[1] == "No goal is set yet: tap one above." and texts[-1] == pt.YES_TO_WHAT
