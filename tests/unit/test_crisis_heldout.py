"""The held-out rounds (tests/data/heldout/crisis_r41.yaml, crisis_r42.yaml,
crisis_r43.yaml and crisis_r44.yaml) and the rounds held out before them, as floors and
ceilings.

Round 41 was written by a helper who never saw the rules, before round 41's changes, and is
never tuned on: its pins are the figures measured on it (bench/crisis.py). Rounds 8 to 40
were held out until later rounds; they are tuning material now (the word model is trained on
rounds 5 to 40), and their pins guard against regressions only. Raise a floor (lower a
ceiling) when a change improves it. Nothing here prints a message's text: assertions
compare counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.content import load_content
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.faq import FaqMatcher
from bot.services.reading import read_text

HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "heldout"


@dataclass(frozen=True)
class Pinned:
    """Measured once after the work above (before it in the comment); targets: every crisis
    message reached, at most 5% of ordinary ones checked, none given the full reply."""

    sizes: tuple[int, int, int, int]  # crisis, ordinary, explicit, danger + other_at_risk
    reached_min: int
    full_min: int
    explicit_min: int
    special_min: int
    full_alarms_max: int
    checked_max: int  # ordinary messages given the check or the full reply
    checked_target_met: bool = True  # at most 5% of ordinary messages checked
    in_reach_min: int = 0  # crisis messages reached or with "I'm not safe" beside the reply


ROUNDS = {
    # Session 41 set every pin below to the figures measured at its end (most had risen with
    # the work of later sessions; none fell): the comments keep each round's history.
    # Tuning material since round 10 (held out until then: reached 102 and 66).
    "crisis_r8": Pinned((117, 111, 81, 25), 117, 91, 61, 22, 0, 1),
    "crisis_r9": Pinned((72, 72, 50, 16), 72, 60, 38, 14, 0, 0),
    # Tuning material since round 11 (held out until then: reached 98 before round 10's
    # tuning, 99 after).
    "crisis_r10": Pinned((108, 108, 73, 24), 108, 86, 56, 22, 1, 2),
    # Tuning material since round 12 (held out until then: reached 98 before round 11's
    # tuning, 99 after; the word model is not trained on it).
    "crisis_r11": Pinned((108, 108, 73, 24), 107, 76, 45, 22, 0, 0),
    # Tuning material since round 13 (held out until then: reached 101, full 80, explicit
    # 47, special 22, alarms 5 / 11, before round 12's tuning and after it).
    "crisis_r12": Pinned((108, 108, 78, 24), 108, 105, 73, 24, 0, 2, in_reach_min=108),
    # Tuning material since round 14 (held out until then: before round 13's tuning reached
    # 100, full 83, explicit 47, special 20, alarms 4 / 8, in reach 105; after it the same,
    # in reach 108). Round 14's rules, chosen on it: reached 108, full 87, explicit 51, special
    # 24; its vetoes cost a round-14 message and were dropped (docs/crisis.md, "Round 14").
    # Round 19: one explicit wish to die said with a laugh is asked gently now (50, was 51).
    "crisis_r13": Pinned((108, 108, 72, 24), 108, 90, 53, 24, 1, 3, in_reach_min=108),
    # Tuning material since round 15 (held out until then, written 2026-12-01, before round
    # 14's tuning). Before it and after it the same: reached 100, full 86, explicit 48,
    # special 20, full alarms 2 (target 0), checked 5 (4.6%, target met), in reach 108.
    # Round 15's tuning, chosen on it: reached 108, full 87, explicit 49, special 21, full
    # alarms 0, checked 0.
    "crisis_r14": Pinned((108, 108, 72, 24), 108, 90, 53, 21, 0, 0, in_reach_min=108),
    # Tuning material since round 16 (held out until then, written 2026-12-01 before round
    # 15's tuning). Measured before it: reached 98, full 79, explicit 47, special 20, full
    # alarms 6, checked 10 (9.3%), in reach 108. After it: reached 101, full alarms 5, checked
    # 9. Round 16's rules and vetoes, chosen on it: reached 108, full alarms 0, checked 0.
    "crisis_r15": Pinned((108, 108, 72, 24), 108, 86, 53, 23, 0, 0, in_reach_min=108),
    # Tuning material since round 17 (held out until then, written 2026-12-01 before round
    # 16's tuning). Measured before it (0ed33c8): reached 102, full 86, explicit 48, special
    # 18, full alarms 4, checked 10 (9.3%), in reach 108. After it: full alarms 3, checked 9;
    # the rest unchanged. Round 17's rules, chosen on it: reached 108, full 91, explicit 48,
    # special 18, full alarms 0, checked 2.
    "crisis_r16": Pinned((108, 108, 72, 24), 108, 94, 50, 19, 0, 1, in_reach_min=108),
    # Tuning material since round 18 (held out until then, written 2026-12-01 by a helper who
    # never saw the rules, before round 17's tuning). Measured before it (b905bdb): reached
    # 97, full 73, explicit 45, special 17, full alarms 3, checked 5 (4.6%), in reach 108.
    # After it: the same (target: every crisis message reached and no full alarm, missed).
    # Round 36's vetoes (twenty-third session): full alarms 0, checked 2.
    "crisis_r17": Pinned((108, 108, 72, 24), 108, 82, 51, 19, 0, 2, in_reach_min=108),
    # Tuning material since round 19 (held out until then, written 2026-12-02 by a helper who
    # never saw the rules, before round 18's tuning). Measured before it (4203dc7): reached
    # 104, full 85, explicit 50, special 22, full alarms 4, checked 6 (5.6%), in reach 108;
    # after it (114a3f7) the same. Round 19's rules, chosen on it: reached 108, full 88,
    # explicit 52, special 22, full alarms 1, checked 1.
    "crisis_r18": Pinned((108, 108, 72, 24), 108, 93, 56, 23, 1, 1, in_reach_min=108),
    # Tuning material since round 20 (held out until then, written 2026-12-02 by a helper who
    # never saw the rules, before round 19's tuning). Measured before it (2046924): reached
    # 104, full 93, explicit 54, special 22, full alarms 3, checked 3 (2.8%), in reach 108;
    # after it the same. Round 20's rules, chosen on it: reached 108, full 94, explicit 55,
    # special 23, full alarms 0, checked 0.
    "crisis_r19": Pinned((108, 108, 72, 24), 108, 94, 57, 23, 0, 0, in_reach_min=108),
    # Tuning material since round 21 (held out until then, written 2026-12-02 by a helper who
    # never saw the rules, before round 20's tuning). Measured before it (0e126fb): reached
    # 105, full 92, explicit 49, special 22, full alarms 2 (1 of them the emergency reply),
    # checked 4 (3.7%), in reach 108; after it (a8feaa5) the same. Round 21's rules, chosen
    # on it: reached 108, full 93, explicit 50, special 22, full alarms 1, checked 2.
    "crisis_r20": Pinned((108, 108, 72, 24), 108, 96, 52, 24, 0, 0, in_reach_min=108),
    # Tuning material since round 22 (held out until then, written 2026-12-02 by a helper who
    # never saw the rules, before round 21's tuning). Measured before it (7ad8c17): reached
    # 92, full 80, explicit 50, special 18, full alarms 2, checked 9 (8.3%), in reach 108;
    # after it (5faba53) reached 93, full alarms 2, checked 9. Round 22's word model, which
    # learns from it: reached 100, checked 8.
    "crisis_r21": Pinned((108, 108, 72, 24), 106, 84, 53, 20, 1, 4, in_reach_min=108),
    # Tuning material since round 23 (the word model learns from it since then: reached 105,
    # checked 7). Held out until then (written 2026-12-02 by a helper who never saw the rules or
    # earlier rounds, before round 22's change). Measured before it (the code of 5faba53): reached
    # 98, full 76, explicit 42, special 19, full alarms 6 (3 of them the emergency reply), checked
    # 9 (8.3%), in reach 107. After the word model was retrained on every tuning round (words and
    # pairs, threshold 14 and length 80 chosen on rounds 14 to 21, each left out in turn): reached
    # 102, checked 8 (7.4%). After its features grew to pairs one word apart and runs of three
    # (smoothing 0.25, threshold 22.5, chosen the same way: 778 of 864 crisis messages left out
    # flagged against 714, at 11 of 864 ordinary): reached 101, full 76, explicit 42, special 19,
    # full alarms 6, checked 8 (7.4%), in reach 107 (targets: every crisis message reached, no full
    # alarm and at most 5% checked, all three missed). Round 36's vetoes: full alarms 4 (none
    # the emergency reply), checked 5 (4.6%).
    "crisis_r22": Pinned((108, 108, 60, 24), 107, 79, 46, 21, 4, 5, in_reach_min=108),
    # Held out (written 2026-12-02 by a helper who never saw the rules, before round 23's
    # changes). Measured on the code of b185340: reached 92 (85.2%), full 66, explicit 37,
    # special 16, full alarms 1, checked 2 (1.9%), in reach 108. The word model learning from
    # round 22 as well, as it was, changed none of these; the FAQ's reading of requests for
    # something else neither. With runs of five letters (chosen on rounds 14 to 22 left out in
    # turn) at threshold 48.5: reached 94 (87.0%), explicit with the number 53; at 56.1, raised
    # for three ordinary messages of this suite it checked: reached 93 (86.1%), the rest the
    # same (targets: every crisis message reached and no full alarm missed; at most 5% checked
    # met).
    # Tuning material since round 24. Round 24's rules and the word model learning from it:
    # reached 106, full 76, explicit 38, full alarms 0, checked 1.
    "crisis_r23": Pinned((108, 108, 60, 24), 107, 83, 44, 19, 0, 1, in_reach_min=108),
    # Tuning material since round 25 (held out until then, written 2026-12-02 by a helper who never
    # saw the rules, before round 24's changes). Measured on the code of 69df54b: reached 103
    # (95.4%), full 68, explicit 37, special 18, full alarms 2 (one the emergency reply), checked 5
    # (4.6%), in reach 108. After round 24's rules and the word model learning from round 23
    # (chosen on round 23, rounds 15 to 23 left out in turn for the threshold): the same, every
    # figure. With 18 labelled messages added for those rules' tests
    # (tests/data/crisis_labelled.yaml, which the word model learns from too): reached 102 (94.4%),
    # one message near the threshold lost, the rest the same (targets: at most 5% checked met;
    # every crisis message reached and no full alarm missed). Round 25's rules, chosen on it, and
    # the word model learning it: reached 108, full 74, explicit 38, special 19, full alarms 0,
    # checked 1. The word model learning round 32 and set 33a (twentieth session): checked 2.
    "crisis_r24": Pinned((108, 108, 60, 24), 108, 81, 43, 21, 0, 1, in_reach_min=108),
    # Held out (written 2026-12-02 by a helper who never saw the rules, before round 25's
    # changes). Measured on the code of 50ba518: reached 102 (94.4%), full 60, explicit 36,
    # special 22, full alarms 3 (none the emergency reply), checked 3 (2.8%), in reach 108.
    # After round 25's rules (from round 24's misses) and the word model learning round 24:
    # the same, every figure (targets: at most 5% checked met; every crisis message reached
    # and no crisis reply to an ordinary message missed).
    # Tuning material since round 26. Held out until then (written 2026-12-02 before round
    # 25's changes), measured on the code of 50ba518: reached 102 (94.4%), full 60, explicit
    # 36, special 22, full alarms 3 (none the emergency reply), checked 3 (2.8%), in reach
    # 108; the same after round 25's rules. After round 26's rules, chosen on it:
    "crisis_r25": Pinned((108, 108, 60, 24), 108, 68, 42, 23, 0, 0, in_reach_min=108),
    # Tuning material since round 27. Held out until then (written 2026-12-03 by a helper who never
    # saw the rules, before round 26's changes). Measured on the code of b5bf1d3: reached 104
    # (96.3%), full 77, explicit 41, special 19, full alarms 4 (none the emergency reply), checked
    # 7 (6.5%), in reach 108. After round 26's rules (from round 25's misses and tuning sets 26a
    # and 26b) and the word model learning them: reached 103 (95.4%; a stalking message the old
    # model had flagged fell below the threshold), full 77, explicit 42, special 19, full alarms 2
    # (none the emergency reply), checked 5 (4.6%), in reach 108 (targets: at most 5% checked met;
    # every crisis message reached and no crisis reply to an ordinary message missed). After round
    # 27's rules, chosen on it:
    "crisis_r26": Pinned((108, 108, 60, 24), 108, 85, 47, 21, 1, 1, in_reach_min=108),
    # Held out (written 2026-12-03 by a second helper of the fourteenth session who never saw
    # the rules, before round 27's changes). Measured on the code of 73ea3c6: reached 104
    # (96.3%), full 80, explicit 46, special 21, full alarms 1 (not the emergency reply),
    # checked 5 (4.6%), in reach 108. After round 27's rules (from round 26's misses and
    # tuning sets 27a and 27b) and the word model learning them: the same, every figure
    # (targets: at most 5% checked met; every crisis message reached and no crisis reply to an
    # ordinary message missed).
    # Tuning material since round 28; the word model learning it: reached 106 (in-sample).
    # With round 28's rules (the look-aheads closed at a word boundary caught its threat;
    # vetoes for affairs at tax time, "had me dying", "starving to death ... since
    # breakfast"): reached 107, checked 1.
    "crisis_r27": Pinned((108, 108, 60, 24), 108, 83, 47, 22, 0, 1, in_reach_min=108),
    # Held out (written 2026-12-03 by a helper of the fifteenth session who never saw the
    # rules, told to favour flat, tired writers, the crisis buried in practical talk, dark
    # jokes, and Scotland, Jamaica, Kenya, Singapore, New Zealand, Pakistan). Measured on the
    # code of 183f2ec: reached 102 (94.4%), full 68, explicit 37, special 15, full alarms 2
    # (both the emergency reply), checked 4 (3.7%), in reach 108. After the word model learnt
    # round 27 and FAQ round 20: the same, every figure. After round 28's rules (from round
    # 27's misses and tuning sets 28a and 28b; 43 look-aheads closed at a word boundary;
    # Scots spellings) and the word model learning them: reached 104 (96.3%), the rest the
    # same (targets: at most 5% checked met; every crisis message reached and no crisis reply
    # to an ordinary message missed). Tuning material since round 29; after round 29's rules,
    # chosen on it and sets 29a and 29b, and the word model learning it: reached 108, full 70,
    # explicit 38, special 16, no crisis reply to an ordinary message, checked 2.
    "crisis_r28": Pinned((108, 108, 60, 24), 108, 73, 40, 18, 0, 1, in_reach_min=108),
    # Held out (written 2026-12-03 by a helper of the sixteenth session who never saw the
    # rules; 18 families of six, ordinary sadness, breakup talk, figures of speech and the
    # same words in harmless use). Measured on the code of 7b8d187: reached 100 (92.6%), full
    # 68, explicit 34, special 18, full alarms 4 (one the emergency reply), checked 7 (6.5%),
    # in reach 108. After round 29's changes (rules from round 28's misses and sets 29a and
    # 29b, hyperbole kept out, a told feeling's answer offered; both word models learning
    # round 28 and the sets): reached 101 (93.5%), full 69, full alarms 3 (one the emergency
    # reply), checked 6 (5.6%), the rest the same (targets: every crisis message reached, at
    # most 5% checked, no crisis reply to an ordinary message: all three missed). Tuning
    # material since round 30; after round 30's rules, chosen on it and set 30a, and the word
    # model learning it: reached 108, full 83, explicit 47, special 24, one crisis reply to an
    # ordinary message (the gentle check), checked 2.
    "crisis_r29": Pinned((108, 108, 60, 24), 108, 84, 47, 24, 1, 2, in_reach_min=108),
    # Held out (written 2026-12-03 by a helper of the seventeenth session who never saw the
    # rules; the same brief as round 29). Measured on the code of 6e1e7d4: reached 98
    # (90.7%), full 65, explicit 35, special 17, full alarms 2 (one the emergency reply),
    # checked 3 (2.8%), in reach 108. After round 30's changes (rules from round 29's misses
    # and set 30a, both word models learning round 29 and the sets): reached 99 (91.7%), full
    # 69, explicit 37, special 19, the rest the same (targets: at most 5% checked met; every
    # crisis message reached and no crisis reply to an ordinary message missed). Tuning
    # material since round 31; after round 31's rules, chosen on it and set 31a, and the word
    # model learning it: reached 108, full 79, explicit 42, special 24, nothing checked.
    "crisis_r30": Pinned((108, 108, 60, 24), 108, 80, 42, 24, 0, 0, in_reach_min=108),
    # Held out (written 2026-12-03 by a helper of the eighteenth session who never saw the
    # rules; the same brief as round 30). Measured on the code of cefbcfb: reached 102
    # (94.4%), full 70, explicit 38, special 16, full alarms 4 (two the emergency reply),
    # checked 5 (4.6%), in reach 108. After round 31's changes (rules from round 30's misses
    # and set 31a, both word models learning round 30 and the sets): reached 102 (94.4%), full
    # 71, explicit 39, special 17, full alarms 3 (two the emergency reply), checked 4 (3.7%)
    # (targets: at most 5% checked met; every crisis message reached and no crisis reply to an
    # ordinary message missed). Tuning material since round 32; the word model learning it:
    # reached 104; round 32's rules, chosen on it and set 32a: reached 108, full 76, explicit
    # 42, special 19, full alarms 2, checked 2. Round 36's vetoes: full alarms 1, checked 1.
    "crisis_r31": Pinned((108, 108, 60, 24), 108, 77, 43, 19, 1, 1, in_reach_min=108),
    # Held out (written 2026-12-03 by a helper of the nineteenth session who never saw the
    # rules; round 31's brief, with no example idioms). Measured on the code of cfe5df1:
    # reached 104 (96.3%), full 71, explicit 40, special 18, full alarms 2 (none the emergency
    # reply), checked 7 (6.5%), in reach 107 (a threat answered with "I'm afraid of them" had
    # no button; the answer keeps it beside it since, in reach 108). The word model learning
    # round 31 and set 32a, and round 32's rules, moved none of it (targets: all three missed).
    # Tuning material since round 33; the word model learning it: reached 105, checked 3;
    # round 33's rules: full 72, explicit 41, special 19.
    "crisis_r32": Pinned((108, 108, 60, 24), 106, 74, 42, 20, 2, 3, in_reach_min=108),
    # Held out (written 2026-12-04 by a helper of the twentieth session who never saw the
    # rules; round 32's brief). Measured on the code of 655b9af: reached 105 (97.2%), full 72,
    # explicit 40, special 18, full alarms 2 (none the emergency reply), checked 4 (3.7%), in
    # reach 108. The word model learning round 32 and sets 32b, 32c and 33a: checked 3 (2.8%),
    # the rest the same (targets: at most 5% checked met; every crisis message reached and no
    # crisis reply to an ordinary message missed). Round 33's rules, chosen on set 33a: full
    # 73, explicit 41, reached still 105.
    "crisis_r33": Pinned((108, 108, 60, 24), 107, 75, 42, 20, 1, 2, in_reach_min=108),
    # Held out (written 2026-12-04 by a helper of the twenty-first session who never saw the
    # rules; round 33's brief). Measured on the code of the urge commit after bda7282: reached
    # 105 (97.2%), full 83, explicit 47, special 20, full alarms 2 (one the emergency reply),
    # checked 7 (6.5%), in reach 108 (targets: all three missed).
    # Tuning material since round 35 (twenty-second session). Round 35's rules, chosen on it,
    # and the word model learning it: reached 108, full 85, explicit 48, full alarms 1 (none
    # the emergency reply), checked 2.
    "crisis_r34": Pinned((108, 108, 60, 24), 108, 85, 48, 20, 1, 2, in_reach_min=108),
    # Held out (written 2026-12-04 by a helper of the twenty-second session who never saw the
    # rules; round 34's brief). Measured on the code of 0a48ed9 (no crisis change since
    # a7302f2): reached 107 (99.1%), full 77, explicit 48 (the number in the first reply
    # 60/60), special 20, full alarms 1 (none the emergency reply), checked 11 (10.2%; seven
    # of them harmless sentences with crisis words), in reach 108 (targets: every crisis
    # message reached missed by one; no emergency reply to an ordinary message met; at most
    # 5% checked missed). After round 35's rules and vetoes (from round 34) and the word model
    # learning round 34 and FAQ round 27: the same, but checked 12 (11.1%), one more.
    # Tuning material since round 36 (twenty-third session). Round 36's vetoes, chosen on it
    # and on the tuning sets' emergency replies, and the word model learning it: full alarms
    # 0, checked 3 (2.8%), the rest the same.
    "crisis_r35": Pinned((108, 108, 60, 24), 107, 79, 50, 22, 0, 3, in_reach_min=108),
    # Tuning material since round 37 (held out until then, written 2026-12-04 by a helper of the
    # twenty-third session who never saw the rules). Measured on the code of e88490b: reached 107
    # (99.1%), full 80, explicit 47 (the number in the first reply 59/60), special 18, full alarms
    # 3 (two the emergency reply), checked 8 (7.4%), in reach 108 (targets: every crisis message
    # reached, no emergency reply to an ordinary message and at most 5% checked, all three missed).
    # After round 36's vetoes (from round 35 and the tuning sets) and the word model learning round
    # 35 and FAQ round 28: the same. Round 37's rules and vetoes, chosen on it (the threat quoted
    # from the ex's email, the garage, the note, the stolen wallet): reached 108, full 81, explicit
    # 48, special 19, full alarms 0, checked 2.
    "crisis_r36": Pinned((108, 108, 60, 24), 108, 81, 48, 19, 0, 2, in_reach_min=108),
    # Tuning material since round 38 (held out until then, written 2026-12-04 by a helper of
    # the twenty-fourth session who never saw the rules; round 36's brief). Measured on the
    # code of 3338eed: reached 106 (98.1%; one stalking, one trapped missed), full 90,
    # explicit 46 (the number in the first reply 59/60), special 20, full alarms 1 (the
    # emergency reply), checked 2 (1.9%), in reach 108 (targets: every crisis message reached
    # and no emergency reply to an ordinary message missed; at most 5% checked met).
    "crisis_r37": Pinned((108, 108, 60, 24), 107, 93, 48, 21, 1, 1, in_reach_min=108),
    # Tuning material since round 39 (held out until then, written 2026-12-05 by a helper of
    # the twenty-fifth session who never saw the rules; round 37's brief). Measured on the
    # code of c8e080a: reached 104 (96.3%; one each
    # from means, no_wake, stalking, threat missed), full 85, explicit 47 (the number in the
    # first reply 57/60), special 20, full alarms 1 (the emergency reply), checked 5 (4.6%),
    # in reach 108 (targets: every crisis message reached and no emergency reply to an
    # ordinary message missed; at most 5% checked met).
    # Learnt by the word model in round 39: reached 106, checked 3. Round 40's rules (a threat
    # with "the videos" and a condition): reached 107, full 86, explicit 48, special 21.
    "crisis_r38": Pinned((108, 108, 60, 24), 108, 87, 49, 21, 1, 2, in_reach_min=108),
    # Tuning material since round 40 (held out until then, written 2026-12-05 by a helper of
    # the twenty-sixth session who never saw the rules; round 38's brief). Measured on the
    # code of f650e6c: reached 104 (96.3%; one
    # burden, one no_future, two threat missed), full 87, explicit 46 (the number in the first
    # reply 58/60), special 21, full alarms 3 (2 of them the emergency reply), checked 6
    # (5.6%), in reach 108 (targets: every crisis message reached, no emergency reply to an
    # ordinary message and at most 5% checked all missed). Learnt by the word model in round
    # 40: checked 3. Round 40's rules, chosen on its misses: reached 108, full 90, explicit 48
    # (the number first 60/60), special 23, full alarms 0, checked 0.
    "crisis_r39": Pinned((108, 108, 60, 24), 108, 91, 49, 23, 0, 0, in_reach_min=108),
    # Tuning material since round 41 (held out until then, written 2026-12-05 by a helper of
    # the twenty-seventh session who never saw the rules; round 39's brief). Measured on the
    # code of 8d06eb7: reached 104 (96.3%; one each from affairs, giving_away, no_reason,
    # self_harm missed), full 85, explicit 45 (the number in the first reply 59/60), special
    # 21, full alarms 0, checked 3 (2.8%), in reach 108 (targets: no emergency reply to an
    # ordinary message and at most 5% checked met; every crisis message reached missed).
    # Round 41's rules, from its misses: reached 108, full 97, explicit 55 (number first
    # 60/60).
    "crisis_r40": Pinned((108, 108, 60, 24), 108, 97, 55, 21, 0, 3, in_reach_min=108),
    # Held out (written 2026-12-05 by a helper of the twenty-eighth session who never saw the
    # rules; round 40's brief). Measured on the code of fd8e583: reached 104 (96.3%; one
    # no_reason, two stalking, one substances missed), full 90, explicit 48 (the number in the
    # first reply 58/60), special 21, full alarms 2 (one of them the emergency reply), checked
    # 3 (2.8%), in reach 108 (targets: at most 5% checked met; every crisis message reached
    # and no emergency reply to an ordinary message missed).
    "crisis_r41": Pinned((108, 108, 60, 24), 104, 91, 49, 21, 2, 3, in_reach_min=108),
    # Held out: written blind in session 29, measured counts-only on the session's first
    # commit (c5d525d) and on its last, identical on every row: reached 105, full 81, explicit
    # 45 (number first 58/60), special 21, one ordinary message with a signal, 5 checked.
    # Session 30's rules (from its tuning sets r43a and r43b and its chats): full 81 -> 83,
    # explicit 45 -> 47, special 21 -> 22; nothing else moved (round 41: full 90 -> 91,
    # explicit 48 -> 49).
    "crisis_r42": Pinned((108, 108, 60, 24), 105, 83, 47, 22, 1, 5, in_reach_min=108),
    # Held out: written blind in session 30 (the families and brief of round 42), measured
    # counts-only on the session's first commit (3c7f357): reached 99 (91.7%), full 73,
    # explicit 39 (number first 53/60), special 18, full alarms 4 (all four the emergency
    # reply), checked 8 (7.4%), in reach 108 (targets: all three missed). On its last: reached
    # 99, full 75, explicit 41 (number first 53/60), special 18, full alarms 3 (the emergency
    # reply), checked 7 (6.5%), in reach 108 (targets: all three still missed). The word model
    # learning the session's tuning set took reached to 98 and was not landed.
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 101.
    "crisis_r43": Pinned(
        (108, 108, 60, 24), 101, 75, 41, 18, 3, 7, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 31 (round 43's families and brief), measured
    # counts-only on the session's first code (df6c46f): reached 93 (86.1%), full 67,
    # explicit 38 (number first 54/60), special 16, full alarms 4 (3 of them the emergency
    # reply), checked 13 (12.0%), in reach 108 (targets: all three missed). On its last:
    # reached 94, full 69, explicit 39 (number first 54/60), special 16, full alarms 4 (3 the
    # emergency reply), checked 13 (targets: all three still missed).
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 96; since
    # session 40's loose phrases (a word inside a phrase of three or more): 98.
    "crisis_r44": Pinned(
        (108, 108, 60, 24), 98, 69, 39, 16, 4, 13, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 32 (round 44's families and brief), measured
    # counts-only on the session's first code (3f26143): reached 97 (89.8%), full 67,
    # explicit 36 (number first 57/60), special 15, full alarms 1 (none the emergency reply),
    # checked 13 (12.0%), in reach 108 (targets: every crisis message reached and at most 5%
    # checked missed; no emergency reply to an ordinary message met). On its last code (the
    # word model's length threshold, new rules for pills told plainly): reached 97, full 67,
    # explicit 36, special 15, full alarms 1, checked 12 (11.1%).
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 99.
    "crisis_r45": Pinned(
        (108, 108, 60, 24), 99, 67, 36, 15, 1, 11, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 33 (the same families and brief), measured
    # counts-only on the session's first code (854dc1a): reached 97 (89.8%), full 69,
    # explicit 41 (number first 58/64), special 13, full alarms 2 (one the emergency reply),
    # checked 9 (8.3%), in reach 108: every target missed but "in reach". No crisis rule
    # changed after it. Since session 40's phrase tables and loose phrases: reached 100.
    "crisis_r46": Pinned(
        (108, 108, 64, 24), 101, 69, 41, 13, 1, 8, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 34 (the same 18 families and brief, 54 explicit),
    # measured counts-only on the session's first code (794eb7b): reached 101 (93.5%), full
    # 69, explicit 38 (number first 51/54), special 19, full alarms 4 (each the emergency
    # reply), checked 11 (10.2%), in reach 108. The same on its last code: no target met but
    # "in reach".
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 103.
    "crisis_r47": Pinned(
        (108, 108, 54, 24), 104, 69, 38, 19, 4, 11, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 35 (the same 18 families and brief, 55 explicit),
    # measured counts-only on the session's first code (e383903): reached 100 (92.6%), full
    # 68, explicit 38 (number first 49/55), special 17, full alarms 2 (each the emergency
    # reply), checked 7 (6.5%), in reach 107: one crisis message got a reply without "I'm
    # not safe" beside it. The same on its last code: no target met. Session 36 looked at that
    # one miss by its route only (a 46-word plan read as good news): good news is now read in
    # short messages only, and all 108 have the button in reach.
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 101.
    "crisis_r48": Pinned(
        (108, 108, 55, 24), 101, 68, 38, 17, 2, 7, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 36 (the same 18 families and brief; 67 explicit, 55
    # of the 216 in other languages), measured counts-only on the session's first code
    # (e5ce41f): reached 98 (90.7%), full 67, explicit 38 (number first 60/67), special 13,
    # full alarms 1 (the emergency reply), checked 5 (4.6%), in reach 108.
    "crisis_r49": Pinned((108, 108, 67, 24), 98, 67, 38, 13, 1, 5, in_reach_min=108),
    # Held out: written blind in session 38 (the same 18 families and brief; 77 explicit, 29
    # of the 216 in other languages), measured counts-only on the session's first code
    # (5737b31): reached 102 (94.4%), full 71, explicit 46 (number first 72/77), special 18,
    # full alarms 5 (4 of them the emergency reply), checked 8 (7.4%), in reach 108.
    # Since session 39's rules (chosen on tuning set r52a): reached 103, full alarms 4 (3 the
    # emergency reply).
    "crisis_r51": Pinned(
        (108, 108, 77, 24), 103, 71, 46, 18, 3, 8, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 39 (the same 18 families and brief; 78 explicit, 58
    # of the 216 in other languages), measured counts-only on the session's first code
    # (16f6187): reached 95 (88.0%), full 74, explicit 49 (number first 69/78), special 17,
    # full alarms 0, checked 5 (4.6%), in reach 108. The rules chosen on tuning set r52a left
    # it as it was; the phrase table (words SAID_*) took it to reached 97 (89.8%); session 40's
    # loose phrases to 98.
    "crisis_r52": Pinned((108, 108, 78, 24), 101, 74, 49, 17, 0, 5, in_reach_min=108),
    # Held out: written blind in session 40 (the same 18 families and brief; 78 explicit, 55
    # of the 216 in other languages), measured counts-only on the session's first code
    # (a169695): reached 98 (90.7%), full 69, explicit 47 (number first 72/78), special 18,
    # full alarms 4 (3 of them the emergency reply), checked 8 (7.4%), in reach 108. On its
    # last (games and shows beside the words, chosen on tuning set r53a): reached 98, full
    # alarms 3 (1 the emergency reply), checked 6 (5.6%: the target missed).
    "crisis_r53": Pinned((108, 108, 78, 24), 100, 69, 47, 18, 2, 5, in_reach_min=108),
    # Held out: written blind in session 41 (the same 18 families and brief; 78 explicit, 54
    # of the 216 in 23 other languages), measured counts-only on the session's first code
    # (7f62260): reached 97 (89.8%), full 70, explicit 44 (number first 71/78), special 16,
    # full alarms 0, checked 4 (3.7%), in reach 108. On its last (more phrases in 35 languages,
    # written blind; tuning set r54a's vetoes): reached 98 (90.7%), the rest the same.
    "crisis_r54": Pinned((108, 108, 78, 24), 98, 70, 44, 16, 0, 4, in_reach_min=108),
    # Held out: written blind in session 42 (the same 18 families and brief; 78 explicit, about
    # a quarter in other languages), measured counts-only on the session's first code
    # (daf2721): reached 100 (92.6%), full 68, explicit 41 (number first 72/78), special 15,
    # full alarms 0, checked 2 (1.9%), in reach 108. On its last (tuning set r55a's cues and
    # phrases; Hungarian "már" no longer vetoed): the same.
    "crisis_r55": Pinned((108, 108, 78, 24), 100, 68, 41, 15, 0, 2, in_reach_min=108),
    # Held out: written blind in session 43 (the same 18 families and brief, more indirect;
    # 78 explicit, a quarter in other languages), measured counts-only on the session's first
    # code (4d2ebd9): reached 98 (90.7%), full 72, explicit 45 (number first 70/78), special
    # 17, full alarms 3 (one the emergency reply), checked 6 (5.6%), in reach 108. On its last
    # (tuning sets r56a and r56b's cues, phrases and vetoes): the same, to the message.
    "crisis_r56": Pinned(
        (108, 108, 78, 24), 98, 72, 45, 17, 3, 6, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 44 (the same 18 families and brief; 68 explicit, about
    # a quarter in other languages), measured counts-only on the session's first code
    # (ae64cdf, the same check as f71b8cd): reached 101 (93.5%), full 62, explicit 37 (number
    # first 63/68), special 15, full alarms 1 (the emergency reply), checked 4 (3.7%), in
    # reach 108. On its last (no rule of the check changed): the same.
    "crisis_r57": Pinned((108, 108, 68, 24), 101, 62, 37, 15, 1, 4, in_reach_min=108),
    # Held out: written blind in session 45 (the same 18 families and brief; 65 explicit, about
    # a quarter in other languages), measured counts-only on the session's first code
    # (f875df5): reached 92 (85.2%), full 56, explicit 38 (number first 59/65), special 18,
    # full alarms 2 (one the emergency reply), checked 9 (8.3%), in reach 108. On its last
    # (tuning set r58a's cues, chosen on the families this round missed most, by name only;
    # a plan denied asked about gently): the same, to the figure.
    "crisis_r58": Pinned(
        (108, 108, 65, 24), 92, 56, 38, 18, 2, 9, checked_target_met=False, in_reach_min=108
    ),
    # Held out: written blind in session 46 (the same 18 families and brief; 42 explicit, about
    # a quarter in other languages), measured counts-only on the session's first code
    # (cc68547): reached 98 (90.7%), full 70, explicit 20 (number first 36/42), special 16,
    # full alarms 2 (both the emergency reply), checked 5 (4.6%), in reach 108. On its last
    # (tuning set r59a's cues, chosen on the families this round missed, by name only): the
    # same, to the figure.
    "crisis_r59": Pinned((108, 108, 42, 24), 98, 70, 20, 16, 2, 5, in_reach_min=108),
    # Tuning sets from two new writers (tests/data/), written for tuning. Measured once before
    # it: r15a reached 131, checked 8, full alarms 3; r15b reached 123, checked 7, full alarms
    # 4. After round 15's second pass of rules, chosen on them:
    "crisis_tuning_r15a": Pinned((144, 144, 96, 32), 144, 120, 67, 28, 0, 0, in_reach_min=144),
    "crisis_tuning_r15b": Pinned((144, 144, 96, 32), 144, 97, 58, 24, 0, 0, in_reach_min=144),
    # A third writer (2026-12-02, told to favour veiled phrasings and hard look-alikes),
    # written for tuning. Measured once before it: reached 118, full 77, checked 13, full
    # alarms 7 (5 the emergency reply). After round 21's rules, chosen on it: checked 5; with
    # round 23's word model (runs of five letters), checked 6 (4.2%).
    "crisis_tuning_r21a": Pinned((144, 144, 96, 32), 142, 86, 53, 24, 1, 5, in_reach_min=144),
    # Two more writers (2026-12-03), written for tuning: 26a young and short, in text-speak;
    # 26b older, indirect, some not writing in their first language. Measured once before
    # round 26's rules: 26a reached 93, checked 5; 26b reached 104, checked 9 (one the
    # emergency reply). After round 26's rules, chosen on them, and the word model learning
    # them (26b checked 3; 4 since the word model learnt round 26 and sets 27a and 27b too):
    "crisis_tuning_r26a": Pinned((108, 108, 60, 24), 108, 83, 49, 21, 0, 0, in_reach_min=108),
    "crisis_tuning_r26b": Pinned((108, 108, 60, 24), 107, 79, 46, 21, 0, 3, in_reach_min=108),
    # And two more (2026-12-03): 27a long messages with the crisis one clause in a story; 27b
    # world Englishes and code-switching (Pidgin, patois, Taglish, Hinglish, Singlish).
    # Measured once before round 27's rules: 27a reached 100, checked 11 (two the emergency
    # reply); 27b reached 92, checked 4. After round 27's rules, chosen on them, and the word
    # model learning them:
    "crisis_tuning_r27a": Pinned((108, 108, 60, 24), 106, 93, 53, 22, 2, 3, in_reach_min=108),
    "crisis_tuning_r27b": Pinned((108, 108, 60, 24), 108, 51, 31, 13, 0, 2, in_reach_min=108),
    # And two more (2026-12-03, fifteenth session): 28a flat, tired writers, the crisis buried
    # in practical talk or behind a dark joke (round 28's brief, another writer); 28b
    # understatement, a crisis told as logistics. Measured once before round 28's rules (both
    # after the look-ahead fix, which was not chosen on them): 28a reached 95, full 70, checked
    # 6 (three the crisis reply); 28b reached 105, checked 4. After round 28's rules, chosen on
    # them, and the word model learning them:
    "crisis_tuning_r28a": Pinned((108, 108, 60, 24), 107, 81, 44, 19, 0, 2, in_reach_min=108),
    "crisis_tuning_r28b": Pinned((108, 108, 60, 24), 108, 72, 44, 21, 0, 1, in_reach_min=108),
    # And two more (2026-12-03, sixteenth session): 29a flat voice, the crisis buried in a
    # long message, danger told only by what happened, the ex at risk told by a friend; 29b
    # short and slangy, euphemisms, older formal writers. Measured once before round 29's
    # rules: 29a reached 91, full 60, checked 14 (three the emergency reply); 29b reached 102,
    # checked 4 (two the emergency reply). After round 29's rules, chosen on them, and the
    # word model learning them (29a's four passive checks are close calls: "i can't go on like
    # this, i need a proper sleep routine"):
    "crisis_tuning_r29a": Pinned(
        (108, 108, 60, 24), 108, 69, 37, 15, 4, 7, checked_target_met=False, in_reach_min=108
    ),
    "crisis_tuning_r29b": Pinned((108, 108, 60, 24), 108, 83, 43, 19, 0, 0, in_reach_min=108),
    # And one more (2026-12-03, seventeenth session): 30a the ex at risk told second-hand,
    # self-harm told by its aftermath, goodbyes that never say goodbye, not waking said as
    # sleep, plans told through arrangements. Measured once before round 30's rules: reached
    # 99, full 59, explicit 29, special 9, checked 6 (three the crisis reply, none the
    # emergency one). After round 30's rules, chosen on it, and the word model learning it:
    "crisis_tuning_r30a": Pinned((108, 108, 60, 24), 108, 85, 52, 24, 1, 1, in_reach_min=108),
    # And one more (2026-12-03, eighteenth session): 31a affairs put in order through chores,
    # being a burden said as costs, plans told through arrangements, drink or drugs with
    # despair, the ex at risk told second-hand. Measured once before round 31's rules: reached
    # 99, full 72, explicit 37, special 15, checked 5 (three the crisis reply, one the
    # emergency one). After them, chosen on it, and the word model learning it:
    "crisis_tuning_r31a": Pinned((108, 108, 60, 24), 108, 83, 44, 23, 0, 0, in_reach_min=108),
    # And one more (2026-12-03, nineteenth session): 32a plans told without the word,
    # self-harm told through its signs, no future told through what they won't do, violence
    # told through objects and bodies, the ex at risk told second-hand. Measured once before
    # round 32's rules: reached 101, full 65, explicit 38, special 16, full alarms 3 (two the
    # emergency reply), checked 8. The word model learning it: reached 102, checked 6; round
    # 32's rules, chosen on it: reached 108, full 71, nothing checked.
    "crisis_tuning_r32a": Pinned((108, 108, 60, 24), 108, 74, 40, 19, 0, 0, in_reach_min=108),
    # Two more (2026-12-03, nineteenth session), each measured once before round 32's second
    # pass of rules: 32b (no reason said without the words, giving away, indirect threats,
    # the hardest sad ordinary messages) reached 97, full 62, explicit 36, special 14, full
    # alarms 3 (two the emergency reply), checked 8; 32c (idioms, crisis words used
    # innocently, short or buried crisis messages) reached 99, full 73, explicit 40, special
    # 18, full alarms 3, checked 6, in reach 107. After the rules chosen on them and the word
    # model learning them:
    "crisis_tuning_r32b": Pinned((108, 108, 60, 24), 108, 74, 41, 18, 0, 1, in_reach_min=108),
    "crisis_tuning_r32c": Pinned((108, 108, 60, 24), 107, 80, 43, 19, 1, 4, in_reach_min=108),
    # One more (2026-12-04, twentieth session), from the brief of 32b, measured once before
    # round 33's rules: reached 102, full 72, explicit 44, special 18, full alarms 1, checked
    # 4. The word model learning it: reached 105. Round 33's rules, chosen on it: reached 108,
    # full 101, explicit 55, special 24, checked 2 (one the passive reply: "dead inside").
    "crisis_tuning_r33a": Pinned((108, 108, 60, 24), 108, 101, 55, 24, 1, 1, in_reach_min=108),
    # One more (2026-12-04, twenty-first session), round 33's brief with 160 ordinary near-misses,
    # measured once before round 34's rules: reached 105, full 79, explicit 43, special 20,
    # full alarms 4 (three the emergency reply: "his new gf just followed me", a Tagalog "dying
    # of laughter", a move told with "everything i own" and a bridge), checked 8 (5.0%). Round
    # 34's rules, chosen on it, and the word model learning it:
    "crisis_tuning_r34a": Pinned((108, 160, 60, 24), 108, 83, 46, 20, 0, 0, in_reach_min=108),
    # 360 ordinary messages and no crisis ones (2026-12-05, twenty-fifth session): 150 in nine
    # other languages, hopes that the ex changed, anger at the bot, logistics, words after a
    # wrong check, late-night words that sound dark and are not. Measured once before: 48
    # checked (37 of the 150 in other languages), 2 given the emergency reply. The word model
    # learning it, and vetoes for a roof party and "i'm not hurting myself" (now the gentle
    # check, its one signal):
    "crisis_tuning_r38a": Pinned((0, 360, 0, 0), 0, 0, 0, 0, 1, 5),
    # 90 crisis and 100 ordinary messages (2026-12-05, thirtieth session), told to favour
    # indirect, euphemistic, buried and second-language wordings and harmless look-alikes.
    # Measured once before round 43's rules: reached 79, full 50, explicit 30, special 13,
    # full alarms 7 (four the emergency reply: a rope knot, a roof with the neighbour, pills
    # the doctor prescribed, "lmaooo im gonna kms"), checked 8. After the rules chosen on it
    # (the word model does not learn it: that lost a message of held-out round 43):
    "crisis_tuning_r43a": Pinned((90, 100, 50, 20), 85, 58, 36, 16, 3, 5, in_reach_min=90),
    # A second set from the same session (72 crisis, 72 ordinary), told to favour the most
    # indirect wordings of plans, means, self-harm, no future, threats, stalking, violence and
    # the ex at risk told second-hand, with near look-alikes. Measured once before: reached 61,
    # full 30, explicit 19, special 11, full alarms 4 (all the emergency reply), checked 11.
    # After the rules chosen on it:
    "crisis_tuning_r43b": Pinned(
        (72, 72, 56, 32), 68, 47, 34, 19, 0, 5, checked_target_met=False, in_reach_min=72
    ),
    # Session 31's set (102 crisis, 100 ordinary): the hardest kinds (timing, arrangements,
    # euphemisms, self-harm told sideways, danger told matter-of-factly) and near look-alikes.
    # Measured once before: reached 84, full 47, explicit 20, special 11, full alarms 4 (two
    # the emergency reply: a French "je vais mourir si je le croise", a railing's height by
    # law), checked 10. After the rules chosen on it (the word model does not learn it):
    # Since session 39's phrase table (net.other_languages, words SAID_*): reached 99.
    "crisis_tuning_r44a": Pinned(
        (102, 100, 54, 24), 99, 67, 34, 16, 1, 10, checked_target_met=False, in_reach_min=102
    ),
    # Session 32's set (100 crisis, 300 ordinary, every message 25 to 80 words). Measured once
    # before: reached 90, full 62, explicit 39, special 12, full alarms 10 (7 the emergency
    # reply), checked 78 (26%). After the word model's length threshold (chosen on it, not
    # learnt from it) and two vetoes: reached 89, checked 46.
    "crisis_tuning_r45a": Pinned(
        (100, 300, 55, 22), 90, 62, 39, 12, 8, 46, checked_target_met=False, in_reach_min=100
    ),
    # Session 33's set (120 crisis messages of the families hardest to catch, 200 look-alikes;
    # not learnt by the word model). Measured once before: reached 105, full 38, explicit 12,
    # special 11, full alarms 5 (one the emergency reply), checked 35 (17.5%, mostly the word
    # model on look-alikes in other languages). After four rules chosen on it: reached 109.
    # Session 42: the word model, retrained with five labelled questions about the ex's hard
    # news, let one of its crisis messages go (reached 109 -> 108; checked 35 -> 34).
    "crisis_tuning_r46a": Pinned(
        (120, 200, 39, 30), 108, 42, 12, 11, 5, 34, checked_target_met=False, in_reach_min=119
    ),
    # Session 34's set (120 crisis messages: no future, goodbyes, giving away, affairs, means
    # said indirectly, drink, trapped, burden, other languages, danger; 200 look-alikes; not
    # learnt by the word model). Measured once before: reached 112, full 66, explicit 19,
    # special 10, full alarms 6 (four the emergency reply), checked 35 (17.5%). After the
    # rules chosen on it: reached 120, full alarms 0, checked 31.
    "crisis_tuning_r47a": Pinned(
        (120, 200, 26, 12), 120, 73, 20, 10, 0, 30, checked_target_met=False, in_reach_min=120
    ),
    # Session 36's set (120 crisis messages: danger told by what happened, the ex at risk told
    # second-hand, explicit self-harm in 15 languages, passive signs buried in long messages;
    # 200 look-alikes; not learnt by the word model: that lost two crisis messages of held-out
    # round 45). Measured once before: reached 106, full 64, explicit 41, special 19, full
    # alarms 3 (two the emergency reply), checked 16 (8.0%). After the rules chosen on it:
    "crisis_tuning_r49a": Pinned((120, 200, 90, 40), 120, 76, 50, 32, 1, 8, in_reach_min=120),
    # Session 38's set (100 crisis messages of the hard kind, 300 look-alikes: danger words in
    # harmless use, figures of speech, heavy sadness). Measured once before: reached 93, full
    # 67, explicit 45, special 20, full alarms 15 (nine the emergency reply), checked 36
    # (12.0%). After the rules chosen on it (three misses in Indonesian, Turkish and Russian,
    # a note for whoever finds them; six emergency replies to look-alikes):
    "crisis_tuning_r51a": Pinned(
        (100, 300, 71, 30), 98, 68, 46, 20, 11, 32, checked_target_met=False, in_reach_min=100
    ),
    # Session 39's set (126 crisis messages over the 18 families, 252 look-alikes; half of each
    # in 19 other languages). Measured once before: reached 98, full 59, explicit 35, special
    # 13, full alarms 6 (four the emergency reply), checked 15 (6.0%). After the rules chosen
    # on it (pills gathered, a will, letters left, never waking, "he'll kill me" in 14
    # languages; a rope for macrame, a series about a stalker, a night shift's "sleep forever"):
    "crisis_tuning_r52a": Pinned(
        (126, 252, 91, 28), 126, 59, 35, 13, 2, 11, in_reach_min=126
    ),
    # Session 40's set (144 crisis messages over the 18 families, 288 look-alikes; half of each
    # in 30 other languages). Measured once before: reached 111, full 68, explicit 42, special
    # 16, full alarms 10 (seven the emergency reply), checked 22 (7.6%). After the phrase
    # tables (written blind), loose phrases and games and shows beside the words (chosen on it):
    "crisis_tuning_r53a": Pinned(
        (144, 288, 104, 32), 123, 68, 42, 16, 5, 18, checked_target_met=False, in_reach_min=144
    ),
    # Session 41's set (144 crisis messages over the 18 families, 288 look-alikes; half of each
    # in 34 other languages). Measured once before: reached 101, full 71, explicit 48, special
    # 16, full alarms 5 (three the emergency reply), checked 15 (5.2%). After the phrase tables
    # (written blind) and a few phrases taken from its own misses (so its reach says little of
    # unseen text), and vetoes chosen on it (a dog kept, a goodbye to a team, mum's "maar
    # dalegi"):
    "crisis_tuning_r54a": Pinned(
        (144, 288, 104, 32), 143, 71, 48, 16, 2, 12, in_reach_min=144
    ),
    # ... and one in English only, of the hard kind (162 crisis messages, 162 look-alikes).
    # Measured once before: reached 153, full 118, full alarms 3 (all the emergency reply),
    # checked 9. After its rules ("top myself", new accounts at each block, a crash welcomed;
    # games, "lowkey violent", a nurse's drug round):
    "crisis_tuning_r54c": Pinned(
        (162, 162, 117, 36), 159, 123, 74, 28, 0, 3, in_reach_min=162
    ),
    # Session 42's set (180 crisis messages, 10 per family, 180 look-alikes; about a third in
    # other languages; the hard kinds favoured). Measured once before: reached 151, explicit
    # 49, number first 110/130, full alarms 1 (the emergency reply), checked 5. After its
    # cues (an attempt told in passing, a chemist that asks no questions, "look after mam for
    # me", no return ticket needed, plans cancelled "no point", lives easier after a month's
    # grief, a new account at every block), phrases in 17 languages fitted from its misses
    # (so its reach says little of unseen text), and the "már" veto narrowed:
    "crisis_tuning_r55a": Pinned(
        (180, 180, 130, 40), 176, 78, 49, 23, 1, 5, in_reach_min=179
    ),
    # ... and one on the five families round 55 missed most (the ex at risk, no future, plans,
    # affairs, drink or drugs: 30 each; 150 look-alikes written to share their words, about a
    # quarter of each in other languages). Measured once before: reached 126, full 70,
    # explicit 51, special 14, full alarms 10 (five the emergency reply), checked 27 (18%).
    # After its cues (no seat saved, no renewal "or anything", the last autumn, a date set
    # and calm, a folder "for mum" for after; small claims no threat) and a few phrases:
    "crisis_tuning_r55b": Pinned(
        (150, 150, 120, 30), 142, 70, 51, 14, 9, 27, checked_target_met=False,
        in_reach_min=150,
    ),
    # Session 43: one written for tuning (180 crisis messages, 10 per family, half of them
    # indirect; 180 look-alikes; a third in other languages). Measured once before: reached
    # 156, full 77, explicit 46, number first 112/130, full alarms 7 (two the emergency
    # reply), checked 17. After its cues (the last plan ever needed, the big box "for my nan.
    # it's not", an attempt nobody knows of, "see you never", things sorted so nobody has to,
    # a note "for after", "ugh. still here"), phrases in 12 languages fitted from its misses
    # and its look-alikes' vetoes:
    "crisis_tuning_r56a": Pinned((180, 180, 130, 40), 180, 76, 46, 20, 1, 2, in_reach_min=180),
    # ... and one mostly of look-alikes (60 crisis messages, 300 ordinary ones reusing their
    # words: pills for a cold, rope for a move, a boss's "threat", "dead inside but make it
    # fashion"; a third in other languages). Before: reached 53, full alarms 11 (eight the
    # emergency reply), checked 34 (11.3%). After its vetoes and a few phrases (one emergency
    # reply left):
    "crisis_tuning_r56b": Pinned((60, 300, 36, 14), 60, 34, 23, 10, 2, 2, in_reach_min=60),
    # Session 45: one on the ten families held-out round 58 missed most, by family name only
    # (120 crisis messages: affairs, giving away, goodbyes, no reason, drink or drugs, trapped,
    # no future, no waking, intent and means said indirectly; 90 look-alikes; one in eight in
    # other languages). Measured once before: reached 106, full 56, explicit 15, full alarms 4
    # (two the emergency reply), checked 9 (10.0%). After its cues (preparations kept from
    # someone, "done, not with him, with everything", "make it stop for good", a past attempt
    # and feeling as then, next month's rent no worry, "if i fall in i fall in", no place at a
    # wedding in june; a last day at a job, who gets the cat in the split, "morir de
    # vergüenza", "he saw me in my pyjamas"):
    "crisis_tuning_r58a": Pinned(
        (120, 90, 70, 0), 117, 56, 15, 0, 1, 7, checked_target_met=False, in_reach_min=120
    ),
    # Session 46: one on the nine families held-out round 59 missed, by family name only (120
    # crisis messages: affairs, drink or drugs, attempts, giving away, means, plans, no waking,
    # the ex at risk, intent; 90 look-alikes; a fifth in other languages). Measured once before:
    # reached 104, full 65, explicit 33, special 6, full alarms 2 (one the emergency reply),
    # checked 8 (8.9%). After its cues (checking out for good, "remember me then", on the edge
    # at a lookout, "that's the day i'm doing it", "after that i'm out", blood everywhere, a
    # whole prescription taken, the ex's overdose told by others, phrases in Polish, Dutch,
    # Turkish, Italian, Portuguese) and vetoes (a garage that rang, waking groggy for an
    # interview, medicine as the doctor said):
    "crisis_tuning_r59a": Pinned((120, 90, 80, 15), 118, 70, 35, 11, 0, 2, in_reach_min=120),
}
_MATCHER = FaqMatcher(list(load_content().faq_entries.values()))


def figures(name: str) -> dict[str, int]:
    path = HELDOUT / f"{name}.yaml"
    if name.startswith("crisis_tuning_"):
        path = HELDOUT.parent / f"{name}.yaml"
    if not path.exists():
        pytest.skip("held-out round not present")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    f = dict.fromkeys(("crisis", "reached", "full", "explicit", "explicit_right", "special",
                       "special_right", "ordinary", "full_alarms", "checked", "in_reach"), 0)
    for item in data["crisis"]:
        signal = detect_crisis(item["text"])
        f["crisis"] += 1
        f["full"] += signal is not None
        reached = signal is not None or mentions_harm(item["text"]) == "strong"
        f["reached"] += reached
        f["in_reach"] += reached or read_text(item["text"], _MATCHER).help_in_reach
        if item.get("level") == "explicit":
            f["explicit"] += 1
            f["explicit_right"] += signal is not None and signal.level == "explicit"
        if item["kind"] != "self_harm":
            f["special"] += 1
            f["special_right"] += signal is not None and signal.kind == item["kind"]
    for item in data["ordinary"]:
        f["ordinary"] += 1
        full = detect_crisis(item["text"]) is not None
        f["full_alarms"] += full
        f["checked"] += full or mentions_harm(item["text"]) == "strong"
    return f


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_the_round_is_the_one_measured(name: str) -> None:
    f = figures(name)
    assert (f["crisis"], f["ordinary"], f["explicit"], f["special"]) == ROUNDS[name].sizes


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_crisis_messages_reaching_help_do_not_drop(name: str) -> None:
    f, pinned = figures(name), ROUNDS[name]
    assert f["reached"] >= pinned.reached_min
    assert f["full"] >= pinned.full_min
    assert f["explicit_right"] >= pinned.explicit_min
    assert f["special_right"] >= pinned.special_min
    assert f["in_reach"] >= pinned.in_reach_min


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_false_alarms_do_not_rise(name: str) -> None:
    f, pinned = figures(name), ROUNDS[name]
    assert f["full_alarms"] <= pinned.full_alarms_max
    assert f["checked"] <= pinned.checked_max
    if pinned.checked_target_met:
        assert f["checked"] <= 0.05 * f["ordinary"]  # the target itself
