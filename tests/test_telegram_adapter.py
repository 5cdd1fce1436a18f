"""Layer 2: the Telegram adapter through Application.process_update with a recording request."""

from __future__ import annotations

import logging

import pytest
from telegram import Update

from bot.adapters.telegram.app import SORRY, build_application
from bot.core.coach import Coach
from bot.core.messages import Reply
from bot.features.screening.flow import ScreeningFlow
from bot.settings import Settings
from scheduler.dispatcher import Due
from tests.conftest import callback_update, message_update
from tests.recording_request import RecordingRequest, unpaced
from tests.test_planning import button


@pytest.fixture
async def tg(coach: Coach):
    """An initialised application on the recording request; yields (app, request)."""
    request = RecordingRequest()
    app = build_application(Settings(token="123:ABC"), coach, request=request, budget=unpaced())
    async with app:
        yield app, request


async def feed(app, data: dict) -> None:
    """Deliver one update as Telegram would."""
    await app.process_update(Update.de_json(data, app.bot))


async def test_question_is_answered_in_html_with_buttons_and_no_typing_action(tg):
    app, request = tg
    await feed(app, message_update("how many reps for endurance?"))
    methods = [name for name, _ in request.calls if name != "getMe"]
    assert methods == ["sendMessage"]  # a typing action would spend half the sending budget
    sent = request.sent()[0]
    assert sent["parse_mode"] == "HTML" and sent["text"].startswith("<b>")
    assert "15–20" in sent["text"]
    assert any(b["callback_data"] == "topics" for row in sent["reply_markup"]["inline_keyboard"] for b in row)


async def test_button_press_is_acknowledged_and_answered(tg):
    app, request = tg
    await feed(app, callback_update("kb:program-strength"))
    assert request.sent("answerCallbackQuery")
    assert "8–10" in request.texts()[-1]


async def test_forged_button_gets_a_notice_not_an_error(tg):
    app, request = tg
    await feed(app, callback_update("kb:../../etc/passwd"))
    assert "no longer applies" in request.texts()[-1]


async def test_sticker_and_photo_get_a_friendly_reply(tg):
    app, request = tg
    await feed(app, message_update(sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                            "width": 1, "height": 1, "is_animated": False, "is_video": False}))
    await feed(app, message_update(photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]))
    assert "Nice sticker" in request.texts()[0] and "Nice photo" in request.texts()[1]


async def test_redelivered_update_is_handled_once(tg):
    app, request = tg
    update = message_update("what muscles do reverse hypers work")
    await feed(app, update)
    await feed(app, update)
    assert len(request.sent()) == 1


async def test_longest_message_and_emoji_are_answered(tg):
    app, request = tg
    await feed(app, message_update("x" * 4096))
    await feed(app, message_update("🍑🍑🍑"))
    assert len(request.sent()) == 2


async def test_failure_is_logged_without_user_text_and_user_gets_a_short_apology(tg, caplog, monkeypatch):
    app, request = tg

    def explode(msg):
        raise RuntimeError("boom")

    monkeypatch.setattr(app.bot_data["coach"], "handle", explode)
    with caplog.at_level(logging.ERROR):
        await feed(app, message_update("my secret back pain story"))
    assert request.texts() == [SORRY]
    assert "RuntimeError" in caplog.text and "secret back pain" not in caplog.text


async def test_commands_are_registered_at_start(tg):
    app, request = tg
    await app.post_init(app)
    await app.post_stop(app)
    commands = request.sent("setMyCommands")[0]["commands"]
    assert {c["command"] for c in commands} >= {"start", "help", "topics", "screen", "plan", "sessions"}


async def test_safety_check_buttons_edit_the_question_message_in_place(tg):
    app, request = tg
    await feed(app, message_update("/screen"))
    consent = request.sent()[-1]
    accept = consent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, callback_update(accept, message_id=77))
    edit = request.sent("editMessageText")[-1]
    assert edit["message_id"] == 77 and "Question 1 of 15" in edit["text"]
    assert len(request.sent()) == 1


