"""Spot free text that says the user wants to contact their ex right now.

``detect_urge(text)`` is True when a message clearly says "I want to / am about to / should I
just" reach out to them ("I really want to text him", "typing a message to her right now",
"can I just send one text", "I want to unblock him"), and False for everything else. The bot
then offers the urge flow ("Sounds like the pull is strong right now...").

Pure and rule based: the text is normalised (lowercase, no accents, chat slang such as
u/ur/txt/msg/bf/gf/wanna/gonna spelled out), split into clauses, and each clause is scanned
for a *trigger* (desire, intent, hesitation, a question, a near-miss) followed by a
*contact phrase* (text/call/message/dm him, send a text, hear her voice, unblock him, go to
their place, break No Contact...). A trigger only counts when:

* the clause's subject is the user ("he wants to talk" and "my friend says I should" do not);
* it is not negated just before ("I don't want to text him", "I'm not going to call her");
* it is not in the past ("I was about to text him", "I resisted the urge to call her");
* the person contacted is the ex or unnamed ("text my mom" and "talk to someone" do not).

The last clause that says something decides, so "I don't want to text him but I need to" is
True and "I want to text him but I won't" is False.

Decisions (documented here so the labelled set stays honest):

* Reports of contact that already happened ("I texted him", "I caved") are slips, not urges.
* Contact *from* the ex ("he texted me", "what if she calls") is an FAQ topic, not an urge.
* Questions *about* urges ("how do I stop wanting to text him", "is it normal to want to
  call my ex", "what do I do when I want to text her") go to the FAQ: False.
* "Should I text him?" with nothing else is an urge (True), but questions tied to a later
  time or an occasion ("when can I text him again", "should I text him on his birthday",
  "after No Contact") and "should I reply / apologise" are FAQ questions: False.
* Someone fighting the pull ("I'm trying so hard not to text him", "fighting the urge to
  call her") is in an urge right now: True.
* Names are not guessed: "I want to call Jake" is False; the ex is him/her/them/my ex.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, model_validator

from bot.services.textnorm import DATA_DIR, DataModel, Regex, Words, load_data, normalize

__all__ = ["detect_urge", "normalise"]

MAX_CHARS = 2000

_DESIRE, _TENTATIVE, _GERUND = "desire", "tentative", "gerund"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


class _Rewrite(DataModel):
    pattern: Regex
    to: str


class _Kinded(DataModel):
    kind: str
    pattern: Regex


class _Language(DataModel):
    """data/urge_detect.yaml; {NAME} in a pattern stands for fragments.NAME."""

    canonical: tuple[_Rewrite, ...]
    fragments: dict[str, str]
    ex_nouns: Words
    target_words: Words
    ambiguous_possessive: Words
    not_the_ex_after_possessive: Words
    filler: Words
    to_verbs: Words
    continuation: Words
    someone_new_after_this: Words
    negators: Words
    scope_breaks: Words
    past: Words
    first_person: Words
    other_subjects: Words
    contact: tuple[_Kinded, ...] = Field(min_length=1)
    bridge: Regex
    triggers: tuple[_Kinded, ...] = Field(min_length=1)
    imminent: tuple[Regex, ...]
    faq: Regex
    later: Regex
    resolve: Regex
    passed: Regex
    bare_desire: Regex
    any_contact: Regex
    obliged: Regex
    held_draft: Regex

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not isinstance(data.get("fragments"), dict):
            return data
        fragments = {
            k: "".join(v) if isinstance(v, list) else v for k, v in data["fragments"].items()
        }

        def fill(match: re.Match[str]) -> str:
            if not isinstance(fragments.get(match.group(1)), str):
                raise ValueError(f"no fragment named {match.group(1)!r}")
            return str(fragments[match.group(1)])

        def walk(node: Any) -> Any:
            if isinstance(node, str):
                return _PLACEHOLDER.sub(fill, node)
            if isinstance(node, list):
                return [walk(item) for item in node]
            if isinstance(node, dict):
                return {k: walk(v) for k, v in node.items()}
            return node

        return {k: v if k == "fragments" else walk(v) for k, v in data.items()} | {
            "fragments": fragments
        }

    @model_validator(mode="after")
    def _kinds(self) -> _Language:
        contact = {
            "social",
            "send",
            "voice",
            "place",
            "break",
            "cave",
            "target",
            "optional",
            "person",
            "reply",
        }
        for name, rules, kinds in (
            ("contact", self.contact, contact),
            ("triggers", self.triggers, {_DESIRE, _TENTATIVE, _GERUND}),
        ):
            for index, rule in enumerate(rules):
                if rule.kind not in kinds:
                    raise ValueError(
                        f"{name}[{index}].kind {rule.kind!r} is not one of {sorted(kinds)}"
                    )
        return self


_LANGUAGE = load_data(DATA_DIR / "urge_detect.yaml", _Language)

# --------------------------------------------------------------------------- normalising

_CLAUSE_BREAKS = re.compile(r"(?:[.!?;,:\n()\[\]\"]|\u2026|\s-+\s|\u2014|\u2013)+")


def _canonical(words: str) -> str:
    for rule in _LANGUAGE.canonical:
        words = rule.pattern.sub(rule.to, words)
    return " ".join(words.split())


def normalise(text: str) -> str:
    """textnorm's words in this module's canonical forms, clause breaks kept as " | "."""
    clauses = (_canonical(normalize(c)) for c in _CLAUSE_BREAKS.split(text[:MAX_CHARS]))
    return " | ".join(c for c in clauses if c)


# --------------------------------------------------------------------------- vocabulary

_EX_NOUNS = _LANGUAGE.ex_nouns
_TARGET_WORDS = _LANGUAGE.target_words
_AMBIGUOUS_POSSESSIVE = _LANGUAGE.ambiguous_possessive
_NOT_THE_EX_AFTER_POSSESSIVE = _LANGUAGE.not_the_ex_after_possessive
_FILLER = _LANGUAGE.filler
_TO_VERBS = _LANGUAGE.to_verbs
_CONTINUATION = _LANGUAGE.continuation
_SOMEONE_NEW_AFTER_THIS = _LANGUAGE.someone_new_after_this
_NEGATORS = _LANGUAGE.negators
_SCOPE_BREAKS = _LANGUAGE.scope_breaks
_PAST = _LANGUAGE.past
_FIRST_PERSON = _LANGUAGE.first_person
_OTHER_SUBJECTS = _LANGUAGE.other_subjects

_CONTACT: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule.kind, rule.pattern) for rule in _LANGUAGE.contact
)
_BRIDGE_WORD = _LANGUAGE.bridge
_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule.kind, rule.pattern) for rule in _LANGUAGE.triggers
)
_IMMINENT = _LANGUAGE.imminent
_FAQ = _LANGUAGE.faq
_LATER = _LANGUAGE.later
_RESOLVE = _LANGUAGE.resolve
_PASSED = _LANGUAGE.passed
_BARE_DESIRE = _LANGUAGE.bare_desire
_ANY_CONTACT = _LANGUAGE.any_contact


# --------------------------------------------------------------------------- matching


def _object_ok(rest: list[str], kind: str) -> tuple[bool, bool]:
    """Is the person after a contact verb the ex (or unnamed)? Also: is it a reply ("back")?"""
    need_target = kind == "person"
    i = 0
    while i < len(rest) and rest[i] in _FILLER:
        i += 1
    is_reply = "back" in rest[:i]
    if i >= len(rest):
        return (not need_target, is_reply)
    token = rest[i]
    to_mode = False
    if token in ("to", "with"):
        to_mode = True
        i += 1
        if i >= len(rest):
            return (not need_target, is_reply)
        token = rest[i]
    following = rest[i + 1] if i + 1 < len(rest) else ""
    is_reply = is_reply or "back" in rest[i + 1 : i + 3]
    if token in _TARGET_WORDS:
        if token in _AMBIGUOUS_POSSESSIVE and following in _NOT_THE_EX_AFTER_POSSESSIVE:
            return (False, False)
        return (True, is_reply)
    if token in ("my", "the", "our"):
        return (following in _EX_NOUNS, is_reply)
    if token in ("this", "that") and following in _SOMEONE_NEW_AFTER_THIS:
        return (False, False)  # "text this new guy": someone else
    if need_target:
        return (False, False)
    if to_mode:
        return (token in _TO_VERBS, is_reply)
    return (token in _CONTINUATION, is_reply)


def _contact_at(clause: str, pos: int) -> tuple[str, bool] | None:
    """The contact phrase at `pos`, perhaps after a bridge ("just", "cave and"): kind, "just"."""
    starts = [pos]
    while (bridge := _BRIDGE_WORD.match(clause, starts[-1])) is not None:
        starts.append(bridge.end())
    for start in starts:
        for kind, pattern in _CONTACT:
            found = pattern.match(clause, start)
            if not found:
                continue
            found_kind = kind
            if kind in ("optional", "person", "reply"):
                ok, is_reply = _object_ok(clause[found.end() :].split(), kind)
                if not ok:
                    continue
                if is_reply:
                    found_kind = "reply"
            return (found_kind, "just" in clause[pos:start].split())
    return None


# Words of address that open a message ("bro usko message karne ka mann...", "sis i want to
# text him": "bro" reads "brother"): the person spoken to, not the one with the urge
_ADDRESS = frozenset({"brother", "bro", "sis", "sister", "dude", "mate", "girl", "babe", "man"})


# ... unless a verb of their own follows: "sister wants to text her ex" is the sister's urge
# (the review of session 42)
_ADDRESS_AS_SUBJECT = frozenset({
    "wants", "wanted", "keeps", "kept", "says", "said", "is", "was", "has", "had", "needs",
    "thinks", "thought", "told", "tried", "texted", "asked", "does", "did", "will", "would",
    "cant", "can't", "wont", "won't", "might", "still", "just", "really", "also",
})


def _subject_ok(prefix: list[str]) -> bool:
    spoken_to = bool(prefix) and prefix[0] in _ADDRESS
    if spoken_to and (len(prefix) < 2 or prefix[1] not in _ADDRESS_AS_SUBJECT):
        prefix = prefix[1:]
    for token in reversed(prefix):
        if token in _FIRST_PERSON:
            return True
        if token in _OTHER_SUBJECTS:
            return False
    return True


def _window(prefix: list[str], size: int) -> list[str]:
    return prefix[-size:]


def _score(prefix: list[str], urge_word: bool = False) -> int:
    """+1 for a live urge, -1 when negated, 0 when it is someone else's or in the past."""
    near = _window(prefix, 3)
    if any(t in _PAST for t in near[-2:]) or (urge_word and any(t in _PAST for t in near)):
        return 0
    if not _subject_ok(prefix):
        return 0
    # A negation only reaches across words of the same thought: in "I'm not sure if I
    # should text him" the "not" belongs to "sure", not to the texting.
    # "can't stop" and "can't help" are not negations: "I can't stop thinking about texting".
    for index in range(len(near) - 1, -1, -1):
        token = near[index]
        if token in _SCOPE_BREAKS:
            break
        after = near[index + 1] if index + 1 < len(near) else ""
        if token in _NEGATORS and after not in ("stop", "help"):
            return -1
    return 1


