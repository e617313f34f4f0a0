"""Safety first: a crisis opens a safety conversation, from any state, never a figure of speech.

Two levels (explicit: the lines and the emergency number in the first reply; passive: the
gentle "are you safe?"), typed answers read in the talk's light, no text twice in a row, and
danger from another person on its own path with its own plan.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from bot.services.crisis import detect_crisis
from bot.store.models import User
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")
SAFE_NO = CONTENT.label("sos.buttons.safe_no")
JOIN = "\n\n"  # an answer's parts reach the person as one message
SAFE_YES = CONTENT.label("sos.buttons.safe_yes")
PLAN = CONTENT.label("sos.buttons.plan")
DANGER_PLAN = CONTENT.label("sos.buttons.danger_plan")
GROUNDING = CONTENT.label("sos.buttons.grounding")
LINES = CONTENT.label("sos.buttons.lines")

EXPLICIT = "i want to kill myself"
PASSIVE = "i just dont want to wake up tomorrow"
FOLLOWED = "my ex keeps following me home from work"


def _opening(template: str) -> str:
    """The words a text starts with, before its first placeholder, as the reader sees them."""
    head = template.split("{", 1)[0]
    return " ".join(tghtml.to_plain(head).split())[:40]


_THEIR_LANGUAGE_LINES = tuple(
    " ".join(v.split())
    for k in CONTENT.texts
    if k.startswith("language.in_talk.")
    for v in CONTENT.variants(k)
)


def said(message: BotMessage, key: str) -> bool:
    """Whether `message` is one of the variants of content key `key` (after the line in their
    language that a safety talk begun in another language may open with)."""
    plain = " ".join(message.plain.split())
    for line in _THEIR_LANGUAGE_LINES:
        if plain.startswith(line):
            plain = plain[len(line) :].lstrip()
            break
    return any(plain.startswith(_opening(v)) for v in CONTENT.variants(key) if _opening(v))


async def in_the_talk(user: SimUser, opening: str = PASSIVE, zone: str = "Berlin") -> BotMessage:
    """Set up in `zone`, then `opening` (a passive message unless told): the safety talk is
    open; its first reply is returned."""
    await onboard(user, zone=zone)
    await user.send(opening)
    return await user.reply()


async def in_an_explicit_talk(user: SimUser) -> BotMessage:
    """Set up in Berlin, then a statement of intent: the explicit reply, returned."""
    await onboard(user, zone="Berlin")
    await user.send(EXPLICIT)
    return await user.reply()


async def in_a_danger_talk(user: SimUser, zone: str = "Berlin") -> None:
    """Set up in `zone`, then danger from the ex (being followed): the danger talk is open."""
    await onboard(user, zone=zone)
    await user.send(FOLLOWED)
    await user.reply()


def no_faq_menu(message: BotMessage) -> bool:
    topics = {t.title for t in CONTENT.faq_topics.values()}
    return not topics & set(message.button_texts())


# ----------------------------------------------------------------------------- two levels


async def test_explicit_intent_gets_the_number_and_the_lines_in_the_first_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5001)
    reply = await in_an_explicit_talk(user)
    assert said(reply, "sos.explicit_reply")
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert "findahelpline.com" in reply.plain
    assert SAFE_NO in reply.button_texts()


async def test_passive_messages_get_the_gentle_check_with_the_full_list_one_tap_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5002)
    await onboard(user, zone="Berlin")
    await user.send(PASSIVE)
    reply = await user.reply()
    assert said(reply, "sos.passive_check")
    # The number and the country's first line are in the text (a fresh round's explicit
    # statements are often read as passive); the directory is one tap away.
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert "findahelpline" not in reply.plain
    assert LINES in reply.button_texts()
    await user.press(LINES, message=reply)
    lines = await user.reply()
    assert "112" in lines.plain
    assert "TelefonSeelsorge" in lines.plain
    assert "findahelpline" in lines.plain


async def test_unknown_country_gets_the_worldwide_directory(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5003)
    await user.send("i took a bunch of pills")
    reply = await user.reply()
    assert "findahelpline.com" in reply.plain
    assert "your local emergency number" in reply.plain


# ----------------------------------------------------------------------------- the talk


@pytest.mark.parametrize("typed", ["im not safe", "no", "not really"])
async def test_typed_not_safe_gets_the_emergency_number_now(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5010)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.unsafe_now")
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert no_faq_menu(reply)


async def test_pills_taken_told_in_the_talk_get_the_number_and_the_talk_stays_with_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "i took some pills" inside the talk got "Still right here.
    # It sounds like it keeps piling up", and "like 10 i think" got "I'm listening".
    user = emu.user(5030)
    await in_the_talk(user)
    await user.send("i took some pills")
    reply = await user.reply()
    assert said(reply, "sos.took_something"), reply.plain
    assert "112" in reply.plain
    assert no_faq_menu(reply)
    await user.send("like 10 i think")
    stay = await user.reply()
    assert said(stay, "sos.amount_taken"), stay.plain  # an amount, not doubt
    assert "112" in stay.plain
    assert "are you safe" not in stay.plain.lower()


async def test_an_injury_told_in_the_talk_gets_first_aid_and_the_number(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5031)
    await in_the_talk(user)
    await user.send("i cut myself and its bleeding")
    reply = await user.reply()
    assert said(reply, "sos.hurt_now"), reply.plain
    assert "112" in reply.plain


@pytest.mark.parametrize("typed", ["i havent taken anything", "i cant call anyone"])
async def test_denials_and_no_one_to_call_are_not_read_as_something_taken(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5032)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert not said(reply, "sos.took_something"), reply.plain
    if typed == "i cant call anyone":
        assert said(reply, "sos.no_one"), reply.plain


@pytest.mark.parametrize("typed", ["yes", "i'm ok now", "yeah im safe"])
async def test_typed_safe_offers_calming_and_a_plan(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5011)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.safe_now")
    assert GROUNDING in reply.button_texts()
    assert PLAN in reply.button_texts()


async def test_the_plan_reads_typed_answers_and_gives_them_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5012)
    first = await in_an_explicit_talk(user)
    await user.press(PLAN, message=first)
    question = await user.reply()
    assert said(question, "sos.plan_self.intro")
    answers = ["when its late and im alone", "a hot shower and music", "my sister maybe",
               "i don't know", "my friend anna's flat", "i'll give the pills to my mum"]
    for answer in answers[:-1]:
        await user.send(answer)
        reply = await user.reply()
        assert no_faq_menu(reply)
        assert "outside what i know" not in reply.plain.lower()
        if answer == "i don't know":
            # Heard first ("that's okay"), then the next question, in one message.
            assert said(reply, "sos.plan_dont_know"), reply.plain
    await user.send(answers[-1])
    done = await user.reply()
    assert said(done, "sos.plan_self.done")
    assert "my sister maybe" in done.plain
    assert "a hot shower and music" in done.plain
    # each answer under the question it answers
    calm = CONTENT.text("sos.plan_self_headings.q_calm")
    assert f"{calm}: a hot shower and music" in done.plain, done.plain
    signs = CONTENT.text("sos.plan_self_headings.intro")
    assert f"{signs}: when its late and im alone" in done.plain


async def test_after_not_safe_a_named_person_is_reached_and_nobody_gets_the_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5019)
    await in_an_explicit_talk(user)
    await user.send("im not safe")
    assert said(await user.reply(), "sos.unsafe_now")
    # "my sister maybe" answers "ask someone nearby": help them reach her, now.
    await user.send("my sister maybe")
    reach = await user.reply()
    assert said(reach, "sos.reach_person"), reach.plain
    assert "your sister" in reach.plain.lower()
    assert "112" in reach.plain
    assert no_faq_menu(reach)
    await user.send("she isnt answering")
    silence = await user.reply()
    assert said(silence, "sos.unreachable"), silence.plain
    assert "TelefonSeelsorge" in silence.plain
    await user.send("i have no one")
    alone = await user.reply()
    assert said(alone, "sos.no_one"), alone.plain
    assert "TelefonSeelsorge" in alone.plain
    assert "112" in alone.plain
    assert LINES in alone.button_texts()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("no, and i don't trust myself tonight", "sos.unsafe_now"),
        ("nah man im in a really bad way", "sos.unsafe_now"),
        ("yeah im safe, my flatmate's home", "sos.safe_now"),
        ("im ok. not gonna hurt myself", "sos.safe_now"),
        ("kinda. depends how tonight goes", "sos.unsure"),
    ],
)
async def test_answers_said_in_more_words_are_read_too(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    user = emu.user(5045)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert no_faq_menu(reply)


async def test_ok_after_being_asked_to_call_keeps_the_talk_open(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5046)
    await in_the_talk(user)
    await user.send("no")
    assert said(await user.reply(), "sos.unsafe_now")
    # "ok" to "please call now" means "heard", not "I'm safe": the talk stays with them
    await user.send("ok")
    heard = await user.reply()
    assert said(heard, "sos.ack_while_unsafe"), heard.plain
    assert not said(heard, "sos.safe_now")
    assert LINES in heard.button_texts()
    await user.send("ok i will try")
    assert said(await user.reply(), "sos.ack_while_unsafe")
    # said in words, it is heard as safe
    await user.send("i'm safe now, my mum is here")
    assert said(await user.reply(), "sos.safe_now")


async def test_ok_after_saying_not_safe_is_never_read_as_safe_later_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "not really", "my sister", "i dont know", then "ok" was
    # read as "I'm safe" ("Good, thank you for letting me know").
    user = emu.user(5051)
    await in_the_talk(user)
    await user.send("not really")
    assert said(await user.reply(), "sos.unsafe_now")
    await user.send("i dont know")
    assert said(await user.reply(), "sos.unsure")
    await user.send("ok")
    heard = await user.reply()
    assert said(heard, "sos.ack_while_unsafe"), heard.plain
    assert not said(heard, "sos.safe_now")
    # A clear yes in words still settles it.
    await user.send("yes im safe now, my sister is on her way")
    assert said(await user.reply(), "sos.safe_now")


async def test_ok_to_the_first_reply_to_intent_is_heard_not_read_as_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5052)
    first = await in_an_explicit_talk(user)
    assert said(first, "sos.explicit_reply")
    await user.send("ok")
    heard = await user.reply()
    assert said(heard, "sos.ack_while_unsafe"), heard.plain
    assert LINES in heard.button_texts()


async def test_asking_what_to_do_gets_concrete_steps_for_the_danger_it_is(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "what should i do" in the danger talk got "Thank you for
    # telling me that. Keep going if you'd like".
    user = emu.user(5053)
    await onboard(user, zone="Berlin")
    await user.send("he's parked outside my flat again and wont leave")
    first = await user.reply()  # at the door now: its own first reply (ninth session)
    assert said(first, "sos.danger_reply") or said(first, "sos.danger_at_door"), first.plain
    await user.send("what should i do")
    steps = await user.reply()
    # him at the door: the steps for staying inside (session 41; not "a shop, a café")
    assert said(steps, "sos.what_now_door"), steps.plain
    assert "112" in steps.plain
    other = emu.user(5054)
    await onboard(other, zone="Berlin")
    await other.send(PASSIVE)
    await other.reply()
    await other.send("i dont know what to do anymore")
    steps = await other.reply()
    assert said(steps, "sos.what_now"), steps.plain
    assert "112" in steps.plain
    assert "TelefonSeelsorge" in steps.plain


async def test_a_threat_to_come_and_break_the_door_in_is_danger_not_self_harm(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: only the word model caught it, so it was asked about as one's own harm and
    # "what do i do" got "put anything you could hurt yourself with out of reach".
    user = emu.user(5056)
    await onboard(user, zone="Berlin")
    await user.send("he keeps texting me saying if i dont answer hes gonna come round and "
                    "smash the door in")
    first = await user.reply()
    assert said(first, "sos.danger_reply"), first.plain
    assert "Hilfetelefon" in first.plain  # the abuse line, not only the crisis line
    await user.send("what do i do")
    steps = await user.reply()
    assert said(steps, "sos.what_now_danger"), steps.plain
    assert "hurt yourself" not in steps.plain


async def test_a_threat_only_the_net_catches_opens_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    text = "my ex texted 'you're dead if i see you with him'. he's done time before"
    assert detect_crisis(text) is None  # the rules miss it; the net's danger rule does not
    user = emu.user(5055)
    await onboard(user, zone="Berlin")
    await user.send(text)
    asked = await user.reply()
    assert said(asked, "sos.harm_check_danger"), asked.plain
    assert "112" in asked.plain
    assert CONTENT.label("sos.buttons.danger_plan") in asked.button_texts()
    await user.send("no")
    unsafe = await user.reply()
    assert said(unsafe, "sos.danger_unsafe"), unsafe.plain


async def test_people_named_unreachable_or_missing_in_everyday_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5047)
    await in_an_explicit_talk(user)
    await user.send("not really")
    assert said(await user.reply(), "sos.unsafe_now")
    await user.send("prob my big bro")
    reach = await user.reply()
    assert said(reach, "sos.reach_person"), reach.plain
    assert "your brother" in reach.plain.lower()
    await user.send("he's on a night shift till 7")
    assert said(await user.reply(), "sos.unreachable")
    await user.send("all my mates were his mates")
    alone = await user.reply()
    assert said(alone, "sos.no_one"), alone.plain
    assert "TelefonSeelsorge" in alone.plain


async def test_anything_else_in_the_talk_gets_a_warm_reply_not_the_faq(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5013)
    await in_the_talk(user)
    for text in ("he left me for someone else", "whatever", "😔"):
        await user.send(text)
        reply = await user.reply()
        # a resigned "whatever" is no yes: heard as tiredness, the number in the reply
        warm = ("sos.listen", "sos.still_here", "sos.still_here_who") + (
            ("sos.resigned",) if text == "whatever" else ()
        )
        assert any(said(reply, key) for key in warm), reply.plain
        assert no_faq_menu(reply)
        assert SAFE_NO in reply.button_texts()


@pytest.mark.parametrize(("answer", "key"), [("yes", "sos.someone_yes"), ("no", "sos.no_one")])
async def test_a_yes_to_is_there_someone_is_about_someone_not_being_safe(
    emu: BotApiEmulator, bot: BotRunner, answer: str, key: str
) -> None:
    # Terminal chat: "is there someone you could message?", then "yes", got "I'm glad you're
    # safe for now", and the talk ended.
    user = emu.user(5015)
    await in_the_talk(user)
    asked = None
    for text in ("he left me for someone else", "i dont know", "it just hurts so much"):
        await user.send(text)
        reply = await user.reply()
        if said(reply, "sos.still_here_who"):
            asked = reply
            break
    assert asked is not None, "no question about someone to reach in three replies"
    await user.send(answer)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert not said(reply, "sos.safe_now")
    assert "112" in reply.plain


@pytest.mark.parametrize("asked", ["how long should no contact last?",
                                   # a question without "?" is as clear a new subject
                                   "should i just block him"])
async def test_a_clear_new_subject_ends_the_talk_and_is_answered(
    emu: BotApiEmulator, bot: BotRunner, asked: str
) -> None:
    user = emu.user(5014)
    await in_the_talk(user)
    await user.send(asked)
    leaving, *answer = await user.replies(2)
    assert said(leaving, "sos.left_safely")
    assert NOT_SAFE in leaving.button_texts()
    assert answer
    assert not any(said(a, "sos.listen") or said(a, "sos.still_here") for a in answer)


async def test_a_question_asked_on_words_alone_lets_go_of_a_plain_no_contact_subject(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: a reason the word model misread was asked about, and the next message
    # ("its 2am and i cant stop looking at her insta") got "Are you safe right now?" again.
    # When only the net asked, a plain No Contact subject ends the talk, the button kept.
    user = emu.user(5016)
    await onboard(user, zone="Berlin")
    opener = "sometimes i think about my funeral"
    assert detect_crisis(opener) is None  # the net's question, not a rule's reply
    await user.send(opener)
    assert said(await user.reply(), "sos.harm_check")
    await user.send("its 2am and i cant stop looking at her insta")
    leaving, answer = await user.replies(2)
    assert said(leaving, "sos.left_safely"), leaving.plain
    assert NOT_SAFE in leaving.button_texts()
    assert answer.text == JOIN.join(CONTENT.faq_entries["stop-checking"].answer), answer.plain
    # a rule's reply holds on: the same subject stays in the talk
    other = emu.user(5017)
    await onboard(other, zone="Berlin")
    await other.send("i just want to die")
    await other.reply()
    await other.send("its 2am and i cant stop looking at her insta")
    stays = await other.reply()
    assert not said(stays, "sos.left_safely"), stays.plain
    assert stays.text != answer.text


async def test_after_half_an_hour_of_quiet_the_talk_ends(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(5015)
    await in_the_talk(user)
    clock.advance(timedelta(minutes=31))
    await user.send("/status")
    await user.reply()
    await user.send("hello")
    reply = await user.reply()
    assert not said(reply, "sos.listen")
    assert not said(reply, "sos.still_here")


async def test_four_messages_never_get_the_same_text_twice_in_a_row(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5016)
    await onboard(user, zone="Berlin")
    texts = []
    for message in ("what's the point of anything", "nobody would even notice if i was gone",
                    EXPLICIT, "i just dont want to wake up tomorrow"):
        await user.send(message)
        texts.append((await user.reply()).text)
    assert all(a != b for a, b in zip(texts, texts[1:], strict=False))
    # after the explicit one the talk has them not safe: the number again ("stay_unsafe");
    # a burden or no point told is heard as that (since the ninth session)
    assert said_any(
        texts[1:],
        ("sos.still_here", "sos.unsafe_now", "sos.stay_unsafe", "sos.feeling_burden",
         "sos.feeling_pointless", "sos.feeling_trapped"),
    )


def said_any(texts: list[str], keys: tuple[str, ...]) -> bool:
    openings = [_opening(v) for key in keys for v in CONTENT.variants(key)]
    return all(
        any(" ".join(tghtml.to_plain(t).split()).startswith(o) for o in openings if o)
        for t in texts
    )


# ----------------------------------------------------------------------------- danger


async def test_danger_from_the_ex_has_its_own_lines_and_plan(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5020)
    await onboard(user, zone="New York")
    await user.send("he keeps showing up outside my apartment and said he'd hurt me")
    danger = await user.reply()
    assert said(danger, "sos.danger_reply")
    assert "safety plan" in danger.plain.lower()
    assert "911" in danger.plain
    assert "1-800-799-7233" in danger.plain
    await user.press(DANGER_PLAN, message=danger)
    plan = await user.reply()
    assert said(plan, "sos.plan_danger.intro")
    assert not re.search(r"hurt (?:my|your)self", plan.plain.lower())


async def test_the_philippines_gets_an_abuse_line_for_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5021)
    await onboard(user, zone="Manila")
    await user.send("my ex choked me last night and says he will come back")
    danger = await user.reply()
    assert "911" in danger.plain
    assert "0919 777 7377" in danger.plain or "Women and Children" in danger.plain


async def test_the_ex_threatening_to_hurt_themselves_is_told_how_to_get_them_help(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5022)
    await onboard(user, zone="Berlin")
    await user.send("he says he'll kill himself if i dont answer him")
    reply = await user.reply()
    assert said(reply, "sos.ex_at_risk")
    assert "112" in reply.plain
    # Naming someone here is not the person's own danger: no "reach your mom, you're not safe".
    await user.send("his mom")
    await user.send("my mom")
    for answer in await user.replies(2):
        assert not said(answer, "sos.reach_person"), answer.plain
        assert no_faq_menu(answer)


async def test_with_the_ex_at_risk_no_contacts_and_should_i_reply_stay_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "i dont have his family's number" got a generic line, and
    # "should i just reply to him" left the talk for the urge offer.
    user = emu.user(5025)
    await onboard(user, zone="Berlin")
    await user.send("my ex just texted that hes going to kill himself if i dont answer")
    assert said(await user.reply(), "sos.ex_at_risk")
    await user.send("i dont have his family's number")
    none = await user.reply()
    assert said(none, "sos.ex_no_contacts"), none.plain
    assert "112" in none.plain
    await user.send("should i just reply to him")
    reply = await user.reply()
    assert said(reply, "sos.what_now_ex"), reply.plain
    assert no_faq_menu(reply)
    await user.send("ok i called his brother")
    assert said(await user.reply(), "sos.helped_them")


async def test_someone_already_told_is_met_with_gladness_not_told_to_call_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5026)
    await onboard(user, zone="Berlin")
    await user.send("he keeps showing up at my work")
    await user.reply()
    await user.send("i told my manager")
    told = await user.reply()
    assert said(told, "sos.reached_help"), told.plain
    assert not said(told, "sos.reach_person")


@pytest.mark.parametrize("typed", ["my mum is coming", "the ambulance is on its way"])
async def test_help_on_its_way_is_met_with_gladness(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # Found in the terminal chat: "my mum is coming" got "Call now, or text: 'I'm not okay'".
    user = emu.user(5027)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.reached_help"), reply.plain


async def test_he_is_coming_is_never_read_as_help_on_its_way(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5028)
    await onboard(user, zone="Berlin")
    await user.send("he keeps showing up at my work")
    await user.reply()
    await user.send("my ex is coming here now")
    reply = await user.reply()
    assert not said(reply, "sos.reached_help"), reply.plain


async def test_reaching_a_line_or_someone_close_is_met_with_gladness(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5024)
    await onboard(user, zone="Australia/Sydney")
    await user.send("honestly everyone would be better off if i just disappeared")
    await user.reply()
    await user.send("ok i called lifeline")
    reached = await user.reply()
    assert said(reached, "sos.reached_help"), reached.plain
    assert no_faq_menu(reached)


async def test_help_called_for_the_ex_is_acknowledged_not_read_as_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5023)
    await onboard(user, zone="Manila")
    await user.send("my ex says he will kill himself if i dont answer")
    assert said(await user.reply(), "sos.ex_at_risk")
    await user.send("i called 911 for him")
    helped = await user.reply()
    assert said(helped, "sos.helped_them"), helped.plain
    assert not said(helped, "sos.danger_unsafe")  # no "lock the door": he is not the danger
    assert no_faq_menu(helped)


# ----------------------------------------------------------------------------- from anywhere


async def test_crisis_after_the_daily_struggling_button_is_answered_first(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(5030)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    daily = await user.reply(timeout=5)
    await user.press("😣 I'm struggling", message=daily)
    await user.reply()
    await user.send("i have the pills in my hand")
    reply = await user.reply()
    assert said(reply, "sos.explicit_reply")
    assert "112" in reply.plain


async def test_crisis_inside_onboarding_then_safe_goes_back_to_onboarding(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5031)
    await user.send("/start")
    await user.reply()
    await user.send(EXPLICIT)
    await user.reply()
    await user.send("yes im safe now")
    safe = await user.reply()
    back = [label for label in safe.button_texts() if label.startswith("↩️")]
    assert back
    await user.press(back[0], message=safe)
    question = await user.reply()
    assert question.button_texts()[:2] == ["Today", "Yesterday"]


@pytest.mark.parametrize(
    "text",
    ["I'm dying to text her", "this is killing me lol", "my phone is dying", "I'm dead tired"],
)
async def test_figures_of_speech_do_not_trip_it(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5040)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert not said(reply, "sos.explicit_reply")
    assert not said(reply, "sos.passive_check")
    assert SAFE_NO not in reply.button_texts()


async def test_crisis_in_an_edited_message_or_a_caption_is_caught(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5041)
    await onboard(user)
    await user.send("ok")
    await user.reply()
    await user.edit_last("i want to end my life")
    assert SAFE_NO in (await user.reply()).button_texts()
    await user.send_photo(caption="goodbye everyone, i'm going to end it tonight")
    assert SAFE_NO in (await user.reply()).button_texts()


async def test_help_and_about_say_automated_and_where_real_help_is(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5042)
    for command in ("/help", "/about"):
        await user.send(command)
        text = (await user.reply()).plain
        assert "not a person" in text
        assert "findahelpline.com" in text


async def test_an_ordinary_question_gets_no_safety_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5043)
    await onboard(user)
    await user.send("how long should no contact last")
    await user.reply()
    await user.silence(0.3)
    assert NOT_SAFE not in user.last().button_texts()


async def test_a_message_the_check_misses_but_that_touches_means_is_asked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    text = "my wrists are a mess again"
    user = emu.user(5044)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    if detect_crisis(text) is None:
        assert said(reply, "sos.harm_check"), reply.plain
    assert "112" in reply.plain  # the emergency number is in the question's own text
    assert SAFE_NO in reply.button_texts()
    await user.press(SAFE_NO, message=reply)
    unsafe = await user.reply()
    assert "112" in unsafe.plain
    assert "TelefonSeelsorge" in unsafe.plain


async def test_a_message_only_the_word_model_catches_gets_the_gentle_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # No rule matches this one (a phrasing nobody wrote down); the word model under the net
    # finds it likelier in crisis messages than in ordinary ones.
    text = "honestly everyone would be fine if i just stopped"
    assert detect_crisis(text) is None
    user = emu.user(5048)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "sos.harm_check"), reply.plain
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert SAFE_NO in reply.button_texts()
    # The question opened the safety talk: a typed answer is read as the answer to it.
    await user.send("no im not ok")
    unsafe = await user.reply()
    assert said(unsafe, "sos.unsafe_now"), unsafe.plain
    assert "112" in unsafe.plain


async def test_words_of_harm_that_also_match_a_question_are_asked_about_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # It matches the answer on drunk texting; answering that would leave someone who may be
    # drinking to die with tips. The check comes first, and with no question asked the answer
    # is not offered beside it either (fifth probe: an FAQ title under "are you safe?" jars).
    text = ("3rd bottle of wine and i still feel everything. "
            "just want to drink till theres nothing left of me")
    assert detect_crisis(text) is None
    user = emu.user(5050)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "sos.harm_check"), reply.plain
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert SAFE_NO in reply.button_texts()
    assert CONTENT.faq_entries["drunk-text"].title not in reply.button_texts()


async def test_a_new_talk_right_after_one_ended_does_not_open_with_the_same_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5049)
    await onboard(user, zone="Berlin")
    await user.send(PASSIVE)
    first = await user.reply()
    await user.send("yes im safe")
    assert said(await user.reply(), "sos.safe_now")
    await user.send("i dont want to wake up tomorrow either")
    second = await user.reply()
    assert said(first, "sos.passive_check")
    # right after a talk that ended, it is heard as going on ("I'm still here with you")
    assert said(second, "sos.still_here"), second.plain
    assert first.text != second.text


async def test_after_a_talk_in_the_middle_of_set_up_set_up_waits_for_its_back_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5050)
    await user.send("/start")
    await user.reply()
    await user.press("Yesterday")
    await user.replies(2)  # the date said back, then "which time zone are you in?"
    await user.send(PASSIVE)
    await user.reply()
    await user.send("yes im safe")
    settled = await user.reply()
    assert said(settled, "sos.safe_now")
    back = next(label for label in settled.button_texts() if label.startswith("↩️"))
    await user.send("hold on a sec")  # not read as a place
    aside = await user.reply()
    assert "couldn't find" not in aside.plain
    await user.press(back, message=settled)
    assert "time zone" in (await user.reply()).plain.lower()
    await user.send("Berlin")
    assert "Europe/Berlin" in (await user.replies(2))[0].plain


@pytest.mark.parametrize(("told", "key", "who"), [
    ("my flatmate is home", "sos.reach_person_near", "flatmate"),
    ("my brother lives with me", "sos.reach_person_near", "brother"),
    ("my mum's asleep upstairs", "sos.wake_person_near", "mum"),
])
async def test_someone_close_by_is_gone_to_not_phoned_and_asleep_is_woken(
    emu: BotApiEmulator, bot: BotRunner, told: str, key: str, who: str
) -> None:
    user = emu.user(5090)
    await in_an_explicit_talk(user)
    await user.send("not really")
    assert said(await user.reply(), "sos.unsafe_now")
    await user.send(told)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert f"your {who}" in reply.plain.lower()
    assert "112" in reply.plain  # the number stays in front of them
    assert not said(reply, "sos.unreachable")  # asleep in the house is not out of reach


async def test_when_the_danger_leaves_the_talk_says_so_and_safe_is_a_danger_goodbye(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5091)
    await onboard(user, zone="Europe/London")
    await user.send("hes outside my flat banging on the door")
    first = await user.reply()  # at the door now: its own first reply (ninth session)
    assert said(first, "sos.danger_reply") or said(first, "sos.danger_at_door"), first.plain
    await user.send("ok hes gone now")
    gone = await user.reply()
    assert said(gone, "sos.danger_gone"), gone.plain  # not "please don't wait this out alone"
    assert "999" in gone.plain
    assert SAFE_YES in gone.button_texts()
    await user.send("yeah im ok")
    safe = await user.reply()
    assert said(safe, "sos.safe_now_danger"), safe.plain
    assert not said(safe, "sos.safe_now")  # not the self-harm wording about waves of feeling
    assert DANGER_PLAN in safe.button_texts()


async def test_he_is_gone_in_a_talk_about_ones_own_harm_is_not_read_as_danger_over(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5092)
    await in_the_talk(user)
    await user.send("hes gone and hes never coming back")
    reply = await user.reply()
    assert not said(reply, "sos.danger_gone"), reply.plain


# ------------------------------------------------ found by a helper playing hurting users


@pytest.mark.parametrize("text", [
    "im gonna jump",
    "i'm at the train station and thinking about the tracks",
    "tonight's the night i finally stop hurting",
    "im scared of what i might do to myself",
])
async def test_intent_with_a_place_or_a_time_gets_the_explicit_reply(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5201)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "sos.explicit_reply"), reply.plain
    assert "112" in reply.plain


async def test_a_threat_to_make_them_regret_leaving_gets_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5202)
    await onboard(user, zone="Berlin")
    await user.send("he said if i dont come back he'll make me regret it")
    reply = await user.reply()
    assert said(reply, "sos.danger_reply"), reply.plain


@pytest.mark.parametrize("text", ["who gets the cat", "who keeps the dog now"])
async def test_who_keeps_the_pet_is_a_question_not_a_crisis(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5203)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert "are you safe" not in reply.plain.lower(), reply.plain
    assert SAFE_NO not in reply.button_texts()


async def test_feeling_okay_after_pills_still_gets_the_call_to_be_checked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5204)
    await onboard(user, zone="Berlin")
    await user.send("i took a bunch of pills like 20 min ago")
    await user.reply()
    await user.send("im ok now")
    reply = await user.reply()
    assert said(reply, "sos.safe_after_taken"), reply.plain
    assert "112" in reply.plain
    await user.send("no i dont want an ambulance")  # the talk is still open
    after = await user.reply()
    assert SAFE_NO not in after.button_texts() or "112" in after.plain, after.plain
    assert "/urge" not in after.plain


async def test_jk_is_asked_about_gently_and_never_read_as_a_name(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5205)
    await onboard(user, zone="Berlin")
    await user.send("i want to kms lol")
    await user.reply()
    await user.send("jk")
    reply = await user.reply()
    assert said(reply, "sos.joking"), reply.plain
    assert "your jk" not in reply.plain.lower()
    await user.send("music")
    other = await user.reply()
    assert "your music" not in other.plain.lower(), other.plain


@pytest.mark.parametrize(("text", "key"), [
    ("i wont do it", "sos.promised"),
    ("i promise", "sos.promised"),
    ("why do you keep saying that", "sos.about_bot"),
])
async def test_a_promise_or_words_about_the_bot_are_heard_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner, text: str, key: str
) -> None:
    user = emu.user(5206)
    await onboard(user, zone="Berlin")
    await user.send("i keep thinking about driving into a wall")
    await user.reply()
    await user.send(text)
    reply = await user.reply()
    assert said(reply, key), reply.plain


async def test_not_like_that_ends_the_talk_kindly_without_an_emergency_push(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5207)
    await onboard(user, zone="Berlin")
    await user.send("i cant do this anymore")
    await user.reply()
    await user.send("not like that, i mean no contact, its too hard")
    reply = await user.reply()
    assert said(reply, "sos.clarified"), reply.plain
    assert "112" not in reply.plain
    assert CONTENT.label("sos.buttons.not_safe") in reply.button_texts()


async def test_a_plan_button_typed_as_text_is_that_button_not_a_plan_entry(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: "i'm okay for now" typed at the last question was kept as "Professionals
    # and lines: i'm okay for now".
    user = emu.user(5065)
    first = await in_an_explicit_talk(user)
    await user.press(PLAN, message=first)
    await user.reply()
    await user.send("when its late and im alone")
    await user.reply()
    await user.send("skip this one")  # as the button: on to the next question, nothing kept
    skipped = await user.reply()
    assert "skip this one" not in skipped.plain.lower()
    await user.send("i'm okay for now")
    settled = await user.reply()
    assert said(settled, "sos.okay_for_now"), settled.plain


async def test_asking_for_the_number_during_a_plan_is_answered_not_saved(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5208)
    await onboard(user, zone="Berlin")
    await user.send("i dont want to live")
    await user.reply()
    await user.press(CONTENT.label("sos.buttons.plan"))
    await user.reply()
    await user.send("what number do i call")
    reply = await user.reply()
    assert "TelefonSeelsorge" in reply.plain, reply.plain
    assert "112" in reply.plain
    # the plan's first question is asked again: the question was not taken as its answer
    assert CONTENT.label("sos.buttons.skip_question") in reply.button_texts()
    first = [tghtml.to_plain(v.split("\n\n")[-1])[:20]
             for v in CONTENT.variants("sos.plan_self.intro")]
    assert any(f in reply.plain for f in first), reply.plain


async def test_cancel_after_not_safe_leaves_the_number_and_a_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5209)
    await onboard(user, zone="Berlin")
    await user.send("i want to die")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("/cancel")
    lines, stopped = await user.replies(2)
    assert said(lines, "sos.cancelled_unsafe"), lines.plain
    assert "112" in lines.plain
    assert "TelefonSeelsorge" in lines.plain
    assert CONTENT.label("sos.buttons.not_safe") in lines.button_texts()
    assert stopped.plain == CONTENT.text("sos.cancelled")


async def test_should_i_go_to_meet_the_one_who_hit_them_is_answered_no(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5210)
    await onboard(user, zone="Berlin")
    await user.send("he hit me before we broke up and now he wants to meet to talk")
    await user.reply()
    await user.send("should i go")
    reply = await user.reply()
    assert said(reply, "sos.meet_danger"), reply.plain
    assert "110" in reply.plain or "112" in reply.plain


async def test_a_question_while_not_safe_is_answered_and_the_talk_stays_open(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: the question ended the talk, and "but i still feel
    # like dying" was then met as if for the first time.
    user = emu.user(5211)
    await onboard(user, zone="Berlin")
    await user.send("i dont see the point of living anymore")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("how long until it stops hurting")
    stay, answer = await user.replies(2)
    assert said(stay, "sos.answer_and_stay"), stay.plain
    assert answer.text == JOIN.join(CONTENT.faq_entries["pain_easing"].answer)
    await user.send("but i still feel like dying")
    again = await user.reply()
    assert said(again, "sos.stay_unsafe"), again.plain
    assert "112" in again.plain


async def test_followed_on_the_way_home_and_a_dying_phone_each_get_their_own_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: both got the same stock "call now" line.
    user = emu.user(5212)
    await onboard(user, zone="Berlin")
    await user.send("i think someone is following me home, its his car")
    await user.reply()
    await user.send("im walking")
    walking = await user.reply()
    assert said(walking, "sos.followed_home"), walking.plain
    await user.send("my phone is at 5%")
    battery = await user.reply()
    assert said(battery, "sos.low_battery"), battery.plain
    assert "112" in battery.plain


@pytest.mark.parametrize(("text", "key"), [
    ("not like that, but i did take some pills earlier", "sos.took_something"),
    ("im not suicidal but im not safe tonight", "sos.unsafe_now"),
])
async def test_a_clarification_with_harm_in_it_is_not_taken_as_all_clear(
    emu: BotApiEmulator, bot: BotRunner, text: str, key: str
) -> None:
    user = emu.user(5213)
    await onboard(user, zone="Berlin")
    await user.send("i cant do this anymore")
    await user.reply()
    await user.send(text)
    reply = await user.reply()
    assert not said(reply, "sos.clarified"), reply.plain
    assert "112" in reply.plain


# ------------------------------------------------ round 16: answers people give, as they give them


@pytest.mark.parametrize("typed", [
    "yeah i'm standing on it",  # "yes" to "are you safe?", then where they are
    "yeah im on the roof",
    "nein",  # no, in the language of the message
    "não",
    "ok fine its for me",  # after "asking for a friend"
])
async def test_a_yes_with_a_ledge_in_it_or_a_no_in_another_language_is_not_safe(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5160)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    # on a roof: "step back from the edge" first, the call with it (session 35)
    key = "sos.height_now" if "roof" in typed else "sos.unsafe_now"
    assert said(reply, key), reply.plain
    assert "112" in reply.plain
    assert "right person" not in reply.plain  # never taken for a name


async def test_asking_for_a_friend_is_asked_about_again_not_taken_for_a_person(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5161)
    await onboard(user, zone="Berlin")
    await user.send("how many paracetamol is too many")
    await user.reply()
    await user.send("asking for a friend lol")
    reply = await user.reply()
    assert said(reply, "sos.unsure"), reply.plain
    assert "112" in reply.plain
    assert "friend sounds" not in reply.plain


async def test_a_first_name_is_said_back_as_a_name(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(5162)
    await in_an_explicit_talk(user)
    await user.send("not really")
    await user.reply()
    await user.send("sarah")
    reply = await user.reply()
    assert said(reply, "sos.reach_person"), reply.plain
    assert "Sarah" in reply.plain
    assert "your sarah" not in reply.plain.lower()


async def test_fine_minutes_after_intent_is_asked_once_more_then_believed(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5163)
    await in_an_explicit_talk(user)
    await user.send("im fine just tired")
    again = await user.reply()
    assert said(again, "sos.safe_recheck"), again.plain
    assert "112" in again.plain  # the number stays in the reply
    await user.send("yes")
    settled = await user.reply()
    assert said(settled, "sos.safe_now"), settled.plain


async def test_a_safe_answer_taken_back_gets_the_number_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5164)
    await in_the_talk(user)
    await user.send("yes im safe")
    assert said(await user.reply(), "sos.safe_now")
    await user.send("wait, i mean no")
    reply = await user.reply()
    assert said(reply, "sos.taken_back"), reply.plain
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain


async def test_a_heavy_feeling_right_after_the_talk_ended_is_asked_about_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5165)
    await in_the_talk(user)
    await user.send("yeah")
    assert said(await user.reply(), "sos.safe_now")
    await user.send("im tired of everything")
    reply = await user.reply()
    assert said(reply, "sos.still_here"), reply.plain
    assert no_faq_menu(reply)


async def test_after_the_talk_ended_a_question_is_answered_and_the_talk_lets_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5166)
    await in_the_talk(user)
    await user.send("yes im safe")
    assert said(await user.reply(), "sos.safe_now")
    await user.send("how long should no contact last")
    answer = await user.reply()
    assert answer.text == "\n\n".join(CONTENT.faq_entries["how-long"].answer), answer.plain
    await user.send("i mean no")  # only the first message after it is read in its light
    later = await user.reply()
    assert not said(later, "sos.taken_back"), later.plain


async def test_can_you_just_talk_to_me_gets_company_not_anyone_nearby(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5167)
    await in_the_talk(user)
    await user.send("no")
    await user.reply()
    await user.send("i don't have anyone")
    await user.reply()
    await user.send("can you just talk to me")
    reply = await user.reply()
    assert said(reply, "sos.talk_with_me"), reply.plain
    assert "TelefonSeelsorge" in reply.plain  # a line answers strangers
    assert "anyone nearby" not in reply.plain


async def test_not_safe_said_again_is_short_and_keeps_the_number(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5168)
    await in_the_talk(user)
    await user.send("no")
    first = await user.reply()
    assert said(first, "sos.unsafe_now")
    await user.send("no")
    again = await user.reply()
    assert said(again, "sos.unsafe_again"), again.plain
    assert "112" in again.plain
    assert len(again.plain) < len(first.plain) / 2  # not the whole list again
    assert LINES in again.button_texts()  # the list one tap away


async def test_the_door_is_not_opened_and_quiet_is_not_gone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5169)
    await onboard(user, zone="Berlin")
    await user.send("my ex is outside my flat banging on the door")
    await user.reply()
    await user.send("he's gone quiet now")
    quiet = await user.reply()
    assert not said(quiet, "sos.danger_gone"), quiet.plain
    await user.send("should i open it and talk to him")
    reply = await user.reply()
    # him at the door: the door kept shut (session 29), or not meeting him at all
    assert said(reply, "sos.dont_open") or said(reply, "sos.meet_danger"), reply.plain
    assert no_faq_menu(reply)


async def test_danger_expected_back_gets_a_plan_not_read_as_unsure(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat (Sydney): "but he'll be back tomorrow probably" got "it can be hard to
    # tell from the inside" (the "probably" read as "not sure if i'm safe")
    user = emu.user(5172)
    await onboard(user, zone="Berlin")
    await user.send("my ex keeps driving past my house at night and flashing his lights")
    assert said(await user.reply(), "sos.danger_reply")
    await user.send("no he's gone now")
    await user.reply()
    await user.send("but he'll be back tomorrow probably")
    back = await user.reply()
    assert said(back, "sos.danger_comes_back"), back.plain
    assert not said(back, "sos.unsure")
    assert "112" in back.plain


async def test_at_the_door_each_typed_turn_gets_its_own_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat (Dublin): "he's still there" got the steps for the days after, "what if
    # he breaks the door" "think about somewhere they don't know", "im shaking" after he
    # left "tell whoever you're with", "can i sleep at my sisters" a generic "one thing at
    # a time".
    user = emu.user(5171)
    await onboard(user, zone="Berlin")
    await user.send("he's outside my flat banging on the door and shouting")
    assert said(await user.reply(), "sos.danger_at_door")
    await user.send("im shaking")  # with him still there: the call, not "a fright passing"
    shaking = await user.reply()
    assert said(shaking, "sos.danger_still_there"), shaking.plain
    await user.send("he's still there")
    still = await user.reply()
    assert said(still, "sos.danger_still_there"), still.plain
    assert "112" in still.plain
    await user.send("what if he breaks the door")
    breaking = await user.reply()
    assert said(breaking, "sos.danger_breaking_in"), breaking.plain
    await user.send("ok he left")
    assert said(await user.reply(), "sos.danger_gone")
    await user.send("im shaking")
    shaken = await user.reply()
    assert said(shaken, "sos.danger_shaken"), shaken.plain
    assert CONTENT.label("sos.buttons.grounding") in shaken.button_texts()
    await user.send("can i sleep at my sisters")
    going = await user.reply()
    assert said(going, "sos.danger_go_there"), going.plain
    assert no_faq_menu(going)
    # Terminal chat: "ok i got in a taxi to my sister's" got a generic line; on the way,
    # then there, each heard
    await user.send("ok i got in a taxi to my sister's")
    on_way = await user.reply()
    assert said(on_way, "sos.danger_going_there"), on_way.plain
    assert "112" in on_way.plain
    await user.send("im at my sisters now")
    there = await user.reply()
    assert said(there, "sos.danger_arrived"), there.plain
    assert no_faq_menu(there)


@pytest.mark.parametrize(("text", "explicit"), [
    ("the voices say i should do it", True),
    ("i keep driving really fast on the motorway hoping something happens", False),
    ("im so done. like DONE done", False),
    ("whats the fastest way to not feel anything", False),
    ("if i cant have him nobody can", False),
    ("im gonna go see him tonight and make him pay", False),
])
async def test_more_warning_signs_found_by_playing_users_reach_help(
    emu: BotApiEmulator, bot: BotRunner, text: str, explicit: bool
) -> None:
    user = emu.user(5170)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    if explicit:
        assert said(reply, "sos.explicit_reply"), reply.plain
    else:
        assert said(reply, "sos.harm_check"), reply.plain
    assert "112" in reply.plain
    assert SAFE_NO in reply.button_texts()


async def test_before_set_up_the_country_is_asked_for_and_its_numbers_given(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5171)  # never set up: no time zone, so no country
    await user.send("i want to die")
    first = await user.reply()
    assert CONTENT.text("sos.ask_country") in first.plain
    await user.send("im in canada")
    lines = await user.reply()
    assert said(lines, "sos.lines_here"), lines.plain
    assert "911" in lines.plain
    await user.send("no")  # not safe: the number of the country they named
    now = await user.reply()
    assert "911" in now.plain
    assert CONTENT.text("sos.ask_country") not in now.plain


@pytest.mark.parametrize("command", ["/sos", "/crisis", "/panic", "/emergency", "/helpme"])
async def test_an_emergency_command_is_the_not_safe_button(
    emu: BotApiEmulator, bot: BotRunner, command: str
) -> None:
    user = emu.user(5172)
    await onboard(user, zone="Berlin")
    await user.send(command)
    reply = await user.reply()
    assert said(reply, "sos.unsafe_now"), reply.plain
    assert "112" in reply.plain
    assert "TelefonSeelsorge" in reply.plain


async def test_an_injury_in_the_first_message_gets_first_aid(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5173)
    await onboard(user, zone="Berlin")
    await user.send("i cut myself and it wont stop bleeding")
    reply = await user.reply()
    # bleeding that won't stop: the call first, with the pressure (since the ninth session)
    assert said(reply, "sos.hurt_serious"), reply.plain
    assert "press" in reply.plain.lower()
    assert "112" in reply.plain


@pytest.mark.parametrize("typed", ["im going to do it now", "bye"])
async def test_acting_now_in_the_talk_gets_the_most_urgent_words(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5174)
    await in_an_explicit_talk(user)
    await user.send("no")
    await user.reply()
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.imminent"), reply.plain
    assert "112" in reply.plain


async def test_means_told_right_after_i_am_safe_are_put_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5175)
    await in_the_talk(user)
    await user.send("yes im safe")
    assert said(await user.reply(), "sos.safe_now")
    await user.send("but the rope is still in my car")
    reply = await user.reply()
    assert said(reply, "sos.means_after_safe"), reply.plain
    assert "112" in reply.plain


async def test_asking_whether_anyone_is_told_is_answered_before_the_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5176)
    await onboard(user, zone="Berlin")
    await user.send("do you tell the police if i say im suicidal")
    reply = await user.reply()
    assert said(reply, "sos.nobody_told"), reply.plain
    assert "TelefonSeelsorge" in reply.plain
    assert SAFE_NO in reply.button_texts()


@pytest.mark.parametrize("text", ["ayuda", "hilfe bitte", "no estoy bien"])
async def test_a_short_cry_for_help_in_another_language_is_asked_about(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5177)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert "112" in reply.plain, reply.plain
    assert SAFE_NO in reply.button_texts()


@pytest.mark.parametrize(("opening", "typed", "key"), [
    (EXPLICIT, "ok i called 112, theyre sending someone", "sos.help_coming"),
    (EXPLICIT, "im at a&e now", "sos.at_hospital"),  # there already (session 30: its own)
    ("i took a bunch of pills an hour ago", "i dont want an ambulance", "sos.objection"),
    (EXPLICIT, "im in the car", "sos.driving"),
    ("hes in my house and wont leave", "i cant call he'll hear me", "sos.cannot_speak"),
    ("my ex just texted me saying he's going to kill himself tonight", "i'm calling him",
     "sos.calling_them"),
])
async def test_what_people_say_in_the_talk_gets_a_reply_that_fits_it(
    emu: BotApiEmulator, bot: BotRunner, opening: str, typed: str, key: str
) -> None:
    user = emu.user(5178)
    await onboard(user, zone="Berlin")
    await user.send(opening)
    await user.reply()
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    if key in ("sos.driving", "sos.cannot_speak", "sos.calling_them"):
        assert "112" in reply.plain  # the number in every wording of these
    assert no_faq_menu(reply)


async def test_a_friend_at_risk_gets_the_friends_words_not_the_exs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5179)
    await onboard(user, zone="Berlin")
    await user.send("my best friend keeps saying she wants to die since her ex left")
    first = await user.reply()
    assert said(first, "sos.friend_at_risk"), first.plain
    assert "reopen" not in first.plain
    await user.send("what do i do")
    steps = await user.reply()
    assert said(steps, "sos.what_now_friend"), steps.plain
    assert "112" in steps.plain


async def test_okay_for_now_ends_quietly_without_answering_nothing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5180)
    await in_the_talk(user)
    await user.send("yes im safe")
    settled = await user.reply()
    await user.press(CONTENT.label("sos.buttons.done"), message=settled)
    reply = await user.reply()
    assert said(reply, "sos.okay_for_now"), reply.plain
    assert "below" not in reply.plain


async def test_ok_after_go_to_them_is_heard_as_going_and_stop_stops_the_questions(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5181)
    await in_an_explicit_talk(user)
    await user.send("not really")
    await user.reply()
    await user.send("my mum is asleep upstairs")
    await user.reply()
    await user.send("ok")
    going = await user.reply()
    assert said(going, "sos.ack_going"), going.plain
    await user.send("i said stop")
    stopped = await user.reply()
    assert said(stopped, "sos.stopped_asking"), stopped.plain
    assert "112" in stopped.plain
    await user.send("hi")
    hello = await user.reply()
    # no more questions, and no yes/no buttons asking one: company, "I'm not safe" kept
    # (session 41: greeted back, "hi", in the same quiet way)
    assert said(hello, "sos.greeting_in_talk_quiet"), hello.plain
    assert "?" not in hello.plain
    assert CONTENT.label("sos.buttons.not_safe") in hello.button_texts()
    assert SAFE_YES not in hello.button_texts()
    await user.send("everything is just heavy")
    heavy = await user.reply()
    assert "?" not in heavy.plain, heavy.plain


async def test_back_after_a_quiet_half_hour_while_not_safe_is_welcomed_with_the_number(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(5182)
    await in_the_talk(user)
    await user.send("no")
    assert said(await user.reply(), "sos.unsafe_now")
    clock.advance(timedelta(minutes=45))
    await user.send("hi")
    welcome, answer = await user.replies(2)
    assert said(welcome, "sos.back_after_unsafe"), welcome.plain
    assert "112" in welcome.plain
    assert answer.text  # and "hi" is answered too
    later = emu.user(5183)  # much later (13 hours), a quiet talk is simply over
    await in_the_talk(later)
    await later.send("no")
    await later.reply()
    clock.advance(timedelta(hours=13))
    await later.send("hi")
    reply = await later.reply()
    assert not said(reply, "sos.back_after_unsafe"), reply.plain


async def test_a_no_long_after_i_am_safe_is_not_read_as_taking_it_back(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(5184)
    await in_the_talk(user)
    await user.send("yes im safe")
    assert said(await user.reply(), "sos.safe_now")
    clock.advance(timedelta(minutes=15))
    await user.send("no")
    reply = await user.reply()
    assert not said(reply, "sos.taken_back"), reply.plain


async def test_a_crisis_caught_by_the_rules_in_another_language_gets_a_line_in_it_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5185)
    await onboard(user, zone="Berlin")
    await user.send("ich kann nicht mehr. ich will nicht mehr leben")
    reply = await user.reply()
    assert reply.plain.startswith("Bist du gerade in Sicherheit?"), reply.plain
    assert "112" in reply.plain
    assert SAFE_NO in reply.button_texts()


# ------------------------------------------------------- probe 3: what a person says, heard


async def test_a_later_country_replaces_the_first_and_places_are_never_people(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5300)
    await in_an_explicit_talk(user)
    await user.send("actually im in the uk")
    uk = await user.reply()
    assert said(uk, "sos.lines_here"), uk.plain
    assert "999" in uk.plain
    assert "the UK" in uk.plain
    await user.send("mexico")
    mexico = await user.reply()
    assert said(mexico, "sos.lines_here"), mexico.plain
    assert "911" in mexico.plain
    await user.send("sono in italia")
    italy = await user.reply()
    assert said(italy, "sos.lines_here"), italy.plain
    assert "Italy" in italy.plain
    for word in ("berlin", "goodnight", "grazie", "cancel", "nowhere. forget it"):
        await user.send(word)
        reply = await user.reply()
        shown = word.split(".")[0].title()
        assert f"Call {shown}" not in reply.plain, (word, reply.plain)
        assert f"Reach {shown}" not in reply.plain, (word, reply.plain)
        assert f"{shown} sounds like" not in reply.plain, (word, reply.plain)


async def test_a_means_named_in_the_talk_is_answered_and_a_curt_safe_asked_once_more(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5301)
    await in_the_talk(user)
    await user.send("i have my dads gun")
    means = await user.reply()
    assert said(means, "sos.means_now"), means.plain
    assert "112" in means.plain
    await user.send("fine. im safe")
    again = await user.reply()
    assert said(again, "sos.safe_recheck"), again.plain
    await user.send("yes i can")
    assert said(await user.reply(), "sos.safe_now")


async def test_questions_about_calling_a_line_are_answered_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5302)
    await onboard(user, zone="Berlin")
    await user.send("i dont want to live anymore")
    await user.reply()
    await user.send("will they send the police")
    police = await user.reply()
    assert said(police, "sos.about_lines"), police.plain
    assert no_faq_menu(police)
    await user.send("can i text instead")
    text = await user.reply()
    assert said(text, "sos.about_lines"), text.plain
    assert text.plain != police.plain  # never the same words twice in a row
    assert "counts" not in text.plain  # not the No Contact answer about texting


async def test_progress_is_heard_and_alternatives_given_during_an_urge_to_self_harm(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5303)
    await in_the_talk(user)
    await user.send("what do i do instead")
    instead = await user.reply()
    assert said(instead, "sos.alternatives"), instead.plain
    await user.send("no")
    await user.reply()
    await user.send("ok i told her")
    told = await user.reply()
    assert said(told, "sos.reached_help"), told.plain
    await user.send("were going to a&e")
    going = await user.reply()
    assert said(going, "sos.help_coming"), going.plain
    await user.send("are you a real person?")
    bot_reply = await user.reply()
    assert said(bot_reply, "sos.about_bot"), bot_reply.plain


async def test_a_decision_announced_after_a_goodbye_gets_the_most_urgent_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5304)
    await onboard(user, zone="Chicago")
    await user.send("goodbye steadfast. thank you for everything")
    await user.reply()
    await user.send("its ok. i made my decision")
    decided = await user.reply()
    assert said(decided, "sos.imminent"), decided.plain
    assert "988" in decided.plain or "911" in decided.plain


async def test_a_clarification_that_starts_with_no_ends_the_talk_kindly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5305)
    await in_the_talk(user)
    await user.send("no not like that")
    clarified = await user.reply()
    assert said(clarified, "sos.clarified"), clarified.plain
    other = emu.user(5306)
    await in_the_talk(other)
    await other.send("im not in danger i was just venting")
    venting = await other.reply()
    assert said(venting, "sos.clarified"), venting.plain
    assert "Lock the door" not in venting.plain


async def test_cancel_or_not_now_stops_the_plan_and_keeps_what_was_written(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5307)
    first = await in_an_explicit_talk(user)
    await user.press(PLAN, message=first)
    await user.reply()
    await user.send("when its late")
    await user.reply()
    await user.send("i dont want to do this now")
    stopped = await user.reply()
    assert said(stopped, "sos.plan_stopped"), stopped.plain
    assert "when its late" in stopped.plain
    assert "i dont want to do this now" not in stopped.plain
    await user.send("hello")
    after = await user.reply()
    assert "• hello" not in after.plain  # the plan is over: nothing more is saved into it
    other = emu.user(5308)
    opened = await in_an_explicit_talk(other)
    await other.press(PLAN, message=opened)
    await other.reply()
    await other.send("cancel")
    empty = await other.reply()
    assert said(empty, "sos.plan_stopped_empty"), empty.plain


@pytest.mark.parametrize("emoji", ["💊💊💊💊", "🔪"])
async def test_pills_or_a_blade_sent_alone_are_asked_about(
    emu: BotApiEmulator, bot: BotRunner, emoji: str
) -> None:
    user = emu.user(5309)
    await onboard(user, zone="Berlin")
    await user.send(emoji)
    reply = await user.reply()
    assert said(reply, "sos.harm_check"), reply.plain
    assert SAFE_NO in reply.button_texts()


async def test_danger_that_is_not_at_the_door_gets_steps_not_only_the_emergency_number(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5310)
    await onboard(user, zone="Berlin")
    await user.send("i keep seeing his car outside my work, he follows me")
    await user.reply()
    await user.send("maybe im being paranoid")
    paranoid = await user.reply()
    assert said(paranoid, "sos.danger_not_now"), paranoid.plain
    await user.send("what if he put a tracker on my car")
    tracker = await user.reply()  # how to look for one, since the tenth session
    assert said(tracker, "sos.tracker"), tracker.plain
    assert tracker.plain != paranoid.plain
    await user.send("im a guy nobody believes me")
    believed = await user.reply()
    assert said(believed, "sos.believed"), believed.plain


async def test_blaming_themselves_for_the_ex_s_threat_is_answered_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5311)
    await onboard(user, zone="Berlin")
    await user.send("my ex just texted that hes going to kill himself if i dont answer")
    await user.reply()
    await user.send("if he does it its my fault")
    fault = await user.reply()
    assert said(fault, "sos.not_your_fault"), fault.plain


async def test_drink_told_in_the_talk_is_not_an_overdose_but_pills_with_it_are(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5312)
    await in_the_talk(user)
    await user.send("i had a bottle of wine")
    wine = await user.reply()
    assert said(wine, "sos.drinking"), wine.plain
    other = emu.user(5313)
    await in_the_talk(other)
    await other.send("had a bottle of wine and some pills")
    pills = await other.reply()
    assert not said(pills, "sos.drinking"), pills.plain  # pills with it: urgent, the number
    assert "112" in pills.plain


async def test_danger_told_more_about_gets_steps_for_tonight_then_practical_company(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5314)
    await onboard(user, zone="Berlin")
    await user.send("he said hell kill me if i ever leave him")
    await user.reply()
    await user.send("i left yesterday")
    steps = await user.reply()
    assert said(steps, "sos.danger_steps"), steps.plain
    assert "116 016" in steps.plain  # the abuse line, not only the emergency number
    await user.send("im at my moms")
    stay = await user.reply()
    # somewhere safe reached: glad, and what to do there (the door, the one with them)
    assert said(stay, "sos.danger_arrived"), stay.plain
    await user.send("he knows where she lives")
    again = await user.reply()
    assert said(again, "sos.stay_danger"), again.plain
    assert again.plain != stay.plain


async def test_a_threat_to_post_intimate_images_gets_its_own_steps_never_lock_the_door(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5315)
    await onboard(user, zone="Berlin")
    await user.send("my ex says hell post my nudes if i dont unblock him")
    first = await user.reply()
    assert said(first, "sos.images_reply"), first.plain
    assert "StopNCII" in first.plain
    for text in ("what should i do", "should i just unblock him so he calms down",
                 "can the police actually do anything"):
        await user.send(text)
        reply = await user.reply()
        assert said(reply, "sos.images_now"), (text, reply.plain)
        assert "lock the door" not in reply.plain.lower()
    await user.send("i feel so stupid for sending them")
    fault = await user.reply()
    assert said(fault, "sos.not_your_fault"), fault.plain


async def test_a_custody_threat_gets_the_children_answer_not_the_suicide_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5316)
    await onboard(user, zone="Berlin")
    await user.send("he says he will take the kids and i will never see them again")
    reply = await user.reply()
    assert not said(reply, "sos.harm_check"), reply.plain
    assert "TelefonSeelsorge" not in reply.plain
    assert "custody is decided by a court" in reply.plain


async def test_after_the_talk_stop_asking_is_heard_and_in_danger_no_reply_is_advised(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5317)
    await onboard(user, zone="Berlin")
    await user.send("stop asking if im safe")
    heard = await user.reply()
    assert said(heard, "listen.stopped_asking"), heard.plain
    assert "threaten" not in heard.plain  # not the answer about danger from an ex
    other = emu.user(5318)
    await onboard(other, zone="Berlin")
    await other.send("she hit me again before i left. i still have bruises")
    await other.reply()
    await other.send("should i reply to her so she stops")
    reply = await other.reply()
    assert said(reply, "sos.reply_danger"), reply.plain


@pytest.mark.parametrize(("zone", "tip", "absent"), [
    ("Europe/London", "press 55", "text 911"),
    ("Chicago", "text 911", "press 55"),
    ("Berlin", None, "press 55"),
])
async def test_silent_ways_to_call_are_the_country_s_own(
    emu: BotApiEmulator, bot: BotRunner, zone: str, tip: str | None, absent: str
) -> None:
    user = emu.user(5319)
    await onboard(user, zone=zone)
    await user.send("hes in my house and wont leave")
    await user.reply()
    replies = []
    for _ in range(3):  # every wording of the reply, in turn
        await user.send("i cant call he'll hear me")
        reply = await user.reply()
        assert said(reply, "sos.cannot_speak"), reply.plain
        assert absent not in reply.plain, reply.plain
        replies.append(reply.plain)
    if tip is not None:
        assert any(tip in r for r in replies), replies


async def test_lines_for_the_ex_at_risk_have_one_header_that_says_whose_they_are(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5320)
    await onboard(user, zone="Berlin")
    await user.send("my ex just texted that hes going to kill himself if i dont answer")
    reply = await user.reply()
    assert said(reply, "sos.ex_at_risk"), reply.plain
    for intro in CONTENT.variants("sos.lines_intro"):  # not the person's own lines' intro
        assert _opening(intro) not in reply.plain, reply.plain
    assert "112" in reply.plain


async def test_a_plain_question_the_faq_can_only_offer_options_for_leaves_a_gentle_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5321)
    await in_the_talk(user)
    await user.send("why did she leave me")
    leaving, reply = await user.replies(2)  # the talk lets go kindly, then the options
    assert not said(leaving, "sos.still_here"), leaving.plain
    assert CONTENT.faq is not None
    openings = [v[:25] for v in CONTENT.faq.did_you_mean]
    assert any(reply.plain.startswith(o) for o in openings), reply.plain


async def test_numbers_asked_for_are_given_and_an_amount_taken_is_not_doubt(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5322)
    await onboard(user, zone="Chicago")
    await user.send("i dont see the point anymore honestly")
    await user.reply()
    await user.send("no one would even notice if i was gone")
    await user.reply()
    await user.send("what number do i call")
    numbers = await user.reply()
    variants = CONTENT.variants("sos.give_lines")
    tails = [v.split("{lines}")[1].strip().split(".")[0] for v in variants]
    assert any(t in numbers.plain for t in tails), numbers.plain
    assert "988" in numbers.plain
    await user.send("ok")
    check = await user.reply()
    assert said(check, "sos.ok_check"), check.plain  # a bare "ok" is not "I'm safe"
    await user.send("i took a bunch of my sleeping pills")
    await user.reply()
    await user.send("like 10 maybe")
    amount = await user.reply()
    assert said(amount, "sos.amount_taken"), amount.plain
    await user.send("sorry for the drama")
    sorry = await user.reply()
    assert said(sorry, "sos.no_sorry"), sorry.plain


async def test_a_country_said_in_a_sentence_brings_its_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5323)
    await in_an_explicit_talk(user)
    await user.send("im not in germany, im on holiday in spain")
    spain = await user.reply()
    assert said(spain, "sos.lines_here"), spain.plain
    assert "Spain" in spain.plain


async def test_wanting_to_call_the_ex_while_not_safe_is_answered_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5324)
    await in_an_explicit_talk(user)
    await user.send("no")
    await user.reply()
    await user.send("should i call him")
    reply = await user.reply()
    assert said(reply, "sos.ex_not_now"), reply.plain
    assert "112" in reply.plain


@pytest.mark.parametrize("typed", ["sorry. I am very sad, he left me for my best friend",
                                   "my job my ex my family", "back"])
async def test_the_one_who_hurt_them_or_a_list_of_troubles_is_not_someone_to_call(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(5325)
    await onboard(user, zone="Berlin")
    await user.send("i want to end my life")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send(typed)
    reply = await user.reply()
    for key in ("sos.reach_person", "sos.reach_person_near"):
        assert not said(reply, key), (typed, reply.plain)
    assert "sounds like the right person" not in reply.plain


async def test_a_stopped_attempt_and_a_request_to_call_for_them_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5326)
    await in_the_talk(user)
    await user.send("i couldnt do it")
    stopped = await user.reply()
    assert said(stopped, "sos.stopped_attempt"), stopped.plain
    assert "112" in stopped.plain
    await user.send("can u call the police for me")
    cant = await user.reply()
    assert said(cant, "sos.cant_call"), cant.plain


async def test_a_weapon_and_him_coming_back_are_planned_for_in_a_danger_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5327)
    await onboard(user, zone="Berlin")
    await user.send("he said if i dont come back hell make sure no one else can have me")
    first = await user.reply()
    assert said(first, "sos.danger_reply"), first.plain  # a threat to them, not suicide
    await user.send("he has a gun")
    weapon = await user.reply()
    assert said(weapon, "sos.danger_weapon"), weapon.plain
    await user.send("what if he comes back tomorrow")
    back = await user.reply()
    assert said(back, "sos.danger_comes_back"), back.plain


async def test_a_last_message_with_a_farewell_gets_the_number_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5328)
    await onboard(user, zone="Berlin")
    await user.send("this is my last message. thank you for everything. tell nobody")
    reply = await user.reply()
    assert said(reply, "sos.explicit_reply"), reply.plain
    await user.send("It is simply time.")
    time_ = await user.reply()
    assert said(time_, "sos.imminent"), time_.plain


async def test_sextortion_in_other_words_and_paying_are_answered_with_the_image_steps(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5329)
    await onboard(user, zone="Berlin")
    await user.send("my ex is sending me my private photos and saying he will send to my father")
    first = await user.reply()
    assert said(first, "sos.images_reply"), first.plain
    await user.send("he is asking 50000 rupees")
    await user.reply()
    await user.send("if i pay he will stop na?")
    pay = await user.reply()
    assert said(pay, "sos.images_now"), pay.plain
    await user.send("maybe i should just unblock him so he calms down")
    unblock = await user.reply()
    assert said(unblock, "sos.images_now"), unblock.plain


async def test_protection_orders_and_phone_safety_are_answered_in_a_danger_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5330)
    await onboard(user, zone="Berlin")
    await user.send("my ex keeps following me to work and waiting at the parking")
    await user.reply()
    await user.send("can i get a protection order here?")
    order = await user.reply()
    assert said(order, "sos.protection_order"), order.plain
    await user.send("he has my icloud password too")
    tech = await user.reply()
    assert said(tech, "sos.tech_safety"), tech.plain


async def test_phone_safety_asked_outside_a_talk_gets_steps(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5331)
    await onboard(user, zone="Berlin")
    await user.send("i just realised we still share locations on snapchat, he can see where i am")
    reply = await user.reply()
    assert said(reply, "listen.tech_safety"), reply.plain


async def test_not_having_acted_is_not_read_as_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: "no i havent done anything" to "are you safe?" was read as "no", and the
    # talk then pushed "call 112 now" at "its just a thought" and at a wish to talk to someone.
    user = emu.user(5057)
    await onboard(user, zone="Berlin")
    await user.send("sometimes i think it would be easier if i just didnt wake up")
    await user.reply()
    await user.send("no i havent done anything")
    first = await user.reply()
    assert said(first, "sos.not_acted"), first.plain
    assert "TelefonSeelsorge" in first.plain
    await user.send("its just a thought")
    second = await user.reply()
    assert said(second, "sos.not_acted"), second.plain
    assert second.text != first.text  # never the same text twice running
    await user.send("i want to talk to someone but my family doesnt know about her")
    talk = await user.reply()
    assert said(talk, "sos.talk_with_me"), talk.plain
    assert "TelefonSeelsorge" in talk.plain


async def test_fear_for_the_ex_and_being_fine_are_answered_for_the_ex_at_risk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: "what if he actually does it" got "are you safe at this moment?", and
    # "i'm fine, it's him i'm worried about" the self-harm goodbye about "waves".
    user = emu.user(5058)
    await onboard(user, zone="Berlin")
    await user.send("he just texted me saying he will kill himself if i dont reply tonight")
    await user.reply()
    await user.send("what if he actually does it")
    fear = await user.reply()
    assert said(fear, "sos.fears_for_them"), fear.plain
    assert "112" in fear.plain
    await user.send("i'm fine, it's him i'm worried about")
    fine = await user.reply()
    assert said(fine, "sos.safe_now_other"), fine.plain


async def test_symptoms_after_taking_something_are_an_emergency_not_unsure(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5059)
    await onboard(user, zone="Berlin")
    await user.send("i keep thinking everyone would be better off")
    await user.reply()
    await user.send("i already took a bunch of my sleeping pills like an hour ago")
    await user.reply()
    await user.send("i feel kinda dizzy")
    worse = await user.reply()
    assert said(worse, "sos.taken_symptoms"), worse.plain
    assert "112" in worse.plain
    assert SAFE_NO not in worse.button_texts()
    assert CONTENT.label("sos.buttons.safe_yes") not in worse.button_texts()


async def test_at_work_until_later_in_danger_gets_a_way_home_not_no_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: "i'm at work now, finish at 6" was read as the person she tried being at
    # work: "I'm sorry they didn't pick up... If you might hurt yourself".
    user = emu.user(5060)
    await onboard(user, zone="Berlin")
    await user.send("i think my ex is following me. his car was outside my work again today")
    await user.reply()
    await user.send("i'm at work now, finish at 6")
    plan = await user.reply()
    assert said(plan, "sos.leaving_later"), plan.plain
    assert "112" in plan.plain
    assert "hurt yourself" not in plan.plain


async def test_a_frightened_call_for_help_is_asked_about_with_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5061)
    await onboard(user, zone="Berlin")
    await user.send("please help im scared")
    asked = await user.reply()
    assert "are you safe right now?" in asked.plain.lower(), asked.plain
    assert "112" in asked.plain
    assert "TelefonSeelsorge" in asked.plain
    assert SAFE_NO in asked.button_texts()


async def test_parents_who_would_kill_me_is_a_figure_of_speech_not_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: a 14-year-old's "i cant tell my parents theyd kill me" got "call 911 now,
    # lock the door" (the danger reply for someone threatened).
    text = "i cant tell my parents theyd kill me"
    assert detect_crisis(text) is None
    user = emu.user(5062)
    await onboard(user, zone="Berlin")
    await user.send("sometimes i wish i could just disappear")
    await user.reply()
    await user.send(text)
    reply = await user.reply()
    assert not said(reply, "sos.danger_reply"), reply.plain
    assert "lock the door" not in reply.plain.lower()


async def test_a_temper_and_drink_after_a_threat_is_asked_about_on_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: heard as her own feelings, with a "Drunk texting" answer offered.
    user = emu.user(5063)
    await onboard(user, zone="Berlin")
    await user.send("hes got a temper and hes been drinking")
    asked = await user.reply()
    assert said(asked, "sos.harm_check_danger"), asked.plain
    assert "Hilfetelefon" in asked.plain
    assert CONTENT.faq_entries["drunk-text"].title not in asked.button_texts()


async def test_a_feeling_said_alone_in_the_talk_is_never_a_person_to_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: "calm" got "Reach Calm now: call, or go to where they are".
    user = emu.user(5064)
    await onboard(user, zone="Berlin")
    await user.send(PASSIVE)
    await user.reply()
    await user.send("calm")
    reply = await user.reply()
    assert "Reach Calm" not in reply.plain, reply.plain
    assert "Calm" not in reply.plain.split("\n")[0]



@pytest.mark.parametrize(("text", "key"), [
    # danger told only by what happened: a knife "only to talk", a threat with no word of
    # fear, a flat entered when only the ex had a key
    ("he is standing in my kitchen with a knife and says he just wants to talk",
     "sos.danger_reply"),
    ("she left a voicemail, i'm dead when she catches me", "sos.danger_reply"),
    ("never got his key back and someone has been in my flat, my stuff was moved",
     "sos.danger_reply"),
    # the ex at risk told by his family
    ("his brother phoned, he swallowed a load of tablets and he's in hospital now",
     "sos.ex_at_risk"),
    # goodbyes that never say goodbye: the numbers first
    ("wrote a letter and left it on my bed for whoever finds it", "sos.explicit_reply"),
    ("set an email to go to my sister tomorrow at 8. by then it won't matter",
     "sos.explicit_reply"),
    # round 31's: danger told by what was found or seen, the ex at risk told by a friend
    ("found an airtag sewn into my coat lining, i never bought one", "sos.tracker"),
    ("she's been standing outside my house at 3am again, same coat every time",
     "sos.danger_at_door"),
    ("his flatmate says he's been cutting again since we split", "sos.ex_at_risk"),
    # round 32's: a phone taken and a door blocked, the ex at risk told by what he says
    ("he grabbed my phone and locked the front door, typing this on my laptop",
     "sos.danger_reply"),
    ("she's been saying everyone is better off without her and giving her things away."
     " im scared she's going to do something", "sos.ex_at_risk"),
    ("i keep thinking i should just end me", "sos.explicit_reply"),
    ("his mate messaged saying i should watch myself walking home", "sos.danger_reply"),
])
async def test_tuned_phrasings_get_their_own_path_with_the_number(
    emu: BotApiEmulator, bot: BotRunner, text: str, key: str
) -> None:
    user = emu.user(5210)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert "112" in reply.plain
    # the lines of where the person is: "in hospital" is no place on a map
    assert "TelefonSeelsorge" in reply.plain or "Hilfetelefon" in reply.plain, reply.plain


@pytest.mark.parametrize("text", [
    # round 31's tuning: affairs put in order through chores, a burden said as costs, a plan
    # told by when the house is empty
    "paid the rent early, cancelled my phone contract, wrote down the passwords. everything is"
    " in order now",
    "one less mouth to feed for my mum, simple maths",
    "once my flatmates go to work tomorrow the flat is empty. that's when",
    # round 32's tuning: self-harm told by its signs, a family occasion they won't be at,
    # bills cleared so no one is left with them
    "jumpers in 30 degree heat again so nobody sees my arms",
    "not planning on being at my mum's 60th. she doesn't know that yet",
    "closed my credit card so nobody gets stuck with my debts after",
])
async def test_round_31s_quiet_warning_signs_get_the_gentle_check(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5214)
    await onboard(user, zone="Berlin")
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "sos.passive_check") or said(reply, "sos.explicit_reply"), reply.plain
    assert "I'm not safe" in " ".join(reply.button_texts()), reply.button_texts()


async def test_danger_told_inside_a_talk_about_the_ex_at_risk_opens_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: in a talk about the ex at risk, "he is outside my door with
    # a knife" was read as a weapon the talk already knew of ("Here with you, still"), with no
    # number; and "what do i do" then got the steps for helping the ex.
    user = emu.user(5213)
    await onboard(user, zone="Berlin")
    await user.send("his sister rang, he took a load of pills last night and hes in hospital")
    assert said(await user.reply(), "sos.ex_at_risk")
    await user.send("he is outside my door with a knife saying he just wants to talk")
    danger = await user.reply()
    assert said(danger, "sos.danger_at_door") or said(danger, "sos.danger_unsafe"), danger.plain
    assert "112" in danger.plain


async def test_a_slip_told_in_the_talk_is_heard_in_its_light(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "i texted him again. day 2 and i already failed" in a safety talk got
    # "That's a lot... Is there someone you could message?"
    user = emu.user(5172)
    await in_the_talk(user)
    await user.send("i texted him again. day 2 and i already failed")
    reply = await user.reply()
    assert said(reply, "sos.slip_in_talk"), reply.plain
    assert SAFE_NO in reply.button_texts()
    assert no_faq_menu(reply)


async def test_at_my_mums_after_refusing_the_police_is_there_and_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat (twentieth session, London): after "i dont want to call the police on
    # him", "ok im at my mums now" got the steps for leaving work ("someone at work who
    # knows")
    user = emu.user(5177)
    await onboard(user, zone="Europe/London")
    await user.send("hes outside my flat banging on the door")
    assert said(await user.reply(), "sos.danger_at_door")
    await user.send("i dont want to call the police on him")
    await user.reply()
    await user.send("ok im at my mums now")
    there = await user.reply()
    assert said(there, "sos.danger_arrived"), there.plain
    assert not said(there, "sos.leaving_later"), there.plain
    assert no_faq_menu(there)


async def test_a_settings_request_while_not_safe_is_done_and_the_talk_stays_open(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: after "not really", "stop the daily messages for a week" and "message me
    # at 9 instead" each got "call 112 now" and nothing was done.
    user = emu.user(5290)
    await in_the_talk(user)
    await user.send("not really")
    await user.reply()
    await user.send("stop the daily messages for a week")
    paused = await user.reply()
    assert "Paused for 7 days" in paused.plain, paused.plain
    flat = " ".join(paused.plain.split())
    assert any(_opening(v) in flat for v in CONTENT.variants("sos.done_and_stay")), flat
    assert "112" in paused.plain
    assert CONTENT.label("sos.buttons.not_safe") in paused.button_texts()
    await user.send("message me at 9 instead")
    moved = await user.reply()
    assert "09:00" in moved.plain, moved.plain
    assert "112" in moved.plain
    async with bot.runtime.db.session() as session:
        stored = (await session.exec(select(User).where(User.id == 5290))).one()
    assert stored.paused_until is not None
    assert stored.daily_time is not None
    assert stored.daily_time.hour == 9
    await user.send("but i still feel like dying")  # still in the talk
    again = await user.reply()
    assert said(again, "sos.stay_unsafe"), again.plain


async def test_a_settings_request_at_the_gentle_check_is_done_and_the_talk_ends(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5291)
    await in_the_talk(user)
    await user.send("pause for 3 days")
    left = await user.reply()
    assert said(left, "sos.left_safely"), left.plain
    paused = await user.reply()
    assert "Paused for 3 days" in paused.plain, paused.plain


@pytest.mark.parametrize(("typed", "key"), [
    ("make a safety plan", "sos.plan_self.intro"),
    ("ok help me calm down", "sos.grounding"),
])
async def test_a_safety_button_typed_after_saying_safe_is_the_button(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    # Terminal chat: "make a safety plan", typed under "the buttons below have a simple
    # safety plan", got "I don't know that one" and the topic menu.
    user = emu.user(5292)
    await in_the_talk(user)
    await user.send("im ok")
    await user.reply()
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert no_faq_menu(reply)


async def test_a_safety_button_typed_with_no_talk_open_is_the_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5293)
    await onboard(user, zone="Berlin")
    await user.send("can we make a safety plan please")
    plan = await user.reply()
    assert said(plan, "sos.plan_self.intro"), plan.plain
    await user.send("help me calm down")  # a plan answer now, not the exercise
    nxt = await user.reply()
    assert not said(nxt, "sos.grounding"), nxt.plain
    assert CONTENT.label("sos.buttons.skip_question") in nxt.button_texts()


async def test_a_city_after_a_gentle_check_at_set_up_answers_set_up(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: at "which time zone are you in?", words the check could not place were
    # asked about; "paris" next got "Paris sounds like the right person. Call now".
    user = emu.user(5294)
    await user.send("/start")
    await user.reply()
    await user.press("Today")
    await user.replies(2)
    await user.send("i dont even know if ill be around much longer")
    check = await user.reply()
    assert CONTENT.label("sos.buttons.safe_yes") in check.button_texts()
    await user.send("paris")
    left = await user.reply()
    assert said(left, "sos.left_safely"), left.plain
    assert CONTENT.label("sos.buttons.not_safe") in left.button_texts()
    which = await user.reply()
    assert "Paris, France" in which.button_texts(), which.plain


async def test_a_date_after_not_safe_at_set_up_stays_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5295)
    await user.send("/start")
    await user.reply()
    await user.send(PASSIVE)
    await user.reply()
    await user.send("not really")
    await user.reply()
    await user.send("yesterday")  # after "not safe", not taken away from the talk
    stay = await user.reply()
    assert "112" in stay.plain or "emergency" in stay.plain, stay.plain
    assert "Today" not in stay.button_texts()


async def test_should_i_just_reply_so_he_stops_in_a_danger_talk_is_answered_for_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: after a threat, "should i just reply so he stops" got the general FAQ
    # answer about replying to an ex.
    user = emu.user(5296)
    await onboard(user, zone="Berlin")
    await user.send("my ex said he would hurt me if i dont unblock him")
    await user.reply()
    await user.send("im at home")
    await user.reply()
    await user.send("should i just reply so he stops")
    reply = await user.reply()
    assert said(reply, "sos.reply_danger"), reply.plain
    assert no_faq_menu(reply)


async def test_messaging_the_exs_best_mate_is_getting_him_help(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "i messaged his best mate" got "I'm still here with you... are you safe?"
    user = emu.user(5297)
    await onboard(user, zone="Berlin")
    await user.send("my ex just texted saying he is going to kill himself")
    await user.reply()
    await user.send("i messaged his best mate")
    assert said(await user.reply(), "sos.helped_them")


async def test_whatever_after_not_safe_and_pills_stays_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "whatever" after "no" and "i have pills here" got "A 'maybe' deserves to
    # be taken seriously", as if unsure.
    user = emu.user(5298)
    await in_the_talk(user)
    await user.send("no")
    await user.reply()
    await user.send("i have pills here")
    await user.reply()
    await user.send("whatever")
    reply = await user.reply()
    assert said(reply, "sos.means_now"), reply.plain
    assert "112" in reply.plain


@pytest.mark.parametrize(
    "typed", ["lol its not that deep", "ur overreacting", "dont be so dramatic"]
)
async def test_a_worry_played_down_is_heard_not_asked_again(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # Terminal chat: "lol its not that deep" got "Are you somewhere safe right now?" again, and
    # the next message the crisis lines, in a loop.
    user = emu.user(5299)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.played_down"), reply.plain
    assert CONTENT.label("sos.buttons.not_safe") in reply.button_texts()
    await user.send("so how do i stop checking his instagram")
    answer = await user.reply()
    assert not said(answer, "sos.played_down")
    assert "safe right now" not in answer.plain


@pytest.mark.parametrize(("typed", "key"), [
    ("its not that deep", "sos.played_down"),
    ("is it normal to feel like this", "sos.is_normal"),
])
async def test_after_not_safe_the_reply_keeps_the_number(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    # Played down or asked whether it is normal, after "not safe": not the lighter reply
    user = emu.user(5300 if key == "sos.played_down" else 5305)
    await in_the_talk(user)
    await user.send("no")
    await user.reply()
    await user.send(typed)
    reply = await user.reply()
    assert not said(reply, key), reply.plain
    assert "112" in reply.plain


async def test_danger_with_a_key_gets_the_lock_in_the_first_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "he still has a key" got the general danger reply, nothing of the lock.
    user = emu.user(5301)
    await onboard(user, zone="Berlin")
    await user.send("my ex keeps turning up at my flat and he still has a key")
    reply = await user.reply()
    assert "112" in reply.plain
    assert any(
        " ".join(tghtml.to_plain(v).split()) in " ".join(reply.plain.split())
        for v in CONTENT.variants("sos.key_line")
    ), reply.plain
    assert reply.plain.rstrip().endswith("?"), reply.plain  # the question stays last


async def test_a_key_told_in_the_danger_talk_gets_the_lock(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5302)
    await in_a_danger_talk(user)
    await user.send("and she still has my spare key")
    reply = await user.reply()
    assert said(reply, "sos.danger_key"), reply.plain
    assert "112" in reply.plain


async def test_status_on_a_milestone_day_in_an_unsafe_talk_has_no_party(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: /status after "not safe" said "🎉 Today marks 7 full days".
    user = emu.user(5303)
    await onboard(user, date="7 days ago", zone="Berlin")
    await user.send("/status")
    assert "🎉" in (await user.reply()).plain  # the day is a milestone
    await user.send(PASSIVE)
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("/status")
    status = await user.reply()  # the count, and under it the number (one message)
    assert "🎉" not in status.plain, status.plain
    assert any(
        v.format(days="7 full days") in status.plain
        for v in CONTENT.variants("progress.milestone_today_quiet")
    ), status.plain
    assert "112" in status.plain, status.plain


async def test_is_it_normal_asked_in_the_talk_is_answered_not_met_with_the_question_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "so is it normal or not" was never answered; "are you safe?"
    # came back each time.
    user = emu.user(5304)
    await in_the_talk(user)
    await user.send("is it normal to feel like this")
    first = await user.reply()
    assert said(first, "sos.is_normal"), first.plain
    await user.send("so is it normal or not")
    second = await user.reply()
    assert said(second, "sos.is_normal"), second.plain
    assert second.text != first.text  # never the same wording twice in a row
    await user.send("yeah im safe")
    assert not said(await user.reply(), "sos.is_normal")


async def test_ok_calling_in_the_danger_talk_is_a_call_not_a_name(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "ok calling" got "Call Calling, or ask them to come to you."
    user = emu.user(5306)
    await onboard(user, zone="Berlin")
    await user.send("my ex is outside my flat and wont leave, i can see his car")
    await user.reply()
    await user.send("ok calling")
    reply = await user.reply()
    assert "Call Calling" not in reply.plain, reply.plain
    assert "Calling," not in reply.plain, reply.plain


async def test_youre_a_bot_after_pills_named_keeps_the_distance_from_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "why do you care you're a bot" after pills saved up got "I'll
    # ease off", and the pills never came up again.
    user = emu.user(5308)
    await onboard(user, zone="Berlin")
    await user.send("i have pills saved up, enough")
    await user.reply()
    await user.send("why do you care you're a bot")
    reply = await user.reply()
    assert said(reply, "sos.about_bot_means"), reply.plain
    assert "112" in reply.plain


@pytest.mark.parametrize(
    "typed",
    ["my mate says i'm overreacting", "should i go to the police? i dont want to make it worse"],
)
async def test_doubt_or_a_police_question_in_the_danger_talk_is_answered(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chats: both got "Get help from a person right away: 999 or 112",
    # and "you're not overreacting" was never said.
    user = emu.user(5309 if typed.startswith("my") else 5310)
    await in_a_danger_talk(user, zone="Europe/London")
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.danger_not_now"), reply.plain


async def test_he_is_outside_with_a_police_question_is_still_the_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5311)
    await in_a_danger_talk(user, zone="Europe/London")
    await user.send("he is outside now, should i call the police")
    reply = await user.reply()
    assert not said(reply, "sos.danger_not_now"), reply.plain
    assert "999" in reply.plain


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        # A helper's terminal chat: "About that question: see below" and the block-or-mute FAQ
        ("can you block him for me", "sos.cant_act"),
        ("could u tell him to stop pls", "sos.cant_act"),
        # ... and "I'm sorry they didn't pick up" with the list of lines
        ("he blocked me on everything now anyway", "sos.danger_blocked"),
        # ... and "I'm glad you told me" with the whole list of steps again
        ("ok thanks", "sos.thanks_in_talk"),
    ],
)
async def test_what_a_danger_talk_hears_after_the_first_reply(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    user = emu.user(5310)
    await in_a_danger_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert "112" in reply.plain  # the number stays in every one
    assert "I'm not safe" in reply.button_texts()
    assert no_faq_menu(reply)


async def test_a_block_asked_of_the_bot_in_a_self_harm_talk_is_answered_too(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5311)
    await in_an_explicit_talk(user)
    await user.send("can u just block him for me")
    reply = await user.reply()
    assert said(reply, "sos.cant_act_self"), reply.plain  # nothing of threats or screenshots


@pytest.mark.parametrize(
    "typed",
    ["i'm not going to hurt myself ok? i just want the pain to stop",
     "i told you im not gonna do anything. i just want it to stop hurting"],
)
async def test_a_promise_with_the_pain_beside_it_is_believed_not_asked_again(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chat: this was asked "are you safe?" four times over.
    user = emu.user(5312)
    await in_the_talk(user)
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.promised_pain"), reply.plain
    assert "safe right now" not in reply.plain.lower()
    assert "I'm not safe" in reply.button_texts()  # the way to say otherwise stays


async def test_a_razor_used_again_told_is_cared_for_and_the_talk_keeps_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: the net's plain check, nothing of the wound; then "i dont want
    # a lecture" let the talk go (FAQ buttons), "no i dont want to call anyone" got the urge
    # answer, and "can you just talk to me about something else" a question about knowing.
    user = emu.user(5313)
    await onboard(user, zone="Berlin")
    await user.send("i did the thing with the razor again tonight. its not deep")
    first = await user.reply()
    # (session 28: a cut told as not deep is looked after as small, the numbers kept in it)
    assert said(first, "sos.hurt_minor_first"), first.plain
    assert "112" in first.plain
    await user.send("i dont want a lecture, i just needed to tell someone")
    heard = await user.reply()
    assert said(heard, "sos.no_lecture"), heard.plain
    assert no_faq_menu(heard)
    await user.send("no i dont want to call anyone")
    assert said(await user.reply(), "sos.text_instead")
    await user.send("can you just talk to me about something else")
    assert said(await user.reply(), "sos.talk_else")


async def test_something_else_asked_outside_a_talk_is_answered_as_asked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5314)
    await onboard(user, zone="Berlin")
    await user.send("can you just talk to me about something else")
    assert said(await user.reply(), "listen.talk_else")
    await user.send("i dont want to call anyone")
    reply = await user.reply()
    assert reply.text != "\n\n".join(CONTENT.faq_entries["urge"].answer), reply.plain
    assert "urge" not in reply.plain.lower() or "/urge" in reply.plain


async def test_not_knowing_if_they_want_help_after_pills_is_still_the_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: after an overdose, "I don't know if I want help" got "put
    # distance between you and it: give it to someone to hold", and every reply offered
    # "Help me calm down" and a safety plan during a medical emergency.
    user = emu.user(5315)
    await onboard(user, zone="Berlin")
    await user.send("i took 20 of my sleeping pills about an hour ago")
    first = await user.reply()
    assert "112" in first.plain
    await user.send("I don't know if I want help")
    reply = await user.reply()
    assert said(reply, "sos.taken_unsure"), reply.plain
    assert "112" in reply.plain
    calm = CONTENT.label("sos.buttons.grounding")
    assert calm not in reply.button_texts(), reply.button_texts()
    assert calm not in first.button_texts(), first.button_texts()


async def test_should_i_block_him_after_saying_they_are_safe_is_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: after "I'm at my sister's tonight, I'm ok for now", "should I
    # block him? I'm scared it makes him angrier" got "Call 999 right now... Lock the door"
    # and the whole list of lines a third time.
    user = emu.user(5316)
    await in_a_danger_talk(user)
    await user.send("im at my sisters tonight, im ok for now")
    await user.reply()
    await user.send("should I block him? I'm scared it makes him angrier")
    reply = await user.reply()
    assert said(reply, "sos.danger_block_q"), reply.plain
    assert "112" in reply.plain
    assert "Lock the door" not in reply.plain


async def test_should_i_block_her_in_the_danger_talk_is_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5317)
    await in_a_danger_talk(user)
    await user.send("is it safe to block her or will that make it worse")
    assert said(await user.reply(), "sos.danger_block_q")


@pytest.mark.parametrize("typed", ["really im ok. just tired", "honestly im fine, just sad"])
async def test_safe_said_again_after_settling_is_believed_and_lets_go(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chat: "no im fine forget i said that" settled the talk, then "really
    # im ok. just tired" was asked "are you safe?" again and held in the talk, so "its 2am and
    # i cant sleep. i keep opening his instagram" next got "is there anyone near you?".
    user = emu.user(5318)
    await in_the_talk(user)
    await user.send("no im fine forget i said that")
    # taken back as too much: not agreed with, asked once more (session 41, a play-test:
    # "im ok. forget it. i was being dramatic" got "That's a relief to hear")
    assert said(await user.reply(), "sos.safe_dismissed")
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.safe_now"), reply.plain  # believed, the talk let go
    assert "?" not in reply.plain  # not asked again
    await user.send("i keep opening his instagram")
    after = await user.reply()
    assert not any(said(after, k) for k in ("sos.still_here", "sos.listen", "sos.still_here_who"))
    entry = CONTENT.faq_entries["stop-checking"]
    answers = " ".join(tghtml.to_plain(" ".join(entry.answer)).split())
    answered = " ".join(after.plain.split())[:40] in answers
    assert answered or entry.title in after.button_texts(), after.plain


async def test_gone_and_safe_after_the_police_came_steps_down_not_the_door_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "ok police came, he's gone. im ok now" got the first danger reply
    # again word for word ("Don't open the door..."), and "he used to hit me. is 'no contact'
    # even the right word for this" the door steps once more.
    user = emu.user(5319)
    await in_a_danger_talk(user)
    await user.send("ok police came, he's gone. im ok now")
    settled = await user.reply()
    assert said(settled, "sos.safe_now_danger"), settled.plain
    assert "Don't open the door" not in settled.plain
    await user.send("he used to hit me. is 'no contact' even the right word for this")
    answered = await user.reply()
    assert said(answered, "sos.nc_and_abuse"), answered.plain
    assert "112" in answered.plain


async def test_who_can_see_the_chat_asked_in_the_danger_talk_is_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5320)
    await in_a_danger_talk(user)
    await user.send("can he see that I use this bot?")
    reply = await user.reply()
    assert said(reply, "sos.privacy_in_talk"), reply.plain
    assert "/delete" in reply.plain


async def test_the_ex_at_the_door_for_their_things_steps_down_and_the_handover_is_no_slip(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "she just wants her stuff back i think" got the steps for tonight, "i
    # gave her the box and shut the door" a refuge, "sorry im rambling" the door again.
    user = emu.user(5321)
    await onboard(user, zone="Berlin")
    await user.send("my ex is at my door")
    first = await user.reply()
    assert "112" in first.plain
    await user.send("she just wants her stuff back i think")
    eased = await user.reply()
    assert said(eased, "sos.handover"), eased.plain
    await user.send("i gave her the box and shut the door")
    done = await user.reply()
    assert said(done, "sos.handover_done"), done.plain
    assert "refuge" not in done.plain.lower()
    await user.send("sorry im rambling")
    sorry = await user.reply()
    assert "door" not in sorry.plain.lower(), sorry.plain


async def test_a_cleaned_shallow_cut_no_more_hotlines_and_ok_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "its not deep, i cleaned it" got "please call 911 now"; "please dont
    # give me the hotline thing again" the list of lines at once; "can you just talk to me"
    # a line again; "ok" then "Stay with me while you make that call", a call never mentioned.
    user = emu.user(5322)
    await onboard(user, zone="Berlin")
    await user.send("i cut myself last night")
    await user.reply()
    await user.send("its not deep, i cleaned it")
    cared = await user.reply()
    assert said(cared, "sos.hurt_minor"), cared.plain
    await user.send("please dont give me the hotline thing again")
    stopped = await user.reply()
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    assert "0800" not in stopped.plain
    await user.send("can you just talk to me")
    company = await user.reply()
    assert "0800" not in company.plain, company.plain
    await user.send("ok")
    ok = await user.reply()
    assert not said(ok, "sos.ack_while_unsafe"), ok.plain
    assert "call" not in ok.plain.lower(), ok.plain


async def test_the_ex_at_risk_talk_hears_the_pills_the_help_and_what_is_owed(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "he sent a picture of pills" got "Are you safe at this moment?" (asked
    # of the one worried for him); "they said hes ok, hes at the hospital" a stock line; "do i
    # have to talk to him now?" the steps to reach him again; "does this reset my count" no
    # yes or no.
    user = emu.user(5323)
    await onboard(user, zone="Berlin")
    await user.send("my ex says hell kill himself if i dont answer him")
    await user.reply()
    await user.send("he sent a picture of pills")
    urgent = await user.reply()
    assert said(urgent, "sos.ex_means"), urgent.plain
    assert "112" in urgent.plain
    await user.send("they said hes ok, hes at the hospital")
    assert said(await user.reply(), "sos.ex_looked_after")
    await user.send("do i have to talk to him now?")
    assert said(await user.reply(), "sos.ex_no_owe")
    await user.send("does this reset my count if i called the ambulance")
    assert said(await user.reply(), "sos.ex_help_not_slip")


async def test_a_hindi_filler_is_not_taken_for_someone_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "matlab... pata nahi. bas thak gaya hoon" ("I mean... I don't know.
    # I'm just tired") after "sab khatam karna chahta hoon" got "Good: Matlab sounds like the
    # right person. Call now".
    user = emu.user(5324)
    await in_the_talk(user)
    await user.send("matlab... pata nahi. bas thak gaya hoon")
    reply = await user.reply()
    assert "matlab" not in reply.plain.lower(), reply.plain
    assert not said(reply, "sos.reach_person")


async def test_the_exs_threat_to_take_pills_is_her_danger_not_theirs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: it was read as the person's own danger ("put distance between you and
    # anything you could use to hurt yourself").
    user = emu.user(5325)
    await onboard(user, zone="Berlin")
    await user.send("she messaged me saying if i dont answer she'll take pills tonight")
    reply = await user.reply()
    assert "hurt yourself" not in reply.plain, reply.plain
    assert any(said(reply, k) for k in ("sos.ex_at_risk",)), reply.plain


async def test_a_threat_to_send_my_pics_to_everyone_gets_the_image_steps_with_the_young_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat (a 14-year-old): no "nudes" in the words, so it got "are you
    # safe?" and the self-harm steps; it is the image threat, with help for under-18s
    user = emu.user(25003)
    await onboard(user, zone="Europe/London")
    await user.send("my ex says hell send my pics to everyone if i dont text him back")
    first = await user.reply()
    assert said(first, "sos.images_reply"), first.plain
    assert "takeitdown.ncmec.org" in first.plain
    await user.send("what do i do")
    steps = await user.reply()
    assert said(steps, "sos.images_now"), steps.plain
    assert "hurt yourself" not in steps.plain


async def test_a_mistaken_tap_on_not_safe_lets_go_and_set_up_is_one_tap_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "😭" at the date question, then 🚨 tapped instead of "Today"; her
    # whole story got "Tell them what you took" ("i had to call all 80 guests" read as pills)
    # and "i pressed that by accident, im safe" got "Sleeping it off is the risky part"
    user = emu.user(25004)
    await user.send("/start")
    await user.reply()
    await user.send("😭")
    await user.reply()
    await user.press("🚨 I'm not safe right now")
    unsafe = await user.reply()
    assert "✅ I'm safe now" in unsafe.button_texts()  # a way out that is theirs to take
    await user.send(
        "we were together 6 years, engaged, and he called it off 3 weeks before the wedding"
        " over text. i had to call all 80 guests myself. my mom still has the dress"
    )
    story = await user.reply()
    assert "what you took" not in story.plain.lower(), story.plain
    await user.send("i pressed that by accident, im safe")
    done = await user.reply()
    assert said(done, "sos.mistaken_tap"), done.plain
    assert "↩️ Back to setting you up" in done.button_texts()


async def test_pills_put_away_are_thanked_and_a_correction_of_the_danger_path_is_believed(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i put them in my car. in the trunk" got "On to that, then" and a
    # menu; "stop telling me to call 911, cops will come" opened the danger path, and "he
    # never hit me, why the domestic violence number" got "Lock the door"
    user = emu.user(25005)
    await onboard(user, zone="America/Chicago")
    await user.send("i just want to go to sleep and not wake up tbh")
    await user.reply()
    await user.send("i have pills from my surgery in the cabinet")
    await user.reply()
    await user.send("i put them in my car. in the trunk")
    away = await user.reply()
    assert said(away, "sos.means_away"), away.plain
    await user.send("i'm not calling anyone. stop telling me to call 911, cops will come")
    police = await user.reply()
    assert "Domestic Violence" not in police.plain, police.plain
    assert "lock the door" not in police.plain.lower(), police.plain
    await user.send(
        "btw he never hit me or anything, idk why you gave me the domestic violence number"
    )
    sorry = await user.reply()
    assert said(sorry, "sos.not_abuse"), sorry.plain
    assert "📞 Crisis lines" in sorry.button_texts()  # the lines for how they feel, not abuse


async def test_no_hotline_wanted_right_after_saying_safe_gets_no_list(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i dont want a hotline ... thats so cold", a minute after "im not gonna
    # do anything stupid", got the list of lines at once
    user = emu.user(25006)
    await onboard(user, zone="America/Chicago")
    await user.send("i just want to go to sleep and not wake up tbh")
    await user.reply()
    await user.send("im not gonna do anything stupid")
    await user.reply()
    await user.send("i dont want a hotline. everyone says call a hotline. thats so cold")
    heard = await user.reply()
    assert said(heard, "sos.numbers_stopped"), heard.plain
    assert "988" not in heard.plain


async def test_the_image_threat_talk_answers_each_next_question_with_its_own_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat as a 15-year-old: eight different questions got the same two texts in
    # turn, "who can i even tell" the list of lines, and "i told my sister, she's here" was
    # told to call her
    user = emu.user(25007)
    await onboard(user, zone="America/Chicago")
    await user.send("my ex says hes gonna send my pics to everyone if i dont unblock him")
    first = await user.reply()
    assert said(first, "sos.images_reply"), first.plain
    for text, key in (
        ("what if he already sent them", "sos.images_posted"),
        ("is that illegal??", "sos.images_law"),
        ("who can i even tell", "sos.images_tell"),
        ("he goes to my school", "sos.images_school"),
        ("my friend said theres a website that takes pics down?", "sos.images_takedown"),
        ("ok i told my older sister. she's here", "sos.images_told"),
    ):
        await user.send(text)
        reply = await user.reply()
        assert said(reply, key), (text, reply.plain)
    await user.send("should i just unblock him and send what he wants so he stops")
    no = await user.reply()
    assert said(no, "sos.images_now"), no.plain
    assert "don't" in no.plain.lower()


async def test_a_bare_ok_after_non_answers_is_not_taken_for_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "dont wanna be here anymore", then "idk", "k", "lol", "whatever",
    # "nvm", "ok" was met with "I'm glad you're safe right now"; she never said so
    user = emu.user(25008)
    await onboard(user, zone="Europe/London")
    await user.send("dont wanna be here anymore")
    await user.reply()
    for text in ("idk", "k", "lol", "whatever", "nvm"):
        await user.send(text)
        await user.reply()
    await user.send("ok")
    still = await user.reply()
    assert not said(still, "sos.safe_now"), still.plain
    assert "glad you're safe" not in still.plain.lower(), still.plain
    await user.send("im safe")
    safe = await user.reply()
    assert said(safe, "sos.safe_now"), safe.plain


async def test_the_ex_at_risk_talk_answers_telling_his_family_and_the_guilt_after(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "should i tell his brother?" got the FAQ about telling friends of the
    # breakup, "ok i texted his brother" was offered as a slip, and "was it my fault" after
    # he was found ok got "if it feels real tonight, call 112"
    user = emu.user(25009)
    await onboard(user, zone="Europe/Paris")
    await user.send("he said he cant live without me")
    await user.reply()
    await user.send("he's said stuff like that before, he's dramatic")
    doubted = await user.reply()
    assert said(doubted, "sos.ex_doubted"), doubted.plain
    await user.send("should i tell his brother?")
    asks = await user.reply()
    assert said(asks, "sos.ex_family_asks"), asks.plain
    await user.send("ok i texted his brother. he's checking on him")
    done = await user.reply()
    assert said(done, "sos.helped_them"), done.plain
    assert "Count it as a slip" not in " ".join(done.button_texts())
    await user.send("his brother says hes ok, just drunk and sad")
    ok = await user.reply()
    assert said(ok, "sos.ex_looked_after"), ok.plain
    await user.send("i feel so guilty. was it my fault for leaving?")
    fault = await user.reply()
    assert said(fault, "sos.ex_not_your_fault"), fault.plain


async def test_answers_in_the_languages_people_mix_in_are_read_as_safe_or_not(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Helpers' chats: "estoy bien, solo triste" and "tá bom valeu" went unread, and the talk
    # answered with "call 112"; "no estoy bien" must never be read as fine
    user = emu.user(25015)
    await onboard(user, zone="Europe/Madrid")
    await user.send("no quiero vivir mas")
    await user.reply()
    await user.send("no estoy bien")
    unsafe = await user.reply()
    # one line in Spanish first (session 43: the talk began in Spanish), then the reply
    spanish, _, rest = unsafe.plain.partition("\n\n")
    assert spanish in CONTENT.variants("language.in_talk.es"), unsafe.plain
    assert any(
        " ".join(rest.split()).startswith(_opening(v)) for v in CONTENT.variants("sos.unsafe_now")
    ), unsafe.plain
    other = emu.user(25016)
    await onboard(other, zone="Europe/Lisbon")
    await other.send("dont wanna be here anymore")
    await other.reply()
    await other.send("tô bem, só cansada")
    calm = await other.reply()
    assert said(calm, "sos.safe_now") or said(calm, "sos.safe_recheck"), calm.plain


async def test_she_will_be_sorry_after_words_of_ending_is_asked_about_not_answered_as_an_apology(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "it'll all be over soon anyway", then "she'll be sorry" got the FAQ
    # answer about apologising to an ex
    user = emu.user(25017)
    await onboard(user, zone="Europe/London")
    await user.send("it'll all be over soon anyway")
    await user.reply()
    await user.send("she'll be sorry")
    check = await user.reply()
    assert said(check, "sos.regret_check"), check.plain
    assert "999" in check.plain


async def test_a_denial_beside_a_threat_keeps_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "he never hit me" alone is believed (see above); with a threat in the same message the
    # danger talk stays, never the apology for a misreading
    user = emu.user(25019)
    await onboard(user, zone="Europe/London")
    await user.send("my ex keeps threatening me")
    await user.reply()
    await user.send("he never hit me but he says he'll kill me")
    reply = await user.reply()
    assert not said(reply, "sos.not_abuse"), reply.plain
    assert "999" in reply.plain


async def test_the_ex_texting_im_outside_on_the_danger_path_stays_danger_and_help_coming_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: on the danger path, "he just texted 'im outside'" got "a
    # message from them isn't an emergency" and the talk ended; "im in the bathroom" then got
    # a feelings question, and "my sister is coming" ended the talk once more
    user = emu.user(26005)
    await in_a_danger_talk(user)
    await user.send("he just texted 'im outside'")
    outside = await user.reply()
    assert "112" in outside.plain, outside.plain
    assert "isn't an emergency" not in outside.plain
    await user.send("im in the bathroom")
    hiding = await user.reply()
    assert said(hiding, "sos.cannot_speak"), hiding.plain
    await user.send("my sister is on her way")
    coming = await user.reply()
    assert said(coming, "sos.danger_helper_coming"), coming.plain
    assert "112" in coming.plain


async def test_why_the_numbers_is_answered_and_ok_after_calming_is_no_promise_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: after pills were told, "ok" following the calming exercise
    # got "Good. Make the call now" (no call agreed to), and "why are you giving me numbers"
    # the answer about mixed signals
    user = emu.user(26006)
    await onboard(user, zone="Berlin")
    await user.send("i have pills from my back surgery and i keep thinking about taking them all")
    await user.reply()
    await user.press("🌿 Help me calm down")
    await user.reply()
    await user.send("ok")
    ok = await user.reply()
    assert "Make the call now" not in ok.plain, ok.plain
    assert no_faq_menu(ok), ok.plain
    await user.send("why are you giving me numbers")
    why = await user.reply()
    assert said(why, "sos.why_numbers"), why.plain
    assert no_faq_menu(why), why.plain


async def test_a_tap_on_not_safe_then_a_question_about_texting_asks_if_the_tap_was_meant(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, helpers' chats: a stale 🚨 pressed for another button, then "what if its
    # important", "i wont reply", a date and a time each got "please call 911 now"
    user = emu.user(26008)
    await onboard(user, zone="Berlin")
    await user.send("ugh")
    menu = await user.reply()
    assert NOT_SAFE in menu.button_texts(), menu.plain
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("what if its important")
    check = await user.reply()
    assert said(check, "sos.tap_check"), check.plain
    assert check.button_texts() == [
        CONTENT.label("sos.buttons.tap_meant"), CONTENT.label("sos.buttons.tap_mistake"),
    ]
    await user.press(CONTENT.label("sos.buttons.tap_mistake"))
    settled = await user.reply()
    assert said(settled, "sos.mistaken_tap"), settled.plain
    # asked once: a feeling told after a meant tap is heard, never asked about the tap
    await user.send("ugh")
    await user.reply()
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("i feel so alone right now")
    heard = await user.reply()
    assert not said(heard, "sos.tap_check"), heard.plain


async def test_never_unsafe_a_wrong_button_and_a_check_passed_over_each_let_the_talk_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, helpers' chats: "i was never unsafe btw i pressed the wrong button" got
    # "call now" (the "never" missed); the tap check, passed over with a question, was asked
    # again; a date typed at set-up just after a stale 🚨 got the check instead of the date
    user = emu.user(26013)
    await onboard(user, zone="Berlin")
    await user.send("ugh")
    await user.reply()
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("i was never unsafe btw i pressed the wrong button")
    settled = await user.reply()
    assert said(settled, "sos.mistaken_tap"), settled.plain
    assert "112" not in settled.plain
    await user.send("ugh")
    await user.reply()
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("what if its important")
    check = await user.reply()
    assert said(check, "sos.tap_check"), check.plain
    await user.send("how do i stop checking her instagram?")
    left, answer = await user.replies(2)
    assert said(left, "sos.left_safely"), left.plain
    assert not said(answer, "sos.tap_check"), answer.plain
    assert "112" not in answer.plain


async def test_a_date_typed_at_set_up_just_after_a_stale_not_safe_tap_is_the_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(26014)
    await user.send("/start")
    await user.reply()
    await user.send("wat is no contct exactly")
    offered = await user.reply()
    assert NOT_SAFE in offered.button_texts(), offered.plain
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("3 days ago")
    left, understood, zone = await user.replies(3)
    assert said(left, "sos.left_safely"), left.plain
    assert "today is Day 4" in understood.plain, understood.plain
    assert zone.text == CONTENT.text("onboarding.ask_tz"), zone.plain


async def test_ordinary_words_are_never_taken_for_someone_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chats: in the talk, "whenever" got "Call Whenever", "dzięki"
    # ("thanks") "Dzieki sounds like the right person", a Polish sentence "your mum"
    user = emu.user(26015)
    await in_the_talk(user)
    await user.send("no")
    await user.reply()
    for typed in ("whenever", "dzięki"):
        await user.send(typed)
        reply = await user.reply()
        assert "Whenever" not in reply.plain, reply.plain
        assert "Dzieki" not in reply.plain, reply.plain
        assert not said(reply, "sos.reach_person"), reply.plain
    # A question in Polish (how to keep no contact with children): since session 40's Polish
    # glossary its answer is offered beside the talk, which stays open
    await user.send("jak mam nie mieć kontaktu jak mamy dzieci??")
    for reply in await user.replies(2):
        assert "your mum" not in reply.plain, reply.plain
        assert not said(reply, "sos.reach_person"), reply.plain
    await user.send("sarah")
    named = await user.reply()
    assert "Sarah" in named.plain, named.plain


@pytest.mark.parametrize(("typed", "meant"), [("nope", False), ("no im not safe", True)])
async def test_a_typed_answer_to_the_tap_check_is_read_whole(
    emu: BotApiEmulator, bot: BotRunner, typed: str, meant: bool
) -> None:
    # Reading the change again: "no im not safe" to "did you mean to tap it?" must never be
    # taken for "no, I didn't mean to"
    user = emu.user(26018 if meant else 26019)
    await onboard(user, zone="Berlin")
    await user.send("ugh")
    await user.reply()
    await user.press(NOT_SAFE)
    await user.reply()
    await user.send("what if its important")
    check = await user.reply()
    assert said(check, "sos.tap_check"), check.plain
    await user.send(typed)
    reply = await user.reply()
    assert said(reply, "sos.mistaken_tap") is not meant, reply.plain
    assert ("112" in reply.plain) is meant, reply.plain


async def test_wine_then_sleeping_pills_is_something_taken_and_a_sleepy_emoji_a_symptom(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: "had half a bottle of wine and some of my sleeping pills"
    # got the gentle "are you safe?" as if nothing were taken, and "😴" after it "that's a lot
    # to be holding"
    user = emu.user(27002)
    await onboard(user, zone="Europe/London")
    await user.send("had half a bottle of wine and some of my sleeping pills")
    taken = await user.reply()
    assert said(taken, "sos.took_something"), taken.plain
    assert "999" in taken.plain, taken.plain
    await user.send("😴")
    sleepy = await user.reply()
    assert said(sleepy, "sos.taken_symptoms"), sleepy.plain


async def test_no_danger_told_lets_the_check_go_and_walking_home_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, helpers' chats: "he hasnt done anything i just dont want to see him" after
    # "are you safe?" was asked again; "just walking home lol" after "drunk and walking by the
    # bridge" got "please don't wait this out alone: 999"
    user = emu.user(27003)
    await onboard(user, zone="Europe/London")
    await user.send("im scared to go to work tomorrow because he works there")
    asked = await user.reply()
    assert "are you safe" in asked.plain.lower(), asked.plain
    await user.send("he hasnt done anything i just dont want to see him")
    let_go = await user.reply()
    assert said(let_go, "sos.left_safely"), let_go.plain
    after = await user.reply()
    assert "are you safe" not in after.plain.lower(), after.plain
    other = emu.user(27004)
    await onboard(other, zone="Europe/London")
    await other.send("drunk and walking by the bridge rn")
    first = await other.reply()
    assert "999" in first.plain, first.plain
    await other.send("just walking home lol")
    home = await other.reply()
    assert not said(home, "sos.stay_unsafe"), home.plain
    assert "don't wait this out alone" not in home.plain, home.plain
    assert said(home, "sos.safe_recheck"), home.plain


async def test_a_teen_who_took_pills_hears_about_her_body_and_that_no_one_is_told(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat (a fifteen-year-old): "i took some of my moms pills last
    # night to sleep" got only "are you safe?"; "please dont tell my parents" and "will u
    # tell anyone" got "who would be easiest to tell first?"
    user = emu.user(27005)
    await onboard(user, zone="Europe/London")
    await user.send(
        "i took some of my moms pills last night to sleep and i dont wanna get in trouble"
    )
    first = await user.reply()
    assert said(first, "sos.harm_check_taken"), first.plain
    assert "999" in first.plain, first.plain
    for typed in ("please dont tell my parents", "will u tell anyone"):
        await user.send(typed)
        told = await user.reply()
        assert said(told, "sos.nobody_told_in_talk"), told.plain
    await user.send("im ok now i think")
    still = await user.reply()
    assert "999" in still.plain, still.plain  # something taken: get checked, even if ok


@pytest.mark.parametrize(
    ("opening", "clarified", "uid"),
    [
        (
            "no quiero vivir así",
            "i mean i dont want to live like this, always waiting for him",
            27006,
        ),
        (
            "i want to die honestly",
            "no not literally. i just want to disappear from school",
            27007,
        ),
    ],
)
async def test_a_clarification_lets_the_talk_go_instead_of_calling_now(
    emu: BotApiEmulator, bot: BotRunner, opening: str, clarified: str, uid: int
) -> None:
    # Session 27, helpers' chats: each clarification got "please call 112 now" or "this is the
    # moment to get a person on the line"
    user = emu.user(uid)
    await onboard(user, zone="Europe/London")
    await user.send(opening)
    await user.reply()
    await user.send(clarified)
    heard = await user.reply()
    assert said(heard, "sos.clarified"), heard.plain
    assert "999" not in heard.plain, heard.plain


async def test_the_morning_after_and_a_tick_are_heard_as_the_night_being_over(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "sorry about last night i was really drunk", "hungover and
    # embarrassed", "i got home fine" and "✅" each got "please call 999 now"
    user = emu.user(27008)
    await onboard(user, zone="Europe/London")
    await user.send("drunk and walking by the bridge rn")
    await user.reply()
    await user.send("sorry about last night i was really drunk")
    recheck = await user.reply()
    assert said(recheck, "sos.safe_recheck"), recheck.plain
    await user.send("hungover and embarrassed")
    over = await user.reply()
    assert said(over, "sos.better_now"), over.plain
    other = emu.user(27009)
    await onboard(other, zone="Europe/London")
    await other.send(PASSIVE)
    await other.reply()
    await other.send("✅")
    tick = await other.reply()
    assert said(tick, "sos.safe_now"), tick.plain


async def test_a_friend_who_wants_to_disappear_is_someone_at_risk_with_words_to_say(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "my friend ... said she wants to disappear" got topic
    # buttons ("We share a pet"); "what do i say to her" nothing to say
    user = emu.user(27010)
    await onboard(user, zone="Europe/Dublin")
    await user.send(
        "not for me actually, my friend is going thru a breakup and she said she wants to"
        " disappear"
    )
    first = await user.reply()
    assert said(first, "sos.what_now_friend") or "112" in first.plain, first.plain
    await user.send("what do i say to her")
    words = await user.reply()
    assert said(words, "sos.what_to_say_other"), words.plain
    assert re.search(r"suicide|killing yourself|ending your life", words.plain), words.plain


async def test_after_pills_the_body_comes_first_even_in_small_talk_and_zzz_is_a_symptom(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: after 8 or 9 sleeping pills "can we talk about something
    # else" got "tell me one thing you've liked lately", and "zzz" "Zz sounds like the right
    # person"; a whole bottle of vodka then "dizzy and wanna sleep" got "glad you're safe"
    user = emu.user(27015)
    await onboard(user, zone="Europe/London")
    await user.send("i took a bunch of my sleeping pills")
    await user.reply()
    await user.send("can we talk about something else")
    first = await user.reply()
    assert said(first, "sos.talk_else_taken"), first.plain
    await user.send("zzz")
    sleepy = await user.reply()
    assert said(sleepy, "sos.taken_symptoms"), sleepy.plain
    assert "Zz" not in sleepy.plain, sleepy.plain
    other = emu.user(27016)
    await onboard(other, zone="Europe/London")
    await other.send("sorry. drank a whole bottle of vodka and want to text him")
    await other.reply()
    await other.send("no im fine, just dizzy and wanna sleep")
    dizzy = await other.reply()
    assert said(dizzy, "sos.taken_symptoms"), dizzy.plain


async def test_a_friends_goodbye_and_a_little_sister_are_someone_else_at_risk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, helpers' chats: a best friend's "goodbye" and silence was asked as the
    # user's own crisis; a sixteen-year-old sister got the answer for an ex ("getting them
    # help doesn't mean replying to them")
    user = emu.user(27017)
    await onboard(user, zone="Europe/London")
    await user.send(
        "my best friend just texted me 'i cant do this anymore, goodbye' and shes not answering"
    )
    friend = await user.reply()
    assert said(friend, "sos.friend_at_risk"), friend.plain
    assert "replying to them" not in friend.plain, friend.plain
    sister = emu.user(27018)
    await onboard(sister, zone="Europe/London")
    await sister.send(
        "my little sister just broke up with her bf and she texted me she wants to kill herself"
    )
    first = await sister.reply()
    assert "replying to them" not in first.plain, first.plain
    await sister.send("what do i say to her")
    words = await sister.reply()
    assert said(words, "sos.what_to_say_other"), words.plain


async def test_not_scared_scared_is_no_call_now(emu: BotApiEmulator, bot: BotRunner) -> None:
    # Session 27, a helper's chat: "idk, not scared scared" after "are you safe?" got "call
    # 999 or 112 right now"
    user = emu.user(27019)
    await in_the_talk(user)
    await user.send("idk, not scared scared")
    reply = await user.reply()
    assert not said(reply, "sos.unsafe_now"), reply.plain
    assert said(reply, "sos.unsure"), reply.plain  # heard as a "maybe", not as "not safe"


async def test_a_party_clarified_and_a_prescribed_dose_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, helpers' chats: "no i mean i dont want to be at this party lol" got "call
    # 999 right now" (the leading "no" read as not safe); "its a normal dose, my doctor
    # prescribed it" got "Reach your doctor now... 'I'm not safe tonight'"
    user = emu.user(27022)
    await onboard(user, zone="Europe/London")
    await user.send("i dont want to be here anymore tbh")
    await user.reply()
    await user.send("no i mean i dont want to be at this party lol")
    party = await user.reply()
    assert said(party, "sos.clarified"), party.plain
    other = emu.user(27023)
    await onboard(other, zone="Europe/London")
    await other.send("took 2 xanax and had some wine so i can sleep")
    await other.reply()
    await other.send("its a normal dose, my doctor prescribed it")
    dose = await other.reply()
    assert said(dose, "sos.taken_prescribed"), dose.plain
    assert "right person" not in dose.plain, dose.plain
    await other.send("goodnight")
    night = await other.reply()
    assert said(night, "sos.prescribed_goodnight"), night.plain


# ----------------------------------------------------------------------------- session 28


async def test_a_teen_afraid_at_school_is_heard_for_her_age_and_the_place(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, from a helper's chat (session 27): a fifteen-year-old with a creepy ex in
    # her class got "lock the door, call 911", then "your teacher sounds like the right
    # person. Call now"
    user = emu.user(28001)
    await in_the_talk(user, "my ex is in my chem class and he keeps following me to my locker")
    await user.send("im 15 btw")
    young = await user.reply()
    assert said(young, "sos.young_danger"), young.plain
    await user.send(
        "hes not hitting me or anything, just creepy. he texts my friends asking where i am"
    )
    creepy = await user.reply()
    assert said(creepy, "sos.danger_not_now"), creepy.plain
    assert not said(creepy, "sos.danger_unsafe"), creepy.plain
    await user.send("should i tell a teacher")
    teacher = await user.reply()
    assert said(teacher, "sos.place_school"), teacher.plain
    assert "right person" not in teacher.plain, teacher.plain
    await user.send("ok maybe ill tell the counselor")
    plan = await user.reply()
    assert said(plan, "sos.telling_there"), plan.plain
    assert "not safe tonight" not in plan.plain, plan.plain


@pytest.mark.parametrize(
    ("uid", "question", "key"),
    [
        (28002, "should i tell HR", "sos.place_work"),
        (28003, "anyway he goes 6am same as me, should i switch gyms", "sos.place_gym"),
    ],
)
async def test_afraid_at_work_or_the_gym_the_question_about_that_place_is_answered(
    emu: BotApiEmulator, bot: BotRunner, uid: int, question: str, key: str
) -> None:
    # Session 27's chats: "should i tell HR" got a refuge, "should i switch gyms" got "I can't
    # answer that one for you"
    user = emu.user(uid)
    await in_a_danger_talk(user)
    await user.send(question)
    reply = await user.reply()
    assert said(reply, key), reply.plain
    assert no_faq_menu(reply), reply.button_texts()


async def test_past_self_harm_a_clean_streak_and_the_urge_back_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "i used to cut myself last year" got "press on it with a
    # clean cloth"; "i stopped for 11 months" and "tonight i really want to again" got stock
    # "call now" lines; after "can we talk about something else", "he liked my story today"
    # got "I'm listening"
    user = emu.user(28004)
    first = await in_the_talk(user, "i used to cut myself last year")
    assert said(first, "sos.past_harm"), first.plain
    assert "clean cloth" not in first.plain, first.plain
    await user.send("i stopped for 11 months")
    streak = await user.reply()
    assert said(streak, "sos.clean_streak"), streak.plain
    await user.send("tonight i really want to again")
    urge = await user.reply()
    assert said(urge, "sos.harm_urge"), urge.plain
    await user.send("can we talk about something else")
    await user.reply()
    await user.send("he liked my story today")
    replies = await user.replies(2)
    assert said(replies[0], "sos.left_safely"), replies[0].plain
    assert "like" in replies[1].plain.lower(), replies[1].plain  # the answer about a like


async def test_a_dose_asked_after_drink_and_pills_gets_no_number_and_ease_off_is_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "how many xanax is too many" after drinks and xanax got a
    # stock "call now" line; "I'll stop repeating it" was followed by the number again
    user = emu.user(28005)
    await in_the_talk(user, "ive had like 6 drinks and i just want to disappear")
    await user.send("and took a couple of my xanax")
    await user.reply()
    await user.send("how many xanax is too many")
    dose = await user.reply()
    assert said(dose, "sos.dose_question"), dose.plain
    assert not re.search(r"\b\d+ (?:mg|pills|tablets|xanax)\b", dose.plain), dose.plain
    other = emu.user(28006)
    await in_an_explicit_talk(other)
    await other.send("why do you keep saying that")
    eased = await other.reply()
    assert said(eased, "sos.about_bot"), eased.plain
    await other.send("i just miss him")
    after = await other.reply()
    # the missing heard, quietly (session 41: its own words)
    assert said(after, "sos.missing_in_talk_quiet"), after.plain
    assert not said(after, "sos.stay_unsafe"), after.plain


async def test_better_and_exaggerating_in_the_languages_people_write_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chats: "ya estoy mejor", "hab nur übertrieben" each got a
    # rotating "call 112 now"
    user = emu.user(28007)
    await in_the_talk(user, zone="Europe/Madrid")
    await user.send("ya estoy mejor")
    better = await user.reply()
    assert said(better, "sos.better_now"), better.plain
    other = emu.user(28008)
    await in_an_explicit_talk(other)
    await other.send("hab nur übertrieben")
    clarified = await other.reply()
    assert said(clarified, "sos.clarified"), clarified.plain


async def test_why_do_you_care_at_set_up_stays_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: at set-up, after "idk" to "are you safe?", "why do you
    # care" got set-up's "I ask so your days count at your own midnight"
    user = emu.user(28009)
    await user.send("/start")
    await user.reply()
    await user.send("i dont want to be here anymore")
    await user.reply()
    await user.send("idk")
    await user.reply()
    await user.send("why do you care")
    reply = await user.reply()
    assert said(reply, "sos.about_bot"), reply.plain
    assert "midnight" not in reply.plain, reply.plain


@pytest.mark.parametrize(
    ("uid", "text", "key"),
    [
        (28010, "i dont want live", "sos.passive_check"),
        (28011, "also my ex posted like a goodbye note on insta", "sos.ex_at_risk"),
    ],
)
async def test_broken_english_and_the_exs_goodbye_note_reach_the_right_reply(
    emu: BotApiEmulator, bot: BotRunner, uid: int, text: str, key: str
) -> None:
    # Session 28, a helper's chats: "i dont want live" got the FAQ on leases; the ex's
    # goodbye note was read as the user's own
    user = emu.user(uid)
    reply = await in_the_talk(user, text)
    assert said(reply, key), reply.plain


async def test_practical_questions_in_the_danger_talk_get_practical_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chats: "what should i keep as evidence" got "Should I delete
    # photos and memories?", "should i change the locks" got "Rather than the same words
    # twice", "can i just unfollow his mum too" got "Yes. Reach your mum now", "i called the
    # guards" was not heard as help called
    user = emu.user(28012)
    await in_a_danger_talk(user)
    for text, key in (
        ("what should i keep as evidence", "sos.evidence"),
        ("should i change the locks? can i even do that when renting", "sos.locks"),
        ("can he get in trouble for that", "sos.is_crime"),
        ("i called the guards theyre coming", "sos.reached_help"),
    ):
        await user.send(text)
        reply = await user.reply()
        assert said(reply, key), (text, reply.plain)
        assert no_faq_menu(reply), reply.button_texts()
    await user.send("can i just unfollow his mum too or is that rude")
    replies = await user.replies(2)
    assert not any("Reach your mum" in r.plain for r in replies), [r.plain for r in replies]


async def test_the_danger_talk_does_requests_and_lets_them_keep_their_distance(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chats: in a danger talk "no more sunday summaries pls" got "Call
    # 112 right now" (its "no" read as not safe), "remove my reason" got a refuge, "should I
    # go to the 8am service instead so I don't see them" got "Please don't meet them alone"
    user = emu.user(28022)
    await in_a_danger_talk(user)
    await user.send("no more sunday summaries pls")
    done = await user.reply()
    assert "weekly" in done.plain.lower(), done.plain
    assert not said(done, "sos.danger_unsafe"), done.plain
    await user.send("should I go to the 8am service instead so I don't see them")
    distance = await user.reply()
    assert said(distance, "sos.avoid_plan"), distance.plain
    assert not said(distance, "sos.meet_danger"), distance.plain


async def test_pills_told_at_the_end_of_a_long_message_in_the_talk_come_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: a long message ending "i stockpiled my sleeping pills this
    # week, i have like 40 now" got the reply for someone who is not there for them
    user = emu.user(28026)
    await in_the_talk(user)
    story = (
        "i keep thinking about how he used to make me coffee every morning and how my sister "
        "says she hates him and nobody gets it, my friends are tired of hearing about him and "
        "work is a mess and i cant sleep and i keep checking his stories even though i know i "
        "shouldnt. anyway i stockpiled my sleeping pills this week, i have like 40 now, "
        "just in case"
    )
    await user.send(story)
    reply = await user.reply()
    assert said(reply, "sos.means_now"), reply.plain


async def test_a_relapse_with_a_small_cut_is_cared_for_not_met_with_call_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "i relapsed last night. cut for the first time in 5
    # months. its not deep" and everything after it got "call 911 now", six times
    user = emu.user(28031)
    first = await in_the_talk(
        user, "i relapsed last night. cut for the first time in 5 months. its not deep"
    )
    assert said(first, "sos.hurt_minor_first"), first.plain
    assert "112" in first.plain, first.plain
    await user.send("please dont make it a big thing")
    heard = await user.reply()
    assert said(heard, "sos.no_lecture"), heard.plain
    await user.send("i just feel like i ruined my streak. like the self harm one not the NC one")
    streak = await user.reply()
    assert said(streak, "sos.relapse_heard"), streak.plain
    await user.send("ok can we talk about him instead")
    him = await user.reply()
    assert said(him, "sos.talk_about_them"), him.plain


async def test_a_pastor_a_form_tutor_and_a_friend_typed_with_a_typo_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, helpers' chats: "should i tell pastor mike or is that gossip" got "Call your
    # pastor... 'I need you right now'", "ok maybe i tell ms harris shes my form tutor" got
    # "'I'm not safe tonight'"; "my best frend told me she's been cutting again" got the
    # answer for the ex at risk ("you don't need to reopen contact")
    user = emu.user(28032)
    await in_the_talk(user, "my ex keeps showing up at my church and staring at me")
    await user.send("should i tell pastor mike or is that gossip")
    pastor = await user.reply()
    assert said(pastor, "sos.place_faith"), pastor.plain
    await user.send("ok maybe i tell ms harris shes my form tutor")
    tutor = await user.reply()
    assert said(tutor, "sos.telling_there"), tutor.plain
    other = emu.user(28033)
    friend = await in_the_talk(other, "my best frend told me she's been cutting again")
    assert said(friend, "sos.friend_at_risk"), friend.plain
    assert "reopen contact" not in friend.plain, friend.plain


async def test_with_their_mum_up_sleep_is_let_go_with_care(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "she's up. making tea" got "Let me know when someone is
    # with you", and "can i go to sleep now lol" got "please call 911 now"
    user = emu.user(28034)
    await in_an_explicit_talk(user)
    await user.send("my mum but she's asleep")
    await user.reply()
    await user.send("she's up. making tea")
    up = await user.reply()
    # the one asked for is with them now (session 34: its own reply, "stay with you tonight?")
    assert said(up, "sos.helper_here"), up.plain
    await user.send("can i go to sleep now lol")
    rest = await user.reply()
    assert said(rest, "sos.sleep_accompanied"), rest.plain
    assert "112" in rest.plain, rest.plain
