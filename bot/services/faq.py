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
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
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

from bot import tghtml
from bot.services.smalltalk import SmalltalkKind
from bot.services.textnorm import normalize

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
MARGIN = 0.06
MAX_SUGGESTIONS = 3
# Suggestions must lie within this distance of the best score.
SUGGEST_SPREAD = 0.12
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
# IDF factor for plain words that belong to no synonym group or phrase concept.
PLAIN_WEIGHT = 0.7

# --------------------------------------------------------------------------------------------
# Language rules: phrases, synonyms, stopwords, stemming
# --------------------------------------------------------------------------------------------

# (pattern over normalised text, concept token). Applied in order, before tokenising.
_PHRASES: tuple[tuple[str, str], ...] = (
    # Politeness is not an apology: "sorry if this is dumb but what is nc".
    (r"\b(?:so )?sorry (?:if|but|for (?:asking|bothering|the (?:long|rant|essay|ramble|message))"
     r"|to (?:bother|ask))\b", ""),
    # "hit" is violence only when it lands on someone: "he hit me", not "i hit 30 days"
    # or "about to hit call".
    (r"\b(?:hit|hits|hitting|punched|punches|slapped|slaps|shoved|choked|strangled|kicked"
     r"|beat|beats|beating) me\b(?! up\b)"
     r"|\b(?:he|she|they|ex) (?:has |had |once |used to |would |\w+ )?(?:hit|hits|punched"
     r"|slapped|shoved|choked|kicked|beat)\b(?! (?:me )?up\b)", "+danger danger"),
    (r"\b(?:hit|hitting|reached|reach|made it to|make it to|finished|finish|completed"
     r"|survived|got to|get to) (?:the |my |a |one )?(?:full |whole )?(?:30 days|thirty days"
     r"|day 30|day 31|30 day mark|month mark|one month|month)\b"
     r"|\b(?:30 days|thirty days|(?:the |a |my )?month|(?:my )?no contact) (?:is |are )?(?:up|over"
     r"|done|finished|complete)\b", "ncend nocontact"),
    (r"\b(?:about to|going to|gonna) (?:\w+ ){0,2}(?:text|call|message|msg|send|dm|hit|press"
     r"|snapchat|reach out|unblock)\b|\bhit (?:call|send|dial)\b"
     r"|\bwant to (?:text|call|message|msg|dm|talk to|see|reach out|snapchat)(?: \w+){0,3}"
     r" so bad(?:ly)?\b",
     "+urge"),
    (r"\bno contact\b|\bzero contact\b|\bnon contact\b|\bgoing dark\b|\bcut (?:off )?contact\b"
     r"|\bradio silence\b"
     r"|\bcut (?:them|him|her|ex) off\b|\bcutting (?:them|him|her|ex) off\b|\bcut off\b",
     "nocontact"),
    # Who contacted whom matters: "he texted me" is not "I texted him".
    (r"\b(?:he|she|they|ex)(?: \w+){0,2} (?:texted|text|texts|texting|called|calls|calling"
     r"|messaged|messages|messaging|dmed|dmd|dms|dm|emailed|emails|facetimed|rang|snapped"
     r"|sent|sends|contacted|contacts|wrote|snapchatted|snapchats|snapchat|whatsapped|pinged"
     r") me\b"
     r"|\b(?:he|she|they|ex)(?: \w+){0,2} (?:hit me up|slid into my dms?)\b"
     r"|\b(?:text|message|call|dm|email|voicemail|letter)s? from (?:him|her|them|my ex|ex)\b"
     r"|\b(?:he|she|they|ex)(?: \w+){0,2} (?:reached|reaches|reaching) out\b"
     # "he texted happy birthday": a wish from them is them reaching out.
     r"|\b(?:he|she|they|ex)(?: \w+){0,2} (?:texted|text|texts|messaged|sent|sends|wished"
     r"|wishes|called|dmed|dmd|snapchatted) (?:me )?(?:a )?(?:happy|merry)\b",
     "+theycontact"),
    (r"\bi(?: \w+){0,3} (?:texted|called|messaged|dmed|dmd|contacted|rang|emailed|facetimed"
     r"|snapped|wrote to|reached out to|sent (?:a )?(?:text|message|dm) to)"
     r" (?:him|her|them|my ex|ex|my \w+)\b",
     "+icontact"),
    (r"\b(?:he|she|they|ex) (?:says?|said|tells me|told me|acts?|acted) (?:\w+ ){1,6}but\b",
     "+mixedsignal"),
    (r"\blikes? me\b|\binto me\b|\bhas feelings for me\b", "attraction"),
    (r"\b(?:he|she|they|ex) (?:\w+ )?(?:messed|screwed|blew|ruined|fucked)\b", "ex"),
    (r"\bi (?:broke up with|dumped|left|ended (?:it|things)(?: with)?)(?: \w+){0,8}"
     r" (?:messed|screwed|fucked) up\b", "ileft breakup doubt"),
    (r"\bi (?:broke|break) up with\b|\bi (?:dumped|left|ended it with)\b", "ileft breakup"),
    (r"\bbroke up\b|\bbreak up\b|\bbreaking up\b|\bbreakup\b|\bsplit up\b", "breakup"),
    (r"\bbroke (?:the )?(?:nocontact|rule|streak)\b|\b(?:reset|restart|start) (?:my |the )?"
     r"(?:count|counter|streak|days|day count|over|from zero|from scratch)\b", "slip nocontact"),
    (r"\b(?:count|counts) as\b|\bdoes (?:that|it|this) count\b|\bis (?:\w+ ){1,6}breaking"
     r" (?:the )?(?:nocontact|rule)\b|\bis (?:that|it|this) breaking\b|\ballowed\b"
     r"|\bconsidered contact\b|\b(?:does|would|will|did) (?:that|it|this) (?:break|ruin|reset"
     r"|undo|mess up|count)\b", "+iscontact"),
    (r"\b(?:quit|quitting|give up|giving up|stop doing|abandon|drop) (?:on )?(?:the )?nocontact\b",
     "doubtnc nocontact"),
    (r"\b(?:nocontact|it|this) (?:is |just )?(?:making|makes|made) (?:me|things|it|everything)"
     r" (?:feel )?(?:worse|more|so|miserable|sad|unhappy|depressed)\b"
     r"|\b(?:maybe i should|should i|i want to|thinking (?:of|about)) (?:just )?(?:stop|quit"
     r"|give up|end it)(?: (?:nocontact|it|this|now|early))? *$", "+doubtnc"),
    (r"\b(?:then|but then|and then) (?:\w+ ){0,2}(?:disappears?|disappeared|ghosts?|ghosted"
     r"|ignores?|ignored|vanish\w*|goes? cold|went cold|goes? silent|went silent)\b",
     "+mixedsignal"),
    (r"\b(?:does|do|did|will|would|can|could) (?:nocontact|it|this|that) (?:\w+ )?(?:really |even "
     r"|actually )?work\b|\bnocontact (?:\w+ )?(?:works|working)\b"
     r"|\bis (?:it|nocontact|this) (?:even |really |actually )?working\b", "worth nocontact"),
    (r"\bwhat went wrong\b|\bwhat happened between us\b|\bwhy (?:it|we|things) (?:ended|failed"
     r"|fell apart|did not work)\b", "clarity"),
    (r"\b(?:pain|hurt|hurting|heartbreak|ache|feeling|this|it) (?:\w+ ){0,2}(?:end|stop|go away"
     r"|fade|ease|get better|pass)\b", "+pain"),
    (r"\b(?:do|should|can|must|shall|would) i (?:even |just |still |ever )?(?:reply|respond"
     r"|answer|text back|write back|ignore)\b|\b(?:have|need|supposed) to (?:reply|respond"
     r"|answer)\b", "+replyq"),
    (r"\bshould i (?:just )?(?:send|text|call|message|dm|reach out|msg)\b", "+urge"),
    (r"\bcan (?:i|not|i not|i still)(?: \w+){0,2} (?:like|comment|view|watch|follow|reply"
     r"|message|text|msg)\b", "+iscontact"),
    (r"\bmixed signals?\b|\bhot and cold\b|\bbreadcrumb\w*|\bsending signals\b", "mixedsignal"),
    (r"\bcome back\b|\bcoming back\b|\bcomes back\b|\bcame back\b|\bget (?:\w+ ){0,2}back\b"
     r"|\bgetting (?:\w+ ){0,2}back\b|\bback together\b|\bwin (?:\w+ ){0,2}back\b|\breconcil\w*"
     r"|\bwants? (?:me|us) back\b|\bmiss me\b|\breali[sz]e what (?:they|he|she) lost\b"
     r"|\b(?:he|she|they|ex) (?:will |would |ever |finally |to )*(?:reali[sz]e|regret)\w*"
     r"|\bmake (?:him|her|them) (?:reali[sz]e|regret)\w*", "comeback"),
    (r"\bmove on\b|\bmoving on\b|\bmoved on\b|\bget over\b|\bgetting over\b|\bgot over\b"
     r"|\bover (?:them|him|her|ex)\b|\blet go\b|\bletting go\b", "moveon"),
    (r"\bone day\b(?!(?: \w+){0,5} next\b)|\bsome ?day\b|\bin the future\b|\beventually\b"
     r"|\bdown the (?:line|road)\b|\blater on\b|\bafter (?:some|a) (?:time|while)\b"
     r"|\bin (?:a|one|two|a few|a couple of) (?:years?|months?)\b|\byears? from now\b",
     "future"),
    # A short relationship is a situation, not a length of No Contact.
    (r"\b(?:only|just) (?:been )?(?:together|dated|dating|going out|seeing each other|talking)"
     r"(?: for)?(?: like)? (?:a |one |two |three |a few |a couple of |\d+ )?(?:days?|weeks?"
     r"|months?)\b|\b(?:were|was) (?:never|not) (?:official|exclusive|really together)\b",
     "unique"),
    (r"\b30 days\b|\bthirty days\b|\bday 30\b", "duration nocontact"),
    (r"\bhow long\b|\bhow many (?:days|weeks|months)\b|\bhow much time\b"
     r"|\b(?:\d+|a|one|two|three|four|five|six|few|couple of) (?:days?|weeks?|months?)\b"
     r"|\b(?:a |the )?(?:whole|full|entire) (?:month|week)\b|\b(?:have|need) to wait\b",
     "duration"),
    (r"\b(?:stay|staying|be|being|remain|just|still) friends?\b|\bfriendship\b", "friendship"),
    (r"\bour (?:friends?|friend group|group|circle|mates)\b|\bsame friends\b"
     r"|\bfriends in common\b", "mutual friend"),
    (r"\bsomeone (?:else|new)\b|\bsomebody (?:else|new)\b|\bnew (?:girlfriend|boyfriend|partner"
     r"|person|guy|girl|relationship|man|woman|gf|bf)\b|\brebound\b|\bmoved on with\b"
     r"|\bdating (?:someone|somebody|again|other|a new)\b|\bwith another\b"
     r"|\b(?:seeing|talking to|hooking up with|sleeping with|flirting with|with) (?:someone"
     r"|somebody|some (?:guy|girl|man|woman|dude))\b"
     r"|\b(?:he|she|they|ex) (?:is |are |was |has been |have been |already |now |just )*"
     r"(?:dating|seeing|engaged|married|getting married|in a relationship)\b", "newpartner"),
    (r"\b(?:saw|seen|see|seeing|spotted|ran into|run into|running into|bumped into|bump into"
     r"|bumping into|met) (?:my ex|him|her|them|ex) (?:at|in|on|today|yesterday|outside"
     r"|around)\b|\b(?:ran|run|running|bumped|bump|bumping) into\b", "runinto"),
    (r"\b(?:going|go|goes|went|been|getting|get|got) (?:on|onto|to|through) (?:his |her |their "
     r"|my ex |the )?(?:profile|page|instagram|account|socials|facebook|tiktok|twitter|feed"
     r"|stories|story)\b|\blook(?:ing|ed)? (?:him|her|them) up\b", "+check"),
    (r"\bsnapchat (?:him|her|them|me|my ex)\b", "+msg"),
    (r"\b(?:delete|deleted|deleting|erase|remove) (?:his |her |their |my ex |the |ex )?"
     r"(?:phone )?(?:number|contact)\b", "block msg"),
    (r"\breach(?:ed|ing)? out\b|\btext(?:ed)? back\b|\bwrite back\b|\bwrote back\b"
     r"|\bhit me up\b|\bhit (?:them|him|her) up\b", "msg"),
    (r"\bwalk(?:ed|ing)? away\b|\bi left\b|\bi ended\b|\bi dumped\b|\bi broke\b"
     r"|\bi was the one\b|\bi am the one\b|\bmy decision\b|\bi initiated\b|\bdumper\b", "ileft"),
    (r"\bsecond thoughts?\b|\bsecond guess\w*|\bwrong decision\b|\bright decision\b"
     r"|\b(?:biggest |big )?mistake of my life\b|\bbig mistake\b|\bbiggest mistake\b|\ba mistake\b"
     r"|\bmade a mistake\b|\bthe one\b|\bsoul ?mate\b", "doubt"),
    (r"\broller ?coaster\b|\bups and downs\b|\bon and off\b|\bon again off again\b"
     r"|\ball over the place\b|\bup and down\b", "rollercoaster"),
    (r"\bsocial media\b|\bsocials\b|\bsocial\b", "socialmedia"),
    (r"\bnew year\w*|\bmother s day\b|\bfather s day\b|\bvalentine s day\b", "occasion"),
    (r"\b(?:keep|keeping|wear|wearing|sleep in|sleeping in|hold on to|holding on to|hang on to)"
     r" (?:his |her |their |my ex |the |all |our |all (?:his|her|their|the) )?(?:old )?(?:hoodies?"
     r"|shirts?|tshirts?|sweaters?|jumpers?|jackets?|ring|necklace|bracelet|jewelry|jewellery"
     r"|gifts?|presents?|teddy|perfume|cologne|letters?|cards?)\b", "delete memento ex"),
    (r"\bthrow (?:away|out)\b|\bget rid of\b|\bthrowing (?:away|out)\b|\bgot rid of\b", "delete"),
    (r"\bfamily and friends\b|\bfriends and family\b", "tell friend"),
    (r"\bmind games?\b|\bpower move\b|\breverse psychology\b", "tactic"),
    (r"\blying (?:in bed|awake|there)\b", "night"),
    (r"\bwill not leave me alone\b|\b(?:keeps?|kept) (?:showing|turning) up\b|\bshowed up at\b"
     r"|\b(?:shows?|showed|showing|turns?|turned|turning) up (?:at|outside) my\b"
     r"|\boutside my (?:house|home|door|flat|apartment|place|work|office|job|school|window)\b"
     r"|\bwaiting for me (?:outside|after)\b|\bfollow(?:s|ed|ing)? me (?:home|around)\b",
     "danger"),
    (r"\bafter (?:the )?(?:nocontact|30 days|it ends|it is over|day 30)\b"
     r"|\b(?:when|once|after) (?:nocontact|it) (?:ends|is over|is done|finishes)\b"
     r"|\bnocontact (?:ends|is over|is done|finishes|ended)\b|\bend of nocontact\b"
     r"|\bthen what\b|\bwhat now\b|\bwhat next\b|\bday 3[01]\b", "ncend"),
    (r"\bunsent letter\b|\bclosure (?:letter|message|text|talk|conversation)\b|\blast message\b"
     r"|\bone last\b|\bfinal message\b|\bgoodbye (?:letter|message|text)\b|\blast time\b",
     "closureletter"),
    (r"\bright away\b|\bstraight away\b|\bright after\b|\bimmediately\b|\balready\b"
     r"|\b(?:so|this|too) (?:soon|early)\b",
     "rightaway"),
    (r"\bprofessional help\b|\bsee someone\b|\btalk to (?:someone|a professional)\b"
     r"|\bget help\b|\bneed help\b", "therapist"),
    (r"\blook(?:ing)? after (?:myself|yourself)\b|\btake care of (?:myself|yourself)\b"
     r"|\bself care\b|\b(?:make|makes|help|helps|helping) (?:me |you )?feel (?:any )?(?:better"
     r"|good|okay|ok|normal)\b", "heal"),
    (r"\bwho i am\b|\bwho i was\b|\bmy (?:own |whole |entire )?life\b|\bfind myself\b"
     r"|\blost myself\b|\bof my own\b|\b(?:revolved|revolves|revolve|built|build|based|centered"
     r"|centred) (?:\w+ ){0,3}around (?:him|her|them|my ex|ex|the relationship)\b",
     "independence"),
    (r"\bguilt ?trip\w*|\bguilts? me\b|\b(?:hold|stand|holding|standing) (?:my )?ground\b"
     r"|\bstand firm\b|\bsay(?:ing)? no\b|\bstick(?:ing)? to (?:my )?(?:guns|decision)\b",
     "boundary"),
    (r"\bsome days\b(?: \w+){0,8} (?:other days|then|and then|next)\b"
     r"|\b(?:fine|ok|good|great|happy|strong)(?: \w+){0,3} (?:then|and then|but then|next)"
     r"(?: \w+){0,3} (?:cry|crying|cried|sob|sobbing|mess|wreck|breakdown|break down"
     r"|fall apart|falling apart|sad|miserable)\b", "rollercoaster"),
    # Still missing them after what they did: a question about why it hurts.
    (r"\b(?:miss|missing|love|loving|want|wanting)\w* (?:him|her|them|my ex|ex) (?:\w+ )?"
     r"(?:even though|even after|after (?:everything|all that|what)|although|despite)\b",
     "+lovestill"),
    (r"\bno one\b|\bnobody\b", "lonely"),
    (r"\bwhat (?:\w+ ){0,2}(?:is|does|are) (?:this |the |a )?nocontact\b"
     r"|\bnocontact (?:thing|method|rule|approach)\b", "+define"),
    (r"\b(?:his|her|their|my|our) (?:things|stuff|belongings|clothes)\b", "+stuff"),
    (r"\bone (?:minute|moment|day|second|hour) (?:\w+ ){0,5}(?:the )?next\b", "rollercoaster"),
    (r"\bexplain (?:\w+ ){0,4}to (?:my |our )?(?:friends?|family|parents|people|mum|mom|dad"
     r"|coworkers|colleagues)\b", "tell"),
    (r"\b(?:he|she|they|ex) (?:\w+ ){0,2}(?:asked|asks|asking|wants?|wanted|suggested"
     r"|suggests|offered|offers|proposed)\b", "+theyask"),
)
_PHRASE_RES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    # A "+" prefix keeps the matched words and adds the concept after them.
    (re.compile(p), rf"\g<0> {tok[1:]}" if tok.startswith("+") else tok) for p, tok in _PHRASES
)

