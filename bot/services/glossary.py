"""Word-by-word English for a question typed in another language, so that the FAQ matcher,
which reads English, can offer the answer it is probably about ("cuando deja de doler?" ->
"when stop hurt").

The words live in data/faq_glossary.yaml, one list per language (ISO 639-1 code). The
reading is rough on purpose: it only ever leads to answers *offered* beside the notice that
the bot speaks English for now, never to an answer given as sure (bot/services/faq.py).
"""

from __future__ import annotations

import re
from collections.abc import Container

from pydantic import Field

from bot.services.textnorm import DATA_DIR, DataModel, fold, load_data, normalize


class _Glossary(DataModel):
    languages: dict[str, dict[str, str]] = Field(min_length=1)
    # English read word by word, put right: "contact zero" (contacto cero) is "no contact"
    after: dict[str, str] = Field(default_factory=dict)


_DATA = load_data(DATA_DIR / "faq_glossary.yaml", _Glossary)
_GLOSSARY = _DATA.languages


def languages() -> frozenset[str]:
    """The languages the glossary has words for."""
    return frozenset(_GLOSSARY)


# Languages whose words keep their own script in the glossary (Cyrillic, Arabic): read from the
# text as typed, lowercased; Arabic without its vowel marks, "ё" as "е"
_SCRIPT_LANGUAGES = frozenset({"ru", "ar"})
_SCRIPT_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str, language: str) -> list[str]:
    """`text`'s words as the glossary lists them: normalised (ASCII, slang folded), and for a
    language written in its own script, its words in that script too."""
    words = normalize(text).split()
    if language in _SCRIPT_LANGUAGES and not text.isascii():
        typed = (fold(text) if language == "ar" else text.lower()).replace("ё", "е")
        words += [w for w in _SCRIPT_WORD.findall(typed) if not w.isascii()]
    return words


def to_english(text: str, language: str, english: Container[str]) -> str:
    """`text`'s words the glossary knows, in English, and its words already in `english`
    (Taglish and Hinglish mix English in); the rest dropped. The detected language's words
    come first, then any other list's (a detector may take Portuguese for Spanish)."""
    first = _GLOSSARY.get(language, {})
    others = [words for code, words in _GLOSSARY.items() if code != language]

    def english_of(key: str) -> str | None:
        return first.get(key) or next((w[key] for w in others if key in w), None)

    out: list[str] = []
    words = _words(text, language)
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
