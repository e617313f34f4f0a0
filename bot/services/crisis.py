"""Crisis detection (runs before anything else on every message) and content/safety.yaml.

``detect_crisis`` looks for two kinds of signal in the normalised text (lowercase, unaccented,
contractions and chat slang expanded by ``textnorm.normalize``):

* ``self_harm``: suicide and its misspellings and euphemisms (kms, unalive, sewerslide),
  wanting to die / not be here / disappear forever / end it all, self-harm (cutting, hurting
  myself), overdose and pills in quantity, "no reason to live", "better off without me",
  goodbye notes, plans, "dying inside" / "dead inside";
* ``danger_from_other``: violence (he hit me), threats (she said she'd kill me), fear of a
  person (afraid he will hurt me, scared of him), stalking and following, someone who will
  not leave or is outside the door, abuse, weapons, being tracked, leaked intimate images.

Decisions (documented for reviewers):

* Recall first: when a phrase is genuinely ambiguous, it counts as a crisis. The reply is
  gentle and only asks whether the person is safe.
* Negation is not trusted: "I'm not going to hurt myself" still returns ``self_harm``.
  Someone who brings it up deserves the gentle check-in, and negation is easy to misread.
* Figures of speech do not count: "dying to text her", "this is killing me", "my phone is
  dying", "I could kill for a pizza", "dead tired", "kill time", "that joke killed me".
  "I'd die for my dog" is devotion, not a wish to die, and does not count either.
* Ordinary sadness does not count ("I'm so sad", "I feel empty", "I hate myself for texting
  him"): "hate myself" only counts with a harm word, which the self-harm patterns catch.
  "I feel like dying inside" and "dead inside" do count.
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
    "fill",
    "lines_for",
    "validate_safety_content",
]

CrisisKind = Literal["self_harm", "danger_from_other"]

_MYSELF = r"(?:my ?self|myslef|mysefl|mysef|meself|my own self)"
_PERSON = (
    r"(?:he|she|they|ex|him|her|them|boyfriend|girlfriend|husband|wife|partner|fiance|fiancee"
    r"|dad|father|mom|mum|mother|brother|stepdad|someone|somebody|guy|man|woman)"
)
_PILLS = r"(?:pills|tablets|meds|medication|painkillers|paracetamol|tylenol|ibuprofen|aspirin)"
_QUANTITY = (
    r"(?:all|all of|all my|too many|a lot of|a bunch of|lots of|loads of|so many|way too many"
    r"|the whole|a whole|every|a handful of|handful of|enough|a bottle of|\d+)"
)

_SELF_HARM: tuple[tuple[str, str], ...] = (
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
     rf"|poisoning|off|offing|punish|punishing|stab|stabbing) {_MYSELF}\b"),
    ("life",
     r"\b(?:end|ending|take|taking|took) (?:my|my own) life\b"),
    ("end ending",
     r"\bend(?:ing)? it all\b|\bend everything\b"),
    ("end",
     r"\b(?:want|going|ready|planning|plan|about|decided|deciding) to end it\b(?! with\b)"),
    ("want",
     r"\bwant (?:it|this|everything|it all|the pain|all of this) to (?:end|stop|be over) "
     r"(?:forever|for good|permanently)\b|\bwant (?:it all|everything) to (?:end|stop)\b"),
    # wanting to die, not to live
    ("die dead alive exist",
     r"\b(?:want|wanted|wanting|wish|ready|deserve|going|planning|plan|trying|tried|try"
     r"|would rather|rather|should just|should|just want|prefer|hope i|hoping i|praying i)"
     r" (?:to )?(?:die|be dead|not be alive|not exist)\b"),
    ("wish",
     r"\bwish i (?:was|were|had|could) (?:dead|gone|die|just die|not born|never born"
     r"|never been born|not here|not alive|disappear)\b"),
    ("dead die",
     r"\bbetter off dead\b|\brather be dead\b|\brather die\b|\bjust let me die\b|\blet me die\b"),
    ("dying dead",
     r"\bdying inside\b|\bdead inside\b|\bfeel(?:s|ing)? like (?:i am )?dying\b"),
    ("want wish",
     r"\b(?:do not|not|never|no longer) (?:want|wish) to (?:live|exist|be alive|be here|wake up"
     r"|go on|continue|be around|keep living|keep going)\b"),
    ("here around alive",
     r"\b(?:not|no longer) (?:be )?(?:here|around|alive) (?:any more|tomorrow|much longer"
     r"|for long)\b"),
    ("wake forever",
     r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b|\bnever wake up\b"
     r"|\bsleep forever\b|\bhope i (?:do not|never) wake up\b"),
    ("reason point purpose",
     r"\bno (?:reason|point|purpose) (?:in |to |for )?(?:live|living|life|go on|going on"
     r"|be alive|being alive|exist|existing|carry on|keep going|being here|be here|any more)\b"),
    ("live worth living point pointless",
     r"\bnothing (?:left )?to live for\b|\bnot worth living\b|\bnot worth it any more\b"
     r"|\blife (?:is )?(?:not|is not) worth\b|\bwhat is the point (?:of|in) (?:living|life"
     r"|being alive|going on|anything any more)\b|\bpointless to (?:live|go on)\b"),
    ("born",
     r"\bnever (?:been |be |was )?born\b"),
    ("longer",
     r"\bhow (?:much )?longer i can (?:keep going|go on|do this|take (?:it|this)|hold on"
     r"|last|survive|keep living)\b"),
    ("can",
     r"\bcan not (?:go on|keep going|carry on|do this any more|take (?:it|this) any more"
     r"|live like this|live without|bear (?:it|this) any more|handle (?:it|this) any more"
     r"|cope any more)\b"),
    ("tired done give giving",
     r"\btired of (?:living|life|being alive|existing)\b|\bdone with (?:life|living)\b"
     r"|\bgiv(?:e|ing) up on (?:life|living|everything)\b"),
    # burden / better off without me
    ("without",
     r"\b(?:better off|happier|be fine|be better|better) without me\b"),
    ("would will gone disappeared died dead burden",
     r"\b(?:no one|nobody|noone) (?:would|will) (?:care|notice|miss me)\b"
     r"|\bif i (?:was|were) gone\b|\bwhen i am gone\b|\bafter i am gone\b|\bif i disappeared\b"
     r"|\bif i died\b|\bif i was dead\b|\bi am a burden\b|\bsuch a burden\b|\bburden to\b"),
    ("disappear vanish exist existing gone",
     r"\bdisappear (?:forever|for good|permanently)\b|\bvanish forever\b"
     # "I want to disappear from Instagram for a while" is a No Contact move, not a crisis.
     r"|\bwant to disappear\b(?! from (?:social media|socials|instagram|insta|ig|facebook|fb"
     r"|twitter|tiktok|snapchat|snap|the internet|online|the group))"
     r"|\bcease to exist\b|\bstop existing\b|\bwant to be gone\b|\bwant to not exist\b"),
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
    ("pills tablets meds medication painkillers paracetamol tylenol ibuprofen aspirin",
     rf"\b(?:took|take|taking|swallowed|swallow|swallowing|have|got|stockpil\w*|saved up"
     rf"|saving up|hoarding|collecting|down) {_QUANTITY} (?:\w+ )?{_PILLS}\b"),
    ("pills tablets meds medication painkillers paracetamol tylenol ibuprofen aspirin",
     rf"\b(?:stockpil\w*|saving|saved|hoarding) (?:up )?(?:my )?{_PILLS}\b"
     rf"|\b{_PILLS} (?:saved|stashed|stockpiled|hidden|hoarded)(?: up| away)?\b"
     rf"|\bstash of {_PILLS}\b"),
    ("jump front noose rope slit",
     r"\bjump (?:off|from|in front of) (?:a |the |my )?(?:bridge|roof|building|cliff|balcony"
     r"|train|window|car|bus)\b|\bin front of a (?:train|bus|truck|car)\b|\bnoose\b"
     r"|\b(?:bought|buy|got|have|tie|tied) (?:a )?rope\b|\bslit (?:my )?wrists?\b"),
    ("self selfh* cutting cut",
     r"\bself ?harm\w*|\bselfharm\w*|\bcutting again\b|\bstarted cutting\b|\brelapsed on"
     r" (?:cutting|self harm)\b|\bcut (?:my )?(?:wrists?|arms?|legs?|thighs?|skin)\b"
     r"|\bcutting (?:my )?(?:wrists?|arms?|legs?|thighs?)\b"),
    # A few plain statements in Spanish, German, French and Portuguese (the bot answers in
    # English, but someone in crisis may write in their own language).
    ("morir morirme matar matarme suicidarme sterben leben umbringen selbstmord suizid mourir"
     " suicider tuer morrer suicidio",
     r"\b(?:quiero|quisiera) (?:morir|morirme|matarme|suicidarme)\b"
     r"|\bme quiero (?:morir|matar)\b|\bich (?:will|mochte) (?:sterben|nicht mehr leben"
     r"|mich umbringen)\b|\bselbstmord\b|\bsuizid\w*|\bje (?:veux|vais) (?:mourir"
     r"|me suicider|me tuer)\b|\bquero (?:morrer|me matar)\b|\bsuicidio\b"),
    ("plan how painless lethal",
     r"\b(?:have|made|making|got) a plan to (?:die|end|kill)\b|\bhow to (?:kill myself|die"
     r"|end it all|end my life)\b|\bpainless (?:way|death|method)\b|\blethal dose\b"
     r"|\bhow many " + _PILLS + r" (?:to|would|does|will)\b"),
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

_DANGER: tuple[tuple[str, str], ...] = (
    # violence that happened
    ("hit hits hitting punched punches punching slapped slaps kicked kicks choked chokes "
     "choking strangled strangles strangling beat beats beating shoved shoves grabbed grabs "
     "attacked attacks raped rapes assaulted assaults abused abuses abusing stabbed burned "
     "bit spat dragged threw throws pinned smacked smacks pushed pushes",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:hit|hits|hitting|punched|punches|punching|slapped|slaps"
     rf"|kicked|kicks|choked|chokes|choking|strangled|strangles|strangling|beat|beats|beating"
     rf"|shoved|shoves|grabbed|grabs|attacked|attacks|raped|rapes|assaulted|assaults|abused"
     rf"|abuses|abusing|stabbed|burned|bit|spat on|dragged|threw|throws|pinned|smacked|smacks"
     rf"|pushed|pushes) me\b(?! (?:up|away|aside|emotionally|with (?:the|that|this) news))"),
    ("grabbed grabs pulled yanked twisted",
     r"\b(?:grabbed|grabs|pulled|yanked|twisted) my (?:arm|arms|wrist|wrists|neck|hair|throat)\b"),
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
     rf"|baby|family|mom|mum|dad))\b(?! (?:back|a|an|the|some|something|flowers|out of))"),
    ("you",
     r"\b(?:said|says|saying|told me|texted|wrote|messaged|threatened|yelled|screamed)(?: \w+)"
     r"{0,4} (?:kill|hurt|beat|destroy|end|find|ruin) you\b"),
    ("threa*",
     r"\bthreat(?:s|en|ens|ened|ening)?\b"),
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
    ("afraid scared fear fearing feared",
     r"\b(?:afraid|scared|fear|fearing|feared) for my (?:life|safety)\b"),
    # stalking, following, not leaving
    ("stalk* haras* follow follows followed following track tracks tracked tracking watch "
     "watches watched watching",
     rf"\b{_PERSON}(?: \w+){{0,3}} (?:stalks?|stalked|stalking|harass\w*|follow(?:s|ed|ing)?"
     rf"|track(?:s|ed|ing)?|watch(?:es|ed|ing)?) me\b(?!(?: again)? (?:on|back|online|in)\b)"),
    ("stalk* haras* being",
     r"\bstalk(?:s|ed|ing)? me\b|\bstalker\b|\bbeing (?:stalked|followed|harassed|watched)\b"
     r"|\bharass(?:ing|es|ed|ment)\b"),
    ("leave",
     r"\b(?:will not|would not|refuses to|refused to|does not|did not) leave (?:me alone|my"
     r" (?:house|home|place|flat|apartment|room|door|property|work|building))\b"),
    ("let locked kidna*",
     r"\b(?:will not|would not|does not|did not) let me (?:leave|go out|out|go)\b"
     r"|\blocked me (?:in|out)\b|\bkidnap\w*"),
    ("outside banging pounding knocking parked waiting showed turned shows showing show turn "
     "turns turning broke broken break breaking trying",
     r"\b(?:outside|banging on|pounding on|knocking on|parked outside|waiting outside"
     r"|waiting at|waiting for me at|(?:turn|turns|turned|turning|show|shows|showed|showing)"
     r" up (?:at|outside)|broke into|broken into|break into|breaking into|trying to get into)"
     r" (?:my|our) (?:door|house|home|place|flat|apartment|window|work|job|office|building"
     r"|car|room|school|gym|college|uni)\b"),
    ("outside door house here",
     rf"\b{_PERSON} (?:is|are) (?:outside|at my door|in my house|at my house|here)\b"
     rf"(?! (?:to get|for (?:his|her|their)))"),
    # weapons, abuse, tracking, images
    ("gun knife weapon",
     rf"\b{_PERSON}(?: \w+){{0,4}} (?:gun|knife|weapon)\b|\bhas a (?:gun|knife)\b"
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
    ("black* sexto* nudes naked intimate revenge",
     r"\bblackmail\w*|\bsextort\w*|\b(?:leak|post|share|send|spread)(?:ing|ed|s)? (?:my )?"
     r"(?:nudes|naked|intimate)\b|\brevenge porn\b"),
    ("danger dangerous",
     r"\bin danger\b(?! of)|\bdangerous\b"),
)

# Ambiguous on their own: danger if a danger pattern matched too, otherwise self_harm.
_UNSAFE: tuple[tuple[str, str], ...] = (
    ("safe unsafe danger",
     r"\b(?:not|never|do not feel|does not feel) safe\b|\bunsafe\b|\bin danger\b(?! of)"),
    ("help",
     r"\bhelp me please\b|\bplease help me\b(?= (?:i am scared|now|quick))"),
)


@dataclass(frozen=True)
class _Rule:
    """A pattern and the words, one of which must be in the text for it to be tried.

    Gating keeps detection well under a millisecond on a 4096-character message: most
    patterns never run on a message that does not contain their key words."""

    words: frozenset[str]
    prefixes3: frozenset[str]
    prefixes5: frozenset[str]
    pattern: re.Pattern[str]

    def applies(self, tokens: set[str], pre3: set[str], pre5: set[str]) -> bool:
        return (
            not self.words.isdisjoint(tokens)
            or not self.prefixes3.isdisjoint(pre3)
            or not self.prefixes5.isdisjoint(pre5)
        )


_LEADING_BOUNDARY = re.compile(r"(^|\|)\\b")


def _rules(table: tuple[tuple[str, str], ...]) -> tuple[_Rule, ...]:
    rules = []
    for gate, pattern in table:
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
            )
        )
    return tuple(rules)


_SELF_HARM_RULES = _rules(_SELF_HARM)
_DANGER_RULES = _rules(_DANGER)
_UNSAFE_RULES = _rules(_UNSAFE)


def _first(
    rules: tuple[_Rule, ...], norm: str, tokens: set[str], pre3: set[str], pre5: set[str]
) -> str | None:
    for rule in rules:
        if rule.applies(tokens, pre3, pre5):
            m = rule.pattern.search(norm)
            if m:
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
