"""Answers that are not answers: "I don't know", "not sure", or a question back.

Every prompt that takes typed text (a date, a city, a time) can get these instead; the
handler then explains or reassures rather than saying it could not read the text.
"""

from __future__ import annotations

import re
from typing import Literal

Hedge = Literal["unsure", "question"]

_UNSURE_RE = re.compile(
    r"\b(?:idk|dunno|no idea|no clue|not sure|not certain|whenever|anytime|any time"
    r"|(?:dont|do not|cant|cannot) (?:know|remember|recall|decide|tell)|you (?:choose|decide|pick)"
    r"|doesnt matter|does not matter|i dont mind|either)\b"
)


def hedge_of(text: str) -> Hedge | None:
    """Whether `text` (which held no usable answer) says "I don't know" or asks something."""
    folded = re.sub(r"(?<=[a-z])['’](?=[a-z])", "", text.casefold())
    if _UNSURE_RE.search(folded):
        return "unsure"
    if folded.rstrip().endswith("?"):
        return "question"
    return None
