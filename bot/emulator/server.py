"""A local HTTP emulator of the Telegram Bot API, good enough for python-telegram-bot.

``BotApiEmulator`` serves ``/bot{token}/{method}`` (JSON, urlencoded or multipart bodies, as
PTB sends them) and ``/file/bot{token}/{path}``. It keeps each bot's state (updates, chats,
messages, callback queries, commands, webhook), rejects what Telegram rejects with Telegram's
error shapes, models flood limits (429), delivers webhooks, and lets tests inject faults.
Simulated users (``bot.emulator.driver``) talk to it in-process.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import mimetypes
import re
import secrets
import struct
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import aiohttp
from aiohttp import web

from bot.emulator.driver import SimGroup, SimUser
from bot.emulator.entities import command_entities
from bot.emulator.ratelimit import FloodLimiter
from bot.services import tghtml

__all__ = [
    "ApiError",
    "BotApiEmulator",
    "EmulatedBot",
    "EmulatorStats",
    "StoredFile",
    "StoredMessage",
    "UserState",
]

logger = logging.getLogger(__name__)

JsonDict = dict[str, Any]
MessageListener = Callable[[str, "StoredMessage"], None]
FaultKind = Literal["5xx", "timeout", "429", "400"]

# Parameters whose form-encoded value is a plain string (everything else is JSON-decoded).
_STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "url",
        "secret_token",
        "callback_query_id",
        "description",
        "short_description",
        "language_code",
        "action",
        "ip_address",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
        "name",
        "title",
        "emoji",
        "photo",
        "document",
        "file_id",
        "chat_id",
    }
)
_DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_\-]{1,256}")
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
_STALE_QUERY = "query is too old and response timeout expired or query ID is invalid"


class ApiError(Exception):
    """A Bot API error response."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def to_json(self) -> JsonDict:
        body: JsonDict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass
class ApiCall:
    """One request as the emulator saw it (after decoding)."""

    token: str
    method: str
    params: JsonDict
    status: int = 200


@dataclass
class EmulatorStats:
    requests: Counter[str] = field(default_factory=Counter)  # per method name as requested
    errors: Counter[int] = field(default_factory=Counter)  # per error_code returned
    rate_limited: int = 0  # 429s from the flood limiter (not injected ones)
    faults_injected: int = 0
    messages_sent: int = 0  # sendMessage/sendPhoto/sendDocument successes
    edits: int = 0
    deletions: int = 0
    webhook_deliveries: int = 0
    webhook_failures: int = 0
    calls: list[ApiCall] = field(default_factory=list)

    def count(self, method: str) -> int:
        """Requests for ``method`` (case-insensitive)."""
        low = method.lower()
        return sum(n for name, n in self.requests.items() if name.lower() == low)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    mime_type: str | None = None
    filename: str | None = None


@dataclass
class StoredMessage:
    """A message in a chat (sent by the bot or by a simulated user)."""

    message_id: int
    chat: JsonDict
    sender: JsonDict
    from_bot: bool
    date: int
    content: JsonDict  # type-specific Message fields: text/entities, photo/caption, ...
    html: str | None = None  # text or caption exactly as the bot sent it
    parse_mode: str | None = None
    plain: str = ""  # text or caption as the user sees it
    reply_markup: JsonDict | None = None
    reply_to: StoredMessage | None = None
    file: StoredFile | None = None
    file_kind: Literal["photo", "document"] | None = None
    edit_date: int | None = None
    deleted: bool = False

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    def to_json(self, *, with_reply: bool = True) -> JsonDict:
        data: JsonDict = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        data.update(self.content)
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.reply_markup and self.reply_markup.get("inline_keyboard"):
            data["reply_markup"] = {"inline_keyboard": self.reply_markup["inline_keyboard"]}
        if with_reply and self.reply_to is not None:
            data["reply_to_message"] = self.reply_to.to_json(with_reply=False)
        return data


@dataclass
class UserState:
    user: JsonDict
    started: bool = False
    blocked: bool = False

    @property
    def chat(self) -> JsonDict:
        chat: JsonDict = {
            "id": self.user["id"],
            "type": "private",
            "first_name": self.user["first_name"],
        }
        if "username" in self.user:
            chat["username"] = self.user["username"]
        return chat


@dataclass
class CallbackState:
    query_id: str
    user_id: int
    chat_id: int
    message_id: int
    created: float
    answered: bool = False


@dataclass
class _Fault:
    kind: FaultKind
    method: str | None
    remaining: int | None
    until: float | None
    retry_after: int
    hold: float


