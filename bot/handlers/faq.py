"""/faq: topics, questions and answers; free-text questions matched to the right answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import NamedTuple

from telegram import InlineKeyboardMarkup, Update

from bot.conversation.codec import STATELESS, pack, unpack
from bot.conversation.context import BotContext
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn
from bot.core.content import Markup
from bot.handlers import slip, urge
from bot.handlers.progress import render_status
from bot.handlers.safety import NOT_SAFE_DATA, YOUNG_WITHIN, ask_if_safe
from bot.services.faq import FaqEntry
from bot.services.language import feeling_told
from bot.services.listening import (
    adult_age_told,
    age_told,
    asks_if_crying_is_normal,
    asks_if_failure,
    asks_streak_reset,
    asks_to_apologise,
    asks_to_open_theirs,
    asks_why_safe,
    at_door_calm,
    baby_lost,
    betrayed_twice,
    block_evaded,
    blocked_by_them,
    comparison,
    dark_words,
    dating_again,
    delete_number,
    door_held,
    door_let_in,
    draft_shown,
    dreams_of_them,
    drunk_driving,
    event_together,
    ex_asks_money,
    ex_in_hospital,
    family_quoted,
    feels_judged,
    feels_numb,
    future_lost,
    grief_guilt,
    grief_topic,
    guess_what,
    handover_hurt,
    harm_free_streak,
    keeps_relapsing,
    kids_ask_why,
    laughing,
    logistics_not_slip,
    means_it,
    meet_up,
    my_fault,
    others_rush,
    practical_draft,
    pregnant,
    pushes_back,
    resisting,
    revenge,
    safeguarding_follow_up,
    saw_them,
    self_blame,
    self_hate,
    setup_questioned,
    step_hurts,
    their_family,
    their_family_ill,
    their_loss,
    told,
    told_answer,
    too_much,
    unfair_nc,
    violent_anger,
    wants_no_menu,
    wants_yes_or_no,
    worse_than_start,
    young_user,
)
from bot.services.passages import best_passage
from bot.services.reading import Reading, asks_what_now, asks_what_to_say
from bot.services.slips import kept_to_logistics, told_a_logistics_reply, told_a_slip
from bot.services.smalltalk import asks_to_erase, rolls_eyes

FLOW = "faq"
ANGER = "anger"  # words of hurting someone were just heard: "not kidding" next is about them
MAX_TEXT = 4096
MENU_DATA = pack(FLOW, STATELESS, "m")
NOT_SAFE = NOT_SAFE_DATA  # the safety talk's "I'm not safe" answer: lines and the number now
# The same answer asked for again this soon is heard, not repeated word for word.
SAME_AGAIN_WITHIN = timedelta(minutes=30)
LONG_WORDS = 30  # a message this long is someone telling their story
TOLD_WORDS = 20  # ... and one this long that matches nothing, a feeling told at length
# the whole answer on what is kept and who can read it, noted so that a second asking soon
# gets the part asked (listen.py)
PRIVACY_ASKED = "privacy-asked"
# good news heard: an excited message right after it is more of it, not a hard moment
GOOD_NEWS = "good-news"
GOOD_NEWS_WITHIN = timedelta(minutes=15)
SHORT_WORDS = 6  # a message this short speaks of one thing
SHOULD_REPLY = "should-reply"  # the answer offered under a message pasted from the ex
NIGHTS = "lonely-night"  # the answer offered beside "i cant sleep", heard
STOP_CHECKING = "stop-checking"  # ... or beside "i cant sleep, i keep checking her insta"
KIDS = "kids"  # under "can i reply about the kids?", answered yes
WORK = "work-together"  # under "do i have to reply to her slack message?", answered yes
WHAT_COUNTS = "what-counts"  # under "can i email about the account?", answered yes
SLIP = "slip"  # the answer given when a slip is told in words the matcher does not place
PREGNANT = "listen:pregnant"  # noted with the last answers: a pregnancy told
SAFEGUARDING = "listen:safeguarding"  # noted: a young person and an adult, or a secret asked
URGE = "urge"  # the answer offered under "should i meet them?"
BEREAVED = "listen:bereaved"  # noted with the last answers: the ex has died, told
GRIEF_WITHIN = timedelta(hours=3)  # what follows that news this soon is read as grief
EX_STOP = "listen:ex_stop"  # they asked for no more contact ("please stop"): respected
EX_MESSAGE = "listen:ex_message"  # noted with the last answers: their words, pasted
# Told that they wrote: "what do i say" next is about that message
_THEY_WROTE = frozenset({"they-texted", "should-reply", EX_MESSAGE})
SLIP_WITHIN = timedelta(minutes=30)  # "what now" this soon after a slip is about the slip


async def show_menu(update: Update, context: BotContext) -> None:
    """Show the topic menu."""
    async with open_turn(update, context) as turn:
        send_menu(turn)


Row = list[tuple[str, str]]


def send_menu(turn: Turn, intro: str | None = None, extra: list[Row] | None = None) -> None:
    faq = turn.rt.content.faq
    assert faq is not None
    turn.say(intro or turn.rt.content.pick(faq.menu_intro), topics_keyboard(turn, extra))


def topics_keyboard(turn: Turn, extra: list[Row] | None = None) -> InlineKeyboardMarkup:
    topics = list(turn.rt.content.faq_topics.values())
    rows = [[(t.title, pack(FLOW, STATELESS, "t", t.id))] for t in topics]
    return inline(rows + (extra or []))


async def on_button(update: Update, context: BotContext) -> None:
    """Navigate the menu in place, or send an answer."""
    query = update.callback_query
    button = unpack(query.data if query else None)
    message_id = query.message.message_id if query and query.message else None
    async with open_turn(update, context) as turn:
        content = turn.rt.content
        if button is None or message_id is None or button.nonce != STATELESS:
            turn.toast(turn.t("core.stale_button"))
            return
        kind, arg = button.action, button.arg
        if kind == "m":
            assert content.faq is not None
            turn.edit(message_id, content.pick(content.faq.menu_intro), topics_keyboard(turn))
        elif kind == "t" and arg in content.faq_topics:
            topic = content.faq_topics[arg]
            rows = [
                [(content.faq_entries[q].title, pack(FLOW, STATELESS, "q", q))]
                for q in topic.question_ids
            ]
            rows.append([(turn.label("faq.btn_back"), MENU_DATA)])
            turn.edit(message_id, turn.t("faq.topic_header", topic=topic.title), inline(rows))
        elif kind == "q" and arg in content.faq_entries:
            send_answer(turn, content.faq_entries[arg])
        elif kind == "go" and arg == "status" and turn.user.onboarded:
            await render_status(turn)
        elif kind == "go" and arg == "urge" and turn.user.onboarded:
            await urge.start_urge(turn, "text")  # "🆘 I want to text them": the flow itself
        elif kind == "go" and arg == "slip" and turn.user.onboarded:
            slip.begin(turn)  # "I broke No Contact", told: restart the count, or keep it
        elif kind == "go" and arg in ("urge", "reasons", "status", "slip"):
            turn.say(turn.t(f"faq.go_{arg}"))
        else:
            turn.toast(turn.t("core.stale_button"))


_SHARED_LIFE = frozenset({KIDS, "shared-home", "pets", "work-together", "getting_things_back"})


def _shared_life_asked(turn: Turn) -> bool:
    """An answer about what they still share (the kids, a lease, a pet, work) was given or
    offered in the last half hour."""
    offered = turn.rt.offered.last(turn.user.id, turn.now, SLIP_WITHIN) or ""
    answered = turn.rt.last_answers.last(turn.user.id, turn.now, SLIP_WITHIN)
    return answered in _SHARED_LIFE or not _SHARED_LIFE.isdisjoint(offered.split(","))


def _next_step_row(turn: Turn, step: str) -> Row:
    """The button that starts an answer's next step ("urge", "reasons", "status", "slip")."""
    return [(turn.label(f"faq.btn_next_{step}"), pack(FLOW, STATELESS, "go", step))]


