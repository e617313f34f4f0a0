"""Safety first: crisis messages are always caught, ordinary sadness rarely is."""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.crisis import (
    SafetyContentError,
    detect_crisis,
    fill,
    lines_for,
    mentions_harm,
    validate_safety_content,
)

ROOT = Path(__file__).resolve().parents[2]
LABELLED = yaml.safe_load((ROOT / "tests" / "data" / "crisis_labelled.yaml").read_text("utf-8"))
CRISIS: list[dict[str, Any]] = LABELLED["crisis"]
ORDINARY: list[dict[str, Any]] = LABELLED["ordinary"]
# Held-out phrasings that were wrong the first time they were run (see the yaml header).
KNOWN_MISSES = [item["text"] for item in CRISIS if item.get("known_miss")]
KNOWN_ALARMS = [item["text"] for item in ORDINARY if item.get("known_alarm")]
SAFETY = yaml.safe_load((ROOT / "content" / "safety.yaml").read_text("utf-8"))

COMMON_COUNTRIES = (
    "US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "ES",
    "IT", "NL", "BE", "PT", "BR", "MX", "AR", "IN", "JP", "KR", "PH",
    "ZA", "NG", "RU", "UA", "PL", "SE", "NO", "DK", "FI", "TR", "IL",
)


# -- detection ------------------------------------------------------------------------------


def test_labelled_set_is_big_enough() -> None:
    assert len(CRISIS) >= 80
    assert len(ORDINARY) >= 80
    kinds = {item["kind"] for item in CRISIS}
    assert kinds == {"self_harm", "danger_from_other"}


def test_every_crisis_message_is_caught_with_its_kind() -> None:
    missed = []
    for item in CRISIS:
        if item.get("known_miss"):
            continue
        signal = detect_crisis(item["text"])
        if signal is None or signal.kind != item["kind"]:
            missed.append((item["text"], signal))
    assert missed == []


def test_ordinary_messages_rarely_raise_an_alarm() -> None:
    alarms = [item["text"] for item in ORDINARY if detect_crisis(item["text"]) is not None]
    assert len(alarms) / len(ORDINARY) <= 0.05, alarms


_HELD_OUT = "held-out phrasing, wrong when first run, kept as a record; drop its marker if fixed"


@pytest.mark.xfail(strict=True, reason=_HELD_OUT)
@pytest.mark.parametrize("text", KNOWN_MISSES)
def test_known_held_out_misses(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.kind == "self_harm"


@pytest.mark.xfail(strict=True, reason=_HELD_OUT)
@pytest.mark.parametrize("text", KNOWN_ALARMS)
def test_known_held_out_alarms(text: str) -> None:
    assert detect_crisis(text) is None


def test_dying_inside_is_caught() -> None:
    signal = detect_crisis("I feel like dying inside without him")
    assert signal is not None
    assert signal.kind == "self_harm"


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to text her",
        "this is killing me lol",
        "dying to know what he's doing",
        "my phone is dying",
        "I could kill for a pizza",
        "that joke killed me",
        "I'm dead tired",
        "kill time",
        "this song slaps",
        "I'd die for my dog",
        "I hate myself for texting him",
        "I miss him so much it hurts",
    ],
)
def test_figures_of_speech_and_sadness_are_not_crises(text: str) -> None:
    assert detect_crisis(text) is None


