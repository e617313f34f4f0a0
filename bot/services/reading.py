"""What a typed message is, read once: an urge to contact the ex, a question the FAQ answers,
small talk, a feeling, words of harm. The conversation layer uses it to decide whether text
typed inside a flow is an answer to the question or something else to be answered as such."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from pydantic import Field

from bot.services.crisis import mentions_harm, strong_by_words_alone
from bot.services.faq import FaqMatch, FaqMatcher, is_question
from bot.services.language import other_language
from bot.services.listening import (
    BodyNeed,
    ExMessage,
    Logistics,
    age_told,
    asks_if_changed,
    body_need,
    checks_their_profile,
    ex_message,
    logistics_asked,
    low_mood,
    not_replying,
)
from bot.services.message_asks import daily_ask
from bot.services.smalltalk import SmalltalkKind, classify_smalltalk, shares_a_feeling
from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize
from bot.services.urge_detect import detect_urge


class _ReadingData(DataModel):
    off_topic: list[Regex] = Field(min_length=1)
    other_things: list[Regex] = Field(min_length=1)
    request: Regex
    mood_told: dict[str, Regex]
    setting_asked: dict[str, Regex]
    win: Regex
    ties: Regex
    professional: Regex
    her: Regex
    someone_else: Regex
    missing: list[Regex] = Field(min_length=1)
    start_correction: Regex
    count_to: Regex
    what_to_say: Regex
    restart_asked: Regex
    bereaved: Regex
    minor_with_adult: Regex
    secret_asked: Regex
    no_reply: Regex
    shares_images: Regex
    scared_help: Regex
    dose_asked: Regex
    for_the_ex: Regex
    for_someone_else: Regex
    skip: Regex
    stop_messages: Regex
    past_30: Regex
    quits_the_bot: Regex
    asks_daily_time: Regex
    reasons_asked: Regex
    pause_for: Regex
    no_reason_yet: Regex
    what_now: Regex
    joke_asked: Regex
    light_not: Regex
    weekly_off: Regex
    how_to_settings: Regex
    how_to_settings_time: Regex
    command_word: Regex
    rule_asked: Regex
    emoji_bright: str = Field(min_length=1)
    emoji_heavy: str = Field(min_length=1)


_DATA = load_data(DATA_DIR / "reading.yaml", _ReadingData)
_OFF_TOPIC = re.compile("|".join(f"(?:{p.pattern})" for p in _DATA.off_topic))
_OTHER_THINGS = re.compile("|".join(f"(?:{p.pattern})" for p in _DATA.other_things))
_MISSING_RE = re.compile("|".join(f"(?:{p.pattern})" for p in _DATA.missing))

MAX_TEXT = 4096
# Answers about safety itself: given or offered, "I'm not safe right now" stays beside them.
SAFETY_ANSWERS = frozenset({"in-danger", "get-help"})
# A statement (not a question) the FAQ would answer below this score is someone telling, not
# asking ("she was my best friend"): heard first, the answer offered. First chosen on FAQ
# rounds 3 and 4 (told feelings scored up to 0.54, statements that want the answer mostly
# above 0.58: 0.56); raised to 0.65 on rounds 3 to 9 and tuning sets t7, t9a and t10a, where
# told things ("today would have been our anniversary", "one month today, didn't think i'd
# make it") scored 0.59 to 0.66: 10 more of 349 heard, none more answered wrongly, 33 of
# 1,288 questions heard first with their answer one tap away instead of answered.
STATEMENT_SURE = 0.65
# Answers about things to sort out, not feelings: a fact told about them ("he still has my
# stuff, my laptop charger and some clothes") is answered, not heard first (a session-30 chat:
# "I hear you. Be as gentle with yourself" and the answer behind a button)
PRACTICAL_ANSWERS = frozenset({"getting_things_back", "shared-home", "pets"})
# ...told as something held or wanted back, not a memory ("his hoodie still smells like him",
# "the dog keeps waiting by the door" are heard first)
_HELD_OR_WANTED = re.compile(
    r"\b(?:he|she|they|my ex|ex)(?: still| also)? (?:has|have|got|kept|is keeping|are keeping"
    r"|will not give (?:me )?back|won t give (?:me )?back|refuses to give back)"
    r" (?:all |some of )?my\b"
    r"|\bwants? (?:his|her|their|my|the) (?:\w+ ){0,3}?back\b|\bstill has (?:all )?(?:my|our)\b"
)


# A step held is told in a line or two ("day 14 no contact!! proud of myself"). Past this many
# words a "proud of myself" sits inside a story: grief, a vent, once a plan (a held-out crisis
# message of 46 words in round 48 was read as good news, thanked, and given no "I'm not safe"
# button); such a message is heard like any other.
_WIN_MAX_WORDS = 30


@dataclass(frozen=True)
class Reading:
    text: str
    urge: bool
    match: FaqMatch
    smalltalk: SmalltalkKind | None
    feeling: bool
    harm: str | None  # "strong" | "weak" | None, from crisis.mentions_harm
    off_topic: bool = False  # a clear request for something else entirely (trivia, code...)
    # ...and, among those, one for a professional who can see the papers (the law, a visa)
    professional: bool = False
    # a request the word model reads as for something else, asked for ("whats a good
    # lasagna recipe"), where the rules above saw none; unlike off_topic, not a placing
    elsewhere: bool = False
    emoji_only: bool = False  # only emoji and punctuation: a feeling without words
    emoji_bright: bool = False  # ...and a glad one ("🙂👍", "🎉"), with no sad emoji in it
    emoji_unclear: bool = False  # ...neither glad nor hurting ("🍕", "🐸"): asked, not assumed
    bare_question: bool = False  # just "?" (or "??"): what can this bot do?
    # just ".", "...", "-": no words yet (a session-42 play-test: "It sounds like there's a lot
    # going on" to a full stop)
    dots: bool = False
    start_correction: bool = False  # "my start date was actually last sunday"
    count_to: int | None = None  # "can you put my count back to 18": the day it should be
    restart_asked: bool = False  # "yes restart today" typed, no question pending
    bereaved: bool = False  # "my ex passed away last night": grief, not No Contact
    age_told: bool = False  # "im 14 btw": a young person's age, told on its own
    # "im 14 and he's 24" ("minor"), "he said not to tell anyone about us" ("secret"): signs
    # of grooming or control
    safeguarding: Literal["minor", "secret"] | None = None
    no_reply: bool = False  # "he hasnt even replied": their silence after one's own message
    shares_images: bool = False  # "i want to post his nudes online": image-based abuse, planned
    scared_help: bool = False  # "please help im scared", and nothing else
    dose_asked: bool = False  # "how much ibuprofen can i take": a dose, never the bot's to say
    language: str | None = None  # clearly not English: its ISO 639-1 code
    asks: bool = True  # it asks something (see faq.is_question), rather than tells
    stop_messages: bool = False  # "turn off the daily messages", "stop messaging me"
    low_mood: bool = False  # "yaar i am just so tired of everything", told, not asked
    body: BodyNeed | None = None  # "i dont even eat properly", "i feel sick", told
    checking: bool = False  # "i keep opening his instagram", told
    ex_message: ExMessage | None = None  # "he said: i miss you... can we talk?": theirs, pasted
    ex_changed: bool = False  # "but what if he changed", "what if she's different now"
    not_replying: bool = False  # "ok i wont reply", "not gonna answer him": a choice, told
    logistics: Logistics | None = None  # "is it still no contact if i reply about the kids?"

    @property
    def declined(self) -> bool:
        """A clear request for something else (trivia, code, shopping), declined kindly even
        when an FAQ answer shares a word with it; never when it speaks of harm or an urge."""
        return (self.off_topic or self.elsewhere) and self.harm is None and not self.urge

    @property
    def guess(self) -> str | None:
        """The word model's clear reading of a question the matcher left unplaced
        (FaqMatch.guess), offered as "is this it?" when nothing else answers the message
        first: no words of harm, no urge, small talk, decline or feeling told."""
        m = self.match
        if m.kind != "none" or m.guess is None or self.harm is not None or self.urge:
            return None
        if self.declined or self.off_topic or self.feeling or self.bare_question:
            return None
        if self.smalltalk is not None or self.emoji_only or self.dots:
            return None
        return m.guess

    @property
    def told_topic(self) -> str | None:
        """The word model's clear reading of a message that asks nothing and that the
        matcher left unplaced (FaqMatch.told): "im so angry at him i could scream" is heard,
        "I'm so angry at them" offered under it. Never beside harm, an urge, small talk or a
        request for something else."""
        m = self.match
        if m.kind != "none" or m.told is None or self.harm is not None or self.urge:
            return None
        if self.declined or self.off_topic or self.bare_question or self.emoji_only or self.dots:
            return None
        return m.told if self.smalltalk is None else None

    @property
    def help_in_reach(self) -> bool:
        """Whether the free-text reply carries "I'm not safe right now": words of harm, or a
        message the bot cannot place: no confident answer to a question asked (an answer to
        a message that asks nothing is not a placing), not small talk, not a clear request
        for something else."""
        if self.smalltalk is not None and self.harm is None:
            return False
        if not self.declined and not SAFETY_ANSWERS.isdisjoint(self.match.ids):
            # answered or offered "I'm afraid of them" / "When to get professional help": the
            # lines one tap away beside it (round 32: a threat got the answer, no button)
            return True
        # the word model's "something else" is a guess, even over an answer: no placing
        answered = self.match.kind == "answer" and self.asks and not self.elsewhere
        # glad emoji alone ("👍", "🎉"): placed as what they are (a session-32 chat: the button
        # under every reply to "👍")
        glad = self.emoji_only and self.emoji_bright
        placed = answered or self.off_topic or self.bare_question or glad
        return self.harm is not None or not placed

    @property
    def heard_first(self) -> bool:
        """Something told, not a question asked, that the FAQ would answer or is unsure of
        ("i miss him so much", "she was my best friend"): it is heard first, and the answers
        offered under it rather than given or asked about ("did you mean"). Strong words of
        harm are asked about first instead; weak ones ("it physically hurts") are heard, the
        "I'm not safe" button beside the answers."""
        if self.asks or self.harm == "strong":
            return False
        if self.match.kind == "suggest":
            # "he cheated on me with my best friend": told, not asked; heard, the nearest
            # answers under it, rather than "did you mean"
            return True
        if (
            self.match.kind == "answer"
            and self.match.ids[0] in PRACTICAL_ANSWERS
            and not (self.feeling or self.low_mood)
            and _HELD_OR_WANTED.search(normalize(self.text)) is not None
        ):
            return False
        # "i really thought she was the one": read by the word model as telling, not asking
        told = self.match.leans_told
        return self.match.kind == "answer" and (
            self.feeling or self.match.score < STATEMENT_SURE or told
        )

    @property
    def wants_its_own_reply(self) -> bool:
        """A question the FAQ answers, a feeling, words of harm or a question about the bot:
        clearly not an answer to a flow's question (urges are told apart on their own)."""
        return (
            self.match.answered
            or self.feeling
            or self.harm == "strong"
            or self.stop_messages
            or self.age_told
            or self.smalltalk in ("about", "privacy", "status", "how_are_you")
        )


