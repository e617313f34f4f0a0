"""Follow-up questions about privacy, in words: whether every message is kept ("like every msg
i send?? all of them saved somewhere"), and whether /delete really erases ("if i delete is it
actually gone or just hidden"). Knows nothing of Telegram.

Session 46's play-test, written blind: the first got "Questions like that can go round and
round", the second the answers on deleting photos and unfollowing."""

from __future__ import annotations

import re
from typing import Literal

from bot.services.textnorm import normalize

PrivacyAsk = Literal["kept", "gone"]

_KEPT = re.compile(
    r"\b(?:every|all|each|all of) (?:the )?(?:messages?|things?|words?|texts?|chats?|of (?:them|it"
    r"|this|my messages))\b(?: \w+){0,6}? (?:saved|stored|kept|logged|recorded|read|archived)\b"
    r"|\b(?:do|will|would|are|can) you (?:save|store|keep|log|record|archive|screenshot)\b"
    r"(?: \w+){0,2}? (?:messages?|what i (?:write|say|type|send|tell you)|everything|all of"
    r" (?:it|this)|this|my (?:messages|chats?|texts)|the chat|our chat)\b"
    r"|\b(?:are|is) (?:my|these|the|our) (?:messages|chats?|texts|conversations?)"
    r"(?: here| with you)? (?:saved|stored|kept|logged|recorded|archived)\b"
    r"|\b(?:saved|stored|kept|logged|recorded) (?:somewhere|forever|on a server|in a database)\b"
)
_DELETE = re.compile(r"\b(?:delete|deleting|deleted|erase|erasing|erased|wipe|wiping)\b")
_GONE = re.compile(
    r"\b(?:gone|hidden|hide|wiped|recover\w*|restore\w*|for good|forever|permanent\w*"
    r"|back ?ups?|trace|really (?:erased|deleted)|actually (?:erased|deleted))\b"
)
# "should i delete his photos", "i deleted his number, is it gone for good from my phone":
# their own things, not what the bot keeps
_THEIRS = re.compile(
    r"\b(?:he|she|him|ex|his|her|their|photos?|pics?|pictures?|number|contact"
    r"|chat with (?:him|her|them)|messages from|texts from|instagram|insta|snapchat|whatsapp"
    r"|tiktok|facebook|account)\b"
)
# asked, not told ("i deleted everything, it is gone")
_ASKED = re.compile(
    r"\?|^(?:(?:and|so|but|ok|okay|wait) )*(?:if|is|does|will|would|do|can|are|when)\b"
    r"|\b(?:is it|are they|will it|would it|does it|do they|can you|can anyone|or just)\b"
)
_ABOUT_ME = re.compile(r"\b(?:you|your|this|here|bot|app|my data|everything|it all|all of it)\b")


def privacy_asked(text: str) -> PrivacyAsk | None:
    """What ``text`` asks of the bot's keeping, if anything (see the module's text)."""
    norm = normalize(text)
    if not _ASKED.search(norm) and "?" not in text:
        return None
    if _KEPT.search(norm) and not _THEIRS.search(norm):
        return "kept"
    if (
        _DELETE.search(norm)
        and _GONE.search(norm)
        and not _THEIRS.search(norm)
        and (_ABOUT_ME.search(norm) or norm.startswith(("and if i", "if i", "so if i")))
    ):
        return "gone"
    return None
