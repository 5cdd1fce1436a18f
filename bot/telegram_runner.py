"""Run the Telegram application: long polling by default, a webhook when a URL is configured."""

from __future__ import annotations

import logging

from telegram import Update

from bot.core import Coach
from bot.settings import Settings
from bot.telegram_adapter import build_application
from voice.pipeline import VoicePipeline

log = logging.getLogger(__name__)


def run_telegram(settings: Settings, coach: Coach, voice: VoicePipeline | None = None) -> None:
    """Block serving Telegram until stopped by a signal."""
    app = build_application(settings, coach, voice=voice)
    if settings.webhook_url:
        log.info("starting webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
        app.run_webhook(listen=settings.webhook_listen, port=settings.webhook_port,
                        webhook_url=settings.webhook_url, secret_token=settings.webhook_secret,
                        allowed_updates=Update.ALL_TYPES)
    else:
        log.info("starting long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
