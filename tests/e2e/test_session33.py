"""The thirty-third session, through the emulator: a question asked in another language is
told that the bot speaks English for now, and offered the answers its words point to (the
glossary), never given one as sure; a feeling told in another language is not offered
topics."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")


async def test_a_question_in_spanish_is_offered_its_answer_beside_the_notice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Tuning set r40a: "cuándo deja de doler? ya van 3 semanas y sigo igual" got only the
    # notice; the answer about the pain easing was in reach of nobody who wrote in Spanish.
    user = emu.user(33001)
    await onboard(user)
    await user.send("cuándo deja de doler? ya van 3 semanas y sigo igual")
    reply = await user.reply()
    assert any(reply.text.startswith(v) for v in CONTENT.variants("language.english_only.es"))
    assert CONTENT.text("language.maybe_this.es") in reply.text, reply.text
    pain = CONTENT.faq_entries["pain_easing"].title
    assert pain in reply.button_texts(), reply.button_texts()
    assert NOT_SAFE in reply.button_texts()
    await user.press(pain)
    answer = await user.reply()
    assert answer.text.startswith(CONTENT.faq_entries["pain_easing"].answer[0][:40]), answer.text


async def test_a_question_in_tagalog_is_offered_the_answer_it_asks_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(33002)
    await onboard(user)
    await user.send("gaano katagal ba dapat yung no contact?")
    reply = await user.reply()
    assert CONTENT.faq_entries["how-long"].title in reply.button_texts(), reply.button_texts()
    assert NOT_SAFE in reply.button_texts()


async def test_a_feeling_told_in_another_language_is_not_offered_topics(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(33003)
    await onboard(user)
    await user.send("lo extraño mucho todos los días")
    reply = await user.reply()
    assert CONTENT.text("language.maybe_this.es") not in reply.text, reply.text
    assert reply.button_texts() == [NOT_SAFE], reply.button_texts()
