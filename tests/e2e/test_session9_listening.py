"""The sixth probe's findings left open until the ninth session, end to end through the
emulator: inside a safety talk, "no not really a plan" is heard as no plan (a line to talk
to, not "call 911 now"), and "i just feel like a burden" or "i cant take it anymore" get a
reply about that weight, with the line, instead of a stock line; /status while they are
not safe keeps the numbers under the count; "HELP" is a cry for help, not the command list;
after "my ex died" what follows is grief, not No Contact advice; "i wanted kids with her" is
a future lost, not co-parenting; anger said as violence or revenge is heard and steered away
from; "kill him and then myself" gets the emergency reply.

Asserts read the meaning (numbers, key words), whichever variant was picked."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()

# Chicago: the United States' numbers
US_EMERGENCY = "911"
US_LINE = "988"
NOT_SAFE = "🚨 I'm not safe right now"


async def test_no_plan_is_heard_as_no_plan_not_as_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9801)
    await onboard(user, zone="Chicago")
    await user.send("honestly i dont want to wake up tomorrow")
    await user.reply()
    await user.send("no not really a plan")
    reply = await user.reply()
    assert US_LINE in reply.plain, reply.plain
    assert "plan" in reply.plain.lower(), reply.plain
    assert "please call" not in reply.plain.lower(), reply.plain


async def test_heavy_feelings_later_in_the_talk_are_heard_with_the_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9802)
    await onboard(user, zone="Chicago")
    await user.send("i just want to sleep and never wake up")
    first = await user.reply()
    await user.send("i just feel like a burden to everyone")
    burden = await user.reply()
    assert "burden" in burden.plain.lower(), burden.plain
    assert US_LINE in burden.plain, burden.plain
    assert US_EMERGENCY in burden.plain, burden.plain
    await user.send("i cant take it anymore")
    trapped = await user.reply()
    assert US_LINE in trapped.plain, trapped.plain
    assert len({first.plain, burden.plain, trapped.plain}) == 3  # never the same text again


async def test_status_in_a_talk_where_they_are_not_safe_keeps_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9803)
    await onboard(user, zone="Chicago")
    await user.send("ive got 30 pills and im going to take them tonight")
    await user.reply()
    await user.send("/status")
    reply = await user.reply()
    assert "Day" in reply.plain, reply.plain
    assert US_EMERGENCY in reply.plain, reply.plain
    assert US_LINE in reply.plain, reply.plain


async def test_status_after_an_ordinary_day_has_no_crisis_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9804)
    await onboard(user, zone="Chicago")
    await user.send("/status")
    reply = await user.reply()
    assert US_EMERGENCY not in reply.plain, reply.plain


async def test_help_in_capitals_is_a_cry_for_help_and_lowercase_help_lists_what_it_does(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9805)
    await onboard(user, zone="Chicago")
    await user.send("HELP")
    cry = await user.reply()
    assert any(w in cry.plain.lower() for w in ("happening", "going on")), cry.plain
    assert NOT_SAFE in cry.button_texts(), cry.button_texts()
    await user.send("help")
    card = await user.reply()
    assert "/urge" in card.plain or "/help" in card.plain, card.plain


async def test_after_the_ex_has_died_what_follows_is_grief(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9806)
    await onboard(user, zone="Chicago")
    await user.send("my ex died last week")
    await user.reply()
    await user.send("we were no contact when it happened")
    after = await user.reply()
    assert "Day 30" not in after.plain, after.plain
    assert "deadline" not in after.plain, after.plain
    assert NOT_SAFE in after.button_texts(), after.button_texts()
    await user.send("is it my fault")
    guilt = await user.reply()
    assert any(w in guilt.plain.lower() for w in ("fault", "blame", "cause")), guilt.plain
    await user.send("i never got to say sorry")
    sorry = await user.reply()
    assert "apology can be right" not in sorry.plain, sorry.plain
    assert len({after.plain, guilt.plain, sorry.plain}) == 3


async def test_a_future_lost_is_not_co_parenting(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(9807)
    await onboard(user, zone="Chicago")
    await user.send("i wanted kids with her")
    reply = await user.reply()
    assert "future" in reply.plain.lower(), reply.plain
    assert "custody" not in reply.plain.lower()
    assert "handover" not in reply.plain.lower()


async def test_anger_said_as_violence_or_revenge_is_heard_and_steered_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9808)
    await onboard(user, zone="Chicago")
    await user.send("i want to kill him honestly")
    anger = await user.reply()
    assert "anger" in anger.plain.lower(), anger.plain
    assert "I'm safe right now" not in anger.button_texts(), anger.button_texts()
    assert NOT_SAFE in anger.button_texts(), anger.button_texts()
    await user.send("i want to slash his tires")
    revenge = await user.reply()
    assert any(w in revenge.plain for w in ("don't", "cost you")), revenge.plain


async def test_harm_to_the_ex_and_then_oneself_gets_the_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9809)
    await onboard(user, zone="Chicago")
    await user.send("i want to kill him and then myself")
    reply = await user.reply()
    assert US_EMERGENCY in reply.plain, reply.plain
    assert US_LINE in reply.plain, reply.plain


async def test_a_follow_up_question_gets_the_part_of_the_answer_that_fits(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # M6: "how do i handle pickups" just after the answer about children got "That's close to
    # what I said just now" and nothing else.
    user = emu.user(9810)
    await onboard(user, zone="Chicago")
    await user.send("we have a kid together, 4yo")
    whole = await user.reply()
    await user.send("how do i handle pickups without talking to him")
    first = await user.reply()
    assert "close to what I said" not in first.plain, first.plain
    assert len(first.plain) < len(whole.plain), first.plain
    await user.send("he keeps texting about the kid but then switches to us stuff")
    second = await user.reply()
    assert second.plain != first.plain


async def test_custody_threatened_gets_the_answer_about_children_not_the_danger_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9811)
    await onboard(user, zone="Chicago")
    await user.send("he threatens to take the kids away from me")
    reply = await user.reply()
    assert US_EMERGENCY not in reply.plain, reply.plain
    assert "court" in reply.plain, reply.plain


async def test_a_relative_start_date_is_said_again_on_their_calendar(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    # M11: "10 days ago" typed at 23:40 in Los Angeles was said back as Sunday 22 November
    # (UTC's calendar), then counted from Saturday 21 November without a word.
    clock.set(datetime(2026, 12, 2, 7, 40, tzinfo=UTC))  # 23:40 on 1 December there
    user = emu.user(9812)
    await user.send("/start")
    await user.reply()
    await user.send("10 days ago")
    said, _ = await user.replies(2)
    assert "22 November" in said.plain, said.plain
    await user.send("UTC-8")
    zone, _ = await user.replies(2)
    assert "21 November" in zone.plain, zone.plain
    await user.send("21:00")
    await user.reply()
    await user.press("Skip for now")
    await user.reply()
    await user.send("/status")
    status = await user.reply()
    assert "21 November" in status.plain, status.plain


async def test_no_date_said_again_when_the_zone_keeps_the_same_day(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    clock.set(datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
    user = emu.user(9813)
    await user.send("/start")
    await user.reply()
    await user.send("10 days ago")
    await user.replies(2)
    await user.send("Berlin")
    zone, _ = await user.replies(2)
    assert "November" not in zone.plain, zone.plain


async def test_what_day_in_the_middle_of_set_up_gives_the_day_the_date_makes(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    # M12: "what day am i on" at the city buttons got "There's no count yet".
    clock.set(datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
    user = emu.user(9814)
    await user.send("/start")
    await user.reply()
    await user.send("3 weeks ago")
    await user.replies(2)
    await user.send("what day am i on")
    reply = await user.reply()
    assert "Day 22" in reply.plain, reply.plain
    assert "no count" not in reply.plain, reply.plain


async def test_a_minor_with_an_adult_comes_before_any_listening_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # the session's new replies (meeting for coffee here) never take the place of the warning
    user = emu.user(9815)
    await onboard(user, zone="Chicago")
    await user.send("im 14 and he's 24, he wants to meet up for coffee")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.safeguarding"), reply.plain
