"""Crisis detection (runs before anything else on every message) and content/safety.yaml.

``detect_crisis`` looks for two kinds of signal in the normalised text (lowercase, unaccented,
contractions and chat slang expanded by ``textnorm.normalize``):

* ``self_harm``: suicide and its misspellings and euphemisms (kms, unalive, sewerslide, ctb),
  wanting to die / not be here / disappear or vanish (forever) / not wake up / end it all,
  "ending things" / "end everything" and "end it" in a decisive frame ("going to / ready to
  end it", "the night I finally end it", "thinking about ending it", "end it tonight"),
  unless it is about a relationship (see below); "can't (keep) living / go on like this";
  the purpose of living ("what's the point of me even being alive / of anything / of waking
  up", "no reason for me to be alive", "why am I still alive", "why do I bother living");
  not being around in future ("I don't think I'll be here next week", "I won't be around
  much longer / for your birthday", "this is my last night / message", "I won't be a
  burden / problem much longer", "by the time you read this", "you won't hear from me
  again"); self-harm beyond cutting (scratching, burning, hitting, carving, biting my arms
  / wrists / thighs / skin with a razor, blade, lighter, scissors or glass, "again", "until
  it bled", "took a blade to my arm", "made myself bleed", "covered in cuts", relapse with
  a tool); overdose and pills in quantity or saved up; researching means ("how many
  sleeping pills would be enough", "how much insulin would kill me", "lethal dose", "ways
  to die", "how to not wake up"); means at hand ("the pills in my hand", "the rope is
  ready", "holding a knife to my wrist"); "better off without me / if I wasn't here / when
  I'm gone", goodbye notes, plans, "dying inside" / "dead inside";
* ``danger_from_other``: violence (he hit me, beat me up, hands around my neck, tried to run
  me over), threats (she said she'd kill me, "if he can't have me no one can"), fear of a
  person (afraid he will hurt me, scared of him, scared to go home), stalking and following
  (knows where I live, keeps driving past my house), someone who will not leave, is outside
  the door or kicking it in, abuse, weapons, being tracked, leaked or threatened intimate
  images (nudes, private photos).

Decisions (documented for reviewers):

* Recall first: when a phrase is genuinely ambiguous, it counts as a crisis. The reply is
  gentle and only asks whether the person is safe.
* Negation is not trusted: "I'm not going to hurt myself" still returns ``self_harm``.
  Someone who brings it up deserves the gentle check-in, and negation is easy to misread.
* Figures of speech do not count: "dying to text her", "this is killing me", "my phone is
  dying", "I could kill for a pizza", "dead tired", "kill time", "that joke killed me".
  "he's dead to me", "I cut him off", "I could kill myself laughing". "die of" / "rather
  die of" a listed everyday cause (cringe, boredom, embarrassment, laughter, shame, heat...)
  and "I'd rather die than text him / like his post / go back to him" are hyperbole; "I'd
  rather die than live without her / than see another day" is not. "disappear into a good
  book / work / the gym / my bed / the crowd", "disappear to a cabin", "disappear under the
  covers" are figures of speech; "disappear into thin air / the void / in my sleep" count.
  "I'd die for my dog" is devotion, not a wish to die, and does not count either.
* Everyday uses of the new families are refused by the words around them: "what's the
  point of texting him / of me going to the party / of living in this city", "why am I
  still awake", "my dog gives me a reason to get up"; "how many ibuprofen can I take for
  a headache", "how many melatonin does it take to fall asleep"; "I won't be here next
  week, I'm going on holiday", "my mum won't be here for Christmas", "this is my last
  night in our flat / my last message to him"; accidents ("burned my hand on the oven",
  "hurt my arm again at the gym", "scratched my arm on a branch", "my cat bit my arm"),
  shaving ("used a razor on my legs"), and "punched the wall" without bleeding.
  Someone else injuring a body part ("he burned my arm") is ``danger_from_other``.
* Ordinary sadness does not count ("I'm so sad", "I feel empty", "I hate myself for texting
  him"): "hate myself" only counts with a harm word, which the self-harm patterns catch.
  "I feel like dying inside" and "dead inside" do count.
* "ending things" / "end everything" is about a relationship, not a crisis, when the next few
  words say so ("with him", "with my situationship", "between us", "the relationship", "on
  good terms", "over text"), when someone else is the subject ("we should end things", "he
  wants to end things") or in the past tense ("I ended things"). Otherwise it counts: "I've
  been thinking about ending things" is a crisis, even though it may mean the relationship.
  "end it" is the same, but only counts in a decisive frame (above): not "end it with
  him", "end it on a good note", "end it over text", "should I end it or give him another
  chance", "he wants to end it", "one text from him will end it", "every time I end it".
  "end it there" is read as closing a conversation or a story ("let's end it there") and
  does not count; "end it here" is not excluded and counts in a decisive frame ("I'm
  going to end it here"). Likewise "disappear forever" does not count when it is wished
  on someone else ("I want him to disappear forever") or is from a place ("disappear from
  his feed"). A veto word only applies when no "i" comes between it and the phrase:
  "since he left I want to end it" counts.
* "he hurt me" alone is read as emotional hurt (it is everyday breakup language); "he will
  hurt me", "he hurt me physically", "he hit me" count.
* When both kinds match, ``self_harm`` wins: its reply asks "are you safe right now?" first
  and its buttons include the lines and the emergency number that danger also needs. "not
  safe" / "in danger" alone is ``self_harm`` unless a danger pattern matches too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.services.faq import check_telegram_html, visible_length
from bot.services.textnorm import normalize

__all__ = [
    "PLACEHOLDERS",
    "CountryLines",
    "CrisisSignal",
    "SafetyContent",
    "SafetyContentError",
    "detect_crisis",
    "mentions_harm",
    "fill",
    "lines_for",
    "validate_safety_content",
]

CrisisKind = Literal["self_harm", "danger_from_other"]


def _alt(words: str) -> str:
    """A regex matching any of the space-separated ``words``, shaped as a trie.

    The ``re`` module tries the branches of an alternation one by one at every position:
    "(?:burn|burned|bruise|...)" costs a comparison per word at every space of a 4096-character
    message, "(?:b(?:ru...|ur...))" one per first letter."""
    trie: dict[str, Any] = {}
    for word in words.split():
        node = trie
        for ch in word:
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


_MYSELF = r"(?:my ?self|myslef|mysefl|mysef|meself|my own self)"
_PERSON = _alt(
    "he she they ex him her them boyfriend girlfriend husband wife partner fiance fiancee"
    " dad father mom mum mother brother stepdad someone somebody guy man woman"
)
_PILL_WORDS = (
    "pills tablets meds medication painkillers paracetamol tylenol ibuprofen aspirin"
    " antidepressants insulin xanax benzos opioids oxy lithium"
)
_PILLS = _alt(_PILL_WORDS)
# Means that someone may say they have ready, in their hand, in front of them.
_MEANS = rf"(?:{_PILLS}|blade|blades|razor|razors|rope|noose|gun|pistol|knife)"
_MEANS_WORDS = _PILL_WORDS + " blade blades razor razors rope noose gun pistol knife"
# Someone else is the subject ("he wants to end things", "we should end things") or the
# object ("I want him to disappear forever"): vetoes on the three words before a match
# (see _Rule.not_after).
_OTHER_SUBJECT = "we he she they you us"
_OTHER_PERSON = _OTHER_SUBJECT + " him her them"
_OTHER_SUBJECT_OR_OBJECT = _OTHER_PERSON + " it this that"
# "end it" is about the relationship when someone else ends it (vetoed by the words before)
# or the next words say with whom, how or where the conversation stops: "end it with him",
# "end it on a good note", "end it over text", "end it there" (closing a conversation or a
# story), "should I end it or give him another chance". "end it here" is not excluded.
_OTHER_SUBJECT_END = (
    _OTHER_SUBJECT_OR_OBJECT + " boyfriend girlfriend ex partner husband wife fiance every"
)
# Someone or something else will not be here: "my mum won't be here for Christmas", "the
# parcel won't be here by Friday".
_OTHER_PEOPLE = (
    _OTHER_SUBJECT_OR_OBJECT + " ex boyfriend girlfriend husband wife partner fiance dad father"
    " mom mum mother brother sister stepdad friend friends family parents kids son daughter"
    " grandma grandpa nan someone somebody guy man woman package parcel delivery order"
)
_END_IT_RELATIONSHIP = (
    r"(?!(?: \w+){0,3}? (?:with\b(?! (?:everything|everyone|everybody|life|my life|it all"
    rf"|the world|(?:the |my |a |an |some |all (?:the |my )?)?{_MEANS})\b)|between"
    r"|on (?:a|good|bad|friendly|decent|the right) (?:\w+ )?(?:note|terms)"
    r"|properly|officially|amicably|nicely|peacefully|face to face|in person|over (?:text|the"
    r" phone|the phone|facetime)|by (?:text|phone|message|blocking)|via text|there\b"
    r"|and (?:block|move on|go no contact|start|find)|or (?:give|try|stay|wait|keep|work|talk"
    r"|take|fight|see)|before (?:he|she|they)\b))"
)
# "I'm going to die of cringe", "I'd rather die than text him first" are figures of speech;
# "I'd rather die than live without her" is not (only the listed causes and acts are).
_DIE_FIGURATIVE = (
    r"(?! (?:(?:of|from) (?:(?:pure|sheer|actual|literal|second hand|secondhand|the) )?"
    r"(?:cringe|embarrassment|boredom|laughter|laughing|shame|curiosity|jealousy|heat|hunger"
    r"|excitement|fright|thirst|cuteness|happiness|old age|exhaustion|anticipation|suspense"
    r"|envy|awkwardness|nerves|cold|starvation|caffeine)"
    r"|than (?:\w+ )?(?:text|texting|call|calling|message|messaging|dm|reply|replying|respond"
    r"|beg|begging|unblock|unblocking|go back|going back|get back|getting back|see|seeing"
    r"|talk|talking|speak|admit|apologi[sz]e|say sorry|like|liking|follow|answer|chase"
    r"|reach out|contact|break no contact|wear|eat|go to|watch|listen|date|kiss|meet)\b"
    r"(?! (?:another|tomorrow|the (?:morning|sun|future)|one more)\b))\b)"
)
# "disappear from Instagram / his feed / for the weekend / off social" is a No Contact move
# and "disappear into a good book / into work / to a cabin / under the covers" a figure of
# speech; "disappear from this world / into thin air / into the void / in my sleep" is not.
_DISAPPEAR_NOT = (
    r"(?! from (?!this world|the world|the earth|earth|existence|this life|life\b)"
    r"| for (?:a|the|an|this|some|like|a few|\d+|two|three) (?:while|weekend|week|few|days?"
    r"|bit|months?|summer|night|hours?|weeks?|year)\b"
    r"| off (?:social|socials|the grid|the internet|instagram|the map|his|her|their)\b"
    r"| (?:into|inside|under|behind|until|till|to (?!be honest)|at (?:a|my|his|her|the)"
    r" (?!moment|point)|in (?:a|the|my|his|her) (?!sleep)|with (?:a|my|the|some|him|her"
    r"|them))\b(?! (?:the )?(?:void|nothing|nothingness|thin air|oblivion|darkness|dark|ground"
    r"|earth|ocean|sea|river|water|a hole|a grave|my grave|forever)\b))"
)
# Body parts where self-harm is done; tools it is done with.
_BODY_WORDS = (
    "wrist wrists arm arms forearm forearms thigh thighs leg legs skin stomach belly hip hips"
    " chest ankle ankles vein veins"
)
_BODY = _alt(_BODY_WORDS)
_TOOL_WORDS = (
    "razor razors blade blades knife knives lighter lighters scissors glass shard sharpener"
    " compass needle pin cigarette match matches nails fingernails"
)
_TOOL = _alt(
    _TOOL_WORDS + " razor blade razor blades pencil sharpener safety pin box cutter hot knife"
    " hot spoon hot metal"
)
_SH_VERBS = (
    "scratch scratching scratched burn burning burned burnt hurt hurting hit hitting punch"
    " punching punched bash bashing bruise bruising bruised slice slicing sliced slash slashing"
    " slashed cut cutting cuttin harm harming harmed stab stabbing stabbed dig digging dug bite"
    " biting bit claw clawing clawed rip ripping ripped tear tearing tore pick picking picked"
)
# "burned myself on the oven", "hurt myself at the gym" are accidents.
_NOT_ACCIDENT = (
    r"(?!(?: \w+){0,2}? (?:on (?:a|the|an) (?:oven|stove|pan|iron|kettle|door|table|nail|fence"
    r"|branch|corner|bike|stairs)|while (?:cooking|shaving|baking|ironing|chopping|cleaning"
    r"|hiking|running|climbing|playing)|cooking|shaving|baking|ironing|chopping|at the gym"
    r"|at work|working out|playing|running|hiking|climbing|skating|training|lifting"
    r"|in the kitchen)\b)"
)
# What a researched amount is "enough" to do: "how many pills to die / to not wake up".
_TO_DIE = (
    r"(?:die|overdose|od|kill (?:me|myself|you|yourself|a person|someone|somebody|a human"
    r"|an adult)|(?:not|never) wake up|end it|be (?:lethal|fatal|deadly)|stop (?:my|your|a)"
    r" heart)"
)
# Drugs and other means someone may ask the lethal amount of.
_OD = (
    rf"(?:{_PILLS}|sleeping (?:pills|tablets)|melatonin|sleep aids|benadryl|nyquil|codeine"
    r"|morphine|fentanyl|heroin|vodka|alcohol|bleach|antifreeze)"
)
# What someone may see no point in, or ask why they still do: "the point of (me even) being
# alive / living / going on / waking up / anything", "why am I still alive". Everyday uses
# are refused by the words after: "living in this flat", "going on a date", "waking up
# early", "anything he says", "the point of me going to the party".
_ALIVE = (
    r"(?:(?:be|being|stay|staying|keep|keeping|remain|remaining) alive|alive"
    r"|(?:be|being|stay|staying) here(?= $| (?:any more|any longer|at all|honestly|seriously"
    r"|now|right now|i|if|when|and|but|so|lol|to be honest|though|anyway|without)\b)"
    r"|(?:(?:keep|keeping|go on|going on|carry on|carrying on) )?(?:living|live)(?! (?:in|at"
    r"|near|together|there|here|on (?:campus|my own|the)|alone|abroad|so|far|close|next|nearby"
    r"|by|off|upstairs|downstairs|rent|paycheck|with (?:my|his|her|their|a|roommates?"
    r"|parents?))\b)"
    r"|life|my life|(?:(?:keep|keeping|even) )?(?:existing|exist|breathing|breathe)"
    r"|(?:going|go|carry|carrying|keep|keeping|move|moving) on(?! (?:a|an|his|her|their|dates?"
    r"|holidays?|vacation|trips?|instagram|tinder|hinge|bumble|social|my phone|about|with"
    r" (?:him|her|them|this conversation)|like that|from (?:him|her|them))\b)"
    r"|(?:keep|keeping) going(?! (?:back|out|to|over|round|around|through|on (?:his|her"
    r"|dates?))\b)"
    r"|(?:waking|wake|getting|get) up(?! (?:early|late|before|at|in time|on time|for (?:work"
    r"|school|class|the|a)|to (?!be honest)|with|next to)\b)"
    r"|trying any more|anything(?! (?:he|she|they|you|i|else)\b)|it all|continuing"
    r"|any of (?:this|it)"
    r"|me(?= $| (?:any more|any longer|at all|anyway|honestly|seriously|now|right now|i|if|when"
    r"|and|but|so|lol|to be honest|though|without|here|like this|then)\b))"
)
# Times that make "I won't be here / around" a goodbye: "next week", "much longer",
# "tomorrow", "by Friday", "for your birthday". Travel and moving are refused: "I won't be
# here next week, I'm going on holiday".
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_FUTURE = (
    r"(?:any more|any longer|tomorrow|tonight|much longer|long|for (?:long|much longer"
    r"|much more|(?:your|his|her|my|their|the) (?:birthday|wedding|graduation|christmas"
    r"|anniversary|future|kids?|children|baby|family)|christmas|new year|the holidays)"
    rf"|next (?:week|month|year|time|christmas|summer|birthday|{_DAYS})"
    rf"|by (?:tomorrow|tonight|the (?:weekend|morning|end)|next|then|christmas|morning|{_DAYS})"
    r"|this time next (?:week|month|year)|in (?:a|two|a few|few) (?:days?|weeks?|months?|years?)"
    r"|after (?:tonight|today|this week|this weekend|this)|soon|to see (?:it|you|him|her|them"
    r"|the|my|christmas|tomorrow|another))"
)
_NOT_TRAVEL = (
    r"(?!(?: \w+){0,4}? (?:going (?:on|to|away|home|back)|moving|visiting|travel\w*|holidays?"
    r"|vacation|trip|away|flying|off work|out of (?:town|office|the country)|offline|working"
    r"|busy|staying|new (?:job|place|flat|apartment|city)|lease|contract|abroad)\b)"
)
_QUANTITY = (
    r"(?:all|all of|all my|too many|a lot of|a bunch of|lots of|loads of|so many|way too many"
    r"|the whole|a whole|every|a handful of|handful of|enough|a bottle of|\d+)"
)

# (gate, pattern) or (gate, pattern, not_after): see _Rule.
_Table = tuple[tuple[str, ...], ...]

_SELF_HARM: _Table = (
    # suicide, misspellings, euphemisms
    ("sui* suc* sus* siu* sue*",
     r"\bs(?:ui|u|iu|ue)(?:c|s)(?:i|e)?d(?:e|al|ing)?\w*"),
    ("suici*",
     r"\bsuicid\w*"),
    ("kms kys unali* sewer sewerslide selfd* self ctb",
     r"\bkms\b|\bkys\b|\bunaliv\w*|\bsewer ?slide\b|\bself ?delet\w*|\bctb\b"),
    # doing it to myself
    ("myself myslef mysefl mysef meself self",
     rf"\b(?:kill|killing|killed|kil|killin|end|ending|hurt|hurting|harm|harming|cut|cutting"
     rf"|burn|burning|hang|hanging|starve|starving|drown|drowning|shoot|shooting|poison"
     rf"|poisoning|off|offing|punish|punishing|stab|stabbing|burned|burnt|harmed|stabbed"
     rf"|scratch|scratching|scratched|hit|hitting|punch|punching|punched|bruise|bruising"
     rf"|bruised|carve|carving|carved|slice|slicing|sliced|slash|slashing|slashed) {_MYSELF}\b"
     # "I could kill myself laughing" is a figure of speech.
     r"(?! laughing\b)" + _NOT_ACCIDENT),
    # "made myself bleed", "until I bleed"
    # "made myself bleed", "until I bleed" (not "he hit me until I bled": danger)
    ("bleed bled bleeds bleeding",
     r"\b(?:made|make|making) (?:my ?self|me) bleed\b|\b(?:until|till|til) (?:i|it|they) (?:bleed"
     r"|bled|bleeds|started bleeding|was bleeding|were bleeding)\b",
     _OTHER_PERSON + " me"),
    # self-harm beyond cutting: scratching, burning, hitting, carving... a body part, with a
    # tool, "again", "until it bled", "on purpose". Not accidents ("burned my arm on the
    # oven") and not someone else doing it ("he burned my arm": danger).
    (_BODY_WORDS,
     r"\b" + _alt(_SH_VERBS) + r"(?: (?:into|in|at|up))? (?:(?:my|both) )?(?:own )?" + _BODY
     + r"\b"
     + _NOT_ACCIDENT + r"(?: \w+){0,5}? (?:again|with (?:a |the |my |an |some )?(?:\w+ )?"
     + _TOOL + r"|(?:until|till|til) (?:it|they|i|the skin|my skin) (?:bled|bleed|bleeds|were"
     r" bleeding|was bleeding|started bleeding|broke|was raw|were raw|scarred)|deep|deeper"
     r"|on purpose|to (?:feel|punish|cope|numb)|bled|bleeding|raw)\b"
     r"|\bcarv(?:e|es|ed|ing)(?: \w+){0,4}? (?:into|in|on) (?:my )?" + _BODY + r"\b",
     _OTHER_PERSON + " cat dog puppy kitten"),
    (_TOOL_WORDS + " cutter",
     r"\b"
     + _alt("took take taking takes used use using put putting held hold holding pressed press"
            " pressing ran run running dragged drag dragging")
     + r" (?:a|the|my|some|an|this|that)(?: \w+)? "
     # "used a razor on my legs" is shaving.
     r"(?!razors?\b(?: \w+){0,3}? (?:my )?legs?\b)" + _TOOL
     + r"(?: \w+){0,2}? (?:to|on|against|across|into|over|through|along) (?:my )?(?:"
     + _BODY + r"|my ?self)\b(?! (?:to|and) shave| shaving)"
     r"|\b" + _TOOL + r"(?: \w+){0,4}? (?:used|use|using|took|take|pressed|press|held|hold|ran"
     r"|run|put|dragged) (?:it|them) (?:on|to|against|across|into|over|through|along) my "
     + _BODY + r"\b",
     _OTHER_PERSON),
    ("cuts scars burns",
     r"\b" + _BODY + r" (?:is|are|was|were|still|got|look|looks)(?: \w+)? (?:covered in|full of"
     r"|all) (?:\w+ )?(?:cuts|scars|burns|cut marks|burn marks)\b(?! from\b)"
     r"|\b(?:fresh|new|deep|the) (?:cuts|scars|burns) (?:on|in|all over) my " + _BODY
     + r"\b(?! from\b)"),
    ("relapse relapsed relapsing sh",
     r"\brelaps\w*(?: \w+){0,3}? (?:with|on|and) (?:the |a |my )?(?:" + _TOOL
     + r"|cutting|cut|scratching|burning|self harm|sh)\b"
     r"|\bsh (?:urges|scars|relapse|again|free|wounds|cuts)\b"
     r"|\b(?:relapsed on|urges to|clean from|free from|days clean from) sh\b"),
    ("punch punched punching hit hitting smash smashed smashing bang banged banging",
     r"\b(?:punch|punched|punching|hit|hitting|smash|smashed|smashing|bang|banged|banging)"
     r" (?:the |a |my )?(?:wall|walls|mirror|door|window|concrete|brick)(?: \w+){0,3}? (?:until"
     r"|till|til|and) (?:my )?(?:knuckles?|hands?|fists?) (?:bled|bleed|were bleeding|was"
     r" bleeding|broke|split|cracked|were raw|was raw)\b"),
    ("life",
     r"\b(?:end|ending|take|taking|took) (?:my|my own) life\b"),
    ("end ending",
     r"\bend(?:ing)? it all\b"),
    # "ending things" / "end everything" is a crisis unless it is about a relationship: the
    # next few words say with whom ("with him", "with my situationship", "between us", "the
    # relationship"), or someone else is the subject ("we should end things", "he is ending
    # things"). Past tense ("I ended things") is always the relationship and is not matched.
    ("end ending",
     r"\bend(?:ing)? (?:things|everything)\b"
     r"(?!(?: \w+){0,5}? (?:with\b(?! (?:everything|everyone|everybody|life|my life|it all"
     r"|the world)\b)|between|relationship|properly|officially|amicably|on good terms|for us"
     r"|on a (?:good|high|nice) note|nicely|peacefully|start (?:over|fresh|again|new)|move on"
     r"|no contact|block|back to|back with|back together|on and off|over text|by text|via text"
     r"|in person|face to face|over the phone))",
     _OTHER_SUBJECT),
    # "end it" with no object counts in a decisive frame ("going to / ready to / want to end
    # it", "the night I finally end it", "thinking about ending it", "end it tonight"), unless
    # someone else ends it or the next words make it the relationship (_END_IT_RELATIONSHIP).
    ("end ending",
     r"\b(?:"
     + _alt("want wants wanted wanting going ready planning plan plans about decided deciding"
            " need needs tempted close urge have got")
     + r" to|" + _alt("should could might must will would can") + r"(?: i)?|"
     + _alt("thinking thought think thinkin dreaming fantasising fantasizing") + r" (?:about|of)"
     r"(?: how (?:i would|to|i will|i could|i might|i am going to))?"
     r"|how (?:i would|i will|i could|i might|i am going to|i should|to)"
     r"|(?:tonight|today|tomorrow|night|day|time|weekend|moment)(?: is the (?:night|day))?"
     r" (?:that |when )?i(?: will)?|i am)"
     r"(?: (?:just|finally|really|actually|simply|honestly|fucking|literally|probably"
     r"|seriously|gonna|going to))* end(?:ing)? it\b" + _END_IT_RELATIONSHIP
     + r"|\bend(?:ing)? it (?:tonight|today|tomorrow|right now|now|soon|this (?:week|weekend)"
     r"|once and for all|already)\b" + _END_IT_RELATIONSHIP
     + r"|\b(?:night|day|time|weekend) i end (?:things|everything|my life)\b(?! with\b)",
     _OTHER_SUBJECT_END),
    # dwelling on one's own death: "I think about dying every day", "fantasising about death"
    ("dying death dead",
     r"\b(?:think|thinking|thought|thinks|obsessing|obsessed|fantasi[sz]ing|dreaming|dream)"
     r" (?:about|of) (?:dying|death|being dead|my (?:own )?death|not being alive"
     r"|not existing)\b(?! (?:metal|row|scene|penalty|star|note))"),
    # pills on top of drink: "drank a bottle of vodka and took some of my sleeping pills"
    ("drank drinking drunk",
     r"\b(?:drank|drinking|drunk|had)\b[^.!?]{0,60}?\b(?:vodka|wine|whiskey|whisky|gin|rum"
     r"|tequila|beer|beers|alcohol|bottle|drinks|shots)\b[^.!?]{0,40}?\b(?:took|taken|taking"
     r"|swallowed|popped|downed)\b[^.!?]{0,30}?\b(?:pills|tablets|meds|medication|sleeping"
     r"|xanax|valium|benzos)\b"),
    # a high place: "I'm standing on the roof of my building", "sitting on the ledge"
    ("roof rooftop ledge edge",
     r"\b(?:standing|sitting|stood|sat|climbed|climbing|up) (?:on|onto|up on|at) (?:the )?"
     r"(?:roof|rooftop|ledge|edge of (?:the|a) (?:roof|bridge|cliff|building|platform))\b"
     r"(?! (?:terrace|garden|bar|top|deck|pool|party|patio))"),
    # farewell letters: "writing letters to my family in case something happens"
    ("letter letters note notes",
     r"\b(?:writing|wrote|written|write|leaving|left|leave) (?:a |some |my )?(?:letters?|notes?)"
     r" (?:to|for) (?:my (?:family|parents|mum|mom|dad|kids|children|friends|sister|brother"
     r"|loved ones|sisters|brothers)|everyone|everybody|the people i love|all of you)\b"
     r"[^.!?]{0,40}?"
     r"\b(?:in case|when i am gone|after i am gone|after i die|something happens|goodbye)"),
    ("want",
     r"\bwant (?:it|this|everything|it all|the pain|all of this) to (?:end|stop|be over) "
     r"(?:forever|for good|permanently)\b|\bwant (?:it all|everything) to (?:end|stop)\b"),
    # wanting to die, not to live
    ("die dead alive exist",
     r"\b(?:want|wanted|wanting|wish|ready|deserve|going|planning|plan|trying|tried|try"
     r"|would rather|rather|should just|should|just want|prefer|hope i|hoping i|praying i)"
     r" (?:to )?(?:die|be dead|not be alive|not exist)\b"
     # "I'm going to die of cringe", "I'd rather die than text him" are figures of speech.
     + _DIE_FIGURATIVE),
    ("wish",
     r"\bwish i (?:was|were|had|could)(?: just| simply)? (?:dead|gone|die|not born|never born"
     r"|never been born|not here|not alive)\b"
     r"|\bwish i could(?: just| simply)? (?:disappear|vanish)\b" + _DISAPPEAR_NOT),
    ("dead die",
     r"\bbetter off dead\b|\brather (?:be dead|die)\b" + _DIE_FIGURATIVE
     + r"|\bjust let me die\b|\blet me die\b"),
    ("dying dead",
     r"\bdying inside\b|\bdead inside\b|\bfeel(?:s|ing)? like (?:i am )?dying\b"),
    ("want wish",
     r"\b(?:do not|not|never|no longer) (?:want|wish) to (?:live|exist|be alive|be here|wake up"
     r"|go on|continue|be around|keep living|keep going)\b"),
    # not being around in future: "I won't be here next week", "I don't think I'll be around
    # much longer", "I won't be a problem much longer", "this is my last night"
    ("here around alive earth world",
     r"\b(?:(?:not|no longer) (?:be |being |going to be |still be )?"
     r"|(?:not think|doubt|not sure|not know if|not expect|not see myself) (?:that |if )?i"
     r" (?:will|would|am going to|am|can)(?: still| even)? (?:be |being )?)"
     r"(?:here|around|alive|on this earth|in this world) " + _FUTURE + r"\b"
     + _NOT_TRAVEL,
     _OTHER_PEOPLE),
    ("make",
     r"\b(?:not think|doubt|not sure|not know if) (?:that |if )?i (?:will|would|am going to|can)"
     r" make it (?:to|through|past|until|till) (?:christmas|tomorrow|new year|the (?:weekend"
     r"|morning|night|end of (?:the )?(?:week|month|year)|new year|holidays)|next \w+|my"
     rf" birthday|{_DAYS})\b"
     r"|\b(?:not|never) (?:going to )?make it (?:through|to|past|until|till) (?:the night|tonight"
     r"|tomorrow|the morning|morning)\b(?! without (?:texting|calling|messaging|contacting"
     r"|breaking|crying|checking))",
     _OTHER_PERSON),
    ("problem burden bother nuisance inconvenience worry",
     r"\b(?:not|no longer) (?:be |going to be )(?:a|an|your|anyone is|everyone is|any)"
     r" (?:problem|burden|bother|nuisance|inconvenience|worry)\b(?:(?: \w+){0,3}? (?:much longer"
     r"|any more|any longer|for long|soon|after (?:tonight|today)|forever)\b| (?:to|for)"
     r" (?:anyone|everyone|anybody|everybody|you|my family|them|you all|any of you)\b)",
     _OTHER_PEOPLE),
    ("last final",
     r"\b(?:this is|this will be|today is|tonight is|it is|this is going to be|this might be"
     r"|this may be|that was|this is probably|this will probably be) (?:going to be )?my"
     r" (?:very )?(?:last|final) (?:night|day|message|text|post|goodbye|week|morning|breath"
     r"|sunset|words)\b(?! (?:in|at|of|on|before|with|here|there|as|to (?!you\b)|for (?:him|her"
     r"|them|a while|now|today|tonight)|working|off|shift|until|till|of)\b)"),
    ("hear read gone",
     r"\b(?:last time|never) (?:you|anyone|anybody|everyone|you all) (?:will|are going to|would)"
     r" (?:ever )?hear from me\b|\b(?:you|anyone|nobody|no one) (?:will not|is not going to"
     r"|will never|are not going to) (?:ever )?hear from me (?:again|ever again)\b"
     r"|\bby the time (?:you|anyone|someone|somebody|they) (?:read|reads|see|sees|get|gets|find"
     r"|finds) this\b"
     r"|\bi (?:will|am going to|would)(?: soon| probably)? be gone (?:soon|forever|for good"
     r"|tomorrow|tonight|by (?:tomorrow|tonight|the morning|morning))\b" + _NOT_TRAVEL,
     _OTHER_PERSON + " told said tell"),
    ("wake waking forever",
     r"\bsleep forever\b"
     r"|\b(?:and (?:just )?(?:never|not)|never|(?:want|wish|hope|hoping|rather|prefer|praying"
     r"|pray|if|mind)(?: \w+){0,3}? (?:not|never)) wak(?:e|ing) up\b"
     # "I hope I don't wake up to a text from him", "rather not wake up early"
     r"(?! (?:early|late|before|at|in time|on time|until|till|to (?!be honest)|with|from)\b)"),
    # purpose of living: "what's the point of me even being alive", "no reason for me to be
    # alive", "why am I still alive", "why do I bother waking up"
    ("reason point purpose use sense",
     r"\b(?:the|no|any|a|much|real|what) (?:point|purpose|use|reason|sense)(?: (?:of|in|to|for))?"
     r"(?: me| my)?(?: to)?(?: (?:even|still|just|really|ever|actually|honestly|bothering))?"
     rf" {_ALIVE}",
     # "my dog gives me a reason to get up in the morning" is the opposite of a crisis.
     "give gives gave giving found finds"),
    ("why",
     r"\bwhy (?:am i|do i|should i|would i|i|even|bother|is it that i)(?: (?:even|still|bother"
     r"|bothering|keep|keeping|try|trying|to|ever))*"
     rf" (?:{_ALIVE}|here(?= $| (?:any more|at all|honestly|seriously|lol|to be honest|i|what"
     r"|and|but|on this earth|in this world)\b))"
     r"|\bwhy (?:was|am) i (?:even |ever )?born\b"),
    ("point",
     r"\b(?:the|no|any) point (?:any more|any longer)\b(?! (?:of|in|to|with|texting|trying"
     r"|waiting)\b)"),
    ("live worth living point pointless",
     r"\bnothing (?:left )?to live for\b|\bnot worth living\b|\bnot worth it any more\b"
     r"|\blife (?:is )?(?:not|is not) worth\b|\bpointless to (?:live|go on)\b"),
    ("born",
     r"\bnever (?:been |be |was )?born\b"),
    ("longer",
     r"\bhow (?:much )?longer i can (?:keep going|go on|do this|take (?:it|this)|hold on"
     r"|last|survive|keep living)\b"),
    # "I can't go on like this", "can't keep living this way"; not "can't go on his page",
    # "can't keep going back to him", "can't keep going to the gym".
    ("can know",
     r"\bcan not (?:go on(?! (?:a|an|his|her|their|dates?|holiday|vacation|instagram|tinder"
     r"|hinge|bumble|social|my phone)\b)|keep going(?! (?:back|out|to|over|round|around"
     r"|through|on (?:his|her|dates?))\b)|carry on|do this any more|do life|take (?:it|this)"
     r" any more|live like this|live without|bear (?:it|this) any more|handle (?:it|this) any more"
     r"|cope any more|keep (?:on )?(?:living|existing|going on)(?! (?:in|at|near|here|there"
     r"|so close|next to|with (?!this|myself|the pain))\b)|(?:live|exist) (?:like this"
     r"|this way|any more))\b"
     r"|\b(?:do not|does not) know how (?:to|i can) (?:keep going(?! back)|go on|keep living"
     r"|carry on|keep going on)\b"),
    ("tired done give giving",
     r"\btired of (?:living|life|being alive|existing)\b|\bdone with (?:life|living)\b"
     r"|\bgiv(?:e|ing) up on (?:life|living|everything)\b"),
    # burden / better off without me
    ("without",
     r"\b(?:better off|happier|be fine|be better|better) without me\b"),
    # "better off if I wasn't here", "easier for everyone when I'm gone"; not "better if I
    # wasn't around him", "better if I'm not here when he picks up his stuff".
    ("better happier easier fine",
     r"\b(?:better off|better|happier|easier|be fine)(?: \w+){0,3}? (?:if|when|once|after) i"
     r" (?:just )?(?:(?:am|was|were|would be|will be) (?:just )?)?(?:"
     # "not around" must end the thought: not "when I'm not around toxic people / him".
     r"(?:not|no longer|never) (?:here|around|alive|born|in the picture)(?= $| (?:any more"
     r"|any longer|tomorrow|now|at all|and|but|so|because|since|i|honestly|either|ever|though"
     r"|for good|forever|everyone|everybody|nobody|no one|they|it|then|would|will|things"
     r"|life)\b)"
     r"|(?:gone|dead|died|die|disappeared|disappear|did not exist|do not exist|did not wake up)"
     r"\b(?! (?:for (?!good|ever|real)|from (?!this world|the world|earth|the earth)|with"
     r"|to (?!be honest))\b))"),
    ("would will gone disappeared died dead burden",
     r"\b(?:no one|nobody|noone) (?:would|will) (?:care|notice|miss me)\b"
     # "nobody would notice if I was gone for the weekend" is not a crisis.
     r"|\bif i (?:was|were) gone\b(?! for (?!good|ever)\w)|\bwhen i am gone\b"
     r"|\bafter i am gone\b|\bif i disappeared\b"
     r"|\bif i died\b|\bif i was dead\b|\bi am a burden\b|\bsuch a burden\b|\bburden to\b"),
    # "disappear forever" is a crisis; "I wish he would disappear forever" is not.
    ("disappear disappearing vanish vanishing",
     r"\b(?:disappear|disappearing|vanish|vanishing) (?:forever|for ever|for good|permanently"
     r"|and never come back|and never be found|without a trace)\b"
     r"(?! from (?:his|her|their|them|him|social|socials|instagram|the internet|online|the app"
     r"|the group|the chat)\b)",
     _OTHER_SUBJECT_OR_OBJECT),
    ("disappear vanish exist existing gone out",
     # See _DISAPPEAR_NOT for "disappear from his feed / into a good book".
     r"\bwant to(?: just| simply)? (?:disappear|vanish)\b" + _DISAPPEAR_NOT
     + r"|\bcease to exist\b|\bstop existing\b|\bwant to be gone\b|\bwant to not exist\b"
     r"|\bwant out of (?:this )?(?:life|living|existence|this world)\b"),
    # goodbye notes, plans, means
    ("note letter notes letters",
     r"\b(?:suicide|goodbye|farewell|final|last) (?:note|letter)s?\b"),
    ("goodbye away tomorrow last",
     r"\bwr(?:o|i)te? (?:my|a) (?:goodbye|final|last) (?:note|letter|message)\b"
     r"|\bthis is (?:my )?(?:final )?goodbye\b|\bsaying goodbye to everyone\b|\bgoodbye forever\b"
     r"|\bgiving away my (?:things|stuff|belongings)\b|\bgave away my (?:things|stuff)\b"
     r"|\bwill not be here tomorrow\b|\bmy last (?:day|night) (?:alive|on earth)\b"),
    ("overd* od oded",
     r"\boverdos\w*|\bod d\b|\bod(?:ed|ing)? on\b|\boded\b"),
    (_PILL_WORDS,
     rf"\b(?:took|take|taking|swallowed|swallow|swallowing|have|got|stockpil\w*|saved up"
     rf"|saving up|hoarding|collecting|down) {_QUANTITY} (?:\w+ )?{_PILLS}\b"),
    (_PILL_WORDS,
     rf"\b(?:stockpil\w*|saving|saved|hoarding) (?:up )?(?:my )?{_PILLS}\b"
     rf"|\b{_PILLS} (?:saved|stashed|stockpiled|hidden|hoarded)(?: up| away)?\b"
     rf"|\bstash of {_PILLS}\b"),
    # means at hand: "I have the pills in my hand", "the rope is ready", "holding a knife to my
    # wrist" ("he held a knife to my throat" is danger: the danger patterns catch it).
    (_MEANS_WORDS,
     rf"\b{_MEANS}(?: \w+){{0,2}}? (?:in my hands?|in front of me|next to me|beside me"
     rf"|by my bed|ready|lined up|laid out|counted out|right here)\b"
     rf"(?! for (?:the (?:week|trip|morning|day)|work|school|my (?:trip|holiday|flight))\b)"
     rf"|\bi (?:am |was )?(?:holding|hold|held|pressing|pressed|put|putting) (?:a |the |my )?"
     rf"(?:\w+ )?(?:knife|blade|razor|gun|pistol) (?:to|against) my (?:wrists?|throat|neck|head"
     rf"|skin|arms?|legs?|chest|temple)\b"),
    ("cabinet cupboard",
     r"\b(?:swallow\w*|take|took|taking|ate|eat|down) (?:all|everything|every pill|whatever)"
     r" (?:in|from) (?:the|my) (?:medicine|bathroom|pill) (?:cabinet|cupboard)\b"),
    ("jump front noose rope slit",
     r"\bjump (?:off|from|in front of) (?:a |the |my )?(?:bridge|roof|building|cliff|balcony"
     r"|train|window|car|bus)\b|\bin front of a (?:train|bus|truck|car)\b|\bnoose\b"
     r"|\b(?:bought|buy|got|have|tie|tied) (?:a )?rope\b|\bslit (?:my )?wrists?\b"),
    ("self selfh* cutting cuttin cut",
     r"\bself ?harm\w*|\bselfharm\w*|\bcutt(?:ing|in) again\b|\bstarted cutt(?:ing|in)\b"
     r"|\brelapsed (?:on|and) (?:cutting|cut|self harm)\b|\b(?:i|and|have) cut (?:again|deeper)\b"
     r"|\bcut (?:my )?(?:wrists?|arms?|legs?|thighs?|skin)\b"
     r"|\bcutt(?:ing|in) (?:my )?(?:wrists?|arms?|legs?|thighs?)\b"),
    # A few plain statements in Spanish, German, French and Portuguese (the bot answers in
    # English, but someone in crisis may write in their own language).
    ("morir morirme matar matarme suicidarme sterben leben umbringen selbstmord suizid mourir"
     " suicider tuer morrer suicidio",
     r"\b(?:quiero|quisiera) (?:morir|morirme|matarme|suicidarme)\b"
     r"|\bme quiero (?:morir|matar)\b|\bich (?:will|mochte) (?:sterben|nicht mehr leben"
     r"|mich umbringen)\b|\bselbstmord\b|\bsuizid\w*|\bje (?:veux|vais) (?:mourir"
     r"|me suicider|me tuer)\b|\bquero (?:morrer|me matar)\b|\bsuicidio\b"),
    ("plan how way ways painless method methods",
     r"\b(?:have|made|making|got) a plan to (?:die|end|kill)\b"
     r"|\b(?:how|ways?|methods?|(?:best|easiest|quickest|fastest|least painful|painless) way)"
     r" to (?:kill (?:myself|yourself|oneself|my self)|die|end it all|end my life|end your life"
     r"|commit suicide|hang (?:myself|yourself)|overdose|od|(?:not|never) wake up|slit"
     r"|go painlessly)\b|\bpainless (?:ways?|death|methods?|suicide)\b"),
    # researching means: "how many sleeping pills would be enough", "how much insulin would
    # kill me", "how much paracetamol it would take", "lethal dose"; not "how many ibuprofen
    # can I take for a headache" or "how many melatonin does it take to fall asleep".
    ("many much high tall far lethal fatal deadly",
     rf"\bhow (?:many|much)(?: \w+){{0,3}}? {_OD}(?: \w+){{0,3}}? (?:(?:would|will|could|does"
     r"|do|did|is|it|are)(?: it| i| you| they)? (?:take|takes|kill|be enough|be (?:lethal|fatal"
     rf"|deadly))|(?:is|be|are) (?:enough|lethal|fatal|deadly)|to {_TO_DIE})\b"
     # "does it take to fall asleep / for a headache"
     rf"(?! (?:to|for) (?!{_TO_DIE}\b)\w)"
     r"|\b(?:lethal|fatal|deadly) (?:dose|amount|overdose|quantity)\b"
     r"|\bhow (?:high|tall|far)(?: \w+){0,7}? (?:to (?:die|kill|be fatal|be lethal)|(?:would|will"
     r"|is|to) (?:kill|be fatal|be lethal|be enough))\b"),
    ("point pointless meaningless",
     r"\b(?:see|is|there is) no point (?:in|to) (?:anything|life|living|going on|trying)\b"
     r"|\bdo not see (?:the|a|any) point (?:in|of) (?:anything|life|living|going on|being here)\b"
     r"|\b(?:life|everything|my life) (?:is|feels) (?:pointless|meaningless)\b"),
    ("heaven",
     r"\b(?:be|go|join|see) (?:\w+ ){0,3}in heaven\b|\bgo to heaven\b"),
    ("drive driving drove crash crashing",
     r"\b(?:drive|driving|drove|crash|crashing) (?:my car )?(?:into|off) (?:a|the) (?:wall|tree"
     r"|bridge|river|cliff|truck|lorry|traffic)\b|\bcrash(?:ing)? (?:my car )?on purpose\b"),
    ("funeral",
     r"\bplan(?:ning|ned)? my (?:own )?funeral\b|\bat my funeral\b"),
    ("goodbye bye",
     r"\b(?:goodbye|bye) (?:everyone|everybody|world|all of you|cruel world)\b"),
    ("something",
     r"\bdo something (?:stupid|drastic|bad) to myself\b|\bdo something stupid tonight\b"),
)

_DANGER: _Table = (
    # violence that happened
    ("hit hits hitting punched punches punching slapped slaps kicked kicks choked chokes "
     "choking strangled strangles strangling beat beats beating shoved shoves grabbed grabs "
     "attacked attacks raped rapes assaulted assaults abused abuses abusing stabbed burned "
     "bit spat dragged threw throws pinned smacked smacks pushed pushes slammed slams beaten run "
     "ran running runs came comes coming",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:hit|hits|hitting|punched|punches|punching|slapped|slaps"
     rf"|kicked|kicks|choked|chokes|choking|strangled|strangles|strangling|beat|beats|beating"
     rf"|shoved|shoves|grabbed|grabs|attacked|attacks|raped|rapes|assaulted|assaults|abused"
     rf"|abuses|abusing|stabbed|burned|bit|spat on|dragged|threw|throws|pinned|smacked|smacks"
     rf"|pushed|pushes|slammed|slams) me\b(?! (?:up|away|aside|emotionally|with (?:the|that|this)"
     rf" news|with (?:a|an|his|her|their|that|this) (?:\w+ ){{0,2}}?(?:text|message|post|story"
     rf"|comment|paragraph"
     rf"|question|reply|guilt trip)|online|on (?:social|instagram|twitter|facebook|tiktok|his"
     rf"|her))\b)"
     # "he beat me up" (the look-ahead above is for "he hit me up"); "I got beat up at the
     # gym" is a figure of speech.
     rf"|\bbeat(?:s|ing)? me up\b|\b(?:was|been|got) beaten up\b"
     rf"|\b(?:run|ran|running|runs|tried to run) me (?:over|off the road)\b"
     rf"|\b(?:came|comes|coming) at me with (?:a |an |his |her |the )?(?:fists?|bat|bottle"
     rf"|hammer|scissors|glass|belt|weapon)\b"),
    ("burned burnt cut scratched hurt hit punched stabbed bruised broke slashed kicked slapped",
     rf"\b{_PERSON}(?: (?!i\b)\w+){{0,2}} (?:burned|burnt|cut|scratched|hurt|hit|punched|stabbed"
     r"|bruised|broke|slashed|kicked|slapped) my "
     + _alt(_BODY_WORDS + " face neck hand hands head nose rib ribs eye lip jaw") + r"\b"),
    ("grabbed grabs pulled yanked twisted neck throat",
     r"\b(?:grabbed|grabs|pulled|yanked|twisted) my (?:arm|arms|wrist|wrists|neck|hair|throat)\b"
     r"|\b(?:hands?|fingers|arm|arms) (?:around|round|on|at) my (?:neck|throat)\b"),
    ("hurt hurts hurting bruises bruised",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:hurt|hurts|hurting) me (?:physically|so badly i"
     rf"|and i have bruises|until)\b|\bbruises\b|\b(?:it|that) bruised\b"
     rf"|\bleft (?:a )?bruises?\b"),
    # threats
    ("kill hurt harm beat hit strangle choke attack shoot stab rape murder find get ruin destroy",
     rf"\b{_PERSON}(?: \w+){{0,5}}? (?:will|would|going to|is going to|was going to|wants to"
     rf"|want to|threatened to|threatens to|threatening to|tried to|try to|trying to|might"
     rf"|could|may) (?:\w+ ){{0,6}}?(?:kill|hurt|harm|beat|hit|strangle|choke|attack|shoot|stab"
     rf"|rape|murder|find|get|ruin|destroy) (?:me|my (?:dog|cat|pet|kids?|children|son|daughter"
     rf"|baby|family|mom|mum|dad))\b(?! (?:back|a|an|the|some|something|flowers|out of"
     rf"|when (?:she|he|they) (?:sees?|finds? out|hears?|notices?|gets? home)))"),
    # "if he can't have me no one can"
    ("have",
     r"\bif (?:he|she|they|i) can not have (?:me|you)\b(?! back)"),
    ("you",
     r"\b(?:said|says|saying|told me|texted|wrote|messaged|threatened|yelled|screamed)(?: \w+)"
     r"{0,4} (?:kill|hurt|beat|destroy|end|find|ruin) you\b"),
    ("threa*",
     # "I threatened to leave him" is the person speaking, not a threat to them.
     r"\b(?<! i )threat(?:s|en|ens|ened|ening)?\b"),
    ("hell",
     r"\bmake my life (?:hell|a living hell)\b"),
    # fear of a person
    ("afraid scared terrified frightened fearful",
     r"\b(?:afraid|scared|terrified|frightened|fearful) (?:of )?(?:him|her|them|my ex|ex|my"
     r" (?:boyfriend|girlfriend|husband|wife|partner|dad|father|stepdad))\b"
     r"(?! (?:moving on|forgetting|finding|dating|leaving|seeing someone|replacing|getting"
     r"|texting|calling|messaging|not|never|judging|thinking))"),
    ("afraid scared terrified frightened worried fear fearing",
     rf"\b(?:afraid|scared|terrified|frightened|worried|fear|fearing)(?: that)? {_PERSON}"
     rf"(?: \w+){{0,2}} (?:will|would|is going to|going to|might|could|may|is|wants to)"
     rf" (?:\w+ )?(?:hurt|kill|harm|hit|beat|attack|find|come|show up|break in|take the kids"
     rf"|do something to me)\b"),
    ("afraid scared fear fearing feared terrified frightened",
     r"\b(?:afraid|scared|fear|fearing|feared) for my (?:life|safety)\b"
     r"|\b(?:afraid|scared|terrified|frightened) to (?:go|come|be) (?:back )?(?:home|at home)\b"
     r"(?! (?:and|for|this|next|because (?:of )?(?:the|an|all|everything|it|his stuff"
     r"|her stuff|memories))\b)"),
    # stalking, following, not leaving
    ("stalk* haras* follow follows followed following track tracks tracked tracking watch "
     "watches watched watching",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:stalks?|stalked|stalking|harass\w*|follow(?:s|ed|ing)?"
     rf"|track(?:s|ed|ing)?|watch(?:es|ed|ing)?) me\b(?!(?: again)? (?:on|back|online|in)\b)"),
    ("stalk* haras* being knows",
     r"\bstalk(?:s|ed|ing)? me\b|\bstalker\b|\bbeing (?:stalked|followed|harassed|watched)\b"
     r"|\bharass(?:ing|es|ed|ment)\b|\bknows where i (?:live|work|sleep|am|stay)\b"),
    ("driving drives drove drive walking walks walked hanging hangs waiting",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:driving|drives|drove|drive|walking|walks|walked|hanging"
     rf" around|hangs around|waiting) (?:past|by|around|outside|near) my (?:house|home|place|flat"
     rf"|apartment|work|job|building|school)\b"),
    ("leave",
     r"\b(?:will not|would not|refuses to|refused to|does not|did not) leave (?:me alone|my"
     r" (?:house|home|place|flat|apartment|room|door|property|work|building))\b"),
    ("let locked kidna*",
     r"\b(?:will not|would not|does not|did not) let me (?:leave|go out|out|go)\b"
     r"|\blocked me (?:in|out)\b|\bkidnap\w*"),
    ("outside banging pounding knocking parked waiting showed turned shows showing show turn "
     "turns turning broke broken break breaking trying",
     r"\b(?:outside|banging on|pounding on|knocking on|parked outside|waiting outside"
     r"|waiting at|waiting for me at|(?<! i )(?<! we )(?:turn|turns|turned|turning|show|shows"
     r"|showed|showing) up (?:at|outside)|broke into|broken into|break into|breaking into"
     r"|trying to get into) (?:my|our)(?: (?:mum|mom|mother|dad|father|parents|friend|friends"
     r"|sister|brother|best friend|grandma|nan|bedroom|front|back|new))? (?:door|house|home"
     r"|place|flat|apartment|window|work|job|office|building|car|room|school|gym|college|uni)\b"),
    ("kicking kicked kicks kick banging bangs banged pounding pounds punching punched smashing "
     "smashed breaking broke break",
     rf"\b{_PERSON}(?: \w+){{0,2}} (?:kicking|kicked|kicks|kick|banging|bangs|banged|pounding"
     rf"|pounds|punching|punched|smashing|smashed|breaking|broke|trying to break) (?:down |in )?"
     rf"(?:the|my|our) (?:door|doors|window|windows)\b"),
    ("outside door house here",
     rf"\b{_PERSON} (?:is|are) (?:outside|at my door|in my house|at my house|here)\b"
     rf"(?! (?:to get|for (?:his|her|their)))"),
    # weapons, abuse, tracking, images
    ("gun guns knife knives weapon weapons",
     rf"\b{_PERSON}(?: \w+){{0,5}} (?:guns?|knife|knives|weapons?)\b(?! (?:set|block|drawer"
     rf"|sharpener)\b)|\bhas a (?:gun|knife)\b"
     r"|\bpulled a (?:gun|knife)\b"),
    ("abuse* abusi* domes* viole* restr* prote*",
     r"\babus(?:e|ed|es|ing|ive|er)\b|\bdomestic (?:violence|abuse)\b|\bviolen(?:t|ce)\b"
     r"|\brestraining order\b|\bprotection order\b|\bprotective order\b"),
    ("police cops 911 999 112",
     r"\bcall(?:ed|ing)? (?:the )?(?:police|cops|911|999|112)\b|\bpolice\b"),
    ("rape raped rapes raping sexual sexually forced",
     r"\brape[ds]?\b|\braping\b|\bsexual(?:ly)? assault\w*|\bforced (?:me|himself|herself)\b"),
    ("tracking tracked tracks tracker air airtag hacked spyware",
     r"\b(?:tracking|tracked|tracks) (?:my|me)\b|\btracker on\b|\bair ?tag\b"
     r"|\bhacked (?:my|into my)\b|\bspyware\b"),
    ("black* sexto* nudes naked intimate revenge private sex",
     r"\bblackmail\w*|\bsextort\w*|\b(?:leak|post|share|send|spread|show)(?:ing|ed|s)?"
     r" (?:my |our )?(?:nudes|naked|intimate|private (?:photos|videos|pictures)"
     r"|sex (?:tape|video)s?)\b"
     r"|\brevenge porn\b"),
    ("danger dangerous",
     r"\bin danger\b(?! of)|\bdangerous\b"),
)

# Ambiguous on their own: danger if a danger pattern matched too, otherwise self_harm.
_UNSAFE: _Table = (
    ("safe unsafe danger",
     r"\b(?:not|never|do not feel|does not feel) safe\b|\bunsafe\b|\bin danger\b(?! of)"),
    ("help",
     r"\bhelp me please\b|\bplease help me\b(?= (?:i am scared|now|quick))"),
)


@dataclass(frozen=True)
class _Rule:
    """A pattern and the words, one of which must be in the text for it to be tried.

    Gating keeps detection well under a millisecond on a 4096-character message: most
    patterns never run on a message that does not contain their key words.

    ``not_after``, when set, vetoes a match when one of the three words before it is in the
    set and no "i" comes between (the ``re`` module has no variable-width look-behind): "we
    should end things" is about a relationship, "I want to end things" and "since he left I
    want to end things" are not."""

    words: frozenset[str]
    prefixes3: frozenset[str]
    prefixes5: frozenset[str]
    pattern: re.Pattern[str]
    not_after: frozenset[str] = frozenset()

    def applies(self, tokens: set[str], pre3: set[str], pre5: set[str]) -> bool:
        return (
            not self.words.isdisjoint(tokens)
            or not self.prefixes3.isdisjoint(pre3)
            or not self.prefixes5.isdisjoint(pre5)
        )


