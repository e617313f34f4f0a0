"""Safety first: a message about suicide, self-harm or danger opens a safety conversation.

The check runs in handler group -1, before every other handler and whatever flow the person is
in. The reply goes out before anything is written (a slow or failing database never delays
it); then the "sos" frame is put on top of the stack, so the next typed messages are read in
its light: "im not safe" gets the emergency number and lines now, "yes i'm ok" gets calming
and a plan, an answer to a plan question leads to the next one, anything else a reply that
stays with them. Nothing in it answers with the FAQ menu. It ends when they say they are okay
for now, clearly change the subject, or stay quiet for half an hour.

Two levels (docs/crisis.md): explicit intent, plans, means or an attempt get the lines and the
emergency number in the first reply; passive or unclear messages get the gentle "are you safe
right now?" with the lines one tap away. Danger from another person gets its own path and plan.
No text is sent twice in a row to one person: the frame remembers the last variant of each.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from telegram import InlineKeyboardMarkup, Update, User
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.conversation import resume, router
from bot.conversation.codec import STATELESS, Button, pack, unpack
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, FrameData, Idle, Reads
from bot.conversation.frames import Conversation, Frame
from bot.conversation.keyboards import Row, inline, with_rows
from bot.conversation.outbox import Outgoing
from bot.conversation.turn import Turn, change_conversation, open_turn, peek
from bot.core.content import Content, Markup, render
from bot.core.runtime import Runtime
from bot.services import tghtml
from bot.services.crisis import CrisisSignal, detect_crisis, harm_kind, mentions_harm
from bot.services.helplines import LinesForUser, lines_for
from bot.services.language import has_english, not_all_english, other_language, reply_code
from bot.services.reading import (
    Reading,
    asks_status,
    ex_has_died,
    quits_the_bot,
    read_text,
)
from bot.services.reading import about_the_bot as asks_of_the_bot
from bot.services.safety_answers import (
    a_handover,
    about_the_bot,
    about_to_drive,
    acting_now,
    against_them,
    apologises,
    arrived_to_stay,
    asks_about_a_place,
    asks_about_blocking,
    asks_about_count,
    asks_about_dose,
    asks_about_evidence,
    asks_about_height,
    asks_about_lines,
    asks_about_locks,
    asks_about_tracker,
    asks_bot_to_act,
    asks_bot_to_call,
    asks_for_alternatives,
    asks_for_company,
    asks_for_hope,
    asks_for_number,
    asks_if_crime,
    asks_if_nc_fits,
    asks_if_normal,
    asks_if_safety_counts,
    asks_not_to_tell,
    asks_protection_order,
    asks_tech_safety,
    asks_to_call_police,
    asks_to_meet_them,
    asks_to_open_door,
    asks_to_reply_to_them,
    asks_what_meant,
    asks_what_to_do,
    asks_what_to_say,
    asks_where_to_go,
    asks_who_is_told,
    asks_who_sees,
    asks_why_numbers,
    asleep_there,
    at_a_height,
    at_hospital,
    at_the_door,
    back_in_talk,
    blames_self,
    bleeding_eases,
    blocked_by_them,
    breaking_in,
    call_not_enough,
    called_them,
    came_back_inside,
    cannot_secure,
    cannot_speak,
    choke_signs,
    clarifies_move,
    comes_back,
    comes_for_them,
    confirms_intent,
    country_said,
    danger_goes_on,
    depth_unsure,
    dismisses_self,
    done_to_self,
    doubts_threat,
    drinking,
    driving,
    engine_running,
    ex_looked_after,
    family_help,
    fears_for_them,
    fears_police,
    fears_their_reaction,
    feels_awful,
    feels_better,
    for_themselves,
    gets_rid_of_it,
    gives_in,
    goes_back_for_them,
    going_in,
    going_to_stay,
    gone_out_for_hours,
    got_them_help,
    grave_danger,
    harm_in_past,
    has_a_key,
    has_decided,
    has_family_number,
    has_no_plan_yet,
    has_protection_order,
    has_symptoms,
    heads_home,
    heavy_feeling,
    helper_coming,
    here_now,
    hiding_locked_in,
    hopes_for_them,
    hospital_wait,
    images_next,
    in_the_car,
    in_the_home,
    is_acknowledgement,
    is_dont_know,
    is_joking,
    is_no_one,
    is_plain_ok,
    is_resigned,
    is_unreachable,
    just_testing,
    keeps_it_from,
    kids_taken,
    kids_there,
    low_battery,
    means_at_hand,
    medically_cleared,
    minimizes,
    minor_injury,
    minor_said,
    misses_them,
    misses_who_hurt_them,
    mistaken_tap,
    must_go,
    names_what_was_taken,
    no_address,
    no_credit,
    no_more_numbers,
    no_plan,
    none_of_theirs,
    not_abuse,
    not_acted,
    not_afraid,
    not_believed,
    not_dangerous,
    not_immediate,
    objects_to_help,
    objects_to_police,
    on_hold,
    on_the_way,
    on_the_way_home,
    on_the_way_to_stay,
    ongoing_thoughts,
    only_clarifies,
    person_named,
    person_near,
    plan_saved,
    plans_to_avoid,
    plays_down_danger,
    plays_it_down,
    police_refused,
    prepares,
    prescribed_dose,
    promises_but_heavy,
    promises_but_hurts,
    promises_not_to,
    puts_away,
    reached_help,
    read_safety_answer,
    retracts,
    ruined_streak,
    safety_tool_asked,
    said_as,
    says_accident,
    says_amount,
    says_drunk,
    says_safe,
    says_young,
    sent_means_photo,
    serious_injury,
    settles_affairs,
    shaken,
    sleeps_it_off,
    small_comfort,
    someone_else_at_risk,
    someone_else_threatens,
    someone_with_them,
    speaks_of,
    speaks_of_not_being_around,
    stands_by_it,
    stays_up,
    step_done,
    stepped_back,
    still_heavy,
    still_there,
    stopped_attempt,
    stops_asking,
    stops_the_plan,
    talks_of_else,
    talks_of_them,
    tells_clean_streak,
    their_means,
    their_means_now,
    their_place,
    their_weapon,
    there_until_later,
    they_are_here,
    they_went_quiet,
    they_will_regret,
    threat_gone,
    threat_repeated,
    threatens_images,
    to_bed,
    told_as_past,
    told_them_so,
    told_to_go,
    too_easy,
    tried_to_reach,
    urge_to_harm_again,
    waiting_for_help,
    wants_it_to_stop,
    wants_no_lecture,
    was_choked,
    will_call,
    will_look_it_up,
    will_tell_there,
    wont_call,
    wont_wake_them,
    wound_tended,
    zone_country,
)
from bot.services.slips import told_a_slip_to_them
from bot.services.smalltalk import asks_to_erase, classify_smalltalk
from bot.services.textnorm import normalize
from bot.services.timezones import country_for_zone
from bot.services.yesno import yes_or_no
from bot.tg.sending import with_retries

logger = logging.getLogger(__name__)

NAME = "sos"
KINDS = {"self_harm": "s", "danger_from_other": "d", "other_at_risk": "o"}
NOT_SAFE_DATA = pack(NAME, STATELESS, "no", "s")
SELF_PLAN = ("intro", "q_calm", "q_people", "q_place", "q_safer", "q_pro")
DANGER_PLAN = ("intro", "q_person", "q_phone", "q_document", "q_codeword", "q_bag")
PLAN_ANSWER_CHARS = 120
DB_WAIT = 2.0  # seconds a safety reply waits for the database before going out without it
YOUNG_WITHIN = timedelta(days=1)  # an age told this long ago still shapes a talk that opens


class Step(StrEnum):
    ASKED = "asked"  # "are you safe right now?" was asked
    UNSAFE = "unsafe"  # they said they are not safe: the number and lines were given
    SAFE = "safe"  # they said they are safe for now: calming and a plan are offered
    PLAN = "plan"  # going through a safety plan, one question at a time
    LISTEN = "listen"
    # They said they were safe: the talk is over, but what they type next is read in its
    # light once ("i mean no" takes it back; "i'm tired of everything" is asked about)
    SETTLED = "settled"


class SosData(FrameData):
    kind: str = "s"  # s: self-harm, d: danger from someone, o: the ex threatens self-harm
    plan: str | None = None  # "self" or "danger" while a plan is being made
    q: int = 0  # the plan question being asked
    answers: list[str] = []  # their plan so far, shown back at the end
    last: dict[str, int] = {}  # the variant of each text sent last, never sent twice in a row
    asked: str = ""  # the text sent last (its key): a bare "yes" is read against its question
    said: int = 0  # replies in this conversation so far
    # They said they were not safe in this talk, or it began with intent, a plan or danger:
    # a bare "ok" from now on is heard ("ok, I'll call"), never read as "I'm safe now".
    unsafe: bool = False
    # Something was taken (pills, a bottle): "I'm okay now" still gets the call to get checked.
    taken: bool = False
    # A typed "fine" after intent was asked about once more ("can you keep yourself safe
    # tonight?"): the next "fine" is believed.
    rechecked: bool = False
    # The country they named in the talk, before set-up told us their time zone
    country: str | None = None
    # The one at risk is a friend or family ("my best friend keeps saying she wants to die"),
    # not the ex: no "without reopening contact"
    friend: bool = False
    # They were asked to go to someone close by (not to call): "ok" is heard as going
    going: bool = False
    # They asked for no more questions ("i said stop"): replies listen, and the yes/no
    # buttons give way to "I'm not safe" and the lines
    stopped: bool = False
    # A means was named ("i have my dads gun"): a curt "fine. im safe" is asked about once
    means: bool = False
    # Danger from someone: the steps for tonight were given once (then the talk stays)
    steps_given: bool = False
    # A bare "ok" deep in the talk was asked about once ("are you safe right now, tonight?")
    ok_checked: bool = False
    # The threat is to post or send intimate images: its own steps, never "lock the door"
    images: bool = False
    # They hurt themselves ("i cut myself again tonight"): "idk how deep" is about the wound
    injured: bool = False
    # The one threatening them is at the door now: "no police" is still met with the call
    at_door: bool = False
    # Preparations were told (things given away, letters, a goodbye): a bare "yes" to "are
    # you safe?" is asked about once more, as after intent (ninth probe S10)
    prepared: bool = False
    # Not being around in the future was said ("i wont be around to see day 30"): a "fine,
    # just tired" is asked about once, plainly
    not_around: bool = False
    # What was taken is their own medicine at its usual dose ("my doctor prescribed it"): a
    # goodnight is let go with tonight's care, not "don't wait this out alone"
    prescribed: bool = False
    # Opened by words alone (the net's gentle question), no rule having placed the message:
    # a plain No Contact subject next ("i cant stop looking at her insta") lets the talk go,
    # the "I'm not safe" button kept beside it
    net: bool = False
    # Choking or strangulation told: a sore throat or passing out said next is read as its
    # signs (a doctor today), not words of harm of their own
    choked: bool = False
    # A weapon or a threat to kill told on the danger path: "he's not here now" is then not
    # the words for harassment and a non-emergency line (a session-37 chat)
    grave: bool = False
    # The ex at risk is being helped (help called, or "they said hes ok"): "do i have to talk
    # to him now?" is then about owing them a talk, not about reaching them
    helped: bool = False
    # Opened by a tap on "🚨 I'm not safe" alone, no words of harm typed: the next message, if
    # it says nothing of harm either (a date, "what if its important"), asks once whether the
    # tap was meant (helpers' chats: a stale 🚨 pressed for another button, then "call 911"
    # to a date, a time and a question about texting)
    tapped: bool = False
    # They said they are young ("im 15 btw"): heard once, an adult on their side
    young: bool = False
    # Told how to look for a tracker: "should i just chuck it in the bin" is about it
    tracker: bool = False
    # Someone they reached is with them now ("she's up. making tea"): going to sleep is then
    # let go with care, not met with "call now"
    accompanied: bool = False
    # At a height, told ("i'm on the roof", "walked to the bridge"): "it would be so quick" is
    # its pull, met with "step back now", until they come back inside
    height: bool = False
    # The one threatening them is on the way, not at the door yet ("he's coming tonight"): "the
    # police will make him angrier" is met as that, not as "while they're at your door"
    coming: bool = False
    # Drink was told ("half a bottle of vodka"): the means put away in the car is met with
    # "don't drive tonight"
    drunk: bool = False
    # The one threatening them is not the ex ("my flatmate has a knife"): the first reply
    # never says "No Contact is not a safety plan" (written for an ex; a note's list)
    not_ex: bool = False
    # A dose was asked about ("how many paracetamol is too many"): "not for anyone else" next is
    # theirs, and "i'll just google it" is never "I'm glad you're safe" (a helper's chat,
    # session 38)
    dose: bool = False
    # The language the talk began in, when not English ("ya no aguanto mas, me quiero matar"):
    # a short answer in it later ("no estoy bien") gets its one line in it too
    lang: str | None = None
    # ... said in this talk so far: twice is enough (a session-43 play-test: four replies in
    # a row opening with "I can only answer in English")
    lang_lines: int = 0
    # The person they said they could reach ("my sister"): "text her now" is about them, "text
    # him" (not a brother, a dad) is not
    reach: str | None = None


# --------------------------------------------------------------------------- texts


def _pick(content: Content, data: SosData, key: str) -> str:
    """A variant of sos.<key>: the first time in a talk, any but the one the last talk began
    with (Content.pick remembers); after that the next one in turn, so that a text comes
    back only once all its variants have been said (seventh probe: "idk", "i guess",
    "whatever" got the same words twice)."""
    variants = content.variants(f"sos.{key}")
    last = data.last.get(key)
    if last is not None and len(variants) > 1:
        text = variants[(last + 1) % len(variants)]
    else:
        text = content.pick(variants)
    data.last = {**data.last, key: variants.index(text)}
    data.asked = key
    return text


def _before_question(content: Content, data: SosData, reply: str, key: str) -> str:
    """A variant of sos.<key> put before the reply's closing question (its last paragraph);
    the talk goes on from that question, so what was asked stays the reply's own."""
    asked = data.asked
    line = _pick(content, data, key)
    data.asked = asked
    head, _, question = reply.rpartition("\n\n")
    return f"{head}\n\n{line}\n\n{question}" if head else f"{reply}\n\n{line}"


def _say(content: Content, data: SosData, key: str, lines: LinesForUser, **extra: Any) -> str:
    """A fresh variant of sos.<key>, its placeholders filled (the lines only where asked)."""
    data.said += 1
    data.tracker = data.tracker or key == "tracker"
    template = _pick(content, data, key)
    params: dict[str, Any] = {"emergency": lines.emergency, "country_name": lines.name, **extra}
    if "{lines}" in template:
        # The ex (or a friend) at risk: the text says whose lines they are; no intro to the
        # person's own
        params["lines"] = Markup(_lines_block(content, data, lines, intro=data.kind != "o"))
    if "{line}" in template:
        first = lines.abuse if data.kind == "d" else lines.crisis
        if data.young and data.kind in ("s", "d"):
            first = [*lines.young, *first]  # "im 15": the country's line for young people
        params["line"] = Markup(first[0])
    if "{silent}" in template:
        key = f"sos.silent_tips.{lines.country}"
        params["silent"] = Markup(content.text(key) if content.has(key) else "")
    text = render(template, **{k: v for k, v in params.items() if "{" + k + "}" in template})
    # "<b>{emergency}</b> if it gets worse." opening a line, where the number is not known:
    # "Your local emergency number", not "your" (a helper's chat)
    return _LINE_OPENS_LOWER.sub(lambda m: m.group(1) + m.group(2).upper(), text)


_LINE_OPENS_LOWER = re.compile(r"((?:^|\n|[.!?] )(?:<b>)?)([a-z])(?![a-z0-9-]*\.[a-z])")  # no URL


def _lines_block(
    content: Content, data: SosData, lines: LinesForUser, *, intro: bool = True
) -> str:
    """The emergency number, then the lines that fit the danger (abuse lines first for
    danger from someone), the worldwide directory last."""
    numbers = [*lines.abuse, *lines.crisis] if data.kind == "d" else [*lines.crisis]
    if data.young and data.kind in ("s", "d"):
        numbers = [*lines.young, *numbers]
    seen: list[str] = []
    for line in numbers:
        if line not in seen:
            seen.append(line)
    head = [render(_pick(content, data, "lines_intro"), country_name=lines.name)] if intro else []
    emergency = "🚨 <b>" + render("{e}", e=lines.emergency) + "</b>"
    # Country unknown (not set up yet): ask for it, so the next reply has real numbers
    ask = [] if lines.known else ["", content.text("sos.ask_country")]
    return "\n".join([*head, emergency, *(f"• {line}" for line in seen), *ask])


