"""The tester's findings of session 31 (a real bot at 2680824) that the lead fixed, through the core, the Telegram adapter
(Application.process_update with a recording request) and the terminal chat: a session's own label typed back ("Skip
Wed 09 Dec 18:00") names 9 December, not the 18th; the topic menu's labels typed instead of tapped open it; a web link
is said to be unopenable and the words around it answered; a path to a file that is no audio gets a clear note; a plan
asked for in the same message as the city ("..., i am living in kathmandu") is kept (for after the safety check) and goes
on in that place, never only the time zone set and the days lost; "what are my sets and reps" gives the saved goal's
numbers, never the goal of the topic talked about last; /help or /start at /settings or at /forget's question asks that
screen's question again after it; after a health concern, a later technique question ("too heavy?") opens with a one-line
reminder, not the whole doctor-first paragraph again (questions about the user's own case keep it)."""

from __future__ import annotations

import io

import pytest

from bot.adapters.terminal.chat import NOT_AUDIO, run_chat, to_inbound
from bot.core.messages import Button, InboundKind
from bot.features.planning.texts import NEED_SCREEN
from bot.features.qa import texts as qa
from knowledge.plan_days import date_named
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned, screen  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.mark.parametrize(("typed", "day"), [("Skip Wed 09 Dec 18:00", "date:12:9"), ("✖️ Skip Mon 07 Dec 18:00", "date:12:7"),
                                            ("skip dec 9 18:00", "date:12:9"), ("skip dec 9 at 18.30", "date:12:9"),
                                            ("skip december 18", "date:12:18")])
def test_a_clock_time_after_a_month_is_never_read_as_its_day(typed, day):
    assert date_named(typed) == day


