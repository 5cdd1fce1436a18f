"""The tester's findings of 2026-12-05 (test_plans_by_day.py, test_planning_own_times_and_later.py) seen from Telegram
(layer 2: Application.process_update with a recording request): a day off for good, time away, a day added with only a
part of the day, "like 7", a goal with a typo and what it is not, a schedule after the safety check's stop, and the
↩️ Restore button of /sessions."""

from __future__ import annotations

from bot.features.planning import texts as t
from tests.conftest import callback_update, message_update
from tests.recording_request import feed_all
from tests.test_planning import in_berlin, planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved, tue_thu, wed_sat  # noqa: F401 (fixtures)


def _buttons(sent: dict) -> list[tuple[str, str]]:
    return [(b["text"], b["callback_data"]) for row in sent["reply_markup"]["inline_keyboard"] for b in row]


async def test_a_day_off_for_good_over_telegram_is_the_plan_edited(wed_sat, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("i cant do saturdays anymore")])
    assert "every Wed at 18:30" in sent.texts()[-1] and "Save this plan?" in sent.texts()[-1]


async def test_time_away_over_telegram_is_offered_and_skipped_on_a_yes(tue_thu, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("stop reminding me for a while, im on holiday till the 5th"),
                                  message_update("yes")])
    assert sent.texts()[0].startswith("Skip your 4 sessions until Sat 05 Dec") and len(coach.plans.cancelled_at(1)) == 4


async def test_restore_button_over_telegram_puts_a_skipped_session_back(tue_thu, coach):  # noqa: F811
    tue_thu("skip thursday")
    listed = (await feed_all(coach, [message_update("/sessions")])).sent()[-1]
    restore = next(data for label, data in _buttons(listed) if label.startswith("↩️ Restore Thu 26 Nov"))
    sent = await feed_all(coach, [callback_update(restore)])
    assert any(text.startswith("Back on: Thu 26 Nov 18:30") for text in sent.texts()) and not coach.plans.cancelled_at(1)


async def test_a_day_added_with_a_part_of_the_day_over_telegram_asks_its_time(planned, coach):  # noqa: F811
    planned("every tue thu sat 18:30")
    sent = await feed_all(coach, [message_update("and add saturday morning too")])
    assert "What time on Sat morning?" in sent.texts()[-1]


async def test_like_7_and_a_goal_with_a_typo_over_telegram(say, coach):
    in_berlin(say, "/plan")
    sent = await feed_all(coach, [message_update("mornings before work, like 7"), message_update("strength"),
                                  message_update("mon wed"), message_update("hmm actually make it endurence not butt")])
    assert any(text.startswith("At 07:00.") for text in sent.texts())
    assert "goal: endurance" in sent.texts()[-1] and "every Mon, Wed at 07:00" in sent.texts()[-1]


async def test_a_schedule_after_the_safety_check_stop_over_telegram_points_to_it(coach):
    sent = await feed_all(coach, [message_update("/plan"), message_update("mornings before work, like 7")])
    assert sent.texts()[1] == sent.texts()[0] and sent.texts()[1].startswith("Before I plan sessions")
    assert not any(text == "You have no plans yet. Make one with /plan." for text in sent.texts())


async def test_bye_at_the_when_step_over_telegram_keeps_the_plan(say, coach):
    in_berlin(say, "/plan")
    say("strength")
    sent = await feed_all(coach, [message_update("bye")])
    assert sent.texts() == [t.KEPT_FOR_LATER]


async def test_two_days_split_off_over_telegram_are_both_saved_in_turn(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    sent = await feed_all(coach, [message_update("make thursday 7pm instead"), message_update("and add saturday 10am"),
                                  message_update("yes"), message_update("yes"), message_update("yes")])
    assert any("every Thu at 19:00" in text for text in sent.texts())
    assert {(p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)} == {
        (frozenset({1}), "18:30"), (frozenset({3}), "19:00"), (frozenset({5}), "10:00")}


async def test_several_days_with_times_of_their_own_over_telegram_are_never_saved_at_the_old_time(planned, coach):  # noqa: F811
    planned("every mon wed fri 7am")
    sent = await feed_all(coach, [message_update("make wed 8am and fri 9am"), message_update("yes")])
    assert "every Mon at 07:00" in sent.texts()[0] and "every Wed at 08:00" in sent.texts()[-1]
    assert [(p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)] == [
        (frozenset({0}), "07:00")]


async def test_a_plan_waiting_named_alone_over_telegram_keeps_its_own_time(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    sent = await feed_all(coach, [message_update("make thursday 7pm instead"),
                                  message_update("skip this one, just the thursday one")])
    assert "every Thu at 19:00" in sent.texts()[-1] and "18:30" not in sent.texts()[-1]


async def test_a_count_of_days_at_save_over_telegram_asks_which_days(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    sent = await feed_all(coach, [message_update("5 sessions a week")])
    assert sent.texts() == ["Which 5 days of the week? Type them (e.g. Mon to Fri); the time stays 18:30. "
                            "Or say yes to save Tue, Thu as shown above."]
