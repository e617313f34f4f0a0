"""What a message tells about the person, for the listening reply: low mood ("so tired of
everything"), the body's needs ("i dont even eat properly"), a message from the ex pasted or
quoted, "what if he changed", "ok i wont reply". Words of harm are read before this, by
bot/services/crisis.py; nothing here replaces that check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize

__all__ = [
    "baby_lost",
    "block_evaded",
    "betrayed_twice",
    "checks_their_profile",
    "frustrated",
    "dating_again",
    "keeps_relapsing",
    "unfair_nc",
    "door_held",
    "door_let_in",
    "logistics_not_slip",
    "their_family_ill",
    "asks_to_open_theirs",
    "too_much",
    "asks_if_crying_is_normal",
    "their_loss",
    "young_user",
    "age_told",
    "asks_if_failure",
    "asks_why_safe",
    "kids_ask_why",
    "ex_asks_money",
    "draft_shown",
    "family_quoted",
    "handover_hurt",
    "wants_yes_or_no",
    "ex_in_hospital",
    "write_for_me",
    "grief_topic",
    "blocked_by_them",
    "comparison",
    "delete_number",
    "event_together",
    "at_door_calm",
    "told",
    "drink_drive",
    "their_family",
    "BodyNeed",
    "ExMessage",
    "Logistics",
    "asks_if_changed",
    "body_need",
    "ex_message",
    "future_lost",
    "grief_guilt",
    "logistics_asked",
    "low_mood",
    "meet_up",
    "not_replying",
    "pregnant",
    "revenge",
    "self_blame",
    "others_rush",
    "guess_what",
    "asks_streak_reset",
    "self_hate",
    "my_fault",
    "step_hurts",
    "asks_to_apologise",
    "feels_numb",
    "feels_judged",
    "harm_free_streak",
    "adult_age_told",
    "safeguarding_follow_up",
    "setup_questioned",
    "drunk_driving",
    "practical_draft",
    "means_it",
    "wants_no_menu",
    "violent_anger",
    "worse_than_start",
]

BodyNeed = Literal["eat", "sleep", "sick"]


Pronoun = Literal["him", "her", "them"]


class _ExQuote(DataModel):
    speaker_quote: Regex
    message_says: Regex
    addressed: Regex
    quoted: Regex
    quoted_speaker: Regex
    whole: Regex


class _Logistics(DataModel):
    asks_rule: Regex
    kids: Regex
    work: Regex
    admin: Regex
    channel: Regex


class ToldAnswer(DataModel):
    """How a kind of `told` is answered (listening.yaml, told_answers)."""

    always: bool = False  # whatever else the message does (asks, small talk); else only alone
    help: bool = False  # "🚨 I'm not safe right now" under the reply
    offer: tuple[str, ...] = ()  # answers offered under it as buttons


class _ListeningData(DataModel):
    ex_practical: Regex
    low_mood: Regex
    body: dict[BodyNeed, Regex]
    ex_quote: _ExQuote
    ex_misses: Regex
    kids_miss: Regex
    ex_changed: Regex
    not_replying: Regex
    logistics: _Logistics
    grief_guilt: Regex
    future_lost: Regex
    violent_anger: Regex
    revenge: Regex
    self_blame: Regex
    others_rush: Regex
    guess_what: Regex
    streak_reset: Regex
    judged: Regex
    sh_streak: Regex
    adult_age: Regex
    safeguarding_more: Regex
    setup_optional: Regex
    drunk_drive: Regex
    my_fault: Regex
    step_hurts: Regex
    self_hate: Regex
    numb: Regex
    means_it: Regex
    no_menu: Regex
    pregnant: Regex
    meet_up: Regex
    block_evaded: Regex
    checking: Regex
    frustrated: Regex
    betrayed_twice: Regex
    dating_again: Regex
    dreams: Regex
    keeps_relapsing: Regex
    unfair_nc: Regex
    door_let_in: Regex
    door_held: Regex
    their_loss: Regex
    young_user: Regex
    age_told: Regex
    asks_if_failure: Regex
    pushes_back: Regex
    asks_why_safe: Regex
    kids_ask_why: Regex
    ex_asks_money: Regex
    draft_shown: Regex
    family_quoted: Regex
    handover_hurt: Regex
    yes_or_no: Regex
    ex_in_hospital: Regex
    their_family_ill: Regex
    open_theirs: Regex
    too_much: Regex
    normal_to_cry: Regex
    write_for_me: Regex
    write_for_new: Regex
    grief_funeral: Regex
    grief_app: Regex
    logistics_not_slip: Regex
    their_family: Regex
    blocked_by_them: Regex
    comparison: Regex
    drink_drive: Regex
    worse_than_start: Regex
    baby_lost: Regex
    delete_number: Regex
    saw_them: Regex
    resisting: Regex
    event_together: Regex
    at_door_calm: Regex
    laughing: Regex
    dark_words: Regex
    told: dict[str, Regex]
    told_answers: dict[str, ToldAnswer]


@dataclass(frozen=True)
class ExMessage:
    """A message from the ex, pasted or quoted: who sent it, and whether it says "I miss you"."""

    them: Pronoun
    misses: bool
    practical: bool = False  # about a handover, the kids, keys, rent, work: a short reply is fine
    stop: bool = False  # "please stop", "leave me alone": asked to stop; respected, no reply
    kids: bool = False  # "a pic of the kids saying they miss you": the children's words


_DATA = load_data(DATA_DIR / "listening.yaml", _ListeningData)


def low_mood(text: str) -> bool:
    """Worn out, hopeless or flat, told ("yaar i am just so tired of everything")."""
    return _DATA.low_mood.search(normalize(text)) is not None


def body_need(text: str) -> BodyNeed | None:
    """The body's need a message tells of: not eating, not sleeping, feeling sick; None if
    none. Eating first: it is the one most easily forgotten."""
    norm = normalize(text)
    return next((need for need, p in _DATA.body.items() if p.search(norm) is not None), None)


@dataclass(frozen=True)
class Logistics:
    """A yes-or-no question about a practical message: about the children ("kids"), or about
    admin ("admin"), with what it is about in their words ("the account") and how it would
    go ("email", "text", "message", "call", "letter"; None when not said)."""

    kind: Literal["kids", "work", "admin"]
    subject: str | None = None
    channel: str | None = None


_CHANNELS = {"e mail": "email", "dm": "message", "voice note": "message"}


def logistics_asked(text: str) -> Logistics | None:
    """ "Is it still no contact if I reply about the kids?" -> kids; "is it a violation of
    no contact to send an email about the account?" -> admin, "the account", "email"."""
    norm = normalize(text)
    data = _DATA.logistics
    if data.asks_rule.search(norm) is None:
        return None
    if data.kids.search(norm):
        return Logistics("kids")
    if data.work.search(norm):
        return Logistics("work")
    admin = data.admin.search(norm)
    if admin is None:
        return None
    said = data.channel.search(norm)
    channel = None if said is None else _CHANNELS.get(said.group("channel"), said.group("channel"))
    return Logistics("admin", subject=admin.group("subject"), channel=channel)