def _buttons(content: Content, data: SosData, step: Step) -> InlineKeyboardMarkup:
    def b(label: str, action: str) -> tuple[str, str]:
        return content.label(f"sos.buttons.{label}"), pack(NAME, STATELESS, action, data.kind)

    plan = b("danger_plan", "dplan") if data.kind == "d" else b("plan", "plan")
    lines = b("abuse_lines", "lines") if data.kind == "d" else b("lines", "lines")
    if step == Step.PLAN:
        return inline([[b("skip_question", "skip")], [b("done", "done")]])
    if step == Step.SAFE:
        return inline([[b("grounding", "ground")], [plan], [b("done", "done")]])
    # Something taken is a body to get checked, not a feeling to calm or a plan for later (a
    # helper's terminal chat: "Help me calm down" under every reply after an overdose)
    later = [] if data.taken else [[b("grounding", "ground")], [plan]]
    if step == Step.UNSAFE:
        # a way out that is theirs to take: a tap on "I'm not safe" by mistake, or safe now
        # (a helper's chat: after a mis-tap, only "Crisis lines" under every reply); not
        # after something taken, which needs checking however they feel
        out = [] if data.taken else [[b("safe_now", "yes")]]
        return inline([[lines], *later, *out])
    if data.stopped:
        return inline([[b("not_safe", "no")], [lines], *later[:1]])
    asked = [[b("safe_yes", "yes"), b("safe_no", "no")], [b("unsure", "unsure")], [lines]]
    return inline([*asked, *later])


def ask_if_safe(
    turn: Turn,
    text: str,
    also: list[Row] | None = None,
    lead: str | None = None,
    *,
    other_language: bool = False,
) -> None:
    """Words of harm the check could not place: ask "are you safe right now?", the emergency
    number and a line in the text, the safety buttons under it (then `also`, say the answer
    the words matched). The safety talk opens with it, so a typed "no" or "im not ok" is read
    as the answer; on the danger path when the words speak of a threat from someone. `lead`
    goes first (the question in the person's own language); words of crisis `other_language`
    are asked about without "I might be reading this wrong" (the eighth probe's M2: a hedge
    in English, under a question in theirs, read as doubt)."""
    young = says_young(text) or turn.rt.last_answers.told_young(
        turn.user.id, turn.now, YOUNG_WITHIN
    )
    data = SosData(kind=KINDS[harm_kind(text)], net=True, young=young)
    # "i've had half a bottle of vodka and i have his pills here too": the means are kept in
    # mind for the talk (a session-34 chat: "i'll put them in the car" ended it)
    data.means = data.kind == "s" and means_at_hand(text) and not asks_about_dose(text)
    # "im on the roof of my building", asked about: "i dont want to climb down yet" next is
    # met with "step back from the edge" (a note's list, session 37)
    data.height = data.kind == "s" and at_a_height(text)
    data.dose = data.kind == "s" and asks_about_dose(text)
    frame = turn.convo.push(NAME, Step.ASKED)  # replaces an earlier talk's frame
    key = "harm_check_danger" if data.kind == "d" else "harm_check"
    if data.dose:
        key = "dose_question"  # never a number; are they thinking of taking them tonight?
    if data.kind == "s" and done_to_self(text) == "taken":
        # "i took some of my moms pills last night to sleep": how they feel now, and get
        # checked; "im ok now i think" is still met with getting checked (a helper's chat)
        data.taken = True
        key = "harm_check_taken"
    if other_language and data.kind == "s":
        key = "harm_check_other"
    if data.kind == "o":
        key = "harm_check_other_risk"  # the ex at risk, read by the net: help for them
    reply = _say(turn.rt.content, data, key, _lines(turn, data))
    if lead and data.kind != "o":  # content text, already Telegram HTML
        # (not "are you safe?" in their language when the one at risk is the ex: "전 남친이
        # 자살하겠다고 문자 보냈어", once Korean was recognised in session 42)
        reply = f"{lead}\n\n{reply}"
    data.into(frame)
    turn.say(reply, with_rows(_buttons(turn.rt.content, data, Step.ASKED), also or []))


# --------------------------------------------------------------------------- the check


async def check_message(update: Update, context: BotContext) -> None:
    """Reply with care, before anything else, if the message speaks of crisis or danger."""
    message = update.effective_message
    chat = update.effective_chat
    user = update.effective_user
    if message is None or chat is None:
        return
    text = message.text or message.caption or ""
    rt = context.runtime
    if user is not None and says_young(text):
        # "im 15 and my bf broke up w me": heard for a talk that opens later (per process)
        rt.last_answers.note_young(user.id, rt.clock.now())
    signal = detect_crisis(text)
    if signal is None:
        return
    if signal.kind == "other_at_risk" and ex_has_died(text):
        # "my ex died on saturday. overdose." (a helper's chat, session 41: "if you think
        # they're in danger now, call..."): a death told, not a danger now; grief's own reply
        return
    try:
        if not await _answer_crisis(context, rt, chat.id, user, text, signal):
            return
    except Exception:
        # Whatever failed while the reply was being built (a helper's chat once got two
        # "Something broke on my end" and no number at all), the way to help still goes out
        logger.exception("safety reply failed; the plain one is sent instead")
        emergency = _lines_for_zone(rt, None).emergency
        reply = rt.content.text("sos.fallback_reply", emergency=emergency)
        await _send(context, chat.id, reply, None)
    raise ApplicationHandlerStop


async def _answer_crisis(
    context: BotContext,
    rt: Runtime,
    chat_id: int,
    user: User | None,
    text: str,
    signal: CrisisSignal,
) -> bool:
    """The safety reply to a message of crisis or danger, and the talk it opens; False when
    the talk already open reads the message itself."""
    zone, convo = await _read_state(rt, user.id if user else chat_id)
    frame = convo.find(NAME)
    going_on = frame is not None and not FLOW.is_idle(frame, rt.clock.now())
    # Danger from someone told in a talk about something else ("he's outside my door with a
    # knife" while talking about the ex at risk): a new path, not a weapon the talk reads
    new_danger = (
        going_on and frame is not None and signal.kind == "danger_from_other"
        and SosData.of(frame).kind != KINDS["danger_from_other"]
        # "he has a gun at his place", the ex at risk: his means, not danger at their door
        and not (SosData.of(frame).kind == "o" and their_means(text))
    )
    if going_on and signal.negated and (
        read_safety_answer(text) == "safe" or promises_not_to(text) or promises_but_hurts(text)
    ):
        # "im ok. not gonna hurt myself", "im not going to hurt myself ok? i just want the pain
        # to stop": an answer, read by the talk itself
        return False
    calmer = frame is not None and SosData.of(frame).kind == "d" and (
        threat_gone(text)
        or read_safety_answer(text) == "safe"
        or not_dangerous(text)
        or a_handover(text)
        or told_as_past(text)
        or asks_if_nc_fits(text)
        or asks_if_safety_counts(text)
    )
    if going_on and (
        calmer  # "ok police came, he's gone. im ok now" in the danger talk: not the door again
        or reached_help(text)
        or waiting_for_help(text)
        or not_immediate(text)
        or asks_about_lines(text)
        or (means_at_hand(text) and done_to_self(text) is None and not new_danger)
        or asks_protection_order(text)
        or has_protection_order(text)
        or asks_tech_safety(text)
        or asks_about_tracker(text)
        or ruined_streak(text)  # "i ruined my streak, the self harm one": a relapse, heard
        or no_more_numbers(text)
        or asks_bot_to_call(text)
        or (frame is not None and SosData.of(frame).kind == "d" and (
            objects_to_police(text) or hopes_for_them(text)
        ))
        # "i dont want the police coming to my house" in their own talk: a fear to answer,
        # not danger from someone (a session-30 chat: "lock the door", the abuse lines)
        or (frame is not None and SosData.of(frame).kind == "s" and fears_police(text))
        # "i gave my dog to my sister and wrote a will" in their own talk: the talk names it
        or (frame is not None and SosData.of(frame).kind == "s" and settles_affairs(text))
        # "she's here now" after "i texted my friend aoife" (a session-33 chat: the friend
        # taken for the one at the door, "lock the door", the abuse lines): the help arrived
        or (frame is not None and _helper_arrives(SosData.of(frame), text))
        # "i mean i dont want to live like this, always waiting for him" (a helper's chat:
        # "please call 112 now" to the words it explained)
        or (signal.level == "passive" and only_clarifies(text))
        # "no i dont have a plan" once safe, under the offer of a plan (a session-44
        # play-test: "please call 999 now")
        or (frame is not None and frame.step in (Step.SAFE, Step.SETTLED)
            and has_no_plan_yet(text))
    ):
        # "i called 999, theyre sending someone", "what if he put a tracker on my car", "he
        # has a gun": the talk reads it (with the number), no alarm again
        return False
    data = SosData.of(frame) if frame is not None and going_on else SosData()
    # "sometimes i think it'd be easier if i wasnt here either", in the talk about the ex at
    # risk (a session-37 chat: "Tell me more", no lines): their own, asked as such
    turned_to_self = going_on and data.kind == "o" and signal.kind == "self_harm"
    data.kind = KINDS[signal.kind]
    # a talk the net opened is now about what the rules read (a session-34 chat: "i just want
    # to stop existing" in it, then "i'll put them in the car" ended the talk, a topic menu)
    data.net = False
    # "im 15 and i want to die", or said earlier: the lines for young people from the start
    data.young = data.young or says_young(text) or (
        user is not None and rt.last_answers.told_young(user.id, rt.clock.now(), YOUNG_WITHIN)
    )
    done = done_to_self(text)
    data.taken = data.taken or done == "taken"
    data.injured = data.injured or done == "injured"
    data.images = data.images or (signal.kind == "danger_from_other" and threatens_images(text))
    data.grave = data.grave or (signal.kind == "danger_from_other" and grave_danger(text))
    data.means = data.means or means_at_hand(text)
    data.height = data.height or (signal.kind == "self_harm" and at_a_height(text))
    data.drunk = data.drunk or says_drunk(text)
    data.prepared = data.prepared or (signal.kind == "self_harm" and prepares(text))
    data.not_around = data.not_around or (
        signal.kind == "self_harm" and speaks_of_not_being_around(text)
    )
    door_now, way_now = at_the_door(text), on_the_way(text)
    data.at_door = data.at_door or (signal.kind == "danger_from_other" and (door_now or way_now))
    if signal.kind == "danger_from_other" and (door_now or way_now):
        data.coming = way_now and not door_now
    if signal.kind == "danger_from_other" and not going_on:
        data.not_ex = someone_else_threatens(text)
    if signal.kind == "other_at_risk" and not going_on:
        data.friend = someone_else_at_risk(text)
        # "my friend in toronto": the numbers where they are
        data.country = their_place(text, _names(rt)) or data.country
    if zone is None and data.country is None:
        # Set-up was choosing among places of that name ("Madrid": Spain or Colombia?): the
        # first offered is the likeliest, and its numbers beat "your local emergency number"
        # (seventh probe); a country they name in the talk replaces it.
        data.country = _country_being_chosen(convo)
    lines = _lines_for_zone(rt, zone, data.country)
    if asks_who_is_told(text):
        # "do you tell the police if i say im suicidal": no one is told; then asked, gently
        reply, step = _say(rt.content, data, "nobody_told", lines), Step.ASKED
    else:
        feeling = heavy_feeling(text) if going_on else None
        reply, step = _first_reply(
            rt.content,
            data,
            signal,
            lines,
            going_on=going_on,
            done=done,
            feeling=feeling,
            missing=misses_who_hurt_them(text),
            serious=serious_injury(text),
            tracker=asks_about_tracker(text),
            on_way=way_now and not door_now,
            past=harm_in_past(text),
            minor=minor_said(text),
            turned_to_self=turned_to_self,
            about_images=_IMAGE_WORDS.search(normalize(text)) is not None,
        )
    if signal.kind == "danger_from_other" and not data.images and has_a_key(text):
        # "he still has a key": the lock, before the closing question
        reply = _before_question(rt.content, data, reply, "key_line")
    if signal.kind == "danger_from_other" and was_choked(text):
        # "he choked me last week": strangulation named as the serious sign it is, and a
        # doctor, before the closing question (a session-30 chat: the general reply)
        data.choked = True
        reply = _before_question(rt.content, data, reply, "choke_line")
    if signal.kind == "self_harm" and engine_running(text):
        # "in my car in the garage with the engine running": the engine off and out into the
        # air before anything else is asked (a session-37 chat)
        reply = _before_question(rt.content, data, reply, "engine_line")
    if not going_on and data.young and data.kind in ("s", "d"):
        # "im 15 and i want to die": an adult on their side, before the closing question
        reply = _before_question(rt.content, data, reply, "young_note")
    if not going_on and (code := other_language(text)) is not None:
        # Written in another language: one line in it first ("are you safe?"), then English
        data.lang = reply_code(code, text)
        key = f"language.safe_check.{data.lang}"
        if rt.content.has(key):
            reply = f"{rt.content.text(key)}\n\n{reply}"
    logger.info("safety reply sent (kind %s, level %s)", signal.kind, signal.level)
    await _send(context, chat_id, reply, _buttons(rt.content, data, step))
    if user is not None:
        try:
            await _remember(rt, user.id, chat_id, data, step)
        except Exception:  # noqa: BLE001 - the reply is out; the talk goes on without a record
            logger.warning("safety talk not recorded (database unavailable)")
    return True


def _country_being_chosen(convo: Conversation) -> str | None:
    """The country of the first place set-up offered when asking which one is theirs."""
    frame = convo.find("ob")  # onboarding's frame; its data names the places offered
    offered = frame.data.get("candidates") if frame is not None else None
    if not offered or not isinstance(offered, list) or not isinstance(offered[0], dict):
        return None
    zone = offered[0].get("zone")
    return country_for_zone(zone) if isinstance(zone, str) else None


# What a threat to share images is told with: a message without them, in a talk about images,
# tells of something else (him outside the building)
_IMAGE_WORDS = re.compile(
    r"\b(?:pics?|photos?|pictures?|images?|nudes?|videos?|vids?|post\w*|send\w*|sent|shar\w*"
    r"|leak\w*|upload\w*|screenshots?|online|boss|instagram|insta|snap\w*|tiktok|facebook)\b"
)


def _done_key(done: str, serious: bool) -> str:
    """The reply to something done: taken, a serious injury (call now), or an injury."""
    if done == "taken":
        return "took_something"
    return "hurt_serious" if serious else "hurt_now"


def _first_reply(
    content: Content,
    data: SosData,
    signal: CrisisSignal,
    lines: LinesForUser,
    *,
    going_on: bool,
    done: str | None = None,
    feeling: str | None = None,
    missing: bool = False,
    serious: bool = False,
    tracker: bool = False,
    past: bool = False,
    minor: bool = False,
    on_way: bool = False,
    turned_to_self: bool = False,
    about_images: bool = True,
) -> tuple[str, Step]:
    if signal.kind == "self_harm" and done == "injured" and minor and not serious:
        # "i relapsed last night. cut for the first time in 5 months. its not deep": looked
        # after as a small wound, and how they are (a session-28 chat: "call 911 now", then
        # the same line six times)
        data.injured = True
        return _say(content, data, "hurt_minor_first", lines), Step.ASKED
    if signal.kind == "self_harm" and done is not None:
        # In the talk, something taken or an injury: what to do about it, and the number
        data.unsafe = True
        return _say(
            content, data, _done_key(done, serious), lines
        ), Step.UNSAFE
    if signal.kind == "other_at_risk":
        key = "friend_at_risk" if data.friend else "ex_at_risk"
        return _say(content, data, key, lines), Step.LISTEN
    if signal.kind == "danger_from_other":
        data.unsafe = True
        key = "danger_unsafe" if going_on else "danger_reply"
        if key == "danger_reply" and data.not_ex:
            key = "danger_reply_not_ex"
        if missing and not going_on:
            key = "danger_missing"  # "he used to hit me but i still miss him": why, and help
        # In a talk about images, the body's danger told ("and he was outside my building an
        # hour ago. i saw his car": session 46's play-test got the images' steps again): the
        # danger's own reply
        images = data.images and about_images
        if data.at_door and not images:
            key = "danger_at_door"  # at the door now: don't open, lock it, call (eighth probe)
            if not going_on and on_way:
                key = "danger_on_way"  # "he's coming over" (a session-32 chat, with a knife)
        if images:
            key = "images_now" if going_on else "images_reply"
        elif tracker and not data.at_door:
            key = "tracker"  # "is there stalkerware on my phone": how to look (probe 8 S14)
        return _say(content, data, key, lines), Step.ASKED
    if signal.kind == "self_harm" and not going_on and past:
        # "i used to cut myself last year": heard as told, and whether the urge is back now
        # (a helper's chat: "press on it with a clean cloth")
        return _say(content, data, "past_harm", lines), Step.ASKED
    if signal.level == "explicit":
        data.unsafe = True
        key = "unsafe_now" if going_on else "explicit_reply"
        return _say(content, data, key, lines), Step.ASKED
    if going_on and feeling is not None and feeling != "heavy":
        # "i just feel like a burden to everyone", "i cant take it anymore", later in the talk:
        # that weight heard, a person to tell it to, the number kept (not a stock line again;
        # the sixth probe's M1 and M2)
        return _say(content, data, f"feeling_{feeling}", lines), (
            Step.UNSAFE if data.unsafe else Step.ASKED
        )
    if going_on and data.unsafe:
        # Still in it, having said they are not safe: the number again, not a fresh question
        return _say(content, data, "stay_unsafe", lines), Step.UNSAFE
    key = "still_here" if going_on else "passive_check"
    if turned_to_self:
        key = "own_after_other"  # their own wish, in the talk about the ex at risk
    return _say(content, data, key, lines), Step.ASKED


