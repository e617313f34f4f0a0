"""Requests for something else that FAQ round 19 showed answered (read only after it was
measured), in new words: suing, refinancing, an account's card and password. Their in-scope
look-alikes (the bills, the lease, a password changed to stop checking) are still answered."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.faq import FaqMatcher
from bot.services.reading import read_text

_MATCHER = FaqMatcher(list(load_content().faq_entries.values()))


@pytest.mark.parametrize(
    "text",
    [
        "can i sue my ex in small claims for the concert tickets",
        "how do i refinance the car loan into my name only",
        "how do i kick him off my netflix and change the password",
        "how can i take out a loan to cover the rent he left me with",
    ],
)
def test_a_legal_money_or_account_task_is_declined(text: str) -> None:
    reading = read_text(text, _MATCHER)
    assert reading.declined, text


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("how do we split the bills now that we broke up", "shared-home"),
        ("the lease is in both our names, what do i do", "shared-home"),
        ("should i change my instagram password so i stop checking his profile",
         "stop-checking"),
    ],
)
def test_their_look_alikes_are_still_answered(text: str, answer: str) -> None:
    reading = read_text(text, _MATCHER)
    assert not reading.declined, text
    assert reading.match.kind == "answer"
    assert reading.match.ids[0] == answer
