"""Safety first: crisis and danger messages from any state, never a figure of speech."""

from __future__ import annotations

import pytest

from bot.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.services.crisis import detect_crisis
from tests.harness import BotRunner, onboard

CONTENT = load_content()
SAFETY = CONTENT.safety
assert SAFETY is not None
NOT_SAFE = CONTENT.label("faq.btn_not_safe")


async def test_crisis_inside_onboarding_comes_first_and_onboarding_continues(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5001)
    await user.send("/start")
    await user.replies(3)
    await user.send("honestly i just want to kill myself")
    reply = await user.reply()
    assert reply.text in SAFETY.crisis_reply
    assert "safe right now" in reply.plain
    assert SAFETY.buttons.safe_no in reply.button_texts()
    await user.send("yesterday")
    _, question = await user.replies(2)
    assert "time zone" in question.plain.lower()


async def test_not_safe_gives_the_emergency_number_and_lines_for_their_country(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5002)
    await onboard(user, zone="Berlin")
    await user.send("I don't want to be alive anymore")
    reply = await user.reply()
    await user.press(SAFETY.buttons.safe_no, message=reply)
    unsafe, lines = await user.replies(2)
    assert "112" in unsafe.plain
    assert "TelefonSeelsorge" in lines.plain
    assert "findahelpline.com" in lines.plain


async def test_unknown_country_gets_the_worldwide_directory(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5003)
    await user.send("i took a bunch of pills")
    reply = await user.reply()
    await user.press(SAFETY.buttons.lines, message=reply)
    lines = await user.reply()
    assert "findahelpline.com" in lines.plain
    assert "your local emergency number" in lines.plain


async def test_danger_from_the_ex_says_no_contact_is_not_a_safety_plan(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5004)
    await onboard(user, zone="New York")
    await user.send("he keeps showing up outside my apartment and said he'd hurt me")
    danger, lines = await user.replies(2)
    assert "No Contact is not a safety plan" in danger.plain or "bigger than No Contact" in (
        danger.plain
    )
    assert "911" in danger.plain
    assert "1-800-799-7233" in lines.plain


@pytest.mark.parametrize("action", ["ground", "plan"])
async def test_grounding_and_safety_plan(
    emu: BotApiEmulator, bot: BotRunner, action: str
) -> None:
    user = emu.user(5005)
    await user.send("I feel like dying inside without him")
    reply = await user.reply()
    label = SAFETY.buttons.grounding if action == "ground" else SAFETY.buttons.plan
    await user.press(label, message=reply)
    parts = SAFETY.grounding if action == "ground" else SAFETY.safety_plan
    received = await user.replies(len(parts))
    assert [m.text for m in received] == list(parts)


@pytest.mark.parametrize(
    "text",
    ["I'm dying to text her", "this is killing me lol", "my phone is dying", "I'm dead tired"],
)
async def test_figures_of_speech_do_not_trip_it(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(5006)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text not in SAFETY.crisis_reply
    assert SAFETY.buttons.safe_no not in reply.button_texts()


async def test_crisis_in_an_edited_message_or_a_caption_is_caught(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5007)
    await onboard(user)
    await user.send("ok")
    await user.reply()
    await user.edit_last("i want to end my life")
    assert (await user.reply()).text in SAFETY.crisis_reply
    await user.send_photo(caption="goodbye everyone, i'm going to end it tonight")
    assert (await user.reply()).text in SAFETY.crisis_reply


async def test_help_and_about_say_automated_and_where_real_help_is(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5008)
    for command in ("/help", "/about"):
        await user.send(command)
        text = (await user.reply()).plain
        assert "not a person" in text
        assert "findahelpline.com" in text


# Crisis messages the detector misses (measured: a held-out round caught 13 of 25). They hold
# words of injury or means, so the bot asks or offers the way to help anyway.
MATCHES_NOTHING = "my wrists are a mess again"
MATCHES_AN_ANSWER = "idk how much longer i'll be around honestly"


async def test_a_missed_message_that_matches_nothing_is_asked_if_they_are_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    assert detect_crisis(MATCHES_NOTHING) is None, "now caught: pick another miss for this test"
    user = emu.user(5020)
    await onboard(user, zone="Berlin")
    await user.send(MATCHES_NOTHING)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("faq.harm_check")
    assert SAFETY.buttons.safe_no in reply.button_texts()
    await user.press(SAFETY.buttons.safe_no, message=reply)
    unsafe, lines = await user.replies(2)
    assert "112" in unsafe.plain
    assert "TelefonSeelsorge" in lines.plain


async def test_a_missed_message_matched_to_an_answer_still_offers_help(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    assert detect_crisis(MATCHES_AN_ANSWER) is None, "now caught: pick another for this test"
    user = emu.user(5021)
    await onboard(user, zone="Berlin")
    await user.send(MATCHES_AN_ANSWER)
    await user.replies(1)
    await user.silence(0.3)  # an answer may come in parts: the button is on the last
    reply = user.last()
    assert reply.text not in CONTENT.variants("faq.harm_check")
    assert NOT_SAFE in reply.button_texts()
    await user.press(NOT_SAFE, message=reply)
    unsafe, lines = await user.replies(2)
    assert "112" in unsafe.plain
    assert "TelefonSeelsorge" in lines.plain


async def test_an_ordinary_question_gets_no_safety_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5030)
    await onboard(user)
    await user.send("how long should no contact last")
    await user.reply()
    await user.silence(0.3)
    assert NOT_SAFE not in user.last().button_texts()
