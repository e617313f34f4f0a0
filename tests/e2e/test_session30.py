"""The thirtieth session, through the emulator: what a helper's chats as someone in danger
found. Fear of the police or a ward is answered in the person's own talk, never turned into
the domestic-violence steps; an overdose told plainly gets the full reply and sleep is the
danger; "i already called them" is the line reached, not the ex; children, a weapon at the
door, being choked, the police who did nothing and the ex in the waiting room each get their
own answer; no credit is no reason not to call."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.driver import BotMessage
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import in_the_talk, said
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()


def carries(message: BotMessage, key: str) -> bool:
    """Whether one of the variants of `key` is somewhere in `message` (a line added to a reply)."""
    plain = " ".join(message.plain.split())
    return any(" ".join(v.split())[:60] in plain for v in CONTENT.variants(key))


async def test_fear_of_the_police_stays_in_the_persons_own_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i dont want the police coming to my house" after pills and intent got
    # "lock the door" and the shelters; "will they lock me up" the days after leaving.
    user = emu.user(30001)
    first = await in_the_talk(user, "i have pills and i want to take them all tonight", "Toronto")
    assert "911" in first.plain
    assert "988" in first.plain
    await user.send("i dont want the police coming to my house")
    fear = await user.reply()
    assert said(fear, "sos.police_fear"), fear.plain
    assert "988" in fear.plain
    assert "sheltersafe" not in fear.plain
    assert "lock the door" not in fear.plain.lower()
    await user.send("what if they send police")
    again = await user.reply()
    assert said(again, "sos.police_fear"), again.plain
    assert again.plain != fear.plain  # another wording, not the same text twice
    await user.send("i already called them")
    called = await user.reply()
    assert said(called, "sos.reached_help"), called.plain
    assert not said(called, "sos.slip_in_talk")


async def test_an_overdose_told_plainly_gets_the_full_reply_and_sleep_is_the_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "took my whole prescription an hour ago, feeling sleepy" got "I might
    # be reading this wrong", then "just want to sleep" a menu of topics.
    user = emu.user(30002)
    first = await in_the_talk(
        user, "took my whole prescription an hour ago, feeling sleepy", "Toronto"
    )
    assert "911" in first.plain
    assert "reading this wrong" not in first.plain
    await user.send("just want to sleep")
    sleep = await user.reply()
    assert said(sleep, "sos.no_sleep"), sleep.plain
    assert "911" in sleep.plain


async def test_after_pills_the_fear_of_the_police_still_gets_the_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(30003)
    await in_the_talk(user, "i swallowed all my pills 20 minutes ago", "Europe/London")
    await user.send("if i call 999 they will arrest me, attempting suicide is a crime here")
    reply = await user.reply()
    assert said(reply, "sos.police_fear_taken"), reply.plain
    assert "999" in reply.plain
    assert "hotpeachpages" not in reply.plain
    assert "Domestic" not in reply.plain


async def test_the_children_a_weapon_and_no_credit_in_a_danger_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "the kids are asleep" got "No answer can feel like one more door
    # closing"; "he has a gun" got "call 911 the moment they show up" with him at the door.
    user = emu.user(30004)
    await in_the_talk(user, "my ex is at my door banging and screaming, he wont leave", "Toronto")
    await user.send("the kids are asleep")
    kids = await user.reply()
    assert said(kids, "sos.danger_kids"), kids.plain
    await user.send("he has a gun")
    gun = await user.reply()
    assert said(gun, "sos.danger_weapon_door"), gun.plain
    assert "911" in gun.plain
    await user.send("i cant talk out loud")
    quiet = await user.reply()
    assert said(quiet, "sos.cannot_speak"), quiet.plain
    await user.send("i dont have credit")
    credit = await user.reply()
    assert said(credit, "sos.no_credit"), credit.plain
    assert "911" in credit.plain


async def test_choked_police_who_did_nothing_and_the_ex_in_the_waiting_room(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(30005)
    first = await in_the_talk(
        user, "my ex choked me last night and now im at the hospital", "Toronto"
    )
    assert carries(first, "sos.choke_line"), first.plain
    assert first.plain.rstrip().endswith("?")  # the talk's question stays last
    await user.send("i called the police they said they cant do anything")
    police = await user.reply()
    assert said(police, "sos.police_refused"), police.plain
    await user.send("make a safety plan")
    await user.reply()
    await user.send("he's in the waiting room")
    here = await user.reply()
    assert said(here, "sos.danger_here"), here.plain
    assert "911" in here.plain


async def test_what_do_you_mean_is_explained_and_a_place_meant_is_let_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "what do you mean" and "i mean in this city lol" both got "Thank you for
    # telling me more" and the check again.
    user = emu.user(30006)
    await in_the_talk(user, "i dont want to be here anymore", "Toronto")
    await user.send("what do you mean")
    meant = await user.reply()
    assert said(meant, "sos.check_explained"), meant.plain
    await user.send("i mean in this city lol. everything reminds me of him")
    place = await user.reply()
    assert said(place, "sos.clarified"), place.plain


async def test_a_line_called_in_spanish_and_better_said_in_spanish_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "vale llamé al 024" got "if you haven't yet, please call 112", and
    # "gracias, ya estoy un poco mejor" the same text as "estoy sola en casa".
    user = emu.user(30007)
    await in_the_talk(user, "quiero matarme, no aguanto más", "Europe/Madrid")
    await user.send("vale llamé al 024")
    called = await user.reply()
    assert said(called, "sos.reached_help"), called.plain
    await user.send("liguei pro 188 mas ninguem atende")
    nobody = await user.reply()
    assert said(nobody, "sos.unreachable"), nobody.plain


async def test_stitched_up_and_home_is_looked_after_not_sent_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(30008)
    await in_the_talk(user, "i cut myself really deep tonight", "Europe/London")
    await user.send("they stitched it up and sent me home")
    home = await user.reply()
    assert said(home, "sos.checked_ok"), home.plain
    assert "please call" not in home.plain.lower()


async def test_a_will_and_a_dog_given_away_are_named_and_a_yes_is_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i gave my dog to my sister today and wrote a will" in the talk got a
    # stock "if you haven't yet, please call 911".
    user = emu.user(30009)
    await in_the_talk(user, "honestly whats the point of anything anymore", "Toronto")
    await user.send("i gave my dog to my sister today and wrote a will")
    signs = await user.reply()
    assert said(signs, "sos.warning_signs"), signs.plain
    assert "988" in signs.plain
    await user.send("yes")
    yes = await user.reply()
    assert said(yes, "sos.unsafe_now"), yes.plain  # "yes" to that question: not safe
    assert "911" in yes.plain


async def test_today_is_the_status_command(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A helper's chat: "/today" got "I don't know that command".
    user = emu.user(30010)
    await onboard(user, zone="Toronto")
    await user.send("/today")
    reply = await user.reply()
    assert "Day " in reply.plain, reply.plain
    assert "know that command" not in reply.plain


async def test_thanks_or_wait_at_the_zone_question_are_no_place(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "gracias" at the time-zone question set the zone to Madrid (Gràcia,
    # Barcelona), and "wait" got "I couldn't find 'wait'".
    user = emu.user(30011)
    await user.send("/start")
    await user.reply()
    await user.send("2 weeks ago")
    await user.replies(2)
    await user.send("gracias")
    thanks = await user.reply()
    assert said(thanks, "onboarding.tz_smalltalk"), thanks.plain
    assert "Time zone set" not in thanks.plain
    await user.send("wait")
    wait = await user.reply()
    assert said(wait, "onboarding.step_wait"), wait.plain
    await user.send("Toronto")
    zone = await user.replies(2)
    assert "America/Toronto" in zone[0].plain


async def test_a_feeling_with_today_in_it_is_no_start_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "me siento muy sola hoy" at the date question set the count to today.
    user = emu.user(30012)
    await user.send("/start")
    await user.reply()
    await user.press("Another day")
    await user.reply()
    await user.send("i feel so alone today")
    reply = await user.reply()
    assert "today is Day 1" not in reply.plain, reply.plain
    await user.send("sunday before last")
    dated = await user.replies(2)
    assert "Sunday" in dated[0].plain, dated[0].plain  # the one before last
    assert "today is Day 1." not in dated[0].plain


async def test_can_i_skip_at_the_reason_skips_it(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(30013)
    await to_the_reason(user, zone="Toronto")
    await user.send("can i skip")
    done = await user.reply()
    assert said(done, "onboarding.done"), done.plain


async def test_a_start_date_said_to_be_off_is_offered_for_change(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "btw i think my start date is off, it was the 28th" got "I hear you".
    user = emu.user(30014)
    await onboard(user, date="2 weeks ago", zone="Toronto")
    await user.send("btw i think my start date is off, it was the 28th")
    offer = await user.reply()
    assert " 28 " in offer.plain, offer.plain
    assert "✅ Yes, change it" in offer.button_texts()
    await user.send("my start date is sunday before last")
    again = await user.reply()
    assert "Sunday" in again.plain, again.plain
    assert "✅ Yes, change it" in again.button_texts()


async def test_after_a_drunk_text_what_now_and_another_sorry_are_answered_in_that_light(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "what do i do now" got "questions like that can go round and round";
    # "should i send another one saying sorry ignore that" the apology for leaving.
    user = emu.user(30015)
    await onboard(user, zone="Toronto")
    await user.send("i already sent it. i texted him drunk like an hour ago")
    await user.reply()
    await user.send("what do i do now")
    now = await user.reply()
    assert said(now, "listen.what_now_after"), now.plain
    assert "I already sent a drunk text" in now.button_texts()
    await user.send("should i send another one saying sorry ignore that")
    second = await user.reply()
    assert "apology for leaving" not in second.plain
    assert "I already sent a drunk text" in second.button_texts()


async def test_company_asked_for_and_when_she_will_miss_me_get_their_own_replies(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(30016)
    await onboard(user, zone="Toronto")
    await user.send("can you talk to me for a bit")
    company = await user.reply()
    assert "go round and round" not in company.plain, company.plain
    await user.send("how many days until she misses me")
    misses = await user.reply()
    assert "Aim for at least 30 days" not in misses.plain, misses.plain
    await user.send("i feel like its all my fault, i pushed her away")
    fault = await user.reply()
    assert "are you safe" not in fault.plain.lower(), fault.plain


async def test_how_a_command_works_is_explained(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A helper's chat: "how does /urge work" got "we work or study together".
    user = emu.user(30017)
    await onboard(user, zone="Toronto")
    await user.send("how does /urge work")
    urge = await user.reply()
    assert urge.plain.startswith("/urge is for the moment"), urge.plain
    await user.send("what does /history do")
    history = await user.reply()
    assert history.plain.startswith("/history lists"), history.plain


async def test_on_hold_and_at_hospital_after_pills_get_replies_that_fit_the_wait(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "they put me on hold" got "unlock the door so they can get in"; "im at
    # the hospital now" after an overdose "tell them you're having thoughts of ending your life".
    user = emu.user(30018)
    await in_the_talk(user, "i want to kill myself tonight", "Toronto")
    await user.send("they put me on hold")
    hold = await user.reply()
    assert said(hold, "sos.on_hold"), hold.plain
    other = emu.user(30019)
    await in_the_talk(other, "i swallowed all my pills 20 minutes ago", "Toronto")
    await other.send("im at the hospital now")
    there = await other.reply()
    assert said(there, "sos.at_hospital_taken"), there.plain


async def test_dreams_of_the_ex_are_answered_as_dreams(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "is it normal to dream about him every night" got the nights answer.
    user = emu.user(30020)
    await onboard(user, zone="Toronto")
    await user.send("is it normal to dream about him every night")
    dreams = await user.reply()
    assert said(dreams, "listen.dreams"), dreams.plain


async def test_the_ex_keeping_my_things_is_answered_not_only_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "I hear you. Be as gentle with yourself..." and the answer behind a button.
    user = emu.user(30021)
    await onboard(user, zone="Toronto")
    await user.send("also he still has my stuff, my laptop charger and some clothes")
    stuff = await user.reply()
    entry = CONTENT.faq_entries["getting_things_back"]
    assert " ".join(entry.answer[0].split())[:40] in " ".join(stuff.text.split()), stuff.plain


async def test_boredom_told_at_the_urge_is_answered_as_boredom(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "honestly just bored" got the loneliness reply.
    user = emu.user(30022)
    await onboard(user, zone="Toronto")
    await user.send("/urge")
    await user.reply()
    await user.press("7")
    await user.reply()
    await user.send("honestly just bored")
    bored = await user.reply()
    assert said(bored, "urge.trigger_ack_bored"), bored.plain


async def test_at_the_er_a_long_wait_is_met_with_staying_not_call_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A third helper's chat: "my mom drove me to the ER, im in the waiting room now" got
    # "reach your mom now"; "they said it could be hours" and "i just want to go home and
    # sleep" got "please call 112 or 999".
    user = emu.user(30023)
    await in_the_talk(user, "i want to die tonight", "Europe/London")
    await user.send("my mom drove me to the ER, im in the waiting room now")
    there = await user.reply()
    assert said(there, "sos.at_hospital"), there.plain
    await user.send("they said it could be hours")
    wait = await user.reply()
    assert said(wait, "sos.hospital_stay"), wait.plain
    await user.send("still on hold its been 10 min")  # (words of a call: not the hospital's)
    hold = await user.reply()
    assert said(hold, "sos.on_hold"), hold.plain


async def test_what_was_taken_named_in_portuguese_is_not_means_to_put_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A third helper's chat: "eu tomei muitos remédios agora" got the gentle check, and "uns 15
    # comprimidos de rivotril" "put it somewhere you can't reach".
    user = emu.user(30024)
    first = await in_the_talk(user, "eu tomei muitos remédios agora", "America/Sao_Paulo")
    assert "192" in first.plain
    await user.send("uns 15 comprimidos de rivotril")
    amount = await user.reply()
    assert said(amount, "sos.amount_taken"), amount.plain


async def test_police_who_did_nothing_with_the_ex_at_the_door_means_call_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A third helper's chat: "i called the police last time and they did nothing" with the ex
    # at the door holding a knife got "Good. You didn't carry this alone tonight."
    user = emu.user(30025)
    await in_the_talk(
        user, "my ex is at the door with a knife, the kids are upstairs", "Europe/London"
    )
    await user.send("i called the police last time and they did nothing")
    now = await user.reply()
    assert said(now, "sos.police_refused_now"), now.plain
    assert "999" in now.plain
    await user.send("can we make a plan")
    plan = await user.reply()
    assert "plan" in plan.plain.lower(), plan.plain
    assert "where" in plan.plain.lower(), plan.plain  # its first question: a place to go


async def test_a_german_ex_at_the_door_and_ones_own_airtag(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(30026)
    await onboard(user, zone="Berlin")
    await user.send("mein ex steht vor der tür und schreit, ich hab angst")
    door = await user.reply()
    assert "110" in door.plain or "112" in door.plain, door.plain
    other = emu.user(30027)
    await onboard(other, zone="Toronto")
    await other.send("i put an airtag on my own keys bc i keep losing them")
    keys = await other.reply()
    assert "911" not in keys.plain, keys.plain
