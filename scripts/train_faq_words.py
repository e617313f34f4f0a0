"""Count the labelled FAQ questions for the matcher's second opinion (bot/services/faq_words.py).

    .venv/bin/python scripts/train_faq_words.py          # rewrite the counts file
    .venv/bin/python scripts/train_faq_words.py --check  # exit 1 if the file is stale

For every labelled question of the FAQ's tuning material (the labelled set, the tuning sets,
and the held-out rounds that became tuning material), the features of its text (words, word
pairs, runs of three) are counted under the question it asks (the first id it expects); the
requests for something else under ELSEWHERE, the messages that ask nothing under TOLD. The
content's own phrasings are not counted here: the matcher adds them when it is built. The
rounds named in HELD_OUT are never read, so bench/faq.py's figures for them stay honest. The
output is sorted, so the same data always gives the same file
(tests/unit/test_faq_words.py compares).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.crisis_words import features  # noqa: E402
from bot.services.faq_words import DATA_FILE, ELSEWHERE, TOLD, tokens  # noqa: E402

SETS = (
    "tests/data/faq_labelled.yaml",
    *(f"tests/data/faq_tuning_{n}.yaml" for n in ("r7", "r9a", "r10a", "r15a", "r20a", "r21a",
                                                   "r22a", "r22b", "r23a", "r24a", "r39a")),
    *(f"tests/data/heldout/faq_r{n}.yaml" for n in range(3, 34)),
)
SECTIONS = ("in_scope", "held_out", "held_out_fresh", "new_answers")
# Two classes beside the questions: clear requests for something else (trivia, code,
# shopping) and messages that ask nothing (feelings, news, "day 3"), so the model can also
# tell a request the FAQ should decline (bot/services/faq_words.py, ELSEWHERE).
OTHER_SECTIONS = {"out_of_scope": ELSEWHERE, "listen": TOLD}
HELD_OUT = (
    "tests/data/heldout/faq_r34.yaml",
    "tests/data/heldout/faq_r35.yaml",
    "tests/data/heldout/faq_r36.yaml",
    "tests/data/heldout/faq_r37.yaml",
    "tests/data/heldout/faq_r38.yaml",
    "tests/data/heldout/faq_r39.yaml",
    "tests/data/heldout/faq_r40.yaml",
    "tests/data/heldout/faq_r41.yaml",
    "tests/data/heldout/faq_r50.yaml",
    "tests/data/heldout/faq_r52.yaml",
    "tests/data/heldout/faq_r53.yaml",
    "tests/data/heldout/faq_r54.yaml",
    "tests/data/heldout/faq_r55.yaml",
    "tests/data/heldout/faq_r56.yaml",
    "tests/data/heldout/crisis_r57.yaml",
    "tests/data/heldout/faq_r57.yaml",
    "tests/data/heldout/crisis_r58.yaml",
    "tests/data/heldout/faq_r58.yaml",
    "tests/data/heldout/crisis_r59.yaml",
    "tests/data/heldout/faq_r59.yaml",
)
# Chosen by leaving each of FAQ rounds 10 to 15 out in turn (786 questions; README.md,
# "Benchmarks").
ALPHA = 0.1
MIN_COUNT = 2


def labelled(path: str) -> list[tuple[str, str]]:
    data: dict[str, Any] = yaml.safe_load((ROOT / path).read_text("utf-8"))
    found = []
    for section in SECTIONS:
        for item in data.get(section) or []:
            expect = item.get("expect")
            if not expect or expect == "none":
                continue
            first = expect if isinstance(expect, str) else expect[0]
            found.append((item["text"], str(first)))
    for section, label in OTHER_SECTIONS.items():
        found += [(item["text"], label) for item in data.get(section) or []]
    return found


def build(sets: tuple[str, ...] = SETS) -> dict[str, Any]:
    messages: Counter[str] = Counter()
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for path in sets:
        assert path not in HELD_OUT
        for text, qid in labelled(path):
            messages[qid] += 1
            for feature in features(tokens(text)):
                counts[feature][qid] += 1
    return {
        "about": "Labelled FAQ questions counted by scripts/train_faq_words.py",
        "sources": list(sets),
        "alpha": ALPHA,
        "min_count": MIN_COUNT,
        "messages": dict(sorted(messages.items())),
        "counts": {f: dict(sorted(per.items())) for f, per in sorted(counts.items())},
    }


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    text = render(build())
    if "--check" in sys.argv[1:]:
        stale = not DATA_FILE.exists() or DATA_FILE.read_text("utf-8") != text
        print("stale: run scripts/train_faq_words.py" if stale else "up to date")
        return 1 if stale else 0
    DATA_FILE.write_text(text, "utf-8")
    model = json.loads(text)
    print(f"wrote {DATA_FILE.relative_to(ROOT)}: {sum(model['messages'].values())} questions, "
          f"{len(model['counts'])} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
