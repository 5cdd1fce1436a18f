"""The one dialogue mechanism through the core: one state table, nonce + step on every button,
slots in any order, typed confirmations and edits, interruptions and /cancel; plans and the safety
result (items 1-4, 8, 9 of issue 12), and three behaviours the suite did not catch before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.dialogue import STALE
from bot.features.planning.draft import load_draft
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests.test_planning import button, in_berlin, screen
from tests.test_reminders import MONDAY_7, Outbox, run

STALE_TEXT = STALE.text


def rows(coach, user: int = 7) -> list[tuple]:
    """The user's dialogues in the one dialogue-state table (not the note of a list on screen)."""
    return coach.store.db.execute("SELECT dialogue, step FROM dialogues WHERE user_id = ? AND dialogue <> 'view'",
                                  [user]).fetchall()


@pytest.fixture
def ready(say):
    """A green user with zone Berlin and goal strength, not in any dialogue."""
    in_berlin(say, "/timezone")
    say(button(say("/settings")[0], "Strength"), button=True)
    say("that's all")  # closes the settings
    return say


def test_every_dialogue_keeps_its_state_in_one_table(say, coach):
    say("/screen")
    assert rows(coach) == [("scr", "consent")]
    say("ok")
    assert rows(coach) == [("scr", "0")]
    say("/forget")
    assert sorted(rows(coach)) == [("forget", "confirm"), ("scr", "0")]  # opened on top: the check is kept
    assert "Question 1 of 15" in say("no")[-1].text
    assert rows(coach) == [("scr", "0")]
    say("cancel")
    assert rows(coach) == []


def test_a_button_of_another_step_run_or_user_changes_nothing(ready, coach):
    picker = ready("/plan")[-1]
    monday = button(picker, "Mon")
    dialogue, nonce, step, action, arg = monday.split(":")
    assert (dialogue, step, action, arg) == ("plan", "when", "day", "0")
    for forged in (f"plan:{nonce}:confirm:day:0", "plan:feedbeef:when:day:0", f"scr:{nonce}:when:day:0"):
        assert ready(forged, button=True)[0].text == STALE_TEXT
    assert ready(monday, button=True, user=8)[0].text == STALE_TEXT
    assert load_draft(coach.dialogues.current(7)).weekdays == frozenset()
    ready("cancel")
    assert ready(monday, button=True)[0].text == STALE_TEXT  # the dialogue ended


def test_an_old_save_button_never_saves_a_changed_plan(ready, coach):
    first = ready("/plan every Mon at 7am")[0]
    second = ready("no, make it 8pm")[0]
    assert "every Mon at 20:00" in second.text
    assert ready(button(first, "Save"), button=True)[0].text == STALE_TEXT
    assert coach.plans.count_plans(7) == 0
    ready(button(second, "Save"), button=True)
    assert coach.plans.load_plans(7)[0].schedule.local_time.hour == 20


@pytest.mark.parametrize("typed", ["yes", "yep"])
def test_typed_confirmations_save(ready, coach, typed):
    assert "Save this plan?" in ready("/plan every Tue at 6pm")[0].text
    assert "Saved" in ready(typed)[0].text and coach.plans.count_plans(7) == 1


def test_typed_edits_change_the_plan_and_ask_again(ready, coach):
    ready("/plan every Mon Wed Fri at 7am")
    assert "every Mon, Wed, Fri at 19:00" in ready("no make it 7pm")[0].text
    assert "every Tue, Thu at 19:00" in ready("tue and thu")[0].text
    assert "picker" not in ready("no")[0].text and coach.dialogues.current(7).step == "when"
    assert coach.plans.count_plans(7) == 0


