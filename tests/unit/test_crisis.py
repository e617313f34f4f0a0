"""Safety first: crisis messages are always caught, ordinary sadness rarely is.

The rules are data (bot/services/data/crisis.yaml), the reasoning is in docs/crisis.md. The
held-out round is measured separately (tests/unit/test_crisis_heldout.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.crisis import (
    DATA_FILE,
    CrisisDataError,
    _Text,
    detect_crisis,
    harm_kind,
    load_tables,
    mentions_harm,
)

ROOT = Path(__file__).resolve().parents[2]
LABELLED = yaml.safe_load((ROOT / "tests" / "data" / "crisis_labelled.yaml").read_text("utf-8"))
CRISIS: list[dict[str, Any]] = LABELLED["crisis"]
ORDINARY: list[dict[str, Any]] = LABELLED["ordinary"]


# -- detection ------------------------------------------------------------------------------


def test_labelled_set_is_big_enough() -> None:
    assert len(CRISIS) >= 80
    assert len(ORDINARY) >= 80
    kinds = {item["kind"] for item in CRISIS}
    assert kinds == {"self_harm", "danger_from_other", "other_at_risk"}
    levels = [item["level"] for item in CRISIS if "level" in item]
    assert levels.count("explicit") >= 60
    assert levels.count("passive") >= 60


def test_every_crisis_message_is_caught_with_its_kind_and_level() -> None:
    missed = []
    for item in CRISIS:
        if item.get("known_miss"):
            continue
        signal = detect_crisis(item["text"])
        if (
            signal is None
            or signal.kind != item["kind"]
            or ("level" in item and signal.level != item["level"])
        ):
            missed.append((item["text"], signal))
    assert missed == []


def test_ordinary_messages_rarely_raise_an_alarm() -> None:
    alarms = [item["text"] for item in ORDINARY if detect_crisis(item["text"]) is not None]
    assert len(alarms) / len(ORDINARY) <= 0.05, alarms
    # Today none does: keep it that way unless there is a reason.
    assert alarms == []


def test_ordinary_messages_rarely_get_a_strong_net_hit() -> None:
    strong = [item["text"] for item in ORDINARY if mentions_harm(item["text"]) == "strong"]
    assert len(strong) / len(ORDINARY) <= 0.05, strong


def test_dying_inside_is_caught() -> None:
    signal = detect_crisis("I feel like dying inside without him")
    assert signal is not None
    assert signal.kind == "self_harm"
    assert signal.level == "passive"


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
        "dying to text her",
        "i need a knife to cut the cake",
        "i took an ibuprofen for my headache",
        "my goodbye party at work is on friday",
        "there's no future with him",
        "i want this feeling to end",
    ],
)
def test_figures_of_speech_and_sadness_are_not_crises(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        # explicit: intent, a plan or a time, means, an attempt, self-harm now, danger
        ("i want to kill myself", "self_harm", "explicit"),
        ("im going to end it tonight", "self_harm", "explicit"),
        ("i've got pills saved up", "self_harm", "explicit"),
        ("i took more of my meds than i'm supposed to", "self_harm", "explicit"),
        ("i'm holding a knife and thinking about it", "self_harm", "explicit"),
        ("i'm on the bridge right now", "self_harm", "explicit"),
        ("i took a bunch of pills", "self_harm", "explicit"),
        ("i'm cutting right now", "self_harm", "explicit"),
        ("he's outside my door", "danger_from_other", "explicit"),
        ("he's been following me around town", "danger_from_other", "explicit"),
        # passive: hopelessness, burden, no reason, trapped, no future, goodbyes, giving
        # away, affairs, past self-harm, drink with despair
        ("i hope i don't wake up", "self_harm", "passive"),
        ("i'm nothing but a burden", "self_harm", "passive"),
        ("there's no reason to live anymore", "self_harm", "passive"),
        ("i feel trapped and there's no way out", "self_harm", "passive"),
        ("i won't be around for much longer", "self_harm", "passive"),
        ("i just wanted to say goodbye to you", "self_harm", "passive"),
        ("i've been giving away my stuff", "self_harm", "passive"),
        ("i've been putting my affairs in order", "self_harm", "passive"),
        ("i used to hurt myself in school", "self_harm", "passive"),
        ("drinking every night just to feel nothing", "self_harm", "passive"),
        # ... made explicit by a time or means
        ("drinking every night to feel nothing and i have my pills here", "self_harm", "explicit"),
        ("i texted everyone goodbye tonight", "self_harm", "explicit"),
    ],
)
def test_levels(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.kind, signal.level) == (kind, level)


@pytest.mark.parametrize(
    "text",
    [
        "he says he'll kill himself if i dont answer",
        "she threatened to kill herself when i said no",
        "my ex keeps threatening suicide",
        "he said he's going to end his life if i don't come back",
        "my ex overdosed after i blocked him",
        "she said she'd do something stupid if i leave",
    ],
)
def test_the_ex_at_risk_is_neither_my_crisis_nor_danger_to_me(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.kind == "other_at_risk"


def test_my_own_crisis_still_wins_over_the_ex_at_risk() -> None:
    signal = detect_crisis("he said he'd kill himself and honestly i want to die too")
    assert signal is not None
    assert signal.kind == "self_harm"
    signal = detect_crisis("he threatened suicide and then said he would kill me")
    assert signal is not None
    assert signal.kind == "danger_from_other"


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
    assert signal is None or (
        signal.kind in ("self_harm", "danger_from_other", "other_at_risk")
        and signal.level in ("explicit", "passive")
    )


# Speed on 4096-character messages (worst cases of trigger words, and long realistic ones) is
# measured by bench/crisis.py, which prints the figures; timing is not asserted in tests.


# -- mentions_harm (the net) ----------------------------------------------------------------


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
     ("my phone is dying", "weak"), ("dying to text her", "weak"),
     ("i'm going to die alone lol", "weak"), ("i need a knife to cut the cake", "weak"),
     ("i took an ibuprofen for my headache", "weak"),
     ("my goodbye party at work is on friday", "weak")],
)
def test_figurative_prone_words_are_only_weak(text: str, level: str) -> None:
    assert mentions_harm(text) == level


@pytest.mark.parametrize(
    "text",
    [
        # the net catches what rules may miss: death about oneself, means, goodbyes,
        # giving things away, affairs, no future, drink with despair, danger
        "sometimes i think about my own funeral",
        "how many sleeping tablets is too many",
        "the knife is on my desk",
        "i keep looking at the bridge",
        "thinking about driving off the road",
        "the rope in the garage",
        "i wrote a goodbye note",
        "goodbye",
        "i'm giving away all my stuff",
        "i made a will",
        "i have no future",
        "drinking so i can feel nothing",
        "he choked me",
    ],
)
def test_the_net_is_strong_on_death_means_and_goodbyes(text: str) -> None:
    assert mentions_harm(text) == "strong"


@pytest.mark.parametrize(
    "text",
    ["how long should no contact last", "he texted me happy birthday", "can i keep his hoodie",
     "", "i miss her so much", "there's no future with him",
     # the ex's last message is not a last message of one's own
     "its 3am and im staring at his last message", "rereading her last words to me"],
)
def test_ordinary_questions_hold_no_words_of_harm(text: str) -> None:
    assert mentions_harm(text) is None


# -- crisis.yaml ----------------------------------------------------------------------------


def test_the_data_file_loads() -> None:
    tables = load_tables()
    assert len(tables.self_harm) >= 80
    assert tables.danger
    assert tables.other_at_risk
    assert tables.escalate
    assert tables.net_strong


def test_a_broken_pattern_names_the_file_and_the_key(tmp_path: Path) -> None:
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    data["rules"][3]["pattern"] = "(?:unclosed"
    broken = tmp_path / "crisis.yaml"
    broken.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(CrisisDataError, match=r"crisis\.yaml: rules\[3\]\.pattern"):
        load_tables(broken)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d["rules"][0].update(kind="sadness"), r"rules\[0\]\.kind"),
        (lambda d: d["rules"][0].update(level="medium"), r"rules\[0\]\.level"),
        (lambda d: d["rules"][0].update(pattern="<NO_SUCH_NAME>"), r"rules\[0\]\.pattern"),
        (lambda d: d["rules"][0].update(gate="ab*"), r"rules\[0\]\.gate"),
        (lambda d: d["fragments"].update(LOOP="<LOOP>"), r"fragments\.LOOP"),
        (lambda d: d.pop("net"), r"net"),
    ],
)
def test_a_malformed_file_names_the_key(tmp_path: Path, change: Any, key: str) -> None:
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    change(data)
    broken = tmp_path / "crisis.yaml"
    broken.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(CrisisDataError, match=key):
        load_tables(broken)


# -- round 7: the published warning signs in new words, and their harmless twins -----------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a plan: how, when, where, which, how many
        ("i've worked out how. just need the flat to myself", "explicit"),
        ("thought about which bridge, the one by the station is highest", "explicit"),
        ("looked up how many it takes. i have more than that", "explicit"),
        ("i know the day and i know the place now", "explicit"),
        # means: saved up, at hand, a height, a car, more than prescribed
        ("i've got about 40 paracetamol saved in my drawer", "explicit"),
        ("the knife is on the bed next to me", "explicit"),
        ("bought rope today. not for camping", "explicit"),
        ("sitting at the top of the multi storey looking down", "explicit"),
        ("car's in the garage, i know what happens if you leave it running with the door down",
         "explicit"),
        ("been taking way more of my meds than the doctor said", "explicit"),
        # an attempt
        ("took the pills about 20 mins ago, getting sleepy", "explicit"),
        # goodbyes, giving away, affairs, no wish to wake, drink with despair, trapped
        ("thank you for everything. goodbye", "passive"),
        ("wrote a note for mum, it's on my pillow", "explicit"),
        ("giving my clothes to my sister, won't need them where i'm going", "explicit"),
        ("told my bestie she can have my car. she doesn't know why", "passive"),
        ("wrote down where all my bank stuff is so mum won't have to search for it after",
         "passive"),
        ("i just want to go to sleep and stay asleep", "passive"),
        ("been high every day since she left. only way i can stand being alive", "passive"),
        ("feel like i'm in a cage with no door", "passive"),
        ("cancelled my dentist for next month, no point, i won't be alive for it", "passive"),
    ],
)
def test_round_7_families_reach_help_at_their_level(text: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == ("self_harm", level)


@pytest.mark.parametrize(
    "text",
    [
        "gave his hoodies to charity, felt lighter",
        "cut my hair short, new me",
        "wrote a goodbye letter to my ex that i'll never send",
        "the sleeping pills my gp gave me actually helped",
        "had a drink with friends tonight, first laugh in weeks",
        "i'm not suicidal, just really sad",
        "giving away my sofa because i'm moving back in with my parents",
        "stood on the bridge and watched the sunset, felt calm for once",
        "i've worked out how to get my stuff back without seeing him",
        "looked up how many days it takes to get over someone",
        "i can't take it anymore, the neighbours have been drilling since 7am",
        "last message from me tonight, going to sleep. thanks for listening",
    ],
)
def test_round_7_harmless_twins_get_no_signal_and_no_strong(text: str) -> None:
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"


def test_danger_and_the_ex_at_risk_in_new_words() -> None:
    cases = [
        ("he said he'll put me in hospital", "danger_from_other"),
        ("my ex is standing across the road staring at my window rn", "danger_from_other"),
        ("ex came round drunk and hit me. he's still outside banging on the door",
         "danger_from_other"),
        ("she texted goodbye forever and now she's not picking up", "other_at_risk"),
        ("my ex posted on insta that he's ending it tonight", "other_at_risk"),
    ]
    for text, kind in cases:
        signal = detect_crisis(text)
        assert signal is not None, text
        assert signal.kind == kind, (text, signal)


ROUND_6 = ROOT / "tests" / "data" / "heldout" / "crisis_r6.yaml"


def test_round_6_is_tuning_material_now_and_fully_reached() -> None:
    """Round 6 was held out once (docs/crisis.md) and has been tuned on since: every crisis
    message reaches help, no ordinary one gets a signal, at most 5% get "strong"."""
    data: dict[str, Any] = yaml.safe_load(ROUND_6.read_text("utf-8"))
    unreached = [
        item["text"]
        for item in data["crisis"]
        if detect_crisis(item["text"]) is None and mentions_harm(item["text"]) != "strong"
    ]
    assert unreached == []
    alarms = [item["text"] for item in data["ordinary"] if detect_crisis(item["text"])]
    assert alarms == []
    strong = [item["text"] for item in data["ordinary"] if mentions_harm(item["text"]) == "strong"]
    assert len(strong) / len(data["ordinary"]) <= 0.05, strong


# -- rule options: requires / unless / within, phrase gates ----------------------------------


def _tables_with(tmp_path: Path, rule: dict[str, Any]) -> Any:
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    data["rules"] = [rule]
    path = tmp_path / "crisis.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    return load_tables(path)


def _first(tables: Any, text: str) -> Any:
    return _Text(text).first(tables.self_harm)


def test_requires_wants_a_second_cue_near_the_match(tmp_path: Path) -> None:
    tables = _tables_with(
        tmp_path,
        {"kind": "self_harm", "gate": "gave", "pattern": r"\bgave my \w+",
         "requires": r"\b(?:for good|gave)\b", "within": 30},
    )
    assert _first(tables, "gave my guitar away for good") is not None
    # the match itself does not count as the second cue
    assert _first(tables, "gave my guitar to my brother") is None
    # a cue too far away does not count either
    far = "gave my guitar to my brother " + "and then we went out for a walk " * 3 + "for good"
    assert _first(tables, far) is None


def test_unless_refuses_a_match_in_an_everyday_context(tmp_path: Path) -> None:
    tables = _tables_with(
        tmp_path,
        {"kind": "self_harm", "gate": "knife", "pattern": r"\bknife\b",
         "unless": r"\b(?:onions?|dinner)\b", "within": 40},
    )
    assert _first(tables, "the knife is next to me") is not None
    assert _first(tables, "chopping onions with the knife") is None


def test_a_phrase_gate_opens_on_its_first_two_words(tmp_path: Path) -> None:
    tables = _tables_with(
        tmp_path, {"kind": "self_harm", "gate": "next_to_me", "pattern": r"\bnext to me\b"}
    )
    assert _first(tables, "it is next to me") is not None
    assert 0 not in tables.self_harm.candidates(_Text("next week to me"))


def test_mentions_harm_after_detect_crisis_reads_the_same_text() -> None:
    # detect_crisis leaves the normalised message for mentions_harm: same answers either way
    text = "the knife is on my desk"
    assert mentions_harm(text) == "strong"
    detect_crisis(text)
    assert mentions_harm(text) == "strong"
    detect_crisis("how long should no contact last")
    assert mentions_harm(text) == "strong"
    assert mentions_harm("how long should no contact last") is None


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d["rules"][0].update(requires="(?:unclosed"), r"rules\[0\]\.requires"),
        (lambda d: d["rules"][0].update(unless="<NO_SUCH_NAME>"), r"rules\[0\]\.unless"),
        (lambda d: d["rules"][0].update(within=-1), r"rules\[0\]\.within"),
    ],
)
def test_a_malformed_context_names_the_key(tmp_path: Path, change: Any, key: str) -> None:
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    change(data)
    broken = tmp_path / "crisis.yaml"
    broken.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(CrisisDataError, match=key):
        load_tables(broken)


@pytest.mark.parametrize(
    "text",
    ["i dont know why im doing this honestly", "what am i even doing this for",
     "idk why im even doing this"],
)
def test_doubting_no_contact_is_not_a_crisis(text: str) -> None:
    # "this" in this chat is most often No Contact itself (typed at onboarding's reason step)
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"


def test_not_knowing_why_one_is_still_here_still_is() -> None:
    assert detect_crisis("i dont know why im still here") is not None


@pytest.mark.parametrize(
    "text",
    ["im ok. not gonna hurt myself", "i wont kill myself i promise",
     "i will never hurt myself again, i promise"],
)
def test_a_plain_i_wont_gets_the_gentle_check_not_the_explicit_reply(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.level == "passive"
    assert signal.negated


@pytest.mark.parametrize(
    "text",
    ["give me one reason not to kill myself", "why should i not kill myself",
     "i think im going to hurt myself", "i am going to kill myself"],
)
def test_negation_words_around_the_act_do_not_hide_it(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.level == "explicit"
    assert not signal.negated


@pytest.mark.parametrize("text", ["i took like 10 panadol", "swallowed all my seroquel",
                                  "i have a bottle of nurofen next to me"])
def test_medicines_by_their_brand_names_are_means(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.level == "explicit"


@pytest.mark.parametrize("text", ["took 2 nurofen for my headache",
                                  "took 2 panadol and went to bed"])
def test_a_dose_of_a_brand_name_medicine_is_not_an_alarm(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "this is my last message, thank you for everything",
        "if this is the last thing i ever type, i'm sorry",
        "logging off for good tonight. bye",
        "gave my guitar to my cousin, i won't need it where i'm going",
        "there's nothing left keeping me here now",
        "gonna drink till i stop breathing",
        "they pumped my stomach at the hospital last night",
        "i can't picture anything past this month",
        "he said you're dead if you go to the police",
    ],
)
def test_round_11_words_reach_help(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong"


@pytest.mark.parametrize(
    "text",
    [
        "that was my last text to him, day 1 starts now",
        "deleted instagram and logging off for good, this app was making it worse",
        "i can't picture anything past this month with him, that's the problem",
        "won't need my winter coat after friday, off to spain",
    ],
)
def test_round_11_twins_are_not_strong(text: str) -> None:
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"


@pytest.mark.parametrize(
    "text",
    [
        "I know I'm shooting myself in the foot every time I check his insta",
        "gonna be dead on my feet at work tomorrow, worth it for the concert",
        "up on the roof all afternoon fixing the gutters, my landlord never does it",
        "placement today: we practised managing an overdose on the simulation mannequin",
        "went to the lake and jumped off the pier with my cousins, freezing but so worth it",
        "the vet gave us tablets for the dog, hiding them in cheese works a treat",
        "writing letters to everyone who came to my 30th to say thank you, old fashioned i know",
    ],
)
def test_round_11_false_alarms_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "up on the roof again tonight, just me and the drop",
        "thinking of jumping off the bridge tonight",
        "i took an overdose an hour ago",
        "wrote letters to my family tonight. they will understand one day",
    ],
)
def test_the_same_places_and_acts_without_the_everyday_context_still_alarm(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "the finale was so good, said goodbye to my favourite character 😭",
        "reading a true crime book about a poisoning case, can't put it down",
        "stuck on the bridge in traffic for an hour, late for my appointment",
        "wrote our wills because the baby is due in may, sorted life insurance too",
        "packed the rope for the camping trip, the kids want a rope swing by the river",
    ],
)
def test_stories_traffic_and_a_new_baby_are_not_asked_about(text: str) -> None:
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"


@pytest.mark.parametrize(
    "text",
    [
        # round 15's rules, in words of my own: the same signs, other wording
        "gave away the cat last week. no one will get why till after",
        "put post-its on my books saying whose they are now",
        "whats even the point in doing this for another 40 years",
        "told my best friend not to count on me for her baby shower next spring",
        "he hid a tracker inside my car, i found it today",
        # other languages: the net's words for them
        "ya lo tengo decidido, no me preguntes cómo",
        "je n'en peux plus, je veux en finir",
        "aku capek hidup, pengen mati aja",
    ],
)
def test_round_15_twins_reach_help(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong"


@pytest.mark.parametrize(
    "text",
    [
        "made a will after we bought our first house together, felt very grown up",
        "burnt my finger getting the tray out of the oven, ouch",
        "so embarrassed in the meeting i could die",
        "went climbing, the instructor checked my rope and harness twice",
        "the last message i sent her was on her birthday, 20 days ago",
        "don't count on me for drinks next friday, work is mad",
        "me muero de hambre, vamos a comer algo",
        "tomé pastillas para el dolor de cabeza y ya estoy mejor",
    ],
)
def test_round_15_twins_are_not_strong(text: str) -> None:
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A wish to die said with a laugh or a facepalm: asked gently, never let go.
        ("ugh i want to die, i called my teacher mum today 🤦‍♀️", "passive"),
        ("i want to die lol", "passive"),
        ("i want to die", "explicit"),
        # A method or an attempt stays explicit whatever the laugh.
        ("i took all my pills lol", "explicit"),
    ],
)
def test_a_wish_to_die_laughed_off_is_asked_gently(text: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.level == level


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        ("already did it. feeling dizzy now", True),
        ("going to sleep and honestly wish i could just stay asleep forever", True),
        ("saturday when everyone is out im staying home and thats when im doing it. "
         "not telling you so you can stop me", True),
        ("ik heb al mijn spullen weggegeven, straks heb ik ze toch niet meer nodig", True),
        ("I feel dead inside", True),
        ("so done with this week, dead inside after that exam lmao", False),
        ("im gonna die alone with 12 cats at this rate lol", False),
        ("bungee jumping off a bridge for my birthday, bucket list stuff!!", False),
        ("giving away the stuff he left here, put it all on marketplace for free", False),
    ],
)
def test_round_19_tuning(text: str, reached: bool) -> None:
    """Round 18's misses and false alarms (tuning material since round 19), in other words
    where possible."""
    got = detect_crisis(text) is not None or mentions_harm(text) == "strong"
    assert got is reached


def test_a_day_picked_for_a_haircut_is_no_plan() -> None:
    text = "friday is when im doing it, the big chop, nobody can talk me out of bangs"
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("i am tired of everything i want it to end", True),
        ("i want this pain to end, its too much", True),
        ("i want this week to end", False),
        ("so tired of this shift, i want it to end", False),
    ],
)
def test_wanting_it_to_end_with_tiredness_of_everything(text: str, crisis: bool) -> None:
    assert (detect_crisis(text) is not None) is crisis


def test_ill_after_feel_is_sickness_not_i_will() -> None:
    from bot.services.textnorm import normalize

    assert normalize("i feel physically ill") == "i feel physically sick"
    assert normalize("ill text him tomorrow") == "i will text him tomorrow"


# Session 39's phrase table (words SAID_*, DANGER_SAID_*, EX_SAID_*): phrases written with "_"
# between their words, matched as phrases, in the script they are typed in
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik ben een last voor iedereen", "self_harm"),
        ("jag skär mig igen", "self_harm"),
        ("napisałam list pożegnalny", "self_harm"),
        ("ben bir yüküm herkese", "self_harm"),
        ("遺書を書いた", "self_harm"),
        ("mi ha detto che mi ammazza se lo lascio", "danger_from_other"),
        ("сказал что убьет меня если я не вернусь", "danger_from_other"),
        ("전 남친이 자살하겠다고 문자 보냈어", "other_at_risk"),
        # session 40's languages: Greek with its accents (the table has none), Hebrew,
        # Chinese, Hungarian, Swahili
        ("Θέλω να αυτοκτονήσω απόψε", "self_harm"),
        ("χθες με έσπρωξε και με απειλεί με θάνατο", "danger_from_other"),
        ("הוא מאיים להתאבד אם אני לא חוזרת", "other_at_risk"),
        ("我真的想结束生命", "self_harm"),
        ("azt mondta hogy megöl ha elmegyek", "danger_from_other"),
        ("nataka kujiua leo", "self_harm"),
    ],
)
def test_the_phrase_table_reaches_help_in_other_languages(text: str, kind: str) -> None:
    assert mentions_harm(text) == "strong"
    assert harm_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    ["me muero de risa con este meme", "je suis mort de rire", "umieram ze śmiechu",
     "mañana no estaré en la oficina", "yeh exam mujhe maar dalega yaar"],
)
def test_the_phrase_table_leaves_figures_of_speech_alone(text: str) -> None:
    assert mentions_harm(text) != "strong"


# Session 40: the phrase table's phrases of three words or more are found with one word
# between two of theirs (tuning set r53a: "δεν έχω κανένα λόγο να ζω" for the table's "δεν
# εχω λογο να ζω"), never a negation, never two words
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("δεν έχω κανένα λόγο να ζω πια", "self_harm"),
        ("sina sababu yoyote ya kuishi tena", "self_harm"),
    ],
)
def test_a_phrase_is_found_with_a_word_inside_it(text: str, kind: str) -> None:
    assert mentions_harm(text) == "strong"
    assert harm_kind(text) == kind


def test_a_loose_phrase_never_lets_a_negation_or_two_words_in() -> None:
    from bot.services.crisis import _Loose

    loose = _Loose({"quiero": (("quiero", "quitarme", "la", "vida"),)})

    def words(text: str) -> list[str]:
        return text.split()

    assert loose.found(words("yo quiero quitarme la vida"))
    assert loose.found(words("quiero ya quitarme la vida"))
    assert not loose.found(words("quiero no quitarme la vida"))
    assert not loose.found(words("quiero ya hoy quitarme la vida"))
    assert not loose.found(words("quiero quitarme"))


# Session 40: a game, a show or a story named right beside the words makes them its own (tuning
# set r53a), unless the person's own words come between
@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("game tip: if you jump off the cliff in level 3 you respawn with full health", False),
        ("no way out of this group project, im stuck with the worst people on earth", False),
        ("sto guardando una serie su uno stalker, mi mette ansia ma non riesco a smettere", False),
        ("the villain in this show keeps threatening to kill everyone", False),
        ("watched a show about suicide and now i want to kill myself too", True),
        ("watched a show about suicide. want to kill myself too", True),
        ("playing this game all night so i dont think about killing myself", True),
        ("sitting on the ledge of the car park roof. level 6. wind is mental", True),
    ],
)
def test_a_game_or_a_show_beside_the_words(text: str, crisis: bool) -> None:
    assert (detect_crisis(text) is not None) is crisis
