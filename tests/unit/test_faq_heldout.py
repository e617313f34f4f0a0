"""The FAQ held-out round (tests/data/heldout/faq_r4.yaml), as floors and ceilings.

The round was written by someone who never saw the matcher and is never tuned on. These
tests pin the figures measured once after session 4's tuning (bench/faq.py) so they cannot
silently get worse; tighten a bound when a change improves it. Nothing here prints a
message's text: assertions compare counts only. (Round 3, held out before it, is now tuning
material; its figures are printed by bench/faq.py as "r3 (tuned)".)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.faq import FaqMatcher, entries_from_content

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "data" / "heldout" / "faq_r4.yaml"
FAQ = ROOT / "content" / "faq.yaml"

sys.path.insert(0, str(ROOT))
from bench.faq import heldout_figures  # noqa: E402

# Measured once after session 4's tuning (BEFORE it in brackets; issue targets after
# "target"). Two targets are missed (reached 116/130, 89%; out of scope declined 27/30, 90%):
# these bounds guard the measured level, they do not claim the targets are met.
ASKED = 130  # in_scope + new_answers
REACHED_MIN = 116  # answer or "Did you mean" holds an expected id [109] (target >= 124, 95%)
RIGHT_MIN = 100  # confident answer is an expected id [96]
WRONG_MAX = 3  # confident answer that is not [9] (target <= 6, 5%)
OOS = 30
DECLINED_MIN = 27  # out of scope, kind "none" [26] (target >= 29, 95%)
LISTEN = 30
QUIET_MIN = 19  # listen items not answered confidently [18]


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
