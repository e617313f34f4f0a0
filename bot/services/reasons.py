"""The user's own reasons for No Contact: limits and cleaning. Knows no Telegram."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.crisis import detect_crisis, strong_by_words_alone
from bot.services.smalltalk import shares_a_feeling
from bot.services.textnorm import normalize
from bot.store import reasons as reason_store
from bot.store.models import Reason

MAX_REASONS = 20
MAX_REASON_CHARS = 300

Refusal = Literal["empty", "too_long", "too_many"]


class ReasonRefused(Exception):
    def __init__(self, code: Refusal) -> None:
        super().__init__(code)
        self.code: Refusal = code


# Missing them, said where a reason was asked for ("i miss him so much it hurts"): a feeling
# to hear, not a reason to keep. A reason said in the same breath ("i miss her but she lied
# to me") is kept.
_LONGING = re.compile(
    r"\b(?:i |i just |i still |still )?(?:miss|missing|love|loving|want|need|crave)"
    r" (?:him|her|them|my ex|you|us|what we had)\b|\bit (?:hurts|aches|kills me)\b"
    r"|\bi (?:feel|am) (?:so |really )?(?:sad|lonely|empty|broken|lost|heartbroken|numb)\b"
    r"|\bcan not stop (?:thinking|crying)\b"
)
_REASON_CUE = re.compile(
    r"\b(?:but|because|deserve|deserved|cheat\w*|lie|lied|lies|lying|treat\w*|respect|heal\w*"
    r"|better|toxic|abus\w*|hurt me|made me|makes me|never|always|peace|myself|self|free"
    r"|safe|future|happy|trust|worth|again and again|back and forth)\b"
)


# Blame turned on oneself, said where a reason was asked for ("she said i was too much. she
# was right"; a helper's chat: saved, to be shown back on hard days)
_SELF_BLAME = re.compile(
    r"\b(?:(?:he|she|they) (?:was|were|is|are) right|it (?:was|is) (?:all )?my fault|i (?:was|am)"
    r" (?:too much|not enough|the problem|unlovable|pathetic|worthless)|i (?:ruined"
    r"|wrecked|destroyed) (?:it|everything|us)|i deserved (?:it|this|to be left)|nobody (?:will"
    r" ever|could ever) (?:love|want) me)\b"
)


def blames_self(text: str) -> bool:
    """Whether a would-be reason is blame turned on oneself ("i was too much, she was right"):
    not a reason to show back on hard days."""
    return _SELF_BLAME.search(normalize(text)) is not None


# Session 31's chats at set-up's reason question: a feeling told, wanting nothing ("I'm 71 and
# I feel silly being heartbroken at my age"), and a reason only the word model took for harm.
_REASON_OPENING = re.compile(
    r"^\W*(?:(?:because|cause|cos|so|for|i want to|i wanna|i need to|i deserve|to|my|for my|i"
    r" want|i am doing (?:this|it) (?:for|because))\b)",
    re.IGNORECASE,
)


_WANTS = re.compile(
    r"\b(?:reason|want|wanna|deserve|need|hope|so i|so that|in order|to (?:be|get|feel|stop|heal"
    r"|find|have|move|protect|keep|live|sleep|focus|start|show|become|love|take)"
    r"|for (?:me|my|the kids|myself|us)|because|cause|cos|my (?:peace|kids|children|son"
    r"|daughter|health|self|sanity|future|dignity))\b",
    re.IGNORECASE,
)


def only_a_feeling(text: str) -> bool:
    """A feeling told at "what's one reason?", wanting nothing ("I feel silly being heartbroken
    at my age"): not a reason to show back on hard days."""
    return shares_a_feeling(text) and _WANTS.search(normalize(text)) is None


# News about them told in several sentences at "what's one reason?" ("I must be honest with
# you. I learned today that he is living with someone else. We were married 31 years."; a
# blind play-test, session 45: saved, to be shown back on hard days)
_ABOUT_THEM = re.compile(r"\b(?:he|she|they|him|her|them|his|their|my ex)\b")
_SENTENCE_BREAK = re.compile(r"[.!?\n]+")


def news_told(text: str) -> bool:
    """Several sentences about them, with nothing wanted and no reason's cue in them: told,
    not a reason to keep."""
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
    norm = normalize(text)
    return (
        len(sentences) >= 2
        and _ABOUT_THEM.search(norm) is not None
        and _WANTS.search(norm) is None
        and _REASON_CUE.search(norm) is None
    )


def doubted_by_the_model_alone(text: str) -> bool:
    """ "I want to be a better father and not spend every evening on my phone waiting for
    her": a reason, taken for harm by the word model alone (a session-31 chat: asked "are you
    safe?" and not kept). No rule and no word of the net says harm."""
    return (
        strong_by_words_alone(text)
        and detect_crisis(text) is None
        and _REASON_OPENING.match(text) is not None
    )


def sounds_like_longing(text: str) -> bool:
    """Whether a would-be reason is only the missing speaking ("i miss him so much")."""
    norm = normalize(text)
    return bool(norm) and _LONGING.search(norm) is not None and _REASON_CUE.search(norm) is None


# No reason comes to mind ("idk", "i cant think of any", a button's number typed: "2")
_NONE_COMES = re.compile(
    r"^\s*\d+\s*$|^(?:i )?(?:do not know|dunno|idk|no idea|not sure)\b"
    r"|\b(?:can not|could not) think of (?:any|one|a|anything)\b"
)


def none_comes(text: str) -> bool:
    """Whether a would-be reason says none comes to mind (or is a bare number)."""
    return _NONE_COMES.search(normalize(text)) is not None


# A label typed before the reason ("add: she never respected my time", "reason - my peace")
_LABEL = re.compile(
    r"^(?:add(?: (?:this|a reason|reason|my reason|this reason))?|new reason|reason|my reason)"
    r"\s*[:\-\u2013\u2014]\s*",
    re.IGNORECASE,
)


def clean(text: str) -> str:
    """The reason as it will be kept: spaces tidied, a typed label ("add:") left out."""
    return _LABEL.sub("", " ".join(text.split()), count=1)


async def list_reasons(*, session: AsyncSession, user_id: int) -> list[Reason]:
    return await reason_store.list_reasons(session=session, user_id=user_id)


async def add(*, session: AsyncSession, user_id: int, text: str, now: datetime) -> int:
    """Save one reason; return how many the list holds now. Raises ReasonRefused."""
    reason = clean(text)
    if not reason:
        raise ReasonRefused("empty")
    if len(reason) > MAX_REASON_CHARS:
        raise ReasonRefused("too_long")
    count = await reason_store.count_reasons(session=session, user_id=user_id)
    if count >= MAX_REASONS:
        raise ReasonRefused("too_many")
    await reason_store.add_reason(session=session, user_id=user_id, text=reason, now=now)
    return count + 1


async def remove(*, session: AsyncSession, user_id: int, reason_id: int) -> bool:
    """Remove the reason only if it is this user's own."""
    return await reason_store.remove_reason(session=session, user_id=user_id, reason_id=reason_id)


# Edits of the list typed at /reasons' menu instead of tapped (a helper's terminal chat:
# "remove the first one" got an answer about blocking, "i want to change my reason" was
# offered as a reason).
Edit = tuple[Literal["add", "remove", "change"], str | int | None]

_POLITE = (
    r"^(?:(?:can you|could you|can i|could i|please|pls|plz|ok|okay|actually|wait|hmm|um|and"
    r"|also|i want to|i wanna|i would like to|i need to|let me|lets|let us)\s+)*"
)
_ORDINALS = {"first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2, "third": 3,
             "3rd": 3, "three": 3, "fourth": 4, "4th": 4, "four": 4, "fifth": 5, "5th": 5,
             "five": 5, "last": -1}
_WHICH = r"(?P<which>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|\d{1,2})"
_TYPED_REMOVE = re.compile(
    _POLITE + r"(?:remove|delete|take out|take off|get rid of|drop|erase|scrap|cross out|bin)"
    r"(?:\s+(?:reason|number|no|#)\s*(?P<num>\d{1,2}))?"
    r"(?:\s+(?:the|my|that|this))?(?:\s+" + _WHICH + r")?"
    r"(?:\s+(?:one|reason|reasons|one on the list|on the list|from the list|from my list))?"
    r"(?:\s+(?:please|pls|plz|thanks|thank you))?$"
)
_TYPED_ADD = re.compile(
    r"^(?:(?:please|pls|ok|okay|and|also)\s+)*(?:add|new reason|add reason|add a reason"
    r"|another reason|another one)\s*(?::|-|=)\s*(?P<text>\S.*)$"
    r"|^(?:(?:please|pls|ok|okay|and|also)\s+)*add (?P<as>\S.*?) (?:as|to) (?:a |my )?"
    r"(?:reason|reasons|list)$"
)
_TYPED_ADD_BARE = re.compile(
    _POLITE + r"(?:add|write|type)(?:\s+(?:a|another|one more|a new|new)(?:\s+(?:one|reason))?"
    # "add one", "add" (a helper's chat: "add one" was offered as the reason itself)
    r"|\s+one|\s+(?:a |one )?more)?(?:\s+(?:please|pls))?$"
)
_TYPED_CHANGE = re.compile(
    _POLITE + r"(?:change|edit|update|reword|rewrite|replace|fix|correct)\s+"
    r"(?:(?:my|the|a|one|that|this|of my|first|second|last)\s+)*(?:reason|reasons|wording"
    r"|(?:first|second|third|last|that|this) one)\b(?: \w+){0,4}$"
)


def typed_edit(text: str) -> Edit | None:
    """A change to the list typed in words: ("remove", 2) for "remove the second one",
    ("remove", None) for "delete one", ("add", "i deserve better") for "add: i deserve
    better", ("add", None) for "add another", ("change", None) for "i want to change my
    reason"; None for anything else (a reason itself, a feeling, a question)."""
    raw = " ".join(text.split())
    if (added := _TYPED_ADD.match(raw.lower())) is not None:
        start = added.start("text") if added.group("text") else added.start("as")
        end = added.end("text") if added.group("text") else added.end("as")
        return "add", clean(raw[start:end])
    norm = normalize(raw).strip(" .!?")
    if _TYPED_ADD_BARE.match(norm):
        return "add", None
    if (removed := _TYPED_REMOVE.match(norm)) is not None:
        which = removed.group("num") or removed.group("which")
        if which is None:
            return "remove", None
        return "remove", int(which) if which.isdigit() else _ORDINALS[which]
    if _TYPED_CHANGE.match(norm):
        return "change", None
    return None
