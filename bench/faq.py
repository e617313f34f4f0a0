"""Benchmark the FAQ matcher: accuracy on the labelled set and time per question.

Run: .venv/bin/python bench/faq.py [--misses]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.services.faq import FaqMatch, FaqMatcher, entries_from_content  # noqa: E402

FAQ_PATH = ROOT / "content" / "faq.yaml"
LABELLED_PATH = ROOT / "tests" / "data" / "faq_labelled.yaml"


def _near_miss_ok(item: dict[str, Any], m: FaqMatch) -> bool:
    return m.kind == "none" or (m.ids[0] in item.get("accept", []))


def main() -> int:
    show_misses = "--misses" in sys.argv
    matcher = FaqMatcher(entries_from_content(yaml.safe_load(FAQ_PATH.read_text("utf-8"))))
    labelled = yaml.safe_load(LABELLED_PATH.read_text("utf-8"))

    labelled["all_in_scope"] = [
        *(labelled.get("in_scope") or []),
        *(labelled.get("held_out") or []),
        *(labelled.get("held_out_fresh") or []),
    ]
    for section in ("in_scope", "held_out", "held_out_fresh", "all_in_scope"):
        items = labelled.get(section) or []
        if not items:
            continue
        answered = soft = suggested = wrong = 0
        for item in items:
            m = matcher.match(item["text"])
            wrong += m.kind == "answer" and m.ids[0] != item["expect"]
            if m.kind == "answer" and m.ids[0] == item["expect"]:
                answered += 1
            elif m.kind == "suggest" and m.ids[0] == item["expect"]:
                soft += 1
            elif show_misses and section != "all_in_scope":
                print(f"  MISS [{section}] {item['text']!r}: want {item['expect']}, got {m}")
            suggested += m.kind == "suggest"
        n = len(items)
        print(
            f"{section:14s} n={n:3d}  top-1 (answered right) {answered / n:6.1%}  "
            f"+ right first suggestion {soft / n:5.1%}  suggestion rate {suggested / n:5.1%}"
            f"  answered wrong {wrong / n:5.1%}"
        )

    for section in ("out_of_scope", "near_miss"):
        items = labelled.get(section) or []
        ok = 0
        for item in items:
            m = matcher.match(item["text"])
            if _near_miss_ok(item, m):
                ok += 1
            elif show_misses and section != "all_in_scope":
                print(f"  MISS [{section}] {item['text']!r}: got {m}")
        n = len(items)
        label = "refused" if section == "out_of_scope" else "refused or acceptable"
        print(f"{section:14s} n={n:3d}  {label} {ok / n:6.1%}")

    texts = [
        item["text"]
        for section in ("in_scope", "held_out", "out_of_scope", "near_miss")
        for item in labelled.get(section) or []
    ]
    # Warm-up pass fills the typo cache the way a running bot would after a while;
    # the cold pass is timed separately on a fresh matcher.
    cold = FaqMatcher(entries_from_content(yaml.safe_load(FAQ_PATH.read_text("utf-8"))))
    cold_times = []
    for t in texts:
        start = time.perf_counter_ns()
        cold.match(t)
        cold_times.append((time.perf_counter_ns() - start) / 1000)
    times: list[float] = []
    for _ in range(20):
        for t in texts:
            start = time.perf_counter_ns()
            matcher.match(t)
            times.append((time.perf_counter_ns() - start) / 1000)
    times.sort()
    cold_times.sort()
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"timing       {len(times)} matches: mean {statistics.fmean(times):.0f} us, "
        f"p99 {p99:.0f} us; first (cold cache) pass mean {statistics.fmean(cold_times):.0f} us, "
        f"max {cold_times[-1]:.0f} us (budget 2000 us)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