_PRONOUNS: dict[str, Pronoun] = {"he": "him", "his": "him", "she": "her", "her": "her"}


def ex_message(text: str) -> ExMessage | None:
    """The ex's words pasted or quoted ("he said: hey. i miss you... can we talk?", "his text
    says i miss you", "she wrote 'i still think about you every day'"); None otherwise."""
    raw = text.lower()
    norm = normalize(text)
    quote = _DATA.ex_quote
    found: re.Match[str] | None = (
        quote.speaker_quote.search(raw)
        or quote.message_says.search(norm)
        or quote.addressed.search(norm)
    )
    if found is None and quote.quoted.search(raw):
        found = quote.quoted_speaker.search(raw)
    if found is None and quote.whole.match(text):
        # "'it was nice seeing you. coffee sometime?'": a message pasted whole, in quotes
        return _ex_message("them", norm)
    if found is None:
        return None
    return _ex_message(_PRONOUNS.get(found.group("who"), "them"), norm)


def _ex_message(them: Pronoun, norm: str) -> ExMessage:
    """What the ex's message says: "I miss you" (the children's, when they are the ones who
    miss), practical, or "please stop"."""
    kids = _DATA.kids_miss.search(norm) is not None
    return ExMessage(
        them=them,
        misses=not kids and _DATA.ex_misses.search(norm) is not None,
        practical=_DATA.ex_practical.search(norm) is not None,
        stop=_ASKED_TO_STOP.search(norm) is not None,
        kids=kids,
    )


