"""Every safety-talk text, filled in for someone whose country is not known: no line or
sentence opens with a lowercase letter ("your local emergency number if it gets worse.")."""

from __future__ import annotations

import re

from bot.core.content import load_content
from bot.handlers.safety import SosData, _say
from bot.services.helplines import lines_for

CONTENT = load_content()
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FILLED = {"emergency", "country_name", "lines", "line", "silent"}
_LOWER_OPENING = re.compile(r"(?:^|\n|[.!?] )(?:<b>)?[a-z](?![a-z0-9-]*\.[a-z])")


def test_no_safety_text_opens_a_line_in_lowercase_where_the_country_is_unknown() -> None:
    assert CONTENT.helplines is not None
    lines = lines_for(CONTENT.helplines, None)
    assert lines.emergency[0].islower()  # "your local emergency number": the case tested
    keys = [k[len("sos."):] for k in CONTENT.texts if k.startswith("sos.")]
    checked = 0
    for key in keys:
        variants = CONTENT.variants(f"sos.{key}") if _is_text_list(f"sos.{key}") else []
        names = {n for v in variants for n in _PLACEHOLDER.findall(v)} - _FILLED
        extra = dict.fromkeys(names, "Sam")  # a name or a word said back
        for kind in ("s", "d", "o"):
            data = SosData(kind=kind)
            for _ in variants:  # each variant in turn (a talk never repeats one)
                text = _say(CONTENT, data, key, lines, **extra)
                assert _LOWER_OPENING.search(text) is None, (key, text)
                checked += 1
    assert checked > 500


def _is_text_list(key: str) -> bool:
    value = CONTENT.texts[key]
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )
