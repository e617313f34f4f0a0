"""Changes of mind: "back" goes one question back during set-up, "stop" or "nevermind" stops
any question as /cancel does, and "wait, actually it was 20.11" at a later set-up question is
read as a correction of the earlier answer.

A correction needs its cue ("actually", "wait", "sorry", "i meant", "make it", "i'm in"…) or
ends on "instead" ("8 in the evening instead"): at the reason question any other text is a
reason, and a bare "9pm" there is not taken as a new time.
"""

from __future__ import annotations

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize


class _Corrections(DataModel):
    back: Regex
    cancel: Regex
    cue: Regex
    instead: Regex
    tail: Regex


_DATA = load_data(DATA_DIR / "corrections.yaml", _Corrections)


def is_back(text: str) -> bool:
    """ "back", "go back", "wait, back one": one question back."""
    return bool(_DATA.back.search(normalize(text)))


def is_cancel(text: str) -> bool:
    """ "stop", "cancel", "nevermind", "forget it": stop this question, as /cancel does."""
    return bool(_DATA.cancel.search(normalize(text)))


def _lowered(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'").split())


def cued(text: str) -> bool:
    """A correction said with its leading cue ("actually it's london"), not only "instead"."""
    return _DATA.cue.match(_lowered(text)) is not None


def corrected_answer(text: str) -> str | None:
    """The answer inside a correction ("wait actually it was 20.11" -> "20.11"), or None when
    `text` does not read as one (no cue, or nothing left after it)."""
    lowered = _lowered(text)
    cue = _DATA.cue.match(lowered)
    if cue is None and _DATA.instead.search(lowered) is None:
        return None
    rest = _DATA.tail.sub("", lowered[cue.end() if cue else 0 :]).strip(" ,.!")
    return rest or None
