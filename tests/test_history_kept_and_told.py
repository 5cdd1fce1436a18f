"""What is kept of past plans and sessions, told as it is (tester s30 §12 and §23), through the core and through Telegram
(layer 2: Application.process_update with a recording request): "how many sessions i done?" and "what did i do this
month?" are answered from the sessions' history ("This month: 2 done, 1 skipped, 1 missed"), never a topic; /mydata lists
the plans with their days and times, the ended plans kept for their history and that history's counts; cancelling a plan
erases what it no longer needs (its sessions skipped in advance, and the plan itself when no session came round), all or
nothing; /mydata right after /forget makes no new record; the safety check waiting for consent is "not started". The
clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.features.screening.texts import CONSENT_OPEN
from scheduler.planner import Planner
from scheduler.store import SchedulerStore
from tests.conftest import FakeClock, message_update
from tests.faults import assert_all_or_nothing
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved
from tests.test_transactions import seed_user


def _came_round(coach, clock, *statuses: str) -> None:
    """The daily plan's next sessions come round one by one, each recorded with its status."""
    for status in statuses:
        plan = coach.plans.load_plans(7)[0]
        clock.now = plan.next_at + timedelta(hours=1)
        coach.plans.advance(plan, status, False, plan.next_at + timedelta(days=1), plan.remind_at + timedelta(days=1))


def test_sessions_done_asked_in_other_words_are_counted_from_the_history(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "done", "skipped", "missed")
    assert planned("how many sessions i done?")[0].text.startswith("So far: 2 done, 1 skipped, 1 missed.")
    assert planned("what did i do this month?")[0].text.startswith("This month: 2 done, 1 skipped, 1 missed.")


def test_mydata_lists_the_plans_and_their_past_sessions(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "missed")
    shown = planned("/mydata")[0].text
    assert "your plans: every day at 10:30 (strength)" in shown and "your past sessions: 1 done, 1 missed" in shown


def test_a_plan_cancelled_keeps_only_its_history_and_is_listed_as_ended(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done")
    plan_id = coach.plans.load_plans(7)[0].id
    planned("im on holiday till the 30th")
    planned("yes")
    assert coach.plans.cancelled_at(plan_id)
    planned("cancel my plan")
    planned("yes")
    assert coach.plans.cancelled_at(plan_id) == set() and coach.plans.load_plan(plan_id) is not None
    shown = planned("/mydata")[0].text
    assert "no active plan; 1 ended plan(s)" in shown and "your past sessions: 1 done" in shown


def test_a_plan_cancelled_before_any_session_came_round_is_erased(planned, coach):  # noqa: F811
    saved(planned, "every day at 10:30am")
    first = coach.plans.load_plans(7)[0].id
    planned("cancel my plan")
    planned("yes")
    assert coach.plans.load_plan(first) is None and "ended plan" not in planned("/mydata")[0].text


def test_a_plan_replaced_by_a_change_is_kept_marked_and_listed_as_ended(planned, coach):  # noqa: F811
    saved(planned, "every day at 10:30am")
    first = coach.plans.load_plans(7)[0].id
    planned("change my goal to endurance")
    planned("yes")
    assert coach.plans.load_plan(first) is not None and "1 ended plan(s)" in planned("/mydata")[0].text


def test_cancelling_a_plan_is_all_or_nothing():
    def cancel(db: Database) -> bool:
        store = SchedulerStore(db)
        return Planner(store, FakeClock()).cancel_plan(7, store.load_plans(7)[0].id)
    assert assert_all_or_nothing(seed_user, cancel) == 3  # stopped, its skip erased, the plan erased


def test_mydata_right_after_forget_makes_no_record(planned, coach):  # noqa: F811
    planned("/forget")
    planned("yes")
    assert planned("/mydata")[0].text == "I don't store anything about you."
    assert coach.kit.users.load_first_seen(7) is None


def test_mydata_with_only_the_consent_question_shown_says_not_started(say):
    say("/screen")
    assert CONSENT_OPEN in say("/mydata")[0].text


async def test_history_asked_over_telegram_is_counted(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "skipped")
    sent = await feed_all(coach, [message_update("what did i do this month?")])
    assert sent.texts()[0].startswith("This month: 1 done, 1 skipped.")


async def test_mydata_after_forget_over_telegram_makes_no_record(planned, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("/forget"), message_update("yes"), message_update("/mydata")])
    assert sent.texts()[-1] == "I don't store anything about you." and coach.kit.users.load_first_seen(7) is None


def test_a_session_snoozed_or_just_reminded_is_not_missed_until_its_check_in_closes(planned, coach, clock):  # noqa: F811
    """A session reminded a minute ago and snoozed is still open (user tester s32 §4: /mydata said "1 missed" at once);
    one reminded and never answered counts as missed once its check-in can no longer come."""
    saved(planned, "every day at 10:30am")
    plan = coach.plans.load_plans(7)[0]
    clock.now = plan.next_at + timedelta(minutes=1)
    coach.plans.advance(plan, "snoozed", False, plan.next_at + timedelta(days=1), plan.remind_at + timedelta(days=1))
    assert "missed" not in planned("/mydata")[0].text
    assert not planned("how many sessions i done?")[0].text.startswith("So far: 1 missed")
    clock.now = plan.next_at + timedelta(hours=13)
    assert "your past sessions: 1 missed" in planned("/mydata")[0].text