def tells_a_win(text: str) -> bool:
    """ "i made it!! 30 days", "day 10 and still strong": a step held, told (the reading's
    "good_news"), for a caller that needs nothing else."""
    norm = normalize(text[:MAX_TEXT])
    return (
        _DATA.win.search(norm) is not None
        and mentions_harm(text) is None
        and not detect_urge(text[:MAX_TEXT])
    )


def is_urge(text: str) -> bool:
    """`read_text(text, ...).urge` alone, for a caller that needs nothing else."""
    return detect_urge(text[:MAX_TEXT])


def read_text(text: str, matcher: FaqMatcher) -> Reading:
    """Read `text` once for everything free-text handling needs to know."""
    text = text[:MAX_TEXT]
    norm = normalize(text)
    asks = is_question(text, norm)
    letters = any(ch.isalnum() for ch in text)
    emoji = any(unicodedata.category(ch) == "So" for ch in text)
    ex = ex_message(text)
    logistics = logistics_asked(text) if asks else None
    # Their "i want to see you" is not the person's urge, nor is "can i text him about the kids?"
    urge = ex is None and logistics is None and detect_urge(text)
    harm = mentions_harm(text)
    stop_messages = _DATA.stop_messages.search(norm) is not None
    if harm == "strong" and stop_messages and strong_by_words_alone(text):
        # "i dont want the daily msgs at all tbh", that only the word model took for harm (a
        # helper's chat, session 41: "are you safe right now?"): the request, answered
        harm = None
    smalltalk = classify_smalltalk(text)
    if (
        smalltalk is None
        and not asks
        and not urge
        and harm is None
        and _DATA.win.search(norm) is not None
        and norm.count(" ") < _WIN_MAX_WORDS
    ):
        smalltalk = "good_news"  # a step held, told: glad, not the how-to for it
    elif smalltalk is None and _DATA.for_the_ex.search(norm) is not None:
        smalltalk = "on_my_behalf"  # too long for small talk, the same request
    elif smalltalk is None and harm is None and _DATA.for_someone_else.search(norm) is not None:
        smalltalk = "someone_else"  # their friend's breakup: kind, and not ours to answer
    language = other_language(text)
    match = matcher.match(text, language)
    rule_asked = match.answered and match.ids[0] == "what-counts" and _DATA.rule_asked.search(norm)
    if urge and asks and match.answered and match.ids[0] == "nc-ends":
        # "so can i text him now? the 30 days are done": what comes after, asked (a helper's
        # chat: the urge offer)
        urge = False
    if urge and asks and "nc-ends" in match.ids and _DATA.past_30.search(norm) is not None:
        # "so it's been over 30 days. can i text him now?" (a session-33 chat: the urge
        # offer, the answer on what comes after only among three choices): that answer
        urge = False
        match = replace(match, kind="answer", ids=("nc-ends",), also=None, doubted=False)
    if urge and asks and rule_asked:
        # "what counts as contact? can i like his post": the rule asked, not an urge now (a
        # helper's terminal chat: the urge offer)
        urge = False
    requests = asks or _DATA.request.search(norm) is not None  # a question, or "give me..."
    return Reading(
        text=text,
        urge=urge,
        match=match,
        smalltalk=smalltalk,
        feeling=shares_a_feeling(text) or (emoji and not letters),
        harm=harm,
        off_topic=_off_topic(norm, requests),
        professional=_DATA.professional.search(norm) is not None,
        elsewhere=match.elsewhere and requests,
        emoji_only=emoji and not letters,
        emoji_bright=emoji and not letters and _is_bright(text),
        emoji_unclear=emoji and not letters and _is_unclear(text),
        bare_question=not letters and not emoji and "?" in text,
        dots=not letters and not emoji and not _FACE_OR_ASKED.search(text),
        start_correction=bool(_DATA.start_correction.search(norm)),
        count_to=_count_to(norm),
        restart_asked=bool(_DATA.restart_asked.search(norm)),
        bereaved=_bereaved(norm),
        age_told=not asks and age_told(text),
        safeguarding=(
            "minor"
            if _DATA.minor_with_adult.search(norm)
            else "secret"
            if _DATA.secret_asked.search(norm)
            else None
        ),
        no_reply=bool(_DATA.no_reply.search(norm)),
        shares_images=bool(_DATA.shares_images.search(norm)),
        scared_help=bool(_DATA.scared_help.search(norm)),
        dose_asked=asks and _DATA.dose_asked.search(norm) is not None,
        language=language,
        asks=asks,
        stop_messages=stop_messages,
        low_mood=not asks and low_mood(text),
        body=None if asks else body_need(text),
        checking=checks_their_profile(text),
        ex_message=ex,
        ex_changed=asks_if_changed(text),
        not_replying=not asks and not_replying(text),
        logistics=logistics,
    )


