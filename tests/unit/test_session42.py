"""Session 42's readings, unit by unit: the crisis net's new cues (an attempt told in passing,
which chemist asks no questions, "look after mam for me", a single ticket with no return
needed, plans cancelled "no point", "their lives will be easier", a new account at every
block) and their look-alikes; Hungarian "már" (already) no longer vetoes every Hungarian
message, a laughing face vetoes the other languages' words; "tired" alone, "remind me why i
started this", "finna"; Japanese, Korean, Chinese and Ukrainian told apart."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, harm_kind, mentions_harm
from bot.services.language import other_language
from bot.services.listening import low_mood
from bot.services.reading import reasons_asked
from bot.services.textnorm import normalize


@pytest.mark.parametrize(
    "text",
    [
        "apart from the night in march when i tried to end it, but we don't talk about that",
        "which chemist doesn't ask questions if you buy loads of painkillers at once",
        "love you bro. look after mam for me. you were always the better one",
        "do they still sell single tickets to the coast? won't be needing a return",
        "cancelled my dentist appointment for next month. no point",
        "they'll grieve for a month and then their lives will be easier. that's just maths",
        "every time i block her she makes a new account. it's on number 14 now",
        "Nincs már miért élnem.",
        "már nem akarok élni",
    ],
)
def test_the_new_cues_reach_help(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong", text


def test_a_new_account_at_every_block_is_asked_about_on_the_danger_path() -> None:
    assert harm_kind("every time i block him he makes a new account") == "danger_from_other"


@pytest.mark.parametrize(
    "text",
    [
        "love you bro look after mam for me while im in spain, always",
        "booked a one way ticket to canada, won't be needing a return, new job starts monday",
        "the day i tried to end it with him he cried",
        "mar jaungi agar usne phir se wahi gaana story pe dala 😂",
        "quiero tirarme al mar jajaja que calor",
    ],
)
def test_their_look_alikes_do_not(text: str) -> None:
    assert detect_crisis(text) is None, text
    assert mentions_harm(text) != "strong", text


@pytest.mark.parametrize(
    "text", ["tired", "so drained tbh", "exhausted", "im tired", "ugh so tired rn"]
)
def test_tired_said_alone_is_low_mood(text: str) -> None:
    assert low_mood(text)


@pytest.mark.parametrize("text", ["tired of waiting for him to text tbh", "tired but ok"])
def test_tired_of_something_is_not_the_word_alone(text: str) -> None:
    assert not low_mood(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("can you remind me why i started this", True),
        ("remind me why i went no contact", True),
        ("i forgot why i started this", True),
        ("why i started this job lol", False),
    ],
)
def test_reasons_asked(text: str, asked: bool) -> None:
    assert reasons_asked(text) is asked


def test_finna_reads_going_to() -> None:
    assert normalize("im finna text him") == "i am going to text him"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("元彼に連絡したくてたまらない、どうしよう", "ja"),
        ("전 애인한테 연락하고 싶어요. 어떻게 참아요?", "ko"),
        ("他有新女朋友了，我该怎么办", "zh"),
        ("Чи повернеться він, якщо я мовчатиму?", "uk"),
        ("Он предлагает остаться друзьями. Соглашаться?", "ru"),
        ("i miss him so much tonight", None),
    ],
)
def test_the_languages_told_apart(text: str, code: str | None) -> None:
    assert other_language(text) == code


def test_words_that_mean_it_only_together_are_read_together() -> None:
    from bot.services.glossary import to_english

    assert "how long" in to_english("cuanto tiempo tengo que estar sin hablarle", "es", set())
    assert "no contact" in to_english("que es el contacto cero", "es", set())
    assert "how long" in to_english("wie lange soll ich keinen kontakt haben", "de", set())


@pytest.mark.parametrize(
    "text", ["sorry im still going", "sorry i am still typing lol", "sorry im still at it"]
)
def test_sorry_for_going_on_is_said_to_the_bot(text: str) -> None:
    from bot.services.listening import told

    assert told(text) == "sorry_to_me"


@pytest.mark.parametrize(
    "text",
    ["i slipped yesterday but only liked his story", "i broke nc and liked his pic"],
)
def test_a_slip_told_with_a_like_is_a_slip(text: str) -> None:
    from bot.core.content import load_content
    from bot.services.faq import FaqMatcher
    from bot.services.reading import read_text

    matcher = FaqMatcher(list(load_content().faq_entries.values()))
    assert read_text(text, matcher).match.ids[:1] == ("slip",)


@pytest.mark.parametrize(
    "text",
    [
        "my friend wants to know if she should text her ex",
        "my bestie is asking if she should unblock him",
    ],
)
def test_a_friend_asking_through_them_is_someone_else(text: str) -> None:
    from bot.core.content import load_content
    from bot.services.faq import FaqMatcher
    from bot.services.reading import read_text

    matcher = FaqMatcher(list(load_content().faq_entries.values()))
    assert read_text(text, matcher).smalltalk == "someone_else"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i have cancer and my ex doesnt know", "own_illness"),
        ("i was diagnosed with breast cancer last week should i tell him", "own_illness"),
        ("my best friend says NC is childish, i should be friends with him", "others_doubt"),
        ("his new girlfriend just dmed me asking why i keep viewing", "new_partner_contact"),
        ("my mum thinks no contact is stupid", "others_doubt"),
        ("my ex has cancer", None),
    ],
)
def test_what_else_is_told(text: str, kind: str | None) -> None:
    from bot.services.listening import told

    assert told(text) == kind


def test_a_letter_for_a_numbered_birthday_is_no_farewell_note() -> None:
    # the veto read "\\d+" as a backslash and a d until session 42: the emergency reply
    text = "wrote a letter for my sister for her 21st"
    assert detect_crisis(text) is None, text


def test_a_start_date_taken_back_is_never_the_one_offered() -> None:
    from datetime import date

    from bot.services.journey import date_in

    today = date(2026, 11, 25)
    assert date_in("i started no contact 2 weeks ago btw, not today", today) == date(2026, 11, 11)
    assert date_in("on the 10th not 2 weeks ago", today) == date(2026, 11, 10)
    # ... and the date said after the one taken back (the first fix had lost it)
    assert date_in("it was not today, it was last sunday", today) == date(2026, 11, 22)
    assert date_in("not today", today) is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what do i even do with that", True),
        ("so what do i do about that", True),
        ("what do i do with my life", False),
    ],
)
def test_what_now_with_that(text: str, asked: bool) -> None:
    from bot.services.reading import asks_what_now

    assert asks_what_now(text) is asked