# "she said 'please stop'", "he wrote leave me alone" (a session-28 chat: "you don't have to
# answer it", then "a short, sincere apology can be right")
_ASKED_TO_STOP = re.compile(
    r"\b(?:please stop|stop (?:texting|messaging|calling|contacting|writing to) me|leave me alone"
    r"|do not (?:text|message|call|contact) me|stop it|i said stop|stop please)\b"
)
_SORRY_ASKED = re.compile(r"\b(?:sorry|apologi[sz]e|apology)\b")


def asks_to_apologise(text: str) -> bool:
    """ "shud i say sorry for texting": an apology asked about."""
    return _SORRY_ASKED.search(normalize(text)) is not None


def asks_if_changed(text: str) -> bool:
    """ "but what if he changed", "what if she's different now", "he says he has changed"."""
    return _DATA.ex_changed.search(normalize(text)) is not None


def not_replying(text: str) -> bool:
    """ "ok i wont reply", "not gonna answer him", "leaving him on read": a choice told."""
    return _DATA.not_replying.search(normalize(text)) is not None


def grief_guilt(text: str) -> bool:
    """ "is it my fault", "i never got to say sorry": guilt or the unsaid, after a death."""
    return _DATA.grief_guilt.search(normalize(text)) is not None


def future_lost(text: str) -> bool:
    """ "i wanted kids with her", "we were going to get married": the future pictured, lost."""
    return _DATA.future_lost.search(normalize(text)) is not None


def violent_anger(text: str) -> bool:
    """ "i want to kill him honestly", "i could strangle her": anger said as violence, by the
    person about the ex (never "he wants to kill me")."""
    norm = normalize(text)
    return _DATA.violent_anger.search(norm) is not None and _SELF.search(norm) is None


# "i want to kill him and then myself": one's own harm too, for the crisis check to answer
_SELF = re.compile(r"\b(?:myself|me too|my own life|my life|suicide|die)\b")


def revenge(text: str) -> bool:
    """ "i want to slash his tires", "gonna make him pay": revenge on them or their things."""
    return _DATA.revenge.search(normalize(text)) is not None


def step_hurts(text: str) -> bool:
    """ "i blocked her. feel sick", "ok so i unfollowed him. now what": a hard step done, and
    how it feels or what comes next; not the how-to for the step again."""
    return _DATA.step_hurts.search(normalize(text)) is not None


def my_fault(text: str) -> bool:
    """ "was it my fault", "i think im the toxic one": the blame for the breakup, taken on."""
    return _DATA.my_fault.search(normalize(text)) is not None


def means_it(text: str) -> bool:
    """ "not kidding", "i know where she lives": after words of hurting someone, meant."""
    return _DATA.means_it.search(normalize(text)) is not None


def feels_judged(text: str) -> bool:
    """ "are you judging me", "you must think im pathetic": asked of the bot, answered plainly."""
    return _DATA.judged.search(normalize(text)) is not None


def adult_age_told(text: str) -> bool:
    """ "hes 22", "she's way older than me": an adult's age, said of the ex."""
    return _DATA.adult_age.search(normalize(text)) is not None


def safeguarding_follow_up(text: str) -> bool:
    """ "is it bad if i go", "i dont want to get him in trouble": what follows the reply to a
    young person and an adult."""
    return _DATA.safeguarding_more.search(normalize(text)) is not None


def harm_free_streak(text: str) -> bool:
    """ "i havent cut in 200 days today": a streak without self-harm, told as good news."""
    return _DATA.sh_streak.search(normalize(text)) is not None


def setup_questioned(text: str) -> bool:
    """ "do i have to do the setup thing? i just want to talk": talking needs no set-up."""
    return _DATA.setup_optional.search(normalize(text)) is not None


def drunk_driving(text: str) -> bool:
    """ "im drunk and getting in my car to go to her place", "im fine to drive": the car first."""
    return _DATA.drunk_drive.search(normalize(text)) is not None


def feels_numb(text: str) -> bool:
    """ "i feel kinda... nothing? is that normal", "numb": numbness told."""
    return _DATA.numb.search(normalize(text)) is not None


def wants_no_menu(text: str) -> bool:
    """ "no i dont want a menu i want you to say something": words, not buttons."""
    return _DATA.no_menu.search(normalize(text)) is not None


