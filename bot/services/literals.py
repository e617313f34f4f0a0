"""The words a regular expression cannot match without: a cheap test before running it.

`required(pattern)` gives strings of which every match of `pattern` contains at least one
("school run" or "rent" or ...), or None when no such set can be told from the pattern. A
text that holds none of them cannot match, so `str.__contains__` (fast, in C) can skip a
regular expression that would otherwise scan the whole text to find nothing: the FAQ's some
175 phrase rules over a long message were most of its cost (bench/faq.py, timing).

Only what is certain is used: a literal run, a group, an alternation whose every branch has
its own, a repeat that must occur at least once. Anything else (classes, lookarounds, flags)
adds nothing, so the answer is a necessary condition, never a guess.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own parser and its opcodes (re._parser since Python 3.11; typeshed
# does not describe them).
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of `pattern` holds one; None if they cannot be told."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _of_sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if not found or any(not piece for piece in found):
        return None
    return frozenset(found)


def _of_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective necessary set among a sequence's items (longest shortest string)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found: set[str] | None = None
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = av
            if not add_flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
                found = _of_sequence(list(body))
        elif op is sre.BRANCH:
            branches = [_of_sequence(list(branch)) for branch in av[1]]
            if all(branch for branch in branches):
                found = set().union(*(branch for branch in branches if branch))
        elif op in _REPEATS:
            low, _high, body = av
            if low >= 1:
                found = _of_sequence(list(body))
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda pieces: min(len(piece) for piece in pieces))