async def _read_state(rt: Runtime, user_id: int) -> tuple[str | None, Conversation]:
    """The person's time zone and conversation, if the database answers in time."""
    try:
        async with asyncio.timeout(DB_WAIT):
            return await peek(rt, user_id)
    except Exception:  # noqa: BLE001 - a safety reply must never depend on the database
        logger.warning("safety reply without the user's state (database unavailable)")
        return None, Conversation(now=rt.clock.now())


async def _remember(rt: Runtime, user_id: int, chat_id: int, data: SosData, step: Step) -> None:
    """Put the safety talk on top of the stack, after the reply went out."""

    def put_on_top(convo: Conversation) -> None:
        frame = convo.find(NAME)
        if frame is None or frame is not convo.top:
            convo.pop(NAME)
            frame = convo.push(NAME, step)
        else:
            convo.goto(frame, step)
        data.into(frame)

    try:
        async with asyncio.timeout(DB_WAIT * 2):
            await change_conversation(rt, user_id, chat_id, put_on_top)
    except Exception:  # noqa: BLE001 - the reply went out; the talk just starts fresh next time
        logger.warning("could not record the safety conversation")


def _lines_for_zone(rt: Runtime, zone: str | None, country: str | None = None) -> LinesForUser:
    helplines = rt.content.helplines
    if helplines is None:
        raise RuntimeError("content/helplines.yaml is missing")
    return lines_for(helplines, country or (country_for_zone(zone) if zone else None))


# --------------------------------------------------------------------------- the talk


def _lines(turn: Turn, data: SosData) -> LinesForUser:
    """The lines for the country they named in the talk ("im in canada"), else their time
    zone's country, else the worldwide ones."""
    return _lines_for_zone(turn.rt, turn.user.tz, data.country)


# "he'll get worse", "it'll make him angrier": calling feared for what it would set off
_FEARS_WORSE = re.compile(
    r"\b(?:get|gets|make (?:it|him|her|things|them)|be|go) (?:even )?(?:worse|angrier|madder"
    r"|more (?:angry|violent|mad|dangerous))\b|\b(?:he|she|they) (?:will|would) (?:kill|hurt|snap"
    r"|lose it|go crazy|go mental)\b|\bmake (?:him|her|them) (?:angry|angrier|mad|snap|worse)\b"
)


def _police_makes_worse(text: str) -> bool:
    """ "i cant call the police he'll get worse": the call refused for what it would set off."""
    return objects_to_police(text) and _FEARS_WORSE.search(normalize(text)) is not None


def _not_at_door_now(data: SosData, text: str) -> bool:
    return not data.at_door or data.coming


def _listed_lines(turn: Turn, data: SosData) -> bool:
    """Whether a reply in this talk already gave the whole list of lines ({lines})."""
    content = turn.rt.content
    return any(
        "{lines}" in variant
        for key in data.last
        if content.has(f"sos.{key}")
        for variant in content.variants(f"sos.{key}")
    )


def _reply(turn: Turn, frame: Frame, data: SosData, key: str, step: Step, **extra: Any) -> None:
    data.unsafe = data.unsafe or step == Step.UNSAFE
    if data.at_door and key == "no_police":  # "i dont want to call the police", him at the door
        # (on his way: "it'll make him angrier" gets somewhere else to be, and the call if he
        # comes; a session-34 chat got "while they're at your door")
        key = "no_police_coming" if data.coming else "no_police_now"
    if key == "what_now_danger" and data.at_door:
        # "what do i do", him at the door (the same chat: "a neighbour, a shop, a café"): the
        # steps for staying inside, locked in
        key = "what_now_door"
    if key == "danger_unsafe" and _listed_lines(turn, data):
        # the whole list of lines already given in this talk (the same chat: six lines three
        # times in a row, him at the door): the number and the one line, the rest a tap away
        key = "danger_unsafe_again"
    if data.at_door and not data.images and key == "danger_steps":
        # "hes shouting that he just wants to talk", him at the door: the call now, not "if
        # they show up" and a bag by the door (a session-29 chat)
        key = "danger_still_there"
    if key == "danger_not_now" and data.grave:
        key = "danger_not_now_grave"  # a weapon or a threat to kill: never "non-emergency"
    if key == "not_your_fault" and data.kind == "d" and not data.images:
        key = "not_your_fault_danger"  # "maybe i deserved it": about them, not the ex at risk
    if data.stopped and not data.taken:
        # they asked for no more questions or numbers, or were promised it: the words
        # without them (the numbers stay in the buttons)
        key = _QUIET_WHEN_STOPPED.get(key, key)
    if key == "hurt_minor" and data.asked in ("hurt_minor", "hurt_minor_first"):
        key = "no_lecture"  # "please dont make it a big thing" after the wound care: heard
    if data.images and key in _IMAGES_INSTEAD:  # a threat to post images: no "lock the door"
        key = "images_now"
    if data.kind == "d" and not data.images and (
        key == "help_coming" or key == "reached_help" and data.at_door
    ):
        # the police on their way, the police or a friend reached while he is at the door:
        # never the self-harm words ("unlock the door so they can get in", "say so to the
        # staff", "how are you feeling after talking?": a session-36 chat)
        key = f"{key}_danger"
    text = _say(turn.rt.content, data, key, _lines(turn, data), **extra)
    turn.convo.goto(frame, step)
    data.into(frame)
    turn.say(text, _buttons(turn.rt.content, data, step))


# Replies told after the one feared was said to be in the home with them
_SHARED_HOME = (
    "danger_in_home", "in_home_leave", "in_home_stay", "danger_asleep", "danger_must_go",
)


# Replies said without their numbers once no more were asked for
_QUIET_WHEN_STOPPED = {
    "still_here": "still_here_quiet",
    "stay_unsafe": "still_here_quiet",
    "unsafe_again": "still_here_quiet",
    **{
        key: f"{key}_quiet"
        for key in (
            "safe_recheck", "back_in_talk", "step_done", "still_heavy", "pain_stop",
            "wake_anyway", "thanks_in_talk", "light_in_talk_asked", "greeting_in_talk",
            # "i wont call anyone. stop", after "no more numbers" (a helper's chat, session 41:
            # the promise broken in the next reply)
            "text_instead", "safe_dismissed", "missing_in_talk",
        )
    },
}


# Replies about physical danger that a threat to post intimate images gets its own words for
_IMAGES_INSTEAD = frozenset(
    {
        "danger_unsafe",
        "danger_unsafe_again",
        "what_now_danger",
        "what_now_door",
        "danger_steps",
        "stay_danger",
        "unsafe_again",
        "danger_not_now",
    }
)


_ASKS_TO_SLEEP = re.compile(
    r"\b(?:can|should|could) i (?:go to |just )?(?:sleep|bed|go to bed|lie down)\b|\bgoing to"
    r" (?:sleep|bed)\b|\bgonna (?:sleep|go to bed)\b"
)
# Words past which a message in the talk is a story told, whatever short answers it contains
_LONG_WORDS = 40


class _Heard(NamedTuple):
    """A typed message the talk answers with one text of its own."""

    kinds: str  # the talks it applies to: s self-harm, d danger from someone, o the ex at risk
    says: Callable[[str], bool]
    key: str  # the text, sos.<key>
    step: Step | None  # the step after; None: unsafe if they said so, else listening
    unless: Callable[[SosData, str], bool] | None = None  # where the talk so far rules it out


def _is_greeting(text: str) -> bool:
    return classify_smalltalk(text) == "greeting"


# Chit-chat asked of the bot in the talk: its opinion or favourites, a story, a joke (a
# helper's chats, session 36: "what do you think about dogs" got "please call 000 now").
# Only these: a question about a hospital, a person or a plan is never light talk.
_CHITCHAT = re.compile(
    r"^(?:(?:ok|okay|so|um|hey|lol|and|anyway|can we|honestly) )*(?:what do you think (?:about|of)"
    r" (?:dogs|cats|pets|music|movies|films|the weather|the moon|the stars|space|football|food"
    r"|pizza|tv|games|books|rain|snow|animals)|what (?:is|s) your (?:fav(?:ou?rite)?|favourite"
    r"|favorite) \w+(?: \w+)?|do you (?:like|have) (?:dogs|cats|pets|music|movies|films|a name"
    r"|feelings|friends)|(?:can|could|will) (?:you|u) (?:tell|read) me a (?:story|joke|poem)"
    r"(?: or something)?|tell me a (?:story|joke)(?: or something)?"
    # "what do you do all day lol" (a helper's chat, session 40: "That's a lot, and I'm right
    # here with you in it")
    r"|what do (?:you|u) (?:do|even do)(?: all day| for fun| when no one is here)?)"
    r"(?: (?:lol|haha|lmao|tho))?\W*$"
)


def _chitchat(text: str) -> bool:
    return _CHITCHAT.fullmatch(normalize(text)) is not None and mentions_harm(text) is None


def _is_thanks(text: str) -> bool:
    thanks = classify_smalltalk(text) == "thanks"
    return thanks or _THANKS_FOR.fullmatch(normalize(text)) is not None


# "thanks for not freaking out", "thank you for staying" (a helper's chat, session 36: "if you
# haven't yet, please call 000 now")
_THANKS_FOR = re.compile(
    r"(?:(?:ok|okay|honestly|really|seriously|and) )*(?:thanks|thank you|thx|ty|cheers)"
    r" (?:so much |a lot )?for (?:not \w+(?: out)?|listening|staying|being here|being there"
    r"|talking|the chat|checking|asking|caring|understanding|this|everything|not judging"
    r"|not leaving|sticking with me)"
    r"(?: (?:me|lol|tbh|honestly|really|x+|though|tho|i guess))*\W*"
)


def _played_down_uncut(data: SosData, text: str) -> bool:
    """ "its not that deep" with no cut told: the worry played down, not a wound."""
    return not data.injured and plays_it_down(text)


def _not_helped(data: SosData, text: str) -> bool:
    """Help has not reached the ex at risk yet."""
    return not data.helped


def _helped(data: SosData, text: str) -> bool:
    """Help has reached the ex at risk already."""
    return data.helped


def _told_the_one_named(data: SosData, text: str) -> bool:
    """ "ok i messaged her" right after being asked to reach someone close to the ex at risk
    (a session-31 chat: "A slip doesn't erase your progress")."""
    asked = "ex_family_number" in data.last or "ex_family_asks" in data.last
    return asked and told_them_so(text)


def _family_asks(text: str) -> bool:
    return family_help(text) == "asks"


def _danger_told(data: SosData, text: str) -> bool:
    """The same message tells of danger ("he never hit me but he says he'll kill me")."""
    return detect_crisis(text) is not None


def _danger_guessed(data: SosData, text: str) -> bool:
    """The talk was opened by a guess (the net's words, or a tap alone), not by danger told."""
    return data.net or data.tapped


def _nothing_meant(data: SosData, text: str) -> bool:
    """The talk was opened by a tap alone, with no words of ending to stand by."""
    return data.tapped


def _no_means(data: SosData, text: str) -> bool:
    """No means named in the talk: nothing to have put away."""
    return not data.means


def _nothing_taken(data: SosData, text: str) -> bool:
    """Nothing taken in this talk (pills, a bottle)."""
    return not data.taken


def _not_at_door(data: SosData, text: str) -> bool:
    """The one they fear is not at the door in this talk."""
    return not data.at_door


def _told_at_hospital(data: SosData) -> bool:
    """At hospital, told in this talk ("im in the waiting room now"; data.last holds the keys
    said): a long wait is met with staying, not "call the emergency number"."""
    return "at_hospital" in data.last or "at_hospital_taken" in data.last


def _asked_signs(data: SosData, text: str) -> bool:
    """The signs were named once in this talk already (data.last holds the keys said)."""
    return "warning_signs" in data.last


def _no_one_named(data: SosData, text: str) -> bool:
    """No one of their own was named to reach in this talk (nor said yes to)."""
    return not _reached_someone(data)


def _called_the_line(data: SosData, text: str) -> bool:
    """ "i already called them", just after "please call 911": the line reached, not the ex."""
    return called_them(text)


def _answers_safe_or_not(data: SosData, text: str) -> bool:
    """The message answers "are you safe?" itself ("i'm safe now, my mum is here")."""
    return read_safety_answer(text) is not None


def _not_after_a_call(data: SosData, text: str) -> bool:
    """No line or person reached in this talk yet."""
    return "reached_help" not in data.last


def _not_after_reaching(data: SosData, text: str) -> bool:
    """No one reached or asked for in this talk, or the message answers "are you safe?"."""
    return not _reached_someone(data) or read_safety_answer(text) is not None


_REACH_ASKS = frozenset(
    {
        "wake_person_near",
        "reach_person_near",
        "reach_person",
        "someone_yes",
        "still_here_who",
        # "i texted my friend aoife" -> "Good. You didn't carry this alone": "shes on her way",
        # "she's here now" are that friend (a session-33 chat)
        "reached_help",
        "helper_here",
        "messaged_person",
    }
)


def _helper_arrives(data: SosData, text: str) -> bool:
    """In their own talk, once someone was reached or asked for: "she's here now" is that
    person arriving, not danger at the door (a session-34 chat: "can you stay with me till
    she gets here" came between, and "she's here now" got "lock the door")."""
    return data.kind == "s" and _reached_someone(data) and someone_with_them(text)


def _no_one_asked_or_taken(data: SosData, text: str) -> bool:
    """No one asked for or reached in this talk ("she'll be so mad" is then not about waking),
    or something was taken: then the body comes first, not a line to talk to (a helper's
    chat, session 36: after 15 sleeping pills, "start with a person on the phone")."""
    return not _reached_someone(data) or data.taken


def _reached_someone(data: SosData) -> bool:
    """Someone was reached or asked for in this talk (data.last holds every text said in it,
    the one just asked among them)."""
    return not _REACH_ASKS.isdisjoint(data.last)


def _not_on_the_way(data: SosData, text: str) -> bool:
    """The reply just sent was not the one for being on the way somewhere safe."""
    return data.asked != "danger_going_there"


def _came_in(data: SosData, text: str) -> bool:
    """ "i came down off the roof": away from the height, read by its own reply."""
    return came_back_inside(text)


def _not_after_leaving(data: SosData, text: str) -> bool:
    """Their last message in the talk was not "i have to go, he's waking up"."""
    return data.asked != "danger_must_go"


def _not_at_height(data: SosData, text: str) -> bool:
    return not data.height


def _no_dose(data: SosData, text: str) -> bool:
    return not data.dose


def _was_taken(data: SosData, text: str) -> bool:
    """After something taken, a walk or a shower is not what matters: the body is."""
    return data.taken


def _not_injured(data: SosData, text: str) -> bool:
    return not data.injured


def _not_hurt(data: SosData, text: str) -> bool:
    return data.images or data.at_door


def _no_tracker(data: SosData, text: str) -> bool:
    return not data.tracker


def _said_unsafe(data: SosData, text: str) -> bool:
    """After "not safe": the reply with the number stays."""
    return data.unsafe


# Replies that listen and ask nothing of them: an "ok" after one is not agreeing to call
_LISTENING = frozenset(
    {"talk_with_me", "still_here_quiet", "stopped_asking", "numbers_stopped", "no_lecture",
     "hurt_minor", "hurt_minor_first", "talk_else", "no_sorry", "listen", "talk_about_them"}
)


