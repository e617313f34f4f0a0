"""Which command a mistyped one meant ("/stauts" is /status). No Telegram."""

from __future__ import annotations

import re
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


# "how does /urge work", "what does slip do", "what is the sos command for": one command asked
# about (a session-30 chat: "how does /urge work" got "we work or study together")
_ASKED_ABOUT = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but|hey|um)\W+)*(?:how (?:does|do|would) (?:i use )?(?:the )?"
    r"|how (?:do|can) i use (?:the )?|how to use (?:the )?|what (?:does|do|is|s) (?:the )?"
    r"|(?:whats|what is|what s) (?:the )?point of (?:the )?|whats (?:the )?|explain (?:the )?"
    r"|tell me about (?:the )?)/?(?P<name>[a-z]+)"
    r"(?: command| button| thing)?(?: (?:work|do|mean|for|about|exactly|even))*\W*$"
)


def command_asked(text: str, known: Iterable[str]) -> str | None:
    """The command a question asks about ("how does /urge work" -> "urge"), None otherwise."""
    found = _ASKED_ABOUT.match(text.lower().strip())
    if found is None:
        return None
    name = found.group("name")
    return name if name in set(known) else None