# Someone else's death told, the pronoun theirs ("my grandmother's ring, the one she gave me
# before she died"; a session-32 chat got "grief for an ex is real grief")
_SOMEONE_ELSE = re.compile(
    r"\b(?:grand(?:ma|mother|pa|father|mum|mom|dad)|nan|nana|gran|granny|mum|mom|mother|dad"
    r"|father|aunt|auntie|uncle|cousin|friend|sister|brother|dog|cat|pet|neighbou?r)\b"
)


def ex_has_died(text: str) -> bool:
    """ "my ex died on saturday. overdose.": the ex's death told (the reading's "bereaved")."""
    return _bereaved(normalize(text[:MAX_TEXT]))


def bereaved(text: str) -> bool:
    """The ex has died, told in so many words (see _bereaved)."""
    return _bereaved(normalize(text))


def _bereaved(norm: str) -> bool:
    """The ex has died, told ("my ex passed away last night"); not a death of someone named just
    before the pronoun ("the one she gave me before she died", of a grandmother)."""
    found = _DATA.bereaved.search(norm)
    if found is None:
        return False
    if "ex" in found.group(0).split():
        return True
    before = norm[max(0, found.start() - 60) : found.start()]
    return _SOMEONE_ELSE.search(before) is None and not norm[: found.start()].endswith(
        ("before ", "after ", "since ", "until ", "when ")
    )