def send_answer(
    turn: Turn, entry: FaqEntry, extra: list[Row] | None = None, offer: list[Row] | None = None
) -> None:
    """The answer's parts, the last with its next step, `offer` (another answer that came
    close), a way back to the menu and `extra` (the way to help)."""
    rows: list[Row] = []
    if entry.next and entry.next.startswith("faq:"):
        target = turn.rt.content.faq_entries.get(entry.next[4:])
        if target is not None:
            label = turn.t("faq.btn_next_question", title=target.title)
            rows.append([(label, pack(FLOW, STATELESS, "q", target.id))])
    elif entry.next in ("urge", "reasons", "status", "slip"):
        rows.append(_next_step_row(turn, entry.next))
    rows += offer or []
    rows.append([(turn.label("faq.btn_menu"), MENU_DATA)])
    rows += extra or []
    for i, part in enumerate(entry.answer):
        last = i == len(entry.answer) - 1
        turn.say(part, inline(rows) if last else None)


class _Heard(NamedTuple):
    """A message answered in words of its own, help one tap away (never words of strong harm,
    which the safety check answers)."""

    says: Callable[[Reading], bool]
    key: str  # the text, a content key
    topics: bool = False  # the topic menu beside the not-safe button
    note: str | None = None  # remembered as the last answer, for what follows it


def _slip_told(reading: Reading) -> bool:
    """The message is answered with the answer on a slip (contact made, already)."""
    m = reading.match
    return m.answered and m.ids[0] in ("slip", "drunk_text_sent")


# Feelings about themselves, before what the message tells
_FEELINGS_HEARD = (
    # "ok im drunk and im getting in my car to go to her place": the car before anything
    _Heard(lambda r: drunk_driving(r.text), "listen.drunk_drive"),
    # "are you judging me": no, plainly
    _Heard(lambda r: feels_judged(r.text), "listen.judged"),
    # "random but i havent cut in 200 days today 🥹": celebrated, help one tap away
    _Heard(lambda r: harm_free_streak(r.text), "listen.sh_streak"),
    # "no i dont want a menu i want you to say something": words, and no topic buttons
    _Heard(lambda r: wants_no_menu(r.text), "listen.no_menu"),
    # "i feel kinda... nothing? is that normal": yes, and why; no topic menu
    _Heard(lambda r: feels_numb(r.text), "listen.numb"),
    # "i think im the toxic one", "was it my fault", "i hate myself for this": never agreed
    # with, never a topic menu; fairness to themselves, and what happened
    # ...not when a slip is told with it ("i already texted her last night. i ruined it didnt
    # i": a session-37 chat got the words on blame; the answer on a slip comes first)
    _Heard(lambda r: my_fault(r.text) and not _slip_told(r), "listen.my_fault", topics=True),
    _Heard(lambda r: self_hate(r.text), "listen.self_hate", topics=True),
    # "i blocked her. feel sick", "ok so i unfollowed him. now what": the step honoured, how it
    # feels heard; not its how-to again (a helper's chat, session 37)
    _Heard(lambda r: step_hurts(r.text), "listen.step_hurts", topics=True),
    # "does my streak reset" (a helper's chat, session 40: "you're not starting from zero"):
    # only if they log it, and what stays
    _Heard(lambda r: asks_streak_reset(r.text), "slip.streak_reset"),
    # "everyone says just get over it" (a helper's chat, session 39: "Yes, it can", the answer
    # on moving on): no deadline on it, said plainly
    _Heard(lambda r: others_rush(r.text), "listen.others_rush", topics=True),
    # "guess what" (a helper's chat, session 41: "That's a lot to carry"): tell me!
    _Heard(lambda r: guess_what(r.text), "listen.guess_what"),
    # "i feel so stupid": not a topic menu; kindness first, and what happened?
    _Heard(
        lambda r: self_blame(r.text) and r.match.kind != "answer", "listen.self_blame",
        topics=True,
    ),
)
# What happened, after the things told that small talk and listening answer first
_EVENTS_HEARD = (
    # "he's at my door with flowers asking to talk": the door stays shut, one line through
    # it, and help one tap away if that changes (ninth probe S16)
    _Heard(lambda r: at_door_calm(r.text), "listen.at_door_calm"),
    # "she's pregnant with his baby. we lost ours in march": grief first (eighth probe)
    _Heard(lambda r: baby_lost(r.text), "listen.baby_lost"),
    # "i just found out im pregnant and its his": nothing to decide tonight; telling them is
    # a real decision, not a slip (seventh probe)
    _Heard(lambda r: pregnant(r.text), "listen.pregnant", note=PREGNANT),
)


