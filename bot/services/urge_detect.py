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
import unicodedata

__all__ = ["detect_urge", "normalise"]

MAX_CHARS = 2000

# --------------------------------------------------------------------------- normalising

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "´": "'"})
_REPEATS = re.compile(r"([a-z])\1{2,}")
_CLAUSE_BREAKS = re.compile(r"(?:[.!?;,:\n()\[\]\"]|\u2026|\s-+\s|\u2014|\u2013)+")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")

_SLANG: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "txt": "text",
    "txts": "texts",
    "txting": "texting",
    "txted": "texted",
    "tx": "text",
    "msg": "message",
    "msgs": "messages",
    "msging": "messaging",
    "msged": "messaged",
    "mssg": "message",
    "dm'ing": "dming",
    "dming": "dming",
    "pm": "pm",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "exbf": "ex boyfriend",
    "exgf": "ex girlfriend",
    "ex-boyfriend": "ex boyfriend",
    "ex-girlfriend": "ex girlfriend",
    "ex's": "ex's",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "kinda": "kind of",
    "lemme": "let me",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "tho": "though",
    "sm": "so much",
    "soo": "so",
    "sooo": "so",
    "rly": "really",
    "realy": "really",
    "srsly": "seriously",
    "ngl": "",
    "tbh": "",
    "lol": "",
    "lmao": "",
    "omg": "",
    "ugh": "",
    "pleease": "please",
    "facetime": "facetime",
    "ft": "facetime",
    "snap": "snap",
    "nc": "no contact",
    "im": "i'm",
    "iam": "i'm",
    "ive": "i've",
    "ill": "i'll",
    "id": "i'd",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "cannot": "can't",
    "wont": "won't",
    "shouldnt": "shouldn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "youre": "you're",
    "its": "it's",
    "thats": "that's",
}

# Multi-word spellings folded to one canonical form (applied after the slang table).
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"\bnot (?:going to|gonna) lie\b", ""),
        (r"\bto be honest\b", ""),
        (r"\bi am\b", "i'm"),
        (r"\bi will\b", "i'll"),
        (r"\bdo not\b", "don't"),
        (r"\bdoes not\b", "doesn't"),
        (r"\bdid not\b", "didn't"),
        (r"\bwill not\b", "won't"),
        (r"\bcan not\b", "can't"),
        (r"\bshould not\b", "shouldn't"),
        (r"\bwould not\b", "wouldn't"),
        (r"\bhave not\b", "haven't"),
        (r"\bwas not\b", "wasn't"),
        (r"\bit is\b", "it's"),
        (r"\b(want|need|going|have|got|about|tempted|trying|dying) 2\b", r"\1 to"),
        (r"\bpm (him|her|them|my ex)\b", r"message \1"),
        (r"\bface time\b", "facetime"),
        (r"\bsnapchat\b", "snap"),
        (r"\bwhats ?app\b", "whatsapp"),
        (r"\bno-contact\b", "no contact"),
        (r"\bdm'?ing\b", "dming"),
        (r"\bhit up\b", "text"),
        (r"\bhmu\b", ""),
    ]
]


def _fold_token(token: str) -> str:
    if token in _SLANG:
        return _SLANG[token]
    bare = token.replace("'", "")
    return _SLANG.get(bare, token)


