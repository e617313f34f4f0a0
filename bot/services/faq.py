"""Offline FAQ matcher and the schema of ``content/faq.yaml``.

The matcher is a small lexical ranker built once from the questions' phrasings and titles:

1. ``textnorm.normalize`` (lowercase, unaccent, slang and contractions);
2. phrase rules turn multi-word ideas into one concept token ("no contact", "come back",
   "mixed signals", "stay friends"...);
3. misspelled tokens are mapped onto the known vocabulary with rapidfuzz;
4. a synonym table folds words onto concepts (him/her/bf/gf -> ex, text/dm/call -> msg,
   unfollow/mute/block -> block, insta/ig -> socialmedia...), then a light suffix stemmer;
5. TF-IDF cosine between the query and every phrasing (best phrasing per question),
   blended with the cosine against the question's whole bag of words.

The decision is: *answer* when the best score clears ``answer_threshold`` and leads the
runner-up by ``margin``; *suggest* ("Did you mean") the 2-3 closest questions when the best
score clears ``suggest_threshold`` but is not clearly ahead; *none* otherwise. Only words
that occur in our own phrasings can score, so out-of-scope messages fall to *none*.

A confident wrong answer is worse than a question back, so more rules ask instead of
answering:

- when the message names a *distinctive* concept (held by at most ``DISTINCT_DF`` questions)
  that the best question lacks, and a close runner-up has it, the subject is in doubt ("she
  keeps messaging me threats": they-texted or in-danger?) and both are offered;
- when the best question shares nothing with the message but "them" and everyday words ("he
  was my first love": love, them), it is a guess;
- when a message that asks nothing only tells a feeling and something we know nothing about
  ("i miss her laugh"), it is someone talking, not a question: offered, never answered.

And a message whose only subjects are the things of everyday life (a pet, a flat, work,
children) with no word of the relationship ("good name for a puppy?") is out of scope.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.services import tghtml
from bot.services.faq_words import WordVotes, load_counts, votes_for
from bot.services.glossary import to_english
from bot.services.literals import required as required_literals
from bot.services.smalltalk import SmalltalkKind
from bot.services.textnorm import DATA_DIR, DataModel, Regex, Words, load_data, normalize

__all__ = [
    "ANSWER_THRESHOLD",
    "CONCEPT_TOKENS",
    "MARGIN",
    "SUGGEST_THRESHOLD",
    "FaqContent",
    "FaqContentError",
    "FaqEntry",
    "FaqMatch",
    "FaqMatcher",
    "FaqTopic",
    "analyze",
    "check_telegram_html",
    "entries_from_content",
    "topics_from_content",
    "validate_faq_content",
    "visible_length",
]

MatchKind = Literal["answer", "suggest", "none"]

ANSWER_THRESHOLD = 0.42
SUGGEST_THRESHOLD = 0.30
# A rough reading of another language that names no subject of ours is offered its closest
# answers at these (session 42, chosen on tuning sets t55a and t54b).
GLOSSED_OFFER = 0.7
GLOSSED_COVERAGE = 0.8
MARGIN = 0.06
MAX_SUGGESTIONS = 3
# Suggestions must lie within this distance of the best score.
SUGGEST_SPREAD = 0.12
# A confident answer's runner-up within this distance is offered under it ("See also").
ALSO_SPREAD = 0.10
MAX_VISIBLE_CHARS = 700
# Weight of the best single phrasing against the question's whole bag of words.
PHRASE_WEIGHT = 0.6
# Unknown query words weigh this fraction of the rarest known word's IDF.
OOV_WEIGHT = 0.6
# Shared IDF mass needed for full confidence, as a fraction of the IDF of the rarest known
# word (about one rare word, or two ordinary ones; see FaqMatcher._rank).
EVIDENCE = 0.9
# Share of the query's information the best question must explain, else "none".
COVERAGE = 0.2
# A strong concept found in at most this many questions names a subject of its own.
DISTINCT_DF = 4
# How deep in the ranking to look for the question that covers such a concept.
RIVAL_DEPTH = 5
# ...and how close to the best score it must be.
RIVAL_RATIO = 0.75
# IDF factor for plain words that belong to no synonym group or phrase concept.
PLAIN_WEIGHT = 0.7

# --------------------------------------------------------------------------------------------
# Language rules: phrases, synonyms, stopwords, stemming
# --------------------------------------------------------------------------------------------


class _PhraseRule(DataModel):
    concept: str
    pattern: Regex


class _Language(DataModel):
    phrases: tuple[_PhraseRule, ...] = Field(min_length=1)
    synonyms: dict[str, tuple[str, ...]] = Field(min_length=1)
    weak_concepts: Words
    life_concepts: Words
    feeling_concepts: Words
    generic_concepts: Words
    question: Regex
    question_later: Regex
    couple_words: Words
    stopwords: Words
    no_fix: Words
    suffixes: tuple[str, ...]


_LANGUAGE = load_data(DATA_DIR / "faq_synonyms.yaml", _Language)

# (compiled pattern over normalised text, replacement, the strings it cannot match without).
# Applied in order, before tokenising; a rule whose required strings are all absent is
# skipped without running (see bot/services/literals.py).
_PHRASE_RES: tuple[tuple[re.Pattern[str], str, frozenset[str] | None], ...] = tuple(
    # A "+" prefix keeps the matched words and adds the concept after them.
    (
        rule.pattern,
        rf"\g<0> {rule.concept[1:]}" if rule.concept.startswith("+") else rule.concept,
        required_literals(rule.pattern),
    )
    for rule in _LANGUAGE.phrases
)
_SYNONYM_GROUPS: dict[str, tuple[str, ...]] = _LANGUAGE.synonyms

# Concepts that are everyday words outside a breakup (see data/faq_synonyms.yaml).
WEAK_CONCEPTS: frozenset[str] = _LANGUAGE.weak_concepts

# Everyday life (a pet, a flat, work, children): in scope only with a word of the relationship.
LIFE_CONCEPTS: frozenset[str] = _LANGUAGE.life_concepts
# Feelings told ("i miss", "i cried"): heard, and answered only when asked about.
FEELING_CONCEPTS: frozenset[str] = _LANGUAGE.feeling_concepts
# Ideas too general to make a question's subject on their own ("love", "message").
GENERIC_CONCEPTS: frozenset[str] = _LANGUAGE.generic_concepts
# The concept phrase rules give a memory or a scene told ("i miss her laugh", "i cried in
# the car"): someone talking, not asking.
TELLING = "talkscene"
_QUESTION_RE: re.Pattern[str] = _LANGUAGE.question
# A later sentence that opens like a question ("... tiktok said 90. whats the actual number
# of days"): only unmistakable openings, since "was a mess." opens a sentence too.
_QUESTION_LATER_RE: re.Pattern[str] = _LANGUAGE.question_later
_SENTENCE_END = re.compile(r"[.!;,\n]+")  # "be honest, is there any chance..."
_MAY_ASK = re.compile(
    r"\s*(?:how|hows|what|whats|wat|wats|why|when|where|who|which|should|can|could|do|does"
    r"|is|am|will|so|ok|okay|but|and|like|honestly|seriously|anyway)\b",
    re.IGNORECASE,
)

# "our", "we", "us" speak of a shared life: "our pictures", "we sit next to each other".
_COUPLE_WORDS: frozenset[str] = _LANGUAGE.couple_words

_SYNONYMS: dict[str, str] = {}
for _group, _words in _SYNONYM_GROUPS.items():
    for _w in _words:
        _SYNONYMS.setdefault(_w, _group)

_STOPWORDS: frozenset[str] = _LANGUAGE.stopwords
# Real words one or two edits from our vocabulary that must not be "repaired" into it.
_NO_FIX: frozenset[str] = _LANGUAGE.no_fix
_SUFFIXES: tuple[str, ...] = _LANGUAGE.suffixes


def _stem(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # "stopped" -> "stop"
            return base
    return word


def _concept(word: str) -> str:
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    stem = _stem(word)
    return _SYNONYMS.get(stem, stem)


def _phrase_pass(text: str) -> str:
    padded = f" {text} "
    for pattern, token, needs in _PHRASE_RES:
        if needs is not None and not any(piece in padded for piece in needs):
            continue
        padded = pattern.sub(token, padded)
    return padded


def _raw_tokens(text: str) -> list[str]:
    return _phrase_pass(normalize(text)).split()


# Concept tokens emitted by the phrase rules; each must be its own concept (tested).
CONCEPT_TOKENS: frozenset[str] = frozenset(
    t for rule in _LANGUAGE.phrases for t in rule.concept.removeprefix("+").split()
)


def analyze(text: str, fix: Mapping[str, str] | None = None) -> list[str]:
    """Turn text into concept tokens (stopwords removed). ``fix`` maps misspellings."""
    return _concepts(_raw_tokens(text), fix)


def _concepts(raw: Iterable[str], fix: Mapping[str, str] | None = None) -> list[str]:
    out: list[str] = []
    for tok in raw:
        if fix is not None and tok in fix:
            tok = fix[tok]
        if tok in _STOPWORDS:
            continue
        out.append(_concept(tok))
    return out


# --------------------------------------------------------------------------------------------
# Entries and the matcher
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaqEntry:
    """One question of the FAQ, as loaded from content/faq.yaml."""

    id: str
    topic_id: str
    title: str
    phrasings: tuple[str, ...]
    answer: tuple[str, ...] = ()
    next: str | None = None


@dataclass(frozen=True)
class FaqTopic:
    """A topic of the FAQ menu and the ids of its questions, in menu order."""

    id: str
    title: str
    question_ids: tuple[str, ...]


@dataclass(frozen=True)
class FaqMatch:
    """Outcome of matching a free-text message against the FAQ."""

    kind: MatchKind
    ids: tuple[str, ...]
    score: float
    # An answer whose runner-up came close: offered under it ("See also"), one tap away.
    also: str | None = None
    # A confident answer the word model doubted, turned into a choice (``FaqMatcher.match``):
    # still a question the FAQ answers, not an answer to a flow's question.
    doubted: bool = False
    # The word model reads it as a request for something else (trivia, code, a recipe):
    # declined kindly when it also asks for something (reading.py, Reading.declined).
    elsewhere: bool = False
    # It leans that way at all (the model's "something else" leads every question and "asks
    # nothing"), however narrowly: "what should i cook for dinner tonight". Too weak to
    # decline on; enough not to take it as a follow-up of a question just offered.
    leans_elsewhere: bool = False
    # A question the matcher could not place ("none") that the word model reads clearly as
    # one of ours: offered as a one-tap "is this it?", never answered (Reading.guess).
    guess: str | None = None
    # The same for a message that asks nothing ("im so angry at him i could scream"), read
    # even more clearly (TOLD_LEAD): heard, that answer offered under it (Reading.told_topic).
    told: str | None = None
    # The word model's best reading is "asks nothing" (TOLD leads every question and
    # "something else"): "i really thought she was the one", "still sleeping in her
    # tshirt". An answer to such a message is offered under the listening reply, not given
    # (Reading.heard_first).
    leans_told: bool = False

    @property
    def answered(self) -> bool:
        """The FAQ answers it: at once, or as a choice when the word model doubted it."""
        return self.kind == "answer" or self.doubted


@dataclass(frozen=True)
class _Query:
    tokens: list[str]
    repaired: frozenset[str]  # concepts only there thanks to typo repair
    anchored: bool  # shares a strong concept or a couple word with our domain
    life_only: bool  # its only subjects are everyday life: a pet, a flat, work
    personal: bool  # speaks of them or of us: "him", "my ex", "we", "our"


@dataclass
class _Doc:
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0


def _vector(tokens: Iterable[str], idf: Mapping[str, float], oov_idf: float) -> _Doc:
    counts = Counter(tokens)
    weights = {t: (1.0 + math.log(c)) * idf.get(t, oov_idf) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return _Doc(weights, norm)


def _cosine(q: _Doc, d: _Doc) -> float:
    if q.norm == 0.0 or d.norm == 0.0:
        return 0.0
    if len(q.weights) > len(d.weights):
        small, big = d.weights, q.weights
    else:
        small, big = q.weights, d.weights
    dot = sum(w * big[t] for t, w in small.items() if t in big)
    return dot / (q.norm * d.norm)


# How much likelier (log odds) the word model must find its pick than the matcher's confident
# answer before the answer becomes a choice between the two. Chosen by leaving each of FAQ
# rounds 10 to 15 out in turn (README.md, "Benchmarks"): where the model was right against a
# confident wrong answer, its margin was 16 to 168 (median about 70; 21 of 25 above 30);
# where it was wrong against a right answer, 0.7 to 59 (median about 11; 4 of 17 above 30).
# Of the 786 questions: at 8, reached 759, right at once 542, wrong 3; at 30, reached 756,
# right 546, wrong 8 (the matcher alone: 722, 549, 27). 30 keeps "he said he misses me" on
# the answer about them getting in touch rather than mixed signals.
OVERRULE_MARGIN = 30.0
# How far "a request for something else" must lead every other class of the word model,
# in log odds. Chosen on FAQ rounds 10 to 16, each left out of its counts in turn: at 8,
# with the message asking for something, it flagged 164 of their 210 requests for
# something else and none of their 918 questions or 210 messages that ask nothing, nor any
# of the ~1,900 ordinary messages of crisis rounds 5 to 22 (which it never learnt from); at
# 5, four of those. README.md, "Benchmarks".
ELSEWHERE_MARGIN = 8.0
# How far the word model's best question must lead every other class (log odds) for a
# question the matcher left unplaced to be offered as a guess. Chosen on FAQ rounds 10-17,
# each left out of the model in turn: at 8 (and up to 12), 14 of the 1,056 questions were
# offered, all 14 the right one, and no request for something else or message that asks
# nothing; at 5, one request for something else; at 0, two wrong guesses.
GUESS_LEAD = 8.0
# When a message tells rather than asks, the word model's pick joins the matcher's
# suggestions (or turns its answer into a choice) only if it leads the model's other classes
# by this much (log odds) or the matcher finds it at least JOIN_GROUND close. Chosen in
# session 44 on FAQ rounds 3 to 55 and the tuning sets (8,652 questions, 1,943 messages that
# ask nothing; rounds 56 and 57 kept out): the buttons offered under listening messages went
# from 1,079 to 954 and the wrong ones under questions from 2,542 to 2,534, for 1 question
# fewer reached (8,238 of 8,652); answers given, right or wrong, unchanged. The same rule for
# questions as well lost 2. "day 12 and i miss him so much" had "We share a pet".
JOIN_LEAD = 8.0
JOIN_GROUND = 0.1
# A statement's clear reading: higher, because a feeling told ("idk", "fine. i'm fine") leans
# on few words; at 12 no listening message of rounds 10 to 21 or the tuning sets got one.
TOLD_LEAD = 12.0
# How far "asks nothing" must lead every other class for an answer to a statement to be
# heard first instead of given (FaqMatch.leans_told). Chosen on FAQ rounds 14 to 22 and the
# tuning sets t20a to t23a, each left out of the model's counts in turn (session 17): of
# their 105 statements the matcher answered confidently, none leads "asks nothing" (the
# highest is -4.1); of their 21 listening messages that were answered, 10 lead it at 0 and
# 14 at -4. Zero is where the model's own best reading is "asks nothing".
TOLD_MARGIN = 0.0


# ... and that refuse ("nao quero numero de telefone": "no want number phone"; a helper's
# chat, session 40, in a safety talk: offered "The urge to reach out")
_REFUSING = re.compile(r" (?:no|not|never|dont|without) (?:want|wanna|need)\b")
# Words of a rough English reading that ask or want something (glossary.py)
_ASKING = re.compile(
    r" (?:want|wanna|should|can|could|how|what|why|when|where|help|please|need|must|do|does)"
    r" "
)


class FaqMatcher:
    """Rank FAQ questions for a free-text message; build once, match many times."""

    def __init__(
        self,
        entries: Sequence[FaqEntry],
        *,
        answer_threshold: float = ANSWER_THRESHOLD,
        suggest_threshold: float = SUGGEST_THRESHOLD,
        margin: float = MARGIN,
        phrase_weight: float = PHRASE_WEIGHT,
        oov_weight: float = OOV_WEIGHT,
        evidence: float = EVIDENCE,
        coverage: float = COVERAGE,
        second_opinion: bool = True,
    ) -> None:
        if not entries:
            raise ValueError("FaqMatcher needs at least one entry")
        # The word model's second opinion (faq_words.py), when it knows most of these
        # questions from labelled messages (a matcher built on other questions, as in some
        # tests, goes without it).
        self._second: WordVotes | None = None
        known = sum(1 for e in entries if load_counts().messages.get(e.id, 0) > 0)
        if second_opinion and known * 2 >= len(entries):
            self._second = votes_for(tuple((e.id, (e.title, *e.phrasings)) for e in entries))
        self.answer_threshold = answer_threshold
        self.suggest_threshold = suggest_threshold
        self.margin = margin
        self.phrase_weight = phrase_weight
        self.evidence = evidence
        self.coverage = coverage
        self._oov_weight = oov_weight
        self._ids: tuple[str, ...] = tuple(e.id for e in entries)
        self._index: dict[str, int] = {e.id: i for i, e in enumerate(entries)}

        # Vocabulary of raw (normalised) words seen in our phrasings, for typo repair.
        raw_vocab: set[str] = set(_SYNONYMS)
        texts_per_entry: list[list[str]] = []
        for e in entries:
            texts = [e.title, *e.phrasings]
            texts_per_entry.append(texts)
            for t in texts:
                raw_vocab.update(_raw_tokens(t))
        self._raw_vocab = frozenset(raw_vocab)
        self._vocab_by_initial: dict[str, list[str]] = {}
        for w in sorted(raw_vocab):
            if len(w) >= 3 and w.isalpha():
                self._vocab_by_initial.setdefault(w[0], []).append(w)
        self._fix_cache: dict[str, str | None] = {}

        analyzed = [[analyze(t) for t in texts] for texts in texts_per_entry]
        df: Counter[str] = Counter()
        for phr in analyzed:
            df.update({tok for toks in phr for tok in toks})
        n = len(entries)
        concepts = set(_SYNONYM_GROUPS) | CONCEPT_TOKENS
        # Plain words (no synonym group, no phrase rule) are often incidental to a phrasing
        # ("they moved on so *fast*"): they count, but less than the ideas we model.
        self._idf: dict[str, float] = {
            t: (math.log((n + 1) / (c + 0.5)) + 1.0) * (1.0 if t in concepts else PLAIN_WEIGHT)
            for t, c in df.items()
        }
        # Words we have never seen weigh in the query's norm (so "python code about my ex"
        # scores lower than "my ex"), scaled by ``oov_weight`` of the rarest known word.
        self._oov_idf = oov_weight * (math.log((n + 1) / 0.5) + 1.0)
        self._evidence_mass = evidence * (math.log((n + 1) / 1.5) + 1.0)
        # A concept held by at most this many questions is distinctive (see _other_subject).
        self._distinct = math.log((n + 1) / (DISTINCT_DF + 0.5)) + 1.0
        self._strong: frozenset[str] = frozenset(
            (set(_SYNONYM_GROUPS) | CONCEPT_TOKENS) - WEAK_CONCEPTS
        )
        self._bag_docs: list[_Doc] = []
        # Inverted index: concept -> entry indexes that contain it.
        self._postings: dict[str, set[int]] = {}
        # Inverted index of the phrasings: concept -> (phrasing, its weight over its norm), so
        # a message's cosine with every phrasing sharing a word is one pass over its concepts
        # instead of a cosine per phrasing of every candidate question.
        self._phrase_postings: dict[str, list[tuple[int, float]]] = {}
        self._phrase_owner: list[int] = []  # phrasing -> its question's index
        for i, phr in enumerate(analyzed):
            docs = [_vector(toks, self._idf, self._oov_idf) for toks in phr if toks]
            for doc in docs:
                if doc.norm == 0.0:
                    continue
                number = len(self._phrase_owner)
                self._phrase_owner.append(i)
                for tok, weight in doc.weights.items():
                    self._phrase_postings.setdefault(tok, []).append((number, weight / doc.norm))
            bag = [tok for toks in phr for tok in toks]
            self._bag_docs.append(_vector(bag, self._idf, self._oov_idf))
            for tok in set(bag):
                self._postings.setdefault(tok, set()).add(i)

    # -- typo repair ------------------------------------------------------------------------
    def _fix_word(self, word: str) -> str | None:
        if word in self._fix_cache:
            return self._fix_cache[word]
        fixed: str | None = None
        if word in _NO_FIX:
            pass
        elif len(word) >= 5 and word.isalpha():
            # Typos rarely touch the first letter; requiring it keeps "weather" from
            # turning into "sweater". One edit (a transposition counts as one) up to 7
            # letters, two beyond.
            max_edits = 1 if len(word) <= 7 else 2
            pool = self._vocab_by_initial.get(word[0], [])
            found = process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=max_edits)
            if found is not None:
                fixed = str(found[0])
        elif len(word) == 4 and word.isalpha():
            # Four letters: only a dropped letter ("blok" -> "block"), never a swap.
            for cand in self._vocab_by_initial.get(word[0], []):
                if len(cand) == 5 and OSA.distance(word, cand) == 1:
                    fixed = cand
                    break
        if len(self._fix_cache) < 50_000:
            self._fix_cache[word] = fixed
        return fixed

    def _query_tokens(self, text: str) -> _Query:
        """Concept tokens of ``text``, those only there thanks to typo repair, and its
        anchors in our domain (see WEAK_CONCEPTS and LIFE_CONCEPTS)."""
        norm = normalize(text)
        raw = _phrase_pass(norm).split()
        fixes: dict[str, str] = {}
        for tok in raw:
            if tok in self._raw_vocab or tok in _STOPWORDS or tok in CONCEPT_TOKENS:
                continue
            if _concept(tok) in self._idf:
                continue
            fixed = self._fix_word(tok)
            if fixed is not None:
                fixes[tok] = fixed
        if fixes:
            # Read the repaired words again, so phrase rules see them too: "i caled him" is
            # "i called him", a message sent.
            plain = set(_concepts(raw))
            words = norm.split()
            raw = _phrase_pass(" ".join(fixes.get(w, w) for w in words)).split()
            tokens = _concepts(raw, fixes)
            repaired = frozenset(t for t in tokens if t not in plain)
        else:
            tokens = _concepts(raw)
            repaired = frozenset()
        # "our" speaks of a shared life: "our pictures", "our anniversary".
        couple = not _COUPLE_WORDS.isdisjoint(norm.split())
        anchored = couple or any(t in self._strong for t in tokens)
        # Only everyday life (a pet, a flat, work) and no word of the relationship.
        life_only = (
            not couple
            and any(t in LIFE_CONCEPTS for t in tokens)
            and all(t in LIFE_CONCEPTS for t in tokens if t in self._strong)
        )
        return _Query(tokens, repaired, anchored, life_only, couple or "ex" in tokens)

    # -- ranking -----------------------------------------------------------------------------
    def _rank(self, text: str) -> tuple[list[tuple[str, float, float]], bool]:
        ranked, query, _ = self._rank_full(text)
        return ranked, query.anchored

    def _rank_full(
        self, text: str
    ) -> tuple[list[tuple[str, float, float]], _Query, dict[str, float]]:
        """Ranked (id, score, coverage), the query read, and its concept weights."""
        query = self._query_tokens(text)
        tokens, repaired = query.tokens, query.repaired
        if not tokens:
            return [], query, {}
        q = _vector(tokens, self._idf, self._oov_idf)
        # Information in the query: known concepts at their IDF, repaired typos at half,
        # unknown words at the IDF of the rarest known word.
        full_oov = self._oov_idf / self._oov_weight if self._oov_weight > 0 else self._oov_idf
        q_mass = sum(
            self._idf.get(t, full_oov) * (0.5 if t in repaired else 1.0) for t in q.weights
        )
        candidates: set[int] = set()
        for tok in q.weights:
            candidates.update(self._postings.get(tok, ()))
        best_of = self._best_phrasings(q)
        scored: list[tuple[str, float, float]] = []
        w = self.phrase_weight
        for i in candidates:
            best = best_of.get(i, 0.0)
            bag_doc = self._bag_docs[i]
            bag = _cosine(q, bag_doc)
            # Evidence: how much information the query shares with this question. One
            # common word ("ex", "friends") is not enough to be sure, however short the
            # query; a rare word or two ordinary ones are.
            shared = sum(
                self._idf[t] * (0.5 if t in repaired else 1.0)
                for t in q.weights
                if t in bag_doc.weights
            )
            conf = min(1.0, shared / self._evidence_mass) if self._evidence_mass > 0 else 1.0
            coverage = shared / q_mass if q_mass > 0 else 0.0
            scored.append((self._ids[i], (w * best + (1.0 - w) * bag) * conf, coverage))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored, query, q.weights

    def _best_phrasings(self, q: _Doc) -> dict[int, float]:
        """Question index -> the best cosine of `q` with one of its phrasings (questions
        with no phrasing sharing a concept are left out: their best is 0)."""
        if q.norm == 0.0:
            return {}
        dots: dict[int, float] = {}
        for tok, weight in q.weights.items():
            for number, share in self._phrase_postings.get(tok, ()):
                dots[number] = dots.get(number, 0.0) + weight * share
        best: dict[int, float] = {}
        owner = self._phrase_owner
        for number, dot in dots.items():
            cosine = dot / q.norm
            i = owner[number]
            if cosine > best.get(i, 0.0):
                best[i] = cosine
        return best

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Return (id, score) for every question sharing a word with ``text``, best first."""
        return [(i, s) for i, s, _ in self._rank(text)[0]]

    def _other_subject(
        self, ranked: list[tuple[str, float, float]], q_weights: Mapping[str, float]
    ) -> str | None:
        """A runner-up that covers a distinctive query concept the best question lacks."""
        top_bag = self._bag_docs[self._index[ranked[0][0]]].weights
        missing = [
            t
            for t in q_weights
            if t in self._strong and t not in top_bag and self._idf.get(t, 0.0) >= self._distinct
        ]
        if not missing:
            return None
        floor = max(self.suggest_threshold * 0.8, ranked[0][1] * RIVAL_RATIO)
        for i, s, _ in ranked[1:RIVAL_DEPTH]:
            if s < floor:
                break
            bag = self._bag_docs[self._index[i]].weights
            if any(t in bag for t in missing):
                return i
        return None

    def _only_a_guess(
        self, text: str, top_id: str, query: _Query, q_weights: Mapping[str, float]
    ) -> bool:
        """The best question is a guess: it shares no idea of its own with the message but
        "them" ("he was my first love"); or only everyday life, and the message does not speak
        of them ("the flat feels so empty now": loneliness, not the lease); or the message asks
        nothing and only tells a feeling and a scene ("i miss her laugh")."""
        top_bag = self._bag_docs[self._index[top_id]].weights
        shared = [t for t in q_weights if t in top_bag and t != "ex"]
        if all(t in GENERIC_CONCEPTS for t in shared):
            return True
        if not query.personal and all(t in LIFE_CONCEPTS for t in shared):
            return True
        if TELLING not in q_weights or _QUESTION_RE.search(f" {normalize(text)} "):
            return False
        known = (t for t in q_weights if t in self._strong and t in self._idf and t != "ex")
        return all(t in FEELING_CONCEPTS for t in known)

    def match(self, text: str, language: str | None = None) -> FaqMatch:
        """Answer with one confident id, suggest 1-3 ids, or say it is out of scope.

        A message clearly in another `language` is read word by word in English
        (glossary.py) and its answers are only ever offered, never given as sure: the
        reading is rough, and the reply says first that the bot speaks English for now.

        The matcher places the message; the word model (faq_words.py), learnt from people's
        own wordings, is then asked which question it is about. A confident answer it
        disagrees with is offered beside its pick instead ("did you mean"): a wrong answer
        given with confidence costs more than a question back. Its pick joins suggestions
        that lack it, last. A decline stays a decline. Whatever the kind, ``elsewhere`` says
        whether the model reads a request for something else."""
        if language is not None:
            # As it is (the content holds a few phrasings in other languages), then read in
            # English; what either finds is offered, the first reading's first.
            plain = self._offered(self.match(text))
            english = to_english(text, language, self._raw_vocab)
            sure = self.match(english)
            if sure.leans_elsewhere:
                # "mi scrivi un messaggio romantico da mandare al mio ex?": read as a request
                # for something else ("write message send my ex"): no topics from the reading
                return plain
            asked = any(mark in text for mark in "?？؟") or is_question(english, english)
            # ... or asked without a mark, read surely in English with a word that asks or
            # wants ("jestem pijana i chce do niego napisac, powstrzymajcie mnie": "drunk i want
            # write me please"; tuning set t53a): offered too
            wants = (
                sure.kind == "answer"
                and _ASKING.search(f" {english} ") is not None
                and _REFUSING.search(f" {english} ") is None
            )
            if not asked and (not wants or sure.leans_told):
                return plain  # told, not asked: not offered topics from a rough reading
            glossed = self._offered(sure)
            if not glossed.ids and asked and english:
                # A question to a breakup companion, read roughly: the reading need not name
                # the ex to be about them ("¿borro todas nuestras fotos?": "deleted photos").
                # Its closest answers are offered (never given) when they are close enough.
                nearest, _ = self._rank(english)
                close = tuple(
                    i for i, s, c in nearest[:2]
                    if s >= GLOSSED_OFFER and c >= GLOSSED_COVERAGE
                    and nearest[0][1] - s <= SUGGEST_SPREAD
                )
                glossed = replace(glossed, kind="suggest", ids=close)
            ids = tuple(dict.fromkeys((*plain.ids, *glossed.ids)))[:MAX_SUGGESTIONS]
            if not ids:
                return plain
            return replace(plain if plain.ids else glossed, kind="suggest", ids=ids)
        full = self._rank_full(text)
        placed = self._place(text, full)
        if self._second is None:
            return placed
        opinion = self._second.opinion(text)
        placed = replace(
            placed,
            elsewhere=opinion.elsewhere > ELSEWHERE_MARGIN,
            leans_elsewhere=opinion.elsewhere > 0,
            leans_told=opinion.told > TOLD_MARGIN,
        )
        ranked = opinion.ranked
        if placed.kind == "none" and ranked and not placed.elsewhere:
            if is_question(text, normalize(text)):
                if opinion.lead > GUESS_LEAD:
                    return replace(placed, guess=ranked[0][0])
            elif opinion.lead > TOLD_LEAD and not placed.leans_elsewhere:
                return replace(placed, told=ranked[0][0])
        if placed.kind == "none" or not ranked or ranked[0][0] in placed.ids:
            return placed
        pick = ranked[0][0]
        if (
            opinion.lead <= JOIN_LEAD
            and not is_question(text, normalize(text))
            and next((score for i, score, _ in full[0] if i == pick), 0.0) < JOIN_GROUND
        ):
            # "day 12 and i miss him so much", told, not asked: the model's pick (the answer
            # about a shared pet, for "him") neither leads its other classes clearly nor
            # shares enough of the message's words to stand beside the matcher's placing
            return placed
        if placed.kind == "answer":
            scores = dict(ranked)
            if scores[pick] - scores[placed.ids[0]] <= OVERRULE_MARGIN:
                return placed
            choice = (placed.ids[0], pick)
            return replace(placed, kind="suggest", ids=choice, also=None, doubted=True)
        return replace(placed, ids=(*placed.ids[: MAX_SUGGESTIONS - 1], pick))

    @staticmethod
    def _offered(placed: FaqMatch) -> FaqMatch:
        """A match as offers only: a sure answer (and its "or") or the word model's guess
        become "did you mean" buttons; a feeling told is not read from a rough reading."""
        if placed.kind == "answer":
            ids = (*placed.ids, *((placed.also,) if placed.also else ()))
            return replace(placed, kind="suggest", ids=ids, also=None, doubted=False)
        if placed.kind == "none" and placed.guess is not None and not placed.elsewhere:
            return replace(placed, kind="suggest", ids=(placed.guess,), guess=None)
        return replace(placed, guess=None, told=None, doubted=False)

    def _place(
        self, text: str, full: tuple[list[tuple[str, float, float]], _Query, dict[str, float]]
    ) -> FaqMatch:
        """The matcher's own placing, from the message's ranking (`_rank_full`)."""
        ranked, query, q_weights = full
        if not ranked:
            return FaqMatch("none", (), 0.0)
        top_id, top, coverage = ranked[0]
        if not query.anchored or query.life_only:
            # It only shares everyday words with us.
            return FaqMatch("none", (), top)
        if coverage < self.coverage:
            # Most of the message is about something we never talk about. A question about
            # our subject buried in a long story ("...we broke up 10 days ago, 2 yrs
            # together... whats the minimum time") is asked back, never answered.
            if top >= self.suggest_threshold and is_question(text, normalize(text)):
                close = [i for i, s, _ in ranked[:2] if top - s <= SUGGEST_SPREAD]
                return FaqMatch("suggest", tuple(close), top)
            return FaqMatch("none", (), top)
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        rival = self._other_subject(ranked, q_weights)
        if rival is not None and top >= self.suggest_threshold:
            # The message names a distinctive idea the best question does not cover, and
            # another question does: ask rather than answer the wrong subject.
            close = [top_id, rival]
            for i, s, _ in ranked[1:MAX_SUGGESTIONS]:
                if len(close) < MAX_SUGGESTIONS and i not in close and top - s <= SUGGEST_SPREAD:
                    close.append(i)
            return FaqMatch("suggest", tuple(close), top)
        guess = self._only_a_guess(text, top_id, query, q_weights)
        if top >= self.answer_threshold and top - second >= self.margin and not guess:
            also = ranked[1][0] if len(ranked) > 1 and top - second <= ALSO_SPREAD else None
            return FaqMatch("answer", (top_id,), top, also)
        if top < self.suggest_threshold:
            return FaqMatch("none", (), top)
        close = [
            i
            for i, s, _ in ranked[:MAX_SUGGESTIONS]
            if s >= self.suggest_threshold * 0.8 and top - s <= SUGGEST_SPREAD
        ]
        if len(close) < 2 and top >= self.answer_threshold and not guess:
            return FaqMatch("answer", (top_id,), top)
        return FaqMatch("suggest", tuple(close), top)


