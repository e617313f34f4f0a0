"""Benchmark the FAQ matcher: accuracy on the labelled set and time per question.

Run: .venv/bin/python bench/faq.py [--misses] [--skip-heldout]

The held-out round (tests/data/heldout/faq_r34.yaml, written 2026-12-05 before any tuning on it)
is reported as counts only: its texts are never printed, not even with --misses, so nobody
tunes on them. Rounds 3 to 33 were held out before it; each was measured once and is now
tuning material (printed as "r3 (tuned)" and so on, and --misses lists their misses), as is
tests/data/faq_tuning_r7.yaml, written from round 6's brief for tuning ("t7"), and
tests/data/faq_tuning_r9a.yaml, written by a new writer for tuning in round 9 ("t9a"), and
later sets in the same way (t10a, t15a, t20a: questions after a long story, or in a few
words; t21a: two questions at once, roundabout asking, older writers; t22a: long stories
with the question last, two topics at once, venting that sounds like a question; t22b: two
per answer and 60 requests for something else, many borrowing our words; t23a: two per
answer, 50 requests close to our subjects and 50 feelings that sound like questions; t24a: the same
brief, a new writer; t39a: 16 events both are asked to and news of theirs, written by hand).
Note: the matcher's second opinion (bot/services/faq_words.py) learns from the tuned rounds
and tuning sets, so its figures on them are in-sample and say little; only the held-out round
measures it.
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
from bot.services.reading import read_text  # noqa: E402

FAQ_PATH = ROOT / "content" / "faq.yaml"
LABELLED_PATH = ROOT / "tests" / "data" / "faq_labelled.yaml"
HELDOUT_PATH = ROOT / "tests" / "data" / "heldout" / "faq_r34.yaml"
# Rounds 35 and 36 were written blind in session 29 and measured on its first commit and its
# last: held out as well, never tuned on; round 37 the same in session 30, round 38 in
# session 31, round 39 in session 32, round 40 in session 33, round 41 in session 34, round
# 50 in session 37, round 52 in session 39, round 53 in session 40, round 54 in session 41,
# round 55 in session 42, round 56 in session 43, round 57 in session 44.
FRESH_HELDOUT = {
    "r35": ROOT / "tests" / "data" / "heldout" / "faq_r35.yaml",
    "r36": ROOT / "tests" / "data" / "heldout" / "faq_r36.yaml",
    "r37": ROOT / "tests" / "data" / "heldout" / "faq_r37.yaml",
    "r38": ROOT / "tests" / "data" / "heldout" / "faq_r38.yaml",
    "r39": ROOT / "tests" / "data" / "heldout" / "faq_r39.yaml",
    "r40": ROOT / "tests" / "data" / "heldout" / "faq_r40.yaml",
    "r41": ROOT / "tests" / "data" / "heldout" / "faq_r41.yaml",
    "r50": ROOT / "tests" / "data" / "heldout" / "faq_r50.yaml",
    "r52": ROOT / "tests" / "data" / "heldout" / "faq_r52.yaml",
    "r53": ROOT / "tests" / "data" / "heldout" / "faq_r53.yaml",
    "r54": ROOT / "tests" / "data" / "heldout" / "faq_r54.yaml",
    "r55": ROOT / "tests" / "data" / "heldout" / "faq_r55.yaml",
    "r56": ROOT / "tests" / "data" / "heldout" / "faq_r56.yaml",
    "r57": ROOT / "tests" / "data" / "heldout" / "faq_r57.yaml",
    "r58": ROOT / "tests" / "data" / "heldout" / "faq_r58.yaml",
    "r59": ROOT / "tests" / "data" / "heldout" / "faq_r59.yaml",
}
PREVIOUS = {"r3": ROOT / "tests" / "data" / "heldout" / "faq_r3.yaml",
            "r4": ROOT / "tests" / "data" / "heldout" / "faq_r4.yaml",
            "r5": ROOT / "tests" / "data" / "heldout" / "faq_r5.yaml",
            "r6": ROOT / "tests" / "data" / "heldout" / "faq_r6.yaml",
            "r7": ROOT / "tests" / "data" / "heldout" / "faq_r7.yaml",
            "r8": ROOT / "tests" / "data" / "heldout" / "faq_r8.yaml",
            "r9": ROOT / "tests" / "data" / "heldout" / "faq_r9.yaml",
            "r10": ROOT / "tests" / "data" / "heldout" / "faq_r10.yaml",
            "r11": ROOT / "tests" / "data" / "heldout" / "faq_r11.yaml",
            "r12": ROOT / "tests" / "data" / "heldout" / "faq_r12.yaml",
            "r13": ROOT / "tests" / "data" / "heldout" / "faq_r13.yaml",
            "r14": ROOT / "tests" / "data" / "heldout" / "faq_r14.yaml",
            "r15": ROOT / "tests" / "data" / "heldout" / "faq_r15.yaml",
            "r16": ROOT / "tests" / "data" / "heldout" / "faq_r16.yaml",
            "r17": ROOT / "tests" / "data" / "heldout" / "faq_r17.yaml",
            "r18": ROOT / "tests" / "data" / "heldout" / "faq_r18.yaml",
            "r19": ROOT / "tests" / "data" / "heldout" / "faq_r19.yaml",
            "r20": ROOT / "tests" / "data" / "heldout" / "faq_r20.yaml",
            "r21": ROOT / "tests" / "data" / "heldout" / "faq_r21.yaml",
            "r22": ROOT / "tests" / "data" / "heldout" / "faq_r22.yaml",
            "r23": ROOT / "tests" / "data" / "heldout" / "faq_r23.yaml",
            "r24": ROOT / "tests" / "data" / "heldout" / "faq_r24.yaml",
            "r25": ROOT / "tests" / "data" / "heldout" / "faq_r25.yaml",
            "r26": ROOT / "tests" / "data" / "heldout" / "faq_r26.yaml",
            "r27": ROOT / "tests" / "data" / "heldout" / "faq_r27.yaml",
            "r28": ROOT / "tests" / "data" / "heldout" / "faq_r28.yaml",
            "r29": ROOT / "tests" / "data" / "heldout" / "faq_r29.yaml",
            "r30": ROOT / "tests" / "data" / "heldout" / "faq_r30.yaml",
            "r31": ROOT / "tests" / "data" / "heldout" / "faq_r31.yaml",
            "r32": ROOT / "tests" / "data" / "heldout" / "faq_r32.yaml",
            "r33": ROOT / "tests" / "data" / "heldout" / "faq_r33.yaml",
            "t7": ROOT / "tests" / "data" / "faq_tuning_r7.yaml",
            "t9a": ROOT / "tests" / "data" / "faq_tuning_r9a.yaml",
            "t10a": ROOT / "tests" / "data" / "faq_tuning_r10a.yaml",
            "t15a": ROOT / "tests" / "data" / "faq_tuning_r15a.yaml",
            "t20a": ROOT / "tests" / "data" / "faq_tuning_r20a.yaml",
            "t21a": ROOT / "tests" / "data" / "faq_tuning_r21a.yaml",
            "t22a": ROOT / "tests" / "data" / "faq_tuning_r22a.yaml",
            "t22b": ROOT / "tests" / "data" / "faq_tuning_r22b.yaml",
            "t23a": ROOT / "tests" / "data" / "faq_tuning_r23a.yaml",
            "t24a": ROOT / "tests" / "data" / "faq_tuning_r24a.yaml",
            "t39a": ROOT / "tests" / "data" / "faq_tuning_r39a.yaml",
            # session 30, written for tuning: measured once before its changes, reached 146/150,
            # right 100, wrong 1, declined 27/30, quiet 28/30
            "t43a": ROOT / "tests" / "data" / "faq_tuning_r43a.yaml",
            # session 33, written for tuning the glossary (other languages): measured once
            # before it, reached 158/204, right 90, wrong 3, declined 29/30, quiet 30/30
            "t40a": ROOT / "tests" / "data" / "faq_tuning_r40a.yaml",
            # session 34, written for tuning (follow-ups, practical cases, near-confusions, a
            # quarter in other languages): measured once before its changes, reached 173/200,
            # right 110, wrong 0, declined 38/40, quiet 39/40
            "t41a": ROOT / "tests" / "data" / "faq_tuning_r41a.yaml",
            # session 41, written for tuning (30% in 16 other languages): measured once before
            # its changes, reached 152/200, right 101, wrong 0, declined 37/40, quiet 40/40
            "t54a": ROOT / "tests" / "data" / "faq_tuning_r54a.yaml",
            # ... and one all in other languages (90 questions, 90 requests for something else
            # near the topics), measured with the old glossary and the new: reached 26 -> 36,
            # declined 79 -> 76 (78 once a request read as one offered no topics)
            "t54b": ROOT / "tests" / "data" / "faq_tuning_r54b.yaml",
            # session 42, written for tuning (240 questions, a third in other languages, the
            # confusable pairs favoured; 50 requests, 50 feelings): measured once before its
            # changes (with the new answer), reached 184/240, right 98, wrong 3
            "t55a": ROOT / "tests" / "data" / "faq_tuning_r55a.yaml",
            # session 43, written for tuning (240 questions, a third in other languages; 50
            # requests, 50 feelings): measured once before its changes, reached 195/240, right
            # 121, wrong 1
            "t56a": ROOT / "tests" / "data" / "faq_tuning_r56a.yaml",
            # session 45, written for tuning the declines (80 requests beside the topics that no
            # answer covers, 40 questions in the same words, 20 feelings): measured once before
            # its changes, reached 39/40, right 34, wrong 0, declined 44/80, quiet 19/20
            "t58a": ROOT / "tests" / "data" / "faq_tuning_r58a.yaml"}


def _expected(item: dict[str, Any]) -> set[str]:
    raw = item["expect"]
    return {raw, *item.get("accept", [])} if isinstance(raw, str) else set(raw)


def heldout_figures(matcher: FaqMatcher, data: dict[str, Any]) -> dict[str, int]:
    """Counts for the held-out round (shared with tests/unit/test_faq_heldout.py).

    in_scope + new_answers: "reached" (an expected id is the answer, its "Or:" button
    (FaqMatch.also) or among the "Did you mean" buttons), "right" (the confident answer is
    an expected id), "wrong" (a confident answer that is not). out_of_scope: "declined"
    (kind "none"). listen: "quiet" (not answered confidently: small talk, such as good news
    told, is answered as small talk). Counted as the bot replies:
    a clear request for something else is declined even when an answer shares a word with
    it (Reading.declined); a feeling told, not asked, is heard first with its answer
    offered under it (reached, never "right" or "wrong"; Reading.heard_first).
    """
    f = dict.fromkeys(
        (
            "asked", "reached", "right", "wrong", "suggested", "new", "new_reached",
            "new_right", "oos", "declined", "listen", "quiet",
        ),
        0,  # fmt: skip
    )
    for section in ("in_scope", "new_answers"):
        for item in data.get(section) or []:
            expect = _expected(item)
            reading = read_text(item["text"], matcher)
            m = reading.match
            # As the bot replies: a feeling told, not asked, is heard first and its answer
            # offered (reached, not given: bot/services/reading.Reading.heard_first); small
            # talk is answered as such, before any answer (bot/handlers/faq.answer_free_text).
            # A dose asked about gets its own reply before any answer (reading.dose_asked).
            dose = reading.dose_asked and reading.harm != "strong"
            talk = reading.smalltalk is not None or dose
            given = m.kind == "answer" and not reading.heard_first and not talk
            f["asked"] += 1
            f["reached"] += not talk and (
                not expect.isdisjoint(m.ids) or (given and m.also in expect)
                or reading.guess in expect or reading.told_topic in expect)
            f["right"] += given and m.ids[0] in expect
            f["wrong"] += given and m.ids[0] not in expect
            f["suggested"] += m.kind == "suggest" or reading.guess is not None
            if section == "new_answers":
                f["new"] += 1
                f["new_reached"] += not expect.isdisjoint(m.ids)
                f["new_right"] += given and m.ids[0] in expect
    for item in data.get("out_of_scope") or []:
        f["oos"] += 1
        reading = read_text(item["text"], matcher)
        # "how much ibuprofen can i take", "write a text to my ex telling her...": declined
        # kindly in a reply of their own
        dose = reading.dose_asked and reading.harm != "strong"
        for_them = reading.smalltalk in ("on_my_behalf", "someone_else")
        f["declined"] += (reading.match.kind == "none" and reading.guess is None
                          or reading.declined or dose or for_them)
    for item in data.get("listen") or []:
        f["listen"] += 1
        reading = read_text(item["text"], matcher)
        f["quiet"] += (reading.match.kind != "answer" or reading.heard_first
                       or reading.smalltalk is not None)
    return f


def _heldout_report(matcher: FaqMatcher, path: Path, name: str, *, timing: bool) -> None:
    if not path.exists():
        print(f"{name}   (file not present)")
        return
    data = yaml.safe_load(path.read_text("utf-8"))
    f = heldout_figures(matcher, data)
    n, o, li = f["asked"], f["oos"], f["listen"]
    print(
        f"{name}   n={n:3d}  reached {f['reached']}/{n} ({f['reached'] / n:.1%})  "
        f"answered right {f['right']}/{n} ({f['right'] / n:.1%})  "
        f"confidently wrong {f['wrong']}/{n} ({f['wrong'] / n:.1%})  "
        f"suggested {f['suggested']}/{n}"
    )
    print(
        f"{name}   of which new_answers n={f['new']:3d}: reached {f['new_reached']}, "
        f"answered right {f['new_right']}"
    )
    if o and li:  # a tuning set of questions only (t39a) has neither
        print(
            f"{name}   out_of_scope n={o:3d} declined {f['declined']}/{o} "
            f"({f['declined'] / o:.1%})  listen n={li:3d} not answered {f['quiet']}/{li} "
            f"({f['quiet'] / li:.1%})"
        )
    if not timing:
        return
    texts = [
        item["text"]
        for section in ("in_scope", "new_answers", "out_of_scope", "listen")
        for item in data.get(section) or []
    ]
    cold = FaqMatcher(entries_from_content(yaml.safe_load(FAQ_PATH.read_text("utf-8"))))
    start = time.perf_counter_ns()
    for t in texts:
        cold.match(t)
    cold_us = (time.perf_counter_ns() - start) / 1000 / len(texts)
    times: list[float] = []
    for _ in range(10):
        for t in texts:
            t0 = time.perf_counter_ns()
            cold.match(t)
            times.append((time.perf_counter_ns() - t0) / 1000)
    times.sort()
    print(
        f"{name}   timing {len(texts)} questions: cold {cold_us:.0f} us/question, "
        f"warm mean {statistics.fmean(times):.0f} us, max {times[-1]:.0f} us (budget 2000 us)"
    )


def _near_miss_ok(item: dict[str, Any], m: FaqMatch) -> bool:
    return m.kind == "none" or (m.ids[0] in item.get("accept", []))


def _print_misses(matcher: FaqMatcher, name: str, data: dict[str, Any]) -> None:
    """A tuning round's misses, as the bot replies (never called for the held-out round)."""
    for section in ("in_scope", "new_answers"):
        for item in data.get(section) or []:
            reading = read_text(item["text"], matcher)
            m = reading.match
            given = m.kind == "answer" and not reading.heard_first
            if not given or m.ids[0] not in _expected(item):
                reached = bool(_expected(item) & set(m.ids))
                tag = "WRONG" if given else ("OK~" if reached else "MISS")
                print(f"  {tag} [{name}] {item['text']!r}: want {item['expect']}, got {m}")
    for item in data.get("out_of_scope") or []:
        reading = read_text(item["text"], matcher)
        if reading.match.kind != "none" and not reading.declined:
            print(f"  MISS [{name} out_of_scope] {item['text']!r}: got {reading.match}")
    for item in data.get("listen") or []:
        reading = read_text(item["text"], matcher)
        if reading.match.kind == "answer" and not reading.heard_first:
            print(f"  MISS [{name} listen] {item['text']!r}: got {reading.match}")


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
    tuning = {
        "in_scope": [
            item
            for section in labelled if section.startswith(("tuning_r3", "tuning_r4_dev"))
            for item in labelled.get(section) or []
        ],
        "out_of_scope": labelled.get("out_of_scope") or [],
        "listen": labelled.get("listen") or [],
    }
    f = heldout_figures(matcher, tuning)
    n, li = f["asked"], f["listen"]
    print(
        f"tuning_r3     n={n:3d}  reached {f['reached']}/{n}  answered right {f['right']}/{n}  "
        f"confidently wrong {f['wrong']}/{n}  suggested {f['suggested']}/{n}  "
        f"listen not answered {f['quiet']}/{li}"
    )
    if show_misses:
        for item in tuning["in_scope"]:
            m = matcher.match(item["text"])
            if m.kind != "answer" or m.ids[0] not in _expected(item):
                reached = bool(_expected(item) & set(m.ids))
                tag = "WRONG" if m.kind == "answer" else ("OK~" if reached else "MISS")
                print(f"  {tag} [tuning_r3] {item['text']!r}: want {item['expect']}, got {m}")
        for item in tuning["listen"]:
            m = matcher.match(item["text"])
            if m.kind == "answer":
                print(f"  MISS [listen] {item['text']!r}: got {m}")
    for name, path in PREVIOUS.items():
        _heldout_report(matcher, path, f"{name} (tuned) ", timing=False)
        if show_misses and path.exists():
            _print_misses(matcher, name, yaml.safe_load(path.read_text("utf-8")))
    if "--skip-heldout" not in sys.argv:
        _heldout_report(matcher, HELDOUT_PATH, "held-out r34", timing=True)
        for name, path in FRESH_HELDOUT.items():
            _heldout_report(matcher, path, f"held-out {name}", timing=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
