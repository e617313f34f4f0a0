"""The FAQ held-out round (tests/data/heldout/faq_r5.yaml), as floors and ceilings.

The round was written by someone who never saw the matcher and is never tuned on. These
tests pin the figures measured once after round 5's tuning (bench/faq.py, counted as the bot
replies) so they cannot silently get worse; tighten a bound when a change improves it.
Nothing here prints a message's text: assertions compare counts only. (Rounds 3 and 4, held
out before it, are tuning material now; bench/faq.py prints them as "r3/r4 (tuned)".)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.faq import FaqMatcher, entries_from_content

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "data" / "heldout" / "faq_r5.yaml"
FAQ = ROOT / "content" / "faq.yaml"

sys.path.insert(0, str(ROOT))
from bench.faq import heldout_figures  # noqa: E402

# Measured once after round 5's tuning (BEFORE it in brackets, counted by the matcher alone,
# as the bench did then; issue targets after "target"). Reached 119/130 (92%) misses the 95%
# target: these bounds guard the measured level, they do not claim the target is met. A later
# fix found in the terminal chat ("i replied already" is a slip) moved reached to 118; it
# was kept, and not mended against this round.
ASKED = 130  # in_scope + new_answers
REACHED_MIN = 118  # answer, offer or "Did you mean" holds an expected id [118] (target >= 124)
RIGHT_MIN = 93  # confident answer is an expected id [97; some answers are now offered]
WRONG_MAX = 3  # confident answer that is not [5] (target <= 6, 5%)
OOS = 30
DECLINED_MIN = 30  # out of scope, declined [29] (target >= 29, 95%)
LISTEN = 30
QUIET_MIN = 27  # listen items not answered confidently [25]


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
