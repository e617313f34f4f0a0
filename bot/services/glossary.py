"""Word-by-word English for a question typed in another language, so that the FAQ matcher,
which reads English, can offer the answer it is probably about ("cuando deja de doler?" ->
"when stop hurt").

The words live in data/faq_glossary.yaml, one list per language (ISO 639-1 code). The
reading is rough on purpose: it only ever leads to answers *offered* beside the notice that
the bot speaks English for now, never to an answer given as sure (bot/services/faq.py).
"""

from __future__ import annotations

from collections.abc import Container

from pydantic import Field

from bot.services.textnorm import (
    DATA_DIR,
    OWN_SCRIPT,
    UNSPACED,
    DataModel,
    load_data,
    normalize,
    script_words,
)


class _Glossary(DataModel):
    languages: dict[str, dict[str, str]] = Field(min_length=1)
    # English read word by word, put right: "contact zero" (contacto cero) is "no contact"
    after: dict[str, str] = Field(default_factory=dict)


_DATA = load_data(DATA_DIR / "faq_glossary.yaml", _Glossary)
_GLOSSARY = _DATA.languages


def languages() -> frozenset[str]:
    """The languages the glossary has words for."""
    return frozenset(_GLOSSARY)


def _words(text: str, language: str) -> list[str]:
    """`text`'s words as the glossary lists them: normalised (ASCII, slang folded), and for a
    language written in its own script, its words in that script too."""
    words = normalize(text).split()
    if language in OWN_SCRIPT and not text.isascii():
        words += script_words(text)
    return words


# Japanese, Chinese and Korean are read as pieces of the text, longest first ("元カレから連絡
# きた" holds 元カレ, ex, and 連絡, contact): their words are not set apart by spaces
_PIECE_LISTS = [words for code, words in _GLOSSARY.items() if code in UNSPACED]
_LONGEST_PIECE = max((len(key) for words in _PIECE_LISTS for key in words), default=0)
_PIECES_READ = 600  # characters of a long message read for pieces


def _pieces(text: str, language: str) -> list[str]:
    """The English of the glossary's pieces found in `text`, in order, the longest at each
    place first; the detected language's list before the others (a detector may take
    Japanese written in kanji for Chinese)."""
    lists = sorted(_PIECE_LISTS, key=lambda words: words is not _GLOSSARY.get(language))
    typed = text[:_PIECES_READ].lower()
    out: list[str] = []
    i = 0
    while i < len(typed):
        for size in range(min(_LONGEST_PIECE, len(typed) - i), 0, -1):
            piece = typed[i : i + size]
            said = next((words[piece] for words in lists if piece in words), None)
            if said is not None:
                out.append(said)
                i += size
                break
        else:
            i += 1
    return out


def to_english(text: str, language: str, english: Container[str]) -> str:
    """`text`'s words the glossary knows, in English, and its words already in `english`
    (Taglish and Hinglish mix English in); the rest dropped. The detected language's words
    come first, then any other list's (a detector may take Portuguese for Spanish)."""
    first = _GLOSSARY.get(language, {})
    others = [words for code, words in _GLOSSARY.items() if code != language]

    def english_of(key: str) -> str | None:
        return first.get(key) or next((w[key] for w in others if key in w), None)

    out: list[str] = _pieces(text, language) if language in UNSPACED else []
    words = _words(text, language) if language not in UNSPACED else normalize(text).split()
    i = 0
    while i < len(words):
        # words that mean it only together first ("cuanto tiempo": how long), three then two
        for n in (3, 2):
            if i + n <= len(words) and (said := english_of(" ".join(words[i : i + n]))):
                out.append(said)
                i += n
                break
        else:
            word = words[i]
            said = english_of(word)
            if said is not None:
                out.append(said)
            elif word in english:
                out.append(word)
            i += 1
    english_text = f" {' '.join(out)} "
    for said, meant in _DATA.after.items():
        english_text = english_text.replace(f" {said} ", f" {meant} ")
    return english_text.strip()
