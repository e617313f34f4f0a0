"""Crisis detection quality on the tuned set and on the held-out round.

Usage: `.venv/bin/python bench/crisis.py [--show] [--tuned-only]`

It also prints the check's speed on 4096-character messages (the longest Telegram sends).

For each file it prints: crisis messages reaching help (``detect_crisis`` returns a signal or
``mentions_harm`` says "strong"), crisis messages getting a full signal, explicit-level
messages getting level "explicit", danger / other_at_risk messages getting the right kind,
ordinary messages getting a signal (false alarm) or "strong", and per-family misses.

The held-out round (tests/data/heldout/crisis_r41.yaml, written 2026-12-05 by a helper who
never saw the rules, before round 41's changes) is never tuned on: for it this script prints
counts only, never a message's text (its figures are in docs/crisis.md).
Rounds 5 to 40 were held out before it; each was measured once and is now tuning material
(rounds 7 to 40 are reported on their own, as are the tuning sets in tests/data; ``--show``
lists their misses; the word model learns from rounds 5 to 40).
Note: the word model is trained on the tuning sets, so its figures on them are not a
measure; only the held-out rounds are. ``--tuned-only`` skips the held-out rounds.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.core.content import load_content  # noqa: E402
from bot.services.crisis import detect_crisis, mentions_harm  # noqa: E402
from bot.services.faq import FaqMatcher  # noqa: E402
from bot.services.reading import read_text  # noqa: E402

_CONTENT = load_content()
_MATCHER = FaqMatcher(list(_CONTENT.faq_entries.values()))


def button_in_reach(text: str) -> bool:
    """Whether the bot's free-text reply to `text` carries "🚨 I'm not safe right now"
    (bot/services/reading.py Reading.help_in_reach, used by bot/handlers/faq.py)."""
    return read_text(text, _MATCHER).help_in_reach

TUNED = ROOT / "tests" / "data" / "crisis_labelled.yaml"
# Round 42 was written blind in session 29 and measured on the session's first commit and its
# last: it joins round 41, and neither is tuned on. Round 43 was written blind in session 30,
# measured on its first commit (3c7f357) and on its last: it joins them; round 44 the same
# in session 31, round 45 in session 32, round 46 in session 33, round 47 in session 34,
# round 48 in session 35, round 49 in session 36, round 51 in session 38 (round 50 was the
# FAQ's), round 52 in session 39, round 53 in session 40, round 54 in session 41, round 55 in
# session 42, round 56 in session 43, round 57 in session 44, round 58 in session 45, round 59
# in session 46.
HELDOUT = tuple(
    ROOT / "tests" / "data" / "heldout" / f"crisis_r{n}.yaml"
    for n in (41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 59)
)
PREVIOUS = tuple(
    ROOT / "tests" / "data" / "heldout" / f"crisis_r{n}.yaml" for n in range(7, 41)
)
# Tuning sets written for tuning, never held out (r15a and r15b by two helpers with
# different voices, measured once before round 15's second pass of rules; r21a by a third,
# measured once before round 21's second pass; r26a and r26b by two more, measured once
# before round 26's rules; r27a and r27b by two more, measured once before round 27's;
# r28a and r28b by two more, measured once before round 28's; r29a by one more, told to
# favour flat voice, risk buried in long messages and danger told only by what happened, and
# r29b by another, told to favour short slangy messages, euphemisms and older formal writers,
# each measured once before round 29's; r30a by one more, told to favour the ex at risk told
# second-hand, self-harm told by its aftermath, goodbyes that never say goodbye, not waking
# said as sleep, and plans told through arrangements, measured once before round 30's; r31a
# by one more, told to favour affairs put in order through chores, being a burden said as
# costs, plans told through arrangements, drink or drugs with despair and the ex at risk told
# second-hand, measured once before round 31's; r32a by one more, told to favour plans told
# without the word, self-harm told through its signs, no future told through what they won't
# do, violence told through objects and bodies and the ex at risk told second-hand, measured
# once before round 32's; r32b and r32c by two more, told to favour no reason said without
# the words, giving away, indirect threats and the hardest sad ordinary messages (32b), and
# idioms, crisis words used innocently and short or buried crisis messages (32c), each
# measured once before round 32's second pass; r32d, 160 ordinary breakup messages in ten
# other languages and no crisis ones, written to see how often the word model takes a
# language for a crisis: 31 checked before. Training on it took that to 8 of the 80 it had not
# seen (13 before), and lost a crisis message in another language on held-out round 32, so the
# model does not learn it: it is measured only); r33a by one more, from the brief of 32b,
# measured once before round 33's rules: reached 102, checked 4, one ordinary message given
# the crisis reply; r38a, 360 ordinary messages and no crisis ones (150 in nine other
# languages, hopes the ex changed, anger at the bot, logistics, words after a wrong check),
# written after terminal chats where such messages were asked "are you safe?": 48 checked
# before. Unlike r32d the model learns it (round 32d, never learnt, then went from 29 checked
# to 15, and no held-out crisis message was lost); r43a (2026-12-05, thirtieth session), 90 crisis
# and 100 ordinary messages told to favour indirect, euphemistic, buried and second-language
# wordings and harmless look-alikes, measured once before round 43's rules: reached 79,
# checked 8, four ordinary messages given the emergency reply; r43b (the same session), 72
# crisis and 72 ordinary, the most indirect plans, means, self-harm signs, no future, threats,
# stalking, violence and the ex at risk told second-hand, with look-alikes: reached 61, 4
# emergency replies to ordinary messages, 11 checked before the rules chosen on it; r44a
# (2026-12-05, thirty-first session), 102 crisis and 100 ordinary, the hardest kinds (timing,
# arrangements, euphemisms, self-harm told sideways, danger told matter-of-factly) and near
# look-alikes: reached 84, 2 emergency replies to ordinary messages, 10 checked before; r45a
# (2026-12-06, thirty-second session), 100 crisis and 300 ordinary messages of 25 to 80 words
# (long breakup stories, long look-alikes, a story then a question): reached 90, 7 emergency
# replies and 78 checked before the word model's length threshold; r46a (2026-12-06,
# thirty-third session), 120 crisis messages of the families hardest to catch (giving away,
# no future, affairs, goodbyes, stalking, the ex at risk, burden) and 200 look-alikes:
# reached 105, 1 emergency reply and 35 checked before its rules; r47a (2026-12-06,
# thirty-fourth session), 120 crisis messages of the same families and indirect means and
# drink, 200 look-alikes: reached 112, 4 emergency replies, 35 checked before its rules; r49a
# (2026-12-06, thirty-sixth session), 120 crisis messages (danger told by what happened, the ex
# at risk told second-hand, explicit self-harm in 15 languages, passive signs buried in long
# messages) and 200 look-alikes: reached 106, 2 emergency replies, 16 checked before its rules
# (the word model learning it was tried: it lost two crisis messages of held-out round 45);
# r51a (2026-12-06, thirty-eighth session), 100 crisis messages of the hard kind and 300
# look-alikes (danger words in harmless use, figures of speech): reached 93, 9 emergency
# replies, 36 checked before its rules; r52a (2026-12-07, thirty-ninth session), 126 crisis
# and 252 ordinary messages, half of each in 19 other languages (Arabic, Japanese, Korean,
# Vietnamese, Swedish, Romanian among them): reached 98, 4 emergency replies, 15 checked
# before its rules; r53a (2026-12-07, fortieth session), 144 crisis and 288 ordinary messages,
# half of each in 30 other languages (Chinese, Greek, Hebrew, Persian, Thai, Bengali, Swahili
# among them): reached 111, 7 emergency replies, 22 checked before its rules; r54a
# (2026-12-07, forty-first session), 144 crisis and 288 ordinary messages, half of each in 34
# other languages: reached 101, 3 emergency replies, 15 checked before its rules (and 143
# after, a figure that says nothing: some of its phrases were taken from its own misses);
# r54c (the same session), 162 crisis messages of the hard kind and 162 look-alikes, all in
# English: reached 153, 3 emergency replies, 9 checked before its rules; r55a (2026-12-07,
# forty-second session), 180 crisis and 180 ordinary messages, the hard kinds, about a third
# in other languages: reached 151, 1 emergency reply, 5 checked before its rules (176 after,
# partly from phrases taken from its own misses); r55b (the same session), 150 crisis messages
# of the five families round 55 missed most and 150 look-alikes sharing their words: reached
# 126, 5 emergency replies, 27 checked before its rules; r56a (2026-12-07, forty-third
# session), 180 crisis and 180 ordinary messages, half the crisis ones indirect, about a third
# in other languages: reached 156, 2 emergency replies, 17 checked before its rules; r58a
# (2026-12-07, forty-fifth session), 120 crisis messages of the ten families round 58 missed
# most and 90 look-alikes: reached 106, 2 emergency replies, 9 checked before its rules; r59a
# (2026-12-08, forty-sixth session), 120 crisis messages of the nine families round 59 missed
# (affairs, drink or drugs, attempts, giving away, means, plans, no waking, the ex at risk,
# intent) and 90 look-alikes: reached 104, 1 emergency reply, 8 checked before its rules.
EXTRA = tuple(
    ROOT / "tests" / "data" / f"crisis_tuning_{n}.yaml"
    for n in ("r8", "r15a", "r15b", "r21a", "r26a", "r26b", "r27a", "r27b", "r28a", "r28b",
              "r29a", "r29b", "r30a", "r31a", "r32a", "r32b", "r32c", "r32d",
              "r33a", "r34a", "r38a", "r43a", "r43b", "r44a", "r45a", "r46a", "r47a", "r49a",
              "r51a", "r52a", "r53a", "r54a", "r54c", "r55a", "r55b", "r56a", "r58a", "r59a")
)


@dataclass
class Figures:
    crisis: int = 0
    reached: int = 0
    in_reach: int = 0  # reached, or the "I'm not safe" button one tap away (the net)
    full: int = 0
    explicit: int = 0
    explicit_right: int = 0
    explicit_numbers: int = 0  # reached: every first reply that reaches help has the number
    special_kind: int = 0  # danger_from_other and other_at_risk messages
    special_kind_right: int = 0
    kind_right: int = 0
    ordinary: int = 0
    full_alarms: int = 0
    # the emergency reply itself (explicit self-harm, danger, the ex at risk); a passive
    # signal is answered with the gentle check instead (bot/handlers/safety.py)
    emergency_alarms: int = 0
    strong_alarms: int = 0
    checked: int = 0  # ordinary messages given the check or the full reply
    family_total: Counter[str] = field(default_factory=Counter)
    family_unreached: Counter[str] = field(default_factory=Counter)
    family_no_signal: Counter[str] = field(default_factory=Counter)
    family_wrong: Counter[str] = field(default_factory=Counter)  # kind or level wrong
    ordinary_strong_family: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)  # tuned set only


def measure(data: dict[str, Any], keep_texts: bool) -> Figures:
    f = Figures()
    for item in data["crisis"]:
        text, kind = item["text"], item["kind"]
        level = item.get("level")
        family = item.get("family") or kind
        signal = detect_crisis(text)
        strong = mentions_harm(text) == "strong"
        got_level = getattr(signal, "level", None)
        f.crisis += 1
        f.family_total[family] += 1
        reached = signal is not None or strong
        f.reached += reached
        f.in_reach += reached or button_in_reach(text)
        f.full += signal is not None
        right_kind = signal is not None and signal.kind == kind
        f.kind_right += right_kind
        if kind != "self_harm":
            f.special_kind += 1
            f.special_kind_right += right_kind
        if level == "explicit":
            f.explicit += 1
            f.explicit_right += got_level == "explicit"
            f.explicit_numbers += reached
        if not reached:
            f.family_unreached[family] += 1
        if signal is None:
            f.family_no_signal[family] += 1
        elif not right_kind or (level is not None and got_level != level):
            f.family_wrong[family] += 1
        wrong = signal is None or not right_kind or (level is not None and got_level != level)
        if keep_texts and wrong:
            got = "none" if signal is None else f"{signal.kind}/{got_level}"
            f.misses.append(f"  [{kind}/{level}] got {got} strong={strong}: {text}")
    for item in data["ordinary"]:
        text = item["text"]
        f.ordinary += 1
        signal = detect_crisis(text)
        strong = mentions_harm(text) == "strong"
        f.full_alarms += signal is not None
        f.emergency_alarms += signal is not None and (
            signal.kind != "self_harm" or signal.level == "explicit"
        )
        f.strong_alarms += strong
        f.checked += signal is not None or strong
        if strong:
            f.ordinary_strong_family[item.get("family", "-")] += 1
        if keep_texts and (signal is not None or strong):
            got = "none" if signal is None else f"{signal.kind}/{getattr(signal, 'level', None)}"
            f.misses.append(f"  [ordinary] got {got} strong={strong}: {text}")
    return f


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else f"{n}/0"


def report(name: str, f: Figures, show: bool) -> None:
    print(f"== {name}")
    print(f"  crisis reaching help (signal or strong): {pct(f.reached, f.crisis)}")
    print(f"  ... or with 'I'm not safe' one tap away: {pct(f.in_reach, f.crisis)}")
    print(f"  crisis with a full signal:               {pct(f.full, f.crisis)}")
    print(f"  crisis with the right kind:              {pct(f.kind_right, f.crisis)}")
    print(f"  explicit-level given 'explicit':         {pct(f.explicit_right, f.explicit)}")
    print(f"  explicit with the number in 1st reply:   {pct(f.explicit_numbers, f.explicit)}")
    special = pct(f.special_kind_right, f.special_kind)
    print(f"  danger/other_at_risk with right kind:    {special}")
    print(f"  ordinary with a signal (false alarm):    {pct(f.full_alarms, f.ordinary)}")
    print(f"  ordinary given the emergency reply:      {pct(f.emergency_alarms, f.ordinary)}")
    print(f"  ordinary with 'strong':                  {pct(f.strong_alarms, f.ordinary)}")
    print(f"  ordinary given the check or full reply:  {pct(f.checked, f.ordinary)}")
    print("  per family: total / not reached / no signal / wrong kind or level")
    for family in sorted(f.family_total):
        print(
            f"    {family:<20} {f.family_total[family]:>3} {f.family_unreached[family]:>3}"
            f" {f.family_no_signal[family]:>3} {f.family_wrong[family]:>3}"
        )
    if f.ordinary_strong_family:
        print(f"  ordinary 'strong' by family: {dict(sorted(f.ordinary_strong_family.items()))}")
    if show and f.misses:
        print("  wrong (tuned set):")
        print("\n".join(f.misses))


# --------------------------------------------------------------------------- speed

_TRIGGER_WORDS = (  # noqa: SIM905
    "i me my he she they ex him her kill killing die dying dead hurt myself pills safe not "
    "end life want to can going would will outside door leave afraid scared threat you the "
    "it point of why am even still how many much take be here around last arms scratch burn "
    "with razor again until bled disappear into rather than text lap pillow hand double triple "
    "taking goodbye thank sorry letter note explaining where find last time close eyes asleep "
    "never come back without lighter reason whole gave cat passwords who gets dog funeral "
    "relapsed blade cut head wall bleeding care kills bottle regret break legs wearing threw "
    "doorbell downstairs story done something sea only exit peace"
).split()
_LONG_UNITS = [
        "I'm dying to text him, this is killing me and I can't stop crying. ",
        "he said he misses me but i am scared he will forget me and move on. ",
        "kill die dying dead hurt myself pills safe end life can not he she me ",
        # every match is vetoed by the words before it or refused by the words after it
        "we end things, he wants to end everything, ending things with him, i want him to "
        "disappear forever, he is not around any more. ",
        "what's the point of me going to the party, why am i still awake, how many ibuprofen "
        "can i take for a headache, i won't be here next week, i'm going on holiday. ",
        "i'm going to end it with him on a good note, i want to disappear into a good book, "
        "i'd rather die of boredom than text him, burned my arm on the oven again. ",
        # round 6 near misses: chores with a knife, a dose question, goodbyes to coworkers
        "knife in my hand chopping onions, can i take double if i missed a dose, said thank you "
        "and goodbye to my coworkers, gave my dog to my mum for the weekend while i'm away, "
        "banging my head against the wall trying to understand, his words cut deeper. ",
]


def _best_of(text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        detect_crisis(text)
        mentions_harm(text)
        best = min(best, time.perf_counter() - start)
    return best


def _to_4096(unit: str) -> str:
    return (unit * (4096 // len(unit) + 1))[:4096]


def speed_report() -> None:
    """The check on 4096-character messages: realistic ones and random mixes of the words the
    rules look for (the worst case for the patterns), best of 5 runs each."""
    rng = random.Random(7)
    mixes = [_to_4096(" ".join(rng.choices(_TRIGGER_WORDS, k=rng.randint(5, 60))) + " ")
             for _ in range(200)]
    realistic = [_to_4096(unit) for unit in _LONG_UNITS]
    for name, texts in (("realistic", realistic), ("trigger-word mixes", mixes)):
        times = sorted(_best_of(text) * 1e6 for text in texts)
        p50 = statistics.median(times)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"  4096 chars, {name:<18} n={len(texts):>3}  p50 {p50:6.0f} us  "
              f"p99 {p99:6.0f} us  max {times[-1]:6.0f} us")


def main() -> None:
    show = "--show" in sys.argv[1:]
    tuned_only = "--tuned-only" in sys.argv[1:]
    tuned = yaml.safe_load(TUNED.read_text("utf-8"))
    report("tuned set (tests/data/crisis_labelled.yaml)", measure(tuned, keep_texts=True), show)
    for path in PREVIOUS:
        previous = yaml.safe_load(path.read_text("utf-8"))
        report(f"{path.stem} (held out once, now tuned on)", measure(previous, keep_texts=True),
               show)
    for path in EXTRA:
        extra = yaml.safe_load(path.read_text("utf-8"))
        report(f"tuning set {path.stem} (tests/data/{path.name})",
               measure(extra, keep_texts=True), show)
    for path in HELDOUT if not tuned_only else ():
        if path.exists():
            held = yaml.safe_load(path.read_text("utf-8"))
            # Never texts for a held-out round: counts only.
            report(f"held-out round ({path.stem}, counts only)", measure(held, keep_texts=False),
                   False)
    print("== speed (detect_crisis + mentions_harm, one message)")
    speed_report()


if __name__ == "__main__":
    main()
