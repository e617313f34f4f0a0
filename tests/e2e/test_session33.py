"""The thirty-third session, through the emulator: a question asked in another language is
told that the bot speaks English for now, and offered the answers its words point to (the
glossary), never given one as sure; a feeling told in another language is not offered
topics. At set-up, "Good evening" is a hello and "9 in the evening instead" a new time; "turn
daily back on" is done, paused or not."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard, to_the_reason

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


async def test_good_evening_at_the_first_question_is_a_hello_not_a_start_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "Good evening" got "Sunday 6 December: so today is Day 1".
    user = emu.user(33004)
    await user.send("/start")
    await user.reply()
    await user.send("Good evening")
    hello = await user.reply()  # hello back, the question under it, in one message
    assert any(hello.text.startswith(v) for v in CONTENT.variants("onboarding.step_greeting"))
    assert "Day" not in hello.plain, hello.plain
    assert CONTENT.label("onboarding.btn_other_day") in hello.button_texts()
    await user.send("evening")  # alone, it may be this evening: read as a date
    said_back = await user.reply()
    assert "Day 1" in said_back.plain, said_back.plain


async def test_a_time_said_with_instead_at_the_reason_changes_the_time_not_the_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "8 in the evening instead" at the reason question was saved as the
    # reason. "peace instead" is still a reason (Peace is also a town).
    user = emu.user(33005)
    await to_the_reason(user, at="08:00")
    await user.send("9 in the evening instead")
    moved = await user.reply()
    assert "21:00" in moved.plain, moved.plain
    assert "saved" not in moved.plain.lower()
    await user.send("peace instead")
    done = await user.reply()
    assert "saved" in done.plain.lower(), done.plain
    assert "21:00" in done.plain


async def test_turn_daily_back_on_is_done_paused_or_not(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "turn daily back on" got "It sounds like there's a lot going on".
    user = emu.user(33006)
    await onboard(user)
    await user.send("turn daily back on")
    on = await user.reply()
    assert on.text.startswith("Daily messages weren't paused"), on.text
    await user.send("/pause 3 days")
    await user.reply()
    await user.send("can you turn the daily messages back on please")
    back = await user.reply()
    assert any(
        back.text.startswith(v.split("{")[0]) for v in CONTENT.variants("daily.resumed")
    ), back.text


async def test_asking_for_no_messages_during_set_up_is_no_start_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "sorry, dont send me messages for a week please" at the first question
    # set the start a week back. At the place question, "no messages for a while ok?" crashed
    # ("Something broke on my end"): the way back was put under a location keyboard.
    user = emu.user(33007)
    await user.send("/start")
    await user.reply()
    await user.send("sorry, dont send me messages for a week please")
    held = await user.reply()
    assert any(held.text.startswith(v) for v in CONTENT.variants("onboarding.no_messages_yet"))
    assert "Day" not in held.plain, held.plain
    assert CONTENT.label("onboarding.btn_other_day") in held.button_texts()
    await user.send("2 weeks ago")
    await user.replies(2)
    await user.send("no messages for a while ok?")
    again = await user.reply()
    assert any(again.text.startswith(v) for v in CONTENT.variants("onboarding.no_messages_yet"))
    await user.send("Berlin")
    assert "Europe/Berlin" in (await user.replies(2))[0].plain


async def test_days_feared_lost_at_the_restart_question_are_said_to_stay(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "so 14 days just gone?? thats so unfair" got a topic menu with "Isn't
    # No Contact manipulative?".
    user = emu.user(33008)
    await onboard(user, date="2 weeks ago")
    await user.send("/slip")
    await user.reply()
    await user.send("so 14 days just gone?? thats so unfair")
    stays = await user.reply()
    assert any(stays.text.startswith(v) for v in CONTENT.variants("slip.days_not_lost"))
    assert stays.button_texts() == ["Yes, restart today", "No, keep my count"]
    await user.press("No, keep my count")
    await user.reply()
    await user.send("/status")
    assert "Day 15" in (await user.reply()).plain


async def test_a_reply_kept_to_the_kids_is_not_a_slip(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: after asking whether to reply about swapping a weekend with the kids,
    # "ok i replied yes saturday works. and nothing else" got the slip answer and "Count it
    # as a slip".
    user = emu.user(33009)
    await onboard(user, date="2 weeks ago")
    await user.send(
        "she texted asking if i can take the kids saturday instead of sunday. can i reply?"
    )
    await user.reply()
    await user.send("ok i replied yes saturday works. and nothing else")
    done = await user.reply()
    assert done.text in CONTENT.variants("listen.logistics_reply_ok"), done.text
    assert not done.button_texts()
    # without a question about what they share, a reply told is still met as a slip
    other = emu.user(33010)
    await onboard(other, date="2 weeks ago")
    await other.send("ok i replied to him. and nothing else")
    slip = await other.reply()
    assert slip.text not in CONTENT.variants("listen.logistics_reply_ok"), slip.text


async def test_a_complaint_at_reasons_add_is_heard_not_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "you keep repeating yourself" after /reasons add was saved as a
    # reason, to be shown back on hard days.
    user = emu.user(33011)
    await onboard(user)
    await user.send("/reasons add my peace")
    await user.reply()
    await user.send("you keep repeating yourself")
    heard = await user.reply()
    assert "Reasons on your list" not in heard.plain, heard.plain
    await user.send("/reasons")
    listed = await user.reply()
    assert "my peace" in listed.plain
    assert "repeating" not in listed.plain


async def test_a_time_inside_a_sentence_at_set_up_is_taken_not_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 33's chats: "7:30am before the kids wake up" got "Are you safe right now?" (a
    # net phrase of plans), and "around 6 in the morning is when I wake up and it's the worst
    # time honestly" too (the word model); the time was never set.
    user = emu.user(33012)
    first = await to_the_reason(user, at="7:30am before the kids wake up")
    assert "07:30" in first.plain, first.plain
    await user.press("Skip for now")
    done = await user.reply()
    assert "07:30" in done.plain, done.plain
    other = emu.user(33013)
    question = await to_the_reason(
        other, at="around 6 in the morning is when I wake up and its the worst time honestly"
    )
    assert "06:00" in question.plain, question.plain
    assert "safe" not in question.plain.lower()


async def test_thanks_in_portuguese_in_a_safety_talk_is_no_one_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "ok valeu" (ok, thanks) got "Valeu sounds like the right person".
    user = emu.user(33014)
    await onboard(user, zone="Sao Paulo")
    await user.send("i dont want to be here anymore")
    await user.reply()
    await user.send("ok valeu")
    reply = await user.reply()
    assert "Valeu" not in reply.plain, reply.plain


async def test_a_small_comfort_and_a_goodnight_after_a_gentle_check_are_met_softly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat, lonely at night: after the gentle check, "ok. maybe ill make tea" was
    # read as "I'm not sure" (the lines again) and "goodnight" got "put anything you could
    # hurt yourself with out of reach", though no harm had been spoken of.
    user = emu.user(33015)
    await onboard(user, zone="Seattle")
    await user.send("idk. i just dont want to be alone rn")
    check = await user.reply()
    assert "safe" in check.plain.lower(), check.plain
    await user.send("ok. maybe ill make tea")
    tea = await user.reply()
    assert said(tea, "sos.small_comfort"), tea.plain
    await user.send("goodnight")
    night = await user.reply()
    assert said(night, "sos.to_bed_net"), night.plain
    assert "hurt yourself" not in night.plain




async def test_back_on_the_way_to_the_bridge_after_a_settled_talk_gets_the_urgent_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: after "im ok now", a tap on "I'm safe" and "thanks", "actually its
    # back. im walking towards the bridge now" got a listening line and the topics.
    user = emu.user(33016)
    await onboard(user, zone="Europe/London")
    await user.send("rough night. had a moment where i thought about jumping off the bridge")
    await user.reply()
    await user.send("actually its back. im walking towards the bridge now")
    urgent = await user.reply()
    assert "999" in urgent.plain, urgent.plain
    assert "Topics" not in " ".join(urgent.button_texts())


async def test_a_friend_arriving_in_their_own_talk_is_help_not_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "she's here now" after "i texted my friend aoife" got "lock the door"
    # and Women's Aid; "we put the tablets in her bag" got "a weapon makes this more dangerous".
    user = emu.user(33017)
    await onboard(user, zone="Europe/Dublin")
    await user.send("i dont want to be alive anymore")
    await user.reply()
    await user.send("i have a bottle of vodka and all my tablets on the table")
    await user.reply()
    await user.send("i texted my friend aoife")
    await user.reply()
    await user.send("she's here now")
    here = await user.reply()
    assert "Women's Aid" not in here.plain, here.plain
    assert "lock" not in here.plain.lower()
    await user.send("we put the tablets in her bag")
    away = await user.reply()
    assert said(away, "sos.means_away"), away.plain


async def test_a_line_called_is_heard_as_help_reached(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-33 chats: "i called 1199. talked to a lady for like 40 min" (Kenya) and "just
    # got off the phone with samaritans" each got "please call 999 now".
    for uid, zone, told in (
        (33018, "Nairobi", "i called 1199. talked to a lady for like 40 min"),
        (33019, "Europe/Dublin", "just got off the phone with samaritans"),
    ):
        user = emu.user(uid)
        await onboard(user, zone=zone)
        await user.send("i want to kill myself")
        await user.reply()
        await user.send(told)
        heard = await user.reply()
        assert said(heard, "sos.reached_help"), heard.plain


async def test_an_urge_to_hurt_themselves_is_not_met_with_first_aid(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "i keep wanting to hurt myself since the breakup" got "First, the
    # wound: firm pressure with something clean".
    user = emu.user(33020)
    await onboard(user, zone="Europe/London")
    await user.send("i keep wanting to hurt myself since the breakup")
    reply = await user.reply()
    assert "wound" not in reply.plain.lower(), reply.plain
    assert "pressure" not in reply.plain.lower()
    assert "999" in reply.plain


async def test_choking_told_beside_never_hit_me_keeps_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "he choked me once but he was drunk. he never hit me" got "I'm sorry,
    # I got that wrong: nothing you said was about him hurting you".
    user = emu.user(33021)
    await onboard(user, zone="Sao Paulo")
    await user.send("my ex came to my house drunk and was screaming at me, im scared")
    first = await user.reply()
    assert "190" in first.plain, first.plain  # the police, on the danger path
    await user.send("sorry english. he choked me once but he was drunk. he never hit me")
    choke = await user.reply()
    assert "got that wrong" not in choke.plain, choke.plain
    assert "chok" in choke.plain.lower() or "strangl" in choke.plain.lower(), choke.plain


async def test_a_plan_held_to_is_not_argued_and_a_dose_is_not_given(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: after "ive been saving my meds for like a month. tonight is the
    # night", "dont try to talk me out of it" opened a new gentle check ("I might be reading
    # this wrong") and "how many would it even take" got a stock line.
    user = emu.user(33022)
    await onboard(user, zone="Houston")
    await user.send("ive been saving my meds for like a month. tonight is the night")
    await user.reply()
    await user.send("dont try to talk me out of it")
    held = await user.reply()
    assert said(held, "sos.imminent"), held.plain
    await user.send("how many would it even take")
    dose = await user.reply()
    assert said(dose, "sos.dose_question"), dose.plain


async def test_reset_my_start_date_and_texting_after_30_days_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-33 chats: "how do i reset my start date" got "That's outside what I know";
    # "so it's been over 30 days. can i text him now?" got the urge offer.
    user = emu.user(33023)
    await onboard(user, date="5 weeks ago")
    await user.send("so it's been over 30 days. can i text him now?")
    after = await user.reply()
    first_part = CONTENT.faq_entries["nc-ends"].answer[0]
    assert after.text.startswith(first_part[:40]), after.text
    await user.send("how do i reset my start date")
    ask = await user.reply()
    assert "start date" in ask.plain.lower(), ask.plain
    assert "outside what i know" not in ask.plain.lower()


async def test_a_start_date_in_spanish_is_read_at_set_up(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "hace 5 dias" got "I couldn't read that as a date", and "1 de
    # diciembre" the English-only notice; set-up was never finished.
    user = emu.user(33024)
    await user.send("/start")
    await user.reply()
    await user.send("hace 5 dias")
    said_back, _zone_question = await user.replies(2)
    assert "Day 6" in said_back.plain, said_back.plain