def normalise(text: str) -> str:
    """Lowercase ASCII, chat slang spelled out, clause breaks kept as " | "."""
    text = unicodedata.normalize("NFKD", text[:MAX_CHARS].translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _REPEATS.sub(r"\1\1", text)
    text = re.sub(r"\bex-", "ex ", text)
    text = _CLAUSE_BREAKS.sub(" | ", text)
    text = re.sub(r"\s'|'\s", " ", f" {text} ")
    words: list[str] = []
    for raw in text.split():
        if raw == "|":
            words.append(raw)
            continue
        token = _NON_WORD.sub("", raw).strip("'")
        if token:
            folded = _fold_token(token)
            if folded:
                words.append(folded)
    out = " ".join(words)
    for pattern, replacement in _PHRASES:
        out = pattern.sub(replacement, out)
    return re.sub(r"\s+", " ", out).strip()


# --------------------------------------------------------------------------- vocabulary

_EX_NOUNS = frozenset(
    {"ex", "ex's", "boyfriend", "girlfriend", "partner", "husband", "wife", "fiance",
     "fiancee", "person"}
)
_TARGET_WORDS = frozenset({"him", "her", "them", "ex", "ex's", "em"})
_AMBIGUOUS_POSSESSIVE = frozenset({"her", "his", "their"})
_NOT_THE_EX_AFTER_POSSESSIVE = frozenset(
    {"mom", "mum", "mother", "dad", "father", "sister", "brother", "friend", "friends",
     "family", "parents", "cousin", "aunt", "uncle", "boss", "instagram", "profile", "page",
     "story", "stories", "posts", "feed", "photos", "pics", "twitter", "tiktok", "facebook",
     "account", "new"}
)
# Words that may sit between a contact verb and its object, or after it, without changing
# who is contacted: "text him just once", "call the ex", "message him right now".
_FILLER = frozenset(
    {"just", "really", "so", "back", "again", "now", "right", "quickly", "quick", "one",
     "last", "more", "time", "a", "the", "once", "even", "maybe", "already", "tonight",
     "today", "please", "real", "literally", "finally", "up", "like", "too"}
)
# A first word after the verb that still reads as "the ex, unnamed": "text so bad",
# "call and beg", "message to say sorry", "text at 3am".
_TO_VERBS = frozenset(
    {"say", "tell", "ask", "see", "check", "let", "wish", "apologise", "apologize", "explain",
     "beg", "hear", "find", "talk", "get", "make"}
)
_CONTINUATION = frozenset(
    {"so", "bad", "badly", "much", "and", "but", "because", "to", "about", "how", "that", "i",
     "i'm", "happy", "sorry", "goodnight", "good", "what", "why", "if", "when",
     "anyway", "though", "at", "this", "or", "on", "first", "before", "while", "after",
     "asking", "saying", "telling", "every", "all", "tomorrow"}
)
_NEGATORS = frozenset(
    {"not", "don't", "never", "won't", "didn't", "no", "can't", "isn't", "doesn't", "nor",
     "hardly", "barely", "wouldn't", "couldn't", "haven't", "refuse", "stopped"}
)
_SCOPE_BREAKS = frozenset(
    {"if", "whether", "that", "because", "and", "so", "when", "while", "since", "but", "or"}
)
_PAST = frozenset(
    {"was", "were", "wasn't", "had", "used", "resisted", "fought", "ignored", "beat",
     "overcame", "handled", "survived", "without", "wanted", "managed"}
)
_FIRST_PERSON = frozenset({"i", "i'm", "i'll", "i've", "i'd", "me", "myself"})
_OTHER_SUBJECTS = frozenset(
    {"he", "she", "they", "you", "we", "he's", "she's", "they're", "you're", "we're",
     "he'll", "she'll", "they'll", "you'll", "he'd", "she'd", "they'd", "you'd", "everyone",
     "everybody", "someone", "somebody", "people", "nobody", "friend", "friends", "mom",
     "mum", "dad", "sister", "brother", "ex", "therapist", "who", "anyone"}
)

# --------------------------------------------------------------------------- contact phrases

_T = r"(?:him|her|them|em|my ex(?: (?:boyfriend|girlfriend|partner|husband|wife))?|the ex|ex)"
_P = r"(?:his|her|their|my ex's|the ex's|my ex|the ex|our)"
_MEDIA = (
    r"(?:text|texting|call|calling|ring|ringing|phone|phoning|message|messaging|dm|dming|snap"
    r"|snapping|facetime|facetiming|whatsapp|whatsapping|email|emailing|e mail|contact"
    r"|contacting|voice note|voicenote|reach out|reaching out|get in touch|getting in touch"
    r"|get back in touch|getting back in touch)\b"
)

# (kind, pattern anchored at the start of the remaining clause)
_CONTACT: list[tuple[str, re.Pattern[str]]] = [
    (
        "social",
        re.compile(
            rf"(?:like|liking|comment on|commenting on|react to|reacting to|reply to"
            rf"|replying to|respond to|responding to|heart|hearting) {_P} (?:new |latest "
            rf"|last |recent |newest )?(?:post|photo|pic|picture|story|stories|status|tweet"
            rf"|video|reel|selfie)s?\b"
        ),
    ),
    (
        "send",
        re.compile(
            rf"(?:send|sending|shoot|shooting|drop|dropping|write|writing|leave|leaving)"
            rf"(?: {_T})? (?:(?:a|an|one|one more|another|this|that|the|my|just|quick|little"
            rf"|short|long|last|single|tiny|final|simple|small|long ass) )*(?:text|message|dm"
            rf"|snap|voice note|voice message|voice memo|voicemail|email|letter|pic|picture"
            rf"|photo|selfie|song|meme|reply|msg|note)s?\b"
        ),
    ),
    ("send", re.compile(r"(?:hit|hitting|press|pressing|tap|tapping) (?:the )?(?:send|call)\b")),
    ("send", re.compile(r"(?:send|sending) (?:it|this|that)\b")),
    ("voice", re.compile(rf"hear(?:ing)? {_P} voice\b")),
    (
        "place",
        re.compile(
            rf"(?:go|going|drive|driving|walk|walking|run|running|head|heading|swing|swinging"
            rf"|stop|stopping) (?:over |back |round |around |by )?(?:to|by|past) {_P} (?:place"
            rf"|house|home|flat|apartment|work|office|door|building|room)\b"
        ),
    ),
    (
        "place",
        re.compile(
            rf"(?:show|showing|turn|turning) up (?:at )?{_P} (?:place|house|home|flat"
            rf"|apartment|work|office|door)\b"
        ),
    ),
    ("break", re.compile(r"(?:break|breaking|end|ending) (?:the |my )?(?:no contact|streak)\b")),
    ("cave", re.compile(r"(?:cave|caving|give in|giving in)\b")),
    (
        "target",
        re.compile(
            rf"(?:follow|following|refollow|refollowing|add|adding) {_T} (?:back|again)\b"
        ),
    ),
    ("optional", re.compile(r"(?:unblock|unblocking|unmute|unmuting|refollow|refollowing)\b")),
    (
        "reply",
        re.compile(
            r"(?:reply|replying|respond|responding|answer|answering|apologi[sz]e"
            r"|apologi[sz]ing|say sorry|saying sorry|write back|writing back)(?: to)?\b"
        ),
    ),
    ("optional", re.compile(_MEDIA)),
    (
        "person",
        re.compile(
            r"(?:talk|talking|speak|speaking|chat|chatting|write|writing|reach|reaching)"
            r" (?:to|with)\b"
        ),
    ),
    (
        "person",
        re.compile(
            r"(?:see|seeing|meet|meeting|visit|visiting|tell|telling|ask|asking|beg|begging"
            r"|hug|hugging|kiss|kissing|wish|wishing|hold|holding|confront|confronting"
            r"|beg|ping|pinging)\b"
        ),
    ),
]

# Adverbs and little bridges allowed between a trigger and the contact phrase, one at a time.
_BRIDGE_WORD = re.compile(
    r"(?:just|really|finally|quickly|maybe|even|actually|literally|probably|at least"
    r"|go and|go|cave and|give in and|break down and|give up and|totally|secretly|quietly"
    r"|simply|so|still|also|to|try and|try to|and|one more time and|honestly|seriously"
    r"|kind of|pick up the phone and|pick up my phone and|grab my phone and|get drunk and"
    r"|drunk|drunkenly|impulsively|badly) "
)

# --------------------------------------------------------------------------- triggers

_DESIRE, _TENTATIVE, _GERUND = "desire", "tentative", "gerund"

_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        _DESIRE,
        re.compile(
            r"\b(?:(?:want|need|have|got|must|would love|i'd love|would like|i'd like|dying"
            r"|itching|aching|desperate|tempted|planning|plan|going|about|ready|trying|longing"
            r"|yearning|urge|urges|temptation|impulse|itch|pull|compelled|decided"
            r"|deciding)(?: (?:so|really|so badly|so bad|so much|badly|kind of))? to"
            r"|wish i could|let me|i'm just going to|i'll just|i'm going to just) "
        ),
    ),
    (
        _DESIRE,
        re.compile(
            r"\b(?:trying|try|struggling|fighting|doing my best|doing everything|working hard"
            r"|hard|hardest|impossible|difficult)(?: so hard| really hard| hard| my best"
            r"| my hardest| so much)? (?:not to|to not|not) "
        ),
    ),
    (
        _DESIRE,
        re.compile(r"\b(?:scared|afraid|worried|terrified|fear|panicking) (?:that )?i(?:'ll|'m"
                   r" going to| might| will| may| could)? "),
    ),
    (
        _TENTATIVE,
        re.compile(
            r"\b(?:(?:should|can|could|shall|may|might) i|what if i|i(?:'ll| might| could"
            r"| may| should)|maybe i(?:'ll| should| could| can| might)?|(?:is|would) it (?:be )?"
            r"(?:\w+ )?(?:ok|okay|bad|wrong|fine|alright|crazy|stupid|pathetic|weird|terrible"
            r"|selfish|dumb|the worst|so bad|that bad|a mistake|a bad idea) (?:if i|if|that i"
            r"|to)|(?:don't|do not) know (?:if|whether) (?:i should|to|i)|(?:think|guess) i"
            r"(?: should|'ll| might| need to| have to)|do you think i (?:should|can)"
            r"|i'm (?:thinking|considering) i (?:should|might|will)|(?:am i|i'm) allowed to) "
        ),
    ),
    (
        _GERUND,
        re.compile(
            r"\b(?:(?:so |this |really |very )?close to|closer to|verge of|(?:a |one )?(?:second"
            r"|seconds|minute|minutes|step|click|tap|moment|inch|breath|text) away from"
            r"|thinking (?:about|of)|considering|contemplating|feel like|feeling like"
            r"|stop(?:ping)? myself(?: from)?|stop me(?: from)?|talk me out of|can't stop"
            r"|can't help(?: but)?|keep almost|resist|resisting|obsessing (?:over|about)"
            r"|fantasi[sz]ing about|tempted by) "
        ),
    ),
]

