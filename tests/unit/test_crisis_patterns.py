"""The crisis rules' regular expressions, read as text: a veto written as a negative look-ahead
over short words must end at a word boundary.

`(?! (?:back|a|an|the))` after "he is going to find me" was meant to let "find me back" go,
but " a" is also the start of " and": "he is going to find me and break my legs" got no
reply at all (crisis round 27, a threat). Forty-three such look-aheads had the same hole
(" my" vetoed " myself", " the" vetoed " then" and " there"). Nothing here reads a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.services import crisis
from bot.services.crisis import load_tables

_LOOKAHEAD = re.compile(r"\(\?! \(\?:")
_SHORT_WORD = re.compile(r"[a-z]{1,4}")


def _closing(pattern: str, opening: int) -> int:
    """The index of the parenthesis that closes the one at `opening`."""
    depth, i = 0, opening
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i
        i += 1
    raise AssertionError(f"unbalanced at {opening}: {pattern[opening:opening + 60]}")


def open_lookaheads(pattern: str) -> Iterator[str]:
    """The opening and words of each `(?! (?:a|b|...)` that lists a short word and is not
    followed by a word boundary: the words it lists also veto every word they begin."""
    for found in _LOOKAHEAD.finditer(pattern):
        inner = found.start() + 4
        close = _closing(pattern, inner)
        words = pattern[inner + 3 : close].split("|")
        if pattern[close + 1 : close + 3] != r"\b" and any(
            _SHORT_WORD.fullmatch(w) for w in words
        ):
            yield pattern[found.start() : close + 1]


def _patterns() -> Iterator[tuple[str, str]]:
    tables = load_tables()
    for group in ("self_harm", "danger", "other_at_risk", "unsafe", "escalate", "net_strong",
                  "net_weak"):
        for i, rule in enumerate(getattr(tables, group).rules):
            for name in ("pattern", "requires", "unless"):
                compiled = getattr(rule, name)
                if compiled is not None:
                    yield f"{group}[{i}].{name}", compiled.pattern
    for name in ("model_unless", "other_languages", "other_languages_unless"):
        yield name, getattr(tables, name).pattern


def test_the_scan_finds_the_hole_it_is_for() -> None:
    assert list(open_lookaheads(r"find me(?! (?:back|a|an|the))")) == ["(?! (?:back|a|an|the)"]
    assert not list(open_lookaheads(r"find me(?! (?:back|a|an|the)\b)"))
    assert not list(open_lookaheads(r"find me(?! (?:because|together))"))


@pytest.mark.parametrize(("where", "pattern"), list(_patterns()))
def test_word_vetoes_end_at_a_word_boundary(where: str, pattern: str) -> None:
    assert not list(open_lookaheads(pattern)), where


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he is going to find me and break my legs", "danger_from_other"),
        ("her new boyfriend messaged me on insta saying hes going to find me and break my legs",
         "danger_from_other"),
        ("my ex said she'll find me and then i'll be sorry", "danger_from_other"),
    ],
)
def test_a_threat_that_goes_on_after_find_me_is_caught(text: str, kind: str) -> None:
    signal = crisis.detect_crisis(text)
    assert signal is not None, text
    assert signal.kind == kind, text


@pytest.mark.parametrize(
    "text", ["he is going to find me a new charger", "she'll find me back when she's ready"]
)
def test_find_me_in_everyday_words_is_still_let_go(text: str) -> None:
    assert crisis.detect_crisis(text) is None
