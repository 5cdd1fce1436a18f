"""Reminder delivery over Telegram: a JobQueue tick asks the dispatcher what is due; sends go
through the application's own bot, so reminders and replies share one sending budget, and
Telegram's errors (429, 403, network) map onto the dispatcher's retry rules."""

from __future__ import annotations

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from bot.adapters.telegram.application import App
from bot.adapters.telegram.budget import OutcomeUnknown, retry_after_seconds
from bot.adapters.telegram.markup import keyboard
from bot.adapters.telegram.render import format_html
from bot.core.coach import Coach
from scheduler.dispatcher import Blocked, Deliver, Dispatcher, Due, RetryLater, Transient

TICK_SECONDS = 1.0
CLAIMS_PER_TICK = 200  # plans claimed per tick: far above the send rate, a few ms of the event loop


def make_deliver(bot: Bot, coach: Coach) -> Deliver:
    """A send function for the dispatcher: one reminder to one user."""

    async def deliver(due: Due) -> None:
        reply = coach.compose_reminder(due)
        try:
            await bot.send_message(due.user_id, format_html(reply), parse_mode=ParseMode.HTML,
                                   reply_markup=keyboard(reply))
        except RetryAfter as exc:
            raise RetryLater(retry_after_seconds(exc)) from None
        except Forbidden:
            raise Blocked from None
        except BadRequest:
            raise  # our bug, not worth retrying; the dispatcher logs it
        except OutcomeUnknown as exc:  # sent twice without an answer: may well have arrived
            raise Transient(str(exc), unsure=True) from None
        except NetworkError as exc:  # includes TimedOut
            raise Transient(str(exc)) from None

    return deliver


async def start_reminders(app: App, coach: Coach) -> Dispatcher:
    """Create the dispatcher, recover unconfirmed sends, and tick every second. The dispatcher
    does not pace sends itself: the application bot's SendBudget does, for replies too."""
    dispatcher = coach.reminder_dispatcher(make_deliver(app.bot, coach))
    dispatcher.start()
    app.bot_data["dispatcher"] = dispatcher
    if app.job_queue is not None:
        app.job_queue.run_repeating(_tick, interval=TICK_SECONDS, first=0.1, name="reminders")
    return dispatcher


async def stop_reminders(app: App) -> None:
    """Stop the senders; anything claimed but unsent is sent at the next start."""
    dispatcher: Dispatcher | None = app.bot_data.get("dispatcher")
    if dispatcher is not None:
        await dispatcher.stop()


async def _tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Queue whatever the database says is due."""
    context.application.bot_data["dispatcher"].tick(CLAIMS_PER_TICK)