def _say_heard(turn: Turn, reading: Reading, rows: tuple[_Heard, ...]) -> bool:
    """The first row that fits answers; False when none does (or the harm is strong)."""
    if reading.harm == "strong":
        return False
    heard = next((row for row in rows if row.says(reading)), None)
    if heard is None:
        return False
    buttons: list[Row] = [_not_safe_row(turn)]
    if heard.topics:
        buttons.append(_topics_row(turn))
    turn.say(turn.fresh(heard.key), inline(buttons))
    if heard.note is not None:
        turn.rt.last_answers.note(turn.user.id, heard.note, turn.now)
    return True


def answer_free_text(turn: Turn, reading: Reading) -> None:
    """Small talk, a confident answer, "did you mean", a feeling heard, or an honest "I don't
    know that one"; words of harm add the way to help (strong ones: ask if they are safe first)."""
    content = turn.rt.content
    faq = content.faq
    assert faq is not None
    if reading.smalltalk == "greeting" and not turn.user.onboarded and turn.convo.top is None:
        turn.say(turn.t("core.not_started_greeting"))  # a newcomer's "hi": who we are, /start
        return
    not_safe_button = [_not_safe_row(turn)]
    if not turn.user.onboarded and reading.harm is None and setup_questioned(reading.text):
        # "do i have to do the setup thing? i just want to talk rn": no, talk now
        turn.say(turn.fresh("core.setup_optional"), inline(not_safe_button))
        return
    if reading.bereaved:
        # The ex has died: grief, not No Contact; someone to be with, help one tap away.
        turn.say(turn.t("listen.bereaved"), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, BEREAVED, turn.now)
        return
    # Before the listening replies below: a minor with an adult, or a secret asked, comes
    # first ("im 14 and he's 24, he wants to meet for coffee")
    young = turn.rt.last_answers.told_young(turn.user.id, turn.now, YOUNG_WITHIN)
    minor = reading.safeguarding == "minor" or (young and adult_age_told(reading.text))
    if (minor or reading.safeguarding is not None) and reading.harm != "strong":
        # "im 14 and he's 24", "he said not to tell anyone about us": not okay, not their
        # fault; someone to tell, and the numbers in reach (the sixth probe); "im 14" told a
        # message earlier counts (a session-29 chat: "hes 22" got the answer for adults)
        key = "listen.safeguarding" if minor else "listen.secret_asked"
        turn.say(turn.t(key), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, SAFEGUARDING, turn.now)
        return
    if (
        reading.harm != "strong"
        and turn.rt.last_answers.last(turn.user.id, turn.now, GRIEF_WITHIN) == SAFEGUARDING
        and safeguarding_follow_up(reading.text)
    ):
        # "is it bad if i go? its just talking", "i dont want to get him in trouble" (a
        # session-29 chat: the answer about replying to texts, then "Feelings come in waves")
        key = "listen.safeguarding_more" if young else "listen.secret_more"
        turn.say(turn.fresh(key), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, SAFEGUARDING, turn.now)
        return
    if reading.dose_asked and reading.harm != "strong":
        # "how much ibuprofen can i take in a day": not an answer about No Contact, nor a
        # dose from a bot; the leaflet or a pharmacist, and the way to help one tap away
        turn.say(turn.fresh("listen.dose_asked"), inline(not_safe_button))
        return
    if reading.scared_help:
        # "please help im scared": are they safe, with the numbers in the text, not the
        # answer about being afraid of an ex and "write I'm not safe"
        ask_if_safe(turn, reading.text)
        return
    if (
        reading.harm != "strong"
        and reading.smalltalk is None
        and turn.rt.last_answers.last(turn.user.id, turn.now, GRIEF_WITHIN) == BEREAVED
    ):
        # What follows the news of a death ("we were no contact when it happened", "is it my
        # fault"): grief, not the answer about day 30 or apologising (the sixth probe's S18)
        key = "listen.bereaved_guilt" if grief_guilt(reading.text) else "listen.bereaved_more"
        if (grief := grief_topic(reading.text)) is not None:
            key = f"listen.bereaved_{grief}"  # the funeral, or what this bot is for now
        turn.say(turn.fresh(key), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, BEREAVED, turn.now)
        return
    if (violent := violent_anger(reading.text)) or revenge(reading.text):
        # "i want to kill him honestly", "i want to slash his tires": the anger heard, acting
        # on it steered away from, help one tap away (the sixth probe's M4)
        key = "listen.anger_violent" if violent else "listen.revenge"
        turn.say(turn.fresh(key), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, ANGER, turn.now)
        return
    if (
        turn.rt.last_answers.last(turn.user.id, turn.now, GRIEF_WITHIN) == ANGER
        and means_it(reading.text)
    ):
        # "honestly i know where she lives", "not kidding", after words of hurting someone (a
        # session-28 chat: a topic menu, then the answer about children for "kidding"): taken
        # seriously, steered away from acting, someone to be with
        turn.say(turn.fresh("listen.anger_serious"), inline(not_safe_button))
        turn.rt.last_answers.note(turn.user.id, ANGER, turn.now)
        return
    if _say_heard(turn, reading, _FEELINGS_HEARD):
        return
    said = told(reading.text) if reading.harm != "strong" else None
    if said == "bright" and rolls_eyes(reading.text):
        said = None  # "wow. day 0. amazing. so proud of me 🙄" (session 41): not a good day
    answer = told_answer(said) if said is not None else None
    if answer is not None and (
        answer.always or (not reading.asks and reading.smalltalk is None)
    ):
        # control described, missing someone cruel, "you're the only one who listens", a
        # hello said back, a good day, "i'm fine": each heard as what it is (ninth probe);
        # how each is answered is data (listening.yaml, told_answers)
        buttons = _offer_rows(turn, answer.offer) if answer.offer else (
            not_safe_button if answer.help else []
        )
        turn.say(turn.fresh(f"listen.{said}"), inline(buttons))
        return
    if _say_heard(turn, reading, _EVENTS_HEARD):
        return
    for tells, key in (
        (block_evaded, "listen.block_evaded"),
        (their_family, "listen.their_family"),
        (blocked_by_them, "listen.blocked_by_them"),
        (comparison, "listen.comparison"),
        (worse_than_start, "listen.worse_than_start"),
        (event_together, "listen.event_together"),
        (delete_number, "listen.delete_number"),
        # a helper's chat: these got "They're with someone new", "Telling friends and family",
        # the co-parenting answer and a restart offered
        (dating_again, "listen.dating_again"),
        (dreams_of_them, "listen.dreams"),
        (door_let_in, "listen.door_let_in"),
        (door_held, "listen.door_held"),
        (betrayed_twice, "listen.betrayed_twice"),
        (unfair_nc, "listen.unfair_nc"),
        (their_loss, "listen.their_loss"),
        # a session-31 chat: "his mom is in the hospital" got "Telling friends and family"
        (their_family_ill, "listen.their_family_ill"),
        # a session-31 chat: "am i too much?" was offered "Was I not enough?"
        (too_much, "listen.too_much"),
        # session-32 chats: "is it normal to still cry on day 20" got a topic menu
        (asks_if_crying_is_normal, "listen.normal_to_cry"),
        (young_user, "listen.young_user"),
        (age_told, "listen.age_told"),
        (asks_if_failure, "listen.asks_if_failure"),
        (asks_why_safe, "listen.asks_why_safe"),
        (kids_ask_why, "listen.kids_ask_why"),
        (ex_asks_money, "listen.ex_asks_money"),
        # a helper's chat: a draft shown got a pet's answer; "just tell me yes or no" "I can't
        # answer that one for you"
        (practical_draft, "listen.draft_practical"),
        (draft_shown, "listen.draft_shown"),
        (wants_yes_or_no, "listen.yes_or_no"),
        # a helper's chat: a mum's text quoted and a handover that hurt were each offered
        # "Count it as a slip"
        (family_quoted, "listen.family_quoted"),
        (handover_hurt, "listen.handover_hurt"),
        (ex_in_hospital, "listen.ex_in_hospital"),
        (logistics_not_slip, "listen.logistics_not_slip"),
    ):
        if tells is logistics_not_slip and reading.logistics is not None:
            continue  # "about the rent money": the reply that names the subject, below
        if reading.harm != "strong" and tells(reading.text):
            # a block got round, the ex's mother writing, blocked by them (seventh probe)
            turn.say(turn.fresh(key), inline([_topics_row(turn)]))
            return
    if reading.harm is None and not reading.asks and resisting(reading.text):
        # "honestly still kinda strong but i wont do it" (terminal chat: "that landed hard")
        turn.say(turn.fresh("listen.resisting"), inline(_offer_rows(turn, [URGE])))
        return
    if reading.harm is None and not reading.asks and not reading.urge and saw_them(reading.text):
        # "i saw his car outside the gym": seen in person, told (terminal chat: offered
        # "Lease, bills, living together" and "I broke No Contact")
        turn.say(turn.fresh("listen.saw_them"), inline(_offer_rows(turn, [URGE])))
        return
    if reading.harm != "strong" and meet_up(reading.text):
        # "he wants to meet for coffee, should i go?": meeting is contact (seventh probe)
        turn.say(turn.fresh("listen.meet_up"), inline(_offer_rows(turn, [URGE])))
        return
    if reading.harm != "strong" and future_lost(reading.text):
        # "i wanted kids with her": the future pictured, lost; not co-parenting (S13)
        turn.say(turn.fresh("listen.future_lost"), inline(not_safe_button))
        return
    if reading.shares_images and reading.harm != "strong":
        # "i want to post his nudes online": the anger heard; the plan named, and what instead
        turn.say(turn.t("listen.shares_images"), inline([_topics_row(turn)]))
        return
    if (
        reading.no_reply
        and reading.harm != "strong"
        and not (turn.user.onboarded and told_a_slip(reading.text))
    ):
        # Their silence after one's own message: the sting heard, no chasing it; never the
        # answer about whether to reply to them.
        turn.say(turn.t("listen.no_reply"), inline([_not_safe_row(turn)]))
        return
    if (
        reading.harm != "strong"
        and asks_to_apologise(reading.text)
        and turn.rt.last_answers.last(turn.user.id, turn.now, SLIP_WITHIN) == EX_STOP
    ):
        # "shud i say sorry for texting", just after they asked for no more contact: no
        turn.say(turn.fresh("listen.ex_stop_sorry"))
        return
    if reading.harm != "strong" and reading.ex_message is not None:
        # "he said: hey. i miss you... can we talk? please": their words, pasted; not the
        # person's own urge or question. Heard, no answer owed; whether to reply one tap away.
        key = "listen.ex_message_miss" if reading.ex_message.misses else "listen.ex_message"
        if reading.ex_message.practical and not reading.ex_message.misses:
            key = "listen.ex_message_practical"  # "can you pick up luna saturday?": answer it
        if reading.ex_message.kids:
            key = "listen.ex_message_kids"  # "a pic of the kids saying they miss you"
        if reading.ex_message.stop:
            # "she said 'please stop'": respected; nothing back, not even sorry
            turn.say(turn.fresh("listen.ex_message_stop", them=reading.ex_message.them))
            turn.rt.last_answers.note(turn.user.id, EX_STOP, turn.now)
            return
        extra = [_not_safe_row(turn)] if reading.help_in_reach else []
        text = turn.fresh(key, them=reading.ex_message.them)
        turn.say(text, inline(_offer_rows(turn, [SHOULD_REPLY]) + extra))
        turn.rt.last_answers.note(turn.user.id, EX_MESSAGE, turn.now)
        return
    if (
        asks_what_to_say(reading.text)
        and turn.rt.last_answers.last(turn.user.id, turn.now, SLIP_WITHIN) in _THEY_WROTE
    ):
        # "omg what do i say", just after telling that they texted (a helper's chat: "Questions
        # like that can go round and round"): nothing has to be said; if ever, one line
        turn.say(turn.fresh("listen.what_to_say"), inline(_offer_rows(turn, [SHOULD_REPLY])))
        return
    if reading.harm != "strong" and asks_to_open_theirs(reading.text):
        # "should i listen to it" after a voicemail (a session-31 chat: "Questions like that
        # can go round and round"): not tonight, not alone; opening it is not contact
        turn.say(turn.fresh("listen.open_theirs"), inline(_offer_rows(turn, [SHOULD_REPLY])))
        return
    if reading.harm != "strong" and reading.not_replying:
        # "ok i wont reply", "not gonna answer him": a strong choice, met as one
        turn.say(turn.fresh("listen.not_replying"))
        return
    if (
        reading.harm is None
        and turn.user.onboarded
        and not reading.asks
        and told_a_logistics_reply(reading.text)
    ):
        # "i replied ok about the keys" (a helper's chat, session 38: "Nothing needs fixing
        # right now" and the urge): done right, and no slip
        turn.say(turn.fresh("listen.logistics_reply_ok"))
        return
    if reading.harm != "strong" and turn.user.onboarded and keeps_relapsing(reading.text):
        # "why do i keep doing this", "like the 5th time this month" (a helper's chat: the
        # answer about grief, and the count offered to restart): the pattern, and one change
        turn.say(turn.fresh("listen.keeps_relapsing"), inline(_offer_rows(turn, [URGE])))
        return
    if (
        reading.harm != "strong"
        and (reading.match.kind != "answer" or reading.match.ids[:1] == (SLIP,))
        and turn.user.onboarded
        and told_a_slip(reading.text)
    ):
        if kept_to_logistics(reading.text) and _shared_life_asked(turn):
            # "ok i replied yes saturday works. and nothing else" after "can i reply about the
            # kids?" (a session-32 chat: the slip answer): done right, and no slip
            turn.say(turn.fresh("listen.logistics_reply_ok"))
            return
        # "too late i sent it", "ok i sent it": a slip just told, met by the answer about
        # slips and its way to restart the count (seventh probe), not "what's heaviest?";
        # also when they were left on read after it ("i texted him at 3am. he left me on
        # read. 18 days down the drain": a helper's chat got "if you reached out...")
        if turn.rt.last_answers.repeats(turn.user.id, SLIP, turn.now, SAME_AGAIN_WITHIN):
            # "i messed up", then "i called him. twice. he didnt pick up" (a session-31 chat:
            # the same long answer twice running): the rest of it heard, the count one tap away
            turn.say(turn.fresh("listen.slip_told_again"), inline([_next_step_row(turn, "slip")]))
            return
        send_answer(turn, content.faq_entries[SLIP])
        turn.rt.last_answers.note(turn.user.id, SLIP, turn.now, faq=True)
        return
    if reading.harm != "strong" and (asked := reading.logistics) is not None:
        # "is it still no contact if i reply about the kids?": yes or no, said first, with the
        # whole answer one tap away (not "close to what I said just now" after kids talk)
        if asked.kind == "kids":
            text, more = turn.fresh("listen.logistics_kids"), KIDS
        elif asked.kind == "work":
            text, more = turn.fresh("listen.logistics_work"), WORK
        else:
            channels = content.mapping("listen.logistics_channel")
            how = channels.get(asked.channel or "", channels["message"])
            text = turn.fresh("listen.logistics_admin", channel=how, subject=asked.subject)
            more = WHAT_COUNTS
        turn.say(text, inline(_offer_rows(turn, [more])))
        return
    if reading.harm != "strong" and reading.ex_changed:
        # "but what if he changed": honest, no promise either way
        turn.say(turn.fresh("listen.ex_changed"))
        return
    if (
        turn.user.onboarded
        and asks_what_now(reading.text)
        and turn.rt.last_answers.last(turn.user.id, turn.now, SLIP_WITHIN) == SLIP
    ):
        # "i texted him", the slip answer, then "what now" (terminal chat: it got "I'm a bot
        # that keeps you company..."): the next step, the count, offered
        turn.say(turn.fresh("listen.what_now_slip"))
        slip.begin(turn)
        return
    if asks_what_now(reading.text) and (
        last := turn.rt.last_answers.last(turn.user.id, turn.now, SLIP_WITHIN)
    ) in content.faq_entries:
        # "what do i do now" just after an answer (a session-30 chat, after the drunk text
        # already sent: "questions like that can go round and round"): that answer's steps,
        # one at a time, one tap away
        turn.say(turn.fresh("listen.what_now_after"), inline(_offer_rows(turn, [last])))
        return
    if (
        asks_what_now(reading.text)
        and reading.harm is None
        and not reading.urge
        and not (reading.match.answered and reading.match.ids[0] == URGE)
    ):
        # "then what should i do" with nothing said before it (a session-36 chat: the answer
        # on what comes after day 30, given with confidence): what it is about, asked; not
        # "what should i do instead of texting him", the urge's own answer (session 37)
        help_row = [_not_safe_row(turn)] if reading.help_in_reach else []
        turn.say(
            turn.fresh("listen.what_now_open"),
            inline([*_offer_rows(turn, [URGE]), *help_row, _topics_row(turn)]),
        )
        return
    if reading.smalltalk in ("help_bid", "bot_care", "not_understood", "confused", "lift"):
        # A call for help, "do you care", "that didn't help", "tell me something nice": heard,
        # with a way to people who can help and to the topics.
        turn.say(
            content.pick(faq.smalltalk[reading.smalltalk]),
            inline([_not_safe_row(turn), _topics_row(turn)]),
        )
        return
    if reading.smalltalk == "privacy":  # honest about who can read this chat, or how to erase
        key = "privacy.erase_asked" if asks_to_erase(reading.text) else "privacy.asked"
        turn.say(turn.t(key))
        if key == "privacy.asked":  # asked again soon, the part asked (listen.py)
            turn.rt.last_answers.note(turn.user.id, PRIVACY_ASKED, turn.now)
        return
    if reading.smalltalk is not None:
        turn.say(content.pick(faq.smalltalk[reading.smalltalk]))
        if reading.smalltalk == "good_news":  # what follows it may be more of the same
            turn.rt.last_answers.note(turn.user.id, GOOD_NEWS, turn.now)
        return
    not_safe_row: list[Row] = [_not_safe_row(turn)]
    if reading.harm != "strong" and (reading.body or reading.low_mood):
        # "i dont even eat properly": a caring, concrete line; "so tired of everything": one
        # gentle question back. Neither gets a topic menu or an answer's button; the way to
        # help stays one tap away.
        key = f"listen.body_{reading.body}" if reading.body else "listen.low_mood"
        beside = [NIGHTS] if reading.body == "sleep" else []
        if reading.body == "sleep" and reading.checking:
            # "its 2am and i cant sleep. i keep opening his instagram": the checking heard
            # too, its answer offered (a helper's chat: "What's keeping you awake?")
            key, beside = "listen.sleep_checking", [STOP_CHECKING]
        turn.say(turn.fresh(key), inline([*_offer_rows(turn, beside), *not_safe_row]))
        return
    match = reading.match
    # Whatever the answer, a message that speaks of injury, means or danger, or one the bot
    # cannot place with confidence, has the way to help one tap away. An answer to a message
    # that asks nothing ("that's when. i've worked it all out" matching a question's words)
    # is not a placing: the way to help stays beside it.
    harm = reading.harm
    not_safe: list[Row] = [_not_safe_row(turn)]
    extra = not_safe if reading.help_in_reach else []
    if harm == "strong":
        # It speaks of harm: ask first, with a way to help in the text, whatever else it
        # matched (about one crisis message in ten that reaches here also matches a question;
        # that answer stays one tap away).
        # A short message has no room for a second subject ("i want to cut so bad" is not about
        # cutting contact): nothing offered beside the question then.
        # Nor beside a message with no question mark ("i dont know if ill still be here in 30
        # days"): "How long should it last?" under "are you safe?" reads as if about their life.
        short = len(reading.text.split()) <= SHORT_WORDS
        offer = [] if short or "?" not in reading.text else _offer_rows(turn, match.ids[:1])
        ask_if_safe(turn, reading.text, offer)
    elif reading.declined and reading.feeling and not reading.urge:
        # "can you recommend a movie, i cant stop crying": declined kindly, the feeling heard
        # first (a session-34 chat: a request with sadness in it got the bare refusal)
        turn.say(turn.fresh("faq.declined_heard"), inline([*extra, _topics_row(turn)]))
    elif reading.declined and reading.professional:
        # "what form do i need for my divorce papers": where such help is found, then the
        # topics (a session-45 play-test: the bare refusal)
        send_menu(turn, turn.fresh("faq.declined_professional"), extra)
    elif reading.declined:
        send_menu(turn, Markup(content.pick(faq.out_of_scope)), extra)
    elif reading.heard_first:
        # Told, not asked ("i miss him so much"): heard first, the answer(s) one tap away.
        ids = match.ids[:1] if match.kind == "answer" else match.ids
        offer = _offer_rows(turn, ids, menu=True)
        turn.say(turn.fresh("faq.feeling_heard"), inline(offer + extra))
    elif match.kind == "answer" and turn.rt.last_answers.repeats(
        turn.user.id, match.ids[0], turn.now, SAME_AGAIN_WITHIN
    ):
        # The answer they were just given: not sent again word for word. A new question on
        # its ground ("how do i handle pickups" after the answer about children) gets the
        # part of it that speaks to that (the sixth probe's M6); else heard, the whole answer
        # one tap away.
        _say_again(turn, match.ids[0], reading.text, extra)
    elif match.kind == "answer":
        also = content.faq_entries.get(match.also) if match.also else None
        given = content.faq_entries[match.ids[0]]
        see_also: list[Row] = (
            []
            # the answer's own next question is offered already ("➡️ When will it stop
            # hurting?" twice, a session-42 play-test)
            if also is None or given.next == f"faq:{also.id}"
            else [
                [
                    (
                        turn.t("faq.btn_see_also", title=also.title),
                        pack(FLOW, STATELESS, "q", also.id),
                    )
                ]
            ]
        )
        send_answer(turn, content.faq_entries[match.ids[0]], extra, offer=see_also)
        turn.rt.last_answers.note(turn.user.id, match.ids[0], turn.now, faq=True)
        turn.rt.offered.note(turn.user.id, match.ids[0], turn.now)
    elif (
        match.kind == "suggest"
        and len(reading.text.split()) >= LONG_WORDS
        and "?" not in reading.text
        and reading.feeling
        and not reading.urge
    ):
        # A whole day told, with no question in it (terminal chat: answered with "We work or
        # study together" and "I broke No Contact" from someone who had not): heard, one open
        # question, /urge and the topics one tap away, no guesses
        turn.say(turn.fresh("faq.long_told"), inline([*extra, _topics_row(turn)]))
    elif match.kind == "suggest":
        rows = _offer_rows(turn, match.ids, menu=True)
        # A long message (a whole story, then a question): heard before any "did you mean"
        long = len(reading.text.split()) >= LONG_WORDS
        lead = turn.t("faq.long_heard") if long else _did_you_mean(turn, len(match.ids))
        turn.say(lead, inline(rows + extra))
    elif reading.bare_question:
        turn.say(turn.t("listen.what_i_do"))
    elif reading.dots:  # ".", "...": no words yet; here, no hurry, help and topics in reach
        turn.say(turn.fresh("listen.dots"), inline([*extra, _topics_row(turn)]))
    elif reading.off_topic:  # off topic and speaking of harm or an urge: the menu, help in reach
        send_menu(turn, Markup(content.pick(faq.out_of_scope)), extra)
    elif reading.emoji_only:
        key = "listen.emoji_bright" if reading.emoji_bright else "listen.emoji"
        if reading.emoji_unclear:
            key = "listen.emoji_unclear"
        turn.say(turn.t(key), inline([*extra, _topics_row(turn)]))
    elif (
        not turn.user.onboarded
        and turn.convo.top is None
        and not reading.feeling
        and reading.told_topic is None
    ):
        # Nothing to answer yet: set-up offered, and talking now (a feeling, or something told,
        # is heard below as it would be after set-up; a session-29 chat: "tap /start" to "i
        # miss her so much")
        turn.say(turn.t("core.not_started_free_text"), inline(extra))
    elif (topic := reading.told_topic) is not None:
        # Told, not asked, and clearly about one of ours ("i have nobody to talk to"): heard,
        # that answer one tap away.
        key = "faq.feeling_heard" if reading.feeling else "listen.heard"
        turn.say(turn.fresh(key), inline(_offer_rows(turn, [topic], menu=True) + extra))
    elif (
        (reading.feeling or len(reading.text.split()) >= LONG_WORDS)
        and len(reading.text.split()) >= TOLD_WORDS
        and "?" not in reading.text
        and match.kind == "none"
        and turn.user.onboarded
    ):
        # A day told at length that matched nothing ("i miss him so much, every song reminds
        # me of him and i cant stop crying at work..."): heard, one open question, as a long
        # message near a question is (a helper's terminal chat: the short stock line and the
        # whole topic menu); a story of 30 words or more with no feeling word in it too (a
        # helper's chat: 26 years married, "I still set two cups out", got "I may not follow
        # every part")
        turn.say(turn.fresh("faq.long_told"), inline([*extra, _topics_row(turn)]))
    elif (
        laughing(reading.text)
        and reading.harm != "strong"
        and not reading.asks
        and not reading.urge
        and (reading.harm == "weak" or (match.kind == "none" and dark_words(reading.text)))
    ):
        # "this song is killing me lol", "i'm dead 😂", "my boss will murder me lol" (a
        # session-43 play-test: "That sounds really hard" and the topic menu, "It sounds like
        # that landed hard"): met lightly, the 🚨 button still beside it
        turn.say(turn.fresh("listen.laughing"), inline(extra))
    elif reading.feeling:
        # A feeling, not a question: heard, never "I can't help with that".
        send_menu(turn, turn.fresh("faq.feeling_heard"), extra)
    elif reading.asks and (follow := _follow_up(turn, reading.text)) is not None:
        # "how do i stop checking" under the button "How do I stop checking their profile?",
        # "can i ask to visit the cat" after the answer about pets: the question in the light
        # of what was just offered or answered (the ninth probe's S6). One that leans towards
        # something else ("what should i cook for dinner tonight" after "Nights are the
        # worst" was offered) is asked back, never answered.
        if match.leans_elsewhere:
            rows = _offer_rows(turn, [follow], menu=True)
            turn.say(_did_you_mean(turn, 1), inline(rows + extra))
        elif turn.rt.last_answers.repeats(turn.user.id, follow, turn.now, SAME_AGAIN_WITHIN):
            # "how do i stop" right after the answer on checking their profile: the part of it
            # that speaks to that, not the whole answer again (terminal chat)
            _say_again(turn, follow, reading.text, extra)
        else:
            send_answer(turn, content.faq_entries[follow], extra)
            turn.rt.last_answers.note(turn.user.id, follow, turn.now, faq=True)
    elif (guess := reading.guess) is not None:
        # A question the matcher could not place that the word model reads clearly as one of
        # ours ("days are fine but at night i fall apart, how do i get thru the nights"):
        # "is this it?", the answer one tap away, never given outright.
        rows = _offer_rows(turn, [guess], menu=True)
        turn.say(_did_you_mean(turn, 1), inline(rows + extra))
    elif _more_good_news(turn, reading):
        # "the one i interviewed for 3 weeks ago!!!" right after "I GOT THE JOB" (session 46's
        # play-test: "That's a lot to carry")
        turn.say(turn.fresh("listen.glad_more"))
        turn.rt.last_answers.note(turn.user.id, GOOD_NEWS, turn.now)
    else:
        key = "listen.asked" if reading.asks else "listen.heard"
        turn.say(turn.fresh(key), inline([*extra, _topics_row(turn)]))


