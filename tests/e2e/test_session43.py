"""The forty-third session, through the emulator: a safety talk begun in Spanish keeps one line
in Spanish in its later replies (a session-42 play-test: the second reply all in English);
questions in Japanese, Chinese, Korean and Ukrainian are read by the glossary and their
answers offered; a van's height at the car park and a boss's deadline "threat" are no
emergency; sorting things "so nobody has to" and a note left "for after" are asked about."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner

_NOT_SAFE = "🚨 I'm not safe right now"


def _opens_with_one_of(plain: str, key: str) -> bool:
    return any(plain.startswith(v[:30]) for v in CONTENT.variants(key))


async def test_a_talk_begun_in_spanish_keeps_a_spanish_line_in_its_next_replies(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, second, third = await _talk(
        emu.user(43001),
        "ya no aguanto mas, me quiero matar",
        "no estoy bien",
        "no sé",
        zone="Europe/Madrid",
    )
    assert _opens_with_one_of(first.plain, "language.safe_check.es"), first.plain
    assert "112" in first.plain, first.plain
    for reply in (second, third):
        assert _opens_with_one_of(reply.plain, "language.in_talk.es"), reply.plain
        # ... and the English reply of the talk follows it, never the FAQ's refusals
        assert "I don't know that one" not in reply.plain, reply.plain
    # never the same words twice in a row
    assert second.plain.split("\n\n")[0] != third.plain.split("\n\n")[0]


async def test_a_talk_begun_in_spanish_answered_in_english_stays_english(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, second = await _talk(
        emu.user(43002),
        "ya no aguanto mas, me quiero matar",
        "i am not safe",
        zone="Europe/Madrid",
    )
    assert not _opens_with_one_of(second.plain, "language.in_talk.es"), second.plain
    assert "112" in second.plain, second.plain


async def test_questions_in_japanese_chinese_korean_and_ukrainian_are_offered_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    cases = (
        (43010, "いつになったらこの痛みは消えるの？", "ja", "When will it stop hurting?"),
        (43011, "他已经有新女朋友了，我该怎么面对？", "zh", "They're with someone new"),
        (43012, "전 남자친구한테 갑자기 연락 왔어요. 어떻게 해요?", "ko", "They texted"),
        (43013, "як поставити межі колишньому, щоб він перестав писати?", "uk", "boundaries"),
    )
    for user_id, text, code, title in cases:
        (reply,) = await _talk(emu.user(user_id), text)
        assert CONTENT.text(f"language.maybe_this.{code}") in reply.plain, (text, reply.plain)
        assert any(title in label for label in reply.button_texts()), (text, reply.button_texts())
        assert _NOT_SAFE in reply.button_texts(), reply.button_texts()


async def test_a_van_at_the_car_park_and_a_boss_deadline_are_no_emergency(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    van, boss = await _talk(
        emu.user(43020),
        "checked how high the car park is before driving in, my van barely fit",
        "my boss said if i miss one more deadline she'll kill me lol",
    )
    for reply in (van, boss):
        assert "999" not in reply.plain, reply.plain
        assert not said(reply, "sos.passive_check"), reply.plain
        assert not said(reply, "sos.harm_check"), reply.plain


async def test_affairs_sorted_so_nobody_has_to_are_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    sorting, note = await _talk(
        emu.user(43021),
        "sorting things so nobody has to. bills paid, rent paid, fridge emptied",
        "left a note with where all the documents are. for after",
    )
    for reply in (sorting, note):
        assert "safe" in reply.plain.lower(), reply.plain
        # the gentle check's own buttons (the lines one tap away), or the net's
        buttons = reply.button_texts()
        assert "📞 Crisis lines" in buttons or _NOT_SAFE in buttons, (reply.plain, buttons)


async def test_a_full_stop_alone_is_met_without_guessing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    stop, dots = await _talk(emu.user(43030), ".", "...")
    for reply in (stop, dots):
        assert said(reply, "listen.dots"), reply.plain
        assert "a lot going on" not in reply.plain, reply.plain
        assert _NOT_SAFE in reply.button_texts(), reply.button_texts()
    assert stop.plain != dots.plain


# -- from the session's play-test (a helper, about thirty users) ---------------------------


async def test_texting_the_sister_named_in_a_talk_is_encouraged_not_steered_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "ok im going to text her now" after "my sister" got "I'd leave them out of tonight"
    *_, named, texting = await _talk(
        emu.user(43040),
        "i dont want to be here anymore",
        "I'm not safe",
        "my sister",
        "ok im going to text her now",
    )
    assert "sister" in named.plain, named.plain
    assert said(texting, "sos.reaching_them"), texting.plain
    assert not said(texting, "sos.ex_not_now"), texting.plain
    # ... "him" after "my sister" is not the sister: not tonight
    *_, him = await _talk(
        emu.user(43047),
        "i dont want to be here anymore",
        "I'm not safe",
        "my sister",
        "should i text him",
    )
    assert not said(him, "sos.reaching_them"), him.plain
    # ... and the ex named is still not tonight
    *_, ex = await _talk(
        emu.user(43041), "i dont want to be here anymore", "I'm not safe", "should i text my ex"
    )
    assert not said(ex, "sos.reaching_them"), ex.plain


async def test_a_person_named_in_spanish_is_heard_and_the_spanish_line_comes_twice_at_most(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, first, second, named, thanks = await _talk(
        emu.user(43042),
        "ya no puedo mas, quiero desaparecer",
        "no estoy bien",
        "no sé",
        "mi hermana",
        "thank you",
        zone="Europe/Madrid",
    )
    for reply in (first, second):
        assert _opens_with_one_of(reply.plain, "language.in_talk.es"), reply.plain
    assert not _opens_with_one_of(named.plain, "language.in_talk.es"), named.plain
    assert "sister" in named.plain, named.plain  # "mi hermana" heard as the one to reach
    assert not _opens_with_one_of(thanks.plain, "language.in_talk.es"), thanks.plain


async def test_dark_words_said_with_a_laugh_are_met_lightly_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    replies = await _talk(
        emu.user(43043),
        "this song is killing me lol",
        "im dead 😂",
        "my boss will murder me if im late again lol",
    )
    for reply in replies:
        assert said(reply, "listen.laughing"), reply.plain
        assert _NOT_SAFE in reply.button_texts(), reply.button_texts()
    assert len({r.plain for r in replies}) == len(replies)


async def test_a_mattress_tied_with_rope_and_tea_on_the_balcony_are_no_alarm(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    rope, balcony = await _talk(
        emu.user(43044),
        "bought rope to tie the mattress to the car roof",
        "sitting on my balcony with a tea, city is quiet",
    )
    for reply in (rope, balcony):
        assert "999" not in reply.plain, reply.plain
        assert "safe" not in reply.plain.lower(), reply.plain


async def test_here_now_after_the_taxi_to_a_sister_is_arriving(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "im here now" after "ok im in a taxi to my sisters" got "You're back. I'm glad."
    *_, going, here = await _talk(
        emu.user(43045),
        "he has a knife and hes on his way over",
        "ok im in a taxi to my sisters",
        "im here now",
    )
    assert said(going, "sos.danger_going_there"), going.plain
    assert said(here, "sos.danger_arrived"), here.plain
    # ... and "im here now" with no way there told is not read as arriving
    _, back = await _talk(emu.user(43046), "he has a knife and hes on his way over", "im here now")
    assert not said(back, "sos.danger_arrived"), back.plain