_LEADING_BOUNDARY = re.compile(r"(^|\|)\\b")


_NOT_AFTER_WORDS = 3


def _rules(table: _Table) -> tuple[_Rule, ...]:
    rules = []
    for gate, pattern, *rest in table:
        keys = gate.split()
        prefixes = [k[:-1] for k in keys if k.endswith("*")]
        if any(len(p) not in (3, 5) for p in prefixes):
            raise ValueError(f"gate prefixes must have 3 or 5 letters: {gate!r}")
        rules.append(
            _Rule(
                words=frozenset(k for k in keys if not k.endswith("*")),
                prefixes3=frozenset(p for p in prefixes if len(p) == 3),
                prefixes5=frozenset(p for p in prefixes if len(p) == 5),
                # Every alternative starts at a word: searching " text" for " word" lets the
                # regex engine jump from space to space instead of trying every position.
                pattern=re.compile(_LEADING_BOUNDARY.sub(r"\1 ", pattern)),
                not_after=frozenset(rest[0].split()) if rest else frozenset(),
            )
        )
    return tuple(rules)


_SELF_HARM_RULES = _rules(_SELF_HARM)
_DANGER_RULES = _rules(_DANGER)
_UNSAFE_RULES = _rules(_UNSAFE)


def _words_before(norm: str, start: int) -> list[str]:
    """The (up to) three words before ``start``, the space where a match begins."""
    i = start
    for _ in range(_NOT_AFTER_WORDS):
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