def self_hate(text: str) -> bool:
    """ "i hate myself for this": anger turned on oneself."""
    return _DATA.self_hate.search(normalize(text)) is not None


def asks_streak_reset(text: str) -> bool:
    """ "does my streak reset": whether a slip starts the count again."""
    return _DATA.streak_reset.search(normalize(text)) is not None


_ASKS_IF_TRUE = re.compile(
    r"\?|\b(?:is (?:that|it|this) true|(?:does|do|will|can|could) (?:it|that|this|nc|no contact"
    r"|they)|how (?:do|can|long)|help(?:s)? (?:you |me |people )?(?:to )?(?:get over|move on))\b"
)


def others_rush(text: str) -> bool:
    """ "everyone says just get over it": told to be over it by now (not "people say nc helps
    you move on, is that true?", a question for the topics)."""
    norm = normalize(text)
    return _DATA.others_rush.search(norm) is not None and _ASKS_IF_TRUE.search(
        text.lower() + " " + norm
    ) is None


def guess_what(text: str) -> bool:
    """ "guess what": news coming, not yet told."""
    return _DATA.guess_what.search(normalize(text)) is not None


def self_blame(text: str) -> bool:
    """ "i feel so stupid", "im such an idiot for texting him": calling oneself names."""
    return _DATA.self_blame.search(normalize(text)) is not None


def pregnant(text: str) -> bool:
    """ "i just found out im pregnant and its his": a pregnancy told."""
    return _DATA.pregnant.search(normalize(text)) is not None


def meet_up(text: str) -> bool:
    """ "my ex wants to meet for coffee, should i go?", "its just coffee": meeting them asked."""
    return _DATA.meet_up.search(normalize(text)) is not None


def betrayed_twice(text: str) -> bool:
    """ "she cheated on me with my best friend": the partner and a friend lost at once."""
    return _DATA.betrayed_twice.search(normalize(text)) is not None


def frustrated(text: str) -> bool:
    """ "fuck this", "ugh this is stupid", "whatever": frustration, sworn or sighed."""
    return _DATA.frustrated.search(normalize(text)) is not None


def door_let_in(text: str) -> bool:
    """ "should i let her in for 5 min?": the ex at the door, asked about."""
    return _DATA.door_let_in.search(normalize(text)) is not None


def door_held(text: str) -> bool:
    """ "she left. i didn't open": the door kept shut, told."""
    return _DATA.door_held.search(normalize(text)) is not None


def keeps_relapsing(text: str) -> bool:
    """ "why do i keep doing this", "the 5th time this month": slipping again and again."""
    return _DATA.keeps_relapsing.search(normalize(text)) is not None


def unfair_nc(text: str) -> bool:
    """ "she cheated and i'm the one who has to do no contact": the unfairness of it."""
    return _DATA.unfair_nc.search(normalize(text)) is not None


def dreams_of_them(text: str) -> bool:
    """ "is it normal to dream about him every night": dreams of the ex, told or asked."""
    return _DATA.dreams.search(normalize(text)) is not None


def dating_again(text: str) -> bool:
    """ "is it ok to date someone else on day 10": dating again themselves, asked."""
    return _DATA.dating_again.search(normalize(text)) is not None


def their_loss(text: str) -> bool:
    """ "his mom died, can i go to the funeral": a death on the ex's side."""
    return _DATA.their_loss.search(normalize(text)) is not None


def asks_if_failure(text: str) -> bool:
    """ "am i a failure", "whats wrong with me", "why cant i just stop": their worth asked
    about, after slips most often (a helper's chat: "I can't answer that one for you")."""
    return _DATA.asks_if_failure.search(normalize(text)) is not None


def asks_why_safe(text: str) -> bool:
    """ "why do you keep asking if im safe, im just pissed off": the safety question itself
    objected to (a helper's chat: the answer about being afraid of the ex)."""
    return _DATA.asks_why_safe.search(normalize(text)) is not None


def grief_topic(text: str) -> Literal["funeral", "app"] | None:
    """After the ex's death: the funeral asked about ("his family hates me. should i go?"), or
    what this bot is for now ("there's no one to not contact", "maybe i'll just pause it")."""
    norm = normalize(text)
    if _DATA.grief_funeral.search(norm):
        return "funeral"
    if _DATA.grief_app.search(norm):
        return "app"
    return None


