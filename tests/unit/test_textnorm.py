"""The one normaliser: accents folded with anyascii, slang and contractions from one table."""

from __future__ import annotations

import pytest

from bot.services.textnorm import fold, normalize, tokenize, unaccent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("São Paulo", "sao paulo"),
        ("Él está aquí", "el esta aqui"),
        ("Straße", "strasse"),  # letters without a decomposition: the old fold broke words here
        ("København", "kobenhavn"),
        ("Łódź", "lodz"),
        ("ﬁne", "fine"),  # ligature
        ("ＨＥＬＬＯ", "hello"),  # full width
        ("𝐡𝐞𝐥𝐥𝐨", "hello"),  # styled letters
        ("e\u0301te\u0301", "ete"),  # decomposed accents
    ],
)
def test_normalize_folds_accents(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("i wanna txt ur bf rn", "i want to text your boyfriend right now"),
        ("idk tbh", "i do not know to be honest"),
        ("I don’t know", "i do not know"),
        ("im tryna not ft him tn", "i am trying to not facetime him tonight"),
        ("sooooo tired", "so tired"),
        ("my mom's car", "my mom car"),
        ("k1ll", "kill"),
    ],
)
def test_normalize_expands_slang_and_contractions(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_other_scripts_and_emoji_are_word_breaks() -> None:
    # anyascii would spell these out (":knife:", "moskva"); words the matchers never saw.
    assert normalize("hi 👋 привет 🔪") == "hi"
    assert tokenize("ok😭thanks") == ["ok", "thanks"]


def test_unaccent_keeps_other_scripts() -> None:
    assert unaccent("São Paulo") == "Sao Paulo"
    assert unaccent("Москва, Йошкар-Ола") == "Москва, Иошкар-Ола"
    assert unaccent("東京 😀") == "東京 😀"


def test_fold_keeps_punctuation_and_makes_apostrophes_plain() -> None:
    assert fold("Mañana’s 9.30 PM!") == "manana's 9.30 pm!"