class EmulatedBot:
    """All the state Telegram keeps for one bot token."""

    def __init__(
        self, emulator: BotApiEmulator, token: str, *, username: str, first_name: str
    ) -> None:
        head = token.split(":", 1)[0]
        if not head.isdigit():
            raise ValueError(f"bot token must look like '<digits>:<secret>', got {token!r}")
        self.emulator = emulator
        self.token = token
        self.id = int(head)
        self.username = username
        self.first_name = first_name
        self.updates: list[JsonDict] = []
        self.delivered: dict[int, JsonDict] = {}  # every update ever queued, by id
        # Like Telegram after a quiet week: the first id is random, so a bot restarted on the
        # same database against a new emulator never sees an id it has recorded before.
        self._update_ids = itertools.count(secrets.randbelow(2**30) + 1)
        self.update_event = asyncio.Event()
        self.poll_generation = 0
        self.allowed_updates: list[str] | None = None
        self.users: dict[int, UserState] = {}
        self.groups: dict[int, JsonDict] = {}
        self.messages: dict[int, dict[int, StoredMessage]] = defaultdict(dict)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self.callback_queries: dict[str, CallbackState] = {}
        self.callback_answers: dict[int, list[tuple[str | None, bool]]] = defaultdict(list)
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.menu_buttons: dict[int | None, JsonDict] = {}
        self.webhook_url: str | None = None
        self.secret_token: str | None = None
        self.max_connections = 40
        self.webhook_targets: list[str] | None = None
        self._target_cycle = 0
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.delivery_wake = asyncio.Event()
        self.webhook_task: asyncio.Task[None] | None = None
        self.limiter = FloodLimiter(
            per_key_rate=emulator.per_chat_rate,
            per_key_burst=emulator.per_chat_burst,
            global_rate=emulator.global_rate,
            global_burst=emulator.global_burst,
        )
        self._listeners: dict[int, list[MessageListener]] = defaultdict(list)

    # -- identity -------------------------------------------------------------------------
    @property
    def user_json(self) -> JsonDict:
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    # -- updates --------------------------------------------------------------------------
    def enqueue(self, kind: str, payload: JsonDict) -> int:
        """Queue an update of ``kind`` (e.g. "message"); returns its update_id."""
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, kind: payload})
        self.delivered[update_id] = self.updates[-1]
        event, self.update_event = self.update_event, asyncio.Event()
        event.set()
        self.delivery_wake.set()
        return update_id

    def _wake_pollers(self) -> None:
        event, self.update_event = self.update_event, asyncio.Event()
        event.set()

    def _allowed(self) -> frozenset[str]:
        return frozenset(self.allowed_updates) if self.allowed_updates else _DEFAULT_UPDATE_TYPES

    def drop_disallowed(self) -> None:
        allowed = self._allowed()
        self.updates = [u for u in self.updates if _update_kind(u) in allowed]

    def confirm(self, offset: int) -> None:
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def pending(self, limit: int) -> list[JsonDict]:
        self.drop_disallowed()
        return self.updates[:limit]

    def deliver_again(self, update_id: int) -> None:
        """Queue a copy of an update already delivered, as Telegram does when a webhook answered
        too slowly or a poller stopped before confirming it."""
        self.updates.append(dict(self.delivered[update_id]))
        self.updates.sort(key=lambda u: int(u["update_id"]))
        self._wake_pollers()
        self.delivery_wake.set()

    def remove_update(self, update_id: int) -> None:
        self.updates = [u for u in self.updates if u["update_id"] != update_id]

    def next_target(self) -> str | None:
        if self.webhook_targets:
            target = self.webhook_targets[self._target_cycle % len(self.webhook_targets)]
            self._target_cycle += 1
            return target
        return self.webhook_url

    # -- chats and messages ---------------------------------------------------------------
    def next_message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def add_listener(self, chat_id: int, listener: MessageListener) -> None:
        """``listener(kind, message)`` with kind "new", "edit" or "delete" for bot messages."""
        self._listeners[chat_id].append(listener)

    def remove_listener(self, chat_id: int, listener: MessageListener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners[chat_id].remove(listener)

    def notify(self, kind: str, message: StoredMessage) -> None:
        for listener in list(self._listeners.get(message.chat_id, ())):
            try:
                listener(kind, message)
            except Exception:
                logger.exception("message listener failed for chat %s", message.chat_id)

    def get_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return self.messages.get(chat_id, {}).get(message_id)

    def chat_json(self, chat_id: int) -> JsonDict | None:
        if chat_id in self.users:
            return self.users[chat_id].chat
        return self.groups.get(chat_id)

    def user_message(
        self, chat_id: int, user_id: int, content: JsonDict, *, reply_to: int | None = None
    ) -> StoredMessage:
        """Store a message a simulated user sent, and queue the "message" update."""
        state = self.users[user_id]
        chat = self.chat_json(chat_id)
        if chat is None:
            raise KeyError(f"unknown chat {chat_id}")
        if chat_id == user_id:
            state.started = True
        target = self.get_message(chat_id, reply_to) if reply_to is not None else None
        msg = StoredMessage(
            message_id=self.next_message_id(chat_id),
            chat=chat,
            sender=state.user,
            from_bot=False,
            date=_now(),
            content=content,
            reply_to=target,
            plain=str(content.get("text", content.get("caption", ""))),
        )
        self.messages[chat_id][msg.message_id] = msg
        self.enqueue("message", msg.to_json())
        return msg

    def user_edit(self, msg: StoredMessage, new_text: str) -> None:
        msg.content = {**msg.content, "text": new_text}
        msg.content.pop("entities", None)
        entities = command_entities(new_text)
        if entities:
            msg.content["entities"] = entities
        msg.plain = new_text
        msg.edit_date = _now()
        self.enqueue("edited_message", msg.to_json())

    def callback_query(self, user_id: int, chat_id: int, message_id: int, data: str) -> str:
        """Queue a callback_query update as if the user pressed a button; returns its id."""
        query_id = f"{self.id}{secrets.randbelow(10**9):09d}{len(self.callback_queries)}"
        msg = self.get_message(chat_id, message_id)
        if msg is not None and not msg.deleted:
            message_json = msg.to_json()
        else:
            chat = self.chat_json(chat_id) or {"id": chat_id, "type": "private"}
            message_json = {"chat": chat, "message_id": message_id, "date": 0}
        self.callback_queries[query_id] = CallbackState(
            query_id, user_id, chat_id, message_id, time.monotonic()
        )
        payload = {
            "id": query_id,
            "from": self.users[user_id].user,
            "message": message_json,
            "chat_instance": str(abs(hash((self.id, chat_id))) % 10**18),
            "data": data,
        }
        self.enqueue("callback_query", payload)
        return query_id

    def my_chat_member(self, user_id: int, *, old: str, new: str) -> None:
        state = self.users[user_id]
        new_member: JsonDict = {"status": new, "user": self.user_json}
        if new == "kicked":
            new_member["until_date"] = 0
        old_member: JsonDict = {"status": old, "user": self.user_json}
        if old == "kicked":
            old_member["until_date"] = 0
        self.enqueue(
            "my_chat_member",
            {
                "chat": state.chat,
                "from": state.user,
                "date": _now(),
                "old_chat_member": old_member,
                "new_chat_member": new_member,
            },
        )


def _now() -> int:
    return int(time.time())


def _update_kind(update: JsonDict) -> str:
    return next(k for k in update if k != "update_id")


def _chat_key(update: JsonDict) -> object:
    payload = update[_update_kind(update)]
    if isinstance(payload, dict):
        for path in (("chat", "id"), ("message", "chat", "id"), ("from", "id"), ("user", "id")):
            node: Any = payload
            for part in path:
                node = node.get(part) if isinstance(node, dict) else None
            if node is not None:
                return node
    return ("update", update["update_id"])


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG, None if it is neither."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8\xff"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            (seg_len,) = struct.unpack(">H", data[i + 2 : i + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(width), int(height)
            i += 2 + seg_len
        return (1, 1)
    return None


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise _bad(f"wrong parameter {name} specified")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise _bad(f"wrong parameter {name} specified")


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def validate_reply_markup(raw: Any, *, inline_only: bool = False) -> JsonDict | None:
    """Validate a reply_markup like Telegram; returns the markup (None for no markup)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise _bad("can't parse reply keyboard markup JSON object") from None
    if not isinstance(raw, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in raw:
        rows = raw["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        total = 0
        for row in rows:
            if len(row) > 8:
                raise _bad("reply markup is too long")
            for button in row:
                total += 1
                _validate_inline_button(button)
        if total > 100:
            raise _bad("reply markup is too long")
        return {"inline_keyboard": rows} if rows else None
    if inline_only:
        raise _bad("inline keyboard expected")
    if "keyboard" in raw:
        rows = raw["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays')
        for row in rows:
            for button in row:
                text = (
                    button
                    if isinstance(button, str)
                    else (button.get("text") if isinstance(button, dict) else None)
                )
                if not isinstance(text, str) or not text.strip():
                    raise _bad("keyboard button text must be non-empty")
        return raw
    if raw.get("remove_keyboard") is True or raw.get("force_reply") is True:
        return raw
    raise _bad("can't parse reply keyboard markup JSON object")


def _validate_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise _bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _bad("can't parse inline keyboard button: Text must be non-empty")
    actions = [a for a in _INLINE_ACTIONS if button.get(a) is not None]
    if not actions:
        raise _bad(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise _bad(
            "can't parse inline keyboard button: InlineKeyboardButton must have exactly "
            "one optional field"
        )
    if "callback_data" in actions:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
            raise _bad("BUTTON_DATA_INVALID")
    if "url" in actions:
        url = button["url"]
        if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
            raise _bad("BUTTON_URL_INVALID")


def render_text(
    text: Any,
    parse_mode: Any,
    *,
    limit: int,
    allow_empty: bool,
    kind: str = "text",
    entities: Any = None,
) -> tuple[str, list[JsonDict]]:
    """Parse a text or caption like Telegram; returns (plain text, entity dicts)."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        text = str(text)
    mode = parse_mode.lower() if isinstance(parse_mode, str) and parse_mode else None
    if mode == "html":
        try:
            plain, parsed = tghtml.parse(text)
        except tghtml.TelegramHtmlError as err:
            raise _bad(f"can't parse entities: {err.message}") from None
        entity_dicts = [e.to_dict() for e in parsed]
    elif mode in (None, "markdown", "markdownv2"):
        # Markdown is not modelled: the text is taken literally.
        plain = text
        entity_dicts = list(entities) if isinstance(entities, list) else []
    else:
        raise _bad(f"unsupported parse_mode {parse_mode!r}")
    if not plain.strip() and not allow_empty:
        raise _bad("message text is empty")
    if tghtml.utf16_len(plain) > limit:
        raise _bad("message is too long" if kind == "text" else "message caption is too long")
    return plain, entity_dicts


@dataclass
class _Upload:
    data: bytes
    filename: str | None
    content_type: str | None


_Handler = Callable[["EmulatedBot", JsonDict, dict[str, _Upload]], Awaitable[Any]]


class BotApiEmulator:
    """An in-process Telegram Bot API server on 127.0.0.1 (see module docstring)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = 10,
        global_rate: float = 30.0,
        global_burst: int = 30,
    ) -> None:
        self.host = host
        self.port = port
        self.per_chat_rate = per_chat_rate
        self.per_chat_burst = per_chat_burst
        self.global_rate = global_rate
        self.global_burst = global_burst
        self.bots: dict[str, EmulatedBot] = {}
        self.files: dict[str, StoredFile] = {}
        self.stats = EmulatorStats()
        self.callback_ttl = 15 * 60.0  # seconds a callback query can still be answered
        self.webhook_retry_base = 0.1  # first webhook retry delay (doubles, capped)
        self.webhook_retry_max = 2.0
        self.webhook_timeout = 10.0  # per delivery attempt
        self.record_calls = True
        self._faults: list[_Fault] = []
        self._file_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._closing = asyncio.Event()
        self._sim_users: dict[tuple[str, int], SimUser] = {}
        self._sim_groups: dict[tuple[str, int], SimGroup] = {}
        self._handlers: dict[str, _Handler] = {
            name[len("_m_") :]: getattr(self, name) for name in dir(self) if name.startswith("_m_")
        }

    # -- lifecycle ------------------------------------------------------------------------
    async def start(self) -> None:
        if self._runner is not None:
            raise RuntimeError("emulator already started")
        self._closing = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.webhook_timeout)
        )
        for bot in self.bots.values():
            self._ensure_webhook_worker(bot)
        logger.debug("Bot API emulator listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        self._closing.set()
        for bot in self.bots.values():
            bot._wake_pollers()
            bot.delivery_wake.set()
        tasks = [b.webhook_task for b in self.bots.values() if b.webhook_task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for bot in self.bots.values():
            bot.webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- test-facing setup ----------------------------------------------------------------
    def add_bot(
        self, token: str, *, username: str = "SteadfastBot", first_name: str = "Steadfast"
    ) -> EmulatedBot:
        bot = EmulatedBot(self, token, username=username, first_name=first_name)
        self.bots[token] = bot
        return bot

    def bot(self, token: str | None = None) -> EmulatedBot:
        """The bot with ``token``, or the only/first one."""
        if token is not None:
            return self.bots[token]
        if not self.bots:
            raise LookupError("no bot registered: call add_bot(token) first")
        return next(iter(self.bots.values()))

    def user(
        self,
        user_id: int,
        *,
        first_name: str = "Alex",
        language_code: str | None = "en",
        token: str | None = None,
        username: str | None = None,
    ) -> SimUser:
        bot = self.bot(token)
        key = (bot.token, user_id)
        if key not in self._sim_users:
            if user_id <= 0:
                raise ValueError("user ids are positive")
            user: JsonDict = {"id": user_id, "is_bot": False, "first_name": first_name}
            if username:
                user["username"] = username
            if language_code:
                user["language_code"] = language_code
            bot.users.setdefault(user_id, UserState(user))
            self._sim_users[key] = SimUser(self, bot, user_id)
        return self._sim_users[key]

    def group(self, chat_id: int, *, title: str = "Friends", token: str | None = None) -> SimGroup:
        bot = self.bot(token)
        key = (bot.token, chat_id)
        if key not in self._sim_groups:
            if chat_id >= 0:
                raise ValueError("group chat ids are negative")
            bot.groups[chat_id] = {"id": chat_id, "type": "group", "title": title}
            self._sim_groups[key] = SimGroup(self, bot, chat_id)
        return self._sim_groups[key]

    def store_file(
        self, data: bytes, *, kind: str, filename: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        n = next(self._file_ids)
        prefix = {"photo": "AgAC", "document": "BQAC", "voice": "AwAC", "sticker": "CAAC"}
        file_id = f"{prefix.get(kind, 'BAAC')}{n:06d}{secrets.token_hex(8)}"
        ext = {"photo": ".jpg", "voice": ".oga", "sticker": ".webp"}.get(kind, "")
        if filename and "." in filename:
            ext = "." + filename.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=f"AQAD{n:06d}",
            data=data,
            file_path=f"{kind}s/file_{n}{ext}",
            mime_type=mime_type,
            filename=filename,
        )
        self.files[file_id] = stored
        return stored

    # -- faults ---------------------------------------------------------------------------
    def inject_fault(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        count: int | None = None,
        duration: float | None = None,
        retry_after: int = 1,
        hold: float = 6.0,
    ) -> None:
        """Fail the next ``count`` matching requests (default 1), or all for ``duration`` s.

        "5xx": 502 Bad Gateway. "429": Too Many Requests with ``retry_after``.
        "timeout": hold the request ``hold`` seconds (longer than the client waits), then 502.
        "400": a refusal that is the bot's own fault ("Bad Request: message is too long").
        """
        if kind not in ("5xx", "timeout", "429", "400"):
            raise ValueError(f"unknown fault kind {kind!r}")
        if count is None and duration is None:
            count = 1
        until = time.monotonic() + duration if duration is not None else None
        self._faults.append(
            _Fault(kind, method.lower() if method else None, count, until, retry_after, hold)
        )

    def clear_faults(self) -> None:
        self._faults.clear()

    def _take_fault(self, method: str) -> _Fault | None:
        now = time.monotonic()
        low = method.lower()
        for fault in list(self._faults):
            if fault.until is not None and now > fault.until:
                self._faults.remove(fault)
                continue
            if fault.method is not None and fault.method != low:
                continue
            if fault.remaining is not None:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
            return fault
        return None

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but wake early when the emulator stops."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)

    # -- HTTP -----------------------------------------------------------------------------
    async def _handle_api(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        bot = self.bots.get(token)
        if bot is None:
            return self._respond(ApiError(401, "Unauthorized").to_json(), 401)
        handler = self._handlers.get(method.lower())
        if handler is None:
            return self._respond(ApiError(404, "Not Found").to_json(), 404)
        self.stats.requests[method] += 1
        try:
            params, files = await self._read_params(request)
        except ValueError:
            return self._respond(_bad("can't parse request").to_json(), 400)
        call = ApiCall(token, method, params)
        if self.record_calls:
            self.stats.calls.append(call)
        fault = self._take_fault(method)
        if fault is not None:
            self.stats.faults_injected += 1
            body = await self._fault_response(fault)
            call.status = int(body["error_code"])
            self.stats.errors[call.status] += 1
            return self._respond(body, call.status)
        try:
            result = await handler(bot, params, files)
        except ApiError as err:
            call.status = err.code
            self.stats.errors[err.code] += 1
            if err.code != 429:
                logger.debug("%s -> %s %s", method, err.code, err.description)
            return self._respond(err.to_json(), err.code)
        return self._respond({"ok": True, "result": result}, 200)

    async def _fault_response(self, fault: _Fault) -> JsonDict:
        if fault.kind == "429":
            return ApiError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                retry_after=fault.retry_after,
            ).to_json()
        if fault.kind == "400":
            return ApiError(400, "Bad Request: message is too long").to_json()
        if fault.kind == "timeout":
            await self._sleep(fault.hold)
        return ApiError(502, "Bad Gateway").to_json()

    @staticmethod
    def _respond(body: JsonDict, status: int) -> web.Response:
        return web.Response(
            text=json.dumps(body, ensure_ascii=False),
            status=status,
            content_type="application/json",
        )

    async def _read_params(self, request: web.Request) -> tuple[JsonDict, dict[str, _Upload]]:
        params: JsonDict = {k: _coerce(k, v) for k, v in request.query.items()}
        files: dict[str, _Upload] = {}
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("JSON body must be an object")
                params.update(body)
            elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        files[key] = _Upload(value.file.read(), value.filename, value.content_type)
                    else:
                        params[key] = _coerce(key, str(value))
            else:
                raw = await request.read()
                if raw.strip():
                    body = json.loads(raw)
                    if isinstance(body, dict):
                        params.update(body)
        return params, files

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] not in self.bots:
            return self._respond(ApiError(401, "Unauthorized").to_json(), 401)
        path = request.match_info["path"]
        for stored in self.files.values():
            if stored.file_path == path:
                return web.Response(
                    body=stored.data, content_type=stored.mime_type or "application/octet-stream"
                )
        return self._respond(ApiError(404, "Not Found").to_json(), 404)

    # -- common checks --------------------------------------------------------------------
    def _target_chat(self, bot: EmulatedBot, params: JsonDict) -> JsonDict:
        """The chat a method addresses; 400 chat not found / 403 blocked like Telegram."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise _bad("chat_id is empty")
        try:
            chat_id = _as_int(raw, "chat_id")
        except ApiError:
            raise _bad("chat not found") from None
        if chat_id > 0:
            state = bot.users.get(chat_id)
            if state is None or not state.started:
                raise _bad("chat not found")
            if state.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            return state.chat
        group = bot.groups.get(chat_id)
        if group is None:
            raise _bad("chat not found")
        return group

    def _flood_check(self, bot: EmulatedBot, chat_id: int) -> None:
        retry_after = bot.limiter.acquire(chat_id)
        if retry_after is not None:
            self.stats.rate_limited += 1
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
            )

    def _reply_target(
        self, bot: EmulatedBot, chat_id: int, params: JsonDict
    ) -> StoredMessage | None:
        reply_params = params.get("reply_parameters")
        if isinstance(reply_params, str):
            reply_params = json.loads(reply_params)
        message_id: Any = params.get("reply_to_message_id")
        allow_missing = _as_bool(params.get("allow_sending_without_reply", False))
        if isinstance(reply_params, dict):
            message_id = reply_params.get("message_id")
            allow_missing = _as_bool(reply_params.get("allow_sending_without_reply", False))
        if message_id is None:
            return None
        target = bot.get_message(chat_id, _as_int(message_id, "reply_to_message_id"))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise _bad("message to be replied not found")
        return target

    def _new_bot_message(
        self,
        bot: EmulatedBot,
        chat: JsonDict,
        params: JsonDict,
        content: JsonDict,
        *,
        plain: str,
        html: str | None,
        markup: JsonDict | None,
        file: StoredFile | None = None,
        file_kind: Literal["photo", "document"] | None = None,
    ) -> JsonDict:
        chat_id = int(chat["id"])
        reply_to = self._reply_target(bot, chat_id, params)
        self._flood_check(bot, chat_id)
        msg = StoredMessage(
            message_id=bot.next_message_id(chat_id),
            chat=chat,
            sender=bot.user_json,
            from_bot=True,
            date=_now(),
            content=content,
            html=html,
            parse_mode=params.get("parse_mode") or None,
            plain=plain,
            reply_markup=markup,
            reply_to=reply_to,
            file=file,
            file_kind=file_kind,
        )
        bot.messages[chat_id][msg.message_id] = msg
        self.stats.messages_sent += 1
        bot.notify("new", msg)
        return msg.to_json()

    def _editable(self, bot: EmulatedBot, params: JsonDict) -> StoredMessage:
        if params.get("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")
        chat = self._target_chat(bot, params)
        if params.get("message_id") is None:
            raise _bad("message identifier is not specified")
        msg = bot.get_message(int(chat["id"]), _as_int(params["message_id"], "message_id"))
        if msg is None or msg.deleted or not msg.from_bot:
            raise _bad("message to edit not found")
        return msg

    def _apply_edit(
        self,
        bot: EmulatedBot,
        msg: StoredMessage,
        content: JsonDict,
        markup: JsonDict | None,
        *,
        plain: str,
        html: str | None,
        parse_mode: str | None,
    ) -> JsonDict:
        if content == msg.content and markup == msg.reply_markup:
            raise _bad(_NOT_MODIFIED)
        self._flood_check(bot, msg.chat_id)
        msg.content = content
        msg.reply_markup = markup
        msg.plain = plain
        msg.html = html
        msg.parse_mode = parse_mode
        msg.edit_date = _now()
        self.stats.edits += 1
        bot.notify("edit", msg)
        return msg.to_json()

    # -- methods: identity & updates ------------------------------------------------------
    async def _m_getme(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        return {
            **bot.user_json,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_logout(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        return True

    async def _m_close(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        return True

    async def _m_getupdates(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        if bot.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is "
                "active; use deleteWebhook to delete the webhook first",
            )
        offset = _as_int(p.get("offset", 0), "offset")
        limit = min(100, max(1, _as_int(p.get("limit", 100), "limit")))
        timeout = max(0.0, float(p.get("timeout", 0) or 0))
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            bot.allowed_updates = [str(a) for a in allowed] or None
        if offset:
            bot.confirm(offset)
        bot.poll_generation += 1
        generation = bot.poll_generation
        bot._wake_pollers()  # a newer getUpdates terminates an older one, like Telegram
        deadline = time.monotonic() + timeout
        while True:
            if bot.poll_generation != generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make "
                    "sure that only one bot instance is running",
                )
            if bot.webhook_url:
                return []
            found = bot.pending(limit)
            remaining = deadline - time.monotonic()
            if found or remaining <= 0 or self._closing.is_set():
                return found
            event = bot.update_event
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def _m_setwebhook(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        url = str(p.get("url") or "")
        if not url:
            return await self._m_deletewebhook(bot, p, f)
        if not re.match(r"https?://[^\s/]+", url):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = p.get("secret_token")
        if secret is not None and secret != "" and not _SECRET_RE.fullmatch(str(secret)):
            raise _bad("secret token contains unallowed characters")
        max_conn = _as_int(p.get("max_connections", 40), "max_connections")
        if not 1 <= max_conn <= 100:
            raise _bad("bad webhook: max_connections must be between 1 and 100")
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            bot.allowed_updates = [str(a) for a in allowed] or None
        if _as_bool(p.get("drop_pending_updates", False)):
            bot.updates.clear()
        bot.webhook_url = url
        bot.secret_token = str(secret) if secret else None
        bot.max_connections = max_conn
        bot.last_error_date = bot.last_error_message = None
        bot._wake_pollers()
        self._ensure_webhook_worker(bot)
        bot.delivery_wake.set()
        return True

    async def _m_deletewebhook(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        bot.webhook_url = None
        bot.secret_token = None
        if _as_bool(p.get("drop_pending_updates", False)):
            bot.updates.clear()
        bot.delivery_wake.set()
        return True

    async def _m_getwebhookinfo(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        info: JsonDict = {
            "url": bot.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": len(bot.updates),
        }
        if bot.webhook_url:
            info["max_connections"] = bot.max_connections
            info["ip_address"] = "127.0.0.1"
            if bot.allowed_updates:
                info["allowed_updates"] = bot.allowed_updates
        if bot.last_error_date is not None:
            info["last_error_date"] = bot.last_error_date
            info["last_error_message"] = bot.last_error_message
        return info

    # -- webhook delivery -----------------------------------------------------------------
    def _ensure_webhook_worker(self, bot: EmulatedBot) -> None:
        if self._runner is None or not bot.webhook_url:
            return
        if bot.webhook_task is None or bot.webhook_task.done():
            bot.webhook_task = asyncio.create_task(
                self._webhook_worker(bot), name=f"webhook-{bot.id}"
            )

    async def _webhook_worker(self, bot: EmulatedBot) -> None:
        inflight: dict[int, asyncio.Task[None]] = {}

        def _make_done(update_id: int) -> Callable[[asyncio.Task[None]], None]:
            def done(_task: asyncio.Task[None]) -> None:
                inflight.pop(update_id, None)
                bot.delivery_wake.set()

            return done

        try:
            while bot.webhook_url and not self._closing.is_set():
                bot.delivery_wake.clear()
                bot.drop_disallowed()
                seen: set[object] = set()
                for update in list(bot.updates):
                    key = _chat_key(update)
                    if key in seen:
                        continue  # an earlier update of this chat is not delivered yet
                    seen.add(key)
                    update_id = update["update_id"]
                    if update_id in inflight:
                        continue
                    if len(inflight) >= bot.max_connections:
                        break
                    task = asyncio.create_task(self._deliver(bot, update))
                    inflight[update_id] = task
                    task.add_done_callback(_make_done(update_id))
                await bot.delivery_wake.wait()
        finally:
            for task in inflight.values():
                task.cancel()
            await asyncio.gather(*inflight.values(), return_exceptions=True)

    async def _deliver(self, bot: EmulatedBot, update: JsonDict) -> None:
        delay = self.webhook_retry_base
        update_id = update["update_id"]
        while bot.webhook_url and not self._closing.is_set():
            if not any(u["update_id"] == update_id for u in bot.updates):
                return  # dropped meanwhile
            target = bot.next_target()
            headers = {}
            if bot.secret_token:
                headers["X-Telegram-Bot-Api-Secret-Token"] = bot.secret_token
            error: str
            session = self._session
            if session is None or target is None:
                return
            try:
                async with session.post(target, json=update, headers=headers) as resp:
                    await resp.read()
                    if 200 <= resp.status < 300:
                        bot.remove_update(update_id)
                        self.stats.webhook_deliveries += 1
                        return
                    error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except (aiohttp.ClientError, TimeoutError) as err:
                error = f"Connection failed: {type(err).__name__}"
            self.stats.webhook_failures += 1
            bot.last_error_date = _now()
            bot.last_error_message = error
            logger.debug("webhook delivery of update %s failed: %s", update_id, error)
            await self._sleep(delay)
            delay = min(delay * 2, self.webhook_retry_max)

    # -- methods: messages ----------------------------------------------------------------
    async def _m_sendmessage(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        chat = self._target_chat(bot, p)
        text = p.get("text")
        plain, entities = render_text(
            text, p.get("parse_mode"), limit=4096, allow_empty=False, entities=p.get("entities")
        )
        markup = validate_reply_markup(p.get("reply_markup"))
        content: JsonDict = {"text": plain}
        if entities:
            content["entities"] = entities
        return self._new_bot_message(
            bot, chat, p, content, plain=plain, html=str(text), markup=markup
        )

    def _upload(self, p: JsonDict, f: dict[str, _Upload], name: str) -> _Upload:
        if name in f:
            return f[name]
        ref = p.get(name)
        if isinstance(ref, str) and ref in self.files:
            stored = self.files[ref]
            return _Upload(stored.data, stored.filename, stored.mime_type)
        if ref is None or ref == "":
            raise _bad(f"there is no {name} in the request")
        raise _bad("wrong file identifier/HTTP URL specified")

    def _caption(self, p: JsonDict) -> tuple[str, JsonDict]:
        caption = p.get("caption")
        if caption is None or caption == "":
            return "", {}
        plain, entities = render_text(
            caption,
            p.get("parse_mode"),
            limit=1024,
            allow_empty=True,
            kind="caption",
            entities=p.get("caption_entities"),
        )
        content: JsonDict = {"caption": plain} if plain else {}
        if entities and plain:
            content["caption_entities"] = entities
        return plain, content

    async def _m_sendphoto(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        chat = self._target_chat(bot, p)
        upload = self._upload(p, f, "photo")
        size = _image_size(upload.data)
        if size is None:
            raise _bad("IMAGE_PROCESS_FAILED")
        plain, content = self._caption(p)
        markup = validate_reply_markup(p.get("reply_markup"))
        mime = "image/png" if upload.data.startswith(b"\x89PNG") else "image/jpeg"
        stored = self.store_file(upload.data, kind="photo", mime_type=mime)
        content["photo"] = [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": size[0],
                "height": size[1],
                "file_size": len(upload.data),
            }
        ]
        caption = p.get("caption")
        return self._new_bot_message(
            bot,
            chat,
            p,
            content,
            plain=plain,
            html=str(caption) if caption else None,
            markup=markup,
            file=stored,
            file_kind="photo",
        )

    async def _m_senddocument(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        chat = self._target_chat(bot, p)
        upload = self._upload(p, f, "document")
        if not upload.data:
            raise _bad("file must be non-empty")
        plain, content = self._caption(p)
        markup = validate_reply_markup(p.get("reply_markup"))
        filename = upload.filename or "document"
        mime = upload.content_type
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = self.store_file(upload.data, kind="document", filename=filename, mime_type=mime)
        content["document"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": filename,
            "mime_type": mime,
            "file_size": len(upload.data),
        }
        caption = p.get("caption")
        return self._new_bot_message(
            bot,
            chat,
            p,
            content,
            plain=plain,
            html=str(caption) if caption else None,
            markup=markup,
            file=stored,
            file_kind="document",
        )

    async def _m_getfile(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        stored = self.files.get(str(p.get("file_id", "")))
        if stored is None:
            raise _bad("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    async def _m_editmessagetext(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        msg = self._editable(bot, p)
        if "text" not in msg.content:
            raise _bad("there is no text in the message to edit")
        text = p.get("text")
        plain, entities = render_text(
            text, p.get("parse_mode"), limit=4096, allow_empty=False, entities=p.get("entities")
        )
        markup = validate_reply_markup(p.get("reply_markup"), inline_only=True)
        content: JsonDict = {"text": plain}
        if entities:
            content["entities"] = entities
        return self._apply_edit(
            bot,
            msg,
            content,
            markup,
            plain=plain,
            html=str(text),
            parse_mode=p.get("parse_mode") or None,
        )

    async def _m_editmessagecaption(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        msg = self._editable(bot, p)
        if msg.file_kind is None:
            raise _bad("there is no caption in the message to edit")
        plain, caption_content = self._caption(p)
        markup = validate_reply_markup(p.get("reply_markup"), inline_only=True)
        content = {
            k: v for k, v in msg.content.items() if k not in ("caption", "caption_entities")
        }
        content.update(caption_content)
        caption = p.get("caption")
        return self._apply_edit(
            bot,
            msg,
            content,
            markup,
            plain=plain,
            html=str(caption) if caption else None,
            parse_mode=p.get("parse_mode") or None,
        )

    async def _m_editmessagereplymarkup(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        msg = self._editable(bot, p)
        markup = validate_reply_markup(p.get("reply_markup"), inline_only=True)
        return self._apply_edit(
            bot,
            msg,
            dict(msg.content),
            markup,
            plain=msg.plain,
            html=msg.html,
            parse_mode=msg.parse_mode,
        )

    async def _m_deletemessage(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        raw_chat = p.get("chat_id")
        chat_id = _as_int(raw_chat, "chat_id") if raw_chat is not None else 0
        if bot.chat_json(chat_id) is None:
            raise _bad("chat not found")
        msg = bot.get_message(chat_id, _as_int(p.get("message_id"), "message_id"))
        if msg is None or msg.deleted:
            raise _bad("message to delete not found")
        msg.deleted = True
        self.stats.deletions += 1
        bot.notify("delete", msg)
        return True

    async def _m_sendchataction(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        self._target_chat(bot, p)
        if p.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    async def _m_answercallbackquery(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        query = bot.callback_queries.get(str(p.get("callback_query_id", "")))
        if query is None or query.answered or time.monotonic() - query.created > self.callback_ttl:
            raise _bad(_STALE_QUERY)
        text = p.get("text")
        if text is not None and len(str(text)) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        query.answered = True
        bot.callback_answers[query.user_id].append(
            (str(text) if text else None, _as_bool(p.get("show_alert", False)))
        )
        return True

    # -- methods: bot profile -------------------------------------------------------------
    @staticmethod
    def _scope_key(p: JsonDict) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        if isinstance(scope, str):
            scope = json.loads(scope)
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    async def _m_setmycommands(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        commands = p.get("commands")
        if isinstance(commands, str):
            commands = json.loads(commands)
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        cleaned = []
        for cmd in commands:
            if not isinstance(cmd, dict):
                raise _bad("can't parse BotCommand")
            name, desc = cmd.get("command"), cmd.get("description")
            if not isinstance(name, str) or not _COMMAND_RE.fullmatch(name):
                raise _bad("BOT_COMMAND_INVALID")
            if not isinstance(desc, str) or not 1 <= len(desc) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": desc})
        bot.commands[self._scope_key(p)] = cleaned
        return True

    async def _m_getmycommands(self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]) -> Any:
        return bot.commands.get(self._scope_key(p), [])

    async def _m_deletemycommands(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        bot.commands.pop(self._scope_key(p), None)
        return True

    async def _m_setmydescription(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        text = str(p.get("description") or "")
        if len(text) > 512:
            raise _bad("BOT_DESCRIPTION_INVALID")
        bot.descriptions[str(p.get("language_code") or "")] = text
        return True

    async def _m_getmydescription(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        lang = str(p.get("language_code") or "")
        return {"description": bot.descriptions.get(lang, bot.descriptions.get("", ""))}

    async def _m_setmyshortdescription(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        text = str(p.get("short_description") or "")
        if len(text) > 120:
            raise _bad("BOT_SHORT_DESCRIPTION_INVALID")
        bot.short_descriptions[str(p.get("language_code") or "")] = text
        return True

    async def _m_getmyshortdescription(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        lang = str(p.get("language_code") or "")
        return {
            "short_description": bot.short_descriptions.get(
                lang, bot.short_descriptions.get("", "")
            )
        }

    async def _m_setchatmenubutton(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        button = p.get("menu_button") or {"type": "default"}
        if isinstance(button, str):
            button = json.loads(button)
        chat_id = p.get("chat_id")
        bot.menu_buttons[_as_int(chat_id, "chat_id") if chat_id is not None else None] = button
        return True

    async def _m_getchatmenubutton(
        self, bot: EmulatedBot, p: JsonDict, f: dict[str, _Upload]
    ) -> Any:
        chat_id = p.get("chat_id")
        key = _as_int(chat_id, "chat_id") if chat_id is not None else None
        return bot.menu_buttons.get(key, bot.menu_buttons.get(None, {"type": "commands"}))


def _coerce(name: str, value: str) -> Any:
    """Decode one form field the way the Bot API does (JSON unless it's a string field)."""
    if name in _STRING_FIELDS:
        if name == "chat_id" and re.fullmatch(r"-?\d+", value.strip()):
            return int(value)
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