def kids_ask_why(text: str) -> bool:
    """ "my son asked why mommy and daddy dont talk anymore. what do i tell a 6 year old": what
    to tell the children (a helper's chat: "a shared calendar helps", then menus)."""
    return _DATA.kids_ask_why.search(normalize(text)) is not None


# A draft about the practical thing only: the kids' times, things to collect, a shared task
_PRACTICAL_DRAFT = re.compile(
    r"\b(?:school|pick ?up|drop ?off|back (?:on|by|at)|by \d|at \d|\d ?(?:am|pm)|sunday|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|front desk|reception|leave (?:them|it|my)"
    r"|my things|my stuff|your things|your stuff|keys?|slides?|due|deadline|the kids|the children"
    r"|the dog|the cat|rent|bill|deposit|project|assignment|meeting)\b"
)
_FEELING_DRAFT = re.compile(
    r"\b(?:miss|love|sorry|hurt|why did|why do|still|feel|feelings|heart|us|we were|closure"
    r"|regret|forgive|can we talk|need to talk|thinking about|meet|meet up|see you|coffee"
    r"|dinner|drinks?|hang out|come over|catch up|talk about)\b"
)


def practical_draft(text: str) -> bool:
    """ "should I send this: 'Fine. They need to be back Sunday by 6 for school.'": a draft
    shown that keeps to the practical thing, with no feeling in it (session 28's chats: "Keep
    it unsent for now" to a co-parent's pickup reply)."""
    if not draft_shown(text):
        return False
    norm = normalize(text)
    return _PRACTICAL_DRAFT.search(norm) is not None and _FEELING_DRAFT.search(norm) is None


def draft_shown(text: str) -> bool:
    """ "ok i wrote this: 'hey i know we said no contact but...'": a message to them, written
    and shown, not sent (a helper's chat: "be gentle with yourself" and a pet's answer). Read
    on the text as typed: the quote marks matter."""
    return _DATA.draft_shown.search(text.lower()) is not None


def family_quoted(text: str) -> bool:
    """ "my mum just texted me this: 'darling just call him'": someone else's words about the
    ex, quoted (a helper's chat: offered "Count it as a slip")."""
    return _DATA.family_quoted.search(text.lower()) is not None


def handover_hurt(text: str) -> bool:
    """ "did the handover myself. he was nice and it messed me up": a handover done, and it
    hurt (a helper's chat: the slip answer)."""
    return _DATA.handover_hurt.search(normalize(text)) is not None


def wants_yes_or_no(text: str) -> bool:
    """ "just tell me yes or no": a plain answer asked for (a helper's chat: "I can't answer
    that one for you")."""
    return _DATA.yes_or_no.search(normalize(text)) is not None


def ex_asks_money(text: str) -> bool:
    """ "he wants me to send him 2000 rand for meds", "she asked to borrow money": money asked
    for by the ex (a helper's chat: "call 112", then an urge offer)."""
    return _DATA.ex_asks_money.search(normalize(text)) is not None


def their_family_ill(text: str) -> bool:
    """ "he says his mom is in the hospital": someone of theirs ill or hurt, told."""
    return _DATA.their_family_ill.search(normalize(text)) is not None


def asks_to_open_theirs(text: str) -> bool:
    """ "should i listen to it", "should i read his letter": whether to open what they sent."""
    return _DATA.open_theirs.search(normalize(text)) is not None


def asks_if_crying_is_normal(text: str) -> bool:
    """ "is it normal to still cry on day 20": asked, and answered yes."""
    return _DATA.normal_to_cry.search(normalize(text)) is not None


def too_much(text: str) -> bool:
    """ "am i too much?", "he said i was too needy": a wound told in their own words."""
    return _DATA.too_much.search(normalize(text)) is not None


def ex_in_hospital(text: str) -> bool:
    """ "he messaged. says hes in hospital": the ex in hospital, told (a helper's chat: asked
    whether they themselves were safe)."""
    return _DATA.ex_in_hospital.search(normalize(text)) is not None


def write_for_me(text: str) -> bool:
    """ "can u write it for me", "give me the actual words", "help me word a no": the reply's
    words asked for (helpers' chats: "I can't help with that one", or the urge exercise)."""
    norm = normalize(text)
    return _DATA.write_for_me.search(norm) is not None and not _DATA.write_for_new.search(norm)


