"""Whether a message is clearly written in a language other than English, and which.

The bot speaks English only; a person who writes in, say, Spanish is told so in Spanish
(content/texts/language.yaml, key english_only.<code>). Telling an English speaker that the
bot doesn't speak their language would be far worse than missing a foreign message, so
``other_language`` answers only when it is sure: enough words, a confident detector, and no
sign of English. Short, slangy or mixed messages are None.

The detector is py3langid (chosen by bench/language.py: no English message of 4+ words
mislabelled, about 0.03 ms a message, about 120 MB), restricted to the languages in
data/language.yaml and loaded once, on first use (about a second), or by ``preload``.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from pydantic import Field

from bot.services.textnorm import (
    DATA_DIR,
    OWN_SCRIPT,
    DataModel,
    Regex,
    Words,
    load_data,
    normalize,
)

__all__ = [
    "LANGUAGES",
    "has_english",
    "other_language",
    "preload",
    "reply_code",
    "unparsed_language",
    "feeling_told",
]


class _LanguageData(DataModel):
    languages: list[str] = Field(min_length=2)
    min_words: int = Field(ge=1)
    min_letters: int = Field(ge=1)
    min_words_other_script: int = Field(ge=1)
    min_confidence: float = Field(gt=0, le=1)
    unparsed_min_words: int = Field(ge=1)
    unparsed_min_confidence: float = Field(gt=0, le=1)
    english_words: Words
    english_common: Words
    answer_english: Words
    hinglish_share: float = Field(gt=0, le=1)
    hinglish_words: Words
    asks_language: dict[str, Regex]
    little_english: dict[str, Regex]
    feelings: dict[str, dict[str, Regex]]


_DATA = load_data(DATA_DIR / "language.yaml", _LanguageData)

# has_english's words: the sure ones and the common ones.
_ENGLISH: frozenset[str] = frozenset(_DATA.english_words) | frozenset(_DATA.english_common)

# Every code other_language can return.
LANGUAGES: frozenset[str] = frozenset(_DATA.languages) - {"en"}

# Links, @mentions, /commands and e-mail addresses say nothing of the language.
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@/#]\w+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

_LATIN_RE = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_CJK_ENOUGH = 5

_lock = threading.Lock()
_identifier: Any = None


def _detector() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(_DATA.languages)
                _identifier = identifier
    return _identifier


def preload() -> None:
    """Load the detector now (about a second) rather than on the first long message."""
    _detector()


def other_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language when it is clearly not English, else None."""
    cleaned = _NOISE_RE.sub(" ", text)
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(cleaned)]
    letters = sum(len(w) for w in words)
    enough = _DATA.min_words_other_script if not _LATIN_RE.search(cleaned) else _DATA.min_words
    # Japanese, Chinese and Korean are written without spaces between words: a few of their
    # characters say as much as several words ("彼に連絡したいです", a session-42 play-test)
    cjk = len(_CJK_RE.findall(cleaned))
    if len(words) < enough and letters < _DATA.min_letters and cjk < _CJK_ENOUGH:
        return None
    if sum(w in _DATA.english_words for w in words) >= 2:
        return None
    hinglish = sum(w in _DATA.hinglish_words for w in words)
    if hinglish >= 2 and hinglish >= _DATA.hinglish_share * len(words):
        return "hi"
    lang, confidence = _sure_of(" ".join(words))
    if lang == "en" or lang not in LANGUAGES or confidence < _DATA.min_confidence:
        return None
    return str(lang)


# Languages so close that the detector splits its certainty between them ("я больше не могу,
# хочу умереть": Russian 0.68, Ukrainian 0.32, once Ukrainian was added in session 42): the
# pair's certainty is the top one's
_SIBLINGS = {"ru": "uk", "uk": "ru"}


def _sure_of(text: str) -> tuple[str, float]:
    lang, confidence = _detector().classify(text)
    sibling = _SIBLINGS.get(str(lang))
    if sibling is not None:
        confidence = sum(p for code, p in _detector().rank(text)[:2] if code in (lang, sibling))
    return str(lang), float(confidence)


def unparsed_language(text: str) -> str | None:
    """`text`'s language when it is not English, for an answer a question could not take (a
    date, a place, a time): two words of two letters or more are enough, when none is English
    and the detector is very sure ("lo extraño mucho"), since being wrong costs only a line
    about English. Looser than other_language, but surer of each guess."""
    cleaned = _NOISE_RE.sub(" ", text)
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(cleaned) if len(w) > 1]
    if len(words) < _DATA.unparsed_min_words or any(w in _ENGLISH for w in words):
        return None
    lang, confidence = _detector().classify(" ".join(words))
    if lang == "en" or lang not in LANGUAGES or confidence < _DATA.unparsed_min_confidence:
        return None
    return str(lang)


def common_word(word: str) -> bool:
    """`word` (lowercase) is one of the common English words this module counts: no one's
    name ("whenever", "tonight")."""
    return word in _ENGLISH


def not_all_english(text: str) -> bool:
    """A word of two letters or more that is not a common English one ("no estoy bien": "estoy";
    not "yes", "ok", "i am"; "no" is in no list, being Spanish too): a short answer that may be
    in the language a talk began in."""
    return any(
        len(w) > 1 and (word := w.lower().replace("’", "'")) not in _ENGLISH
        and word not in _DATA.answer_english
        for w in _WORD_RE.findall(text)
    )


def has_english(text: str) -> bool:
    """Two or more common English words: nearly every message, found within its first few
    words, so this is cheap however long the message is."""
    english = 0
    for m in _WORD_RE.finditer(text):
        if m.group().lower().replace("’", "'") in _ENGLISH:
            english += 1
            if english >= 2:
                return True
    return False


def reply_code(code: str, text: str) -> str:
    """The content code to answer `text` (in language `code`) with: Hindi typed in Latin
    letters ("mujhe uski yaad aa rahi hai") is answered in Latin letters ("hi_latn"), since
    many who type it read Devanagari less easily."""
    if code == "hi" and not _DEVANAGARI_RE.search(text):
        return "hi_latn"
    return code


_DEVANAGARI_RE = re.compile(r"[\u0900-\u097f]")


def asked_language(text: str) -> str | None:
    """The content code of the language someone asks whether the bot speaks ("hablas
    español?" -> "es", "do you speak french" -> "fr"); None if they ask no such thing."""
    norm = normalize(text)
    return next((code for code, p in _DATA.asks_language.items() if p.search(norm)), None)


def little_english(text: str) -> str | None:
    """The content code of the language of "no hablo bien inglés", "por favor en español": the
    person says they can't write in English (None if they say no such thing)."""
    norm = normalize(text)
    return next((code for code, p in _DATA.little_english.items() if p.search(norm)), None)


def feeling_told(text: str, code: str) -> str | None:
    """The feeling a message in language `code` tells, by its words ("lo extraño mucho" ->
    "miss"), or None: the bot cannot read the rest, but can say that much back."""
    kinds = _DATA.feelings.get(code)
    if not kinds:
        return None
    # scripts that normalising to ASCII would erase are read as typed, lowercased
    norm = text.lower() if code in OWN_SCRIPT else normalize(text)
    return next((kind for kind, pattern in kinds.items() if pattern.search(norm)), None)