# ":(", ":)" and "?" are something said; a full stop or dots alone are not (yet)
_FACE_OR_ASKED = re.compile(r"[?()]")


def _count_to(norm: str) -> int | None:
    """The day number a message says the count should show ("put my count back to 18")."""
    found = _DATA.count_to.search(norm)
    if found is None:
        return None
    day = int(found.group("n") or found.group("m") or found.group("k"))
    return day if 1 <= day <= MAX_DAY else None


# A count further back than this is not a day number (ten years)
MAX_DAY = 3650


def _off_topic(norm: str, requests: bool) -> bool:
    """A clear request for something else: a task or trivia, or something from another part
    of life (a phone's settings, money, a game) asked about with nothing tying it to the ex.
    Only asked (``requests``: a question, or "give me", "recommend"): "paid off the credit
    card, left instructions for the landlord" is told, and may be someone putting their
    affairs in order."""
    if _OFF_TOPIC.search(norm):
        return True
    if not requests or _OTHER_THINGS.search(norm) is None:
        return False
    ties = {m.group(0) for m in _DATA.ties.finditer(norm)}
    if ties and all(_DATA.her.fullmatch(t) for t in ties) and _DATA.someone_else.search(norm):
        ties = set()  # "my roommate never pays her share": her is the roommate
    return not ties


