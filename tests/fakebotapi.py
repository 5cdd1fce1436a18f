"""Loopback fake of the Telegram Bot API (aiohttp) for Coachbot end-to-end tests."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import random
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

SEND_METHODS = frozenset({"sendmessage", "sendvoice", "sendaudio", "editmessagetext"})
BLOCKABLE = SEND_METHODS | {"sendchataction", "editmessagereplymarkup"}
INT_KEYS = frozenset({"chat_id", "message_id", "reply_to_message_id", "message_thread_id",
                      "from_chat_id", "user_id", "offset", "limit", "timeout", "duration", "cache_time"})
TRIVIAL_METHODS = ("answerCallbackQuery", "sendChatAction", "close", "logOut")  # answer True
FREE_TEXT = frozenset({"text", "caption", "title", "performer", "description", "url"})
ERRORS = {401: "Unauthorized", 409: "Conflict: terminated by other getUpdates request; make sure that only "
          "one bot instance is running", 500: "Internal Server Error", 502: "Bad Gateway"}
FAULT_KINDS = ("error", "drop_before", "drop_after", "slow")


@dataclass
class Faults:
    """Random failures of send calls, as a flaky network and a busy Telegram produce them (seeded):
    a `rate` share of sends fails in one of four ways, equally often: a 500 (nothing delivered), the
    connection dropped before Telegram took the message (nothing delivered), dropped after it
    (delivered, answer lost), or delivered with the answer held back `delay` seconds."""

    rate: float = 0.2
    delay: tuple[float, float] = (10.0, 30.0)
    seed: int = 1
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def pick(self) -> str | None:
        """The fault for the next send, or None."""
        if self._random.random() >= self.rate:
            return None
        kind = self._random.choice(FAULT_KINDS)
        self.counts[kind] += 1
        return kind

    def pause(self) -> float:
        """How long a slow answer is held back."""
        return self._random.uniform(*self.delay)


@dataclass
class Call:
    """One Bot API request received by the fake; error_code is set if it was answered with an error."""

    method: str
    params: dict[str, Any]
    at: float
    error_code: int | None = None


class ApiError(Exception):
    """A Bot API error answer: {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def response(self) -> web.Response:
        """Render the error as Telegram does."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.code)


def _decode(key: str, value: Any) -> Any:
    """Turn a form value back into the JSON type PTB serialised it from."""
    if not isinstance(value, str) or key in FREE_TEXT:
        return value
    if value.startswith(("{", "[")):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    if key in INT_KEYS and value.lstrip("-").isdigit():
        return int(value)
    if value in ("true", "false"):
        return value == "true"
    return value


class FakeBotApi:
    """In-process fake Telegram Bot API server bound to 127.0.0.1."""

    def __init__(self, token: str = "123456:TEST", rate_limit_per_s: float | None = None,
                 fail_chats: set[int] | frozenset[int] = frozenset(), host: str = "127.0.0.1",
                 port: int = 0, bot_username: str = "coachbot_test_bot") -> None:
        self.token, self.rate_limit_per_s, self.fail_chats = token, rate_limit_per_s, set(fail_chats)
        self.host, self.port = host, port
        self.bot_user = {"id": int(token.split(":")[0]), "is_bot": True,
                         "first_name": "Coachbot", "username": bot_username}
        self.calls: list[Call] = []        # delivered calls, in arrival order
        self.rejected: list[Call] = []     # calls refused with 429 (rate limit) or 403 (fail_chats)
        self.updates: list[dict] = []      # pushed, not yet confirmed via getUpdates offset
        self.messages: dict[tuple[int, int], dict] = {}  # (chat_id, message_id) -> Message
        self.commands: dict[tuple, list] = {}  # (scope type, chat_id, user_id, language) -> commands
        self.webhook_url = ""
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, bytes)
        self._names: dict[int, str] = {}
        self._msg_ids: dict[int, int] = {}
        self._last_update_id = 0
        self._sent_at: deque[float] = deque()
        self._cursor = 0
        self._consumed: set[int] = set()
        self._update_event, self._cond = asyncio.Event(), asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.faults: Faults | None = None  # random failures of send calls
        self._scripted: dict[str, list[int]] = {}  # method -> error codes for its next calls
        self._held: asyncio.Event | None = None
        self.holding = 0  # sends waiting in hold_sends()
        self.slow_chats: dict[int, float] = {}  # chat_id -> seconds its sends' answers are held back
        names = [n[3:] for n in dir(self) if n.startswith("_m_")] + list(TRIVIAL_METHODS)
        self._methods = {name.lower(): name for name in names}

    # ---------------------------------------------------------------- lifecycle
    async def start(self) -> None:
        """Bind the server (port 0 picks a free port) and start serving."""
        app = web.Application(client_max_size=64 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        app.router.add_post("/_fake/update", self._push_http)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]
        self._closing = False

    async def stop(self) -> None:
        """Wake pending long polls and shut the server down."""
        self._closing = True
        self._update_event.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Value for PTB's base_url (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's base_file_url (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/file/bot"

    # ---------------------------------------------------------------- test-side API
    def push_update(self, update: dict) -> int:
        """Queue an update for getUpdates, assigning update_id if missing; returns it."""
        update = dict(update)
        update.setdefault("update_id", self._last_update_id + 1)
        self._last_update_id = max(self._last_update_id, update["update_id"])
        self.updates.append(update)
        self._update_event.set()
        return update["update_id"]

    def push_text(self, chat_id: int, text: str, user_id: int | None = None,
                  first_name: str = "Test", entities: list[dict] | None = None) -> int:
        """Push a text message from a user in a private chat."""
        extra = {"entities": entities} if entities else {}
        return self._push_message(chat_id, user_id, first_name, text=text, **extra)

    def push_command(self, chat_id: int, command: str, args: str = "",
                     user_id: int | None = None, first_name: str = "Test") -> int:
        """Push '/command args' with a bot_command entity."""
        cmd = command if command.startswith("/") else f"/{command}"
        entity = {"type": "bot_command", "offset": 0, "length": len(cmd.encode("utf-16-le")) // 2}
        return self.push_text(chat_id, f"{cmd} {args}".rstrip(), user_id, first_name, [entity])

    def push_callback(self, chat_id: int, data: str, message_id: int,
                      user_id: int | None = None, first_name: str = "Test") -> int:
        """Push a callback query for an (ideally bot-sent) message."""
        message = self.messages.get((chat_id, message_id)) or {
            "message_id": message_id, "date": int(time.time()),
            "chat": self._chat(chat_id), "from": self.bot_user, "text": "…"}
        query = {"id": f"cq{self._last_update_id + 1}", "chat_instance": str(chat_id), "data": data,
                 "from": self._user(chat_id, user_id, first_name), "message": message}
        return self.push_update({"callback_query": query})

    def push_voice(self, chat_id: int, ogg_bytes: bytes, duration: int,
                   user_id: int | None = None, first_name: str = "Test") -> int:
        """Push a voice message whose file is downloadable via getFile."""
        file_id = self.add_file(ogg_bytes, "voice/file_{n}.oga")
        voice = {**self._file_obj(file_id), "duration": duration, "mime_type": "audio/ogg"}
        return self._push_message(chat_id, user_id, first_name, voice=voice)

    def push_sticker(self, chat_id: int, user_id: int | None = None, emoji: str = "👍") -> int:
        """Push a sticker message."""
        file_id = self.add_file(b"RIFF\0\0\0\0WEBPVP8 ", "stickers/file_{n}.webp")
        sticker = {**self._file_obj(file_id), "type": "regular", "width": 512, "height": 512,
                   "is_animated": False, "is_video": False, "emoji": emoji}
        return self._push_message(chat_id, user_id, "Test", sticker=sticker)

    def push_photo(self, chat_id: int, photo_bytes: bytes = b"\xff\xd8\xff\xd9",
                   caption: str | None = None, user_id: int | None = None) -> int:
        """Push a photo message (optionally captioned)."""
        file_id = self.add_file(photo_bytes, "photos/file_{n}.jpg")
        extra = {"caption": caption} if caption else {}
        photo = [{**self._file_obj(file_id), "width": 800, "height": 600}]
        return self._push_message(chat_id, user_id, "Test", photo=photo, **extra)

    def add_file(self, file_bytes: bytes, file_path: str = "documents/file_{n}") -> str:
        """Register bytes for getFile + download; returns the file_id."""
        n = len(self._files) + 1
        file_id = f"FAKEFILE{n:06d}"
        self._files[file_id] = (file_path.format(n=n), bytes(file_bytes))
        return file_id

    def fail(self, method: str, times: int, code: int = 500) -> None:
        """Answer the next `times` calls of `method` with error `code` (500, 502, 401, 409)."""
        self._scripted.setdefault(method.lower(), []).extend([code] * times)

    def hold_sends(self) -> None:
        """Keep every send waiting (Telegram has not taken it yet) until release_sends()."""
        self._held = asyncio.Event()

    def release_sends(self) -> None:
        """Let held sends through; those whose connection closed meanwhile are not delivered."""
        if self._held is not None:
            self._held.set()
            self._held = None

    async def wait_holding(self, count: int, timeout: float = 20.0) -> None:
        """Wait until `count` sends are held."""
        async with self._cond, asyncio.timeout(timeout):
            await self._cond.wait_for(lambda: self.holding >= count)

    def mark(self) -> None:
        """Make later wait_for() calls ignore every call received so far."""
        self._cursor = len(self.calls)

    async def wait_for(self, method: str, predicate: Callable[[dict], bool] = lambda p: True,
                       timeout: float = 10.0) -> dict:
        """Return params of the first not-yet-returned matching call since mark(), waiting if needed."""
        name = method.lower()

        def find() -> int | None:
            for i in range(self._cursor, len(self.calls)):
                call = self.calls[i]
                if i not in self._consumed and call.method.lower() == name and predicate(call.params):
                    return i
            return None

        async with self._cond:
            try:
                async with asyncio.timeout(timeout):
                    await self._cond.wait_for(lambda: find() is not None)
            except TimeoutError:
                seen = [c.method for c in self.calls[self._cursor:]]
                raise AssertionError(f"no matching {method} within {timeout}s; saw {seen}") from None
            index = find()
            assert index is not None
            self._consumed.add(index)
            return self.calls[index].params

    def sent_texts(self, chat_id: int) -> list[str]:
        """Texts of successful sendMessage calls to chat_id, in order."""
        return [c.params.get("text", "") for c in self.calls if c.method == "sendMessage"
                and c.error_code is None and c.params.get("chat_id") == chat_id]

    # ---------------------------------------------------------------- helpers
    def _chat(self, chat_id: int) -> dict:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": self._names.get(chat_id, "Test")}
        return {"id": chat_id, "type": "group", "title": f"Group {chat_id}"}

    def _user(self, chat_id: int, user_id: int | None, first_name: str) -> dict:
        self._names.setdefault(chat_id, first_name)
        return {"id": user_id or chat_id, "is_bot": False, "first_name": first_name,
                "language_code": "en"}

    def _new_message(self, chat_id: int, sender: dict, **content: Any) -> dict:
        mid = self._msg_ids[chat_id] = self._msg_ids.get(chat_id, 0) + 1
        msg = {"message_id": mid, "date": int(time.time()), "chat": self._chat(chat_id),
               "from": sender, **content}
        self.messages[(chat_id, mid)] = msg
        return msg

    def _push_message(self, chat_id: int, user_id: int | None, first_name: str, **content: Any) -> int:
        sender = self._user(chat_id, user_id, first_name)
        return self.push_update({"message": self._new_message(chat_id, sender, **content)})

    def _file_obj(self, file_id: str) -> dict:
        return {"file_id": file_id, "file_unique_id": f"U{file_id}",
                "file_size": len(self._files[file_id][1])}

    def _bot_message(self, p: dict, **content: Any) -> dict:
        chat_id = p.get("chat_id")
        if not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        for key in ("entities", "caption_entities"):
            if p.get(key):
                content[key] = p[key]
        if p.get("caption"):
            content["caption"] = p["caption"]
        if (markup := _inline(p)) is not None:
            content["reply_markup"] = markup
        reply = p.get("reply_parameters") or {"message_id": p.get("reply_to_message_id")}
        if original := self.messages.get((chat_id, reply.get("message_id"))):
            content["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}
        return self._new_message(chat_id, self.bot_user, **content)

    def _edit(self, p: dict, **content: Any) -> dict | bool:
        if "inline_message_id" in p:
            return True
        msg = self.messages.get((p.get("chat_id"), p.get("message_id")))
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if msg["from"] != self.bot_user:
            raise ApiError(400, "Bad Request: message can't be edited")
        markup = _inline(p)  # omitting reply_markup removes the keyboard, as on Telegram
        if all(msg.get(k) == v for k, v in content.items()) and msg.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        msg.pop("reply_markup", None)
        msg.update(content, edit_date=int(time.time()), **({"reply_markup": markup} if markup else {}))
        return msg

    def _upload(self, p: dict, field: str, path: str) -> str:
        if f"{field}_bytes" in p:
            return self.add_file(p[f"{field}_bytes"], path)
        if p.get(field) in self._files:
            return p[field]
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _reject(self, method: str, p: dict) -> ApiError | None:
        if method.lower() in BLOCKABLE and p.get("chat_id") in self.fail_chats:
            return ApiError(403, "Forbidden: bot was blocked by the user")
        if self.rate_limit_per_s and method.lower() in SEND_METHODS:
            now = time.monotonic()
            while self._sent_at and now - self._sent_at[0] >= 1.0:
                self._sent_at.popleft()
            if len(self._sent_at) >= self.rate_limit_per_s:
                retry = max(1, math.ceil(self._sent_at[0] + 1.0 - now))
                return ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
            self._sent_at.append(now)
        return None

    # ---------------------------------------------------------------- HTTP layer
    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json" and request.can_read_body:
            params.update(await request.json())
        elif request.can_read_body:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    with value.file as fh:  # aiohttp spools uploads to a temp file
                        params[f"{key}_bytes"] = fh.read()
                else:
                    params[key] = value
        return {k: _decode(k, v) for k, v in params.items()}

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return ApiError(401, "Unauthorized").response()
        name = self._methods.get(request.match_info["method"].lower())
        if name is None:
            return ApiError(404, "Not Found: method not found").response()
        call = Call(name, await self._read_params(request), time.monotonic())
        fault = self.faults.pick() if self.faults and name.lower() in SEND_METHODS else None
        if (codes := self._scripted.get(name.lower())) or fault == "error":
            call.error_code = codes.pop(0) if codes else 500
            self.rejected.append(call)
            return ApiError(call.error_code, ERRORS.get(call.error_code, "Error")).response()
        if fault == "drop_before" or not await self._wait_if_held(name, request):
            return _drop(request)
        if (error := self._reject(name, call.params)) is not None:
            call.error_code = error.code
            self.rejected.append(call)
            return error.response()
        self.calls.append(call)
        async with self._cond:
            self._cond.notify_all()
        try:
            handler = getattr(self, f"_m_{name}", None)
            result = await handler(call.params) if handler else True
        except ApiError as error:
            call.error_code = error.code
            return error.response()
        if fault == "drop_after":
            return _drop(request)
        if fault == "slow" and self.faults is not None:
            await asyncio.sleep(self.faults.pause())
        elif (delay := self.slow_chats.get(call.params.get("chat_id"))) and name.lower() in SEND_METHODS:
            await asyncio.sleep(delay)
        return web.json_response({"ok": True, "result": result})

    async def _wait_if_held(self, name: str, request: web.Request) -> bool:
        """Hold a send while hold_sends() is on; False when its connection closed meanwhile."""
        if self._held is None or name.lower() not in SEND_METHODS:
            return True
        held = self._held
        self.holding += 1
        async with self._cond:
            self._cond.notify_all()
        await held.wait()
        self.holding -= 1
        return request.transport is not None and not request.transport.is_closing()

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return ApiError(401, "Unauthorized").response()
        for path, data in self._files.values():
            if path == request.match_info["file_path"]:
                return web.Response(body=data, content_type="application/octet-stream")
        return ApiError(404, "Not Found").response()

    async def _push_http(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "result": self.push_update(await request.json())})

    # ---------------------------------------------------------------- Bot API methods
    async def _m_getMe(self, p: dict) -> dict:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def _m_getUpdates(self, p: dict) -> list[dict]:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = int(p.get("offset") or 0)
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        deadline = time.monotonic() + float(p.get("timeout") or 0)
        while not self.updates and not self._closing and (left := deadline - time.monotonic()) > 0:
            self._update_event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_event.wait(), left)
        return [] if self._closing else self.updates[: max(1, min(100, int(p.get("limit") or 100)))]

    async def _m_setWebhook(self, p: dict) -> bool:
        self.webhook_url = p.get("url", "")
        return True

    async def _m_deleteWebhook(self, p: dict) -> bool:
        self.webhook_url = ""
        if p.get("drop_pending_updates"):
            self.updates.clear()
        return True

    async def _m_getWebhookInfo(self, p: dict) -> dict:
        return {"url": self.webhook_url, "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}

    async def _m_setMyCommands(self, p: dict) -> bool:
        self.commands[_scope_key(p)] = list(p.get("commands") or [])
        return True

    async def _m_getMyCommands(self, p: dict) -> list[dict]:
        return self.commands.get(_scope_key(p), [])

    async def _m_deleteMyCommands(self, p: dict) -> bool:
        self.commands.pop(_scope_key(p), None)
        return True

    async def _m_sendMessage(self, p: dict) -> dict:
        text = p.get("text") or ""
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._bot_message(p, text=text)

    async def _m_editMessageText(self, p: dict) -> dict | bool:
        if not (p.get("text") or "").strip():
            raise ApiError(400, "Bad Request: message text is empty")
        return self._edit(p, text=p["text"])

    async def _m_editMessageReplyMarkup(self, p: dict) -> dict | bool:
        return self._edit(p)

    async def _m_sendVoice(self, p: dict) -> dict:
        file_id = self._upload(p, "voice", "voice/file_{n}.oga")
        voice = {**self._file_obj(file_id), "duration": p.get("duration") or 1, "mime_type": "audio/ogg"}
        return self._bot_message(p, voice=voice)

    async def _m_sendAudio(self, p: dict) -> dict:
        file_id = self._upload(p, "audio", "music/file_{n}.mp3")
        audio = {**self._file_obj(file_id), "duration": p.get("duration") or 1, "mime_type": "audio/mpeg"}
        audio.update({k: p[k] for k in ("title", "performer") if p.get(k)})
        return self._bot_message(p, audio=audio)

    async def _m_getFile(self, p: dict) -> dict:
        if p.get("file_id") not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {**self._file_obj(p["file_id"]), "file_path": self._files[p["file_id"]][0]}


def _drop(request: web.Request) -> web.Response:
    """Close the connection without an answer, as a network failure does."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=499)


def _inline(p: dict) -> dict | None:
    """The reply_markup param if it is an inline keyboard (the only kind echoed in a Message)."""
    markup = p.get("reply_markup")
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def _scope_key(p: dict) -> tuple:
    """Storage key for set/get/deleteMyCommands: (scope type, chat_id, user_id, language_code)."""
    scope = p.get("scope") or {"type": "default"}
    return scope.get("type"), scope.get("chat_id"), scope.get("user_id"), p.get("language_code") or ""


async def _serve(args: argparse.Namespace) -> None:
    """Run until interrupted, printing the base URL."""
    async with FakeBotApi(token=args.token, rate_limit_per_s=args.rate, port=args.port) as api:
        print(api.base_url, flush=True)
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: python tests/fakebotapi.py --port 8081 --rate 30."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--rate", type=float, default=None, help="send calls allowed per second")
    parser.add_argument("--token", default="123456:TEST")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
