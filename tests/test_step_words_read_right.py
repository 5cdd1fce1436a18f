"""Words typed at a dialogue's step, read as meant (issue 12): a time with a comparison word at "Save this plan?" is an
edit of the time, never a goal nor a yes ("7:30 better", "8 is better for me"); a day with "only" after it and a time is
that day's own time, at Save or on a saved plan ("thursday only can we do 8pm"); at the pregnancy question a laugh before
its own whole answer is set aside ("lol im a guy"), and only then. Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.features.planning.reading import compares_a_time
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogue_detours import flagged, mid_check
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import tue_thu  # noqa: F401 (a fixture)

PREGNANCY = 13  # the questions answered before the pregnancy question (14 of 15)


# a time compared at "Save this plan?"

def test_a_time_said_better_at_save_is_the_new_time_and_keeps_the_goal(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    shown = planned("7:30 better")[-1].text
    assert "every Mon, Wed at 19:30" in shown and "goal: strength" in shown and coach.plans.count_plans(7) == 0


def test_an_hour_said_better_at_save_saves_nothing_and_is_the_new_time(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    shown = planned("8 is better for me")[-1].text
    assert "every Mon, Wed at 20:00" in shown and "Save this plan?" in shown and coach.plans.count_plans(7) == 0


def test_only_a_time_with_comparing_words_compares_a_time():
    assert compares_a_time("7:30 better") and compares_a_time("at 8 would be better") and compares_a_time("6pm works best")
    assert not compares_a_time("i want to move better") and not compares_a_time("7:30 is better, strength")
    assert not compares_a_time("better") and not compares_a_time("3x a week better")


# a day with "only" after it and a time

def test_a_day_only_with_a_time_at_save_is_that_days_own_time(planned, coach):  # noqa: F811
    planned("every tue thu at 7pm")
    shown = planned("thursday only can we do 8pm")[-1].text
    assert "Thu at 20:00 will be a plan of its own" in shown and "every Tue at 19:00" in shown


def test_a_day_only_with_a_time_on_a_saved_plan_moves_that_session_after_a_yes(tue_thu, coach):  # noqa: F811
    offered = tue_thu("thursday only can we do 8pm")[0].text
    assert offered.startswith("Move Thu") and "(every Tue, Thu at 18:30) to Thu" in offered and "20:00?" in offered
    assert [p.schedule.local_time.hour for p in coach.plans.load_plans(7)] == [18]


# a laugh at the pregnancy question

def test_a_laugh_before_the_pregnancy_questions_own_no_is_a_no(say, coach):
    mid_check(say, PREGNANCY)
    assert "Question 15 of 15" in say("lol im a guy")[-1].text and flagged(coach) == ()


def test_a_laugh_before_more_than_the_questions_own_answer_is_not_set_aside(understanding):
    words = understanding.words
    assert understanding.screening.phrase(words("lol im a guy"), "pregnancy") == "no"
    assert understanding.screening.phrase(words("haha im a dude lol"), "pregnancy") == "no"
    assert understanding.screening.phrase(words("lol im a guy but my wife is due"), "pregnancy") is None
    assert understanding.screening.phrase(words("lol im a guy"), "medication") is None


# the same over Telegram

async def test_a_time_said_better_at_save_over_telegram(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    sent = await feed_all(coach, [message_update("7:30 better")])
    assert "every Mon, Wed at 19:30" in sent.texts()[-1] and "goal: strength" in sent.texts()[-1]


async def test_a_day_only_with_a_time_over_telegram(tue_thu, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("thursday only can we do 8pm")])
    assert sent.texts()[0].startswith("Move Thu") and "20:00?" in sent.texts()[0]


async def test_a_laugh_before_im_a_guy_over_telegram(say, coach):
    mid_check(say, PREGNANCY)
    sent = await feed_all(coach, [message_update("lol im a guy")])
    assert "Question 15 of 15" in sent.texts()[-1] and flagged(coach) == ()
