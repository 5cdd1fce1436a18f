"""What people say beside a dialogue's question, read as meant (issues 12 and 11): a question about the safety check asked
while a plan or the time zone waits is answered (not "let's finish this first"), a question at the time-zone screen is
never read as a place and its guessed place is asked again after it, and a goal said with a schedule ("mon wed fri 7am
strength") is kept at the zone question and plans with no dialogue open. Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.core.texts import BUSY
from bot.features.planning import texts as pt
from bot.features.screening import texts as st
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogues import ready  # noqa: F401 (a fixture)
from tests.test_planning import button, planned, screen  # noqa: F401 (a fixture)

ABOUT_CHECK = "what's the point of the safety check"
MANCHESTER = "Manchester (United Kingdom), now"


def test_a_question_about_the_check_while_planning_is_answered_and_the_step_asked_again(planned, coach):  # noqa: F811
    replies = planned(ABOUT_CHECK)
    assert replies[0].text == st.ABOUT and BUSY not in replies
    assert replies[-1].text.startswith("Back to your plan") and coach.kit.dialogues.current(7).dialogue == "plan"


def test_a_request_for_the_check_while_planning_still_waits_for_the_plan(planned, coach):  # noqa: F811
    assert planned("take me to the safety check")[0] == BUSY and coach.kit.dialogues.current(7).dialogue == "plan"


def test_a_question_at_the_zone_screen_is_answered_not_read_as_a_place(say):
    say("/timezone")
    replies = say("do you store my health answers from the check")
    assert replies[0].text.startswith("Here is everything I store about you") and st.KEEPS in [r.text for r in replies]
    assert pt.ZONE_UNKNOWN not in [r.text for r in replies]


def test_the_zone_screen_asks_its_guessed_place_again_after_a_question(say):
    say("/timezone")
    assert say("i live in manchester")[0].text.startswith(MANCHESTER)
    again = say("how many reps for strength")[-1]
    assert again.text.startswith("Back to your time zone. Is your time zone Europe/London")
    assert "Time zone set: Europe/London" in say(button(again, "Yes"), button=True)[0].text


def test_a_goal_said_with_a_schedule_at_the_zone_question_is_kept(say):
    screen(say)
    say("/plan")
    assert say("mon wed fri 7am strength")[0].text == pt.KEPT_ASK_ZONE
    shown = say(button(say("Berlin")[0], "Yes"), button=True)[-1].text
    assert "every Mon, Wed, Fri at 07:00" in shown and "goal: strength" in shown and shown.endswith("Save this plan?")


def test_a_schedule_with_a_goal_told_with_nothing_open_plans_it(ready):  # noqa: F811
    shown = ready("mon wed fri 7am for size")[0].text
    assert shown.startswith("I understood: every Mon, Wed, Fri at 07:00") and "goal: muscle growth" in shown


def test_talk_with_a_day_in_it_is_still_no_plan(ready, coach):  # noqa: F811
    ready("did it today, legs were tired")
    assert coach.kit.dialogues.current(7) is None


async def test_over_telegram_the_check_is_explained_at_the_zone_screen_and_the_guess_asked_again(coach):
    sent = await feed_all(coach, [message_update("/timezone"), message_update("i live in manchester"),
                                  message_update(ABOUT_CHECK)])
    texts = sent.texts()
    assert texts[1].startswith(MANCHESTER) and texts[2] == st.ABOUT
    assert texts[3].startswith("Back to your time zone. Is your time zone Europe/London")


def test_a_plan_asked_for_in_the_middle_of_the_check_is_kept_for_after_it(say):
    say("/screen")
    say("ok")
    for _ in range(5):
        say("no")
    replies = say("can u remind me tue/thu 6:30pm")
    assert replies[0].text == pt.KEPT_FOR_AFTER_CHECK and replies[-1].text.startswith("Question 6 of 15")
    for _ in range(10):
        finished = say("no")
    assert finished[0].text.startswith("✅") and pt.ASK_ZONE in finished[-1].text
    shown = say(button(say("Berlin")[0], "Yes"), button=True)
    assert "Tue, Thu at 18:30" in say(button(shown[-1], "Strength"), button=True)[-1].text


async def test_over_telegram_a_plan_asked_for_mid_check_is_kept(coach):
    sent = await feed_all(coach, [message_update(t) for t in ("/screen", "ok", "no", "remind me every monday at 7am")])
    assert pt.KEPT_FOR_AFTER_CHECK in sent.texts()