# Trigger-free signs of an urge right now.
_IMMINENT: list[re.Pattern[str]] = [
    re.compile(
        rf"\b(?:typing|drafting|writing|composing)(?: out| up)? (?:a |an"
        rf" |the |this |my |one |another )?(?:\w+ )?(?:text|message|dm|email|letter|reply)s?"
        rf" (?:to|for) {_T}\b"
    ),
    re.compile(
        rf"\b(?:typing|drafting|writing|composing)(?: out| up)? {_T} (?:a |an |another |one |"
        rf"this )?(?:\w+ )?(?:text|message|dm|email|letter)\b"
    ),
    re.compile(rf"\b(?:i'm |im )?(?:typing|dialing|dialling) (?:to )?{_T}\b"),
    re.compile(
        rf"\bi'm (?:literally |currently |already |just )?(?:texting|messaging|calling|dming"
        rf"|ringing|facetiming) {_T}\b"
    ),
    re.compile(r"\b(?:typing|dialing|dialling) (?:right )?now\b"),
    re.compile(r"\b(?:thumb|finger|thumbs|fingers) (?:is |are )?(?:literally |right |already )?"
               r"(?:on|over|hovering|above)\b"),
    re.compile(rf"\bhovering over (?:the )?(?:send|call|{_P}|{_T})\b"),
    re.compile(
        rf"\b(?:have|got|opened|open|opening|pulled up|pulling up|staring at|stare at)"
        rf" (?:up )?{_P} (?:chat|number|contact|conversation|dms|dm|whatsapp)\b"
    ),
    re.compile(rf"\b{_P} (?:chat|number|contact|conversation|dms) (?:is |are )?(?:open|up|on my"
               rf" screen|right there|in front of me)\b"),
    re.compile(r"\bi'm caving\b"),
    re.compile(
        r"\burges?(?: to \w+(?: \w+)?)? (?:is|are|it's|feels|is getting|getting) (?:so |really"
        r" |too |very |super |insanely |crazy |way too |extra )?(?:strong|bad|intense"
        r"|overwhelming|unbearable|real|loud|huge|much|killing me|hard)\b"
    ),
    re.compile(
        r"\b(?:having|have|got|getting|feeling|feel|fighting|resisting|struggling with"
        r"|battling) (?:such |a |an |the |this |that |these |my )?(?:(?:really |so |very"
        r" |super )?(?:strong|huge|massive|big|overwhelming|intense|crazy|bad|serious|major"
        r"|sudden|awful) )?(?:urge|urges|temptation|impulse|pull)\b"
    ),
]