_SYNONYM_GROUPS: dict[str, tuple[str, ...]] = {
    "ex": ("ex", "exes", "him", "her", "he", "she", "them", "they", "his", "hers", "their",
           "theirs", "boyfriend", "girlfriend", "husband", "wife", "partner", "fiance",
           "fiancee", "spouse", "exbf", "exgf", "exhusband", "exwife", "guy", "girl", "man",
           "woman", "person", "bae", "hubby", "wifey", "situationship", "fling", "lover"),
    "msg": ("text", "texts", "texted", "texting", "message", "messages", "messaged",
            "messaging", "dm", "dms", "dmed", "dmd", "sms", "whatsapp", "whatsapped", "imessage",
            "call", "calls", "called", "calling", "phone", "phoned", "ring", "rang", "voicemail",
            "facetime", "facetimed", "email", "emailed", "emails", "contact", "contacted",
            "contacting", "wrote", "write", "snapped", "snapchatted", "reached", "talk",
            "talking", "talked", "talks", "speak", "speaking", "spoke", "chat", "chatting"),
    "reply": ("reply", "replies", "replied", "replying", "respond", "responded", "responding",
              "response", "answer", "answered", "answering", "ignore", "ignored", "ignoring",
              "leave", "read", "seen", "back"),
    "block": ("block", "blocked", "blocking", "unblock", "unfollow", "unfollowed",
              "unfollowing", "unfriend", "unfriended", "unfriending", "unadd", "unadded",
             "unadding", "mute", "muted", "muting",
              "restrict", "restricted", "hide", "hidden", "remove", "removed"),
    "socialmedia": ("instagram", "ig", "facebook", "tiktok", "snapchat", "twitter", "x",
                    "threads", "linkedin", "online", "app", "apps", "socialmedia", "bereal",
                    "internet", "feed", "fyp", "timeline", "algorithm", "explore"),
    "post": ("post", "posts", "posted", "posting", "story", "stories", "reel", "reels",
             "status", "upload", "uploaded", "selfie"),
    "like": ("liked", "likes", "liking", "react", "reacted", "reacting", "reaction",
             "heart", "hearted", "view", "viewed", "views", "viewing", "watch", "watched",
             "watching", "watches", "comment", "commented"),
    "check": ("check", "checked", "checking", "checks", "stalk", "stalking", "stalked",
              "lurk", "lurking", "scroll", "scrolling", "look", "looking", "looked",
              "refresh", "refreshing", "peek", "peeking", "snoop", "snooping", "search",
              "searching", "google", "googling"),
    "profile": ("profile", "profiles", "page", "account", "accounts", "followers",
                "following", "follow", "follows", "followed"),
    "lonely": ("lonely", "loneliness", "alone", "isolated", "isolation", "empty", "emptiness",
               "quiet", "miss", "missing", "missed", "misses", "silence"),
    "night": ("night", "nights", "nighttime", "2am", "3am", "4am", "1am", "midnight", "late",
              "bed", "bedtime", "sleep", "asleep", "insomnia", "tonight", "evening", "evenings"),
    "friend": ("friend", "friends", "mates", "mate", "buddies", "buddy", "pals", "crew",
               "group", "circle", "squad"),
    "mutual": ("mutual", "mutuals", "shared", "common", "together", "share", "sharing"),
    "child": ("kid", "kids", "child", "children", "son", "daughter", "baby", "babies",
              "coparent", "coparenting", "parenting", "custody", "pickup", "dropoff",
              "toddler", "daddy", "mommy"),
    "pet": ("pet", "pets", "dog", "dogs", "cat", "cats", "puppy", "kitten", "pup"),
    "home": ("apartment", "flat", "lease", "house", "rent", "rental", "roommate",
             "roommates", "landlord", "mortgage", "live", "lived", "living", "move", "moving",
             "moved", "place", "bills", "bill", "contract", "deposit", "car", "joint",
             "furniture", "subscription", "subscriptions", "loan"),
    "stuff": ("stuff", "belongings", "clothes", "keys", "hoodie", "sweater", "items", "return",
              "returning", "returned", "box", "pick", "collect", "owe", "owes", "money"),
    "work": ("work", "works", "working", "job", "office", "coworker", "coworkers",
             "colleague", "colleagues", "boss", "shift", "shifts", "class", "classes",
             "school", "college", "uni", "university", "campus", "study", "studying",
             "lecture", "lab", "team", "meeting", "meetings", "classmate", "classmates",
             "desk"),
    "occasion": ("birthday", "birthdays", "christmas", "holiday", "holidays", "anniversary",
                 "anniversaries", "valentine", "valentines", "thanksgiving", "easter",
                 "eid", "diwali", "hanukkah", "nye", "festive", "celebration", "season"),
    "drunk": ("drunk", "drinking", "drink", "drinks", "alcohol", "wine", "beer", "beers",
              "tipsy", "wasted", "hammered", "buzzed", "booze", "shots", "party", "bar",
              "high"),
    "apologize": ("apologize", "apologise", "apologized", "apologised", "apologizing",
                  "apologising", "apology", "apologies", "sorry"),
    "guilt": ("guilt", "guilty", "bad", "selfish", "villain", "monster", "heartless",
              "terrible", "awful", "hurt", "hurting"),
    "leave": ("left", "dumped", "ended", "ending", "quit", "initiated"),
    "slip": ("slip", "slipped", "slipping", "slips", "caved", "cave", "relapse",
             "relapsed", "failed", "fail", "messed", "blew", "screwed", "broke", "broken",
             "ruined", "ruin"),
    "delete": ("delete", "deleted", "deleting", "erase", "archive", "archived", "burn",
               "keep", "keeping", "trash", "bin"),
    "memento": ("photo", "photos", "picture", "pictures", "memories", "memory", "gifts",
                "gift", "letters", "chats", "videos", "video", "keepsakes", "jewelry", "ring",
                "album", "gallery", "camera", "roll"),
    "tactic": ("manipulative", "manipulation", "manipulate", "manipulating", "tactic",
               "tactics", "game", "games", "trick", "strategy", "psychology", "jealous",
               "punish", "punishment", "cruel", "toxic", "petty", "revenge", "silent",
               "treatment", "ghosting", "ghost", "fair", "unfair"),
    "tell": ("tell", "telling", "announce", "parents", "family", "mom", "mum", "dad",
             "mother", "father", "sister", "brother", "relatives", "grandma"),
    "define": ("explain", "explained", "define", "definition", "mean", "meaning", "means",
               "involve", "involves", "rule", "rules", "concept", "idea"),
    "danger": ("danger", "dangerous", "scared", "afraid", "fear", "frightened", "threat",
               "threats", "threaten", "threatened", "threatening", "unsafe", "safe", "safety",
               "violent", "violence", "abuse", "abusive", "abused",
               "stalker", "harass", "harassing", "harassment", "protection", "police",
               "restraining", "scares"),
    "therapist": ("therapist", "therapy", "counselor", "counsellor", "counseling",
                  "counselling", "psychologist", "psychiatrist", "professional", "doctor",
                  "gp", "helpline", "hotline", "depressed", "depression"),
    "doubt": ("doubt", "doubts", "doubting", "mistake", "regret", "regrets", "regretting",
              "unsure", "wrong", "overthinking", "overthink", "sure", "certain"),
    "urge": ("urge", "urges", "tempted", "temptation", "tempting", "craving", "cravings",
             "itch", "impulse", "resist", "resisting", "want", "wanting", "desperate",
             "badly", "close"),
    "independence": ("independence", "independent", "identity", "individuality", "hobbies",
                     "hobby", "passions", "passion", "interests", "rediscover"),
    "boundary": ("boundary", "boundaries", "limits", "limit", "pressure", "pressured",
                 "pressuring", "pressures", "pushy"),
    "heal": ("heal", "healing", "healed", "recover", "recovery", "recovering",
             "feelings", "emotional", "emotionally", "wellbeing"),
    "clarity": ("clarity", "perspective", "understand", "understanding", "clear",
                "clearly", "why", "reasons", "closure", "sense", "figure", "answers"),
    "benefit": ("benefit", "benefits", "pros", "advantages", "good", "help", "helps",
                "helpful", "helped"),
    "worth": ("point", "worth", "pointless", "useless", "effective"),
    "pain": ("pain", "painful", "hurts", "ache", "aching", "heartbreak", "heartbroken",
             "sick", "eat", "appetite", "hardest", "worst", "unbearable", "suffering", "worse",
             "harder", "cry", "crying", "cried", "cries", "sob", "sobbing", "tears", "miserable",
             "agony", "devastated", "crushed", "shattered"),
    "love": ("love", "loves", "loved", "care", "cares", "cared"),
    "unique": ("different", "differs", "unique", "situation", "circumstances", "case", "apply",
               "applies", "fit", "fits"),
    "instinct": ("trust", "gut", "instinct", "instincts", "intuition"),
    "duration": ("longer", "shorter", "enough", "minimum", "duration"),
}

