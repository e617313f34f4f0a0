"""The forty-sixth session, through the emulator (from a play-test written blind): the daily
messages asked about in words (a pause until a date, whether the days still count, how to turn
them back on, a trip's time difference, an earlier hour); privacy asked again (every message
kept? could he see this? is it really gone?); a start date's typo corrected in words; two
times offered at once at set-up; an urge back after it passed; his bar not taken for drink;
the kids' logistics asked as "is that a slip"; in a safety talk, "sorta? its not like i have
it figured out" is not a plan, and "anyway..." changes the subject; a laugh beside no dark
word is not "a figure of speech"; pills at hand beside a plan denied get the lines at once;
"does that mean i go back to zero" is the count's question; him outside the building, told in
a talk about images, gets the danger's reply; more good news is glad; "un 7 creo" is a 7."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.e2e.test_session38 import _talk
from tests.e2e.test_session44 import _small_talk
from tests.harness import BotRunner, onboard


async def test_the_daily_messages_asked_about_in_words_are_done_or_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    paused, counts, back_on, trip, earlier = await _talk(
        emu.user(46001),
        "hey can u stop the daily msgs while im away? leaving friday, back on the 20th",
        "actually will it still count my days tho",
        "ok wait how do i turn it back on when i land",
        "and the time zone is different there does that mess it up",
        "how do i make the daily msg come earlier",
        zone="America/Toronto",
    )
    assert "Paused" in paused.plain, paused.plain
    assert " 20 " in paused.plain, paused.plain  # the day they said, not "until /resume"
    assert said(counts, "daily.count_kept"), counts.plain
    assert said(back_on, "daily.resume_how"), back_on.plain
    assert said(trip, "daily.trip_asked"), trip.plain
    assert "What time would you like your daily message" in earlier.plain, earlier.plain
    assert "21:00" in earlier.button_texts(), earlier.button_texts()


async def test_messages_from_him_are_not_the_daily_messages(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (stop,) = await _talk(emu.user(46002), "i want to stop texting him")
    assert "Paused" not in stop.plain, stop.plain
    assert not said(stop, "daily.count_kept"), stop.plain


async def test_privacy_asked_again_gets_the_part_asked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    whole, every, him, gone = await _talk(
        emu.user(46003),
        "what do u actually keep about me",
        "like every msg i send?? all of them saved somewhere",
        "ok but could HE see this. he's really good w computers",
        "and if i delete is it actually gone or just hidden",
    )
    assert said(whole, "privacy.asked"), whole.plain
    assert said(every, "privacy.kept_asked"), every.plain
    assert said(him, "privacy.ex_sees"), him.plain
    assert not said(him, "privacy.asked"), him.plain  # not the whole answer twice
    assert said(gone, "privacy.gone_asked"), gone.plain


async def test_a_start_dates_typo_corrected_in_words_is_offered_to_change(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (typo,) = await _talk(emu.user(46004), "i stopped on the 3rd of march not the 30th, typo")
    assert "3 March" in typo.plain, typo.plain
    assert any("change it" in b for b in typo.button_texts()), typo.button_texts()


async def test_two_times_named_at_set_up_are_offered_both(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(46005)
    await user.send("/start")
    await user.replies(1)
    await user.press("Yesterday")
    await user.replies(2)
    await user.send("im in lisbon")
    await user.replies(2)
    await user.send("uhh 9pm? or 9am idk whichever is less sad")
    either = await user.reply()
    assert said(either, "onboarding.time_either"), either.plain
    assert either.button_texts() == ["09:00", "21:00"], either.button_texts()
    await user.press("21:00")
    set_at = await user.reply()
    assert "21:00" in set_at.plain, set_at.plain


async def test_an_urge_back_after_it_passed_is_offered_the_urge_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (back,) = await _talk(
        emu.user(46006),
        "no its back. worse. i already typed the whole thing its sitting in my drafts",
    )
    assert said(back, "urge.free_text_offer"), back.plain


async def test_his_bar_is_not_taken_for_a_drink_at_the_urges_first_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(46007)
    await onboard(user, zone="America/New_York")
    await user.send("/urge")
    await user.reply()
    await user.send("his story just popped up, hes at the bar we used to go to every friday")
    heard = await user.reply()
    assert "alcohol" not in heard.plain.lower(), heard.plain
    assert "drink" not in heard.plain.lower(), heard.plain


async def test_the_kids_logistics_asked_as_a_slip_is_answered_as_logistics(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (kids,) = await _talk(
        emu.user(46008),
        "she just texted asking if i can take them thursday. if i say yes is that a slip",
        zone="America/Denver",
    )
    assert "kids" in kids.plain, kids.plain
    assert "Count it as a slip" not in " ".join(kids.button_texts()), kids.button_texts()


async def test_not_having_it_figured_out_is_no_plan_and_anyway_changes_the_subject(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(46009)
    await onboard(user, zone="America/Los_Angeles")
    await user.send("honestly nobody would be that bothered if i just checked out for good")
    check = await user.reply()
    assert "Are you safe" in check.plain or "are you safe" in check.plain, check.plain
    await user.send("sorta? its not like i have it figured out or anything")
    sideways = await user.reply()
    assert not said(sideways, "sos.unsafe_now"), sideways.plain
    assert "I'm safe right now" in sideways.button_texts(), sideways.button_texts()
    await user.send("anyway whats the longest anyones gone no contact on here lol")
    left, others = await user.replies(2)
    assert said(left, "sos.left_safely"), left.plain
    assert _small_talk(others, "others"), others.plain
    assert "drama" not in others.plain, others.plain


async def test_a_laugh_beside_no_dark_word_is_not_a_figure_of_speech(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    day, script, never = await _talk(
        emu.user(46010),
        "lol day 12 huh",
        "are u even a real person or some script",
        "nvm ignore that",
    )
    assert not said(day, "listen.laughing"), day.plain
    assert _small_talk(script, "about"), script.plain
    assert _small_talk(never, "ok"), never.plain


async def test_pills_at_hand_beside_a_plan_denied_get_the_lines_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (pills,) = await _talk(emu.user(46011), "i dont have a plan but i have the pills here")
    assert said(pills, "sos.explicit_reply"), pills.plain
    assert "999" in pills.plain, pills.plain


async def test_going_back_to_zero_asked_after_a_slip_is_the_counts_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (zero,) = await _talk(emu.user(46012), "does that mean i go back to zero?? be honest w me")
    assert said(zero, "slip.streak_reset"), zero.plain
    assert "Will they come back?" not in zero.button_texts(), zero.button_texts()


async def test_him_outside_the_building_in_a_talk_about_images_is_danger_to_the_body(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    threat, outside = await _talk(
        emu.user(46013),
        "says if i dont answer hes going to send the pics to my boss",
        "and he was outside my building an hour ago. i saw his car",
        zone="Europe/Berlin",
    )
    assert said(threat, "sos.images_reply"), threat.plain
    assert not said(outside, "sos.images_now"), outside.plain
    assert not said(outside, "sos.images_reply"), outside.plain
    assert "112" in outside.plain, outside.plain
    # an hour ago: not "keep the door shut", as if he were at it now
    assert not said(outside, "sos.danger_at_door"), outside.plain


async def test_more_good_news_right_after_good_news_is_met_gladly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    job, more, fine = await _talk(
        emu.user(46014),
        "I GOT THE JOB",
        "the one i interviewed for 3 weeks ago!!!",
        "fine thats good",
        zone="Asia/Singapore",
    )
    assert _small_talk(job, "good_news"), job.plain
    assert said(more, "listen.glad_more"), more.plain
    assert _small_talk(fine, "ok"), fine.plain


async def test_a_strength_said_in_spanish_is_read(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(46015)
    await onboard(user, zone="America/Mexico_City")
    await user.send("/urge")
    await user.reply()
    await user.send("un 7 creo")
    seven = await user.reply()
    assert "Just a number" not in seven.plain, seven.plain
    assert "I saw their post" in seven.button_texts(), seven.button_texts()


# ------------------------------------------------------ from the session's second play-test


async def test_the_exs_death_told_at_the_first_question_is_grief_not_a_start_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(46016)
    await user.send("/start")
    await user.reply()
    await user.send(
        "we broke up in january and i did no contact like everyone says. and now hes dead."
        " motorbike. last tuesday"
    )
    grief = await user.reply()
    assert said(grief, "listen.bereaved"), grief.plain
    assert "Counting from" not in grief.plain, grief.plain


async def test_two_sentences_naming_one_zone_set_it(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(46017)
    await user.send("/start")
    await user.reply()
    await user.press("Yesterday")
    await user.replies(2)
    await user.send("Eastern time. Ohio")
    zone = await user.reply()
    assert "America/New York" in zone.plain, zone.plain


async def test_a_pasted_message_from_the_ex_is_not_asked_about_as_a_crisis(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (pasted, draft) = await _talk(
        emu.user(46018),
        '"Hey. I know you said you needed space and I respect that. I\'ve been doing a lot of'
        " thinking lately and I just want you to know that I don't regret us, even if it"
        " didn't work out. I hope you're taking care of yourself. I'm not expecting a reply."
        ' Anyway. I miss the dog lol. Take care. — M"',
        'i drafted a reply can u check it: "hey M, thanks for that, means a lot. the dog misses'
        ' u too haha. maybe coffee sometime?"',
        zone="America/Los_Angeles",
    )
    assert "safe right now" not in pasted.plain, pasted.plain
    assert "handover" not in pasted.plain, pasted.plain
    assert said(draft, "listen.draft_shown"), draft.plain


async def test_a_slip_taken_back_and_a_work_reply_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(46019)
    await onboard(user, zone="America/New_York")
    await user.send("/slip")
    await user.reply()
    await user.send("nvm i didnt actually slip i just accepted a meeting invite")
    kept = await user.reply()
    assert said(kept, "slip.slip_cancelled"), kept.plain
    await user.send("ok wait does replying on slack about the Q3 deck break my streak")
    work = await user.reply()
    assert "Count it as a slip" not in " ".join(work.button_texts()), work.button_texts()
    assert "Work" in work.plain or "work" in work.plain, work.plain


async def test_thanks_with_son_is_thanks(emu: BotApiEmulator, bot: BotRunner) -> None:
    (thanks,) = await _talk(emu.user(46020), "Thank you son. Or whatever you are")
    assert _small_talk(thanks, "thanks"), thanks.plain
