"""A Bot API request layer for adapter tests: records every call and answers like Telegram."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.adapters.telegram.app import build_application
from bot.adapters.telegram.budget import SendBudget
from bot.core.coach import Coach
from bot.settings import Settings

BOT_USER = {"id": 999, "is_bot": True, "first_name": "Coachbot", "username": "coach_test_bot"}


@dataclass
class RecordingRequest(BaseRequest):
    """Answers getMe, sends and edits with plausible objects; keeps (method, params) in `calls`."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    next_message_id: int = 100

    @property
    def read_timeout(self) -> float | None:
        """No real network, so no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Record the call and return Telegram's JSON envelope."""
        api_method = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((api_method, params))
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        """What Telegram would return for this method."""
        if api_method == "getMe":
            return BOT_USER
        if api_method in ("sendMessage", "editMessageText"):
            self.next_message_id += 1
            message: dict[str, Any] = {
                "message_id": params.get("message_id", self.next_message_id), "date": 0,
                "chat": {"id": params["chat_id"], "type": "private"}, "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if "inline_keyboard" in params.get("reply_markup", {}):  # Telegram echoes only inline keyboards
                message["reply_markup"] = params["reply_markup"]
            return message
        return True

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of one method, in order."""
        return [params for name, params in self.calls if name == method]

    def texts(self) -> list[str]:
        """Every text sent with sendMessage."""
        return [str(p["text"]) for p in self.sent()]


UNPACED_BURST = 1_000  # replies one chat may get at once in adapter tests (Telegram's ~1 a second is tested in test_budget)


def unpaced() -> SendBudget:
    """A sending budget that lets a test feed one chat many updates without waiting a second a reply."""
    return SendBudget(chat_burst=UNPACED_BURST)


async def feed_all(coach: Coach, updates: list[dict[str, Any]]) -> RecordingRequest:
    """Deliver updates to an application on a recording request; the request holds what was sent."""
    request = RecordingRequest()
    app = build_application(Settings(token="123:ABC"), coach, request=request, budget=unpaced())
    async with app:
        for data in updates:
            await app.process_update(Update.de_json(data, app.bot))
    return request