def test_slots_in_any_order_are_kept_until_the_dialogue_ends(say, coach):
    screen(say)
    say("/plan")
    assert "keep that" in say("3 times a week")[0].text  # a schedule while the zone is asked
    assert "keep that" in say("7am")[0].text
    say(button(say("Berlin")[0], "Yes"), button=True)
    ask = say("strength")[-1]  # a goal typed in words at the goal question
    assert coach.plans.load_profile(7).goal == "strength"
    assert "Which 3 days" in ask.text
    assert "every Mon, Wed, Fri at 07:00" in say("mon wed fri")[0].text


def test_the_time_then_the_days_keeps_the_time(ready):
    assert "What time" in ready("/plan 3 times a week")[-1].text or "Which 3 days" in ready("/plan 3 times a week")[-1].text
    ready("cancel")
    ready("/plan every tuesday")
    assert "every Tue at 18:30" in ready("18:30")[0].text


def test_a_question_mid_dialogue_is_answered_then_the_step_is_asked_again(ready):
    ready("/plan every Mon at 7am")
    answer, again = ready("how many reps for endurance?")
    assert answer.entry == "program-endurance" and "Save this plan?" in again.text


@pytest.mark.parametrize("way_out", ["/cancel", "cancel", "stop"])
def test_cancel_and_stop_leave_any_dialogue(say, coach, way_out):
    for start in ("/screen", "/forget", "/timezone"):
        say(start)
        assert rows(coach), start
        say(way_out)
        assert rows(coach) == [], (start, way_out)
    assert "nothing to cancel" in say("/cancel")[0].text


def test_help_start_and_the_menu_come_from_one_registry(say, coach):
    listed = [name for name, _ in coach.commands.menu()]
    assert {"plan", "sessions", "settings", "timezone", "cancel"} <= set(listed)
    help_text = say("/help")[0].text
    assert all(f"/{name} –" in help_text for name in listed)
    assert all(f"/{name} –" in say("/start")[0].text for name in listed)
    assert "/plan" in say("/start")[0].text
    screen(say)
    assert "/plan" in say("/start")[0].text.split("Commands:")[0]


def test_plan_lists_plans_first_and_edits_one_in_place(ready, coach):
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)
    listing, = ready("/plan")
    assert "every Mon at 07:00" in listing.text and "Edit" in listing.button_list()[0].label
    editing = ready(button(listing, "Edit"), button=True)[0]
    assert "Editing this plan" in editing.text
    confirm = ready("make it 6pm")[0]
    assert "every Mon at 18:00" in confirm.text and "already have" not in confirm.text
    ready("yes")
    plans = coach.plans.load_plans(7)
    assert len(plans) == 1 and plans[0].schedule.local_time.hour == 18


def test_a_duplicate_plan_is_flagged_before_saving(ready):
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)
    assert "already have a plan" in ready("/plan every Mon at 7am")[0].text


def test_cancelling_a_plan_asks_first(ready, coach):
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)
    confirm = ready(button(ready("/sessions")[0], "Cancel plan"), button=True)[0]
    assert coach.plans.count_plans(7) == 1
    assert "stays" in ready(button(confirm, "Keep it"), button=True)[0].text and coach.plans.count_plans(7) == 1
    assert ready(button(confirm, "Yes, cancel it"), button=True)[0].text == STALE_TEXT  # answered already
    assert coach.plans.count_plans(7) == 1
    ready(button(ready("/sessions")[0], "Cancel plan"), button=True)
    assert "cancelled" in ready("yes")[0].text and coach.plans.count_plans(7) == 0  # typed, as a tap would


def test_a_plan_cancel_confirmation_answered_no_by_typing_keeps_the_plan(ready, coach):
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)
    ready(button(ready("/plan")[0], "New plan"), button=True)  # a planning dialogue open under the confirmation
    ready(button(ready("/sessions")[0], "Cancel plan"), button=True)
    kept, again = ready("no")
    assert "stays" in kept.text and "Back to your plan" in again.text and coach.plans.count_plans(7) == 1


