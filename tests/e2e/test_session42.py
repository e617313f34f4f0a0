"""The forty-second session, through the emulator: news that something awful happened to the
ex (in hospital, a death in the family) is answered, not refused; "tired" said alone is heard
with one gentle question, not the topic menu; "remind me why i started this" opens the
person's reasons; Japanese and Ukrainian are told the bot speaks English in their own
language (Ukrainian was told in Russian)."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner

_HARD_NEWS = "Something awful happened to them"


async def test_the_ex_in_hospital_is_answered_not_refused(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42001), "my ex is in icu after a car crash, should i visit")
    offered = _HARD_NEWS in reply.button_texts()
    answered = any(
        " ".join(reply.plain.split()).startswith(" ".join(v.split())[:40])
        for v in CONTENT.faq_entries["hard_news"].answer
    )
    assert offered or answered, (reply.plain, reply.button_texts())
    assert "I don't know that one" not in reply.plain, reply.plain
    assert "outside what I know" not in reply.plain, reply.plain


async def test_tired_alone_gets_a_question_back_not_the_topic_menu(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    tired, im_tired = await _talk(emu.user(42002), "tired", "im tired")
    for reply in (tired, im_tired):
        assert said(reply, "listen.low_mood"), reply.plain
        assert "🧭 No Contact basics" not in reply.button_texts(), reply.button_texts()
        assert "🚨 I'm not safe right now" in reply.button_texts(), reply.button_texts()
    assert tired.plain != im_tired.plain  # never the same words twice in a row


async def test_remind_me_why_i_started_opens_the_reasons(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42003), "can you remind me why i started this")
    assert said(reply, "reasons.list_empty"), reply.plain
    assert "Add a reason" in reply.button_texts(), reply.button_texts()


async def test_japanese_and_ukrainian_are_told_in_their_own_language(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (japanese,) = await _talk(emu.user(42004), "元彼に連絡したくてたまらない、どうしよう")
    assert japanese.plain.startswith(CONTENT.variants("language.english_only.ja")[0][:12]), (
        japanese.plain
    )
    assert "🚨 I'm not safe right now" in japanese.button_texts(), japanese.button_texts()
    (ukrainian,) = await _talk(emu.user(42005), "Чи повернеться він, якщо я мовчатиму?")
    assert ukrainian.plain.startswith(CONTENT.variants("language.english_only.uk")[0][:12]), (
        ukrainian.plain
    )
    assert "по-английски" not in ukrainian.plain, ukrainian.plain  # not told in Russian
