"""Which command a mistyped one meant ("/stauts" is /status). No Telegram."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

# How alike a typed command and a real one must be (difflib's ratio) to ask "did you mean".
_CLOSE = 0.75


# Commands other bots have that people type here, and ours that does what they want
# (the ninth probe: "/stop" was "not one of my commands")
_MEANT = {"stop": "pause", "quit": "pause", "mute": "pause", "unsubscribe": "pause"}


def closest_command(typed: str, known: Iterable[str]) -> str | None:
    """The known command `typed` is most likely a typo of ("/stauts" -> "status",
    "/pasue@SteadfastBot" -> "pause"), the start of ("/stat" -> "status", not "start"), or
    another bot's word for ("/stop" -> "pause"); None when none is close."""
    name = typed.lstrip("/").split("@", 1)[0].lower()
    if not name:
        return None
    commands = list(known)
    if _MEANT.get(name) in commands:
        return _MEANT[name]
    started = [c for c in commands if c.startswith(name)] if len(name) >= 3 else []
    if len(started) == 1:
        return started[0]
    found = get_close_matches(name, commands, n=1, cutoff=_CLOSE)
    return found[0] if found else None
