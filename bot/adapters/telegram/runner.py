"""Run the Telegram application: long polling by default, a webhook when a URL is configured.

The life cycle is spelled out here rather than left to `run_polling`, so that every start-up call
waits out an outage, a bad token is one line, updates a previous run left unfinished are handled
first, and a stop signal works even while the Bot API is still unreachable."""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal

from telegram import Update

from bot.adapters.telegram.app import build_application
from bot.adapters.telegram.application import App
from bot.adapters.telegram.instance_lock import hold_instance_lock
from bot.adapters.telegram.intake import JournalingQueue
from bot.adapters.telegram.startup import PollingErrors, retry_startup
from bot.composition import warm_up_in_background
from bot.core.coach import Coach
from bot.settings import Settings
from voice.pipeline import VoicePipeline

log = logging.getLogger(__name__)


def run_telegram(settings: Settings, coach: Coach, voice: VoicePipeline | None = None) -> None:
    """Block serving Telegram until stopped by a signal; refuses a second process on one database."""
    with hold_instance_lock(settings.db_path):
        app = build_application(settings, coach, voice=voice)
        warm_up_in_background(coach)  # while the start-up calls wait for Telegram
        try:
            asyncio.run(serve(app, settings))
        except asyncio.CancelledError:
            log.info("stopped before start-up finished")


async def serve(app: App, settings: Settings) -> None:
    """Start, serve until SIGINT/SIGTERM, then stop in order (unfinished updates stay journaled)."""
    stop = StopSignal()
    started = False
    try:
        await retry_startup(app.initialize, "getMe", settings.retry_seconds)
        await app.post_init(app)  # type: ignore[misc]  # set by build_application
        started = True
        queue = app.update_queue
        if isinstance(queue, JournalingQueue) and (replayed := queue.replay(app.bot)):
            log.info("handling %s update(s) left unfinished by the previous run", replayed)
        await _start_updates(app, settings)
        await app.start()
        stop.starting = False
        await stop.event.wait()
    finally:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await _settle_jobs(app)
            await app.stop()
        if started:
            await app.post_stop(app)  # type: ignore[misc]
        await app.shutdown()


async def _settle_jobs(app: App) -> None:
    """Take the repeating jobs (the reminder tick) off the job queue and let a run already queued finish:
    stopping the queue cancels a queued run, which APScheduler logs as a job error with a traceback."""
    if app.job_queue is None:
        return
    for job in app.job_queue.jobs():
        job.schedule_removal()
    for _ in range(3):  # a queued run starts, finishes, and its done-callback runs
        await asyncio.sleep(0)


class StopSignal:
    """SIGINT or SIGTERM: while starting (perhaps waiting for the Bot API), cancel start-up;
    once serving, end serving."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.starting = True
        self._main = asyncio.current_task()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self._on_signal)

    def _on_signal(self) -> None:
        """Stop once, however many signals arrive."""
        if self.event.is_set():
            return
        self.event.set()
        if self.starting and self._main is not None:
            self._main.cancel()


async def _start_updates(app: App, settings: Settings) -> None:
    """Long polling, or the webhook server with a secret Telegram must present."""
    assert app.updater is not None
    if settings.webhook_url:
        secret = settings.webhook_secret or secrets.token_urlsafe(32)
        if not settings.webhook_secret:
            log.info("no TELEGRAM_WEBHOOK_SECRET: generated one for this run and registered it with setWebhook")
        await retry_startup(lambda: app.bot.set_webhook(settings.webhook_url or "", allowed_updates=Update.ALL_TYPES,
                                                        secret_token=secret), "setWebhook", settings.retry_seconds)
        log.info("starting webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
        await app.updater.start_webhook(listen=settings.webhook_listen, port=settings.webhook_port,
                                        webhook_url=settings.webhook_url, secret_token=secret,
                                        allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
        return
    await retry_startup(app.bot.delete_webhook, "deleteWebhook", settings.retry_seconds)
    log.info("starting long polling")
    await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1,
                                    error_callback=PollingErrors())