# --------------------------------------------------------------------------------------------
# Content schema and loaders
# --------------------------------------------------------------------------------------------

_ID_RE = r"^[a-z0-9_-]+$"
_NEXT_RE = re.compile(r"^(urge|reasons|status|slip|none|faq:[a-z0-9_-]{1,20})$")
_TAG_RE = re.compile(r"<(/?)([a-zA-Z]+)([^>]*)>")
_ALLOWED_TAGS = {"b", "i", "a"}


def is_question(text: str, norm: str) -> bool:
    """Whether the message asks something ("?", or opens like a question: "how do i...",
    "should i...", its first sentence or a later one), as against telling something. `norm`:
    the text normalised (textnorm)."""
    if "?" in text or _QUESTION_RE.search(f" {norm} "):
        return True
    # only each sentence's opening matters: a few words, normalised when its first word may
    # open a question (at most 20 sentences)
    later = _SENTENCE_END.split(text, maxsplit=20)[1:21]
    return any(
        _QUESTION_LATER_RE.search(f" {normalize(part.lstrip()[:40])} ")
        for part in later
        if _MAY_ASK.match(part)
    )


def visible_length(text: str) -> int:
    """Length of a Telegram-HTML text as the user sees it (tags dropped, entities decoded)."""
    return tghtml.visible_length(text)


