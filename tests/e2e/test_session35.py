"""The thirty-fifth session, through the emulator: in a safety talk after words of intent, what
the person does next is noticed instead of met with the recycled "please call now" line. Back
after a silence is welcomed; a walk or reaching their room is thanked; "still feel shit" and
"it's not working" after the calming exercise get another thing to try and a person; a wound
bandaged gets what to watch for; the finished plan carries the numbers, and "done" after it
is heard as done."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.driver import BotMessage
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import EXPLICIT, GROUNDING, LINES, PLAN, SAFE_YES, said
from tests.harness import BotRunner, onboard

CONTENT = load_content()


def _not_recycled(text: str) -> bool:
    """Not one of the recycled "please call now" lines (sos.stay_unsafe)."""
    plain = " ".join(text.split())
    return not any(plain == " ".join(v.split()) for v in CONTENT.variants("sos.stay_unsafe"))


async def test_back_after_a_silence_a_walk_and_still_heavy_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Melbourne): "sorry. i'm back", "I went for a walk" and "still feel
    # shit though" each got one of the three "please call 000" lines in turn.
    user = emu.user(35001)
    await onboard(user, zone="Australia/Melbourne")
    await user.send("I'm thinking about ending it")
    first = await user.reply()
    assert "000" in first.plain, first.plain
    await user.send("sorry. i'm back")
    back = await user.reply()
    assert said(back, "sos.back_in_talk"), back.plain
    assert "000" in back.plain, back.plain
    await user.send("I went for a walk")
    walk = await user.reply()
    assert said(walk, "sos.step_done"), walk.plain
    assert "13 11 14" in walk.plain, walk.plain  # Lifeline, in the words
    await user.send("still feel shit though")
    heavy = await user.reply()
    assert said(heavy, "sos.still_heavy"), heavy.plain
    assert "13 11 14" in heavy.plain, heavy.plain
    for reply in (back, walk, heavy):
        assert _not_recycled(reply.plain), reply.plain
    # the talk is still open: a plain "not safe" still gets the call at once
    await user.send("im not safe")
    unsafe = await user.reply()
    assert said(unsafe, "sos.unsafe_again") or said(unsafe, "sos.unsafe_now"), unsafe.plain


async def test_off_the_roof_and_in_their_room_is_thanked_not_told_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Vancouver): "i'm in my room now", after coming in from the roof, got
    # "The most important thing right now is a person who can help: 911".
    user = emu.user(35002)
    await onboard(user, zone="America/Vancouver")
    await user.send("i'm on the roof of my apartment building. 13 floors up. just looking down")
    assert "911" in (await user.reply()).plain
    await user.send("it would be so quick")
    pull = await user.reply()
    assert said(pull, "sos.height_now"), pull.plain  # "step back", not the recycled line
    assert "911" in pull.plain, pull.plain
    await user.send("ok i'm going back inside")
    inside = await user.reply()
    assert said(inside, "sos.came_back_inside"), inside.plain
    await user.send("i'm in my room now")
    room = await user.reply()
    assert said(room, "sos.step_done"), room.plain
    assert "988" in room.plain, room.plain


async def test_the_calming_exercise_not_working_gets_another_way_and_a_person(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Singapore): "it's not working" after the breathing got "I'm reading
    # every word. The most important thing right now is a person"; "a bit better i guess" got
    # "Not knowing is a real answer".
    user = emu.user(35003)
    await onboard(user, zone="Asia/Singapore")
    await user.send("i want to die. i can't breathe, my chest is so tight")
    first = await user.reply()
    await user.press(GROUNDING, message=first)
    assert said(await user.reply(), "sos.grounding")
    await user.send("it's not working")
    heavy = await user.reply()
    assert said(heavy, "sos.still_heavy"), heavy.plain
    assert "1767" in heavy.plain, heavy.plain  # Samaritans of Singapore
    await user.send("i'm still shaking")
    again = await user.reply()
    assert said(again, "sos.still_heavy"), again.plain
    assert again.plain != heavy.plain  # another wording, never the same text twice in a row
    await user.send("a bit better i guess")
    better = await user.reply()
    # better, said soon after intent: asked once more, plainly, never "not knowing"
    assert said(better, "sos.safe_recheck"), better.plain
    assert not said(better, "sos.unsure"), better.plain


async def test_the_finished_plan_carries_the_numbers_and_done_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (UK): the plan ended with no number in it, and "done" after it got
    # "The most important thing right now is a person who can help: 999 or 112".
    user = emu.user(35004)
    await onboard(user, zone="Europe/London")
    await user.send(EXPLICIT)
    first = await user.reply()
    await user.press(PLAN, message=first)
    await user.reply()
    answers = ["when i'm alone at night", "a run, loud music", "my sister Hannah",
               "my sister's flat", "give my pills to my mum", "my GP"]
    for answer in answers:
        await user.send(answer)
        reply = await user.reply()
    assert said(reply, "sos.plan_self.done"), reply.plain
    assert "999" in reply.plain, reply.plain
    assert "116 123" in reply.plain, reply.plain
    await user.send("done")
    kept = await user.reply()
    assert said(kept, "sos.plan_kept"), kept.plain
    assert _not_recycled(kept.plain), kept.plain


async def test_a_cut_being_bandaged_gets_what_to_watch_for(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "i'll put a bandage" after a cut that had stopped bleeding got
    # "please call 112 now".
    user = emu.user(35005)
    await onboard(user, zone="Asia/Kolkata")
    await user.send("i cut myself tonight")
    await user.reply()
    await user.send("i'll put a bandage on it")
    tended = await user.reply()
    assert said(tended, "sos.wound_tended"), tended.plain
    assert "112" in tended.plain, tended.plain  # when to get it seen, the number in reach


async def test_a_walk_to_the_bridge_is_not_a_kind_step(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The look-alike: the walk has a height in it; never "that was a good thing to do".
    user = emu.user(35006)
    await onboard(user, zone="Europe/London")
    await user.send(EXPLICIT)
    await user.reply()
    await user.send("i went for a walk to the bridge")
    reply = await user.reply()
    assert not said(reply, "sos.step_done"), reply.plain
    assert said(reply, "sos.height_now"), reply.plain  # step back, now
    assert "999" in reply.plain, reply.plain


async def test_the_ex_at_risk_with_a_gun_at_his_place_is_his_danger_not_theirs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "he has a gun at his place", the ex threatening suicide, got "Lock the
    # door if they're on the other side of it" and the domestic-violence hotline; "i feel sick"
    # after calling 911 for him got the steps for the days after leaving.
    user = emu.user(35007)
    await onboard(user, zone="America/Chicago")
    await user.send("he texted me that he's going to kill himself tonight if i don't come over")
    await user.reply()
    await user.send("he has a gun at his place")
    gun = await user.reply()
    assert said(gun, "sos.ex_weapon"), gun.plain
    assert "911" in gun.plain, gun.plain
    assert "Domestic Violence" not in gun.plain, gun.plain
    await user.send("i called 911 and gave them his address")
    await user.reply()
    await user.send("i feel sick")
    sick = await user.reply()
    assert said(sick, "sos.ex_after_call"), sick.plain


async def test_a_gun_at_home_and_no_one_home_means_moving_away_from_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "no one's home", with the father's gun in the closet, got "I'm sorry
    # it feels that empty tonight"; "i can't lock it, i don't have a key" the recycled line.
    user = emu.user(35008)
    await onboard(user, zone="America/New_York")
    await user.send("my dad keeps a gun in the closet and i keep thinking about it")
    assert "911" in (await user.reply()).plain
    await user.send("no one's home")
    away = await user.reply()
    assert said(away, "sos.means_cant_secure"), away.plain
    assert "988" in away.plain, away.plain
    await user.send("i can't lock it, i don't have a key")
    again = await user.reply()
    assert said(again, "sos.means_cant_secure"), again.plain
    assert again.plain != away.plain


async def test_home_alone_with_him_coming_tonight_is_told_not_to_wait_there(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (UK): "i'm home alone", after "he's coming tonight", got "Feeling like
    # there's no one is so heavy" and the suicide lines.
    user = emu.user(35009)
    await onboard(user, zone="Europe/London")
    await user.send("my ex just texted saying if he can't have me nobody will")
    await user.reply()
    await user.send("he said he knows where i live now and he's coming tonight")
    await user.reply()
    await user.send("i'm home alone")
    alone = await user.reply()
    assert said(alone, "sos.danger_alone"), alone.plain
    assert "999" in alone.plain, alone.plain
    assert "0808 2000 247" in alone.plain, alone.plain
    # "it'll make him angrier", him on the way: not "while they're at your door"
    await user.send("i don't want to call the police it'll make him angrier")
    fear = await user.reply()
    assert said(fear, "sos.no_police_coming"), fear.plain
    assert "999" in fear.plain, fear.plain
    await user.send("ok")  # with him on the way: the door and the call, not "whenever"
    ok = await user.reply()
    assert said(ok, "sos.ack_danger_near"), ok.plain
    assert "999" in ok.plain, ok.plain


async def test_done_with_no_reasons_is_not_told_they_are_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "Add a reason", then Done at once, got "Done. Your own words will be
    # here on the next hard night" over an empty list; "3" at the menu was offered as a reason.
    user = emu.user(35010)
    await onboard(user, zone="Europe/London")
    await user.send("/reasons")
    menu = await user.reply()
    await user.send("3")
    number = await user.reply()
    assert number.text in CONTENT.variants("reasons.number_typed"), number.plain
    await user.press("Add a reason", message=menu)
    prompt = await user.reply()
    await user.press("Done", message=prompt)
    done = await user.reply()
    assert done.text in CONTENT.variants("reasons.done_empty"), done.plain
    # with one on the list, Done says it is kept
    await user.send("/reasons")
    again = await user.reply()
    await user.press("Add a reason", message=again)
    await user.reply()
    await user.send("I want my peace back")
    added = await user.reply()
    await user.press("Done", message=added)
    kept = await user.reply()
    assert kept.text in CONTENT.variants("reasons.done_text"), kept.plain


async def test_the_status_bar_past_a_milestone_says_where_it_runs_from(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: on the day of a milestone an empty bar sat under "Today marks 21 full
    # days", as if nothing had been done.
    user = emu.user(35011)
    await onboard(user, zone="Europe/London", date="yesterday")
    await user.send("/status")
    status = (await user.reply()).plain
    assert "░░░░░░░░░░ 1 → 3" in status, status
    assert "Next milestone: 3 full days · 2 days to go" in status, status


async def test_what_time_will_i_get_my_message_is_answered_with_the_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "what time will i get my message now" got "What would knowing change
    # for you right now?"
    user = emu.user(35012)
    await onboard(user, zone="Europe/London", at="08:00")
    await user.send("what time will i get my message now")
    reply = (await user.reply()).plain
    assert "08:00" in reply, reply
    assert "What would knowing change" not in reply, reply


async def test_a_time_zone_typed_in_a_talk_during_set_up_gives_that_country_s_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: in a talk opened at set-up's time-zone question (no country known),
    # "America/New_York" after "tell me which country you're in" got "your local emergency
    # number" again.
    user = emu.user(35013)
    await user.send("/start")
    await user.reply()
    await user.send("today")
    await user.replies(2)
    await user.send("i want to kill myself i don't care about time zones")
    first = await user.reply()
    assert "your local emergency number" in first.plain.lower(), first.plain
    await user.send("i'm not safe")
    await user.reply()
    await user.send("America/New_York")
    here = await user.reply()
    assert "911" in here.plain, here.plain
    assert "988" in here.plain, here.plain


async def test_no_more_numbers_asked_for_means_none_in_the_next_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Dublin): "Heard. No more lines from me for now", then "112 or 999
    # and this line" in the very next reply.
    user = emu.user(35014)
    await onboard(user, zone="Europe/Dublin")
    await user.send("I can't do this anymore, I want to end my life")
    await user.reply()
    await user.send("stop telling me to call people")
    stopped = await user.reply()
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    await user.send("i'm not going to do anything. i just needed to say it")
    asked = await user.reply()
    assert said(asked, "sos.safe_recheck_quiet"), asked.plain
    assert "112" not in asked.plain, asked.plain
    assert "116 123" not in asked.plain, asked.plain
    await user.send("I went for a walk")
    walk = await user.reply()
    assert said(walk, "sos.step_done_quiet"), walk.plain
    assert "112" not in walk.plain, walk.plain


async def test_a_joke_taken_back_after_the_talk_let_go_is_asked_about_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "lol i'm fine just want to die jk", "haha no seriously i'm ok", then
    # "ok maybe not totally a joke" got "Is this more about missing them, or about wanting to
    # reach out?" and a topic menu.
    user = emu.user(35015)
    await onboard(user, zone="America/New_York")
    await user.send("lol i'm fine just want to die jk")
    await user.reply()
    await user.send("haha no seriously i'm ok")
    await user.reply()
    await user.send("ok maybe not totally a joke")
    asked = await user.reply()
    # the talk takes it up again: "are you safe?" one tap away (the wording may ask what is
    # happening around them instead)
    assert SAFE_YES in asked.button_texts(), asked.button_texts()
    assert LINES in asked.button_texts(), asked.button_texts()  # the lines one tap away
    await user.send("idk")
    unsure = await user.reply()
    assert said(unsure, "sos.unsure") or said(unsure, "sos.unsure_again"), unsure.plain


async def test_a_joke_taken_back_after_another_subject_opens_the_check_with_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The same chat, with "it's just a figure of speech" between (the talk let go): the joke
    # taken back opens the gentle check again, the numbers in it.
    user = emu.user(35016)
    await onboard(user, zone="America/New_York")
    await user.send("lol i'm fine just want to die jk")
    await user.reply()
    await user.send("haha no seriously i'm ok")
    await user.reply()
    await user.send("it's just a figure of speech")
    await user.reply()
    await user.send("ok maybe not totally a joke")
    asked = await user.reply()
    assert "988" in asked.plain, asked.plain
    assert SAFE_YES in asked.button_texts(), asked.button_texts()


async def test_the_ex_at_risk_said_in_portuguese_gets_help_for_him_not_a_check_on_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Brazil): "meu ex disse que vai se matar se eu não responder" got "If
    # you might hurt yourself, please don't wait", "ele mandou foto de remédios" "are you safe
    # at this moment?"
    user = emu.user(35017)
    await onboard(user, zone="America/Sao_Paulo")
    await user.send("meu ex disse que vai se matar se eu não responder")
    first = await user.reply()
    # since session 39 a rule reads the ex's threat in Portuguese, French, Spanish and Italian:
    # the full reply for the ex at risk (help for him at once), not the check
    assert said_within(first, "sos.ex_at_risk"), first.plain
    assert "192" in first.plain, first.plain
    await user.send("ele mandou foto de remédios")
    photo = await user.reply()
    assert said(photo, "sos.ex_means"), photo.plain


def said_within(message: BotMessage, key: str) -> bool:
    """Whether one of the variants of `key` opens a paragraph of `message` (a line in the
    person's language may come first)."""
    plain = " ".join(message.plain.split())
    return any(" ".join(v.split("\n\n")[0].split())[:40] in plain for v in CONTENT.variants(key))


async def test_pills_put_in_the_car_after_drinking_come_with_dont_drive(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Ireland, inside /urge): "i'll put them in the car", after "half a
    # bottle of vodka and i have his pills here too", got no word against driving.
    user = emu.user(35018)
    await onboard(user, zone="Europe/Dublin")
    await user.send("i've had half a bottle of vodka and i have his pills here too")
    first = await user.reply()
    assert "112" in first.plain, first.plain  # the explicit reply, the number in it
    await user.send("i'll put them in the car")
    car = await user.reply()
    assert said(car, "sos.means_away_no_drive"), car.plain


async def test_a_request_for_something_else_with_a_feeling_in_it_hears_the_feeling(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: a request for something else with sadness in it got only "I can't
    # help with that one" and the topic menu.
    user = emu.user(35019)
    await onboard(user, zone="Europe/London")
    await user.send("can you recommend a movie, i cant stop crying")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("faq.declined_heard"), heard.plain
    await user.send("whats the weather tomorrow")  # a plain request: the kind no, as before
    plain = await user.reply()
    assert plain.text in CONTENT.faq.out_of_scope, plain.plain  # type: ignore[union-attr]