async def test_sessions_shows_a_reminded_one_off_until_it_has_passed(ready, coach, clock):
    ready(button(ready("/plan today at 6pm")[0], "Save"), button=True)
    clock.now = datetime(2026, 11, 21, 16, 31, tzinfo=UTC)  # 17:31 Berlin: the reminder went out
    outbox = Outbox(coach)
    dispatcher = coach.reminder_dispatcher(outbox)
    dispatcher.start()
    assert await run(dispatcher) == 1
    await dispatcher.stop()
    assert coach.plans.count_plans(7) == 0  # the one-off's plan has ended
    assert "Sat 21 Nov 18:00" in ready("/sessions")[0].text
    clock.now += timedelta(hours=1)
    assert "Sat 21 Nov 18:00" not in ready("/sessions")[0].text


def test_screen_after_a_valid_result_shows_it_and_a_retake_keeps_it_until_finished(say, coach):
    screen(say)
    shown = say("/screen")[0]
    assert "green" in shown.text and "Retake" in shown.button_list()[0].label
    say(button(shown, "Retake"), button=True)
    say("ok")
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN  # an unfinished retake keeps the old result
    assert "finish the safety check" not in say("/plan")[0].text


def test_a_red_result_is_not_replaced_by_an_immediate_retake(say, coach, clock):
    screen(say, {3: "yes"})
    assert coach.need(ScreeningFlow).status(7) is Status.RED
    blocked = say(button(say("/screen")[0], "Retake"), button=True)[0]
    assert "stands for now" in blocked.text and coach.need(ScreeningFlow).status(7) is Status.RED
    clock.now += timedelta(days=15)
    assert "Question 1" not in say(button(say("/screen")[0], "Retake"), button=True)[0].text  # consent first
    screen(say)
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN


def test_a_red_result_can_be_retaken_once_a_professional_review_is_recorded(say, coach):
    screen(say, {3: "yes"})
    blocked = say(button(say("/screen")[0], "Retake"), button=True)[0]
    say(button(blocked, "reviewed"), button=True)
    say(button(say("/screen")[0], "Retake"), button=True)
    for answer in ["ok"] + ["no"] * 15:
        say(answer)
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN


# Three behaviours the suite did not catch before (issue 12, item 11).

def test_forget_leaves_no_plan_draft_behind(ready, coach):
    ready("/plan every Mon")
    assert rows(coach) == [("plan", "when")]
    ready(button(ready("/forget")[0], "Yes, erase"), button=True)
    assert rows(coach) == [] and coach.dialogues.current(7) is None


async def test_a_session_skipped_in_advance_is_not_reminded(ready, coach, clock):
    ready(button(ready("/plan every Mon Wed Fri at 7am")[0], "Save"), button=True)
    ready(button(ready("/sessions")[0], "Skip Wed 25 Nov"), button=True)
    outbox = Outbox(coach)
    dispatcher = coach.reminder_dispatcher(outbox)
    dispatcher.start()
    for day in range(6):
        clock.now = MONDAY_7 + timedelta(days=day, minutes=-30)
        await run(dispatcher)
    await dispatcher.stop()
    assert [due.at.day for due, _ in outbox.sent] == [23, 27]


def test_save_checks_the_safety_gate_again(ready, coach, clock):
    confirm = ready("/plan every Mon at 7am")[0]
    coach.need(ScreeningFlow).request_redo(7)  # a health change since planning began
    assert "safety check" in ready(button(confirm, "Save"), button=True)[0].text
    assert coach.plans.count_plans(7) == 0


# Typed answers, intents in any wording and conversation context (items 3, 6, 7).

@pytest.mark.parametrize("typed", ["ok", "save", "looks good", "sounds good"])
def test_more_typed_confirmations_save(ready, coach, typed):
    ready("/plan every Tue at 6pm")
    assert "Saved" in ready(typed)[0].text and coach.plans.count_plans(7) == 1


