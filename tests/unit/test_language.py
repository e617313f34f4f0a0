"""other_language: clear foreign messages get a code; English, however short, never does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.services.language import LANGUAGES, other_language

TEXTS = Path(__file__).resolve().parents[2] / "content" / "texts" / "language.yaml"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("¿Debería responderle a mi ex si me escribe otra vez?", "es"),
        ("mi ex me escribio anoche que hago", "es"),
        ("no puedo dejar de pensar en el", "es"),
        ("Você acha que meu ex vai voltar?", "pt"),
        ("nao consigo parar de pensar nele", "pt"),
        ("Est-ce que je dois répondre à mon ex ?", "fr"),
        ("mon ex m'a ecrit hier soir je fais quoi", "fr"),
        ("Soll ich meinem Ex antworten, wenn er mir schreibt?", "de"),
        ("ich kann nicht aufhören an ihn zu denken", "de"),
        ("non riesco a smettere di pensare a lui", "it"),
        ("я очень скучаю по нему", "ru"),
        ("mujhe uski bahut yaad aati hai", "hi"),
    ],
)
def test_clear_foreign_messages_are_detected(text: str, code: str) -> None:
    assert other_language(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "idk",
        "lol",
        "k",
        "sos",
        "he texted me",
        "i miss him so much",
        "ngl i kinda want him back",
        "pls help",
        "u up? he just sent that lmao",
        "omg 😭😭😭",
        "❤️❤️",
        "😭",
        "",
        "   ",
        "Lukas sent me a message",
        "my ex jean-pierre wants to meet up",
        "his mom gabriela still follows me",
        "we went to cancun for our anniversary",
        "she said adios and blocked me",
        "gracias for listening",
        "he said te amo once and now nothing",
        "i listened to despacito and cried",
        "https://instagram.com/p/abc123 look at this",
        "Should I text him back? It's been 12 days of no contact.",
        "i want to kill myself",
    ],
)
def test_english_is_never_flagged(text: str) -> None:
    assert other_language(text) is None


def test_every_code_has_a_text() -> None:
    texts = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
    assert "en" not in LANGUAGES
    assert sorted(LANGUAGES - set(texts["english_only"])) == []
    assert texts["english_only_other"]
    for text in [*texts["english_only"].values(), texts["english_only_other"]]:
        assert 0 < len(text) < 300
