"""The eighth probe's findings left open until the tenth session, end to end through the
emulator: a tracker or spying app asked about gets how to look for it (not only "check for
trackers"); "stop with the hotline stuff" is heard (no list of numbers at once, the buttons
keep them); "should i delete her number" is answered about the number, not with the card about
blocking; an event with the ex there (a son's wedding) gets a plan for the day, not the answer
about co-parenting; a question during a talk does not claim the person said they were unsafe.

Asserts read the meaning (numbers, key words), whichever variant was picked."""

from __future__ import annotations

import re

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()

# Toronto: Canada's numbers
CA_EMERGENCY = "911"
CA_LINE = "988"
NOT_SAFE = "🚨 I'm not safe right now"


def said_as(key: str, text: str) -> bool:
    """Whether `text` (HTML as sent) is one of the variants of `key`, placeholders filled."""
    for variant in CONTENT.variants(key):
        pattern = re.sub(r"\\\{\w+\\\}", ".+?", re.escape(variant))
        if re.fullmatch(pattern, text, re.DOTALL):
            return True
    return False


async def test_a_spying_app_asked_about_first_gets_how_to_look_and_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_001)
    await onboard(user, zone="Toronto")
    await user.send("how do i check if theres spyware on my phone, i think my ex put it there")
    reply = await user.reply()
    assert "stopstalkerware.org" in reply.plain, reply.plain
    assert "Unknown tracker alerts" in reply.plain, reply.plain
    assert CA_EMERGENCY in reply.plain, reply.plain
    assert "safe" in reply.plain.lower(), reply.plain  # still asked how safe they are


async def test_stalkerware_asked_inside_the_danger_talk_gets_the_steps(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_002)
    await onboard(user, zone="Toronto")
    await user.send("i think he put a tracker on my car, he always knows where i am")
    first = await user.reply()
    assert CA_EMERGENCY in first.plain, first.plain
    await user.send("how do i know if theres stalkerware on my phone too")
    steps = await user.reply()
    assert "stopstalkerware.org" in steps.plain, steps.plain
    assert "AirTag" in steps.plain, steps.plain
    assert steps.plain != first.plain


async def test_a_tracker_question_with_no_danger_words_gets_the_steps_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_003)
    await onboard(user, zone="Toronto")
    await user.send("can an airtag be hidden in a bag without me knowing?")
    reply = await user.reply()
    assert "AirTag" in reply.plain, reply.plain
    assert "stopstalkerware.org" in reply.plain, reply.plain


async def test_a_fitness_tracker_is_not_a_tracker_on_me(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_004)
    await onboard(user, zone="Toronto")
    await user.send("my fitness tracker says i slept 3 hours. again.")
    reply = await user.reply()
    assert "stopstalkerware" not in reply.plain, reply.plain


async def test_stop_with_the_hotline_stuff_in_the_talk_lists_no_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_005)
    await onboard(user, zone="Toronto")
    await user.send("i just want to disappear forever")
    first = await user.reply()
    assert CA_LINE in first.plain, first.plain
    await user.send("stop with the hotline stuff")
    heard = await user.reply()
    assert said_as("sos.numbers_stopped", heard.text), heard.plain
    assert CA_LINE not in heard.plain, heard.plain
    assert CA_EMERGENCY not in heard.plain, heard.plain
    assert NOT_SAFE in heard.button_texts(), heard.buttons  # the way to help stays one tap away


async def test_stop_with_the_hotline_stuff_outside_a_talk_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_006)
    await onboard(user, zone="Toronto")
    await user.send("can you stop with all the helpline numbers")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("listen.numbers_stopped"), heard.plain


@pytest.mark.parametrize(
    "asked",
    ["should i delete her number or is that petty", "delete his number?"],
)
async def test_deleting_their_number_is_answered_about_the_number(
    emu: BotApiEmulator, bot: BotRunner, asked: str
) -> None:
    user = emu.user(10_007)
    await onboard(user, zone="Toronto")
    await user.send(asked)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.delete_number"), reply.plain
    assert "Mute" not in reply.plain, reply.plain


@pytest.mark.parametrize(
    "told",
    [
        "my son is getting married in june and my ex will be there. how do i survive that",
        "my ex will be at my best friends birthday party saturday",
    ],
)
async def test_an_event_with_the_ex_there_gets_a_plan_for_the_day(
    emu: BotApiEmulator, bot: BotRunner, told: str
) -> None:
    user = emu.user(10_008)
    await onboard(user, zone="Toronto")
    await user.send(told)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.event_together"), reply.plain
    assert "co-parenting" not in reply.plain.lower(), reply.plain


