"""Message entities the emulator adds as Telegram would (shared by the server and the driver)."""

from __future__ import annotations

import re
from typing import Any

from bot.services import tghtml


def command_entities(text: str) -> list[dict[str, Any]]:
    """A bot_command entity at offset 0 when ``text`` starts with a command, like Telegram."""
    match = re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=\s|$)", text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": tghtml.utf16_len(match.group(0))}]