def _first(
    rules: tuple[_Rule, ...], norm: str, tokens: set[str], pre3: set[str], pre5: set[str]
) -> str | None:
    for rule in rules:
        if not rule.applies(tokens, pre3, pre5):
            continue
        if not rule.not_after:
            m = rule.pattern.search(norm)
            if m:
                return m.group(0).strip()
            continue
        for m in rule.pattern.finditer(norm):
            if not _vetoed(rule.not_after, _words_before(norm, m.start())):
                return m.group(0).strip()
    return None


@dataclass(frozen=True)
class CrisisSignal:
    """A message that needs the safety reply; ``cue`` is the normalised text that matched."""

    kind: CrisisKind
    cue: str


def detect_crisis(text: str) -> CrisisSignal | None:
    """Return a CrisisSignal when ``text`` speaks of suicide, self-harm or danger, else None."""
    if not text:
        return None
    norm = normalize(text)
    if not norm:
        return None
    tokens = set(norm.split())
    norm = f" {norm} "
    pre3 = {t[:3] for t in tokens}
    pre5 = {t[:5] for t in tokens}
    cue = _first(_SELF_HARM_RULES, norm, tokens, pre3, pre5)
    if cue is not None:
        return CrisisSignal("self_harm", cue)
    cue = _first(_DANGER_RULES, norm, tokens, pre3, pre5)
    if cue is not None:
        return CrisisSignal("danger_from_other", cue)
    cue = _first(_UNSAFE_RULES, norm, tokens, pre3, pre5)
    if cue is not None:
        return CrisisSignal("self_harm", cue)
    return None


