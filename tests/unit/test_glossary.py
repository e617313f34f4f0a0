"""Questions in other languages read word by word in English (bot/services/glossary.py), and
the matcher only ever offering what that reading finds."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.faq import FaqMatcher
from bot.services.glossary import languages, to_english

CONTENT = load_content()
MATCHER = FaqMatcher(list(CONTENT.faq_entries.values()))
ENGLISH = frozenset({"no", "contact", "ex", "days"})


def test_every_language_told_english_only_in_its_own_words_has_a_glossary() -> None:
    assert {"es", "pt", "fr", "de", "it", "id", "tl"} <= languages()


def test_words_are_read_in_english_and_unknown_ones_dropped() -> None:
    assert to_english("cuándo deja de doler?", "es", ENGLISH) == "when stop hurt"
    # "contacto cero" is No Contact; English words in Taglish are kept
    assert "no contact" in to_english("qué es el contacto cero", "es", ENGLISH)
    assert "no contact" in to_english("gaano katagal ba dapat yung no contact", "tl", ENGLISH)
    assert to_english("xyzzy plugh", "es", ENGLISH) == ""


def test_a_word_of_another_list_is_read_when_the_detector_picks_a_neighbour() -> None:
    # Portuguese taken for Spanish: the Portuguese list still reads "saudade"-like words
    assert to_english("contato", "es", ENGLISH) == "contact"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("cuándo deja de doler? ya van 3 semanas y sigo igual", "es", "pain_easing"),
        ("gaano katagal ba dapat yung no contact?", "tl", "how-long"),
        # words of session 39's tuning set (t52a): "smetterà", "male"; "aliviada"; "batasan"
        ("quando smetterà di fare così male?", "it", "pain_easing"),
        ("me siento aliviada, es normal?", "es", "relief"),
        ("gimana caranya bikin batasan sama mantan?", "id", "boundaries"),
    ],
)
def test_a_question_in_another_language_is_offered_never_answered(
    text: str, language: str, expected: str
) -> None:
    match = MATCHER.match(text, language)
    assert match.kind == "suggest"
    assert expected in match.ids
    assert not match.answered


def test_a_feeling_told_in_another_language_is_not_read_as_a_question() -> None:
    assert MATCHER.match("lo extraño mucho todos los días", "es").kind == "none"


def test_a_request_for_something_else_finds_nothing() -> None:
    assert MATCHER.match("qual é a capital da austrália?", "pt").kind == "none"


def test_dutch_polish_turkish_russian_and_arabic_have_glossaries() -> None:
    # session 40: the languages the detector names that had no list of their own
    assert {"nl", "pl", "tr", "ru", "ar"} <= languages()
    assert "ex" in to_english("мой бывший опять написал", "ru", ENGLISH).split()
    assert "block" in to_english("لازم اعمل بلوك", "ar", ENGLISH).split() or "blocked" in (
        to_english("عملتله بلوك", "ar", ENGLISH).split()
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # tuning set t53a: asked without a question mark or a question word the reading keeps,
        # read surely once in English ("drunk i want do write me please"): offered
        ("jestem pijana i chce do niego napisac, powstrzymajcie mnie prosze", "pl", "drunk-text"),
        ("ik wil duidelijke grenzen stellen maar hij blijft maar aandringen", "nl", "boundaries"),
    ],
)
def test_a_request_read_surely_in_english_is_offered_without_a_question_mark(
    text: str, language: str, expected: str
) -> None:
    match = MATCHER.match(text, language)
    assert match.kind == "suggest"
    assert expected in match.ids
