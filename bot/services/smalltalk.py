"""Recognise ordinary chat ("hi", "thanks!!", "ok", "good night", "how are you", and
questions about the bot itself: "what can you do", "are you a real person", "help").

Only short messages that are *entirely* small talk count: "hi, my ex texted me" is a
question, not a greeting, and goes to the FAQ matcher. The replies live in
content/faq.yaml under ``smalltalk:`` (kind -> variants).
"""

from __future__ import annotations

import re
from typing import Literal

from bot.services.textnorm import normalize

__all__ = ["SmalltalkKind", "classify_smalltalk", "shares_a_feeling"]

SmalltalkKind = Literal["greeting", "thanks", "ok", "bye", "how_are_you", "about"]

# Longest messages we still treat as pure small talk, in words after normalisation.
_MAX_WORDS = 8

# Words that may pad small talk without changing it ("hey there bot", "ok cool thanks").
_FILLER = r"(?:ok|okay|there|you|bot|steadfast|friend|again|so|much|very|a lot|lots|man|dude|all|guys|y all|everyone|mate|buddy|pal|lol|haha|hahaha|xx|x|xo|just|really|then|for now|for today|for tonight|for that|for this|for everything|for the help|for listening|for being here|for being there)"  # noqa: E501

_PATTERNS: tuple[tuple[SmalltalkKind, str], ...] = (
    (
        "about",
        r"(?:(?:hi|hey|hello|ok|so) )?(?:what can you do|what do you do|what can you help"
        r"(?: me)? with|what do you help with|what are you for|what is this(?: bot)?(?: for)?"
        r"|what are you|who are you|who is this|how does (?:this|it|this bot|the bot) work"
        r"|how do (?:you|i use (?:this|you|the bot|it)|this) work|how do i use (?:this|you"
        r"|the bot|it)|are you (?:a bot|a robot|an ai|ai|real|human|a real person|a person"
        r"|a human|a therapist|a counsel+or)|is this (?:a bot|a real person|real|an ai|ai"
        r"|a person)|am i talking to (?:a bot|a person|a human|a real person|ai|an ai)"
        r"|help|help me|commands|menu|options|what now|now what)",
    ),
    (
        "how_are_you",
        r"(?:(?:hi|hey|hello|heya|yo|hiya) )?(?:how are you(?: doing| today| feeling)?"
        r"|how is it going|how are things|how have you been|how you doing|how r you|hru|wbu"
        r"|what is up|whats up|sup|wassup|how is your day(?: going)?|you ok|are you ok"
        r"|are you there|you there)",
    ),
    (
        "thanks",
        r"(?:ok |okay |oh )?(?:thank you|thanks|thank u|thankyou|many thanks|cheers|much"
        r" appreciated|appreciate it|i appreciate (?:it|you|that)|that helps|that helped"
        r"|this helps|this helped|that is helpful|very helpful|helpful|ty|merci|gracias|danke)",
    ),
    (
        "bye",
        r"(?:ok |okay )?(?:bye|bye bye|goodbye|good bye|see you|see ya|see you later|later"
        r"|talk later|talk to you later|ttyl|good night|goodnight|night night|night|nighty night"
        r"|going to sleep|going to bed|off to bed|sleep well|gotta go|got to go|i have to go"
        r"|i am off|take care|catch you later)",
    ),
    (
        "greeting",
        r"(?:hi|hey|hello|heya|hiya|hey hey|yo|howdy|hallo|hola|good morning|morning"
        r"|good afternoon|good evening|evening|greetings|hi hi|helo|hellow|hii|heyy|i am back"
        r"|back again|it is me|it is me again)",
    ),
    (
        "ok",
        r"(?:ok|okay|ok ok|k|kk|alright|all right|cool|nice|great|got it|gotcha|understood"
        r"|fine|sure|sounds good|will do|makes sense|i see|i understand|noted|yes|yeah|yep"
        r"|yup|right|perfect|good|awesome|fair enough|true|ok then|hmm|hm|mhm|oh|ah|oh ok"
        r"|ah ok|i will try|i will do that|i can do that|done|on it|lol|haha|hahaha|lmao"
        r"|no|nope|nah|no thanks|no thank you|not really|not now|maybe later"
        r"|hehe|xd)",
    ),
)

_COMPILED: tuple[tuple[SmalltalkKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"^(?:{body})(?: {_FILLER})*$")) for kind, body in _PATTERNS
)
# "thanks, bye" and "ok thanks": several small-talk pieces in a row. The last kind that
# carries the most meaning wins: about > bye > thanks > how_are_you > greeting > ok.
_PRIORITY: tuple[SmalltalkKind, ...] = (
    "about", "bye", "thanks", "how_are_you", "greeting", "ok"
)
_SPLIT = re.compile(r"[,.!?;:\n]+|\s+(?:and|&)\s+")


def _classify_piece(piece: str) -> SmalltalkKind | None:
    norm = normalize(piece)
    if not norm:
        return None
    for kind, pattern in _COMPILED:
        if pattern.match(norm):
            return kind
    return None


def classify_smalltalk(text: str) -> SmalltalkKind | None:
    """Return the kind of small talk ``text`` is, or None if it says anything more."""
    if not text or len(text) > 120:
        return None
    if len(normalize(text).split()) > _MAX_WORDS:
        return None
    whole = _classify_piece(text)
    if whole is not None:
        return whole
    pieces = [p for p in _SPLIT.split(text) if p and p.strip()]
    if len(pieces) < 2:
        return None
    kinds: set[SmalltalkKind] = set()
    for piece in pieces:
        kind = _classify_piece(piece)
        if kind is None:
            return None  # part of the message is something else: not small talk
        kinds.add(kind)
    return next(k for k in _PRIORITY if k in kinds)


# "I feel so stupid", "i hate him", "i can't sleep": a feeling shared, not a question asked.
_FEELING = re.compile(
    r"\b(?:i feel|i am feeling|feeling|i felt|i am so|i am just|i hate|hate (?:him|her|them"
    r"|myself|this|it|everything)|cannot sleep|can not sleep|can ?t sleep|could not sleep"
    r"|crying|cried|cry|sad|sadness|lonely|alone|hurt|hurts|hurting|angry|mad|furious|stupid"
    r"|pathetic|worthless|ashamed|embarrassed|broken|heartbroken|empty|numb|anxious|anxiety"
    r"|panic|panicking|tired|exhausted|miss (?:him|her|them|you|us)|missing (?:him|her|them)"
    r"|regret|jealous|depressed|devastated|lost|confused|overwhelmed|scared|afraid|hopeless"
    r"|awful|terrible|miserable|sick of|fed up|rough day|bad day|hard day)\b"
)


def shares_a_feeling(text: str) -> bool:
    """True when `text` tells how they feel ("i feel so stupid", "i hate him")."""
    return bool(text) and _FEELING.search(normalize(text)) is not None
