"""Reminders with an injected clock: due, late, missed while down, sent once across restarts,
snooze, check-in buttons, DST, and Telegram's limits (429, 403, network errors)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.coach import Coach
from bot.core.messages import Reply
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from scheduler.dispatcher import Blocked, Dispatcher, Due, RateLimiter, RetryLater, Transient
from scheduler.model import Schedule
from scheduler.recurrence import next_occurrences
from tests.test_planning import button, screen

MONDAY_7 = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Mon 23 Nov 07:00 in Berlin


class Time:
    """The test's clock: both wall time and the monotonic clock move only when told."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.clock.now.timestamp()

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.clock.now += timedelta(seconds=seconds)


class Outbox:
    """A fake delivery: records reminders, and fails on demand."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self.sent: list[tuple[Due, str]] = []
        self.replies: list[Reply] = []  # the whole messages, buttons included
        self.failures: list[Exception] = []

    async def __call__(self, due: Due) -> None:
        if self.failures:
            raise self.failures.pop(0)
        reply = self.coach.compose_reminder(due)
        self.sent.append((due, reply.text))
        self.replies.append(reply)


@pytest.fixture
def outbox(coach) -> Outbox:
    return Outbox(coach)


@pytest.fixture
async def dispatcher(coach, clock, outbox):
    time = Time(clock)
    d = Dispatcher(coach.plans, coach.planner, outbox, clock, rate=1000, sleep=time.sleep, monotonic=time.monotonic)
    d.start()
    d.time = time
    yield d
    await d.stop()


def plan(say, coach, text: str = "every Mon Wed Fri at 7am") -> None:
    screen(say)
    say("/plan")
    say(button(say(button(say("Berlin")[0], "Yes"), button=True)[-1], "Strength"), button=True)
    say(button(say(text)[0], "Save"), button=True)


async def run(dispatcher: Dispatcher) -> int:
    queued = dispatcher.tick()
    await dispatcher.drain()
    return queued


async def test_reminder_comes_thirty_minutes_before_with_the_prescription(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 - timedelta(minutes=31)
    assert await run(dispatcher) == 0
    clock.now = MONDAY_7 - timedelta(minutes=30)
    assert await run(dispatcher) == 1
    due, text = outbox.sent[0]
    assert due.at == MONDAY_7 and not due.late
    assert "3–4 sets × 8–10 reps" in text and "Warm up" in text and "Check-in" in text
    assert await run(dispatcher) == 0
    assert coach.plans.load_plans(7)[0].next_at == MONDAY_7 + timedelta(days=2)


async def test_missed_while_down_is_sent_late_if_the_session_has_not_started(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 - timedelta(minutes=10)
    await run(dispatcher)
    assert outbox.sent[0][0].late and "late" in outbox.sent[0][1]


async def test_missed_while_down_after_the_session_started_is_recorded_missed(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 + timedelta(days=2, hours=1)   # Mon and Wed sessions both passed
    await run(dispatcher)
    assert outbox.sent == []
    statuses = [r["status"] for r in coach.plans.db.query("SELECT status FROM occurrences ORDER BY at")]
    assert statuses == ["missed", "missed"]
    assert coach.plans.load_plans(7)[0].next_at == MONDAY_7 + timedelta(days=4)


async def test_a_restart_does_not_resend_but_resends_what_was_claimed_and_unconfirmed(say, coach, clock, outbox):
    plan(say, coach)
    time = Time(clock)
    clock.now = MONDAY_7 - timedelta(minutes=30)
    crashed = Dispatcher(coach.plans, coach.planner, outbox, clock, sleep=time.sleep, monotonic=time.monotonic)
    assert crashed.tick() == 1            # claimed in the database, then the process "dies" before sending
    restarted = Dispatcher(coach.plans, coach.planner, outbox, clock, sleep=time.sleep, monotonic=time.monotonic)
    restarted.start()
    await restarted.drain()
    assert len(outbox.sent) == 1
    again = Dispatcher(coach.plans, coach.planner, outbox, clock, sleep=time.sleep, monotonic=time.monotonic)
    again.start()
    assert again.tick() == 0
    await again.drain()
    await restarted.stop()
    await again.stop()
    assert len(outbox.sent) == 1


async def test_snooze_sends_once_more_without_moving_the_series(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    assert "15 minutes" in say(button(outbox.replies[0], "Snooze"), button=True)[0].text
    clock.now += timedelta(minutes=14)
    assert await run(dispatcher) == 0
    clock.now += timedelta(minutes=1)
    assert await run(dispatcher) == 1
    assert outbox.sent[1][0].snoozed and "Snoozed" in outbox.sent[1][1]
    assert coach.plans.load_plans(7)[0].next_at == MONDAY_7 + timedelta(days=2)
    assert await run(dispatcher) == 0


async def test_done_skip_and_double_press(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    done, skip = button(outbox.replies[0], "Done"), button(outbox.replies[0], "Skip")
    assert "no longer applies" in say(done, button=True, user=8)[0].text  # another user's
    assert "no longer applies" in say(f"rem:{outbox.sent[0][0].occurrence_id}:open:done", button=True)[0].text  # forged
    assert "Nice work" in say(done, button=True)[0].text
    assert "no longer applies" in say(skip, button=True)[0].text
    assert coach.plans.load_occurrence(outbox.sent[0][0].occurrence_id).status == "done"


async def test_not_feeling_well_skips_and_new_back_pain_asks_to_redo_the_check(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    unwell = say(button(outbox.replies[0], "Not feeling well"), button=True)[0]
    assert "rest day" in unwell.text and "see a doctor" in unwell.text
    pain = say(button(unwell, "back or leg pain"), button=True)[0]
    assert "redo the safety check" in pain.text
    assert coach.need(ScreeningFlow).status(7) is Status.EXPIRED
    clock.now = MONDAY_7 + timedelta(days=2) - timedelta(minutes=30)
    await run(dispatcher)
    assert "on hold" in outbox.sent[1][1]
    assert "Rest day" not in outbox.sent[1][1]


async def test_daily_reminders_keep_local_time_across_dst(say, coach, clock, dispatcher, outbox):
    clock.now = datetime(2027, 3, 26, 12, tzinfo=UTC)
    plan(say, coach, "every day at 7am")
    for _ in range(4):
        clock.now = coach.plans.load_plans(7)[0].remind_at
        await run(dispatcher)
    local = [due.at.astimezone(ZoneInfo("Europe/Berlin")) for due, _ in outbox.sent]
    assert [(t.day, t.hour) for t in local] == [(27, 7), (28, 7), (29, 7), (30, 7)]
    assert local[0].utcoffset() != local[-1].utcoffset()


async def test_429_waits_retry_after_then_delivers_once(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    outbox.failures = [RetryLater(3), RetryLater(2)]
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    assert len(outbox.sent) == 1 and sum(dispatcher.time.slept) >= 5


async def test_network_errors_back_off_and_retry(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    outbox.failures = [Transient("reset"), Transient("timeout")]
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    assert len(outbox.sent) == 1 and dispatcher.time.slept[:2] == [1, 2]


async def test_a_user_who_blocked_the_bot_has_plans_paused(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    outbox.failures = [Blocked()]
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    assert outbox.sent == [] and coach.plans.count_plans(7) == 0
    clock.now = MONDAY_7 + timedelta(days=2)
    assert await run(dispatcher) == 0


async def test_one_off_plan_is_reminded_once_then_ends(say, coach, clock, dispatcher, outbox):
    plan(say, coach, "in 2 hours")
    clock.now += timedelta(hours=1, minutes=30)
    assert await run(dispatcher) == 1
    clock.now += timedelta(days=7)
    assert await run(dispatcher) == 0
    assert coach.plans.count_plans(7) == 0


async def test_fan_out_is_rate_limited(coach, clock, outbox):
    time = Time(clock)
    d = Dispatcher(coach.plans, coach.planner, outbox, clock, rate=10, sleep=time.sleep, monotonic=time.monotonic)
    start = clock.now
    for user in range(100, 150):
        coach.plans.add_plan(user, Schedule(once_at=start + timedelta(hours=1)), "UTC", "strength", start,
                             start + timedelta(hours=1), start)
    d.start()
    assert d.tick() == 50
    await d.drain()
    await d.stop()
    assert len(outbox.sent) == 50 and len({due.user_id for due, _ in outbox.sent}) == 50
    assert 4.8 <= (clock.now - start).total_seconds() <= 5.2


async def test_reminder_at_the_start_time_is_sent_even_if_the_tick_comes_a_moment_later(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    say(button(say("/settings")[0], "at start"), button=True)
    clock.now = MONDAY_7 + timedelta(seconds=2)
    assert await run(dispatcher) == 1
    assert not outbox.sent[0][0].late


async def test_rate_limiter_keeps_every_second_under_the_rate_and_honours_a_hold(clock):
    time = Time(clock)
    limiter = RateLimiter(10, time.monotonic, time.sleep)
    stamps = []
    for _ in range(35):
        await limiter.acquire()
        stamps.append(time.monotonic())
    assert all(sum(1 for t in stamps if s <= t < s + 1.0) <= 10 for s in stamps)
    limiter.hold(3)
    before = time.monotonic()
    await limiter.acquire()
    assert time.monotonic() - before >= 3


async def test_an_every_other_monday_plan_reminds_on_the_coming_monday_then_two_weeks_later(say, coach, clock, dispatcher, outbox):
    plan(say, coach, "every other monday at 7am")
    assert coach.plans.load_plans(7)[0].schedule.kind == "every_n_weeks"
    clock.now = MONDAY_7 - timedelta(minutes=30)
    assert await run(dispatcher) == 1 and outbox.sent[0][0].at == MONDAY_7
    assert coach.plans.load_plans(7)[0].next_at == MONDAY_7 + timedelta(days=14)


async def test_a_monthly_plan_is_stored_and_keeps_its_wall_time_across_the_dst_change(say, coach):
    plan(say, coach, "on the 1st of every month at 7am")
    stored = coach.plans.load_plans(7)[0]
    assert stored.next_at == datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
    spring = next_occurrences(stored.schedule, ZoneInfo("Europe/Berlin"), datetime(2027, 2, 15, tzinfo=UTC), 2)
    assert [(at.month, at.hour) for at in spring] == [(3, 6), (4, 5)]  # 07:00 Berlin: 06:00 UTC, then 05:00 in summer


async def test_a_send_with_an_unknown_outcome_after_its_retries_is_counted_as_sent_not_repeated(say, coach, clock, dispatcher, outbox):
    plan(say, coach)
    outbox.failures = [Transient("read timeout, twice", unsure=True)]
    clock.now = MONDAY_7 - timedelta(minutes=30)
    await run(dispatcher)
    assert outbox.sent == [] and not outbox.failures
    statuses = [r["status"] for r in coach.plans.db.query("SELECT status FROM occurrences")]
    assert statuses == ["sent"]
    clock.now += timedelta(seconds=5)
    assert await run(dispatcher) == 0  # settled: nothing is queued again


async def test_a_big_fan_out_is_claimed_a_slice_per_tick(coach, clock, outbox):
    d = Dispatcher(coach.plans, coach.planner, outbox, clock)
    start = clock.now
    for user in range(100, 150):
        coach.plans.add_plan(user, Schedule(once_at=start + timedelta(hours=1)), "UTC", "strength", start,
                             start + timedelta(hours=1), start)
    assert [d.tick(20), d.tick(20), d.tick(20), d.tick(20)] == [20, 20, 10, 0]
    d.start()
    await d.drain()
    await d.stop()
    assert len({due.user_id for due, _ in outbox.sent}) == 50
