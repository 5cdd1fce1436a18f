"""Reminder delivery over Telegram: a JobQueue tick asks the dispatcher what is due; sends map
Telegram's errors (429, 403, network) onto the dispatcher's retry rules."""

from __future__ import annotations

import warnings
from datetime import timedelta

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, ContextTypes
from telegram.warnings import PTBDeprecationWarning

from bot.core import Coach
from bot.render import format_html
from bot.settings import Settings
from bot.telegram_adapter import keyboard
from scheduler.dispatcher import Blocked, Deliver, Dispatcher, Due, RetryLater, Transient

TICK_SECONDS = 1.0
REMINDER_RATE = 29.0  # per second: just under Telegram's ~30/s; replies to users use the rest


def make_deliver(bot: Bot, coach: Coach) -> Deliver:
    """A send function for the dispatcher: one reminder to one user."""

    async def deliver(due: Due) -> None:
        reply = coach.compose_reminder(due)
        try:
            await bot.send_message(due.user_id, format_html(reply), parse_mode=ParseMode.HTML,
                                   reply_markup=keyboard(reply))
        except RetryAfter as exc:
            raise RetryLater(_seconds(exc)) from None
        except Forbidden:
            raise Blocked from None
        except BadRequest:
            raise  # our bug, not worth retrying; the dispatcher logs it
        except NetworkError as exc:  # includes TimedOut
            raise Transient(str(exc)) from None

    return deliver


def _seconds(exc: RetryAfter) -> float:
    """retry_after in seconds, whichever type this PTB version returns."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def start_reminders(app: Application, coach: Coach) -> Dispatcher:
    """Create the dispatcher, recover unconfirmed sends, and tick every second.

    Reminders go through a Bot of their own without PTB's rate limiter: the dispatcher paces them
    and handles 429 itself. Behind AIORateLimiter, a 429 would hold every queued request and then
    release them together, a burst that draws the next 429."""
    settings: Settings = app.bot_data["settings"]
    bot = Bot(settings.token or "", base_url=settings.api_base_url, base_file_url=settings.api_base_file_url,
              request=app.bot_data.get("request"))
    await bot.initialize()
    dispatcher = Dispatcher(coach.plans, coach.planner, make_deliver(bot, coach), coach.clock, rate=REMINDER_RATE)
    dispatcher.start()
    app.bot_data["dispatcher"] = dispatcher
    app.bot_data["reminder_bot"] = bot
    if app.job_queue is not None:
        app.job_queue.run_repeating(_tick, interval=TICK_SECONDS, first=0.1, name="reminders")
    return dispatcher


async def stop_reminders(app: Application) -> None:
    """Stop the senders; anything claimed but unsent is sent at the next start."""
    dispatcher: Dispatcher | None = app.bot_data.get("dispatcher")
    if dispatcher is not None:
        await dispatcher.stop()
        await app.bot_data["reminder_bot"].shutdown()


async def _tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Queue whatever the database says is due."""
    context.application.bot_data["dispatcher"].tick()
