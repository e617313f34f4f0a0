"""Rules written in the fifteenth session, from round 27's misses and tuning sets 28a (flat,
tired writers; the crisis buried in practical talk or behind a dark joke) and 28b (a crisis
told as logistics), in new words, and their harmless look-alikes. Kept out of
tests/data/crisis_labelled.yaml on purpose: the word model learns from that file, and these
are here to test the rules alone."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.textnorm import normalize


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("i figured out when. friday, after my shift", "self_harm", "explicit"),
        ("been quietly planning my exit. the bridge by the depot", "self_harm", "explicit"),
        ("honestly the plan this weekend is to not be around by sunday", "self_harm",
         "explicit"),
        ("cancelled my broadband. no need for it after", "self_harm", "passive"),
        ("gave the rest to the charity shop, one jumper left, that's all i'll need",
         "self_harm", "passive"),
        ("hoping for a massive stroke in my sleep tbh", "self_harm", "passive"),
        ("some nights i just want to close my eyes and not wake up again", "self_harm",
         "passive"),
        ("existence is a subscription i want to cancel lol", "self_harm", "passive"),
        ("selling everything, everything has to go, including me lol", "self_harm", "passive"),
        ("the notes are under my pillow for whoever finds them", "self_harm", "passive"),
        ("she's parked outside my work again, just watching the door", "danger_from_other",
         "explicit"),
        ("he texted me that he took some pills and he's sorry", "other_at_risk", "explicit"),
        ("left a note for my sister on the kitchen table. goodbye", "self_harm", "explicit"),
        ("i wont be here by morning", "self_harm", "explicit"),
    ],
)
def test_round_28s_tuning_in_new_words_is_caught(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == (kind, level), signal


@pytest.mark.parametrize(
    "text",
    [
        "finally figured out when the bus comes on saturday",
        "figured out when saturday's match kicks off",
        "planned my exit from the company, new job in march",
        "my plan this weekend is to not leave the sofa",
        "new phone arrives friday, no need for the old one after that",
        "packed a toothbrush and a book, that's all i'll need for the weekend",
        "praying for a heart attack for him, the cheating rat lol",
        "put my affairs in order for tax season, receipts all sorted",
        "that stand-up special had me dying",
        "the holiday bled me dry, skint till payday",
        "bought a chef's knife for the new flat",
        "the bowline still beats me, sailing course is hard",
        "last message in the old work group chat before i leave friday",
        "starving to death, haven't eaten since lunch",
        "sat on the cliffs with a flask and watched the surfers, nice day",
        "my uber was parked outside for ages waiting for me",
        "my mum said she took something for her headache",
        # found reading the rules back: the same shapes in everyday words
        "hoping for a stroke of luck with this interview",
        "my plan is to not be around him at all this christmas",
        "my plan for christmas is to not be here, flying to spain",
        "my life insurance is a rip off, i want to cancel it",
        "saw her car parked outside the gym again",
    ],
)
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


def test_a_goodbye_alone_keeps_the_gentle_check() -> None:
    # only a note or a last message left beside it brings the numbers first
    signal = detect_crisis("thank you for everything. goodbye")
    assert signal is not None
    assert signal.level == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "that stand-up special had me dying",
        "the holiday bled me dry, skint till payday",
        "bought a chef's knife for the new flat",
        "the bowline still beats me, sailing course is hard",
        "starving to death, haven't eaten since lunch",
        "practising knots for sailing, the bowline still beats me",
    ],
)
def test_everyday_look_alikes_are_not_asked_about(text: str) -> None:
    assert mentions_harm(text) != "strong", text


def test_scots_spellings_read_as_english() -> None:
    assert normalize("ah just want tae be deid") == "ah just want to be dead"
    signal = detect_crisis("ah just want tae be deid")
    assert signal is not None
    assert signal.kind == "self_harm"
    # "o" (of) stays out of the slang table ("o well"), read only where "of" would be
    asked = detect_crisis("whit's the point o bein alive noo")
    assert asked is not None
    assert asked.kind == "self_harm"
    assert normalize("o well") == "o well"
