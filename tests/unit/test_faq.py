"""The FAQ: content/faq.yaml is complete and valid, and free text finds the right answer."""

from __future__ import annotations

import copy
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import tghtml
from bot.services.faq import (
    CONCEPT_TOKENS,
    FaqContentError,
    FaqEntry,
    FaqMatch,
    FaqMatcher,
    analyze,
    entries_from_content,
    topics_from_content,
    validate_faq_content,
)
from bot.services.textnorm import normalize

ROOT = Path(__file__).resolve().parents[2]
FAQ = yaml.safe_load((ROOT / "content" / "faq.yaml").read_text("utf-8"))
LABELLED = yaml.safe_load((ROOT / "tests" / "data" / "faq_labelled.yaml").read_text("utf-8"))
IN_SCOPE: list[dict[str, Any]] = LABELLED["in_scope"]
HELD_OUT: list[dict[str, Any]] = LABELLED["held_out"]
# A second held-out round, written after later matcher changes and never tuned on.
FRESH: list[dict[str, Any]] = LABELLED["held_out_fresh"]
OUT_OF_SCOPE: list[dict[str, Any]] = LABELLED["out_of_scope"]
NEAR_MISS: list[dict[str, Any]] = LABELLED["near_miss"]
# Session 3: confusable pairs and the four new answers (tuned on), plus later check batches.
TUNING_R3: list[dict[str, Any]] = [
    *LABELLED["tuning_r3"],
    *LABELLED["tuning_r3_dev"],
    *LABELLED["tuning_r3_dev2"],
    *LABELLED["tuning_r3_dev3"],
]
# Session 4: the kinds of wording round 3 missed, in several Englishes (tuned on).
TUNING_R4: list[dict[str, Any]] = LABELLED["tuning_r4_dev"]
LISTEN: list[dict[str, Any]] = LABELLED["listen"]

# Every idea of the source article and every question people really ask has its own entry.
REQUIRED_IDS = {
    "what-is-nc", "how-long", "move-on", "come-back", "is-it-a-game", "nc-ends",
    "healing", "clarity", "independence", "boundaries", "rollercoaster",
    "loneliness", "urge", "mixed-signals", "social-media", "second-thoughts",
    "apologize", "friends-later", "every-different", "get-help",
    "they-texted", "liked-post", "should-reply", "someone-new", "block-mute",
    "delete-photos", "mutual-friends", "work-together", "kids", "pets", "shared-home",
    "occasions", "i-left", "doubt-decision", "lonely-night", "tell-people", "slip",
    "stop-checking", "drunk-text", "closure-letter", "friends-now", "in-danger",
}  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> FaqMatcher:
    return FaqMatcher(entries_from_content(FAQ))


def _ids() -> set[str]:
    return {e.id for e in entries_from_content(FAQ)}


# -- content -------------------------------------------------------------------------------


def test_faq_content_is_valid_and_complete() -> None:
    content = validate_faq_content(FAQ)
    entries = entries_from_content(content)
    assert 6 <= len(content.topics) <= 9
    assert len(entries) >= 40
    assert {e.id for e in entries} >= REQUIRED_IDS
    assert all(len(e.phrasings) >= 6 for e in entries)


def test_topics_list_every_question_once() -> None:
    topics = topics_from_content(FAQ)
    listed = [qid for t in topics for qid in t.question_ids]
    assert sorted(listed) == sorted(_ids())
    assert all(len(t.id) <= 20 for t in topics)


def test_follow_ups_point_somewhere_real() -> None:
    ids = _ids()
    for entry in entries_from_content(FAQ):
        if entry.next and entry.next.startswith("faq:"):
            assert entry.next[4:] in ids


def test_come_back_answer_promises_nothing() -> None:
    entry = next(e for e in entries_from_content(FAQ) if e.id == "come-back")
    text = " ".join(entry.answer).lower()
    assert "nobody can promise" in text or "no guarantee" in text


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["topics"][0]["questions"].append(
            copy.deepcopy(d["topics"][0]["questions"][0])), "duplicate question id"),
        (lambda d: d["topics"][0]["questions"][0].update(next="faq:nope"), "names no question"),
        (lambda d: d["topics"][0]["questions"][0].update(next="later"), "next"),
        (lambda d: d["topics"][0]["questions"][0].update(answer=["x" * 701]), "answer"),
        (lambda d: d["topics"][0]["questions"][0].update(answer=["<u>hi</u>"]), "not allowed"),
        (lambda d: d["topics"][0]["questions"][0].update(answer=["fish & chips"]), "&amp;"),
        (lambda d: d["topics"][0]["questions"][0].update(phrasings=["a", "b"]), "phrasings"),
        (lambda d: d["topics"][0]["questions"][0].update(id="Bad Id!"), "id"),
        (lambda d: d["topics"][0].update(title="x" * 33), "title"),
        (lambda d: d["smalltalk"].pop("bye"), "bye"),
    ],
)
def test_broken_faq_names_the_bad_field(mutate: Any, needle: str) -> None:
    data = copy.deepcopy(FAQ)
    mutate(data)
    with pytest.raises(FaqContentError) as info:
        validate_faq_content(data)
    assert needle in str(info.value)
    assert "content/faq.yaml" in str(info.value)


def test_phrase_concepts_are_stable() -> None:
    # A concept emitted by a phrase rule must survive the synonym and stemming pass.
    for token in CONCEPT_TOKENS:
        assert analyze(token) in ([token], [])


# -- labelled set ---------------------------------------------------------------------------


def test_labelled_set_is_big_enough_and_points_at_real_questions() -> None:
    assert len(IN_SCOPE) + len(HELD_OUT) >= 150
    assert len(OUT_OF_SCOPE) >= 25
    assert len(NEAR_MISS) >= 15
    ids = _ids()
    for item in IN_SCOPE + HELD_OUT + FRESH + TUNING_R3 + TUNING_R4:
        assert item["expect"] in ids, item
        assert set(item.get("accept", [])) <= ids, item
    for item in OUT_OF_SCOPE + NEAR_MISS:
        assert item["expect"] == "none", item
        assert set(item.get("accept", [])) <= ids, item


def test_labelled_texts_are_not_copied_from_the_phrasings() -> None:
    taught = {normalize(p) for e in entries_from_content(FAQ) for p in (e.title, *e.phrasings)}
    labelled = IN_SCOPE + HELD_OUT + FRESH + OUT_OF_SCOPE + NEAR_MISS + TUNING_R3 + TUNING_R4
    for item in labelled + LISTEN:
        assert normalize(item["text"]) not in taught, item["text"]


def _answered_right(matcher: FaqMatcher, items: list[dict[str, Any]]) -> float:
    ok = 0
    for item in items:
        m = matcher.match(item["text"])
        ok += m.kind == "answer" and m.ids[0] == item["expect"]
    return ok / len(items)


def test_in_scope_top1_accuracy(matcher: FaqMatcher) -> None:
    # Only confident answers count; a right first suggestion does not.
    assert _answered_right(matcher, IN_SCOPE + HELD_OUT) >= 0.90
    assert _answered_right(matcher, IN_SCOPE) >= 0.90


def test_held_out_is_answered_or_suggested(matcher: FaqMatcher) -> None:
    # Written after tuning: answered right, or right as the first "Did you mean" button.
    answered = _answered_right(matcher, HELD_OUT)
    first = sum(matcher.match(i["text"]).ids[:1] == (i["expect"],) for i in HELD_OUT)
    assert answered >= 0.70
    assert first / len(HELD_OUT) >= 0.90


def test_fresh_held_out_round_holds_its_measured_level(matcher: FaqMatcher) -> None:
    """Phrasings first measured untuned (17/30 answered right, 7/30 answered wrong).

    Session 3 used this round's misses for diagnosis, so it is no longer a clean held-out
    round (tests/data/heldout/faq_r3.yaml is; see test_faq_heldout.py). A guard, not a
    quality claim: a confident wrong answer is the matcher's worst outcome.
    """
    answered = _answered_right(matcher, FRESH)
    wrong = sum(
        m.kind == "answer" and m.ids[0] != i["expect"]
        for i in FRESH
        for m in [matcher.match(i["text"])]
    )
    assert answered >= 0.55
    assert wrong / len(FRESH) <= 0.25


def _reached(item: dict[str, Any], m: FaqMatch) -> bool:
    return not {item["expect"], *item.get("accept", [])}.isdisjoint(m.ids)


def test_session3_set_is_reached_and_rarely_wrong(matcher: FaqMatcher) -> None:
    # Reached: the right id is the answer or one of the "Did you mean" buttons.
    matches = [(i, matcher.match(i["text"])) for i in TUNING_R3]
    reached = sum(_reached(i, m) for i, m in matches)
    wrong = sum(m.kind == "answer" and not _reached(i, m) for i, m in matches)
    assert reached / len(matches) >= 0.93
    assert wrong / len(matches) <= 0.02