# Words of injury, means, death and not being around. A message the rules above do not flag
# can still hold them ("my wrists are a mess again"): it gets no crisis reply, but whatever
# answers it offers the way to help. Broad on purpose; a false hit costs a button or a
# question. Strong words are rarely figurative; weak ones often are ("dead tired", "this is
# killing me", "my phone is dying").
_STRONG_HARM = re.compile(
    r"\b(?:blood\w*|bleed\w*|bled|bruis\w*|wrists?|scars?|razors?|blades?|noose|"
    r"overdos\w*|pills?|tablets?|bleach|ledge|rooftop|train tracks|exhaust|engine running|"
    r"fade away|keep living|stay alive|be alive|worry about me|starv\w*|stop(?:ped)? eating|"
    r"burn\w* (?:my|myself)|hurt\w* myself|self ?harm\w*|harm\w* (?:my|myself)|suicid\w*|"
    r"end my life|end it all|gone for good|not safe|unsafe|in danger|threat\w*)\b"
)
_WEAK_HARM = re.compile(
    r"\b(?:ropes?|bridge|tracks|alive|be around|be here|goodbye|disappear\w*|die|dying|"
    r"dead|death|kill\w*|end it|scared|afraid|hit me|hits me)\b"
)
HarmLevel = Literal["strong", "weak"]


