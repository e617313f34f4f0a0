"""The thirty-seventh session, through the emulator, from two helpers' chats. Crisis messages
that got small talk, a menu or only "are you safe?" now get the emergency reply: a step in front
of a train, "goodnight forever", "you cant stop me", sleeping pills with the mind going blurry.
A yes to "are you thinking of ending your life?" said in more words is heard as a yes. Ordinary
messages that got the emergency reply no longer do: "i dont feel unsafe", "he's been texting my
friends asking about me", "he showed up at my work" told once. In the talk about the ex at
risk, the means in his hand and an address not known get what to do, and the person's own wish
not to be here is asked about with the lines. Everyday: a typed reason after /reasons is
offered, a slip told with "i already texted her ... i ruined it" gets the slip's answer, "was i
nothing to him" the answer on worth, "can i like his post" the rule, "honestly i feel kind of
free" gladness, and "sorry. bad night" after light talk is not "a nice break"."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()
_ABOUT = "about the bot"


def _emergency_reply(text: str) -> bool:
    """The first reply to explicit words: the emergency number in the text itself."""
    return "999" in text


@pytest.mark.parametrize(
    "message",
    [
        "at the station. every time a train comes through i think about how easy one step"
        " would be",
        "im done. goodnight forever x",
        "took a few extra of my sleeping pills to knock myself out, idk how many, everything's"
        " kinda blurry",
    ],
)
async def test_crisis_messages_a_helper_wrote_get_the_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner, message: str
) -> None:
    user = emu.user(37001 + len(message))
    await onboard(user, zone="Europe/London")
    await user.send(message)
    reply = await user.reply()
    assert _emergency_reply(reply.plain), reply.plain
    assert any("Crisis lines" in b for b in reply.button_texts()), reply.button_texts()


async def test_a_yes_in_more_words_and_you_cant_stop_me_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "its fine. its what i want" to "are you making these arrangements
    # because you're thinking of ending your life?" got "Nothing you say here has to be tidy".
    user = emu.user(37101)
    await onboard(user, zone="Europe/London")
    await user.send("i just dont want to be here anymore")
    await user.reply()
    await user.send("i gave my dog to my brother today and sorted my bank stuff")
    asked = await user.reply()
    assert said(asked, "sos.warning_signs"), asked.plain
    await user.send("its fine. its what i want")
    yes = await user.reply()
    assert said(yes, "sos.unsafe_now"), yes.plain
    assert "999" in yes.plain, yes.plain
    # ...and outside a talk, "you cant stop me" is the emergency reply, "you cant stop me from
    # texting him" is not
    other = emu.user(37102)
    await onboard(other, zone="Europe/London")
    await other.send("its ok, you cant stop me anyway")
    assert _emergency_reply((await other.reply()).plain)
    third = emu.user(37103)
    await onboard(third, zone="Europe/London")
    await third.send("you cant stop me from texting him")
    urge = await third.reply()
    assert not _emergency_reply(urge.plain), urge.plain


@pytest.mark.parametrize(
    "message",
    [
        "i dont feel unsafe hes just sad",
        "he's been texting my friends asking about me",
        "he showed up at my work",
    ],
)
async def test_ordinary_messages_a_helper_wrote_get_no_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner, message: str
) -> None:
    user = emu.user(37201 + len(message))
    await onboard(user, zone="Europe/London")
    await user.send(message)
    reply = await user.reply()
    assert "999" not in reply.plain, reply.plain
    assert "Domestic Abuse" not in reply.plain, reply.plain
    # ...and help stays one tap away
    assert any("not safe" in b for b in reply.button_texts()), reply.button_texts()


async def test_unsafe_in_my_own_head_is_asked_about_gently(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(37301)
    await onboard(user, zone="Europe/London")
    await user.send("i feel so unsafe in my own head lately, like my thoughts are a mess")
    reply = await user.reply()
    assert said(reply, "sos.passive_check"), reply.plain


async def test_the_ex_at_risk_with_the_means_in_hand_and_no_address(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "he says he has them in his hand right now" got "are you safe at this
    # moment?"; "i dont know his address anymore he moved" was read as unsure of her own
    # safety; her own "easier if i wasnt here either" got "tell me more", no lines.
    user = emu.user(37401)
    await onboard(user, zone="Europe/London")
    await user.send(
        "my ex keeps sending voice notes crying saying hes going to take all his pills if i"
        " dont come over"
    )
    assert said(await user.reply(), "sos.ex_at_risk")
    await user.send("he says he has them in his hand right now")
    now = await user.reply()
    assert said(now, "sos.ex_means_now"), now.plain
    await user.send("i dont know his address anymore he moved")
    address = await user.reply()
    assert said(address, "sos.ex_no_address"), address.plain
    await user.send("im so tired of all of this. sometimes i think itd be easier if i wasnt here")
    own = await user.reply()
    assert said(own, "sos.own_after_other"), own.plain
    assert "116 123" in own.plain, own.plain


async def test_not_wanting_a_fuss_after_pills_is_answered_as_an_objection(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "i dont want to make a fuss" after pills got "Nothing you say here has
    # to be tidy"; the objection's words about someone's reaction came to "i dont want an
    # ambulance".
    user = emu.user(37501)
    await onboard(user, zone="Australia/Sydney")
    await user.send("i took like 20 paracetamol an hour ago")
    assert "000" in (await user.reply()).plain
    await user.send("i dont want to make a fuss")
    fuss = await user.reply()
    assert said(fuss, "sos.objection"), fuss.plain
    await user.send("my mum would freak out")
    mum = await user.reply()
    assert said(mum, "sos.objection_people"), mum.plain
    await user.send("ok i told her, shes calling")
    calling = await user.reply()
    assert said(calling, "sos.help_coming"), calling.plain


async def test_a_reason_typed_after_reasons_is_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(37601)
    await onboard(user, zone="Europe/London")
    await user.send("/reasons")
    await user.reply()
    await user.send("i want to remember how he made me feel small")
    offer = await user.reply()
    assert said(offer, "reasons.offer_add"), offer.plain
    assert "how he made me feel small" in offer.plain, offer.plain
    await user.press(CONTENT.label("reasons.buttons.add_this"))
    await user.reply()
    await user.send("/reasons")
    listed = await user.reply()
    assert "how he made me feel small" in listed.plain, listed.plain


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("i already texted her last night. i ruined it didnt i", "faq:slip"),
        ("was i nothing to him", "faq:self-worth"),
        ("can i like his post", "faq:what-counts"),
        ("should i give him another chance", "faq:doubt-decision"),
    ],
)
async def test_everyday_questions_from_the_chats_get_their_answer(
    emu: BotApiEmulator, bot: BotRunner, message: str, key: str
) -> None:
    user = emu.user(37701 + len(message))
    await onboard(user, zone="Europe/London")
    await user.send(message)
    reply = await user.reply()
    entry = CONTENT.faq_entries[key.split(":", 1)[1]]
    plain = " ".join(reply.plain.split())
    assert any(_opening(a) in plain for a in entry.answer), reply.plain


def _opening(answer: str) -> str:
    """An answer's first words as the reader sees them."""
    return " ".join(tghtml.to_plain(answer).split())[:50]


