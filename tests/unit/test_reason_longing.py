"""A feeling typed where a reason for No Contact was asked for is heard, not saved."""

from __future__ import annotations

import pytest

from bot.services.reasons import sounds_like_longing


@pytest.mark.parametrize(
    "text",
    ["i miss him so much it hurts", "I love her", "i still want him", "it hurts so bad",
     "i just need them", "i miss us", "i cant stop thinking about her", "im so lonely"],
)
def test_longing_is_not_a_reason(text: str) -> None:
    assert sounds_like_longing(text)


@pytest.mark.parametrize(
    "text",
    ["I want my peace back", "he cheated", "i deserve better",
     "i miss her but she lied to me for a year", "because i want to heal",
     "he made me feel small", "to sleep without checking my phone", ""],
)
def test_reasons_are_kept(text: str) -> None:
    assert not sounds_like_longing(text)
