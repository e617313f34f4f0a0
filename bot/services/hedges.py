"""Answers that are not answers: "I don't know", "not sure", or a question back.

Every prompt that takes typed text (a date, a city, a time) can get these instead; the
handler then explains or reassures rather than saying it could not read the text.
"""

from __future__ import annotations

from typing import Literal

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize

Hedge = Literal["unsure", "question"]


class _Hedges(DataModel):
    unsure: Regex
    why_asked: Regex
    no_messages: Regex


_DATA = load_data(DATA_DIR / "hedges.yaml", _Hedges)
_UNSURE_RE = _DATA.unsure


def hedge_of(text: str) -> Hedge | None:
    """Whether `text` (which held no usable answer) says "I don't know" or asks something."""
    if _UNSURE_RE.search(normalize(text)):
        return "unsure"
    if text.rstrip().endswith("?") or asks_why(text):  # "why do u need that", no "?"
        return "question"
    return None


def asks_why(text: str) -> bool:
    """Whether `text` asks about the question itself: "why do you need that?"."""
    return bool(_DATA.why_asked.search(normalize(text)))


def wants_no_messages(text: str) -> bool:
    """Asked when daily messages should come: "never", "no messages please", "i dont want
    any"."""
    return bool(_DATA.no_messages.search(normalize(text)))
