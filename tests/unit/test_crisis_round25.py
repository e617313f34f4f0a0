"""Rules written in the thirteenth session from round 24's misses, in new words, and their
harmless look-alikes. Kept out of tests/data/crisis_labelled.yaml on purpose: the word model
learns from that file, and these are here to test the rules alone."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, mentions_harm


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("lost him, lost the house, feels like my turn to go now", "self_harm", "passive"),
        ("told my gp i lost my meds so i could get more. i didnt lose them", "self_harm",
         "explicit"),
        ("relapsed again, long sleeves all summer i guess", "self_harm", "passive"),
        ("left a card on his doorstep. he'll read it after", "self_harm", "passive"),
        ("i feel like such a dead weight to everyone", "self_harm", "passive"),
        ("honestly i can only see one exit now", "self_harm", "passive"),
        ("going to sleep praying tomorrow just doesnt come", "self_harm", "passive"),
        ("my ex just posted a status that reads like a suicide note, what do i do",
         "other_at_risk", "explicit"),
    ],
)
def test_round_24s_misses_in_new_words_are_caught(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == (kind, level)


@pytest.mark.parametrize(
    "text",
    [
        "its my turn to go first at the quiz lol",
        "relapsed and checked his insta again, back to day 1",
        "wrote a card for mums birthday, she'll open it after dinner",
        "the escape room only had one way out and we couldnt find it",
        "hoping tomorrow doesnt come too fast, i love weekends",
        "he's coming for me at 8 to get his stuff",
        "vet says the puppy is fine, nowhere near an overdose from the raisins",
    ],
)
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


def test_tomorrow_not_coming_is_no_threat_from_someone() -> None:
    signal = detect_crisis("going to bed hoping tomorrow just doesnt come for me")
    assert signal is not None
    assert signal.kind == "self_harm"  # not "danger_from_other" ("coming for me")
    assert mentions_harm("my ex said he is coming for me tonight and i am scared") is not None
    threat = detect_crisis("my ex said he is coming for me tonight and i am scared")
    assert threat is not None
    assert threat.kind == "danger_from_other"
