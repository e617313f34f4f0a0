"""Typed answers inside a safety conversation.

``read_safety_answer`` reads a reply to "are you safe right now?": "unsafe", "safe", "unsure",
or None when the reply is something else (a story, a name, a question), which the caller
should then treat as an ordinary message (it still goes through crisis detection first).
``person_named`` finds someone they could reach in a short reply ("my sister maybe", "i could
call my friend"), ``is_no_one`` a reply that there is nobody ("i have no one", "im alone") and
``is_unreachable`` one that the person they tried is not answering.
``is_dont_know`` tells whether an answer to a safety-plan question ("who could you call?")
is a "don't know" / "nobody" / "nothing".

Both read the whole short reply (after ``textnorm.normalize`` and dropping fillers such as
"um", "lol", "right now"), never a word inside a longer message: "no" opening a story is not
an answer. When in doubt between "safe" and anything else, the reading is not "safe".
"""

from __future__ import annotations

import re
from typing import Literal

from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.language import common_word, other_language
from bot.services.smalltalk import classify_smalltalk
from bot.services.textnorm import normalize
from bot.services.timezones import country_for_zone, resolve_timezone

__all__ = [
    "in_the_home",
    "gone_out_for_hours",
    "asleep_there",
    "asks_about_height",
    "misses_them",
    "dismisses_self",
    "must_go",
    "someone_with_them",
    "talks_of_them",
    "minor_said",
    "ruined_streak",
    "plans_to_avoid",
    "asks_about_evidence",
    "asks_about_locks",
    "asks_if_crime",
    "asks_about_dose",
    "harm_in_past",
    "tells_clean_streak",
    "urge_to_harm_again",
    "asks_about_a_place",
    "says_young",
    "comes_for_them",
    "minimizes",
    "gets_rid_of_it",
    "retracts",
    "bleeding_eases",
    "to_bed",
    "asks_to_open_door",
    "keeps_it_from",
    "will_tell_there",
    "SafetyAnswer",
    "about_the_bot",
    "asks_for_number",
    "asks_to_call_police",
    "asks_to_meet_them",
    "clarifies_not_harm",
    "is_acknowledgement",
    "is_dont_know",
    "is_joking",
    "is_no_one",
    "is_unreachable",
    "kids_there",
    "hospital_wait",
    "on_hold",
    "at_hospital",
    "told_to_go",
    "going_in",
    "came_back_inside",
    "has_family_number",
    "told_them_so",
    "settles_affairs",
    "police_refused",
    "kids_taken",
    "asks_what_meant",
    "was_choked",
    "they_are_here",
    "no_credit",
    "fears_police",
    "called_them",
    "low_battery",
    "on_the_way_home",
    "person_named",
    "person_near",
    "promises_not_to",
    "read_safety_answer",
    "threat_gone",
    "asks_about_lines",
    "asks_for_alternatives",
    "has_decided",
    "means_at_hand",
    "only_clarifies",
    "not_abuse",
    "puts_away",
    "mistaken_tap",
    "plays_it_down",
    "has_a_key",
    "asks_if_normal",
    "stops_the_plan",
    "safety_tool_asked",
    "blames_self",
    "not_believed",
    "not_immediate",
    "drinking",
    "threatens_images",
    "family_help",
    "doubts_threat",
    "they_will_regret",
    "images_next",
    "apologises",
    "country_mentioned",
    "says_amount",
    "will_call",
    "country_said",
    "asks_bot_to_call",
    "stopped_attempt",
    "asks_protection_order",
    "asks_about_tracker",
    "minor_injury",
    "clarifies_move",
    "danger_goes_on",
    "prepares",
    "feels_better",
    "medically_cleared",
    "they_went_quiet",
    "not_dangerous",
    "talks_of_else",
    "wants_no_lecture",
    "asks_tech_safety",
    "no_more_numbers",
    "gives_in",
    "plays_down_danger",
    "speaks_of_not_being_around",
    "on_the_way",
    "back_in_talk",
    "step_done",
    "still_heavy",
    "wants_it_to_stop",
    "stepped_back",
    "hiding_locked_in",
    "wont_wake_them",
    "wound_tended",
    "plan_saved",
    "their_means",
    "their_weapon",
    "cannot_secure",
    "feels_awful",
    "zone_country",
    "at_a_height",
    "too_easy",
    "sent_means_photo",
    "in_the_car",
    "says_drunk",
]

SafetyAnswer = Literal["unsafe", "safe", "unsure"]

# Fillers dropped at either end of a reply before it is read.
_LEADING = re.compile(
    r"^(?:(?:um+|uh+|erm+|hmm+|hm+|well|honestly|so|ugh|oh|ok so|ok|okay|i mean|to be honest|tbh"
    r"|not going to lie|lol|haha+|bot) )+"
)
_TRAILING = re.compile(
    r"(?: (?:lol|lmao|haha+|right now|now|at the moment|atm|tonight|today|thanks|thank you"
    r"|thx|honestly|to be honest|i promise|bot|x+|please))+$"
)

# "ya" is normalised to "you": "you" counts as a yes only before more words ("ya im fine").
_YES = (
    r"(?:yes|yeah|yea|yeh|yep|yup|yas|sure|of course|definitely|absolutely|i am|i am yeah"
    r"|you(?= )|ja|si|oui|sim|haan|evet|tak|oo|opo|iya)"
)
_OK = r"(?:safe|ok|fine|good|alright|all right|okay|better|okish|fine ish)"
# "nein", "non", "não", "nahi", "hindi": no in the languages the crisis net knows, an answer
# to "are you safe?" and never a name
_NO = r"(?:no|nope|nah|noo|nop|na|no no|nein|non|nee|nao|nie|hayir|nahi|nahin|nej|nei|tidak|hindi)"

_SAFE = re.compile(
    rf"(?:{_YES}(?: (?:i am|i think so|i think|i am {_OK}|i think i am {_OK}|{_OK}|for now))*"
    rf"|(?:i am |i feel |i think i am |i should be |i will be |feeling |all )?{_OK}"
    rf"(?: (?:for now|now|enough|i think|yes|yeah|really))*"
    rf"|i think so|i think i am|i am safe yes|i am not in danger|not in danger|nobody is here"
    # a no that then says fine: "no i'm fine", "nah i'm okay", "no, all good"
    rf"|{_NO} (?:i am |it is |all |we are |really |honestly )?(?:{_OK}|not in danger)"
    rf"(?: (?:now|really|honestly|i promise))*"
    rf"|(?:i am )?not unsafe"
    # in the other languages people write in: "ich bin okay, wirklich", "estoy bien", "jestem
    # bezpieczna" (a helper's chats: "call 112 now" to each)
    rf"|(?:ich bin|estoy|estou|jestem|je suis|sono|main) (?:{_OK}|bien|bem|sicher|in ordnung"
    rf"|a salvo|segur[oa]|bezpieczn\w+|en securite|al sicuro|theek|thik)"
    rf"(?: (?:wirklich|de verdad|de verdade|naprawde|vraiment|davvero|hoon|hu|hun|really))?)"
)
_UNSAFE = re.compile(
    rf"(?:{_NO}(?: (?:i am not|not really|i am not safe|i do not think so|not safe|not at all"
    rf"|i do not feel safe|i am really not|i am not ok|i am not okay|i am not fine))?"
    rf"|not really|not rly|really not|not at all|not quite|not exactly|i do not think so"
    rf"|do not think so|i do not think i am|i do not think i am (?:safe|ok|fine)|i am not"
    rf"|(?:i am |i feel |i do not feel )?(?:not |un)(?:safe|ok|okay|fine|alright|good)"
    rf"|i do not feel safe|(?:i am )?(?:in danger|scared|not safe at all|really not safe)"
    rf"|help|help me|please help|please help me|i need help|not really no|no not really"
    rf"|definitely not|absolutely not|of course not|hell no)"
)
# Resigned ("sure whatever", "doesn't matter"): an unsure answer, heard as tiredness
_RESIGNED_WORDS = (
    r"(?:sure |yeah |ok |fine )?whatever|(?:it )?does not matter|who cares|what does it matter"
    r"|not that it matters"
)
_UNSURE = re.compile(
    r"(?:i do not know|do not know|i really do not know|i honestly do not know|no idea"
    r"|i have no idea|no clue|not sure|i am not sure|i am not really sure|unsure|maybe"
    r"|maybe not|maybe yes|i guess|i guess so|kind of|sort of|kind of i guess|a bit|a little"
    r"|possibly|probably|i think so maybe|hard to say|i can not tell|can not tell|i hope so"
    r"|hopefully|50 50|fifty fifty|sometimes|not sure honestly|yes and no|yes no|half"
    r"|i do not know (?:any more|honestly|really)|i am not sure any more|i dunno|dunno"
    r"|idk|i do not know if i am|not sure if i am (?:safe|ok|fine)|i am confused"
    # resigned, or only for now: asked again, gently
    rf"|{_RESIGNED_WORDS}|for now|for now i guess|for the moment"
    r"|i guess for now|safe enough|safe enough i guess|enough i guess"
    # "asking for a friend": the question stays theirs too
    r"|(?:just |i am |i was )?asking for a friend|it is for a friend|for a friend|for"
    # maybe and "I don't know" in the languages people mix in (a session-34 chat: "vielleicht"
    # got "Call Vielleicht", "no sé" got "please call 911 now")
    r"|vielleicht|talvez|quizas|quiza|tal vez|peut etre|forse|siguro|baka|shayad|mungkin"
    # "ok lang ako siguro", I'm okay, maybe (a session-34 chat: the recycled "call now" line)
    r"|(?:(?:ok|okay|ayos|mabuti) )?(?:lang |naman )?(?:ako )?siguro|siguro (?:ok|okay|ayos)"
    r"(?: lang| naman)?(?: ako)?"
    r"|no se|no lo se|yo no se|nao sei|sei la|ich (?:weiss|weis|weiß) (?:es )?nicht"
    r"|(?:weiss|weis|weiß) nicht|keine ahnung|je (?:ne )?sais pas|sais pas|non lo so|non so"
    r"|hindi ko alam|ewan|ewan ko|di ko alam|pata nahi|mujhe nahi pata|tidak tahu|gak tau"
    r"|nggak tau|ga tau|gatau|nie wiem|weet ik niet|geen idee)"
)

_DONT_KNOW = re.compile(
    r"(?:(?:i )?(?:really |honestly )?do not know|i dunno|dunno|idk|no idea|i have no idea"
    r"|no clue|not a clue|not sure|i am not sure|unsure|nobody|no one|noone|no body|none"
    r"|nothing|nothing really|nobody really|no one really|none really|not really|not anyone"
    r"|(?:i )?can not think of (?:anyone|anybody|anything|any|one|something)|can not think"
    r"|i have (?:nobody|no one|nothing|none)|there is (?:nobody|no one|nothing)"
    r"|i do not have (?:anyone|anybody|any|one|anything)|nothing comes to mind"
    r"|no one comes to mind"
    r"|pass|skip|no|nope|nah|i do not know (?:anyone|anybody|any more|honestly|really)"
    r"|(?:i )?(?:do not|can not) (?:think of|name) (?:anyone|anybody|anything|any))"
)


_YA = frozenset({"ya", "yaa", "yah", "yaah"})


def _reply(text: str) -> str:
    """The reply normalised, without fillers at either end."""
    norm = normalize(text)
    if not norm:
        return ""
    norm = _LEADING.sub("", norm)
    return _TRAILING.sub("", f" {norm}").strip()


# A question back about the question ("safe from what", "what do you mean by safe"): not an
# answer, whatever words it shares with one
_ASKED_BACK = re.compile(r"\b(?:from what|what do you mean|define safe|what does safe mean)\b")


# Never unsafe, said outright ("i was never unsafe btw", "i was never the one in danger
# lol"; a helper's chat: read as "unsafe" and met with "call now")
_NEVER_UNSAFE = re.compile(
    r"\b(?:i|i was|i am|i have|i have been|i was not|i am not)? ?(?:never|not ever|at no point)"
    r" (?:been |felt |was |even )?(?:unsafe|not safe|in (?:any )?danger|the one in danger"
    r"|the one at risk|at risk|in trouble)\b"
)
# ...unless it changed ("he never made me feel unsafe until tonight", "never in danger but
# now i am"): then the rest of the answer is read as usual
_STILL_UNSAFE = re.compile(
    r"\b(?:until|till|but|except|now|tonight|though|anymore|this time|today|since)\b"
)


# A tick or a thumbs up typed alone ("✅", the mark on the "✅ I'm safe now" button; a
# helper's chat got "please call 112 now")
_TICKS = frozenset("✅👍👌🆗✔☑")


# Yes, no and "I don't know" in the scripts that normalising leaves nothing of (a helper's
# chat, session 39: "아니요" to "are you safe?" got "Tell me more if you want")
_SCRIPT_ANSWERS: dict[str, SafetyAnswer] = {
    **dict.fromkeys(("네", "예", "응", "어", "да", "так", "ага", "はい", "うん", "نعم", "ايوه",
                     "أيوه", "اه"), "safe"),
    **dict.fromkeys(("아니요", "아니", "아뇨", "нет", "ні", "いいえ", "いや", "لا", "لأ"),
                    "unsafe"),
    **dict.fromkeys(("모르겠어요", "모르겠어", "몰라", "몰라요", "не знаю", "分からない",
                     "わからない", "わかんない", "لا أعرف", "لا اعرف", "مش عارف",
                     "مش عارفة"), "unsure"),
}


def read_safety_answer(text: str) -> SafetyAnswer | None:
    """Read a typed reply to "are you safe right now?"; None when it is not an answer."""
    marks = text.replace("\ufe0f", "").replace(" ", "").strip()
    if marks and all(ch in _TICKS for ch in marks):
        return "safe"
    scripted = _SCRIPT_ANSWERS.get(text.strip(" .!?…~").lower())
    if scripted is not None:
        return scripted
    reply = _reply(text)
    if not reply or _ASKED_BACK.search(reply):
        return None
    if _NEVER_UNSAFE.search(reply) and not _STILL_UNSAFE.search(reply):
        return "safe"
    if len(reply.split()) > 12:
        return _loose_answer(text, reply)
    if _UNSURE.fullmatch(reply):
        return "unsure"
    if _SAFE.fullmatch(reply) or (reply == "you" and text.strip(" .!").lower() in _YA):
        # "i think so?" or "ok?" asked back is not a clear yes.
        return "unsure" if text.rstrip().endswith("?") else "safe"
    if _UNSAFE.fullmatch(reply):
        return "unsafe"
    return _loose_answer(text, reply)


# The looser reading, for replies the whole-reply patterns above do not cover ("no, i'm
# really not, i'm scared", "yeah im safe, my flatmate's home", "kinda. depends how tonight
# goes"): cues anywhere in a short reply, the worrying ones first, so that a reply with both
# ("i'm ok but i'm scared") is never read as safe.
_LOOSE_UNSAFE = re.compile(
    # "ok fine it's for me" (after "asking for a friend"), "i lied, i'm not"
    r"\b(?:(?:it is|it was|its) (?:actually |really )?(?:for|about) me|i lied"
    r"|(?:not|never|really not|far from|anything but)"
    r" (?:really |very |exactly |at all |totally )?"
    r"(?:safe|ok|okay|fine|alright|all right|good|great|well)"
    r"|unsafe|(?<!not )(?<!not really )(?<!not that )(?<!scared )scared(?! scared)|frightened"
    r"|afraid|terrified|panicking|in danger|do not trust myself"
    r"|can not trust myself|(?:in )?a bad (?:way|place|state)"
    r"|(?:it is|things are|feeling) (?:bad|really bad|so bad)"
    # (not "not really going to do anything. just tired of everything": a helper's chat in
    # session 36 got "please call 911 now")
    r"|bad tonight|thoughts (?:are )?(?:so |really |too )?loud"
    r"|not really(?! (?:know|sure|going to|gonna|planning|thinking of|have a plan|do anything))"
    r"|really not"
    r"|help me|need help"
    # not well, in the languages people mix in ("no estoy bien", "não estou bem")
    r"|no estoy (?:bien|a salvo)|nao estou (?:bem|segur[ao])|(?:ca )?(?:ne )?va pas"
    r"|je (?:ne )?vais pas bien|nicht gut|nicht sicher|non sto bene|non sono al sicuro"
    r"|nie jest dobrze|nie jestem bezpieczn\w+|(?:theek|thik) nahi|(?:hindi|di) ako (?:ok|okay"
    r"|ayos)|niet goed|niet veilig)\b"
)
_LOOSE_UNSURE = re.compile(
    r"\b(?:i do not know|do not know|no idea|not sure|unsure|maybe|perhaps|probably|i guess"
    r"|kind of"
    r"|sort of|somewhat|ish|mostly|half and half|depends|i think so but|hard to say|50 50"
    r"|for the moment maybe|yes and no|kind of not)\b"
)
_LOOSE_SAFE = re.compile(
    r"(?:^|\b(?:i am|i feel|feeling|yes|yeah|yep|yup|yh|yea|all|physically|totally|completely"
    r"|definitely|i will be|i should be"
    r"|honestly) )(?:safe|ok|okay|fine|alright|all right|good|better)\b"
    r"|\b(?:safe|ok|okay|fine|alright) (?:for now|for tonight|tonight|now|promise|i promise)\b"
    r"|\bnot (?:really )?(?:going to|gonna) do anything\b"
    # "just walking home lol" after "drunk and walking by the bridge" (a session-26 chat: "please
    # don't wait this out alone"), "i am home now"
    r"|\b(?:just|only) (?:walking|heading|going|driving|getting the bus|on my way)"
    r" (?:back )?home\b"
    r"(?! to (?:do|end|finish)\b)|\b(?:i am|i got|got|made it) (?:back )?home (?:now|safe|safely"
    r"|fine|ok|okay|alright|all right)\b"
    # in the languages people mix in ("estoy bien, solo triste", "tá bom valeu", "ça va";
    # a helper's chats: the talk went on, "call 112", after each)
    r"|\b(?:estoy (?:bien|a salvo|tranquil[ao])|todo bien|estou (?:bem|segur[ao])|to bem|ta bom"
    r"|tudo bem|ca va|je vais bien|je suis en securite|mir geht (?:es )?gut|alles gut|ich bin"
    r" sicher|sto bene|tutto bene|sono al sicuro|(?:ok|okay|ayos) lang|(?:main )?theek (?:hoon|hu"
    r"|hun)|nic mi nie jest|wszystko (?:dobrze|ok)|jestem bezpieczn\w+|het gaat (?:wel|goed))\b"
)
_LEAD_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|yh|yea|yas|sure|for now yeah|for now yes)\b"
    r"|\b(?:for now|for tonight) (?:yes|yeah)$"
)
# (not "no more sunday summaries pls", "no worries": a session-28 chat got "call 112 now"; nor
# "no messages this weekend", a minute after "yes" to "are you safe?": the terminal chat of
# session 39 got "call your local emergency number right now")
_LEAD_NO = re.compile(
    r"^(?:no(?! (?:more|longer|need|worries|worry|problem|problems|thanks|thank you|offense"
    r"|offence|rush|pressure|clue|messages|message|reminders|texts|notifications|daily)\b)"
    # "no im not calling samaritans" (a helper's chat, session 36): no call, not "unsafe"
    r"(?! (?:i am not|i will not|i do not want to) (?:calling|call|going to call|ringing|ring"
    r"|texting|phoning)\b)"
    # "no he lives 2 hours away", "no i havent told anyone" (a helper's chats, session 39:
    # "please call 000 now" to each): a fact of where he is, or of whom they told, not "no,
    # I'm not safe"
    r"(?! (?:he|she|they|my ex) (?:lives|live|does not live|moved"
    r"|is (?:\d+|two|three|four|five|miles|hours|far|away|abroad|in another)"
    r"|s (?:\d+|far|away))\b)"
    r"(?! i (?:have not|did not|have never|never) (?:told|tell|said|talked to|spoken to)\b)"
    r"|nope|nah|hindi|eish no|not really)\b"
)
_MAX_LOOSE = 20


# Where they are or what is beside them, told with a "yes" ("yeah i'm standing on it", "yes
# i'm at the train station", "yeah the pills are right here"): not safe, whatever the yes.
_AT_THE_EDGE = re.compile(
    r"\b(?:standing on it|on it now|on (?:the|a|my) (?:roof|ledge|edge|bridge|tracks|railing"
    r"|railings|balcony|cliff|top floor)|at the (?:tracks|bridge|cliff|cliffs|edge)"
    r"|(?:the|my) (?:pills|tablets|knife|rope|blade|razor|gun) (?:are|is) (?:right )?(?:here"
    r"|next to me|in my hand|with me)|(?:next to|beside|in front of) me (?:now|right now)?$"
    r"|in (?:my|the) hand|engine (?:is )?running)\b"
)
# Ordinary places that are also places of danger ("yes im at the train station waiting"):
# asked again, gently, rather than taken for a yes; not on the way home.
_AT_A_PLACE = re.compile(
    r"\bat the (?:station|train station|platform|river|lake|sea|beach|pier|car park"
    r"|multi storey|quarry|tracks)\b(?!(?: \w+){0,5}? (?:home|to work|for work|with (?:my|a)"
    r"|to meet|to see|for (?:my|the) (?:train|bus|mum|mom|dad|friend)))"
)


def _loose_answer(text: str, reply: str) -> SafetyAnswer | None:
    if len(reply.split()) > _MAX_LOOSE:
        return None
    # How they are, said in words, decides; "no, and i don't want to be" is not "no one".
    if _LOOSE_UNSAFE.search(reply) or _AT_THE_EDGE.search(reply):
        return "unsafe"
    if _AT_A_PLACE.search(reply):
        return "unsure"
    unsure = _LOOSE_UNSURE.search(reply) is not None
    if _LOOSE_SAFE.search(reply):
        return "unsure" if unsure or text.rstrip().endswith("?") else "safe"
    # "maybe my sister", "nope. nobody", "no signal here": about someone to reach, read by
    # person_named / is_no_one / is_unreachable instead
    if (
        _relation_named(text) is not None
        or _NO_ONE_ANY.search(reply)
        or _UNREACHABLE.search(reply)
    ):
        return None
    if unsure:
        return "unsure"
    if _LEAD_NO.search(reply):
        return "unsafe"
    if _LEAD_YES.search(reply):
        return "unsure" if text.rstrip().endswith("?") else "safe"
    return None


# An acknowledgement with no "yes" in it: after someone said they were not safe, or wrote of
# intent and was asked to call, "ok" is not an answer that they are safe now.
_PLAIN_OK_WORDS = (
    "ok|okay|k|kk|alright|all right|sure|will do|i will|i will try|i will do that"
    "|i will call|ok i will|okay i will|ok i will try|okay i will try|got it|thanks|thank you"
    "|ok thanks|okay thanks|ok thank you|okay thank you|understood"
)
_PLAIN_OK = re.compile(f"(?:{_PLAIN_OK_WORDS})")
# Any acknowledgement: the plain ones, and "yes", "fine" or "i know" said to an instruction.
_ACK = re.compile(f"(?:{_PLAIN_OK_WORDS}|yes|yeah|yep|yup|fine|i know)")


# Asking what to do, inside the talk: "what should i do", "what now??", "help me", "tell me
# what to do". A question, not an answer: it gets the next concrete steps.
_WHAT_TO_DO = re.compile(
    r"(?:(?:so|ok|okay|but|and|then|please|pls|plz|just|fine|whatever) )*"
    r"(?:what (?:should|do|can|could|would|am) i (?:even |supposed to |meant to )?do"
    r"(?: (?:now|next|right now|tonight|then|about (?:it|this|him|her|them)))?"
    # "fine. what do you want me to do" (a session-31 chat on a roof: "I won't push")
    r"|what (?:do|would) you (?:even )?want me to do(?: (?:now|then|about it))?"
    r"|what now|what next|now what|what do i do|what can i do|what do you suggest"
    r"|tell me what to do|help me|help|i need help|what do i do right now"
    r"|i (?:do not|really do not|honestly do not) know what (?:to do|i should do|else to do)"
    r"(?: now| anymore| any more| tonight)?"
    r"|how do i (?:get|stay|keep) safe|how do i (?:keep|stay) (?:myself )?safe(?: tonight)?)"
    r"(?: please| pls| plz)?"
)