def _more_good_news(turn: Turn, reading: Reading) -> bool:
    """Said with "!" or glad emoji, nothing sad, harmful or asked in it, soon after good news
    was heard: more of the same."""
    glad = "!" in reading.text or reading.emoji_bright
    return (
        glad
        and reading.harm is None
        and not reading.feeling
        and not reading.urge
        and not reading.asks
        and turn.rt.last_answers.last(turn.user.id, turn.now, GOOD_NEWS_WITHIN) == GOOD_NEWS
    )


def _say_again(turn: Turn, entry_id: str, text: str, extra: list[Row]) -> None:
    """The answer just given, asked about again: the passage of it that fits the new words
    best (never the same passage twice running), or a word that it was just said; the whole
    answer one tap away."""
    offer = _offer_rows(turn, [entry_id], menu=True)
    entry = turn.rt.content.faq_entries[entry_id]
    part = best_passage(entry, text, turn.rt.recent_texts.recent(turn.user.id))
    if pushes_back(text):
        # "can i at least send happy birthday, just that" (a helper's chat, session 38: the
        # same paragraph again): the answer stands, said kindly, and somewhere to put it
        said = turn.fresh("faq.same_again_pushback")
    elif part:
        turn.rt.recent_texts.note(turn.user.id, part)  # not the same part twice running
        said = turn.fresh("faq.same_again_part", part=Markup(part))
    else:
        said = turn.t("faq.same_again")
    turn.say(said, inline(offer + extra))


