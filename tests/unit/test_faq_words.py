"""The FAQ matcher's second opinion (bot/services/faq_words.py) and how the matcher uses it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from bot.core.content import load_content
from bot.services.faq import FaqEntry, FaqMatcher
from bot.services.faq_words import (
    DATA_FILE,
    ELSEWHERE,
    TOLD,
    LabelledCounts,
    WordVotes,
    load_counts,
)
from bot.services.reading import read_text
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_content()
ENTRIES = list(CONTENT.faq_entries.values())


def _trainer() -> ModuleType:
    return load_script("scripts/train_faq_words.py")


def test_the_shipped_counts_are_what_the_trainer_writes() -> None:
    trainer = _trainer()
    assert DATA_FILE.read_text("utf-8") == trainer.render(trainer.build())


def test_the_held_out_round_is_never_counted() -> None:
    trainer = _trainer()
    sources = json.loads(DATA_FILE.read_text("utf-8"))["sources"]
    assert not set(sources) & set(trainer.HELD_OUT)
    rounds = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "data" / "heldout").glob(
        "faq_r*.yaml")}
    assert rounds - set(sources) <= set(trainer.HELD_OUT)


def test_every_question_of_the_content_is_known_from_labelled_messages() -> None:
    counts = load_counts()
    assert {e.id for e in ENTRIES} <= set(counts.messages)


def _votes(phrasings: dict[str, list[str]]) -> WordVotes:
    return WordVotes(phrasings, LabelledCounts(messages={}, counts={}, alpha=0.1, min_count=1))


def test_votes_follow_the_words_people_use() -> None:
    votes = _votes({"pets": ["who keeps the dog", "our cat"], "kids": ["custody of our son"]})
    assert votes.rank("who gets the dog")[0][0] == "pets"
    assert votes.rank("custody of our son after the breakup")[0][0] == "kids"
    assert votes.rank("quantum chromodynamics") == []  # nothing it knows: no vote


def test_a_question_new_in_the_content_is_still_found() -> None:
    # the model knows a new question only from its few phrasings, so it rarely picks it; it
    # must not stand in the way of the matcher, which finds it
    tattoo = FaqEntry("tattoo", "you", "A tattoo of their name",
                      ("should i cover up the tattoo of his name", "tattoo of her initials"))
    matcher = FaqMatcher([*ENTRIES, tattoo])
    got = matcher.match("can i get the tattoo of his name covered up")
    assert got.ids[0] == "tattoo"


@pytest.fixture(scope="module")
def matcher() -> FaqMatcher:
    return FaqMatcher(ENTRIES)


@pytest.fixture(scope="module")
def alone() -> FaqMatcher:
    return FaqMatcher(ENTRIES, second_opinion=False)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # tuning rounds' questions that the matcher alone answered wrongly with confidence
        ("how long until i wake up and she isnt the first thing in my head", "how-long",
         "pain_easing"),
        ("do exes usually return after a month of nothing? asking for me", "nc-ends",
         "come-back"),
        ("he sent 'u up?' at 1am. reply or no 🙃", "lonely-night", "should-reply"),
    ],
)
def test_a_confident_answer_the_model_doubts_becomes_a_choice(
    matcher: FaqMatcher, alone: FaqMatcher, text: str, wrong: str, right: str
) -> None:
    assert alone.match(text).kind == "answer"
    assert alone.match(text).ids == (wrong,)
    got = matcher.match(text)
    assert got.kind == "suggest"
    assert got.ids == (wrong, right)
    # still a question the FAQ answers: inside a flow it is not taken as the step's answer
    assert got.doubted
    assert got.answered
    assert read_text(text, matcher).wants_its_own_reply


@pytest.mark.parametrize(
    "text",
    [
        "how long should no contact last",
        # the model leans to mixed signals, not by enough to overrule ("he said he misses me"
        # was the example until round 33's retraining; it is offered both answers now)
        "my ex said she misses me",
        "should i text him",
    ],
)
def test_a_small_doubt_leaves_the_answer_alone(
    matcher: FaqMatcher, alone: FaqMatcher, text: str
) -> None:
    assert matcher.match(text) == alone.match(text)
    assert matcher.match(text).kind == "answer"


@pytest.mark.parametrize(
    "text", ["whats the capital of australia", "recipe for banana bread", "lol", "ok"]
)
def test_a_decline_stays_a_decline(matcher: FaqMatcher, alone: FaqMatcher, text: str) -> None:
    assert alone.match(text).kind != "answer"
    if alone.match(text).kind == "none":
        assert matcher.match(text).kind == "none"


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        ("when am i allowed to end no contact", ("what-counts", "second-thoughts"),
         ("what-counts", "second-thoughts", "how-long")),
        ("so i messaged \"i miss u\" and he replied \"ok\". i feel so stupid. what now",
         ("nc-ends", "loneliness", "should-reply"), ("nc-ends", "loneliness", "slip")),
    ],
)
def test_suggestions_keep_their_lead_and_gain_the_models_pick(
    matcher: FaqMatcher, alone: FaqMatcher, text: str, before: tuple[str, ...],
    after: tuple[str, ...]
) -> None:
    assert alone.match(text).kind == "suggest"
    assert alone.match(text).ids == before
    assert matcher.match(text).kind == "suggest"
    assert matcher.match(text).ids == after  # at most three: the last gives way
    assert not matcher.match(text).doubted  # offered before, offered still


def test_a_matcher_on_questions_the_model_never_saw_goes_without_it() -> None:
    entries = [
        FaqEntry("a", "t", "Pets", ("who keeps the dog", "shared cat")),
        FaqEntry("b", "t", "Kids", ("we have children", "custody of our son")),
    ]
    assert FaqMatcher(entries).match("who gets the dog after the breakup").ids == ("a",)


# Requests for something else that the rules of reading.py do not see, and that no labelled
# round holds: the word model's ELSEWHERE class declines them kindly.
@pytest.mark.parametrize("text", ["recommend me a book", "whats 15% of 80",
                                  "best pizza place near me?"])
def test_a_request_for_something_else_the_rules_miss_is_declined(
    matcher: FaqMatcher, alone: FaqMatcher, text: str
) -> None:
    assert not read_text(text, alone).declined  # the rules alone: not declined
    reading = read_text(text, matcher)
    assert reading.match.elsewhere
    assert reading.declined
    assert reading.help_in_reach  # the model's decline is not a placing: help stays in reach


@pytest.mark.parametrize("text", ["i miss him so much", "cant stop crying tonight",
                                  "day 3 and i want to text her", "😭😭",
                                  "my mom says i should just move on"])
def test_a_message_that_asks_nothing_is_never_declined(matcher: FaqMatcher, text: str) -> None:
    assert not read_text(text, matcher).declined


def test_a_request_that_speaks_of_harm_is_not_declined(matcher: FaqMatcher) -> None:
    reading = read_text(
        "whats the best way to give away my cat, wont need anyone to feed her soon", matcher
    )
    assert reading.match.elsewhere  # read as a request for something else...
    assert reading.harm == "strong"
    assert not reading.declined  # ...but it speaks of not being around: never declined


def test_the_model_knows_requests_for_something_else_and_messages_that_ask_nothing() -> None:
    counts = load_counts()
    assert counts.messages[ELSEWHERE] >= 500
    assert counts.messages[TOLD] >= 500
    votes = WordVotes({e.id: e.phrasings for e in ENTRIES}, counts)
    assert votes.opinion("what is the capital of peru").elsewhere > 0
    assert votes.opinion("will he ever come back to me").elsewhere < 0
    assert all(qid not in (ELSEWHERE, TOLD) for qid, _ in votes.rank("tell me a joke"))
    assert votes.opinion("zzzzqqq").elsewhere == float("-inf")


def test_the_models_decline_over_an_answer_keeps_help_in_reach(matcher: FaqMatcher) -> None:
    answered = read_text("how long should no contact last", matcher)
    assert answered.match.kind == "answer"
    assert not answered.help_in_reach  # a question placed with confidence
    # the same answer, had the word model read a request for something else: declined,
    # and a guess is no placing
    guessed = replace(answered, elsewhere=True)
    assert guessed.declined
    assert guessed.help_in_reach
    assert not replace(answered, off_topic=True).help_in_reach  # the rules' decline places


def test_a_question_left_unplaced_is_guessed_only_when_the_model_is_clear(
    matcher: FaqMatcher, alone: FaqMatcher
) -> None:
    text = "i keep wondering if we shouldve tried harder. did i mess up by ending it"
    assert alone.match(text).kind == "none"  # the matcher alone cannot place it
    reading = read_text(text, matcher)
    assert reading.match.kind == "none"  # still not answered...
    assert reading.guess == "doubt-decision"  # ...but offered as the one guess
    assert reading.help_in_reach  # a guess is no placing
    votes = WordVotes({e.id: e.phrasings for e in ENTRIES}, load_counts())
    assert votes.opinion(text).lead > 8.0
    # the same words told, not asked: no guess (a feeling is heard, not "did you mean")
    told = read_text("we shouldve tried harder. i messed up by ending it", matcher)
    assert told.guess is None


def test_no_guess_over_a_decline_harm_or_an_answer(matcher: FaqMatcher) -> None:
    assert read_text("recommend me a book", matcher).guess is None
    assert read_text("how long should no contact last", matcher).guess is None
    harm = read_text("how do i make it stop for good, i have the pills here", matcher)
    assert harm.harm is not None
    assert harm.guess is None


def test_an_answer_to_a_statement_read_as_telling_is_offered_not_given(
    matcher: FaqMatcher, alone: FaqMatcher
) -> None:
    # FAQ tuning set 23a: told, not asked, and answered outright by the matcher alone
    text = "i really thought she was the one"
    assert alone.match(text).kind == "answer"
    votes = WordVotes({e.id: e.phrasings for e in ENTRIES}, load_counts())
    assert votes.opinion(text).told > 0  # "asks nothing" leads every question
    reading = read_text(text, matcher)
    assert reading.match.leans_told
    assert reading.heard_first  # heard, the answer offered under the reply
    # a question the matcher answers leans the other way, and is answered
    asked = read_text("how long should no contact last", matcher)
    assert votes.opinion("how long should no contact last").told < 0
    assert not asked.match.leans_told
    assert not asked.heard_first
    assert votes.opinion("zzzzqqq").told == float("-inf")
