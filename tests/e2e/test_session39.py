"""The thirty-ninth session, through the emulator: danger under the same roof. "he's still in
the flat", "we live together", told on the danger path, get what helps inside a shared home
(out if that is safe, a room with a lock and a silent call if not), never "know not to open the
door" and "if they show up"; a bare "yes" or "no" to "can you get out safely?" is that answer.
And the phrase table in other languages: a threat in Russian, the ex's threat in Korean, a
burden in Dutch each reach the check their kind needs."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner


async def test_the_one_they_fear_in_the_flat_gets_the_advice_for_inside(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    danger, inside, stays = await _talk(
        emu.user(39501),
        "he's in the next room and he has a knife, i'm scared",
        "he's still in the flat",
        "no",
    )
    assert said(danger, "sos.danger_reply"), danger.plain
    assert said(inside, "sos.danger_in_home"), inside.plain
    assert "999" in inside.plain, inside.plain
    assert "press 55" in inside.plain, inside.plain  # the UK's silent call
    assert "show up" not in inside.plain, inside.plain
    assert said(stays, "sos.in_home_stay"), stays.plain
    assert "999" in stays.plain, stays.plain


async def test_living_together_then_yes_is_go_now(emu: BotApiEmulator, bot: BotRunner) -> None:
    _, inside, leave, out = await _talk(
        emu.user(39502),
        "he threatened to kill me tonight",
        "we live together",
        "yes",
        "im at my neighbours now",
        zone="America/New_York",
    )
    assert said(inside, "sos.danger_in_home"), inside.plain
    assert "text 911" in inside.plain, inside.plain
    assert said(leave, "sos.in_home_leave"), leave.plain
    assert "911" in leave.plain, leave.plain
    assert said(out, "sos.danger_arrived"), out.plain


async def test_outside_the_flat_is_still_the_one_at_the_door(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, outside = await _talk(
        emu.user(39503), "my ex said he'd kill me if i dont answer tonight",
        "he's outside the flat now",
    )
    assert not said(outside, "sos.danger_in_home"), outside.plain
    assert "999" in outside.plain, outside.plain


async def test_a_threat_in_russian_gets_the_danger_check_with_abuse_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (check,) = await _talk(
        emu.user(39504), "сказал что убьет меня если я не вернусь", zone="Europe/Berlin"
    )
    assert "112" in check.plain, check.plain
    assert "116 016" in check.plain, check.plain  # the violence line, not the suicide line
    assert "Plan for my safety" in " ".join(check.button_texts()), check.button_texts()


async def test_the_exs_threat_in_korean_is_the_ex_at_risk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (heard,) = await _talk(
        emu.user(39505), "전 남친이 자살하겠다고 문자 보냈어", zone="Asia/Seoul"
    )
    # the check written for someone else at risk (in words the rules could not read), and
    # help for them without a reply from the person
    assert said(heard, "sos.harm_check_other_risk"), heard.plain
    assert "119" in heard.plain, heard.plain


async def test_a_burden_in_dutch_is_asked_about_with_the_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (check,) = await _talk(
        emu.user(39506), "ik ben een last voor iedereen", zone="Europe/Amsterdam"
    )
    assert "safe right now?" in check.plain, check.plain
    assert "113" in check.plain, check.plain
    assert "Make a safety plan" in " ".join(check.button_texts()), check.button_texts()