def _did_you_mean(turn: Turn, choices: int) -> str:
    """The line over "did you mean" buttons: one question offered is not "a couple"."""
    content = turn.rt.content
    faq = content.faq
    assert faq is not None  # free text reaches the FAQ only when it has content
    return content.pick(faq.did_you_mean_one if choices == 1 else faq.did_you_mean)


FOLLOW_UP_WITHIN = timedelta(minutes=20)
FOLLOW_UP_MIN = 0.12  # a follow-up shares at least a little with what it follows
FOLLOW_UP_DEPTH = 6  # and what it follows is among the questions it is closest to


def _follow_up(turn: Turn, text: str) -> str | None:
    """The question just offered or answered that a short unplaced question follows up on,
    if the matcher ranks it near the top for this text; None otherwise."""
    said = turn.rt.offered.last(turn.user.id, turn.now, FOLLOW_UP_WITHIN)
    if not said:
        return None
    context = said.split(",")
    ranked = turn.rt.matcher.rank(text)[:FOLLOW_UP_DEPTH]
    return next(
        (i for i, score in ranked if i in context and score >= FOLLOW_UP_MIN), None
    )


def _offer_rows(turn: Turn, ids: list[str] | tuple[str, ...], *, menu: bool = False) -> list[Row]:
    """One button per answer, by its title (`menu`: then the way to the topics). The ids are
    remembered for a follow-up question (`_follow_up`)."""
    entries = turn.rt.content.faq_entries
    if ids:
        turn.rt.offered.note(turn.user.id, ",".join(ids), turn.now)
    rows: list[Row] = [
        [(entries[i].title, pack(FLOW, STATELESS, "q", i))] for i in ids if i in entries
    ]
    if menu:
        rows.append([(turn.label("faq.btn_menu"), MENU_DATA)])
    return rows


