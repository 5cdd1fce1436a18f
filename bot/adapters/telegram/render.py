"""Turn core replies into Telegram message text: escaped HTML, split to Telegram's size limit
(counted in UTF-16 code units, as Telegram does)."""

from __future__ import annotations

from html import escape

from bot.core.messages import Reply

TELEGRAM_TEXT_LIMIT = 4096


def format_html(reply: Reply) -> str:
    """The reply as Telegram HTML; every piece of text is escaped, only our own tags remain."""
    body = escape(reply.text, quote=False)
    return f"<b>{escape(reply.title, quote=False)}</b>\n{body}" if reply.title else body


def split_text(html: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split at paragraph, line or word boundaries so no part exceeds `limit` UTF-16 code units
    (Telegram's measure: an emoji outside the Basic Multilingual Plane counts two)."""
    parts: list[str] = []
    rest = html
    while utf16_len(rest) > limit:
        cut = _cut_point(rest, _fitting(rest, limit))
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not parts:
        parts.append(rest)
    return parts


def utf16_len(text: str) -> int:
    """The length of `text` in UTF-16 code units, as Telegram counts it."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _fitting(text: str, limit: int) -> int:
    """How many characters from the start of `text` fit in `limit` UTF-16 code units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _cut_point(text: str, limit: int) -> int:
    """Where to cut: the last blank line, newline or space before `limit`, never inside an entity or tag."""
    for sep in ("\n\n", "\n", " "):
        at = text.rfind(sep, 0, limit)
        if at > limit // 2 and _outside_markup(text, at):
            return at
    at = limit
    while at > 1 and not _outside_markup(text, at):
        at -= 1
    return at


def _outside_markup(text: str, at: int) -> bool:
    """Whether position `at` is not inside an HTML entity (&amp;) or tag (<b>)."""
    amp, semi = text.rfind("&", 0, at), text.rfind(";", 0, at)
    lt, gt = text.rfind("<", 0, at), text.rfind(">", 0, at)
    return not (amp > semi and at - amp < 10) and not lt > gt
