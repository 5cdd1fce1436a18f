"""The user tester's findings of session 32 about everyday talk, each fixed by class, through the core and the Telegram
adapter (Application.process_update with a recording request): what the bot cannot do (body weight, counting reps, watches
and apps, other languages, videos) is said plainly with what it does instead; tiredness gets a coach's reply, never a
planning flow; "what's my progress" and "how many reps did i do last week" are answered from the stored sessions; a goal
changed in words ("i want hypertrophy after all") offers the goal edit with the new goal's sets and reps; a thanks and a
goodbye together close the talk; "just finished" before today's session's reminder asks to mark that session done. The
clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.core.limits import LIMITS, Limit, asked_limit
from bot.features.planning.own_state import NOT_LOGGED
from bot.features.qa.smalltalk import REPLIES
from bot.features.reminders.feelings import NO_SESSION, REST, tired_told
from bot.features.reminders.told_done import ASK_EARLY, DONE_TOLD, NICE_WORK, NOT_MARKED
from knowledge.intents import Intent
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_history_kept_and_told import _came_round
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved

CANNOT = [("can you track my weight", Limit.BODY), ("could you log my calories for me", Limit.BODY),
          ("can you count my reps", Limit.REPS), ("keep track of my sets and reps pls", Limit.REPS),
          ("sync with my apple watch", Limit.DEVICES), ("does this connect to strava", Limit.DEVICES),
          ("can you link it to my google calendar", Limit.DEVICES), ("speak spanish please", Limit.LANGUAGE),
          ("can you reply in german", Limit.LANGUAGE), ("how do i change the language", Limit.LANGUAGE),
          ("can you send me a video of the exercise", Limit.VIDEO), ("is there a video of the setup?", Limit.VIDEO)]


@pytest.mark.parametrize(("text", "limit"), CANNOT)
def test_a_request_the_bot_cannot_do_is_said_plainly(say, text, limit):
    replies = say(text)
    assert asked_limit(text) is limit and replies[0].text == LIMITS[limit] and replies[0].entry is None


def test_a_video_asked_for_gets_the_steps_in_words(say):
    replies = say("can you send me a video of the exercise")
    assert replies[0].text == LIMITS[Limit.VIDEO] and replies[1].entry == "technique-steps"


def test_a_video_of_a_topic_gets_that_topic_in_words(say):
    assert say("video of the setup please")[1].entry == "setup"


@pytest.mark.parametrize("text", ["should i count my reps", "how much weight should i use", "translate good morning into japanese",
                                  "my dad saw a video of reverse hypers, are they safe after back surgery?",
                                  "switch language to... no wait, just make the reminders come 45 min ahead"])
def test_questions_and_requests_taken_back_are_no_request_the_bot_cannot_do(text):
    assert asked_limit(text) is None


async def test_what_the_bot_cannot_do_over_telegram(coach):
    sent = await feed_all(coach, [message_update("can you track my weight"), message_update("sync with my apple watch")])
    assert sent.texts()[0] == LIMITS[Limit.BODY] and sent.texts()[1] == LIMITS[Limit.DEVICES]


@pytest.mark.parametrize("text", ["i'm so tired today", "totally drained today", "no energy rn", "ugh im exhausted after work"])
def test_tiredness_with_no_plan_gets_a_coachs_reply_never_planning(say, text):
    shown = say(text)[0].text
    assert shown.startswith(REST) and NO_SESSION in shown and "/plan" not in shown


def test_tiredness_names_todays_session_and_how_to_skip_it(planned):  # noqa: F811
    saved(planned, "every day at 18:00")
    shown = planned("i'm so tired today")[0].text
    assert shown.startswith(REST) and "Your session today is at 18:00" in shown and "skip today" in shown


@pytest.mark.parametrize("text", ["tired af today but did it", "knackered, skip tonight", "is it ok to train when tired?"])
def test_tiredness_told_with_more_is_read_for_the_rest(text):
    assert not tired_told(text)


async def test_tiredness_over_telegram(coach):
    sent = await feed_all(coach, [message_update("i'm so tired today")])
    assert sent.texts()[0].startswith(REST)


@pytest.fixture
def trained(planned, coach, clock):  # noqa: F811
    """Sessions done Sun 22 Nov, skipped Mon, done Tue and Wed; the clock an hour after Wednesday's."""
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "skipped", "done", "done")
    return planned


