"""Several requests in one message (tester s30 §5), through the core and through Telegram (layer 2:
Application.process_update with a recording request): a question asked beside a request is answered and the request is
done ("... how long rest between sets? also skip friday please" skipped Friday's session); a first message with a
question, a plan request and a time zone answers the question and keeps the plan for after the safety check, with its
place; a plan said with "my time zone is berlin" plans, never only sets the zone; a reminder lead said with a skip and an
edit goes into the edited plan too. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from bot.features.planning import texts as t
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned, screen  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved

ASKED_AND_SKIP = "hi coach! quick questions: how many sets for endurance and how long rest between sets? also skip friday please"
FIRST_MESSAGE = ("hello, i am Jonas from germany, my english not so good. i want to start reverse hyper, how many reps for "
                 "muscle, and also can you remind me tuesday and thursday 18 uhr, and my time zone is berlin")


def _skipped(coach) -> int:
    return sum(len(coach.plans.cancelled_at(p.id)) for p in coach.plans.load_plans(7))


def test_a_question_asked_beside_a_skip_is_answered_and_the_session_skipped(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    replies = planned(ASKED_AND_SKIP)
    assert replies[0].entry is not None and replies[0].text.startswith("For endurance")
    assert replies[-1].text.startswith("Skipped Fri 27 Nov 18:00") and _skipped(coach) == 1


def test_a_question_alone_is_answered_and_skips_nothing(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    replies = planned("how many sets for endurance and how long rest between sets?")
    assert len(replies) == 1 and replies[0].entry is not None and _skipped(coach) == 0


def test_a_first_message_with_a_question_a_plan_and_a_zone_answers_and_keeps_the_plan(say, coach):
    replies = say(FIRST_MESSAGE)
    assert replies[0].entry is not None and replies[-1].text == t.NEED_SCREEN
    assert coach.kit.users.count_misses(7) == 0  # the name and country are no unanswered question
    say("/screen")
    say("ok")
    resumed = [say("no") for _ in range(15)][-1]
    assert "tuesday, thursday 18 uhr" in resumed[-1].text and "Berlin (Germany)" in resumed[-1].text


def test_a_plan_said_with_my_time_zone_is_plans_with_that_zone_guessed(say, coach):
    screen(say)
    replies = say("can you remind me tuesday and thursday 18 uhr, my time zone is berlin")
    assert "tuesday, thursday 18 uhr" in replies[0].text and "Berlin (Germany)" in replies[-1].text
    say(button(replies[-1], "Yes"), button=True)
    assert "every Tue, Thu at 18:00" in say("strength")[-1].text


def test_a_lead_said_with_a_skip_and_an_edit_is_set_and_in_the_edited_plan(planned, coach):  # noqa: F811
    saved(planned, "every day at 10:30am")
    replies = planned("skip tomorrow and move saturday to 11am and remind me 15 min before")
    assert replies[0].text.startswith("Done") and any(r.text.startswith("Skipped Sun 22 Nov 10:30") for r in replies)
    assert "reminder 15 min before" in replies[-1].text and coach.plans.load_profile(7).lead_minutes == 15


async def test_a_question_beside_a_skip_over_telegram_skips_the_session(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    sent = await feed_all(coach, [message_update(ASKED_AND_SKIP)])
    assert "For endurance" in sent.texts()[0] and any(x.startswith("Skipped Fri 27 Nov") for x in sent.texts())
    assert _skipped(coach) == 1


async def test_a_first_message_with_a_question_and_a_plan_over_telegram_answers_both(say, coach):
    sent = await feed_all(coach, [message_update(FIRST_MESSAGE)])
    assert "The articles differ" in sent.texts()[0] and sent.texts()[-1] == t.NEED_SCREEN