_BRIGHT = frozenset(_DATA.emoji_bright)
_HEAVY = frozenset(_DATA.emoji_heavy)


def _is_unclear(text: str) -> bool:
    """Neither glad nor hurting emoji ("🍕", "🐸"; a helper's chat, session 38: "That looks
    like a hard moment")."""
    return not any(ch in _BRIGHT or ch in _HEAVY for ch in text)


def _is_bright(text: str) -> bool:
    """Glad emoji and no sad ones ("🙂👍" yes, "😂😭" no)."""
    return any(ch in _BRIGHT for ch in text) and not any(ch in _HEAVY for ch in text)


def is_skip(text: str) -> bool:
    """ "skip", "not now", "no thanks": an optional question skipped in words."""
    return bool(_DATA.skip.search(normalize(text)))


def asks_what_now(text: str) -> bool:
    """ "what now", "so what do i do now": a next step asked for, after something told."""
    return bool(_DATA.what_now.search(normalize(text)))


def asks_for_a_joke(text: str) -> bool:
    """ "tell me a joke", "make me laugh": something light, asked for."""
    return bool(_DATA.joke_asked.search(normalize(text)))


# Past this many words a message is more than light talk
_LIGHT_MAX_WORDS = 25


def light_talk(reading: Reading) -> bool:
    """Light talk, after "can we talk about something else" was said yes to ("im watching
    severance, its so good", "my cat just knocked my tea over lol", "have you seen it"):
    short, no tie to the ex or the breakup, no harm, no urge, no sadness, not a step asked
    for."""
    norm = normalize(reading.text)
    return (
        reading.harm is None
        and not reading.urge
        and not reading.low_mood
        and reading.smalltalk is None
        and not (reading.emoji_only and not reading.emoji_bright)
        and 0 < norm.count(" ") < _LIGHT_MAX_WORDS
        and _DATA.ties.search(norm) is None
        and _DATA.light_not.search(norm) is None
        and not asks_what_now(reading.text)
    )


