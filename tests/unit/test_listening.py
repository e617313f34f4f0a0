"""Low mood and the body's needs, told: read from the words, never from a question."""

from __future__ import annotations

import pytest

from bot.services.listening import body_need, low_mood


@pytest.mark.parametrize(
    "text",
    ["yaar i am just so tired of everything", "whats the point", "i feel so numb",
     "im exhausted", "so fed up with all of this", "nothing matters anymore",
     "cant get out of bed"],
)
def test_low_mood_told(text: str) -> None:
    assert low_mood(text)


@pytest.mark.parametrize(
    "text",
    ["i miss him so much", "i am done with him", "im done", "i feel so stupid",
     "i am tired of waiting for his text? no", "he cheated on me with my best friend"],
)
def test_not_low_mood(text: str) -> None:
    assert not low_mood(text)


@pytest.mark.parametrize(
    ("text", "need"),
    [("i dont even eat properly", "eat"), ("i havent eaten all day", "eat"),
     ("no appetite at all", "eat"), ("i cant sleep", "sleep"), ("up all night again", "sleep"),
     ("i feel sick", "sick"), ("i feel so nauseous", "sick"),
     ("i havent slept and i barely eat", "eat")],
)
def test_body_needs_told(text: str, need: str) -> None:
    assert body_need(text) == need


@pytest.mark.parametrize(
    "text", ["i feel sick of him", "im sick and tired of his games", "we used to eat out a lot"]
)
def test_not_body_needs(text: str) -> None:
    assert body_need(text) is None