def check_telegram_html(text: str) -> None:
    """Raise ValueError unless ``text`` is valid Telegram HTML in our house style: only <b>,
    <i> and <a href>."""
    try:
        tghtml.validate(text)
    except tghtml.TelegramHtmlError as exc:
        raise ValueError(str(exc)) from None
    for match in _TAG_RE.finditer(text):
        name = match.group(2).lower()
        if name not in _ALLOWED_TAGS:
            raise ValueError(f"tag <{name}> is not allowed (only <b>, <i>, <a href>)")


def _check_message(text: str) -> str:
    if not text.strip():
        raise ValueError("message is empty")
    check_telegram_html(text)
    n = visible_length(text)
    if n > MAX_VISIBLE_CHARS:
        raise ValueError(f"message is {n} visible chars, more than {MAX_VISIBLE_CHARS}")
    return text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionModel(_Strict):
    id: str = Field(pattern=_ID_RE, min_length=1, max_length=20)
    title: str = Field(min_length=1, max_length=40)
    phrasings: list[str] = Field(min_length=6)
    answer: list[str] = Field(min_length=1, max_length=3)
    next: str | None = None

    @field_validator("answer")
    @classmethod
    def _answer_parts(cls, parts: list[str]) -> list[str]:
        for i, part in enumerate(parts):
            try:
                _check_message(part)
            except ValueError as exc:
                raise ValueError(f"answer[{i}]: {exc}") from None
        return parts

    @field_validator("phrasings")
    @classmethod
    def _phrasings(cls, items: list[str]) -> list[str]:
        seen: set[str] = set()
        for p in items:
            key = normalize(p)
            if not key:
                raise ValueError("empty phrasing")
            if key in seen:
                raise ValueError(f"duplicate phrasing {p!r}")
            seen.add(key)
        return items

    @field_validator("next")
    @classmethod
    def _next(cls, value: str | None) -> str | None:
        if value is not None and not _NEXT_RE.match(value):
            raise ValueError(
                f"next {value!r} must be urge, reasons, status, slip, none or faq:<question-id>"
            )
        return value