async def test_typed_replies_to_the_safety_check_are_read_in_any_words_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "17"]:  # an age under 18 at "Are you under 18?" is a yes
        await feed(app, message_update(text))
    assert "Question 2 of 15" in request.texts()[-1]
    await feed(app, message_update("wait go back"))
    assert "Question 1 of 15" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7) is not None
    await feed(app, message_update("i'll finish this later"))  # put off: paused, the answers kept (tester s28)
    assert coach.need(ScreeningFlow).store.load_progress(7) is not None and "kept your place" in request.texts()[-1]
    await feed(app, message_update("cancel"))
    assert coach.need(ScreeningFlow).store.load_progress(7) is None


async def test_a_question_with_stop_in_it_keeps_the_check_and_an_unclear_one_asks_first_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "should i stop if it hurts?"]:
        await feed(app, message_update(text))
    assert "Question 2 of 15" in request.texts()[-1] and coach.need(ScreeningFlow).store.load_progress(7) is not None
    await feed(app, message_update("cancel the check, i'll talk to my doctor first"))
    asked = request.sent()[-1]
    assert "Stop the safety check?" in asked["text"]
    stop = asked["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, callback_update(stop, message_id=78))
    assert "cancelled" in request.sent("editMessageText")[-1]["text"]
    assert coach.need(ScreeningFlow).store.load_progress(7) is None


async def _green(app) -> None:
    for text in ["/screen", "ok"] + ["no"] * 15:
        await feed(app, message_update(text))


async def _saved_plan(app, request) -> None:
    """A green check, then a Mon/Wed/Fri 7am plan made with the planning buttons and saved."""
    await _green(app)
    await feed(app, message_update("/plan"))
    await feed(app, message_update("Berlin"))
    check = request.sent()[-1]
    assert "Berlin (Germany), now" in check["text"]
    await feed(app, callback_update(check["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    goal = request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, callback_update(goal))
    await feed(app, message_update("every Mon Wed Fri at 7am"))
    confirm = request.sent()[-1]
    assert "Save this plan?" in confirm["text"]
    save = confirm["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, callback_update(save, message_id=91))
    assert "Saved" in request.sent("editMessageText")[-1]["text"]


def _reminded(app) -> Reply:
    """The reminder of the user's plan's next session, its check-in open."""
    coach = app.bot_data["coach"]
    plan = coach.plans.load_plans(7)[0]
    occurrence = coach.plans.advance(plan, "sent", False, None, None)
    return coach.compose_reminder(Due(occurrence, 7, plan, plan.next_at))


async def test_plan_conversation_and_reminder_buttons_over_the_adapter(tg):
    app, request = tg
    await _saved_plan(app, request)
    await feed(app, callback_update(button(_reminded(app), "Snooze"), message_id=92))
    edit = request.sent("editMessageText")[-1]
    assert edit["message_id"] == 92 and "15 minutes" in edit["text"]


async def test_a_delay_typed_at_a_check_in_snoozes_for_that_long_over_the_adapter(tg):
    app, request = tg
    await _saved_plan(app, request)
    _reminded(app)
    await feed(app, message_update("stuck at work, can we push it like 20 min"))
    assert "again in 20 minutes" in request.texts()[-1]
    statuses = [r["status"] for r in app.bot_data["coach"].plans.db.query("SELECT status FROM occurrences")]
    assert statuses == ["snoozed"] and not any("Editing" in t for t in request.texts())  # no plan opened for a change


async def test_the_zone_question_offers_a_share_location_keyboard_button(tg):
    app, request = tg
    await _green(app)
    await feed(app, message_update("/timezone"))
    button = request.sent()[-1]["reply_markup"]["keyboard"][0][0]
    assert button["request_location"] is True and "location" in button["text"]


async def test_shared_location_sets_the_time_zone(tg):
    app, request = tg
    await feed(app, message_update(location={"latitude": 40.71, "longitude": -74.0}))
    assert "America/New_York" in request.texts()[-1]


async def test_an_edited_old_message_does_not_answer_the_current_question(tg):
    app, request = tg
    await feed(app, message_update("/screen"))
    await feed(app, message_update("ok"))
    edited = message_update("yes")
    edited["edited_message"] = edited.pop("message")
    await feed(app, edited)
    assert app.bot_data["coach"].need(ScreeningFlow).store.load_progress(7).step == 0


async def test_an_open_am_pm_is_asked_with_one_inline_button_per_reading(tg):
    app, request = tg
    await _green(app)
    await feed(app, message_update("/plan"))
    await feed(app, message_update("Berlin"))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    await feed(app, message_update("tomorrow at 5"))
    ask = request.sent()[-1]
    rows = ask["reply_markup"]["inline_keyboard"]
    assert ask["text"] == "5:00 in the morning or in the evening?"  # the open hour asked, its dates on the buttons
    assert [r[0]["text"] for r in rows[:2]] == ["Sun 22 Nov 05:00", "Sun 22 Nov 17:00"]
    await feed(app, callback_update(rows[1][0]["callback_data"], message_id=93))
    assert "once, Sun 22 Nov 17:00" in request.sent("editMessageText")[-1]["text"]


async def test_reminders_and_replies_share_one_send_budget(tg, monkeypatch):
    from datetime import timedelta

    from bot.adapters.telegram.reminders import start_reminders, stop_reminders
    from scheduler.model import Schedule

    app, request = tg
    budget, paced = app.bot.rate_limiter, []
    original = budget.process_request

    async def counting(callback, args, kwargs, endpoint, data, rate_limit_args):
        paced.append((endpoint, data.get("chat_id")))
        return await original(callback, args, kwargs, endpoint, data, rate_limit_args)

    monkeypatch.setattr(budget, "process_request", counting)
    await feed(app, message_update("how many reps for endurance?"))
    coach = app.bot_data["coach"]
    now = coach.clock()
    coach.plans.add_plan(8, Schedule(once_at=now + timedelta(hours=1)), "UTC", "strength", now,
                         now + timedelta(hours=1), now)
    dispatcher = await start_reminders(app, coach)
    assert dispatcher.tick() == 1
    await dispatcher.drain()
    await stop_reminders(app)
    assert paced == [("sendMessage", 7), ("sendMessage", 8)]
    assert len(request.sent()) == 2


async def test_a_short_goodbye_and_brb_both_pause_the_check_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "brb"]:
        await feed(app, message_update(text))
    assert "answers so far" in request.texts()[-1] and "/screen" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).step == 1  # paused: kept where it was
    await feed(app, message_update("gtg"))  # had deleted every answer without asking
    assert "talk later" in request.texts()[-1] and "answers so far" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).step == 1


async def test_going_back_with_an_answer_takes_it_there_without_the_doctor_line_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "no", "no"]:
        await feed(app, message_update(text))
    before = len(request.texts())
    await feed(app, message_update("wait the heart one, i do have high bp"))
    said = request.texts()[before:]
    assert not any("Talk to your doctor" in text for text in said)
    assert "Back to question 2" in said[0] and "Question 3 of 15" in said[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("heart_bp",)


async def test_someone_elses_health_is_a_no_and_an_answer_with_a_question_is_both_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "my dad has heart stuff, not me"]:
        await feed(app, message_update(text))
    assert "Question 3 of 15" in request.texts()[-1] and not any("Talk to your doctor" in t for t in request.texts())
    before = len(request.texts())
    await feed(app, message_update("no. why do you need that?"))
    said = request.texts()[before:]
    assert "safety check's questions" in said[0] and "Question 4 of 15" in said[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ()


async def test_a_reply_giving_the_check_up_leaves_it_and_a_refusal_emoji_is_a_no_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "🙅"]:
        await feed(app, message_update(text))
    assert "Question 3 of 15" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ()
    await feed(app, message_update("so many questions, im done"))
    assert "cancelled" in request.texts()[-1] and "/screen" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7) is None


async def test_a_whole_everyday_no_answers_and_a_back_arrow_goes_back_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok", "no", "I do not, thanks."]:
        await feed(app, message_update(text))
    assert "Question 3 of 15" in request.texts()[-1]
    await feed(app, message_update("↩️"))
    assert "Question 2 of 15" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ()


async def test_a_yes_asked_as_how_much_is_a_not_sure_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "ok"] + ["no"] * 7 + ["kinda? she said to go gentle on it"]:
        await feed(app, message_update(text))
    assert "Question 9 of 15" in request.texts()[-1]  # had been asked question 8 again
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("supervised_only",)


async def test_someone_elses_illness_leaves_the_safety_check_valid_over_the_adapter(tg):
    app, request = tg
    await _green(app)
    await feed(app, message_update("cant train today, my kid is sick"))
    assert app.bot_data["coach"].need(ScreeningFlow).status(7).allows_planning
    assert not any("no longer counts" in text for text in request.texts())
