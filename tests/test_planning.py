"""Planning through the core: gating on the safety check, zone, goal, typed and tapped schedules,
confirmation before saving, /sessions, /settings, /timezone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.planning.draft import load_draft
from bot.features.planning.texts import NEED_REVIEW, NEED_SCREEN, RED_STOP

BERLIN = ZoneInfo("Europe/Berlin")


def screen(say, answers: dict[int, str] | None = None, user: int = 7) -> None:
    """Take the safety check by typing: 'no' to everything except the given question numbers."""
    say("/screen", user=user)
    say("ok", user=user)
    for n in range(1, 16):
        if say((answers or {}).get(n, "no"), user=user)[0].text.startswith(("🛑",)):
            break


def button(reply: Reply, label: str) -> str:
    return next(b.data for b in reply.button_list() if label in b.label)


def in_berlin(say, opener: str) -> list[Reply]:
    """A green user who answered the zone question `opener` asks with Berlin; the replies to that."""
    screen(say)
    say(opener)
    return say(button(say("Berlin")[0], "Yes"), button=True)


@pytest.fixture
def planned(say):
    """A green user with zone Berlin and goal strength, asked when to train."""
    say(button(in_berlin(say, "/plan")[-1], "Strength"), button=True)
    return say


def test_planning_needs_a_safety_check_that_allows_it(say):
    assert say("/plan")[0].text == NEED_SCREEN
    screen(say, {2: "yes"})
    gate = say("/plan")[0]
    assert gate.text == NEED_REVIEW and "reviewed" in gate.button_list()[0].label
    screen(say, {3: "yes"}, user=8)
    assert say("/plan", user=8)[0].text == RED_STOP


def test_typed_plan_is_repeated_with_the_next_three_dates_and_saved_only_after_confirming(planned, coach):
    confirm = planned("every Mon Wed Fri at 7am")[0]
    assert "every Mon, Wed, Fri at 07:00 (Europe/Berlin)" in confirm.text and "strength" in confirm.text
    assert "Mon 23 Nov 07:00" in confirm.text and "Wed 25 Nov 07:00" in confirm.text and "Fri 27 Nov 07:00" in confirm.text
    assert coach.plans.count_plans(7) == 0
    saved = planned(button(confirm, "Save"), button=True)[0]
    assert "Saved" in saved.text and saved.edit
    plan = coach.plans.load_plans(7)[0]
    assert plan.next_at == datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    assert plan.remind_at == plan.next_at - timedelta(minutes=30)


def test_buttons_pick_days_and_a_time(planned, coach):
    picker = planned("/plan")[0]
    for label in ("Tue", "Thu"):
        picker = planned(button(picker, label), button=True)[0]
    picker = planned(button(picker, "18:30"), button=True)[0]
    assert "✅Tue" in [b.label for b in picker.button_list()]
    confirm = planned(button(picker, "Review"), button=True)[0]
    assert "every Tue, Thu at 18:30" in confirm.text
    planned(button(confirm, "Save"), button=True)
    assert coach.plans.load_plans(7)[0].schedule.weekdays == {1, 3}


def test_a_time_in_the_past_and_nonsense_get_specific_hints(planned, coach):
    assert "already passed" in planned("today at 6am")[0].text
    assert "no 30 February" in planned("30 feb at 8")[0].text
    assert "couldn't find a day or a time" in planned("sometime soonish maybe")[0].text
    assert coach.plans.count_plans(7) == 0


def test_a_question_while_planning_is_answered_and_planning_goes_on(planned, coach):
    answer, again = planned("how many reps for endurance?")
    assert answer.entry == "program-endurance"
    assert again.text.startswith("Back to your plan") and coach.plans.count_plans(7) == 0
    assert "every Sat at 09:00" in planned("saturdays at 9am")[0].text


def test_cancel_stops_planning(planned, coach):
    assert "no plan saved" in planned("cancel")[0].text
    assert coach.dialogues.current(7) is None


def test_plain_words_request_starts_planning(say, coach):
    screen(say)
    say("/timezone")
    say(button(say("London")[0], "Yes"), button=True)
    say("/settings")
    say(button(say("/settings")[0], "Endurance"), button=True)
    confirm = say("remind me tomorrow at 6pm")[0]
    assert "once, Sun 22 Nov 18:00 (Europe/London)" in confirm.text


def test_sessions_lists_the_week_and_cancels_one_or_all(planned, coach):
    planned(button(planned("weekdays at 7am")[0], "Save"), button=True)
    sessions = planned("/sessions")[0]
    assert sessions.text.count("07:00") == 5
    skip = button(sessions, "Skip Mon 23 Nov")
    assert "Skipped" in planned(skip, button=True)[0].text
    assert coach.plans.load_plans(7)[0].next_at == datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    again = planned("/sessions")[0]  # marked skipped, with no skip button any more, but one to restore it
    assert "Mon 23 Nov 07:00 · skipped" in again.text and not any("Skip Mon 23 Nov" in b.label for b in again.button_list())
    assert any(b.label == "↩️ Restore Mon 23 Nov 07:00" for b in again.button_list())
    assert "no longer applies" in planned(skip, button=True)[0].text
    off_schedule = int(coach.plans.load_plans(7)[0].next_at.timestamp()) + 3600
    assert "no longer applies" in planned(skip.rsplit(":", 1)[0] + f":{off_schedule}", button=True)[0].text
    confirm = planned(button(sessions, "Cancel plan"), button=True)[0]
    assert "Cancel the plan every Mon, Tue, Wed, Thu, Fri at 07:00?" in confirm.text and coach.plans.count_plans(7) == 1
    assert "cancelled" in planned(button(confirm, "Yes, cancel it"), button=True)[0].text
    assert coach.plans.count_plans(7) == 0


def test_settings_change_the_reminder_time_and_zone_keeps_wall_clock(planned, coach):
    planned(button(planned("every day at 7am")[0], "Save"), button=True)
    planned(button(planned("/settings")[0], "at start"), button=True)
    plan = coach.plans.load_plans(7)[0]
    assert plan.remind_at == plan.next_at
    planned("/timezone")
    planned(button(planned("New York")[0], "Yes"), button=True)
    plan = coach.plans.load_plans(7)[0]
    assert plan.next_at.astimezone(ZoneInfo("America/New_York")).hour == 7


def test_forged_planning_buttons_change_nothing(planned, coach):
    picker = planned("/plan")[-1]
    nonce = button(picker, "Mon").split(":")[1]
    for data in ("plan:save", "plan:day:9", "plan:time:99:99", "ses:c:1:abc", "ses:p:999", "set:lead:7",
                 "plan:zone:../../etc/passwd", "ses:c:1:99999999999999999999", "ses:-:-:p:999", "set:-:-:lead:7",
                 "ses:-:-:c:1:99999999999999999999", "plan:-:-:edit:999", f"plan:{nonce}:when:day:9",
                 f"plan:{nonce}:when:time:99:99", f"plan:{nonce}:confirm:save", f"plan:{nonce}:when:zone:Mars/Base",
                 "plan:deadbeef:when:review", "cmd:-:-:nosuchcommand"):
        reply = planned(data, button=True)[0]
        assert "no longer applies" in reply.text or "Pick at least one day" in reply.text, data
    assert coach.plans.count_plans(7) == 0


def test_location_sets_the_zone(coach, say):
    screen(say)
    say("/timezone")
    reply = coach.handle(Inbound(7, InboundKind.LOCATION, "-33.87,151.21"))[0]
    assert "Australia/Sydney" in reply.text
    assert "couldn't read" in coach.handle(Inbound(7, InboundKind.LOCATION, "nowhere"))[0].text


def test_forget_erases_plans(planned, coach):
    planned(button(planned("weekdays at 7am")[0], "Save"), button=True)
    planned(button(planned("/forget")[0], "Yes, erase"), button=True)
    assert coach.plans.count_plans(7) == 0 and coach.plans.load_profile(7).zone is None


def test_a_question_starting_with_plan_is_still_a_question(say):
    screen(say)
    reply = say("plan for a beginner, where do I start?")[0]
    assert reply.matched and "What time?" not in reply.text


def test_plan_command_takes_the_schedule_as_its_argument(planned):
    confirm = planned("/plan weekdays at 6:15am")[0]
    assert "every Mon, Tue, Wed, Thu, Fri at 06:15" in confirm.text and "Save" in confirm.button_list()[0].label


def test_a_spoken_plan_request_is_confirmed_before_anything_is_saved(planned, coach):
    replies = coach.handle(Inbound(7, InboundKind.VOICE, "every monday at seven am"))
    assert replies[0].text.startswith("🎙 I heard")
    assert "every Mon at 07:00" in replies[0].text and "Save this plan?" in replies[0].text
    assert coach.plans.count_plans(7) == 0


def test_a_guessed_zone_is_shown_with_its_local_time_and_saved_only_when_confirmed(say, coach):
    screen(say)
    say("/timezone")
    check = say("Karachi")[0]
    assert check.text.startswith("Karachi (Pakistan), now 14:30. Right?")  # 09:30 UTC is 14:30 there
    assert coach.plans.load_profile(7).zone is None
    say(button(check, "Yes"), button=True)
    assert coach.plans.load_profile(7).zone == "Asia/Karachi"


def test_a_guessed_zone_can_be_confirmed_by_typing_yes(say, coach):
    screen(say)
    say("/timezone")
    say("Lahore")
    assert "Asia/Karachi" in say("yes")[0].text and coach.plans.load_profile(7).zone == "Asia/Karachi"


def test_an_ambiguous_place_name_offers_a_choice_instead_of_picking(say, coach):
    screen(say)
    say("/timezone")
    choice = say("Springfield")[0]
    labels = [b.label for b in choice.button_list()]
    assert "Which one" in choice.text and len(labels) >= 2
    assert any("Missouri" in label for label in labels) and any("Massachusetts" in label or "Ohio" in label for label in labels)
    assert coach.plans.load_profile(7).zone is None


def test_the_zone_question_asks_for_a_location_and_an_unknown_place_says_what_to_type(say):
    screen(say)
    assert say("/timezone")[0].location
    unknown = say("Xyzzyville")[0]
    assert "couldn't place" in unknown.text and unknown.location


def test_an_open_am_pm_is_asked_with_buttons_and_the_choice_is_confirmed(planned, coach):
    ask = planned("tomorrow at 5")[0]
    assert [b.label for b in ask.button_list()][:2] == ["Sun 22 Nov 05:00", "Sun 22 Nov 17:00"]
    confirm = planned(button(ask, "17:00"), button=True)[0]
    assert "once, Sun 22 Nov 17:00" in confirm.text and coach.plans.count_plans(7) == 0


def test_a_missing_part_keeps_what_was_understood(planned, coach):
    ask = planned("3 times a week at 7am")[0]
    assert "Which 3 days" in ask.text and load_draft(coach.dialogues.current(7)).local_time == "07:00"
    assert any(b.data.endswith(":when:day:0") for b in ask.button_list())  # the day picker, its time already set
    confirm = planned("mon wed fri")[0]
    assert "every Mon, Wed, Fri at 07:00" in confirm.text
    planned("cancel")
    assert "What time?" in planned("/plan every tuesday")[0].text
    assert "every Tue at 18:30" in planned("18:30")[0].text


def test_new_recurrence_kinds_are_saved_and_listed_in_sessions(planned, coach):
    planned(button(planned("every other day at 7am")[0], "Save"), button=True)
    planned(button(planned("/plan first monday of every month at 6pm")[0], "Save"), button=True)
    plans = coach.plans.load_plans(7)
    assert [p.schedule.kind for p in plans] == ["every_n_days", "monthly"]
    sessions = planned("/sessions")[0]
    assert sessions.text.count("07:00") == 4  # today's 07:00 has passed: Sun 22, Tue 24, Thu 26, Sat 28
    labels = [b.label for b in sessions.button_list()]
    assert "🗑 Cancel plan: every other day at 07:00" in labels
    assert "🗑 Cancel plan: on the 1st Mon of every month at 18:00" in labels
    assert plans[1].next_at == datetime(2026, 12, 7, 17, 0, tzinfo=UTC)


def test_a_one_off_without_a_time_asks_for_it_without_the_weekly_picker(planned):
    ask = planned("tomorrow evening")[0]
    assert ask.text.startswith("What time in the evening?") and not ask.buttons
    assert "once, Sun 22 Nov 19:30" in planned("7:30pm")[0].text


def test_a_session_skipped_in_advance_stays_skipped_after_a_time_zone_change(planned, coach):
    planned(button(planned("every Mon Wed Fri at 7am")[0], "Save"), button=True)
    sessions = planned("/sessions")[0]
    assert "Wed 25 Nov 07:00" in sessions.text
    assert "Skipped" in planned(button(sessions, "Skip Wed 25 Nov"), button=True)[0].text
    planned("/timezone")
    planned(button(planned("Tokyo")[0], "Yes"), button=True)
    after = planned("/sessions")[0].text
    assert "Mon 23 Nov 07:00" in after and "Fri 27 Nov 07:00" in after  # wall-clock times kept in Tokyo
    assert "Wed 25 Nov 07:00 · skipped" in after
    assert all(at.astimezone(ZoneInfo("Asia/Tokyo")).hour == 7 for at in coach.plans.cancelled_at(1))
