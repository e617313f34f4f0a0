"""The held-out round (tests/data/heldout/crisis_r7.yaml), as floors and ceilings.

The round was written by someone who never saw the rules and is never tuned on. These tests
pin the figures measured once, after round 7's tuning (bench/crisis.py), so they cannot
silently get worse; raise a floor (lower a ceiling) when a change improves it. Rounds 5 and 6
were held out before; both have been measured and are tuning material now (round 6 is
reported on its own by bench/crisis.py). Nothing here prints a message's text: assertions
compare counts only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.crisis import detect_crisis, mentions_harm

HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "heldout" / "crisis_r7.yaml"

# Measured once after round 7's tuning (see docs/crisis.md); before it in parentheses,
# targets in brackets. Two targets are missed: 19 crisis messages do not reach help, and 2
# ordinary ones get a full signal.
REACHED_MIN = 93  # of 112 crisis messages reach help: a signal or "strong" (80) [112]
FULL_MIN = 85  # of 112 get a full signal (64)
EXPLICIT_MIN = 47  # of 69 explicit ones get level "explicit" (36) [69]
SPECIAL_KIND_MIN = 20  # of 24 danger / other_at_risk get the right kind (18) [24]
FULL_ALARMS_MAX = 2  # of 106 ordinary get a full signal (6) [0: not met]
STRONG_ALARMS_MAX = 2  # of 106 ordinary get "strong" (8) [<= 5, i.e. 5%]


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
    assert (figures["crisis"], figures["ordinary"]) == (112, 106)
    assert (figures["explicit"], figures["special"]) == (69, 24)


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
