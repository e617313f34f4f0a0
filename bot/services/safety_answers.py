"""Typed answers inside a safety conversation.

``read_safety_answer`` reads a reply to "are you safe right now?": "unsafe", "safe", "unsure",
or None when the reply is something else (a story, a name, a question), which the caller
should then treat as an ordinary message (it still goes through crisis detection first).
``person_named`` finds someone they could reach in a short reply ("my sister maybe", "i could
call my friend"), ``is_no_one`` a reply that there is nobody ("i have no one", "im alone") and
``is_unreachable`` one that the person they tried is not answering.
``is_dont_know`` tells whether an answer to a safety-plan question ("who could you call?")
is a "don't know" / "nobody" / "nothing".

Both read the whole short reply (after ``textnorm.normalize`` and dropping fillers such as
"um", "lol", "right now"), never a word inside a longer message: "no" opening a story is not
an answer. When in doubt between "safe" and anything else, the reading is not "safe".
"""

from __future__ import annotations

import re
from typing import Literal

from bot.services.textnorm import normalize

__all__ = [
    "SafetyAnswer", "is_dont_know", "is_no_one", "is_unreachable", "person_named",
    "read_safety_answer",
]

SafetyAnswer = Literal["unsafe", "safe", "unsure"]

# Fillers dropped at either end of a reply before it is read.
_LEADING = re.compile(
    r"^(?:(?:um+|uh+|erm+|hmm+|hm+|well|honestly|so|ugh|oh|ok so|ok|okay|i mean|to be honest|tbh"
    r"|not going to lie|lol|haha+|bot) )+"
)
_TRAILING = re.compile(
    r"(?: (?:lol|lmao|haha+|right now|now|at the moment|atm|tonight|today|thanks|thank you"
    r"|thx|honestly|to be honest|i promise|bot|x+|please))+$"
)

# "ya" is normalised to "you": "you" counts as a yes only before more words ("ya im fine").
_YES = (
    r"(?:yes|yeah|yea|yeh|yep|yup|yas|sure|of course|definitely|absolutely|i am|i am yeah"
    r"|you(?= ))"
)
_OK = r"(?:safe|ok|fine|good|alright|all right|okay|better|okish|fine ish)"
_NO = r"(?:no|nope|nah|noo|nop|na|no no)"

_SAFE = re.compile(
    rf"(?:{_YES}(?: (?:i am|i think so|i think|i am {_OK}|i think i am {_OK}|{_OK}|for now))*"
    rf"|(?:i am |i feel |i think i am |i should be |i will be |feeling |all )?{_OK}"
    rf"(?: (?:for now|now|enough|i think|yes|yeah|really))*"
    rf"|i think so|i think i am|i am safe yes|i am not in danger|not in danger|nobody is here"
    # a no that then says fine: "no i'm fine", "nah i'm okay", "no, all good"
    rf"|{_NO} (?:i am |it is |all |we are |really |honestly )?(?:{_OK}|not in danger)"
    rf"(?: (?:now|really|honestly|i promise))*"
    rf"|(?:i am )?not unsafe)"
)
_UNSAFE = re.compile(
    rf"(?:{_NO}(?: (?:i am not|not really|i am not safe|i do not think so|not safe|not at all"
    rf"|i do not feel safe|i am really not|i am not ok|i am not okay|i am not fine))?"
    rf"|not really|not rly|really not|not at all|not quite|not exactly|i do not think so"
    rf"|do not think so|i do not think i am|i do not think i am (?:safe|ok|fine)|i am not"
    rf"|(?:i am |i feel |i do not feel )?(?:not |un)(?:safe|ok|okay|fine|alright|good)"
    rf"|i do not feel safe|(?:i am )?(?:in danger|scared|not safe at all|really not safe)"
    rf"|help|help me|please help|please help me|i need help|not really no|no not really"
    rf"|definitely not|absolutely not|of course not|hell no)"
)
_UNSURE = re.compile(
    r"(?:i do not know|do not know|i really do not know|i honestly do not know|no idea"
    r"|i have no idea|no clue|not sure|i am not sure|i am not really sure|unsure|maybe"
    r"|maybe not|maybe yes|i guess|i guess so|kind of|sort of|kind of i guess|a bit|a little"
    r"|possibly|probably|i think so maybe|hard to say|i can not tell|can not tell|i hope so"
    r"|hopefully|50 50|fifty fifty|sometimes|not sure honestly|yes and no|yes no|half"
    r"|i do not know (?:any more|honestly|really)|i am not sure any more|i dunno|dunno"
    r"|idk|i do not know if i am|not sure if i am (?:safe|ok|fine)|i am confused)"
)

_DONT_KNOW = re.compile(
    r"(?:(?:i )?(?:really |honestly )?do not know|i dunno|dunno|idk|no idea|i have no idea"
    r"|no clue|not a clue|not sure|i am not sure|unsure|nobody|no one|noone|no body|none"
    r"|nothing|nothing really|nobody really|no one really|none really|not really|not anyone"
    r"|(?:i )?can not think of (?:anyone|anybody|anything|any|one|something)|can not think"
    r"|i have (?:nobody|no one|nothing|none)|there is (?:nobody|no one|nothing)"
    r"|i do not have (?:anyone|anybody|any|one|anything)|nothing comes to mind"
    r"|no one comes to mind"
    r"|pass|skip|no|nope|nah|i do not know (?:anyone|anybody|any more|honestly|really)"
    r"|(?:i )?(?:do not|can not) (?:think of|name) (?:anyone|anybody|anything|any))"
)


