"""Requests for something else that FAQ round 19 showed answered (read only after it was
measured), in new words: suing, refinancing, an account's card and password. Their in-scope
look-alikes (the bills, the lease, a password changed to stop checking) are still answered."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.faq import FaqMatcher, is_question
from bot.services.reading import read_text
from bot.services.textnorm import normalize

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


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("my bestie said 30 days, tiktok said 90. whats the actual number of days", True),
        ("he moved out last week. how do i stop checking his stories", True),
        ("we broke up in may! should i unfollow his sister", True),
        ("cried all day. was a mess.", False),
        ("day 3. want to call her", False),
        ("i miss him. whatever.", False),
    ],
)
def test_a_question_after_a_story_is_a_question(text: str, asks: bool) -> None:
    # Tuning set 20a: a question in a later sentence was read as something told, heard
    # first with the answer only offered.
    assert is_question(text, normalize(text)) is asks
