"""A typed yes or no, for questions asked with buttons ("Restart your count today?")."""

from __future__ import annotations

import re

from bot.services.textnorm import DATA_DIR, DataModel, Words, fold, load_data


class _Answers(DataModel):
    yes: Words
    no: Words


_DATA = load_data(DATA_DIR / "yesno.yaml", _Answers)


def _starts_with_one_of(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")


_YES = _starts_with_one_of(_DATA.yes)
_NO = _starts_with_one_of(_DATA.no)


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the answer starts with neither."""
    folded = fold(text).strip(" \t\n.,!?")
    if _NO.match(folded):
        return False
    if _YES.match(folded):
        return True
    return None
