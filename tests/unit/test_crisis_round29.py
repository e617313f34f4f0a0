"""Rules written in the sixteenth session, from round 28's misses and tuning set 29a (flat
voice, the crisis buried in a long message, danger told only by what happened, the ex at risk
told by a friend), in new words, and their harmless look-alikes. Kept out of
tests/data/crisis_labelled.yaml on purpose: the word model learns from that file, and these
are here to test the rules alone."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, mentions_harm


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("made up my mind, i'm doing it on sunday while everyone's at church", "self_harm",
         "explicit"),
        ("sorted out who gets my guitar and the records. my brother doesn't know yet",
         "self_harm", "passive"),
        ("took the cat round to my mum's for good. said it's just for the week", "self_harm",
         "passive"),
        ("already picked the songs i want at my funeral, it's all written down", "self_harm",
         "passive"),
        ("she still has a key to my place and my drawers were gone through while i was at "
         "work", "danger_from_other", "explicit"),
        ("his mate says he's in hospital after taking an overdose", "other_at_risk",
         "explicit"),
        ("she's been giving all her stuff away and told her sister she won't be a burden to "
         "anyone much longer", "other_at_risk", "explicit"),
        ("he sent me a photo of the bridge at 2am and then 'sorry'. now nothing",
         "other_at_risk", "explicit"),
    ],
)
def test_round_29s_tuning_in_new_words_is_caught(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == (kind, level), signal


@pytest.mark.parametrize(
    "text",
    [
        # hyperbole and a fresh start
        "i'd rather jump off a bridge than sit through his sister's wedding speech",
        "if my landlord sends one more passive aggressive email i'm jumping off the balcony",
        "ending it all tonight: the group chats, the apps, everything. fresh start",
        "i'd rather die than let her see me cry at the party",
        # everyday look-alikes of the new rules
        "decided i'm doing it on the 14th, the half marathon, wish me luck",
        "we sat down with the mediator and wrote down who gets the dog",
        "gave the dog to my parents for good because of my landlord",
        "my nan passed and i picked the songs i want at the funeral for her",
        "my mum has a spare key, my plants were moved, she watered them while i was away",
        "he's in hospital after the car crash, his mum told me",
        "she's been giving her stuff away before moving abroad",
        "he posted a photo of the bridge at sunset on his story",
        "stood on the edge of the cliff walk for photos, so windy",
        "cut myself shaving and it won't stop bleeding",
        "won't be here next week, off to my cousin's wedding",
    ],
)
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "the same grey car has been parked at the end of my road every night this week",
        "she knew about my new flat before i'd told anyone, and she's been outside it twice",
    ],
)
def test_signs_of_being_watched_are_asked_about_on_the_danger_path(text: str) -> None:
    from bot.services.crisis import harm_kind

    assert mentions_harm(text) == "strong", text
    assert harm_kind(text) == "danger_from_other"


@pytest.mark.parametrize(
    "text",
    [
        "burned my wrist on the oven getting the pie out",
        "the same delivery van is parked outside every morning, amazon again",
    ],
)
def test_everyday_look_alikes_are_not_asked_about(text: str) -> None:
    assert mentions_harm(text) != "strong", text
