"""Telegram text rendering: escaping and splitting to the 4096-character limit."""

from __future__ import annotations

from bot.adapters.telegram.render import TELEGRAM_TEXT_LIMIT, format_html, split_text
from bot.core.messages import Reply


def test_all_text_is_escaped_and_only_the_title_is_bold():
    html = format_html(Reply("5 < 6 & <b>not bold</b>", title="Sets & reps"))
    assert html == "<b>Sets &amp; reps</b>\n5 &lt; 6 &amp; &lt;b&gt;not bold&lt;/b&gt;"


def test_short_text_is_one_part():
    assert split_text("hello") == ["hello"]


def test_long_text_is_split_at_paragraphs_within_the_limit():
    paragraphs = [("word " * 150).strip() for _ in range(12)]
    parts = split_text("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(0 < len(p) <= TELEGRAM_TEXT_LIMIT for p in parts)
    assert " ".join(parts).split() == " ".join(paragraphs).split()


def test_text_without_spaces_is_cut_but_never_inside_an_entity():
    text = "&amp;" * 2000
    parts = split_text(text)
    assert all(len(p) <= TELEGRAM_TEXT_LIMIT and p.endswith(";") for p in parts)
    assert "".join(parts) == text
