"""Unclear voice notes are not answered confidently: a note heard as one or two words ("science." for a spoken
"thanks") or as words that say nothing ("Makeup land." for "make a plan") gets "I'm not sure I caught that" with
did-you-mean buttons; another reading that asks the bot for something is taken instead ("Make a plan."); a note
heard as small talk said in parts ("Thanks, goodbye!") is answered as the talk it ends with."""

from __future__ import annotations

from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.qa.answerer import heard_too_little
from bot.features.qa.smalltalk import small_talk_reply
from bot.features.qa.texts import CHATTER, format_not_caught
from bot.features.voice.engine import voice_inbound
from bot.features.voice.notes import HEARD
from knowledge.intents import Intent
from tests.voice_support import SURE, Heard, sent_for_note
from voice.audio import encode_voice_note
from voice.recognizer import Recognizer
from voice.speech import Speaker


def note(coach, user_id: int, *readings: str) -> Reply:
    """The first reply to a voice note heard as these readings, likeliest first."""
    return coach.handle(voice_inbound(user_id, Recognizer.transcript(list(readings), 2.0, certainty=SURE)))[0]


def typed(coach, user_id: int, text: str) -> Reply:
    """The first reply to the same words typed."""
    return coach.handle(Inbound(user_id, InboundKind.TEXT, text))[0]


def offered(reply: Reply) -> list[str]:
    """The data of a reply's buttons."""
    return [button.data for row in reply.buttons for button in row]


def test_a_note_heard_as_a_word_or_two_is_not_answered_but_its_topic_offered(coach, understanding):
    assert heard_too_little(understanding, "science.")
    assert typed(coach, 1, "science").entry == "studies"  # typed, the same word is answered
    reply = note(coach, 2, "science.")
    assert reply.entry is None and reply.text == HEARD.format("science.") + format_not_caught(True)
    assert "kb:studies" in offered(reply)


def test_a_question_heard_in_full_or_asked_in_two_words_is_still_answered(coach, understanding):
    assert note(coach, 1, "How many reps should I do for endurance?").entry == "program-endurance"
    assert not heard_too_little(understanding, "Starting weight?")
    assert note(coach, 2, "Starting weight?").entry == "load-weight"


def test_a_note_whose_words_say_nothing_is_not_sure_it_caught_that(coach):
    assert typed(coach, 1, "Makeup land.").text == CHATTER  # typed: nothing said, nothing misheard
    reply = note(coach, 2, "Makeup land.")
    assert reply.text == HEARD.format("Makeup land.") + format_not_caught(False)


def test_a_request_in_another_reading_is_taken_when_the_likeliest_says_nothing(coach):
    reply = note(coach, 1, "Makeup land.", "Make up land.", "Make a plan.")
    assert reply.text == HEARD.format("Make a plan.") + typed(coach, 2, "Make a plan.").text


def test_small_talk_in_another_reading_is_taken_when_the_likeliest_is_too_short_to_answer(coach):
    reply = note(coach, 1, "science.", "Science!", "Thanks.")
    assert reply.text == HEARD.format("Thanks.") + small_talk_reply(Intent.THANKS, False)


def test_a_likeliest_reading_that_asks_a_question_is_kept_over_a_request(coach):
    reply = note(coach, 1, "How many reps should I do for endurance?", "Make a plan.")
    assert reply.entry == "program-endurance"


def test_another_reading_read_as_talk_is_not_taken_for_its_fit_to_a_question(coach, understanding):
    said, okay = "Is it okay to sleep, my legs up?", "It's okay, my legs up."  # for "is it okay to swing my legs up"
    assert understanding.intent(okay) is Intent.ACK  # read as "ok" though it fits the leg-height question
    reply = note(coach, 1, said, okay)
    assert reply.text.startswith(HEARD.format(said)) and reply.text != HEARD.format(okay) + typed(coach, 2, okay).text


def test_small_talk_said_in_parts_is_answered_as_the_talk_it_ends_with(coach):
    assert typed(coach, 1, "Thanks, goodbye!").text == small_talk_reply(Intent.GOODBYE, False)  # typed too (talk33's)
    reply = note(coach, 2, "Thanks, goodbye!")
    assert reply.text == HEARD.format("Thanks, goodbye!") + small_talk_reply(Intent.GOODBYE, False)
    hello = note(coach, 3, "Hi, hello.")
    assert hello.text == HEARD.format("Hi, hello.") + small_talk_reply(Intent.GREETING, False)


def test_a_goodbye_with_a_misheard_tail_is_still_a_goodbye(coach):
    reply = note(coach, 1, "Thanks, goodbye, makeup land.")  # the typed talk reader's thanks-and-goodbye reading wins
    assert reply.text == HEARD.format("Thanks, goodbye, makeup land.") + small_talk_reply(Intent.GOODBYE, False)


async def heard_over_telegram(coach, said: str, *readings: str) -> dict:
    """What the bot sends back for a voice note saying `said`, heard as `readings`, over Telegram."""
    speaker = Speaker()
    [sent] = await sent_for_note(coach, Heard(*readings), speaker, encode_voice_note(speaker.synthesize(said)))
    return sent


async def test_a_thanks_heard_as_science_over_telegram_is_offered_not_answered(coach):
    sent = await heard_over_telegram(coach, "thanks", "science.")
    assert sent["text"] == HEARD.format("science.") + format_not_caught(True)
    data = [button["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for button in row]
    assert "kb:studies" in data


async def test_thanks_goodbye_over_telegram_is_a_goodbye(coach):
    sent = await heard_over_telegram(coach, "thanks, goodbye", "Thanks, goodbye!")
    assert sent["text"] == HEARD.format("Thanks, goodbye!") + small_talk_reply(Intent.GOODBYE, False)
