"""The Telegram adapter: Update -> Inbound for the core, replies -> Bot API calls. Nothing else."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from telegram import BotCommand, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.adapters.telegram.application import App
from bot.adapters.telegram.budget import SEND_READ_TIMEOUT, OutcomeUnknown, SendBudget
from bot.adapters.telegram.intake import JournalingQueue, PerUserProcessor
from bot.adapters.telegram.markup import keyboard, send_markup
from bot.adapters.telegram.reminders import start_reminders, stop_reminders
from bot.adapters.telegram.render import format_html, split_text
from bot.adapters.telegram.startup import retry_startup
from bot.adapters.telegram.voice import read_voice, send_spoken
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.core.texts import DISK_FULL
from bot.features.voice.engine import voice_inbound
from bot.settings import Settings
from bot.storage.inbox import Inbox
from bot.storage.transaction import StorageFull

if TYPE_CHECKING:  # the voice package is loaded with a pipeline: a bot without voice never imports it
    from voice.pipeline import VoicePipeline

log = logging.getLogger(__name__)

MEDIA_KINDS = ("sticker", "photo", "video", "animation", "video_note", "voice", "audio",
               "document", "location", "contact", "poll", "dice", "venue")
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
Read = Callable[[], Awaitable[Inbound | Reply]]  # what the core is given, or a reply without it


def build_application(settings: Settings, coach: Coach, request: BaseRequest | None = None,
                      voice: VoicePipeline | None = None, budget: SendBudget | None = None) -> App:
    """A PTB Application wired to the core: updates journaled on arrival and run per user in order,
    one sending budget, commands registered at start.

    `request` replaces the HTTP layer (tests pass a recording one, and may pass their own `budget`);
    without `voice`, voice notes get the same friendly note as other media."""
    inbox = Inbox(coach.store.db)
    builder = (
        Application.builder()
        .token(settings.token or "")
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .rate_limiter(budget or SendBudget(settings.send_rate))
        .update_queue(JournalingQueue(inbox, coach.clock))
        .concurrent_updates(PerUserProcessor(inbox))
        .post_init(_post_init)
        .post_stop(_post_stop)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:  # wait out a slow answer rather than send again (see telegram_budget)
        builder = builder.read_timeout(SEND_READ_TIMEOUT)
    app = builder.build()
    app.bot_data["coach"] = coach
    app.bot_data["voice"] = voice
    app.bot_data["settings"] = settings
    app.bot_data["request"] = request
    app.bot_data["inbox"] = inbox
    add_handlers(app)
    return app


def add_handlers(app: App) -> None:
    """Route every kind of update to the core."""
    app.add_handler(TypeHandler(Update, _drop_redelivered), group=-1)
    # New messages only: an edited old message must not answer whatever is being asked now.
    new = filters.UpdateType.MESSAGE
    app.add_handler(MessageHandler(new & filters.TEXT, _on_text))
    app.add_handler(CallbackQueryHandler(_on_button))
    app.add_handler(MessageHandler(new & filters.LOCATION, _on_location))
    if app.bot_data.get("voice") is not None:  # other users are served while it transcribes
        app.add_handler(MessageHandler(new & (filters.VOICE | filters.AUDIO), _on_voice))
    app.add_handler(MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL, _on_media))
    app.add_error_handler(_on_error)


async def _post_init(app: App) -> None:
    """Show the commands in Telegram's menu and start reminder delivery."""
    commands = [BotCommand(name, text) for name, text in app.bot_data["coach"].commands.menu()]
    settings: Settings = app.bot_data["settings"]
    await retry_startup(lambda: app.bot.set_my_commands(commands), "setMyCommands", settings.retry_seconds)
    await start_reminders(app, app.bot_data["coach"])


async def _post_stop(app: App) -> None:
    """Stop reminder delivery."""
    await stop_reminders(app)


def _coach(context: ContextTypes.DEFAULT_TYPE) -> Coach:
    """The core this application serves."""
    coach: Coach = context.application.bot_data["coach"]
    return coach


def _voice(context: ContextTypes.DEFAULT_TYPE) -> VoicePipeline | None:
    """The voice pipeline, when voice notes are enabled."""
    return context.application.bot_data.get("voice")


def _inbox(context: ContextTypes.DEFAULT_TYPE) -> Inbox:
    """The intake journal."""
    inbox: Inbox = context.application.bot_data["inbox"]
    return inbox