class TopicModel(_Strict):
    id: str = Field(pattern=_ID_RE, min_length=1, max_length=20)
    title: str = Field(min_length=1, max_length=32)
    questions: list[QuestionModel] = Field(min_length=1)


def _check_messages(items: list[str]) -> list[str]:
    for i, text in enumerate(items):
        try:
            _check_message(text)
        except ValueError as exc:
            raise ValueError(f"[{i}]: {exc}") from None
    return items


class FaqContent(_Strict):
    """The whole of content/faq.yaml."""

    topics: list[TopicModel] = Field(min_length=1)
    smalltalk: dict[SmalltalkKind, list[str]]
    out_of_scope: list[str] = Field(min_length=2)
    did_you_mean: list[str] = Field(min_length=2)
    did_you_mean_one: list[str] = Field(min_length=2)  # over a single question offered
    menu_intro: list[str] = Field(min_length=2)

    @field_validator("out_of_scope", "did_you_mean", "did_you_mean_one", "menu_intro")
    @classmethod
    def _variants(cls, items: list[str]) -> list[str]:
        return _check_messages(items)

    @field_validator("smalltalk")
    @classmethod
    def _smalltalk(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = set(get_args(SmalltalkKind)) - set(value)
        if missing:
            raise ValueError(f"missing smalltalk kinds: {sorted(missing)}")
        for kind, items in value.items():
            if len(items) < 3:
                raise ValueError(f"smalltalk.{kind} needs at least 3 variants")
            try:
                _check_messages(items)
            except ValueError as exc:
                raise ValueError(f"smalltalk.{kind}{exc}") from None
        return value

    @model_validator(mode="after")
    def _cross_checks(self) -> FaqContent:
        topic_ids: set[str] = set()
        question_ids: set[str] = set()
        for topic in self.topics:
            if topic.id in topic_ids:
                raise ValueError(f"duplicate topic id {topic.id!r}")
            topic_ids.add(topic.id)
            for q in topic.questions:
                if q.id in question_ids:
                    raise ValueError(f"duplicate question id {q.id!r} (topic {topic.id!r})")
                question_ids.add(q.id)
        for topic in self.topics:
            for q in topic.questions:
                if q.next and q.next.startswith("faq:"):
                    target = q.next[4:]
                    if target not in question_ids:
                        raise ValueError(f"question {q.id!r}: next {q.next!r} names no question")
                    if target == q.id:
                        raise ValueError(f"question {q.id!r}: next points to itself")
        return self


class FaqContentError(ValueError):
    """content/faq.yaml is malformed; the message names the field."""


def _describe_loc(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    node: Any = data
    for key in loc:
        parts.append(f"[{key}]" if isinstance(key, int) else (f".{key}" if parts else str(key)))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(node, Mapping) and "id" in node:
            parts.append(f"(id={node['id']})")
    return "".join(parts) or "<root>"


def validate_faq_content(data: Mapping[str, Any], source: str = "content/faq.yaml") -> FaqContent:
    """Validate parsed faq.yaml; raise FaqContentError naming the bad field."""
    try:
        return FaqContent.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = _describe_loc(data, tuple(err["loc"]))
            lines.append(f"{source}: {where}: {err['msg']}")
        raise FaqContentError("\n".join(lines)) from None


def entries_from_content(data: Mapping[str, Any] | FaqContent) -> list[FaqEntry]:
    """Build FaqEntry objects from parsed (and here validated) faq.yaml."""
    content = data if isinstance(data, FaqContent) else validate_faq_content(data)
    return [
        FaqEntry(
            id=q.id,
            topic_id=t.id,
            title=q.title,
            phrasings=tuple(q.phrasings),
            answer=tuple(q.answer),
            next=None if q.next in (None, "none") else q.next,
        )
        for t in content.topics
        for q in t.questions
    ]


def topics_from_content(data: Mapping[str, Any] | FaqContent) -> list[FaqTopic]:
    """The topic menu: topics in file order with their question ids."""
    content = data if isinstance(data, FaqContent) else validate_faq_content(data)
    return [FaqTopic(t.id, t.title, tuple(q.id for q in t.questions)) for t in content.topics]