@pytest.mark.parametrize("text", ["what's my progress", "how am i doing so far", "show me my progress"])
def test_progress_asked_is_told_from_the_stored_sessions(trained, text):
    assert trained(text)[0].text.startswith("So far: 3 done, 1 skipped.")


def test_reps_asked_about_a_past_week_say_they_are_not_logged_and_what_is(trained):
    assert trained("how many reps did i do last week")[0].text == f"{NOT_LOGGED} Last week: 1 done. /sessions shows what's coming."


async def test_progress_over_telegram(trained, coach):
    sent = await feed_all(coach, [message_update("what's my progress")])
    assert sent.texts()[0].startswith("So far: 3 done, 1 skipped.")


@pytest.mark.parametrize("text", ["i want hypertrophy after all", "actually i want to switch to endurance"])
def test_a_goal_changed_in_words_offers_the_edit_with_its_sets_and_reps(planned, coach, text):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    replies = planned(text)
    assert replies[0].text.startswith("For ") and " sets × " in replies[0].text and "Save this plan?" in replies[-1].text
    assert coach.plans.load_plans(7)[0].goal == "strength"  # nothing saved before the yes


def test_the_goal_changed_in_words_is_saved_on_yes(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    assert planned("i want hypertrophy after all")[0].text.startswith("For muscle growth, each reminder would carry: 2–3 sets")
    planned("yes")
    assert coach.plans.load_plans(7)[0].goal == "hypertrophy"


async def test_a_goal_changed_in_words_over_telegram(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    sent = await feed_all(coach, [message_update("i want hypertrophy after all")])
    assert sent.texts()[0].startswith("For muscle growth") and "Save this plan?" in sent.texts()[-1]


@pytest.mark.parametrize("text", ["Thanks, goodbye!", "thank you so much, goodbye", "cheers, bye"])
def test_a_thanks_and_a_goodbye_together_close_the_talk(say, text):
    assert say(text)[0].text == REPLIES[Intent.GOODBYE]


def test_a_thanks_and_a_goodbye_split_between_the_two_still_read_as_closing(coach):
    assert coach.kit.words.intent("ok cool thanks bye") in (Intent.THANKS, Intent.GOODBYE)


async def test_thanks_goodbye_over_telegram(coach):
    sent = await feed_all(coach, [message_update("Thanks, goodbye!")])
    assert sent.texts()[0] == REPLIES[Intent.GOODBYE]


@pytest.fixture
def before_reminder(planned, clock):  # noqa: F811
    """A plan every day at 18:00 (reminded 30 min before); the clock at 16:45 in Berlin, before today's reminder."""
    saved(planned, "every day at 18:00")
    clock.now = clock.now.replace(hour=15, minute=45)
    return planned


def test_just_finished_before_todays_reminder_asks_to_mark_that_session_done(before_reminder, coach):
    assert before_reminder("just finished")[0].text == ASK_EARLY.format(when="18:00")
    shown = before_reminder("yes")[0].text
    assert shown == DONE_TOLD.format(when="Sat 21 Nov 18:00") and coach.plans.count_done(7) == 1
    assert coach.plans.load_plans(7)[0].next_at.day == 22  # today's reminder will not come


def test_just_finished_answered_no_records_nothing(before_reminder, coach):
    before_reminder("just finished")
    assert before_reminder("no")[0].text == NOT_MARKED
    assert coach.plans.count_done(7) == 0 and coach.plans.load_plans(7)[0].next_at.day == 21


def test_just_finished_hours_before_the_session_is_only_praised(planned, coach):  # noqa: F811
    saved(planned, "every day at 18:00")  # the clock at 10:30: the session is more than 3 hours away
    assert planned("just finished")[0].text == NICE_WORK and coach.plans.count_done(7) == 0


async def test_just_finished_over_telegram(before_reminder, coach):
    sent = await feed_all(coach, [message_update("just finished"), message_update("yes")])
    assert sent.texts()[0] == ASK_EARLY.format(when="18:00") and coach.plans.count_done(7) == 1


def test_in_the_safety_check_the_words_answer_its_question(say):
    say("/screen")
    say("ok")
    replies = say("yes, i track my calories")
    assert replies[0].text.startswith('Noted: "Yes" for question 1') and all(r.text != LIMITS[Limit.BODY] for r in replies)