def _clause_signal(clause: str, whole: str) -> int:
    if _FAQ.search(clause):
        return 0
    hits: list[tuple[int, int]] = []
    for kind, pattern in _TRIGGERS:
        for found in pattern.finditer(clause):
            contact = _contact_at(clause, found.end())
            if contact is None:
                continue
            contact_kind, used_just = contact
            if kind == _TENTATIVE:
                if contact_kind == "reply" and not used_just:
                    continue
                if _LATER.search(whole):
                    continue
            prefix = clause[: found.start()].split()
            urge_word = found.group(0).split()[0] in {"urge", "urges", "temptation", "impulse"}
            score = _score(prefix, urge_word)
            if kind == _GERUND and found.group(0).startswith(("resist", "stop", "talk me")):
                score = abs(score)
            if score:
                hits.append((found.start(), score))
    for pattern in _IMMINENT:
        for found in pattern.finditer(clause):
            score = _score(clause[: found.start()].split())
            if score:
                hits.append((found.start(), score))
    if hits:
        return max(hits)[1]
    if _PASSED.search(clause) or _RESOLVE.match(clause):
        return -1
    if _BARE_DESIRE.match(clause) and _ANY_CONTACT.search(whole):
        return 1
    return 0


def _clauses(normalised: str) -> list[str]:
    parts: list[str] = []
    for chunk in normalised.split("|"):
        # "but" and "though" start a new thought: "I want to text him but I won't".
        for piece in re.split(r"\b(?=but\b)|\b(?=though\b)|\b(?=although\b)", chunk):
            piece = piece.strip()
            if piece:
                parts.append(piece)
    return parts


def detect_urge(text: str) -> bool:
    """True when `text` clearly says the user wants to contact their ex right now."""
    if not isinstance(text, str) or not text.strip():
        return False
    normalised = normalise(text)
    whole = normalised.replace("|", " ")
    if _LANGUAGE.obliged.search(whole):
        return False  # contact they have to have, for the children, the home, the bills
    if _LANGUAGE.held_draft.search(normalised):
        return True  # "i typed a whole paragraph. havent sent it": written, held, not sent
    signal = 0
    for clause in _clauses(normalised):
        value = _clause_signal(clause, whole)
        if value:
            signal = value
    return signal > 0
