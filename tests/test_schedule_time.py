"""Pure time arithmetic: parsing plain words, recurrence across DST, time-zone lookup."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from scheduler.model import Schedule, ScheduleError
from scheduler.parsing import mentions_time, parse_schedule
from scheduler.recurrence import next_occurrences
from scheduler.timezones import find_zone, zone_at, zone_info

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)  # a Saturday; 10:30 in Berlin
BERLIN = ZoneInfo("Europe/Berlin")


def parse(text: str, now: datetime = NOW) -> Schedule:
    return parse_schedule(text, now, BERLIN)


@pytest.mark.parametrize(("text", "days", "clock"), [
    ("every Mon Wed Fri at 7am", {0, 2, 4}, time(7)),
    ("weekdays at 6:15", {0, 1, 2, 3, 4}, time(6, 15)),
    ("Mondays and Thursdays at 18:30", {0, 3}, time(18, 30)),
    ("daily at 7", set(range(7)), time(7)),
    ("mon-fri at 6pm", {0, 1, 2, 3, 4}, time(18)),
    ("weekends at noon", {5, 6}, time(12)),
    ("every tuesday at seven pm", {1}, time(19)),
])
def test_recurring_schedules(text, days, clock):
    assert parse(text) == Schedule(weekdays=frozenset(days), local_time=clock)


@pytest.mark.parametrize(("text", "local"), [
    ("tomorrow 18:30", datetime(2026, 11, 22, 18, 30)),
    ("next tuesday at 6 pm", datetime(2026, 11, 24, 18, 0)),
    ("today at 6pm", datetime(2026, 11, 21, 18, 0)),
    ("24 dec at 7:30", datetime(2026, 12, 24, 7, 30)),
    ("2027-01-05 06:45", datetime(2027, 1, 5, 6, 45)),
])
def test_one_off_schedules_are_local_wall_times(text, local):
    assert parse(text).once_at == local.replace(tzinfo=BERLIN).astimezone(UTC)


@pytest.mark.parametrize(("text", "delta"), [
    ("in 2 hours", timedelta(hours=2)), ("in 30 minutes", timedelta(minutes=30)),
    ("in an hour", timedelta(hours=1)), ("in half an hour", timedelta(minutes=30)),
    ("remind me in 10 seconds", timedelta(seconds=10)),
])
def test_relative_times(text, delta):
    assert parse(text).once_at == NOW + delta


@pytest.mark.parametrize(("text", "hint"), [
    ("today at 6am", "already passed"),
    ("31 feb at 7", "no 31 February"),
    ("every day at 25:00", "isn't a time of day"),
    ("at 13pm", "use 1 to 12"),
    ("mondays", "What time?"),
    ("at 7am", "Which days?"),
    ("", "Tell me when"),
    ("🍑🍑", "Tell me when"),
    ("in 500 days", "more than a year"),
])
def test_what_cannot_be_planned_gets_a_specific_hint(text, hint):
    with pytest.raises(ScheduleError, match=hint):
        parse(text)


def test_mentions_time_tells_schedules_from_questions():
    assert mentions_time("tomorrow at 7") and mentions_time("weekdays") and mentions_time("in 2 hours")
    assert not mentions_time("how many reps for endurance")


def _local_times(zone: str, clock: time, start: datetime, days: int = 6) -> list[datetime]:
    schedule = Schedule(weekdays=frozenset(range(7)), local_time=clock)
    return [at.astimezone(ZoneInfo(zone)) for at in next_occurrences(schedule, ZoneInfo(zone), start, days)]


@pytest.mark.parametrize(("zone", "start"), [
    ("Europe/Berlin", datetime(2027, 3, 25, tzinfo=UTC)),      # spring forward 28 Mar
    ("Europe/Berlin", datetime(2026, 10, 22, tzinfo=UTC)),     # fall back 25 Oct
    ("America/New_York", datetime(2027, 3, 11, tzinfo=UTC)),   # 14 Mar
    ("America/New_York", datetime(2026, 10, 29, tzinfo=UTC)),  # 1 Nov
    ("Australia/Sydney", datetime(2026, 10, 1, tzinfo=UTC)),   # forward 4 Oct
    ("Australia/Sydney", datetime(2027, 4, 1, tzinfo=UTC)),    # back 4 Apr
    ("Asia/Kolkata", datetime(2027, 3, 25, tzinfo=UTC)),       # no DST, +05:30
])
def test_seven_oclock_stays_seven_oclock_across_dst(zone, start):
    times = _local_times(zone, time(7), start)
    assert all(t.hour == 7 and t.minute == 0 for t in times)
    offsets = {t.utcoffset() for t in times}
    assert len(offsets) == (1 if zone == "Asia/Kolkata" else 2)


def test_a_time_in_the_skipped_hour_happens_an_hour_later_that_day():
    times = _local_times("Europe/Berlin", time(2, 30), datetime(2027, 3, 27, 12, tzinfo=UTC), 3)
    assert [(t.day, t.hour, t.minute) for t in times] == [(28, 3, 30), (29, 2, 30), (30, 2, 30)]


def test_a_time_in_the_repeated_hour_happens_once():
    times = _local_times("America/New_York", time(1, 30), datetime(2026, 10, 31, 12, tzinfo=UTC), 3)
    assert [t.day for t in times] == [1, 2, 3]
    assert times[0].utcoffset() == timedelta(hours=-4)  # the first 01:30 (still EDT)


def test_sydney_and_kolkata_offsets():
    assert _local_times("Asia/Kolkata", time(6), NOW, 1)[0].utcoffset() == timedelta(hours=5, minutes=30)
    assert _local_times("Australia/Sydney", time(6), NOW, 1)[0].utcoffset() == timedelta(hours=11)


def test_one_off_yields_once_and_not_when_past():
    once = Schedule(once_at=NOW + timedelta(hours=1))
    assert next_occurrences(once, BERLIN, NOW, 3) == [NOW + timedelta(hours=1)]
    assert next_occurrences(once, BERLIN, NOW + timedelta(hours=2), 3) == []


@pytest.mark.parametrize(("text", "zone"), [
    ("Berlin", "Europe/Berlin"), ("berln", "Europe/Berlin"), ("I'm in New York", "America/New_York"),
    ("sydney", "Australia/Sydney"), ("Mumbai", "Asia/Kolkata"), ("UTC+5:30", "UTC+05:30"),
    ("gmt-5", "UTC-05:00"), ("Europe/Paris", "Europe/Paris"), ("los angeles", "America/Los_Angeles"),
])
def test_zone_from_city_region_or_offset(text, zone):
    assert find_zone(text).zone == zone


def test_unknown_place_is_not_guessed():
    assert find_zone("qwertyuiop").zone is None


def test_fixed_offset_zone_and_location_lookup():
    assert NOW.astimezone(zone_info("UTC+05:30")).hour == 15
    assert zone_at(52.52, 13.40) == "Europe/Berlin"
    assert zone_at(-33.87, 151.21) == "Australia/Sydney"