async def test_feeling_free_is_gladness_and_a_bad_night_is_not_light_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(37801)
    await onboard(user, zone="Europe/London")
    await user.send("honestly i feel kind of free")
    free = await user.reply()
    assert not said(free, "faq.feeling_heard"), free.plain
    assert "pass" not in free.plain, free.plain
    other = emu.user(37802)
    await onboard(other, zone="Europe/London")
    await other.send("tell me a joke")
    await other.reply()
    await other.send("sorry. bad night")
    night = await other.reply()
    assert not said(night, "listen.light_told"), night.plain


async def test_after_a_gun_and_a_threat_to_kill_the_danger_is_never_played_down(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat (New York): "he's not here now" got the words for stalking and "the
    # police's non-emergency line"; "i think im overreacting" got "Trust that feeling"; "maybe
    # i deserved it" got the ex-at-risk line "getting help to them, or to you, is enough".
    user = emu.user(37901)
    await onboard(user, zone="America/New_York")
    await user.send("he said if he cant have me nobody can. and he has a gun in his truck")
    assert "911" in (await user.reply()).plain
    for message in ("hes not here now", "i think im overreacting"):
        await user.send(message)
        reply = await user.reply()
        assert said(reply, "sos.danger_not_now_grave"), reply.plain
        assert "non-emergency" not in reply.plain, reply.plain
        assert "911" in reply.plain, reply.plain
    await user.send("maybe i deserved it")
    deserved = await user.reply()
    assert said(deserved, "sos.not_your_fault_danger"), deserved.plain
    assert "Getting help to them" not in deserved.plain, deserved.plain


async def test_locked_in_alone_and_nowhere_to_go_on_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Helpers' chats: "i locked my bedroom door" (him in the kitchen with a knife) got a bag by
    # the door; "i dont have anyone" got "if you might act on these thoughts"; "where do i go"
    # got "tell the people you're with".
    user = emu.user(37902)
    await onboard(user, zone="Europe/London")
    await user.send(
        "my flatmate pulled a knife on me when i told him to move out. hes in the kitchen now"
    )
    await user.reply()
    await user.send("i locked my bedroom door")
    locked = await user.reply()
    assert said(locked, "sos.danger_locked_in"), locked.plain
    other = emu.user(37903)
    await onboard(other, zone="Europe/London")
    await other.send("my ex hit me tonight and he has a knife")
    await other.reply()
    await other.send("i dont have anyone")
    alone = await other.reply()
    assert said(alone, "sos.no_one_danger"), alone.plain
    assert "these thoughts" not in alone.plain, alone.plain
    await other.send("where do i go")
    where = await other.reply()
    assert said(where, "sos.where_to_go_danger"), where.plain
    assert "0808 2000 247" in where.plain, where.plain


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("i blocked her. feel sick", "listen.step_hurts"),
        ("ok so i unfollowed him. now what", "listen.step_hurts"),
    ],
)
async def test_a_hard_step_done_is_honoured_not_explained_again(
    emu: BotApiEmulator, bot: BotRunner, message: str, key: str
) -> None:
    user = emu.user(38001 + len(message))
    await onboard(user, zone="Europe/London")
    await user.send(message)
    reply = await user.reply()
    assert said(reply, key), reply.plain