async def _drop_redelivered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Skip an update handled before (Telegram may deliver it again after a restart) without slow
    work such as a voice download; an update answered before a crash goes on, to send its saved
    replies. The claim itself is made with the answer, in _answer."""
    if _inbox(context).load_replies(update.update_id) is not None:
        return
    if _coach(context).store.is_handled(update.update_id):
        log.info("update %s already handled; skipped", update.update_id)
        raise ApplicationHandlerStop


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, read: Read) -> list[Reply]:
    """The replies to an update, computed once and saved until sent; after a crash, the saved ones
    (so the core never takes the same message twice). `read` (a voice download, say) may await;
    the claim, the core's changes and the saved replies are one transaction that may not."""
    inbox = _inbox(context)
    saved = inbox.load_replies(update.update_id)
    if saved is not None:
        return saved
    heard, coach = await read(), _coach(context)
    decide = (lambda: coach.handle(heard)) if isinstance(heard, Inbound) else (lambda: [heard])
    try:
        replies = inbox.answer_once(update.update_id, lambda: coach.first_delivery(update.update_id), decide)
    except StorageFull as exc:  # nothing of this message was stored; everything before is intact
        log.warning("update %s not stored (%s)", update.update_id, exc)
        return [DISK_FULL]
    return replies if replies is not None else []


def _given(inbound: Inbound) -> Read:
    """A read for a message that needs no slow work before the core takes it."""

    async def read() -> Inbound:
        return inbound

    return read


async def _on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message or command (no typing action: the answer is ready in milliseconds)."""
    message = update.effective_message
    if message is None or update.effective_user is None:
        return
    inbound = Inbound(update.effective_user.id, InboundKind.TEXT, message.text or "")
    await send_replies(message, await _answer(update, context, _given(inbound)), _voice(context))


async def _on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location (sets the time zone)."""
    message = update.effective_message
    if message is None or message.location is None or update.effective_user is None:
        return
    where = f"{message.location.latitude},{message.location.longitude}"
    inbound = Inbound(update.effective_user.id, InboundKind.LOCATION, where)
    await send_replies(message, await _answer(update, context, _given(inbound)))


async def _on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A voice note or audio file: transcribed off the event loop, then answered like typed text."""
    message, user, voice = update.effective_message, update.effective_user, _voice(context)
    if message is None or user is None or voice is None:  # registered only when voice is on
        return

    async def read() -> Inbound | Reply:
        heard = await read_voice(message, voice, _coach(context).asked(user.id))
        return heard if isinstance(heard, Reply) else voice_inbound(user.id, heard)

    await send_replies(message, await _answer(update, context, read), voice)


async def _on_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo or anything else the core cannot read."""
    message = update.effective_message
    if message is None or update.effective_user is None:
        return
    kind = next((k.replace("_", " ") for k in MEDIA_KINDS if getattr(message, k, None)), "message")
    inbound = Inbound(update.effective_user.id, InboundKind.UNSUPPORTED, kind)
    await send_replies(message, await _answer(update, context, _given(inbound)))


async def _on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: acknowledge it, then edit in place or answer below."""
    query = update.callback_query
    if query is None:
        return
    with contextlib.suppress(BadRequest):  # "query is too old" when replayed after a restart
        await query.answer()
    inbound = Inbound(query.from_user.id, InboundKind.BUTTON, query.data or "")
    replies = await _answer(update, context, _given(inbound))
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        return
    if replies and replies[0].edit:
        await _edit(message, replies[0])
        replies = replies[1:]
    await send_replies(message, replies, _voice(context))


async def send_replies(message: Message, replies: Sequence[Reply], voice: VoicePipeline | None = None) -> None:
    """Send each reply in the message's chat, split to Telegram's length limit, and read aloud
    the ones marked to be spoken when voice is available."""
    for reply in replies:
        parts = split_text(format_html(reply))
        for i, part in enumerate(parts):
            markup = send_markup(reply) if i == len(parts) - 1 else None
            await message.chat.send_message(part, parse_mode=ParseMode.HTML, reply_markup=markup)
        if reply.speak and voice is not None:
            await send_spoken(message, reply, voice)


async def _edit(message: Message, reply: Reply) -> None:
    """Replace a message's text and buttons; an unchanged message is not an error."""
    try:
        await message.edit_text(split_text(format_html(reply))[0], parse_mode=ParseMode.HTML,
                                reply_markup=keyboard(reply))
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (never the user's words) and tell the user briefly, without a traceback. A
    send that may have arrived gets no apology (the user probably has the answer)."""
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(context.error, OutcomeUnknown):
        log.warning("update %s: %s", update_id, context.error)
        return
    log.error("update %s failed: %s", update_id, type(context.error).__name__, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await update.effective_chat.send_message(SORRY)
        except Exception:  # noqa: BLE001 - the network may be what failed; the log has it
            log.warning("could not tell chat about the failure")
