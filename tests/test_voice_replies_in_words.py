"""Voice replies are switched on or off in words as well as by /voice ("can you reply with voice", "stop sending
voice messages"), at /settings too, which shows the setting; a question about voice notes switches nothing."""

from __future__ import annotations

import pytest

from bot.features.voice.notes import voice_wish
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


@pytest.mark.parametrize("text", ["also turn on voice replies", "voice on", "can you reply with voice",
                                  "read the answers out loud", "send me voice msgs pls", "i want voice replies"])
def test_voice_replies_asked_for_in_words_turn_on(say, coach, text):
    assert "🔊 Voice replies are on" in say(text)[0].text
    assert coach.store.load_voice_replies(7)


@pytest.mark.parametrize("text", ["turn off voice replies", "stop sending voice messages", "text only pls",
                                  "stop sending voice", "i dont want audio msgs"])
def test_voice_replies_refused_in_words_turn_off(say, coach, text):
    say("/voice on")
    assert "🔇 Voice replies are off" in say(text)[0].text
    assert not coach.store.load_voice_replies(7)


@pytest.mark.parametrize("text", ["can i ask by voice note?", "i lost my voice lol", "switch on the machine",
                                  "can i send you voice messages?", "i dont want to send voice notes"])
def test_words_about_voice_that_ask_for_no_setting_change_nothing(text):
    assert voice_wish(text) is None


def test_settings_show_the_voice_setting_and_take_it_in_words(say, coach):
    assert "Voice replies: off" in say("/settings")[0].text
    assert "🔇" not in say("voice on")[0].text and coach.store.load_voice_replies(7)
    assert say("done")[0].text.startswith("Okay, your changes are saved")


async def test_voice_replies_turned_on_in_words_over_telegram(tg, coach):  # noqa: F811
    app, request = tg
    await feed(app, message_update("can you reply with voice"))
    assert "Voice replies are on" in request.texts()[-1]
    await feed(app, message_update("i dont want audio msgs"))
    assert "Voice replies are off" in request.texts()[-1]
