"""The thirty-first session, through the emulator: set-up's questions meet a "thanks" with
the question kept (not "Glad it helped" and a way back to a set-up never left), and /pause or
/resume in the middle of set-up says why nothing pauses yet and asks set-up's question again."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()


async def test_thanks_at_set_ups_questions_keeps_the_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-30 chat: "thanks" at the first question got "Glad it helped. I'm here
    # whenever you need me" with "Back to setting you up"; "thanks!" at the zone the same.
    user = emu.user(31001)
    await user.send("/start")
    await user.reply()
    await user.send("thanks")
    first = await user.reply()
    assert said(first, "onboarding.step_thanks"), first.plain
    assert "Back to setting" not in first.plain
    await user.send("2 weeks ago")
    said_back = await user.reply()
    assert "Day 15" in said_back.plain or "Day" in said_back.plain
    await user.reply()  # the zone question
    await user.send("thanks!")
    zone = await user.reply()
    assert said(zone, "onboarding.tz_smalltalk"), zone.plain
    await user.send("Berlin")
    await user.reply()  # the zone said back
    await user.reply()  # the time question
    await user.send("thank you")
    time = await user.reply()
    assert said(time, "onboarding.step_thanks"), time.plain
    await user.send("21:00")
    assert "21:00" in (await user.reply()).plain


async def test_pause_in_the_middle_of_set_up_asks_set_ups_question_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-30 chat: /pause after the start date was given got "We haven't started
    # counting yet. Tap /start to set your start date."
    user = emu.user(31002)
    await user.send("/start")
    await user.reply()
    await user.send("2 weeks ago")
    await user.reply()
    await user.reply()  # the zone question
    await user.send("/pause")
    why = await user.reply()
    assert said(why, "onboarding.setup_first"), why.plain
    assert "/pause" in why.plain
    assert "Tap /start to set your start date" not in why.plain
    assert any(v[:30] in why.plain for v in CONTENT.variants("onboarding.ask_tz"))
    await user.send("/resume")
    again = await user.reply()
    assert said(again, "onboarding.setup_first"), again.plain
    await user.send("Berlin")  # set-up goes on where it was
    assert "Berlin" in (await user.reply()).plain


async def test_pause_before_any_set_up_says_how_to_start(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(31003)
    await user.send("/pause")
    reply = await user.reply()
    assert said(reply, "progress.not_started"), reply.plain


async def test_nervous_they_will_be_at_an_event_is_offered_the_answer_for_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-30 chat: "im so nervous hell be at the bbq on saturday" got a general "thank
    # you for sharing" with the whole topic menu.
    user = emu.user(31004)
    await onboard(user, date="2 weeks ago")
    await user.send("im so nervous hell be at the bbq on saturday")
    reply = await user.reply()
    title = CONTENT.faq_entries["run-into"].title
    assert any(title in label for label in reply.button_texts()), reply.plain


async def test_this_is_boring_at_the_urge_check_is_fair_and_says_how_to_skip(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-30 chat: "this is boring" at "how strong is the pull?" got "Tap a number".
    user = emu.user(31005)
    await onboard(user, date="2 weeks ago")
    await user.send("/urge")
    await user.reply()
    await user.send("this is boring")
    reply = await user.reply()
    assert said(reply, "urge.strength_complaint"), reply.plain
    assert not said(reply, "urge.strength_invalid")
    await user.send("skip")
    trigger = await user.reply()
    assert not said(trigger, "urge.strength_complaint")


async def test_told_by_the_line_to_go_to_hospital_is_go_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "they said to go to a&e" after calling the line got "Tell me more if
    # you want".
    user = emu.user(31006)
    await onboard(user, date="2 weeks ago", zone="Europe/London")
    await user.send("i just want it all to stop")
    first = await user.reply()
    assert "116 123" in first.plain
    await user.send("ok i called them")
    await user.reply()
    await user.send("they said to go to a&e")
    go = await user.reply()
    assert said(go, "sos.told_to_go"), go.plain
    assert "999" in go.plain


async def test_the_exs_indirect_threat_gets_help_to_them_through_their_family(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "texted me that theres no point living without me" was read as the
    # person's own wish; "its just to get me to reply right?" got the FAQ on replying; "i
    # have his mom's number" a feeling; "ok i messaged her" "A slip doesn't erase your
    # progress".
    user = emu.user(31007)
    await onboard(user, date="10 days ago", zone="Asia/Kolkata")
    await user.send(
        'my ex just posted a story saying "last night on earth" and texted me that theres no '
        "point living without me. i think its drama"
    )
    first = await user.reply()
    assert said(first, "sos.ex_at_risk"), first.plain
    assert "112" in first.plain
    await user.send("he's done this before, its just to get me to reply right?")
    doubt = await user.reply()
    assert said(doubt, "sos.ex_doubted"), doubt.plain
    await user.send("i have his mom's number")
    number = await user.reply()
    assert said(number, "sos.ex_family_number"), number.plain
    await user.send("ok i messaged her")
    helped = await user.reply()
    assert said(helped, "sos.helped_them"), helped.plain
    assert "slip" not in helped.plain.lower()


async def test_a_brand_of_paracetamol_taken_is_an_overdose_and_going_in_is_met(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "a whole strip of crocin" was not read as something taken, so "i
    # feel fine" was taken as safe and "he's taking me" misread.
    user = emu.user(31008)
    await onboard(user, date="last week", zone="Asia/Kolkata")
    await user.send("so i had a few drinks and then took a whole strip of crocin. i feel fine")
    first = await user.reply()
    assert "112" in first.plain
    await user.send("i feel fine i told you")
    fine = await user.reply()
    assert "112" in fine.plain
    assert not said(fine, "sos.safe_recheck")
    await user.send("my brother is awake")
    await user.reply()
    await user.send("he's taking me")
    going = await user.reply()
    assert said(going, "sos.going_in_taken"), going.plain


async def test_coming_back_inside_from_a_roof_is_thanked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(31009)
    await onboard(user, date="yesterday", zone="America/Chicago")
    await user.send("im on the roof of my building. i just came up here to think")
    first = await user.reply()
    assert "911" in first.plain or "988" in first.plain
    await user.send("fine. what do you want me to do")
    steps = await user.reply()
    assert said(steps, "sos.what_now"), steps.plain
    await user.send("i came back inside")
    inside = await user.reply()
    assert said(inside, "sos.came_back_inside"), inside.plain


async def test_confusion_at_the_date_gets_the_question_again_and_a_date_in_a_sentence_is_read(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "I'm sorry I don't understand what you want me to do" at "type the
    # day it started" got the safety check and set-up was lost; "well it was the 3rd of
    # November, thats when he moved his things out" was heard as grief.
    user = emu.user(31010)
    await user.send("/start")
    await user.reply()
    await user.press("Another day")
    await user.reply()
    await user.send("I'm sorry I don't understand what you want me to do")
    again = await user.reply()
    assert said(again, "onboarding.step_confused"), again.plain
    assert "Are you safe" not in again.plain
    await user.send("well it was the 3rd of November, thats when he moved his things out")
    said_back = await user.reply()
    assert "3 November" in said_back.plain, said_back.plain


async def test_a_reason_only_the_word_model_doubts_is_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: this reason got "are you safe right now?" with 911 and was not kept.
    user = emu.user(31011)
    await to_the_reason(user, date="2 weeks ago", zone="America/Chicago")
    reason = (
        "I want to be a better father and not spend every evening on my phone waiting for her."
    )
    await user.send(reason)
    done = await user.reply()
    assert "988" not in done.plain, done.plain
    await user.send("/reasons")
    listed = await user.reply()
    assert "better father" in listed.plain, listed.plain


async def test_a_feeling_at_the_reason_is_heard_not_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "I'm 71 and I feel silly being heartbroken at my age" was kept as
    # the reason, to be shown back on hard days.
    user = emu.user(31012)
    await to_the_reason(user, date="2 weeks ago")
    await user.send("I'm 71 and I feel silly being heartbroken at my age")
    heard = await user.reply()
    assert said(heard, "onboarding.reason_feeling"), heard.plain
    await user.send("I deserve someone who stays")
    await user.reply()
    await user.send("/reasons")
    listed = await user.reply()
    assert "someone who stays" in listed.plain
    assert "silly" not in listed.plain


async def test_deleted_by_them_and_what_are_you(emu: BotApiEmulator, bot: BotRunner) -> None:
    # Session-31 chats: "he deleted my number" got the answer on deleting their photos; "what
    # even are you" "What would knowing change for you right now?"
    user = emu.user(31013)
    await onboard(user, date="2 weeks ago")
    await user.send("he deleted my number")
    deleted = await user.reply()
    assert any(v[:40] in deleted.plain for v in CONTENT.variants("listen.blocked_by_them"))
    await user.send("what even are you")
    about = await user.reply()
    assert "What would knowing change" not in about.plain
    assert "bot" in about.plain.lower() or "automated" in about.plain.lower()
