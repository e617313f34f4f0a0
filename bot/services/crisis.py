"""Crisis detection: runs before anything else on every message.

``detect_crisis`` reads suicide, self-harm and danger (with a kind and a level) in the
normalised text; ``mentions_harm`` is the cheap net behind it. The word lists, patterns and
vetoes are data, in ``bot/services/data/crisis.yaml`` (loaded and validated once, at import);
this module is only the engine. Why the rules are as they are: docs/crisis.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from bot.services.crisis_words import load_model
from bot.services.language import has_english, other_language
from bot.services.textnorm import fold, normalize

__all__ = [
    "CrisisDataError",
    "CrisisKind",
    "CrisisLevel",
    "CrisisSignal",
    "HarmLevel",
    "detect_crisis",
    "harm_kind",
    "mentions_harm",
]

CrisisKind = Literal["self_harm", "danger_from_other", "other_at_risk"]
CrisisLevel = Literal["explicit", "passive"]
HarmLevel = Literal["strong", "weak"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "crisis.yaml"

# Rule groups in crisis.yaml: the three kinds, "unsafe" ("I'm not safe": self_harm unless a
# danger rule matched too) and "escalate" (makes a passive self_harm explicit).
_GROUPS = ("self_harm", "danger_from_other", "other_at_risk", "unsafe", "escalate")
_LEVELS: tuple[str, ...] = get_args(CrisisLevel)
_NAME = re.compile(r"<([A-Z][A-Z0-9_]*)>")
# Every alternative starts at a word: searching " text" for " word" lets the regex engine jump
# from space to space instead of trying every position.
_LEADING_BOUNDARY = re.compile(r"(^|\|)\\b")
_NOT_AFTER_WORDS = 3


class CrisisDataError(ValueError):
    """crisis.yaml is malformed; the message names the file and the key."""

    def __init__(self, key: str, problem: str, path: Path = DATA_FILE) -> None:
        super().__init__(f"{path}: {key}: {problem}")


def _alt(words: list[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie.

    The ``re`` module tries the branches of an alternation one by one at every position:
    "(?:burn|burned|bruise|...)" costs a comparison per word at every space of a 4096-character
    message, "(?:b(?:ru...|ur...))" one per first letter. A word written with "_" is a phrase
    ("ya_no_estare_aqui"), matched with spaces."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word.replace("_", " "):  # "me_quiero_matar": a phrase, its words joined
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "|".join(branches)
        if "" in node:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return f"(?:{emit(trie)})"


@dataclass(frozen=True)
class _Rule:
    """A pattern and the words, one of which must be in the text for it to be tried.

    Gating keeps detection at a few milliseconds on a 4096-character message: most
    patterns never run on a message that does not contain their key words (or, for a
    phrase gate, their first two words side by side). An empty gate means the rule is
    always tried.

    ``requires`` and ``unless`` look at the ``within`` characters on each side of a match
    (the whole message when 0): a second cue that must be there, outside the match ("gave
    my guitar away" + "she doesn't know why"), and an everyday context that refuses it
    ("... to charity").

    ``not_after``, when set, vetoes a match when one of the three words before it is in the
    set and no "i" comes between (the ``re`` module has no variable-width look-behind): "we
    should end things" is about a relationship, "since he left I want to end things" is not.
    ``after``, when set, is the opposite: one of these words must come in the ``window``
    words before the match, with no "i" between ("he said he will kill himself"); the match
    then starts at that word. Searching for the rare part and looking back is much cheaper
    than a pattern that starts at every "he" or "she"."""

    kind: str
    level: str
    words: frozenset[str]
    prefixes3: frozenset[str]
    prefixes5: frozenset[str]
    pattern: re.Pattern[str]
    phrases: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    window: int = _NOT_AFTER_WORDS
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    within: int = 0

    def in_context(self, norm: str, start: int, end: int, unless: re.Pattern[str] | None) -> bool:
        """Whether the message around a match satisfies ``requires`` and ``unless``: within
        ``within`` characters on each side of the match (0: the whole message), ``unless``
        must not be found, and ``requires`` must be found outside the match itself (a second
        cue, not the same one twice). ``unless`` is None when it is nowhere in the message."""
        lo, hi = 0, len(norm)
        if self.within:
            lo = max(0, norm.rfind(" ", 0, max(0, start - self.within)))
            found = norm.find(" ", min(len(norm), end + self.within))
            hi = found + 1 if found >= 0 else len(norm)
        if unless is not None and unless.search(norm, lo, hi):
            return False
        if self.requires is None:
            return True
        # the match blanked out, its spaces kept: patterns start at a space
        blanked = norm[lo : start + 1] + " " * (end - start - 1) + norm[end:hi]
        return self.requires.search(blanked) is not None


class _Loader:
    """Reads crisis.yaml: word lists, regex fragments, rules and the net; every pattern is
    resolved (``<NAME>`` becomes a word list's trie or a fragment) and compiled."""

    def __init__(self, data: Any, path: Path) -> None:
        self.path = path
        if not isinstance(data, dict):
            raise self.error("(top level)", "expected a mapping")
        self.data = data
        self.words: dict[str, list[str]] = {}
        self.raw_words: dict[str, str] = self.section("words", dict)
        for name, value in self.raw_words.items():
            if not isinstance(value, str) or not value.split():
                raise self.error(f"words.{name}", "expected a non-empty string of words")
        for name in self.raw_words:  # a list may name one written after it
            self.word_list(name, f"words.{name}", ())
        self.raw_fragments: dict[str, str] = {
            name: self.joined(value, f"fragments.{name}")
            for name, value in self.section("fragments", dict).items()
        }
        self.fragments: dict[str, str] = {}
        for name in self.raw_fragments:
            self.compile(f"<{name}>", f"fragments.{name}")

    def error(self, key: str, problem: str) -> CrisisDataError:
        return CrisisDataError(key, problem, self.path)

    def section(self, key: str, kind: type) -> Any:
        value = self.data.get(key)
        if not isinstance(value, kind):
            raise self.error(key, f"missing or not a {kind.__name__}")
        return value

    def joined(self, value: Any, key: str) -> str:
        """A pattern is a string or a list of strings, joined with nothing between."""
        if isinstance(value, str):
            return value
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return "".join(value)
        raise self.error(key, "expected a string or a list of strings")

    def word_list(self, name: str, key: str, seen: tuple[str, ...]) -> list[str]:
        """The words list `name`, the lists it names expanded."""
        if name not in self.words:
            if name in seen:
                raise self.error(key, f"<{name}> refers to itself")
            self.words[name] = self.expand_words(self.raw_words[name], key, (*seen, name))
        return self.words[name]

    def expand_words(self, value: str, key: str, seen: tuple[str, ...] = ()) -> list[str]:
        out: list[str] = []
        for word in value.split():
            m = _NAME.fullmatch(word)
            if m is None:
                out.append(word)
            elif m.group(1) in self.raw_words:
                out.extend(self.word_list(m.group(1), key, seen))
            else:
                raise self.error(key, f"unknown word list <{m.group(1)}>")
        return out

    def resolve(self, pattern: str, key: str, seen: tuple[str, ...] = ()) -> str:
        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in self.words:
                return _alt(self.words[name])
            if name in seen:
                raise self.error(key, f"<{name}> refers to itself")
            if name in self.fragments:
                return self.fragments[name]
            if name in self.raw_fragments:
                resolved = self.resolve(self.raw_fragments[name], key, (*seen, name))
                self.fragments[name] = resolved
                return resolved
            raise self.error(key, f"unknown name <{name}>")

        return _NAME.sub(one, pattern)

    def compile(self, pattern: str, key: str) -> re.Pattern[str]:
        resolved = self.resolve(pattern, key)
        try:
            return re.compile(_LEADING_BOUNDARY.sub(r"\1 ", resolved))
        except re.error as exc:
            raise self.error(key, f"pattern does not compile: {exc}") from None

    def rule(self, item: Any, key: str, kind: str | None = None) -> _Rule:
        if not isinstance(item, dict):
            raise self.error(key, "expected a mapping")
        unknown = set(item) - {
            "kind",
            "level",
            "gate",
            "pattern",
            "not_after",
            "after",
            "window",
            "requires",
            "unless",
            "within",
            "note",
        }
        if unknown:
            raise self.error(key, f"unknown keys {sorted(unknown)}")
        # A net rule is "net" unless it names danger from someone (its check then opens the
        # safety talk on the danger path, with the abuse lines).
        kind = item.get("kind", "net") if kind == "net" else kind or item.get("kind")
        if kind not in (*_GROUPS, "net"):
            raise self.error(f"{key}.kind", f"expected one of {_GROUPS}, got {kind!r}")
        level = item.get("level", "explicit")
        if level not in _LEVELS:
            raise self.error(f"{key}.level", f"expected one of {_LEVELS}, got {level!r}")
        gate = item.get("gate", "")
        if not isinstance(gate, str):
            raise self.error(f"{key}.gate", "expected a string of words")
        keys = self.expand_words(gate, f"{key}.gate")
        # a phrase (words joined by "_") opens the gate by its first two words
        phrases = frozenset(" ".join(k.split("_")[:2]) for k in keys if "_" in k)
        keys = [k for k in keys if "_" not in k]
        prefixes = [k[:-1] for k in keys if k.endswith("*")]
        if any(len(p) not in (3, 5) for p in prefixes):
            raise self.error(f"{key}.gate", "prefixes (word*) must have 3 or 5 letters")
        not_after = item.get("not_after", "")
        if not isinstance(not_after, str):
            raise self.error(f"{key}.not_after", "expected a string of words")
        after = item.get("after", "")
        window = item.get("window", _NOT_AFTER_WORDS)
        if not isinstance(after, str) or not isinstance(window, int) or window < 1:
            raise self.error(f"{key}.after", "expected a string of words and a window >= 1")
        if "pattern" not in item:
            raise self.error(key, "missing pattern")
        within = item.get("within", 0)
        if not isinstance(within, int) or isinstance(within, bool) or within < 0:
            raise self.error(f"{key}.within", "expected a number of characters >= 0")
        context = {
            name: self.compile(self.joined(item[name], f"{key}.{name}"), f"{key}.{name}")
            for name in ("requires", "unless")
            if name in item
        }
        return _Rule(
            kind=kind,
            level=level,
            words=frozenset(k for k in keys if not k.endswith("*")),
            prefixes3=frozenset(p for p in prefixes if len(p) == 3),
            prefixes5=frozenset(p for p in prefixes if len(p) == 5),
            phrases=phrases,
            pattern=self.compile(self.joined(item["pattern"], f"{key}.pattern"), f"{key}.pattern"),
            not_after=frozenset(self.expand_words(not_after, f"{key}.not_after")),
            after=frozenset(self.expand_words(after, f"{key}.after")),
            window=window,
            requires=context.get("requires"),
            unless=context.get("unless"),
            within=within,
        )

    def rules(self, items: Any, key: str, kind: str | None = None) -> list[_Rule]:
        if not isinstance(items, list):
            raise self.error(key, "missing or not a list")
        return [self.rule(item, f"{key}[{i}]", kind) for i, item in enumerate(items)]


class _Group:
    """Rules in the order they are tried, with their gates indexed: a message's words,
    prefixes and word pairs name the few rules worth trying (most have a gate word), instead
    of every rule's gate being checked against the message in turn."""

    def __init__(self, rules: Iterable[_Rule]) -> None:
        self.rules = tuple(rules)
        self.always: tuple[int, ...] = tuple(
            i
            for i, r in enumerate(self.rules)
            if not (r.words or r.prefixes3 or r.prefixes5 or r.phrases)
        )
        index: tuple[dict[str, list[int]], ...] = ({}, {}, {}, {})
        for i, rule in enumerate(self.rules):
            for keys, table in zip(
                (rule.words, rule.prefixes3, rule.prefixes5, rule.phrases), index, strict=True
            ):
                for key in keys:
                    table.setdefault(key, []).append(i)
        self.by_word, self.by_pre3, self.by_pre5, self.by_phrase = index

    def candidates(self, text: _Text) -> list[int]:
        """The positions of the rules whose gate the message passes, in order."""
        found = set(self.always)
        for keys, table in (
            (text.tokens, self.by_word),
            (text.pre3, self.by_pre3),
            (text.pre5, self.by_pre5),
            (text.bigrams, self.by_phrase),
        ):
            for key in keys:
                hit = table.get(key)
                if hit is not None:
                    found.update(hit)
        return sorted(found)

    def __len__(self) -> int:
        return len(self.rules)


# Words that turn a phrase around when they come inside it ("je veux pas mourir" is not "je
# veux mourir"): never the word a loose phrase lets in between two of its own.
_NEGATION_WORDS = (
    "not no never nothing pas ne jamais nicht kein keine nie non nao nem niet geen nee nunca"
    " tidak tak gak nggak enggak bukan jangan hindi wala ikke inte ei en ne nahi nahin na mat"
    " sio hapana si ma mush mesh la مش لا ما مو نه نمی نمی‌خوام не ні нет ніколи никогда δεν"
    " μην μη όχι οχι לא אל ไม่ 不 没 沒 别 別 안 못"
)
_NEGATIONS = frozenset(_NEGATION_WORDS.split())
_PUNCT_EDGES = ".,!?;:()[]{}\"'«»“”‘’…،؟؛-—–*~"


def _tokens(text: str) -> list[str]:
    """A message's words as typed, lowercased, punctuation trimmed from their edges (scripts
    whose vowel signs are not letters to the `re` module, Hindi, Bengali, stay whole)."""
    return [w for w in (t.strip(_PUNCT_EDGES) for t in text.split()) if w]


@dataclass(frozen=True)
class _Loose:
    """Phrases of three words or more from the phrase table (words lists named PREFIX_*), found
    with at most one word between two of theirs, a negation never: "δεν έχω κανένα λόγο να ζω"
    for "δεν εχω λογο να ζω", "sina sababu yoyote ya kuishi" for "sina sababu ya kuishi"
    (tuning set r53a: a phrase of five words rarely comes exactly as written)."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, words: dict[str, list[str]], prefixes: tuple[str, ...]) -> _Loose:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for name, listed in words.items():
            if name.endswith(("_LATIN", "_SCRIPT")) or not name.startswith(
                tuple(f"{p}_" for p in prefixes)
            ):
                continue
            for phrase in listed:
                parts = tuple(phrase.split("_"))
                if len(parts) >= 3:
                    by_first.setdefault(parts[0], []).append(parts)
        return cls({k: tuple(v) for k, v in by_first.items()})

    def found(self, words: list[str]) -> bool:
        by_first, n = self.by_first, len(words)
        for i, word in enumerate(words):
            for phrase in by_first.get(word, ()):
                j = i
                for part in phrase[1:]:
                    if j + 1 < n and words[j + 1] == part:
                        j += 1
                    elif j + 2 < n and words[j + 2] == part and words[j + 1] not in _NEGATIONS:
                        j += 2
                    else:
                        break
                else:
                    return True
        return False


@dataclass(frozen=True)
class _Tables:
    """The compiled rules, grouped: explicit before passive within each kind."""

    self_harm: _Group
    danger: _Group
    other_at_risk: _Group
    unsafe: _Group
    escalate: _Group
    net_strong: _Group
    net_weak: _Group
    # After an other_at_risk match, the rest of the message is only the user's own when no
    # reported-speech word comes just before ("he sent pills and said this is goodbye").
    reported_speech: frozenset[str]
    # Everyday contexts in which the word model (crisis_words.py) is not asked at all: the
    # rules know "can't take it any more, the neighbours are drilling"; the model does not.
    model_unless: re.Pattern[str]
    # Words of crisis in other languages: tried on any message up to OTHER_LANGUAGE_WORDS
    # words (people mix languages: "by next month wala na ako"), and on a longer one that is
    # not English; the few that are English words too only on a message that is not English.
    other_languages: re.Pattern[str]
    other_languages_unless: re.Pattern[str]
    other_languages_only: re.Pattern[str]
    other_languages_danger: re.Pattern[str]
    other_languages_other: re.Pattern[str]
    # The phrase table's phrases of three words or more, found with a word between two of
    # theirs too (_Loose): any of them, the threats and being hit, the ex's own threat
    loose_strong: _Loose
    loose_danger: _Loose
    loose_other: _Loose


def load_tables(path: Path = DATA_FILE) -> _Tables:
    """Read and validate crisis.yaml; raise CrisisDataError naming the file and the key."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CrisisDataError("(file)", f"cannot be read: {exc}", path) from None
    loader = _Loader(data, path)
    rules = loader.rules(loader.data.get("rules"), "rules")
    net = loader.section("net", dict)
    other = net.get("other_languages")
    if not isinstance(other, dict):
        raise loader.error("net.other_languages", "missing or not a dict")

    def group(kind: str) -> _Group:
        chosen = [r for r in rules if r.kind == kind]
        return _Group(sorted(chosen, key=lambda r: _LEVELS.index(r.level)))

    return _Tables(
        self_harm=group("self_harm"),
        danger=group("danger_from_other"),
        other_at_risk=group("other_at_risk"),
        unsafe=group("unsafe"),
        escalate=group("escalate"),
        net_strong=_Group(loader.rules(net.get("strong"), "net.strong", "net")),
        net_weak=_Group(loader.rules(net.get("weak"), "net.weak", "net")),
        reported_speech=frozenset(
            loader.expand_words(loader.section("reported_speech", str), "reported_speech")
        ),
        model_unless=loader.compile(
            loader.joined(net.get("model_unless"), "net.model_unless"), "net.model_unless"
        ),
        other_languages=loader.compile(
            loader.joined(other.get("strong"), "net.other_languages.strong"),
            "net.other_languages.strong",
        ),
        other_languages_unless=loader.compile(
            loader.joined(other.get("unless"), "net.other_languages.unless"),
            "net.other_languages.unless",
        ),
        other_languages_only=loader.compile(
            loader.joined(other.get("not_english_only"), "net.other_languages.not_english_only"),
            "net.other_languages.not_english_only",
        ),
        other_languages_danger=loader.compile(
            loader.joined(other.get("danger"), "net.other_languages.danger"),
            "net.other_languages.danger",
        ),
        other_languages_other=loader.compile(
            loader.joined(other.get("other_at_risk"), "net.other_languages.other_at_risk"),
            "net.other_languages.other_at_risk",
        ),
        loose_strong=_Loose.of(loader.words, ("SAID", "DANGER_SAID", "EX_SAID")),
        loose_danger=_Loose.of(loader.words, ("DANGER_SAID",)),
        loose_other=_Loose.of(loader.words, ("EX_SAID",)),
    )


_TABLES = load_tables()
_WORDS = load_model()
# Fewer words than this are left to the rules: four words carry too little for the model to
# ask about alone ("para sa sarili ko", Tagalog for "for myself", scored as crisis on the
# letters of "sarili"); on every tuning round no crisis message was reached by the model
# alone in fewer than six words.
_MODEL_MIN_WORDS = 5


def _words_before(norm: str, start: int, count: int = _NOT_AFTER_WORDS) -> list[str]:
    """The (up to) ``count`` words before ``start``, the space where a match begins."""
    i = start
    for _ in range(count):
        j = norm.rfind(" ", 0, i)
        if j < 0:
            break
        i = j
    return norm[i:start].split()


def _vetoed(not_after: frozenset[str], before: list[str]) -> bool:
    """Whether a veto word comes before the match with no "i" in between: "he wants to end
    it" and "we should end things" are vetoed, "since he left I want to end it" is not."""
    for word in reversed(before):
        if word == "i":
            return False
        if word in not_after:
            return True
    return False


def _start_of(norm: str, start: int, after: frozenset[str], window: int) -> int:
    """Where the nearest word of ``after`` begins among the ``window`` words before ``start``
    (the space before it), with no "i" between; -1 if there is none."""
    i = start
    for _ in range(window):
        j = norm.rfind(" ", 0, i)
        if j < 0:
            return -1
        word = norm[j + 1 : i]
        if word == "i":
            return -1
        if word in after:
            return j
        i = j
    return -1


@dataclass(frozen=True)
class _Hit:
    rule: _Rule
    start: int
    end: int
    norm: str

    @property
    def cue(self) -> str:
        return self.norm[self.start : self.end].strip()


# A game, a show, a story or a school project right beside the words ("i killed myself like 6
# times on that boss fight", "if you jump off the cliff in level 3 you respawn", "the villain
# in this show keeps threatening to kill everyone", "no way out of this group project";
# tuning set r53a): the words are its, not the person's. Only what names a play or a story
# itself ("this game" alone does not: "playing this game all night so i dont think about
# killing myself").
_PLAYS = re.compile(
    r"\b(?:boss (?:fight|battle|level)|respawn\w*|in level \d+|in (?:the|this|that) game"
    r"|(?:the|this|that) (?:villain|boss fight|cliffhanger)|cliffhanger|group project"
    r"|in (?:the|this|that) (?:show|series|episode|movie|film|book|novel)"
    r"|(?:the|this|that) (?:show|series|episode|movie|film|book|novel) (?:is|was|where|when)"
    r"|(?:series|serie|show|documentary|podcast|film|movie|book|novel)s? (?:about|on|su|sobre|sur"
    r"|uber|ueber|over|o)"
    # a game named ("he'll murder me in fifa tonight", "dying at the same boss in elden ring":
    # tuning set r54c)
    r"|(?:in|at|on) (?:fifa|fortnite|cod|call of duty|warzone|madden|nba 2k|2k|smash|mario kart"
    r"|chess|monopoly|uno|scrabble|pool|darts|ping pong|table tennis|paintball|laser tag"
    r"|mortal kombat|tekken|street fighter|valorant|league|minecraft|roblox|among us|elden ring"
    r"|dark souls|apex|overwatch|rocket league|the pub quiz|pub quiz|trivia|bingo))\b"
)
_PLAYS_WITHIN = 40


def _played(norm: str, start: int, end: int) -> bool:
    """Whether a game, a show or a story is named within _PLAYS_WITHIN characters of a match,
    outside it ("can i just not respawn" is the cue itself), with none of the person's own
    words (_OWN_WORDS: "i", "my", "want", "tonight"...) between the two ("watched a show about
    suicide and now i want to kill myself too" is theirs)."""
    lo = max(0, start - _PLAYS_WITHIN)
    for m in _PLAYS.finditer(norm, lo, start + 1):
        if _OWN_WORDS.search(f" {norm[m.end() : start]} ") is None:
            return True
    for m in _PLAYS.finditer(norm, end - 1, end + _PLAYS_WITHIN):
        if _OWN_WORDS.search(f" {norm[end : m.start()]} ") is None:
            return True
    return False


# Between a story named and the words, what makes them the person's own again ("watched a show
# about suicide. want to kill myself too")
_OWN_WORDS = re.compile(
    r" (?:i|me|my|myself|want|wanna|need|going|gonna|really|tonight|now|too|also) "
)


class _Text:
    """A normalised message, padded with spaces, with the token sets the gates look at."""

    def __init__(self, norm: str) -> None:
        words = norm.split()
        self.words = words
        self.tokens = set(words)
        self.norm = f" {norm} "
        self.pre3 = {t[:3] for t in self.tokens}
        self.pre5 = {t[:5] for t in self.tokens}
        self.bigrams = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}

    def first(self, group: _Group, also_not_after: frozenset[str] = frozenset()) -> _Hit | None:
        rules = group.rules
        for i in group.candidates(self):
            rule = rules[i]
            hit = self._match(rule, rule.not_after | also_not_after)
            if hit is not None:
                return hit
        return None

    def _match(self, rule: _Rule, not_after: frozenset[str]) -> _Hit | None:
        norm = self.norm
        checked = False  # requires / unless looked for in the whole message yet
        unless: re.Pattern[str] | None = None
        for m in rule.pattern.finditer(norm):
            start = m.start()
            if rule.after:
                start = _start_of(norm, start, rule.after, rule.window)
                if start < 0:
                    continue
            if not_after and _vetoed(not_after, _words_before(norm, start)):
                continue
            if _played(norm, start, m.end()):
                continue
            if rule.requires is None and rule.unless is None:
                return _Hit(rule, start, m.end(), norm)
            if not checked:
                # Once per message: a second cue found nowhere fails every match, a veto
                # found nowhere need not be looked for around each one.
                if rule.requires is not None and rule.requires.search(norm) is None:
                    return None
                if rule.unless is not None and rule.unless.search(norm):
                    unless = rule.unless
                checked = True
            if rule.in_context(norm, start, m.end(), unless):
                return _Hit(rule, start, m.end(), norm)
            if not rule.within:
                return None  # the context is the whole message: no other match can pass
        return None

    def without(self, hit: _Hit) -> _Text:
        """The same message with a match blanked out (tokens kept: gates only let rules in)."""
        other = _Text.__new__(_Text)
        other.words, other.tokens = self.words, self.tokens
        other.pre3, other.pre5 = self.pre3, self.pre5
        other.bigrams = self.bigrams
        other.norm = self.norm[: hit.start] + " " * (hit.end - hit.start) + self.norm[hit.end :]
        return other


# The message detect_crisis read last: the bot then asks mentions_harm about the same text,
# which need not be normalised and split again. (One entry, replaced whole.)
_last: tuple[str, _Text | None] = ("", None)


def _text_of(text: str, reuse: bool) -> _Text | None:
    global _last
    if not text:
        return None
    if reuse:
        cached_text, cached = _last
        if text == cached_text:
            return cached
    norm = normalize(text)
    t = _Text(norm) if norm else None
    if not reuse:
        _last = (text, t)
    return t


@dataclass(frozen=True)
class CrisisSignal:
    """A message that needs the safety reply; ``cue`` is the normalised text that matched."""

    kind: CrisisKind
    level: CrisisLevel
    cue: str
    # A plain "I won't" just before the cue ("im ok. not gonna hurt myself"): inside a safety
    # talk, an answer to read, not a new alarm.
    negated: bool = False


def _signal(kind: CrisisKind, level: str, hit: _Hit) -> CrisisSignal:
    return CrisisSignal(
        kind, "explicit" if level == "explicit" else "passive", hit.cue, _negated(hit)
    )


# A plain "I won't" just before the act: the gentle check, not the explicit reply. Not "one
# reason not to" or "why should I not": those are the act asked about, not denied.
_NEGATED = re.compile(
    r" (?:i am not going to|not going to|i will not|i would not|i would never|i will never"
    r"|never going to|promise not to|not planning to|i am not|i m not"
    # "no thoughts of hurting myself, my therapist asks every week" (tuning set r51a: the
    # emergency reply)
    r"|no thoughts? of|no urges? to|no intention of|no plans? to|not thinking of"
    r"|not thinking about) $"
)


# "i dont want to die, i just want this to stop hurting" (a session-34 chat got "call 911
# now"): a wish to die denied outright; asked about gently, never let go. Not "i dont want to
# live" or "i dont want to be here": those are the wish itself.
_DENIED_WISH = re.compile(
    r" (?:i |i really |i honestly |i actually )?(?:do not|dont|don t) $"
)
_WISH_TO_DIE = re.compile(r" ?(?:want|wanna) (?:to )?(?:die|be dead|kill myself|hurt myself)\b")


# "i dont have a plan" (a session-44 play-test, said outside any talk: the emergency reply,
# "i have a plan" read inside it): a plan denied; asked about gently, never let go
# "have it figured out" too: "its not like i have it figured out or anything", typed at "are
# you safe?" (session 46's play-test: the emergency reply, read as a plan)
_HAVE_A_PLAN = re.compile(
    r" ?(?:(?:have|got|made) (?:a|any) plan|(?:have|got) it (?:all )?(?:figured|worked|planned)"
    r"(?: out)?)\b"
)
_DENIED_PLAN = re.compile(
    r" (?:(?:i |i really |i honestly |i actually )?(?:do not|dont|don t|did not|have not|never)"
    r"|(?:it is |it s |its )?not like i) $"
)


def _negated(hit: _Hit) -> bool:
    if _NEGATED.search(hit.norm, 0, hit.start + 1) is not None:
        return True
    if (
        _HAVE_A_PLAN.match(hit.cue) is not None
        and _DENIED_PLAN.search(hit.norm, 0, hit.start + 1) is not None
    ):
        return True
    return (
        _WISH_TO_DIE.match(hit.cue) is not None
        and _DENIED_WISH.search(hit.norm, 0, hit.start + 1) is not None
    )


# A laugh, a facepalm or a skull beside a wish to die (round 18's figures of speech).
_LAUGHING = re.compile(
    r"\b(?:lo+l+|lmf?a+o+|rofl|haha\w*|hehe\w*|jk|so embarrass\w*|cringe)\b"
    # the faux pas told beside it: "i want to die, i just called my boss babe on teams 😭"
    # "ugh i want to die, i waved at someone who was waving at the person behind me" (tuning
    # set r51a: the emergency reply)
    r"|\bwaved (?:back )?at (?:someone|somebody|a stranger|a guy|a girl|this guy|this girl)\b"
    r"|\b(?:mortif\w*|so awkward)\b"
    # "ugh i wanna die, he saw me in my pyjamas at the corner shop" (tuning set r58a: the
    # emergency reply)
    r"|\b(?:saw|seen|caught) me in my (?:pyjamas|pajamas|pjs|trackies|joggers|sweats|dressing gown"
    r"|onesie|slippers)\b|\b(?:saw|seen|caught) me (?:with )?(?:no|without) (?:make ?up|makeup)\b"
    r"|\bcalled (?:my|the|our) (?:teacher|boss|manager|lecturer|professor|prof|tutor|coach"
    r"|colleague|coworker|teammate|doctor|gp|dentist|barista|waiter|driver) (?:mum|mom|mummy"
    r"|mommy|babe|baby|bae|dad|daddy|love|darling|hun|honey|sweetie|bestie)\b"
    "|[\U0001F602\U0001F923\U0001F926\U0001F480\U0001F648\U0001F605\U0001F92D\U0001F643]"
)
_WISH_CUE = re.compile(r"\b(?:die|dead|dying|kms)\b")
# "im gonna kill myself if he posts one more gym selfie lol" (a helper's chat, session 37:
# "call 911 now", every turn after it): a condition on someone else, with a laugh; not "i want
# to kill myself lol" nor "gonna kill myself probably jk. kind of"
_IF_SOMEONE = re.compile(
    r"\b(?:kill|shoot) myself if (?:he|she|they|my|i have to|i hear|one more|this|that|anyone"
    r"|someone|the|another|i see)\b"
    # ... and the condition first: "if i have to hear that song one more time ill shoot myself
    # lol" (tuning set r52a: the emergency reply)
    r"|\b(?:if i (?:have to|hear|see|get)|one more time)\b.{0,60}\b(?:kill|shoot) myself\b"
)


_DYING_ALONE = re.compile(r"(?:i am|i m|im) (?:dying|dead|deceased)")


def _dying_of_laughter(cue: str, text: str) -> bool:
    """ "im dying 😂😂": the net's "i am dying" said with a laugh (crisis round 34); the word
    model and the weak net still look at the rest."""
    return _DYING_ALONE.fullmatch(cue.strip()) is not None and _laughed_off(cue, text)


def _laughed_off(cue: str, text: str) -> bool:
    """A wish to die (not a method, an attempt or a plan) said with a laugh or a facepalm."""
    lower = text.lower()
    wish = _WISH_CUE.search(cue) is not None or _IF_SOMEONE.search(lower) is not None
    return wish and _LAUGHING.search(lower) is not None


# "i", "my" (not "my ex"), "myself", "me": the person speaking of themselves
_FIRST_PERSON = re.compile(
    r"\b(?:i|me|myself|mine|my(?! (?:ex|exs|ex s|boyfriend|girlfriend|husband|wife|partner|fiance"
    r"|fiancee|bf|gf)\b))\b"
)
_BEFORE_WORDS = 12


def _said_of_oneself(hit: _Hit) -> bool:
    """Whether a match speaks of the person themselves: a word of the first person in it or
    among the words before it. After the ex's own risk was found, a match with none is part
    of the ex's story."""
    before = " ".join(_words_before(hit.norm, hit.start, _BEFORE_WORDS))
    return _FIRST_PERSON.search(f"{before} {hit.cue}") is not None


def detect_crisis(text: str) -> CrisisSignal | None:
    """Return a CrisisSignal when ``text`` speaks of suicide, self-harm or danger, else None.

    Order: the ex's threat to harm themselves (other_at_risk) is found first and blanked out,
    so "he says he will kill himself" is not read as the user's own crisis; then the user's
    own self-harm wins over danger (its reply asks "are you safe?" first and offers the lines
    danger needs too); then danger; then "I'm not safe"; then the ex at risk."""
    t = _text_of(text, reuse=False)
    if t is None:
        return None
    tables = _TABLES
    other = t.first(tables.other_at_risk)
    own = t.without(other) if other else t
    hit = own.first(tables.self_harm, tables.reported_speech if other else frozenset())
    if hit is not None and other is not None and not _said_of_oneself(hit):
        # "she's shut herself in the car in the garage with the engine running": the engine is
        # part of her story, not the person's own (tuning set r49a)
        hit = None
    if hit is not None:
        level = hit.rule.level
        denied = level == "explicit" and _negated(hit)
        if denied:
            # "I'm not going to hurt myself, don't worry": still asked about, gently; unless
            # the rest says more ("i dont want to die, ... i've started cutting again")
            again = own.without(hit).first(
                tables.self_harm, tables.reported_speech if other else frozenset()
            )
            if again is not None and again.rule.level == "explicit" and not _negated(again):
                hit = again
            else:
                level = "passive"
        if level == "explicit" and _laughed_off(hit.cue, text):
            # "ugh i want to die, i called my teacher mum 🤦": asked gently instead of given
            # the emergency reply; a wish to die said with a laugh can still be meant, so it
            # is never let go
            level = "passive"
        # a plan denied is not escalated by its own words ("i dont have a plan for tonight"
        # names a plan and a time); a means told beside it is read by its own rule above
        plan_denied = denied and hit.rule.level == "explicit" and _HAVE_A_PLAN.match(hit.cue)
        if level != "explicit" and not plan_denied and (
            own.first(tables.escalate) is not None or own.first(tables.danger) is not None
        ):
            level = "explicit"
        return _signal("self_harm", level, hit)
    hit = own.first(tables.danger)
    if hit is not None:
        return _signal("danger_from_other", hit.rule.level, hit)
    hit = own.first(tables.unsafe)
    if hit is not None:
        return _signal("self_harm", hit.rule.level, hit)
    if other is not None:
        return _signal("other_at_risk", other.rule.level, other)
    return None


def harm_kind(text: str) -> CrisisKind:
    """What the net's strong words in ``text`` speak of: danger from someone when the rule
    that caught them says so ("you are dead if i see you"), one's own harm otherwise."""
    t = _text_of(text, reuse=True)
    hit = t.first(_TABLES.net_strong) if t is not None else None
    # In Arabic, Cyrillic or Korean script nothing is left once normalised: the raw text then
    # (tuning set r52a: "رح يقتلني", he'll kill me, got the suicide line)
    said = f" {t.norm} " if t is not None else f" {text.lower()} {fold(text)} "
    words = _tokens(said) if hit is None else []
    if hit is None and (
        _TABLES.other_languages_danger.search(said) or _TABLES.loose_danger.found(words)
    ):
        # "mi ex está fuera de mi casa con un cuchillo": danger from him, in another language
        # (eighth probe), not the suicide line
        return "danger_from_other"
    if hit is None and (
        _TABLES.other_languages_other.search(said) or _TABLES.loose_other.found(words)
    ):
        # "meu ex disse que vai se matar": the ex at risk, in another language (ninth probe)
        return "other_at_risk"
    return (
        "danger_from_other"
        if hit is not None and hit.rule.kind == "danger_from_other"
        else "self_harm"
    )


# Longer messages are searched for other-language words only when they are not English: the
# search costs about a millisecond on 4,096 characters, a few microseconds on a short one.
OTHER_LANGUAGE_WORDS = 60
# Pills, a blade, a gun, a rope, a coffin, blood, a headstone: sent alone, asked about gently
_HARM_EMOJI = re.compile(
    "[\U0001F48A\U0001F52A\U0001F5E1\U0001F52B\U0001FAA2\u26B0\U0001FA78\U0001FAA6]"
)


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def _other_language_harm(norm: str, text: str) -> bool:
    """Words of crisis in another language (the net's `other_languages`)."""
    tables = _TABLES
    lowered = text.lower()
    # Greek is written with or without its accents (session 40's table has none): Greek text
    # unaccented too (only then: each reading costs a search of the whole table)
    folded = fold(text) if _GREEK.search(text) else lowered
    padded = (f" {norm} ", f" {lowered} ", *((f" {folded} ",) if folded != lowered else ()))

    # A veto read in any of the readings holds for all: a laughing face is only in the raw
    # text ("mar jaungi agar usne phir se wahi gaana story pe dala 😂", tuning set r44a)
    if any(tables.other_languages_unless.search(p) is not None for p in padded):
        return False

    def found(pattern: re.Pattern[str]) -> bool:
        return any(pattern.search(p) is not None for p in padded)

    def loosely(loose: _Loose) -> bool:
        return any(loose.found(_tokens(p)) for p in padded)

    english = has_english(text)  # cheap: stops at the second common English word
    if (not english or norm.count(" ") < OTHER_LANGUAGE_WORDS) and (
        found(tables.other_languages) or loosely(tables.loose_strong)
    ):
        return True
    # Words that are English too: only where the detector is sure the language is another.
    return not english and found(tables.other_languages_only) and other_language(text) is not None


def strong_by_words_alone(text: str) -> bool:
    """Whether `text` is "strong" only because the word model leans that way: no word of the
    net nor of another language's list says harm. At a step that reads a time or a date and
    can read `text` ("can it be after the kids are asleep like 21:30"), the answer is taken."""
    t = _text_of(text, reuse=True)
    if t is None:
        return False
    strong = t.first(_TABLES.net_strong)
    if strong is not None and not _dying_of_laughter(strong.cue, text):
        return False
    return not _other_language_harm(t.norm, text) and mentions_harm(text) == "strong"


# A message that is all one quotation, someone else's words pasted ("Hey. I know you said you
# needed space ... I hope you're taking care of yourself. I'm not expecting a reply. Take care.
# — M": session 46's second play-test was asked "are you safe?"): the word model does not
# speak for the person; the rules still read it
_PASTED_WHOLE = re.compile(
    r"""^\s*["\u201c\u201e\u00ab][^"\u201c\u201d\u00ab\u00bb]{80,}["\u201d\u00bb]\s*$"""
)


def mentions_harm(text: str) -> HarmLevel | None:
    """How strongly ``text`` touches death, means, goodbyes or danger, by its words alone.

    "strong": the bot asks gently whether the person is safe; "weak" (words that are often
    figurative: dead, kill, die): it only adds an "I'm not safe right now" button. A short
    message the rules do not catch is also "strong" when the word model (crisis_words.py)
    finds its words far likelier in crisis messages than in ordinary ones."""
    t = _text_of(text, reuse=True)
    if t is None:  # nothing in Latin letters: perhaps Cyrillic, Arabic or Devanagari
        if _HARM_EMOJI.search(text) and not any(ch.isalpha() for ch in text):
            return "strong"  # "💊💊💊💊", "🔪": pills or a blade, said without words
        return "strong" if text and _other_language_harm("", text) else None
    strong = t.first(_TABLES.net_strong)
    if strong is not None and not _dying_of_laughter(strong.cue, text):
        return "strong"
    if (
        len(t.words) >= _MODEL_MIN_WORDS
        and _WORDS.says_crisis(t.words)
        and _TABLES.model_unless.search(t.norm) is None
        and _PASTED_WHOLE.match(text) is None
    ):
        return "strong"
    if _other_language_harm(t.norm, text):
        return "strong"
    return "weak" if t.first(_TABLES.net_weak) is not None else None
