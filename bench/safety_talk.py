"""How typed replies inside a safety conversation are read, on labelled sets.

Run: .venv/bin/python bench/safety_talk.py [--show] [--tuned-only]

Each reply is read the way bot/handlers/safety.py reads a typed message while the talk is
open (outside the plan's questions): the crisis check first, then "are you safe?" answers
(unsafe, safe, unsure), then someone named, nobody, the person not reachable, else a
listening reply ("other"). Labels: unsafe, safe, unsure, person (with the `who` said back),
no_one, unreachable, other.

"Right" per label: unsafe -> the crisis reply or "unsafe"; person -> someone named (and
"who right" when the word said back is the labelled one); other labels -> that reading;
other -> a listening reply or the crisis reply. "False safe" counts replies read as "safe"
that were not: the talk would end too early, the worst error here.

The held-out round (tests/data/heldout/safety_talk_r1.yaml, written 2026-11-30 before any
tuning) prints counts only, never a text; --show lists the tuning set's misses.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.crisis import detect_crisis  # noqa: E402
from bot.services.safety_answers import (  # noqa: E402
    asks_what_to_do,
    is_no_one,
    is_unreachable,
    person_named,
    person_near,
    read_safety_answer,
)

TUNED = ROOT / "tests" / "data" / "safety_talk_labelled.yaml"
HELDOUT = ROOT / "tests" / "data" / "heldout" / "safety_talk_r1.yaml"
LABELS = ("unsafe", "safe", "unsure", "person", "no_one", "unreachable", "other")


def reading(text: str) -> tuple[str, str | None]:
    """What the safety talk makes of a typed reply, and who is said back for a person."""
    if detect_crisis(text) is not None:
        return "crisis", None
    if asks_what_to_do(text):
        # concrete steps with the number, then "are you safe?" again (never "safe")
        return "what_to_do", None
    answer = read_safety_answer(text)
    if answer is not None:
        return answer, None
    near = person_near(text)  # close by, or asleep close by: someone to go to or wake
    if near is not None:
        return "person", near[0]
    who = person_named(text)
    if who is not None:
        return "person", who
    if is_no_one(text):
        return "no_one", None
    if is_unreachable(text):
        return "unreachable", None
    return "other", None


def right(expect: str, got: str) -> bool:
    if expect == "unsafe":
        return got in ("crisis", "unsafe", "what_to_do")
    if expect == "other":
        return got in ("other", "crisis")
    return got == expect


def figures(data: dict[str, Any]) -> dict[str, Any]:
    total: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    who_right = 0
    false_safe = 0
    misses: list[str] = []
    for item in data["replies"]:
        expect = item["expect"]
        got, who = reading(item["text"])
        total[expect] += 1
        if right(expect, got):
            ok[expect] += 1
            if expect == "person" and who == str(item.get("who", "")).lower():
                who_right += 1
        else:
            misses.append(f"[{expect} -> {got}{' ' + who if who else ''}] {item['text']}")
        if got == "safe" and expect != "safe":
            false_safe += 1
    return {"total": total, "ok": ok, "who_right": who_right, "false_safe": false_safe,
            "misses": misses}


def report(title: str, f: dict[str, Any], show: bool) -> None:
    print(f"== {title}")
    all_ok = sum(f["ok"].values())
    all_n = sum(f["total"].values())
    print(f"  read right: {all_ok}/{all_n} ({100 * all_ok / max(1, all_n):.1f}%)")
    for label in LABELS:
        n = f["total"][label]
        if n:
            print(f"    {label:<12} {f['ok'][label]:>3}/{n:<3} ({100 * f['ok'][label] / n:.0f}%)")
    print(f"  person said back as labelled: {f['who_right']}/{f['total']['person']}")
    print(f"  read as safe when not (talk ends too early): {f['false_safe']}")
    if show:
        for line in f["misses"]:
            print("   ", line)


def main() -> None:
    show = "--show" in sys.argv[1:]
    if TUNED.exists():
        report("tuning set (tests/data/safety_talk_labelled.yaml)",
               figures(yaml.safe_load(TUNED.read_text("utf-8"))), show)
    if HELDOUT.exists() and "--tuned-only" not in sys.argv[1:]:
        report("held-out round (safety_talk_r1, counts only)",
               figures(yaml.safe_load(HELDOUT.read_text("utf-8"))), False)


if __name__ == "__main__":
    main()
