"""Recognise ordinary chat ("hi", "thanks!!", "ok", "good night", "how are you", and
questions about the bot itself: "what can you do", "are you a real person", "help").

Only short messages that are *entirely* small talk count: "hi, my ex texted me" is a
question, not a greeting, and goes to the FAQ matcher. The replies live in
content/faq.yaml under ``smalltalk:`` (kind -> variants).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize

__all__ = ["SmalltalkKind", "asks_to_erase", "classify_smalltalk", "shares_a_feeling"]

SmalltalkKind = Literal[
    "greeting",
    "thanks",
    "ok",
    "bye",
    "how_are_you",
    "about",
    "cost",
    "privacy",
    "status",
    "good_news",
    "fond",
    "help_bid",
    "bot_care",
    "not_understood",
    "too_many_buttons",
    "confused",
    "on_my_behalf",
    "someone_else",
    "apology",
    "lift",
    "languages",
    "others",
]

# Longest messages we still treat as pure small talk, in words after normalisation.
_MAX_WORDS = 14  # "made it through the whole weekend without checking his page"; "i am sorry i do
# not understand what you want me to do" (13, once spelled out)


class _Smalltalk(DataModel):
    filler: tuple[str, ...] = Field(min_length=1)
    patterns: dict[SmalltalkKind, Regex] = Field(min_length=1)
    feeling: Regex
    erasure: Regex


_DATA = load_data(DATA_DIR / "smalltalk.yaml", _Smalltalk)

# Words that may pad small talk without changing it ("hey there bot", "ok cool thanks").
_FILLER = "(?:" + "|".join(_DATA.filler) + ")"

_COMPILED: tuple[tuple[SmalltalkKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"^(?:{body.pattern})(?: {_FILLER})*$"))
    for kind, body in _DATA.patterns.items()
)
# "thanks, bye" and "ok thanks": several small-talk pieces in a row. The last kind that
# carries the most meaning wins: a call for help, then "that didn't help", "do you care",
# then about > good_news > fond > bye > thanks > how_are_you > greeting > ok ("thanks, i
# feel better now" is good news first).
_PRIORITY: tuple[SmalltalkKind, ...] = (
    "on_my_behalf",
    "someone_else",
    "help_bid",
    "not_understood",
    "too_many_buttons",
    "confused",
    "bot_care",
    "lift",
    "status",
    "privacy",
    "cost",
    "languages",
    "others",
    "about",
    "good_news",
    "apology",
    "fond",
    "bye",
    "thanks",
    "how_are_you",
    "greeting",
    "ok",
)
_SPLIT = re.compile(r"[,.!?;:\n]+|\s+(?:and|&)\s+")


# Fillers before a question to the bot: "lol ok what CAN you do" (a helper's chat: heard as
# nothing in particular)
_LEAD_FILLER = re.compile(r"^(?:(?:lol|lmao|ok|okay|so|haha\w*|um+|hmm+|wait|well) )+")


_ASKED_PAST_FILLERS: frozenset[SmalltalkKind] = frozenset(
    {"about", "bot_care", "privacy", "status"}
)


def _classify_piece(piece: str) -> SmalltalkKind | None:
    norm = normalize(piece)
    if not norm:
        return None
    for kind, pattern in _COMPILED:
        if pattern.match(norm):
            return kind
    stripped = _LEAD_FILLER.sub("", norm)
    if stripped != norm and len(stripped.split()) >= 2:
        # only a question to the bot is read past the fillers ("ok fine i wont" stays what
        # it was: no small talk)
        for kind, pattern in _COMPILED:
            if kind in _ASKED_PAST_FILLERS and pattern.match(stripped):
                return kind
    return None


# "HELP" in capitals, "help!!", "help me": a cry for help rather than a question about what
# the bot does (the sixth probe's M16); a bare lowercase "help" still lists what it can do.
_CRIED_FOR_HELP = re.compile(
    r"^\s*(?:HELP(?: ME)?\b.*|[Hh]elp(?: me)?\s*!.*|[Hh]elp me\W*)$", re.S
)


# Thanks in scripts the normaliser drops, said alone (with "ok", an emoji or a full stop)
_THANKS_IN_SCRIPT = re.compile(
    r"(?:ok[ ,]*)?(?:спасибо(?: большое)?|спс|дякую|شكرا|شكراً|مرسي|ممنون|ありがとう(?:ございます)?"
    r"|감사합니다|고마워(?:요)?|谢谢(?:你)?|謝謝(?:你)?|ευχαριστώ|ευχαριστω|תודה(?: רבה)?"
    r"|धन्यवाद|शुक्रिया|ขอบคุณ(?:ครับ|ค่ะ|นะ)?)[ .!❤️🙏💕]*"
)


# Sarcasm's marks: an eye-roll, an unamused face, "/s"
_ROLLED_EYES = re.compile(r"🙄|😒|😑|(?:^|\s)/s\b")


def rolls_eyes(text: str) -> bool:
    """ "so proud of me 🙄": said with rolled eyes (an eye-roll, an unamused face, "/s")."""
    return _ROLLED_EYES.search(text) is not None


def classify_smalltalk(text: str) -> SmalltalkKind | None:
    """Return the kind of small talk ``text`` is, or None if it says anything more."""
    if not text or len(text) > 120:
        return None
    # Too long to be small talk whole, it may still be small talk sentence by sentence ("Good
    # evening. My daughter installed this for me and I am not certain how it works.")
    long = len(normalize(text).split()) > _MAX_WORDS
    if _THANKS_IN_SCRIPT.fullmatch(text.strip().lower()):
        return "thanks"  # "спасибо", "شكرا", "ありがとう": nothing is left once normalised
    whole = None if long else _classify_piece(text)
    if whole in ("good_news", "thanks") and _ROLLED_EYES.search(text):
        # "so proud of me 🙄", "great advice thanks robot 🙄" (a helper's chat, session 41:
        # "That's brilliant"): said with rolled eyes, not glad
        return None
    if whole == "about" and _CRIED_FOR_HELP.match(text):
        return "help_bid"  # "HELP", "help!!", "help me": someone in trouble, not the commands
    if whole is not None:
        return whole
    pieces = [p for p in _SPLIT.split(text) if p and p.strip()]
    if len(pieces) < 2:
        return None
    kinds: set[SmalltalkKind] = set()
    what_next = False
    for piece in pieces:
        if len(normalize(piece).split()) > _MAX_WORDS:
            return None
        kind = _classify_piece(piece)
        if kind is None:
            return None  # part of the message is something else: not small talk
        kinds.add(kind)
        what_next = what_next or _WHAT_NEXT.search(normalize(piece)) is not None
    if what_next and "good_news" in kinds:
        return None  # "day 30 today... now what": what comes after, asked (tuning set r54a)
    if kinds & {"good_news", "thanks"} and _ROLLED_EYES.search(text):
        return None  # "wow. day 0. amazing. so proud of me 🙄": not glad
    return next(k for k in _PRIORITY if k in kinds)


# "now what", after news told: a question about what comes next, not about the bot
_WHAT_NEXT = re.compile(r"\b(?:now what|what now|what next)\b")


# "I feel so stupid", "i hate him", "i can't sleep": a feeling shared, not a question asked.
_FEELING = _DATA.feeling


def shares_a_feeling(text: str) -> bool:
    """True when `text` tells how they feel ("i feel so stupid", "i hate him")."""
    return bool(text) and _FEELING.search(normalize(text)) is not None


def asks_to_erase(text: str) -> bool:
    """Privacy small talk that asks for an erasure ("delete my account", "forget me"), not
    what is kept or who sees it."""
    if classify_smalltalk(text) != "privacy":
        return False
    return _DATA.erasure.search(normalize(text)) is not None