async def test_a_question_in_the_danger_talk_does_not_say_they_said_they_were_unsafe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_009)
    await onboard(user, zone="Toronto")
    await user.send("my ex keeps turning up at my work and following me to my car")
    await user.reply()
    await user.send("should i delete his number?")
    replies = await user.replies(2)
    said = " ".join(r.plain for r in replies)
    assert "you weren't safe" not in said, said
    assert "You told me you weren" not in said, said


async def test_words_of_crisis_in_another_language_are_asked_about_without_a_hedge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_010)
    await onboard(user, zone="Seville")
    await user.send("ya no quiero seguir, todos estarían mejor sin mí")
    reply = await user.reply()
    assert reply.plain.startswith("¿Estás a salvo"), reply.plain
    assert "reading this wrong" not in reply.plain, reply.plain
    assert "not sure I understood" not in reply.plain, reply.plain
    assert "112" in reply.plain, reply.plain
    assert "024" in reply.plain, reply.plain


# ---------------------------------------------------------------- the ninth probe (S1-S19)


async def test_after_pills_an_amount_and_no_call_still_get_the_medical_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_011)
    await onboard(user, zone="Toronto")
    await user.send("i took a bunch of my sleeping pills like 20 min ago")
    await user.reply()
    await user.send("idk like 15")
    amount = await user.reply()
    assert said_as("sos.amount_taken", amount.text), amount.plain
    assert "I'm safe right now" not in amount.button_texts(), amount.buttons
    await user.send("dont call anyone")
    no_call = await user.reply()
    assert said_as("sos.taken_no_call", no_call.text), no_call.plain
    assert CA_EMERGENCY in no_call.plain, no_call.plain
    assert "don't have to call" not in no_call.plain, no_call.plain


async def test_a_small_cut_gets_care_and_another_subject_gets_company(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_012)
    await onboard(user, zone="Toronto")
    await user.send("i've been cutting again")
    await user.reply()
    await user.send("not deep")
    care = await user.reply()
    assert said_as("sos.hurt_minor", care.text), care.plain
    assert "call 911 now" not in care.plain.lower(), care.plain
    await user.send("can we talk about something else")
    other = await user.reply()
    assert said_as("sos.talk_else", other.text), other.plain


@pytest.mark.parametrize(
    ("said", "zone", "number"),
    [
        ("je vais tout finir ce soir, j'ai les médicaments devant moi", "Lyon", "3114"),
        ("j'ai envie de me foutre en l'air ce soir", "Lyon", "3114"),
        ("mi ex me está amenazando, dice que va a venir a mi casa", "Seville", "016"),
        ("meu ex disse que vai se matar se eu não responder", "Lisbon", "112"),
    ],
)
async def test_everyday_crisis_phrasings_in_other_languages_reach_the_numbers(
    emu: BotApiEmulator, bot: BotRunner, said: str, zone: str, number: str
) -> None:
    user = emu.user(10_013)
    await onboard(user, zone=zone)
    await user.send(said)
    reply = await user.reply()
    assert number in reply.plain, reply.plain
    assert "speak English" not in reply.plain, reply.plain


async def test_hinglish_crisis_gets_no_line_in_indonesian(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_014)
    await onboard(user, zone="Mumbai")
    await user.send("yaar ab jeene ka mann nahi karta, sab khatam kar dena chahta hoon")
    reply = await user.reply()
    assert "14416" in reply.plain, reply.plain
    assert "Apakah" not in reply.plain, reply.plain


async def test_a_move_explains_a_goodbye_and_the_talk_lets_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_015)
    await onboard(user, zone="Toronto")
    await user.send("i'm giving away all my stuff, won't need it where i'm going")
    await user.reply()
    await user.send("haha no i'm moving to japan")
    reply = await user.reply()
    assert said_as("sos.clarified_move", reply.text), reply.plain
    assert CA_EMERGENCY not in reply.plain, reply.plain


async def test_stalking_again_today_is_not_read_as_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_016)
    await onboard(user, zone="Toronto")
    await user.send("he keeps showing up at my work and following me home")
    await user.reply()
    await user.send("yeah he did it again today")
    reply = await user.reply()
    assert said_as("sos.danger_not_now", reply.text), reply.plain
    assert "glad you're safe" not in reply.plain.lower(), reply.plain


