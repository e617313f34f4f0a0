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


# A yes taken back in the same breath: "ok fine i wont", "yes, not now" (a helper's terminal
# chat: "ok fine i wont" at "Restart your count?" restarted it)
_BUT_NOT = re.compile(
    r"\bi (?:will not|won'?t|wont|do not|don'?t|dont|can ?not|can'?t|cant)\b"
    r"|\b(?:not now|not yet|never ?mind|nvm|wait)\b"
)


_FILLER = re.compile(r"^(?:(?:wait|actually|hmm+|umm*|uhh*|oh wait|well|erm|hang on|oops)\W*\s+)+")


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the answer starts with neither, or with a
    yes the rest takes back ("ok fine i wont")."""
    folded = fold(text).strip(" \t\n.,!?").replace("\u2019", "'")
    folded = _FILLER.sub("", folded)  # "wait no", "hmm actually yes"
    if _NO.match(folded):
        return False
    if (found := _YES.match(folded)) is not None:
        return None if _BUT_NOT.search(folded, found.end()) else True
    return None