# A clause that asks *about* urges or about contact in general: an FAQ question.
_FAQ = re.compile(
    r"\bhow (?:do|can|should|would|could|did|does|to) (?:i |you |people |someone |one )?"
    r"(?:stop|not|resist|avoid|quit|deal|handle|cope|get over|fight|beat|manage|control"
    r"|ignore|keep myself)\b"
    r"|\bhow to (?:stop|not|resist|avoid|quit|deal|handle|cope|get over|fight|beat|manage)\b"
    r"|\bis (?:it|this) (?:normal|common|natural) (?:to|that|for|if)"
    r"|\bwhy do i (?:still |keep |always )?(?:want|feel|miss|wanting)"
    r"|\b(?:what|how) (?:do|should|can) (?:i|you) do (?:when|if|whenever)\b"
    r"|\btips? (?:for|to|on)\b|\bways to\b|\bis it (?:normal|common)\b"
)
# Occasions and later times: "should I text him on his birthday / after No Contact" is FAQ.
_LATER = re.compile(
    r"\b(?:when|how long|how soon|how many days|birthday|christmas|holidays?|new year"
    r"|valentine'?s?|anniversary|someday|some day|one day|eventually|in the future|ever again"
    r"|later on|next (?:week|month|year)|after (?:no contact|the \d+|\d+|thirty|a month"
    r"|a while|some time|it ends|this)|once no contact|if (?:he|she|they) (?:texts|calls"
    r"|messages|reaches|contacts|writes))\b"
)
_RESOLVE = re.compile(
    r"^(?:(?:but|and|though|so|yet|no|ok|okay) )*(?:i(?:'m)? )?(?:won't|'m not going to|not"
    r" going to|didn't|don't|am not|not|never|will not|shouldn't and won't)"
    r"(?: (?:do it|do that|though|anyway|text him|text her|call him|call her|tonight|today"
    r"|this time|again|ever))*$"
)
_PASSED = re.compile(
    r"\b(?:it|the urge|that|urge|feeling) (?:has )?(?:passed|went away|is gone|faded|is over"
    r"|calmed down|died down)\b"
)
_BARE_DESIRE = re.compile(
    r"^(?:(?:but|and|though|yet|still|so) )*(?:i |i'm |i've )?(?:(?:really|so|still|just|kind"
    r" of|actually) )*(?:want|need|have|got|'ve got|dying|tempted|going) to(?: (?:so bad|so"
    r" badly|so much|really bad|anyway|though|right now|now|tonight))*$"
)
_ANY_CONTACT = re.compile(
    rf"\b{_MEDIA} {_T}\b|\b(?:talk|speak) to {_T}\b|\bhear {_P} voice\b|\bbreak(?:ing)? no"
    rf" contact\b|\bunblock {_T}\b"
)


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


def _subject_ok(prefix: list[str]) -> bool:
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
    signal = 0
    for clause in _clauses(normalised):
        value = _clause_signal(clause, whole)
        if value:
            signal = value
    return signal > 0
