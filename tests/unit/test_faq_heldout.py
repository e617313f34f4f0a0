"""The FAQ held-out rounds (tests/data/heldout/faq_r34.yaml, faq_r35.yaml, faq_r36.yaml) and
the rounds held out before them, as floors and ceilings.

Round 34 was written by someone who never saw the matcher, before round 34's changes, and is
never tuned on (those changes are chosen on rounds 3 to 33 and the tuning sets in tests/data).
These tests pin the figures measured once after the changes (bench/faq.py, counted as the bot
replies) so they cannot silently get worse; tighten a bound when a change improves it.
Nothing here prints a message's text: assertions compare counts only. Rounds 5 to 15 were
held out until later rounds and are tuning material now (round 25 since round 26): their
pins guard against
regressions.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services.faq import FaqMatcher, entries_from_content

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "data" / "heldout"
FAQ = ROOT / "content" / "faq.yaml"

sys.path.insert(0, str(ROOT))
from bench.faq import heldout_figures  # noqa: E402


@dataclass(frozen=True)
class Pinned:
    """Sizes (asked, out of scope, listen), then the bounds. Issue targets: reached >= 95%,
    wrong <= 5%, declined >= 95%; where a round misses one, its bound guards the measured
    level and claims nothing more."""

    sizes: tuple[int, int, int]
    reached_min: int  # answer, offer or "Did you mean" holds an expected id
    right_min: int  # the confident answer is an expected id
    wrong_max: int  # a confident answer that is not
    declined_min: int  # out of scope, declined
    quiet_min: int  # listen items not answered confidently


ROUNDS = {
    # Tuning material since round 6 (held out until then: reached 118 before round 5's
    # tuning, 119 after; wrong 5, then 3).
    "faq_r5": Pinned((130, 30, 30), 121, 92, 2, 30, 28),
    # Tuning material since round 7 (held out until then: reached 100 before round 6's
    # tuning, 106 after; wrong 7, then 6).
    "faq_r6": Pinned((130, 30, 30), 111, 82, 6, 30, 20),
    # Tuning material since round 8 (held out until then: before round 7's changes reached
    # 117 (90%), right 102, wrong 4, declined 28, quiet 27; after them reached 121, declined
    # 27). After round 8's changes, chosen on it: reached 128, right 108, wrong 2.
    "faq_r7": Pinned((130, 30, 30), 128, 108, 2, 30, 29),
    # Tuning material since round 9 (held out until then, written 2026-12-01). Before round
    # 8's changes (small talk
    # counted as the bot replies it, bench/faq.py): reached 117 (90%), right 80, wrong 2,
    # declined 28, quiet 28. After: reached 118 (90.8%, target 124 missed), right 81, wrong 2
    # (1.5%), declined 29 (96.7%), quiet 28.
    # Round 9's phrase rules, chosen on it: reached 128, right 88, wrong 0.
    # Since round 10's changes (statements scoring under 0.65, or with weak words of harm,
    # heard first, their answer one tap away): right 84.
    # Round 11's phrasings (chosen on rounds 3 to 10: right 1001 to 1014, wrong 36 to 29 over
    # all of them) offer two of its answers as buttons rather than giving them: right 82.
    # Round 14's phrasings (chosen on round 13: wrong over all tuned rounds 49 to 46) tip one
    # short-relationship message ("only dated 4 months, why am i this destroyed") to "Every
    # breakup is different", which speaks of short relationships too: wrong 1.
    "faq_r8": Pinned((130, 30, 30), 128, 82, 1, 29, 29),
    # Tuning material since round 10 (held out until then, written 2026-12-01 before round
    # 9's changes). Measured before them: reached
    # 115 (88.5%), right 87, wrong 6 (4.6%), declined 28 (93.3%), quiet 25. After: reached 117
    # (90.0%, target 124 missed), right 89, wrong 6 (4.6%), declined 28 (target 29 missed),
    # quiet 25.
    # After the second pass (tests/data/faq_tuning_r9a.yaml): right 90, the rest the same.
    # After round 10's changes, chosen on it (round 9 tuning material then): reached 120,
    # right 84 (statements under 0.65 or with weak words of harm heard first), wrong 6,
    # declined 30, quiet 30.
    "faq_r9": Pinned((130, 30, 30), 120, 84, 6, 30, 30),
    # Tuning material since round 11 (held out until then, written 2026-12-01 before round
    # 10's changes, by a helper who never saw the matcher). Before them (0ed33c8): reached
    # 114 (87.7%), right 91, wrong 9 (6.9%), declined 22 (73.3%), quiet 28. After: reached
    # 114, right 87, wrong 9, declined 26, quiet 28. Round 11's changes, chosen on it:
    # reached 125, right 91, wrong 4, declined 29, quiet 29.
    "faq_r10": Pinned((130, 30, 30), 125, 91, 4, 29, 29),
    # Tuning material since round 12 (held out until then, written 2026-12-01 before round
    # 11's changes, by a helper who never saw the matcher). Before them (b905bdb): reached
    # 105 (80.8%), right 79, wrong 9 (6.9%), declined 29 (96.7%), quiet 29. After: reached
    # 107 (82.3%, target 124 missed), right 80, wrong 8 (6.2%, target 6 missed), declined 29,
    # quiet 29.
    "faq_r11": Pinned((130, 30, 30), 107, 80, 8, 29, 29),
    # Tuning material since round 13 (held out until then, written 2026-12-02 before round
    # 12's changes, by a helper who never saw the matcher). Before them (4203dc7): reached 120
    # (92.3%), right 92, wrong 4 (3.1%), declined 30, quiet 28. After them (114a3f7): the same.
    # Since "tips" names no subject (round 18): right 91, the one lost asked back instead.
    # Since four phrasings from tuning set 20a (round 20's second pass): right 90, one more asked
    # back instead (over rounds 3 to 19 and the set: 3 more reached, 2 more right).
    "faq_r12": Pinned((130, 30, 30), 120, 90, 4, 30, 28),
    # Tuning material since round 14 (held out until then, written 2026-12-02 before round
    # 13's changes, by a helper who never saw the matcher). Before them (2046924): reached 123
    # (93.2%), right 85, wrong 5 (3.8%), declined 29, quiet 27; after them the same. Round
    # 14's changes, chosen on it: reached 130, right 90, wrong 2, declined 30, quiet 28.
    "faq_r13": Pinned((132, 30, 30), 130, 90, 2, 30, 28),
    # Tuning material since round 15 (held out until then, written 2026-12-02 before round
    # 14's changes, by a helper who never saw the matcher). Before them (0e126fb): reached
    # 126 (95.5%), right 106, wrong 3 (2.3%), declined 28, quiet 30; after them (a8feaa5):
    # reached 127, right 107, wrong 3, declined 27, quiet 30. Round 15's changes, chosen on
    # it: reached 128, right 108, wrong 2, declined 30, quiet 30.
    "faq_r14": Pinned((132, 30, 30), 128, 108, 2, 30, 30),
    # Tuning material since round 16 (held out until then, written 2026-12-02 before round
    # 15's changes, by a helper who never saw the matcher). Before them (7ad8c17): reached
    # 111 (84.1%), right 86, wrong 7 (5.3%), declined 28, quiet 30; after them the same.
    "faq_r15": Pinned((132, 30, 30), 111, 85, 7, 28, 30),  # session 42: right 86 -> 85
    # Tuning material since round 17 (held out until then, written 2026-12-02 before round
    # 16's changes, by a helper who never saw the matcher or earlier rounds). Before them
    # (the code of 5faba53): reached 123 (93.2%), right 100, wrong 3 (2.3%), declined 28
    # (93.3%), quiet 28. After the word model's second opinion (bot/services/faq_words.py,
    # chosen on rounds 10 to 15 left out in turn): reached 126 (95.5%), right 100, wrong 1
    # (0.8%), declined 28, quiet 28. Since the word model learns from it: reached 127,
    # declined 30 (in-sample).
    "faq_r16": Pinned((132, 30, 30), 127, 100, 1, 30, 28),
    # Held out (written 2026-12-02 before round 17's changes, by a helper who never saw the
    # matcher or earlier rounds). Before them (the code of b185340): reached 129 (97.7%),
    # right 96, wrong 0, declined 26 (86.7%), quiet 30. After the word model learnt requests
    # for something else (ELSEWHERE, chosen on rounds 10 to 16 left out in turn): declined 28
    # (93.3%), the rest the same (targets: reached 95% and wrong at most 5% met; declined 95%
    # missed).
    # Tuning material since round 18; since the word model learns from it and offers its clear
    # reading of a question left unplaced: reached 132, declined 29 (in-sample).
    "faq_r17": Pinned((132, 30, 30), 132, 95, 0, 29, 30),  # session 42: right 96 -> 95
    # Tuning material since round 19 (held out until then, written 2026-12-02 before round 18's
    # changes, by a helper who never saw the matcher or earlier rounds). Before them (the code of
    # 69df54b): reached 120 (90.9%), right 91, wrong 2 (1.5%), declined 27 (90.0%), quiet 29. After
    # the word model's clear reading of a question the matcher left unplaced is offered as a guess
    # (GUESS_LEAD, chosen on rounds 10 to 17 left out in turn): reached 123 (93.2%), the rest the
    # same. With "tips" no longer repaired into "tipsy" nor a subject: right 92 (targets: wrong at
    # most 5% met; reached 95% and declined 95% missed). Since the word model learns from it and
    # "made it a whole week" is good news told: reached 126, wrong 1, quiet 30 (in-sample).
    # A dose asked about and a message to write to the ex, each declined in a reply of its
    # own (round 19's changes): declined 29.
    "faq_r18": Pinned((132, 30, 30), 127, 92, 1, 29, 30),
    # Held out (written 2026-12-02 before round 19's changes, by a helper who never saw the
    # matcher or earlier rounds). Before them (the code of 50ba518): reached 126 (95.5%),
    # right 101, wrong 1 (0.8%), declined 25 (83.3%), quiet 29. After the word model learnt
    # round 18 too: declined 26 (86.7%), the rest the same (targets: reached 95% and wrong at
    # most 5% met; declined 95% missed).
    # Tuning material since round 20. With round 20's rules for a lawyer's, a bank's or an
    # account's help, chosen on it, and the word model learning it: reached 129, right 102,
    # wrong 0, declined 30 (in-sample).
    "faq_r19": Pinned((132, 30, 30), 129, 102, 0, 30, 29),
    # Held out (written 2026-12-03 before round 20's changes, by a helper who never saw the
    # matcher or earlier rounds). Before them (the code of b5bf1d3): reached 125 (94.7%),
    # right 95, wrong 0, declined 28 (93.3%), quiet 29. After them: declined 29 (96.7%), the
    # rest the same (targets: wrong at most 5% and declined 95% met; reached 95% missed by
    # one question). After four phrasings from tuning set 20a (a second pass of the session)
    # and the word model learning the set: right 94 (one more asked back instead), quiet 30.
    # Since a question in a later sentence counts as asking ("... tiktok said 90. whats the
    # actual number of days", chosen on rounds 3 to 19 and set 20a: 1 more reached, 6 more
    # right, nothing else moved): reached 127 (96.2%; targets: all three met).
    # Tuning material since round 21; the word model learning it: reached 128 (in-sample).
    "faq_r20": Pinned((132, 30, 30), 128, 94, 0, 29, 30),
    # Held out (written 2026-12-03 before round 21's changes, by a helper of the fifteenth
    # session who never saw the matcher, told to favour two questions at once, roundabout
    # asking, older writers and new countries). Before them (the code of 183f2ec): reached 124
    # (93.9%), right 79, wrong 2 (1.5%), declined 28 (93.3%), quiet 29. After the word model
    # learnt round 20: right 80, the rest the same. After round 21's changes from tuning set
    # 21a (two questions at once, roundabout asking, older writers; reached 123 and declined
    # 27 before, 128 and 30 after: a long request for a message to send the ex declined, "day
    # 30. i did it" heard as news, two phrasings) and the word model learning it: the same
    # (targets: wrong at most 5% met; reached 95% and declined 95% missed). Tuning material
    # since round 22; after round 22's changes (one phrasing chosen on it) and the word model
    # learning it: reached 129, right 81, wrong 1, declined 30 (in-sample).
    "faq_r21": Pinned((132, 30, 30), 129, 80, 1, 30, 29),  # session 42: right 81 -> 80
    # Held out (written 2026-12-03 before round 22's changes, by a helper of the sixteenth
    # session who never saw the matcher: five questions for each of the ten commonest answers,
    # two for every other, 30 requests for something else, 30 feelings told). Before them (the
    # code of 7b8d187): reached 124 (93.9%), right 89, wrong 3 (2.3%), declined 28 (93.3%),
    # quiet 26. After them (a told feeling's answer offered under the heard reply; help asked
    # for someone else's breakup answered as such; both word models learning round 21 and sets
    # 22a and 22b): reached 128 (97.0%), wrong 2 (1.5%), the rest the same (targets: reached
    # 95% and wrong at most 5% met; declined 95% missed by one request). Tuning material since
    # round 23; the word model learning it, and round 23's changes (an answer to a statement
    # the word model reads as telling is offered, not given; help asked for a relative's
    # heartbreak answered as someone else's): reached 131, wrong 0, declined 29, quiet 28.
    "faq_r22": Pinned((132, 30, 30), 131, 89, 0, 29, 28),
    # Held out (written 2026-12-03 before round 23's changes, by a helper of the seventeenth
    # session who never saw the matcher; round 22's brief). Before them (the code of
    # 6e1e7d4): reached 129 (97.7%), right 81, wrong 0, declined 29 (96.7%), quiet 28. After
    # them (the two changes above, both word models learning round 22 and set 23a): quiet 29,
    # the rest the same (targets: all three met). Tuning material since round 24; the word
    # models learning it and round 24's changes: reached 131, declined 30.
    "faq_r23": Pinned((132, 30, 30), 131, 81, 0, 30, 29),
    # Held out (written 2026-12-03 before round 24's changes, by a helper of the eighteenth
    # session who never saw the matcher; round 23's brief). Before them (the code of
    # cefbcfb): reached 129 (97.7%), right 80, wrong 1 (0.8%), declined 29 (96.7%), quiet 28.
    # After them (a child's own life, what to text someone new, an instrument to buy and a
    # medicine mixed with another declined; both word models learning round 23 and set 24a):
    # declined 30, the rest the same (targets: all three met). Tuning material since round
    # 25; the word models learning it: wrong 0.
    "faq_r24": Pinned((132, 30, 30), 129, 80, 0, 30, 28),
    # Held out (written 2026-12-03 before round 25's changes, by a helper of the nineteenth
    # session who never saw the matcher; round 24's brief without example phrasings). Before
    # them (the code of cfe5df1): reached 129 (97.7%), right 81, wrong 1 (0.8%), declined 30,
    # quiet 29. The word models learning round 24 and its set: quiet 28, the rest the same
    # (targets: all three met). Tuning material since round 26; the word models learning it:
    # reached 132, right 82, wrong 0, quiet 29.
    "faq_r25": Pinned((132, 30, 30), 132, 82, 0, 30, 29),
    # Held out (written 2026-12-04 before round 26's changes, by a helper of the twentieth
    # session who never saw the matcher; round 25's brief). Before them (the code of 655b9af):
    # reached 127 (96.2%), right 71, wrong 1 (0.8%), declined 30, quiet 30. The word models
    # learning round 25 moved none of it (targets: all three met).
    "faq_r26": Pinned((132, 30, 30), 127, 71, 1, 30, 30),
    # Held out (written 2026-12-04 before round 27's changes, by a helper of the twenty-first
    # session who never saw the matcher; round 26's brief). Before them (the code of the urge
    # commit after bda7282): reached 130 (98.5%), right 91, wrong 0, declined 30, quiet 29
    # (targets: all three met).
    "faq_r27": Pinned((132, 30, 30), 130, 91, 0, 30, 29),
    # Held out (written 2026-12-04 by a helper of the twenty-second session who never saw the
    # matcher; round 27's brief). Measured on the code of 0a48ed9 (no matcher change since
    # a7302f2): reached 127 (96.2%), right 83, wrong 2 (1.5%), declined 30, quiet 30 (targets:
    # all three met, the fifth writer in a row). Tuning material since round 29; the word
    # models learning it: reached 129, wrong 1.
    "faq_r28": Pinned((132, 30, 30), 129, 83, 1, 30, 30),
    # Tuning material since round 30 (held out until then, written 2026-12-04 by a helper of the
    # twenty-third session who never saw the matcher). Measured on the code of e88490b: reached 131
    # (99.2%), right 101, wrong 0, declined 30, quiet 29 (targets: all three met, the sixth writer
    # in a row). The word models learning round 28 moved none of it; the phrase rule for "i keep
    # opening his instagram" (from a helper's terminal chat) turned one right answer into a "did
    # you mean" with the right one offered: right 100, reached still 131.
    "faq_r29": Pinned((132, 30, 30), 131, 100, 0, 30, 29),
    # Tuning material since round 31 (held out until then, written 2026-12-04 by a helper of
    # the twenty-fourth session who never saw the matcher; round 29's brief). Measured on the
    # code of 3338eed: reached 130 (98.5%), right 113, wrong 0, declined 30, quiet 30
    # (targets: all three met, the seventh writer in a row). A phrase for sworn anger from a
    # helper's chat later: reached 131, right 114.
    "faq_r30": Pinned((132, 30, 30), 130, 113, 0, 30, 30),
    # Tuning material since round 32 (held out until then, written 2026-12-05 by a helper of
    # the twenty-fifth session who never saw the matcher; round 30's brief). Measured on the
    # code of c8e080a: reached 128 (97.0%), right
    # 107, wrong 2, declined 30, quiet 30 (targets: no wrong answer missed, the first writer
    # in eight; declined and quiet met).
    "faq_r31": Pinned((132, 30, 30), 128, 105, 2, 30, 30),  # session 42: right 107 -> 105
    # Tuning material since round 33 (held out until then, written 2026-12-05 by a helper of
    # the twenty-sixth session who never saw the matcher; round 31's brief). Measured on the
    # code of f650e6c: reached 132 (100%), right 99, wrong 0, declined 30, quiet 30 (targets:
    # all three met). Learnt by the word model in round 33: right 98 (one question, "should I
    # reply" to a text, offered both right answers instead of answering one).
    "faq_r32": Pinned((132, 30, 30), 132, 98, 0, 30, 30),
    # Tuning material since round 34 (held out until then, written 2026-12-05 by a helper of
    # the twenty-seventh session who never saw the matcher; round 32's brief). Measured on the
    # code of 8d06eb7: reached 132 (100%), right 106, wrong 0, declined 30, quiet 29
    # (targets: all three met).
    "faq_r33": Pinned((132, 30, 30), 132, 106, 0, 30, 29),
    # Held out (written 2026-12-05 by a helper of the twenty-eighth session who never saw the
    # matcher; round 33's brief). Measured on the code of fd8e583: reached 131 (99.2%), right
    # 108, wrong 1, declined 30, quiet 30 (targets: all three met).
    "faq_r34": Pinned((132, 30, 30), 131, 108, 1, 30, 30),
    # Held out (written 2026-12-05 by two helpers of session 29 who never saw the matcher or
    # any earlier round). Measured on the session's first commit (c5d525d) and on its last,
    # the same: r35 reached 123 (93.2%, the 95% target missed), right 83, wrong 1, declined
    # 30, quiet 30; r36 reached 125 (94.7%, missed), right 80, wrong 3, declined 29, quiet 28.
    # Retraining the word model with r35 (measured, undone) left r36 at right 79. Session 36's
    # new answer on feeling relieved shifts the words' weights: one right answer of r35 is
    # now offered among others instead of given (reached stays 123, wrong stays 1).
    # Session 40: a question read surely in English with a word that asks, offered without a
    # question mark (faq.py), first moved one request for something else of r35 from declined
    # to offered topics; not once a refusal ("no want") is read as one: declined 30 again.
    # Session 42's new answer ("Something awful happened to them", its phrasings of the ex's
    # illness or accident cost three rounds a confident right answer each), phrasings and
    # glossary moved some rounds' figures by one or two, both ways; the pins that fell say so
    # beside them.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: right 82->84.
    # ... and right 84 -> 83 once a phrasing added for a party both go to was taken
    # back (it cost the answer to "wedding invite from his sister, should i go",
    # tests/e2e/test_faq.py).
    "faq_r35": Pinned((132, 30, 30), 123, 83, 1, 30, 30),
    "faq_r36": Pinned((132, 30, 30), 125, 80, 3, 29, 28),
    # Held out (written 2026-12-05 by a helper of session 30 who never saw the matcher or any
    # earlier round). Measured on the session's first commit (3c7f357) and on its last, the
    # same: reached 129 (97.7%), right 97, wrong 0, declined 29, quiet 30 (targets: all met).
    "faq_r37": Pinned((132, 30, 30), 128, 97, 0, 29, 30),  # session 42: reached 129 -> 128
    # Held out (written 2026-12-05 by a helper of session 31 who never saw the matcher or any
    # earlier round). Measured on the session's first code (df6c46f) and on its last, the
    # same: reached 124 (93.9%, the 95% target missed), right 78, wrong 2 (1.5%), declined 30,
    # quiet 29.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 124->128.
    # ... and reached 128 -> 127 once a phrasing added for a party both go to was taken
    # back (it cost the answer to "wedding invite from his sister, should i go",
    # tests/e2e/test_faq.py).
    # session 42: reached 127 -> 126, right 78 -> 76
    "faq_r38": Pinned((132, 30, 30), 126, 76, 2, 30, 29),
    # Held out (written 2026-12-06 by a helper of session 32 who never saw the matcher or any
    # earlier round). Measured on the session's first code (3f26143) and on its last, the
    # same: reached 110 (83.3%, the 95% target missed), right 78, wrong 1 (0.8%), declined
    # 29, quiet 27.
    # Since session 33's glossary (questions in other languages offered their answers):
    # reached 117 (88.6%).
    # Since session 40's glossary and offers (above r35): reached 120.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: right 78->79, declined 29->28 (a request in another language,
    # its words read closer to a topic, now offered it: the cost of the wider reading).
    "faq_r39": Pinned((132, 30, 30), 120, 77, 1, 28, 27),  # session 42: right 79 -> 77
    # Held out (written 2026-12-06 by a helper of session 33 who never saw the matcher or any
    # earlier round). Measured on the session's first code (854dc1a): reached 110 (83.3%),
    # right 62, wrong 0, declined 29, quiet 29. On its last (the glossary): reached 117
    # (88.6%, the 95% target missed), right 62, wrong 0, declined 29, quiet 29.
    # Since session 39's words in the glossary (chosen on tuning set t52a): reached 119.
    # Since session 40's (above r35): reached 120.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 120->121.
    "faq_r40": Pinned((132, 30, 30), 120, 62, 0, 29, 29),  # session 42: reached 121 -> 120
    # Held out (written 2026-12-06 by a helper of session 34 who saw only the answers' titles).
    # Measured on the session's first code (794eb7b) and on its last, identical: reached 106
    # (80.3%, the 95% target missed), right 56, wrong 0, declined 29, quiet 30. (Dutch and
    # Polish in the glossary moved it to 107; measured and not taken, see README.)
    # Since session 40's Dutch, Polish, Turkish, Russian and Arabic glossaries and offers without
    # a question mark: reached 110.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 110->112.
    "faq_r41": Pinned((132, 30, 30), 112, 56, 0, 29, 30),
    # Held out (written 2026-12-06 by a helper of session 37 who saw only the answers' titles;
    # no question for "I'm afraid of them", kept out of a set without danger). Measured on the
    # session's first code (f310a39): reached 102 (90.3%, the 95% target missed), right 73,
    # wrong 0, declined 23/23, quiet 34/34.
    # Since session 40's: reached 104.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 104->107, right 73->74.
    "faq_r50": Pinned((113, 23, 34), 107, 74, 0, 23, 34),
    # Held out (written 2026-12-07 by a helper of session 39 who saw only the answers' titles;
    # 12 questions in other languages). Measured on the session's first code (16f6187):
    # reached 93 (89.4%, the 95% target missed), right 50, wrong 2, declined 25/25, quiet
    # 25/25.
    # Since session 40's: reached 95 (91.3%).
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 95->97, right 50->51, wrong 2->1.
    "faq_r52": Pinned((104, 25, 25), 97, 51, 1, 25, 25),
    # Held out (written 2026-12-07 by a helper of session 40 who saw only the answers' titles;
    # 22 questions in other languages). Measured on the session's first code (a169695):
    # reached 91 (87.5%), right 53, wrong 1, declined 24/25, quiet 25/25. On its last:
    # reached 93 (89.4%, the 95% target missed), the rest the same.
    # Since session 41's glossary (more forms in each language; Swedish, Romanian and
    # Vietnamese) and offers: reached 93->97.
    "faq_r53": Pinned((104, 25, 25), 97, 53, 1, 23, 25),  # session 42: declined 24 -> 23
    # Held out (written 2026-12-07 by a helper of session 41 who saw only the answers' titles;
    # 33 of the 154 in other languages). Measured on the session's first code (7f62260):
    # reached 87 (83.7%), right 52, wrong 0, declined 25/25, quiet 25/25. On its last (the
    # glossary's forms, a request for something else read in another language offered no
    # topics): reached 90 (86.5%, the 95% target missed), declined 24/25, the rest the same.
    "faq_r54": Pinned((104, 25, 25), 89, 52, 0, 24, 25),  # session 42: reached 90 -> 89
    # Held out (written 2026-12-07 by a helper of session 42 who saw only the answers' titles;
    # about 20% in other languages). Measured on the session's first code (daf2721): reached
    # 94 (90.4%), right 53, wrong 0, declined 24/25, quiet 24/25. On its last (a new answer,
    # "Something awful happened to them"; "ghosting" phrasings, which cost it one; Japanese,
    # Korean, Chinese and Ukrainian told apart; the glossaries' new words, written blind):
    # reached 94 (90.4%, the 95% target missed).
    "faq_r55": Pinned((104, 25, 25), 94, 53, 0, 24, 24),
    # Held out (written 2026-12-07 by a helper of session 43 who saw only the answers' titles;
    # about 20% in other languages). Measured on the session's first code (4d2ebd9): reached
    # 92 (88.5%), right 66, wrong 0, declined 24/25, quiet 24/25. On its last (Japanese,
    # Chinese and Korean read by pieces, Ukrainian word by word; a full-width "？" asks):
    # reached 94 (90.4%, the 95% target missed), the rest the same.
    "faq_r56": Pinned((104, 25, 25), 94, 66, 0, 24, 24),
    # Held out (written 2026-12-07 by a helper of session 44 who saw only the answers' titles;
    # about 20% in other languages). Measured on the session's first code (ae64cdf): reached
    # 98 (94.2%), right 66, wrong 0, declined 22/25, quiet 24/25. On its last (the word
    # model's pick no longer joins a told message without ground): the same.
    "faq_r57": Pinned((104, 25, 25), 98, 66, 0, 22, 24),
    # Held out (written 2026-12-07 by a helper of session 45 who saw only the answers' titles;
    # English only). Measured on the session's first code (f875df5): reached 101 (97.1%),
    # right 66, wrong 1, declined 18/25, quiet 24/25. On its last (phrasings for an ex who is
    # seriously ill and shared subscriptions; small talk read sentence by sentence; requests beside
    # the topics declined, chosen on tuning set r58a): declined 20, the rest the same.
    "faq_r58": Pinned((104, 25, 25), 101, 66, 1, 20, 24),
    # Held out (written 2026-12-08 by a helper of session 46 who saw only the answers' titles;
    # English only). Measured on the session's first code (cc68547): reached 103 (99.0%),
    # right 74, wrong 0, declined 23/25, quiet 25/25. On its last: the same.
    "faq_r59": Pinned((104, 25, 25), 103, 74, 0, 23, 25),
}


def figures(name: str) -> dict[str, int]:
    path = HELDOUT / f"{name}.yaml"
    if not path.exists():
        pytest.skip("held-out round not present")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    matcher = FaqMatcher(entries_from_content(yaml.safe_load(FAQ.read_text("utf-8"))))
    return heldout_figures(matcher, data)


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_the_round_is_the_one_measured(name: str) -> None:
    f = figures(name)
    assert (f["asked"], f["oos"], f["listen"]) == ROUNDS[name].sizes


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_right_answers_are_reached(name: str) -> None:
    f = figures(name)
    assert f["reached"] >= ROUNDS[name].reached_min
    assert f["right"] >= ROUNDS[name].right_min


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_confident_wrong_answers_stay_rare(name: str) -> None:
    assert figures(name)["wrong"] <= ROUNDS[name].wrong_max


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_out_of_scope_is_declined(name: str) -> None:
    assert figures(name)["declined"] >= ROUNDS[name].declined_min


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_listening_messages_are_not_answered(name: str) -> None:
    assert figures(name)["quiet"] >= ROUNDS[name].quiet_min
