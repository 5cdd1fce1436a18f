"""Talk read as meant (issue 12, the tester's leftovers of session 28): a rejected time followed by a proposed one at
"Save this plan?" is an edit of the time; an order to erase the user's records tells no health concern ("purge" is a
health word on its own); time away told while a plan is edited is a break of its sessions, never the plan's last day;
ordinary soreness told right after a session done is no concern (a real one told then still is); a calendar emoji asks
for the sessions, and other emoji no step reads get a hint in words. Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.features.qa.texts import EMOJI_ONLY
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved, tue_thu  # noqa: F401 (fixtures)

DOCTOR_FIRST = "Talk to your doctor"


def test_a_rejected_time_then_a_proposed_one_at_save_is_an_edit_of_the_time(planned, coach):  # noqa: F811
    planned("every mon wed at 7am")
    shown = planned("7 is too early for me ngl, 9?")[0].text
    assert "every Mon, Wed at 09:00" in shown and coach.plans.count_plans(7) == 0
    assert "every Mon, Wed at 10:30" in planned("too early tbh, 10:30")[0].text


async def test_a_rejected_time_then_a_proposed_one_at_save_over_telegram(planned, coach):  # noqa: F811
    planned("every mon wed at 7am")
    sent = await feed_all(coach, [message_update("7 is too early for me ngl, 9?")])
    assert "every Mon, Wed at 09:00" in sent.texts()[0] and coach.plans.count_plans(7) == 0


def test_an_order_to_erase_records_tells_no_health_concern(say):
    replies = say("purge my records")
    assert not any(r.safety or DOCTOR_FIRST in r.text for r in replies)
    assert any(DOCTOR_FIRST in r.text for r in say("purge my records, my back hurts since yesterday", user=8))
    assert any(DOCTOR_FIRST in r.text for r in say("i purge after meals, can i still train", user=9))


async def test_an_order_to_erase_records_tells_no_health_concern_over_telegram(coach):
    sent = await feed_all(coach, [message_update("purge my records")])
    assert sent.texts() and not any(DOCTOR_FIRST in text for text in sent.texts())


def test_time_away_told_while_a_plan_is_edited_is_a_break_not_its_last_day(tue_thu, coach):  # noqa: F811
    assert "Save this plan?" in tue_thu("change my plan to 7pm")[-1].text
    asked = tue_thu("im on holiday till the 5th")
    assert asked[0].text.startswith("Skip your 4 sessions until Sat 05 Dec") and "until" not in asked[-1].text.split("Skip")[0]
    tue_thu("yes")
    assert len(coach.plans.cancelled_at(1)) == 4
    shown = tue_thu("looks good")
    assert [p.schedule.until for p in coach.plans.load_plans(7)] == [None], shown


async def test_time_away_told_while_a_plan_is_edited_over_telegram(tue_thu, coach):  # noqa: F811
    tue_thu("change my plan to 7pm")
    sent = await feed_all(coach, [message_update("im on holiday till the 5th")])
    assert sent.texts()[0].startswith("Skip your 4 sessions until Sat 05 Dec")


async def test_soreness_right_after_a_session_done_is_no_concern(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert "Nice work" in say("did it!")[0].text and status(coach, outbox) == "done"
    assert not any(r.safety or DOCTOR_FIRST in r.text for r in say("hammies are sore af"))
    assert any(DOCTOR_FIRST in r.text for r in say("my lower back is sore and my leg tingles"))  # a real concern still is


async def test_soreness_after_a_session_done_over_telegram(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    sent = await feed_all(coach, [message_update("did it!"), message_update("hammies are sore af")])
    assert "Nice work" in sent.texts()[0] and not any(DOCTOR_FIRST in text for text in sent.texts()[1:])


def test_a_calendar_emoji_asks_for_the_sessions_and_other_emoji_get_a_hint(tue_thu, coach):  # noqa: F811
    assert tue_thu("📅?")[0].text == tue_thu("/sessions")[0].text
    assert [r.text for r in tue_thu("🗑")] == [EMOJI_ONLY] and coach.plans.count_plans(7) == 1  # nothing cancelled, nothing erased


async def test_emoji_over_telegram(tue_thu, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("🗓️"), message_update("🗑")])
    assert sent.texts()[0] == tue_thu("/sessions")[0].text and sent.texts()[1] == EMOJI_ONLY