def age_told(text: str) -> bool:
    """ "im 14 btw", "i'm only 15": a young person's age told on its own, heard (a terminal
    chat: at the zone question it was looked up as a place)."""
    return _DATA.age_told.search(normalize(text)) is not None


def young_user(text: str) -> bool:
    """ "im 14 is this app even for kids": a young person asking if the bot is for them."""
    return _DATA.young_user.search(normalize(text)) is not None


def logistics_not_slip(text: str) -> bool:
    """ "i replied only about the play. is that a slip?": a practical reply, asked about."""
    return _DATA.logistics_not_slip.search(normalize(text)) is not None


def checks_their_profile(text: str) -> bool:
    """Checking the ex's profile told ("i keep opening his instagram")."""
    return _DATA.checking.search(normalize(text)) is not None


def block_evaded(text: str) -> bool:
    """ "i blocked him and now hes texting from a new number": a block got round."""
    return _DATA.block_evaded.search(normalize(text)) is not None


def their_family(text: str) -> bool:
    """ "his mom keeps messaging me asking why i left": the ex's family writing."""
    return _DATA.their_family.search(normalize(text)) is not None


def blocked_by_them(text: str) -> bool:
    """ "he blocked me everywhere": blocked by the ex."""
    return _DATA.blocked_by_them.search(normalize(text)) is not None


def comparison(text: str) -> bool:
    """ "what does she have that i dont", "why did he pick her over me": comparing oneself."""
    return _DATA.comparison.search(normalize(text)) is not None


def drink_drive(text: str) -> bool:
    """ "had like 6 beers. grabbing my keys, going to her place": drunk, about to drive."""
    return _DATA.drink_drive.search(normalize(text)) is not None


def worse_than_start(text: str) -> bool:
    """ "day 12 and i feel worse than day 1, is that normal": worse now than at the start."""
    return _DATA.worse_than_start.search(normalize(text)) is not None


def baby_lost(text: str) -> bool:
    """ "we lost ours in march", "i had a miscarriage with him": a pregnancy lost."""
    return _DATA.baby_lost.search(normalize(text)) is not None


def delete_number(text: str) -> bool:
    """ "should i delete his number", "is deleting her contact petty": their number, deleted."""
    return _DATA.delete_number.search(normalize(text)) is not None


def resisting(text: str) -> bool:
    """ "still kinda strong but i wont do it": the pull felt, and not acted on."""
    return _DATA.resisting.search(normalize(text)) is not None


def saw_them(text: str) -> bool:
    """ "i saw his car outside the gym", "bumped into her at tesco": seen in person, told."""
    return _DATA.saw_them.search(normalize(text)) is not None


def event_together(text: str) -> bool:
    """ "my son is getting married and my ex will be there": an event with the ex there."""
    return _DATA.event_together.search(normalize(text)) is not None


def at_door_calm(text: str) -> bool:
    """ "he's at my door with flowers asking to talk": the ex turning up, no threat said."""
    return _DATA.at_door_calm.search(normalize(text)) is not None


def told(text: str) -> str | None:
    """What else the message tells, by the name of its reply (listen.<name>), in the data's
    order: control described, missing someone cruel, a hello said back, "you're the only one
    who listens", a good day, "i'm fine"; None if none."""
    norm = normalize(text)
    return next((name for name, p in _DATA.told.items() if p.search(norm) is not None), None)


def laughing(text: str) -> bool:
    """ "lol", "haha", "😂", "💀" in the message: said with a laugh."""
    return _DATA.laughing.search(text.lower()) is not None


def dark_words(text: str) -> bool:
    """ "killing me", "dead", "murder", "💀": words that sound dark, said lightly or not."""
    return _DATA.dark_words.search(text.lower()) is not None


def told_answer(name: str) -> ToldAnswer:
    """How what `told` names is answered; every name it gives has one (tests/unit)."""
    return _DATA.told_answers[name]


def told_kinds() -> tuple[list[str], list[str]]:
    """The names `told` can give, and those `told_answer` knows (a test compares them)."""
    return list(_DATA.told), list(_DATA.told_answers)


def pushes_back(text: str) -> bool:
    """ "can i at least send happy birthday, just that": the answer just given, pushed on."""
    return _DATA.pushes_back.search(normalize(text)) is not None
