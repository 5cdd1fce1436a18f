"""What a user tester found managing plans (2026-12-02): plans skipped, cancelled or edited in words
at /sessions, at /plan's list or idle; /sessions' lines and skip buttons one to one, paged, with
skipped sessions marked. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.texts import BUSY
from bot.features.planning import texts as t
from bot.features.planning.sessions import PAGE
from knowledge.plan_request import PlanAction as Action
from tests import test_planning, test_telegram_adapter
from tests.conftest import callback_update, message_update
from tests.test_planning import button
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests

SUN_7 = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)  # Sun 22 Nov 07:00 in Berlin


def save(say, when: str) -> None:
    """Plan `when` and save it."""
    say(button(say(f"/plan {when}")[-1], "Save"), button=True)


def two_plans(planned, coach) -> None:
    """Every Sun and every Mon at 07:00 saved, and planning left asking when (as after ➕ New plan)."""
    save(planned, "every sun 7am")
    save(planned, "every mon 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    assert coach.kit.dialogues.current(7).step == "when"


def lines(reply) -> list[str]:
    """The sessions a /sessions message lists."""
    return [line[2:] for line in reply.text.splitlines() if line.startswith("• ")]


def skip_labels(reply) -> list[str]:
    """What its skip buttons name, in order."""
    return [b.label.removeprefix("✖️ Skip ") for b in reply.button_list() if b.label.startswith("✖️ Skip")]


@pytest.mark.parametrize("typed, action", [
    ("skip tomorrow", Action.SKIP), ("skip thursday's", Action.SKIP), ("skip the next one", Action.SKIP),
    ("cancel the plan", Action.CANCEL), ("delete my monday plan", Action.CANCEL), ("cancel all my plans", Action.CANCEL),
    ("edit the first one", Action.EDIT), ("change my monday plan to 8am", Action.EDIT),
    ("cancel tomorrow's session", Action.SKIP),
])
def test_requests_about_plans_are_read(coach, typed, action):
    assert coach.kit.words.plan_request(typed).action is action


@pytest.mark.parametrize("typed, action, slots", [
    ("scrap all my plans", Action.CANCEL, {"every": True}), ("get rid of the friday plan", Action.CANCEL, {"day": "4"}),
    ("push my monday plan to 8am", Action.EDIT, {"day": "0", "rest": "8am"}),
    ("can we move the first one to 6pm", Action.EDIT, {"nth": 0, "rest": "6pm"}),
    ("i can't make thursday, skip it", Action.SKIP, {"day": "3"}),
])
def test_requests_about_plans_in_other_words_are_read_with_their_slots(coach, typed, action, slots):
    request = coach.kit.words.plan_request(typed)  # the understanding layer's reader, not a pattern of verbs
    assert request.action is action and all(getattr(request, slot) == value for slot, value in slots.items())


@pytest.mark.parametrize("typed", ["skip this", "skip the check", "cancel", "thu 6pm",
                                   "change my time zone to Berlin", "skip the month", "plan", "my plans", "save the plan",
                                   "when is my next session", "tomorrow 7am", "spinal decompression", "edit"])
def test_other_words_are_no_request_about_plans(coach, typed):
    assert coach.kit.words.plan_request(typed) is None


def test_skip_it_names_no_session_so_only_a_list_of_sessions_takes_it(planned, coach):
    request = coach.kit.words.plan_request("skip it")
    assert request is None or not request.named
    save(planned, "every sun 7am")
    assert not planned("skip it")[0].text.startswith("Skipped")
    assert coach.plans.cancelled_at(1) == set()


def test_scrap_all_my_plans_asks_to_cancel_them_all(planned, coach):
    two_plans(planned, coach)
    planned("/cancel")
    assert planned("scrap all my plans")[0].text.startswith("Cancel all 2 plans")
    assert "2 plans cancelled" in planned("yes")[0].text and coach.plans.count_plans(7) == 0


def test_skip_tomorrow_at_sessions_over_planning_skips_it_and_planning_goes_on(planned, coach):
    save(planned, "every sun 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    planned("/sessions")
    replies = planned("skip tomorrow")
    assert replies[0].text.startswith("Skipped Sun 22 Nov 07:00") and SUN_7 in coach.plans.cancelled_at(1)
    assert replies[-1].text.startswith("Back to your plan. When do you want to train?")


def test_skip_with_two_sessions_that_day_asks_which_with_buttons(planned, coach):
    save(planned, "every sun 7am")
    save(planned, "tomorrow 7am")
    which = planned("skip tomorrow")[0]
    assert which.text.startswith("Which session do you want to skip?") and len(skip_labels(which)) == 2
    assert coach.plans.cancelled_at(1) == set() and coach.plans.cancelled_at(2) == set()
    planned(button(which, "every Sun"), button=True)
    assert coach.plans.cancelled_at(1) == {SUN_7} and coach.plans.cancelled_at(2) == set()


def test_skip_the_next_one_and_a_weekday_idle(planned, coach):
    save(planned, "every sun mon 7am")
    assert planned("skip the next one")[0].text == "Skip Sun 22 Nov 07:00 (every Mon, Sun at 07:00)?"  # named: asked first
    assert planned("yes")[0].text.startswith("Skipped Sun 22 Nov 07:00")
    assert planned("skip monday's")[0].text.startswith("Skipped Mon 23 Nov 07:00")
    assert "no session" in planned("skip thursday")[0].text


def test_cancel_the_plan_at_sessions_over_planning_asks_then_cancels_on_a_typed_yes(planned, coach):
    save(planned, "every sun 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    planned("/sessions")
    confirm = planned("cancel the plan")[0]
    assert confirm.text == "Cancel the plan every Sun at 07:00? Its reminders stop." and coach.plans.count_plans(7) == 1
    replies = planned("yes")
    assert replies[0].text.startswith("Plan cancelled") and coach.plans.count_plans(7) == 0
    assert replies[-1].text.startswith("Back to your plan.")  # the plan being made is still there


def test_delete_my_monday_plan_and_cancel_all_my_plans(planned, coach):
    two_plans(planned, coach)
    planned("/cancel")
    assert "every Mon at 07:00?" in planned("delete my monday plan")[0].text
    assert "stays" in planned("no")[0].text and coach.plans.count_plans(7) == 2
    assert planned("cancel all my plans")[0].text.startswith("Cancel all 2 plans")
    assert "2 plans cancelled" in planned("yes")[0].text and coach.plans.count_plans(7) == 0


def test_cancel_the_plan_with_two_plans_asks_which_with_buttons(planned, coach):
    two_plans(planned, coach)
    planned("/sessions")
    which = planned("cancel the plan")[0]
    assert which.text.startswith("Which plan do you want to cancel?") and len(which.button_list()) == 2
    confirm = planned(button(which, "every Mon"), button=True)[0]
    planned(button(confirm, "Yes, cancel it"), button=True)
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({6})]


def test_edit_the_first_one_after_plan_lists_them(planned, coach):
    two_plans(planned, coach)
    planned("/plan")
    edit = planned("edit the first one")[0]
    assert edit.text.startswith(t.EDITING) and "every Sun at 07:00" in edit.text
    planned(button(edit, "Save"), button=True)
    assert coach.plans.count_plans(7) == 2


def test_change_my_monday_plan_to_8am_idle(planned, coach):
    two_plans(planned, coach)
    planned("/cancel")
    confirm = planned("change my monday plan to 8am")[-1]
    assert "every Mon at 08:00" in confirm.text and "Save this plan?" in confirm.text
    planned(button(confirm, "Save"), button=True)
    assert sorted(p.schedule.local_time.hour for p in coach.plans.load_plans(7)) == [7, 8]


def test_words_never_replace_a_dialogue_in_progress(planned, coach):
    save(planned, "every sun 7am")
    planned("/timezone")  # a dialogue of its own (no plan waits for it)
    assert planned("edit my plan")[0] == BUSY
    planned("/cancel")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    assert planned("cancel the plan")[0].text == t.PLAN_CANCELLED  # while planning, it stops planning
    assert coach.plans.count_plans(7) == 1


def test_no_plans_says_so(planned):
    planned("/cancel")
    assert "no plans yet" in planned("skip tomorrow")[0].text


def test_sessions_list_and_skip_buttons_are_one_to_one_when_two_plans_share_a_time(planned, coach):
    two_plans(planned, coach)
    save(planned, "tomorrow 7am")
    sessions = planned("/sessions")[0]
    assert lines(sessions) == skip_labels(sessions)
    assert lines(sessions)[:2] == ["Sun 22 Nov 07:00 (every Sun at 07:00)", "Sun 22 Nov 07:00 (once, Sun 22 Nov 07:00)"]
    planned(button(sessions, "Skip Sun 22 Nov 07:00 (once"), button=True)
    again = planned("/sessions")[0]
    assert "Sun 22 Nov 07:00 (once, Sun 22 Nov 07:00) · skipped" in again.text
    assert skip_labels(again) == [line for line in lines(again) if "skipped" not in line]


def test_every_listed_session_has_its_skip_button_across_pages(planned):
    save(planned, "every day at 7am")
    save(planned, "every day at 6pm")
    first = planned("/sessions")[0]
    assert len(lines(first)) == PAGE and lines(first) == skip_labels(first)
    seen, page = lines(first), first
    while any("Later" in b.label for b in page.button_list()):
        page = planned(button(page, "Later"), button=True)[0]
        assert page.edit and lines(page) == skip_labels(page) and len(lines(page)) <= PAGE
        seen += lines(page)
    assert len(seen) == 14 and len(set(seen)) == 14


async def test_which_session_buttons_skip_over_telegram(tg, planned, coach):
    app, request = tg
    save(planned, "every sun 7am")
    save(planned, "tomorrow 7am")
    await feed(app, message_update("skip tomorrow"))
    which = request.sent()[-1]
    keyboard = [row[0] for row in which["reply_markup"]["inline_keyboard"]]
    assert which["text"].startswith("Which session do you want to skip?") and len(keyboard) == 2
    await feed(app, callback_update(keyboard[1]["callback_data"]))
    assert "Skipped Sun 22 Nov 07:00" in request.texts()[-1] and coach.plans.cancelled_at(2) == {SUN_7}


# Screens stacked over planning

def test_a_schedule_typed_at_settings_over_planning_moves_on_in_the_plan(planned, coach):
    planned("/settings")
    confirm = planned("thu 6pm")[-1]
    assert "Thu 26 Nov 18:00" in confirm.text and "Save this plan?" in confirm.text
    assert t.SETTINGS_KEPT not in [r.text for r in planned("thu 6pm")]
    assert coach.kit.dialogues.current(7, "set") is None


def test_a_zone_changed_in_settings_brings_the_settings_back(planned, coach):
    planned("/cancel")
    planned("/settings")
    check = planned("change my time zone to Auckland")
    assert [r.text for r in check if "Auckland" in r.text] and not any("First, your time zone" in r.text for r in check)
    back = planned("yes")
    assert back[0].text.startswith("Time zone set: Pacific/Auckland") and "Time zone: Pacific/Auckland" in back[-1].text
    assert planned("done")[0].text == t.SETTINGS_SAVED


def test_the_zone_button_in_settings_asks_without_the_planning_intro(planned, coach):
    planned("/cancel")
    asked = planned(button(planned("/settings")[0], "time zone"), button=True)
    assert [r.text for r in asked] == [t.ZONE_SCREEN]
    back = planned(button(planned("Auckland")[0], "Yes"), button=True)
    assert "Time zone: Pacific/Auckland" in back[-1].text
    planned(button(back[-1], "time zone"), button=True)
    kept = planned("no")
    assert kept[0].text == t.ZONE_KEPT and kept[-1].text.startswith("Reminders come")  # closed without a change: back too


def test_forget_answered_no_over_settings_shows_the_settings_again(planned):
    planned("/cancel")
    planned("/settings")
    planned("/forget")
    replies = planned("no")
    assert "nothing was erased" in replies[0].text and replies[-1].text.startswith("Reminders come")
    tapped = planned(button(planned("/forget")[0], "Keep"), button=True)
    assert tapped[-1].text.startswith("Reminders come")


def test_a_part_of_the_day_at_the_zone_screen_is_kept_for_a_plan(say, coach):
    test_planning.screen(say)
    say("/timezone")
    assert say("evening")[0].text == t.ZONE_KEEPS_SCHEDULE
    replies = say(button(say("Berlin")[0], "Yes"), button=True)
    assert replies[0].text.startswith("Time zone set: Europe/Berlin") and replies[-1].text == t.ASK_GOAL
    assert "in the evening" in say(button(replies[-1], "Strength"), button=True)[-1].text


# Small things

def test_an_hour_and_a_half_and_a_negative_lead_at_settings(planned, coach):
    planned("/cancel")
    assert "90 min before each session" in planned("remind me an hour and a half before")[0].text
    assert coach.plans.load_profile(7).lead_minutes == 90
    assert planned("remind me -10 minutes before")[0].text == t.LEAD_NEGATIVE
    assert coach.plans.load_profile(7).lead_minutes == 90


def test_a_one_off_says_before_the_session_and_current_choices_are_not_marked_like_save(planned, coach):
    confirm = planned("tomorrow 7am")[0]
    assert "reminder 30 min before the session." in confirm.text and "each session" not in confirm.text
    labels = [b.label for b in confirm.button_list()]
    assert "⏰ 30 min ✓" in labels and [label for label in labels if label.startswith("✅")] == ["✅ Save"]
    saved = planned(button(confirm, "Save"), button=True)[0]
    assert "30 min before the session" in saved.text
    settings = [b.label for b in planned("/settings")[0].button_list()]
    assert "30 min ✓" in settings and "💪 Strength ✓" in settings and not any(s.startswith("✅") for s in settings)


def test_skip_alone_at_sessions_asks_which_and_elsewhere_is_not_ours(planned, coach):
    save(planned, "every sun mon 7am")
    assert "Which session" not in planned("skip")[0].text  # nothing listed: not about a session
    planned("/sessions")
    which = planned("skip")[0]
    assert which.text.startswith("Which session do you want to skip?") and skip_labels(which) == ["Sun 22 Nov 07:00", "Mon 23 Nov 07:00"]
    assert coach.plans.cancelled_at(1) == set()
