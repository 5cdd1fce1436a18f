"""Layer 1: the conversation core, called directly with an in-memory database and a fixed clock."""

from __future__ import annotations

import pytest

from bot.composition import assemble, build_understanding
from bot.core.messages import Inbound, InboundKind
from bot.features.qa.texts import CAPABILITIES, DOCTOR_FIRST, EMERGENCY
from bot.settings import Settings
from bot.storage.database import open_database
from tests.conftest import KB_CACHE


def test_endurance_question_gets_the_endurance_prescription_with_its_source(say):
    reply = say("how many reps for endurance?")[0]
    assert reply.matched and reply.entry == "program-endurance"
    assert "15–20" in reply.text and "30–45" in reply.text
    assert "Source: Reverse Hypers" in reply.text


def test_off_topic_question_is_declined_kindly_with_a_topic_menu(say, coach):
    reply = say("what's the capital of France?")[0]
    assert not reply.matched and reply.entry is None
    assert CAPABILITIES in reply.text
    assert "topics" in [b.data for b in reply.button_list()]
    assert coach.store.load_misses()[0]["text"] == "what's the capital of France?"


@pytest.mark.parametrize("text", ["Сколько повторений для силы?", "كم عدد المجموعات للقوة", "多少次",
                                  "wie viele Sätze soll ich heute machen", "tengo dolor en la espalda, que hago",
                                  "ile powtórzeń na pośladki", "bhai kitne sets karu"])
def test_a_message_in_another_language_is_told_the_bot_reads_english_and_where_to_get_help(say, text):
    reply = say(text)[0]
    assert "only read English" in reply.text and "medical help" in reply.text and not reply.matched
    assert "only read English" not in say("what's the capital of France?")[0].text


@pytest.mark.parametrize("text", ["ich habe Rheuma und nehme Methotrexat, darf ich das machen",
                                  "mi hanno operato di ernia il mese scorso, posso farlo"])
def test_a_health_concern_in_another_language_gets_the_doctor_first_line_and_the_english_note(say, text):
    reply = say(text)[0]
    assert reply.safety == "doctor" and "only read English" in reply.text


def test_below_the_threshold_the_bot_offers_up_to_three_did_you_mean_buttons(clock):
    strict = assemble(build_understanding(Settings(match_threshold=90, kb_cache_dir=KB_CACHE)), open_database(":memory:"), clock)
    reply = strict.handle(Inbound(7, InboundKind.TEXT, "hamstring stuff?"))[0]
    suggestions = [b.data for b in reply.button_list() if b.data.startswith("kb:")]
    assert not reply.matched and "Did you mean" in reply.text
    assert 1 <= len(suggestions) <= 3 and "kb:hamstrings-role" in suggestions
    assert strict.store.load_misses()[0]["best_entry"] == suggestions[0][3:]


def test_health_question_always_carries_doctor_first_advice_and_is_not_logged(say, coach):
    for text in ("I had back surgery last year, can I do hypers?", "is it ok while pregnant?",
                 "I have a herniated disc", "I take warfarin, is this ok", "I'm 78, should I try these"):
        reply = say(text)[0]
        assert DOCTOR_FIRST in reply.text and reply.safety == "doctor", text
    assert coach.store.load_misses() == []


def test_a_concern_that_only_weakly_matches_a_topic_gets_the_medical_care_advice_not_that_topic(say):
    for text in ("pulled my hamstring last week, can i still do reverse hypers",
                 "hip replacement three months ago, when can i start these"):
        reply = say(text)[0]
        assert DOCTOR_FIRST in reply.text and reply.entry == "medical-care", text


def test_an_acute_red_flag_says_stop_now_and_get_emergency_care(say, coach):
    for text in ("my chest hurts when I train", "my chest feels tight when i lie on the pad",
                 "i passed out after my last set", "sudden numbness down my left side"):
        reply = say(text)[0]
        assert reply.text == EMERGENCY and reply.safety == "emergency", text
    assert coach.store.load_misses() == []


def test_start_help_and_unknown_command(say):
    assert "reverse hyperextension" in say("/start")[0].text
    assert "/topics" in say("/help")[0].text
    assert "I don't know the command /dance" in say("/dance now")[0].text
    assert "reverse hyperextension" in say("/start@coach_test_bot")[0].text


def test_topic_menu_leads_to_entries_and_their_details(say, coach):
    groups = say("/topics")[0].button_list()
    assert [b.data for b in groups] == [f"topic:{g}" for g in coach.kb.groups]
    entries = say(groups[0].data, button=True)[0].button_list()
    first = entries[0]
    assert first.data.startswith("kb:")
    answer = say(first.data, button=True)[0]
    assert answer.matched and answer.entry == first.data[3:]
    detailed = next(e for e in coach.kb.entries.values() if e.details)
    assert detailed.details in say(f"more:{detailed.id}", button=True)[0].text


def test_answer_offers_related_topics_and_more_detail(say, coach):
    reply = say("how do I do a reverse hyper step by step")[0]
    entry = coach.kb.entries[reply.entry]
    data = [b.data for b in reply.button_list()]
    assert f"kb:{entry.related[0]}" in data
    assert (f"more:{entry.id}" in data) == bool(entry.details)


def test_forged_or_stale_button_data_gets_a_notice(say):
    for data in ("kb:no-such-entry", "topic:nope", "more:", "💥", "x" * 64, ""):
        reply = say(data, button=True)[0]
        assert "no longer applies" in reply.text and not reply.matched


def test_bad_input_gets_a_friendly_reply(say):
    assert "Send me a question" in say("")[0].text
    assert "Send me a question" in say("   \n ")[0].text
    assert say("💪🔥🍑")[0].text
    assert say("a" * 4096)[0].text
    assert not say("🦄 " * 1000)[0].matched


def test_stickers_and_photos_get_a_friendly_reply(coach):
    reply = coach.handle(Inbound(7, InboundKind.UNSUPPORTED, "sticker"))[0]
    assert "Nice sticker" in reply.text and "text" in reply.text


def test_greetings_and_thanks_are_small_talk_not_misses(say, coach):
    assert "Ask me anything" in say("hi!")[0].text
    assert "welcome" in say("thanks 🙏")[0].text
    assert coach.store.load_misses() == []


def test_update_ids_are_handled_once(coach):
    assert coach.first_delivery(41) is True
    assert coach.first_delivery(41) is False
    assert coach.first_delivery(42) is True


def test_no_pain_is_not_a_health_concern_but_pain_is(say):
    assert DOCTOR_FIRST not in say("big pump in my lower back after hypers, no pain at all, is that normal")[0].text
    assert DOCTOR_FIRST in say("sharp pain in my lower back after hypers")[0].text


def test_slashes_before_a_question_are_no_command(say):
    reply = say("/// what muscles")[0]
    assert reply.entry == "muscles-worked" and "command" not in reply.text


def test_a_form_check_is_a_question_not_the_safety_check(say):
    assert "Safety check" not in say("reverse hyper form check")[0].text


def test_a_question_after_a_statement_is_answered_not_taken_for_help(say):
    reply = say("okay so I'm at home and I don't have a machine what can I do instead")[0]
    assert reply.entry == "no-machine"
    assert "Ask me anything" in say("what can you do")[0].text  # a request for help still is one
