"""The held-out round (tests/data/heldout/crisis_r6.yaml), as floors and ceilings.

The round was written by someone who never saw the rules and is never tuned on. These tests
pin the figures measured once, at the end of round 6 (bench/crisis.py), so they cannot
silently get worse; raise a floor (lower a ceiling) when a change improves it. Round 5 was
the held-out round before; it has been measured and moved into the tuned set
(tests/data/crisis_labelled.yaml), covered by tests/unit/test_crisis.py. Nothing here prints
a message's text: assertions compare counts only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.crisis import detect_crisis, mentions_harm

HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "heldout" / "crisis_r6.yaml"

# Measured once at the end of round 6 (see docs/crisis.md); targets in brackets.
REACHED_MIN = 72  # of 95 crisis messages reach help: a signal or "strong" [95]
FULL_MIN = 62  # of 95 get a full signal
EXPLICIT_MIN = 33  # of 53 explicit ones get level "explicit" [53]
SPECIAL_KIND_MIN = 15  # of 21 danger / other_at_risk get the right kind [21]
FULL_ALARMS_MAX = 2  # of 97 ordinary get a full signal [0]
STRONG_ALARMS_MAX = 7  # of 97 ordinary get "strong" [<= 4, i.e. 5%: not met]


@pytest.fixture(scope="module")
def figures() -> dict[str, int]:
    if not HELDOUT.exists():
        pytest.skip("held-out round not present")
    data: dict[str, Any] = yaml.safe_load(HELDOUT.read_text("utf-8"))
    f = dict.fromkeys(
        (
            "crisis",
            "reached",
            "full",
            "explicit",
            "explicit_right",
            "special",
            "special_right",
            "ordinary",
            "full_alarms",
            "strong_alarms",
        ),
        0,
    )
    for item in data["crisis"]:
        signal = detect_crisis(item["text"])
        f["crisis"] += 1
        f["full"] += signal is not None
        f["reached"] += signal is not None or mentions_harm(item["text"]) == "strong"
        if item.get("level") == "explicit":
            f["explicit"] += 1
            f["explicit_right"] += signal is not None and signal.level == "explicit"
        if item["kind"] != "self_harm":
            f["special"] += 1
            f["special_right"] += signal is not None and signal.kind == item["kind"]
    for item in data["ordinary"]:
        f["ordinary"] += 1
        f["full_alarms"] += detect_crisis(item["text"]) is not None
        f["strong_alarms"] += mentions_harm(item["text"]) == "strong"
    return f


def test_the_round_is_the_one_measured(figures: dict[str, int]) -> None:
    assert (figures["crisis"], figures["ordinary"]) == (95, 97)
    assert (figures["explicit"], figures["special"]) == (53, 21)


def test_crisis_messages_reaching_help_do_not_drop(figures: dict[str, int]) -> None:
    assert figures["reached"] >= REACHED_MIN
    assert figures["full"] >= FULL_MIN


def test_explicit_levels_do_not_drop(figures: dict[str, int]) -> None:
    assert figures["explicit_right"] >= EXPLICIT_MIN


def test_danger_and_other_at_risk_kinds_do_not_drop(figures: dict[str, int]) -> None:
    assert figures["special_right"] >= SPECIAL_KIND_MIN


def test_false_alarms_do_not_rise(figures: dict[str, int]) -> None:
    assert figures["full_alarms"] <= FULL_ALARMS_MAX
    assert figures["strong_alarms"] <= STRONG_ALARMS_MAX