# Concepts that are everyday words outside a breakup ("tell", "night", "worth", "help").
# A message is only matched when it shares at least one *other* concept with the question,
# so "tell me a joke" or "how much is bitcoin worth" fall through to "none".
WEAK_CONCEPTS: frozenset[str] = frozenset(
    {"tell", "define", "worth", "benefit", "night", "msg", "check", "like", "post", "profile",
     "work", "home", "stuff", "friend", "delete", "memento", "attraction", "love",
     "theyask"}
)

# "our", "we", "us" speak of a shared life: "our pictures", "we sit next to each other".
_COUPLE_WORDS: frozenset[str] = frozenset({"our", "we", "us"})

_SYNONYMS: dict[str, str] = {}
for _group, _words in _SYNONYM_GROUPS.items():
    for _w in _words:
        _SYNONYMS.setdefault(_w, _group)

_STOPWORDS: frozenset[str] = frozenset(
    """a an the i me my mine you your yours we us our is am are was were be been being to of
    and or but if in on at for with from by about as into onto over under up down out off
    it this that these those there here so just really very too also even still already
    do does did doing done have has had having can could will would should shall may might
    must what how when where which whom whose while yes no not nor any some all every
    each both either one ones get got gets getting go goes going went gone make made
    know knew think thought like ok oh um uh well then than now ever never
    always again lol lmao omg wtf haha hahaha pls please thanks thank hey hi hello okay yeah
    yep nope idk tbh ngl literally actually basically kind sort way lot lots much many
    more most less least other another same such only own anything something everything
    nothing someone anyone everyone somebody anybody day days week weeks month months
    time times today yesterday tomorrow normal okay right need needs needed try
    trying tried use used let lets let's am i'm ive seem seems seemed wait thing things
    honestly seriously anyway anyways ugh guess maybe probably stuff people everyone others
    say said saying says told tells feel feeling felt keep keeps kept since now rn tho
    though because cause said who which also ask asked asking asks""".split(),  # noqa: SIM905
)

