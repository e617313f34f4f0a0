"""The FAQ held-out round (tests/data/heldout/faq_r3.yaml), as floors and ceilings.

The round was written by someone who never saw the matcher and is never tuned on. These
tests pin the figures measured once after session 3 (bench/faq.py, "AFTER") so they cannot
silently get worse; tighten a bound when a change improves it. Nothing here prints a
message's text: assertions compare counts only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.faq import FaqMatcher, entries_from_content

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "data" / "heldout" / "faq_r3.yaml"
FAQ = ROOT / "content" / "faq.yaml"

sys.path.insert(0, str(ROOT))
from bench.faq import heldout_figures  # noqa: E402

# Measured once after session 3 (BEFORE in brackets; issue targets after "target"). The
# AFTER figures miss two targets (reached 92/108, 85%; confidently wrong 11/108, 10%): these
# bounds guard the measured level, they do not claim the targets are met.
ASKED = 108  # in_scope + new_answers
REACHED_MIN = 92  # answer or "Did you mean" holds an expected id [79] (target >= 103, 95%)
RIGHT_MIN = 80  # confident answer is an expected id [72]
WRONG_MAX = 11  # confident answer that is not [20] (target <= 5, 5%)
OOS = 24
DECLINED_MIN = 23  # out of scope, kind "none" [23] (target >= 23, 95%)
LISTEN = 29
QUIET_MIN = 23  # listen items not answered confidently [24]


@pytest.fixture(scope="module")
def figures() -> dict[str, int]:
    if not HELDOUT.exists():
        pytest.skip("held-out round not present")
    data: dict[str, Any] = yaml.safe_load(HELDOUT.read_text("utf-8"))
    matcher = FaqMatcher(entries_from_content(yaml.safe_load(FAQ.read_text("utf-8"))))
    return heldout_figures(matcher, data)


def test_the_round_is_the_one_measured(figures: dict[str, int]) -> None:
    assert (figures["asked"], figures["oos"], figures["listen"]) == (ASKED, OOS, LISTEN)


def test_right_answers_are_reached(figures: dict[str, int]) -> None:
    assert figures["reached"] >= REACHED_MIN
    assert figures["right"] >= RIGHT_MIN


def test_confident_wrong_answers_stay_rare(figures: dict[str, int]) -> None:
    assert figures["wrong"] <= WRONG_MAX


def test_out_of_scope_is_declined(figures: dict[str, int]) -> None:
    assert figures["declined"] >= DECLINED_MIN


def test_listening_messages_are_not_answered(figures: dict[str, int]) -> None:
    assert figures["quiet"] >= QUIET_MIN