def mentions_harm(text: str) -> HarmLevel | None:
    """How strongly `text` speaks of injury, means, death or danger, by its words alone."""
    if not text:
        return None
    norm = normalize(text)
    if _STRONG_HARM.search(norm):
        return "strong"
    return "weak" if _WEAK_HARM.search(norm) else None


# --------------------------------------------------------------------------------------------
# content/safety.yaml
# --------------------------------------------------------------------------------------------


_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = frozenset({"emergency", "country_name"})


def fill(text: str, lines: CountryLines) -> str:
    """Fill {emergency} and {country_name} in a safety text (they are already HTML-safe)."""
    return text.replace("{emergency}", lines.emergency).replace("{country_name}", lines.name)


def _check_messages(items: list[str], limit: int = 700) -> list[str]:
    for i, text in enumerate(items):
        if not text.strip():
            raise ValueError(f"[{i}]: message is empty")
        unknown = set(_PLACEHOLDER_RE.findall(text)) - PLACEHOLDERS
        if unknown:
            raise ValueError(f"[{i}]: unknown placeholder(s) {sorted(unknown)}")
        # Count visible length as it will be sent: a long emergency text fills in here.
        text = text.replace("{emergency}", "x" * 40).replace("{country_name}", "x" * 40)
        try:
            check_telegram_html(text)
        except ValueError as exc:
            raise ValueError(f"[{i}]: {exc}") from None
        n = visible_length(text)
        if n > limit:
            raise ValueError(f"[{i}]: {n} visible chars, more than {limit}")
    return items


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryLines(_Strict):
    """Emergency number and helplines for one country (or the worldwide fallback)."""

    name: str = Field(default="", max_length=40)
    emergency: str = Field(min_length=1, max_length=40)
    crisis: list[str] = Field(min_length=1)
    abuse: list[str] = Field(default_factory=list)

    @field_validator("crisis", "abuse")
    @classmethod
    def _lines(cls, items: list[str]) -> list[str]:
        return _check_messages(items, limit=300)


