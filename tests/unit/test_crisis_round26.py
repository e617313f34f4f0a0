"""Rules written in the fourteenth session from round 25's misses and tuning sets 26a and 26b,
in new words, and their harmless look-alikes. Kept out of tests/data/crisis_labelled.yaml on
purpose: the word model learns from that file, and these are here to test the rules alone."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, mentions_harm


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("i really dont want to live anymore", "self_harm", "explicit"),
        ("i want to sleep forever. this is my last message", "self_harm", "explicit"),
        ("worked out how. tomorrow after everyone leaves for work", "self_harm", "explicit"),
        ("sitting on the railway bridge, the train is due in ten", "self_harm", "explicit"),
        ("got new blades, and not for shaving", "self_harm", "explicit"),
        ("the urge to burn my arm again is so strong tonight", "self_harm", "explicit"),
        ("lying here with my eyes closed praying they stay shut", "self_harm", "passive"),
        ("my sister would have an easier life without looking after me", "self_harm",
         "passive"),
        ("nothing i do makes it stop hurting. nothing makes it stop", "self_harm", "passive"),
        ("boxed my books up, my cousin might as well have them now rather than later",
         "self_harm", "passive"),
        ("going to keep drinking till i stop breathing", "self_harm", "passive"),
        ("he texted me that i'm dead if i tell the police", "danger_from_other", "explicit"),
        ("bruises all over my arm, told my boss i fell down the stairs", "danger_from_other",
         "explicit"),
        ("my ex and his mates jumped me after the party", "danger_from_other", "explicit"),
        ("she shared a goodbye post an hour ago and her phone is switched off",
         "other_at_risk", "explicit"),
    ],
)
def test_round_26s_tuning_in_new_words_is_caught(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == (kind, level), signal


@pytest.mark.parametrize(
    "text",
    [
        "wrote goodbye letters to my class, i'm moving schools after easter",
        "said goodbye to everyone at my last shift at the bakery",
        "gonna sleep forever this weekend, finals are done",
        "at the end of my rope with this printer honestly",
        "my gran finally made a will, now my aunties are arguing about her china",
        "worked out how to fix the boiler, saturday the plumber can come",
        "my mum said i'm dead if i come home late again lol",
        "my little brother jumped me with a water gun in the garden",
        "took my last exam today, free forever (until january)",
        "i got a new razor, not for shaving my legs but my face",
    ],
)
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(
    "text",
    ["j'ai choisi la date, ce sera samedi", "je n'en aurai plus besoin, garde-la",
     "sou só um peso pra minha família", "tenho a arma do meu pai aqui comigo"],
)
def test_other_languages_get_the_gentle_check(text: str) -> None:
    assert mentions_harm(text) == "strong", text
