"""Answers that are not answers: unsure, or a question back."""

from __future__ import annotations

import pytest

from bot.services.hedges import hedge_of


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("idk", "unsure"),
        ("I don't know", "unsure"),
        ("i don’t remember", "unsure"),
        ("no idea honestly", "unsure"),
        ("whenever", "unsure"),
        ("you choose", "unsure"),
        ("why do you need this?", "question"),
        ("what's it for?", "question"),
        ("why do u need that", "question"),
        ("whats that for", "question"),
        ("Narnia", None),
        ("banana", None),
        ("", None),
    ],
)
def test_hedges(text: str, hedge: str | None) -> None:
    assert hedge_of(text) == hedge
