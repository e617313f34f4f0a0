"""A second opinion under the FAQ matcher: which question a message is most likely about,
learnt from people's own wordings.

Naive Bayes over the normalised words, word pairs and runs of three of a message (the
features of ``crisis_words``), one class per FAQ question. It learns from two sources: the
labelled questions of the FAQ's tuning rounds, counted offline by
scripts/train_faq_words.py into data/faq_words.json (never a held-out round), and the
phrasings of content/faq.yaml, counted when the matcher is built, so that an edited or new
question is known at once.

Beside the questions it knows two more classes from the same rounds: ELSEWHERE, clear
requests for something else (trivia, code, recipes), and TOLD, messages that ask nothing
(feelings, news, "day 3").

``FaqMatcher.match`` asks it once it has placed a message (bot/services/faq.py): a
confident answer it disagrees with by a wide margin becomes a choice between the two ("did
you mean"), and its pick joins a list of suggestions that lacks it. It never answers on its
own and never turns a decline into an answer: a statistical guess may offer, it does not
decide. Its reading of a request for something else (``Opinion.elsewhere``) lets a request
the rules of reading.py miss be declined kindly, never a message that asks nothing.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from bot.services.crisis_words import features
from bot.services.textnorm import normalize

__all__ = [
    "DATA_FILE",
    "ELSEWHERE",
    "TOLD",
    "LabelledCounts",
    "Opinion",
    "WordVotes",
    "load_counts",
    "tokens",
    "votes_for",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "faq_words.json"
# Not question ids (those match ^[a-z0-9_-]+$): the two classes that are no question.
ELSEWHERE = "~elsewhere"
TOLD = "~told"
_NOT_QUESTIONS = (ELSEWHERE, TOLD)


def tokens(text: str) -> list[str]:
    return normalize(text).split()


@dataclass(frozen=True)
class LabelledCounts:
    """Per question: how many labelled messages, and how often each feature occurs in them."""

    messages: Mapping[str, int]
    counts: Mapping[str, Mapping[str, int]]  # feature -> question id -> count
    alpha: float
    min_count: int


@cache
def load_counts(path: Path = DATA_FILE) -> LabelledCounts:
    data = json.loads(path.read_text("utf-8"))
    return LabelledCounts(
        messages={str(k): int(v) for k, v in data["messages"].items()},
        counts={str(f): {str(i): int(n) for i, n in per.items()}
                for f, per in data["counts"].items()},
        alpha=float(data["alpha"]),
        min_count=int(data["min_count"]),
    )


@dataclass(frozen=True)
class Opinion:
    """What the model makes of one message."""

    ranked: list[tuple[str, float]]  # every question with its log score, best first
    # How far "a request for something else" leads every other class (questions and "asks
    # nothing") in log odds; below zero when it does not lead, -inf when it cannot tell.
    elsewhere: float
    # How far the best question leads every other class (questions, "something else" and
    # "asks nothing"), in log odds; -inf when it cannot tell.
    lead: float = -math.inf
    # How far "asks nothing" leads every other class, in log odds; below zero when it does
    # not lead, -inf when it cannot tell.
    told: float = -math.inf


class WordVotes:
    """Naive Bayes over the questions in ``phrasings`` (id -> its phrasings), and the classes
    ELSEWHERE and TOLD when the labelled counts have messages of theirs."""

    def __init__(
        self, phrasings: Mapping[str, Sequence[str]], labelled: LabelledCounts
    ) -> None:
        extra = [c for c in _NOT_QUESTIONS if labelled.messages.get(c) and c not in phrasings]
        phrasings = {**phrasings, **{c: () for c in extra}}
        ids = list(phrasings)
        self._questions = [n for n, qid in enumerate(ids) if qid not in _NOT_QUESTIONS]
        self._elsewhere = ids.index(ELSEWHERE) if ELSEWHERE in phrasings else None
        self._told = ids.index(TOLD) if TOLD in phrasings else None
        messages: Counter[str] = Counter()
        counts: dict[str, Counter[str]] = {}
        for qid in ids:
            messages[qid] += labelled.messages.get(qid, 0)
        for feature, per in labelled.counts.items():
            kept = {qid: n for qid, n in per.items() if qid in phrasings}
            if kept:
                counts[feature] = Counter(kept)
        for qid, texts in phrasings.items():
            for text in texts:
                messages[qid] += 1
                for feature in features(tokens(text)):
                    counts.setdefault(feature, Counter())[qid] += 1
        kept_counts = {f: dict(per) for f, per in counts.items()
                       if sum(per.values()) >= labelled.min_count}
        self._ids = ids
        alpha = labelled.alpha
        vocabulary = max(len(kept_counts), 1)
        totals: Counter[str] = Counter()
        for per in kept_counts.values():
            totals.update(per)
        all_messages = sum(messages.values()) or 1
        column = {qid: n for n, qid in enumerate(ids)}
        # score(q) = log prior(q) + sum over the message's features of log P(feature | q);
        # a feature never seen with q has P = alpha / denominator(q), so each present feature
        # adds that "unseen" term, and the seen ones add log((count + alpha) / alpha) on top
        # (one row of a feature-by-question table, summed with numpy).
        self._prior = np.array([math.log(max(messages[q], 1) / all_messages) for q in ids])
        self._unseen = np.array(
            [math.log(alpha / (totals[q] + alpha * vocabulary)) for q in ids], dtype=np.float64
        )
        self._row = {f: n for n, f in enumerate(sorted(kept_counts))}
        self._bonus = np.zeros((len(self._row), len(ids)), dtype=np.float64)
        for f, n in self._row.items():
            for qid, count in kept_counts[f].items():
                self._bonus[n, column[qid]] = math.log((count + alpha) / alpha)

    def opinion(self, text: str) -> Opinion:
        """Every question ranked, and how clearly it is a request for something else; an
        empty ranking when the message shares no feature with anything learnt."""
        rows = [self._row[f] for f in features(tokens(text)) if f in self._row]
        if not rows:
            return Opinion([], -math.inf)
        scores = (self._prior + len(rows) * self._unseen + self._bonus[rows].sum(axis=0)).tolist()
        ranked = sorted(((self._ids[n], scores[n]) for n in self._questions),
                        key=lambda item: (-item[1], item[0]))
        elsewhere = -math.inf if self._elsewhere is None else _lead(scores, self._elsewhere)
        told = -math.inf if self._told is None else _lead(scores, self._told)
        lead = _lead(scores, self._ids.index(ranked[0][0]))
        return Opinion(ranked, elsewhere, lead, told)

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every question with its log score, best first; empty when the message shares no
        feature with anything learnt."""
        return self.opinion(text).ranked


def _lead(scores: Sequence[float], n: int) -> float:
    """How far class ``n`` leads every other class, in log odds."""
    return scores[n] - max(s for m, s in enumerate(scores) if m != n)


@cache
def votes_for(phrasings: tuple[tuple[str, tuple[str, ...]], ...]) -> WordVotes:
    """The model for these questions and phrasings, built once per process (every bot
    application built in one process, as the tests do, shares it)."""
    return WordVotes(dict(phrasings), load_counts())
