"""Sending through passing network trouble, and telling a gone chat from a refused message.

429 (RetryAfter) is retried in one place only: the rate limiter (bot/tg/limiter.py, set up in
bot/app.py). Here network errors are retried with backoff; BadRequest and Forbidden are final
and re-raised at once, and `chat_gone` says which of them mean the person is out of reach for
good (they blocked the bot, the chat no longer exists, the account was deleted). Any other
refusal (a message too long, a content bug) is the bot's fault: the person stays active.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Defaults

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Telegram's descriptions of a BadRequest that means the chat itself is unreachable.
_GONE = (
    "chat not found",
    "user not found",
    "user is deactivated",
    "bot was blocked",
    "peer_id_invalid",
    "bot can't initiate conversation",
    "have no rights to send",
    "bot was kicked",
)


def chat_gone(exc: BaseException) -> bool:
    """Whether a send failed because the person can no longer be reached."""
    if isinstance(exc, Forbidden):
        return True
    if isinstance(exc, BadRequest):
        message = exc.message.lower()
        return any(words in message for words in _GONE)
    return False


async def with_retries(
    call: Callable[[], Awaitable[T]], *, attempts: int = 4, first_delay: float = 0.5
) -> T:
    """Await `call()`, retrying network errors with exponential backoff."""
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except (BadRequest, Forbidden, RetryAfter):
            raise
        except NetworkError as exc:
            if attempt == attempts:
                raise
            logger.info(
                "network error (%s), retry %d in %.1fs", type(exc).__name__, attempt, delay
            )
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


async def send_text(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: dict[str, Any] | None = None,
) -> None:
    """`bot.send_message` without reading its answer back into a Message: every reply goes
    through here and nothing uses what Telegram returns, while parsing it was a tenth of the
    bot's CPU an update (bench/updates.py --profile real). The same request otherwise: the
    bot's defaults (HTML, no link previews), the rate limiter and the errors. `markup`: the
    keyboard already as Telegram's JSON (the outbox works it out once for the row and the
    send), sent as a JSON string, which python-telegram-bot passes on as it is."""
    data: dict[str, object] = {
        "chat_id": chat_id,
        "text": text,
        "reply_markup": json.dumps(markup, ensure_ascii=False) if markup is not None else None,
    }
    defaults = getattr(bot, "defaults", None)  # ExtBot's; a plain Bot has none
    if defaults is not None:
        data.update(_default_fields(defaults))
    await bot._post("sendMessage", data)  # noqa: SLF001 (the public call parses the answer)


_DEFAULTS: dict[int, tuple[Defaults, dict[str, object]]] = {}


def _default_fields(defaults: Defaults) -> dict[str, object]:
    """The bot's defaults as request fields, worked out once per Defaults object (its link
    preview options were turned into JSON again for every message)."""
    known = _DEFAULTS.get(id(defaults))
    if known is not None and known[0] is defaults:
        return known[1]
    options = defaults.link_preview_options
    fields: dict[str, object] = {
        "parse_mode": defaults.parse_mode,
        "link_preview_options": json.dumps(options.to_dict()) if options is not None else None,
    }
    _DEFAULTS[id(defaults)] = (defaults, fields)
    return fields
