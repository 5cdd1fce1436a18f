"""The PTB application type this adapter builds (PTB's Application is generic in six types; the
adapter keeps its own state in bot_data, so they are left open)."""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram.ext import Application

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