# Checked in order; the first that fits answers.
_HEARD = (
    # "stop", "i said stop": the questions stop; the number stays, quietly
    _Heard("sdo", stops_asking, "stopped_asking", Step.LISTEN),
    # "stop with the hotline stuff": no list of numbers now; the buttons keep them (probe 8 M6)
    _Heard("sdo", no_more_numbers, "numbers_stopped", Step.LISTEN),
    # "he hasn't actually hurt me", "its just words", after a threat the rules read: played
    # down, not a misreading (session-32 chats: "My mistake... not in danger from him")
    _Heard("d", plays_down_danger, "danger_played_down", Step.ASKED, unless=_danger_guessed),
    # "he never hit me, why the domestic violence number": the danger path misread; sorry,
    # and the talk goes on as company (a helper's chat: "lock the door" to each correction)
    _Heard("sd", not_abuse, "not_abuse", Step.LISTEN, unless=_danger_told),
    _Heard("d", not_afraid, "not_abuse", Step.LISTEN, unless=_danger_told),
    # "i put them in my car, in the trunk", after the means were named: thanks, that matters
    _Heard("s", puts_away, "means_away", Step.LISTEN, unless=_no_means),
    # "i cant lock it, i dont have a key" (a session-34 chat, a gun in the closet: the recycled
    # "please call now"): then they move away from it, to people, the line on the way
    _Heard("s", cannot_secure, "means_cant_secure", Step.UNSAFE, unless=_no_means),
    # "i mean it", after words of ending: as explicit as the words themselves (a session-37
    # chat: "tell me more if you want to")
    _Heard("s", stands_by_it, "unsafe_now", Step.UNSAFE, unless=_nothing_meant),
    # "she'll be sorry", after words of ending: asked plainly, never the answer about apologies
    _Heard("s", they_will_regret, "regret_check", Step.ASKED),
    # ...after something taken: the body first, then company (a helper's chat: "tell me one
    # thing you've liked lately" to someone sleepy after 8 or 9 sleeping pills)
    _Heard("s", talks_of_else, "talk_else_taken", Step.UNSAFE, unless=_nothing_taken),
    # "can we talk about something else": yes; company, the 🚨 button kept (ninth probe S2)
    _Heard("s", talks_of_else, "talk_else", Step.LISTEN),
    # "ok can we talk about him instead" (a session-28 chat: "tell me one thing you've liked
    # lately"): yes, him; what's going on
    _Heard("s", talks_of_them, "talk_about_them", Step.LISTEN, unless=_said_unsafe),
    # "my parents cant find out about this": they don't have to be told; a line is
    # confidential, and someone else they could tell (a session-29 chat: "Call your parents")
    _Heard("sd", keeps_it_from, "kept_from_them", Step.ASKED),
    # "i dont want a lecture, i just needed to tell someone": heard, no lecture, no question
    _Heard("sd", wants_no_lecture, "no_lecture", Step.LISTEN),
    # "not deep", "just a scratch": care for the cut, no "call now" (ninth probe S2)
    _Heard("s", minor_injury, "hurt_minor", Step.ASKED, unless=_played_down_uncut),
    # "is it normal to feel like this": yes, common, and still worth not carrying alone
    _Heard("s", asks_if_normal, "is_normal", Step.ASKED, unless=_said_unsafe),
    # "he still has a key": change the lock, the chain on until then
    _Heard("d", has_a_key, "danger_key", Step.ASKED),
    # "my sister is coming": a trusted person on the way; the door stays locked till it's them
    _Heard("d", helper_coming, "danger_helper_coming", Step.ASKED),
    # "she's up. making tea", after being asked to wake someone near: with them now
    _Heard("s", someone_with_them, "helper_here", Step.ASKED, unless=_not_after_reaching),
    # "can you just tell me it gets better" (a session-34 chat: the FAQ's "no fixed date")
    _Heard("s", asks_for_hope, "hope", None),
    # "they were nice but it didn't really help", after a line was called (a session-34 chat:
    # "please call 999 now"): sorry it didn't lift it; reaching out still counted; safe now?
    _Heard("s", call_not_enough, "call_not_enough", Step.ASKED, unless=_not_after_a_call),
    # "im here now" right after the way there was told (a session-43 play-test: "You're back")
    _Heard("d", here_now, "danger_arrived", Step.ASKED, unless=_not_on_the_way),
    _Heard("s", helper_coming, "reached_help", Step.ASKED, unless=_answers_safe_or_not),
    # "hi" in the talk: hello back, how are they now (a helper's chat, session 40: "hola" got
    # "thank you for telling me more"); after "i have to go, he's waking up", welcome back
    _Heard("sdo", _is_greeting, "back_in_talk", Step.ASKED, unless=_not_after_leaving),
    _Heard("sdo", _is_greeting, "greeting_in_talk", Step.ASKED),
    # "i went for a walk to the bridge", "i'm on the roof" in the talk, and "it would be so
    # quick" once there (a session-34 chat: the recycled "please call now" line to each): step
    # back, now, then the call
    _Heard("s", at_a_height, "height_now", Step.UNSAFE, unless=_came_in),
    # "i miss him so much" in the talk (a helper's chat, session 41: "please call 112 now", the
    # recycled line): the missing heard, the question kept
    _Heard("s", misses_them, "missing_in_talk", None, unless=_was_taken),
    # "whats the tallest bridge near me" (a helper's chat, session 41, after a dose asked:
    # "Nothing you say here has to be tidy"): the worry named, the question asked, the number
    _Heard("s", asks_about_height, "height_asked", Step.UNSAFE, unless=_came_in),
    _Heard("s", too_easy, "height_now", Step.UNSAFE, unless=_not_at_height),
    _Heard("s", stays_up, "height_now", Step.UNSAFE, unless=_not_at_height),
    # "ok im walking home now" from the bridge (a helper's chat, session 38: "The most
    # important thing right now is a person", the recycled line)
    _Heard("s", heads_home, "heading_home", Step.ASKED, unless=_not_at_height),
    # "sorry. i'm back" after a silence (a session-34 chat: "the most important thing right
    # now is a person", the recycled line): welcome back, and are they safe now?
    _Heard("sd", back_in_talk, "back_in_talk", Step.ASKED),
    # "i went for a walk", "i'm in my room now" (a session-34 chat: "please don't wait this
    # out alone" to each): the step noticed, how it is now, the line in the words
    _Heard("s", step_done, "step_done", None, unless=_was_taken),
    # "still feel shit though", "it's not working" after the calming exercise: not their
    # failing; one more thing to try, and a person
    _Heard("s", still_heavy, "still_heavy", None, unless=_was_taken),
    # "i just want it to stop" (a session-36 chat, pills lined up: the recycled line): the
    # pain heard, that it can ease without dying, distance from the means, and the call
    _Heard("s", wants_it_to_stop, "pain_stop", Step.UNSAFE, unless=_was_taken),
    # "i dont want to wake her", after being asked to wake the person near (the same chat):
    # they would rather be woken; if not, a line, quietly
    _Heard("s", wont_wake_them, "wake_anyway_taken", Step.UNSAFE, unless=_nothing_taken),
    _Heard("s", wont_wake_them, "wake_anyway", Step.UNSAFE, unless=_no_one_asked_or_taken),
    # "ill put a bandage on" after a cut (a session-34 chat: "please call 112 now"): the wound
    # cared for, what to watch for, and how they are
    _Heard("s", wound_tended, "wound_tended", None, unless=_not_injured),
    # "ok thanks": welcome, still here (a helper's terminal chat: "I'm glad you told me" and
    # the whole list of steps again)
    _Heard("sdo", _is_thanks, "thanks_in_talk", Step.ASKED),
    # "what do you think about dogs", "can u tell me a story or something" (a helper's chats,
    # session 36: the recycled "please call now"): talked with, lightly, help in one line
    _Heard("s", _chitchat, "light_in_talk_asked", None, unless=_was_taken),
    # "she's not answering her phone now": a welfare check at their address (ninth probe S17)
    _Heard("o", they_went_quiet, "welfare_check", Step.ASKED),
    # "he sent a picture of pills": the ex's danger now; the call, with their address (a
    # helper's chat: "Are you safe at this moment?" to the one worried for them)
    # "he has a gun at his place" (a session-34 chat: "lock the door", the abuse lines): the
    # call with his address and the gun said, and not to go there themselves
    _Heard("o", their_weapon, "ex_weapon", Step.ASKED),
    _Heard("o", means_at_hand, "ex_means", Step.ASKED),
    _Heard("o", their_means_now, "ex_means_now", Step.ASKED),
    # "i dont know his address anymore he moved" (a session-37 chat: "not being sure deserves
    # to be taken seriously", as if about their own safety): he can be helped without it
    _Heard("o", no_address, "ex_no_address", Step.ASKED),
    # "ele mandou foto de remédios" (a session-34 chat: "are you safe at this moment?")
    _Heard("o", sent_means_photo, "ex_means", Step.ASKED),
    # "should i tell his brother?": yes, and no slip (a helper's chat: the FAQ on telling
    # friends of the breakup); "ok i texted his brother" is help got them, below
    _Heard("o", _family_asks, "ex_family_asks", Step.ASKED),
    # "i have his mom's number": reach her now, about tonight; no slip
    _Heard("o", has_family_number, "ex_family_number", Step.ASKED, unless=_helped),
    # "he's said stuff like that before, he's dramatic": maybe, and still not theirs to judge
    # "maybe i should just go back to him until he's better" (session 38): not the way
    _Heard("o", goes_back_for_them, "ex_go_back", Step.ASKED),
    _Heard("o", doubts_threat, "ex_doubted", Step.ASKED),
    # "he's said it again. third time tonight", "he said it once before when i tried to leave"
    # (a session-44 play-test: a stock "still here"): the same answer each time, and not theirs
    _Heard("o", threat_repeated, "ex_again", Step.ASKED),
    # "was it my fault for leaving?", once he is looked after: no (a helper's chat: "if it
    # feels real tonight, call 112" after his brother said he was ok)
    _Heard("o", blames_self, "ex_not_your_fault", Step.LISTEN, unless=_not_helped),
    # "i feel sick", once help was called for him (a session-34 chat: "the days after leaving
    # are the most dangerous"): of course; it was a lot, and it was the right thing
    _Heard("o", feels_awful, "ex_after_call", Step.ASKED, unless=_not_helped),
    # "they said hes ok, hes at the hospital": relief, and it was their doing
    _Heard("o", ex_looked_after, "ex_looked_after", Step.ASKED),
    # "does this reset my count if i called the ambulance": no
    _Heard("o", asks_about_count, "ex_help_not_slip", Step.ASKED),
    # "do i have to talk to him now?", once he is being helped: no, nothing is owed
    _Heard("o", asks_to_reply_to_them, "ex_no_owe", Step.ASKED, unless=_not_helped),
    # "should i just reply to him": help reaches them without the person's reply
    _Heard("o", asks_to_reply_to_them, "what_now_ex", Step.ASKED),
    # "what if he actually does it", "it'll be my fault": not theirs to carry; help reaches
    # him without them
    _Heard("o", fears_for_them, "fears_for_them", Step.ASKED),
    # "should i reply to her so she stops" (danger from them): no, and nothing of where they are
    _Heard("d", asks_to_reply_to_them, "reply_danger", Step.ASKED),
    # "theyre sending someone", "im at a&e": what to do while waiting, not "call now"
    # "what if they send police", "will they lock me up", "i dont want to go to a psych ward"
    # in their own talk (a session-30 chat: the domestic-violence steps, "lock the door"):
    # the fear answered; after pills, medical help is still needed now
    _Heard("s", fears_police, "police_fear_taken", Step.UNSAFE, unless=_nothing_taken),
    _Heard("s", fears_police, "police_fear", None),
    # the wait itself: on hold, at hospital (after pills: what was taken, told to them)
    _Heard("sd", on_hold, "on_hold", Step.UNSAFE),
    # "i stepped back a bit", at a height (a helper's chat, session 36: "the most important
    # thing right now is a person"): the step noticed, then further, down and inside
    _Heard("s", stepped_back, "stepped_back", Step.UNSAFE, unless=_not_at_height),
    # "i came back inside" from a roof or an edge: thanked, and someone near sought
    _Heard("s", came_back_inside, "came_back_inside", Step.ASKED),
    # "my roommate is driving me": on the way; after pills, what to bring and tell
    _Heard("s", going_in, "going_in_taken", Step.UNSAFE, unless=_nothing_taken),
    _Heard("s", going_in, "going_in", Step.UNSAFE),
    # "they said to go to a&e": go now, and how to get there
    _Heard("s", told_to_go, "told_to_go", Step.UNSAFE),
    _Heard("s", at_hospital, "at_hospital_taken", Step.UNSAFE, unless=_nothing_taken),
    _Heard("s", at_hospital, "at_hospital", Step.UNSAFE),
    _Heard("sd", waiting_for_help, "help_coming", Step.UNSAFE),
    # "i'm in the bathroom with the door locked", him at the door (a session-36 chat: "think
    # about somewhere they don't know"): stay there, quiet, phone in hand
    _Heard("d", hiding_locked_in, "danger_locked_in", Step.UNSAFE),
    # "where do i go", "i dont have anyone... where do i go" (session-37 chats: the steps
    # for tonight, "tell the people you're with"): the places that take people in
    _Heard("d", asks_where_to_go, "where_to_go_danger", Step.ASKED),
    # "i dont want an ambulance", "she'd freak out": answered, the way to be seen kept
    _Heard("s", fears_their_reaction, "objection_people", Step.UNSAFE),
    _Heard("s", objects_to_help, "objection", Step.UNSAFE),
    # "i dont want to call anyone", "i hate phone calls": texting or writing instead (seventh
    # probe M23), the number kept for if it gets worse
    _Heard("s", wont_call, "text_instead", None),
    # "i cant call he'll hear me": silent ways to get help
    _Heard("d", cannot_speak, "cannot_speak", Step.UNSAFE),
    # "he's still in the flat", "we live together" (a session-38 chat, a knife in the next
    # room: "know not to open the door"): getting out if it is safe, a room with a lock if not
    _Heard("d", in_the_home, "danger_in_home", Step.UNSAFE),
    # "he's waking up i have to go" (a helper's chat, session 39: "one thing at a time"): go,
    # delete the chat if they check the phone, come back any time; "he's asleep now": the
    # quiet moment, and how to use it
    _Heard("d", must_go, "danger_must_go", Step.UNSAFE),
    _Heard("d", asleep_there, "danger_asleep", Step.UNSAFE),
    # "im in the car": pull over before anything else
    _Heard("s", driving, "driving", Step.UNSAFE),
    # "just gonna drive to her place", after drink or pills (a session-37 chat: "I'd leave
    # them out of tonight", nothing on the wheel): not driving, first
    _Heard("s", about_to_drive, "dont_drive", Step.UNSAFE),
    # "my phone is at 5%": the call now, while it can still be made
    _Heard("sdo", low_battery, "low_battery", Step.UNSAFE),
    # at the door still, getting in feared or begun: the call now, short (terminal chat:
    # "he's still there" got the steps for the days after)
    _Heard("d", breaking_in, "danger_breaking_in", Step.UNSAFE),
    # "should i just chuck it in the bin", after how to look for a tracker (a session-29 chat:
    # "Where will you sleep tonight?"): not yet; a photo first, and a plan with help
    _Heard("d", gets_rid_of_it, "tracker_remove", Step.ASKED, unless=_no_tracker),
    # "i mean it wasnt that bad", "he said sorry": not argued with; what it was, said gently
    _Heard("d", minimizes, "danger_minimized", Step.ASKED, unless=_not_hurt),
    # "hes coming to pick me up after my shift tonight": you don't have to go with him
    _Heard("d", comes_for_them, "not_with_him", Step.ASKED),
    # "should i just open it and get it over with": no; the call, the door kept shut
    _Heard("d", asks_to_open_door, "dont_open", Step.UNSAFE),
    _Heard("d", still_there, "danger_still_there", Step.UNSAFE),
    # "can i sleep at my sister's": yes, and what to take; "im shaking": the body after a
    # fright, and the calming exercise
    _Heard("d", going_to_stay, "danger_go_there", Step.ASKED),
    # "ok i got in a taxi to my sister's": on the way; "im at my nans now": there (terminal
    # chat: the taxi was read as nothing and got a generic line)
    _Heard("d", on_the_way_to_stay, "danger_going_there", Step.ASKED),
    _Heard("d", arrived_to_stay, "danger_arrived", Step.ASKED),
    # "i'm at work now, finish at 6": how to leave and get home safely, while there is time
    # (after "im at my mums now", which is there and safe: the twentieth session's chat got
    # the steps for leaving work)
    _Heard("d", there_until_later, "leaving_later", Step.ASKED),
    _Heard("d", shaken, "danger_shaken", Step.ASKED),
    # "but he'll be back tomorrow probably": a plan for when they come back (terminal chat:
    # the "probably" was read as "not sure if i'm safe")
    _Heard("d", comes_back, "danger_comes_back", Step.ASKED),
    # followed, on the way home: not home; somewhere with people, and call from there
    _Heard("d", on_the_way_home, "followed_home", Step.UNSAFE),
    # "im going to do it now", "bye": the most urgent words, not the recycled line
    _Heard("s", acting_now, "imminent", Step.UNSAFE),
    # "its ok. i made my decision" (after a goodbye): the most urgent words too
    _Heard("s", has_decided, "imminent", Step.UNSAFE),
    # "no i havent done anything", "its just a thought": not acted on; not "not safe"
    _Heard("s", not_acted, "not_acted", Step.ASKED),
    # "my sister? she hates me", "my boss is on my back too": not someone to reach tonight;
    # a line that listens instead (seventh probe), never "Reach your sister now"
    _Heard("sd", against_them, "not_them", None),
    # "no not really a plan": no plan, told; care without the emergency call (sixth probe)
    _Heard("s", no_plan, "no_plan", Step.LISTEN),
    # "like every night", "its been like this for months": support this week (sixth probe)
    _Heard("s", ongoing_thoughts, "ongoing_thoughts", Step.LISTEN),
    # "what number do i call", "whats samaritans number", "is there a hotline here": the
    # numbers, at once
    _Heard("sdo", asks_for_number, "give_lines", None),
    # "ok ill call", "gonna try the number": going to call a line; staying while they do
    _Heard("sd", will_call, "ack_calling", Step.UNSAFE),
    # "sorry for the drama": no need
    _Heard("sdo", apologises, "no_sorry", None),
    # "can he see that I use this bot?": who can read the chat, answered in the talk
    _Heard("sdo", asks_who_sees, "privacy_in_talk", None),
    # "does it count as breaking nc if i open the door?": keeping safe never counts (a blind
    # play-test, session 45, got "with someone who hit you": nobody had said so)
    _Heard("d", asks_if_safety_counts, "safety_not_a_slip", Step.ASKED),
    # "he used to hit me. is 'no contact' even the right word for this": yes, and it is not a
    # safety plan on its own (a helper's chat: "keep the door shut" again)
    _Heard("d", asks_if_nc_fits, "nc_and_abuse", Step.ASKED),
    # "i texted him again. day 2 and i already failed" (terminal chat): the slip heard, in the
    # talk's light; the count can wait
    # ...unless a friend was named to reach just before ("ok i texted her", of the best friend:
    # a session-37 chat got "we can sort the count out later")
    _Heard("s", told_a_slip_to_them, "messaged_person", Step.UNSAFE, unless=_no_one_named),
    _Heard("s", told_a_slip_to_them, "slip_in_talk", Step.ASKED, unless=_called_the_line),
    # "can u call the police for me": it cannot; the number, said plainly
    _Heard("sdo", asks_bot_to_call, "cant_call", Step.UNSAFE),
    # "can you block him for me": it cannot reach anyone; how to do it, evidence kept first
    # (a helper's terminal chat: "About that question: see below" and the block-or-mute FAQ)
    _Heard("d", asks_bot_to_act, "cant_act", Step.ASKED),
    _Heard("s", asks_bot_to_act, "cant_act_self", Step.ASKED),  # (their own pain: no threats)
    # "he blocked me on everything now anyway" (danger from him): not a line that did not
    # answer (the chat got "I'm sorry they didn't pick up" and the list of lines)
    _Heard("d", blocked_by_them, "danger_blocked", Step.ASKED),
    # "should I block him? I'm scared it makes him angrier": evidence first, mute or block
    # weighed with a line that knows; never "call now, lock the door" after "I'm at my sister's"
    _Heard("d", asks_about_blocking, "danger_block_q", Step.ASKED),
    # "i couldnt do it": an attempt begun and stopped; injury asked about, the number
    _Heard("s", stopped_attempt, "stopped_attempt", Step.UNSAFE),
    # "i gave my dog to my sister today and wrote a will" in the talk: the sign named and
    # the question asked directly (a session-30 chat: a stock "if you haven't yet, call")
    _Heard("s", settles_affairs, "warning_signs", Step.ASKED, unless=_asked_signs),
    # "what do you mean", "safe from what": what the question asks, plainly (a session-30
    # chat: "thank you for telling me more")
    _Heard("s", asks_what_meant, "check_explained", Step.ASKED),
    _Heard("d", asks_what_meant, "check_explained_danger", Step.ASKED),
    # "i dont have credit": the emergency numbers are free
    _Heard("sd", no_credit, "no_credit", Step.UNSAFE),
    # "the kids are asleep" with the danger at the door: keep them close, away from the door
    _Heard("d", kids_there, "danger_kids", Step.UNSAFE),
    # "the police said they cant do anything", "he took my kids and wont give them back"
    # (a session-30 chat: "glad you reached out to them", the general reply)
    _Heard("d", police_refused, "police_refused_now", Step.UNSAFE, unless=_not_at_door),
    _Heard("d", police_refused, "police_refused", Step.ASKED),
    _Heard("d", kids_taken, "kids_taken", Step.ASKED),
    # "what happens if i call", "will they send the police", "is it free", "can i text
    # instead": what stops people calling, answered
    _Heard("sdo", asks_about_lines, "about_lines", None),
    # "why are you giving me numbers": because of what was told; no call demanded
    _Heard("sd", asks_why_numbers, "why_numbers", None),
    # "how many xanax is too many": never a number; no more tonight, and help if it's too late
    _Heard("s", asks_about_dose, "dose_question", Step.UNSAFE),
    # after a dose asked about: "not for anyone else" is theirs; "i'll just google it" is
    # looking for the means elsewhere (a helper's chat, session 38: "I'm glad you're safe")
    _Heard("s", for_themselves, "unsafe_now", Step.UNSAFE, unless=_no_dose),
    _Heard("s", will_look_it_up, "look_it_up", Step.UNSAFE, unless=_no_dose),
    # "what do i do instead" (an urge to self-harm): things to do in its place
    _Heard("s", asks_for_alternatives, "alternatives", None),
    # "i feel like i ruined my streak, the self harm one": one night does not erase it
    _Heard("s", ruined_streak, "relapse_heard", Step.ASKED),
    # "i stopped for 11 months": that streak still counts; what stirs it now? (a helper's chat:
    # "please don't wait this out alone" to it)
    _Heard("s", tells_clean_streak, "clean_streak", Step.ASKED),
    # "tonight i really want to again": the urge heard before it is acted on; what helps ride it
    _Heard("s", urge_to_harm_again, "harm_urge", Step.ASKED),
    # "can you just talk to me": yes; a line answers strangers too, and an open question
    _Heard("sdo", asks_for_company, "talk_with_me", None),
    # "should i call the police": yes, now
    _Heard("sdo", asks_to_call_police, "call_yes", Step.UNSAFE),
    # "should I go to the 8am service instead so I don't see them": yes, keeping distance is
    # allowed (a session-28 chat got "Please don't meet them alone")
    _Heard("d", plans_to_avoid, "avoid_plan", Step.ASKED),
    # "should i go" (to meet the one who hurt them), "should i open the door": no
    _Heard("d", asks_to_meet_them, "meet_danger", Step.ASKED),
    # "im a guy nobody believes me": believed, first
    _Heard("d", not_believed, "believed", None),
    # "i dont want to call the police on him": no need; the hotline is not the police, and
    # an injury is worth a check (seventh probe)
    # "i cant call the police he'll get worse", him at the door (a helper's chat, session 41:
    # "you don't have to decide anything about charges"): the fear itself answered
    _Heard("d", _police_makes_worse, "no_police_worse", Step.ASKED, unless=_not_at_door_now),
    _Heard("d", objects_to_police, "no_police", Step.ASKED),  # (at the door: no_police_now)
    # "maybe he'll change", "i want to go back to him": hope heard, safety first (seventh probe)
    _Heard("d", hopes_for_them, "going_back", Step.ASKED),
    # "can i get a protection order here": where to ask
    # "i have a restraining order": his texts may break it; keep them, report each one
    _Heard("d", has_protection_order, "order_in_place", Step.ASKED),
    _Heard("d", asks_protection_order, "protection_order", Step.ASKED),
    # "what should i keep as evidence", "should i screenshot it", "the police said keep a
    # diary": what to keep and how (session 28's chats: "should I delete photos and memories?")
    _Heard("d", asks_about_evidence, "evidence", Step.ASKED),
    # "should i change the locks? can i even do that when renting": yes, and how
    _Heard("d", asks_about_locks, "locks", Step.ASKED),
    # "can he get in trouble for that": it may well be a crime, and never their fault
    _Heard("d", asks_if_crime, "is_crime", Step.ASKED),
    # "is there stalkerware on my phone", "an airtag in my bag": how to look (probe 8 S14)
    _Heard("sdo", asks_about_tracker, "tracker", Step.ASKED),
    # "he can see where i am on snapchat", "he has my icloud password": phone and accounts
    _Heard("d", asks_tech_safety, "tech_safety", Step.ASKED),
    # "if he does it its my fault", "i deserved it": not their fault
    _Heard("do", blames_self, "not_your_fault", None),
    # stalking, a tracker, a threatening text, "maybe im being paranoid": what to do when
    # the danger is not at the door this minute (and the number if it is)
    _Heard("d", not_immediate, "danger_not_now", Step.ASKED),
)