def test_negation_still_gets_a_gentle_check_in() -> None:
    signal = detect_crisis("I'm not going to hurt myself, don't worry")
    assert signal is not None
    assert signal.kind == "self_harm"


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("i've been thinking about ending things", True),
        ("ending things tonight. sorry for everything", True),
        ("i want to end everything", True),
        ("i want to end things with him for good", False),
        ("I'm thinking about ending things with her, it's not working", False),
        ("i think we should end things", False),
        ("he wants to end things", False),
        ("i ended things over text", False),
        ("i want to disappear forever", True),
        ("i wish she'd just disappear forever", False),
        ("I want him to vanish forever from my head", False),
        ("everyone would be better off if i wasn't here", True),
        ("it would be better if i wasn't around him anymore", False),
    ],
)
def test_ending_things_and_disappearing_depend_on_who_and_what(text: str, crisis: bool) -> None:
    signal = detect_crisis(text)
    assert (signal is not None) == crisis, signal
    if crisis:
        assert signal is not None
        assert signal.kind == "self_harm"


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        # "end it" counts in a decisive frame, not with someone or "there"
        ("tonight feels like the night i finally end it", True),
        ("since he left i want to end it", True),
        ("i'm going to end it with him on a good note", False),
        ("he wants to end it", False),
        ("we agreed to end it there", False),
        ("should i just end it or give him another chance", False),
        # purpose of living, not of texting him
        ("honestly what's the point of me even being alive", True),
        ("why am i still alive", True),
        ("what is the point of me going to the party if he's there", False),
        ("my dog gives me a reason to get up in the morning", False),
        # researching means, not dosing
        ("i looked up how many sleeping pills would be enough", True),
        ("how much insulin would kill me", True),
        ("how many ibuprofen can i take for a headache", False),
        ("how many melatonin does it take to fall asleep", False),
        # not being around in future, not travelling
        ("i don't think i'll be here next week", True),
        ("this is my last message, thank you for everything", True),
        ("i won't be here next week, i'm going on holiday", False),
        ("my mum won't be here for christmas", False),
        ("this is my last message to him, i swear", False),
        # self-harm beyond cutting, not accidents or shaving
        ("been scratching my arms with a razor again", True),
        ("took a blade to my arm last night", True),
        ("burned my hand on the oven making dinner for one", False),
        ("hurt my arm again at the gym", False),
        ("i used a razor on my legs", False),
        # figures of speech
        ("i want to disappear into a good book tonight", False),
        ("i'm not going to text him, i'd rather die of boredom lol", False),
        ("i'd rather die than text him first", False),
        ("i'd rather die than live without her", True),
        ("i want to disappear into thin air", True),
    ],
)
def test_new_families_and_their_everyday_uses(text: str, crisis: bool) -> None:
    signal = detect_crisis(text)
    assert (signal is not None) == crisis, signal
    if crisis:
        assert signal is not None
        assert signal.kind == "self_harm"


def test_someone_else_injuring_me_is_danger() -> None:
    signal = detect_crisis("he burned my arm with a cigarette")
    assert signal is not None
    assert signal.kind == "danger_from_other"


def test_both_kinds_prefer_self_harm() -> None:
    signal = detect_crisis("he said he'd kill me and honestly i want to die")
    assert signal is not None
    assert signal.kind == "self_harm"


def test_cue_is_part_of_the_normalised_message() -> None:
    signal = detect_crisis("He's OUTSIDE my door!!!")
    assert signal is not None
    assert signal.kind == "danger_from_other"
    assert signal.cue in "he is outside my door"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_never_raises(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is None or signal.kind in ("self_harm", "danger_from_other")


def _best_of(text: str, runs: int = 10) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        detect_crisis(text)
        best = min(best, time.perf_counter() - start)
    return best


def _to_4096(unit: str) -> str:
    return (unit * (4096 // len(unit) + 1))[:4096]


_TRIGGER_WORDS = (  # noqa: SIM905
    "i me my he she they ex him her kill killing die dying dead hurt myself pills safe not "
    "end life want to can going would will outside door leave afraid scared threat you the "
    "it point of why am even still how many much take be here around last arms scratch burn "
    "with razor again until bled disappear into rather than text"
).split()


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=300).map(_to_4096))
def test_fast_on_4096_arbitrary_chars(text: str) -> None:
    assert _best_of(text) < 0.001


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_TRIGGER_WORDS), min_size=5, max_size=60).map(" ".join))
def test_fast_on_4096_chars_of_trigger_words(words: str) -> None:
    assert _best_of(_to_4096(words + " ")) < 0.001


