"""The one text normaliser of the bot, and the loader of the services' word lists.

Pure functions. ``normalize`` turns a chat message into lowercase ASCII words separated by
single spaces, with contractions expanded and chat slang and typos replaced by plain words
(the table is ``data/textnorm.yaml``); ``tokenize`` splits that into tokens. ``fold`` and
``unaccent`` are the character-level steps for parsers that keep punctuation or other
scripts (dates, times, places).

Word lists, synonyms and patterns live in ``bot/services/data/*.yaml``; ``load_data`` reads
one file into a typed model and names the file and key of anything wrong.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from anyascii import anyascii
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

__all__ = [
    "DATA_DIR",
    "NUMBER_WORDS",
    "SLANG",
    "DataFileError",
    "DataModel",
    "Regex",
    "Words",
    "fold",
    "load_data",
    "normalize",
    "tokenize",
    "unaccent",
]

# --------------------------------------------------------------------------------------------
# Data files

DATA_DIR = Path(__file__).resolve().parent / "data"

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file is missing or malformed; the message names the file and the key."""


class DataModel(BaseModel):
    """Base of the typed contents of one data file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _joined(value: Any) -> Any:
    # A long pattern may be written as a list of pieces, like Python's implicit concatenation.
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return value


def _compiled(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression: {exc}") from None
    return value


# A regular expression: a string (or a list of pieces joined), compiled when loaded.
Regex = Annotated[re.Pattern[str], BeforeValidator(_compiled), BeforeValidator(_joined)]


def _word_set(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    return value


# A set of words or phrases, written as a list.
Words = Annotated[frozenset[str], BeforeValidator(_word_set), Field(min_length=1)]


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "<top level>"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(DATA_DIR.parents[2]))
    except ValueError:
        return str(path)


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML where only true/false are booleans: "no", "on", "y" in a word list are words."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))


def load_data(path: Path, model: type[M]) -> M:
    """Read one YAML data file into ``model``; raise DataFileError naming file and key."""
    shown = _shown(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{shown}: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{shown}: {_where(tuple(e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise DataFileError("\n".join(lines)) from None


class _TextnormData(DataModel):
    slang: dict[str, str] = Field(min_length=1)
    leet: dict[str, str]
    number_words: dict[str, int]


_DATA = load_data(DATA_DIR / "textnorm.yaml", _TextnormData)

# Multi-word replacements are applied token by token: a key maps to one or more words.
SLANG: dict[str, str] = dict(_DATA.slang)
NUMBER_WORDS: dict[str, int] = dict(_DATA.number_words)

# --------------------------------------------------------------------------------------------
# Characters

# Typographic apostrophes (the backtick is folded by _ASCII_PUNCT below).
_QUOTES = ("\u2019", "\u2018", "\u02bc", "\u00b4")
# Accents of Latin, Greek and Cyrillic letters written as separate (combining) characters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _fold_char(ch: str) -> str:
    """One non-ASCII character folded; see ``unaccent``."""
    if unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, ""):
        return anyascii(ch)  # "ã" -> "a", "ß" -> "ss", "ø" -> "o", "ﬁ" -> "fi", "Ａ" -> "A"
    # Other scripts keep their letters and lose only their accents ("й" -> "и"); styled
    # letters and digits ("𝐚", "²") become the plain ones.
    return _COMBINING.sub("", unicodedata.normalize("NFKD", ch))


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled in as characters are first seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable({i: chr(i) for i in range(128)})


def unaccent(text: str) -> str:
    """Fold Latin letters to ASCII with anyascii ("São Paulo" -> "Sao Paulo", "Łódź" ->
    "Lodz"); letters of other scripts and emoji are kept, without their accents."""
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """Lowercase, unaccented, with plain apostrophes; punctuation and words unchanged."""
    if not text.isascii():
        for quote in (*_QUOTES, "`"):
            text = text.replace(quote, "'")
        text = unaccent(text)
    return text.casefold()


# Languages written in scripts that normalising to ASCII would erase: their words are read as
# typed, lowercased (language.py, glossary.py)
OWN_SCRIPT = frozenset({"ja", "ko", "zh", "ru", "uk", "ar", "hi"})
# ... of which those written without spaces between words, or with endings joined to them
# (Japanese, Chinese, Korean): their words are found as pieces of the text
UNSPACED = frozenset({"ja", "ko", "zh"})


def script_words(text: str) -> list[str]:
    """The words of `text` not in ASCII, as typed in their own script: lowercased, Arabic
    without its vowel marks, Russian "ё" as "е"."""
    typed = fold(text) if _ARABIC.search(text) else text.lower()
    return [w for w in _SCRIPT_WORD.findall(typed.replace("ё", "е")) if not w.isascii()]


_ARABIC = re.compile("[\u0600-\u06ff]")
_SCRIPT_WORD = re.compile(r"[^\W\d_]+")


# --------------------------------------------------------------------------------------------
# Words

# Collapse letters repeated three or more times ("sooooo" -> "soo", "pleeease" -> "pleease").
_REPEATS = re.compile(r"([a-z])\1{2,}")
_LEET_INSIDE = re.compile(r"[a-z][0-9]+[a-z]")
_LEET = str.maketrans(dict(_DATA.leet))
# Fast path for ASCII: every punctuation or control character becomes a space.
_ASCII_PUNCT = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) in "'`")}
_ASCII_PUNCT[ord("`")] = "'"


@lru_cache(maxsize=16384)
def _fix_token(token: str) -> str:
    """Map one lowercase word (apostrophes kept) to its normalised form ("" to drop it)."""
    w = token.strip("'")
    if len(w) > 2:
        w = _REPEATS.sub(r"\1\1", w)
        if _LEET_INSIDE.search(w):  # "d1e" -> "die", "k1ll" -> "kill"; not "3am" or "b4"
            w = w.translate(_LEET)
    if w in SLANG:
        return SLANG[w]
    bare = w.replace("'", "")
    if bare in SLANG:
        return SLANG[bare]
    if w.endswith("'s"):  # possessive: "mom's" -> "mom"
        return w[:-2].replace("'", "")
    return bare


def normalize(text: str) -> str:
    """Lowercase, unaccent, fold slang and contractions, collapse whitespace."""
    if not text.isascii():
        for quote in _QUOTES:
            text = text.replace(quote, "'")
        # Accents go; any other non-ASCII character (emoji, other scripts) becomes a space.
        text = unaccent(text).encode("ascii", "replace").decode("ascii").replace("?", " ")
    lowered = text.lower().translate(_ASCII_PUNCT)
    if "ill" in lowered:
        # "ill" is "i'll" typed without the apostrophe, except after a word that makes it
        # the illness: "i feel physically ill", "she got ill".
        lowered = _ILL_SICK.sub(r"\1 sick", lowered)
    # "ex's" and "he's" keep their apostrophe until the slang table has seen them.
    return " ".join([f for f in map(_fix_token, lowered.split()) if f])


_ILL_SICK = re.compile(
    r"\b(feel|feels|feeling|felt|so|very|physically|mentally|really|been|was|am|im|i'm|is"
    r"|are|got|get|getting|look|looks|looking|seriously|terminally|chronically|quite|bit"
    r"|little|too|fall|falls|fell|falling|kinda|pretty|super|properly)\s+ill\b"
)


def tokenize(text: str) -> list[str]:
    """Normalise ``text`` and split it into word tokens."""
    return normalize(text).split()
