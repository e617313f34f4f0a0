"""What a message that asks nothing tells about the person, for the listening reply: low mood
("so tired of everything") or the body's needs ("i dont even eat properly"). Words of harm are
read before this, by bot/services/crisis.py; nothing here replaces that check."""

from __future__ import annotations

from typing import Literal

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize

__all__ = ["BodyNeed", "body_need", "low_mood"]

BodyNeed = Literal["eat", "sleep", "sick"]


class _ListeningData(DataModel):
    low_mood: Regex
    body: dict[BodyNeed, Regex]


_DATA = load_data(DATA_DIR / "listening.yaml", _ListeningData)


def low_mood(text: str) -> bool:
    """Worn out, hopeless or flat, told ("yaar i am just so tired of everything")."""
    return _DATA.low_mood.search(normalize(text)) is not None


def body_need(text: str) -> BodyNeed | None:
    """The body's need a message tells of: not eating, not sleeping, feeling sick; None if
    none. Eating first: it is the one most easily forgotten."""
    norm = normalize(text)
    return next((need for need, p in _DATA.body.items() if p.search(norm) is not None), None)
