"""The part of an answer that speaks to a follow-up question ("how do i handle pickups
without talking to him" just after the answer about children): one paragraph, so a new
question on the same ground is answered without sending the whole answer again."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from bot.services.faq import FaqEntry, analyze

_TAG = re.compile(r"<[^>]+>")


def best_passage(
    entry: FaqEntry, question: str, exclude: Collection[str] = ()
) -> str | None:
    """The paragraph of `entry`'s answer that shares the most with `question` (words as the
    FAQ matcher reads them, each weighed by how few paragraphs have it), leaving out those in
    `exclude` (given just before); None when the answer is one paragraph or none shares a
    word. On a tie the earlier paragraph wins."""
    paragraphs = [p for part in entry.answer for p in part.split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return None
    words = [set(analyze(_TAG.sub("", p))) for p in paragraphs]
    spread = Counter(w for ws in words for w in ws)
    asked = set(analyze(question))
    best: str | None = None
    best_score = 0.0
    for paragraph, have in zip(paragraphs, words, strict=True):
        if paragraph in exclude:
            continue
        score = sum(1 / spread[w] for w in asked & have)
        if score > best_score:
            best, best_score = paragraph, score
    return best
