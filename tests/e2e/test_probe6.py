"""Sixth probe: what a person shares is met as what it is. Low mood gets one question back, not
a topic menu; the body's needs (eating, sleeping, feeling sick) a caring, concrete line; the
listening replies vary and never say "I'm a bot" to someone talking; a message pasted from the
ex is read as theirs; a practical message about the kids or an account is answered yes or no.

Asserts read the meaning (key words), whichever variant was picked."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")
TOPIC_TITLES = {t.title for t in CONTENT.faq_topics.values()}


# ------------------------------------------------------------ M17: the fallback varies


async def test_feelings_told_in_a_row_get_different_replies_and_no_bot_disclaimer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M17: "That sounds really hard... I'm a bot, so I can't talk it through like a
    # friend would" came back for very different messages in one conversation.
    user = emu.user(9601)
    await onboard(user)
    texts = []
    for said in ("i miss him so much", "i feel so stupid", "he cheated on me with my best friend",
                 "i feel so lost today"):
        await user.send(said)
        reply = await user.reply()
        assert "i'm a bot" not in reply.plain.lower(), reply.plain
        texts.append(reply.text)
    assert len(set(texts)) == len(texts), texts