_YA = frozenset({"ya", "yaa", "yah", "yaah"})


def _reply(text: str) -> str:
    """The reply normalised, without fillers at either end."""
    norm = normalize(text)
    if not norm:
        return ""
    norm = _LEADING.sub("", norm)
    return _TRAILING.sub("", f" {norm}").strip()


def read_safety_answer(text: str) -> SafetyAnswer | None:
    """Read a typed reply to "are you safe right now?"; None when it is not an answer."""
    reply = _reply(text)
    if not reply or len(reply.split()) > 12:
        return None
    if _UNSURE.fullmatch(reply):
        return "unsure"
    if _SAFE.fullmatch(reply) or (reply == "you" and text.strip(" .!").lower() in _YA):
        # "i think so?" or "ok?" asked back is not a clear yes.
        return "unsure" if text.rstrip().endswith("?") else "safe"
    if _UNSAFE.fullmatch(reply):
        return "unsafe"
    return None


def is_dont_know(text: str) -> bool:
    """Whether an answer to a safety-plan question is a "don't know", "nobody" or "nothing"."""
    reply = _reply(text)
    return bool(reply) and _DONT_KNOW.fullmatch(reply) is not None


# People someone could reach tonight. Partners are left out: "my boyfriend" may be the ex.
_PERSON = (
    r"(?:mom|mum|mommy|mummy|mama|mother|dad|daddy|papa|father|parents|sister|brother"
    r"|sibling|aunt|auntie|aunty|uncle|grandma|granny|grandmother|nan|nana|grandpa|grandad"
    r"|granddad|grandfather|cousin|best friend|friend|friends|bestie|roommate|flatmate"
    r"|housemate|neighbour|neighbor|therapist|counsellor|counselor|doctor|nurse|teacher"
    r"|coach|pastor|priest|imam|rabbi|son|daughter|family|godmother|godfather|mentor)"
)
_PERSON_REPLY = re.compile(
    r"(?:(?:maybe|probably|i guess|i think|i suppose|yes|yeah|i could|i can|i will|i would"
    r"|i might|i will try|i am going to|going to|gonna) )*"
    r"(?:(?:call|text|ring|phone|message|ask|go to|talk to|reach|wake up|wake|get) )?"
    rf"(?:(?:my|our) )?(?P<who>{_PERSON})"
    r"(?: (?:maybe|probably|i guess|i think|i suppose|i think so|is here|is home|is nearby"
    r"|is next door|is awake|lives close|lives nearby|could come|can come|might answer))*"
)
_NO_ONE = re.compile(
    r"(?:(?:no|nope|not really|honestly|but|and|i mean) )*"
    r"(?:no one|nobody|noone|no body|nobody really|no one really|i have no one|i have nobody"
    r"|i do not have anyone|i do not have anybody|i have not got anyone|there is no one"
    r"|there is nobody|i am alone|i am all alone|i am on my own|all alone|alone"
    r"|i have no one to call|no one to call|nobody to call|no one to talk to"
    r"|nobody to talk to|nobody cares|no one cares)"
    r"(?: (?:to call|to talk to|here|at all|really|anymore|tonight|i can call|i could call))*"
)
_SHORT_FOR = {"bestie": "best friend", "mommy": "mom", "mummy": "mum", "mama": "mom",
              "daddy": "dad", "papa": "dad"}


def person_named(text: str) -> str | None:
    """Who they could reach, as it is said back ("my sister maybe" -> "sister"); None when a
    short reply names nobody (or says the person cannot be reached)."""
    reply = _reply(text)
    if not reply or len(reply.split()) > 10:
        return None
    match = _PERSON_REPLY.fullmatch(reply)
    if match is None:
        return None
    who = match.group("who")
    return _SHORT_FOR.get(who, who)


def is_no_one(text: str) -> bool:
    """Whether a short reply says there is nobody to reach ("no one", "im alone")."""
    reply = _reply(text)
    return bool(reply) and len(reply.split()) <= 10 and _NO_ONE.fullmatch(reply) is not None


_UNREACHABLE = re.compile(
    r"\b(?:not answering|not picking up|not replying|not responding|not home|no answer"
    r"|did not answer|did not pick up|does not answer|does not pick up|will not answer"
    r"|went to voicemail|goes to voicemail|voicemail|(?:is|are|was|were) (?:asleep|sleeping)"
    r"|can not reach|could not reach|can not get through|could not get through|phone is off"
    r"|is busy)\b"
)


def is_unreachable(text: str) -> bool:
    """Whether a short reply says the person they tried cannot be reached right now."""
    reply = _reply(text)
    return bool(reply) and len(reply.split()) <= 12 and _UNREACHABLE.search(reply) is not None
