"""Shared text normalisation for free-text matching (FAQ, small talk, crisis detection).

Pure functions, no I/O. ``normalize`` turns a chat message into lowercase ASCII words
separated by single spaces, with contractions expanded and common chat slang and typos
replaced by plain words; ``tokenize`` splits that into tokens.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["NUMBER_WORDS", "SLANG", "normalize", "tokenize", "unaccent"]

# Multi-word replacements are applied token by token: a key maps to one or more words.
SLANG: dict[str, str] = {
    # pronouns and little words
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "youre": "you are",
    "urself": "yourself",
    "r": "are",
    "y": "why",
    "n": "and",
    "w": "with",
    "wit": "with",
    "wth": "with",
    "b4": "before",
    "bc": "because",
    "bcs": "because",
    "bcuz": "because",
    "becuase": "because",
    "becasue": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "tho": "though",
    "thru": "through",
    "abt": "about",
    "ppl": "people",
    "sb": "somebody",
    "smth": "something",
    "sth": "something",
    "smthg": "something",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "rn": "right now",
    "atm": "at the moment",
    "idk": "i do not know",
    "dunno": "do not know",
    "idc": "i do not care",
    "imo": "in my opinion",
    "tbh": "to be honest",
    "ngl": "not going to lie",
    "nvm": "never mind",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "lemme": "let me",
    "gimme": "give me",
    "shoud": "should",
    "shld": "should",
    "shud": "should",
    "wud": "would",
    "cud": "could",
    "bout": "about",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "ex's": "ex",
    "exs": "ex",
    # contractions (apostrophes are folded first, so both "dont" and "don't" land here)
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "wont": "will not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "is not",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "theyll": "they will",
    "theyd": "they would",
    "theyve": "they have",
    "whats": "what is",
    "thats": "that is",
    "theres": "there is",
    "wheres": "where is",
    "hows": "how is",
    "whos": "who is",
    "its": "it is",
    "itll": "it will",
    "lets": "let us",
    "yall": "you all",
    "youll": "you will",
    "youve": "you have",
    "youd": "you would",
    "hed": "he would",
    "shed": "she would",
    "itd": "it would",
    "ill": "i will",
    "he'll": "he will",
    "she'll": "she will",
    "we'll": "we will",
    "we'd": "we would",
    "we're": "we are",
    "i'll": "i will",
    "it'll": "it will",
    "shell": "she will",
    "iam": "i am",
    # chat and social media
    "txt": "text",
    "txts": "texts",
    "txted": "texted",
    "txting": "texting",
    "texed": "texted",
    "textd": "texted",
    "msg": "message",
    "msgs": "messages",
    "msged": "messaged",
    "mssg": "message",
    "mesage": "message",
    "messsage": "message",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bff": "best friend",
    "exbf": "ex boyfriend",
    "exgf": "ex girlfriend",
    "bday": "birthday",
    "b'day": "birthday",
    "birthdy": "birthday",
    "xmas": "christmas",
    "insta": "instagram",
    "instgram": "instagram",
    "fb": "facebook",
    "snap": "snapchat",
    "pic": "photo",
    "pics": "photos",
    "pix": "photos",
    "fone": "phone",
    "luv": "love",
    "bro": "brother",
    "sis": "sister",
    "k": "ok",
    "kk": "ok",
    "okay": "ok",
    "okey": "ok",
    "okk": "ok",
    "thx": "thanks",
    "thnx": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "ty": "thank you",
    "tysm": "thank you so much",
    "tyvm": "thank you very much",
    "nite": "night",
    "gn": "good night",
    "gm": "good morning",
    "noone": "no one",
    "nocontact": "no contact",
    # frequent misspellings of small words (long words are repaired by the FAQ matcher)
    "wat": "what",
    "soo": "so",
    "noo": "no",
    "yess": "yes",
    "pleasee": "please",
    "wht": "what",
    "hw": "how",
    "wil": "will",
    "bak": "back",
    "bck": "back",
    "wen": "when",
    "rly": "really",
    "realy": "really",
    "shoudl": "should",
    "shoul": "should",
    "wnat": "want",
    "waht": "what",
    "teh": "the",
    "jus": "just",
    "juss": "just",
    "hav": "have",
    "gud": "good",
    "pple": "people",
    "nc": "no contact",
    "anymore": "any more",
}

# Typographic apostrophes (the backtick is folded by _ASCII_PUNCT below).
_QUOTES = ("\u2019", "\u2018", "\u02bc", "\u00b4")
# Collapse letters repeated three or more times ("sooooo" -> "soo", "pleeease" -> "pleease").
_REPEATS = re.compile(r"([a-z])\1{2,}")
_LEET_INSIDE = re.compile(r"[a-z][0-9]+[a-z]")
_LEET = str.maketrans("10345$@", "ioeasa" + "a")
# Fast path for ASCII: every punctuation or control character becomes a space.
_ASCII_PUNCT = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) in "'`")}
_ASCII_PUNCT[ord("`")] = "'"


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


# Spelled-out numbers people type for days, hours and strengths ("three days ago", "nine pm",
# "an eight"); the parsers that need more extend it.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


def unaccent(text: str) -> str:
    """Strip accents and fold compatibility characters ("ﬁ", full-width letters) to ASCII."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


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
    # "ex's" and "he's" keep their apostrophe until the slang table has seen them.
    return " ".join([f for f in map(_fix_token, lowered.split()) if f])


def tokenize(text: str) -> list[str]:
    """Normalise ``text`` and split it into word tokens."""
    return normalize(text).split()