async def test_preparations_then_a_bare_yes_are_asked_about_plainly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_017)
    await onboard(user, zone="Toronto")
    await user.send(
        "gave my dog to my sister today. wrote some letters. just wanted to say thanks for"
        " the company, bye"
    )
    await user.reply()
    await user.send("yes")
    reply = await user.reply()
    assert said_as("sos.prepared_recheck", reply.text), reply.plain
    assert CA_LINE in reply.plain, reply.plain


async def test_a_wish_to_hurt_oneself_is_no_injury_and_cutting_tonight_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_018)
    await onboard(user, zone="Toronto")
    await user.send("i feel like hurting myself")
    wish = await user.reply()
    assert "injury" not in wish.plain.lower(), wish.plain
    assert "clean cloth" not in wish.plain.lower(), wish.plain
    assert CA_LINE in wish.plain, wish.plain
    other = emu.user(10_019)
    await onboard(other, zone="Toronto")
    await other.send("i feel like cutting tonight")
    urge_to_cut = await other.reply()
    assert CA_LINE in urge_to_cut.plain, urge_to_cut.plain
    assert "/urge" not in urge_to_cut.plain, urge_to_cut.plain


async def test_the_ex_at_the_door_with_flowers_is_no_emergency(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_020)
    await onboard(user, zone="Toronto")
    await user.send("he's at my door with flowers asking to talk")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.at_door_calm"), reply.plain
    assert NOT_SAFE in reply.button_texts(), reply.buttons
    await user.send("what do i say through the door")
    again = await user.reply()
    assert again.text in CONTENT.variants("listen.at_door_calm"), again.plain


async def test_not_dangerous_said_in_the_danger_talk_steps_it_down(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_021)
    await onboard(user, zone="Toronto")
    await user.send("he's at my door and won't go away")
    first = await user.reply()
    assert CA_EMERGENCY in first.plain, first.plain
    await user.send("he's not dangerous, just persistent")
    reply = await user.reply()
    assert said_as("sos.not_danger", reply.text), reply.plain


async def test_a_friend_gone_quiet_after_talk_of_suicide_gets_a_welfare_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_022)
    await onboard(user, zone="Toronto")
    await user.send("my friend keeps saying she wants to kill herself, what do i do")
    await user.reply()
    await user.send("she's not answering her phone now")
    reply = await user.reply()
    assert said_as("sos.welfare_check", reply.text), reply.plain
    assert CA_EMERGENCY in reply.plain, reply.plain


@pytest.mark.parametrize("typed", ["just once", "like so bad", "ok"])
async def test_a_typed_answer_to_the_urge_offer_starts_it(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    user = emu.user(10_023)
    await onboard(user, zone="Toronto")
    await user.send("gonna call her")
    offer = await user.reply()
    assert len(offer.button_texts()) == 2, offer.buttons
    await user.send(typed)
    started = await user.replies(1)
    assert "How strong" in started[-1].plain or "1" in started[-1].button_texts(), started


async def test_no_typed_to_the_urge_offer_is_heard(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(10_024)
    await onboard(user, zone="Toronto")
    await user.send("i really want to text him rn")
    await user.reply()
    await user.send("no im ok")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("urge.free_text_declined"), reply.plain


async def test_feeling_better_the_next_day_steps_the_talk_down(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_025)
    await onboard(user, zone="Toronto")
    await user.send("thinking of just ending it tonight honestly")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("i'm doing a bit better today")
    better = await user.reply()  # soon after "not safe": asked plainly once more
    assert said_as("sos.safe_recheck", better.text), better.plain
    await user.send("yeah i'm doing better")
    settled = await user.reply()
    assert said_as("sos.better_now", settled.text), settled.plain
    await user.send("he posted a story with his new gf though")
    after = await user.reply()
    assert "please call" not in after.plain.lower(), after.plain
    assert CA_EMERGENCY not in after.plain, after.plain


async def test_checked_at_hospital_after_pills_is_not_sent_to_hospital_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_026)
    await onboard(user, zone="Toronto")
    await user.send("i took a bunch of my sleeping pills like 20 min ago")
    await user.reply()
    await user.send("im at the hospital now. they said im ok")
    reply = await user.reply()
    assert said_as("sos.checked_ok", reply.text), reply.plain
    assert "emergency department now" not in reply.plain, reply.plain


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("he called me stupid all the time and checked my phone", "listen.control_told"),
        ("is it normal to miss him even tho he was awful to me", "listen.miss_who_hurt"),
        ("you're the only one who listens to me", "listen.only_you"),
    ],
)
async def test_control_and_loneliness_are_heard_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner, said: str, key: str
) -> None:
    user = emu.user(10_030)
    await onboard(user, zone="Toronto")
    await user.send(said)
    reply = await user.reply()
    assert reply.text in CONTENT.variants(key), reply.plain
    assert NOT_SAFE in reply.button_texts(), reply.buttons
    assert "They texted or called me" not in reply.button_texts(), reply.buttons


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("i froze and said hi back. does that count as breaking NC?", "listen.hi_back"),
        ("ok done, deleted insta for a week", "listen.bright"),
        ("took my vitamins and went for a run, day 3 lets gooo", "listen.bright"),
        ("i'm fine", "listen.fine"),
        ("lol i'm fine", "listen.fine"),  # terminal chat: got "what feels heaviest?"
        ("sorry this is so long", "listen.sorry_to_me"),
        ("sorry", "listen.sorry_to_me"),
        (
            "she texted that our son is in the hospital with a fever, should i answer even tho"
            " im doing NC",
            "listen.child_urgent",
        ),
        ("its been 4 months tho", "listen.long_hurt"),
    ],
)
async def test_plain_facts_good_news_and_asides_get_replies_that_fit(
    emu: BotApiEmulator, bot: BotRunner, said: str, key: str
) -> None:
    user = emu.user(10_031)
    await onboard(user, zone="Toronto")
    await user.send(said)
    reply = await user.reply()
    assert reply.text in CONTENT.variants(key), reply.plain
    assert "heavy thing to sit with" not in reply.plain, reply.plain