# Real words one or two edits from our vocabulary that must not be "repaired" into it:
# "cheating" is not "chatting", "lied" is not "liked".
_NO_FIX: frozenset[str] = frozenset(
    {"cheat", "cheats", "cheating", "cheated", "cheater", "lied", "lies", "liar", "lying",
     "lier", "dated", "hated", "hating", "hates", "dates"}
)

_SUFFIXES: tuple[str, ...] = ("ingly", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


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
    for pattern, token in _PHRASE_RES:
        padded = pattern.sub(token, padded)
    return padded


def _raw_tokens(text: str) -> list[str]:
    return _phrase_pass(normalize(text)).split()


# Concept tokens emitted by the phrase rules; each must be its own concept (tested).
CONCEPT_TOKENS: frozenset[str] = frozenset(
    t for _, tok in _PHRASES for t in tok.removeprefix("+").split()
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
    ) -> None:
        if not entries:
            raise ValueError("FaqMatcher needs at least one entry")
        self.answer_threshold = answer_threshold
        self.suggest_threshold = suggest_threshold
        self.margin = margin
        self.phrase_weight = phrase_weight
        self.evidence = evidence
        self.coverage = coverage
        self._oov_weight = oov_weight
        self._ids: tuple[str, ...] = tuple(e.id for e in entries)

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
        self._strong: frozenset[str] = frozenset(
            (set(_SYNONYM_GROUPS) | CONCEPT_TOKENS) - WEAK_CONCEPTS
        )
        self._phrase_docs: list[list[_Doc]] = []
        self._bag_docs: list[_Doc] = []
        # Inverted index: concept -> entry indexes that contain it.
        self._postings: dict[str, set[int]] = {}
        for i, phr in enumerate(analyzed):
            docs = [_vector(toks, self._idf, self._oov_idf) for toks in phr if toks]
            self._phrase_docs.append(docs)
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

    def _query_tokens(self, text: str) -> tuple[list[str], frozenset[str], bool]:
        """Concept tokens of ``text``, those only there thanks to typo repair, and whether
        the text carries a domain anchor (see WEAK_CONCEPTS)."""
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
        tokens = _concepts(raw, fixes)
        # "our" speaks of a shared life: "our pictures", "our anniversary".
        anchored = any(t in self._strong for t in tokens) or not _COUPLE_WORDS.isdisjoint(
            norm.split()
        )
        if not fixes:
            return tokens, frozenset(), anchored
        plain = set(_concepts(raw))
        return tokens, frozenset(t for t in tokens if t not in plain), anchored

    # -- ranking -----------------------------------------------------------------------------
    def _rank(self, text: str) -> tuple[list[tuple[str, float, float]], bool]:
        tokens, repaired, anchored = self._query_tokens(text)
        if not tokens:
            return [], False
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
        scored: list[tuple[str, float, float]] = []
        w = self.phrase_weight
        for i in candidates:
            best = max((_cosine(q, d) for d in self._phrase_docs[i]), default=0.0)
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
        return scored, anchored

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Return (id, score) for every question sharing a word with ``text``, best first."""
        return [(i, s) for i, s, _ in self._rank(text)[0]]

    def match(self, text: str) -> FaqMatch:
        """Answer with one confident id, suggest 1-3 ids, or say it is out of scope."""
        ranked, anchored = self._rank(text)
        if not ranked:
            return FaqMatch("none", (), 0.0)
        top_id, top, coverage = ranked[0]
        if coverage < self.coverage or not anchored:
            # Most of the message is about something we never talk about, or it only
            # shares everyday words with us.
            return FaqMatch("none", (), top)
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top >= self.answer_threshold and top - second >= self.margin:
            return FaqMatch("answer", (top_id,), top)
        if top < self.suggest_threshold:
            return FaqMatch("none", (), top)
        close = [
            i
            for i, s, _ in ranked[:MAX_SUGGESTIONS]
            if s >= self.suggest_threshold * 0.8 and top - s <= SUGGEST_SPREAD
        ]
        if len(close) < 2 and top >= self.answer_threshold:
            return FaqMatch("answer", (top_id,), top)
        return FaqMatch("suggest", tuple(close), top)


# --------------------------------------------------------------------------------------------
# Content schema and loaders
# --------------------------------------------------------------------------------------------

_ID_RE = r"^[a-z0-9_-]+$"
_NEXT_RE = re.compile(r"^(urge|reasons|status|none|faq:[a-z0-9_-]{1,20})$")
_TAG_RE = re.compile(r"<(/?)([a-zA-Z]+)([^>]*)>")
_ALLOWED_TAGS = {"b", "i", "a"}


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
                f"next {value!r} must be urge, reasons, status, none or faq:<question-id>"
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
    menu_intro: list[str] = Field(min_length=2)

    @field_validator("out_of_scope", "did_you_mean", "menu_intro")
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
                        raise ValueError(
                            f"question {q.id!r}: next {q.next!r} names no question"
                        )
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
