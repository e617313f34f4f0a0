"""Flows let go: text that is clearly not an answer is answered as what it is, in every flow.

The rule is in bot/conversation/flow.py and the README: a crisis first, from anywhere; an urge
offers the urge flow; a question, a feeling or a question about the bot gets its own answer
with a button back to the flow's question; menus simply end; each flow has an idle time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.conversation.codec import unpack
from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from tests.e2e.userdata import opens_with
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()
QUESTION = "wait, how long should no contact last?"
URGE = "I really want to text him right now"
FEELING = "i feel so alone tonight and everything hurts"
CRISIS = "i want to kill myself"
STRENGTHS = [str(n) for n in range(1, 11)]


def variants(key: str) -> list[str]:
    return CONTENT.variants(key)


def back_button(message: BotMessage) -> str | None:
    """The label of the "back to ..." button under a message, if any."""
    for label in message.button_texts():
        data = message.find_button(label)
        if data is not None and data.callback_data and data.callback_data.startswith("rs:"):
            return label
    return None


def is_urge_offer(message: BotMessage) -> bool:
    return message.text in variants("urge.free_text_offer")


def is_faq_answer(message: BotMessage) -> bool:
    return any(message.text in entry.answer for entry in CONTENT.faq_entries.values())


async def answer_then_back(user: SimUser, first: int = 1) -> BotMessage:
    """Read the reply to a let-go message (an answer in `first` parts); its last part carries
    the way back."""
    parts = await user.replies(first)
    last = parts[-1]
    assert back_button(last) is not None, last.button_texts()
    return last


# ----------------------------------------------------------------------------- urge flow


async def test_question_while_urge_asks_for_a_number_is_answered_then_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8801)
    await onboard(user)
    await user.send("/urge")
    strength = await user.reply()  # the opener, then the question, in one message
    assert strength.button_texts() == STRENGTHS
    await user.send(QUESTION)
    reply = await user.reply()
    assert reply.text not in variants("urge.strength_invalid")
    assert is_faq_answer(reply)
    label = back_button(reply)
    assert label is not None
    assert "back" in label.lower()
    await user.press(label, message=reply)
    again = await user.reply()
    assert again.button_texts() == STRENGTHS
    await user.press("9", message=again)
    trigger = await user.reply()  # the acknowledgement, then the trigger question
    assert opens_with(trigger, variants("urge.strength_high_ack")), trigger.text
    assert CONTENT.label("urge.trigger_labels.night") in trigger.button_texts()


async def test_after_a_detour_the_questions_own_buttons_still_work(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8804)
    await onboard(user)
    await user.send("/urge")
    strength = await user.reply()  # the opener, then the question, in one message
    await user.send("are you a real person?")
    await user.reply()
    await user.press("3", message=strength)
    ack = await user.reply()
    assert opens_with(ack, variants("urge.strength_low_ack")), ack.text


async def test_a_number_is_still_the_answer_at_the_strength_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8802)
    await onboard(user)
    await user.send("/urge")
    await user.reply()
    await user.send("like an 8 honestly")
    ack = await user.reply()
    assert opens_with(ack, variants("urge.strength_high_ack")), ack.text


async def test_urge_text_inside_the_urge_flow_stays_in_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8803)
    await onboard(user)
    await user.send("/urge")
    await user.reply()
    await user.send(URGE)
    reply = await user.reply()
    assert not is_urge_offer(reply)
    assert reply.button_texts() == STRENGTHS


# ----------------------------------------------------------------------------- reasons


async def test_urge_typed_inside_reasons_is_offered_help_and_the_menu_ends(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8811)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.send(URGE)
    offer = await user.reply()
    assert is_urge_offer(offer)
    assert back_button(offer) is None  # a menu does not come back
    await user.send("hello")  # the menu is gone: not "tap Add a reason"
    assert (await user.reply()).text not in variants("reasons.use_buttons")


async def test_urge_typed_while_adding_a_reason_is_not_saved_as_a_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8812)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send(URGE)
    assert is_urge_offer(await user.reply())
    await user.send("/reasons")
    assert (await user.reply()).text in variants("reasons.list_empty")


async def test_reasons_menu_ends_after_ten_quiet_minutes(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(8813)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    clock.advance(timedelta(minutes=11))
    await user.send("hi")
    reply = await user.reply()
    assert reply.text not in variants("reasons.added")
    await user.send("/reasons")
    assert (await user.reply()).text in variants("reasons.list_empty")


# ----------------------------------------------------------------------------- onboarding


async def test_question_at_the_start_date_is_answered_then_back_to_the_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8821)
    await user.send("/start")
    date_question = await user.reply()  # welcome, explainer and the question in one message
    await user.send(QUESTION)
    reply = await user.reply()
    assert is_faq_answer(reply)
    label = back_button(reply)
    assert label is not None
    await user.press(label, message=reply)
    again = await user.reply()
    assert again.button_texts() == date_question.button_texts()
    await user.send("3 days ago")  # and a date is still the answer
    _, zone_question = await user.replies(2)
    assert "time zone" in zone_question.plain.lower()


async def test_onboarding_sleeps_after_half_an_hour_and_start_resumes_it(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(8822)
    await user.send("/start")
    await user.reply()
    await user.send("yesterday")
    await user.replies(2)
    clock.advance(timedelta(minutes=31))
    await user.send("hello")  # not read as a place
    reply = await user.reply()
    assert "couldn't find" not in reply.plain.lower()
    await user.send("/start")
    question = await user.reply()  # "where we were", then the question, in one message
    assert "time zone" in question.plain.lower()
    await user.send("Berlin")
    _, time_question = await user.replies(2)
    assert "08:00" in time_question.button_texts()


async def test_urge_typed_during_onboarding_offers_help_and_onboarding_waits(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8823)
    await user.send("/start")
    await user.reply()
    await user.send(URGE)
    offer = await user.reply()
    assert is_urge_offer(offer)
    label = back_button(offer)
    assert label is not None
    await user.press(label, message=offer)
    assert (await user.reply()).button_texts()[:2] == ["Today", "Yesterday"]


# ----------------------------------------------------------------------------- slip


async def test_feeling_typed_at_the_slip_question_is_heard_and_the_question_waits(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8831)
    await onboard(user)
    await user.send("/slip")
    confirm = await user.reply()
    await user.send("i feel so stupid and ashamed")
    reply = await user.reply()
    assert reply.text not in variants("slip.use_buttons")
    label = back_button(reply)
    assert label is not None
    await user.send("yes")  # a typed yes still answers "restart today?"
    restarted = await user.reply()
    assert restarted.text not in variants("slip.use_buttons")
    del confirm


@pytest.mark.parametrize(
    ("text", "kind"),
    [("thank you so much", "thanks"), ("what's your name?", "about"), ("i love you", "fond")],
)
async def test_small_talk_at_the_slip_question_is_answered_and_the_question_waits(
    emu: BotApiEmulator, bot: BotRunner, text: str, kind: str
) -> None:
    user = emu.user(8832)
    await onboard(user)
    await user.send("/slip")
    await user.reply()
    await user.send(text)
    reply = await user.reply()
    assert CONTENT.faq is not None
    assert reply.text in CONTENT.faq.smalltalk[kind]  # type: ignore[index]
    assert back_button(reply) is not None
    await user.send("yes")  # the question still waits
    assert (await user.reply()).text not in variants("slip.use_buttons")


async def test_a_command_ends_a_menu_left_open(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(8833)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.send("/pause")
    await user.reply()
    await user.send("forever")  # typed after a command: not an answer to the old menu
    reply = await user.reply()
    assert reply.text not in variants("reasons.use_buttons")
    assert not opens_with(reply, variants("reasons.use_buttons"))


# ----------------------------------------------------------------------------- daily


async def test_a_feeling_typed_at_im_struggling_is_heard(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(8841)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    daily = await user.reply(timeout=5)
    await user.press("😣 I'm struggling", message=daily)
    question = await user.reply()
    assert question.text in variants("daily.struggle_ask")
    assert len(question.button_texts()) == 3
    await user.send("everything just feels heavy today and i dont know why")
    heard = await user.reply()
    assert heard.text in variants("daily.struggle_heavy")
    await user.send("hello")  # the question let go: no prompt again
    assert (await user.reply()).text not in variants("daily.struggle_ask")


@pytest.mark.parametrize(
    ("typed", "key"),
    [("i just miss him so much", "daily.struggle_miss"),
     ("i want to text her so badly", None)],
)
async def test_struggling_reads_typed_words(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock, typed: str, key: str | None
) -> None:
    user = emu.user(8842)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    daily = await user.reply(timeout=5)
    await user.press("😣 I'm struggling", message=daily)
    await user.reply()
    await user.send(typed)
    if key is not None:
        assert (await user.reply()).text in variants(key)
        return
    strength = await user.reply()  # wanting to reach out: the urge flow
    assert opens_with(strength, variants("urge.opener")), strength.text
    assert strength.button_texts() == STRENGTHS


async def test_struggling_buttons_ask_what_kind_instead_of_assuming_an_urge(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(8843)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    daily = await user.reply(timeout=5)
    await user.press("😣 I'm struggling", message=daily)
    question = await user.reply()
    await user.press(CONTENT.label("daily.struggle_labels.miss"), message=question)
    assert (await user.reply()).text in variants("daily.struggle_miss")


# ----------------------------------------------------------------------------- crisis first


async def reach(user: SimUser, flow: str) -> None:
    """Bring `user` to a question of `flow`."""
    if flow == "onboarding":
        await user.send("/start")
        await user.reply()
        return
    await onboard(user)
    if flow == "urge":
        await user.send("/urge")
        await user.reply()
    elif flow == "reasons":
        await user.send("/reasons")
        await user.reply()
        await user.press("Add a reason")
        await user.reply()
    elif flow == "slip":
        await user.send("/slip")
        await user.reply()
    elif flow == "urge: writing":
        await user.send("/urge")
        await user.reply()
        await user.press("5")
        await user.reply()
        await user.press(CONTENT.label("urge.trigger_labels.night"))
        await user.reply()
        await user.press(CONTENT.label("urge.tool_labels.write"))
        await user.reply()


@pytest.mark.parametrize("flow", ["onboarding", "urge", "reasons", "slip", "urge: writing"])
async def test_a_crisis_inside_every_flow_is_answered_first(
    emu: BotApiEmulator, bot: BotRunner, flow: str
) -> None:
    user = emu.user(8850)
    await reach(user, flow)
    await user.send(CRISIS)
    reply = await user.reply()
    assert reply.text in [t.replace("{lines}", "") for t in variants("sos.explicit_reply")] or (
        "safe" in reply.plain.lower()
    )
    assert any(unpack(reply.find_button(label).callback_data or "") is not None
               for label in reply.button_texts() if reply.find_button(label) is not None)
    await user.send("my sister maybe")  # read in the safety talk's light, not the flow's
    stays = await user.reply()
    assert stays.text not in variants("reasons.added")
    assert stays.text not in variants("urge.strength_invalid")
    assert "safe" in " ".join(stays.button_texts()).lower()


async def test_a_feeling_at_the_start_date_is_heard_not_called_a_bad_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8824)
    await user.send("/start")
    await user.reply()
    await user.send("😭😭😭")
    reply = await user.reply()
    assert reply.text in variants("listen.emoji")
    assert back_button(reply) is not None


async def test_the_urge_check_lets_the_number_go_after_two_messages_that_are_none(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chats: "i went to HR today", then "turn off the sunday summary",
    # each got "Just a number from 1 to 10 is enough"
    user = emu.user(28014)
    await onboard(user, zone="Berlin")
    await user.send("/urge")
    await user.reply()
    await user.send("i went to HR today")
    again = await user.reply()
    assert again.text in variants("urge.strength_invalid"), again.plain
    await user.send("no more sunday summaries pls")
    reply = await user.reply()  # the two lines come as one message
    assert any(reply.text.startswith(v) for v in variants("urge.strength_let_go")), reply.plain
    assert "weekly" in reply.plain.lower(), reply.plain  # the request, done


@pytest.mark.parametrize(("uid", "typed"), [(28015, "lol ok what CAN you do"), (28016, "pular")])
async def test_a_question_or_a_skip_in_another_language_is_never_saved_as_the_reason(
    emu: BotApiEmulator, bot: BotRunner, uid: int, typed: str
) -> None:
    # Session 28, a helper's chats: both were saved, to be shown back on hard days
    user = emu.user(uid)
    await to_the_reason(user, zone="Berlin")
    await user.send(typed)
    first = await user.reply()
    assert first.text not in variants("onboarding.reason_saved"), first.plain
    await user.silence(0.5)
    await user.send("/reasons")
    listed = await user.wait_for(
        lambda m: any(m.plain.startswith(v[:24]) for v in variants("reasons.list_empty"))
    )
    assert typed not in listed.plain, listed.plain
