"""The start date is theirs to correct: said back at set-up with a Change button, in /settings,
and typed in their own words; history and streaks stay consistent."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()
CHANGE = CONTENT.label("onboarding.btn_change_date")
YES = CONTENT.label("startdate.btn_yes")
NO = CONTENT.label("startdate.btn_no")
# The clock stands at Wednesday 2026-11-25, 13:00 in Berlin.


async def test_onboarding_says_the_date_back_with_the_day_and_can_change_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9101)
    await user.send("/start")
    await user.reply()
    await user.send("idk like 2 weeks ago")
    understood, _ = await user.replies(2)
    assert "Wednesday 11 November" in understood.plain
    assert "Day 15" in understood.plain
    await user.press(CHANGE, message=understood)
    question = await user.reply()
    assert question.button_texts()[:2] == ["Today", "Yesterday"]
    await user.send("last sunday")
    understood, tz_question = await user.replies(2)
    assert "Sunday 22 November" in understood.plain
    assert "Day 4" in understood.plain
    assert "time zone" in tz_question.plain.lower()


async def test_typed_correction_is_understood_confirmed_and_kept_in_history(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9102)
    await onboard(user, date="today")
    await user.send("i put the wrong start date, it was actually last sunday")
    confirm = await user.reply()
    assert "Sunday 22 November" in confirm.plain
    assert "Day 4" in confirm.plain
    await user.press(YES, message=confirm)
    changed = await user.reply()
    assert "Day 4" in changed.plain
    await user.send("/status")
    status = await user.reply()
    assert "Day 4" in status.plain
    assert "1 attempt in all" in status.plain


async def test_at_the_confirmation_a_question_or_a_day_of_news_is_not_a_new_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9104)
    await onboard(user, date="today")
    await user.send("i put the wrong start date, it was actually last sunday")
    confirm = await user.reply()
    await user.send("i saw him today at the gym and he ignored me")
    news = await user.reply()
    assert "Should I count from" not in news.plain  # "today" in a sentence is not a date
    assert "as a date" not in news.plain  # and it is heard, not refused as one
    await user.send("is it normal to feel relieved")
    asked = await user.reply()
    assert "as a date" not in asked.plain  # a question asked, not a date misread
    await user.press(YES, message=confirm)  # the question still waits
    assert "Day 4" in (await user.reply()).plain


async def test_keep_changes_nothing(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(9103)
    await onboard(user, date="yesterday")
    await user.send("my start date was actually 20.11")
    confirm = await user.reply()
    await user.press(NO, message=confirm)
    assert (await user.reply()).text in CONTENT.variants("startdate.kept")
    await user.send("/status")
    assert "Day 2" in (await user.reply()).plain


async def test_settings_has_the_start_date_and_changes_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9104)
    await onboard(user, date="yesterday")
    await user.send("/settings")
    menu = await user.reply()
    assert "Tuesday 24 November" in menu.plain
    await user.press(CONTENT.label("settings.btn_start"), message=menu)
    assert (await user.reply()).text in CONTENT.variants("startdate.ask")
    await user.send("5 days ago")
    confirm = await user.reply()
    assert "Friday 20 November" in confirm.plain
    await user.send("yes")
    assert "Day 6" in (await user.reply()).plain


async def test_a_start_before_the_last_restart_is_refused_and_history_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9105)
    await onboard(user, date="10 days ago")
    await user.send("/slip")
    await user.reply()
    await user.press("Yes, restart today")
    await user.reply()
    await user.press("Skip")
    await user.reply()
    await user.send("my start date should be 20.11")
    confirm = await user.reply()
    await user.press(YES, message=confirm)
    refused = await user.reply()
    assert "Wednesday 25 November" in refused.plain
    await user.send("/history")
    history = await user.reply()
    assert "15 Nov" in history.plain


async def test_pause_reads_a_duration_in_words(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(9106)
    await onboard(user)
    await user.send("/pause a week")
    paused = await user.reply()
    assert "7 days" in paused.plain
    await user.send("/pause for a bit")
    assert (await user.reply()).text not in CONTENT.variants("daily.paused_forever")


async def test_pause_until_a_weekday_silences_up_to_that_day(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "/pause until friday" got the usage line.
    user = emu.user(9108)
    await onboard(user)
    today = bot.runtime.clock.now().astimezone(ZoneInfo("Europe/Berlin")).date()
    days = (4 - today.weekday() - 1) % 7 + 1  # to the next Friday; 7 on a Friday
    await user.send("/pause until friday")
    paused = await user.reply()
    assert f"{days} day" in paused.plain, paused.plain
    assert "Friday" in paused.plain  # the next message comes on Friday
    await user.send("/pause until someday")
    usage = [v.format(max=365) for v in CONTENT.variants("daily.pause_usage")]
    assert (await user.reply()).text in usage


@pytest.mark.parametrize("typed", ["skip", "not now", "no thanks"])
async def test_typed_skip_at_the_optional_reason_is_not_saved_as_a_reason(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(9107)
    await to_the_reason(user)
    await user.send(typed)
    done = await user.reply()
    assert "Day 1" in done.plain
    await user.send("/reasons")
    assert (await user.reply()).text in CONTENT.variants("reasons.list_empty")


@pytest.mark.parametrize("typed", [
    "actually it started on the 20th not 2 weeks ago",
    "i gave you the wrong date, it was the 20th",
])
async def test_a_correction_in_other_words_takes_the_new_date_not_the_old_one(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # Found by a helper playing users: the first was not heard as a correction, and once it
    # was, the date after "not" was taken.
    user = emu.user(9110)
    await onboard(user, date="2 weeks ago")
    await user.send(typed)
    confirm = await user.reply()
    assert "Friday 20 November" in confirm.plain, confirm.plain
    assert YES in confirm.button_texts()


async def test_a_command_between_ends_the_question_and_a_later_ok_changes_nothing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: after "it was actually the 14th", /settings, then "ok thanks" (said to
    # the settings) changed the start date as if it were the yes.
    user = emu.user(9120)
    await onboard(user, date="today")
    await user.send("i put the wrong date, it was actually last sunday")
    confirm = await user.reply()
    assert "Sunday 22 November" in confirm.plain
    await user.send("/settings")
    await user.reply()
    await user.send("ok thanks")
    after = await user.reply()
    assert "Changed" not in after.plain, after.plain
    await user.send("/status")
    status = await user.reply()
    assert "Day 1" in status.plain, status.plain
    # the old question's yes, pressed later, changes nothing either
    await user.press(YES, message=confirm)
    await user.send("/status")
    assert "Day 1" in (await user.reply()).plain


@pytest.mark.parametrize("typed", ["can you put my count back to 18", "my count should be 18"])
async def test_the_day_count_said_as_it_should_be_offers_the_start_date_that_makes_it(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's chat: "can you put my count back to 18" got "That's outside what I know".
    user = emu.user(9121)
    await onboard(user, date="2 weeks ago")
    await user.send(typed)
    confirm = await user.reply()
    assert "Day 18" in confirm.plain, confirm.plain
    assert YES in confirm.button_texts()
    await user.press(YES, message=confirm)
    await user.reply()
    await user.send("/status")
    assert "Day 18" in (await user.reply()).plain


async def test_yes_restart_today_typed_with_nothing_pending_asks_to_confirm_the_restart(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9122)
    await onboard(user, date="2 weeks ago")
    await user.send("Yes, restart today")
    asked = await user.reply()
    assert asked.text in CONTENT.variants("slip.confirm_slip"), asked.plain
    assert "Yes, restart today" in asked.button_texts()
    await user.send("/status")
    assert "Day 15" in (await user.reply()).plain  # nothing restarted before the yes


@pytest.mark.parametrize("typed", ["this is stupid", "💔"])
async def test_a_mood_at_the_reason_question_finishes_set_up_and_is_not_kept(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's chat: both were "Saved. That reason is yours." and shown in /reasons.
    user = emu.user(9123)
    await to_the_reason(user)
    await user.send(typed)
    done = await user.reply()
    assert "Day 1" in done.plain, done.plain
    await user.send("/reasons")
    assert (await user.reply()).text in CONTENT.variants("reasons.list_empty")


async def test_actually_it_was_the_first_not_today_is_a_start_date_correction(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "actually it was the 1st not today" right after set-up got
    # "it sounds like that landed hard"
    user = emu.user(27026)
    await onboard(user, date="today")
    await user.send("actually it was the 1st not today")
    confirm = await user.reply()
    assert YES in confirm.button_texts(), confirm.plain
    assert re.search(r"\b1 (?:January|February|March|April|May|June|July|August|September"
                     r"|October|November|December)\b", confirm.plain), confirm.plain


async def test_my_nc_started_on_the_20th_not_the_25th_is_a_start_date_correction(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "actually my NC started on the 20th not the 25th" got
    # "That's a lot to carry"
    user = emu.user(28029)
    await onboard(user, date="10 days ago")
    await user.send("actually my NC started on the 20th not the 25th")
    confirm = await user.reply()
    assert YES in confirm.button_texts(), confirm.plain
    assert re.search(r"\b20 (?:November|October)\b", confirm.plain), confirm.plain
