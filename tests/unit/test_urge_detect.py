"""detect_urge: 100% on the labelled set, sane normalisation, never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.urge_detect import detect_urge, normalise

DATA = Path(__file__).resolve().parents[1] / "data" / "urge_labelled.yaml"


def _load() -> dict[str, list[str]]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {"positive": list(raw["positive"]), "negative": list(raw["negative"])}


LABELLED = _load()


def test_labelled_set_is_big_enough_and_clean() -> None:
    assert len(LABELLED["positive"]) >= 40
    assert len(LABELLED["negative"]) >= 40
    every = [t.casefold() for t in LABELLED["positive"] + LABELLED["negative"]]
    assert len(every) == len(set(every)), "a phrasing is listed twice"


@pytest.mark.parametrize("text", LABELLED["positive"])
def test_positive(text: str) -> None:
    assert detect_urge(text) is True, normalise(text)


@pytest.mark.parametrize("text", LABELLED["negative"])
def test_negative(text: str) -> None:
    assert detect_urge(text) is False, normalise(text)


def test_accuracy_is_total() -> None:
    wrong = [t for t in LABELLED["positive"] if not detect_urge(t)]
    wrong += [t for t in LABELLED["negative"] if detect_urge(t)]
    assert wrong == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I  WANT   to TEXT him", "i want to text him"),
        ("i wanna txt ur bf rn", "i want to text your boyfriend right now"),
        ("Gonna msg my gf", "going to message my girlfriend"),
        ("I’m sooooo close", "i'm so close"),
        ("Él está aquí", "el esta aqui"),
        ("I do not want to", "i don't want to"),
        ("ngl i wanna call her", "i want to call her"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I really want to téxt him",  # accents
        "I REALLY WANT TO TEXT HIM!!!",  # shouting
        "i wanna txt him",  # slang
        "i   want    to   call    her",  # spacing
        "i’m about to call him",  # curly apostrophe
    ],
)
def test_robust_spellings(text: str) -> None:
    assert detect_urge(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to text him", True),
        ("I don't want to text him", False),
        ("I do not want to text him", False),
        ("I really don't want to call her", False),
        ("I'm not sure if I should text him", True),  # the "not" belongs to "sure"
        ("I want to text him but I won't", False),  # the last thought decides
        ("I don't want to text him but I need to", True),
        ("I was about to text him", False),  # past
        ("he wants to text me", False),  # someone else
        ("I want to call jake", False),  # names are not guessed
    ],
)
def test_negation_subject_and_tense(text: str, expected: bool) -> None:
    assert detect_urge(text) is expected


def test_empty_and_blank() -> None:
    assert detect_urge("") is False
    assert detect_urge("   \n\t ") is False


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    assert detect_urge(text) in (True, False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["i", "want", "to", "text", "him", "not", "don't", "but", "should", "just", "call",
             "her", ",", "my", "ex", "so", "close", "urge", "is", "strong", "won't", "?"]
        ),
        max_size=30,
    )
)
def test_never_raises_on_word_salad(words: list[str]) -> None:
    assert detect_urge(" ".join(words)) in (True, False)


def test_long_input_is_fast_enough() -> None:
    text = "I want to text him so bad but " * 500
    assert detect_urge(text) in (True, False)


@pytest.mark.parametrize(
    "text",
    ["one text wont hurt right", "i could just send a quick hi",
     "whats the harm in one message", "one little message to him won't matter"],
)
def test_talking_oneself_into_it_is_an_urge(text: str) -> None:
    assert detect_urge(text) is True, normalise(text)


@pytest.mark.parametrize("text", ["she sent a quick hi", "he texted me hi this morning"])
def test_their_hi_is_not_my_urge(text: str) -> None:
    assert detect_urge(text) is False, normalise(text)


@pytest.mark.parametrize("text", [
    "can i ask her to give back my laptop",  # belongings asked back
    "he owes me 500 quid can i text him about it",  # money owed
    "how do i remind her about the deposit",
    "my dog died and he loved that dog, should i tell him",  # news they may need
    "his nan passed away, should i message him",
])
def test_logistics_are_not_an_urge(text: str) -> None:
    assert detect_urge(text) is False


def test_wanting_to_text_them_is_still_an_urge_next_to_those_words() -> None:
    assert detect_urge("i want to text him so bad, i miss him") is True