def asks_what_to_say(text: str) -> bool:
    """ "omg what do i say", "what should i reply": words for a reply to them, asked."""
    return bool(_DATA.what_to_say.search(normalize(text)))


def no_reason_yet(text: str) -> bool:
    """ "idk lol", "not sure yet": at an optional question, nothing to keep yet."""
    return bool(_DATA.no_reason_yet.search(normalize(text)))


def setting_asked(text: str) -> tuple[str, str | None] | None:
    """A setting asked for in words: ("time", "8am") for "change my daily message to 8am",
    ("timezone", None) for "can i change my time zone"; None otherwise. Asked last, after a
    sentence that says why ("the reminders come at like 8am and im asleep. remind me at 9pm
    instead": a session-44 play-test got "I may not follow every part"), it is still asked."""
    found = _setting_in(normalize(text))
    if found is None:
        sentences = [part for part in _SENTENCE_END.split(text) if part.strip()]
        if len(sentences) > 1:
            found = _setting_in(normalize(sentences[-1]))
    return found


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])[.!?;]+\s+|\n+", re.IGNORECASE)


def _setting_in(norm: str) -> tuple[str, str | None] | None:
    for name, pattern in _DATA.setting_asked.items():
        found = pattern.search(norm)
        if found is not None:
            # "message me at 9 instead" asks for the daily time too; "i moved to berlin"
            # for the time zone
            kind = {"time_at": "time", "time_send": "time", "moved": "timezone"}.get(name, name)
            value = found.group("value")
            if kind == "time" and value is not None and not _TIME_LIKE.search(value):
                continue  # "make time for myself": a wish, not the daily hour
            return kind, value
    return None


# A value that can be the daily hour: a number, or a part of the day ("the morning", "noon").
_TIME_LIKE = re.compile(
    r"\d|\b(?:noon|midday|midnight|morning|afternoon|evening|night|tonight|am|pm|o clock"
    r"|earlier|later|bedtime|lunch|lunchtime|breakfast|dinner|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve"
    # "after the kids are asleep" (a session-27 chat: asked "are you safe?")
    r"|asleep|in bed|after work|after school|after dinner)\b"
)


def asks_daily_time(text: str) -> bool:
    """ "when will you message me next", "what time do you text me"."""
    return _DATA.asks_daily_time.search(normalize(text)) is not None


_PAUSE_LENGTH = re.compile(
    r"\bhow long (?:can|could|do|should|will|may) (?:i|you|it|we) (?:pause|snooze|mute|stop)"
    r"(?: (?:it|you|this|the messages|my messages))?(?: for)?\b"
    r"|\b(?:what is|whats) the (?:longest|max|maximum) (?:i can )?pause\b"
    r"|\bcan i pause (?:it |you |the messages )?(?:for (?:a|one|two|\d+) (?:week|weeks|month"
    r"|months|year)|until (?:after )?(?:christmas|new year|next month|january|the new year))\b"
)


def asks_pause_length(text: str) -> bool:
    """ "how long can i pause for", "can i pause until after christmas": the lengths /pause
    takes."""
    return _PAUSE_LENGTH.search(normalize(text)) is not None


def quits_the_bot(text: str) -> bool:
    """ "i want to stop using this", "i mean this bot, i want to stop": done with the bot
    itself (not with the ex, not a feeling)."""
    return _DATA.quits_the_bot.search(normalize(text)) is not None


def reasons_asked(text: str) -> bool:
    """ "remind me why im doing this", "what were my reasons"."""
    return _DATA.reasons_asked.search(normalize(text)) is not None