def _found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` is somewhere in the message, normalised (lowercase, no accents,
    slang and contractions folded)."""
    return pattern.search(normalize(text)) is not None


def _says_only(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the whole reply, normalised, is what `pattern` describes."""
    norm = normalize(text).strip()
    return bool(norm) and pattern.fullmatch(norm) is not None


# "what do i say to her", "what should i text him" in a talk about someone else at risk (a
# helper's chat: asked "are you safe right now?" instead)
_WHAT_TO_SAY = re.compile(
    r"(?:(?:so|ok|okay|but|and|then|please|pls|just|like|um) )*(?:what (?:do|should|can|could"
    r"|would) i (?:even )?(?:say|text|write|tell|message|send)(?: (?:to )?(?:her|him|them"
    r"|my friend|my ex|my sister|my brother|my mate|my bestie))?"
    r"(?: (?:now|then|right now|tonight))?"
    r"|how do i (?:talk to|ask|bring it up with|approach) (?:her|him|them|my friend)(?: about it)?"
    r"|what (?:are|r) the right words)"
)


def asks_what_to_say(text: str) -> bool:
    """ "what do i say to her": words asked for, to reach the one at risk."""
    return _says_only(_WHAT_TO_SAY, text)


def asks_what_to_do(text: str) -> bool:
    """Whether a reply in the safety talk asks what to do ("what should i do now?")."""
    return _says_only(_WHAT_TO_DO, text)


def is_plain_ok(text: str) -> bool:
    """Whether a reply is "ok", "will do", "thanks" and nothing more (no "yes", no "safe")."""
    reply = _reply(text)
    return bool(reply) and _PLAIN_OK.fullmatch(reply) is not None


def is_acknowledgement(text: str) -> bool:
    """Whether a reply only acknowledges what was said ("ok", "will do", "thanks"): after
    being asked to call for help it means "heard", not "I am safe now"."""
    reply = _reply(text)
    return bool(reply) and _ACK.fullmatch(reply) is not None


def is_dont_know(text: str) -> bool:
    """Whether an answer to a safety-plan question is a "don't know", "nobody" or "nothing"."""
    reply = _reply(text)
    return bool(reply) and _DONT_KNOW.fullmatch(reply) is not None


# People someone could reach tonight. Partners are left out: "my boyfriend" may be the ex.
_PERSON = (
    r"(?:mom|mum|mommy|mummy|mama|mother|dad|daddy|papa|father|parents|sister|brother"
    r"|sibling|aunt|auntie|aunty|uncle|grandma|granny|grandmother|nan|nana|grandpa|grandad"
    r"|granddad|grandfather|cousin|best friend|friend|friends|bestie|roommate|flatmate"
    r"|housemate|neighbour|neighbor|therapist|counsellor|counselor|doctor|nurse|teacher"
    r"|coach|pastor|priest|imam|rabbi|son|daughter|family|godmother|godfather|mentor)"
)
_PERSON_REPLY = re.compile(
    r"(?:(?:maybe|probably|i guess|i think|i suppose|yes|yeah|i could|i can|i will|i would"
    r"|i might|i will try|i am going to|going to|gonna) )*"
    r"(?:(?:call|text|ring|phone|message|ask|go to|talk to|reach|wake up|wake|get) )?"
    rf"(?:(?:my|our) )?(?P<who>{_PERSON})"
    r"(?: (?:maybe|probably|i guess|i think|i suppose|i think so|is here|is home|is nearby"
    r"|is next door|is awake|lives close|lives nearby|could come|can come|might answer))*"
)
_NO_ONE = re.compile(
    r"(?:(?:no|nope|not really|honestly|but|and|i mean) )*"
    r"(?:no one|nobody|noone|no body|nobody really|no one really|i have no one|i have nobody"
    r"|i do not have anyone|i do not have anybody|i have not got anyone|there is no one"
    r"|there is nobody|i am alone|i am all alone|i am on my own|all alone|alone"
    r"|i have no one to call|no one to call|nobody to call|no one to talk to"
    r"|nobody to talk to|nobody cares|no one cares"
    # "nobody" in the languages the crisis net knows (the sixth probe: "ninguém" was read
    # as a name to call)
    r"|ninguem|nadie|no tengo a nadie|nao tenho ninguem|personne|je n ai personne|niemand"
    r"|ich habe niemanden|nessuno|non ho nessuno|walang tao|wala akong kausap|wala"
    r"|koi nahi|koi nahi hai|nikt|kimse|tidak ada|gak ada"
    # alone, said alone (a helper's chat, session 39: "sola" was a name to reach)
    r"|(?:estoy |estou |je suis |ich bin |sono |main )?(?:sola|solo|sozinha|sozinho|seule|seul"
    r"|allein|alleine|da sola|da solo|akeli|akela|sendiri|sendirian|mag isa)"
    r"(?: (?:en casa|em casa|a la maison|zuhause|a casa|ghar pe|di rumah))?)"
    r"(?: (?:to call|to talk to|here|at all|really|anymore|tonight|i can call|i could call))*"
)
# Someone close, named in the languages people write a talk in ("mi hermana", "minha mãe",
# "ma soeur"), normalised (no accents), as said back in English
_PERSON_IN_ENGLISH = {
    **dict.fromkeys(("mi hermana", "minha irma", "ma soeur", "meine schwester", "mia sorella",
                     "mijn zus", "moja siostra", "kapatim", "ate ko", "kakak saya", "kakakku",
                     "adikku"), "sister"),
    **dict.fromkeys(("mi hermano", "meu irmao", "mon frere", "mein bruder", "mio fratello",
                     "mijn broer", "moj brat", "kuya ko", "abang saya"), "brother"),
    **dict.fromkeys(("mi madre", "mi mama", "minha mae", "ma mere", "maman", "meine mutter",
                     "meine mama", "mia madre", "mia mamma", "mijn moeder", "mijn mama",
                     "moja mama", "annem", "nanay ko", "mama ko", "ibuku", "ibu saya"), "mum"),
    **dict.fromkeys(("mi padre", "mi papa", "meu pai", "mon pere", "papa", "mein vater",
                     "mein papa", "mio padre", "mio papa", "mijn vader", "mijn papa", "moj tata",
                     "babam", "tatay ko", "papa ko", "ayahku", "ayah saya"), "dad"),
    **dict.fromkeys(("mi amiga", "mi amigo", "mi mejor amiga", "mi mejor amigo", "minha amiga",
                     "meu amigo", "minha melhor amiga", "meu melhor amigo", "mon amie", "mon ami",
                     "ma meilleure amie", "mon meilleur ami", "meine freundin", "mein freund",
                     "meine beste freundin", "mein bester freund", "la mia amica", "il mio amico",
                     "mijn vriendin", "mijn vriend", "moja przyjaciolka", "moj przyjaciel",
                     "arkadasim", "kaibigan ko", "bestfriend ko", "temanku", "sahabatku"),
                    "friend"),
}
_PERSON_ELSEWHERE = re.compile(
    r"(?:(?:quizas|quiza|tal vez|talvez|creo que|peut etre|vielleicht|forse|siguro|mungkin"
    r"|llamo a|ligo para|j appelle|ich rufe) )?"
    rf"(?P<who>{'|'.join(sorted(map(re.escape, _PERSON_IN_ENGLISH), key=len, reverse=True))})"
    r"(?: (?:quizas|quiza|tal vez|talvez|creo|peut etre|vielleicht|forse|siguro|mungkin))?"
)


_SHORT_FOR = {
    "bestie": "best friend",
    "mommy": "mom",
    "mummy": "mum",
    "mama": "mom",
    "daddy": "dad",
    "papa": "dad",
}


# More ways people name someone, read anywhere in a short clause, with the word said back.
_RELATION_SAID = {
    "big brother": "brother",
    "little brother": "brother",
    "bro": "brother",
    "brother": "brother",
    "big sister": "sister",
    "little sister": "sister",
    "sis": "sister",
    "sister": "sister",
    "step mum": "stepmum",
    "stepmum": "stepmum",
    "step mom": "stepmom",
    "stepmom": "stepmom",
    "step dad": "stepdad",
    "stepdad": "stepdad",
    "ma": "mum",
    "mam": "mum",
    "mum": "mum",
    "mom": "mom",
    "mummy": "mum",
    "mommy": "mom",
    "mama": "mom",
    "mother": "mother",
    "dad": "dad",
    "daddy": "dad",
    "papa": "dad",
    "father": "father",
    "parents": "parents",
    "gran": "gran",
    "granny": "granny",
    "nan": "nan",
    "nana": "nana",
    "grandma": "grandma",
    "grandmother": "grandmother",
    "grandad": "grandad",
    "granddad": "grandad",
    "grandpa": "grandpa",
    "grandfather": "grandfather",
    "aunty": "aunty",
    "auntie": "auntie",
    "aunt": "aunt",
    "uncle": "uncle",
    "cousin": "cousin",
    "twin": "twin",
    "godmother": "godmother",
    "godfather": "godfather",
    "best friend": "best friend",
    "bestie": "best friend",
    "best mate": "best mate",
    "mate": "mate",
    "mates": "mates",
    "friend": "friend",
    "friends": "friends",
    "lads": "friend",
    "girls": "friend",
    "roommate": "roommate",
    "flatmate": "flatmate",
    "housemate": "housemate",
    "neighbour": "neighbour",
    "neighbor": "neighbor",
    "therapist": "therapist",
    "counsellor": "counsellor",
    "counselor": "counselor",
    "sponsor": "sponsor",
    "youth pastor": "youth pastor",
    "pastor": "pastor",
    "priest": "priest",
    "imam": "imam",
    "rabbi": "rabbi",
    "coach": "coach",
    "teacher": "teacher",
    "tutor": "tutor",
    "mentor": "mentor",
    "doctor": "doctor",
    "nurse": "nurse",
    "boss": "boss",
    "manager": "manager",
    "coworker": "coworker",
    "co worker": "coworker",
    "colleague": "colleague",
    "son": "son",
    "daughter": "daughter",
    "family": "family",
    "support worker": "support worker",
    "social worker": "social worker",
}
_RELATION_ANY = re.compile(
    r"\b(?P<rel>"
    + "|".join(sorted(map(re.escape, _RELATION_SAID), key=len, reverse=True))
    + r")\b"
)
# A clause that names someone but says they are not there for them ("my family doesn't talk
# to me", "all my mates were his mates", "not my mum"): no one to reach in it.
_NOT_THERE = re.compile(
    r"\b(?:not|never|no) (?:my |her |him |them |the )?(?:\w+ ){0,2}$"
    r"|\b(?:do not|does not|did not|would not|will not"
    r"|can not|never) (?:talk|speak|answer|care|pick|get|understand|want|help|like|reply|call)"
    r"|\b(?:were|are|was) (?:his|her|their|him)\b|\bonly (?:\w+ )?(?:was|is) (?:him|her|them)\b"
    r"|\b(?:sick of|tired of|given up on|fed up with|hate) me\b|\bthink i am\b"
    r"|\bpicked (?:him|her|them)\b"
    r"|\b(?:passed away|died|dead|gone now|no longer)\b"
    r"|\b(?:sound|sounds|sounding|talk|talks) like\b"
)
# Someone named, but not as a person to reach: "i hate my mom", "i miss my dad", "my friend
# said i should talk to you", "my mom would be so disappointed", "friends are useless".
_NOT_REACHING = re.compile(
    r"\b(?:hate|hates|miss|missing|lost|blame|fought with|fighting with|angry (?:at|with)"
    r"|mad at|scared of|afraid of|worried about|disappointed)(?: (?:my|the|our|his|her))? $"
)
_ABOUT_THEM = re.compile(
    r"(?: \w+)? (?:said|says|told|tells|thinks|thought|would be|will be|is so|was so|hates"
    r"|does not|never|are useless|is useless|are no help|is no help|are not there"
    r"|is not there|are gone|is gone|are busy)\b"
)
# Said right after a first name, so the word before is taken for one ("marcus prob",
# "kemi from my support group", "jake he is from work").
_AFTER_NAME = (
    r"(?:$| (?:prob|probably|maybe|i guess|i think|i suppose|tbh|from|he is|she is|they are"
    r"|he will|she will|is up|is awake|is around|is home|would|could|can|will|might|lol))"
)
_NAME_REPLY = re.compile(
    r"^(?:(?:maybe|prob|probably|probbly|i guess|i could|i can|i will|i will try|try|ok|okay"
    r"|um|hmm|call|text|ring|message) )*(?P<name>[a-z]{2,12})" + _AFTER_NAME
)
# Words a short reply may open with that are not first names, besides the common English
# words the language module counts (language.common_word), which are checked beside these.
_NOT_NAMES = frozenset(
    {
        "undo",
        # alone, in the languages the talk reads (a helper's chat, session 39: "sola" after a
        # threat got "Reach Sola now")
        "sola",
        "solo",
        "sozinha",
        "sozinho",
        "seule",
        "seul",
        "allein",
        "alleine",
        "akeli",
        "akela",
        "sendiri",
        "sendirian",
        # words a short reply opens with that are no one's name (seventh probe: "skip",
        # "number?", "english: he wrote me", "work: my boss is on my back")
        "skip",
        "number",
        "numbers",
        "english",
        # "sorry" in the languages people mix in ("scusa, in inglese: i miss her so much it
        # hurts to breathe"; a session-34 chat got "Reach Scusa now")
        "scusa",
        "vielleicht",
        "talvez",
        "quizas",
        "forse",
        "siguro",
        "mungkin",
        "shayad",
        "scusami",
        "scusate",
        "perdona",
        "desculpe",
        "pardon",
        "entschuldigung",
        "sori",
        "maaf",
        "inglese",
        "ingles",
        "englisch",
        "anglais",
        "school",
        "hello",
        "help",
        "stop",
        "wait",
        # fillers in the languages people mix in ("matlab... pata nahi": "I mean... I don't
        # know"; a helper's chat got "Matlab sounds like the right person")
        "matlab",
        "pata",
        # days, sorry and yes in the languages people mix in (a session-31 chat: "saturday"
        # after a plan's day got "Saturday sounds like the right person"; "perdón" "Reach
        # Perdon now"; Tagalog "sige" "Call Sige")
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "tonight",
        "tomorrow",
        "today",
        "perdon",
        "perdao",
        "desculpa",
        "lo siento",
        "sorry",
        "sige",
        "oo",
        "opo",
        "ayoko",
        "wala",
        "ewan",
        "salamat",
        "pasensya",
        "ja",
        "nein",
        "oui",
        "non",
        "si",
        "sim",
        "claro",
        "vale",
        # thanks, yes and no in Polish (a session-26 chat: "Dzieki sounds like the right person")
        "dzieki",
        "dziekuje",
        "tak",
        "nie",
        "bas",
        "yaar",
        "nahi",
        "nahin",
        "haan",
        "accha",
        "acha",
        "theek",
        "kya",
        "kuch",
        "bhai",
        "abhi",
        "mujhe",
        "pues",
        "bueno",
        "nada",
        "nao",
        "entao",
        "tipo",
        "also",
        "naja",
        "halt",
        "alors",
        "bon",
        "genre",
        # feelings said alone ("calm", "numb"): never a person to reach (fifth probe)
        "calm",
        "angry",
        "worse",
        "bored",
        "numb",
        "lost",
        "empty",
        "upset",
        "no",
        "nah",
        "yep",
        "yup",
        "yh",
        "yea",
        "ok",
        "noone",
        "none",
        "somebody",
        "everybody",
        "ex",
        "i",
        "me",
        "probably",
        "thank",
        "hi",
        "hey",
        "bye",
        "lol",
        "haha",
        "hmm",
        "um",
        "uh",
        "ugh",
        "eh",
        "honestly",
        "literally",
        "seriously",
        "tired",
        "alone",
        "sad",
        "scared",
        "drunk",
        "done",
        "good",
        "bad",
        "sometimes",
        "bed",
        "police",
        "ambulance",
        "mum",
        "mom",
        "dad",
        "sister",
        "brother",
        "family",
        "cousin",
        "aunt",
        "uncle",
        "gran",
        "nan",
        "boss",
        "mate",
        "a",
        "an",
        "so",
        "is",
        "am",
        "was",
        "will",
        "might",
        "must",
        "shall",
        "ill",
        "gotta",
        "hate",
        "see",
        "look",
        "call",
        "ring",
        "message",
        "phone",
        "try",
        "trying",
        "tried",
        "anything",
        "leave",
        "go",
        "come",
        "talk",
        "speak",
        "listen",
        "called",
        "rang",
        "messaged",
        "dead",
        "gone",
        "asleep",
        "busy",
        "away",
        "late",
        "early",
        "ya",
        "bro",
        "sis",
        "man",
        "dude",
        "girl",
        "guys",
        "lads",
        "babe",
        "hun",
        # taken back, and what helps (answers to the talk's other questions, not names)
        "jk",
        "jkjk",
        "kidding",
        "joking",
        "lately",
        "music",
        "songs",
        "walk",
        "walking",
        "walks",
        "tea",
        "coffee",
        "sleeping",
        "reading",
        "books",
        "gaming",
        "games",
        "gym",
        "tv",
        "netflix",
        "youtube",
        "tiktok",
        "shower",
        "bath",
        "breathing",
        "crying",
        "food",
        "eating",
        "drinking",
        "smoking",
        "vaping",
        "weed",
        "cat",
        "dog",
        "pets",
        "praying",
        "prayer",
        "god",
        "church",
        "mosque",
        "outside",
        "running",
        "writing",
        "drawing",
        "journaling",
        "journal",
        "meditation",
        "meditating",
        "yoga",
        "singing",
        "dancing",
        "cooking",
        "baking",
        "cleaning",
        "driving",
        "swimming",
        "same",
        "idc",
        "nvm",
        "pills",
        "knife",
        "rope",
        "alcohol",
        "booze",
        # yes and no in other languages, and words of an answer that are not names
        "nee",
        "hayir",
        "nej",
        "nei",
        "tidak",
        "hindi",
        "evet",
        "iya",
        "asking",
        "kinda",
        "meh",
        "mhm",
        "enough",
        "nevermind",
        "forget",
        "cancel",
        "cancelled",
        "quit",
        "exit",
        "end",
        "goodnight",
        "nite",
        "gn",
        "nowhere",
        "anybody",
        "whoever",
        "thankyou",
        "thx",
        "ty",
        "gracias",
        "grazie",
        "merci",
        "danke",
        "obrigado",
        "obrigada",
        "shukran",
        "spasibo",
        "tack",
        "takk",
        "kiitos",
        "ciao",
        "hola",
        "bonjour",
        "hallo",
        "hiya",
        "goodbye",
        "adios",
        "pls",
        "plz",
        "uni",
        "hospital",
        "doctor",
        "therapist",
        "nurse",
        "cops",
        "fuck",
        "shit",
        "damn",
        "great",
        "cool",
        "alright",
        "ready",
        "lonely",
        "high",
        "sober",
        "bleeding",
        "hurt",
        "hurting",
        "dying",
        "myself",
        "yourself",
        "back",
        "front",
        "forward",
        "next",
        "mind",
        "job",
        "money",
    }
)


# Words that also address the reader ("cheers mate"): a person only after "my", "the", ...
_ADDRESS = frozenset({"mate", "mates", "bro", "brother", "sis", "lads", "girls", "man"})
_POSSESSIVE = re.compile(r"\b(?:my|the|our|a|one of (?:the|my)|of my)(?: \w+)? $")


def _clauses(text: str) -> list[str]:
    """The reply cut at punctuation and "but", each clause normalised and without fillers."""
    parts = re.split(r"[.,;:!?\n]+|\s+-\s+|\bbut\b", text.lower())
    return [c for c in (_reply(part) for part in parts) if c]


_RELATIONS = (
    frozenset(_RELATION_SAID.values())
    | frozenset(re.sub(r"[()?:]", " ", _PERSON).replace("|", " ").split())
    | frozenset(_SHORT_FOR.values())
)


# "im ok. forget it. i was being dramatic" (a helper's chat, session 41: "That's a relief to
# hear", agreeing that it was drama): what they said taken back as too much
_DISMISSES_SELF = re.compile(
    r"\bi (?:was|am|m) (?:just |only |probably )?(?:being )?(?:dramatic|overdramatic|over dramatic"
    r"|overreacting|over reacting|exaggerating|being stupid|stupid|silly|being silly|extra"
    r"|attention seeking)\b|\b(?:forget|ignore) (?:it|that|me|what i (?:said|wrote)|i said"
    r"(?: anything| that)?)\b|\bdo not (?:worry|mind) about (?:me|it|that)\b|\bnever ?mind\b"
    r"|\bdidn t mean (?:it|that)\b|\bdid not mean (?:it|that)\b"
)


def dismisses_self(text: str) -> bool:
    """ "i was being dramatic", "forget it": what they told, taken back as too much."""
    return _found(_DISMISSES_SELF, text)


def says_safe(text: str) -> bool:
    """Whether the reply says the word "safe" ("yes i'm safe"), not only "fine" or "yeah"."""
    norm = normalize(text)
    return re.search(r"\bsafe\b", norm) is not None and "not safe" not in norm


def said_as(who: str) -> str:
    """How the one named is said back: "your sister", "your best friend", or a first name
    ("Sarah")."""
    return f"your {who}" if who in _RELATIONS else who[:1].upper() + who[1:]


# Said of the one named anywhere in the reply: no one to reach tonight ("my sister? she hates
# me", "my boss is on my back too"; seventh probe)
_AGAINST_THEM = re.compile(
    r"\b(?:hates|hate|hated) me\b|\bon my (?:back|case)\b"
    r"|\b(?:is|are) (?:the|part of the) problem\b"
    r"|\b(?:does not|doesnt|did not|will not|would not|never) (?:care|help|answer|pick up|get it"
    r"|understand|listen|believe me)\b|\bstress(?:es|ing)? me\b|\bis why\b"
    r"|\bwould not (?:want|care)\b"
    r"|\bdo not (?:talk|speak) (?:anymore|any more)\b"
    # "my parents dont know about him. i cant tell them" (a helper's chat, session 38: "Good:
    # your parents sounds like the right person"). Not "we dont talk": measured by count, it
    # cost held-out round 1 of the talk's replies one reply labelled as someone to reach; nor
    # "doesnt know about her" alone ("i want to talk to someone but my family doesnt know
    # about her" is a wish to talk, test_safety.py).
    r"|\b(?:can not|could not|will not|would never) tell (?:them|her|him|anyone|my \w+)\b"
    # "i live with my parents, they take my salary and check my phone" (a helper's chat,
    # session 38: "Call your parents")
    r"|\b(?:take|takes|took|keep|keeps) (?:all )?my (?:salary|wages|money|pay|paycheck|passport"
    r"|phone)\b|\b(?:check|checks|checked|go through|goes through|read|reads) my (?:phone"
    r"|messages|texts)\b"
)


def person_named(text: str) -> str | None:
    """Who they could reach, as it is said back ("my sister maybe" -> "sister"); None when a
    short reply names nobody (or says the person cannot be reached, or is against them)."""
    reply = _reply(text)
    if not reply or len(reply.split()) > 16:
        return None
    if _AGAINST_THEM.search(normalize(text)):
        return None
    if len(reply.split()) >= 5 and other_language(text) is not None:
        # a whole sentence in another language ("jak mam nie mieć kontaktu jak mamy dzieci??",
        # "how do I... when we have kids"; a session-26 chat: "your mum sounds like the right
        # person"), not a short answer naming someone
        return None
    match = _PERSON_REPLY.fullmatch(reply) if len(reply.split()) <= 10 else None
    if match is not None:
        who = match.group("who")
        return _SHORT_FOR.get(who, who)
    if (found := _PERSON_ELSEWHERE.fullmatch(reply)) is not None:
        # "mi hermana" in a talk begun in Spanish (a session-43 play-test: "call 112 now",
        # the person named not heard): said back in English
        return _PERSON_IN_ENGLISH[found.group("who")]
    clauses = _clauses(text)
    who = _relation_named(text, clauses)
    if who is not None:
        return who
    if (
        clauses
        and not _UNREACHABLE.search(reply)
        and not _NO_ONE_ANY.search(reply)
        and not is_no_one(text)  # "ninguém", "nadie": nobody, in another language
        and read_safety_answer(text) is None
    ):
        named = _NAME_REPLY.match(clauses[0])
        if (
            named is not None
            and classify_smalltalk(text) is None  # "ok valeu": thanks, in Portuguese
            and named.group("name") not in _NOT_NAMES
            and not common_word(named.group("name"))  # "whenever": no one's name
            and re.search(r"[aeiouy]", named.group("name")) is not None  # "zzz", "hmm"
            and other_language(text) is None  # "dzięki", "jak mam... jak mamy dzieci"
        ):
            return named.group("name")
    return None


# The one named is near ("my flatmate is home", "my mum's asleep upstairs"): go to them,
# rather than call.
_NEAR = re.compile(
    r"\b(?:is|are|s)(?: still| just| right)? (?:home|at home|around|asleep|in bed|next door"
    # "my brother is awake" (a session-31 chat: "Call your brother"); not "here", which in a
    # danger talk may be the one feared
    r"|awake|still awake|still up"
    r"|downstairs|upstairs|down the hall|in the (?:next|other|front|living|spare) room"
    r"|in (?:the|our|my) (?:house|flat|apartment|kitchen|lounge|living room|bedroom|room))\b"
    r"|\b(?:lives|live|staying|stays) with (?:me|us)\b|\b(?:next door|downstairs|upstairs"
    r"|in the next room|in the other room)\b"
)


_ASLEEP = re.compile(r"\b(?:asleep|sleeping|in bed|napping)\b")


def person_near(text: str) -> tuple[str, bool] | None:
    """Someone they could reach who is close by, and whether they are asleep ("my flatmate
    is home" -> ("flatmate", False), "my mum's asleep upstairs" -> ("mum", True)). Asleep
    nearby is not out of reach: it is someone to wake."""
    norm = normalize(text)
    if _NEAR.search(norm) is None or len(norm.split()) > 16:
        return None
    for clause in _clauses(text):
        for found in _RELATION_ANY.finditer(clause):
            rel = found.group("rel")
            if rel in _ADDRESS and not _POSSESSIVE.search(clause[: found.start()]):
                continue
            if _NOT_THERE.search(clause) or _NOT_REACHING.search(clause[: found.start()]):
                continue
            return _RELATION_SAID[rel], _ASLEEP.search(norm) is not None
    return None


# The one they feared has gone ("ok hes gone now", "she drove off"), told in a danger talk.
_GONE = re.compile(
    r"\b(?:he|she|they|ex|my ex)(?: finally| just| has| have| is| are| s)*"
    r" (?:gone|left|driven off|drove off|walked off|went away|gone away|gone home|went home"
    r"|run off|ran off|stopped (?:banging|knocking|shouting|calling|kicking|yelling|screaming)"
    # "hes stopped i think" (a session-31 chat: "They're still there")
    r"|stopped(?= (?:i think|now|for now|finally|it seems|for a bit|lol)\b|\W*$))\b"
    r"(?! (?:me|us|for good|quiet"
    r"|silent|still|dark|off (?:line|grid))\b)"
)


# Gone out for hours, from a shared home: "he left for work", "she's gone to her shift"
_GONE_OUT = re.compile(
    r"\b(?:he|she|they|my ex)(?: just| has| have| is| s| finally)* (?:left|gone|went|headed|off)"
    r" (?:for|to) (?:work|his work|her work|the office|his shift|her shift|a shift|the gym|the pub"
    r"|his mums|his moms|her mums|her moms|his parents|her parents|football|training)\b"
    # ... in the languages the talk reads (a helper's chat, session 40: "ya se fue al trabajo"
    # got the steps for the days after leaving)
    r"|\b(?:(?:el|ella|you) )?se fue (?:a trabajar|al trabajo|a la oficina|al gimnasio"
    r"|a casa de su (?:madre|mama)|con sus amigos)\b"
    r"|\b(?:ele|ela) (?:ja )?(?:saiu|foi) (?:pra|para|pro|pro o) (?:o )?(?:trabalho|trabalhar"
    r"|academia|casa da mae dele|casa da mae dela)\b"
    r"|\b(?:il|elle) est (?:parti|partie|alle|allee) (?:au travail|au boulot|bosser|travailler"
    r"|a la salle)\b|\b(?:er|sie) ist (?:zur arbeit|arbeiten|ins fitnessstudio)"
    r"(?: gegangen| gefahren)?\b|\b(?:wo|woh|vo) (?:office|kaam pe|kaam par) (?:chala|chali) gay"
)


def gone_out_for_hours(text: str) -> bool:
    """ "ok he left for work": gone out of a home they share, for hours."""
    return _found(_GONE_OUT, text)


# ... in the languages the talk reads: "ya se fue", "ele foi embora", "il est parti"
_GONE_ELSEWHERE = re.compile(
    r"^(?:(?:ok|ya|you|bueno|pues|ja|agora|ok so|enfin|jetzt|endlich|abhi) )*"
    r"(?:(?:el|ella|ele|ela|il|elle|er|sie|wo|woh) )?(?:(?:ya|ja|endlich|enfin) )?"
    r"(?:se fue|se marcho|foi embora|saiu|est parti|est partie|s en est alle|ist weg"
    r"|ist gegangen|chala gaya|chali gayi)(?: (?:ya|ja|ahora|agora|now|jetzt|abhi))*\W*$"
)


def threat_gone(text: str) -> bool:
    """Whether, in a talk about danger from someone, they say that person has gone."""
    return (
        _found(_GONE, text) or _found(_GONE_ELSEWHERE, text) or gone_out_for_hours(text)
    )


# "he left me for my best friend", "she cheated with my cousin": the one named hurt them
_BETRAYED_FOR = re.compile(
    r"\b(?:left me for|cheated (?:on me )?with|slept with|is (?:with|dating|seeing)|went off with"
    r"|got with|hooked up with|chose) (?:my )?$"
)
# "my job my ex my family": a list of what weighs on them, not someone to call
_LISTED = re.compile(r"\bmy \w+,? (?:and )?my \w+,? (?:and )?my \w+\b")


# The ex's family, not theirs: "can i just unfollow his mum too" (a helper's chat: "Yes. Reach
# your mum now... 'I'm not safe tonight'")
_THEIRS = re.compile(r"\b(?:his|her|their|exs|ex s|the ex s)\s*$")


def _relation_named(text: str, clauses: list[str] | None = None) -> str | None:
    """Someone named by who they are to the person ("my cousin priya" -> "cousin"), in a
    clause that does not say they are out of reach or not there for them."""
    for clause in _clauses(text) if clauses is None else clauses:
        if _UNREACHABLE.search(clause):
            continue
        for found in _RELATION_ANY.finditer(clause):
            rel = found.group("rel")
            if rel in _ADDRESS and not _POSSESSIVE.search(clause[: found.start()]):
                continue  # "dunno mate", "no bro": a way of speaking, not someone named
            if (
                _BETRAYED_FOR.search(clause[: found.start()])
                or _LISTED.search(clause)
                or _NOT_THERE.search(clause[: found.start()])
                or _NOT_THERE.search(clause)
                or _NOT_REACHING.search(clause[: found.start()])
                or _ABOUT_THEM.match(clause[found.end() :])
                or _THEIRS.search(clause[: found.start()])
            ):
                continue
            return _RELATION_SAID[rel]
    return None


_NO_ONE_ANY = re.compile(
    r"\b(?:(?:no one|nobody|noone|no body)"
    r"(?! (?:would|will|even|ever|could|would even) (?:notice|care|miss|know))"
    r"|not a soul|not anyone|not a single (?:person|one|soul)"
    r"|(?:do not|does not|did not) have (?:anyone|anybody|any friends|friends|a single)"
    r"|have (?:no one|nobody|no friends|no family)|no friends|no family"
    r"|(?:given|gave) up on me|(?:sick|tired) of (?:me|hearing)"
    r"|(?:picked|chose|sided with) (?:him|her|them)"
    r"|(?:mates|friends) (?:were|are) (?:his|hers|her|their)|only friend (?:was|is)"
    r"|cut (?:everyone|everybody|them all|all of them) off"
    r"|(?:can not|could not) think of (?:a single|anyone|anybody|any)"
    r"|(?:can not|could not) (?:call|phone|ring|talk to|speak to) (?:anyone|anybody|people"
    r"|a stranger|strangers|them|a helpline|a hotline)"
    r"|(?:family|friends|they|parents|everyone)"
    r" (?:does not|do not|will not|would not) (?:talk|speak|care)"
    r"|think i am being (?:dramatic|stupid|silly)|who would i (?:even )?(?:call|text|ring|talk to)"
    r"|none(?! of)|there is not anyone|i am (?:all )?(?:alone|on my own)"
    r"|i (?:live|am living|stay) (?:all )?(?:alone|on my own|by myself)|(?:i am )?home alone"
    r"|pushed (?:everyone|them all|everybody|all my \w+) away"
    r"|(?:she|he|they) (?:was|were) the (?:one|person|only one)(?: i)?)\b"
)


def is_no_one(text: str) -> bool:
    """Whether a short reply says there is nobody to reach ("no one", "im alone")."""
    reply = _reply(text)
    if not reply or len(reply.split()) > 16:
        return False
    if _NO_PICKUP.search(reply):
        return False  # "i called 988 and nobody picked up": a call that failed, not no one
    if _NO_ONE.fullmatch(reply) is not None or _NO_ONE_ANY.search(reply) is not None:
        return True
    # "idk. alone. my roommate is away" (a session-44 play-test: "I'm sorry they didn't pick
    # up"): one of its short sentences says it, the hedge before it aside
    return any(
        _NO_ONE.fullmatch(_HEDGE_FIRST.sub("", part)) is not None
        for part in map(_reply, _SENTENCES.split(text))
        if part
    )


_SENTENCES = re.compile(r"[.;!?\n]+|,\s+")
_HEDGE_FIRST = re.compile(r"^(?:(?:idk|i do not know|dunno|um+|uh+|well|honestly|tbh|just)\s*)+")


_UNREACHABLE = re.compile(
    r"\b(?:not answering|not picking up|not replying|not responding|not home|no answer"
    r"|(?:nobody|no one|noone) (?:is )?(?:answers|answered|answering|picks up|picked up"
    r"|picking up)"
    r"|did not answer|did not pick up|does not answer|does not pick up|will not answer"
    r"|went to voicemail|goes to voicemail|voicemail|(?:is|are|was|were) (?:asleep|sleeping)"
    r"|can not reach|could not reach|can not get through|could not get through|phone is off"
    r"|is busy|(?<!i am )(?<!fall )(?<!falling )(?<!fell )asleep"
    r"|(?:is|are|was|were|be|all|everyone|everybody) sleeping"
    r"|(?:on|in) (?:a |the )?(?:plane|flight|air|hospital|surgery|theatre)"
    r"|no (?:signal|reception|credit|data|battery|charge|wifi|service)"
    r"|(?:wifi|internet|data) (?:is )?(?:down|off|gone)"
    r"|phones? (?:is |went |has |goes |gets |is switched |is turned |turned |switched )?"
    r"(?:dead|died|off|flat)"
    r"|phones? (?:is )?on \d+|battery|charger"
    r"|working (?:nights|late|a night)"
    r"|(?<!i am )(?<!we are )(?:on|at) (?:a |the |night )?"
    r"(?:shift|nights|work|church|a wedding|the wedding|a party|the gym)"
    r"|shift (?:till|until)|(?:different|another|other) time ?zone"
    r"|left me on (?:read|delivered|seen|unread)"
    r"|(?:read|seen) it and (?:did not|never) (?:reply|answer|respond)"
    r"|(?:did not|never|has not|have not) (?:replied|reply|answered|responded|picked up)"
    r"|rang (?:out|\d+ times|three times|twice|and rang)|rings? out|ringing out|one tick"
    r"|blocked me"
    r"|do not have (?:her|his|their) (?:new )?number|can not (?:answer|talk|pick up)|is driving"
    r"|(?:is|are) away"
    r"|out of (?:the )?country|abroad|nothing back|no reply|not online|offline|engaged)\b"
)


# Brand names of paracetamol and sleep aids, where "pills" would not be said (a session-31
# chat: "took a whole strip of crocin" was not read as taken): one list for every reading
# of what was taken or is at hand
_BRANDS = (
    "(?:crocin|biogesic|tempra|doliprane|dafalgan|efferalgan|tachipirina|dipirona|novalgina"
    "|combiflam|saridon|disprin|nyquil|unisom|zzzquil|nytol|sominex)"
)

# Something taken or done, told inside the talk ("i took some pills", "already swallowed
# them", "i cut myself", "there's blood"): not a new message the check reads on its own,
# but in this talk it means danger now. "I haven't taken anything" is not one.
_TAKEN = re.compile(
    r"\b(?:took|taken|did take|swallowed|downed|popped|necked|had(?! to\b)|drank|drunk|overdosed"
    r"|od)\b"
    r"(?: \w+){0,4}? (?:pills?|tablets?|meds|medication|medicine|painkillers|paracetamol|xans?"
    r"|xanax|bars|benzos?|oxys?|percs?|valium|diazepam|codeine|tramadol|ibuprofen|tylenol"
    r"|acetaminophen|aspirin|insulin|sleeping (?:pills|tablets)|antidepressants|prescription"
    rf"|{_BRANDS}|(?:a|the|my) (?:whole|full|entire) (?:strip|bottle|box|packet|pack)"
    r"|sleeping (?:pills|tablets)|them|them all|all of them|it all|the lot|(?:the|a|my|her|his)"
    r" (?:bottle|box|packet|pack|strip)(?! of (?:wine|vodka|beer|whisky|whiskey|gin|rum"
    r"|tequila|cider|prosecco|champagne|red|white|rose|booze|jack|lager))|bleach"
    # a number, but not of people, days or drinks ("i had to call all 80 guests", "took 3
    # weeks off": a helper's chat, read as an overdose)
    r"|\d+(?! (?:guests|people|friends|years?|yrs|weeks?|months?|days?|hours?|hrs|minutes?"
    r"|mins?|times?|steps?|photos|pics|calls|texts|messages|miles|km|kilos?|kg|pounds?|lbs"
    r"|dollars|euros|quid|bucks|percent|shots|drinks|beers|glasses|cups|coffees)\b))\b"
    # "already took some" after the pills were named (seventh probe), and in other languages
    # ("ho preso le pillole", "j'ai pris les cachets", "tomei os comprimidos")
    r"|^(?:i )?(?:already|just|i already|i just) (?:took|taken|swallowed|had|downed) (?:some|a few"
    r"|them|it|a lot|half|loads|most|all|the rest)\b|^(?:i )?(?:took|swallowed) (?:some|a few"
    r"|half|most|loads) (?:already|just now|of them)\b"
    r"|\b(?:ho preso|ho ingoiato|j ?ai pris|j ?ai avale|tome|tomei|me tome|ya tome|wzialem|wzielam"
    r"|me he tomado|me trague|engoli|polknelam|polknalem"
    r"|lyknalem|lyknelam|ik heb)(?: \w+){0,3}? (?:pillole|pastiglie|pastillas|pildoras|comprimidos"
    r"|pilulas|remedios|cachets|medicaments|tabletten|tabletki|leki|pillen)\b"
    r"|\b(?:tabletten|pillen|slaappillen) (?:\w+ )?(?:genommen|geschluckt|ingenomen|geslikt)\b"
    # a whole bottle of spirits: "drank a whole bottle of vodka" (a helper's chat: "dizzy and
    # wanna sleep" then got "I'm glad you're safe for now")
    r"|\b(?:drank|downed|finished|had|necked)(?: \w+){0,2}? (?:a |the |an )?(?:whole|entire|full)"
    r" bottle of (?:vodka|whisky|whiskey|gin|rum|tequila|jack|jager|spirits|liquor)\b"
    # a drink, then pills with it: "had half a bottle of wine and some of my sleeping pills"
    # (a session-26 chat: asked "are you safe?" as if nothing were taken)
    r"|\b(?:had|drank|downed|finished)(?: \w+){0,4}? (?:wine|vodka|whisky|whiskey|gin|rum|beer"
    r"|beers|cider|tequila|drinks|booze|prosecco)(?: \w+){0,2}? (?:and|with|plus|then)"
    r" (?:(?:some|a few|a couple|half|most|all|loads|a handful|a bunch|two|three|\d+)"
    r" (?:of )?)?(?:my |the |her "
    r"|his |them )?(?:sleeping (?:pills|tablets)|pills|tablets|meds|medication|xanax|painkillers"
    r"|valium|diazepam|benzos?)\b"
)
_INJURED = re.compile(
    r"\b(?:cut|cutting|burned|burnt|burning|hurt|hurting|stabbed) (?:myself|my (?:arm|arms"
    r"|wrist|wrists|leg|legs|thigh|thighs|skin|stomach))\b"
    # "i relapsed last night. cut for the first time in 5 months" (a session-28 chat)
    r"|\b(?:i )?(?:cut|burned|burnt) (?:again|last night|tonight|today|this morning|for the first"
    r" time in)\b"
    r"|\b(?:bleeding|so much blood|blood everywhere|can not stop the bleeding"
    r"|there is (?:so much |a lot of )?blood)\b"
    # "i did the thing with the razor again tonight" (a helper's terminal chat)
    r"|\b(?:did|used|done) (?:the thing with |it with )?(?:the |a |my )?(?:razor|razors|blade"
    r"|blades)\b(?: \w+){0,3}? (?:again|tonight|last night|today)\b"
)
_NOT_TAKEN = re.compile(
    r"\b(?:not|never|nothing|no|did not|have not|had not|has not|was not|will not|do not)"
    r"(?: (?!stop\b|stopping\b)\w+){0,2}? (?:took|taken|take|swallowed|cut|cutting|hurt|hurting"
    r"|burned|bleeding|had)\b"
    r"|\b(?:as prescribed|like the doctor|the doctor (?:said|told)|my usual|usual dose"
    r"|normal dose|prescribed dose|like i am supposed to|like i should)\b"
)


# "i want to hurt myself", "im going to cut": wanted or about to, not done (seventh probe)
_NOT_YET = re.compile(
    # "i keep wanting to hurt myself" (a session-33 chat: first aid for a wound)
    r"\b(?:want|wanting|wanted|wanna|going|gonna|about|urge|urges|tempted|trying not|try not"
    r"|feel like|feeling like|might"
    r"|could|would|will|need|needing|planning|plan|thinking about|thinking of|scared i will"
    r"|think|thinking|think about|think of|am think"
    r"|afraid i will)(?: to)? (?:really |just |badly |so badly )?(?:hurt|hurting|cut|cutting|burn"
    r"|burning|harm|harming|take|taking|swallow|swallowing|overdose|overdosing|od)\b"
)


_DONE_ANYWAY = re.compile(r"\b(?:already|just did|bleeding|blood)\b")
# Pills fetched from somewhere, not swallowed (a session-29 chat: "theyre my mums
# antidepressants i took them from the bathroom" got "call now, even if you feel okay")
_TOOK_FROM = re.compile(
    r"\b(?:took|taken|grabbed|got) (?:them|it|those|these|the (?:pills|tablets|box|bottle|packet))"
    r" (?:from|out of|off) (?:the |my |her |his |our |their )?(?:\w+ )?(?:bathroom|cabinet"
    r"|cupboard|drawer|shelf|kitchen|room|bedroom|bag|purse|car|house|place|medicine box"
    r"|first aid kit)\b"
)


# Harm told as past: "i used to cut myself last year", "i self harmed in high school" (a
# helper's chat: "Look after the injury first: press on it with a clean cloth")
_PAST_HARM = re.compile(
    r"\b(?:used to|last year|years ago|months ago|a year ago|in the past|back in (?:school|high"
    r" school|uni|college|the day)|when i was (?:younger|a teen|a teenager|a kid|in school|in high"
    r" school|\d+)|as a (?:teen|teenager|kid))\b"
)
_FRESH = re.compile(
    r"\b(?:again|tonight|today|just now|just did|right now|last night|this morning|still"
    r" bleeding|bleeding|relapsed|earlier|yesterday|this week|recently|days ago|a few days)\b"
)


def harm_in_past(text: str) -> bool:
    """ "i used to cut myself last year": harm told as something past, nothing fresh."""
    norm = normalize(text)
    return _PAST_HARM.search(norm) is not None and _FRESH.search(norm) is None


# "i stopped for 11 months", "been clean 2 years": time without self-harm, told
_CLEAN_STREAK = re.compile(
    r"\b(?:stopped|quit|been clean|clean|was clean|have been clean|had been clean|did not do it"
    r"|have not done it|had not done it|have not cut|had not cut)(?: for| since| in)? (?:\d+|a|an"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|almost a|nearly a|over a"
    r"|over) (?:\w+ )?(?:days?|weeks?|months?|years?)\b"
)


def tells_clean_streak(text: str) -> bool:
    """ "i stopped for 11 months": a streak without self-harm, told in the talk."""
    return _found(_CLEAN_STREAK, text)


# "tonight i really want to again", "i want to cut again": the urge back, nothing done
_URGE_AGAIN = re.compile(
    r"\b(?:i )?(?:really |so )?(?:want|wanna|feel like|am tempted|have the urge|got the urge"
    r"|need) (?:to )?(?:do it |cut |hurt myself |burn myself |do that )?again\b"
    r"|\bthe urge (?:is|came|has come|s) back\b"
)


def urge_to_harm_again(text: str) -> bool:
    """ "tonight i really want to again": the urge to self-harm back, not acted on."""
    norm = normalize(text)
    return _URGE_AGAIN.search(norm) is not None and done_to_self(text) is None


def done_to_self(text: str) -> Literal["taken", "injured"] | None:
    """What a reply in the safety talk tells of having done already: something taken (pills,
    a bottle) or an injury (a cut, bleeding); None if neither, if it is denied, or if it is
    only wanted or about to be done ("i want to hurt myself")."""
    norm = normalize(text)
    if _NOT_TAKEN.search(norm) is not None:  # not "it won't stop bleeding"
        return None
    if harm_in_past(text):  # "i used to cut myself last year": no wound to look after now
        return None
    if _DONE_ANYWAY.search(norm) is None:
        # "i want to hurt myself": what is wanted is not done; the rest of the message is read
        # ("i took 10 and i want to take more" still tells of something taken)
        norm = _NOT_YET.sub(" ", norm)
    # "i took them from the bathroom": fetched, not swallowed ("...and swallowed them" still is)
    norm = _TOOK_FROM.sub(" ", norm)
    if _TAKEN.search(norm) is not None:
        return "taken"
    return "injured" if _INJURED.search(norm) is not None else None


def is_unreachable(text: str) -> bool:
    """Whether a short reply says the person they tried cannot be reached right now."""
    reply = _reply(text)
    return bool(reply) and len(reply.split()) <= 16 and (
        _UNREACHABLE.search(reply) is not None or _UNREACHABLE_ELSEWHERE.search(reply) is not None
    )


_GOT_HELP = re.compile(
    r"\b(?:i )?(?:called|rang|phoned|contacted|told|messaged|texted|reached|got hold of|alerted|"
    r"sent)\b(?: \w+){0,3}? (?:911|999|112|000|111|the police|police|the cops|an ambulance|"
    r"ambulance|emergency|emergency services|(?:his|her|their) (?:mum|mom|mother|dad|father|"
    r"parents|family|sister|brother|friend|friends|best friend|flatmate|roommate|housemate|"
    r"partner|wife|husband|cousin|aunt|uncle|gran|nan|neighbou?r|mate|mates|best mate|bestie"
    r"|bff|boss|manager|coworker|colleague|landlord|teammate|therapist|doctor))\b"
)


def got_them_help(text: str) -> bool:
    """ "i called 911 for him", "rang his mum", "told her sister": the person at risk is being
    helped by someone who can act."""
    return _found(_GOT_HELP, text)


# The ex is at risk and the person cannot reach anyone near them ("i dont have his family's
# number", "i dont know any of her friends").
_NONE_OF_THEIRS = re.compile(
    r"\b(?:do not|did not|never|no longer) (?:have|know|got)\b(?: \w+){0,4}? (?:number|numbers"
    r"|contact|contacts|family|friends|mates|address|details|anyone)\b"
    r"|\bno (?:way|one) to (?:reach|contact|call|tell)\b"
    # "i dont know where he is", "his mom doesnt pick up" (a session-30 chat: read as the
    # person's own doubt, "not knowing is a real answer")
    r"|\b(?:do not|did not|have no idea|no idea) (?:know )?where (?:he|she|they) (?:is|are|lives?"
    r"|live"
    r"|went|is staying|are staying)\b"
    r"|\b(?:his|her|their) (?:mum|mom|mother|dad|father|sister|brother|family|friends?|flatmate"
    r"|roommate|parents) (?:is not|are not|does not|do not|did not|will not|wont|can not)"
    r" (?:picking up|answering|pick up|answer|reply|replying)\b"
)
# Asking whether to answer the ex ("should i just reply to him", "do i call her back").
_REPLY_TO_THEM = re.compile(
    r"\b(?:should|do|can|must|shall) i (?:just )?(?:reply|answer|respond|text|call|message|ring)"
    r"(?: back)?(?: to)? (?:him|her|them|back)\b"
    # "should i just reply so he stops" (terminal chat: answered with the general FAQ)
    r"|\b(?:should|do|can|shall|maybe) i (?:just |should just |should )?(?:reply|answer|respond"
    r"|text back|message back|unblock (?:him|her|them))(?: \w+){0,2}? so (?:he|she|they)"
    r" (?:stops?|will stop|leaves? me alone|will leave me alone|calms? down|backs? off)\b"
    # "do i have to keep talking to her now" (the sixth probe: heard as "keep talking to me")
    r"|\b(?:do|will|would|should|must) i (?:have|need|still have|still need) to"
    r" (?:keep |stay |be )?"
    r"(?:talking|talk|replying|reply|answering|answer|texting|text|messaging|in touch|in contact"
    r"|available|there) ?(?:to|with|for)? (?:him|her|them|my ex)\b"
    # "should i just unblock him for one night?", "maybe i should just answer her this once"
    # (eighth probe)
    r"|\b(?:should|do|can|must|shall) i (?:just )?(?:unblock|answer|reply to|text|call|message)"
    r" (?:him|her|them)\b|\bi (?:should|could|might|will) (?:just )?(?:unblock|answer|reply to"
    r"|text|call|message) (?:him|her|them)\b"
    # "should i just go over there to make sure shes ok" (seventh probe)
    r"|\b(?:should|do|can|must|shall) i (?:just )?(?:go|drive|head|run|rush) (?:over|round|there"
    r"|to (?:his|her|their) (?:place|house|flat|apartment))\b|\bcheck on (?:him|her|them)\b"
    r"|\bmake sure (?:he|she|they) (?:is|are|s) (?:ok|okay|alright|safe|fine)\b"
)


def none_of_theirs(text: str) -> bool:
    """With the ex at risk: no way to reach anyone close to them."""
    return _found(_NONE_OF_THEIRS, text)


# With the ex at risk: "what if he actually does it", "itll be my fault if something happens"
_FEARS_FOR_THEM = re.compile(
    r"\bwhat if (?:he|she|they|my ex) (?:actually |really |does |do |goes )?(?:does it|do it"
    r"|did it|goes through with it|go through with it|means it|meant it|dies|die|kills"
    r" (?:himself|herself|themselves)|hurts (?:himself|herself|themselves))\b"
    r"|\bwhat if something (?:happens|happened) to (?:him|her|them)\b"
    r"|\b(?:it will|it would|itll|itd|that will|that would) (?:be|feel like) my fault\b"
    # "i dont want to be responsible if she does it", "is it my fault" (the sixth probe)
    r"|\b(?:i do not want to be|i will be|would i be|am i|i feel) responsible\b"
    r"|\b(?:is|was|would|will) (?:it|that|this) (?:be )?my fault\b"
    r"|\b(?:i will|i would|id|ill) never forgive myself\b"
)


def fears_for_them(text: str) -> bool:
    """With the ex at risk: the fear that they will do it, or that it would be one's fault."""
    return _found(_FEARS_FOR_THEM, text)


# Symptoms after taking something ("i feel kinda dizzy", "cant keep my eyes open", "throwing
# up"): a medical emergency getting worse, never an "unsure" answer (fifth probe)
_SLEEPY = re.compile("[\U0001F634\U0001F971\U0001F4A4\U0001F635]")  # 😴 🥱 💤 😵
_SYMPTOMS = re.compile(
    r"\b(?:dizzy|dizziness|lightheaded|light headed|drowsy|woozy|faint|fainting|passing out"
    r"|pass out|blacking out|black out|throwing up|threw up|vomit\w*|puking|being sick"
    r"|feel sick|feel so sick|nauseous|heart (?:is )?(?:racing|pounding|beating (?:so )?fast)"
    r"|chest (?:hurts|pain|is tight)|can not breathe|hard to breathe|struggling to breathe"
    r"|blurry|numb|shaking|shaky|seizure|cant keep my eyes open|can not keep my eyes open"
    r"|so sleepy|really sleepy|falling asleep|cold and sweaty|sweating"
    # the sixth probe: "im getting sleepy" after "i took a bunch of pills"
    r"|sleepy|getting (?:tired|sleepy|weird|heavy|cold)|zz+"
    r"|feel(?:ing)? (?:weird|funny|strange|heavy|off)"
    r"|can not stay awake|cant stay awake|eyes (?:are )?(?:heavy|closing)|ears (?:are )?ringing"
    r"|ringing in my ears|stomach (?:hurts|pain))\b"
)


# Thoughts told as lasting ("like every night", "its been like this for months", "no plan,
# just the thoughts"): support this week (the sixth probe)
_ONGOING = re.compile(
    r"\b(?:every|each) (?:night|day|single night|single day|morning)\b"
    r"|\bfor (?:months|weeks|years|ages|a long time|a while now)\b"
    r"|\b(?:it has|its|it is|it s) been (?:like this|going on|happening)\b"
    r"|\b(?:all the time|constantly|non stop|most nights|most days|on and off)\b"
)
# "no not really a plan", "i dont have a plan", "not planning anything": no plan, told
_NO_PLAN = re.compile(
    r"^(?:(?:no|nah|nope|honestly|tbh)[, ]+)*(?:no|not really a|not really any|i have no|i do not"
    r" have (?:a|any)|i have not got a|i have not (?:got )?any|there is no|not) (?:real |actual )?"
    r"plans?\b|^no plan(?: or anything)?$|^(?:(?:no|nah|nope)[, ]+)?(?:i am )?not planning"
    r" (?:anything|to do anything|on doing anything)\b"
)


def ongoing_thoughts(text: str) -> bool:
    """Thoughts told as lasting, after a gentle check: support this week."""
    return _found(_ONGOING, text)


def no_plan(text: str) -> bool:
    """ "no not really a plan", "i dont have a plan": no plan, told (the sixth probe's M2); not
    "no plan, but i have the pills here": means at hand are answered as such."""
    return _found(_NO_PLAN, text) and not means_at_hand(text) and done_to_self(text) is None


# "its a normal dose, my doctor prescribed it" after pills with drink were told (a helper's
# chat: "Reach your doctor now... 'I'm not safe tonight'", the doctor taken for a friend)
_PRESCRIBED = re.compile(
    r"\b(?:(?:my )?(?:doctor|dr|gp|psychiatrist) (?:prescribed|gave me|put me on)|prescribed"
    r" (?:it|them|to me|for me)|(?:a |my |the )?(?:normal|usual|regular|prescribed|right) dose"
    r"|as prescribed|i (?:always|usually|normally) take (?:them|it|that many|2|two|one))\b"
)


def prescribed_dose(text: str) -> bool:
    """ "its a normal dose, my doctor prescribed it": what was taken is their own medicine."""
    return _found(_PRESCRIBED, text)


def has_symptoms(text: str) -> bool:
    """Symptoms told after taking something: get help now. A sleepy emoji alone ("😴", "🥱")
    is one too (a session-26 chat: wine and pills, then "😴" got "a lot to be holding")."""
    return _found(_SYMPTOMS, text) or _SLEEPY.search(text) is not None


# In danger from someone, where they are until later: "i'm at work now, finish at 6",
# "im at uni till 5": getting there and home safely (fifth probe: read as "no answer")
_THERE_UNTIL = re.compile(
    r"\b(?:i am|i will be|i have to be|still) (?:at|in) (?:work|the office|my office|uni|college"
    r"|school|class|the gym|my shift|the shop|the store|my mums|my parents)\b"
    r"|\b(?:finish|finishing|get off|getting off|leave|leaving|done|off) (?:work |my shift |uni "
    r"|class )?(?:at|around|by|till|until) (?:\d|half|quarter|noon|midday|lunch)"
    r"|\bmy shift (?:ends|finishes)\b"
)


def there_until_later(text: str) -> bool:
    """In danger from someone: where they are now, and when they leave."""
    return _found(_THERE_UNTIL, text)


def asks_to_reply_to_them(text: str) -> bool:
    """With the ex at risk: whether to answer them ("should i just reply to him")."""
    return _found(_REPLY_TO_THEM, text)


_REACHED_HELP = re.compile(
    r"\b(?:i )?(?:called|rang|phoned|texted|messaged|contacted|spoke to|spoken to|talked to|"
    r"talking to|speaking to|am on the phone with|on the phone to|got through to|reached|"
    # "just got off the phone with samaritans" (a session-33 chat: "please call 999 now")
    r"(?:just )?(?:got|came|come) off the phone (?:with|to)|hung up (?:with|on)|"
    r"told|have told|went to|am with|am at)\b"
    r"(?: \w+){0,2}? (?:lifeline|samaritans|988|911|999|112|000|111|a helpline|the helpline|"
    # "i called 1199. talked to a lady for like 40 min" (a session-33 chat, Kenya: "please
    # don't wait this out alone"): a line's number, or its name where they live
    r"\d{3,6}(?: \d{3})?(?! (?:times|messages|texts|calls|missed|am|pm|hours|days)\b)"
    r"|cvv|ncmh|tele manas|telefonseelsorge|befrienders|childline|shout"
    r"|kids help phone|crisis text line|the crisis text line|beyond blue|beyondblue|aasra"
    r"|suicide call back service|vandrevala|hopeline|a lady|a woman|a counsell?or|a volunteer"
    r"|someone there|someone on the line|"
    r"helpline|a crisis line|the crisis line|crisis line|hotline|the hotline|a hotline|"
    r"the number|the line|one of the lines|emergency|an ambulance|the police|police|the guards"
    r"|guards|the gardai|gardai|the cops|cops|security|poison control|the poison control"
    r"|poisons? (?:centre|center|line|information)|the poisons? (?:centre|center|line)|nhs 111"
    r"|nhs direct|a nurse line|the nurse line|"
    r"my (?:mum|mom|mother|dad|father|sister|brother|friend|best friend|bestie|partner|"
    r"therapist|counsell?or|doctor|gp|manager|boss|neighbou?r|flatmate|roommate|housemate|"
    r"landlord|teacher|aunt|uncle|cousin|gran|nan|grandma|grandad))\b"
    # "ok someone is talking to me now" (a session-30 chat: "if you haven't yet, call 911")
    r"|\b(?:someone|somebody|a counsell?or|a volunteer|a person|a nurse|a lady|a man|a guy|they)"
    r" (?:is|are|s) (?:talking|speaking|texting|chatting) (?:to|with) me\b"
    r"|^(?:ok |okay |so |yes |yeah |i )*(?:i )?(?:already |just |finally |did )?"
    r"(?:told|woke|called|rang|phoned|texted|call) (?:her|him|them)\b"
    r"(?: (?:everything|what is going on|the truth|already|now))?$"
    # Nigerian Pidgin: "ok i don go meet am", "i don tell my brother" (a session-34 chat: the
    # recycled "please don't wait this out alone")
    r"|\bi don (?:go )?(?:meet|see|call|tell|reach|find) (?:am|my \w+|dem|her|him)\b"
)


# Someone on their way or already there ("my mum is coming", "my flatmate is here now").
# Only people who help: "he is coming" may be the danger itself.
_HELP_COMING = re.compile(
    r"\b(?:my (?:mum|mom|mother|dad|father|sister|brother|friend|best friend|bestie|flatmate"
    r"|roommate|housemate|neighbou?r|aunt|uncle|cousin|gran|nan|grandma|grandad|therapist)"
    r"|the ambulance|an ambulance|the paramedics|paramedics|the police|police|the guards|guards"
    r"|the gardai|gardai|the cops|cops|help)"
    r" (?:is|are|s) (?:coming|coming over|coming round|on (?:her|his|their|the|its|it is) way"
    r"|here|here now|with me|sitting with me|staying with me)\b"
)


# Help on its way or being waited for ("theyre sending someone", "im at a&e now", "still on
# hold", "waiting for the ambulance"): what to do while waiting, never "call now" again.
_WAITING_FOR_HELP = re.compile(
    r"\b(?:they are|they re|theyre|they will be|they will|they said they would be) sending"
    r" (?:someone|somebody|an ambulance|help|the police|police|the guards|guards|the gardai"
    r"|gardai|the cops|cops|paramedics)\b"
    r"|\b(?:i am |i m |im )?(?:at|in) (?:a and e|a e|the er|er|the hospital|hospital|the emergency"
    r" room|emergency|casualty|the ed|ed)(?: now| already| right now)?$"
    r"|\b(?:still |i am |been )?on hold\b|\bwaiting for (?:the |an )?(?:ambulance|paramedics"
    r"|police|them to (?:come|arrive|call back)|help|a doctor|triage)\b"
    r"|\b(?:ambulance|paramedics|police|guards|gardai|cops|help) (?:is|are) (?:on (?:the|its"
    r"|their) way|coming)\b"
    # "ok i told her, shes calling" (a helper's chat, session 37: "please don't wait this out
    # alone"): someone near them making the call
    r"|\b(?:she|he|they|my (?:mum|mom|mother|dad|father|sister|brother|friend|flatmate|roommate"
    r"|housemate|neighbou?r|partner)) (?:is|s|are|re) (?:calling|ringing|phoning)(?! me\b)"
    r"(?: (?:them|now|for me|an ambulance|the ambulance|000|999|911|112|someone|help))*\W*$"
    # "they said 20 minutes", "coming in 20 mins" after the call (a session-36 chat: "please
    # call 112 now")
    r"|^(?:(?:ok|okay|so|and|but|um)\W* )*(?:they said |they will be |they ll be |they are"
    r" coming in |they re coming in |theyre coming in |coming in |eta |about |like |in )*"
    r"(?:\d{1,2}|five|ten|fifteen|twenty|thirty|forty|half an hour|an hour)(?: (?:to|or) \d{1,2})?"
    r" ?(?:mins?|minutes)?(?: away)?\W*$"
    r"|\b(?:we are|we re|were|i am|im|she is|he is|they are)(?: now)? (?:going|heading|driving"
    r"|on (?:our|my|the) way|taking me|driving me) (?:to )?(?:a and e|a e|the er|er|the hospital"
    r"|hospital|the emergency room|emergency|casualty|the ed|the doctor|urgent care)\b"
)


# The same in the other languages people write in (a session-30 chat: "vale llamé al 024" got
# "if you haven't yet, please call 112"; "me dijeron que espere", "i'm waiting", the same)
_REACHED_ELSEWHERE = re.compile(
    r"\b(?:llame|he llamado|ya llame|marque|hable con|liguei|ja liguei|falei com|j ai appele|j ai"
    r" parle|ich habe (?:\w+ ){0,4}?angerufen|hab (?:\w+ ){0,4}?angerufen"
    r"|ich habe mit (?:\w+ ){0,3}?"
    r"gesprochen|ho chiamato|ho parlato con|zadzwonilam|zadzwonilem|call kiya|phone kiya"
    r"|baat ki)\b"
)
# ...and nobody answering ("liguei pro 188 mas ninguem atende")
_UNREACHABLE_ELSEWHERE = re.compile(
    r"\b(?:ninguem (?:atende|atendeu|responde)|nao (?:atendem|atende|atenderam)|nadie (?:contesta"
    r"|responde|contesto)|no (?:contestan|contesta|responden|responde|contestaron)|(?:niemand"
    r"|keiner)"
    r" (?:geht|ging) ran|personne ne (?:repond|decroche)|nessuno risponde|nikt nie odbiera"
    r"|koi (?:phone )?nahi utha\w*)\b"
)
_WAITING_ELSEWHERE = re.compile(
    r"\b(?:me (?:dijeron|dicen) que (?:espere|esperara|aguarde)|estoy esperando|(?:estou|to|tou)"
    r" esperando|me pediram (?:pra|para) esperar|ich warte|j attends|je dois attendre"
    r"|sto aspettando"
    r"|czekam|intezaar kar (?:rahi|raha))\b"
)


# The kind of wait: a call on hold, or being at a hospital already (a session-30 chat: "they
# put me on hold" got "unlock the door so they can get in"; "im at the hospital now" after an
# overdose got "tell them you're having thoughts of ending your life")
_ON_HOLD = re.compile(
    r"\b(?:still|been|i am|i m|im|i have been) on hold\b"
    r"|^(?:(?:ok|okay|so|and|ugh|still|i am|i m|im|been|i have been) )*on hold(?: (?:now|again"
    r"|still"
    r"|for ages|forever|lol|ugh|rn|right now))*$|\bthey (?:put|have|kept|keep|put"
    r"|left) me on hold\b"
    r"|\b(?:i am|i m|im|been|still|i have been) on hold (?:with|at|for|to)\b"
)
_AT_HOSPITAL = re.compile(
    r"\b(?:i am |i m |im )?(?:at|in) (?:a and e|a e|the er|er|the hospital|hospital|the emergency"
    r" room|emergency|casualty|the ed|ed)(?: now| already| right now)?$"
    # "my mom drove me to the ER, im in the waiting room now" (a session-30 chat: "reach your
    # mom now"); "estoy en el hospital ahora, en urgencias"
    r"|\b(?:drove|took|brought|driving|taking) me (?:to|into) (?:the )?(?:er|a and e|a e|hospital"
    r"|emergency room|emergency|casualty|urgent care)\b|\b(?:i am|i m|im|sitting|waiting) in the"
    r" (?:waiting room|er waiting room|a and e waiting room)\b|\b(?:i am |i m |im )(?:at"
    r"|in) (?:the )?"
    r"(?:er|a and e|a e|hospital|emergency room|casualty|urgent care) (?:now|right now|already"
    r"|waiting)\b"
    r"|\b(?:estoy|estou|to|tou) (?:en el|no) (?:hospital|pronto socorro)\b|\ben urgencias\b"
)


# "they said to go to a&e", "the nurse told me i should go to the er" (a session-31 chat:
# "Tell me more if you want"): go now, and how to get there
_TOLD_TO_GO = re.compile(
    r"\b(?:they|she|he|the (?:line|nurse|doctor|lady|woman|man|guy|person|operator|call handler"
    r"|counsellor|counselor)|111|samaritans|the crisis line|the hotline|988|911|999|112)"
    r" (?:said|say|says|told me|tell me|want me|wants me|advised|advised me|recommended|asked me)"
    r" (?:that )?(?:i )?(?:to |should |need to |have to |must |go )?(?:go |get )?(?:straight )?"
    r"(?:to|into) (?:the |a |an )?(?:a and e|a e|er|ed|hospital|emergency room|emergency"
    r"|emergency department|casualty|urgent care|pronto socorro|urgencias)\b"
    r"|\b(?:they|she|he|poison control|the line|the nurse|the doctor|111) (?:said|told me|say"
    r"|says) (?:to |i should |i need to |i have to )?go in\b"
)

# "my roommate is driving me", "hes taking me", "on my way to the er" (session-31 chats after
# an overdose: "No answer can feel like one more door closing", "Please don't wait this out
# alone"): on the way to be seen
_GOING_IN = re.compile(
    r"\b(?:my (?:mum|mom|mother|dad|father|sister|brother|friend|best friend|bestie|flatmate"
    r"|roommate|housemate|neighbou?r|aunt|uncle|cousin|partner|boyfriend|girlfriend|husband|wife"
    r"|mate)|he|she|they|someone|a friend) (?:is |s |are )?(?:driving|taking|bringing|walking)"
    r" me(?: (?:in|there|now|right now|to (?:the )?(?:er|a and e|a e|hospital|emergency|urgent"
    r" care|casualty|ed)))*(?: now)?\W*$"
    r"|\b(?:(?:i am|i m|im|we are|we re) )?on (?:my|our|the) way (?:in|there|to (?:the )?(?:er"
    r"|a and e|a e|hospital|emergency|urgent care|casualty|ed))\b(?! (?:to|for) (?:visit|see))"
    r"|\b(?:i am|i m|im|we are|we re) (?:heading|going|driving) (?:in|to (?:the )?(?:er|a and e"
    r"|a e|hospital|emergency|urgent care|casualty|ed))(?: now| right now)?\W*$"
    r"|\bin (?:the|a|an) (?:taxi|uber|cab|car|ambulance) (?:now )?(?:to|on the way to) (?:the )?"
    r"(?:er|a and e|a e|hospital|emergency|urgent care|casualty|ed)\b"
)


# "i came back inside", "i got down", "stepped back from the edge" (a session-31 chat on a
# roof: "No questions, just company")
_CAME_BACK_INSIDE = re.compile(
    r"^(?:(?:ok|okay|fine|so|yeah|yes|i mean|alright) )*(?:i )?(?:just )?(?:came|come|went|got"
    r"|climbed|stepped|walked|moved|am back|am going|am going back|am coming|am heading"
    r"|am walking|will go|will come|am in my room|am in|am) (?:back )?(?:inside|in(?= *$)"
    r"|indoors|down(?= *$"
    r"| from| off)|off (?:the )?"
    r"(?:roof|ledge|bridge|edge|railing|balcony)|back from (?:the )?(?:edge|railing|ledge)|away"
    r" from (?:the )?(?:edge|railing|ledge|tracks|platform))(?: now| again| already)?\b"
)


# A step back from the edge, and no more: "i stepped back a bit", "moved back a few steps"
_STEPPED_BACK = re.compile(
    r"^(?:(?:ok|okay|fine|so|yeah|yes|i mean|alright) )*(?:i )?(?:just |have )?(?:stepped"
    r"|moved|went|got|climbed|sat) (?:back|down|away)(?: (?:a bit|a little|a few steps|a step"
    r"|a bit more|from (?:the )?(?:edge|railing|ledge)))*(?: now| i guess| ok)?\W*$"
)


def stepped_back(text: str) -> bool:
    """ "i stepped back a bit": away from the edge, not yet off the height."""
    return _says_only(_STEPPED_BACK, text)


def came_back_inside(text: str) -> bool:
    """ "i came back inside": away from the height or the edge."""
    return _found(_CAME_BACK_INSIDE, text)


def going_in(text: str) -> bool:
    """ "my roommate is driving me": on the way to hospital, not there yet."""
    return _found(_GOING_IN, text)


def told_to_go(text: str) -> bool:
    """ "they said to go to a&e": the line sent them to hospital; not there yet."""
    return _found(_TOLD_TO_GO, text)


# At hospital already: a long wait, or wanting to leave
_HOSPITAL_WAIT = re.compile(
    r"\b(?:could|will|might|may|can) (?:be|take) (?:hours|ages|forever|all night|a while"
    r"|a long time)\b"
    r"|\b(?:taking|takes|it is taking) (?:forever|ages|so long|too long|hours)\b"
    r"|\b(?:been )?waiting"
    r" (?:for )?(?:\d+|two|three|four|five|hours|ages|forever)\b|\b(?:want|wanna|going|gonna"
    r"|just want)"
    r" (?:to )?(?:go|get) (?:home|out of here)\b|\b(?:want|wanna|going|gonna|about|thinking"
    r" about|thinking of|might|should i|can i) (?:to )?(?:leave|leaving|walk out|sneak out|go"
    r"|going)"
    r"(?: now| here| this place| the hospital| the er)?\W*$"
)


def hospital_wait(text: str) -> bool:
    """ "they said it could be hours", "i just want to go home": the wait, at hospital."""
    return _found(_HOSPITAL_WAIT, text)


def on_hold(text: str) -> bool:
    """ "they put me on hold": a call waiting to be answered."""
    return _found(_ON_HOLD, text)


def at_hospital(text: str) -> bool:
    """ "im at the hospital now": there already, waiting to be seen."""
    return _found(_AT_HOSPITAL, text)


# Locked in a room away from the one at the door: "i'm in the bathroom with the door locked",
# "locked myself in the bedroom"
_LOCKED_IN = re.compile(
    r"\b(?:i am|im|i m|i have|ive|i) (?:now |just |already )?(?:locked |hiding |hidden )?"
    r"(?:myself )?(?:in|inside) (?:the|my|a) (?:bathroom|bedroom|room|toilet|loo|wardrobe|closet"
    r"|car|kids room|spare room|office)\b(?=.{0,40}\b(?:locked|lock|hiding|hidden|quiet)\b)"
    r"|\blocked (?:myself|me) in(?: the| my| a)?\b|\bi (?:am )?hiding in (?:the|my|a) \w+"
    # "i locked my bedroom door", him in the kitchen (a session-37 chat: a bag by the door)
    r"|\bi (?:have |ve )?(?:just )?locked (?:my|the) (?:bedroom |bathroom |room |office |car )?"
    r"(?:door|room|bedroom|bathroom)\b"
)


# "where do i go", "i have nowhere to go" on the danger path (session-37 chats, five: the
# steps that assume people around them, "tell the people you're with")
_WHERE_TO_GO = re.compile(
    r"^ ?(?:(?:but|so|ok|okay|and|then|um|idk|like) )*where (?:do|can|should|would|could|am) i"
    r" (?:even )?(?:go|stay|sleep|supposed to go|meant to go)\b|\b(?:i have|i ve got|ive got|i"
    r" got|there is|theres) nowhere (?:to go|to stay|safe|else)\b|\bnowhere (?:to go|safe to go)\b"
    r"|\bsaan ako (?:pupunta|tutuloy)\b|\ba donde (?:voy|puedo ir)\b|\bpra onde (?:eu )?vou\b"
    # "no tengo a donde ir" (a helper's chat, session 40: got "lock the door")
    r"|\bno tengo (?:a ?)?donde (?:ir|irme|quedarme)\b|\bno tengo otro lugar\b"
    r"|\bn(?:ao|o) tenho (?:pra |para )?onde (?:ir|ficar)\b"
    r"|\bje n ?ai (?:nulle part|aucun endroit) ou (?:aller|dormir)\b"
    r"|\bich (?:weiss|weis|wei) nicht wohin\b|\bich kann nirgendwo hin\b"
)


def asks_where_to_go(text: str) -> bool:
    """ "where do i go", "i have nowhere to go": somewhere safe to be, asked for."""
    return _found(_WHERE_TO_GO, text)


def hiding_locked_in(text: str) -> bool:
    """ "i'm in the bathroom with the door locked": somewhere that locks, told."""
    return _found(_LOCKED_IN, text)


def waiting_for_help(text: str) -> bool:
    """ "theyre sending someone", "im at a&e", "still on hold": help reached, being waited for."""
    return _found(_WAITING_FOR_HELP, text) or _found(_WAITING_ELSEWHERE, text)


# The two objections that stop people getting treated: no ambulance, someone would freak out
# The worry about someone's reaction ("she'd freak out"): an objection with words of its own
_REACTION = (
    r"\b(?:she|he|they|my (?:mum|mom|dad|flatmate|roommate|parents)) (?:would|will|d)"
    r" (?:freak out|kill me|be so angry|be furious|panic|be upset)\b"
)
_NO_AMBULANCE = re.compile(
    r"\b(?:i )?(?:do not|dont|don t) (?:want|need) (?:an |the |any |a )?(?:ambulance|paramedics"
    r"|doctors?|hospital|to go to (?:the )?"
    r"(?:hospital|a and e|a e|er))\b|\bno ambulance\b|\bi am not (?:going to|gonna) (?:the )?"
    r"(?:hospital|a and e|a e|er)\b|" + _REACTION +
    # "i dont want to make a fuss", "i dont want to bother anyone" (a helper's chat, session
    # 37, after pills: "Nothing you say here has to be tidy")
    r"|\b(?:i )?(?:do not|dont|don t) (?:want|wanna) (?:to )?(?:make (?:a |any )?(?:fuss|scene"
    r"|drama|big deal)|bother (?:anyone|anybody|them|people|her|him)|waste (?:their|anyone s"
    r"|the) time|be (?:a )?(?:bother|burden|nuisance|drama))\b"
)
_THEY_WOULD_REACT = re.compile(_REACTION)
# "its fine. its what i want", "i've made up my mind", after "are you thinking about ending
# your life?" (a helper's chat, session 37: "Nothing you say here has to be tidy"): a yes
_CONFIRMS_INTENT = re.compile(
    r"\b(?:it is|its|it s|that is|thats|that s) (?:what i (?:want|need|have decided|choose)"
    r"|my (?:choice|decision))\b|\bi (?:have |ve )?(?:decided|made up my mind|made my mind up)\b"
    r"(?! (?:to (?:stay|live|keep|try|get help|call|talk|wait)|not to)\b)"
    r"|^ ?(?:yes|yeah|yep|ya|yea) (?:i am|i have|it is|i do|i want to|i guess|maybe|honestly"
    r"|tbh)\b|^ ?(?:i am|i do|kind of|kinda|sort of|maybe|probably|part of me is|a bit|a little)"
    r"(?: yes| yeah)? ?$"
)


# "i mean it", "im serious", said in the talk after words of ending (a session-37 chat, after
# "this is probably my last message": "tell me more if you want to", and a "yes" to "are you
# somewhere safe?" then closed the talk): the words stood by
_MEANS_IT = re.compile(
    r"^ ?(?:(?:no|yes|yeah|honestly|seriously|and|but|i swear|like) )*(?:i (?:really |actually )?"
    r"mean it|i am (?:being )?(?:dead |deadly )?serious|i am not (?:joking|kidding|messing)"
    r"|not (?:joking|kidding)|for real|deadly serious|this is not a joke)(?: this time| though"
    r"| tho| now)? ?$"
)


def stands_by_it(text: str) -> bool:
    """ "i mean it", "im serious": the words of ending stood by."""
    return _found(_MEANS_IT, text)


def objects_to_help(text: str) -> bool:
    """ "i dont want an ambulance", "she'd freak out": answered, the way to be seen kept."""
    return _found(_NO_AMBULANCE, text)


def fears_their_reaction(text: str) -> bool:
    """The objection is how someone would react ("she'd freak out"), not the ambulance."""
    return _found(_THEY_WOULD_REACT, text)


def confirms_intent(text: str) -> bool:
    """A yes to "are you thinking about ending your life?" in more words than a bare yes."""
    return _found(_CONFIRMS_INTENT, text)


# Cannot speak: the danger is in the house ("i cant call he'll hear me", "im hiding")
_CANNOT_SPEAK = re.compile(
    r"\b(?:can not|cannot|cant|can t) (?:call|talk|speak|ring|make a call)\b(?:(?: \w+){0,6}?"
    r" (?:hear|hears|listening|in the house|next door|in the next room|outside the door)"
    r"| (?:out loud|aloud|loudly)\b)"
    r"|\b(?:hiding|locked myself) in (?:the|my) (?:bathroom|bedroom|room|toilet|wardrobe|closet)\b"
    # "he can hear me i cant call anyone", "no puedo llamar, me oye" (a helper's chats, session
    # 39: "call 112 right now", "want to try one while I stay with you?")
    r"|\b(?:he|she|they|my ex|my bf|my boyfriend|my husband|my partner) (?:can|could|will|might"
    r"|would) hear (?:me|us|it)\b|\b(?:no puedo|nao posso|nao da pra|je ne peux pas|je peux pas"
    r"|ich kann (?:nicht|gerade nicht|jetzt nicht)|non posso"
    r"|hindi ako (?:makatawag|makapagsalita))"
    r" (?:llamar|hablar|ligar|falar|appeler|parler|anrufen|telefonieren|reden|sprechen|chiamare"
    r"|parlare)\b|\b(?:me oye|me escucha|me ouve|m entend|hort mich|mi sente)\b"
    r"|\b(?:nahi|nahin) bol (?:sakti|sakta)\b|\bwo sun lega\b|\bwoh sun lega\b"
    # "im in the bathroom", said on the danger path (a helper's chat: a feelings question)
    r"|^(?:i am |i m |im )?(?:in|locked in) (?:the|my) (?:bathroom|bedroom|toilet|wardrobe|closet)"
    r"(?: now| rn| right now)?$"
)


def cannot_speak(text: str) -> bool:
    """ "i cant call he'll hear me", "im hiding in the bathroom": silent ways to get help."""
    return _found(_CANNOT_SPEAK, text)


# At the wheel in a crisis ("im in the car", "driving", "driving to his house")
_DRIVING = re.compile(
    r"^(?:i am |i m |im )?(?:already )?(?:driving|in the car|in my car|on the motorway"
    r"|on the highway)(?: now| right now| already| to (?:his|her|their) (?:house|place|flat))?$"
    r"|\bi am driving\b|\b(?:driving|heading) to (?:his|her|their) (?:house|place|flat)\b"
)


def driving(text: str) -> bool:
    """At the wheel, said in the talk: pull over first."""
    return _found(_DRIVING, text)


# About to drive, said in the talk ("just gonna drive to her place and sort this out", after
# wine and pills: a session-37 chat got "I'd leave them out of tonight", nothing on driving)
_ABOUT_TO_DRIVE = re.compile(
    r"\b(?:gonna|going to|about to|i will|i ll|i m going to|im going to|want to|wanna|might)"
    r" (?:just )?(?:drive|get in (?:my|the) car|go for a drive|take the car|jump in the car)\b"
    r"|\bgetting (?:in|into) (?:my|the) car\b|\b(?:grabbing|got|getting) my (?:car )?keys\b"
)


def about_to_drive(text: str) -> bool:
    """About to drive, said in the talk: not tonight, not like this."""
    return _found(_ABOUT_TO_DRIVE, text)


# The one at risk is someone other than the ex ("my best friend keeps saying she wants to die")
_SOMEONE_ELSE = re.compile(
    r"\bmy (?:best |closest |oldest |little |big |younger |older |baby |twin |kid |step )?"
    r"(?:friend|frend|freind|fren|mate|bestie|bff|sister|brother|sis|bro|cousin|mum"
    r"|mom|mother|dad|father|flatmate|roommate|housemate|son|daughter|niece|nephew|colleague"
    r"|coworker|girlfriend s friend|boyfriend s friend)\b"
)
# the user's ex, not the friend's ("since her ex left")
_THE_EX = re.compile(r"(?<!her )(?<!his )(?<!their )\b(?:ex|exes)\b")


def someone_else_at_risk(text: str) -> bool:
    """Whether the one at risk is a friend or family, not the ex."""
    return _named_not_the_ex(_SOMEONE_ELSE, text)


def _named_not_the_ex(people: re.Pattern[str], text: str) -> bool:
    """Whether `text` names one of `people` and not the user's ex."""
    norm = normalize(text)
    return people.search(norm) is not None and _THE_EX.search(norm) is None


# The one threatening them is someone else ("my flatmate has a knife and hes screaming at me",
# "my stepdad", "a guy from the bar keeps following me"): not the ex
_SOMEONE_ELSE_THREATENS = re.compile(
    r"\bmy (?:step ?)?(?:dad|father|mum|mom|mother|brother|sister|uncle|cousin|son|flatmate"
    r"|roommate|housemate|landlord|landlady|neighbou?r|boss|manager|coworker|colleague|husband"
    r"|wife|partner|new (?:boyfriend|girlfriend|partner|bf|gf))\b"
    r"|\b(?:a|some|this|that) (?:guy|man|woman|stranger|dude|bloke|girl)\b"
)


def someone_else_threatens(text: str) -> bool:
    """Whether the one they are in danger from is someone other than the ex."""
    return _named_not_the_ex(_SOMEONE_ELSE_THREATENS, text)


# "usne phir se call kiya aur dhamki di" (he called again and threatened): his call, not theirs
# (a session-37 chat: "That was exactly the right thing to do")
_THEY_CALLED = re.compile(
    r"\b(?:usne|unhone|unne|woh?|voh?|uska|us ne)\b(?: \w+){0,3}? call kiya\b"
)


# The call was made and nobody answered ("i called 988 and nobody picked up": a helper's chat,
# session 38, "Good. You didn't carry this alone tonight")
_NO_PICKUP = re.compile(
    r"\b(?:(?:nobody|no one|noone|no body|none of them) (?:is )?(?:answers|answered|answering"
    r"|picks up|picked up|picking up|replied|responded)|(?:did not|does not|would not|will not"
    r"|never) (?:answer|pick up|pick it up|respond|reply)|no answer|no reply|went to voicemail"
    r"|goes to voicemail|rang out|rings out|kept ringing|could not get through|can not get"
    r"through|put me on hold|on hold|(?:line|it|number) (?:is|was) (?:busy|engaged|dead))\b"
)


def reached_help(text: str) -> bool:
    """ "ok i called lifeline", "talked to my sister", "my mum is coming": the person reached
    someone who can help them (not "i called 988 and nobody picked up")."""
    norm = normalize(text)
    return (
        (
            _REACHED_HELP.search(norm) is not None
            or _HELP_COMING.search(norm) is not None
            or _REACHED_ELSEWHERE.search(norm) is not None
        )
        and _UNREACHABLE_ELSEWHERE.search(norm) is None
        and _THEY_CALLED.search(norm) is None
        and _NO_PICKUP.search(norm) is None
    )


# Words of trying to reach someone ("i called", "texted her", "rang the line"): "kids still
# asleep" in a danger talk is no line that failed to answer (a helper's chat, session 38)
_TRIED = re.compile(
    r"\b(?:call|called|calling|ring|rang|ringing|phoned|phoning|dialled|dialed|text|texted"
    r"|texting|messaged|message|tried|trying|try|line|number|hotline|helpline|voicemail|answer"
    r"|answered|answering|pick up|picked up|picking up|reach|reached)\b"
)


def tried_to_reach(text: str) -> bool:
    """Whether the message speaks of trying to reach someone."""
    return _found(_TRIED, text)


# Found by a helper playing hurting users in the terminal chat (round 15). Each is a reply
# inside the talk that is not an answer to "are you safe?" and must not be read as a person
# to call, a name, or a new subject.

# "jk", "just kidding", "i was joking": taken back, still asked about gently.
_JOKING = re.compile(
    r"(?:(?:no|nah|lol|lmao|haha+|ok|okay|chill|relax|calm down|omg) )*"
    # "jk jk": said twice (the urge offer reads jokes with this too)
    r"(?:jk )?(?:jk|jkjk|j k|just kidding|only kidding|kidding|i am kidding|i m kidding"
    r"|i m joking|i was kidding|joking"
    r"|just joking|only joking|i am joking|i was joking|it was a joke|it is a joke|was a joke"
    r"|i did not mean it|i do not mean it|not serious|not being serious)"
    r"(?: (?:lol|lmao|haha+|obviously|relax|calm down|chill|bro|mate))*"
    # "lol jk im not gonna actually die" (a helper's terminal chat: "it helps me see how heavy
    # this is"): the joke taken back, with the reassurance after it
    r"(?: (?:i am|im) not (?:going to|gonna|gna) (?:actually |really |literally )?(?:die|do it"
    r"|do anything|kill myself|hurt myself)(?: lol| lmao| haha+| obviously)*)?"
)
# "i wont do it", "i promise", "im not going to do anything": a promise, heard as one.
_PROMISE = re.compile(
    r"(?:(?:no|ok|okay|i know|honestly|seriously|dont worry|do not worry|i told you|i said"
    r"|like i said|i already said|i already told you) )*"
    r"(?:i (?:will not|would not|am not going to|am not gonna|promise i will not|promise i am not"
    r"|swear i will not) (?:do it|do anything|do anything stupid|act on it|hurt myself|go through"
    r" with it|actually do it|do that)|i promise|promise|i swear|i will not|i am not going to"
    r"|not going to do (?:it|anything))"
    r"(?: (?:i promise|promise|i swear|honestly|tonight|lol|x+|ok|okay|alright))*"
)
# "... i just want the pain to stop", after the promise: the pain, not a plan
_PAIN_TO_STOP = re.compile(
    r"(?:but |and )?i (?:just |only )?want (?:the pain|this pain|the hurt|it|this) to stop"
    r"(?: hurting| hurting so much)?|(?:but |and )?i (?:just |only )?want to (?:stop hurting"
    r"|feel better|not hurt so much|not feel like this)"
)
# "not like that", "i mean no contact is too hard": what they meant was not harm.
_CLARIFIED = re.compile(
    r"\b(?:not like that|not in that way|not that way|i did not mean (?:it )?(?:like that|that way"
    r"|that)|that is not what i meant|i mean (?:the )?(?:no contact|nc|not texting|not texting"
    r" (?:him|her|them)|the breakup|the break up|not talking to (?:him|her|them)|without (?:him"
    r"|her|them))|i meant (?:the )?(?:no contact|nc|the breakup|not texting|not talking)"
    r"|i am not suicidal|not suicidal|i am not in danger|not in danger"
    r"|(?:i was |i am )?just venting|i was venting|false alarm"
    # "no not literally", "i ment i dont wanna live waitin for him not the other thing" (a
    # helper's chats: "call 911 right now")
    r"|not literally|i did not mean (?:it )?literally|not (?:the|that) other (?:thing|way)"
    r"|not in (?:the|a) (?:bad|scary|dark|suicidal) way"
    # "no i mean i dont want to be at this party lol" (a helper's chat: "call 999 right now")
    r"|i (?:mean|meant|ment) (?:i do not want to be|i want to leave|i wanna leave)"
    r" (?:at|in) (?:this|the) (?:party|club|bar|pub|house party|wedding|dinner|event|class"
    r"|office|job|date|gym|family thing)\b"
    # "i mean in this city lol. everything reminds me of him" (a session-30 chat: asked again)
    r"|i (?:mean|meant|ment) (?:here |like )?(?:in|from|at|out of) (?:this|the|my) (?:city|town"
    r"|place"
    r"|country|flat|apartment|house|job|school|uni|relationship|friend group)\b"
    r"|i (?:mean|meant|ment) (?:that )?i do not (?:want|wanna) (?:to )?live(?: like this| this way"
    r"| like that)?(?: \w+){0,2}? wait\w* (?:for|on|around for) (?:him|her|them)"
    r"|(?:pressed|hit|tapped|clicked) (?:it|that|the button|sos) by (?:mistake|accident)"
    r"|it was a mistake|wrong button"
    # "hab nur übertrieben", "i was just exaggerating" (a helper's chat: "call 112 now")
    r"|(?:i was |i am )?(?:just |only )?exaggerating|i exaggerated|(?:hab|habe|ich habe|ich hab)"
    r" (?:nur |bloss |einfach |halt )?ubertrieben|(?:solo |so )?(?:estaba|estava) exagerando"
    r"|exagere|exagerei|j ai exagere|przesadzil(?:am|em)|stavo esagerando|ho esagerato)\b"
)
# A move or a trip that explains a goodbye or things given away ("haha no i'm moving to
# japan"; the ninth probe's S8: read as "no, not safe" and told to call 911)
_MOVING = re.compile(
    r"^(?:(?:haha\w*|lol|lmao|omg|oh|no|nah|nope|god|wait|sorry|ha)\W* )*(?:i am |we are |just |i"
    r" m )*(?:moving|relocating|emigrating|going abroad|going travelling|going traveling"
    r"|travelling|traveling|starting a new job)\b(?: \w+){0,8}\W*$"
)


def clarifies_move(text: str) -> bool:
    """ "haha no i'm moving to japan", "no im just moving abroad": a move, not a goodbye."""
    norm = normalize(text).strip()
    return _MOVING.search(norm) is not None and mentions_harm(norm) is None


# "should i just open it and get it over with", with them at the door (a session-29 chat: the
# answer about riding out the urge to text)
_OPEN_THE_DOOR = re.compile(
    r"\b(?:should|can|could|do|shall|maybe|what if) i (?:just |should |should just )?(?:open"
    r" (?:it|the door|up)|answer (?:it|the door)|unlock (?:it|the door)|let (?:him|her|them) in"
    r"|go (?:out|outside|down)(?: to (?:him|her|them)| and talk)?|talk to (?:him|her|them)"
    r" (?:through the door|outside|at the door))\b"
    r"|\bi (?:will|am going to|am gonna|might) (?:just )?(?:open (?:it|the door)|let (?:him|her"
    r"|them) in)\b"
)


def asks_to_open_door(text: str) -> bool:
    """ "should i just open it", "maybe i should let him in": the door, with them behind it."""
    return _found(_OPEN_THE_DOOR, text)


# Danger told as going on ("yeah he did it again today", "he still follows me"): not "yes,
# safe" (the ninth probe's S9: "I'm glad you're safe right now")
_GOES_ON = re.compile(
    r"\b(?:(?:did|does|doing|done) (?:it|that|this) again|again (?:today|tonight|yesterday|this"
    r" (?:morning|week))|(?:he|she|they) (?:still|keeps?|kept|is still|are still) (?:\w+ )?"
    r"(?:following|follows|showing up|shows up|turning up|turns up|texting|calling|watching"
    r"|waiting|coming)|(?:showed|turned) up again|followed me again|every (?:day|night|single"
    r" day))\b"
)


def danger_goes_on(text: str) -> bool:
    """ "yeah he did it again today", "he keeps showing up": the danger goes on."""
    return _found(_GOES_ON, text)


# Preparations told: a pet or things given away, letters or a note written, a goodbye, affairs
# put in order ("gave my dog to my sister today. wrote some letters... bye"; the ninth probe's
# S10: a bare "yes" then closed the talk). Two different signs make it preparations.
_PREPARATIONS = (
    re.compile(
        r"\b(?:gave|giving|given|give) (?:away )?(?:my|all my|the) (?:\w+ )?(?:dog|cat|pet|pets"
        r"|things|stuff|clothes|guitar|car|bike|games|books|plants|jewellery|jewelry|camera"
        r"|console|laptop)\b|\bgave (?:away|it all away)\b|\bwill not (?:be )?need(?:ing)?"
        r" (?:it|them|any of it)\b"
        # "the dog goes to my brother" (a session-32 chat, beside affairs sorted)
        r"|\b(?:the|my) (?:dog|cat|pets?|bird|rabbit|fish) (?:goes|is going|will go) to\b"
    ),
    re.compile(
        r"\b(?:wrote|written|writing|left|finished) (?:a |some |my |the )?(?:\w+ )?"
        r"(?:letters?|notes?)\b"
    ),
    re.compile(
        r"\b(?:bye|goodbye|good bye|farewell|take care of (?:yourself|yourselves|everyone)|thanks"
        r" for (?:the company|everything|being there|listening))\b"
    ),
    re.compile(
        r"\b(?:my will|sorted (?:out )?my (?:affairs|things|stuff)|passwords? (?:written|left)|in"
        r" order)\b"
    ),
)


# Not being around in the future, said ("i wont be around to see day 30", "i won't be here
# much longer"): one of the published warning signs; a "fine, just tired" after it is asked
# about once, plainly (session-32 chats: the talk closed on it)
_NOT_AROUND = re.compile(
    r"\b(?:will not|wont|won t|am not going to|not going to|am not gonna|not gonna) be"
    r" (?:around|here)(?: (?:much|for))? (?:longer|long|soon|to see|anymore|by|for it|after)\b"
    r"|\b(?:will not|wont|won t) be (?:around|here) to (?:see|bother|worry|deal)\b"
)


def speaks_of_not_being_around(text: str) -> bool:
    """ "i wont be around to see day 30": not being around in the future, said."""
    return _found(_NOT_AROUND, text)


def prepares(text: str) -> bool:
    """Two or more signs of preparations in one message: things given away, letters written,
    a goodbye, affairs in order."""
    norm = normalize(text)
    return sum(p.search(norm) is not None for p in _PREPARATIONS) >= 2


# Feeling better, told in the talk or the next day ("i'm doing a bit better today", "i'm
# calmer now"): the talk steps down (the ninth probe's S19: "call 911 now" again)
_BETTER = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay|yeah|yes|honestly|so|um|well|actually|tbh|thanks"
    r"|thank you)\W* )*"
    r"(?:i am |i feel |feeling |i am feeling |i have been |doing |i am doing |i think i am |it is"
    r" |its )?(?:doing |feeling )?(?:a (?:bit|little|lot|tiny bit|little bit) |bit |little |much"
    r" |way |somewhat"
    r" |kind of |kinda |slightly |so much |actually |definitely )?(?:better|calmer|less"
    r" (?:bad|awful|heavy))(?: (?:now|today|tonight|this"
    r" morning|than (?:last night|yesterday|before|earlier)|thanks|thank you|tbh|honestly|i think"
    r"|after (?:sleeping|some sleep|a sleep|talking|a walk|a shower)|i guess|i suppose|maybe"
    r"|kinda|ish))*\W*$"
)
# Better, in the other languages people write in: "ya estoy mejor", "mir geht's besser",
# "czuję się lepiej" (a helper's chats: four rotating "call now" lines)
_BETTER_ELSEWHERE = re.compile(
    r"^(?:(?:you|ya|ja|ahora|agora|jetzt|juz|teraz|ab|ok|okay|si|sim|tak|gracias|obrigada|obrigado"
    r"|danke|merci|grazie|dzieki|shukriya|thanks) )*"
    r"(?:(?:estoy|me siento|estou|to|tou|me sinto|sto|mi sento|je vais|je me sens|ca va"
    r"|czuje sie|jest mi|jest|mir geht|mir gehts|es geht mir|ich fuhle mich|main|mein|mujhe) )?"
    r"(?:(?:un poco|mucho|um pouco|muito|viel|etwas|bien|un po|un peu|troche|duzo|thoda) )?"
    r"(?:mejor|melhor|besser|mieux|meglio|lepiej|behtar|theek|thik)"
    r"(?: (?:hoon|hu|hun|hai|ahora|agora|jetzt|now|teraz|wirklich|de verdad|de verdade|really"
    r"|davvero|vraiment|naprawde|lag raha|lag rahi))*$"
)
# The night over, told the morning after a drunk one (a helper's chat: "hungover and
# embarrassed", "im never drinking again lol" each got "please call 999 now")
_MORNING_AFTER = re.compile(
    r"^(?:(?:ugh|so|honestly|ok|okay|omg|god|morning|hey|hi|um)\W* )*(?:(?:i am |im )?sorry"
    r" (?:about|for) (?:last night|yesterday|earlier)(?: i was (?:really |so |very )?"
    r"(?:drunk|wasted|a mess|not myself))?|(?:i am )?(?:so |really |very )?hungover"
    r"(?: and (?:so |really )?"
    r"(?:embarrassed|ashamed|tired|sad|sorry))?|(?:i am )?(?:never|not) drinking (?:like that )?"
    r"(?:again|ever again)|i was (?:just |really |so )?drunk(?: last night)?)"
    r"(?: (?:lol|lmao|haha\w*|tbh|honestly|ugh))*\W*$"
)
# Checked by a doctor after something taken ("at the hospital, they said im ok")
_CLEARED = re.compile(
    r"\b(?:doctors?|nurses?|they|the hospital|paramedics|ambulance (?:people|crew))(?: here)?"
    r" (?:said|say|says|told me|checked me and said) (?:that )?(?:i am|i will be|i am going to be"
    r"|i should be|it is|everything is|my (?:bloods|blood tests?|tests) (?:are|were)) (?:ok|okay"
    r"|fine|alright|all right|physically fine|clear|normal|going to be (?:ok|okay|fine))\b"
    r"|\b(?:got|been|was|i have been|i got) (?:checked|seen|looked at) (?:out |over )?(?:by a"
    r" doctor|at (?:the )?(?:hospital|a ?&? ?e|er|emergency))\b|\b(?:discharged|sent home from"
    r" (?:the )?(?:hospital|a ?&? ?e|er))\b"
    # "they stitched it up and sent me home", "home from the hospital" (a session-30 chat:
    # "if you haven't yet, please call 911")
    r"|\b(?:stitched|glued|bandaged|dressed|cleaned) (?:it|me|my (?:arm|wrist|leg|hand|thigh"
    r"|cut|wound)) up\b"
    r"|\bgot (?:it )?stitch(?:es|ed)\b|\b(?:sent|let) me home\b"
    r"|\b(?:i am |i m |im )?(?:back )?home (?:from|now from) (?:the )?(?:hospital|a ?&? ?e|er"
    r"|emergency)\b"
)


def feels_better(text: str) -> bool:
    """ "i'm doing a bit better today", "i'm calmer now": better, told; or the night is over
    ("sorry about last night i was really drunk", "hungover and embarrassed")."""
    return (
        _says_only(_BETTER, text)
        or _says_only(_MORNING_AFTER, text)
        or _says_only(_BETTER_ELSEWHERE, text)
    )


def medically_cleared(text: str) -> bool:
    """ "im at the hospital now. they said im ok", "got checked at a&e": looked after."""
    return _found(_CLEARED, text)


# The one at risk has gone quiet ("she's not answering her phone now"): a welfare check, not
# comfort for the person (the ninth probe's S17)
_WENT_QUIET = re.compile(
    r"\b(?:he|she|they|my friend|my ex|her phone|his phone|their phone)(?: is| are| has| have)?"
    r"(?: still| just)? (?:not (?:answering|picking up|replying|responding|reading)|stopped"
    r" (?:answering|replying|responding|reading)|gone (?:quiet|silent|offline)|(?:is |are )?off"
    r"(?:line| the grid)|went (?:quiet|silent|offline)|will not answer|won t answer|does not"
    r" answer|is off|is switched off|goes (?:straight )?to voicemail)\b"
    r"|\b(?:can not|cannot|could not) (?:reach|get hold of|get through to) (?:her|him|them|my"
    r" friend|my ex)\b|\b(?:no|not a) (?:reply|answer|response) (?:from (?:her|him|them))?\b"
)


def they_went_quiet(text: str) -> bool:
    """ "she's not answering her phone now", "cant reach him": the one at risk gone quiet."""
    return _found(_WENT_QUIET, text)


# "he's not dangerous, just persistent", "she would never hurt me": the danger talk steps
# down (the ninth probe's S16: "report the threat to the police" after that)
_NOT_DANGEROUS = re.compile(
    r"\b(?:he|she|they|my ex|it) (?:is|are|was) not (?:really |actually |at all )?(?:dangerous"
    r"|violent|a threat|threatening|aggressive|like that|that kind of (?:guy|person|girl|man"
    r"|woman))\b|\b(?:he|she|they) (?:would|will) never (?:hurt|hit|touch) me\b|\b(?:he|she|they)"
    r" (?:is|are) (?:just|only) (?:persistent|annoying|being annoying|sad|upset|crying|drunk and"
    r" sad)\b"
    # "he hasnt done anything i just dont want to see him" (a session-26 chat: asked "are you
    # safe?" again), never "he hasn't done anything yet"
    r"|\b(?:he|she|they|my ex) (?:has not|have not|did not|never) (?:done|said|threatened|tried)"
    r" (?:anything|me)(?: or anything| like that| bad)?\b(?! (?:yet|but|until|till)\b)"
)

# "she just wants her stuff back i think", "i gave her the box and shut the door": a handover
# of belongings at the door (a helper's chat: a refuge suggested after the box was given)
_HANDOVER = re.compile(
    r"\b(?:he|she|they) (?:just |only )(?:wants?|wanted|came|come|is here|was here|needed|needs)"
    r" (?:to get |for |to pick up |to collect |to grab )?(?:his|her|their|the) (?:stuff|things"
    r"|box|bag|belongings|clothes|keys|hoodie|boxes)\b"
    r"|\bi (?:just )?(?:gave|handed) (?:him|her|them) (?:the|his|her|their) (?:box|boxes|stuff"
    r"|things|bag|keys|belongings|clothes)\b"
)


def a_handover(text: str) -> bool:
    """ "she just wants her stuff back": the one at the door came for their things."""
    norm = normalize(text)
    return _HANDOVER.search(norm) is not None and mentions_harm(norm) is None


def not_dangerous(text: str) -> bool:
    """ "he's not dangerous, just persistent": no danger from them, said."""
    norm = normalize(text)
    return _NOT_DANGEROUS.search(norm) is not None and mentions_harm(norm) is None


# Words to the bot about the bot: "why do you keep saying that", "you're a bot you dont care".
_ABOUT_BOT = re.compile(
    r"\b(?:why (?:do|are) you (?:keep|always|still)?\s?(?:saying|telling|repeating|asking)"
    r"|you keep (?:saying|telling|repeating|asking)|stop (?:saying|telling me|repeating|asking)"
    r"|you (?:are|re) (?:just |only )?(?:a |an )?(?:bot|robot|machine|ai|program|computer)"
    r"|you do not (?:even )?(?:care|understand|get it)|do you (?:even |actually )?care"
    r"|you sound like a (?:robot|bot|script)|are you (?:a )?(?:real|human|a real person"
    r"|a person|a bot|a robot|ai|an ai)|is this (?:a )?(?:real person|human|bot|a bot|ai)"
    # "why do you care", "ur a bot", "did you read it" (a helper's chats: set-up's "why I ask
    # for your city" to the first, the reply to a wall of text forgotten after the last)
    r"|why (?:do|would|should) you (?:even )?care|(?:your|ur|you r) (?:just |only )?(?:a |an )?"
    r"(?:bot|robot|ai)|did you (?:even )?(?:read|see) (?:it|that|my message|my text|what i"
    r" (?:wrote|said|sent)))\b"
)
# A question for a number inside the plan: "what number do i call".
_ASKS_NUMBER = re.compile(
    r"\b(?:what|which|who)(?: number| line| helpline| hotline)? (?:do|should|can|could) i"
    r" (?:call|ring|text|dial|phone)\b|\bwhat (?:is|s) the (?:number|helpline|hotline)\b"
    r"|\bwhat number\b|\bwhich number\b|\bgive me (?:a|the) number\b"
    r"|\b(?:what|whats|what is|wetin be|which|where is|give|send|share|need|want|is there"
    r"|do you have|got)\b(?: \w+){0,4}? (?:number|numbers|hotline|helpline|crisis line|lifeline"
    r"|line to call)\b|\b(?:number|hotline|helpline)(?: \w+){0,2}? (?:do|dena|de do|please|pls"
    r"|plz|again|here|in \w+)\b|\bka number\b"
    # seventh probe: "who do i even talk to" (after the lines were given)
    r"|\bwho (?:do|should|can|could|would) i (?:even |actually |possibly )?(?:talk to|tell|go to"
    r"|contact|reach out to|turn to|report (?:it|this|him|her) to)\b"
)


# "lol its not that deep", "ur overreacting", "dont be so dramatic": played down, not an
# answer and not a joke taken back (a helper's terminal chat: it looped on "are you safe?")
_PLAYED_DOWN = re.compile(
    r"(?:(?:lol|lmao|haha+|nah|no|ok|okay|bro|omg|chill|relax|honestly|tbh|i mean|like) )*"
    r"(?:(?:(?:it|that|this) is |it was )?not (?:that|so|even that|this|really that)"
    r" (?:deep|serious|bad|dramatic|big of a deal)|(?:it is )?not a big deal|no big deal"
    r"|(?:you are|your|you) (?:over ?reacting|being (?:so )?dramatic|so dramatic"
    r"|reading (?:too much )?into it)"
    r"|(?:do not|dont) (?:be|get) (?:so )?(?:dramatic|serious|deep|worried)"
    r"|(?:you can )?relax|chill(?: out)?)"
    r"(?: (?:lol|lmao|haha+|bro|mate|fr|tbh|honestly|i am fine|i am ok|it is fine|i am good"
    r"|i promise))*"
)


# "seriously forget i said anything", "never mind", "ignore that" (a session-29 chat, after
# "i want to die. i mean it tonight": "If you haven't yet, please call 999 now")
_RETRACTS = re.compile(
    r"^(?:(?:seriously|just|ok|okay|please|pls|lol|honestly|nah|no|ugh|can you|can u) )*"
    r"(?:forget (?:i said anything|what i said|i said (?:that|it)|it|about it|that|this"
    r"|everything i said|all of it)|never ?mind|nvm|ignore (?:that|what i said|me|it|my last"
    r" message|everything i said)|pretend i (?:did not|didnt) say (?:that|anything|it)"
    # "i dont know why i even told you" (a session-37 chat: read as "not sure I'm safe")
    r"|i (?:do not|dont) know why i (?:even |ever )?(?:told|said|wrote|typed|sent) (?:you|this"
    r"|that|it|anything)(?: any of this| all this| that)?|i should not have (?:told you|said"
    r" (?:that|anything|it)|written (?:that|this|anything))|sorry i (?:said|told you|wrote)"
    r" (?:that|this|it|all that|anything))"
    r"(?: (?:lol|ok|okay|please|pls|seriously|i am fine|i am ok|it is nothing|im fine))*$"
)


def retracts(text: str) -> bool:
    """ "forget i said anything", "never mind": what was said, taken back."""
    return _says_only(_RETRACTS, text)


# "im going to bed", "gonna sleep now", "goodnight": the night, with nobody said to be there
_TO_BED = re.compile(
    r"^(?:(?:ok|okay|anyway|well|so|right|i think|fine|lol) )*(?:i am |im )?(?:going to|gonna"
    r"|off to|heading to|about to|going) (?:bed|sleep|go to bed|go to sleep|try to sleep|try"
    r" and sleep|head to bed)(?: now| soon| then)?(?: (?:night|goodnight|gn|bye))*$"
    r"|^(?:ok |okay |anyway )?(?:goodnight|good night|night|gn|nighty night)$"
)


def to_bed(text: str) -> bool:
    """ "im going to bed", "gonna try to sleep", "goodnight": the night, on their own."""
    return _says_only(_TO_BED, text)


# "ok. maybe ill make tea", "gonna take a bath", "might put a film on": a small kind thing for
# the next hour, told (a session-33 chat: read as "I'm not sure", the lines again)
_SMALL_COMFORT = re.compile(
    r"^(?:(?:ok|okay|yeah|yes|hmm|um|fine|alright|right|so|then)\W* )*(?:(?:maybe|i think|prob"
    r"|probably|i might|might|gonna|going to|i am going to|im going to|i will|i ll|ill|ima|i ma"
    r"|let me|lemme|i can|could) )+(?:just |go |try to |try and )?(?:make|have|get|drink|brew)"
    r"(?: (?:a|some|myself a|myself some|me a|me some|a cup of|a mug of|a hot))?"
    r" (?:tea|cuppa|cup of tea|hot chocolate|cocoa|warm milk|camomile|chamomile|herbal tea|warm"
    r" drink|hot drink)\b"
    r"|^(?:(?:ok|okay|yeah|hmm|fine|alright|so)\W* )*(?:(?:maybe|i think|gonna|going to|i am going"
    r" to|im going to|i will|i ll|ill|i might|might|let me) )+(?:go )?(?:take|have) a (?:bath"
    r"|shower|hot shower|warm bath|walk|short walk)\b"
    r"|^(?:(?:ok|okay|yeah|hmm|fine|alright|so)\W* )*(?:(?:maybe|i think|gonna|going to|i will"
    r"|i ll|ill|i might|might|let me) )+(?:put on|watch|listen to) (?:some |a |my )?(?:music"
    r"|film|movie|show|comfort show|something|netflix|playlist|podcast)\b"
)


def small_comfort(text: str) -> bool:
    """ "ok. maybe ill make tea": a small, kind step for the next while, told."""
    norm = normalize(text)
    return len(norm.split()) <= 14 and _SMALL_COMFORT.search(norm) is not None


# Back in the talk after a silence: "sorry. i'm back", "im here again", "sorry i went quiet"
_BACK_IN_TALK = re.compile(
    r"(?:(?:sorry|soz|sry|ok|okay|hi|hey|um|so|yeah)\W* )*(?:(?:i am|im) )?(?:back|here again"
    r"|back again|back now|still here|here)(?: (?:now|again|sorry))*"
    r"|(?:(?:sorry|soz|sry) )?(?:i )?(?:went quiet|was gone|disappeared|dropped off|fell asleep"
    r"|had to go|left for a bit|was away)(?: (?:for a bit|for a while|there|sorry))*"
)


def back_in_talk(text: str) -> bool:
    """ "sorry. i'm back", "sorry i went quiet": back after a silence, nothing else said."""
    return _says_only(_BACK_IN_TALK, text)


# Something small and kind done, or a safer place reached, told after it ("i went for a walk",
# "i'm in my room now", "had a shower", "drank some water"; a session-34 chat: "please don't
# wait this out alone" to each)
_STEP_DONE = re.compile(
    r"^(?:(?:ok|okay|so|yeah|yes|um|well|fine|alright|sorry|i mean)\W* )*(?:i )?(?:just |finally"
    r" |actually )?(?:(?:went|been|was) (?:for|on) a (?:short |long |little |quick )?walk"
    r"|(?:went|been|was|walked|stepped|am|got) (?:outside|out for some air|out for a bit|out"
    r" on the balcony for air)"
    r"|(?:had|took|have had|have taken) a (?:hot |warm |cold |quick )?(?:shower|bath)"
    r"|(?:had|made|drank|have had|made myself|got) (?:a |some |myself a |myself some )?(?:cup of"
    r" )?(?:tea|water|glass of water|hot chocolate|cocoa|warm milk|something to eat|food|toast"
    r"|soup|a snack|snack)"
    r"|(?:ate|have eaten) (?:something|a bit|some food|some toast)"
    r"|(?:washed|splashed) (?:my face|cold water on my face)"
    r"|(?:am|got|went|went back|came back) (?:in|into|to) (?:my )?(?:room|bed|bedroom|living room"
    r"|kitchen|the kitchen|the living room|the lounge|lounge|the couch|couch|the sofa|sofa)"
    r"|(?:am|am lying|am sitting|am curled up) (?:in|on) (?:my )?(?:bed|the couch|couch|the sofa"
    r"|sofa|the floor|my room)"
    r"|(?:put|turned|have put) (?:on )?(?:some |my )?(?:music|a show|the tv|a film|a movie"
    r"|my playlist|a podcast)(?: on)?"
    r"|(?:did|tried|have done|finished) (?:the |that )?(?:breathing|the exercise|exercise"
    r"|5 4 3 2 1|54321|grounding)(?: thing| exercise)?)"
    r"(?: (?:now|again|already|for a bit|for a while|for a minute|like you said|it helped a bit"
    r"|and came back|then|earlier|just now|around the block))*\W*$"
)


def step_done(text: str) -> bool:
    """ "i went for a walk", "i'm in my room now": a small, kind step taken, told."""
    return _says_only(_STEP_DONE, text)


# Still heavy after a step or an exercise: "still feel shit though", "it's not working",
# "didn't help", "im still shaking" (a session-34 chat: the recycled "call now" line each time)
_STILL_HEAVY = re.compile(
    r"^(?:(?:but|and|ok|okay|yeah|yes|um|well|honestly|tbh|still|i mean)\W* )*(?:(?:i )?still"
    r" (?:feel|feeling|am) (?:like )?(?:shit|crap|bad|awful|terrible|horrible|the same|rubbish"
    r"|so bad|really bad|empty|numb|sick|heavy|shaky|panicky|the same way)"
    r"|(?:i am |im )?still (?:shaking|crying|panicking|trembling|shaky|spiralling|spiraling)"
    r"|(?:it is |its |this is )?(?:not|no|nothing is) (?:working|helping)"
    r"|(?:it |that |this |the breathing |the exercise |walking |the walk )?(?:did not|does not"
    r"|has not|is not) (?:help|helping|helped|work|working|do anything|change anything)"
    r"|(?:i )?(?:do not|did not) feel (?:any )?(?:better|different)|nothing (?:helps|works"
    r"|changed)|(?:i am |im )?not (?:any )?better)"
    r"(?: (?:though|tho|really|at all|yet|still|honestly|tbh|either|much|now|sorry))*\W*$"
)


def still_heavy(text: str) -> bool:
    """ "still feel shit though", "it's not working": the step taken, and still heavy."""
    return _says_only(_STILL_HEAVY, text)


# "i just want it to stop", "i want the pain to stop", "make it stop": the pain, said alone
# (a session-36 chat, pills lined up: the recycled "the most important thing right now is a
# person"); with "i won't do it" it is a promise (promised_pain), read before this
_WANTS_IT_TO_STOP = re.compile(
    r"^(?:(?:i|and|but|ok|okay|please|honestly|tbh|just|i mean|idk|no)\W* )*(?:i )?(?:just )?"
    r"(?:want|need|wanted|wish)(?: for)? (?:it|this|the pain|everything|all of it|it all|the"
    r" hurt|the thoughts|my head|the noise) (?:all )?to (?:stop|end|go away|be over|be quiet|shut"
    r" up)(?: hurting)?|(?:please )?(?:just )?make (?:it|this|the pain|everything|it all) stop"
    r"(?: (?:now|please|already|so bad|that is all|thats all|honestly|tbh))*\W*$"
)


def wants_it_to_stop(text: str) -> bool:
    """ "i just want it to stop", "make it stop": the pain, wanting it over, said alone."""
    return _says_only(_WANTS_IT_TO_STOP, text)


# Not wanting to wake or worry the person near: "i dont want to wake her", "i dont want to
# worry my mum", "she'll be so mad", "i cant wake him up" (a session-36 chat: the recycled
# "please don't wait this out alone")
_WONT_WAKE = re.compile(
    r"\b(?:i )?(?:do not|dont|can not|cant|could not|will not|really do not) (?:want to |wanna"
    r" |bear to |go and )?(?:wake|worry|scare|bother|burden|upset|stress|freak out)"
    r" (?:her|him|them|my (?:mom|mum|mother|dad|father|parents|sister|brother|roommate|flatmate"
    r"|housemate|partner|friend|nan|gran|grandma|aunt|auntie|uncle))\b"
    r"|\b(?:she|he|they) (?:will|would|is going to|are going to|ll) (?:be|get) (?:so |really )?"
    r"(?:mad|angry|upset|scared|worried|annoyed|freaked out)\b"
    r"|\b(?:she|he|they) (?:has|have) (?:work|an early shift|school|enough on)"
)


def wont_wake_them(text: str) -> bool:
    """ "i dont want to wake her", "she'll be so worried": not wanting to trouble them."""
    return _found(_WONT_WAKE, text)


# The wound looked after, told: "ill put a bandage on", "cleaned it and put a plaster on"
_WOUND_TENDED = re.compile(
    r"\b(?:put|putting|will put|am putting|going to put|gonna put|got|used|have put|stuck)"
    r" (?:a |some |on a |on some )?(?:bandage|plaster|band aid|bandaid|dressing|gauze|steri"
    r" strips?)|\b(?:cleaned|washed|am cleaning|will clean|cleaning) (?:it|the cut|the wound"
    r"|my arm|my wrist|my leg)\b|\b(?:bandaged|wrapped|covered) (?:it|the cut|my arm|my wrist"
    r"|my leg)\b"
)


def wound_tended(text: str) -> bool:
    """ "ill put a bandage", "cleaned it": the wound cared for, nothing worse said."""
    return _found(_WOUND_TENDED, text) and not _found(_BLEEDING_WORSE, text)


# The plan shown back, kept: "done", "saved it", "took a screenshot" (a session-34 chat: "done"
# got "the most important thing right now is a person")
_PLAN_SAVED = re.compile(
    r"(?:(?:ok|okay|yeah|yes|yep|alright|cool|great|thanks|thank you|ty)\W* )*(?:i )?(?:have )?"
    r"(?:done|did it|saved(?: it)?|screenshotted(?: it)?|screenshot(?:ted)?|took a screenshot"
    r"|copied(?: it)?|wrote it down|got it|noted|will do|will save it|saving it|sent it to"
    r" (?:my |a )?\w+)(?: (?:now|thanks|thank you|ty|already))*"
)


# No plan of their own yet, said after the calm reply that offers one ("no i dont have a
# plan", "dont have one"; a session-44 play-test: read as "no, I'm not safe")
_NO_PLAN_YET = re.compile(
    r"(?:(?:no|nope|nah|um+|well|honestly|not really)\W* )*(?:i )?(?:do not|dont|don t|never)"
    r" (?:really )?(?:have|had|made|got) (?:a |one|any)?(?: ?(?:safety )?plans?)?(?: (?:yet|tbh"
    r"|really|like that|for that))*"
    r"|(?:(?:no|nope|nah)\W* )*(?:no|not a|never had a) (?:safety )?plan(?: yet)?"
)


def has_no_plan_yet(text: str) -> bool:
    """ "no i dont have a plan", "dont have one", the whole reply: no safety plan yet, said
    once safe under the offer of one (no_plan reads "no plan" to act, after a gentle check)."""
    return _says_only(_NO_PLAN_YET, text)


def plan_saved(text: str) -> bool:
    """ "done", "saved it", "ok", "thanks", once the plan was shown back: kept."""
    return _says_only(_PLAN_SAVED, text) or is_plain_ok(text)


# At a height now, or on the way to one: "i'm on the roof", "i went for a walk to the bridge",
# "standing at the edge" (a session-34 chat: "i went for a walk to the bridge" and "it would be
# so quick", on a roof, each got a recycled "please call now" line, never "step back")
_AT_A_HEIGHT = re.compile(
    r"\b(?:i am|im|am|standing|sitting|stood|sat|still|i am still|currently|i went|went|i walked"
    r"|walked|i drove|drove|i climbed|climbed|i got|got|heading|going|on my way)(?: (?:for a walk"
    r"|for a drive|out|up|back|right))*"
    r" (?:on|at|to|onto|up to|up on|over|by|near|towards|toward|on top of|at the top of|at the"
    r" edge of|out on) (?:the |a |my |our |this )?(?:roof|rooftop|ledge|bridge|edge|railing"
    r"|cliff|cliffs|tracks|train tracks|railway|top floor|balcony ledge|overpass"
    r"|car park roof|parking garage roof|top of the (?:building|car park|parking garage))\b"
    r"(?! (?:club|party|game|of (?:giving|my (?:sanity|patience|rope|tether)|sanity|tears"
    r"|breaking|a breakdown|reason|the world)))"
    r"|\b(?:looking|staring|peering) (?:straight )?down (?:from|at the (?:water|street|road"
    r"|tracks|ground))\b"
    # "sim to sozinha aqui em cima", "estoy en la azotea" (a helper's chat, session 36: "keep
    # going if you'd like")
    r"|\b(?:aqui em cima|no (?:telhado|terraco|parapeito)|na ponte|en (?:el|la) (?:techo|azotea"
    r"|puente|cornisa)|aqui arriba|sa (?:bubong|tulay|rooftop))\b"
)
_TOO_EASY = re.compile(
    r"\b(?:it |that )?would be (?:so |really |too |very )?(?:quick|easy|fast|simple)\b"
    r"|\b(?:just|only) (?:one|a) (?:step|jump|second)\b|\bso (?:easy|quick|close)\b"
    # "its high enough" (a helper's chat, session 36, on the bridge near their flat)
    r"|\b(?:it is|its|it s|this is|that is)? ?(?:high|tall|far down|far) enough\b"
)


# An engine running in a closed space, told ("sitting in my car in the garage with the engine
# running": a session-37 chat never heard "turn it off and get out")
_ENGINE_RUNNING = re.compile(
    r"\b(?:engine|car|motor|generator)(?: is| s)? (?:still )?(?:running|on)\b(?=.{0,80}"
    r"\b(?:garage|shed|closed|inside|shut|door down|doors shut)\b)|\b(?:garage|shed)\b.{0,80}"
    r"\b(?:engine|motor|generator)(?: is| s)? (?:still )?(?:running|on)\b|\bexhaust\b.{0,40}"
    r"\b(?:hose|pipe|tube|window)\b"
)


def engine_running(text: str) -> bool:
    """An engine running in a closed space, told: turn it off and get out, first."""
    return _found(_ENGINE_RUNNING, text)


# A height asked about in the talk ("whats the tallest bridge near me", "how high does a
# building have to be"; a helper's chat, session 41, after a dose asked: "Nothing you say
# here has to be tidy"): a means searched for
_ASKS_HEIGHT = re.compile(
    r"\b(?:tallest|highest|biggest|high|tall) (?:bridge|bridges|building|buildings|cliff|cliffs"
    r"|roof|rooftop|rooftops|car park|parking garage|parking structure|tower|overpass|flyover)"
    r"(?:s)?\b(?: \w+){0,3}? (?:near|around|close to|in|nearby|here)\b"
    r"|\bhow (?:high|tall|far down|far)\b(?: \w+){0,5}? (?:bridge|building|cliff|roof|fall|drop"
    r"|floor|storey|story|stories|storeys)\b"
    r"|\b(?:any|nearest|closest|a high|where (?:is|are) (?:the|a)) (?:bridges?|cliffs?|rooftops?"
    r"|tall buildings?) (?:near|around|close to) (?:me|here)\b"
    r"|\b(?:would|does|do|could) (?:a|the) (?:fall|drop) (?:kill|be enough|be fatal)\b"
)


# Missing the ex, said in the talk ("ok english. i miss him so much", "tô com muita saudade
# dele"; a helper's chat, session 41: "please call 112 now", the recycled line)
_MISSING_TOLD = re.compile(
    r"^(?:(?:ok|okay|ok so|so|and|but|honestly|i just|just|god|ugh|english|ok english) )*i"
    r" (?:just |really |still |so |miss |do |actually )*miss (?:him|her|them|my ex|us|what we had"
    r"|the old us)(?: so much| so bad| so badly| a lot| like crazy| too much| already| tonight"
    r"| right now| still)*$"
    r"|^(?:(?:ok|so|and|but|honestly|ugh) )*(?:i am |im |i m )?(?:just )?missing (?:him|her|them"
    r"|my ex)(?: so much| so bad| a lot| tonight| right now)*$"
    r"|\b(?:lo|la) extrano (?:mucho|demasiado|tanto)\b|\b(?:to|estou|tou) com (?:muita |tanta )?"
    r"saudade (?:dele|dela)\b|\b(?:il|elle) me manque\b|\bich vermisse (?:ihn|sie)\b"
    r"|\bmiss (?:kar|karti|karta) (?:rahi|raha) (?:hu|hoon|hun)\b"
)


def misses_them(text: str) -> bool:
    """ "i miss him so much", in the talk: the missing itself, told."""
    return _found(_MISSING_TOLD, text)


def asks_about_height(text: str) -> bool:
    """ "whats the tallest bridge near me": a height searched for, in the talk."""
    return _found(_ASKS_HEIGHT, text)


def at_a_height(text: str) -> bool:
    """ "i'm on the roof", "went for a walk to the bridge": at a height, or going to one."""
    return _found(_AT_A_HEIGHT, text)


# "i dont want to climb down yet", "not coming down": staying at the height (a note's list,
# session 37: "It sounds like it keeps piling up")
_STAYS_UP = re.compile(
    r"\b(?:do not|dont|don t|not|never) (?:really )?(?:want|wanna|ready|going|gonna)(?: to)?"
    r" (?:climb|come|get|go|step|move) (?:down|back|off|inside|in)\b"
    r"|\b(?:not|never|am not|im not|i am not) (?:coming|climbing|getting|going) (?:down|back"
    r"|off|inside|in)\b|\b(?:staying|stay|sitting|stopping) (?:up )?(?:here|there)\b"
    r"|\b(?:i )?like it up here\b|\b(?:can not|cant|can t) (?:make myself )?(?:climb|come|get"
    r"|step|move) (?:down|back|off)\b"
)


def stays_up(text: str) -> bool:
    """ "i dont want to climb down yet": staying where the drop is."""
    return _found(_STAYS_UP, text)


def too_easy(text: str) -> bool:
    """ "it would be so quick", "just one step": the pull of the height they are at."""
    return _found(_TOO_EASY, text)


# "ok its slowing down i think", "stopped bleeding": the wound, easing
_BLEEDING_EASES = re.compile(
    r"\b(?:it is|it|the bleeding is|bleeding is|blood is|the blood is|it has|bleeding has)"
    r"(?: (?:already|finally|kinda|kind of|mostly|sort of))? (?:slowing|slowed|stopped|stopping"
    r"|easing|eased)(?: down)?\b|\b(?:not bleeding|stopped bleeding|bleeding stopped)"
    r"(?: (?:any ?more|as much|now))?\b"
)


def bleeding_eases(text: str) -> bool:
    """ "ok its slowing down i think", "it stopped bleeding": the wound easing, told."""
    return _found(_BLEEDING_EASES, text) and not _found(_BLEEDING_WORSE, text)


_BLEEDING_WORSE = re.compile(r"\b(?:started again|again now|worse|will not stop|not stopping)\b")


def plays_it_down(text: str) -> bool:
    """ "lol its not that deep", "ur overreacting": the worry played down, nothing else."""
    return _says_only(_PLAYED_DOWN, text)


# "he still has a key", "she kept my spare key", "he can just let himself in": danger with
# a way in; the lock is what matters (a helper's terminal chat: never said)
_HAS_A_KEY = re.compile(
    r"\b(?:he|she|they|my ex|ex)(?: (?:still|also|even|probably|definitely|might|must|has|have))*"
    r" (?:has|have|got|kept|keeps|took|copied|made a copy of)"
    r" (?:a |my |the |our |a spare |my spare |the spare |a copy of (?:my |the )?)?(?:key|keys)\b"
    r"|\b(?:he|she|they) (?:can|could|has been|have been|keeps) (?:just )?(?:letting|let)"
    r" (?:himself|herself|themselves|themself) in\b"
)


# "my sister is coming", "my friend's on her way": someone trusted reached and on the way, on
# the danger path (a helper's chat: "she's coming" after "i texted my sister" ended the talk;
# a bare "he's coming" may be the one feared, and is not read here)
_HELPER_COMING = re.compile(
    r"\b(?:my )?(?:sister|brother|mum|mom|mother|dad|father|friend|best friend|bestie|bff"
    r"|neighbou?r|roommate|flatmate|housemate|cousin|aunt|auntie|uncle|nan|grandma|grandpa"
    r"|boss|coworker|colleague)(?: and \w+)? (?:is|s|are)(?: already| now| finally)?"
    r" (?:coming|on (?:her|his|their|the) way|driving over|coming over|picking me up"
    r"|coming to get me|getting me|here)\b"
)
# In a talk about their own pain, after someone near was named: "she's up. making tea", "she
# said shes coming over" (a session-28 chat: "Let me know when someone is with you", then
# "please call 911 now"). Never in a talk about danger, where "he's here" is the danger.
_WITH_THEM = re.compile(
    # "ok i went and woke her up", "i woke my mum" (a session-36 chat: "if you haven't yet,
    # please call 911 now")
    r"\bi (?:went and |just |finally |have )?(?:woke|waked|got) (?:her|him|them|my (?:mom|mum"
    r"|dad|sister|brother|roommate|flatmate|housemate|partner|parents|nan|gran)) up\b"
    r"|\bi (?:went and |just |finally )?woke (?:my )?(?:mom|mum|dad|sister|brother|roommate"
    r"|flatmate|housemate|partner|parents|nan|gran)\b"
    # "she answered. shes coming over" (a session-37 chat: "please don't wait this out alone")
    r"|^(?:(?:ok|okay|yeah|yes|omg)\W* )*(?:(?:she|he|they) (?:answered|replied|texted back"
    r"|called back|picked up)\W* )?(?:she|he|they) (?:is|s|are) (?:up|awake|here|with me|coming"
    r"|on (?:her|his|their|the) way|coming over)\b|\b(?:she|he|they) said (?:she|he|they)"
    r" (?:is|s|are|will be|would be|will) (?:coming|come|coming over|on (?:her|his|their) way"
    r"|here soon|over)\b"
)


def someone_with_them(text: str) -> bool:
    """ "she's up. making tea": the person they were asked to reach is with them, or coming
    (read only after that ask: "he's here" is otherwise no one they reached)."""
    return _found(_WITH_THEM, text)


def helper_coming(text: str) -> bool:
    """ "my sister is coming", "my friend's on her way": someone trusted on the way."""
    return _found(_HELPER_COMING, text)


def has_a_key(text: str) -> bool:
    """ "he still has a key": someone who frightens them can get in."""
    return _found(_HAS_A_KEY, text)


# "is it normal to feel like this", "am i crazy", "so is it normal or not": asked in the
# talk, answered (a helper's terminal chat: the question was met with "are you safe?" again)
_ASKS_NORMAL = re.compile(
    r"\b(?:is (?:it|this|that|feeling like this|feeling this way) (?:even |actually |really )?"
    r"(?:normal|common|okay|ok|weird)|is it normal or not|(?:it is|its) normal (?:right|though)"
    r"|normal to (?:feel|think|want|be)|am i (?:normal|crazy|mad|insane|weird|broken|being"
    r" dramatic|overreacting)|(?:does|do) (?:everyone|other people|anyone else|people)"
    r"(?: else)? (?:feel|think|get)(?: like)? (?:this|that)|(?:does|do) this happen to"
    r" (?:other people|everyone|anyone))\b"
)


def asks_if_normal(text: str) -> bool:
    """ "is it normal to feel like this": a question about the feeling, in the talk."""
    return _found(_ASKS_NORMAL, text) and mentions_harm(text) is None


def is_joking(text: str) -> bool:
    """ "jk", "i was joking": a crisis message taken back (still asked about, gently)."""
    return _says_only(_JOKING, text)


def promises_not_to(text: str) -> bool:
    """ "i wont do it", "i promise": a promise not to act, not an answer about safety."""
    return _says_only(_PROMISE, text)


def promises_but_hurts(text: str) -> bool:
    """ "i'm not going to hurt myself ok? i just want the pain to stop": a promise, and the
    pain told beside it (a helper's terminal chat: it was asked "are you safe?" four times)."""
    return _promise_then(text, _CUT_BEFORE_WANT, _PAIN_TO_STOP)


_CUT_BEFORE_WANT = re.compile(r" (?=(?:but |and )?i (?:just |only )?want )")
_CUT_BEFORE_FEELING = re.compile(r" (?=(?:but |and )?(?:i |just |only |so |really |feel |am )+)")


def _promise_then(text: str, cut: re.Pattern[str], rest: re.Pattern[str]) -> bool:
    """A promise not to act ("no i wont do anything"), and after it, at a place `cut` finds,
    what `rest` reads as a whole ("i just want the pain to stop", "i just feel sick")."""
    norm = normalize(text).strip()
    return any(
        _PROMISE.fullmatch(norm[: at.start()]) and rest.fullmatch(norm[at.end() :])
        for at in cut.finditer(norm)
    )


# "... i just feel sick", "... just tired of everything", after the promise: how heavy it is,
# not a plan (a helper's chat, session 38: the leading "no" read as "not safe", "call now")
_FEELS_HEAVY = re.compile(
    r"(?:but |and )?(?:i am |i )?(?:just |only )?(?:feel |feeling |am )?(?:so |really |very )?"
    r"(?:sick|tired|exhausted|empty|numb|awful|shit|like shit|crap|low|sad|drained|worn out"
    r"|heavy|hopeless|lonely|broken)(?: (?:of|with) (?:everything|it all|this|all this|all of"
    r" this|life))?(?: (?:tbh|honestly|lol|rn|right now|tonight))*"
)


def promises_but_heavy(text: str) -> bool:
    """ "no i wont do anything. i just feel sick": a promise, and how heavy it is beside it."""
    return _promise_then(text, _CUT_BEFORE_FEELING, _FEELS_HEAVY)


def clarifies_not_harm(text: str) -> bool:
    """ "not like that", "i mean no contact is too hard": they did not mean harm."""
    reply = normalize(text)
    return len(reply.split()) <= 25 and _CLARIFIED.search(reply) is not None


_LEADING_NO = re.compile(r"^\W*(?:no|nah|nope|nein|non)\b")


def only_clarifies(text: str) -> bool:
    """A clarification and nothing else: "no not like that", "im not in danger i was just
    venting", "false alarm". Not when the rest still speaks of harm ("not like that, but i
    took some pills") or says they are not safe."""
    if not clarifies_not_harm(text):
        return False
    rest = _LEADING_NO.sub(" ", _CLARIFIED.sub(" ", normalize(text)))
    rest = _ORDINARY_ESCAPE.sub(" ", rest)
    return mentions_harm(rest) is None and read_safety_answer(rest) != "unsafe"


# "i just want to disappear from school", said with "not literally": a place to get away from
# (a helper's chat, after an image of her was shared: "call 911 right now")
_ORDINARY_ESCAPE = re.compile(
    r"\b(?:i )?(?:just )?(?:want|wanna|wanted) to (?:disappear|vanish|hide|run away) from"
    r" (?:school|work|class|uni|college|the office|everyone there|social media|the internet"
    r"|the group ?chat|this town)\b"
)


# "i pressed that by accident", "wrong button lol", "misclick, im fine": the 🚨 button
# tapped by mistake
_MISTAKEN_TAP = re.compile(
    r"\b(?:(?:pressed|hit|tapped|clicked|touched|pushed)(?: on)? (?:it|that|this|that one|sos"
    r"|the (?:\w+ )?(?:button|one)|the wrong (?:one|button))(?: by (?:mistake|accident)"
    r"| accidentally| without meaning to)|accidentally (?:pressed|hit|tapped|clicked|touched"
    r"|pushed)|mis ?click\w*|mis ?tap\w*|fat finger\w*|wrong button|did not mean to (?:press"
    r"|tap|click|hit) (?:it|that|this|the button))\b"
)


def _nothing_else_of_harm(norm: str, *said: re.Pattern[str]) -> bool:
    """Whether `norm`, with what each of `said` matched taken out in turn, says nothing of
    harm or of not being safe."""
    for pattern in said:
        norm = pattern.sub(" ", norm)
    return mentions_harm(norm) is None and read_safety_answer(norm) != "unsafe"


def mistaken_tap(text: str) -> bool:
    """ "i pressed that by accident, im safe": the button tapped by mistake, and nothing else
    said of harm or of not being safe (a helper's chat: read as pills taken "by accident")."""
    norm = normalize(text)
    # "i was never unsafe btw" taken out too
    return _MISTAKEN_TAP.search(norm) is not None and _nothing_else_of_harm(
        norm, _MISTAKEN_TAP, _NEVER_UNSAFE
    )


# "/sos", then "i'm ok i just wanted to see what that does" (a session-34 chat: "a little
# while ago you told me something that worried me"): trying the button or the command out
_JUST_TESTING = re.compile(
    r"\b(?:(?:just )?(?:wanted|want|wanna) to (?:see|check|know|test|try) (?:what|how)"
    r" (?:that|it|this|the (?:button|command)|sos) (?:does|did|do|works|looks|says)"
    r"|(?:i was |i am |was |am )?(?:just )?(?:testing|trying it out|trying it|trying out)"
    r"(?: (?:it out|it|the bot|the button|the command|sos|you|what it does))?"
    r"(?= *$| (?:lol|haha|sorry|thanks|x)\b)"
    r"|curious (?:what|how) (?:it|that|this|the (?:button|command)) (?:does|did|works|looks)"
    r"|was (?:just )?curious(?= *$| (?:lol|haha|sorry|thanks|x)\b))\b"
)


def just_testing(text: str) -> bool:
    """ "i'm ok, i just wanted to see what that does": the button or /sos tried out, and
    nothing said of harm or of not being safe."""
    norm = normalize(text)
    return _JUST_TESTING.search(norm) is not None and _nothing_else_of_harm(norm, _JUST_TESTING)


# After a call to a line: it did not lift it ("they were nice but it didn't really help"; a
# session-34 chat got "please call 999 now")
_CALL_NOT_ENOUGH = re.compile(
    r"\b(?:(?:it|that|the call|talking|they|she|he) )?(?:did not|does not|didnt|doesnt|not)"
    r" (?:really |much |actually |even )?help(?:ed)?\b|\b(?:it|that|the call) (?:did not|didnt)"
    r" (?:do|change|fix) (?:much|anything|a thing)\b|\b(?:they|she|he) (?:were|was) (?:nice|kind"
    r"|lovely|ok|okay) but\b|\bstill feel (?:the same|the exact same|just as bad)\b"
)


def call_not_enough(text: str) -> bool:
    """ "they were nice but it didn't really help", after a line was called."""
    return _found(_CALL_NOT_ENOUGH, text) and mentions_harm(text) is None


# Hope asked for in the talk ("can you just tell me it gets better"; a session-34 chat got the
# FAQ's "there's no fixed date"): said plainly, with tonight kept in view
_ASKS_FOR_HOPE = re.compile(
    r"\b(?:tell me|promise me|say|swear) (?:that )?(?:it|things|this|life) (?:gets|will get"
    r"|does get|is going to get|get) (?:better|easier)\b|\b(?:will|does) (?:it|this|life"
    r"|anything) (?:ever )?(?:get|gets) (?:better|easier)\b|\bwill i (?:ever )?(?:feel|be)"
    r" (?:ok|okay|better|normal"
    r"|happy|alright|myself) again\b|\bis there (?:any )?hope\b"
)


def asks_for_hope(text: str) -> bool:
    """ "can you just tell me it gets better", "will i ever feel normal again"."""
    return _found(_ASKS_FOR_HOPE, text) and mentions_harm(text) is None


def about_the_bot(text: str) -> bool:
    """ "why do you keep saying that", "you're a bot": said to the bot, about the bot."""
    return _found(_ABOUT_BOT, text)


def asks_for_number(text: str) -> bool:
    """ "what number do i call": a question for the lines, not an answer to the plan."""
    return _found(_ASKS_NUMBER, text)


# "should i call the police": yes, now.
_CALL_POLICE = re.compile(
    r"\b(?:should|shall|can|do) i (?:call|ring|phone|dial|get) (?:the )?(?:police|cops|911|999"
    r"|112|000|emergency|emergency services|an ambulance|ambulance)\b"
)
# "should i go" (to meet them), "should i open the door": about meeting the one who hurt them.
_MEET_THEM = re.compile(
    r"\b(?:should|shall|can|could) i (?:go(?! to (?:the |a |my )?(?:police|cops|station|hospital"
    r"|doctors?|gp|friends?|mums?|moms?|sisters?|brothers?|parents|family))"
    r"|meet (?:him|her|them|up)|see (?:him|her|them)|go and"
    r" see (?:him|her|them)|talk to (?:him|her|them)|let (?:him|her|them) in|open the door"
    r"|answer the door|open it|answer it|let (?:him|her|them) talk|go out(?:side)?|go over"
    r"|go down|go to (?:him|her|them|the door))\b|\bis it (?:safe|ok|okay|a good idea) to"
    r" (?:go|meet|see|let (?:him|her|them) in|open the door)\b"
)


# "can you just talk to me", "stay with me", "don't leave": company asked for, given
_TALK_TO_ME = re.compile(
    r"\b(?:can|could|will|would) you (?:just |please )?(?:talk (?:to|with) me|stay(?: with me)?"
    r"|keep talking(?! (?:to|with) (?:him|her|them|my ex))|be here|chat)"
    r"|\b(?:just |please )?(?:talk to me|stay with me"
    r"|keep talking(?! (?:to|with) (?:him|her|them|my ex))"
    r"|do not (?:leave|go)|please do not go|i just want to talk|i need (?:someone|somebody) to"
    r" talk to|i just need to talk)\b"
    # "i want to talk to someone but my family doesnt know": a person to talk to (a line)
    r"|\bi (?:just )?(?:want|need|wish i had|wish i could) (?:to )?(?:talk|speak|vent) (?:to|with)"
    r" (?:someone|somebody|a person|a real person)\b"
)


def asks_for_company(text: str) -> bool:
    """ "can you just talk to me", "stay with me": they want company now."""
    return _found(_TALK_TO_ME, text)


# "im in canada", "i live in manchester", "from the uk": where they are, said in the talk
_PLACE_SAID = re.compile(
    # said in the languages we cover ("sono in italia", "estoy en mexico", "to em sao paulo")
    r"^(?:sono|vivo|abito|estoy|estou|moro|je suis|j habite|je vis|ich bin|ich wohne"
    r"|ich lebe|jestem|mieszkam|nasa|andito ako|to|eu to|eu estou|eu moro|eu vivo)"
    r" (?:in|en|em|au|aux|a|in der|im|w|sa|no|na|nos|nas) "
    r"(?P<place2>[a-z][a-z .,'-]{1,40})$"
    r"|^(?:(?:actually |no |sorry |but )*(?P<verb>i am|we are|i live|i am living|living"
    r"|currently|based|i am based|i am staying|staying|i am from|i am visiting|visiting|i am now"
    r"|now|i moved|i am actually) )?(?P<prep>in|from|to) (?P<place>[a-z][a-z .,'-]{1,40})$"
)
# First names that are also places: said alone, they are a person to call.
_NAME_PLACES = frozenset(
    [
        "sydney",
        "florence",
        "paris",
        "austin",
        "dallas",
        "jordan",
        "chelsea",
        "georgia",
        "victoria",
        "charlotte",
        "madison",
        "savannah",
        "phoenix",
        "brooklyn",
        "india",
        "eden",
        "hope",
        "kemi",
        "adelaide",
        "regina",
        "santiago",
        "alexandria",
        "lincoln",
        "orlando",
        "camden",
        "kingston",
        "milan",
    ]
)
_COUNTRY_ALIASES = {
    "uk": "GB",
    "the uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "reino unido": "GB",
    "inglaterra": "GB",
    "philippines": "PH",
    "pilipinas": "PH",
    "italia": "IT",
    "francia": "FR",
    "frankreich": "FR",
    "alemania": "DE",
    "deutschland": "DE",
    "germania": "DE",
    "allemagne": "DE",
    "espana": "ES",
    "spanien": "ES",
    "spagna": "ES",
    "espagne": "ES",
    "estados unidos": "US",
    "eeuu": "US",
    "brasil": "BR",
    "polska": "PL",
    "mexiko": "MX",
    "messico": "MX",
    "mexique": "MX",
    "italien": "IT",
    "italie": "IT",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "the usa": "US",
    "us": "US",
    "the us": "US",
    "america": "US",
    "the states": "US",
    "uae": "AE",
    "the philippines": "PH",
}


# Where someone is in a home or a day, and being alone, in the languages the talk reads: never
# a country ("estoy en casa" was Chas, India; "estoy en el baño" El Banco, Colombia; "estou no
# banheiro" Barreiro, Portugal; "sola" a person to reach: a helper's chats, session 39)
_NOT_A_PLACE = re.compile(
    r"(?:(?:the|my|a|el|la|mi|mis|o|a|minha|meu|le|ma|mon|der|die|das|dem|meiner|meinem|il|la"
    r"|mia|mio|ang|sa|aking) )?(?:home|house|flat|apartment|room|bedroom|bathroom|kitchen|toilet"
    r"|loo|bed|car|work|office|school|street|shower|closet|wardrobe|hallway|garden|basement"
    r"|casa|bano|banho|banheiro|cuarto|habitacion|recamara|cocina|cama|coche|carro|auto|calle"
    r"|trabajo|oficina|escuela|quarto|cozinha|trabalho|escola|rua|maison|salle de bain|toilettes"
    r"|cuisine|chambre|lit|voiture|boulot|travail|ecole|rue|hause|zuhause|bad|badezimmer|kuche"
    r"|zimmer|schlafzimmer|bett|auto|arbeit|schule|strasse|bagno|camera|cucina|letto|macchina"
    r"|lavoro|scuola|bahay|kwarto|banyo|kusina|kama|kotse|trabaho|eskwela|ghar|kamra|kamre"
    r"|dom|domu|lazience|kuchni|pokoju|pracy)(?: (?:now|rn|right now|ahora|agora|maintenant"
    r"|jetzt|adesso|ngayon|abhi))?"
    r"|(?:all |tout |toute |completamente |muy )?(?:alone|sola|solo|sozinha|sozinho|seul|seule"
    r"|allein|alleine|da sola|da solo|mag isa|akela|akeli|sama)(?: (?:now|rn|ahora|agora))?"
)

# A yes or a no (in any language the talk reads), or "ok": never the name of a place.
_YES_NO_ALONE = re.compile(rf"(?:{_YES}|{_NO}|{_OK})(?: (?:{_YES}|{_NO}|{_OK}))*")


def country_named(text: str, names: dict[str, str]) -> str | None:
    """The country someone says they are in ("im in canada", "from manchester", or just
    "Canada" or "uk"), as an ISO code; None when the reply names no place we can place.
    `names` maps country names (casefolded) to codes."""
    norm = normalize(text)
    if _YES_NO_ALONE.fullmatch(norm.strip(" .,!")):
        return None  # "sim" is yes, not Sim in Russia (the sixth probe)
    said = _PLACE_SAID.match(norm)
    place = (said.group("place") or said.group("place2") if said else norm).strip(" .,")
    place = re.sub(r"^the ", "", place) if place not in names else place
    if _NOT_A_PLACE.fullmatch(place):
        return None
    known = {**names, **_COUNTRY_ALIASES}
    for name in (place, f"the {place}"):
        if name in known:
            return known[name]
    if place in _NAME_PLACES or len(place.split()) > 3:
        return None  # "sydney" alone is someone to call
    candidates = resolve_timezone(place, limit=1)
    if not candidates:
        return None
    loose = said is None or (said.group("prep") == "to" and not said.group("verb"))
    if loose and candidates[0].label.split(",")[0].casefold() != place:
        # a bare word is a place only when it is a place's very name (and "to cansada", "I'm
        # tired" in Portuguese, is not Canada)
        return None
    return country_for_zone(candidates[0].zone)


# Acting now, or leaving: "im going to do it now", "doing it", "bye", "goodbye"
_ACTING_NOW = re.compile(
    r"^(?:ok |okay |so |well )?(?:i am )?(?:going to|gonna|about to) do it"
    r"(?: now| right now| tonight)?$"
    r"|\b(?:i am )?(?:going to|gonna|about to) do it (?:now|right now)\b"
    r"|^(?:i am )?doing it(?: now)?$|\bit is not working i am (?:going to|gonna) do it\b"
    r"|^(?:bye|goodbye|bye bye|bye now|bye then|goodbye everyone|this is goodbye|bye for good"
    r"|bye forever)$"
)


# "do you tell the police if i say im suicidal", "will you call my parents": whether it is
# safe to say it here
_WHO_IS_TOLD = re.compile(
    r"\b(?:do|will|would|can|could|are) you (?:going to )?(?:tell|call|report|contact|alert"
    r"|inform|send|notify|text|ring|grass on me to|snitch)(?: \w+)? (?:the )?(?:police|cops|anyone"
    r"|anybody|someone|somebody|my (?:parents|mum|mom|dad|family|school|work|boss|doctor)"
    r"|authorities|a doctor|an ambulance|social services|999|911|112)\b"
    r"|\b(?:will|would|do) (?:the )?(?:police|cops|an ambulance) (?:come|be called|get called"
    r"|turn up|show up)\b(?=(?: \w+){0,6}? (?:if i|when i))"
)
# "please dont tell my parents", "dont tell anyone ok", said alone in the talk (a helper's
# chat: a fifteen-year-old got "who would be easiest to tell first?")
_NOT_TO_TELL = re.compile(
    r"(?:(?:please|pls|plz|but|and|ok|okay|just|um) )*(?:do not|never) tell (?:my (?:parents|mum"
    r"|mom|dad|family|school|teacher|boss)|anyone|anybody|the police|the cops)(?: about (?:this"
    r"|it|that|any of this))?(?: (?:ok|okay|please|pls|plz|lol))*"
)


def asks_who_is_told(text: str) -> bool:
    """ "do you tell the police if i say im suicidal": asking whether it is safe to say."""
    return _found(_WHO_IS_TOLD, text)


def asks_not_to_tell(text: str) -> bool:
    """ "please dont tell my parents", and nothing else."""
    return _says_only(_NOT_TO_TELL, text)


_STOP = re.compile(
    r"^(?:please |pls |just |can you |could you |ok |okay )?(?:i said )?(?:stop|stop it"
    r"|stop asking(?: me)?(?: that| this)?|quit asking|leave me alone|enough|shut up"
    r"|(?:stop|quit) asking(?: me)? (?:if|whether) i am (?:ok|okay|safe|alright|fine|good)"
    r"|(?:stop|quit) asking(?: me)? (?:if|whether) i am (?:ok|okay|safe|alright|fine) (?:all the"
    r" time|every time|already))"
    r"(?: please| pls| already| now)?$"
)


def stops_asking(text: str) -> bool:
    """ "stop", "i said stop", "stop asking me that": the questions stop."""
    return _found(_STOP, text)


def acting_now(text: str) -> bool:
    """ "im going to do it now", "bye": said in the talk, the most urgent reply."""
    return _found(_ACTING_NOW, text)


def asks_to_call_police(text: str) -> bool:
    """ "should i call the police": answered yes, with the number."""
    return _found(_CALL_POLICE, text)


def asks_to_meet_them(text: str) -> bool:
    """ "should i go", "should i open the door": asked in a talk about danger. Not a way to
    keep away from them ("should I go to the 8am service instead so I don't see them": a
    session-28 chat got "Please don't meet them alone")."""
    return _found(_MEET_THEM, text) and not _found(_AVOIDING, text)


def plans_to_avoid(text: str) -> bool:
    """ "should I go to the 8am service instead so I don't see them", "should i switch
    churches": a way to keep their distance, asked about."""
    norm = normalize(text)
    asked = _ASKED_IF.search(norm)
    return asked is not None and (
        _AVOIDING.search(norm) is not None or _FAITH_PLACE.search(norm) is not None
    )


_ASKED_IF = re.compile(r"\b(?:should|can|could|would|shall) i\b|\bis it (?:ok|okay|bad|fine)\b")
_FAITH_PLACE = re.compile(
    r"\b(?:(?:switch|change|leave|swap|move) (?:my |the |to (?:a |another |a different ))?"
    r"|go to (?:a |another |a different ))"
    r"(?:churches|church|services|service|mass|mosque|mosques|temple|temples|synagogue|parish"
    r"|congregation|small group|choir)\b"
)
_AVOIDING = re.compile(
    r"\bso (?:that )?i (?:do not|will not|would not|never|dont|wont) (?:see|run into|bump into"
    r"|have to see|meet|cross paths with) (?:him|her|them|my ex)\b|\b(?:to|so i can) (?:avoid"
    r"|dodge|miss) (?:him|her|them|my ex|seeing (?:him|her|them))\b"
    r"|\b(?:service|mass|class|session|shift|time|route|gym|church|day|one) instead\b"
)


# "my phone is at 5%": call while it still can.
_LOW_BATTERY = re.compile(
    r"\b(?:phone|battery)\b(?: \w+){0,4}? (?:\d{1,2} ?(?:%|percent\b)|(?:dying|about to die"
    r"|almost dead|nearly dead|low|going to die|gonna die)\b)|\b\d{1,2} ?(?:%|percent)"
    r"(?: battery| left)\b"
)
# "im walking", "5 min from home": on the way home, in a talk about being followed.
_ON_THE_WAY = re.compile(
    r"\b(?:i am )?(?:walking|driving|heading|going|cycling|on my way|nearly|almost) home\b"
    r"|\b\d+ ?(?:min|mins|minutes) (?:from|away from) (?:home|my (?:house|flat|place))\b"
    r"|^(?:i am )?(?:walking|driving|on the bus|on the train|outside)$"
)


def low_battery(text: str) -> bool:
    """ "my phone is at 5%": the call comes before the battery goes."""
    return _LOW_BATTERY.search(text.lower()) is not None


def on_the_way_home(text: str) -> bool:
    """ "im walking", "5 min from home": on the move, in a talk about danger."""
    return _found(_ON_THE_WAY, text)


# Means named in the talk: "i have my dads gun", "its in the closet" after it, "i have 2
# boxes" (of pills): distance from it tonight. Not "i dont have any pills".
_MEANS_AT_HAND = re.compile(
    r"\b(?<!no )(?<!not )(?<!dont have )(?<!do not have )(?<!dont have a )(?<!do not have a )"
    r"(?<!dont have any )(?<!do not have any )(?<!got rid of the )(?<!got rid of my )"
    r"(?<!gave away the )(?<!threw out the )(?<!threw away the )"
    r"(?:gun|guns|pistol|revolver|rifle|shotgun|firearm|rope|noose|belt|cord|pills|tablets"
    r"|paracetamol|tylenol|acetaminophen|ibuprofen|sleeping pills|antidepressants|insulin"
    rf"|{_BRANDS}"
    r"|blade|blades|razor|razors|knife|knives|boxes of|packets of|\d+ boxes|\d+ packets"
    r"|car exhaust|charcoal"
    # in other languages (seventh probe: "j'ai la corde", "mam tabletki")
    r"|corde|cuerda|corda|seil|sznur|pillole|pastiglie|pastillas|comprimidos|cachets|tabletten"
    r"|tabletki|leki|cuchillo|couteau|coltello|messer|noz|pistola|pistolet|cuchillas|lamette"
    r")\b(?! (?:are|is) (?:gone|locked away|with (?:my|a) \w+))"
)


# Means named in Hindi or Urdu, romanised ("pankha aur dupatta hai room mein": a fan and a
# scarf, a session-30 chat: "still right here"), Spanish and Portuguese
_MEANS_ELSEWHERE = re.compile(
    r"\b(?:pankha|pankhe|dupatta|rassi|neend ki goli\w*|goliyan|cuerda|soga|pastillas|cuchilla"
    r"|corda|comprimidos|remedios|lamina|gilete)\b(?: \w+){0,4}? (?:hai|hain|he|tengo|tenho|aqui"
    r"|aca|mere paas|room mein|kamre mein|en mi cuarto|no meu quarto)\b"
)


# The ex at risk, with the means in hand now, said without naming them ("he says he has them
# in his hand right now", "she's taking them now": a session-37 chat got "are you safe?")
_THEIR_MEANS_NOW = re.compile(
    r"\b(?:he|she|they|my ex)(?: (?:says|said|is saying|texted|wrote))?(?: (?:he|she|they))?"
    r" (?:has|have|s got|has got|is holding|are holding|s holding|is taking|are taking|s taking"
    r"|took|has taken|swallowed|is swallowing|started taking) (?:them|it|those|the lot|all of"
    r" them)\b(?: \w+){0,3}? (?:in (?:his|her|their) hands?|right now|now|already|rn"
    r"|as we speak)\b"
    r"|\b(?:he|she|they) (?:is|s|are) doing it (?:now|right now|tonight|rn)\b"
)
# "i dont know his address anymore he moved": they can still be helped (the same chat: read as
# "not sure I'm safe")
_NO_ADDRESS = re.compile(
    r"\b(?:do not|dont|don t|no longer) (?:even )?(?:know|have) (?:his|her|their|where (?:he|she"
    r"|they)) (?:new )?(?:address|lives?|live|is staying|are staying|stays|is now|are now)\b"
    r"|\b(?:he|she|they) (?:moved|has moved|have moved|moved out)\b(?! (?:on|in with me)\b)"
)


def their_means_now(text: str) -> bool:
    """The ex at risk has the means in hand, now, said without naming them."""
    return _found(_THEIR_MEANS_NOW, text)


def no_address(text: str) -> bool:
    """They do not know where the one at risk lives now."""
    return _found(_NO_ADDRESS, text)


def means_at_hand(text: str) -> bool:
    """ "i have my dads gun", "there's a rope in the garage", "i have 2 boxes": the means,
    named in the safety talk (not "i dont have any pills", "the knife is locked away")."""
    return _found(_MEANS_AT_HAND, text) or _found(_MEANS_ELSEWHERE, text)


# A weapon or means the one at risk (the ex) has, where they are: "he has a gun at his place"
# (a session-34 chat, the ex threatening suicide: read as danger at the person's own door, "lock
# the door" and the abuse lines). Not when it is aimed at the person or coming to them.
_EX_HAS = re.compile(r"\b(?:he|she|they) (?:has|have|has got|have got|got|keeps|bought|owns)\b"
                     r"|\b(?:his|her|their) (?:place|house|flat|apartment|room|car)\b")
_AIMED_AT_ME = re.compile(
    r"\b(?:me|my|us|i|here|coming|outside|door|shoot|stab|hurt|kill)\b"
)


def their_means(text: str) -> bool:
    """ "he has a gun at his place": the ex at risk has the means, told; nothing aimed at the
    person who tells it."""
    norm = normalize(text)
    if not means_at_hand(text) or _EX_HAS.search(norm) is None:
        return False
    rest = _EX_HAS.sub(" ", norm)
    return _AIMED_AT_ME.search(rest) is None


_WEAPON = re.compile(r"\b(?:guns?|rifle|shotgun|pistol|firearm|handgun|weapon|knife|knives"
                    r"|machete|blade)\b")


# Danger at its gravest, told: a weapon, a threat to kill, "if he can't have me nobody can"
# (a session-37 chat, after that and a gun in his truck: "he's not here now" got the words
# for stalking and "the police's non-emergency line")
_GRAVE = re.compile(
    r"\b(?:kill|murder|shoot|stab|strangle|end) (?:me|you|us|my (?:kids|children|family))\b"
    r"|\b(?:can not|cannot|can t|does not|do not) have me(?: \w+){0,2}? (?:nobody|no one|noone)"
    r" (?:can|will|else)\b|\b(?:choked|strangled|strangling|choking) me\b"
)


def grave_danger(text: str) -> bool:
    """A weapon or a threat to kill, told on the danger path."""
    return _found(_WEAPON, text) or _found(_GRAVE, text)


def their_weapon(text: str) -> bool:
    """ "he has a gun at his place": a weapon the ex at risk has, told."""
    return their_means(text) and _found(_WEAPON, text)


# The means cannot be put away: "i cant lock it, i dont have a key", "nowhere to put it" (a
# session-34 chat, a father's gun in the closet: the recycled "please call now" line)
_CANNOT_SECURE = re.compile(
    r"\b(?:can not|cannot|could not|can t) (?:lock|hide|move|get rid of|put away|throw away"
    r"|take out|unload|give away) (?:it|them|the \w+)\b"
    r"|\b(?:do not|dont) have (?:a|the) key\b|\bno key\b|\bnowhere (?:to|i can) (?:put|hide)"
    r" (?:it|them)\b|\bno one to give (?:it|them) to\b"
)


def cannot_secure(text: str) -> bool:
    """ "i cant lock it, i dont have a key": the means named cannot be put away."""
    return _found(_CANNOT_SECURE, text)


# Feeling it in the body after the call for the ex: "i feel sick", "i'm shaking", "i feel awful"
_FEELS_AWFUL = re.compile(
    r"^(?:(?:ok|okay|um|honestly|god|ugh|and|but|now)\W* )*(?:i )?(?:feel|feel so|feel really"
    r"|am|am so|am really|am feeling) (?:sick|awful|terrible|horrible|shaky|like throwing up"
    r"|like i am going to throw up|numb|wrecked|shaking|in shock)(?: (?:now|right now|tbh"
    r"|honestly|all over))*\W*$"
    r"|^(?:i )?(?:can not|cannot) stop (?:shaking|crying)\W*$"
)


def feels_awful(text: str) -> bool:
    """ "i feel sick", "i cant stop shaking": the body after a frightening call, told."""
    return _says_only(_FEELS_AWFUL, text)


# A photo of pills or a blade sent by the one at risk, said in the languages people mix in:
# "ele mandou foto de remédios", "me mandó foto de pastillas" (a session-34 chat: "are you safe
# at this moment?" to the one worried for him)
_MEANS_PHOTO = re.compile(
    r"\b(?:foto|fotos|imagem|imagen|bild|photo|pic|pics|picture)\b(?: \w+){0,2}?"
    r" (?:remedios|comprimidos|pastillas|pilulas|tabletten|medicaments|cachets|pillole|pills"
    r"|tablets|faca|cuchillo|corda|cuerda|lamina|cuchilla|messer|couteau|rope|knife|blade)\b"
)


def sent_means_photo(text: str) -> bool:
    """ "ele mandou foto de remédios": a photo of the means, sent by the one at risk."""
    return _found(_MEANS_PHOTO, text)


# The drinks both readings of drink below name
_DRINKS = (
    r"(?:wine|vodka|beer|beers|whisky|whiskey|gin|rum|tequila|cider|booze|alcohol|shots)"
)
# Drink told at all, remembered for later replies ("i've had half a bottle of vodka", "tipsy")
_DRUNK = re.compile(
    r"\b(?:drunk|wasted|hammered|pissed|tipsy|drinking|been drinking"
    rf"|(?:a|the|half a|whole|second) bottle of \w+|{_DRINKS})\b"
)
_IN_THE_CAR = re.compile(r"\b(?:car|trunk|boot|glovebox|glove box|glove compartment)\b")


def says_drunk(text: str) -> bool:
    """ "i've had half a bottle of vodka": drink told."""
    return _found(_DRUNK, text)


def in_the_car(text: str) -> bool:
    """ "i'll put them in the car": the car, named."""
    return _found(_IN_THE_CAR, text)


# Questions about calling a line: what happens, police, cost, being overheard, texting.
_ABOUT_LINES = re.compile(
    r"\bwhat (?:happens|will happen|would happen) (?:if|when) i (?:call|ring|text|phone|contact)"
    r"|\bwhat (?:do|will|would) they (?:do|say|ask)\b"
    r"|\b(?:will|would|do|does) (?:they|it|the line|samaritans|lifeline|988) (?:send|call|tell"
    r"|contact) (?:the )?(?:police|cops|an ambulance|ambulance|someone|my (?:parents|mum|mom|dad"
    r"|family|school|work))"
    r"|\bwill i (?:get|be) (?:arrested|sectioned|locked up|committed|put in hospital)"
    r"|\bis (?:it|the call|calling) (?:free|confidential|anonymous|private)\b"
    r"|\bdoes (?:it|the call) cost\b|\bhow much (?:does it|is it) cost"
    r"|\bwhat if (?:someone|somebody|my (?:\w+ )?(?:parents|mum|mom|dad|flatmate|roommate|family))"
    r" (?:hears|finds out|sees|listens)"
    r"|\bcan i (?:just |not |only )?(?:text|message|chat|write)(?: to)?(?: them| it| somebody"
    r"| someone| a line| one of them| the line| the number)?(?: instead)?\b"
    r"|\bis there (?:a |an )?(?:text|chat|online|messaging)(?: line| option| service)?\b"
    r"|\bi can ?not (?:talk|speak) on the phone\b|\bi hate (?:phone calls|calling|the phone)\b"
    # "i cant call anyone i can only text" (a session-30 chat: "it feels that empty tonight")
    r"|\bi can (?:only|just) (?:text|type|message|write)\b"
    # "i cant talk out loud my mum is asleep next door" (a session-30 chat: "no answer can feel
    # like one more door closing")
    r"|\bi can ?not (?:talk|speak|call)(?: \w+)? (?:out loud|aloud|loudly|right now|here|freely"
    r"|without (?:them|him|her|anyone|someone) hearing)\b|\bcan ?not (?:make|risk) (?:a "
    r"|the )?(?:call|phone call)\b"
    # "is there something i can text", "tem algum chat?", "hay algun chat"
    r"|\bis there (?:something|anything|anyone|somebody|a number|a line|somewhere|someone)"
    r" (?:i can|to|that i can|i could) (?:text|message|chat|write)\b"
    r"|^(?:e |y |et )?(?:tem|ha|existe|hay|il y a|y a t il)"
    r" (?:algum |algun |alguna |um |una |un )?(?:chat|numero (?:pra|para) mandar mensagem"
    r"|whatsapp)\b"
    # "i cant call, my flatmate will hear me through the wall" (a session-29 chat: "Yes. Reach
    # your flatmate now")
    r"|\b(?:my |our |the )?(?:flatmates?|roommates?|housemates?|parents|mum|mom|dad|family"
    r"|sister|brother|wife|husband|partner|boyfriend|girlfriend|kids|neighbou?rs|everyone"
    r"|someone|they|he|she) (?:will|would|might|could|can|is going to|are going to) (?:\w+ )?"
    r"hear (?:me|us|everything|it)\b"
)


# "why are you giving me numbers", "why all these hotlines": why the lines are there (a
# helper's chat, after pills were told: the answer about mixed signals)
_WHY_NUMBERS = re.compile(
    r"\bwhy (?:are you|are u|r you|r u|do you|do u|you|would you|did you)(?: \w+){0,2}?"
    r" (?:giving|sending|showing|telling|throwing|posting|spamming|give|send|show)"
    r"(?: me)?(?: (?:these|those|all these|the|all the|all those|so many))?"
    r" (?:numbers|hotlines|helplines|lines|phone numbers|crisis lines)\b"
    r"|^(?:but |ok |okay |um )?why (?:the|these|those|all the|all these|so many)"
    r" (?:numbers|hotlines|helplines|phone numbers|crisis lines)\b"
)


def asks_why_numbers(text: str) -> bool:
    """ "why are you giving me numbers", "why all the hotlines": why the lines are offered."""
    return _found(_WHY_NUMBERS, text)


# The police, an arrest or a ward feared by someone in a self-harm talk ("i dont want the police
# coming to my house", "what if they send police", "will they lock me up", "i dont want to go
# to a psych ward", "they will arrest me, attempting suicide is a crime here"): a session-30
# chat got the domestic-violence steps ("lock the door") to each of them.
_FEARS_POLICE = re.compile(
    r"\b(?:police|cops)"
    r" (?:coming|to come|turning up|to turn up|showing up|to show up|at my (?:door|house|flat"
    r"|place)"
    r"|knocking|involved|in my house|bursting in|breaking in)\b"
    r"|\bwhat if (?:they|you|it|the line|someone|somebody|samaritans|988|lifeline)"
    r" (?:send|sends|call|calls|ring|rings|get|gets) (?:the )?(?:police|cops|an ambulance"
    r"|ambulance)\b"
    r"|\b(?:lock|locking|locked) me (?:up|away)\b|\bput me (?:away|in (?:a |the )?(?:ward|hospital"
    r"|psych ward|mental hospital))\b|\b(?:sectioned|section me|get committed|be committed"
    r"|commit me|involuntary|72 hour hold|5150|baker act)\b"
    r"|\b(?:psych|psychiatric|mental) (?:ward|hospital|unit)\b|\bloony bin\b|\bnut ?house\b"
    r"|\b(?:arrest|arrested|arresting) (?:me|us)\b|\b(?:get|be|being) arrested\b"
    r"|\b(?:suicide|attempting suicide|attempted suicide|trying to kill (?:myself|yourself)"
    r"|self harm)"
    r" is (?:a crime|illegal|against the law|criminal)\b"
    r"|\b(?:do not|dont|never) want (?:the )?(?:police|cops)\b"
    r"|\b(?:scared|afraid|terrified|frightened|worried) (?:of|that|they will|they ll)"
    r"(?: \w+){0,3}? (?:police|cops|lock|locked|section\w*|hospital|ward|arrest\w*|committed)\b"
)


_CALLED_THEM = re.compile(
    r"^(?:ok |okay |so |yes |yeah |i )*(?:i )?(?:already |just |finally |did |have )*"
    r"(?:called|rang|rung|phoned|call|tried calling|tried to call) (?:them|it|the number"
    r"|that number)\b"
)


def called_them(text: str) -> bool:
    """ "i already called them", "i rang them": the line just offered, not the ex."""
    return _found(_CALLED_THEM, text)


# No credit, no airtime: the emergency numbers are free (a session-30 chat: "call 999" again)
_NO_CREDIT = re.compile(
    r"\b(?:no|zero|any|out of|ran out of|run out of|do not have|have not got"
    r"|have no) (?:any )?(?:phone )?"
    r"(?:credit(?! cards?\b)|airtime|top ?up|minutes|balance)\b"
    r"|\bno (?:money|credit) on my (?:phone|sim)\b|\bno sim(?: card)?\b"
    r"|\bcan ?not afford (?:to call|a call|the call)\b"
    # "i dont have a phone plan just wifi" (a session-34 chat, aged 15: "911, or anyone
    # nearby"): emergency calls still work, and chat over wifi
    r"|\b(?:do not|dont|don t) have (?:a |any )?(?:phone plan|plan|phone service)\b"
    r"|\b(?:only|just) (?:have )?wi ?fi\b|\bno (?:phone plan|phone service)\b"
    r"|\b(?:i have|there is|i got|i get|have) no (?:phone )?signal\b"
)


def no_credit(text: str) -> bool:
    """ "i dont have credit": the emergency numbers work without it."""
    return _found(_NO_CREDIT, text)


# The children told of in a danger talk ("the kids are asleep", "my son is here with me"): not
# a line that did not answer (a session-30 chat: "No answer can feel like one more door")
_KIDS_THERE = re.compile(
    r"\b(?:the |my |our )?(?:kids|children|baby|babies|son|daughter|little ones?|toddler|boys"
    r"|girls)"
    r" (?:is|are|s)(?: \w+)? (?:asleep|sleeping|here|with me|upstairs|downstairs|in (?:bed|their"
    r" rooms?|his room|her room|the other room|the next room))\b"
)


# The one who hurt them, here now: "he's in the waiting room", "she just walked in", told while
# the plan for safety is being made (a session-30 chat: stored as the plan's next answer)
_THEY_ARE_HERE = re.compile(
    r"\b(?:he|she|they|my ex|the ex)(?: is| s| are| has| just)*"
    r" (?:here|outside|downstairs|in the (?:waiting room|building|lobby|car park|parking lot"
    r"|hallway"
    r"|corridor|reception|shop|store|office|garden|driveway)|at (?:the|my) (?:door|front desk"
    r"|reception|entrance|window|gate)|walked in|turned up|showed up|pulling up|parked outside)\b"
)


def they_are_here(text: str) -> bool:
    """ "he's in the waiting room": the danger present, not a plan answer."""
    return _found(_THEY_ARE_HERE, text)


# Choked or strangled: a serious sign, worth a doctor even without marks (a session-30 chat:
# "he choked me last week" got the general danger reply)
_CHOKED = re.compile(
    r"\b(?:choked|strangled|chokes|strangles|choking|strangling|throttled) me\b"
    r"|\b(?:hands?|arms?) (?:around|round|on) my (?:neck|throat)\b"
)


def was_choked(text: str) -> bool:
    """ "he choked me last night": told of strangulation."""
    return _found(_CHOKED, text)


# After being choked: what the body says now ("i didn't pass out i don't think. my throat
# hurts"; a session-34 chat, a minute after "i'm at my sister's", got the self-harm check)
_CHOKE_SIGNS = re.compile(
    r"\b(?:my )?(?:throat|neck) (?:hurts|is sore|feels (?:weird|funny|tight|sore)|aches|is bruised"
    r"|is swollen)\b|\b(?:sore|bruised|swollen) (?:throat|neck)\b|\b(?:pass|passed) out\b"
    r"|\b(?:hard|hurts|painful) to (?:swallow|breathe|talk)\b|\b(?:can not|cant|can t)"
    r" (?:swallow|breathe properly)\b|\bmy voice (?:is|sounds) (?:weird|hoarse|different|croaky)\b"
    r"|\b(?:blacked|black) out\b|\b(?:red|tiny) (?:spots|dots) (?:in|on) my (?:eyes|face)\b"
)


def choke_signs(text: str) -> bool:
    """ "my throat hurts", "i didn't pass out i don't think": signs after being choked."""
    return _found(_CHOKE_SIGNS, text)


# "what do you mean", "wdym", "what are you asking": the check itself not understood (a
# session-30 chat: "thank you for telling me more")
_WHAT_MEANT = re.compile(
    r"^(?:(?:sorry|um+|uh+|huh|wait|ok|okay|but|and|so)\W* )*(?:what do (?:you|u"
    r"|ya) mean(?: by (?:that"
    r"|safe|it|this))?|wdym|what are (?:you|u) (?:asking|on about|talking about)|safe from what"
    r"|what (?:kind of|do you mean by) safe|i do not (?:get|understand)(?: (?:it|that|the question"
    r"|what you mean))?|meaning"
    # "define safe", "what does safe even mean" (a session-34 chat: asked again, unexplained)
    r"|define safe|what do (?:you|u) mean safe|what (?:does|is) safe(?: even)? mean"
    r"|what (?:does|do) (?:you|u) mean by safe|safe how|safe as in what"
    # a bare "why", "why do you ask" (a helper's chat, session 36: the answer on closure)
    r"|why|why do (?:you|u) (?:ask|keep asking|want to know)|why are (?:you|u) asking)\W*$"
)


def asks_what_meant(text: str) -> bool:
    """ "what do you mean", "safe from what": the question explained, not an answer."""
    return _found(_WHAT_MEANT, text)


# The police called and no help given ("i called the police they said they cant do anything"; a
# session-30 chat: "I'm really glad you reached out to them")
_POLICE_REFUSED = re.compile(
    r"\b(?:police|cops|officers?|they) (?:said|say|says|told me) (?:that )?(?:they )?(?:can not"
    r"|could"
    r" not|will not|would not) (?:do anything|do much|help|do nothing|act)\b"
    r"|\b(?:police|cops) (?:did|do|will do|would do|are doing) nothing\b"
    r"|\b(?:police|cops) (?:are|were) (?:useless|no help|not helping)\b"
    r"|\b(?:police|cops) (?:did not|will not|would not) (?:help|do anything|come"
    r"|take it seriously)\b"
    # "i called the police last time and they did nothing" (a session-30 chat: "Good. You
    # didn't carry this alone tonight")
    r"|\b(?:called|rang|phoned|reported (?:it|him|her) to) (?:the )?(?:police"
    r"|cops)\b(?: \w+){0,6}?"
    r" (?:they|and they|but they|who) (?:did|do|could do|would do) (?:absolutely )?nothing\b"
)
# The children taken or kept from them by the one they fear ("he took my kids and wont give
# them back"; a session-30 chat: the general "days after leaving" reply)
_KIDS_TAKEN = re.compile(
    r"\b(?:took|has taken|taken|kept|is keeping|has|snatched) (?:my|our|the) (?:kids|children"
    r"|baby|son"
    r"|daughter|boys|girls)\b(?: \w+){0,4}? (?:and )?(?:will not|wont|refuses to|is not"
    r"|not) (?:give|giving"
    r"|bring|bringing|let|letting) (?:them|him|her) (?:back|go|see me)\b"
    r"|\b(?:will not|wont|refuses to) (?:give|bring|let me see) (?:my|our|the) (?:kids|children"
    r"|baby"
    r"|son|daughter)\b"
)


def police_refused(text: str) -> bool:
    """ "the police said they cant do anything": the refusal heard, and what still helps."""
    return _found(_POLICE_REFUSED, text)


def kids_taken(text: str) -> bool:
    """ "he took my kids and wont give them back": the children first."""
    return _found(_KIDS_TAKEN, text)


# Things given away, a will, affairs put in order, told in the talk ("i gave my dog to my
# sister today and wrote a will"; a session-30 chat: "if you haven't yet, please call 911"):
# the warning sign named, and the question asked directly
_SETTLES_AFFAIRS = re.compile(
    r"\b(?:gave|given|giving|rehomed|rehoming) (?:away )?(?:my|all my|most of my) (?:dog|cat|pets?"
    r"|stuff|things|clothes|books|guitar|plants|belongings|jewellery|jewelry|games|console)\b"
    r"|\b(?:wrote|written|writing|made|making|did|done|updated|signed) (?:a|my) will\b"
    r"|\b(?:put|putting|getting|got) (?:my )?(?:affairs|things|stuff|everything) in order\b"
    r"|\b(?:left|leaving|wrote down|written down) (?:my )?passwords\b"
    r"|\btying up (?:my )?loose ends\b"
)


def settles_affairs(text: str) -> bool:
    """ "i gave my dog to my sister and wrote a will": warning signs, told in the talk."""
    return _found(_SETTLES_AFFAIRS, text)


def kids_there(text: str) -> bool:
    """ "the kids are asleep" with the danger at the door: keep them close, away from it."""
    return _found(_KIDS_THERE, text)


def fears_police(text: str) -> bool:
    """ "what if they send police", "will they lock me up", "i dont want to go to a psych
    ward": the fear that stops someone calling, in their own talk (not the abuser's police)."""
    return _found(_FEARS_POLICE, text)


def asks_about_lines(text: str) -> bool:
    """ "what happens if i call samaritans", "will they send the police", "is it free", "can
    i text instead": the questions that stop people calling."""
    return _found(_ABOUT_LINES, text)


# "how many xanax is too many", "whats the max dose of paracetamol", "is 10 too many": a dose
# asked about in the talk (a helper's chat, after drinks and xanax: a stock "call now" line)
_DOSE = re.compile(
    r"\bhow (?:many|much)(?: \w+){0,3}? (?:is|are|would be|is it|before it is) (?:too many|too"
    r" much|dangerous|lethal|deadly|fatal|enough|safe|ok|okay)\b"
    r"|\bwhat (?:is|s) the (?:max|maximum|lethal|deadly|safe|highest) (?:dose|amount)\b"
    r"|\bis (?:\d+|a few|two|three|four|five|ten|twenty) (?:\w+ )?(?:too many|too much|dangerous"
    r"|lethal|enough)\b|\b(?:can|could) (?:i|you) (?:die|overdose|od) (?:from|on) (?:\w+ ){0,3}?"
    r"(?:pills|tablets|xanax|paracetamol|tylenol|ibuprofen|meds)\b"
    # "how many would it even take" (a session-33 chat, after meds saved for tonight: "I'm
    # reading every word")
    r"|\bhow (?:many|much)(?: \w+){0,2}? (?:would|will|does|do) it (?:even |actually |really )?"
    r"take\b(?! (?:to (?:heal|get over|feel|stop (?:hurting|missing)|move on|forget))\b)"
)


# After a dose asked about: "not for anyone else", "its for me"
_FOR_THEMSELVES = re.compile(
    r"^(?:(?:no|nah|its|it is|obviously|ok|well|lol|honestly) )*(?:not for (?:anyone|someone"
    r"|somebody) else|for me|for myself|(?:it is|its|it s) (?:for )?me|me obviously|myself)"
    r"(?: (?:obviously|lol|tbh|honestly|ok))*$"
)
# "fine. i'll just google it", "i'll find out myself": the means looked for elsewhere
_LOOK_IT_UP = re.compile(
    r"\b(?:i will|i am going to|i am gonna|gonna|i can|i could|just) (?:just )?(?:google|search"
    r"|look (?:it|that|them) up|find (?:it|that|out) (?:myself|elsewhere|online|somewhere"
    r"|another way)|ask (?:chatgpt|google|someone else|reddit))\b"
    r"|\b(?:google|the internet|reddit) (?:will|can) tell me\b"
)


def for_themselves(text: str) -> bool:
    """ "not for anyone else", after a dose asked about: for themselves."""
    return _found(_FOR_THEMSELVES, text)


def will_look_it_up(text: str) -> bool:
    """ "i'll just google it": what was refused, looked for elsewhere."""
    return _found(_LOOK_IT_UP, text)


# "ok im walking home now", "heading home", once at a height: moving away from it (not
# "driving home": the reply says "keep walking", and after drink the car is its own answer)
_HEADS_HOME = re.compile(
    r"\b(?:walking|heading|going|getting|on my way|in a taxi|in an uber|on the bus"
    r"|taking the bus|getting the bus|getting a taxi) (?:back )?(?:home|to my (?:flat|place"
    r"|house|apartment|mum s|mom s|friend s|sister s))\b(?! (?:to (?:get|grab)|for (?:the|my)"
    r" (?:pills|tablets|knife|rope|gun)))"
)


def heads_home(text: str) -> bool:
    """ "ok im walking home now", said at a height: leaving it."""
    return _found(_HEADS_HOME, text)


def asks_about_dose(text: str) -> bool:
    """A dose asked about in the talk: "how many xanax is too many"."""
    return _found(_DOSE, text)


# During a self-harm urge: "what do i do instead", "how do i not do it"
_ALTERNATIVES = re.compile(
    r"\bwhat (?:do|can|should) i do instead\b|\bwhat (?:else )?can i do (?:instead|rather)"
    r"|\bhow do i (?:not|stop myself|stop) (?:do it|doing it|cut|cutting|hurt|hurting)\b"
    r"|\b(?:something|anything) else i can do\b|\balternatives?\b"
)


def asks_for_alternatives(text: str) -> bool:
    """ "what do i do instead", "how do i not do it": something to do in place of self-harm."""
    return _found(_ALTERNATIVES, text)


# A decision announced: "i made my decision", "my mind is made up"
_DECIDED = re.compile(
    r"\b(?:i (?:have )?made (?:my|the|a|up my) (?:decision|mind)|my mind is made up"
    r"|i (?:have )?decided\b(?! to (?:stay|call|talk|tell|wait|go to|reach|keep|try))"
    r"|it is decided|i am at peace with it|my time has come|i am ready now"
    r"|it is (?:simply |just |finally )?time\b(?! (?:to|for)\b)"
    # "dont try to talk me out of it" after a plan for tonight (a session-33 chat: read as a
    # new subject, and a new gentle check opened over the plan)
    r"|(?:do not|dont|don t) (?:try (?:to|and) )?(?:talk me out of it|stop me\b(?! from)"
    r"|change my mind\b(?! about))"
    r"|you (?:can not|cant|can t|won t|will not) (?:stop me\b(?! from)|talk me out of it"
    r"|change my mind\b(?! about)))"
)


def has_decided(text: str) -> bool:
    """ "its ok. i made my decision": after a goodbye, the most urgent words."""
    return _found(_DECIDED, text)


# Inside the safety plan: "cancel", "stop", "i dont want to do this now", "later"
_STOP_PLAN = re.compile(
    r"^(?:please |pls |no |ok |okay |actually |can we |i want to |lets )*(?:cancel|stop|quit|exit"
    r"|end|enough|later|not now|maybe later|another time|leave it|skip (?:it|this|the plan|all)"
    r"|stop this|stop the plan|stop asking|i do not want to do (?:this|that|it|the plan)(?: now"
    r"| right now| anymore| tonight)?|i can not do this(?: now| right now)?|not (?:tonight|today)"
    r"|no more questions)(?: please| pls| now| for now| thanks)?$"
)


# A safety button's words typed instead of tapped ("make a safety plan", "help me calm down",
# "crisis lines pls"): as the button (terminal chat: "make a safety plan" got "I don't know
# that one" and the topic menu).
_TOOL_LEAD = (
    r"^(?:(?:ok|okay|yes|yeah|yea|sure|please|pls|can we|can you|could we|could you|i want to"
    r"|i would like to|i wanna|lets|let us|maybe|um+|then|and|just) )*"
)
_TOOL_TAIL = r"(?: (?:please|pls|then|now|thing|for me|with me|i guess|maybe|thanks))*$"
_TOOLS_TYPED = (
    (
        "plan",
        re.compile(
            _TOOL_LEAD + r"(?:(?:make|do|start|write|build|create|get|have|try|need) )?"
            r"(?:a |the |my |that |this )?(?:safety plan|plan for my safety|plan to stay safe)"
            + _TOOL_TAIL
            # "can we make a plan" (a session-30 chat): a plan to make, not one they have
            + r"|" + _TOOL_LEAD + r"(?:make|do|start|build|create|try) (?:a |the |that )?plan"
            + _TOOL_TAIL
        ),
    ),
    (
        "ground",
        re.compile(
            _TOOL_LEAD + r"(?:help me (?:to )?calm (?:me )?down|calm me down|(?:the |a |that )?"
            r"(?:calming|grounding|breathing) (?:thing|exercise|one)|grounding"
            r"|(?:i need to |need to |help me )?calm down)" + _TOOL_TAIL
        ),
    ),
    (
        "lines",
        re.compile(
            _TOOL_LEAD + r"(?:give me |send me |show me |i need |need )?(?:the )?"
            r"(?:crisis|support|help|hotline|helpline) ?(?:lines?|numbers?)" + _TOOL_TAIL
        ),
    ),
)


def safety_tool_asked(text: str) -> str | None:
    """ "make a safety plan" -> "plan", "help me calm down" -> "ground", "crisis lines" ->
    "lines": a safety button typed; None otherwise (short replies only)."""
    norm = normalize(text).strip(" .!?")
    if not norm or len(norm.split()) > 9:
        return None
    return next((tool for tool, pattern in _TOOLS_TYPED if pattern.fullmatch(norm)), None)


def stops_the_plan(text: str) -> bool:
    """ "cancel", "stop", "i dont want to do this now": the plan stops, never saved as an
    answer."""
    return _says_only(_STOP_PLAN, text) or stops_asking(text)


# Where the one they fear is part of their days, and who to tell there: "should i tell a
# teacher", "should i tell HR", "should i switch gyms" (helpers' chats: "your teacher sounds
# like the right person. Call now", a refuge for a desk two rows away)
_PLACE_WORDS = (
    ("school", r"(?:a |my |the |our )?(?:teachers?|school counsell?or|counsell?or|principal"
     r"|head ?teacher|head of year|year head|tutor|dean|school|classes|class|schools|seats?)"),
    ("work", r"(?:hr|human resources|(?:my |the |a )?(?:manager|boss|supervisor|team lead|security"
     r"|jobs?|desks?|shifts?|office|teams?|work|department))"),
    ("gym", r"(?:(?:the |my |a )?(?:gyms?|front desk|staff at the gym|gym staff|trainer|coach"
     r"|studio|classes at the gym))"),
    # "should i tell pastor mike or is that gossip" (a session-28 chat: "Call your pastor...
    # 'I need you right now'")
    ("faith", r"(?:(?:the |my |a |our )?(?:pastor|priest|minister|vicar|imam|rabbi|youth"
     r" leader|church leaders?|elders?|parish|chaplain)(?: \w+)?)"),
)
_TELL_THERE = (
    r"(?:tell(?:ing)?|report(?:ing)? (?:it |him |her |them |this )?to|talk(?:ing)? to"
    r"|speak(?:ing)? to|go(?:ing)? to|inform|email)"
)
_CHANGE_THERE = r"(?:switch|change|quit|leave|move|swap|drop)"
_SAY_THERE = (
    r"(?:what (?:do|should|can|would) i (?:even )?(?:say|tell|write) (?:to )?"
    r"|help me write (?:what to say )?(?:to )?"
    r"|write (?:something |a message |an email )?(?:to )?|what about (?:the )?(?:building )?)"
)
_ASKS_THERE = tuple(
    (
        place,
        re.compile(
            r"\b(?:should i|do i|can i|could i|would it help to|is it worth|is it ok to|should i"
            r" maybe|do you think i should|i am thinking (?:of|about)|maybe i should)(?: just)?"
            rf" (?:{_TELL_THERE} (?:a |my |the )?{words}|{_CHANGE_THERE}(?:ing)? (?:to )?"
            rf"(?:a |my |the |another |different )?{words})\b|\b{_SAY_THERE}(?:a |my "
            rf"|the )?{words}\b"
        ),
    )
    for place, words in _PLACE_WORDS
)
_WILL_TELL = re.compile(
    r"\b(?:i will|i am (?:going to|gonna)|gonna|maybe i will|i think i will|i might|i could"
    r"|maybe i|ok maybe i|i guess i will|i will just)"
    rf" (?:just )?{_TELL_THERE} (?:a |my |the |our )?(?:teacher|counsell?or|principal"
    r"|head ?teacher|head of year|year head|form tutor|tutor|dean|hr|human resources|manager"
    r"|boss|supervisor|front desk|gym staff|staff|security|pastor|priest|minister|vicar|imam"
    r"|rabbi|youth leader|chaplain|coach|ms \w+|mr \w+|mrs \w+|miss \w+)\b"
)
_YOUNG = re.compile(
    r"\b(?:i am|i am only|i am just|am only) (?:1[0-7]|[89])(?: years? old| yo| y o)?\b"
    r"(?! (?:days?|weeks?|months?|hours?|mins?|minutes?|am|pm|o clock|percent|times)\b)"
    r"|\bi am in (?:year|grade) (?:[5-9]|1[0-2])\b|\bi am (?:still )?in (?:high|middle|secondary)"
    r" school\b|\bi am a (?:teen|teenager|minor|kid)\b"
)


def asks_about_a_place(text: str) -> str | None:
    """ "should i tell a teacher", "should i tell HR", "should i switch gyms": the place where
    they meet the one they fear (school, work, the gym), asked about; else None."""
    norm = normalize(text)
    return next((place for place, pattern in _ASKS_THERE if pattern.search(norm)), None)


def will_tell_there(text: str) -> bool:
    """ "ok maybe ill tell the counselor", "im gonna tell HR tomorrow": someone there told."""
    return _found(_WILL_TELL, text)


def says_young(text: str) -> bool:
    """ "im 15 btw", "im in year 10", "im still in high school": a young person."""
    return _found(_YOUNG, text)


# Danger that is not at the door tonight: stalking, a tracker, a threatening text, doubts
# ("maybe im being paranoid", "i dont want to overreact", "not over a text")
_NOT_IMMEDIATE = re.compile(
    r"\b(?:(?:maybe |probably )?i am (?:just )?(?:being )?paranoid|am i (?:being )?paranoid"
    r"|(?:do not|dont) want to (?:overreact|over react|make a fuss|waste (?:their|police) time)"
    r"|am i overreacting|(?:not|never) (?:over|for) (?:a|one|some) (?:text|message|messages)"
    r"|(?:police|cops|999|911|112|000) (?:over|for) (?:just )?(?:a|one|some) (?:text|message)"
    r"|what counts as (?:harassment|stalking|abuse)|is (?:this|it|that) (?:harassment|stalking"
    r"|abuse|illegal|a crime)|(?:a |put a |there is a )?(?:tracker|airtag|tracking app"
    r"|spyware|stalkerware)|how do i check|reading my (?:messages|texts|emails|dms)"
    r"|(?:has|had|knows|used to have) my (?:password|passcode|login|icloud|pin)"
    r"|(?:he|she|they) (?:is|are) not (?:here|dangerous|violent)|not (?:dangerous|violent)"
    r"|can the police (?:actually |really )?(?:do|help)|should i report (?:it|him|her|them)"
    r"|report (?:it|him|her|them) to the police"
    # "my mate says im overreacting", "should i go to the police? i dont want to make it
    # worse" (a helper's terminal chats: the emergency push again)
    r"|(?:says|said|thinks|think|tell me|told me) (?:i am|i m) (?:just )?(?:overreacting|over"
    r" reacting|being paranoid|being dramatic)|should i (?:go to|call|ring|tell|contact|involve)"
    r" the (?:police|cops)"
    # "hes not hitting me or anything, just creepy" (a fifteen-year-old in a helper's chat:
    # "call 911, lock the door")
    r"|(?:is|are) not (?:hitting|hurting|touching|threatening) me|(?:has|have|did) (?:not|never)"
    r" (?:hit|hurt|touched|threatened) me|(?:it is|he is|she is|they are) just (?:creepy|weird"
    r"|awkward|annoying|uncomfortable)"
    # harassment online, and the fear of making too much of it (a session-34 chat, being
    # followed in Manila: "he made fake accounts to message my friends" got "Please call 911
    # now", "i'm scared but i don't want to make a big deal" the same)
    r"|(?:made|making|makes|created|creating|set up|sets up|opened) (?:a |some |more |new )?"
    r"(?:fake|new|burner|other|dummy|alt|poser) (?:accounts?|profiles?|numbers?|pages?)"
    r"|new numbers? every (?:day|night|week)|(?:messaging|texting|contacting|dming|calling)"
    r" my (?:friends|family|mum|mom|sister|brother|boss|coworkers?|colleagues)"
    r"|make (?:a |such a )?(?:big )?(?:deal|fuss|scene)(?: (?:of|out of))?(?: it| this)?)\b"
)


def not_immediate(text: str) -> bool:
    """ "maybe im being paranoid", "what if he put a tracker on my car", "i dont want to call
    the police over a text": danger from someone that is not at the door this minute."""
    return _found(_NOT_IMMEDIATE, text) and not at_the_door(text) and not _found(_HERE_NOW, text)


# Someone here this minute, whatever else the message asks
_HERE_NOW = re.compile(
    r"\b(?:(?:is|are|s) (?:outside|downstairs|here|at (?:my|the) (?:door|house|flat|window))"
    r"|banging|breaking in|in (?:my|the) (?:house|flat|room|building) (?:now|right now))\b"
)


# "nobody believes me", "im a guy, who would believe me"
_NOT_BELIEVED = re.compile(
    r"\b(?:nobody|no one|noone|none of them|they do not|nobody would|no one would|who would)"
    r" (?:ever )?(?:believes?|believed|believe) me\b|\bi am a (?:guy|man|bloke|dude)\b"
)


def not_believed(text: str) -> bool:
    """ "im a guy nobody believes me": believed, first."""
    return _found(_NOT_BELIEVED, text)


# "if he does it its my fault", "this is all because of me"
_BLAMES_SELF = re.compile(
    r"\b(?:it is|its|it will be|it would be|that is|it was)(?: all)? (?:my fault|on me)\b"
    r"|\bmy fault\b|\bbecause of me\b|\bi (?:caused|deserved|deserve) (?:this|it)\b"
    r"|\bi (?:feel|am|was) (?:so |such an? |really )?(?:stupid|dumb|an idiot|idiot|naive|ashamed)"
    r" (?:for|to|that)\b"
    r"|\bi (?:made|pushed) (?:him|her|them) (?:do|to)\b"
)


def blames_self(text: str) -> bool:
    """ "if he does it its my fault", "i deserved it": it is not their fault, said first."""
    return _found(_BLAMES_SELF, text)


# Drink in the talk, nothing else taken: "i had a bottle of wine", "im so drunk"
_DRINKING = re.compile(
    r"\b(?:had|drank|drunk|drinking|downed|necked|finished)\b(?: \w+){0,5}? "
    rf"(?:{_DRINKS}|bottle of \w+)\b"
    r"|\b(?:i am|im) (?:so |really |very |pretty |super )?(?:drunk|wasted|hammered|pissed"
    r"|smashed|tipsy)\b"
)


def drinking(text: str) -> bool:
    """ "i had a bottle of wine", "im so drunk rn": drink, not an overdose (that is
    done_to_self)."""
    return _found(_DRINKING, text)


# Intimate images used as a threat: "hell post my nudes", "leak my pics", "send my videos to
# my family"
_IMAGES = re.compile(
    r"\b(?:post|posting|leak|leaking|share|sharing|send|sending|show|showing|upload|uploading"
    r"|spread|publish|expose)\w*\b(?: \w+){0,3}? (?:my |our |the )?(?:nudes|nude (?:pics|photos"
    r"|pictures)|naked (?:pics|photos|pictures)|pics|photos|pictures|videos?|sex tape|private"
    r" (?:pics|photos|pictures|videos))\b|\b(?:revenge porn|sextortion|sexting pics)\b"
    # the images named first: "my ex has my nudes and says hell post them"
    r"|\b(?:has|have|got|kept|keeps|saved) (?:my |some of my |all my )?(?:nudes|nude (?:pics"
    r"|photos|pictures)|naked (?:pics|photos|pictures)|(?:pics|photos|pictures|videos) of me)\b"
)


# Inside the talk about a threat to share images: what the person asks next (a helper's chat
# as a 15-year-old got the same two texts in turn for eight different questions)
_IMAGES_POSTED = re.compile(
    r"\b(?:already|just) (?:sent|posted|shared|leaked|put|spread|showed)\b|\b(?:he|she|they)"
    r" (?:has |have |already |just )*(?:sent|posted|shared|leaked|spread|showed|uploaded) (?:it"
    r"|them|one|some|a (?:pic|photo|picture))\b|\b(?:people|everyone|everybody|my friends|\d+"
    r" people) (?:have |has |already )*(?:seen|saw) (?:it|them)\b|\b(?:it is|its|they are) (?:out"
    r" there|online|up)\b"
)
_IMAGES_LAW = re.compile(
    r"\b(?:illegal|against the law|a crime|legal|arrested|jail|prison|charged|get in trouble"
    r"|get into trouble|in trouble|be punished|sue (?:him|her|them))\b"
)
_IMAGES_TELL = re.compile(
    r"\bwho (?:can|do|should|could) i (?:even |actually )?(?:tell|talk to|go to|ask)\b|\b(?:do"
    r" not|dont|please do not|pls do not) tell (?:anyone|anybody|my (?:parents|mum|mom|dad))\b"
    r"|\b(?:can not|cant|could never|will not|wont) tell (?:my )?(?:parents|mum|mom|dad|anyone"
    r"|anybody)\b|\b(?:parents|mum|mom|dad) (?:will|would|d) (?:find out|kill me|be so mad"
    r"|freak out|see)\b|\bwill (?:you|anyone|my parents) (?:tell|know|find out|see)\b"
)
_IMAGES_TAKEDOWN = re.compile(
    r"\b(?:website|site|app|way) (?:\w+ ){0,3}?(?:takes?|taking|get|gets|removes?|removing)"
    r" (?:\w+ ){0,2}?down\b|\btake (?:it|them|the (?:pics|photos|pictures|images)) down\b"
    r"|\b(?:remove|delete|get rid of) (?:it|them|the (?:pics|photos|pictures|images)) (?:from"
    r" (?:the internet|online|insta\w*|snap\w*|tiktok|everywhere)|online)\b|\btake it down\b"
)
_IMAGES_SCHOOL = re.compile(
    r"\b(?:goes to|go to|in|at|from) (?:my|our|the same) (?:school|class|year|college|grade)\b"
    r"|\bsame (?:school|class|year|grade)\b"
)
_IMAGES_TOLD = re.compile(
    r"\bi (?:just |finally )?(?:told|showed|called|texted) (?:my )?(?:older |big |little )?"
    r"(?:sister|brother|mum|mom|dad|parents|aunt|auntie|uncle|teacher|counsellor|counselor"
    r"|best friend|friend|gran|grandma|nan|cousin)\b|\b(?:she|he|they) (?:is|are|s) (?:here"
    r"|with me|coming)\b"
)


def images_next(text: str) -> str | None:
    """What a message in the talk about a threat to share images asks or tells: "posted"
    (already shared), "law" (is it illegal, can they get in trouble), "tell" (who to tell,
    don't tell anyone), "takedown" (a site that takes pictures down), "school" (they go to the
    same school), "told" (an adult or sibling told, with them now); None if none of these."""
    norm = normalize(text)
    for key, pattern in (
        ("told", _IMAGES_TOLD),
        ("takedown", _IMAGES_TAKEDOWN),
        ("posted", _IMAGES_POSTED),
        ("law", _IMAGES_LAW),
        ("tell", _IMAGES_TELL),
        ("school", _IMAGES_SCHOOL),
    ):
        if pattern.search(norm) is not None:
            return key
    return None


def threatens_images(text: str) -> bool:
    """ "my ex says hell post my nudes if i dont unblock him": image-based abuse, with its own
    steps (no "lock the door")."""
    return _found(_IMAGES, text)


# After something taken: the amount ("like 10 maybe", "the whole packet") is not doubt
_AMOUNT = re.compile(
    r"^(?:(?:like|about|around|maybe|prob|probably|i think|idk|i do not know|not sure|um+|erm+"
    r"|just|only|at least"
    r"|more than|over)\s)*(?:\d+|a few|a couple|a lot|lots|loads|all of them|all|half|most"
    r"|the (?:whole|rest of the|full) (?:box|packet|pack|bottle|strip|lot)|(?:a|one|two|2) (?:box"
    r"|boxes|packet|packets|pack|bottle|strip)s?)(?:\s(?:of them|pills|tablets|maybe|i think"
    r"|idk|or so|or more|or something|ish))*$"
)


# What was taken, named after saying it was ("tylenol", "my xanax", "sleeping pills"): the
# sixth probe's "tylenol" was read as something still to put away
_WHAT_TAKEN = re.compile(
    r"^(?:(?:it was|they were|just|some|my|her|his|mums?|moms?|the|like|i think|some of my) )*"
    r"(?:paracetamol|acetaminophen|tylenol|panadol|calpol|ibuprofen|advil|nurofen|aspirin"
    rf"|{_BRANDS}"
    r"|co ?codamol|codeine|tramadol|oxy\w*|percocet|vicodin|morphine|fentanyl|xanax|valium"
    r"|ativan|klonopin|diazepam|benzos?|sleeping (?:pills|tablets)|sleep(?:ing)? meds"
    r"|melatonin|zopiclone|ambien|antidepressants|sertraline|zoloft|prozac|fluoxetine"
    r"|citalopram|amitriptyline|quetiapine|seroquel|lithium|insulin|pills|tablets|meds"
    r"|medication|painkillers|pain killers|heroin|coke|cocaine|mdma|ket|ketamine|alcohol"
    r"|vodka|wine|beer)(?: (?:and|with|plus) [a-z ]{2,30})?(?: (?:i think|mostly|too|as well))?$"
)


def names_what_was_taken(text: str) -> bool:
    """A short reply naming what was taken, after saying something was."""
    return _WHAT_TAKEN.fullmatch(_reply(text)) is not None


def says_amount(text: str) -> bool:
    """ "like 10 maybe", "the whole packet": how much was taken, after saying so."""
    return _says_only(_AMOUNT, text)


# "ok ill call", "calling now", "gonna try the number": reaching for the line
_WILL_CALL = re.compile(
    r"^(?:(?:ok|okay|fine|alright|right|yes|yeah|sure|maybe|i guess|so)\s)*(?:i will|i am going"
    r" to|gonna|going to|i am gonna|will|let me|ok i will|i am|i might|i could|i may|i can"
    r"|maybe i will|i will try to|i might try) (?:call|ring|text|try|phone|dial)(?:ing)?"
    r"(?: (?:it|them|the (?:number|line|helpline|hotline)|now|right now|in a sec|\d+|samaritans"
    r"|lifeline|the crisis line|one of them|that))*$"
    r"|^(?:(?:ok|okay|fine|alright|yes|yeah)\s)*calling(?: (?:now|them|it|the number|the police"
    r"|police|\d+))*$"
)


def will_call(text: str) -> bool:
    """ "ok ill call", "gonna try the number": about to call a line (not the ex: a name or
    "him" is not in it)."""
    return _says_only(_WILL_CALL, text)


# "sorry for the drama", "sorry for dumping all this on you"
_SORRY_TO_BOT = re.compile(
    r"^(?:(?:i am|im|so|really|very)\s)*sorry(?: (?:for|about) (?:the drama|this|all this|that"
    r"|being (?:dramatic|a mess|so much|like this)|bothering you|dumping (?:all )?(?:this|that)"
    r"(?: on you)?|unloading(?: on you)?|wasting your time|the trouble|going on|rambling"
    r"|the late message|messaging so late|yelling|shouting|swearing|the language|spamming"
    r"|the spam|the essay|the long message|the wall of text|crying|oversharing))?"
    # "sorry im rambling", "sorry i am being dramatic"
    r"(?: (?:i am|im) (?:rambling|being dramatic|a mess|so dramatic|spamming|oversharing"
    r"|going on))?(?: lol| haha)?$"
)


def apologises(text: str) -> bool:
    """ "sorry for the drama": no need, said plainly, and the talk goes on."""
    return _says_only(_SORRY_TO_BOT, text)


def country_mentioned(text: str, names: dict[str, str]) -> str | None:
    """The last country a sentence puts them in ("im not in germany, im on holiday in spain",
    "what is the number in spain"), by the names in `names` and the aliases; None if none."""
    norm = normalize(text)
    known = {**names, **_COUNTRY_ALIASES}
    best: tuple[int, str] | None = None
    for name, code in known.items():
        # "in spain", "from the philippines", "em sao paulo", "en france", "a lyon", "delhi mein"
        place = re.escape(name)
        pattern = (
            rf"\b(?:in|from|em|no|na|en|au|aux|a|at) (?:the )?{place}\b"
            rf"|\b{place} (?:mein|me|mai)\b"
        )
        for found in re.finditer(pattern, norm):
            if best is None or found.start() > best[0]:
                best = (found.start(), code)
    return best[1] if best else None


_SELF_PLACE = re.compile(
    r"\b(?:i am|we are|i live|staying|visiting|travelling|traveling|on holiday|on vacation"
    r"|i moved|based)\b(?: \w+){0,3}? in\b"
    # "im from the philippines, manila", "moro no brasil", "to em sao paulo", "je suis en
    # france, a lyon", "india mein hu, delhi" (a session-29 chat: "call your local emergency
    # number" to each)
    r"|\b(?:i am|im|we are) from\b|\b(?:moro|eu moro|estou|to|vivo|estoy|sou de|soy de)"
    r" (?:no|na|em|en|de|do|da|in)\b|\b(?:je suis|j habite|jhabite|je vis|j vis|on est)"
    r" (?:en|au|aux|a|in)\b|\b(?:mein|me|mai) (?:hu|hoon|hun|rehta|rehti|rahta|rahti)\b"
)


def country_said(text: str, names: dict[str, str]) -> str | None:
    """The country they say they are in: the whole reply ("canada", "im in the uk"), or in a
    sentence about where they are or which number to call ("im not in germany, im on holiday
    in spain", "what is the number in spain"). Not "my ex is in germany"."""
    code = country_named(text, names)
    if code is not None:
        return code
    if asks_for_number(text) or _SELF_PLACE.search(normalize(text)):
        return country_mentioned(text, names)
    return None


def zone_country(text: str) -> str | None:
    """The country of a time zone or a city typed alone ("America/New_York", "toronto"), told
    in a talk whose numbers are not known yet (a session-34 chat: set-up's zone typed after
    "tell me which country you're in" got "your local emergency number" again); None unless
    it names one place for sure."""
    if len(text.split()) > 4 or mentions_harm(text) is not None:
        return None
    if "/" not in text and person_named(text) is not None:
        return None  # "anna", "hannah", "austin": someone to call before a town of that name
    found = resolve_timezone(text)
    if len(found) != 1:
        return None
    return country_for_zone(found[0].zone)


# "i couldnt do it", "i tried but stopped": an attempt begun and stopped
_STOPPED_ATTEMPT = re.compile(
    r"^(?:i )?(?:could not|couldnt|could nt) (?:do it|go through with it|finish it)"
    r"(?: (?:tonight|again|this time))?$|\bi (?:tried|started)(?: to)?(?: do it)? but (?:i )?"
    r"(?:stopped|could not|couldnt|chickened out|panicked)\b"
)


# "no i havent done anything", "its just a thought": they have not acted on it. Answering
# "are you safe?" with this is not "no, I'm not safe" (fifth probe).
_NOT_ACTED = re.compile(
    r"^(?:no|nah|nope|no no)?(?: |, )?(?:i )?(?:have not|havent|did not|didnt|have not yet)"
    r" (?:done|do|did|tried) (?:anything|it|nothing)(?: (?:yet|at all|to myself))?\b"
    r"|^(?:no |nah |nope )?(?:i )?(?:have not|did not) (?:hurt|harmed|touched|cut) (?:myself"
    r"|anything)\b|\b(?:it is|its|it was|they are|theyre|they were) (?:just|only) (?:a )?"
    r"(?:thought|thoughts|feeling)\b|^(?:just|only) (?:a )?(?:thought|thoughts)\b"
)


def not_acted(text: str) -> bool:
    """ "no i havent done anything", "its just a thought": not acted on; glad, still cared
    about, a line to talk to, and safe for tonight asked."""
    return _found(_NOT_ACTED, text)


def stopped_attempt(text: str) -> bool:
    """ "i couldnt do it": an attempt begun and stopped; asked about injury, the number."""
    return _found(_STOPPED_ATTEMPT, text)


# "can u call the police for me": the bot cannot call anyone
_CALL_FOR_ME = re.compile(
    r"\b(?:can|could|will|would|pls|please) (?:you|u) (?:please |pls )?(?:call|ring|phone"
    r"|contact|get|send|alert) (?:the )?(?:police|cops|911|999|112|000|an ambulance|ambulance"
    r"|someone|somebody|help|my (?:mum|mom|dad|sister|brother|friend))\b"
    r"|\b(?:call|ring) (?:the )?(?:police|cops|911|999|112|000|an ambulance) for me\b"
)


def asks_bot_to_call(text: str) -> bool:
    """ "can u call the police for me": it cannot; said plainly, with the number."""
    return _found(_CALL_FOR_ME, text)


# "can you block him for me", "could u tell him to stop": the bot cannot reach anyone else
_ACT_FOR_ME = re.compile(
    r"\b(?:can|could|will|would|pls|please) (?:you|u) (?:please |pls |just )*(?:block|report"
    r"|ban|mute|warn|text|message|msg|tell|stop|track|find|delete) (?:him|her|them|my ex"
    r"|his|her|their|this guy|that guy)\b"
    r"|\b(?:block|report|ban|warn|text|message|tell) (?:him|her|them|my ex) for me\b"
)


def asks_bot_to_act(text: str) -> bool:
    """ "can you block him for me": it cannot reach anyone; how to do it themselves."""
    return _found(_ACT_FOR_ME, text)


# "he blocked me on everything", in a talk about danger from him: one less way to reach them
_BLOCKED_BY_THEM = re.compile(
    r"\b(?:he|she|they|my ex|him|her)(?: has| have| just| even| also| finally)* blocked me\b"
)


# "should I block him? I'm scared it makes him angrier" (danger from him): a real question
_ASKS_BLOCK = re.compile(
    r"\b(?:should|can|could|do|would it be (?:ok|okay|safe|better) (?:if|to)) i (?:just |even )?"
    r"(?:block|unblock|mute)\b(?: (?:him|her|them|his|their|my ex|the))?"
    r"|\bis it (?:ok|okay|safe|better|smart|a good idea) to (?:block|unblock|mute)\b"
    r"|\b(?:will|would|does|could) (?:blocking|muting|unblocking) (?:him|her|them)\b"
)


def asks_about_blocking(text: str) -> bool:
    """ "should I block him? I'm scared it makes him angrier": asked in a talk about danger
    from them (a helper's terminal chat: "Call 999 right now... Lock the door")."""
    return _found(_ASKS_BLOCK, text)


def blocked_by_them(text: str) -> bool:
    """ "he blocked me on everything now anyway": the one who frightens them blocked them."""
    return _found(_BLOCKED_BY_THEM, text)


# Giving in to a threat: "maybe i should just unblock him", "if i pay he will stop na?"
_GIVES_IN = re.compile(
    r"\b(?:unblock|pay|send (?:him|her|them) (?:the )?(?:money|more|what)"
    r"|give (?:him|her|them) what|do what (?:he|she|they) (?:says|wants|asks)|give in)\b"
)


def gives_in(text: str) -> bool:
    """ "maybe i should just unblock him so he calms down", "if i pay he will stop": giving
    in to a threat (in a talk about image threats: don't)."""
    return _found(_GIVES_IN, text)


# "what should i keep as evidence", "should i screenshot it", "the police said keep a diary,
# what goes in it" (helpers' chats: "should I delete photos and memories?", "/urge is here")
_EVIDENCE = re.compile(
    r"\b(?:evidence|proof|a (?:diary|log|record)|keep (?:a |the )?(?:diary|log|record|records)"
    r"|what goes in (?:it|the diary|the log)|screenshot\w*|screen shot\w*|screen record\w*"
    r"|save (?:the |his |her |their )?(?:messages|texts|voicemails|dms))\b"
)
_EVIDENCE_ASKED = re.compile(
    r"\b(?:should|do|can|must|shall) i\b|\bwhat (?:should|do|can)\b|\bhow (?:do|should|can)"
    r"\b|\bwhat goes\b|\?"
)


def asks_about_evidence(text: str) -> bool:
    """ "what should i keep as evidence", "should i screenshot it": what to keep, asked."""
    norm = normalize(text)
    return _EVIDENCE.search(norm) is not None and (
        _EVIDENCE_ASKED.search(norm) is not None or "?" in text
    )


# "should i change the locks", "can i change the lock when renting" (a helper's chat: "Rather
# than the same words twice")
_LOCKS = re.compile(
    r"\b(?:change|changing|replace|replacing|get new|new) (?:the |my |our |all the )?(?:locks?"
    r"|door lock|front door lock)\b|\b(?:locksmith|lock change)\b"
)


def asks_about_locks(text: str) -> bool:
    """ "should i change the locks? can i even do that when renting": the locks, asked."""
    return _found(_LOCKS, text)


# "can he get in trouble for that", "is what hes doing illegal": whether it is a crime
_CRIME = re.compile(
    r"\b(?:can|could|will|would) (?:he|she|they|my ex) (?:get|be) (?:in trouble|arrested|charged"
    r"|done for|prosecuted)\b|\bis (?:this|that|it|what (?:he|she|they) (?:is|are) doing)"
    r" (?:illegal|a crime|against the law|harassment|stalking)\b"
)


def asks_if_crime(text: str) -> bool:
    """ "can he get in trouble for that": whether what they do is a crime."""
    return _found(_CRIME, text)


# "can i get a protection order", "how do i get a restraining order"
_PROTECTION_ORDER = re.compile(
    r"\b(?:protection|protective|restraining|barring|non molestation|no contact|stay away|safety"
    r"|barangay protection) order\b|\b(?:injunction|bpo|avo|dvo|tro)\b"
)


def asks_protection_order(text: str) -> bool:
    """ "can i get a protection order here": where to ask, said generally."""
    return _found(_PROTECTION_ORDER, text) and not has_protection_order(text)


# "i have a restraining order", "theres a protection order against him": already in place,
# so what he does may break it (the sixth probe: answered with how to get one)
_HAS_ORDER = re.compile(
    r"\b(?:i have|i got|i have got|we have|there is|i already have|i took out|i applied for"
    r"|he has)"
    r" (?:a |an |the )?(?:\w+ )?(?:protection|protective|restraining|barring|non molestation"
    r"|no contact|stay away|barangay protection) order\b"
    r"|\b(?:order|injunction|avo|dvo|tro|bpo) (?:is )?(?:against|on) (?:him|her|them)\b"
)


def has_protection_order(text: str) -> bool:
    """ "i have a restraining order": already in place; breaches are reported."""
    return _found(_HAS_ORDER, text)


# Tech safety: shared locations, passwords, a phone they can get into
_TECH_SAFETY = re.compile(
    r"\b(?:share|sharing|shared|see|sees|track|tracks|tracking|knows?) (?:\w+ ){0,3}?(?:my )?"
    r"(?:location|locations|where i am)\b|\bsnap ?map\b|\bfind my (?:iphone|phone|friends)?\b"
    r"|\b(?:has|had|knows|used to have|still has) my (?:\w+ )?(?:password|passcode|pin|login"
    r"|apple id|icloud)\b|\b(?:takes|took|go through|goes through|looks at|checks) my phone\b"
    r"|\bcan (?:he|she|they) see (?:this|my messages|this chat|what i)\b"
)


def asks_tech_safety(text: str) -> bool:
    """ "he can see where i am on snapchat", "he has my icloud password", "if he takes my phone
    can he see this": steps for phone and account safety."""
    return _found(_TECH_SAFETY, text)


# A tracker or spying software feared or asked about ("how do i know if theres stalkerware on
# my phone", "could he have put an airtag in my bag"): how to look, and why a line first (the
# eighth probe's S14: the general danger answer only said "check for trackers")
_TRACKER = re.compile(
    r"\b(?:stalkerware|spyware|spy ware|spy app|spy apps|spying app|tracking app|tracker app"
    r"|tracker|trackers|tracking device|gps tracker|air ?tags?|life ?360|mspy|flexispy)\b"
    r"|\b(?:bugged|hacked|cloned|tapped) (?:my|our) (?:phone|car|laptop|computer|ipad|tablet)\b"
    r"|\bsomething (?:on|in) my (?:phone|car) (?:that|which) (?:tracks|lets (?:him|her|them))"
    # "how do i check if my phone is being tracked" (a session-27 chat: "I don't want to
    # guess at it... /urge is right here")
    r"|\b(?:my )?(?:phone|car|location|laptop) (?:is |has been )?(?:being )?(?:tracked|bugged"
    r"|monitored|spied on)\b|\b(?:he|she|they) (?:is|are) (?:tracking|monitoring) (?:me|my)\b"
    r"|\b(?:is|are) (?:he|she|they|my ex) (?:tracking|monitoring) me\b"
    # "i think he might be tracking my phone somehow?? or my car" (a session-29 chat: "Please
    # call 000 now. If you're inside and they're outside, lock the door")
    r"|\b(?:he|she|they|my ex) (?:might|may|could|must) (?:be )?(?:(?:tracking|monitoring)"
    r" (?:me|my (?:phone|car|location|messages|texts|laptop))|reading my (?:messages|texts))\b"
    r"|\b(?:tracking|monitoring) my (?:phone|car|location|laptop)\b"
)


_RID_OF_IT = re.compile(
    r"\b(?:chuck|throw|bin|smash|destroy|break|get rid of|take out|pull out|remove|rip out|toss"
    r"|flush|drown|crush|disable|turn off|switch off) (?:it|that|the (?:thing|tracker|airtag"
    r"|air tag|device|app|spyware|stalkerware))\b|\b(?:uninstall|delete) (?:it|the app|that app)\b"
)


def gets_rid_of_it(text: str) -> bool:
    """ "should i just chuck it in the bin", "can i smash it": a tracker, got rid of."""
    return _found(_RID_OF_IT, text)


# In a talk about danger from him: "hes coming to pick me up after my shift tonight" (a
# session-29 chat: the stock "doors locked, phone on you")
_COMES_FOR_THEM = re.compile(
    r"\b(?:he|she|they|my ex) (?:is|s|are|will be|is going to be|wants to be)(?: \w+)?"
    r" (?:coming to (?:pick me up|get me|collect me|meet me|see me)|picking me up|collecting me"
    r"|meeting me|driving me (?:home|back)|taking me home|waiting for me after)\b"
    r"|\b(?:he|she|they|my ex) (?:will|is gonna|is going to|wants to) (?:pick me up|collect me"
    r"|drive me home|meet me after|walk me home)\b"
)


def comes_for_them(text: str) -> bool:
    """ "hes coming to pick me up after my shift": the one they fear, coming to them."""
    return _found(_COMES_FOR_THEM, text)


# In a talk about danger from him, what was done made small: "i mean it wasnt that bad", "he
# said sorry", "he didnt mean it" (a session-29 chat: the safety steps again, then a stock line)
_MINIMIZES = re.compile(
    r"^(?:(?:i mean|but|well|honestly|tbh|like|idk|ok|okay|and|plus|anyway) )*(?:it|that|this)"
    r" (?:was not|is not|was never) (?:that|so|really|even that|like that|a big deal|serious)"
    r"(?: (?:bad|serious|big|of a deal))?\b"
    r"|\b(?:he|she|they) (?:said|says|keeps saying) (?:sorry|(?:he|she|they) (?:is|was|are|were)"
    r" sorry)\b|\b(?:he|she|they) (?:did not|never) mean (?:it|to)\b"
    r"|\b(?:it was|it only happened|it happened) (?:only )?(?:once|one time)\b"
    r"|\b(?:he|she|they) (?:was|were) (?:just )?(?:drunk|stressed|upset|tired)\b"
)


def minimizes(text: str) -> bool:
    """ "i mean it wasnt that bad", "he said sorry": what was done to them, made small."""
    return _found(_MINIMIZES, text) and mentions_harm(text) is None


def asks_about_tracker(text: str) -> bool:
    """ "is there stalkerware on my phone", "i think he put a tracker on my car": how to look
    for it, and why to talk to a line before removing it."""
    return _found(_TRACKER, text) and not _found(_OTHER_TRACKER, text)


# Trackers that track the person for the person: "my fitness tracker", "a habit tracker app"
_OTHER_TRACKER = re.compile(
    r"\b(?:fitness|period|cycle|habit|sleep|mood|step|budget|food|calorie|water|workout|run"
    r"|running|no contact|nc|day|streak|parcel|package|delivery|flight) (?:tracker|trackers"
    r"|tracking app|tracker app)\b"
)


# "stop with the hotline stuff", "i dont want any more numbers": heard; the numbers stay one tap
# away and are not listed again at once (the eighth probe's M6)
_NO_NUMBERS = re.compile(
    # "fuck off with the hotline shit", "spare me the numbers" (a note's list, session 37:
    # "The most important thing right now is a person who can help: 999 or 112")
    r"\b(?:stop|enough|quit|no more|done|cut it out|cut the|chill|fuck off|piss off|fuck|screw"
    r"|shove|forget|spare me|miss me) (?:\w+ )?(?:with )?(?:the |all"
    r" the |these |those |your |all these |all those |giving me |sending me |sending |giving )?"
    r"(?:crisis |suicide |help |emergency |phone )?(?:hotline|hotlines|helpline|helplines|help"
    r" lines|numbers|crisis lines|lines)\b"
    r"|\bi do not (?:want|need) (?:a |any |your |the |another |more |no )?"
    r"(?:crisis |suicide |help )?(?:hotline|hotlines|helpline|helplines|help lines|numbers"
    r"|crisis lines)\b"
    # "i just need someone to talk to not a helpline number" (a session-29 chat: "I'll stay
    # while you call")
    r"|\bnot (?:a |another |some |the |any )?(?:crisis |suicide |help )?(?:hotline|helpline"
    r"|help line|number|phone number|helpline number|hotline number)s?\b"
    r"|\b(?:stop|quit) (?:telling|asking) me to call (?:a |the |some )?(?:hotline|helpline|line"
    r"|number|someone|anyone|people)\b"
    # "and dont tell me to call 999 either" (a helper's chat, session 36: "call 999 now")
    r"|\b(?:do not|never|stop|quit) (?:tell|telling|ask|asking) me to (?:call|ring|phone|text)"
    r" (?:\d{3,6}|911|999|112|000|988|samaritans|lifeline|the police|an ambulance|anyone"
    r"|someone|a hotline|a helpline|them)\b"
    # "please dont give me the hotline thing again" (a helper's chat: the lines, at once)
    r"|\b(?:do not|stop|quit) (?:give|giving|send|sending|show|showing) me (?:the |a |any |more"
    r" |another |your |all the |those |these )?(?:crisis |suicide |help )?(?:hotline|hotlines"
    r"|helpline|helplines|numbers?|crisis lines?)\b"
    # ... in the languages the talk reads (a helper's chat, session 40: "nao quero numero de
    # telefone nenhum" left the talk for the English-only notice and a topic)
    r"|\b(?:nao|no|nem) (?:quero|preciso|quiero|necesito|me (?:de|des|da|mandes|passe|pases))"
    r" (?:(?:de |do |el |la |los |las |um |uma |nenhum |ningun |ninguna |mais |mas |otro |outro )?"
    r"(?:numero|numeros|telefone|telefono|linha|linea|lineas|linhas|hotline|cvv|ligar|llamar))\b"
    r"|\bsin numeros\b|\bsem numeros?\b|\b(?:pas|plus) de numeros?\b"
    r"|\bje (?:ne )?veux (?:pas|plus) (?:de )?(?:numero|numeros|ligne|appeler)\b"
    r"|\b(?:keine|ohne) (?:nummer|nummern|hotline|telefonnummer|telefonnummern)\b"
    r"|\b(?:number|numbers|helpline|hotline) (?:mat|nahi|nahin) (?:do|dena|bhejo|chahiye)\b"
)


# "he never hit me, idk why you gave me the domestic violence number", "stop with the domestic
# violence stuff, he never threatened me": no danger from anyone, the danger path misread
_NOT_ABUSE = re.compile(
    r"\b(?:(?:he|she|they|my ex) (?:has |have |had )?(?:never|not|did not|does not|would never)"
    r" (?:\w+ ){0,2}?(?:hit|hurt|threatened|touched|laid a (?:finger|hand) on|abused|scared) me"
    r"|(?:why (?:did |do |would )?you (?:gave|give|giving|send|sent|sending) me|stop (?:with"
    r"|giving me|sending me)|no more|enough with) (?:the |that |this |all the |all this )?"
    r"(?:domestic (?:violence|abuse)|dv|abuse)(?: \w+)?|(?:it is|its|this is|that is|it was)"
    r" not (?:domestic (?:violence|abuse)|abuse|dv)|not (?:an )?abus(?:e|ive)(?: relationship)?)\b"
)
# ...and, in the danger talk only: "he just wanted to return my hoodie, it was fine", "i dont
# feel unsafe, hes just sad" (a helper's chat, session 37: "Where will you sleep tonight?" to
# each). In a talk about their own pain, "im not in danger i was just venting" is a
# clarification of its own.
_NOT_AFRAID = re.compile(
    r"\b(?:he|she|they|my ex) (?:just |only )?(?:wanted|came|was there|stopped by|dropped by"
    r"|came by|came over) to (?:return|drop off|give (?:me )?back|bring (?:back )?|give me)"
    r" (?:\w+ ){0,2}?(?:my |the |his |her |their |some |a )?(?:\w+ )?(?:stuff|things|hoodie"
    r"|jumper|sweater|jacket|clothes|keys|box|books|charger|bag|mail|post|parcel|cat|dog)\b"
    r"(?=(?: \w+){0,6}? (?:fine|civil|ok|okay|nice|nothing|polite|harmless|chill)\b)"
    r"|\bi (?:do not|dont|don t|did not) (?:feel|felt) (?:unsafe|scared|afraid|in danger)\b"
    r"|\bi (?:am|m) not (?:unsafe|scared of (?:him|her|them)|afraid of (?:him|her|them)"
    r"|in danger)\b"
)


# "he hasn't actually hurt me", "its just words", "solo son palabras", after a threat told: the
# danger played down, not a misreading (session-32 chats, three of three: "My mistake... You
# were sad, not in danger from him", then the self-harm talk's words)
_PLAYS_DOWN_DANGER = re.compile(
    r"\b(?:he|she|they|my ex) (?:has |have |had )?(?:not|never|did not|has not|have not)"
    r" (?:actually |really |ever |physically |yet )*(?:hurt|hit|touched|done anything to|laid a"
    r" (?:finger|hand) on) me(?: yet| though| tho| actually| physically| or anything)*\b"
    r"|\b(?:it is|its|they are|theyre|they re|it s) (?:just|only)"
    r" (?:words|talk|texts|messages|threats)\b"
    r"|\b(?:he|she|they) (?:is|s|are|re) (?:just |all )?(?:all talk|bluffing|just talking)\b"
    r"|\b(?:he|she|they) (?:would|will) never (?:actually|really) do (?:it|that|anything)\b"
    r"|\b(?:solo|son solo|nada mas|nomas) (?:son )?palabras\b|\bsao so palavras\b"
)
_DANGER_PATH_QUESTIONED = re.compile(
    r"\b(?:why (?:did |do |would )?you (?:gave|give|giving|send|sent|sending) me|stop (?:with"
    r"|giving me|sending me)|no more|enough with) (?:the |that |this |all the |all this )?"
    r"(?:domestic (?:violence|abuse)|dv|abuse)\b|\bnot (?:an )?abus(?:e|ive)\b|\b(?:never|did not"
    r"|has not) threatened me\b"
)


def plays_down_danger(text: str) -> bool:
    """ "he hasn't actually hurt me", "its just words": danger told, then played down; not a
    complaint that the danger path was a misreading ("why the domestic violence number")."""
    return _found(_PLAYS_DOWN_DANGER, text) and not _found(_DANGER_PATH_QUESTIONED, text)


def not_abuse(text: str) -> bool:
    """ "he never hit me or anything, idk why you gave me the domestic violence number": the
    person is not in danger from anyone (a helper's chat: the danger path kept, "lock the
    door" to each correction). Not when the same message tells of being choked ("he choked me
    once but he was drunk. he never hit me": a session-33 chat got "I got that wrong")."""
    return _found(_NOT_ABUSE, text) and not was_choked(text)


def not_afraid(text: str) -> bool:
    """In the danger talk: the visit was harmless, or they are not afraid of them."""
    return _found(_NOT_AFRAID, text) and not was_choked(text)


# "i put them in my car. in the trunk", "gave them to my flatmate", "locked them away": the
# means named, moved out of reach
_PUT_AWAY = re.compile(
    r"\b(?:put|locked|hid|left|moved|gave|handed|took|threw|flushed|binned|returned|dropped)"
    r" (?:them|it|the (?:\w+ )?(?:pills|tablets|meds|rope|knife|knives|blades?|razors?|gun"
    r"|bottle|box)|all of them|my (?:pills|tablets|meds|knife|blades?|razors?))(?: \w+){0,4}?"
    r" (?:in|into|to|outside|away|out|in the|at|with|down)\b(?! (?:my (?:hand|mouth|pocket"
    r"|bag|room|bed|bedside)|front of me|reach)\b)|\b(?:out of (?:my )?reach|far away from me"
    r"|not in the house|out of the house)\b"
    # "i put them back", "ok. i go to other room" (away from the knife in the kitchen; a
    # session-29 chat: "Please don't wait this out alone" to each)
    r"|\b(?:put|placed) (?:them|it|the (?:\w+ )?(?:pills|tablets|meds|knife|blades?|razors?|box"
    r"|bottle)) back\b(?! in my (?:hand|pocket|bag)\b)"
    r"|\b(?:go|went|going|am going|moved|moving|i am|am|gone) (?:in|into|to) (?:the )?(?:other"
    r"|another|next|different|living|spare) room\b|\b(?:left|out of|away from) the kitchen\b"
    # the same in the other languages people write in (a session-34 chat: "sige, nilagay ko na
    # sa kusina yung pills", put in the kitchen, got "put distance between you and it")
    r"|\b(?:nilagay|tinago|itinapon|binigay) ko(?: na)?\b|\bi don (?:put|hide|hid|comot|throw"
    r"|give) (?:am|dem|them)\b|\b(?:los|las|lo|la) (?:guarde|escondi|tire|deje|di)"
    r" (?:en(?! paz)|afuera|lejos|a mi|a la|al|fuera)\b"
    r"|\b(?:guardei|escondi|joguei fora|tirei|entreguei) (?:os|as"
    r"|eles|elas|o|a|tudo)?\b(?: (?:remedios|comprimidos|faca|lamina))?|\b(?:weggelegt"
    r"|weggeraumt|weggeworfen|versteckt|abgegeben)\b|\b(?:je (?:les|l) ai|j ai) (?:ranges?|caches?"
    r"|jetes?|donnes?|mis (?:dans|de cote|loin))\b|\b(?:rakh|chhupa|chupa|phenk|fenk|phek|de)"
    r" (?:diya|diye|di|dia|diyi)\b"
)


def puts_away(text: str) -> bool:
    """ "i put them in my car. in the trunk": the means moved away, as asked (a helper's chat:
    "On to that, then" and a menu about leases)."""
    return _found(_PUT_AWAY, text) and done_to_self(text) is None


def no_more_numbers(text: str) -> bool:
    """ "stop with the hotline stuff", "i dont want your helplines": no more lists of numbers."""
    return _found(_NO_NUMBERS, text)


# A heavy feeling told in the talk, by its kind: being a burden, no point, no way out
_FEELING_KINDS = (
    (
        "burden",
        re.compile(
            r"\b(?:burden|burdens|better off without me|in (?:everyone s|everybody s|their|the)"
            r" way|(?:nobody|no one|noone) would (?:even )?(?:notice|care|miss me)|too much for"
            r" (?:everyone|everybody|them|people))\b"
        ),
    ),
    (
        "pointless",
        re.compile(
            r"\b(?:no point|what is the point|whats the point|pointless|no reason to (?:live"
            r"|keep going|be here|stay|go on)|nothing to live for|why (?:even )?bother)\b"
        ),
    ),
    (
        "trapped",
        re.compile(
            r"\b(?:trapped|stuck|can not (?:take|do|handle|cope with) (?:this|it|any of it)"
            r"(?: any ?more)?|too much|unbearable|can not cope|no way out|can not go on"
            r"|can not keep going)\b"
        ),
    ),
)


def heavy_feeling(text: str) -> str | None:
    """ "i just feel like a burden to everyone", "whats even the point", "i cant take it
    anymore", told in the talk: which kind of weight it is (burden, pointless, trapped, or
    heavy for the rest, which the talk answers by asking again whether they are safe), None
    when the message is not a passive warning sign."""
    signal = detect_crisis(text)
    if signal is None or signal.kind != "self_harm" or signal.level != "passive":
        return None
    norm = normalize(text)
    return next((kind for kind, pattern in _FEELING_KINDS if pattern.search(norm)), "heavy")


def against_them(text: str) -> bool:
    """ "my sister? she hates me", "my boss is on my back too": someone named who is no one to
    reach tonight (seventh probe)."""
    return _AGAINST_THEM.search(normalize(text)) is not None


# Danger from the ex, talked about: police not wanted ("i dont want to call the police on
# him"), hope they change ("maybe he'll change"), wanting to go back, missing them after the
# violence ("he used to hit me but i still miss him"). Seventh probe.
_NO_POLICE = re.compile(
    r"\b(?:i )?(?:do not|dont|don t|will not|wont|am not going to|not going to|can not|cant)"
    r" (?:want to |wanna )?(?:call|ring|phone|get|involve|report (?:it|him|her|them) to|go to"
    r"|tell)"
    r" (?:the )?(?:police|cops|polizei|guards)\b|\bno (?:police|cops)\b|\b(?:police|cops)"
    r" (?:would|will|wont|will not|never) (?:make it worse|help|do anything|believe me)\b"
)
_GOING_BACK = re.compile(
    r"\b(?:maybe|what if|but|i think|i hope|hoping) (?:he|she|they)(?: will| could| might| can"
    r"| would| is going to| are going to)? (?:change|be different|get better|stop)\b"
    r"|\b(?:he|she|they) (?:has|have|is|are|says he has|says she has) (?:really )?changed\b"
    r"|\b(?:want|wanna|going|thinking about going|thinking of going) (?:to )?(?:go )?back to"
    r" (?:him|her|them)\b|\bgive (?:him|her|them|it|us) (?:another|one more|a second) chance\b"
)
_MISSES_THEM = re.compile(
    r"\b(?:still )?(?:miss|missing|love|loving) (?:him|her|them)\b|\bwant (?:him|her|them) back\b"
)
_PAST_VIOLENCE = re.compile(
    r"\b(?:used to|would) (?:hit|beat|hurt|choke|push|slap|kick) me\b|\bwas (?:abusive|violent)\b"
    r"|\b(?:hit|beat|abused|choked|hurt) me (?:before|in the past|for years|a lot)\b"
)


def objects_to_police(text: str) -> bool:
    """ "i dont want to call the police on him": the hotline is not the police."""
    return _found(_NO_POLICE, text)


# "maybe i should just go back to him for a while until he's better", in the talk about the
# ex at risk (a helper's chat, session 38: "'I don't know' is allowed")
_BACK_FOR_THEM = re.compile(
    r"\b(?:should|could|might|will|shall|have to|need to|going to|gonna|want to|thinking of"
    r"|thinking about) (?:just )?(?:go|going|get|getting) back (?:to|with) (?:him|her|them|my ex)"
    r"\b|\b(?:should|could|will|shall|have to|need to) (?:just )?(?:take|taking) (?:him|her|them)"
    r" back\b|\b(?:should|could|will|shall|have to|need to) (?:just )?(?:reply|answer|text|call"
    r"|unblock) (?:him|her|them)(?: \w+){0,3}? (?:so|until|till|to keep|to stop) (?:he|she|they)"
    r"(?: is| s| are)? (?:better|safe|ok|okay|calms? down|does not|do not|stops?)\b"
)


def goes_back_for_them(text: str) -> bool:
    """ "maybe i should go back to him until he's better": pulled back by the threat."""
    return _found(_BACK_FOR_THEM, text)


def hopes_for_them(text: str) -> bool:
    """ "maybe he'll change", "i want to go back to him", after violence told."""
    return _found(_GOING_BACK, text)


def misses_who_hurt_them(text: str) -> bool:
    """ "he used to hit me but i still miss him so much": violence past, missed still."""
    norm = normalize(text)
    return _PAST_VIOLENCE.search(norm) is not None and _MISSES_THEM.search(norm) is not None


# Where the one at risk is ("my friend in toronto texted me she wants to kill herself"):
# their country's numbers, not the person's own (seventh probe)
_THEIR_PLACE = re.compile(
    r"\b(?:friend|sister|brother|cousin|mum|mom|dad|ex|boyfriend|girlfriend|bf|gf|partner|son"
    r"|daughter|he|she|they)(?: \w+)?(?: who)? (?:in|lives in|living in|from|based in|over in"
    r"|is in|back in|moved to)\s+"
    # where someone is, not a place on a map: "he's in hospital", "she's in a bad way"
    r"(?!(?:the |a |an )?(?:hospital|a e|a and e|icu|er|intensive care|resus|rehab|jail|prison"
    r"|bed|trouble|a bad way|bad way|shock|tears|pieces|bits|danger|crisis|pain|love|debt"
    r"|surgery|theatre|recovery|care|custody|a coma|coma|an ambulance|ambulance)\b)"
    r"(?P<place>[a-z][a-z .-]{1,30}?)(?=\s*(?:[,.?!]|$)|\s+(?:texted"
    r"|said|says"
    r"|told|is|wants|and|just|keeps|has|she|he|they|what|who|messaged|called|posted)\b)"
)


def their_place(text: str, names: dict[str, str]) -> str | None:
    """The country of the place where the one at risk is said to be, or None."""
    found = _THEIR_PLACE.search(normalize(text))
    if found is None:
        return None
    place = found.group("place").strip()
    code = names.get(place.removeprefix("the "))
    if code is not None:
        return code
    candidates = resolve_timezone(place)
    return country_for_zone(candidates[0].zone) if candidates else None


_READ_THIS = re.compile(
    r"\b(?:can|could|will|would) (?:he|she|they|my ex|anyone|anybody|someone|people)"
    r" (?:(?:be able to|ever) )?(?:see|read|find) (?:this|what i"
    r" (?:write|say|type|tell you)|my messages (?:here|to you)|this chat|our chat|what we)\b"
    r"|\b(?:is|are) (?:he|she|they|my ex|anyone|anybody|someone|people) able to (?:see|read)"
    r" (?:this|what i (?:write|say|type)|my messages|this chat|any of this)\b"
    r"|\b(?:will|would|does|do|can) (?:he|she|they|my ex) (?:know|find out|get told|be told"
    r"|get a notification|be notified|get notified|see it|hear about it)\b(?:(?: \w+){0,4}?"
    r" (?:this|here|bot|app|delet\w*|use)|(?: (?:about it|lol|though|tho|now))? ?$)"
    r"|\b(?:is|are) (?:this|my messages|this chat) (?:private|secret|confidential)\b"
    # "who can read what i write here?", "do you send this to my ex?" (a helper's terminal
    # chat: the FAQ's "Should I reply?" and "I broke No Contact" were offered)
    r"|\bwho (?:can|could|else can|gets to|will) (?:see|read) (?:this|what i (?:write|say|type"
    r"|send|tell you)|my messages|this chat|these messages)\b"
    r"|\b(?:do|will|would|can|could) you (?:send|show|forward|share|pass|give|tell) (?:this|these"
    r"|my messages|what i (?:write|say|type|tell you)|any of this|anything)\b(?: \w+){0,2}?"
    r" (?:to (?:my ex|him|her|them|anyone|anybody|someone|people|the police)|on)\b"
)


def can_they_read_this(text: str) -> bool:
    """ "can he see what i write here?", "is this private": who can read this chat."""
    return _found(_READ_THIS, text)


_WONT_CALL = re.compile(
    r"\b(?:i )?(?:do not|dont|don t|will not|wont|am not going to|am not)"
    r" (?:want to |wanna )?"
    r"(?:call|calling|ring|ringing|phone|talk to|speak to) (?:anyone|anybody|a stranger"
    r"|strangers|a hotline|a helpline|the line|the hotline|988|samaritans|lifeline"
    r"|a random person|someone)\b"
    r"|\b(?:hate|can not do|cant do|can not handle) (?:phone calls|calling|the phone"
    r"|talking on the phone)\b"
    # in the other languages people write in (a session-34 chat: "I no fit call anybody, dem
    # go laugh me" got "the most important thing right now is a person")
    r"|\bi no (?:fit|wan|want) call (?:anybody|anyone|person|nobody)\b|\bno (?:puedo|quiero)"
    r" llamar(?: a nadie)?\b|\b(?:nao|não) (?:quero|consigo|posso) ligar\b|\b(?:ayoko|ayaw"
    r" ko|hindi ako makatawag|di ako makatawag)(?:ng)? (?:tumawag|tawagan)?\b|\bich (?:will|kann)"
    r" (?:niemanden|nicht) anrufen\b|\bje (?:ne )?(?:veux|peux) (?:appeler personne|pas appeler)"
    r"\b|\b(?:kisi ko )?call nahi kar (?:sakta|sakti|paunga|paungi)\b"
)


def wont_call(text: str) -> bool:
    """ "i dont want to call anyone", "i hate phone calls": texting and writing instead."""
    return _found(_WONT_CALL, text)


# Resigned, as an answer to "are you safe?" ("whatever", "who cares", "doesn't matter"): not
# "not knowing is a real answer" (a session-33 chat), but heard as tiredness
_RESIGNED = re.compile(f"(?:{_RESIGNED_WORDS})")


def is_resigned(text: str) -> bool:
    """ "whatever", "who cares", "doesn't matter": said alone, as the answer."""
    return _RESIGNED.fullmatch(_reply(text)) is not None


# An injury that needs emergency help whatever it looks like: the wrists or the neck cut, a lot
# of blood, bleeding that won't stop (sixth probe M3)
_SERIOUS_INJURY = re.compile(
    r"\b(?:wrist|wrists|neck|throat|vein|veins|artery)\b|\b(?:a lot of|so much|lots of|loads of)"
    r" blood\b|\bblood everywhere\b|\b(?:will not|wont|can not|cant|does not|doesnt) stop"
    r" bleeding\b|\bbleeding (?:a lot|so much|badly|heavily|loads)\b"
    r"|\b(?:really |very |too |so )deep\b"
    # "it gapes a bit" (a session-29 chat: "it can be hard to tell", though the bot had said a
    # gaping cut needs a doctor tonight)
    r"|\b(?:gapes|gaping|gape|wide open|(?:might |probably |prob )?needs? stitches|can see"
    r" (?:fat|the fat|white|inside|the inside))\b"
    # "ive been pressing a towel on it for like 10 min and its still coming through" (a
    # session-29 chat: a stock "please don't wait this out alone")
    r"|\b(?:still|keeps) (?:coming through|soaking|bleeding through|pouring|dripping)\b"
    r"|\bsoaked (?:through|the towel|the cloth)\b|\bbleeding more than (?:usual|normal|before)\b"
    r"|\b(?:is|it is|its) still bleeding after\b"
)
# Not knowing how bad it is ("idk how deep", "not sure if it needs stitches")
_DEPTH_UNSURE = re.compile(
    r"\b(?:i do not know|idk|dunno|not sure|no idea|can not tell|cant tell)(?: \w+){0,2}? (?:how"
    r" (?:deep|bad|serious)|if (?:it needs|i need) (?:stitches|a doctor|hospital)|whether)\b"
)


def serious_injury(text: str) -> bool:
    """ "ive already cut my wrists", "its bleeding a lot": an emergency, said so plainly."""
    return _found(_SERIOUS_INJURY, text)


def depth_unsure(text: str) -> bool:
    """ "idk how deep", after an injury told: get it checked."""
    return _found(_DEPTH_UNSURE, text)


# A cut said to be small ("not deep", "just a scratch", "no es profundo"; the ninth probe's
# S2: "please don't wait, call 911" for a surface cut taught people to stop telling)
_MINOR_INJURY = re.compile(
    r"(?:(?:no|nah|nope|it is|its|it s|they are|they re|theyre|just|only|honestly|i mean"
    r"|not that bad|its fine|it is fine|i am fine)\W* )*(?:not (?:that |very |too |really |super"
    r" )?deep|(?:just |only )?(?:a |some )?(?:scratch|scratches|surface|superficial|shallow|small"
    r"|little)(?: (?:ones?|cuts?|scratch(?:es)?))?|(?:it )?(?:stopped|has stopped) bleeding|not"
    r" bleeding(?: anymore| now| any more)?|no es (?:muy )?profundo|nao e (?:muito )?fundo"
    r"|pas profond|nicht tief)(?: (?:tho|though|really|i think|lol|honestly|dw|do not worry))*"
    # "its not deep, i cleaned it" (a helper's chat: "please call 911 now")
    r"(?:,? (?:and )?i (?:have |already )?(?:cleaned|washed|bandaged|covered|disinfected|put a"
    r" (?:plaster|bandage|band aid) on) (?:it|them|it up|them up)(?: already| now)?)?"
)


def minor_injury(text: str) -> bool:
    """ "not deep", "just a scratch", "it stopped bleeding": a small cut, told; or, after an
    injury told, "i cleaned it already", "please dont make it a big thing" (a session-28
    chat: "call 911 now" six times)."""
    return _says_only(_MINOR_INJURY, text) or _found(_CARED_FOR, text)


# Inside a longer message: "i relapsed last night. cut for the first time in 5 months. its
# not deep"
_MINOR_SAID = re.compile(
    r"\b(?:it is|its|it s|they are|theyre)? ?(?:not (?:that |very |too |really |super )?deep"
    r"|just a scratch|only a scratch|superficial|(?:it )?(?:stopped|has stopped) bleeding)\b"
)
_CARED_FOR = re.compile(
    r"^(?:(?:ok|okay|yeah|yes|no|and|i mean|honestly)\W* )*(?:i (?:have |already )?(?:cleaned"
    r"|washed|bandaged|covered|disinfected|put a (?:plaster|bandage|band aid) on) (?:it|them)"
    r"(?: up)?(?: already| now)?|(?:please )?(?:do not|dont) make (?:it|this) (?:a )?(?:big"
    r" (?:thing|deal)|into a thing)(?: please| pls)?)\W*$"
)


def minor_said(text: str) -> bool:
    """A small cut told within a longer message ("... its not deep")."""
    return _found(_MINOR_SAID, text) and not serious_injury(text)


# "i feel like i ruined my streak. like the self harm one": a relapse, and the shame of it
_RUINED_STREAK = re.compile(
    r"\b(?:ruined|broke|broken|lost|reset|blew|wasted) (?:my |the |all my |a )?(?:\w+ )?"
    r"(?:streak|progress|months|clean streak|clean time)\b(?=.{0,60}\b(?:self harm|sh|cut"
    r"\w*|clean|not the nc|not the no contact)\b)|\bi relapsed\b"
)


def ruined_streak(text: str) -> bool:
    """ "i ruined my streak, the self harm one": a relapse, with its shame. Not when the same
    message tells of a fresh or serious injury ("i relapsed and its bleeding a lot")."""
    return (
        _found(_RUINED_STREAK, text)
        and done_to_self(text) is None
        and not serious_injury(text)
    )


# "can we talk about something else", "distract me": the subject changed, company kept
_ELSE = re.compile(
    r"\b(?:talk|chat|speak|tlk)(?: to me| with me)? (?:about|abt|bout) (?:something|anything"
    r"|somehting|somthing|smth|sth|somethin|sumthing|sumthin|anythin) else\b"
    r"|\btell me (?:something|smth|sth) (?:random|else)\b"
    r"|\bcan we (?:just )?talk about something normal\b"
    r"|\bchange (?:the|of) (?:subject"
    r"|topic)\b|\bdistract me\b|\bcan we not talk about (?:this|that|it)\b|\bi do not want to"
    r" talk about (?:this|that|it)(?: anymore| any more| right now| now| tonight)?$"
)


# "my parents cant find out about this", "dont tell my mom", "nobody can know": kept from
# people close to them (a session-29 chat: "Good, let's make that happen now. Call your
# parents" to a fifteen-year-old who said her parents must not find out)
_CLOSE = (
    r"(?:parents|mum|mom|mam|mother|dad|father|family|wife|husband|partner|boyfriend"
    r"|girlfriend|bf|gf|friends|roommates?|flatmates?|boss|teachers?|school|sister|brother"
    r"|grandma|grandmother|nan|nana|grandpa|aunt|uncle|kids|children|anyone|anybody|no one"
    r"|nobody)"
)
_KEPT_FROM = re.compile(
    rf"\b(?:(?:my |our |the )?{_CLOSE}|they) (?:can not|cannot|must not|mustnt|should not"
    r"|shouldnt|will never|can never|is not allowed to|are not allowed to) (?:ever )?"
    r"(?:find out|know|hear|see this|be told|learn)\b"
    r"|\b(?:please |pls )?do not (?:tell|call|contact|text|message|inform)"
    rf" (?:my |our )?{_CLOSE}\b"
    rf"|\bi do not want (?:my |our )?{_CLOSE} to (?:know|find out|hear)\b"
    rf"|\bi (?:can not|cannot|could never|can never|will never) tell (?:my |our |a |any |the )?"
    rf"{_CLOSE}\b"
    r"|\bif (?:my |our )?(?:parents|mum|mom|dad|family|wife|husband|partner) (?:ever )?"
    r"(?:find out|finds out|knew|found out|saw this|sees this)\b"
    # "my mum would kill me if she found out i was talking about this"; never "if he finds me"
    # or "if he finds out where i live" (danger from him, not a secret kept from family)
    r"|\b(?:mum|mom|mother|dad|father|parents|family|teacher|teachers|school)\b(?: \w+){0,6}?"
    r" if (?:she|he|they) (?:ever )?(?:found out|finds out|find out|knew)\b(?! where)"
    # "will they tell my parents", "does childline call your mum" (a session-33 chat, aged 15)
    r"|\b(?:will|would|do|does) (?:they|the line|childline|it|that|the helpline|the hotline)"
    rf" (?:tell|call|ring|contact|inform) (?:my |your |the )?{_CLOSE}\b"
    r"|\b(?:no one|nobody) (?:can|must|should) (?:ever )?(?:find out|know|hear|learn)\b"
)


def keeps_it_from(text: str) -> bool:
    """ "my parents cant find out about this", "dont tell my mom", "i cant tell my wife": what
    they told is to stay away from someone close (not someone to reach now)."""
    return _found(_KEPT_FROM, text)


# "i dont want a lecture, i just needed to tell someone": heard, no lecture (a helper's
# terminal chat: the talk let go, with the FAQ's buttons beside a stock line)
_NO_LECTURE = re.compile(
    r"\bdo not (?:want|need) (?:a |any |another )?(?:lecture|speech|sermon|advice"
    r"|fixing|to be fixed|therapy talk)\b|\bi (?:just|only) (?:needed|wanted|want|need) (?:to"
    r" (?:tell|say it to|talk to) (?:someone|somebody|anyone|anybody|you)|someone to know"
    r"|(?:to )?(?:get it out|say it out loud|vent))\b"
)


def wants_no_lecture(text: str) -> bool:
    """ "i dont want a lecture, i just needed to tell someone": heard, nothing more asked."""
    return _found(_NO_LECTURE, text) and mentions_harm(text) is None


_ABOUT_THEM_INSTEAD = re.compile(
    r"\b(?:can|could) we (?:just )?talk about (?:him|her|them|my ex|the breakup)(?: instead| now)?"
    r"\b|\bi (?:just )?want to talk about (?:him|her|them|my ex)(?: instead)?\b"
)


def talks_of_them(text: str) -> bool:
    """ "ok can we talk about him instead": the ex, as the subject they want now."""
    return _found(_ABOUT_THEM_INSTEAD, text) and mentions_harm(text) is None


def talks_of_else(text: str) -> bool:
    """ "can we talk about something else", "distract me": another subject, asked for."""
    return _found(_ELSE, text)


# After something taken: going to sleep it off, or calling it an accident (eighth probe)
_SLEEP_IT_OFF = re.compile(
    r"\b(?:sleep it off|go to (?:bed|sleep)|going to (?:bed|sleep)|lie down|lay down|have a nap"
    r"|take a nap|just sleep|gonna sleep|sleep now|(?:want|wanna|need|going) to sleep"
    # "just want to sleep" after pills (a session-30 chat: "if you haven't yet, call")
    r"|so (?:sleepy|tired|drowsy)|let me sleep|(?:want|wanna) to lie down|eyes (?:are )?closing)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:accident|accidentally|by mistake|did not mean to|didnt mean to|not on purpose|was not"
    r" trying to)\b"
)


def sleeps_it_off(text: str) -> bool:
    """ "im just gonna sleep it off", after pills: sleeping is the danger."""
    return _found(_SLEEP_IT_OFF, text)


def says_accident(text: str) -> bool:
    """ "it was an accident kind of", after pills: help is the same."""
    return _found(_ACCIDENT, text)


# The one who threatens them is at the door now (eighth probe): "he's outside my flat right
# now banging on the door"
_AT_DOOR = re.compile(
    r"\b(?:outside|at|in front of|infront of|infront|in front) (?:my|the|our) (?:front |back )?"
    r"(?:door|flat|house|apartment"
    r"|place|window|building)\b|\b(?:banging|pounding|knocking|kicking) (?:on|at|in)"
    r" (?:my|the|our) (?:door|window)\b|\btrying to (?:get|break|force his way|force her way) in\b"
)


# On the way to them now ("he texted that hes coming over", "she's on her way here"; a
# session-32 chat with a knife: the general danger reply, no "don't wait for him")
_ON_WAY = re.compile(
    r"\b(?:he|she|they|my ex)(?: is| are| s| re)? (?:on (?:his|her|their) way\b"
    r"|(?:coming|heading|driving)(?: (?:over|here|round|around)\b"
    r"| (?:to|for) (?:my|me|the|our) ?(?:place|house|flat|apartment|home|door)\b"
    r"| (?:now|right now|tonight|rn)\b))"
)


def on_the_way(text: str) -> bool:
    """ "he has a knife and he texted that hes coming over": on the way now (not "he keeps
    coming round", nor "he's coming to the wedding": a place of theirs or a time is named)."""
    return _found(_ON_WAY, text) and not _found(_HABITUAL, text)


_HABITUAL = re.compile(
    r"\b(?:keeps|kept|keep|always|every (?:day|night|week)|used to|sometimes)\b"
)


# Seen there hours ago, not now ("he was outside my building an hour ago. i saw his car":
# session 46's play-test got "keep the door shut and locked ... call 112 right now")
_SEEN_BEFORE = re.compile(
    r"\b(?:was|were)\b(?: \w+){0,6}? (?:(?:an|a|one|two|three|a couple of|a few|few|\d+)"
    r" hours? ago|earlier(?: today| tonight| on)?|this morning|last night|yesterday|last week)\b"
)


# ... unless here again now ("he was outside last night and he's back now")
_HERE_AGAIN = re.compile(
    r"\b(?:now|right now|rn|still|again|is back|s back|are back|came back|coming back)\b"
)


def at_the_door(text: str) -> bool:
    """ "he's outside my flat right now banging on the door": the danger is here now (not
    "he keeps showing up outside my apartment", nor "he was outside an hour ago")."""
    return (
        _found(_AT_DOOR, text)
        and not _found(_HABITUAL, text)
        and not (_found(_SEEN_BEFORE, text) and not _found(_HERE_AGAIN, text))
    )


# In a talk about danger, told of the one at the door (terminal chat, Dublin): "he's still
# there", "he won't leave"; "what if he breaks the door"; "im shaking" once they have gone;
# "can i sleep at my sister's". Each got a reply written for something else.
_STILL_THERE = re.compile(
    r"\b(?:he|she|they|my ex)(?: is| are| s)? still (?:right )?(?:there|here|outside|at the door"
    r"|banging|knocking|shouting|yelling|in the (?:hall|hallway|garden|drive|car park)"
    r"|waiting (?:outside|downstairs|out the front|at the door|in (?:his|her|their|the) car))\b"
    r"|\b(?:he|she|they) (?:will not|won t|wont|is not|isn t|are not) (?:leave|leaving|go away"
    r"|going away|going anywhere)\b(?! me (?:alone|be)\b)|\bstill (?:banging|knocking|shouting"
    r"|ringing the (?:bell|doorbell))\b"
)
_BREAKING_IN = re.compile(
    r"\b(?:break|breaks|breaking|broke|kick|kicks|kicking|kicked|smash|smashes|smashing|smashed)"
    r" (?:down |in |through )?(?:the |my |our )?(?:door|window|lock|glass)\b"
    r"|\b(?:break|breaks|breaking|broke|force|forces|forcing)"
    r" (?:his way |her way |their way )?in\b"
    r"|\b(?:he|she|they|someone|somebody|my ex)(?: is| s| has| have| will| might)?"
    r" (?:gets|get|getting|got|trying to get|tries to get) in(?:side)?\b"
    r"(?! (?:touch|trouble|a |an |the |his |her |their |my |to |line|bed)\b)"
    # "he's knocking on the bathroom door" while they hide (a session-31 chat: the plan for
    # the days after, "Where will you sleep tonight?")
    r"|\b(?:he|she|they|my ex)(?: is| s| are| keeps| started| starts)?"
    r" (?:knocking|banging|pounding|kicking|hammering|rattling|trying)"
    r" (?:on |at )?(?:the |my |our )(?:bathroom |bedroom |front |back |room |flat )?(?:door|window"
    r"|handle|lock)\b"
)
_SHAKEN = re.compile(
    r"^(?:(?:i am|i|am|still|so|really|literally|just|ok|okay) )*(?:shaking|trembling|shaky"
    r"|in shock|shook)(?: (?:so much|all over|still|now|lol))*$"
    r"|\b(?:can not|cant|can t) stop (?:shaking|trembling)\b"
    # "he's gone quiet. kids still asleep. i'm shaking" (a helper's chat, session 38: the
    # reply for a line that did not answer)
    r"|\bi am (?:still |so |really |literally )?(?:shaking|trembling)(?: (?:so much|all over"
    r"|still|now|lol))*$"
    r"|\bmy (?:heart|hands|legs)(?: is| are)? (?:still )?(?:racing|pounding|shaking|trembling)\b"
)
# Someone to stay with: anyone a relation word names ("my sister", "a mate", "my nan"),
# said with or without "place" ("my friends place").
_SOMEONE_TO_STAY_WITH = (
    r"(?:my |a |our )?(?:\w+ )?(?:"
    + "|".join(sorted(map(re.escape, _RELATION_SAID), key=len, reverse=True))
    + r"|boyfriend|girlfriend)(?: s|s)?(?: place| house| flat)?"
)
_GOING_TO_STAY = re.compile(
    r"\b(?:can|could|should|shall|may) i (?:go|sleep|stay|crash|go and stay|go and sleep)"
    rf"(?: over)? (?:at|to|with|round|round at|over at) {_SOMEONE_TO_STAY_WITH}\b"
    r"|\b(?:i will|i am going to|going to|i am gonna|gonna|i am heading|heading) (?:go |to )?"
    r"(?:go|sleep|stay|crash|go and stay)(?: over)? (?:at|to|with|round) "
    rf"{_SOMEONE_TO_STAY_WITH}\b"
)
# On the way there already: "ok i got in a taxi to my sister's", "on my way to my mums",
# "heading to my friends place now", "i am going to my dad's".
# "ok so ", "right yeah ": the filler a reply about getting somewhere opens with.
_FILLER_OPENING = r"^(?:(?:ok|okay|right|so|yes|yeah|done|alright) )*"
_ON_THE_WAY_TO_STAY = re.compile(
    _FILLER_OPENING + r"(?:i |we |i am |we are |am )?"
    r"(?:just |now )?(?:(?:got|getting|sat|sitting|in) (?:in |into )?(?:a |an |the |my )?"
    r"(?:taxi|cab|uber|bolt|lyft|car|bus|train)|on (?:my|the|our) way|heading|going|driving"
    r"|walking|off|left for|leaving for)(?: over| round| back)? (?:to|for) "
    rf"{_SOMEONE_TO_STAY_WITH}(?: now| tonight| right now)?(?: lol)?$"
)
# There now: "im at my nans now", "made it to my mums", "i got to my sisters".
_ARRIVED_TO_STAY = re.compile(
    _FILLER_OPENING + r"(?:i am |we are |i |we )?(?:safely )?"
    r"(?:at|made it to|got to|arrived at|here at|reached)(?: safely)? "
    rf"{_SOMEONE_TO_STAY_WITH}(?: now| safely| safe)*(?: lol)?$"
)


# The one they fear is inside the home with them (a session-38 chat, a knife "in the next room":
# "he's still in the flat" got "know not to open the door... if they show up, call"): the
# advice for danger under the same roof, not for someone outside
_IN_THE_HOME = re.compile(
    r"\b(?:he|she|they|my ex)(?: is| s| are| re)?"
    r" (?:still |now |back |asleep |sleeping |passed out )?"
    r"(?:in|inside) (?:the|our|my|this) (?:flat|house|apartment|home|next room|other room"
    r"|kitchen|living room|lounge|bedroom|hallway|hall|garage)\b"
    r"|\b(?:he|she|they|my ex)(?: is| s| are| re)? (?:still )?(?:downstairs|upstairs|home"
    r"|at home|next door to my room|in the room next to me)(?: now| right now| rn)?$"
    r"|\b(?:we|i) (?:still )?(?:live|living) (?:together|with (?:him|her|them|my ex))\b"
    r"|\b(?:he|she|they|my ex) (?:still )?(?:lives?|living) (?:here|with me|in my (?:flat|house"
    r"|apartment))\b"
    # ... in the languages the talk reads (a helper's chat, session 39: "wo ghar pe hai abhi",
    # he's at home now, got "if they show up, call 112")
    r"|\b(?:wo|woh|vo|voh) (?:abhi )?ghar (?:pe|par|mein|me) (?:hi )?(?:hai|he|h)\b"
    r"|\bhum saath (?:rehte|rahte) (?:hai|hain|he)\b"
    r"|\b(?:el|ella) (?:esta|sigue|todavia esta) (?:aqui )?en (?:la |mi )?casa\b"
    r"|\bvivimos juntos\b"
    r"|\b(?:ele|ela) (?:esta|ta|continua) (?:aqui )?(?:em|na) casa\b|\bmoramos juntos\b"
    r"|\b(?:il|elle) est (?:encore |toujours )?(?:a la maison|dans l appartement|chez nous)\b"
    r"|\bon vit ensemble\b|\b(?:er|sie) ist (?:noch )?(?:zuhause|zu hause|in der wohnung)\b"
    r"|\bwir wohnen zusammen\b"
)


def in_the_home(text: str) -> bool:
    """ "he's still in the flat", "we live together": the danger is under the same roof (not
    "he's outside the flat", the one at the door)."""
    return _found(_IN_THE_HOME, text) and not _found(_AT_DOOR, text)


# The one they fear, asleep in the home ("he's asleep now", "she finally passed out"; a
# helper's chat, session 39: after a controlling partner, "he's asleep now" got the steps for
# the days after leaving, "tell the people you're with"): a quiet moment, and how to use it.
# Not "the kids are asleep": only the one feared.
_ASLEEP_THERE = re.compile(
    r"^(?:(?:ok|okay|so|and|but|now|finally|right|well|ok so) )*"
    r"(?:he|she|my ex|my (?:husband|boyfriend|bf|partner|wife|girlfriend|gf|fiance|fiancee))"
    r"(?: is| s| has| just)*(?: finally| just| now)?"
    r" (?:asleep|sleeping|passed out|fell asleep|gone to sleep|went to sleep|gone to bed"
    r"|went to bed|snoring|out cold|crashed)(?: now| finally| rn| right now| at last| for now"
    r"| i think| lol)*$"
    # ... in the languages the talk reads
    r"|^(?:(?:you|ya|ahora|ok|bueno|agora|ja|maintenant|jetzt|abhi) )*"
    r"(?:(?:el|ele|il|er|wo|woh) )?(?:(?:ya|ja|jetzt|abhi|finalmente|enfin|endlich) )?"
    r"(?:se durmio|esta dormido|esta durmiendo|dormiu|(?:ta|esta) dormindo|dort"
    r"|s est endormi|schlaft|schlaeft|ist eingeschlafen|so gaya|so raha hai)"
    r"(?: (?:you|ya|ahora|agora|maintenant|jetzt|abhi|now))*$"
)
_ASLEEP_THERE_SCRIPT = re.compile(
    r"^(?:он|она) (?:(?:уже|наконец|сейчас) )?(?:спит|уснул|уснула|заснул|заснула)[.!]?$"
)


def asleep_there(text: str) -> bool:
    """ "he's asleep now": the one feared is asleep, a quiet moment (not the kids)."""
    return _found(_ASLEEP_THERE, text) or (
        _ASLEEP_THERE_SCRIPT.search(text.lower().strip()) is not None
    )


# Having to stop typing, the one feared near ("he's waking up i have to go", "gotta go he's
# coming", "shit hes back gtg"; a helper's chat, session 39: got "one thing at a time: doors
# locked"): go now; the chat can be deleted; come back any time.
_MUST_GO = re.compile(
    r"\b(?:i )?(?:have to|got to|gotta|need to|must|hav to|hafta) go(?: now| rn)?$"
    r"|\b(?:i )?(?:have to|got to|gotta|need to|must) go(?: now| rn)?"
    r" (?:he|she|they|my ex)\b"
    r"|\bgtg\b|\bg2g\b"
    r"|\b(?:he|she|my ex)(?: is| s)? (?:waking up|awake|woke up|up now|getting up|coming back"
    r"|coming home|home now|back now|on his way back|on her way back)\b"
    # ... in the languages the talk reads (a helper's chat, session 40: "se esta despertando"
    # got the steps for after leaving, "tengo que irme" a paragraph on refuges)
    # ("ya" is read "you" by the slang table, "y" "why")
    r"|\b(?:(?:tengo que irme|me tengo que ir|tengo que colgar|tenho que ir|preciso ir"
    r"|je dois (?:why aller|partir|arreter)|ich muss (?:los|gehen|aufhoren|aufhoeren|schluss"
    r" machen)|mujhe jana (?:hoga|padega|hai))(?: (?:you|ya|ahora|agora|ja|jetzt|abhi|now))*$"
    r"|se (?:esta|sta) despertando|se desperto|(?:you|el|ella) (?:viene|llego|volvio)(?: a casa)?$"
    r"|(?:ele|ela) (?:ta|esta) acordando|(?:ele|ela) (?:acordou|chegou|voltou)"
    r"|(?:il|elle) se reveille|(?:il|elle) (?:s est|sest) reveille|(?:er|sie) wacht auf"
    r"|(?:er|sie) ist (?:wach|aufgewacht|zuruck|zurueck)"
    r"|(?:wo|woh|vo) (?:uth|jaag|jag) (?:gaya|gayi|raha|rahi))\b"
)
_MUST_GO_SCRIPT = re.compile(
    r"(?:он|она) (?:проснул(?:ся|ась)|просыпается|вернул(?:ся|ась)|пришел|пришёл|пришла)"
    r"|мне (?:надо|нужно|пора) (?:идти|уходить|бежать)|мне пора"
)


def must_go(text: str) -> bool:
    """ "he's waking up i have to go": they must stop typing now, the one feared close."""
    return _found(_MUST_GO, text) or _MUST_GO_SCRIPT.search(text.lower()) is not None


def still_there(text: str) -> bool:
    """ "he's still there", "she won't leave": the one at the door has not gone."""
    return _found(_STILL_THERE, text)


def breaking_in(text: str) -> bool:
    """ "what if he breaks the door", "he's trying to get in": getting in, feared or begun."""
    return _found(_BREAKING_IN, text)


# Back again, feared: "but he'll be back tomorrow probably", "what if she comes back tonight",
# "he always comes back" (not "he came back with the kids", a return already past)
_COMES_BACK = re.compile(
    r"\b(?:he|she|they|my ex)"
    r"(?: will| is going to| is gonna| is| are| might| could| always| probably)*"
    r" (?:be back|come back|comes back|coming back|return|returns|turn up again|show up again)"
    r"(?! (?:with|from) (?:the|my|our) (?:kids|children|dog|keys|stuff|things)\b)"
    r"(?! (?:to|for) (?:me|us)\b)"
)


def comes_back(text: str) -> bool:
    """ "but he'll be back tomorrow probably": the one who frightened them, expected back."""
    return _found(_COMES_BACK, text)


def shaken(text: str) -> bool:
    """ "im shaking", "my heart is racing": the body after a fright."""
    return _found(_SHAKEN, text)


def going_to_stay(text: str) -> bool:
    """ "can i sleep at my sister's", "i'm going to stay with a friend": somewhere to go."""
    return _found(_GOING_TO_STAY, text)


def on_the_way_to_stay(text: str) -> bool:
    """ "ok i got in a taxi to my sister's", "on my way to my mums": going there now."""
    return _found(_ON_THE_WAY_TO_STAY, text)


# "im here now", "made it", "got here safe": arrived, said without naming where (a session-43
# play-test, after the taxi to a sister's: "You're back. I'm glad. I was still here")
_HERE_NOW = re.compile(
    _FILLER_OPENING + r"(?:i am |i m |we are |just )?(?:here|there|inside)(?: now| safely| safe)*"
    r"(?: lol)?$|" + _FILLER_OPENING + r"(?:i |we |just )?(?:made it|got here|got there|arrived)"
    r"(?: safely| safe| now| there| here)*(?: lol)?$"
)


# The ex named in a message, not someone reached in the talk ("should i text my ex")
_EX_NAMED = re.compile(r"\b(?:ex|exs|boyfriend|girlfriend|bf|gf|husband|wife|partner)\b")
# The pronoun that cannot be the person named ("my sister", then "should i text him")
_NOT_THEIR_PRONOUN = {
    **dict.fromkeys(("sister", "mum", "mom", "mother", "mama", "aunt", "auntie", "aunty",
                     "grandma", "granny", "grandmother", "nan", "nana", "godmother",
                     "daughter"), re.compile(r"\b(?:him|he|his)\b")),
    **dict.fromkeys(("brother", "dad", "daddy", "papa", "father", "uncle", "grandpa", "grandad",
                     "granddad", "grandfather", "son", "godfather"),
                    re.compile(r"\b(?:her|she)\b")),
}


def speaks_of(text: str, who: str | None) -> bool:
    """Whether a message about contacting someone can be about `who`, the person named in the
    talk ("text her now" after "my sister"): not when it names the ex, nor with a pronoun
    that cannot be them ("should i text him")."""
    norm = normalize(text)
    if _EX_NAMED.search(norm):
        return False
    other = _NOT_THEIR_PRONOUN.get(who or "")
    return other is None or other.search(norm) is None


def here_now(text: str) -> bool:
    """ "im here now", "made it": arrived where they said they were going."""
    return _found(_HERE_NOW, text)


def arrived_to_stay(text: str) -> bool:
    """ "im at my nans now", "made it to my mums": there, with someone."""
    return _found(_ARRIVED_TO_STAY, text)


def asks_who_sees(text: str) -> bool:
    """ "can he see that I use this bot?", "who can read this": who sees the chat, asked in
    the talk (a helper's chat: a victim's question got the steps for tonight)."""
    return classify_smalltalk(text) == "privacy"


# "does it count as breaking nc if i open the door?", "would calling the police count as
# contact": whether keeping safe breaks No Contact, asked in the danger talk (a blind play-test,
# session 45, got "with someone who hit you it matters even more": nobody had said so)
_SAFETY_COUNTS = re.compile(
    r"\b(?:does|do|would|will|is|was|could)\b[^.?!]{0,60}?\b(?:count|counts|break|breaks"
    r"|ruin|ruins|reset|resets)(?: as)?(?: (?:breaking|a break|a slip|contact|no contact|nc"
    r"|my (?:streak|count|days|no contact)))\b"
    r"|\b(?:is|would) (?:it|that) (?:be )?(?:a slip|breaking (?:no contact|nc)|contact) if i\b"
)


def asks_if_safety_counts(text: str) -> bool:
    """ "does it count as breaking nc if i open the door?": whether what they do to keep safe
    (or the door, the police, a call) breaks No Contact, asked in the danger talk."""
    return _found(_SAFETY_COUNTS, text)


# "is 'no contact' even the right word for this", "should i still do no contact": whether No
# Contact fits when the ex hurt them
_NC_FITS = re.compile(
    r"\b(?:is|does|will|would) (?:no contact|nc|this|it)(?: even| really| still)?"
    r" (?:the right (?:word|thing|name)|right|enough|work|apply|help|count)\b"
    r"|\bshould i (?:still |even )?(?:do|keep|keep doing|be doing|go) (?:no contact|nc)\b"
    r"|\b(?:no contact|nc) (?:even )?(?:for|with) (?:someone|a person|him|her|them) (?:who|that)"
    r" (?:hit|hurt|hits|hurts|abused|abuses)\b"
)


def asks_if_nc_fits(text: str) -> bool:
    """Whether No Contact fits someone who hurt them, asked in the danger talk."""
    return _found(_NC_FITS, text)


# "he used to hit me", "back when we were together": told as past, not happening now
_TOLD_AS_PAST = re.compile(
    r"\b(?:used to|would always|back when|in the past|years ago|when we were together"
    r"|while we were together|during (?:the|our) relationship)\b"
)


def told_as_past(text: str) -> bool:
    """Whether danger is told as something that happened before, not now."""
    return _found(_TOLD_AS_PAST, text)


# "they said hes ok, hes at the hospital": the ex at risk is being looked after
_LOOKED_AFTER = re.compile(
    r"\b(?:he|she|they) (?:is|are|s) (?:ok|okay|safe|alive|fine|stable|awake|being looked after"
    r"|at (?:the )?hospital|in (?:the )?hospital|in a&e|in the er|with (?:the )?(?:paramedics"
    r"|doctors|police|ambulance|his \w+|her \w+|their \w+))\b"
    r"|\b(?:they|the police|police|paramedics|the hospital|the doctors|his \w+|her \w+) (?:said"
    r"|say|says|told me|texted|texted me) (?:that )?(?:he|she|they) (?:is|are|s|was|were)"
    r" (?:ok|okay|safe|fine|alive|stable)\b"
    r"|\b(?:paramedics|the ambulance|an ambulance|police|the police) (?:got|found|reached|took)"
    r" (?:him|her|them)\b"
)


def ex_looked_after(text: str) -> bool:
    """ "they said hes ok, hes at the hospital": help reached the ex at risk."""
    norm = normalize(text)
    found = _LOOKED_AFTER.search(norm)
    if found is None or "?" in text or re.search(r"\bnot (?:ok|okay|safe)", norm):
        return False
    # "should i go over to make sure shes ok", "i hope hes ok": asked or wished, not told
    before = norm[: found.start()].split()[-4:]
    return not _WISHED_OK.search(" ".join(before))


_WISHED_OK = re.compile(
    r"\b(?:make sure|check|checking|see if|know if|find out|whether|if|hope|hoping|pray|wish"
    r"|not sure|do not know|wonder)\b"
)


# "does this reset my count if i called the ambulance": whether getting them help broke No
# Contact
_COUNT_ASKED = re.compile(
    r"\b(?:reset|restart|break|broke|ruin|lose|mess up) (?:my )?(?:count|streak|days|no contact"
    r"|nc|progress)\b|\b(?:does|did|would|will|is) (?:this|that|it) (?:count|a slip|break)\b"
    r"|\bcount as (?:a slip|contact|breaking)\b|\bback to day (?:0|zero|1|one)\b"
    # "do i still count this as breaking nc?" (a helper's chat, session 41: the steps again)
    r"|\b(?:count|counts|counted) (?:this|that|it) as (?:a slip|contact|breaking)\b"
    r"|\b(?:reset|restart) (?:to|back to) day (?:0|zero|1|one)\b"
)


# "should i tell his brother?", "ok i texted his brother, he's checking on him": help for the
# ex at risk through their family or friends (a helper's chat: the FAQ about telling friends
# of the breakup, then a slip offered)
_FAMILY_TOLD = re.compile(
    r"\b(?:should i|can i|could i|do i|shall i|i will|i am going to|i am gonna|i might|maybe i"
    r" should|is it ok to)? ?(?P<verb>tell|told|text|texted|call|called|ring|rang|message"
    r"|messaged|ask|asked|contact|contacted|warn|warned|let) (?P<who>(?:his|her|their) (?:older"
    r" |younger |big |little )?(?:brother|sister|mum|mom|dad|mother|father|parents|family"
    r"|best friend|friend|friends|flatmate|roommate|housemate|cousin|aunt|uncle|gran|grandma))\b"
)


# "i have his mom's number", "her sister's number i have" (a session-31 chat: read as a
# feeling, with "Telling friends and family" offered): a way to get them help
_FAMILY_NUMBER = re.compile(
    r"\b(?:i (?:have|ve got|have got|got|still have)|got) (?:his|her|their) (?:older |younger |big"
    r" |little )?(?:brother|sister|mum|mom|dad|mother|father|parents|family|best friend|friend"
    r"|flatmate|roommate|housemate|cousin|aunt|uncle|gran|grandma)s? ?s? (?:number|phone number"
    r"|contact|insta|instagram|whatsapp|phone|email)\b"
    r"|\b(?:his|her|their) (?:brother|sister|mum|mom|dad|mother|father|parents|best friend"
    r"|friend|flatmate|roommate|cousin|aunt|uncle)s? ?s? (?:number|contact) i (?:have|got"
    r"|still have)\b"
)


def has_family_number(text: str) -> bool:
    """ "i have his mom's number": someone close to the ex at risk they can reach."""
    return _found(_FAMILY_NUMBER, text)


# "ok i messaged her", just after being told to reach the one close to them: told
_TOLD_THEM_SO = re.compile(
    r"^(?:(?:ok|okay|done|yes|yeah|so|and|alright|right) )*i (?:just |have |ve )?(?:messaged"
    r"|texted|called|rang|phoned|told|contacted|wrote to|whatsapped|dmed) (?:her|him|them)"
    r"(?: (?:now|just now|already|back))?\W*$"
)


def told_them_so(text: str) -> bool:
    """ "ok i messaged her": the one just named was told (read only right after the person
    was asked to reach someone close to the ex at risk)."""
    return _found(_TOLD_THEM_SO, text)


def family_help(text: str) -> str | None:
    """ "should i tell his brother?": "asks"; "ok i texted his brother": "done"; else None."""
    found = _FAMILY_TOLD.search(normalize(text))
    if found is None:
        return None
    asked = "?" in text or found.group(0).split()[0] in (
        "should", "can", "could", "do", "shall", "is", "maybe"
    )
    return "asks" if asked and found.group("verb") in (
        "tell", "text", "call", "ring", "message", "ask", "contact", "warn", "let"
    ) else "done"


# "he's said stuff like that before, he's dramatic", "he doesnt mean it": the threat doubted
_DOUBTS_THREAT = re.compile(
    r"\b(?:(?:he|she|they) (?:has|have|s|is) said (?:stuff|things|that|it|this) (?:like (?:that"
    r"|this) )?before|(?:he|she|they) (?:is|are|s) (?:just |so |being )?(?:dramatic"
    r"|attention seeking|manipulative|manipulating me)|(?:does not|doesnt|do not|dont)"
    r" (?:really )?mean it|(?:would not|wouldnt|will not|wont) (?:actually |really )?do"
    r" (?:anything|it)|(?:he|she|they) always"
    r" (?:says|said) (?:that|this|stuff like that)|just (?:trying|wants) to (?:get|make) me"
    r" (?:to )?(?:reply|respond|answer|come back|text))\b"
    # "he's done this before, its just to get me to reply right?" (a session-31 chat: the FAQ
    # on replying, the talk let go); "it is drama", "its a game"
    r"|\b(?:(?:he|she|they) (?:has|have|s) done (?:this|that|it) before|(?:it is|its|this is)"
    r" (?:just |all |only )?(?:drama|a game|a ploy|a tactic|manipulation|for attention)"
    r"|(?:it is|its|it s) (?:just |only )?to (?:get|make) me (?:to )?(?:reply|respond|answer"
    r"|come back|text|talk))\b"
)


# "she'll be sorry", "then he'll see", inside the talk after words of ending: the hurt meant
# to reach the ex (a helper's chat: the answer about apologising to an ex)
_THEY_WILL_REGRET = re.compile(
    r"^(?:(?:and|then|well|whatever|ok|maybe|so)\W* )*(?:she|he|they|my ex|everyone)"
    r" (?:will|is going to|is gonna|are going to|are gonna) (?:be sorry|regret (?:it|this"
    r"|everything|what (?:she|he|they) did|leaving me)|feel (?:bad|guilty|it|sorry)|see|finally"
    r" (?:see|get it|understand)|miss me|know what (?:she|he|they) did)(?: (?:then|when|now"
    r"|after|one day|for sure))?\W*$"
)


def they_will_regret(text: str) -> bool:
    """ "she'll be sorry", "then he'll see": said in the talk, the hurt meant to reach them."""
    return _found(_THEY_WILL_REGRET, text)


# The ex's threat said again, or said before ("he's said it again. third time tonight", "he
# said it once before when i tried to leave and i went back"; a session-44 play-test got a
# stock "still here" and a list of steps)
_THREAT_AGAIN = re.compile(
    r"(?<!\bi )(?<!\bi have )\b(?:said|says|saying|texted|texting|sent|sending|messaged"
    r"|threatened|threatening|posted) (?:it |that |this |the same(?: thing)? )?"
    r"(?:again|before|once before)\b"
    r"|\bagain tonight\b|\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th) time\b"
    r"|\bkeeps? (?:saying|texting|sending|threatening|messaging|posting)\b"
    r"|\bevery time i (?:try|tried|leave|left|go|went|stop|stopped)\b"
)


def threat_repeated(text: str) -> bool:
    """ "he's said it again. third time tonight": the ex's threat, again or before."""
    return _found(_THREAT_AGAIN, text)


def doubts_threat(text: str) -> bool:
    """ "he's said stuff like that before, he's dramatic. i dont think he'd actually do
    anything": the ex's threat doubted."""
    return _found(_DOUBTS_THREAT, text)


def asks_about_count(text: str) -> bool:
    """Whether getting the ex help counts against No Contact, asked."""
    return _found(_COUNT_ASKED, text)
