"""The no-token local chat: the terminal plays one Telegram user talking to the bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
from pathlib import Path
from typing import TextIO

from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator

__all__ = ["run_terminal_chat"]

logger = logging.getLogger(__name__)

BANNER = """\
Local chat with {name} (no Telegram token: everything runs on this machine).
Type a message and press Enter. Buttons are listed as [1] [2] ...; type the number to press one.
  /location LAT LON   share a location (e.g. /location 52.52 13.40)
  /quit               leave (Ctrl-D works too)
Pictures and files the bot sends are saved under {save_dir}/.
"""

_LOCATION_RE = re.compile(r"/location\s+(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)\s*$")


class _Chat:
    def __init__(
        self, emu: BotApiEmulator, user: SimUser, stdout: TextIO, save_dir: Path, *, fancy: bool
    ) -> None:
        self.emu = emu
        self.user = user
        self.out = stdout
        self.save_dir = save_dir
        self.fancy = fancy
        self.name = user.bot.first_name
        self.events: asyncio.Queue[tuple[str, BotMessage]] = asyncio.Queue()
        self.answers_seen = 0
        self.activity = asyncio.Event()

    def write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def on_event(self, kind: str, message: BotMessage) -> None:
        self.events.put_nowait((kind, message))
        self.activity.set()

    def _speaker(self) -> str:
        return f"\033[1m{self.name}\033[0m" if self.fancy else self.name

    def _save(self, message: BotMessage, data: bytes, default_name: str) -> Path:
        self.save_dir.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", message.filename or default_name)
        path = self.save_dir / f"{message.chat_id}-{message.message_id}-{safe}"
        path.write_bytes(data)
        return path

    def render(self, kind: str, message: BotMessage) -> str:
        if kind == "delete":
            return f"({self.name} deleted message #{message.message_id})\n"
        lines: list[str] = []
        if message.photo is not None:
            ext = "jpg" if message.photo.startswith(b"\xff\xd8") else "png"
            path = self._save(message, message.photo, f"picture.{ext}")
            lines.append(f"[picture: {_kb(message.photo)} KB saved to {path}]")
        if message.document is not None:
            path = self._save(message, message.document, "file")
            lines.append(
                f"[file {message.filename or ''}: {_kb(message.document)} KB saved to {path}]"
            )
        if message.plain:
            lines.extend(message.plain.splitlines() or [""])
        buttons: list[str] = []
        for number, button in enumerate((b for row in message.buttons for b in row), 1):
            label = f"[{number}] {button.text}"
            if button.url:
                label += f" ({button.url})"
            buttons.append(label)
        if buttons:
            lines.append("  ".join(buttons))
        if message.reply_keyboard:
            keys = " | ".join(k for row in message.reply_keyboard for k in row)
            lines.append(f"(keyboard: {keys})")
            if message.location_keys:
                lines.append("(to share a location type /location LAT LON)")
        prefix = f"{self._speaker()} (edited): " if kind == "edit" else f"{self._speaker()}: "
        indent = " " * len(f"{self.name} (edited): " if kind == "edit" else f"{self.name}: ")
        shown = [
            (indent + line if i and line.strip() else line.rstrip())
            for i, line in enumerate(lines)
        ]
        body = "\n".join(shown) if shown else "(empty)"
        return f"{prefix}{body}\n"

    def flush_answers(self) -> None:
        answers = self.user.callback_answers
        while self.answers_seen < len(answers):
            text, alert = answers[self.answers_seen]
            self.answers_seen += 1
            if text:
                self.write(f"({'alert' if alert else 'notice'}: {text})\n")

    async def printer(self) -> None:
        while True:
            try:
                kind, message = await asyncio.wait_for(self.events.get(), 0.2)
            except TimeoutError:
                self.flush_answers()
                continue
            self.flush_answers()
            try:
                self.write(self.render(kind, message))
            except OSError:
                logger.exception("could not show a bot message")
            finally:
                self.events.task_done()

    async def settle(self, first: float = 3.0, idle: float = 0.4) -> None:
        """Wait for the bot to answer and go quiet (used when input is piped in)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.activity.wait(), first)
        while True:
            self.activity.clear()
            try:
                await asyncio.wait_for(self.activity.wait(), idle)
            except TimeoutError:
                break
        await self.events.join()

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False means quit."""
        text = line.strip()
        if not text:
            return True
        if text == "/quit":
            return False
        location = _LOCATION_RE.match(text)
        if location:
            await self.user.send_location(float(location.group(1)), float(location.group(2)))
            return True
        if text.startswith("/location"):
            self.write("(usage: /location LAT LON, e.g. /location 52.52 13.40)\n")
            return True
        if text.isdigit():
            holder = next(
                (m for m in reversed(self.user.inbox) if m.buttons and not m.deleted), None
            )
            flat = [b for row in holder.buttons for b in row] if holder else []
            number = int(text)
            if holder is not None and 1 <= number <= len(flat):
                button = flat[number - 1]
                if button.callback_data is None:
                    self.write(f"(that button opens {button.url})\n")
                    return True
                self.activity.clear()
                await self.user.press(button.text, message=holder)
                return True
        self.activity.clear()
        await self.user.send(text)
        return True


def _kb(data: bytes) -> int:
    return max(1, round(len(data) / 1024))


def _start_reader(
    stdin: TextIO, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | None]
) -> threading.Thread:
    def put(item: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop may be gone after /quit
            loop.call_soon_threadsafe(lines.put_nowait, item)

    def read() -> None:
        try:
            while True:
                line = stdin.readline()
                if not line:
                    break
                put(line)
        except (OSError, ValueError):
            logger.debug("stdin closed")
        finally:
            put(None)

    thread = threading.Thread(target=read, name="terminal-stdin", daemon=True)
    thread.start()
    return thread


async def run_terminal_chat(
    emu: BotApiEmulator,
    user: SimUser,
    *,
    stdin: TextIO,
    stdout: TextIO,
    save_dir: Path | None = None,
) -> None:
    """Chat with the bot from the terminal until /quit or end of input."""
    save_dir = save_dir if save_dir is not None else Path("data/local-chat")
    is_tty = bool(getattr(stdout, "isatty", lambda: False)())
    interactive = bool(getattr(stdin, "isatty", lambda: False)())
    chat = _Chat(emu, user, stdout, save_dir, fancy=is_tty)
    chat.write(BANNER.format(name=chat.name, save_dir=save_dir))
    user.watch(chat.on_event)
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    _start_reader(stdin, loop, lines)
    printer = asyncio.create_task(chat.printer(), name="terminal-printer")
    try:
        while True:
            line = await lines.get()
            if line is None:
                break
            if not interactive:
                chat.write(f"> {line.rstrip()}\n")
            if not await chat.handle(line):
                break
            if not interactive:
                await chat.settle()
        await asyncio.sleep(0.1)  # let the last messages arrive
        await chat.events.join()
        chat.flush_answers()
    finally:
        user.unwatch(chat.on_event)
        printer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await printer
