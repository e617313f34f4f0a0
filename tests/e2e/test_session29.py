"""The twenty-ninth session, through the emulator: a young person's age in the first message
of a crisis brings the country's line for young people to the top and an adult on their side;
the same words about someone else's age do not. In the talk, what is to be kept from family
is never met with "call them now"."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.content import load_content
from bot.emulator.driver import BotMessage
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import PASSIVE, said
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()


def has_young_note(message: BotMessage) -> bool:
    plain = " ".join(message.plain.split())
    return any(v in plain for v in CONTENT.variants("sos.young_note"))


async def test_im_15_and_i_want_to_die_gets_childline_first_and_an_adult(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29001)
    await onboard(user, zone="Europe/London")
    await user.send("im 15 and i want to die")
    reply = await user.reply()
    assert "0800 1111" in reply.plain  # Childline, before the adult lines
    assert reply.plain.index("0800 1111") < reply.plain.index("116 123")  # then Samaritans
    assert "999" in reply.plain
    assert has_young_note(reply), reply.plain
    assert reply.plain.rstrip().endswith("?")  # the talk's question stays last


async def test_a_young_person_afraid_of_the_ex_gets_the_young_line_in_the_danger_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29002)
    await onboard(user, zone="Berlin")
    await user.send("i am 14 and my ex keeps waiting outside school and says he will hurt me")
    reply = await user.reply()
    assert "116 111" in reply.plain, reply.plain  # Nummer gegen Kummer
    assert "110" in reply.plain or "112" in reply.plain
    assert has_young_note(reply), reply.plain


async def test_someone_else_s_age_is_no_young_person(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29003)
    await onboard(user, zone="Europe/London")
    await user.send("my sister is 15 and honestly i want to die")
    reply = await user.reply()
    assert "116 123" in reply.plain, reply.plain
    assert "0800 1111" not in reply.plain
    assert not has_young_note(reply)


async def test_a_young_person_where_no_young_line_is_known_still_hears_of_an_adult(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29004)
    await onboard(user, zone="New York")
    await user.send("i'm 16 and i want to kill myself")
    reply = await user.reply()
    assert "988" in reply.plain
    assert has_young_note(reply), reply.plain


async def test_parents_who_must_not_find_out_are_not_the_ones_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "Good, let's make that happen now. Call your parents" to a
    # fifteen-year-old who had just said her parents must not find out.
    user = emu.user(29005)
    await onboard(user, zone="America/Chicago")
    await user.send(PASSIVE)
    await user.reply()
    await user.send("my parents cant find out about this")
    reply = await user.reply()
    assert said(reply, "sos.kept_from_them"), reply.plain
    assert not said(reply, "sos.reach_person")
    assert "988" in reply.plain
    await user.send("my sister maybe")  # someone they could tell: reaching her is the answer
    reply = await user.reply()
    assert said(reply, "sos.reach_person"), reply.plain


async def test_an_age_told_before_the_crisis_still_brings_the_young_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "im 15 and my bf broke up w me over snap", two messages later "i think
    # about just not being here anymore": the adult lines only.
    user = emu.user(29006)
    await onboard(user, zone="Europe/London")
    await user.send("im 15 and my bf broke up with me over snap")
    await user.reply()
    await user.send("sometimes i think about just not being here anymore")
    reply = await user.reply()
    assert "0800 1111" in reply.plain, reply.plain
    assert has_young_note(reply), reply.plain
    other = emu.user(29007)  # someone else, the same words without the age: no Childline
    await onboard(other, zone="Europe/London")
    await other.send("sometimes i think about just not being here anymore")
    reply = await other.reply()
    assert "0800 1111" not in reply.plain


async def test_a_failure_while_the_safety_reply_is_built_still_sends_the_way_to_help(
    emu: BotApiEmulator, bot: BotRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A helper's chat once got two "Something broke on my end" and no number at all for "i
    # really dont want to be alive anymore since she left" (not reproduced since): whatever
    # fails, the person still gets the number and the directory, and no apology for an error.
    from bot.handlers import safety

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(safety, "_first_reply", broken)
    user = emu.user(29008)
    await user.send("i really dont want to be alive anymore since she left")
    reply = await user.reply()
    assert said(reply, "sos.fallback_reply"), reply.plain
    assert "findahelpline.com" in reply.plain
    await asyncio.sleep(0.3)
    assert len(user.inbox) == 1  # not followed by "something went wrong"


async def test_pills_with_drink_and_no_one_there_keep_the_call_in_front(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after "like 5 or 6" sleeping pills and drink, "i live alone" got "Okay,
    # on to that" and the answer about leases; "i dont need an ambulance" then got set-up.
    user = emu.user(29009)
    await onboard(user, zone="Europe/London")
    await user.send("im drunk and took a few of my sleeping pills so i can just pass out")
    await user.reply()
    await user.send("i live alone")
    alone = await user.reply()
    assert said(alone, "sos.no_one_taken"), alone.plain
    assert "999" in alone.plain
    await user.send("wtf i dont need an ambulance its fine")
    objection = await user.reply()
    assert said(objection, "sos.objection"), objection.plain


async def test_someone_still_at_the_door_after_safe_was_tapped_is_not_the_urge_to_text(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after one tap on "I'm safe right now", "he says hes not leaving til i
    # open" got "Feelings like this come in waves" and "should i just open it" the urge tool.
    user = emu.user(29010)
    await onboard(user, zone="Europe/London")
    await user.send("hes outside my flat rn banging on the door. i didnt answer")
    await user.reply()
    await user.press("I'm safe right now")
    await user.reply()
    await user.send("he says hes not leaving til i open")
    still = await user.reply()
    assert said(still, "sos.danger_still_there"), still.plain
    await user.send("should i just open it and get it over with")
    door = await user.reply()
    assert said(door, "sos.dont_open"), door.plain
    assert "999" in door.plain


async def test_a_flatmate_who_would_hear_gets_the_lines_you_can_text(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i cant call, my flatmate will hear me" got "Reach your flatmate now".
    user = emu.user(29011)
    await onboard(user, zone="Europe/London")
    await user.send("i want to die")
    await user.reply()
    await user.send("i cant call, my flatmate will hear me through the wall")
    reply = await user.reply()
    assert said(reply, "sos.about_lines"), reply.plain
    assert not said(reply, "sos.reach_person")
    assert "85258" in reply.plain or "116 123" in reply.plain


async def test_the_ex_s_quoted_threat_and_thoughts_in_portuguese_reach_the_right_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29012)
    await onboard(user, zone="Europe/London")
    await user.send('day 12 and he just texted me "if you dont answer tonight ill end it"')
    ex = await user.reply()
    assert said(ex, "sos.ex_at_risk"), ex.plain  # his danger, not hers
    other = emu.user(29013)
    await onboard(other, zone="America/Sao_Paulo")
    await other.send("as vezes penso em me matar")
    own = await other.reply()  # a line in Portuguese first, then the explicit reply
    assert "188" in own.plain, own.plain  # CVV, in the first reply
    assert "hotpeachpages" not in own.plain  # her own danger, not a threat from someone


async def test_a_plan_denied_is_heard_and_thanks_or_closure_are_not_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29014)
    await onboard(user, zone="Europe/Dublin")
    await user.send("ok maybe a little like that. i dont have a plan or anything")
    check = await user.reply()
    assert said(check, "sos.harm_check"), check.plain
    calm = emu.user(29015)
    await onboard(calm, zone="Europe/Dublin")
    for text in ("can i send one last message to get closure",
                 "thank u for being here honestly this bot helped more than my friends did"):
        await calm.send(text)
        reply = await calm.reply()
        assert not said(reply, "sos.harm_check"), reply.plain
        assert "Are you safe" not in reply.plain


async def test_done_with_the_bot_inside_a_safety_talk_is_let_go_with_the_ways_out(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "no i mean this bot. i want to stop" got "Please call 112 now", and
    # "delete everything" "Please don't wait this out alone".
    user = emu.user(29016)
    await onboard(user, zone="Europe/Dublin")
    await user.send("i dont want to do this anymore")
    await user.reply()
    await user.send("no i mean this bot. i want to stop")
    bot_meant = await user.reply()
    assert said(bot_meant, "sos.means_the_bot"), bot_meant.plain
    await user.send("delete everything")
    erase = await user.reply()
    assert "/delete" in erase.plain, erase.plain
    assert "112" not in erase.plain


async def test_wanting_out_of_the_bot_gets_pause_and_delete_not_a_topic(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29017)
    await onboard(user, zone="Europe/Dublin")
    for text in ("i want to stop using this", "how do i make it stop messaging me"):
        await user.send(text)
        reply = await user.reply()
        assert "/pause" in reply.plain, (text, reply.plain)
    await user.send("does my ex get notified about any of this")
    privacy = await user.reply()
    assert said(privacy, "privacy.asked"), privacy.plain


async def test_the_ex_texting_during_an_urge_is_no_slip_of_theirs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "he literally just texted me again omg" during /urge got "Shall I start
    # your count again from today?"
    user = emu.user(29018)
    await onboard(user, zone="Europe/Dublin")
    await user.send("/urge")
    await user.reply()
    await user.send("he literally just texted me again omg")
    reply = await user.reply()
    assert "start your count again" not in reply.plain, reply.plain
    assert "Restart" not in " ".join(reply.button_texts())


async def test_the_reason_step_keeps_neither_an_impossible_time_nor_a_wish_for_no_messages(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29019)
    await to_the_reason(user, zone="Europe/Dublin")
    await user.send("25:00")
    reply = await user.reply()
    assert "isn't on the clock" in reply.plain, reply.plain
    await user.send("i changed my mind i dont want daily messages at all")
    done = await user.reply()  # set-up finished without a reason, then how to pause
    assert "/pause" in done.plain, done.plain
    await user.send("/reasons")
    shown = await user.reply()
    assert "25:00" not in shown.plain
    assert "changed my mind" not in shown.plain


async def test_drunk_at_the_wheel_judged_and_ashamed_are_answered_in_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29020)
    await onboard(user, zone="Europe/Dublin")
    cases = (
        ("ok im drunk and im getting in my car to go to her place", "listen.drunk_drive"),
        ("are you judging me", "listen.judged"),
        ("i feel so cheap and disgusting honestly", "listen.self_blame"),
    )
    for text, key in cases:
        await user.send(text)
        reply = await user.reply()
        assert reply.text in CONTENT.variants(key), (text, reply.plain)
    await user.send("who reads this stuff")
    privacy = await user.reply()
    assert CONTENT.faq is not None
    answers = [*CONTENT.faq.smalltalk["privacy"], *CONTENT.variants("privacy.asked")]
    assert privacy.text in answers, privacy.plain


async def test_taking_it_back_and_going_to_bed_keep_the_line_without_another_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after "i want to die. i mean it tonight", "seriously forget i said
    # anything" and "im going to bed" each got "please call 999 now... I'll stay while you call".
    user = emu.user(29021)
    await onboard(user, zone="Europe/London")
    await user.send("i want to die. i mean it tonight")
    await user.reply()
    await user.send("seriously forget i said anything")
    back = await user.reply()
    assert said(back, "sos.retracted"), back.plain
    assert "116 123" in back.plain
    await user.send("im going to bed")
    night = await user.reply()
    assert said(night, "sos.to_bed"), night.plain
    assert "116 123" in night.plain


async def test_protective_steps_and_a_wound_easing_are_heard_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29022)
    await onboard(user, zone="Europe/London")
    await user.send("i have the pills lined up on my desk")
    await user.reply()
    await user.send("i put them back")
    back = await user.reply()
    assert said(back, "sos.means_away"), back.plain
    cut = emu.user(29023)
    await onboard(cut, zone="Europe/London")
    await cut.send("i did it again. cut my leg")
    await cut.reply()
    await cut.send("ive been pressing a towel on it for like 10 min and its still coming through")
    serious = await cut.reply()
    assert said(serious, "sos.hurt_serious"), serious.plain
    await cut.send("ok its slowing down i think")
    easing = await cut.reply()
    assert said(easing, "sos.bleeding_eases"), easing.plain


async def test_a_country_said_in_portuguese_brings_its_numbers_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29024)  # not set up: the country comes from the talk only
    await user.send("as vezes penso em me matar")
    await user.reply()
    await user.send("moro no brasil")
    here = await user.reply()
    assert "188" in here.plain, here.plain


async def test_a_feeling_in_spanish_is_heard_in_spanish_before_the_english_notice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "no puedo dormir, lo extraño mucho" and "me siento muy sola" got only
    # "Soy un bot y por ahora solo hablo inglés" and "Perdona, no entiendo bien el español".
    user = emu.user(29025)
    await onboard(user, zone="America/Mexico_City")
    await user.send("no puedo dormir, lo extraño mucho 😢")
    first = await user.reply()
    assert first.plain.startswith(CONTENT.text("language.heard.es.miss")), first.plain
    assert CONTENT.text("language.english_only.es") in first.plain
    await user.send("me siento muy sola")
    second = await user.reply()
    assert second.plain.startswith(CONTENT.text("language.heard.es.alone")), second.plain
    await user.send("cuanto tiempo dura el contacto cero?")
    third = await user.reply()  # honest, with no feeling made up; since session 33, the
    # answer its words point to (the glossary) offered under it
    assert third.plain.startswith(CONTENT.text("language.still_other.es")), third.plain
    assert CONTENT.text("language.maybe_this.es") in third.plain
    assert CONTENT.faq_entries["how-long"].title in third.button_texts(), third.button_texts()


async def test_before_set_up_talking_is_welcome_and_a_good_day_is_glad_news(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29026)  # never set up
    await user.send("do i have to do the setup thing? i just want to talk rn")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("core.setup_optional"), reply.plain
    await user.send("i miss her so much")
    heard = await user.reply()
    assert "/start" not in heard.plain, heard.plain  # heard, not sent to set-up
    glad = emu.user(29027)
    await onboard(glad, zone="Europe/Dublin")
    await glad.send(
        "honestly i feel so good today. went for a run, saw friends, didnt think about him once"
    )
    bright = await glad.reply()
    assert bright.text in CONTENT.variants("listen.bright"), bright.plain


async def test_a_fourteen_year_old_and_a_22_year_old_ex_get_the_safeguarding_answer_throughout(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "im 14" then "hes 22 and he wants to meet up... not to tell my
    # parents": the answer for adults, then the answer about replying to texts for "is it bad
    # if i go? its just talking".
    user = emu.user(29028)
    await user.send("hey so im 14 and me and my ex broke up last week")
    await user.reply()
    await user.send("hes 22 and he wants to meet up one more time to talk")
    first = await user.reply()
    assert first.text in CONTENT.variants("listen.safeguarding"), first.plain
    await user.send("is it bad if i go? its just talking")
    more = await user.reply()
    assert more.text in CONTENT.variants("listen.safeguarding_more"), more.plain
    older = emu.user(29029)  # no age told: a 22-year-old ex is just an ex
    await onboard(older, zone="Europe/Dublin")
    await older.send("hes 22 and he wants to meet up one more time to talk")
    reply = await older.reply()
    assert reply.text not in CONTENT.variants("listen.safeguarding"), reply.plain


async def test_a_start_date_told_as_the_last_contact_counts_from_the_day_after(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "actually i texted him yesterday so idk" at the start-date question was
    # counted from yesterday (Day 2).
    user = emu.user(29030)
    await user.send("/start")
    await user.reply()
    await user.send("actually i texted him yesterday so idk")
    understood = (await user.replies(2))[0]
    assert any(understood.plain.startswith(v) for v in CONTENT.variants(
        "onboarding.date_after_contact")), understood.plain
    assert "today is Day 1" in understood.plain, understood.plain


async def test_a_tracker_wondered_about_then_to_be_binned_gets_how_to_check_then_not_yet(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i think he might be tracking my phone somehow?? or my car" got "Please
    # call 000 now... lock the door"; "should i just chuck it in the bin" the general steps.
    user = emu.user(29031)
    await onboard(user, zone="Australia/Melbourne")
    await user.send("i think he might be tracking my phone somehow?? or my car")
    how = await user.reply()
    assert said(how, "sos.tracker"), how.plain
    await user.send("should i just chuck it in the bin")
    not_yet = await user.reply()
    assert said(not_yet, "sos.tracker_remove"), not_yet.plain
    assert "1800 737 732" in not_yet.plain  # 1800RESPECT


async def test_wait_what_at_the_restart_question_explains_the_choice_and_thanks_in_french(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29032)
    await onboard(user, zone="Europe/Dublin")
    await user.send("/slip")
    await user.reply()
    await user.send("wait what")
    explained = await user.reply()
    assert explained.plain.startswith(
        CONTENT.text("slip.confirm_explained").replace("<i>", "").replace("</i>", "")
    ), explained.plain
    assert "Yes, restart today" in explained.button_texts()
    await user.send("merci beaucoup")
    thanks = await user.reply()
    assert CONTENT.faq is not None
    assert thanks.text in CONTENT.faq.smalltalk["thanks"], thanks.plain


async def test_how_long_a_pause_can_be_and_whether_he_misses_me_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29033)
    await onboard(user, zone="Europe/Dublin")
    await user.send("how long can i pause for")
    pause = await user.reply()
    assert "/pause 7" in pause.plain, pause.plain
    await user.send("do u think he misses me")
    hope = await user.reply()
    assert CONTENT.faq is not None
    come_back = CONTENT.faq_entries["come-back"]
    assert hope.text in come_back.answer, hope.plain


async def test_harm_made_small_and_him_coming_to_collect_her_are_answered_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after a grabbed wrist, "i mean it wasnt that bad" got the safety steps
    # again and "hes coming to pick me up after my shift tonight" a stock line.
    user = emu.user(29034)
    await onboard(user, zone="Europe/Dublin")
    await user.send("last night my ex grabbed my wrist so hard it bruised")
    await user.reply()
    await user.send("i mean it wasnt that bad")
    small = await user.reply()
    assert said(small, "sos.danger_minimized"), small.plain
    await user.send("hes coming to pick me up after my shift tonight")
    pickup = await user.reply()
    assert said(pickup, "sos.not_with_him"), pickup.plain
    streak = emu.user(29035)
    await onboard(streak, zone="Europe/Dublin")
    await streak.send("random but i havent cut in 200 days today 🥹")
    glad = await streak.reply()
    assert glad.text in CONTENT.variants("listen.sh_streak"), glad.plain


async def test_asking_not_to_be_told_on_and_how_was_your_day_are_small_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29036)
    await onboard(user, zone="Europe/Dublin")
    assert CONTENT.faq is not None
    await user.send("can you just not tell anyone about this lol")
    private = await user.reply()  # the privacy answer, in either of its forms
    answers = [*CONTENT.faq.smalltalk["privacy"], *CONTENT.variants("privacy.asked")]
    assert private.text in answers, private.plain
    await user.send("how was your day")
    day = await user.reply()
    assert day.text in CONTENT.faq.smalltalk["how_are_you"], day.plain


async def test_adding_a_reason_keeps_no_shrug_and_a_slip_note_keeps_no_self_hate(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chats: "?? what do i write" and "lol" were saved as reasons, "i hate myself
    # for this" as a slip's note ("Saved, just for you").
    user = emu.user(29037)
    await onboard(user, date="5 days ago", zone="Europe/Dublin")
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send("?? what do i write")
    help_ = await user.reply()
    assert help_.text == CONTENT.text("reasons.add_help"), help_.plain
    await user.send("lol")
    assert (await user.reply()).text == CONTENT.text("reasons.add_help")
    await user.send("i want my peace back")
    await user.reply()
    await user.send("/reasons")
    shown = await user.reply()
    assert "i want my peace back" in shown.plain
    assert "lol" not in shown.plain
    assert "what do i write" not in shown.plain
    await user.send("/slip")
    await user.reply()
    await user.press("Yes, restart today")
    await user.reply()  # restarted, and the optional note asked
    await user.send("i hate myself for this")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("slip.note_is_self_blame"), heard.plain


async def test_thanks_and_thirty_days_and_questions_about_the_bot_are_met_warmly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29038)
    await onboard(user, zone="Europe/Dublin")
    assert CONTENT.faq is not None
    await user.send("thank you. you help me more than my friends")
    thanks = await user.reply()
    assert thanks.text in CONTENT.faq.smalltalk["thanks"], thanks.plain
    await user.send("i did it!!! 30 days today 🎉🎉")
    glad = await user.reply()
    assert glad.text in [*CONTENT.variants("listen.bright"), *CONTENT.faq.smalltalk["good_news"]]
    await user.send("are u AI or what")
    about = await user.reply()
    assert about.text in CONTENT.faq.smalltalk["about"], about.plain


async def test_an_ex_at_the_door_in_second_language_english_is_danger_at_the_door(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "my ex is standing infront my door... knocking very hard" got "If you
    # might hurt yourself"; "open or you will see" got "Be as gentle with yourself".
    user = emu.user(29039)
    await onboard(user, zone="Europe/Berlin")
    await user.send("my ex is standing infront my door right now he is knocking very hard")
    door = await user.reply()
    assert said(door, "sos.danger_at_door"), door.plain
    assert "110" in door.plain or "112" in door.plain


async def test_texting_instead_a_gaping_cut_and_not_a_number_are_each_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29040)
    await onboard(user, zone="Europe/London")
    await user.send("i want to die")
    await user.reply()
    await user.send("can I just text somebody instead")
    text_line = await user.reply()
    assert said(text_line, "sos.about_lines"), text_line.plain
    await user.send("i just need someone to talk to not a helpline number")
    no_numbers = await user.reply()
    assert said(no_numbers, "sos.numbers_stopped"), no_numbers.plain
    cut = emu.user(29041)
    await onboard(cut, zone="Asia/Kolkata")
    await cut.send("i cut my arm tonight")
    await cut.reply()
    await cut.send("it gapes a bit")
    gaping = await cut.reply()
    assert said(gaping, "sos.hurt_serious"), gaping.plain


async def test_a_question_at_how_strong_is_answered_and_the_urge_goes_on(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "does it get easier?" at "how strong?" got "You rode it out" and the
    # urge was over.
    user = emu.user(29042)
    await onboard(user, zone="Europe/Berlin")
    await user.send("/urge")
    await user.reply()
    await user.send("does it get easier?")
    answer = await user.reply()
    assert "You rode it out" not in answer.plain, answer.plain
    await user.send("7")
    trigger = await user.reply()  # the urge goes on: what set it off
    assert "They contacted me" in trigger.button_texts(), trigger.plain


async def test_idk_when_changing_the_daily_time_changes_nothing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: /settings, Daily time, "idk": changed to 21:00.
    user = emu.user(29043)
    await onboard(user, zone="Europe/Dublin", at="07:30")
    await user.send("/time")
    await user.reply()
    await user.send("idk")
    kept = await user.reply()
    assert "07:30" in kept.plain, kept.plain
    await user.send("/settings")
    settings_shown = await user.reply()
    assert "07:30" in settings_shown.plain, settings_shown.plain
