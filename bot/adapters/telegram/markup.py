"""Reply buttons as Telegram keyboards (shared by replies and reminders)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.core.messages import Reply

SHARE_LOCATION = "📍 Share my location"


def send_markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """The inline keyboard, or a one-time "share my location" keyboard button (Telegram's
    request_location) when the reply asks for a place and has no inline buttons."""
    if reply.location and not reply.buttons:
        return ReplyKeyboardMarkup([[KeyboardButton(SHARE_LOCATION, request_location=True)]],
                                   resize_keyboard=True, one_time_keyboard=True)
    return keyboard(reply)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard, or None."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in reply.buttons])