@pytest.mark.parametrize(
    "unit",
    [
        "I'm dying to text him, this is killing me and I can't stop crying. ",
        "he said he misses me but i am scared he will forget me and move on. ",
        "kill die dying dead hurt myself pills safe end life can not he she me ",
        # every match is vetoed by the words before it or refused by the words after it
        "we end things, he wants to end everything, ending things with him, i want him to "
        "disappear forever, he is not around any more. ",
        "what's the point of me going to the party, why am i still awake, how many ibuprofen "
        "can i take for a headache, i won't be here next week, i'm going on holiday. ",
        "i'm going to end it with him on a good note, i want to disappear into a good book, "
        "i'd rather die of boredom than text him, burned my arm on the oven again. ",
    ],
)
def test_fast_on_long_realistic_messages(unit: str) -> None:
    text = (unit * (4096 // len(unit) + 1))[:4096]
    assert _best_of(text) < 0.001


# -- content/safety.yaml --------------------------------------------------------------------


def test_safety_content_is_valid() -> None:
    content = validate_safety_content(SAFETY)
    assert len(content.countries) >= 25
    assert set(COMMON_COUNTRIES) <= set(content.countries)
    assert 1 <= len(content.grounding) <= 3
    assert "findahelpline.com" in " ".join(content.fallback.crisis)
    for text in content.crisis_reply:
        assert "Are you safe right now?" in text


def test_known_country_gets_its_lines_and_the_directory() -> None:
    content = validate_safety_content(SAFETY)
    lines, known = lines_for(content, "us")
    assert known
    assert lines.emergency == "911"
    assert any("988" in line for line in lines.crisis)
    assert "findahelpline.com" in lines.crisis[-1]


def test_unknown_country_falls_back_to_the_directory() -> None:
    content = validate_safety_content(SAFETY)
    for code in ("ZZ", "", None):
        lines, known = lines_for(content, code)
        assert not known
        assert lines.emergency == "your local emergency number"
    intro = fill(content.lines_intro, lines)
    assert "{" not in intro


def test_danger_reply_says_no_contact_is_not_a_safety_plan() -> None:
    content = validate_safety_content(SAFETY)
    lines, _ = lines_for(content, "GB")
    for text in content.danger_reply:
        filled = fill(text, lines)
        assert "999" in filled
        assert "safety plan" in filled or "protection" in filled


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["countries"].update(us=d["countries"]["US"]), "alpha-2"),
        (lambda d: d["countries"]["GB"].pop("emergency"), "countries.GB.emergency"),
        (lambda d: d["buttons"].update(safe_yes="x" * 40), "buttons.safe_yes"),
        (lambda d: d.update(lines_intro="Lines:"), "country_name"),
        (lambda d: d["crisis_reply"].append("Call {number} now"), "placeholder"),
        (lambda d: d["grounding"].append("<script>x</script>"), "Unsupported start tag"),
    ],
)
def test_broken_safety_names_the_bad_field(mutate: Any, needle: str) -> None:
    data = copy.deepcopy(SAFETY)
    mutate(data)
    with pytest.raises(SafetyContentError) as info:
        validate_safety_content(data)
    assert needle in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["my wrists are a mess again", "i won't be around much longer", "there's blood on my sleeve",
     "I just want to fade away", "he hit me again"],
)
def test_words_of_harm_are_noticed(text: str) -> None:
    assert mentions_harm(text) is not None


@pytest.mark.parametrize(
    ("text", "level"),
    [("my wrists are a mess again", "strong"), ("i took all my pills", "strong"),
     ("I'm dead tired", "weak"), ("this is killing me lol", "weak"),
     ("my phone is dying", "weak")],
)
def test_figurative_prone_words_are_only_weak(text: str, level: str) -> None:
    assert mentions_harm(text) == level


@pytest.mark.parametrize(
    "text",
    ["how long should no contact last", "he texted me happy birthday", "can i keep his hoodie",
     "", "i miss her so much"],
)
def test_ordinary_questions_hold_no_words_of_harm(text: str) -> None:
    assert mentions_harm(text) is None
