"""The rules each round of tuning wrote, in new words, and their harmless look-alikes
(tests/data/crisis_rule_cases.yaml, one section per round). Kept out of
tests/data/crisis_labelled.yaml on purpose: the word model learns from that file, and these
test the rules alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.crisis import detect_crisis, harm_kind, mentions_harm
from bot.services.textnorm import normalize

CASES: dict[str, dict[str, list[Any]]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "crisis_rule_cases.yaml").read_text("utf-8")
)


def _cases(key: str) -> list[Any]:
    return [
        pytest.param(item, id=f"{round_}-{i}")
        for round_, section in CASES.items()
        for i, item in enumerate(section.get(key) or [])
    ]


def test_every_section_is_a_known_kind_of_case() -> None:
    known = {"caught", "no_reply", "neither", "not_asked", "asked", "asked_danger"}
    for round_, section in CASES.items():
        assert set(section) <= known, round_
        assert section.get("caught"), round_  # every round caught something new


@pytest.mark.parametrize("case", _cases("caught"))
def test_each_rounds_tuning_in_new_words_is_caught(case: dict[str, str]) -> None:
    signal = detect_crisis(case["text"])
    assert signal is not None, case["text"]
    assert (signal.kind, signal.level) == (case["kind"], case["level"]), signal


@pytest.mark.parametrize("text", _cases("no_reply") + _cases("neither"))
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize("text", _cases("not_asked") + _cases("neither"))
def test_look_alikes_in_the_net_are_not_asked_about(text: str) -> None:
    assert mentions_harm(text) != "strong", text


@pytest.mark.parametrize("text", _cases("asked") + _cases("asked_danger"))
def test_what_the_rules_leave_to_the_net_gets_the_gentle_check(text: str) -> None:
    assert mentions_harm(text) == "strong", text


@pytest.mark.parametrize("text", _cases("asked_danger"))
def test_signs_of_being_watched_are_asked_about_on_the_danger_path(text: str) -> None:
    assert harm_kind(text) == "danger_from_other", text


def test_tomorrow_not_coming_is_no_threat_from_someone() -> None:
    signal = detect_crisis("going to bed hoping tomorrow just doesnt come for me")
    assert signal is not None
    assert signal.kind == "self_harm"  # not "danger_from_other" ("coming for me")
    assert mentions_harm("my ex said he is coming for me tonight and i am scared") is not None
    threat = detect_crisis("my ex said he is coming for me tonight and i am scared")
    assert threat is not None
    assert threat.kind == "danger_from_other"


def test_a_goodbye_alone_keeps_the_gentle_check() -> None:
    # only a note or a last message left beside it brings the numbers first (round 28)
    signal = detect_crisis("thank you for everything. goodbye")
    assert signal is not None
    assert signal.level == "passive"


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