def _topics_row(turn: Turn) -> Row:
    return [(turn.label("listen.btn_topics"), MENU_DATA)]


def _not_safe_row(turn: Turn) -> Row:
    """ "🚨 I'm not safe right now": the way into the safety talk, one tap away."""
    return [(turn.label("faq.btn_not_safe"), NOT_SAFE)]


def say_english_only(
    turn: Turn, language: str, said: str = "", offer: tuple[str, ...] = ()
) -> None:
    """In their language where we can: the bot speaks English for now; help is one tap away.
    A feeling `said` in words it knows is heard first, in that language. Answers their words
    seem to ask about (`offer`, read by the glossary) follow as buttons, in English."""
    _say_in_their_language(turn, language, "english_only", said, offer)


def say_still_other(
    turn: Turn, language: str, said: str = "", offer: tuple[str, ...] = ()
) -> None:
    """Soon after the notice, another message in that language the bot cannot read: said
    honestly, in their language where we can, with help one tap away (a helper's chat: "It
    sounds like that landed hard" to Polish it could not read); a feeling it knows the words
    of heard first; answers its words point to offered."""
    _say_in_their_language(turn, language, "still_other", said, offer)


def _say_in_their_language(
    turn: Turn, language: str, notice: str, said: str, offer: tuple[str, ...]
) -> None:
    key = f"language.{notice}.{language}"
    other = "language.english_only_other" if notice == "english_only" else (
        "language.still_other_any"
    )
    text = _with_feeling(
        turn, language, said, turn.t(key) if turn.rt.content.has(key) else turn.t(other)
    )
    rows = _offer_rows(turn, offer) if offer else []
    if rows:
        key = f"language.maybe_this.{language}"
        text += "\n\n" + (
            turn.t(key) if turn.rt.content.has(key) else turn.t("language.maybe_this_other")
        )
    turn.say(text, inline([*rows, _not_safe_row(turn)]))


def _with_feeling(turn: Turn, language: str, said: str, notice: str) -> str:
    """ "no puedo dormir, lo extraño mucho": the missing heard in Spanish, then the notice (a
    session-29 chat: only the notice, three times over)."""
    kind = feeling_told(said, language) if said else None
    key = f"language.heard.{language}.{kind}"
    if kind is None or not turn.rt.content.has(key):
        return notice
    return f"{turn.t(key)}\n\n{notice}"


def in_pregnancy_talk(turn: Turn) -> bool:
    """A pregnancy was told within the last two hours ("do i have to tell him?" is about it)."""
    return turn.rt.last_answers.last(turn.user.id, turn.now, timedelta(hours=2)) == PREGNANT
