"""The strings a regular expression cannot match without, and the FAQ's phrase rules skipped by
them giving exactly what running every rule gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.services import faq
from bot.services.literals import required
from bot.services.textnorm import normalize

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # The parser takes the branches' shared "h" out of them: "miss h" is certain.
        (r"\bmiss (?:him|her)\b", {"miss h"}),
        (r"\b(?:rent|bills?|school run)\b", {"rent", "bill", "school run"}),
        # The longest shortest piece wins: "does that" over "a|the".
        (r"\b(?:a|the) .{0,20}does that\b", {"does that"}),
        (r"(?:x)+yz", {"yz"}),
        (r"(?:abc)+", {"abc"}),
    ],
)
def test_required_pieces(pattern: str, expected: set[str]) -> None:
    assert required(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b\w+ing\b|\d+",  # a branch with no literal of its own
        r"(?:ab)?c?",  # nothing must occur
        r"[abc]+",  # a class is not a literal
        r"(?i)miss",  # case folded: "MISS" matches without "miss"
        r"(?:foo|)",  # an empty branch
    ],
)
def test_nothing_certain_gives_none(pattern: str) -> None:
    assert required(re.compile(pattern)) is None


def test_a_text_without_the_pieces_cannot_match() -> None:
    pattern = re.compile(r"\b(?:he|she) (?:texted|called) me\b")
    pieces = required(pattern)
    assert pieces is not None
    for text in ["he texted me", "she called me back", "they texted me", "he texts me"]:
        if pattern.search(text):
            assert any(piece in text for piece in pieces)


def _texts() -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "tests" / "data").rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text("utf-8")))
    walk(yaml.safe_load((ROOT / "content" / "faq.yaml").read_text("utf-8")))
    return found


def test_faq_phrase_pass_skipping_rules_changes_nothing() -> None:
    """Every phrase rule run on every text we hold gives the same tokens as the pass that
    skips rules whose required strings are absent (and most rules are skipped that way)."""

    def every_rule(text: str) -> str:
        padded = f" {text} "
        for pattern, token, _needs in faq._PHRASE_RES:
            padded = pattern.sub(token, padded)
        return padded

    texts = [normalize(text) for text in _texts()]
    assert len(texts) > 10_000
    differing = [text for text in texts if faq._phrase_pass(text) != every_rule(text)]
    assert differing == []
    gated = sum(1 for _p, _t, needs in faq._PHRASE_RES if needs is not None)
    assert gated >= 0.9 * len(faq._PHRASE_RES)
