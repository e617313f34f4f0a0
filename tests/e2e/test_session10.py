"""The eighth probe's findings left open until the tenth session, end to end through the
emulator: a tracker or spying app asked about gets how to look for it (not only "check for
trackers"); "stop with the hotline stuff" is heard (no list of numbers at once, the buttons
keep them); "should i delete her number" is answered about the number, not with the card about
blocking; an event with the ex there (a son's wedding) gets a plan for the day, not the answer
about co-parenting; a question during a talk does not claim the person said they were unsafe.

Asserts read the meaning (numbers, key words), whichever variant was picked."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()

# Toronto: Canada's numbers
CA_EMERGENCY = "911"
CA_LINE = "988"
NOT_SAFE = "🚨 I'm not safe right now"


async def test_a_spying_app_asked_about_first_gets_how_to_look_and_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_001)
    await onboard(user, zone="Toronto")
    await user.send("how do i check if theres spyware on my phone, i think my ex put it there")
    reply = await user.reply()
    assert "stopstalkerware.org" in reply.plain, reply.plain
    assert "Unknown tracker alerts" in reply.plain, reply.plain
    assert CA_EMERGENCY in reply.plain, reply.plain
    assert "safe" in reply.plain.lower(), reply.plain  # still asked how safe they are


async def test_stalkerware_asked_inside_the_danger_talk_gets_the_steps(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_002)
    await onboard(user, zone="Toronto")
    await user.send("i think he put a tracker on my car, he always knows where i am")
    first = await user.reply()
    assert CA_EMERGENCY in first.plain, first.plain
    await user.send("how do i know if theres stalkerware on my phone too")
    steps = await user.reply()
    assert "stopstalkerware.org" in steps.plain, steps.plain
    assert "AirTag" in steps.plain, steps.plain
    assert steps.plain != first.plain


async def test_a_tracker_question_with_no_danger_words_gets_the_steps_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_003)
    await onboard(user, zone="Toronto")
    await user.send("can an airtag be hidden in a bag without me knowing?")
    reply = await user.reply()
    assert "AirTag" in reply.plain, reply.plain
    assert "stopstalkerware.org" in reply.plain, reply.plain


async def test_a_fitness_tracker_is_not_a_tracker_on_me(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_004)
    await onboard(user, zone="Toronto")
    await user.send("my fitness tracker says i slept 3 hours. again.")
    reply = await user.reply()
    assert "stopstalkerware" not in reply.plain, reply.plain


async def test_stop_with_the_hotline_stuff_in_the_talk_lists_no_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_005)
    await onboard(user, zone="Toronto")
    await user.send("i just want to disappear forever")
    first = await user.reply()
    assert CA_LINE in first.plain, first.plain
    await user.send("stop with the hotline stuff")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("sos.numbers_stopped"), heard.plain
    assert CA_LINE not in heard.plain, heard.plain
    assert CA_EMERGENCY not in heard.plain, heard.plain
    assert NOT_SAFE in heard.button_texts(), heard.buttons  # the way to help stays one tap away


async def test_stop_with_the_hotline_stuff_outside_a_talk_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_006)
    await onboard(user, zone="Toronto")
    await user.send("can you stop with all the helpline numbers")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("listen.numbers_stopped"), heard.plain


@pytest.mark.parametrize(
    "asked",
    ["should i delete her number or is that petty", "delete his number?"],
)
async def test_deleting_their_number_is_answered_about_the_number(
    emu: BotApiEmulator, bot: BotRunner, asked: str
) -> None:
    user = emu.user(10_007)
    await onboard(user, zone="Toronto")
    await user.send(asked)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.delete_number"), reply.plain
    assert "Mute" not in reply.plain, reply.plain


@pytest.mark.parametrize(
    "told",
    [
        "my son is getting married in june and my ex will be there. how do i survive that",
        "my ex will be at my best friends birthday party saturday",
    ],
)
async def test_an_event_with_the_ex_there_gets_a_plan_for_the_day(
    emu: BotApiEmulator, bot: BotRunner, told: str
) -> None:
    user = emu.user(10_008)
    await onboard(user, zone="Toronto")
    await user.send(told)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.event_together"), reply.plain
    assert "co-parenting" not in reply.plain.lower(), reply.plain


async def test_a_question_in_the_danger_talk_does_not_say_they_said_they_were_unsafe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_009)
    await onboard(user, zone="Toronto")
    await user.send("my ex keeps turning up at my work and following me to my car")
    await user.reply()
    await user.send("should i delete his number?")
    replies = await user.replies(2)
    said = " ".join(r.plain for r in replies)
    assert "you weren't safe" not in said, said
    assert "You told me you weren" not in said, said