def test_a_sessions_label_typed_back_skips_that_session(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")  # the clock: Sat 21 Nov 2026 in Berlin
    replies = planned("Skip Wed 25 Nov 18:00")
    assert "Wed 25 Nov 18:00" in replies[0].text and "Fri" not in replies[0].text.partition("(")[0]


@pytest.mark.parametrize("typed", ["Topics", "topics!", "show me the topics"])
def test_the_topics_label_typed_opens_the_topic_menu(say, coach, typed):
    reply = say(typed)[0]
    assert reply.text == qa.format_topics_intro() and len(reply.button_list()) == len(coach.answers.kb.groups)


def test_a_topic_groups_label_typed_opens_that_group(say, coach):
    group, label = next(iter(coach.answers.kb.groups.items()))
    reply = say(label.lower().replace("&", "and"))[0]
    assert reply.text == f"{label}: pick a question." and [b.data for b in reply.button_list()][0].startswith("kb:")


def test_the_topics_label_typed_mid_check_opens_the_menu_and_asks_the_question_again(say):
    say("/screen")
    question = say("I agree, start")[-1].text
    replies = say("topics")
    assert replies[0].text == qa.format_topics_intro() and replies[-1].text.startswith(question)


async def test_the_topics_label_typed_over_telegram_opens_the_menu(coach):
    sent = await feed_all(coach, [message_update("Topics")])
    assert sent.texts() == [qa.format_topics_intro()]


def test_a_link_is_said_unopenable_and_the_words_around_it_answered(say):
    reply = say("https://www.youtube.com/watch?v=abc123 how high should my legs go")[0]
    assert reply.text.startswith(qa.LINKS) and reply.entry == say("how high should my legs go")[0].entry is not None


def test_a_link_alone_asks_for_words(say):
    reply = say("www.t-nation.com/training/reverse-hyper")[0]
    assert reply.text == qa.LINK_ONLY and reply.entry is None


async def test_a_link_over_telegram_is_said_unopenable(coach):
    sent = await feed_all(coach, [message_update("check this www.example.com/video")])
    assert qa.LINKS in sent.texts()[0]


def test_a_typed_label_picks_its_button_without_its_emoji_or_case():
    buttons = [Button("✅ Yes, that's right", "yes-data"), Button("📚 Topics", "topics")]
    assert to_inbound(7, "topics", buttons).kind is InboundKind.BUTTON and to_inbound(7, "Topics", buttons).text == "topics"
    assert to_inbound(7, "yes thats right", buttons).text == "yes-data"
    assert to_inbound(7, "yes", buttons).kind is InboundKind.TEXT  # a part of a label is typed text


def test_a_path_to_a_file_that_is_no_audio_says_so(coach, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hi")
    out = io.StringIO()
    run_chat(coach, [str(notes), str(tmp_path), "/help"], out, 7)
    assert out.getvalue().count(NOT_AUDIO) == 2 and "I don't know" not in out.getvalue()


PLAN_AND_CITY = ["hello sir, i want the plan please for monday and thursday 7 evening, i am living in kathmandu",
                 "i live in kathmandu now, remind me mon thu 7pm"]


@pytest.mark.parametrize("typed", PLAN_AND_CITY)
def test_a_plan_asked_with_the_city_is_kept_through_the_check_and_made_there(say, coach, typed):
    assert say(typed)[0].text == NEED_SCREEN and not coach.plans.load_profile(7).zone
    say("/screen")
    say("I agree, start")
    guess = [say("no") for _ in range(15)][-1][-1]  # the plan goes on after the result
    assert "Kathmandu" in guess.text
    say(button(guess, "Yes"), button=True)
    confirm = say("strength")[-1]
    assert "every Mon, Thu at 19:00 (Asia/Kathmandu)" in confirm.text


@pytest.mark.parametrize("typed", PLAN_AND_CITY)
def test_a_green_user_asking_a_plan_with_the_city_gets_the_plan_there(say, typed):
    screen(say)
    guess = say(typed)[-1]
    assert "Kathmandu" in guess.text and "Right?" in guess.text


async def test_a_plan_asked_with_the_city_over_telegram_points_to_the_check(coach):
    sent = await feed_all(coach, [message_update(PLAN_AND_CITY[1])])
    assert sent.texts() == [NEED_SCREEN] and not coach.plans.load_profile(7).zone


@pytest.mark.parametrize("typed", ["what are my sets and reps", "my reps?", "whats my sets and reps again"])
def test_my_sets_and_reps_are_the_saved_goals_after_another_topic(planned, typed):  # noqa: F811
    saved(planned, "mon wed fri 6pm")  # goal strength
    planned("how long until i see results")
    assert planned(typed)[0].text.startswith("Your goal is strength: 3–4 sets × 8–10 reps")


async def test_my_sets_and_reps_over_telegram_are_the_saved_goals(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    sent = await feed_all(coach, [message_update("how long until i see results"), message_update("what are my sets and reps")])
    assert sent.texts()[-1].startswith("Your goal is strength")


def test_help_at_the_settings_asks_the_settings_again(say):
    say("/settings")
    replies = say("/help")
    assert replies[-1].text.startswith("Still in settings")


def test_start_at_the_erase_question_asks_it_again_and_a_no_erases_nothing(say):
    say("/forget")
    replies = say("/start")
    assert replies[-1].text.endswith("Erase it?")
    assert say("no")[0].text == "Okay, nothing was erased."


async def test_help_at_the_settings_over_telegram_asks_the_settings_again(coach):
    sent = await feed_all(coach, [message_update("/settings"), message_update("/help")])
    assert sent.texts()[-1].startswith("Still in settings")


def test_a_technique_question_after_a_concern_opens_with_a_one_line_reminder(say):
    assert say("my knee is a bit sore")[0].safety == "doctor"
    reply = say("too heavy?")[0]
    assert reply.safety == "doctor" and reply.text.startswith(qa.DOCTOR_AGAIN) and qa.DOCTOR_FIRST not in reply.text
    say("my knee is a bit sore", user=8)
    assert say("how many reps then", user=8)[0].text.startswith(qa.DOCTOR_AGAIN)  # no leave asked: the one line (s33)


async def test_a_technique_question_after_a_concern_over_telegram_gets_one_line(coach):
    sent = await feed_all(coach, [message_update("my knee is a bit sore"), message_update("too heavy?")])
    assert qa.DOCTOR_AGAIN in sent.texts()[-1] and qa.DOCTOR_FIRST not in sent.texts()[-1]
