"""The twelfth session: a request for something else that only the word model recognises,
declined kindly as the person sees it, with help still in reach."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = "🚨 I'm not safe right now"
JOIN = "\n\n"


async def test_a_request_the_rules_miss_is_declined_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(12001)
    await onboard(user)
    await user.send("recommend me a book")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.out_of_scope  # type: ignore[union-attr]
    buttons = reply.button_texts()
    assert [t.title for t in CONTENT.faq_topics.values()] == buttons[:-1]
    assert buttons[-1] == NOT_SAFE


async def test_a_feeling_told_after_it_is_still_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(12002)
    await onboard(user)
    await user.send("whats 15% of 80")
    assert (await user.reply()).text in CONTENT.faq.out_of_scope  # type: ignore[union-attr]
    await user.send("sorry. i just cant stop crying tonight")
    reply = await user.reply()
    assert reply.text not in CONTENT.faq.out_of_scope  # type: ignore[union-attr]
    assert NOT_SAFE in reply.button_texts()


async def test_a_question_about_something_else_is_not_taken_for_a_follow_up(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "Nights are the worst" was offered, and the next question,
    # about dinner "tonight", got that whole answer as its follow-up.
    user = emu.user(12003)
    await onboard(user)
    await user.send("ugh sorry. i cant stop crying tonight")
    offered = await user.reply()
    nights = CONTENT.faq_entries["lonely-night"]
    assert nights.title in offered.button_texts(), offered.plain
    await user.send("what should i cook for dinner tonight")
    reply = await user.reply()
    assert reply.text not in (JOIN.join(nights.answer), nights.answer[0]), reply.plain
    # Since the word model learnt FAQ set 22b (60 requests for something else) it reads this
    # as one clearly: declined kindly with the topics (it was asked back with "Nights are the
    # worst" as the one option before), help still one tap away.
    assert reply.text in CONTENT.faq.out_of_scope, reply.plain  # type: ignore[union-attr]
    assert NOT_SAFE in reply.button_texts()
