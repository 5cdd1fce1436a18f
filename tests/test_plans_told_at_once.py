"""Place, goal and schedule in one message at the time-zone question (the tester's finding 12, 2026-12-05, s29):
"strength, mon wed fri at 7, im in berlin" asks Berlin's yes with the schedule and goal kept (and says what was kept),
so the goal is not asked again and the place is not left out; "for endurance, berlin time" keeps the goal. The clock is
Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import screen


def test_place_goal_and_schedule_in_one_message_are_all_kept(say, coach):
    screen(say)
    say("/plan")
    asked = say("strength, mon wed fri at 7, im in berlin")[0].text
    assert asked.startswith("Got it, I'll keep “mon wed fri at 7” and the goal (strength).")  # the goal said apart
    assert "Berlin (Germany), now 10:30. Right?" in asked
    assert say("yes")[-1].text == "7:00 in the morning or in the evening?"  # the goal is not asked again
    shown = say("7am")[-1].text
    assert "every Mon, Wed, Fri at 07:00 (Europe/Berlin), goal: strength" in shown


def test_a_goal_with_the_place_is_kept(say, coach):
    screen(say)
    say("set up reminders pls")
    assert say("for endurance, berlin time")[0].text.startswith("Got it, I'll keep the goal (endurance).")
    say("yes")
    assert "goal: endurance" in say("mon wed at 7pm")[-1].text


async def test_place_goal_and_schedule_over_telegram_are_all_kept(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/plan"), message_update("strength, mon wed fri at 7, im in berlin"),
                                  message_update("yes"), message_update("7am")])
    assert "every Mon, Wed, Fri at 07:00 (Europe/Berlin), goal: strength" in sent.texts()[-1]


def test_a_reminder_lead_said_at_the_zone_question_is_kept_for_the_plan(say, coach):
    screen(say)
    say("/plan")
    asked = say("remind me 1 hour before")[0].text
    assert asked.startswith("Got it: reminders 1 h before each session (kept for this plan).") and "time zone" in asked
    say("berlin")
    say("yes")
    say("strength")
    assert "reminder 1 h before each session" in say("mon wed at 7am")[-1].text


async def test_a_lead_at_the_zone_question_over_telegram_is_kept(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/plan"), message_update("remind me 1 hour before")])
    assert sent.texts()[-1].startswith("Got it: reminders 1 h before each session")
