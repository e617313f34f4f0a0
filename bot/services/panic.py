"""A panic attack told ("im having a panic attack i cant breathe"): which grounding step
answers it. The steps themselves are content (content/texts/panic.yaml); the words are data
(data/panic.yaml). A crisis is not this module's: the safety check reads every message first.
"""

from __future__ import annotations

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize

__all__ = ["grounding_step", "is_panic"]


class _PanicData(DataModel):
    now: Regex
    body: Regex
    panic_word: Regex
    not_passing: Regex


_DATA = load_data(DATA_DIR / "panic.yaml", _PanicData)


def is_panic(text: str) -> bool:
    """Whether `text` says a panic attack is happening now."""
    norm = normalize(text)
    if _DATA.now.search(norm):
        return True
    return bool(_DATA.body.search(norm) and _DATA.panic_word.search(norm))


def grounding_step(text: str, *, given: int | None) -> int | None:
    """The grounding step that answers `text`: 0 for a panic attack told; when step `given`
    was the last reply (a few minutes ago, the caller decides), the next one for "it's not
    working" or the panic told again. None: `text` is not about a panic attack."""
    if given is not None and (_DATA.not_passing.search(normalize(text)) or is_panic(text)):
        return given + 1
    return 0 if is_panic(text) else None
