"""Simulated Telegram users and groups that talk to a bot through ``BotApiEmulator``.

They run in the emulator's event loop: their actions become updates for the bot, and what
the bot sends to their chat is collected in an inbox that tests can wait on.
"""

from __future__ import annotations

import asyncio
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.emulator.entities import command_entities

if TYPE_CHECKING:
    from bot.emulator.server import BotApiEmulator, EmulatedBot, StoredMessage

__all__ = ["BotMessage", "InlineButton", "SimGroup", "SimUser", "tiny_png"]

MessageWatcher = Callable[[str, "BotMessage"], None]


def tiny_png(width: int = 1, height: int = 1) -> bytes:
    """A valid, tiny greyscale PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass
class InlineButton:
    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass
class BotMessage:
    """A bot message as the user sees it (kept up to date with later edits/deletion)."""

    message_id: int
    chat_id: int
    text: str = ""  # HTML (or plain text) as the bot sent it; '' for media messages
    plain: str = ""  # the visible text (of the text, or of the caption for media)
    caption: str | None = None  # caption as sent, media messages only
    buttons: list[list[InlineButton]] = field(default_factory=list)
    reply_keyboard: list[list[str]] | None = None
    location_keys: list[str] = field(default_factory=list)  # keys with request_location
    photo: bytes | None = None
    document: bytes | None = None
    filename: str | None = None
    edited: bool = False
    deleted: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)  # the Message JSON

    def button_texts(self) -> list[str]:
        return [b.text for row in self.buttons for b in row]

    def find_button(self, text: str) -> InlineButton | None:
        for row in self.buttons:
            for button in row:
                if button.text == text:
                    return button
        return None

    def apply(self, stored: StoredMessage) -> None:
        is_media = stored.file_kind is not None
        self.text = "" if is_media else (stored.html or "")
        self.caption = stored.html if is_media else None
        self.plain = stored.plain
        markup = stored.reply_markup or {}
        self.buttons = [
            [
                InlineButton(str(b.get("text", "")), b.get("callback_data"), b.get("url"))
                for b in row
            ]
            for row in markup.get("inline_keyboard", [])
        ]
        if "keyboard" in markup:
            self.reply_keyboard = [
                [b if isinstance(b, str) else str(b.get("text", "")) for b in row]
                for row in markup["keyboard"]
            ]
            self.location_keys = [
                str(b.get("text", ""))
                for row in markup["keyboard"]
                for b in row
                if isinstance(b, dict) and b.get("request_location")
            ]
        if stored.file is not None:
            if stored.file_kind == "photo":
                self.photo = stored.file.data
            else:
                self.document = stored.file.data
                self.filename = stored.file.filename
        self.raw = stored.to_json()

    @classmethod
    def from_stored(cls, stored: StoredMessage) -> BotMessage:
        msg = cls(message_id=stored.message_id, chat_id=stored.chat_id)
        msg.apply(stored)
        return msg


class _ChatView:
    """Collects what the bot sends to one chat and lets tests wait for it."""

    def __init__(self, emulator: BotApiEmulator, bot: EmulatedBot, chat_id: int) -> None:
        self.emulator = emulator
        self.bot = bot
        self.chat_id = chat_id
        self._messages: dict[int, BotMessage] = {}
        self._arrivals: list[BotMessage] = []
        self._cursor = 0  # arrivals already returned by replies()
        self._events: list[BotMessage] = []  # a message per "new"/"edit" event
        self._event_cursor = 0  # events already consumed by wait_for()/replies()
        self._changed = asyncio.Event()
        self._watchers: list[MessageWatcher] = []
        bot.add_listener(chat_id, self._on_bot_message)

    # -- feed from the emulator -----------------------------------------------------------
    def _on_bot_message(self, kind: str, stored: StoredMessage) -> None:
        if not stored.from_bot:
            return
        msg = self._messages.get(stored.message_id)
        if kind == "new" or msg is None:
            msg = BotMessage.from_stored(stored)
            self._messages[msg.message_id] = msg
            self._arrivals.append(msg)
            if kind != "new":
                msg.edited = kind == "edit"
        elif kind == "edit":
            msg.apply(stored)
            msg.edited = True
        if kind == "delete":
            msg.deleted = True
        else:
            self._events.append(msg)
        event, self._changed = self._changed, asyncio.Event()
        event.set()
        for watcher in list(self._watchers):
            watcher(kind, msg)

    def watch(self, watcher: MessageWatcher) -> None:
        """Call ``watcher(kind, message)`` for every new/edited/deleted bot message."""
        self._watchers.append(watcher)

    def unwatch(self, watcher: MessageWatcher) -> None:
        if watcher in self._watchers:
            self._watchers.remove(watcher)

    # -- inspection -----------------------------------------------------------------------
    @property
    def inbox(self) -> list[BotMessage]:
        """Everything the bot sent to this chat, in order, with edits applied."""
        return list(self._messages.values())

    def last(self) -> BotMessage:
        if not self._messages:
            raise AssertionError(f"the bot has sent nothing to chat {self.chat_id}")
        return next(reversed(self._messages.values()))

    def _describe(self, messages: list[BotMessage]) -> str:
        return "; ".join(f"#{m.message_id} {m.plain!r} {m.button_texts()}" for m in messages)

    async def _wait_change(self, deadline: float) -> bool:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        event = self._changed
        try:
            await asyncio.wait_for(event.wait(), remaining)
        except TimeoutError:
            return False
        return True

    # -- waiting --------------------------------------------------------------------------
    async def replies(
        self,
        n: int = 1,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 (spec'd API)
    ) -> list[BotMessage]:
        """Wait for ``n`` bot messages not returned by an earlier call; return them in order."""
        deadline = time.monotonic() + timeout
        while len(self._arrivals) - self._cursor < n:
            if not await self._wait_change(deadline):
                got = self._arrivals[self._cursor :]
                raise AssertionError(
                    f"expected {n} new bot message(s) in chat {self.chat_id} within {timeout}s,"
                    f" got {len(got)}: {self._describe(got) or 'nothing'}"
                )
        got = self._arrivals[self._cursor : self._cursor + n]
        self._cursor += n
        last = got[-1]
        if last in self._events:
            self._event_cursor = max(self._event_cursor, self._events.index(last) + 1)
        return got

    async def reply(self, *, timeout: float = 5.0) -> BotMessage:  # noqa: ASYNC109
        return (await self.replies(1, timeout=timeout))[0]

    async def silence(self, seconds: float = 0.3) -> None:
        """Assert the bot sends no new message (beyond those already returned) for a while."""
        await asyncio.sleep(seconds)
        extra = self._arrivals[self._cursor :]
        if extra:
            raise AssertionError(
                f"expected silence in chat {self.chat_id}, got {self._describe(extra)}"
            )

    async def wait_for(
        self,
        predicate: Callable[[BotMessage], bool],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 (spec'd API)
    ) -> BotMessage:
        """Wait for a new or edited bot message (since the last wait) matching ``predicate``."""
        deadline = time.monotonic() + timeout
        while True:
            for index in range(self._event_cursor, len(self._events)):
                msg = self._events[index]
                if not msg.deleted and predicate(msg):
                    self._event_cursor = index + 1
                    if msg in self._arrivals[self._cursor :]:
                        self._cursor = self._arrivals.index(msg) + 1
                    return msg
            self._event_cursor = len(self._events)
            if not await self._wait_change(deadline):
                raise AssertionError(
                    f"no bot message in chat {self.chat_id} matched within {timeout}s; inbox: "
                    f"{self._describe(self.inbox[-5:]) or 'empty'}"
                )


class SimUser(_ChatView):
    """A Telegram user in a private chat with the bot."""

    def __init__(self, emulator: BotApiEmulator, bot: EmulatedBot, user_id: int) -> None:
        super().__init__(emulator, bot, user_id)
        self.user_id = user_id
        self._last_sent: StoredMessage | None = None

    @property
    def state_user(self) -> dict[str, Any]:
        return self.bot.users[self.user_id].user

    @property
    def started(self) -> bool:
        return self.bot.users[self.user_id].started

    @property
    def blocked(self) -> bool:
        return self.bot.users[self.user_id].blocked

    @property
    def callback_answers(self) -> list[tuple[str | None, bool]]:
        """(text, show_alert) of every answerCallbackQuery for this user's presses."""
        return self.bot.callback_answers[self.user_id]

    def start_chat(self) -> None:
        """Mark the private chat as started without sending anything."""
        self.bot.users[self.user_id].started = True

    async def _send_content(self, content: dict[str, Any]) -> StoredMessage:
        msg = self.bot.user_message(self.chat_id, self.user_id, content)
        self._last_sent = msg
        await asyncio.sleep(0)
        return msg

    async def send(self, text: str) -> None:
        content: dict[str, Any] = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        await self._send_content(content)

    async def send_location(self, latitude: float, longitude: float) -> None:
        await self._send_content({"location": {"latitude": latitude, "longitude": longitude}})

    async def send_sticker(self) -> None:
        stored = self.emulator.store_file(
            b"RIFF\x00\x00\x00\x00WEBPVP8 ", kind="sticker", mime_type="image/webp"
        )
        await self._send_content(
            {
                "sticker": {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                    "emoji": "\U0001f642",
                    "set_name": "SimStickers",
                    "file_size": len(stored.data),
                }
            }
        )

    async def send_photo(self, data: bytes | None = None, *, caption: str | None = None) -> None:
        data = data or tiny_png(4, 4)
        stored = self.emulator.store_file(data, kind="photo", mime_type="image/png")
        content: dict[str, Any] = {
            "photo": [
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": 4,
                    "height": 4,
                    "file_size": len(data),
                }
            ]
        }
        if caption:
            content["caption"] = caption
        await self._send_content(content)

    async def send_voice(self, duration: int = 3) -> None:
        stored = self.emulator.store_file(b"OggS\x00voice", kind="voice", mime_type="audio/ogg")
        await self._send_content(
            {
                "voice": {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "duration": duration,
                    "mime_type": "audio/ogg",
                    "file_size": len(stored.data),
                }
            }
        )

    async def edit_last(self, new_text: str) -> None:
        if self._last_sent is None or "text" not in self._last_sent.content:
            raise AssertionError("the user has not sent a text message to edit")
        self.bot.user_edit(self._last_sent, new_text)
        await asyncio.sleep(0)

    async def forward(self, text: str, *, from_name: str = "Sam") -> None:
        await self._send_content(
            {
                "text": text,
                "forward_origin": {
                    "type": "hidden_user",
                    "sender_user_name": from_name,
                    "date": int(time.time()) - 3600,
                },
            }
        )

    async def press(self, button_text: str, *, message: BotMessage | None = None) -> None:
        """Press the inline button labelled ``button_text`` (on ``message`` or the newest)."""
        if message is not None:
            candidates = [self._messages.get(message.message_id, message)]
        else:
            candidates = [m for m in reversed(self.inbox) if not m.deleted]
        for msg in candidates:
            button = msg.find_button(button_text)
            if button is None:
                continue
            if button.callback_data is None:
                raise AssertionError(f"button {button_text!r} has no callback_data (url button?)")
            if msg.deleted:
                raise AssertionError(f"message #{msg.message_id} was deleted")
            self.bot.callback_query(
                self.user_id, self.chat_id, msg.message_id, button.callback_data
            )
            await asyncio.sleep(0)
            return
        shown = "; ".join(f"#{m.message_id}: {m.button_texts()}" for m in candidates[:5])
        raise AssertionError(f"no inline button {button_text!r}; buttons: {shown or 'none'}")

    async def press_data(self, data: str, *, message_id: int) -> None:
        """A callback_query with arbitrary (forged or stale) data for ``message_id``."""
        self.bot.callback_query(self.user_id, self.chat_id, message_id, data)
        await asyncio.sleep(0)

    def block(self) -> None:
        """The user blocks the bot: later sends get 403, bot gets a my_chat_member update."""
        state = self.bot.users[self.user_id]
        if not state.blocked:
            state.blocked = True
            self.bot.my_chat_member(self.user_id, old="member", new="kicked")

    def unblock(self) -> None:
        state = self.bot.users[self.user_id]
        if state.blocked:
            state.blocked = False
            self.bot.my_chat_member(self.user_id, old="kicked", new="member")


class SimGroup(_ChatView):
    """A group chat the bot is a member of."""

    async def send(self, user: SimUser, text: str) -> None:
        content: dict[str, Any] = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        self.bot.user_message(self.chat_id, user.user_id, content)
        await asyncio.sleep(0)