def test_session4_set_is_reached_and_rarely_wrong(matcher: FaqMatcher) -> None:
    matches = [(i, matcher.match(i["text"])) for i in TUNING_R4]
    reached = sum(_reached(i, m) for i, m in matches)
    wrong = sum(m.kind == "answer" and not _reached(i, m) for i, m in matches)
    assert reached / len(matches) >= 0.97
    assert wrong / len(matches) <= 0.01


def test_listening_messages_are_not_answered_confidently(matcher: FaqMatcher) -> None:
    quiet = sum(matcher.match(i["text"]).kind != "answer" for i in LISTEN)
    assert quiet / len(LISTEN) >= 0.80


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how long until i stop missing her", "pain_easing"),
        ("how long should no contact last for me", "how-long"),
        ("i want to call him so badly", "urge"),
        ("will she come back after nc", "come-back"),
        ("how do i get my stuff back from him", "getting_things_back"),
        ("i drunk texted him last night", "drunk_text_sent"),
        ("im drunk and about to text him", "drunk-text"),
        ("should i tell him before i go no contact", "apologize_before_nc"),
        ("when can i talk to her again", "nc-ends"),
        ("will he come crawling back", "come-back"),
        ("she kept my charger, how do i get it back", "getting_things_back"),
        ("i texted him drunk last night", "drunk_text_sent"),
        ("i texted him this morning", "slip"),
        ("what do i say if she messages me", "should-reply"),
        ("she sent me a meme out of nowhere", "they-texted"),
        ("he keeps saying we should stay mates", "friends-now"),
        ("could we be friends a few years from now", "friends-later"),
        ("is it ok to send a sorry text and then go no contact", "apologize_before_nc"),
        ("do i owe her an apology for cheating", "apologize"),
        ("is commenting on his post breaking nc", "what-counts"),
        ("she commented on my post", "liked-post"),
        # round 8's phrase rules (docs/faq.md): a drunk message sent "after a bottle", their
        # calls, a call about to be made, how long "this" lasts, advice passed on
        ("sent him a novel after a bottle of wine, now what", "drunk_text_sent"),
        ("she rang again last night and i let it ring out, what now", "they-texted"),
        ("im about to text her, someone talk me out of it", "urge"),
        ("how long should i keep this up", "how-long"),
        ("is there an end date for nc", "how-long"),
        ("what counts", "what-counts"),
        ("my mum keeps telling me to go no contact, what does that even mean", "what-is-nc"),
        # their words told are them reaching out; asking the bot to reach them is the urge
        ("he said he misses me", "they-texted"),
        ("she texted me that she still loves me", "they-texted"),
        ("can you text him for me", "urge"),
        # blaming oneself is the hurt asking, not a doubt about the break-up
        ("why am i like this", "why-hurts"),
        ("what is wrong with me", "why-hurts"),
        # whether the pain lasts, asked without "when" or "how long"
        ("will it always feel like this", "pain_easing"),
        ("will this feeling ever go away", "pain_easing"),
    ],
)
def test_confusable_pairs_keep_apart(matcher: FaqMatcher, text: str, expected: str) -> None:
    m = matcher.match(text)
    assert m.ids[:1] == (expected,), m
    assert m.kind == "answer" or expected in m.ids


def test_a_distinct_subject_the_best_answer_lacks_asks_instead(matcher: FaqMatcher) -> None:
    # "threats" is the in-danger subject even though "messaging me" looks like they-texted.
    m = matcher.match("she keeps messaging me threats")
    assert m.kind == "suggest"
    assert "in-danger" in m.ids


@pytest.mark.parametrize(
    "text",
    [
        "she blocked me. after everything.",  # news about them, not "should I block?"
        "i miss the way she laughed",  # a memory told
        "cried in the car again",  # a scene told
        "he was my first love",  # shares only "love" and "him" with any answer
        "sobbing on the bus home again",  # a scene told
    ],
)
def test_what_is_told_is_not_answered_confidently(matcher: FaqMatcher, text: str) -> None:
    assert matcher.match(text).kind != "answer"


@pytest.mark.parametrize(
    "text",
    ["good name for a kitten?", "how long do dogs live", "how do i unblock the sink",
     "when does the shop close", "can i bring my dog to the office"],
)
def test_everyday_life_without_them_is_out_of_scope(matcher: FaqMatcher, text: str) -> None:
    assert matcher.match(text).kind == "none"


