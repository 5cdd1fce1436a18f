"""What is kept only for a while is erased once it no longer counts, for every user, not just hidden when read: the time
of a health concern (30 minutes), of a red flag (12 hours), the conversation's topic and goal and the button last offered
(30 minutes); a user who never writes again keeps none of it (tester s30 #12)."""

from __future__ import annotations

from datetime import timedelta

from bot.storage.users import ALARM_TTL, CONCERN_TTL
from tests.conftest import message_update
from tests.recording_request import feed_all

MINUTE = timedelta(minutes=1)


def kept(coach, user_id: int = 7) -> dict[str, object]:
    """The user's timed columns as stored."""
    row = coach.kit.db.execute("SELECT concern_at, alarm_at, context_entry, context_at, offered_entry FROM users WHERE id = ?",
                               [user_id]).fetchone()
    return dict(zip(("concern_at", "alarm_at", "context_entry", "context_at", "offered_entry"), row, strict=True))


def test_a_health_concerns_time_is_erased_when_it_stops_counting_even_if_the_user_never_writes_again(say, coach, clock):
    say("my knee hurts a bit today, how many reps for strength")
    assert kept(coach)["concern_at"] is not None
    clock.now += CONCERN_TTL - MINUTE
    say("hello", user=8)
    assert kept(coach)["concern_at"] is not None  # still counts: follow-ups keep the doctor-first line
    clock.now += 2 * MINUTE
    say("hello", user=8)
    assert kept(coach)["concern_at"] is None


def test_a_red_flags_time_is_erased_after_twelve_hours(say, coach, clock):
    say("i have crushing chest pain right now")
    assert kept(coach)["alarm_at"] is not None
    clock.now += ALARM_TTL + MINUTE
    say("hi", user=8)
    assert kept(coach)["alarm_at"] is None


def test_the_conversations_topic_is_erased_after_thirty_minutes_of_silence(say, coach, clock):
    say("how many reps for endurance")
    assert kept(coach)["context_entry"] is not None
    clock.now += timedelta(minutes=31)
    say("hi", user=8)
    assert kept(coach)["context_entry"] is None and kept(coach)["context_at"] is None


async def test_over_telegram_a_concerns_time_is_erased_once_it_stops_counting(coach, clock):
    await feed_all(coach, [message_update("my back hurts, what muscles does it work")])
    assert kept(coach)["concern_at"] is not None
    clock.now += CONCERN_TTL + MINUTE
    await feed_all(coach, [message_update("hello", user_id=8)])
    assert kept(coach)["concern_at"] is None
