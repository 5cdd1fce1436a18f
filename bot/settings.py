"""Settings, read once at the entry point from the environment and an optional `.env` file."""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_API_BASE_FILE_URL = "https://api.telegram.org/file/bot"
DEFAULT_DB = "coachbot.db"
DEFAULT_VOICE_DIR = ".coachbot/voice"
DEFAULT_KB_CACHE_DIR = ".coachbot/kb"
DEFAULT_TTS_VOICE = "en-us+m3"
DEFAULT_SEND_RATE = 29.5
DEFAULT_RETRY_SECONDS = 1.0


class SettingsError(ValueError):
    """A setting has a value the bot cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot can be configured with."""

    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    api_base_file_url: str = DEFAULT_API_BASE_FILE_URL
    db_path: str = DEFAULT_DB
    log_level: str = "INFO"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    knowledge_dir: Path | None = None
    match_threshold: float | None = None
    kb_cache_dir: Path = Path(DEFAULT_KB_CACHE_DIR)
    voice_dir: Path = Path(DEFAULT_VOICE_DIR)
    whisper_dir: Path | None = None
    tts_voice: str = DEFAULT_TTS_VOICE
    send_rate: float = DEFAULT_SEND_RATE  # Bot API sends per second for the whole token
    retry_seconds: float = DEFAULT_RETRY_SECONDS  # first wait before retrying a start-up call


def load_settings(env: Mapping[str, str] | None = None, env_file: str | Path = ".env") -> Settings:
    """Build Settings from `env` (default: the process environment) over the values in `env_file`."""
    values: dict[str, str] = {k: v for k, v in dotenv_values(env_file).items() if v is not None}
    values.update(os.environ if env is None else env)
    return _settings_from(values)


def _settings_from(values: Mapping[str, str]) -> Settings:
    """Translate raw variables into typed settings, rejecting bad values with a clear message."""
    level = values.get("COACHBOT_LOG_LEVEL", "INFO").upper()
    if not isinstance(logging.getLevelName(level), int):
        raise SettingsError(f"COACHBOT_LOG_LEVEL={level!r} is not a log level (try INFO or DEBUG)")
    kb_dir = values.get("COACHBOT_KNOWLEDGE_DIR")
    whisper_dir = values.get("COACHBOT_WHISPER_DIR")
    threshold = values.get("COACHBOT_MATCH_THRESHOLD")
    return Settings(
        token=values.get("TELEGRAM_BOT_TOKEN") or None,
        api_base_url=values.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL,
        api_base_file_url=values.get("TELEGRAM_API_BASE_FILE_URL") or DEFAULT_API_BASE_FILE_URL,
        db_path=values.get("COACHBOT_DB") or DEFAULT_DB,
        log_level=level,
        webhook_url=values.get("TELEGRAM_WEBHOOK_URL") or None,
        webhook_listen=values.get("TELEGRAM_WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=_port(values, "TELEGRAM_WEBHOOK_PORT", 8443),
        webhook_secret=values.get("TELEGRAM_WEBHOOK_SECRET") or None,
        knowledge_dir=Path(kb_dir) if kb_dir else None,
        match_threshold=_score(threshold, "COACHBOT_MATCH_THRESHOLD") if threshold else None,
        kb_cache_dir=Path(values.get("COACHBOT_KB_CACHE_DIR") or DEFAULT_KB_CACHE_DIR),
        voice_dir=Path(values.get("COACHBOT_VOICE_DIR") or DEFAULT_VOICE_DIR),
        whisper_dir=Path(whisper_dir) if whisper_dir else None,
        tts_voice=values.get("COACHBOT_TTS_VOICE") or DEFAULT_TTS_VOICE,
        send_rate=_positive(values, "COACHBOT_SEND_RATE", DEFAULT_SEND_RATE),
        retry_seconds=_positive(values, "COACHBOT_RETRY_SECONDS", DEFAULT_RETRY_SECONDS),
    )


def _int(values: Mapping[str, str], name: str, default: int) -> int:
    """Read an integer variable."""
    raw = values.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None


def _port(values: Mapping[str, str], name: str, default: int) -> int:
    """Read a TCP port number (1-65535)."""
    port = _int(values, name, default)
    if not 1 <= port <= 65535:
        raise SettingsError(f"{name}={port} is not a port number (1-65535)")
    return port


def _score(raw: str, name: str) -> float:
    """Read a match score: a finite number from 0 to 100 (nan would make every comparison false)."""
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number (use 0-100, e.g. 30)") from None
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise SettingsError(f"{name}={raw!r} must be a number from 0 to 100")
    return value


def _positive(values: Mapping[str, str], name: str, default: float) -> float:
    """Read a number variable that must be above zero (and finite)."""
    raw = values.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number") from None
    if not 0 < value < float("inf"):
        raise SettingsError(f"{name}={raw!r} must be a number above 0")
    return value
