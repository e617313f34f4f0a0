"""Contact told in words (bot/services/slips.py told_a_slip): a slip heard, not an urge."""

from __future__ import annotations

import pytest

from bot.services.slips import told_a_slip


@pytest.mark.parametrize("text", [
    "i picked up. we talked 10 mins",
    "he called and i picked up",
    "i picked up his call",
    "hey how are you. that's all i sent",
    "all i sent was hi",
    "i texted him last night, just said i miss u",
])
def test_contact_told_is_a_slip(text: str) -> None:
    assert told_a_slip(text)


@pytest.mark.parametrize("text", [
    "i picked up my stuff from his flat",
    "i picked up the kids",
    "he picked up",
    "i never picked up",
    "because i called him every day and he never answered",
])
def test_other_words_are_not(text: str) -> None:
    assert not told_a_slip(text)
