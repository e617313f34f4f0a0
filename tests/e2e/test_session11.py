"""The eleventh session: the FAQ matcher's second opinion, seen as the person sees it."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
JOIN = "\n\n"


async def test_an_answer_the_word_model_doubts_is_offered_beside_its_pick(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The matcher alone answered this with how long No Contact lasts; people who write it
    # ask when the pain eases. Both are offered; the right one is one tap away.
    user = emu.user(11001)
    await onboard(user)
    await user.send("how long until i wake up and she isnt the first thing in my head")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.did_you_mean  # type: ignore[union-attr]
    pain = CONTENT.faq_entries["pain_easing"].title
    assert reply.button_texts() == [
        CONTENT.faq_entries["how-long"].title, pain, "📚 Other questions",
        "🚨 I'm not safe right now",
    ]
    await user.press(pain, message=reply)
    assert (await user.reply()).text == JOIN.join(CONTENT.faq_entries["pain_easing"].answer)


async def test_a_plain_question_is_still_answered_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(11002)
    await onboard(user)
    await user.send("how long should no contact last")
    reply = await user.reply()
    assert reply.text == JOIN.join(CONTENT.faq_entries["how-long"].answer)


async def test_a_doubted_question_asked_inside_set_up_is_not_taken_as_its_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(11003)
    await user.send("/start")
    first = await user.reply()
    await user.send("how long until i wake up and she isnt the first thing in my head")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.did_you_mean, reply.plain  # type: ignore[union-attr]
    assert CONTENT.faq_entries["pain_easing"].title in reply.button_texts()
    assert first.text != reply.text
