"""The dialogue engine's leftovers from the user test: /timezone opens on top of the dialogue in
progress, looking at /plan starts no planning, and a typed "not sure" at a red-flag question gets
one "did you mean" step. Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.core.messages import Inbound, InboundKind
from bot.features.planning.texts import ZONE_KEPT, ZONE_SCREEN
from bot.features.planning.zone_screen import move_zone_runs
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests import test_checkin, test_dialogues, test_telegram_adapter
from tests.conftest import callback_update, message_update
from tests.test_checkin import remind
from tests.test_dialogue_detours import flagged, mid_check
from tests.test_dialogues import rows
from tests.test_planning import button, screen
from tests.test_screening import told_then
from tests.test_telegram_adapter import feed

ready = test_dialogues.ready  # a green user with zone Berlin and goal strength, in no dialogue
tg = test_telegram_adapter.tg  # the application on a recording request
sender = test_checkin.sender  # the reminder dispatcher sending into an outbox


def zone(coach, user: int = 7) -> str | None:
    return coach.plans.load_profile(user).zone


# /timezone opens on top of the dialogue in progress

def test_timezone_mid_check_keeps_the_check_and_asks_its_question_again(say, coach):
    mid_check(say, 2)
    assert say("/timezone")[-1].text == ZONE_SCREEN  # no "First, ...": nothing comes after it
    check = say(button(say("Berlin")[0], "Yes"), button=True)
    assert "Time zone set: Europe/Berlin" in check[0].text and "Question 3 of 15" in check[-1].text
    assert zone(coach) == "Europe/Berlin" and rows(coach) == [("scr", "2")]
    assert "Question 4 of 15" in say("no")[-1].text


def test_a_yes_or_no_typed_at_the_zone_screen_is_never_a_health_answer(say, coach):
    mid_check(say, 2)
    say("/timezone Berlin")
    assert "Time zone set" in say("yes")[0].text  # the guess, not question 3
    say("/timezone")
    kept = say("no")
    assert kept[0].text == ZONE_KEPT and "Question 3 of 15" in kept[-1].text
    assert flagged(coach) == () and rows(coach) == [("scr", "2")]


def test_timezone_mid_plan_keeps_the_draft_and_asks_to_save_again(ready, coach):
    ready("/plan every Mon at 7am")
    say_again = ready("/timezone London")
    assert "London" in say_again[-1].text
    back = ready("yes")
    assert "Time zone set: Europe/London" in back[0].text
    assert "every Mon at 07:00 (Europe/London)" in back[-1].text and "Save this plan?" in back[-1].text
    assert "Saved" in ready("yes")[0].text and coach.plans.count_plans(7) == 1


def test_the_zone_screen_closes_when_the_plan_below_moves_on(ready, coach):
    ready("/plan")
    ready("/timezone")
    assert "Save this plan?" in ready("every Tue at 6pm")[-1].text
    assert rows(coach) == [("plan", "confirm")]


def test_a_zone_typed_while_planning_asks_for_it_still_goes_to_the_plan(say, coach):
    screen(say)
    say("/plan every Mon at 7am")
    assert say("/timezone Berlin")[0].text.startswith("Berlin")
    goal = say("yes")
    assert "Time zone set" in goal[0].text and "What are you training for" in goal[-1].text
    assert rows(coach) == [("plan", "goal")]


def test_timezone_alone_while_the_plan_asks_for_the_zone_asks_once(say):
    screen(say)
    say("/plan every Mon at 7am")
    asked = say("/timezone")
    assert len(asked) == 1 and "your time zone" in asked[0].text and asked[0].location


def test_the_settings_zone_button_mid_plan_keeps_the_draft(ready, coach):
    ready("/plan every Mon at 7am")
    ready(button(ready("/settings")[-1], "time zone"), button=True)
    back = ready(button(ready("Tokyo")[0], "Yes"), button=True)
    assert "Asia/Tokyo" in back[0].text and "Time zone: Asia/Tokyo" in back[-1].text  # the settings come back
    assert sorted(rows(coach)) == [("plan", "confirm"), ("set", "menu")]
    assert "Save this plan?" in ready("done")[-1].text


def test_a_location_shared_mid_check_keeps_the_check(say, coach):
    mid_check(say, 1)
    replies = coach.handle(Inbound(7, InboundKind.LOCATION, "52.52,13.40"))
    assert "Europe/Berlin" in replies[0].text and "Question 2 of 15" in replies[-1].text
    assert rows(coach) == [("scr", "1")]


def test_timezone_on_its_own_is_asked_again_after_a_question_and_cancelled(say, coach):
    say("/timezone")
    assert say("how many reps for endurance?")[-1].text == ZONE_SCREEN
    assert say("cancel")[0].text == ZONE_KEPT and rows(coach) == []


def test_a_time_zone_run_begun_before_the_upgrade_carries_on(tmp_path):
    from bot.storage.database import _migrate
    from tests.test_storage import _database_before

    db, before = _database_before(tmp_path, move_zone_runs)
    db["dialogues"].insert({"user_id": 7, "dialogue": "plan", "step": "zone-only", "data": "{}", "nonce": "ab12",
                            "side": 0})
    _migrate(db, before)
    assert db.execute("SELECT dialogue, step, side FROM dialogues").fetchall() == [("tz", "place", 0)]


async def test_timezone_mid_check_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "ok", "no", "/timezone Berlin"]:
        await feed(app, message_update(text))
    yes = request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, callback_update(yes))
    assert "Time zone set" in request.sent()[-2]["text"] and "Question 2 of 15" in request.sent()[-1]["text"]


# looking at /plan starts no planning

def saved(ready) -> None:
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)


def test_a_look_at_plan_starts_no_planning_dialogue(ready, coach):
    saved(ready)
    listing = ready("/plan")
    assert len(listing) == 1 and "every Mon at 07:00" in listing[0].text and rows(coach) == []
    assert [b.label for b in listing[0].button_list()][-1] == "➕ New plan"
    for text in ("yes", "no"):
        assert not any("day or a time" in r.text or "Saved" in r.text for r in ready(text))
    assert rows(coach) == [] and coach.plans.count_plans(7) == 1


def test_new_plan_under_the_list_starts_planning(ready, coach):
    saved(ready)
    picker = ready(button(ready("/plan")[0], "New plan"), button=True)
    assert "When do you want to train?" in picker[-1].text and rows(coach) == [("plan", "when")]
    assert "Save this plan?" in ready("every Fri at 6pm")[-1].text


def test_a_look_at_plan_mid_plan_keeps_the_draft(ready, coach):
    saved(ready)
    ready("/plan every Tue at 6pm")
    replies = ready("/plan")
    assert "Your plans" in replies[0].text and "every Tue at 18:00" in replies[-1].text
    assert "Saved" in ready("yes")[0].text and coach.plans.count_plans(7) == 2


async def test_a_no_after_a_look_at_plan_acts_on_no_plan_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "ok"] + ["no"] * 15 + ["/plan every Mon at 7am", "Berlin", "yes"]:
        await feed(app, message_update(text))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    for text in ["yes", "/plan"]:
        await feed(app, message_update(text))
    assert "Your plans" in request.sent()[-1]["text"]
    coach = app.bot_data["coach"]
    before = len(request.sent())
    await feed(app, message_update("no"))
    assert all("day or a time" not in p["text"] for p in request.sent()[before:])
    assert rows(coach) == [] and coach.plans.count_plans(7) == 1


# a typed "not sure" at a red-flag question gets one "did you mean" step

def status(coach) -> Status:
    return coach.need(ScreeningFlow).status(7)


def test_idk_typed_at_the_chest_pain_question_asks_what_it_means_first(say, coach):
    mid_check(say, 2)  # question 3 asks about chest pain
    step, = say("idk")
    assert "counts as yes" in step.text and "medical care" in step.text and "chest" in step.text
    assert [b.label for b in step.button_list()][:3] == ["Yes", "No", "Not sure"]
    assert status(coach) is Status.IN_PROGRESS and flagged(coach) == ()
    assert "Question 4 of 15" in say("no")[-1].text and flagged(coach) == ()


def test_not_sure_typed_again_or_tapped_at_the_did_you_mean_step_stops_the_check_red(say, coach):
    mid_check(say, 2)
    say("not sure")
    assert told_then(say("i dont know")[0].text, "🛑") and status(coach) is Status.RED
    say("/screen", user=8), say("ok", user=8)
    for _ in range(2):
        say("no", user=8)
    step, = say("idk", user=8)
    assert say(button(step, "Not sure"), button=True, user=8)[0].text.startswith("🛑")
    assert coach.need(ScreeningFlow).status(8) is Status.RED


def test_a_tapped_not_sure_at_a_red_flag_question_still_stops_the_check_at_once(say, coach):
    mid_check(say, 1)
    question = say("no")[-1]
    assert say(button(question, "Not sure"), button=True)[0].text.startswith("🛑") and status(coach) is Status.RED


def test_a_typed_not_sure_at_an_amber_question_counts_at_once(say, coach):
    mid_check(say, 1)  # question 2: heart condition or blood pressure (amber)
    assert "Question 3 of 15" in say("idk")[-1].text and flagged(coach) == ("heart_bp",)


def test_the_did_you_mean_step_is_asked_once_per_question(say, coach):
    mid_check(say, 2)
    say("idk")
    say("back")
    say("no")  # question 2 again, then question 3 anew
    assert "counts as yes" in say("idk")[0].text and status(coach) is Status.IN_PROGRESS


async def test_idk_at_the_red_flags_question_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "ok"] + ["no"] * 14 + ["idk"]:
        await feed(app, message_update(text))
    step = request.sent()[-1]
    assert "counts as yes" in step["text"] and "groin" in step["text"]
    not_sure = step["reply_markup"]["inline_keyboard"][0][2]["callback_data"]
    await feed(app, callback_update(not_sure))
    assert "🛑" in request.sent("editMessageText")[-1]["text"]


# code quality: the lead is stored once, at Save; the check-in's session is read once per reply

def test_a_lead_picked_at_the_confirmation_is_stored_only_when_the_plan_is_saved(ready, coach):
    ready(button(ready("/plan every Mon at 7am")[0], "Save"), button=True)
    confirm = ready("/plan every Fri at 6pm")[0]
    tapped = ready(button(confirm, "1 h"), button=True)[0]
    assert "reminder 1 h before" in tapped.text and coach.plans.load_profile(7).lead_minutes == 30
    assert "reminder 15 min before" in ready("remind me 15 minutes before")[0].text
    ready("cancel")
    assert coach.plans.load_profile(7).lead_minutes == 30  # a plan nobody saved changed no reminder
    ready("/plan every Fri at 6pm")
    ready("remind me 2 hours before")
    assert "2 h before" in ready("yes")[0].text and coach.plans.load_profile(7).lead_minutes == 120


async def test_a_typed_check_in_reads_its_session_once(say, coach, clock, sender, monkeypatch):
    await remind(say, coach, clock, *sender)
    read = coach.plans.load_occurrence
    reads: list[int] = []
    monkeypatch.setattr(coach.plans, "load_occurrence", lambda occurrence_id: reads.append(occurrence_id) or read(occurrence_id))
    assert "Nice work" in say("done")[0].text and len(reads) == 1
