"""A word model under the crisis rules: short messages that the rules miss but whose words
and word pairs are, taken together, far likelier in crisis messages than in ordinary ones.

Naive Bayes over normalised words, word pairs and runs of three, and runs of five letters
across them ("nalive", "overd": a word's kin, a typo, a word run together), weights trained
offline by
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

__all__ = ["DATA_FILE", "WordModel", "features", "letter_runs", "load_model", "model_features"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "crisis_words.json"


def features(tokens: Sequence[str]) -> set[str]:
    """The words of a normalised message, its adjacent pairs ("not wake", "wake up"), its
    pairs one word apart ("not _ up") and its runs of three ("not wake up")."""
    found = set(tokens)
    found.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    found.update(f"{a} _ {b}" for a, b in zip(tokens, tokens[2:], strict=False))
    found.update(f"{a} {b} {c}" for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))
    return found


def letter_runs(tokens: Sequence[str], size: int) -> set[str]:
    """Every run of ``size`` characters of the message, spaces included, marked with "#" so
    that none is taken for a word ("# unal", "#naliv"...)."""
    text = f" {' '.join(tokens)} "
    return {f"#{text[i:i + size]}" for i in range(len(text) - size + 1)}


def model_features(tokens: Sequence[str], letters: int) -> set[str]:
    """What the model weighs: ``features`` and, when ``letters`` is not 0, the runs of that
    many letters (the trainer counts exactly these)."""
    found = features(tokens)
    if letters:
        found |= letter_runs(tokens, letters)
    return found


@dataclass(frozen=True)
class WordModel:
    weights: dict[str, float]
    threshold: float
    max_words: int
    letters: int = 0  # the length of the letter runs it also weighs; 0 for none
    # The sum grows with length: past `length_from` words, each word raises the threshold by
    # `length_slope` (a long vent with no risk in it no longer outscores a short crisis line)
    length_slope: float = 0.0
    length_from: int = 0

    def features(self, tokens: Sequence[str]) -> set[str]:
        return model_features(tokens, self.letters)

    def score(self, tokens: Sequence[str]) -> float:
        """Log-odds of crisis against ordinary from the message's features (no prior)."""
        return sum((self.weights.get(f, 0.0) for f in self.features(tokens)), 0.0)

    def threshold_for(self, words: int) -> float:
        """The threshold for a message of `words` words."""
        return self.threshold + self.length_slope * max(0, words - self.length_from)

    def says_crisis(self, tokens: Sequence[str]) -> bool:
        if not tokens or len(tokens) > self.max_words:
            return False
        return self.score(tokens) > self.threshold_for(len(tokens))


def load_model(path: Path = DATA_FILE) -> WordModel:
    data = json.loads(path.read_text("utf-8"))
    return WordModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        max_words=int(data["max_words"]),
        letters=int(data.get("letters", 0)),
        length_slope=float(data.get("length_slope", 0.0)),
        length_from=int(data.get("length_from", 0)),
    )