def test_a_typed_goal_change_at_the_confirmation_edits_the_plan(ready, coach):
    ready("/plan every Mon at 7am")
    assert "goal: endurance" in ready("change the goal to endurance")[0].text
    assert coach.plans.load_profile(7).goal != "endurance" and coach.plans.count_plans(7) == 0  # stored only at Save
    ready("yes")
    assert coach.plans.load_profile(7).goal == "endurance" and coach.plans.load_plans(7)[0].goal == "endurance"


@pytest.mark.parametrize(("said", "expected"), [
    ("can you remind me every tuesday and thursday at 6:30 pm", "every Tue, Thu at 18:30"),
    ("put me down for mondays", "What time?"),
    ("set reminder", "When do you want to train?"),
])
def test_planning_starts_from_requests_in_any_wording(ready, said, expected):
    assert expected in ready(said)[-1].text


@pytest.mark.parametrize(("said", "expected"), [
    ("show my sessions", "You have no plans yet"),
    ("what do you store about me", "everything I store about you"),
    ("hey there", "Ask me anything"),
    ("thanks", "You're welcome"),
    ("forget me", "Erase it?"),
])
def test_requests_and_small_talk_in_words(say, said, expected):
    assert expected in say(said)[0].text


def test_a_request_mid_dialogue_is_answered_and_the_step_asked_again(ready):
    ready("/plan every Mon at 7am")
    sessions, again = ready("show my sessions")
    assert "You have no plans yet" in sessions.text and "Save this plan?" in again.text


def test_a_follow_up_is_read_against_the_last_answer_and_goal(say, coach):
    assert say("how many reps for endurance?")[0].entry == "program-endurance"
    assert say("and for strength?")[0].entry == "program-strength"
    assert coach.store.load_context(7, coach.clock()).goal == "strength"


def test_why_after_an_answer_gets_that_entrys_details_or_says_that_is_all(say, coach):
    entries = coach.kb.entries
    detailed = next(e for e in entries.values() if e.details)
    assert say(f"kb:{detailed.id}", button=True)[0].entry == detailed.id
    why = say("why?")[0]
    assert why.entry == detailed.id and detailed.details in why.text
    plain = say("how high should i lift my legs")[0]
    assert not entries[plain.entry].details
    more = say("tell me more")[0]
    assert more.entry == plain.entry and "That's all the articles say" in more.text and entries[plain.entry].answer in more.text


def test_more_about_each_thing_listed_answers_each_one_in_one_reply(say, coach):
    entries = coach.kb.entries
    assert say("what are the three hamstring muscles")[0].entry == "hamstring-anatomy"
    each = say("tell me more about each one")[0]
    assert each.entry == "biceps-femoris"
    for part in entries["hamstring-anatomy"].parts:
        assert f"{entries[part].title}: {entries[part].answer}" in each.text
    assert each.text.count("📖 Source:") == 1  # the three share one source, shown once


def test_the_conversation_context_survives_a_restart_expires_and_is_forgotten(tmp_path, understanding, clock):
    from bot.composition import assemble
    from bot.core.coach import Coach
    from bot.core.messages import Inbound, InboundKind
    from bot.storage.database import open_database

    def coach() -> Coach:
        return assemble(understanding, open_database(tmp_path / "coach.db"), clock)

    coach().handle(Inbound(7, InboundKind.TEXT, "how many reps for endurance?"))
    assert coach().store.load_context(7, clock()).entry == "program-endurance"  # read back after a restart
    clock.now += timedelta(minutes=31)
    assert not coach().store.load_context(7, clock())  # 30 minutes of silence
    restarted = coach()
    restarted.handle(Inbound(7, InboundKind.TEXT, "how many reps for endurance?"))
    restarted.handle(Inbound(7, InboundKind.TEXT, "/forget")), restarted.handle(Inbound(7, InboundKind.TEXT, "yes"))
    assert not restarted.store.load_context(7, clock())
