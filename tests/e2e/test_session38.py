"""The thirty-eighth session, through the emulator: the list the last session's note left, and
two helpers' chats. "fuck off with the hotline shit" is heard as "no more numbers"; danger from
a flatmate never hears "No Contact is not a safety plan"; "i dont want to climb down yet" on a
roof is met with "step back from the edge"; "i'll leave his stuff with the doorman" is a
handover, not an urge; "a pic of the kids saying they miss you" is the children's words, not
his "I miss you"; "since august" at set-up is a date, said back."""

from __future__ import annotations

from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard


async def _talk(user: SimUser, *messages: str, zone: str = "Europe/London") -> list[BotMessage]:
    """Set up in `zone`, then each message in turn: the first reply to each."""
    await onboard(user, zone=zone)
    replies = []
    for message in messages:
        await user.send(message)
        replies.append(await user.reply())
    return replies


async def test_swearing_at_the_hotline_is_heard_as_no_more_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, heard = await _talk(
        emu.user(38001), "i want to kill myself", "fuck off with the hotline shit"
    )
    assert "999" in first.plain, first.plain
    assert said(heard, "sos.numbers_stopped"), heard.plain
    assert "999" not in heard.plain, heard.plain
    assert "116 123" not in heard.plain, heard.plain
    # the lines stay one tap away
    assert any("Crisis lines" in b for b in heard.button_texts()), heard.button_texts()


async def test_danger_from_a_flatmate_is_not_told_about_no_contact(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (danger,) = await _talk(emu.user(38101), "my flatmate has a knife and hes screaming at me")
    assert said(danger, "sos.danger_reply_not_ex"), danger.plain
    assert "No Contact" not in danger.plain, danger.plain
    assert "999" in danger.plain, danger.plain
    assert "0808 2000 247" in danger.plain, danger.plain
    # ...and danger from the ex still is
    (from_ex,) = await _talk(emu.user(38102), "my ex said he'd kill me if i dont answer tonight")
    assert said(from_ex, "sos.danger_reply"), from_ex.plain


async def test_staying_on_the_roof_is_met_with_step_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    asked, stays, still = await _talk(
        emu.user(38201),
        "im on the roof of my building",
        "i dont want to climb down yet",
        "i like it up here its quiet",
    )
    assert said(asked, "sos.harm_check"), asked.plain
    assert said(stays, "sos.height_now"), stays.plain
    assert said(still, "sos.height_now"), still.plain
    assert stays.plain != still.plain  # never the same words twice in a row
    assert "999" in stays.plain


async def test_a_handover_and_the_childrens_words_are_read_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    handover, kids = await _talk(
        emu.user(38301),
        "i'll leave his stuff with the doorman",
        "he texted a pic of the kids saying they miss you",
    )
    assert not said(handover, "urge.free_text_offer"), handover.plain
    assert any("things back" in b for b in handover.button_texts()), handover.button_texts()
    assert said(kids, "listen.ex_message_kids"), kids.plain
    assert not said(kids, "listen.ex_message_miss"), kids.plain
    # his own "i miss you" is still his
    (his,) = await _talk(emu.user(38302), "he texted me 'i miss you' at 3am")
    assert said(his, "listen.ex_message_miss"), his.plain


async def test_a_month_alone_at_set_up_is_a_date_said_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38401)
    await user.send("/start")
    await user.reply()
    await user.send("since august")
    echo, zone = await user.replies(2)
    assert "1 August" in echo.plain, echo.plain
    assert "Day 117" in echo.plain, echo.plain
    assert any("Change" in b for b in echo.button_texts()), echo.button_texts()
    assert "time zone" in zone.plain, zone.plain
