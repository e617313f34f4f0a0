"""Which command a mistyped one meant ("/stauts" is /status). No Telegram."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

# How alike a typed command and a real one must be (difflib's ratio) to ask "did you mean".
_CLOSE = 0.75


def closest_command(typed: str, known: Iterable[str]) -> str | None:
    """The known command `typed` is most likely a typo of ("/stauts" -> "status",
    "/pasue@SteadfastBot" -> "pause"), or None when none is close."""
    name = typed.lstrip("/").split("@", 1)[0].lower()
    if not name:
        return None
    found = get_close_matches(name, list(known), n=1, cutoff=_CLOSE)
    return found[0] if found else None
