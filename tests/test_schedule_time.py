"""Pure time arithmetic: parsing plain words, recurrence across DST, time-zone lookup."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from scheduler.model import Schedule, ScheduleError
from scheduler.parsing import mentions_time, parse_schedule
from scheduler.reading import read_when
from scheduler.recurrence import next_occurrences
from scheduler.timezones import find_zone, zone_at, zone_info

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)  # a Saturday; 10:30 in Berlin
BERLIN = ZoneInfo("Europe/Berlin")


def parse(text: str, now: datetime = NOW) -> Schedule:
    return parse_schedule(text, now, BERLIN)


@pytest.mark.parametrize(("text", "days", "clock"), [
    ("every Mon Wed Fri at 7am", {0, 2, 4}, time(7)),
    ("weekdays at 6:15am", {0, 1, 2, 3, 4}, time(6, 15)),
    ("Mondays and Thursdays at 18:30", {0, 3}, time(18, 30)),
    ("daily at 7am", set(range(7)), time(7)),
    ("mon-fri at 6pm", {0, 1, 2, 3, 4}, time(18)),
    ("weekends at noon", {5, 6}, time(12)),
    ("every tuesday at seven pm", {1}, time(19)),
])
def test_recurring_schedules(text, days, clock):
    assert parse(text) == Schedule(weekdays=frozenset(days), local_time=clock)


@pytest.mark.parametrize(("text", "local"), [
    ("tomorrow 18:30", datetime(2026, 11, 22, 18, 30)),
    ("this tuesday at 6 pm", datetime(2026, 11, 24, 18, 0)),
    ("today at 6pm", datetime(2026, 11, 21, 18, 0)),
    ("24 dec at 07:30", datetime(2026, 12, 24, 7, 30)),
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


@pytest.mark.parametrize(("text", "zone"), [
    ("Lahore", "Asia/Karachi"), ("Bristol", "Europe/London"), ("Glasgow", "Europe/London"),
    ("Shenzhen", "Asia/Shanghai"), ("Porto Alegre", "America/Sao_Paulo"), ("Brazil", "America/Sao_Paulo"),
    ("Portland, Maine", "America/New_York"), ("London, Ontario", "America/Toronto"), ("Texas", "America/Chicago"),
    ("Phildelphia", "America/New_York"), ("St. Petersburg", "Europe/Moscow"), ("Eastern time", "America/New_York"),
])
def test_places_the_old_lookup_got_wrong_are_found_in_the_city_table(text, zone):
    assert find_zone(text).zone == zone


def test_short_aliases_never_match_inside_longer_names():
    assert find_zone("la").zone == "America/Los_Angeles"
    assert find_zone("Lahore").zone != "America/Los_Angeles" and find_zone("Nzega").zone != "Pacific/Auckland"
    assert find_zone("istxx").zone is None


@pytest.mark.parametrize("text", ["Springfield", "USA", "Australia", "Georgia", "Washington"])
def test_an_ambiguous_name_gets_a_choice_not_a_pick(text):
    guess = find_zone(text)
    assert guess.zone is None and len({zone for _, zone in guess.choices}) >= 2


def test_a_found_zone_names_the_place_for_the_confirmation():
    assert find_zone("karachi").place == "Karachi (Pakistan)"


def test_unknown_place_is_not_guessed():
    assert find_zone("qwertyuiop").zone is None


def test_fixed_offset_zone_and_location_lookup():
    assert NOW.astimezone(zone_info("UTC+05:30")).hour == 15
    assert zone_at(52.52, 13.40) == "Europe/Berlin"
    assert zone_at(-33.87, 151.21) == "Australia/Sydney"


def read(text: str, now: datetime = NOW, zone: str = "Europe/Berlin") -> dict:
    from scheduler.reading import read_when

    return read_when(text, now, zone_info(zone))


@pytest.mark.parametrize(("text", "expect"), [
    ("mwf at 6pm", {"kind": "weekly", "days": ["mon", "wed", "fri"], "time": "18:00"}),
    ("tu/th 5:30pm", {"kind": "weekly", "days": ["tue", "thu"], "time": "17:30"}),
    ("tth at 7am", {"kind": "weekly", "days": ["tue", "thu"], "time": "07:00"}),
    ("every wensday at 19:00", {"kind": "weekly", "days": ["wed"], "time": "19:00"}),
    ("thurdays 6p", {"kind": "weekly", "days": ["thu"], "time": "18:00"}),
    ("every evening at 8", {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "time": "20:00"}),
    ("every day except sunday at 0700", {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri", "sat"], "time": "07:00"}),
    ("daily but not weekends at 19h", {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"], "time": "19:00"}),
    ("tonight at 9", {"kind": "once", "date": "2026-11-21", "time": "21:00"}),
    ("the day after tomorrow at half past five pm", {"kind": "once", "date": "2026-11-23", "time": "17:30"}),
    ("in 3 days at 8am", {"kind": "once", "date": "2026-11-24", "time": "08:00"}),
    ("a week from today at quarter to 8 am", {"kind": "once", "date": "2026-11-28", "time": "07:45"}),
    ("in an hour and a half", {"kind": "once", "date": "2026-11-21", "time": "12:00"}),
    ("2moro at noon", {"kind": "once", "date": "2026-11-22", "time": "12:00"}),
    ("25/12 at 10am", {"kind": "once", "date": "2026-12-25", "time": "10:00"}),
    ("christmas eve at 7a", {"kind": "once", "date": "2026-12-24", "time": "07:00"}),
    ("can you remind me on the 20th at 7pm", {"kind": "once", "date": "2026-12-20", "time": "19:00"}),
    ("every other day at 7am", {"kind": "every_n_days", "n": 2, "time": "07:00"}),
    ("every 2 weeks on monday at 7am", {"kind": "every_n_weeks", "n": 2, "days": ["mon"], "time": "07:00"}),
    ("first monday of every month at 6pm", {"kind": "monthly", "nth": 1, "weekday": "mon", "time": "18:00"}),
    ("monthly on the 15th at 9am", {"kind": "monthly", "day": 15, "time": "09:00"}),
    ("on the first of every month at 7am", {"kind": "monthly", "day": 1, "time": "07:00"}),
    ("M W F 7am", {"kind": "weekly", "days": ["mon", "wed", "fri"], "time": "07:00"}),
    ("weeknights at 8", {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"], "time": "20:00"}),
    ("five thirty pm tomorrow", {"kind": "once", "date": "2026-11-22", "time": "17:30"}),
    ("in a fortnight at 6am", {"kind": "once", "date": "2026-12-05", "time": "06:00"}),
    ("labor day at 9am", {"kind": "once", "date": "2027-09-06", "time": "09:00"}),
    ("every other weekend at 10am", {"kind": "every_n_weeks", "n": 2, "days": ["sat", "sun"], "time": "10:00"}),
    ("weekdays from 6 to 7pm", {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"], "time": "18:00"}),
])
def test_the_reader_covers_what_people_type(text, expect):
    assert read(text) == expect


@pytest.mark.parametrize(("text", "options"), [
    ("tomorrow at 5", ["Sun 22 Nov 05:00", "Sun 22 Nov 17:00"]),
    ("next friday at 6pm", ["Fri 27 Nov 18:00", "Fri 04 Dec 18:00"]),
    ("05/06 at 7pm", ["Sat 05 Jun 19:00", "Thu 06 May 19:00"]),
])
def test_two_readings_are_asked_about_not_guessed(text, options):
    reading = read(text, zone="UTC")
    assert reading["kind"] == "ask" and sorted(reading["options"]) == sorted(options)


def test_day_month_order_follows_the_users_zone():
    assert read("05/06 at 7pm", zone="Europe/London")["date"] == "2027-06-05"
    assert read("05/06 at 7pm", zone="America/Chicago")["date"] == "2027-05-06"


def test_a_missing_part_is_asked_for_and_unsupported_gets_a_hint():
    assert read("3 times a week at 7am")["kind"] == "ask"
    assert read("at 7pm")["question"].startswith("At 19:00. Which day or days?")  # what it read, then what is missing
    assert read("next weekend at 9am")["options"] == ["Sat 28 Nov 09:00", "Sun 29 Nov 09:00"]
    assert "in the past" in read("yesterday at 5pm")["hint"]
    assert "one time of day" in read("every day at 7am and 7pm")["hint"]
    assert "one day" in read("on the 5th and 20th of every month at 7am")["hint"]
    assert read("every monday")["question"].startswith("What time?")
    assert "once a day" in read("every 15 minutes")["hint"]


def test_every_other_day_every_two_weeks_and_monthly_recur_at_local_time_across_dst():
    from scheduler.model import Repeat

    start = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    days = Schedule(local_time=time(7), repeat=Repeat.DAYS, every=2, anchor=start.date())
    assert [a.astimezone(BERLIN).strftime("%d %H:%M") for a in next_occurrences(days, BERLIN, start, 5)] == \
        ["22 07:00", "24 07:00", "26 07:00", "28 07:00", "30 07:00"]  # DST starts on the 29th
    weeks = Schedule(weekdays=frozenset({0}), local_time=time(7), every=2, anchor=start.date())
    assert [a.astimezone(BERLIN).day for a in next_occurrences(weeks, BERLIN, start, 3)] == [30, 13, 27]
    nth = Schedule(weekdays=frozenset({0}), local_time=time(18), repeat=Repeat.MONTHLY, nth=1)
    assert [a.astimezone(BERLIN).strftime("%m-%d %H:%M") for a in next_occurrences(nth, BERLIN, start, 2)] == \
        ["04-06 18:00", "05-04 18:00"]
    last = Schedule(local_time=time(9), repeat=Repeat.MONTHLY, month_day=31)
    assert [a.astimezone(BERLIN).strftime("%m-%d") for a in next_occurrences(last, BERLIN, start, 3)] == \
        ["03-31", "04-30", "05-31"]


@pytest.mark.parametrize(("text", "days", "part"), [
    ("thursdays in the evening", ["thu"], "evening"), ("weekday mornings at some point", ["mon", "tue", "wed", "thu", "fri"], "morning"),
    ("tomorrow arvo", None, "afternoon"), ("every arvo", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "afternoon"),
])
def test_a_part_of_the_day_said_without_an_hour_is_kept_with_the_days_and_arvo_is_the_afternoon(text, days, part):
    found = read_when(text, NOW, BERLIN)
    assert found["kind"] == "ask" and found.get("days") == days and found["part"] == part


@pytest.mark.parametrize(("text", "days"), [("wknds at 9am", [5, 6]), ("wkend 10am", [5, 6])])
def test_weekends_abbreviated_are_read(text, days):
    assert sorted(parse(text).weekdays) == days


def test_noonish_is_noon():
    assert read_when("saturdays noonish", NOW, BERLIN) == {"kind": "weekly", "days": ["sat"], "time": "12:00"}
