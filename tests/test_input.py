"""Hostile input through the core: strict button data, unknown commands, and reply splitting."""

from __future__ import annotations

import pytest

from bot.adapters.telegram.render import split_text, utf16_len
from bot.core.callbacks import Tap, format_tap, parse_callback, parse_number
from tests.test_planning import button, screen

NOT_ASCII_DIGITS = ("²", "①", "١", "٣", "𝟕", "7²", "", " 7", "+7", "-1", "1_0", "9" * 19)


@pytest.mark.parametrize("field", NOT_ASCII_DIGITS)
def test_numbers_in_button_data_are_ascii_digits_only(field):
    assert parse_number(field) is None


def test_button_data_is_one_ascii_format():
    assert parse_callback("plan:time:07:00") == ("plan", "time", "07", "00")
    assert parse_number("0") == 0 and parse_number("1732185000") == 1732185000
    assert parse_callback("scr:") == ("scr", "")
    for data in ("", "rem:1:done ", "plan:day:²", "x" * 65, "kb:é", "a\nb"):
        assert parse_callback(data) is None, data


@pytest.fixture
def picking(say):
    """A green user with zone and goal, at the day/time picker of a new plan."""
    screen(say)
    say("/plan")
    say("Berlin")
    say(button(say("yes")[-1], "Strength"), button=True)
    return say


@pytest.mark.parametrize("data", [
    "plan:{n}:when:day:²", "plan:{n}:when:day:①", "plan:{n}:when:day:١", "set:-:-:lead:١٥", "set:-:-:lead:²",
    "rem:²:open:done", "rem:١:open:done", "ses:-:-:c:①:1732185000", "ses:-:-:p:١", "ses:-:-:c:1:²", "scr:abcd:²:y",
    "ses:-:-:c:1:99999999999999999", "plan:{n}:when:day:99999999999999999999", "plan:{n}:when:time:07:00:00",
])
def test_garbled_digits_in_buttons_change_nothing_and_raise_nothing(picking, coach, data):
    before = coach.dialogues.current(7), coach.plans.load_profile(7)
    replies = picking(data.format(n=before[0].nonce), button=True)
    assert "no longer" in replies[0].text
    assert replies[1:] in ([], [coach.dialogues.pending(7)])  # at most the pending step, asked again
    assert (coach.dialogues.current(7), coach.plans.load_profile(7)) == before


def test_an_unknown_long_command_is_not_echoed(say):
    command = "/" + "a" * 4095
    replies = say(command)
    assert len(replies) == 1 and "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" not in replies[0].text
    assert "I don't know that command" in replies[0].text and len(replies[0].text) < 1000
    assert "/ünï" not in say("/ünïcode")[0].text
    assert say("/stats")[0].text.startswith("I don't know the command /stats.")


def test_replies_are_split_by_utf16_length_as_telegram_counts():
    emoji = "😀" * 2047  # 4,094 UTF-16 units: one message; 2,048 are 4,096, 2,049 are two
    assert split_text(emoji) == [emoji]
    parts = split_text("😀" * 2049)
    assert [utf16_len(p) for p in parts] == [4096, 2]
    mixed = ("word 😀 " * 1000).strip()
    assert all(utf16_len(p) <= 4096 for p in split_text(mixed)) and "".join(split_text(mixed)).count("😀") == 1000


def test_every_button_the_bot_can_make_from_its_data_is_in_the_format(understanding):
    from zoneinfo import available_timezones
    kb = understanding.kb
    made = [f"topic:{group}" for group in kb.groups] + [f"{kind}:{entry}" for entry in kb.entries for kind in ("kb", "more")]
    made += [format_tap(Tap("plan", "abcd1234", "zone-only", "zone", zone)) for zone in available_timezones()]
    assert [data for data in made if parse_callback(data) is None] == []
