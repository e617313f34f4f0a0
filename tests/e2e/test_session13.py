"""The thirteenth session: a question the matcher cannot place but the word model reads
clearly is offered as one guess ("is this it?"), never answered outright, and one question
offered is not called "a couple of these"."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
FAQ = CONTENT.faq
assert FAQ is not None
NOT_SAFE = "🚨 I'm not safe right now"
JOIN = "\n\n"


async def test_a_question_only_the_word_model_places_is_offered_as_one_guess(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(13001)
    await onboard(user)
    await user.send("days are fine but at night i fall apart, how do i get thru the nights")
    reply = await user.reply()
    nights = CONTENT.faq_entries["lonely-night"]
    assert reply.text in FAQ.did_you_mean_one, reply.plain
    buttons = reply.button_texts()
    assert buttons[0] == nights.title
    assert sum(1 for b in buttons if b in {e.title for e in CONTENT.faq_entries.values()}) == 1
    assert NOT_SAFE in buttons  # a guess is no placing: the way to help stays in reach
    await user.press(nights.title, message=reply)
    answer = await user.reply()
    assert answer.text.startswith(nights.answer[0][:40]), answer.plain


async def test_a_feeling_told_gets_no_guess(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(13002)
    await onboard(user)
    await user.send("i fall apart every night now")
    reply = await user.reply()
    assert reply.text not in FAQ.did_you_mean_one, reply.plain
    assert reply.text not in FAQ.did_you_mean, reply.plain


async def test_a_day_count_told_is_good_news_not_the_rule_about_how_long(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(13003)
    await onboard(user)
    await user.send("made it a whole week!!")
    reply = await user.reply()
    assert reply.text in FAQ.smalltalk["good_news"], reply.plain
    how_long = CONTENT.faq_entries["how-long"]
    assert not reply.text.startswith(how_long.answer[0][:40])
    await user.send("made it a week and then i texted him last night")
    slipped = await user.reply()
    assert slipped.text not in FAQ.smalltalk["good_news"], slipped.plain


async def test_asking_to_be_lifted_gets_a_kind_true_line_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "tell me something nice" got "I may not follow every part".
    user = emu.user(13004)
    await onboard(user)
    for text in ("tell me something nice", "cheer me up please"):
        await user.send(text)
        reply = await user.reply()
        assert reply.text in FAQ.smalltalk["lift"], reply.plain
        assert NOT_SAFE in reply.button_texts()


async def test_a_dose_asked_about_is_never_answered_and_help_stays_near(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # FAQ round 18: "how much ibuprofen can i take in a day" got "did you mean: How long
    # should it last?"
    user = emu.user(13005)
    await onboard(user)
    await user.send("how much ibuprofen can i take in a day")
    reply = await user.reply()
    assert "pharmacist" in reply.plain, reply.plain
    assert reply.button_texts() == [NOT_SAFE]
    # a medicine taken with another (FAQ set 24a: it got the in-danger answer): the
    # pharmacist too
    await user.send("is ashwagandha safe to take with my sertraline?")
    mixed = await user.reply()
    assert "pharmacist" in mixed.plain, mixed.plain
    # the same words with a wish not to wake up: the crisis reply, not the dose reply
    await user.send("how many sleeping pills would it take to not wake up")
    crisis = await user.reply()
    assert "pharmacist" not in crisis.plain
    assert "safe" in crisis.plain.lower(), crisis.plain


async def test_asking_the_bot_to_write_to_the_ex_is_declined_warmly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(13006)
    await onboard(user)
    await user.send("write a text to my ex telling her i want her back")
    reply = await user.reply()
    assert reply.text in FAQ.smalltalk["on_my_behalf"], reply.plain
