"""Session 41's readings, unit by unit: the danger talk in Spanish, Portuguese, French and
German (nowhere to go, gone out for hours), the safety talk's new answers (a height asked
about, missing them, taking it back as "being dramatic"), good news and requests read for what
they are, and the crisis rules' new vetoes and cue."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.faq import FaqMatcher
from bot.services.glossary import to_english
from bot.services.language import other_language
from bot.services.listening import guess_what, logistics_asked
from bot.services.reading import how_to_settings, read_text
from bot.services.safety_answers import (
    asks_about_height,
    asks_where_to_go,
    dismisses_self,
    gone_out_for_hours,
    misses_them,
    threat_gone,
)
from bot.services.smalltalk import classify_smalltalk

_MATCHER = FaqMatcher(list(load_content().faq_entries.values()))


@pytest.mark.parametrize(
    ("text", "nowhere"),
    [
        ("no puedo irme, no tengo a donde ir", True),
        ("no tengo adónde ir", True),
        ("não tenho pra onde ir", True),
        ("je n'ai nulle part où aller", True),
        ("ich weiß nicht wohin", True),
        ("no tengo tiempo para ir al gimnasio", False),
    ],
)
def test_nowhere_to_go_in_the_languages_the_talk_reads(text: str, nowhere: bool) -> None:
    assert asks_where_to_go(text) is nowhere


@pytest.mark.parametrize(
    ("text", "out", "gone"),
    [
        ("ya se fue al trabajo", True, True),
        ("ele já saiu pro trabalho", True, True),
        ("il est parti au boulot", True, True),
        ("er ist zur Arbeit gegangen", True, True),
        ("ya se fue", False, True),
        ("ele foi embora", False, True),
        ("se fue con otra y me dejó", False, False),
    ],
)
def test_gone_out_and_gone_in_other_languages(text: str, out: bool, gone: bool) -> None:
    assert gone_out_for_hours(text) is out
    assert threat_gone(text) is gone


@pytest.mark.parametrize(
    "text", ["im ok. forget it. i was being dramatic", "ignore me, im overreacting", "nvm"]
)
def test_taking_it_back_as_too_much(text: str) -> None:
    assert dismisses_self(text)


def test_being_okay_is_not_taking_it_back() -> None:
    assert not dismisses_self("im ok now, i had some tea")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("whats the tallest bridge near me", True),
        ("how high does a building have to be", True),
        ("are there any bridges near me", True),
        ("would the fall kill me", True),
        ("the bridge near me is closed for repairs", False),
        ("how high is your rent", False),
    ],
)
def test_a_height_asked_about(text: str, asked: bool) -> None:
    assert asks_about_height(text) is asked


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("ok english. i miss him so much", True),
        ("tô com muita saudade dele", True),
        ("lo extraño mucho", True),
        ("i miss my old life", False),
        ("i miss him but im safe", False),
    ],
)
def test_missing_them_told_in_the_talk(text: str, missing: bool) -> None:
    assert misses_them(text) is missing


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("day 14 today and i didnt even think about him this morning!!", "good_news"),
        ("got a promotion at work too 🎉", "good_news"),
        ("i blocked him today!! finally", "good_news"),
        ("ok bye, going out with friends", "bye"),
        ("day 30 today... now what", None),  # what comes after, asked: the FAQ's
    ],
)
def test_news_and_goodbyes_read_for_what_they_are(text: str, kind: str | None) -> None:
    assert classify_smalltalk(text) == kind


def test_guess_what_is_news_coming() -> None:
    assert guess_what("omg guess what")
    assert not guess_what("guess what he said to me last night")


def test_a_pet_to_collect_is_logistics() -> None:
    said = logistics_asked("can i text her about picking up the dog on saturday")
    assert said is not None
    assert said.kind == "admin"
    assert said.subject == "picking up the dog"


def test_no_daily_messages_at_all_is_a_request_not_harm() -> None:
    reading = read_text("i dont want the daily msgs at all tbh", _MATCHER)
    assert reading.stop_messages
    assert reading.harm is None
    # ... and words of harm with it still count
    assert read_text("i dont want the daily messages, i wont be here", _MATCHER).harm == "strong"


@pytest.mark.parametrize(
    "text",
    [
        "can i change the time i get the daily message",
        "how do i pause the messages for a few days",
    ],
)
def test_settings_asked_in_everyday_words(text: str) -> None:
    assert how_to_settings(text)


@pytest.mark.parametrize(
    "text",
    [
        "hes threatening to keep the dog. we got her together!! can he even do that legally",
        "mummy mujhe maar dalegi agar result dekh liya toh 😭",
        "how do i write a goodbye message to my team when i quit",
    ],
)
def test_look_alikes_get_no_crisis_signal(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "he threatened to take the dog and hurt me",
        "wo mujhe maar dalega",
        "i wrote a goodbye letter",
    ],
)
def test_the_real_ones_still_do(text: str) -> None:
    assert detect_crisis(text) is not None


def test_if_anything_happens_then_it_will_is_asked_about() -> None:
    assert mentions_harm("asked my neighbor to take my cat 'if anything happens'. it will")
    assert mentions_harm("the vet said if anything happens it will show in the blood test") is None


@pytest.mark.parametrize(
    ("text", "code", "word"),
    [
        ("jag saknar honom så mycket, vad ska jag göra", "sv", "miss"),
        ("mi-e atât de dor de el, ce să fac", "ro", "miss"),
    ],
)
def test_swedish_and_romanian_are_read(text: str, code: str, word: str) -> None:
    assert other_language(text) == code
    assert word in to_english(text, code, {"miss"}).split()


def test_a_request_for_something_else_in_another_language_is_offered_no_topics() -> None:
    match = _MATCHER.match("mi scrivi un messaggio romantico da mandare al mio ex?", "it")
    assert match.kind != "suggest" or not match.ids


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("lol fuck you", "not_understood"),
        ("thank u for being here honestly", "thanks"),
        ("how do i delete everything", "privacy"),
        ("nothing", "ok"),
        ("nothing feels right anymore", None),
    ],
)
def test_more_small_talk_read(text: str, kind: str | None) -> None:
    assert classify_smalltalk(text) == kind


def test_a_message_written_and_held_is_an_urge() -> None:
    from bot.services.urge_detect import detect_urge

    assert detect_urge("i typed a whole paragraph. havent sent it")
    assert detect_urge("i wrote him a long text, didnt send it")
    assert not detect_urge("i wrote a letter to my landlord, havent sent it")
    assert not detect_urge("i typed a message and sent it")


def test_a_draft_let_go() -> None:
    from bot.services.urges import draft_gone

    assert draft_gone("i deleted the draft")
    assert draft_gone("ok i deleted it")
    assert not draft_gone("i deleted the draft to my boss")
    assert not draft_gone("should i delete it?")  # asked, not done
    assert not draft_gone("should i be deleting it")


def test_a_tag_question_is_asked() -> None:
    from bot.services.faq import is_question

    for text in ("its not breaking nc right", "that counts as contact innit"):
        assert is_question(text, text)
    for text in ("its ok", "im doing alright", "that is not right"):
        assert not is_question(text, text)


def test_arithmetic_is_out_of_scope() -> None:
    assert read_text("what's 2+2", _MATCHER).off_topic


def test_the_count_asked_about_after_getting_them_help() -> None:
    from bot.services.safety_answers import asks_about_count

    assert asks_about_count("do i still count this as breaking nc? i replied saying i called")
    assert asks_about_count("does this mean i reset to day 0?")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mate i've made my mind up, i'm going to top myself tonight", "self_harm"),
        ("gonna neck myself", "self_harm"),
        ("i might just do myself in", "self_harm"),
        ("he makes a new account every time i block one. 23 so far", "danger_from_other"),
        ("my ex keeps ringing. 40 missed calls from different numbers", "danger_from_other"),
        ("my ex told a friend he's giving away his stuff, won't need his car", "other_at_risk"),
    ],
)
def test_more_ways_of_saying_it(text: str, kind: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "i did myself in at the gym",
        "i'll do myself a favour and go to bed",
        "bro says he'll murder me in fifa tonight, we'll see",
        "bruh my playlist is so sad it's lowkey violent",
        "that vindaloo was so hot i genuinely thought i was going to die",
        "he gave away his old games to his nephew",
    ],
)
def test_and_their_look_alikes(text: str) -> None:
    assert detect_crisis(text) is None


def test_a_crash_welcomed_and_nothing_seen_past_a_date_are_asked_about() -> None:
    assert mentions_harm("if the plane went down on the way i wouldn't even be mad") == "strong"
    assert mentions_harm("my lease ends in june and i can't see anything after that") == "strong"
    assert mentions_harm("my nan says i'll catch my death going out without a coat") != "strong"


def test_the_ex_s_death_told_is_not_a_danger_now() -> None:
    from bot.services.reading import ex_has_died

    assert ex_has_died("my ex died on saturday. overdose. we were 20 days into no contact")
    assert not ex_has_died("my ex said he will overdose if i dont answer")


def test_what_others_say_of_the_ex_is_not_asked_about() -> None:
    said = "everyone keeps saying 'shes not worth it mate' bc they assume im straight"
    assert mentions_harm(said) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("can u speak tagalog", "tl"), ("could you understand bahasa", "id")],
)
def test_a_language_asked_about(text: str, code: str) -> None:
    from bot.services.language import asked_language

    assert asked_language(text) == code


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what do u even remember about me", "privacy"),
        ("do you remember my name", "privacy"),
        ("halo", "greeting"),
        ("great advice thanks robot 🙄", None),
        ("wow. day 0. amazing. so proud of me 🙄", None),
    ],
)
def test_what_is_asked_of_the_bot_and_rolled_eyes(text: str, kind: str | None) -> None:
    assert classify_smalltalk(text) == kind


def test_a_hinglish_urge() -> None:
    from bot.services.urge_detect import detect_urge

    assert detect_urge("msg karu bas ek baar")
    assert not detect_urge("maine call kiya tha")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("no hablo bien ingles, sorry", "es"),
        ("por favor en español", "es"),
        ("não falo inglês", "pt"),
        ("je ne parle pas bien anglais", "fr"),
        ("ich spreche kein englisch", "de"),
        ("non parlo inglese", "it"),
        ("i speak english fine", None),
    ],
)
def test_little_english_said(text: str, code: str | None) -> None:
    from bot.services.language import little_english

    assert little_english(text) == code
