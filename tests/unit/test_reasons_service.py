"""Edits of the list of reasons typed in words (bot/services/reasons.py typed_edit)."""

from __future__ import annotations

import pytest

from bot.services.reasons import typed_edit


@pytest.mark.parametrize(("text", "edit"), [
    ("remove the first one", ("remove", 1)),
    ("delete reason 2", ("remove", 2)),
    ("get rid of the 2nd reason", ("remove", 2)),
    ("can you remove the last one please", ("remove", -1)),
    ("remove one", ("remove", None)),
    ("add: i deserve better", ("add", "i deserve better")),
    ("Add: I Deserve Better", ("add", "I Deserve Better")),
    ("add sleep as a reason", ("add", "sleep")),
    ("add another", ("add", None)),
    ("i want to change my reason", ("change", None)),
    ("change the second one", ("change", None)),
])
def test_edits_said_in_words_are_read(text: str, edit: tuple[str, object]) -> None:
    assert typed_edit(text) == edit


@pytest.mark.parametrize("text", [
    "i want my peace back",
    "i deserve better than being ignored",
    "remove him from my life",
    "delete it",
    "add him back on insta",
    "fix the one thing i can control, me",
])
def test_reasons_and_other_words_are_not_edits(text: str) -> None:
    assert typed_edit(text) is None