class Buttons(_Strict):
    safe_yes: str = Field(min_length=1, max_length=32)
    safe_no: str = Field(min_length=1, max_length=32)
    lines: str = Field(min_length=1, max_length=32)
    grounding: str = Field(min_length=1, max_length=32)
    plan: str = Field(min_length=1, max_length=32)


class SafetyContent(_Strict):
    """The whole of content/safety.yaml."""

    crisis_reply: list[str] = Field(min_length=2)
    buttons: Buttons
    unsafe_reply: list[str] = Field(min_length=1)
    safe_reply: list[str] = Field(min_length=1)
    danger_reply: list[str] = Field(min_length=1)
    lines_intro: str = Field(min_length=1)
    countries: dict[str, CountryLines] = Field(min_length=1)
    fallback: CountryLines
    grounding: list[str] = Field(min_length=1, max_length=3)
    safety_plan: list[str] = Field(min_length=1, max_length=3)

    @field_validator(
        "crisis_reply", "unsafe_reply", "safe_reply", "danger_reply", "grounding", "safety_plan"
    )
    @classmethod
    def _messages(cls, items: list[str]) -> list[str]:
        return _check_messages(items)

    @field_validator("lines_intro")
    @classmethod
    def _intro(cls, text: str) -> str:
        if "{country_name}" not in text:
            raise ValueError("lines_intro must contain {country_name}")
        _check_messages([text.replace("{country_name}", "X")])
        return text

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: dict[str, CountryLines]) -> dict[str, CountryLines]:
        for code, lines in value.items():
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise ValueError(f"country code {code!r} must be ISO 3166 alpha-2, upper case")
            if not lines.name:
                raise ValueError(f"countries.{code}.name is required")
        return value


class SafetyContentError(ValueError):
    """content/safety.yaml is malformed; the message names the field."""


def validate_safety_content(
    data: Mapping[str, Any], source: str = "content/safety.yaml"
) -> SafetyContent:
    """Validate parsed safety.yaml; raise SafetyContentError naming the bad field."""
    try:
        return SafetyContent.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{source}: {'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise SafetyContentError("\n".join(lines)) from None


def lines_for(content: SafetyContent, country_code: str | None) -> tuple[CountryLines, bool]:
    """The lines for ``country_code`` (ISO alpha-2, any case) and whether it was known.

    Unknown or missing countries get the worldwide fallback. Every country's list ends
    with the fallback directory, so a number that fails still leaves a way forward."""
    code = (country_code or "").strip().upper()
    known = content.countries.get(code)
    if known is None:
        return content.fallback, False
    extra = [line for line in content.fallback.crisis if line not in known.crisis]
    return known.model_copy(update={"crisis": [*known.crisis, *extra]}), True