def pause_for(text: str) -> str | None:
    """How long a pause asked for in words lasts ("for a week" from "stop the daily messages
    for a week"); None when the text asks for no such pause."""
    found = _DATA.pause_for.search(normalize(text))
    return found.group("arg") if found is not None else None


_ASKS_OF_YOU = re.compile(
    r"^(?:(?:lol|lmao|ok|okay|so|um|hmm|wait|but|and|haha\w*|hey|hi) )*(?:what (?:can|do|does|are"
    r"|is|should|would|will) (?:you|u|this|it)\b|how (?:does|do|will) (?:this|it|you|u)\b"
    r"|(?:can|could|do|are|will|would) (?:you|u)\b|who are (?:you|u)\b|what (?:are|r) (?:you|u)\b)"
)


def asks_of_you(text: str) -> bool:
    """ "lol ok what CAN you do", "how does this work": a question to the bot, even without a
    question mark."""
    return _ASKS_OF_YOU.search(normalize(text)) is not None


def weekly_off(text: str) -> bool:
    """ "turn off the weekly thing": the weekly summary, switched in /settings."""
    return _DATA.weekly_off.search(normalize(text)) is not None


def about_the_bot(text: str) -> bool:
    """A request about the bot's messages, settings or the count ("turn off the weekly
    thing", "message me at 9 instead", "when do i hit 30", "pause"): never a reason kept."""
    norm = normalize(text)
    return (
        _DATA.stop_messages.search(norm) is not None
        or _DATA.quits_the_bot.search(norm) is not None
        or pause_for(text) is not None
        or weekly_off(text)
        or how_to_settings(text)
        or setting_asked(text) is not None
        or command_word(text) is not None
        or reasons_asked(text)  # "remove my reason" (session 28: a refuge, in a danger talk)
        or classify_smalltalk(text) == "status"
        or daily_ask(text) is not None  # "how do i make the daily msg come earlier"
    )


def how_to_settings(text: str) -> bool:
    """ "how do i pause", "how do i change the time": the commands, said plainly."""
    norm = normalize(text)
    return (
        _DATA.how_to_settings.search(norm) is not None
        or _DATA.how_to_settings_time.search(norm) is not None
    )


def command_word(text: str) -> tuple[str, str] | None:
    """A command's name typed without its slash: ("pause", "for a week") for "pause for a
    week", ("status", "") for "status"; None otherwise. "setting" and "unpause" are read as
    "settings" and "resume"."""
    found = _DATA.command_word.search(normalize(text))
    if found is None:
        return None
    cmd = {"setting": "settings", "unpause": "resume"}.get(found.group("cmd"), found.group("cmd"))
    arg = found.group("arg") or ""
    if arg and cmd != "pause":
        return None  # "status now" is fine to miss; "resume tomorrow" is not a plain /resume
    if _NO_LENGTH.fullmatch(arg):
        arg = ""  # "pause for a bit": no length said, so asked, as a bare /pause is
    return cmd, arg


_NO_LENGTH = re.compile(r"(?:for )?a (?:bit|while|little|little while)s?")


def asks_status(text: str) -> bool:
    """ "status", "what day am i on", "how many days": the count asked for, typed."""
    word = command_word(text)
    return classify_smalltalk(text) == "status" or (word is not None and word[0] == "status")


def mood_told(text: str) -> str | None:
    """The day's mood typed instead of tapped ("not great tbh" -> "struggling", "doing okay"
    -> "okay", "good day" -> "good"); None for anything longer or else."""
    norm = normalize(text)
    if len(norm.split()) > 6:
        return None
    return next(
        (mood for mood, pattern in _DATA.mood_told.items() if pattern.search(norm) is not None),
        None,
    )


def struggle_kind(text: str) -> str:
    """What kind of hard day typed words describe: "reach" (wanting to contact them), "miss"
    (missing them) or "heavy" (anything else they say is heard as a heavy day)."""
    if detect_urge(text):
        return "reach"
    if _MISSING_RE.search(normalize(text)):
        return "miss"
    return "heavy"