async def test_what_to_do_instead_of_texting_is_the_urge_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38101)
    await onboard(user, zone="Europe/London")
    await user.send("what should i do instead of texting him")
    reply = await user.reply()
    entry = CONTENT.faq_entries["urge"]
    plain = " ".join(reply.plain.split())
    assert any(_opening(a) in plain for a in entry.answer), reply.plain


async def test_i_mean_it_after_a_goodbye_is_stood_by_and_regret_of_telling_is_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after "this is probably my last message", "i mean it" got "tell me
    # more if you want to", a "yes" closed the talk, and "i dont know why i even told you"
    # got the topic menu.
    user = emu.user(38201)
    await onboard(user, zone="Europe/London")
    await user.send(
        "this is probably my last message. thank you for everything steadfast, take care"
    )
    await user.reply()
    await user.send("i mean it")
    meant = await user.reply()
    assert said(meant, "sos.unsafe_now"), meant.plain
    assert "999" in meant.plain, meant.plain
    await user.send("i dont know why i even told you")
    told = await user.reply()
    assert said(told, "sos.retracted"), told.plain


async def test_still_wanting_to_at_what_set_it_off_stays_in_the_urge_flow(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "still want to" at "What set it off?" left the flow for a listening
    # line and a topic button.
    user = emu.user(38301)
    await onboard(user, zone="Europe/London")
    await user.send("/urge")
    await user.reply()
    await user.press("6")
    await user.reply()
    await user.send("still want to")
    still = await user.reply()
    assert said(still, "urge.trigger_still"), still.plain
    assert "I saw their post" in still.button_texts(), still.button_texts()


async def test_a_bare_why_at_the_reason_question_is_answered_by_set_up(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38302)
    await to_the_reason(user)
    await user.send("why")
    reply = await user.reply()
    assert "🚨" not in " ".join(reply.button_texts()), reply.button_texts()
    assert "hard days" in reply.plain, reply.plain


async def test_the_ex_at_risk_a_reply_asked_and_the_call_made_stay_in_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat (Paris): after a photo of pills, "what do i do?? do i reply??" got
    # "silence is a complete answer"; "i called 112 for him" got the slip's restart.
    user = emu.user(38401)
    await onboard(user, zone="Europe/Paris")
    await user.send("my ex just texted me saying if i dont answer him hell kill himself")
    await user.reply()
    await user.send("he sent a photo of pills")
    await user.reply()
    await user.send("what do i do?? do i reply??")
    what = await user.reply()
    assert said(what, "sos.what_now_ex"), what.plain
    await user.send("i called 112 for him theyre going there")
    called = await user.reply()
    assert "slip" not in " ".join(called.button_texts()).lower(), called.button_texts()
    assert "Silence is a complete answer" not in called.plain, called.plain


async def test_a_friend_messaged_and_coming_is_not_a_slip(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat (Toronto): "ok i texted her" (the best friend named) got "we can sort the
    # count out later"; "she answered. shes coming over" the recycled "please don't wait".
    user = emu.user(38402)
    await onboard(user, zone="America/Toronto")
    await user.send("i have everything ready and i dont want to be here anymore")
    await user.reply()
    await user.send("my best friend jess")
    await user.reply()
    await user.send("ok i texted her")
    texted = await user.reply()
    assert said(texted, "sos.messaged_person"), texted.plain
    await user.send("she answered. shes coming over")
    coming = await user.reply()
    assert said(coming, "sos.helper_here"), coming.plain


@pytest.mark.parametrize(
    "message",
    [
        "how high does a building need to be to make sure",
        "i think tonight is the night. i have everything ready",
    ],
)
async def test_means_asked_and_a_night_chosen_get_the_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner, message: str
) -> None:
    user = emu.user(38501 + len(message))
    await onboard(user, zone="America/Chicago")
    await user.send(message)
    reply = await user.reply()
    assert "911" in reply.plain, reply.plain
    assert "No Contact and breakups" not in reply.plain, reply.plain


async def test_a_conditional_joke_is_asked_about_not_given_the_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38601)
    await onboard(user, zone="America/Chicago")
    await user.send("i'm gonna kill myself if he posts one more gym selfie lol")
    reply = await user.reply()
    assert "Please call 911 now" not in reply.plain, reply.plain
    assert any("not safe" in b.lower() for b in reply.button_texts()), reply.button_texts()