def _heard(data: SosData, text: str) -> _Heard | None:
    return next((h for h in _HEARD if data.kind in h.kinds and _fits(h, data, text)), None)


def _fits(heard: _Heard, data: SosData, text: str) -> bool:
    return heard.says(text) and not (heard.unless is not None and heard.unless(data, text))


async def on_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed message while the safety talk is open: read in its light, never as a FAQ;
    written in another language, the reply opens with one line in it."""
    before = len(turn.outbox)
    await _read_in_talk(turn, frame, text)
    now = turn.convo.find(NAME)  # the talk as it stands after the reply (settled: a new frame)
    if now is not None and now.step not in (Step.SAFE, Step.SETTLED):
        # ("tô bem, só cansada", safe: no "if you're in danger, call" in Portuguese before
        # "I'm glad you're safe")
        data = SosData.of(now)
        if _in_their_language(turn, data, text, turn.outbox[before:]):
            data.lang_lines += 1
            data.into(now)


def _in_their_language(turn: Turn, data: SosData, text: str, replies: list[Outgoing]) -> bool:
    """"no estoy bien" after a talk begun in Spanish (a session-42 play-test: the second reply
    all in English): one line in their language (still here; call the emergency number if in
    danger) before the first of `replies`, unless it already speaks it; whether one was put."""
    code = other_language(text)
    if code is None and data.lang is not None and not has_english(text):
        code = data.lang if not_all_english(text) else None
    if code is None or not replies or replies[0].edit_message_id is not None:
        return False
    if data.lang_lines >= _LANGUAGE_LINES or data.stopped:
        # (no more numbers asked for, in Portuguese: "call the emergency number" would break
        # the promise the reply makes; a session-40 test caught it)
        return False
    key = f"language.in_talk.{reply_code(code, text)}"
    if not turn.rt.content.has(key):
        return False
    content = turn.rt.content
    spoken = (f"language.{notice}.{reply_code(code, text)}" for notice in _THEIR_LANGUAGE)
    if any(
        v in replies[0].text for k in spoken if content.has(k) for v in content.variants(k)
    ):
        return False
    replies[0].text = f"{turn.fresh(key)}\n\n{replies[0].text}"
    return True


_LANGUAGE_LINES = 2  # lines in their language in one talk, after its first reply

# Lines in their language a reply may already open with
_THEIR_LANGUAGE = ("safe_check", "still_other", "english_only")


async def _read_in_talk(turn: Turn, frame: Frame, text: str) -> None:
    data = SosData.of(frame)
    if frame.step == Step.SETTLED:
        await _after_settled(turn, frame, data, text)
        return
    code = country_said(text, _country_names(turn))
    if code is None and not _lines(turn, data).known:
        code = zone_country(text)  # "America/New_York", asked which country they are in
    if code is not None and (frame.step != Step.PLAN or not _lines(turn, data).known):
        # "im in canada", "actually im in the uk" (a later country replaces an earlier one,
        # or the time zone's): that country's numbers now. A place answering a plan
        # question ("where could you go?") is a plan answer.
        data.country = code
        _reply(turn, frame, data, "lines_here", Step.UNSAFE if data.unsafe else Step.ASKED)
        return
    if frame.step == Step.PLAN and data.plan is not None:
        if data.kind == "d" and they_are_here(text):
            # "he's in the waiting room", told while the plan is being made (a session-30
            # chat: kept as the plan's next answer): the danger first; the plan can wait
            data.plan = None
            data.at_door, data.coming = True, False
            _reply(turn, frame, data, "danger_here", Step.UNSAFE)
            return
        if asks_for_number(text):  # a question, not a plan answer: the lines, then go on
            data.said += 1
            lines = _lines_block(turn.rt.content, data, _lines(turn, data))
            turn.say(f"{_pick(turn.rt.content, data, 'plan_number')}\n\n{lines}")
            _ask_plan(turn, frame, data)
            return
        _plan_answer(turn, frame, data, text)
        return
    if data.asked in ("plan_self.done", "plan_danger.done") and plan_saved(text):
        # "done", "saved it" once the plan was shown back (a session-34 chat: "the most
        # important thing right now is a person"): kept, and how are they now
        _reply(turn, frame, data, "plan_kept", Step.UNSAFE if data.unsafe else Step.SAFE)
        return
    if frame.step == Step.SAFE and has_no_plan_yet(text) and mentions_harm(text) is None:
        # "no i dont have a plan", after the calm reply that offers one: not "no, I'm not
        # safe" (a session-44 play-test: "Please don't wait: call 999"); making one offered
        _reply(turn, frame, data, "no_plan_yet", Step.SAFE)
        return
    if (
        data.kind == "s"
        and not data.means
        and len(text.split()) > _LONG_WORDS
        and means_at_hand(text)
        and done_to_self(text) is None
    ):
        # A long message with means told in it ("...i stockpiled my sleeping pills this week,
        # i have like 40 now"): the means first, whatever else it says (a helper's chat: the
        # reply for someone who is not there for them, read from the middle of it)
        data.means = True
        _reply(turn, frame, data, "means_now", Step.UNSAFE)
        return
    if (tool := safety_tool_asked(text)) is not None:
        # "make a safety plan", "help me calm down" typed: as the button
        await _press(turn, frame, _tool_button(data, tool))
        return
    if (
        (quits_the_bot(text) or asks_to_erase(text))
        and not data.taken
        and mentions_harm(text) is None
        and read_safety_answer(_MEANT_BOT.sub(" ", text)) != "unsafe"
    ):
        # "no i mean this bot. i want to stop", "delete everything" (a session-29 chat: "Please
        # call 112 now" twice): the misreading owned, /pause and /delete, the talk let go with
        # help one tap away
        data.said += 1
        key = "erase_in_talk" if asks_to_erase(text) else "means_the_bot"
        turn.say(_pick(turn.rt.content, data, key), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if (
        (asks_who_is_told(text) or asks_not_to_tell(text))
        and not asks_bot_to_call(text)
        and mentions_harm(text) is None
        and done_to_self(text) is None
    ):
        # "will u tell anyone", "please dont tell my parents": no one is told, said plainly
        # ("can u call the police for me" asks for a call, "will you tell my mum i took 20"
        # tells of something taken: their own answers, below)
        _reply(turn, frame, data, "nobody_told_in_talk", Step.ASKED)
        return
    if data.images and (nxt := images_next(text)) is not None and (
        read_safety_answer(text) != "unsafe"
    ):
        # "is that illegal", "who can i even tell", "he goes to my school", "i told my
        # sister, she's here": each its answer (a helper's chat: the same two texts in turn)
        _reply(turn, frame, data, f"images_{nxt}", Step.LISTEN)
        return
    bare = _bare_yes_or_no(text) if data.asked == "danger_in_home" else None
    if bare is not None:
        # "yes" / "no" to "can you get out safely?", the one they fear in the home: go now,
        # quietly; or how to stay safer inside (a bare "yes" heard as an "ok" got "thank
        # you, I'm right here")
        _reply(turn, frame, data, "in_home_leave" if bare else "in_home_stay", Step.UNSAFE)
        return
    if (frame.step == Step.UNSAFE and is_acknowledgement(text)) or (
        data.unsafe and is_plain_ok(text) and not (data.rechecked and frame.step == Step.ASKED)
    ):
        # "ok" to "please call now", or after saying they were not safe, is heard, not read
        # as "I'm safe": the talk stays open ("go to them" when that was the last ask)
        key = "ack_going" if data.going else "ack_while_unsafe"
        if data.kind == "d" and data.at_door and not data.going:
            # "ok" with him at the door or on the way (a session-34 chat: "whenever you're
            # ready, a person is the next step"): the door, the phone, the call; with them at
            # the door already, the call now, not "the moment they come" (a helper's chat,
            # session 39, "he's banging on the door now", then "ok")
            key = "ack_danger_near" if data.coming else "ack_danger_here"
        if data.asked in _LISTENING or data.stopped:
            # "ok" after "talk to me" or "no more hotlines": company, not "stay with me while
            # you make that call" (a helper's chat: a call she never mentioned)
            key = "still_here_quiet"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    if _answers_below(turn, frame, data, text):
        # "paris" at set-up's time-zone question, asked "are you safe?" after words the check
        # could not place: the answer to that question, not a person to call (terminal chat:
        # "Paris sounds like the right person"); 🚨 stays one tap away
        _leave(turn, data)
        await router.route(turn, text)
        return
    if data.kind != "o" and not data.taken and just_testing(text):
        # "/sos", then "i'm ok i just wanted to see what that does": what it is for, said
        # plainly, and the talk ends (a session-34 chat: "you told me something that worried me")
        _settle(turn, frame, data, "just_testing")
        return
    if data.kind != "o" and not data.taken and mistaken_tap(text):
        # "i pressed that by accident, im safe": no harm done; the talk ends, what they were
        # doing is one tap away, and 🚨 stays (a helper's chat: "call 112" to every emoji)
        _settle(turn, frame, data, "mistaken_tap")
        return
    if data.asked == "tap_check":
        meant = yes_or_no(text)
        if meant is True:  # "yes" to "did you mean to tap it?": not safe, as the button
            await _press(turn, frame, Button(NAME, STATELESS, "no", data.kind))
            return
        if meant is False and len(text.split()) <= 2:
            # a bare "no" / "nope": not meant. More than that ("no im not safe", "no i meant
            # it") is read as the talk reads it, below
            _settle(turn, frame, data, "mistaken_tap")
            return
        if _something_else(turn, frame, text) is not None:
            # on with what they were doing ("why do u need my timezone"): the tap was a
            # mistake; what they wrote is answered (a helper's chat: the check asked twice)
            _leave(turn, data)
            await router.route(turn, text)
            return
    if data.tapped:
        data.tapped = False
        other = _something_else(turn, frame, text)
        if other == "answer":
            # "uhh like sunday? no wait saturday" at set-up's date, just after a tap on 🚨
            # (a stale one, pressed for another button): set-up goes on, 🚨 one tap away
            _leave(turn, data)
            await router.route(turn, text)
            return
        if other is not None:
            # "the 26th of november", "what if its important" just after a tap on 🚨: was
            # the tap meant? Asked once, both ways one tap away
            turn.say(_pick(turn.rt.content, data, "tap_check"), _tap_check_buttons(turn, data))
            turn.convo.goto(frame, Step.ASKED)
            data.into(frame)
            return
    if data.injured and depth_unsure(text):
        # "idk how deep" after a cut: not doubt about being safe; get it checked
        _reply(turn, frame, data, "depth_unsure", Step.UNSAFE)
        return
    if data.injured and serious_injury(text):
        # "its bleeding a lot": call now
        _reply(turn, frame, data, "hurt_serious", Step.UNSAFE)
        return
    if data.injured and not data.taken and bleeding_eases(text):
        # "ok its slowing down i think" (a session-29 chat: "If you haven't yet, please call
        # 999 now"): good; pressure a while longer, and when it still needs a doctor
        _reply(turn, frame, data, "bleeding_eases", Step.ASKED)
        return
    if data.taken and (sleeps_it_off(text) or says_accident(text)) and not has_symptoms(text):
        # (a symptom told with it, "just dizzy and wanna sleep", is read below as one)
        # "im just gonna sleep it off", "it was an accident kind of": sleeping is the danger,
        # and an accident needs the same help (eighth probe)
        _reply(turn, frame, data, "no_sleep", Step.UNSAFE)
        return
    if data.taken and prescribed_dose(text) and not has_symptoms(text):
        # "its a normal dose, my doctor prescribed it": their own medicine, with drink; what
        # to do tonight, and when to call (a helper's chat: the doctor read as a friend)
        data.prescribed = True
        _reply(turn, frame, data, "taken_prescribed", Step.ASKED)
        return
    if (
        data.accompanied
        and not data.taken
        and (classify_smalltalk(text) == "bye" or _ASKS_TO_SLEEP.search(normalize(text)))
    ):
        # "can i go to sleep now lol" with their mum up and with them (a session-28 chat:
        # "please call now"): rest, with the door open and a way to reach her in the night
        _settle(turn, frame, data, "sleep_accompanied")
        return
    if data.prescribed and classify_smalltalk(text) == "bye" and not has_symptoms(text):
        # "goodnight" after that: let go with tonight's care (a helper's chat: "please don't
        # wait this out alone: 911")
        _settle(turn, frame, data, "prescribed_goodnight")
        return
    if data.taken and has_symptoms(text):
        # "i feel kinda dizzy" after "i took a bunch of pills": worse, not unsure; help now
        _reply(turn, frame, data, "taken_symptoms", Step.UNSAFE)
        return
    if (data.taken or data.injured) and medically_cleared(text):
        # "im at the hospital now. they said im ok": looked after; no "go to an emergency
        # department now" (ninth probe S19)
        _settle(turn, frame, data, "checked_ok")
        return
    if data.kind == "s" and feels_better(text) and not data.taken:
        # "i'm doing a bit better today", "i'm calmer now": the talk steps down, the number
        # kept in the words (ninth probe S19); with a means named, where it is now is asked
        # first; soon after "not safe", asked once more plainly, as a "fine" would be
        if data.means:
            _reply(turn, frame, data, "better_means", Step.ASKED)
        elif data.unsafe and not data.rechecked:
            data.rechecked = True
            _reply(turn, frame, data, "safe_recheck", Step.ASKED)
        else:
            _settle(turn, frame, data, "better_now")
        return
    if data.taken and wont_call(text):
        # "dont call anyone" after pills: no talk about feelings is needed, but a body that
        # needs checking; never "that's okay, you don't have to call" (ninth probe S1)
        _reply(turn, frame, data, "taken_no_call", Step.UNSAFE)
        return
    if data.taken and (says_amount(text) or names_what_was_taken(text)):
        # "like 10 maybe" or "tylenol" after "i took a bunch of pills": an amount or what it
        # was, not doubt nor something still to put away; get checked now
        _reply(turn, frame, data, "amount_taken", Step.UNSAFE)
        return
    if (
        data.kind == "s"
        and is_plain_ok(text)
        and not data.ok_checked
        and frame.step in (Step.ASKED, Step.LISTEN)
        and data.said > 1
    ):
        # A bare "ok" deep in a talk answers whatever was said last, not "are you safe?":
        # asked plainly, once
        data.ok_checked = True
        _reply(turn, frame, data, "ok_check", Step.ASKED)
        return
    if _told_at_hospital(data) and hospital_wait(text):
        # "they said it could be hours", "i just want to go home and sleep", at hospital (a
        # session-30 chat: "please call 999" twice): stay, and tell the staff
        _reply(turn, frame, data, "hospital_stay", Step.ASKED)
        return
    if data.images and gives_in(text):
        # "maybe i should just unblock him so he calms down", "if i pay he will stop": don't
        _reply(turn, frame, data, "images_now", Step.ASKED)
        return
    if data.kind == "d" and a_handover(text) and read_safety_answer(text) != "unsafe":
        # "she just wants her stuff back i think": a handover, not a threat; the talk steps
        # down (a helper's chat: steps for tonight, then a refuge after the box was given)
        data.at_door = False
        _settle(turn, frame, data, "handover")
        return
    if data.kind == "d" and not_dangerous(text) and read_safety_answer(text) != "unsafe":
        # "he's not dangerous, just persistent": believed; the talk steps down, the door
        # still theirs to keep shut (ninth probe S16)
        _settle(turn, frame, data, "not_danger")
        return
    if (
        data.kind == "s"
        and not (data.unsafe or data.taken or data.means)
        and not_dangerous(text)
        and read_safety_answer(text) is None
    ):
        # "he hasnt done anything i just dont want to see him", asked "are you safe?" after
        # "im scared to go to work, he works there" (a session-26 chat: asked again): no
        # danger told; the talk lets go and what they said is answered, 🚨 one tap away
        _leave(turn, data)
        await router.route(turn, text)
        return
    if data.kind == "d" and data.at_door and shaken(text):
        # "im shaking" with them at the door still: the call, not "a fright coming down";
        # once the call is made ("i called 000 they're coming"), the wait for them, locked in
        # (a helper's chat, session 38: "No answer can feel like one more door closing")
        called = any(k in data.last for k in ("reached_help_danger", "help_coming"))
        key = "danger_shaken_waiting" if called else "danger_still_there"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    if _about_their_days(turn, frame, data, text):
        return
    heard = _heard(data, text)
    if heard is not None:
        if heard.key in ("stopped_asking", "numbers_stopped"):
            data.stopped = True
        if heard.key == "ex_looked_after":
            data.helped = True
        if heard.key in ("reached_help", "helper_here") and data.kind == "s":
            data.accompanied = True
        if heard.key == "means_away":
            data.means = False  # put away: no more asking them to move it
            if data.drunk and in_the_car(text):
                # "i'll put them in the car" after half a bottle of vodka (a session-34 chat):
                # yes, and not to drive tonight
                heard = heard._replace(key="means_away_no_drive")
        if heard.key == "dose_question":
            data.dose = True
        if heard.key == "heading_home":
            data.height = False
        if heard.key == "height_now":
            data.height = True
        if heard.key == "came_back_inside":
            data.height = False
        if heard.key == "not_abuse":
            data.kind = "s"  # the lines and plan for how they feel, not for danger from him
        key = heard.key
        if key == "talk_with_me" and data.stopped:
            key = "still_here_quiet"  # "can you just talk to me", after "no more hotlines"
        step = heard.step or (Step.UNSAFE if data.unsafe else Step.LISTEN)
        _reply(turn, frame, data, key, step)
        return
    if asks_of_the_bot(text) and read_safety_answer(text) is None and mentions_harm(text) is None:
        await _do_and_stay(turn, frame, data, text)
        return
    if data.kind == "o" and data.friend and asks_what_to_say(text):
        # "what do i say to her" about a friend (not the ex: their own answer stays): words to
        # open with, asked plainly
        _reply(turn, frame, data, "what_to_say_other", Step.ASKED)
        return
    if asks_what_to_do(text):
        # A question, not an answer: the next concrete steps, then are they safe?
        key = {"d": "what_now_danger", "o": "what_now_ex"}.get(data.kind, "what_now")
        if data.kind == "o" and data.friend:
            key = "what_now_friend"
        _reply(turn, frame, data, key, Step.ASKED)
        return
    done = done_to_self(text) if data.kind != "o" else None
    if done is None and data.kind == "s" and drinking(text) and means_at_hand(text):
        done = "taken"  # "had a bottle of wine and some pills"
    if done == "taken":
        data.taken = True
    if done is not None:
        # "i took some pills", "i cut myself": something done already, told in the talk
        data.injured = data.injured or done == "injured"
        _reply(turn, frame, data, _done_key(done, serious_injury(text)), Step.UNSAFE)
        return
    if data.kind == "s" and drinking(text):
        # "i had a bottle of wine": drink makes it louder; stop for tonight, anything else?
        _reply(turn, frame, data, "drinking", Step.ASKED)
        return
    if data.kind == "d" and means_at_hand(text):
        # "he has a gun": a weapon makes a threat more dangerous; the plan, the number. With
        # them at the door (a session-30 chat: "call the moment they show up"), the call now
        key = "danger_weapon_door" if data.at_door else "danger_weapon"
        _reply(turn, frame, data, key, Step.UNSAFE if data.at_door else Step.ASKED)
        return
    if data.kind == "s" and data.taken and means_at_hand(text):
        # "uns 15 comprimidos de rivotril" after "eu tomei muitos remédios" (a session-30
        # chat: "put it somewhere you can't reach"): what was taken, told; checked now
        _reply(turn, frame, data, "amount_taken", Step.UNSAFE)
        return
    if data.kind == "s" and means_at_hand(text):
        # "i have my dads gun", "i have 2 boxes": distance from it tonight, and the number
        data.means = True
        _reply(turn, frame, data, "means_now", Step.UNSAFE)
        return
    if data.kind == "d" and threat_gone(text) and read_safety_answer(text) == "safe":
        # "ok police came, he's gone. im ok now": gone and safe, both said; the talk steps down
        data.at_door = False
        _settle(turn, frame, data, "safe_now")
        return
    if data.kind == "d" and threat_gone(text):
        # "ok hes gone now": glad, the door locked, the number if they come back; safe now?
        # ... gone out of a home they share ("ok he left for work", after "he's asleep now"; a
        # helper's chat, session 40: "keep away from the windows"): the hours he is out, a
        # window to plan or to leave
        data.at_door = False
        shared = any(k in data.last for k in _SHARED_HOME) or gone_out_for_hours(text)
        _reply(turn, frame, data, "danger_gone_out" if shared else "danger_gone", Step.ASKED)
        return
    # After something done or a threat gone ("not like that, but i took some pills"):
    if data.kind != "o" and is_joking(text):
        # "jk": taken back; still asked, once, gently
        _reply(turn, frame, data, "joking", Step.ASKED)
        return
    if data.kind == "s" and clarifies_move(text):
        # "haha no i'm moving to japan": the goodbye explained; sorry for jumping, and how
        # is the move (ninth probe S8), the 🚨 button left
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "clarified_move"), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if data.kind != "o" and only_clarifies(text):
        # "not like that", "i mean no contact is too hard": heard, and the talk ends (not
        # when the same message speaks of harm: "not like that, but i took some pills")
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "clarified"), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if data.kind == "s" and not data.taken and (data.unsafe or data.means) and retracts(text):
        # "seriously forget i said anything", after "i mean it tonight" (a session-29 chat:
        # "please call 999 now" again): no big thing made of it, and not forgotten either; the
        # way to help kept, no question. (Before anything that serious, "nvm" is one more
        # non-answer, read below.)
        _reply(turn, frame, data, "retracted", Step.LISTEN)
        return
    if (
        data.kind == "s"
        and data.net
        and not (data.unsafe or data.taken or data.means)
        and small_comfort(text)
    ):
        # "ok. maybe ill make tea", after a gentle check that words alone opened (a session-33
        # chat: "it can be hard to tell from the inside", the lines again): a kind idea, met
        # as one; the talk stays, unasked
        _reply(turn, frame, data, "small_comfort", Step.LISTEN)
        return
    if data.kind == "s" and not data.taken and not data.accompanied and to_bed(text):
        # "im going to bed", after a night like this (a session-29 chat: "I'll stay while you
        # call"): a goodnight with tonight's few safe things and the line for the night
        if data.unsafe:
            _reply(turn, frame, data, "to_bed", Step.LISTEN)  # the talk stays, unasked
        elif data.net and not (data.means or data.prepared or data.not_around):
            # only words alone asked (a session-33 chat, lonely at night: "put anything you
            # could hurt yourself with out of reach" to someone who spoke of no harm)
            _settle(turn, frame, data, "to_bed_net")
        else:
            _settle(turn, frame, data, "to_bed")
        return
    if data.kind == "s" and not (data.unsafe or data.taken or data.means) and plays_it_down(text):
        # "lol its not that deep": not argued with, not asked again; the 🚨 button left
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "played_down"), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if data.kind == "s" and promises_but_hurts(text) and not data.taken:
        # "i'm not going to hurt myself ok? i just want the pain to stop": believed, and the
        # pain heard (a helper's terminal chat: "are you safe?" four times over)
        _reply(turn, frame, data, "promised_pain", Step.LISTEN)
        return
    if data.kind == "s" and promises_but_heavy(text) and not data.taken:
        # "no i wont do anything. i just feel sick": believed, and the heaviness heard (a
        # helper's chat, session 38: the "no" read as "not safe", "call now")
        _reply(turn, frame, data, "promised_heavy", Step.LISTEN)
        return
    if data.kind == "s" and promises_not_to(text) and not data.taken:
        # "i wont do it", "i promise": believed, and one thing put in place
        _reply(turn, frame, data, "promised", Step.SAFE)
        return
    if about_the_bot(text):
        # "why do you keep saying that": answered, and the talk goes on; with pills or a
        # blade named, one line keeps the distance from them (a helper's terminal chat: "I'll
        # ease off" and the pills never came up again)
        key = "about_bot_means" if data.means or data.taken else "about_bot"
        _reply(turn, frame, data, key, Step.UNSAFE if data.unsafe else Step.LISTEN)
        # "I'll stop repeating it" is kept: the number stays in the buttons, not in each reply
        # (a helper's chat: "911, or hand your phone to someone" in the very next reply)
        data.stopped = data.stopped or key == "about_bot"
        data.into(frame)
        return
    if data.kind == "d" and danger_goes_on(text) and read_safety_answer(text) != "unsafe":
        # "yeah he did it again today": going on, not "glad you're safe" (ninth probe S9)
        _reply(turn, frame, data, "danger_not_now", Step.ASKED)
        return
    bare = _bare_yes_or_no(text) if data.asked == "still_here_who" else None
    if bare is not None:
        # "yes" to "is there someone you could message?": reach them now; "no": no one of
        # their own, the lines (terminal chat: the "yes" was read as "I'm safe")
        key = "someone_yes" if bare else "no_one"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    bare = _bare_yes_or_no(text) if data.asked in _YES_IS_UNSAFE else None
    if data.asked in _YES_IS_UNSAFE and bare is None and confirms_intent(text):
        bare = True  # "its fine. its what i want": a yes in more words (a session-37 chat)
    if bare is not None:
        # "yes" to "are you thinking about killing yourself?" (the question of the warning
        # signs, or of the check explained): not safe, as the button; "no": believed
        if bare:
            key = "unsafe_again" if frame.step == Step.UNSAFE else "unsafe_now"
            _reply(turn, frame, data, key, Step.UNSAFE)
        else:
            _settle(turn, frame, data, "safe_now")
        return
    answer = read_safety_answer(text)
    if answer == "unsafe" and frame.step == Step.UNSAFE and data.kind != "d":
        # Not safe, said again: short, the number kept, the full list behind its button
        _reply(turn, frame, data, "unsafe_again", Step.UNSAFE)
    elif answer == "unsafe":
        key = "danger_unsafe" if data.kind == "d" else "unsafe_now"
        _reply(turn, frame, data, key, Step.UNSAFE)
    elif answer == "safe" and data.taken:
        # Feeling okay after pills is not being safe from them: get checked now.
        _reply(turn, frame, data, "safe_after_taken", Step.UNSAFE)
    elif (
        answer == "safe"
        and data.kind == "s"
        and (data.unsafe or data.prepared or data.not_around)
        and not data.rechecked
        and (not says_safe(text) or data.means or data.prepared or data.not_around)
    ):
        # "im fine just tired", "yeah", minutes after intent, preparations or "i wont be
        # around": asked once more, plainly, with the number in the reply
        data.rechecked = True
        key = "safe_recheck"
        if data.prepared and not data.unsafe:
            key = "prepared_recheck"
        elif data.not_around and not data.unsafe:
            key = "future_recheck"
        _reply(turn, frame, data, key, Step.ASKED)
    elif answer == "safe" and data.kind == "s" and not data.rechecked and dismisses_self(text):
        # "im ok. forget it. i was being dramatic" (a helper's chat, session 41: "That's a
        # relief to hear"): not drama; glad they said it; asked once more, gently
        data.rechecked = True
        _reply(turn, frame, data, "safe_dismissed", Step.ASKED)
    elif answer == "safe" and is_plain_ok(text) and data.ok_checked and data.asked != "ok_check":
        # a bare "ok" after "lol", "whatever", "nvm", once asked plainly and not answered:
        # company, not "I'm glad you're safe" (a helper's chat: she never said she was)
        _reply(turn, frame, data, "still_here_quiet", Step.LISTEN)
    elif answer == "safe":
        _settle(turn, frame, data, "safe_now")
    elif answer == "unsure" and data.taken:
        # "i dont know if i want help" after pills taken: unsure is allowed, the body still
        # needs checking now (a helper's terminal chat: "put distance between you and it")
        _reply(turn, frame, data, "taken_unsure", Step.UNSAFE)
    elif answer == "unsure" and data.means and data.kind == "s":
        # "whatever", "idk" after pills named: still not safe, never a "maybe" (terminal chat:
        # "A 'maybe' deserves to be taken seriously"); where the means are, asked again
        _reply(turn, frame, data, "means_now", Step.UNSAFE)
    elif answer == "unsure" and is_resigned(text):
        # "whatever", "who cares": heard as tiredness, not as "not knowing" (a session-33 chat)
        _reply(turn, frame, data, "resigned", Step.ASKED)
    elif answer == "unsure":
        # the full lines once; after that shorter, and another way in (seventh probe M10)
        key = "unsure_again" if "unsure" in data.last else "unsure"
        _reply(turn, frame, data, key, Step.ASKED)
    elif data.kind == "o" and none_of_theirs(text):
        # "i dont have his family's number": the emergency number and the apps still reach them
        _reply(turn, frame, data, "ex_no_contacts", Step.ASKED)
    elif data.kind == "o" and (got_them_help(text) or _told_the_one_named(data, text)):
        # The one at risk is being helped ("i called 911 for him"): that was enough.
        data.helped = True
        _reply(turn, frame, data, "helped_them", Step.ASKED)
    elif data.kind != "o" and reached_help(text):
        # "ok i called lifeline", "talked to my sister": glad, and how is it now?
        _reply(turn, frame, data, "reached_help", Step.ASKED)
    elif data.kind != "o" and (near := person_near(text)) is not None and not against_them(text):
        # Someone close by ("my flatmate is home", "my mum's asleep upstairs"): go to them,
        # wake them if need be.
        key = "wake_person_near" if near[1] else "reach_person_near"
        data.going = True
        data.reach = near[0]
        _reply(turn, frame, data, key, Step.UNSAFE, **_who(near[0]))
    elif data.kind != "o" and (who := person_named(text)) is not None:
        # Someone they could reach ("my sister maybe"): help them reach that person now. Not
        # when the one at risk is the ex: these replies speak to the person's own danger.
        data.reach = who
        _reply(turn, frame, data, "reach_person", Step.UNSAFE, **_who(who))
    elif data.kind != "o" and is_no_one(text):
        # "i live alone", after pills: no one to wake, so the call itself, and the door open;
        # "no one's home" with a gun in the closet (a session-34 chat: "I'm sorry it feels that
        # empty"): away from it, to people; "i'm home alone" with him coming tonight: not there
        key = "no_one_taken" if data.taken else "no_one"
        if data.kind == "s" and data.means and not data.taken:
            key = "means_cant_secure"
        elif data.kind == "d" and data.at_door:
            key = "danger_alone"  # (at the door or on the way; else, no one of their own)
        elif data.kind == "d":
            key = "no_one_danger"  # not "if you might act on these thoughts" (session 37)
        _reply(turn, frame, data, key, Step.UNSAFE)
    elif (
        data.kind != "o"
        and is_unreachable(text)
        and (data.kind == "s" or tried_to_reach(text))
    ):
        # ("kids still asleep" in a danger talk is not a line that rang out: session 38)
        _reply(turn, frame, data, "unreachable", Step.UNSAFE)
    else:
        reading = read_text(text, turn.rt.matcher)
        if data.kind == "o" and reading.urge:
            # "i'm calling him" (the ex at risk): frightened for him, not an urge
            _reply(turn, frame, data, "calling_them", Step.ASKED)
            return
        if data.kind == "d" and reading.match.ids[:1] == ("come-back",):
            # "what if he comes back tomorrow" (the one who hurt them): a threat, not hope
            _reply(turn, frame, data, "danger_comes_back", Step.ASKED)
            return
        if (
            data.kind == "s"
            and reading.urge
            and _reached_someone(data)
            and speaks_of(text, data.reach)
        ):
            # "ok im going to text her now" after "my sister" was named (a session-43 play-test:
            # "I'd leave them out of tonight", the one person they found steered away from)
            _reply(turn, frame, data, "reaching_them", Step.UNSAFE if data.unsafe else Step.ASKED)
            return
        if data.kind == "s" and data.unsafe and reading.urge:
            # "should i call him" while not safe: not tonight, the line instead
            _reply(turn, frame, data, "ex_not_now", Step.UNSAFE)
            return
        if data.images and (reading.urge or reading.asks):
            # "should i just unblock him so he calms down", "can the police do anything": the
            # steps against image-based abuse, not the urge flow or a FAQ answer
            _reply(turn, frame, data, "images_now", Step.ASKED)
            return
        if data.kind == "o" and (
            reading.urge or reading.match.ids[:1] in _REPLY_ANSWERS or told_a_slip_to_them(text)
        ):
            # "what do i do?? do i reply??" after a photo of pills, "i called 112 for him" (a
            # session-37 chat: "silence is a complete answer", then the slip's restart): how to
            # get them help without replying, and no slip in it
            _reply(turn, frame, data, "what_now_ex", Step.ASKED)
            return
        if _changes_subject(reading) and data.unsafe:
            # A question while not safe ("how long until it stops hurting"): answered, and the
            # talk stays open, so what comes next is still read in its light.
            data.said += 1
            data.into(frame)
            turn.say(
                _pick(turn.rt.content, data, "answer_and_stay"), inline([[_not_safe(turn, data)]])
            )
            await turn.flows.free_text(turn, reading)
            return
        if _changes_subject(reading) or (
            (
                # not once it turned serious: a dose asked and owned, or "not safe" said (the
                # terminal chat, session 38: "ok ok. sorry" after "i'll just google it" let
                # the talk go, and "i called 116 123 and nobody picked up" was then a slip)
                (
                    data.net
                    and not (data.means or data.taken or data.injured or data.dose or data.unsafe)
                )
                or data.asked in ("talk_else", "talk_about_them")
            )
            and _moves_on(reading)
        ):
            # ("can we talk about something else", then "he liked my story today": that
            # subject, answered; a helper's chat got "I'm listening" to it)
            # (terminal chat: "because i deserve better" as a reason was asked about by the
            # word model; "its 2am and i cant stop looking at her insta" next was kept in the
            # talk with "Are you safe right now?" again)
            _leave(turn, data)
            await turn.flows.free_text(turn, reading)
            return
        if data.kind == "d" and not data.steps_given:
            # "i left yesterday", "he knows where she lives": the concrete steps for tonight,
            # once, before the words that stay with them
            data.steps_given = True
            _reply(turn, frame, data, "danger_steps", Step.ASKED)
            return
        if data.unsafe:
            # Not safe, said or told: stay, and keep the call in front of them, rather than
            # asking again whether they are safe.
            key = "stay_danger" if data.kind == "d" else "stay_unsafe"
            _reply(turn, frame, data, key, Step.UNSAFE)
            return
        key = "listen" if data.said % 2 == 0 else "still_here"
        if key == "still_here" and data.said % 4 == 3:
            key = "still_here_who"  # now and then, someone to reach instead of "are you safe?"
        _reply(turn, frame, data, key, Step.LISTEN if key == "listen" else Step.ASKED)


def _about_their_days(turn: Turn, frame: Frame, data: SosData, text: str) -> bool:
    """Their age, and the place where they meet the one they fear, each answered for what it
    is (a helper's chat: a fifteen-year-old afraid at school got "lock the door, call 911",
    then "your teacher sounds like the right person. Call now")."""
    if read_safety_answer(text) == "unsafe" or mentions_harm(text) is not None:
        return False
    if data.kind in ("s", "d") and not data.young and says_young(text):
        # "im 15 btw": heard; an adult on their side, the lines kept
        data.young = True
        _reply(turn, frame, data, "young_danger" if data.kind == "d" else "young_self", Step.ASKED)
        return True
    if data.kind != "d" or data.at_door:
        return False
    if (place := asks_about_a_place(text)) is not None:
        # "should i tell a teacher", "should i tell HR", "should i switch gyms"
        _reply(turn, frame, data, f"place_{place}", Step.ASKED)
        return True
    if will_tell_there(text):
        # "ok maybe ill tell the counselor": a good step, and how to make it count
        _reply(turn, frame, data, "telling_there", Step.ASKED)
        return True
    return False


# How long after "I'm safe" the next message is still read in the talk's light
SETTLED_FOR = timedelta(minutes=10)


async def _after_settled(turn: Turn, frame: Frame, data: SosData, text: str) -> None:
    """The first message after they said they were safe (within a few minutes): "i mean no"
    takes it back, means still at hand or a heavy feeling are asked about gently; anything
    else, or anything later, ends the talk and goes where it would have gone."""
    at = frame.at_time()
    if at is None or turn.now - at > SETTLED_FOR:
        turn.convo.pop(NAME)
        await router.route(turn, text)
        return
    if data.kind == "d" and (still_there(text) or asks_to_open_door(text)):
        # "he says hes not leaving til i open", a minute after tapping "I'm safe right now" (a
        # session-29 chat: "Feelings like this come in waves", then the urge tool)
        data.at_door, data.coming = True, False
        key = "dont_open" if asks_to_open_door(text) else "danger_still_there"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    if data.kind == "d" and (cannot_speak(text) or in_the_home(text)):
        # "nahi bol sakti wo sun lega" (I can't talk, he'll hear), a minute after "haan" was
        # read as safe (a helper's chat, session 39: the English-only notice): the talk again
        key = "cannot_speak" if cannot_speak(text) else "danger_in_home"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    if data.kind == "d" and a_handover(text) and mentions_harm(text) is None:
        # "i gave her the box and shut the door", after "she just wants her stuff back"
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "handover_done"), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if data.kind == "d" and data.choked and choke_signs(text):
        # "i didn't pass out i don't think. my throat hurts", after "im at my sister's" (a
        # session-34 chat: the self-harm check): a doctor today, and when it is an emergency
        _reply(turn, frame, data, "choke_signs", Step.ASKED)
        return
    if (tool := safety_tool_asked(text)) is not None:
        # "make a safety plan", typed under "the buttons below have a simple safety plan"
        await _press(turn, frame, _tool_button(data, tool))
        return
    if data.kind == "d" and (asks_if_safety_counts(text) or asks_if_nc_fits(text)):
        # "he used to hit me. is 'no contact' even the right word for this", after "im ok now"
        key = "safety_not_a_slip" if asks_if_safety_counts(text) else "nc_and_abuse"
        _reply(turn, frame, data, key, Step.ASKED)
        return
    if asks_who_sees(text):
        _reply(turn, frame, data, "privacy_in_talk", Step.ASKED)
        return
    blocking = data.kind == "d" and asks_about_blocking(text)
    if blocking or (data.kind == "d" and asks_bot_to_act(text)):
        # "should I block him? I'm scared it makes him angrier", after "im at my sisters, im
        # ok for now": the question answered, not "call now, lock the door" for "scared"
        _reply(turn, frame, data, "danger_block_q" if blocking else "cant_act", Step.ASKED)
        return
    if has_no_plan_yet(text) and mentions_harm(text) is None:
        # "no i dont have a plan", under "a way to calm down and a plan in your own words"
        # (a session-44 play-test: read as taking "I'm safe" back); making one offered
        _reply(turn, frame, data, "no_plan_yet", Step.SAFE)
        return
    if read_safety_answer(_TAKING_BACK.sub("", text.strip())) == "unsafe":
        key = "danger_unsafe" if data.kind == "d" else "taken_back"
        _reply(turn, frame, data, key, Step.UNSAFE)
        return
    if data.kind == "d" and objects_to_police(text):
        # "i dont want to get the cops involved", after "im ok": the hotline is not the police
        _reply(turn, frame, data, "no_police", Step.ASKED)
        return
    if data.kind == "d" and hopes_for_them(text):
        _reply(turn, frame, data, "going_back", Step.ASKED)
        return
    if no_more_numbers(text):
        # "i dont want a hotline. thats so cold", a minute after "im safe": no list now (a
        # helper's chat: the lines, at once)
        data.stopped = True
        _reply(turn, frame, data, "numbers_stopped", Step.LISTEN)
        return
    if asks_for_number(text):
        # "who do i even talk to", a minute after saying they are safe: the lines again
        _reply(turn, frame, data, "give_lines", Step.LISTEN)
        return
    if data.kind == "s" and ongoing_thoughts(text):
        # "im safe, i just think about it" then "like every night": support this week
        _reply(turn, frame, data, "ongoing_thoughts", Step.LISTEN)
        return
    reading = read_text(text, turn.rt.matcher)
    if data.kind == "s" and reading.harm == "strong":
        # "but the rope is still in my car": the means, put away tonight
        _reply(turn, frame, data, "means_after_safe", Step.ASKED)
        return
    if (
        data.kind == "s"
        and read_safety_answer(text) == "safe"
        and not is_plain_ok(text)  # a bare "ok" goes on to what was below
        and reading.harm is None
        and not reading.urge
        and not (reading.match.answered and reading.asks)
    ):
        # "really im ok. just tired", said again: believed, not asked "are you safe?" once
        # more (a helper's terminal chat: asked again, then held in the talk)
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "safe_again"), inline([[_not_safe(turn, data)]]))
        turn.convo.pop(NAME)
        return
    if (
        data.kind == "s"
        and reading.feeling
        and reading.smalltalk is None
        and not reading.urge
        and not (reading.match.answered and reading.asks)
    ):
        # "im tired of everything", a minute after a warning sign: the gentle check again
        _reply(turn, frame, data, "still_here", Step.ASKED)
        return
    turn.convo.pop(NAME)
    await router.route(turn, text)  # to the flow below, if one is waiting, or answered


# "no i mean this bot": the "no" corrects what was meant, it is no answer to "are you safe?"
_MEANT_BOT = re.compile(r"^\W*(?:no+|nah|nope)\b[\s,.!]*(?=i (?:mean|meant)\b)", re.IGNORECASE)

# "wait", "actually", "sorry" before a "no": the answer taken back
_TAKING_BACK = re.compile(
    r"^(?:(?:wait|actually|sorry|hang on|hold on|um+|erm+|no wait|well)[\s,.!]+)+", re.IGNORECASE
)


def _country_names(turn: Turn) -> dict[str, str]:
    """Country names as people type them -> ISO code, from content/helplines.yaml."""
    return _names(turn.rt)


def _names(rt: Runtime) -> dict[str, str]:
    helplines = rt.content.helplines
    if helplines is None:
        return {}
    return {entry.name.casefold(): code for code, entry in helplines.countries.items()}


def _who(name: str) -> dict[str, str]:
    """The one named, said back: "your sister", or a first name ("Sarah")."""
    return {"who": said_as(name)}


# The talk's questions a "yes" to which means not safe ("are you thinking about killing
# yourself?"), unlike "are you safe?"
_YES_IS_UNSAFE = frozenset({"warning_signs", "check_explained"})


def _bare_yes_or_no(text: str) -> bool | None:
    """A yes or a no of a few words that says nothing of safety ("yes", "yeah maybe", "no"):
    the answer to a question about someone to reach."""
    words = normalize(text).split()
    if len(words) > 3 or "safe" in words or says_safe(text):
        return None
    return yes_or_no(text)


# Answers about replying to the ex or a slip: in the talk about the ex at risk, the question is
# how to get them help (never "silence is a complete answer")
_REPLY_ANSWERS = frozenset({("should-reply",), ("they-texted",), ("slip",), ("urge",)})


# "anyway whats the longest anyones gone no contact on here lol" (session 46's play-test: "I
# haven't gone anywhere. This sounds really hard right now")
_NEW_SUBJECT = re.compile(
    r"^(?:(?:ok|okay|so|lol|haha|hmm|um|well|but)\W+)*(?:anyway|anyways|anyhow|on another note"
    r"|random (?:question|q|thought|but)|unrelated|changing the subject|change of subject"
    r"|different question|other question|new question|totally different)\b"
)


def _changes_subject(reading: Reading) -> bool:
    """A clear question the FAQ answers or offers answers to ("should i just block him",
    "what do i do with all his stuff", with or without "?"), a question said to be another
    subject ("anyway whats the longest anyones gone no contact"), or an urge to contact the
    ex: a new subject."""
    if (
        reading.harm is None
        and not reading.feeling
        and _NEW_SUBJECT.match(normalize(reading.text)) is not None
    ):
        return True
    if reading.match.kind == "suggest":  # offered, not answered: only a plain question
        return reading.asks and reading.harm is None and not reading.feeling
    return reading.urge or (reading.match.kind == "answer" and reading.asks)


def _moves_on(reading: Reading) -> bool:
    """After a question asked on words alone: a message of No Contact itself, with no word of
    harm, that the FAQ places or the urge reading hears ("i cant stop looking at her insta")."""
    if reading.harm is not None or reading.declined or reading.off_topic:
        return False
    return reading.urge or reading.told_topic is not None or reading.match.kind != "none"


async def _do_and_stay(turn: Turn, frame: Frame, data: SosData, text: str) -> None:
    """ "stop the daily messages for a week", "message me at 9 instead", "what day am i on":
    done as asked (terminal chat: "call 999 now" three times, nothing done). After "not safe"
    the talk stays open, the number in a line after it; otherwise it was a clear change of
    subject, and the talk ends with 🚨 one tap away."""
    reading = read_text(text, turn.rt.matcher)
    if not data.unsafe:
        _leave(turn, data)
        await turn.flows.free_text(turn, reading)
        return
    await turn.flows.free_text(turn, reading)
    if asks_status(text):
        data.into(frame)  # /status says "still here for the other thing too" itself
        return
    text = _say(turn.rt.content, data, "done_and_stay", _lines(turn, data))
    data.into(frame)
    turn.say(text, inline([[_not_safe(turn, data)]]))


def _answers_below(turn: Turn, frame: Frame, data: SosData, text: str) -> bool:
    """Whether `text` answers the question of the flow under the talk (a city, a date, a
    time) and says nothing of safety, before they said they were not safe."""
    if data.kind != "s" or data.unsafe or data.taken:
        return False
    if read_safety_answer(text) is not None or mentions_harm(text) is not None:
        return False
    if about_the_bot(text):  # "why do you care": to the talk, not set-up's "why I ask"
        return False
    return _answers_the_flow_below(turn, frame, text)


def _leave(turn: Turn, data: SosData) -> None:
    """They changed the subject: a short word that help stays one tap away, then the talk ends
    (the new subject is answered right after)."""
    data.said += 1
    turn.say(_pick(turn.rt.content, data, "left_safely"), inline([[_not_safe(turn, data)]]))
    turn.convo.pop(NAME)


def _something_else(turn: Turn, frame: Frame, text: str) -> str | None:
    """What `text` is when it says nothing of harm, danger, safety or feelings: "answer" to
    the flow under the talk (a date, a place, a time), "other" for a question ("what if its
    important") or small talk; None otherwise. A feeling told ("i feel so alone") is None:
    it is heard."""
    if (
        detect_crisis(text) is not None
        or mentions_harm(text) is not None
        or read_safety_answer(text) is not None
    ):
        return None
    reading = read_text(text, turn.rt.matcher)
    if reading.feeling or reading.low_mood or reading.body or reading.smalltalk == "help_bid":
        return None
    if _answers_the_flow_below(turn, frame, text):
        return "answer"
    return "other" if reading.asks or reading.smalltalk is not None else None


def _answers_the_flow_below(turn: Turn, frame: Frame, text: str) -> bool:
    """`text` is what the flow under the talk parses at its step (a date, a place, a time);
    where any words are an answer (a reason), nothing is taken from the talk."""
    below = turn.convo.below(frame)
    flow = turn.flows.get(below.flow) if below is not None else None
    return (
        below is not None
        and flow is not None
        and flow.reads_at(below.step) is Reads.PARSED
        and flow.accepts(turn, below, text)
    )


def _tap_check_buttons(turn: Turn, data: SosData) -> InlineKeyboardMarkup:
    return inline([
        [(turn.label("sos.buttons.tap_meant"), pack(NAME, STATELESS, "no", data.kind))],
        [(turn.label("sos.buttons.tap_mistake"), pack(NAME, STATELESS, "oops", data.kind))],
    ])


def _not_safe(turn: Turn, data: SosData) -> tuple[str, str]:
    return turn.label("sos.buttons.not_safe"), pack(NAME, STATELESS, "no", data.kind)


# Ways a talk ends with them safe for now: said so, feeling better the next day ("i'm doing a
# bit better today"), or checked at a hospital ("they said im ok"; the ninth probe's S19)
_STEPPED_DOWN = frozenset(
    {
        "safe_now",
        "better_now",
        "checked_ok",
        "not_danger",
        "handover",
        "mistaken_tap",
        "just_testing",
        "prescribed_goodnight",
        "to_bed_net",
    }
)


def _settle(turn: Turn, frame: Frame, data: SosData, key: str) -> None:
    """They are safe for now: the talk ends, its buttons (calming, a plan) keep working, and
    what they were doing before is one tap away. Safe after danger from someone has words of
    its own."""
    said = (
        {"d": "safe_now_danger", "o": "safe_now_other"}.get(data.kind, key)
        if (key == "safe_now")
        else key
    )
    calm = key in _STEPPED_DOWN
    text = _say(turn.rt.content, data, said, _lines(turn, data))
    markup = _buttons(turn.rt.content, data, Step.SAFE if calm else Step.ASKED)
    turn.convo.pop(NAME)
    turn.say(text, markup)
    below = turn.convo.top
    if calm:
        # Kept on top, settled, for the next message only (see _after_settled)
        data.unsafe = False
        settled = turn.convo.push(NAME, Step.SETTLED)
        data.into(settled)
    flow = turn.flows.get(below.flow) if below is not None else None
    if below is not None and flow is not None and flow.resumable:
        resume.add_back_button(turn, below, flow)
        if flow.idle is Idle.SLEEP:
            # Set-up waits for its Back button (or /start): what is typed next, after a
            # talk like that, is not read as the answer to "which time zone are you in?".
            turn.convo.put_to_sleep(below, flow.idle_after)


def _plan_keys(data: SosData) -> tuple[str, tuple[str, ...]]:
    return ("plan_danger", DANGER_PLAN) if data.plan == "danger" else ("plan_self", SELF_PLAN)


def _plan_text(content: Content, group: str, answers: list[str]) -> str:
    """The plan as written, each answer under the question it answers ("What calms me: ...");
    answers kept before headings were (no tab) stand alone."""
    lines = []
    for answer in answers:
        step, tab, said = answer.partition("\t")
        key = f"sos.{group}_headings.{step}"
        if tab and content.has(key):
            lines.append(f"• <b>{content.text(key)}</b>: {tghtml.escape(said)}")
        else:
            lines.append(f"• {tghtml.escape(answer)}")
    return "\n".join(lines)


def _ask_plan(turn: Turn, frame: Frame, data: SosData) -> None:
    group, steps = _plan_keys(data)
    if data.q >= len(steps):
        plan = _plan_text(turn.rt.content, group, data.answers) or "•"
        _reply(turn, frame, data, f"{group}.done", Step.SAFE, plan=Markup(plan))
        data.plan = None
        data.into(frame)
        return
    _reply(turn, frame, data, f"{group}.{steps[data.q]}", Step.PLAN)


def _plan_answer(turn: Turn, frame: Frame, data: SosData, text: str) -> None:
    group, steps = _plan_keys(data)
    typed = _label_typed(turn.rt.content, text)
    if typed == "skip_question":  # "skip this one" typed: as its button, never an answer
        data.q += 1
        _ask_plan(turn, frame, data)
        return
    if typed == "done":  # "i'm okay for now" typed: as its button, never a plan entry
        _settle(turn, frame, data, "okay_for_now")
        return
    if stops_the_plan(text):
        # "cancel", "i dont want to do this now": stopped, and what they wrote is kept
        plan = _plan_text(turn.rt.content, group, data.answers)
        data.plan = None
        if plan:
            _reply(turn, frame, data, "plan_stopped", Step.SAFE, plan=Markup(plan))
        else:
            _reply(turn, frame, data, "plan_stopped_empty", Step.SAFE)
        return
    if is_dont_know(text):
        data.said += 1
        turn.say(_pick(turn.rt.content, data, "plan_dont_know"))
    else:
        answer = " ".join(text.split())[:PLAN_ANSWER_CHARS]
        data.answers = [*data.answers, f"{steps[min(data.q, len(steps) - 1)]}\t{answer}"]
    data.q += 1
    _ask_plan(turn, frame, data)


def _label_typed(content: Content, text: str) -> str | None:
    """Which of the plan's buttons ("Skip this one", "I'm okay for now") was typed as text
    (the fifth probe's "Professionals and lines: i'm okay for now"), if one was."""
    said = normalize(text).strip(" .!")
    for key in ("skip_question", "done"):
        if said == normalize(content.label(f"sos.buttons.{key}")).strip(" .!"):
            return key
    return None


def ask(turn: Turn, frame: Frame) -> None:
    """Ask again, gently, whether they are safe (after a resume)."""
    data = SosData.of(frame)
    if frame.step == Step.PLAN and data.plan is not None:
        _ask_plan(turn, frame, data)
        return
    _reply(turn, frame, data, "welcome_back", Step.ASKED)


async def on_button(update: Update, context: BotContext) -> None:
    """Safe or not, lines, calming, a plan, skip a plan question, or "okay for now"."""
    query = update.callback_query
    button = unpack(query.data if query else None)
    async with open_turn(update, context) as turn:
        if button is None or button.nonce != STATELESS or button.arg not in ("s", "d", "o"):
            turn.toast(turn.t("core.stale_button"))
            return
        frame = turn.convo.find(NAME)
        if frame is None:
            frame = turn.convo.push(NAME, Step.ASKED)
            SosData(kind=button.arg, tapped=button.action == "no").into(frame)
        await _press(turn, frame, button)


async def sos_command(update: Update, context: BotContext) -> None:
    """/sos, /crisis, /panic, /emergency, /helpme: as "🚨 I'm not safe right now"."""
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(NAME)
        if frame is None or frame is not turn.convo.top:
            turn.convo.pop(NAME)
            frame = turn.convo.push(NAME, Step.ASKED)
        await _press(turn, frame, Button(NAME, STATELESS, "no", SosData.of(frame).kind))


def _tool_button(data: SosData, tool: str) -> Button:
    """The button a typed "make a safety plan" stands for: danger from someone has its own."""
    action = "dplan" if tool == "plan" and data.kind == "d" else tool
    return Button(NAME, STATELESS, action, data.kind)


async def start_tool(turn: Turn, tool: str) -> None:
    """ "make a safety plan", "help me calm down" typed with no talk open: as the button
    (kept in a talk of its own, as a tap on a stale safety button would be)."""
    frame = turn.convo.find(NAME)
    if frame is None:
        frame = turn.convo.push(NAME, Step.ASKED)
        SosData(kind="s").into(frame)
    await _press(turn, frame, _tool_button(SosData.of(frame), tool))


async def _press(turn: Turn, frame: Frame, button: Button) -> None:
    data = SosData.of(frame)
    data.kind = button.arg
    content = turn.rt.content
    action = button.action
    if action == "yes" and data.taken:
        _reply(turn, frame, data, "safe_after_taken", Step.UNSAFE)
    elif action == "yes":
        _settle(turn, frame, data, "safe_now")
    elif action == "no":
        key = "danger_unsafe" if data.kind == "d" else "unsafe_now"
        _reply(turn, frame, data, key, Step.UNSAFE)
    elif action == "unsure":
        _reply(turn, frame, data, "unsure", Step.ASKED)
    elif action == "lines":
        block = _lines_block(content, data, _lines(turn, data))
        turn.say(block, _buttons(content, data, Step.UNSAFE))
        data.into(frame)
    elif action == "ground":
        _reply(turn, frame, data, "grounding", Step.SAFE)
    elif action in ("plan", "dplan"):
        data.plan, data.q, data.answers = ("danger" if action == "dplan" else "self"), 0, []
        _ask_plan(turn, frame, data)
    elif action == "skip" and frame.step == Step.PLAN and data.plan is not None:
        data.q += 1
        _ask_plan(turn, frame, data)
    elif action == "done":
        _settle(turn, frame, data, "okay_for_now")
    elif action == "oops" and not data.taken:
        _settle(turn, frame, data, "mistaken_tap")
    else:
        turn.toast(turn.t("core.stale_button"))


async def _send(
    context: BotContext, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    try:
        await with_retries(lambda: context.bot.send_message(chat_id, text, reply_markup=markup))
    except TelegramError as exc:
        logger.error("could not send a safety reply: %s", type(exc).__name__)


async def _no_button(turn: Turn, frame: Frame, button: Button) -> None:
    turn.toast(turn.t("core.stale_button"))


def parting_lines(turn: Turn) -> str | None:
    """For a goodbye (everything erased): the number and a line, if an open talk has them
    not safe; else None."""
    frame = turn.convo.find(NAME)
    if frame is None or FLOW.is_idle(frame, turn.now):
        return None
    data = SosData.of(frame)
    if not data.unsafe:
        return None
    return _say(turn.rt.content, data, "parting_unsafe", _lines(turn, data))


def still_worried(turn: Turn) -> str | None:
    """For a command answered during a talk in which they were not safe (/status): one line
    with the number and a line, under it; else None (the sixth probe's M18)."""
    frame = turn.convo.find(NAME)
    if frame is None or FLOW.is_idle(frame, turn.now):
        return None
    data = SosData.of(frame)
    if not data.unsafe:
        return None
    return _say(turn.rt.content, data, "status_unsafe", _lines(turn, data))


# Coming back within this long after a talk that ended unsafe and went quiet: welcomed back
# with the number, before their message is answered.
WELCOME_BACK_WITHIN = timedelta(hours=12)


async def _on_cancel(turn: Turn, frame: Frame) -> None:
    """/cancel or "stop" in the talk: the questions stop; if they said they were not safe,
    the number and a line go with them. A talk that went quiet while they were not safe
    ends when they come back: they are welcomed back, asked how they are, the number given."""
    data = SosData.of(frame)
    at = frame.at_time()
    if data.unsafe and FLOW.is_idle(frame, turn.now):
        if at is not None and turn.now - at <= WELCOME_BACK_WITHIN:
            text = _say(turn.rt.content, data, "back_after_unsafe", _lines(turn, data))
            turn.say(text, inline([[_not_safe(turn, data)]]))
        return
    if data.unsafe:
        key = "cancelled_unsafe_danger" if data.kind == "d" else "cancelled_unsafe"
        text = _say(turn.rt.content, data, key, _lines(turn, data))
        turn.say(text, inline([[_not_safe(turn, data)]]))


FLOW = Flow(
    name=NAME,
    title_key="sos.title",
    on_cancel=_on_cancel,
    cancel_key="sos.cancelled",
    steps=Step,
    reads=dict.fromkeys(Step, Reads.ANSWER),
    ask=ask,
    on_text=on_text,
    on_button=_no_button,  # its buttons are stateless and answered by on_button above
    data=SosData,
    idle_after=timedelta(minutes=30),
    resumable=False,
    ends_on_detour=True,
    keeps_everything=True,
)
