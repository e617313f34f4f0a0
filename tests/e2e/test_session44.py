"""The forty-fourth session, through the emulator (from a play-test written blind): "day 12
and i miss him so much", told and not asked, is heard with the answer about loneliness one tap
away and no longer with "We share a pet" beside it (the word model's pick, for "him"); "i dont
think i can do 30 days honestly" at the start-date question is not a start 30 days back; "no i
dont have a plan" once safe is offered a plan, not told to call 999; "idk. alone. my roommate
is away" is no one to reach, not a call that rang out."""

from __future__ import annotations

from bot.emulator.driver import BotMessage
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner

_PET = "We share a pet"


def _small_talk(reply: BotMessage, kind: str) -> bool:
    """Whether the reply is one of the small-talk answers of this kind (any wording)."""
    assert CONTENT.faq is not None
    return any(
        reply.plain.startswith(tghtml.to_plain(v)[:40]) for v in CONTENT.faq.smalltalk[kind]
    )


async def test_missing_him_told_is_not_offered_the_answer_about_a_shared_pet(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    day, her = await _talk(
        emu.user(44001), "day 12 and i miss him so much", "i miss her so much today"
    )
    for reply in (day, her):
        labels = reply.button_texts()
        assert _PET not in labels, (reply.plain, labels)
        assert any("lonely" in label.lower() for label in labels), (reply.plain, labels)


async def test_a_question_about_the_dog_still_reaches_the_answer_about_pets(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(44002), "who keeps the dog after we split up?")
    # the answer itself ("A shared pet ties you together...") or its title one tap away
    answered = "shared pet" in reply.plain.lower()
    assert answered or _PET in reply.button_texts(), (reply.plain, reply.button_texts())


async def test_doubting_thirty_days_at_the_start_date_is_not_a_start_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(44003)
    await user.send("/start")
    await user.reply()
    await user.send("i dont think i can do 30 days honestly")
    reply = await user.reply()
    assert "Day 31" not in reply.plain, reply.plain
    assert "today is Day" not in reply.plain, reply.plain
    # the date is still to be given: set-up stays one tap away, nothing was counted
    assert any("setting you up" in label for label in reply.button_texts()), reply.button_texts()
    await user.send("3 days ago")
    dated = await user.reply()
    assert "Day 4" in dated.plain or "Day 3" in dated.plain, dated.plain


async def test_no_plan_yet_once_safe_is_offered_one_not_the_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    *_, safe, no_plan = await _talk(
        emu.user(44004),
        "sometimes i think it would be easier if i just wasnt around anymore",
        "yes",
        "no i dont have a plan",
    )
    assert said(safe, "sos.safe_now"), safe.plain
    assert said(no_plan, "sos.no_plan_yet"), no_plan.plain
    assert "📝 Make a safety plan" in no_plan.button_texts(), no_plan.button_texts()


async def test_alone_with_the_roommate_away_is_no_one_not_a_call_unanswered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    *_, alone = await _talk(
        emu.user(44005),
        "i want to kill myself",
        "no",
        "idk. alone. my roommate is away",
    )
    assert said(alone, "sos.no_one"), alone.plain
    assert not said(alone, "sos.unreachable"), alone.plain
    assert "999" in alone.plain, alone.plain


async def test_a_milestone_an_apology_and_are_you_real_get_replies_that_fit(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    near, sorry, real, still = await _talk(
        emu.user(44006),
        "day 28!! almost there",
        "sorry i keep doing this",
        "are you even real",
        "still day 9 right? i didnt mess it up",
    )
    assert _small_talk(near, "good_news"), near.plain
    assert "heaviest" not in near.plain, near.plain
    assert _small_talk(sorry, "apology"), sorry.plain  # "Nothing to be sorry for..."
    assert "once, without asking for anything back" not in sorry.plain, sorry.plain
    assert _small_talk(real, "about"), real.plain
    assert "Day 1" in still.plain, still.plain  # the count they asked about, as it is


async def test_the_daily_time_asked_after_saying_why_is_changed(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(44007),
        "also the reminders come at like 8am and im asleep. remind me at 9pm instead",
    )
    assert said(reply, "daily.time_changed.time"), reply.plain
    assert "21:00" in reply.plain, reply.plain


async def test_an_ex_talking_about_us_at_drop_off_reaches_the_answer_about_children(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(44008), "what about if she starts talking about us when shes dropping him off"
    )
    kids = CONTENT.faq_entries["kids"]
    answered = reply.plain.startswith(tghtml.to_plain(kids.answer[0])[:40])
    assert answered or kids.title in reply.button_texts(), (reply.plain, reply.button_texts())


async def test_the_ex_threatening_again_is_answered_as_again_not_a_stock_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, again, before = await _talk(
        emu.user(44009),
        "he says he'll kill himself if i dont answer him",
        "he's said it again. third time tonight",
        "he said it once before when i tried to leave and i went back",
    )
    for reply in (again, before):
        assert said(reply, "sos.ex_again"), reply.plain
        assert "999" in reply.plain, reply.plain
    # never the same words twice in a row
    assert again.plain != before.plain