def test_out_of_scope_is_refused(matcher: FaqMatcher) -> None:
    refused = sum(matcher.match(i["text"]).kind == "none" for i in OUT_OF_SCOPE)
    assert refused / len(OUT_OF_SCOPE) >= 0.90


@pytest.mark.parametrize(
    "text",
    ["what's the weather", "write me python code", "who won the match", "recipe for pancakes",
     "will it stop raining soon"],
)
def test_named_out_of_scope_examples_are_refused(matcher: FaqMatcher, text: str) -> None:
    m = matcher.match(text)
    assert (m.kind, m.ids) == ("none", ())


def test_near_misses_are_refused_or_fairly_answered(matcher: FaqMatcher) -> None:
    ok = 0
    for item in NEAR_MISS:
        m = matcher.match(item["text"])
        ok += m.kind == "none" or m.ids[0] in item.get("accept", [])
    assert ok / len(NEAR_MISS) >= 0.80


# -- matcher behaviour ---------------------------------------------------------------------


def test_direction_of_contact_matters(matcher: FaqMatcher) -> None:
    assert matcher.match("my ex texted me last night").ids[:1] == ("they-texted",)
    assert matcher.match("I texted my ex last night").ids[:1] == ("slip",)


def test_typos_are_repaired(matcher: FaqMatcher) -> None:
    assert matcher.match("shoud i unfolow him on instagarm").ids[:1] == ("block-mute",)
    # Repaired words are read by the phrase rules too: "i caled him" is a message sent.
    assert matcher.match("i mised him so much i caled him").ids[:1] == ("slip",)


def test_answers_do_not_share_a_closing_formula() -> None:
    """Voice: a small step in words that fit the answer, or none; never one stock ending."""
    endings: dict[str, str] = {}
    for entry in entries_from_content(FAQ):
        text = tghtml.to_plain(entry.answer[-1]).strip()
        for formula in ("Right now:", "For the next five minutes:", "In the next five minutes:"):
            assert formula not in " ".join(entry.answer), (entry.id, formula)
        last = re.split(r"(?<=[.!?…])\s+", text)[-1].lower()
        assert last not in endings, (entry.id, endings.get(last), last)
        endings[last] = entry.id


def test_suggestions_are_one_to_three_distinct_ids(matcher: FaqMatcher) -> None:
    for item in IN_SCOPE + HELD_OUT + FRESH + NEAR_MISS + TUNING_R3 + LISTEN:
        m = matcher.match(item["text"])
        if m.kind == "suggest":
            assert 1 <= len(m.ids) <= 3
            assert len(set(m.ids)) == len(m.ids)
        elif m.kind == "answer":
            assert len(m.ids) == 1
        else:
            assert m.ids == ()


def test_empty_and_blank_text_is_none(matcher: FaqMatcher) -> None:
    for text in ("", "   ", "?!", "🙂"):
        assert matcher.match(text).kind == "none"


def test_matcher_needs_entries() -> None:
    with pytest.raises(ValueError, match="at least one entry"):
        FaqMatcher([])


def test_tiny_matcher_works() -> None:
    entries = [
        FaqEntry("a", "t", "Pets", ("who keeps the dog", "shared cat")),
        FaqEntry("b", "t", "Kids", ("we have children", "custody of our son")),
    ]
    assert FaqMatcher(entries).match("who gets the dog after the breakup").ids == ("a",)


def test_matching_is_fast(matcher: FaqMatcher) -> None:
    texts = [i["text"] for i in IN_SCOPE + HELD_OUT + OUT_OF_SCOPE + NEAR_MISS]
    for t in texts:  # warm the typo cache, as a running bot would be
        matcher.match(t)
    start = time.perf_counter()
    for t in texts:
        matcher.match(t)
    mean = (time.perf_counter() - start) / len(texts)
    assert mean < 0.002


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_match_never_raises(text: str) -> None:
    m = FaqMatcher_shared().match(text)
    assert m.kind in ("answer", "suggest", "none")


_SHARED: list[FaqMatcher] = []


def FaqMatcher_shared() -> FaqMatcher:  # noqa: N802 - a cached factory for hypothesis
    if not _SHARED:
        _SHARED.append(FaqMatcher(entries_from_content(FAQ)))
    return _SHARED[0]
