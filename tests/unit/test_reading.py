"""Reading free text once: urges, questions, feelings, emoji, a bare "?", off-topic requests."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.faq import FaqMatcher
from bot.services.reading import command_word, is_skip, read_text, struggle_kind

CONTENT = load_content()
MATCHER = FaqMatcher(list(CONTENT.faq_entries.values()))


@pytest.mark.parametrize(
    "text",
    ["write me a python script to sort a list", "what is the capital of france",
     "whats the weather tomorrow in london", "can you help me buy shoes online",
     "translate this into spanish please", "tell me a joke"],
)
def test_clear_requests_for_something_else_are_off_topic(text: str) -> None:
    assert read_text(text, MATCHER).off_topic


@pytest.mark.parametrize(
    "text",
    ["i miss him so much", "he keeps begging me to come back and sending long paragraphs",
     "should i reply to her text", "i cant sleep again", "my ex still has my stuff"],
)
def test_breakup_talk_is_never_off_topic(text: str) -> None:
    assert not read_text(text, MATCHER).off_topic


def test_emoji_only_is_a_feeling_and_a_bare_question_mark_is_a_question() -> None:
    emoji = read_text("😭😭😭💔", MATCHER)
    assert emoji.emoji_only
    assert emoji.feeling
    bare = read_text("??", MATCHER)
    assert bare.bare_question
    assert not bare.emoji_only


@pytest.mark.parametrize(
    ("text", "kind"),
    [("i want to text her so badly", "reach"), ("i just miss him", "miss"),
     ("feeling lonely tonight", "miss"), ("work was awful and im tired", "heavy"),
     ("idk", "heavy")],
)
def test_struggle_kind(text: str, kind: str) -> None:
    assert struggle_kind(text) == kind


def test_an_answerable_question_wants_its_own_reply_and_a_number_does_not() -> None:
    assert read_text("how long should no contact last?", MATCHER).wants_its_own_reply
    assert not read_text("7", MATCHER).wants_its_own_reply


@pytest.mark.parametrize(
    ("text", "skip"),
    [("skip", True), ("Skip for now", True), ("not now", True), ("no thanks", True),
     ("later", True), ("I want my peace back", False), ("no contact forever", False),
     ("skip the drama, i want peace", False)],
)
def test_skip_in_words(text: str, skip: bool) -> None:
    assert is_skip(text) is skip


@pytest.mark.parametrize(
    ("typed", "command"),
    [("actually unpause", ("resume", "")), ("ok resume", ("resume", "")),
     ("now you pause everything i said", None)],
)
def test_a_command_word_after_a_filler(typed: str, command: tuple[str, str] | None) -> None:
    assert command_word(typed) == command