async def test_a_follow_up_question_is_read_against_what_was_just_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_032)
    await onboard(user, zone="Toronto")
    await user.send("i spent 2 hours looking at his new gf's profile")
    offered = await user.reply()
    assert "How do I stop checking their profile?" in offered.button_texts(), offered.buttons
    await user.send("how do i stop checking")
    reply = await user.reply()
    stop_checking = CONTENT.faq_entries["stop-checking"]
    assert reply.text == stop_checking.answer[0], reply.plain


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("actually i started no contact last monday not today", "Monday"),
        ("i started on monday", "Monday"),
    ],
)
async def test_a_start_date_corrected_in_words_after_set_up_is_offered(
    emu: BotApiEmulator, bot: BotRunner, said: str, day: str
) -> None:
    user = emu.user(10_033)
    await onboard(user, zone="Toronto")
    await user.send(said)
    reply = await user.reply()
    assert day in reply.plain, reply.plain
    assert reply.buttons, reply.plain  # a confirm button, not a note taken silently


async def test_never_getting_to_say_goodbye_after_a_death_is_grief_not_a_crisis_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_034)
    await onboard(user, zone="Toronto")
    await user.send("my ex passed away last night. car accident. we hadnt spoken in 3 weeks")
    await user.reply()
    await user.send("i never got to say goodbye")
    reply = await user.reply()
    assert "are you safe" not in reply.plain.lower(), reply.plain
    assert reply.text in CONTENT.variants("listen.bereaved_guilt") + CONTENT.variants(
        "listen.bereaved_more"
    ), reply.plain


async def test_stop_messaging_me_for_a_week_pauses_for_a_week(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_035)
    await onboard(user, zone="Toronto")
    await user.send("stop messaging me for a week pls")
    reply = await user.reply()
    assert "Paused" in reply.plain, reply.plain
    assert "/pause" not in reply.plain, reply.plain


@pytest.mark.parametrize(("typed", "meant"), [("/stat", "Day 1"), ("/stop", "/pause")])
async def test_a_command_from_elsewhere_is_read_as_ours(
    emu: BotApiEmulator, bot: BotRunner, typed: str, meant: str
) -> None:
    # "/stat" is shown at once since the twenty-third session (the count is read-only); "/stop"
    # is still asked back as /pause
    user = emu.user(10_036)
    await onboard(user, zone="Toronto")
    await user.send(typed)
    reply = await user.reply()
    assert meant in reply.plain, reply.plain


@pytest.mark.parametrize(
    ("asked", "code"), [("hablas español?", "es"), ("do you speak hindi", "hi_latn")]
)
async def test_asked_whether_it_speaks_a_language_it_answers_in_it(
    emu: BotApiEmulator, bot: BotRunner, asked: str, code: str
) -> None:
    user = emu.user(10_037)
    await onboard(user, zone="Toronto")
    await user.send(asked)
    reply = await user.reply()
    assert reply.text == CONTENT.text(f"language.english_only.{code}"), reply.plain


async def test_idk_at_the_reason_question_keeps_no_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(10_038)
    await onboard(user, zone="Toronto", reason="idk lol")
    await user.send("/reasons")
    reply = await user.reply()
    assert "idk" not in reply.plain, reply.plain
