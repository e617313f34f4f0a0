"""A word model under the crisis rules: short messages that the rules miss but whose words
and word pairs are, taken together, far likelier in crisis messages than in ordinary ones.

Naive Bayes over normalised words, word pairs and runs of three, weights trained offline by
scripts/train_crisis_words.py on tuning material only (never a held-out round) and shipped
in data/crisis_words.json. ``crisis.mentions_harm`` uses it as one more way to "strong" (the
gentle "are you safe?" check), never for the full crisis reply: a statistical guess may ask,
it does not decide. Messages longer than ``max_words`` are left to the rules, because a sum
over many words drifts upward with length.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DATA_FILE", "WordModel", "features", "load_model"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "crisis_words.json"


def features(tokens: Sequence[str]) -> set[str]:
    """The words of a normalised message, its adjacent pairs ("not wake", "wake up"), its
    pairs one word apart ("not _ up") and its runs of three ("not wake up")."""
    found = set(tokens)
    found.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    found.update(f"{a} _ {b}" for a, b in zip(tokens, tokens[2:], strict=False))
    found.update(f"{a} {b} {c}" for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))
    return found


@dataclass(frozen=True)
class WordModel:
    weights: dict[str, float]
    threshold: float
    max_words: int

    def score(self, tokens: Sequence[str]) -> float:
        """Log-odds of crisis against ordinary from the message's features (no prior)."""
        return sum((self.weights.get(f, 0.0) for f in features(tokens)), 0.0)

    def says_crisis(self, tokens: Sequence[str]) -> bool:
        if not tokens or len(tokens) > self.max_words:
            return False
        return self.score(tokens) > self.threshold


def load_model(path: Path = DATA_FILE) -> WordModel:
    data = json.loads(path.read_text("utf-8"))
    return WordModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        max_words=int(data["max_words"]),
    )
