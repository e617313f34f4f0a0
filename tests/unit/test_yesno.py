"""Typed answers to yes/no questions."""

from __future__ import annotations

import pytest

from bot.services.yesno import yes_or_no


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", True), ("Yes, I texted him", True), ("yeah", True), ("ok", True), ("y", True),
     ("no", False), ("Nope.", False), ("nah keep it", False), ("don't", False),
     ("not now", False), ("what?", None), ("maybe", None), ("", None),
     ("yesterday", None), ("nothing happened", None)],
)
def test_yes_or_no(text: str, expected: bool | None) -> None:
    assert yes_or_no(text) is expected
