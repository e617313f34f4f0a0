"""Train the word model under the crisis check (bot/services/crisis_words.py).

    .venv/bin/python scripts/train_crisis_words.py          # rewrite the weights file
    .venv/bin/python scripts/train_crisis_words.py --check  # exit 1 if the file is stale

A naive Bayes model over the normalised words and word pairs of short messages, trained on
the labelled crisis sets (their crisis messages against their ordinary ones) and on the FAQ
sets' questions (ordinary). Only tuning material: the held-out rounds named in HELD_OUT are
never read, so the figures bench/crisis.py prints for them stay honest. Words or pairs seen
fewer than MIN_COUNT times are dropped. The output is sorted and rounded, so the same data
always gives the same file (tests/unit/test_crisis_words.py retrains and compares).
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.crisis_words import DATA_FILE, model_features  # noqa: E402
from bot.services.textnorm import normalize  # noqa: E402

CRISIS_SETS = (
    "tests/data/crisis_labelled.yaml",
    *(f"tests/data/crisis_tuning_{n}.yaml"
      for n in ("r8", "r15a", "r15b", "r21a", "r26a", "r26b", "r27a", "r27b", "r28a",
                "r28b", "r29a", "r29b", "r30a", "r31a", "r32a", "r32b",
                "r32c", "r33a", "r34a", "r38a")),
    *(f"tests/data/heldout/crisis_r{n}.yaml" for n in range(5, 41)),
)
ORDINARY_SETS = (
    "tests/data/faq_labelled.yaml",
    *(f"tests/data/faq_tuning_{n}.yaml" for n in ("r7", "r9a", "r10a", "r15a", "r20a", "r21a",
                                                   "r22a", "r22b", "r23a", "r24a", "r39a")),
    *(f"tests/data/heldout/faq_r{n}.yaml" for n in range(3, 34)),
)
# Until round 22 the model learnt from rounds 5 to 10 only (training on round 11 had moved
# round 12 the wrong way by one message) and from words and adjacent pairs. Learning from
# every round but one and measuring on the one left out (rounds 14 to 21 in turn, 864 crisis
# and 864 ordinary messages), with the threshold set where 11 ordinary messages score above
# it: words and pairs flagged 714 crisis messages; adding pairs one word apart and runs of
# three, 754; with smoothing 0.25 instead of 1, 778 (threshold 22.6). FAQ questions flagged
# that way: 2 of 1,146 (FAQ rounds 10 to 15 in turn). docs/crisis.md, "Round 22". The rounds
# held out now are never read.
HELD_OUT = (
    "tests/data/heldout/crisis_r41.yaml",
    "tests/data/heldout/crisis_r42.yaml",
    "tests/data/heldout/faq_r34.yaml",
    "tests/data/heldout/crisis_r43.yaml",
    "tests/data/heldout/faq_r37.yaml",
    "tests/data/heldout/crisis_r44.yaml",
    "tests/data/heldout/faq_r38.yaml",
    "tests/data/heldout/crisis_r45.yaml",
    "tests/data/heldout/faq_r39.yaml",
    "tests/data/heldout/crisis_r46.yaml",
    "tests/data/heldout/faq_r40.yaml",
    "tests/data/heldout/crisis_r47.yaml",
    "tests/data/heldout/faq_r41.yaml",
    "tests/data/heldout/faq_r50.yaml",
    "tests/data/heldout/crisis_r48.yaml",
    "tests/data/heldout/crisis_r49.yaml",
    "tests/data/heldout/crisis_r51.yaml",
    "tests/data/heldout/crisis_r52.yaml",
    "tests/data/heldout/faq_r52.yaml",
    "tests/data/heldout/crisis_r53.yaml",
    "tests/data/heldout/faq_r53.yaml",
    "tests/data/heldout/crisis_r54.yaml",
    "tests/data/heldout/faq_r54.yaml",
    "tests/data/heldout/crisis_r55.yaml",
    "tests/data/heldout/faq_r55.yaml",
    "tests/data/heldout/crisis_r56.yaml",
    "tests/data/heldout/faq_r56.yaml",
    "tests/data/heldout/crisis_r57.yaml",
    "tests/data/heldout/faq_r57.yaml",
    "tests/data/heldout/crisis_r58.yaml",
    "tests/data/heldout/faq_r58.yaml",
    "tests/data/heldout/crisis_r59.yaml",
    "tests/data/heldout/faq_r59.yaml",
)
# Round 43 (thirtieth session): learning tuning sets crisis r43a and FAQ r43a as well was
# measured and not landed: it reached every message of r43a it learnt, but lost one crisis
# message of held-out round 43 (98 of 108 reached instead of 99) and asked gently about one more
# ordinary message of round 36. The two sets are rules' tuning material only.
MIN_COUNT = 2
# Round 23: runs of five letters as well, smoothing 0.1, threshold 56.1. Chosen on rounds 14
# to 22, each left out in turn (972 crisis and 972 ordinary messages), counting what the
# rules reach too. At the threshold where 11 ordinary messages score above it: words alone
# (smoothing 0.25, round 22's model) 946 of 972 reached, 6 of round 22's missed (the one
# round whose rules were not tuned on it); with runs of five letters 952, 3; at smoothing
# 0.1, 954, 3 (runs of four and five 953, of five and six 952; 0.05 the same as 0.1). That
# threshold (48.5) checked three of the test suite's ordinary messages ("because i deserve
# better", a Spanish headache pill), so it stands where 5 ordinary messages score above it:
# 949 reached, 4 of round 22's missed, still ahead of round 22's model at 11. FAQ questions
# flagged at 48.5: 3 of 1,146 (FAQ rounds 10 to 16 in turn). docs/crisis.md, "Round 23".
# Round 24: it learns from round 23 and FAQ round 17 as well. Rounds 15 to 23 left out in
# turn put the threshold where 5 ordinary messages score above it at 55.5, so 56.1 stays (4
# above it; 946 of 972 crisis messages reached with the rules, 4 of round 23's missed).
# Round 25: round 24 and FAQ round 18 as well; rounds 16 to 24 left out in turn put 6
# ordinary messages above 56.1 (5 above 57.7), so it stays. Asking the model only about
# messages in English was tried there: 934 of 972 reached instead of 946, for two fewer
# ordinary messages checked; not landed.
# Round 26: round 25, FAQ round 19 and tuning sets 26a and 26b as well. Rounds 17 to 25 and
# the two sets left out in turn (1,188 crisis and 1,188 ordinary messages) put 13 ordinary
# messages above 56.1 (1.1%), 1,162 crisis messages reached with the rules, so it stays.
# Logistic regression over the same features (weights a sum like these, trained by gradient
# steps) was tried there: where 5 to 40 ordinary messages scored above its threshold it
# flagged 806 to 954 crisis messages alone against naive Bayes' 883 to 959; not landed.
# Round 27: round 26, tuning sets 27a and 27b and FAQ set 20a as well. Rounds 18 to 26 and
# the four sets left out in turn (1,404 and 1,404) put 22 ordinary messages above 56.1 (1.6%),
# 1,368 crisis messages reached with the rules, so it stays.
# Round 29: round 28, tuning sets 29a and 29b and FAQ sets 22a and 22b as well. Rounds 18 to
# 28 and the nine sets left out in turn (2,196 and 2,196) put 30 ordinary messages above 56.1
# by the model alone (67 checked in all), 2,148 crisis messages reached with the rules (2,159
# and 82 at 45); other smoothing, letter runs and minimum counts moved reached by at most 6 at
# the same number checked, so it stays (docs/crisis.md, "Round 29").
LETTERS = 5
ALPHA = 0.1  # additive smoothing, chosen with the threshold and LETTERS
THRESHOLD = 56.1
MAX_WORDS = 80  # longer messages are left to the rules: a long sum drifts with length
# Session 32: the sum drifts with length well before 80 words (a 68-word vent with no risk in
# it scored 190). Tuning set r45a (300 long ordinary messages and 100 long crisis ones, never
# learnt) measured the model as it stands: past 30 words, 2 more per word moved r45a from 90
# crisis messages reached and 78 ordinary checked to 89 and 47, and rounds 18 to 40 with the
# tuning sets, each left out in turn, from 4,628 and 160 to 4,628 and 158 (docs/crisis.md,
# "Session 32"). Learning r45a as well was measured and not taken: its two halves, each left
# out in turn, kept 74 of 300 ordinary messages checked.
LENGTH_SLOPE = 2.0
LENGTH_FROM = 30


def _texts(path: str) -> tuple[list[str], list[str]]:
    data: dict[str, Any] = yaml.safe_load((ROOT / path).read_text("utf-8"))
    crisis = [item["text"] for item in data.get("crisis") or []]
    ordinary = [item["text"] for item in data.get("ordinary") or []]
    if path in ORDINARY_SETS:
        for section in data.values():
            if isinstance(section, list):
                ordinary += [item["text"] for item in section if isinstance(item, dict)
                             and isinstance(item.get("text"), str)]
    return crisis, ordinary


def build() -> dict[str, Any]:
    counts = (Counter[str](), Counter[str]())  # ordinary, crisis
    totals = [0, 0]
    for path in CRISIS_SETS + ORDINARY_SETS:
        assert path not in HELD_OUT
        crisis, ordinary = _texts(path)
        for label, texts in ((1, crisis), (0, ordinary)):
            for text in texts:
                tokens = normalize(text).split()
                counts[label].update(model_features(tokens, LETTERS))
                totals[label] += 1
    weights: dict[str, float] = {}
    for feature in sorted(set(counts[0]) | set(counts[1])):
        if counts[0][feature] + counts[1][feature] < MIN_COUNT:
            continue
        p_crisis = (counts[1][feature] + ALPHA) / (totals[1] + 2 * ALPHA)
        p_ordinary = (counts[0][feature] + ALPHA) / (totals[0] + 2 * ALPHA)
        weight = round(math.log(p_crisis / p_ordinary), 3)
        if weight:
            weights[feature] = weight
    return {
        "about": "Word model under the crisis check; written by scripts/train_crisis_words.py",
        "sources": list(CRISIS_SETS + ORDINARY_SETS),
        "messages": {"crisis": totals[1], "ordinary": totals[0]},
        "threshold": THRESHOLD,
        "max_words": MAX_WORDS,
        "length_slope": LENGTH_SLOPE,
        "length_from": LENGTH_FROM,
        "letters": LETTERS,
        "weights": weights,
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    text = render(build())
    if "--check" in sys.argv[1:]:
        stale = not DATA_FILE.exists() or DATA_FILE.read_text("utf-8") != text
        print("stale: run scripts/train_crisis_words.py" if stale else "up to date")
        return 1 if stale else 0
    DATA_FILE.write_text(text, "utf-8")
    print(f"wrote {DATA_FILE.relative_to(ROOT)}: {len(json.loads(text)['weights'])} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