async def test_an_engine_running_in_a_garage_is_turned_off_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38701)
    await onboard(user, zone="America/Chicago")
    await user.send("sitting in my car in the garage with the engine running")
    reply = await user.reply()
    assert "911" in reply.plain, reply.plain
    plain = " ".join(reply.plain.split())
    assert any(
        " ".join(v.split()) in plain for v in CONTENT.variants("sos.engine_line")
    ), reply.plain


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("are you a real person or chatgpt or what", _ABOUT),
        ("what's my longest streak so far", "Day"),
        ("is there a way to make this bot not message me every day", "/pause"),
    ],
)
async def test_questions_about_the_bot_and_its_messages_are_answered(
    emu: BotApiEmulator, bot: BotRunner, message: str, expected: str
) -> None:
    # A helper's chat: each got "I can't answer that one" or "I don't want to guess at it".
    user = emu.user(38801 + len(message))
    await onboard(user, zone="Europe/London")
    await user.send(message)
    reply = await user.reply()
    if expected == _ABOUT:  # one of the bot's own words about itself, whichever variant
        plain = " ".join(reply.plain.split())
        assert any(plain.startswith(_opening(v)[:40]) for v in _about_variants()), reply.plain
    else:
        assert expected in reply.plain, reply.plain
    assert "can't answer that one" not in reply.plain, reply.plain


def _about_variants() -> list[str]:
    """The small-talk answers to "what are you", from content/faq.yaml."""
    assert CONTENT.faq is not None
    return list(CONTENT.faq.smalltalk["about"])


async def test_about_to_drive_after_drink_and_pills_is_asked_not_to(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "just gonna drive to her place and sort this out" after wine and two
    # xanax got "I'd leave them out of tonight", nothing on the wheel.
    user = emu.user(39001)
    await onboard(user, zone="America/Chicago")
    await user.send(
        "ive had like half a bottle of wine and 2 xanax and i just want to stop feeling this"
    )
    await user.reply()
    await user.send("just gonna drive to her place and sort this out")
    reply = await user.reply()
    assert said(reply, "sos.dont_drive"), reply.plain
