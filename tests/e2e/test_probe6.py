"""Sixth probe: what a person shares is met as what it is. Low mood gets one question back, not
a topic menu; the body's needs (eating, sleeping, feeling sick) a caring, concrete line; the
listening replies vary and never say "I'm a bot" to someone talking; a message pasted from the
ex is read as theirs; a practical message about the kids or an account is answered yes or no.

Asserts read the meaning (key words), whichever variant was picked."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")
TOPIC_TITLES = {t.title for t in CONTENT.faq_topics.values()}


# ------------------------------------------------------------ M17: the fallback varies


async def test_feelings_told_in_a_row_get_different_replies_and_no_bot_disclaimer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M17: "That sounds really hard... I'm a bot, so I can't talk it through like a
    # friend would" came back for very different messages in one conversation.
    user = emu.user(9601)
    await onboard(user)
    texts = []
    for said in ("i miss him so much", "i feel so stupid", "he cheated on me with my best friend",
                 "i feel so lost today"):
        await user.send(said)
        reply = await user.reply()
        assert "i'm a bot" not in reply.plain.lower(), reply.plain
        texts.append(reply.text)
    assert len(set(texts)) == len(texts), texts


# ------------------------------------------------------------ M4: low mood, the body


async def test_low_mood_gets_one_question_back_not_a_topic_menu(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M4: "yaar i am just so tired of everything" got an 8-button topic menu.
    user = emu.user(9602)
    await onboard(user)
    low = ("yaar i am just so tired of everything", "i feel so numb", "so fed up with all of this")
    for said in low:
        await user.send(said)
        reply = await user.reply()
        assert reply.plain.count("?") == 1, reply.plain  # one open question back
        assert reply.button_texts() == [NOT_SAFE], reply.button_texts()  # help, no menu
        assert not TOPIC_TITLES & set(reply.button_texts())


async def test_not_eating_or_feeling_sick_gets_a_caring_concrete_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M4 and M17: "i dont even eat properly" got "Should I send a closure message?"
    # under "I'm a bot, so I can't talk it through"; "i feel sick", "Why does it hurt so much?".
    user = emu.user(9603)
    await onboard(user)
    faq_titles = {e.title for e in CONTENT.faq_entries.values()}
    for said in ("i dont even eat properly", "i feel sick"):
        await user.send(said)
        reply = await user.reply()
        words = reply.plain.lower()
        assert "water" in words, reply.plain  # something concrete for the body
        assert any(w in words for w in ("eat", "toast", "food", "fruit")), reply.plain
        assert "i'm a bot" not in words
        assert NOT_SAFE in reply.button_texts()
        assert not faq_titles & set(reply.button_texts()), reply.button_texts()


async def test_not_sleeping_gets_rest_and_the_nights_answer_one_tap_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9604)
    await onboard(user)
    await user.send("i cant sleep")
    reply = await user.reply()
    assert "rest" in reply.plain.lower() or "water" in reply.plain.lower(), reply.plain
    assert CONTENT.faq_entries["lonely-night"].title in reply.button_texts()
    assert NOT_SAFE in reply.button_texts()


async def test_words_of_harm_with_low_mood_are_still_asked_about_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9605)
    await onboard(user)
    await user.send("i am so tired of living")
    reply = await user.reply()
    assert "safe" in reply.plain.lower(), reply.plain
    assert reply.text not in CONTENT.variants("listen.low_mood")


# ------------------------------------------------------------ M3: a message from the ex


async def test_a_pasted_message_from_the_ex_is_read_as_theirs_not_as_an_urge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M3: it got "The urge to reach out is normal...", as if the person had written it.
    user = emu.user(9606)
    await onboard(user)
    await user.send(
        "he said: hey. i know you probably dont want to hear from me but i miss you ... can we "
        "talk? please"
    )
    reply = await user.reply()
    words = reply.plain.lower()
    assert "i miss you" in words, reply.plain  # their words named back
    assert "him" in words
    assert "don't have to answer" in words, reply.plain
    assert "urge" not in words, reply.plain
    assert CONTENT.faq_entries["should-reply"].title in reply.button_texts()

    await user.send("but what if he changed")
    honest = (await user.reply()).plain.lower()
    assert "30 days" in honest, honest  # real change is still true after them
    assert "action" in honest or "what someone does" in honest, honest

    for said in ("ok i wont reply", "not gonna answer him"):
        await user.send(said)
        choice = (await user.reply()).plain.lower()
        assert "strong" in choice or "strength" in choice, choice
        assert "mute" in choice, choice


async def test_an_urge_of_ones_own_is_still_an_urge(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(9607)
    await onboard(user)
    await user.send("i really want to text him")
    reply = await user.reply()
    assert reply.text not in CONTENT.variants("listen.ex_message"), reply.plain
    assert reply.text not in CONTENT.variants("listen.ex_message_miss"), reply.plain


# ------------------------------------------------------------ M12: practical messages


async def test_replying_about_the_kids_after_kids_talk_is_answered_yes(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Probe 5 M12: after kids talk, "Is it still no contact if I reply about the kids?" got
    # "That's close to what I said just now"; the question wants a yes or no.
    user = emu.user(9608)
    await onboard(user)
    await user.send("we have kids together")
    await user.reply()
    await user.send("Is it still no contact if I reply about the kids?")
    reply = await user.reply()
    assert reply.plain.startswith("Yes"), reply.plain
    assert "kids" in reply.plain.lower(), reply.plain
    assert "practical" in reply.plain.lower(), reply.plain
    assert reply.text not in CONTENT.variants("faq.same_again")
    assert CONTENT.faq_entries["kids"].title in reply.button_texts()


async def test_an_email_about_the_account_is_fine_kept_to_the_facts(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9609)
    await onboard(user)
    await user.send("is it a violation of no contact to send an email about the account?")
    reply = await user.reply()
    words = reply.plain.lower()
    assert words.startswith("an email only about the account"), reply.plain
    assert "fact" in words, reply.plain
    assert CONTENT.faq_entries["what-counts"].title in reply.button_texts()


async def test_a_text_about_the_kids_is_not_taken_for_an_urge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9610)
    await onboard(user)
    await user.send("can i text him about the kids")
    reply = await user.reply()
    assert reply.plain.startswith("Yes"), reply.plain
