"""The forty-third session's rules, one by one (the e2e tests drive them through the emulator:
tests/e2e/test_session43.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.content import load_content
from bot.services import urges
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.glossary import to_english
from bot.services.language import not_all_english
from bot.services.listening import told_kinds
from bot.services.textnorm import script_words
from bot.services.urge_detect import detect_urge

CONTENT = load_content()
_ROOT = Path(__file__).resolve().parents[2]


# -- the crisis check: tuning set r56a -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "haha my plan for the weekend is the last plan i'll ever need to make",
        "asked the pharmacist for the big box, said it was for my nan. it's not",
        "i tried last night. woke up at 4 feeling horrible. nobody knows",
        "they made me promise i wont try again before they discharged me",
        "anyway. its been a ride. see you never",
        "sorting things so nobody has to. bills paid, rent paid til march, fridge emptied",
        "left a note with the landlord's number and where all the documents are. for after",
        "alarm went off and my first thought was ugh. still here",
        "stopped my pension payments lol not like im getting old",
        "im exhausting. soon they wont have to deal with me at all",
    ],
)
def test_indirect_crisis_messages_are_asked_about(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong", text


@pytest.mark.parametrize(
    "text",
    [
        "checked how high the car park is before driving in, my van barely fit",
        "my boss said if i miss one more deadline she'll kill me lol",
        "slept 12 hours, didnt want to wake up, bed too comfy",
        "deleted our whole chat. goodbye forever, chat history 👋",
        "trapped in this meeting and there's no way out 😩",
        "i feel like a burden on the group chat with all these voice notes lol. gonna give them"
        " a break",
        "so tired i could die, 3 shifts in a row",
        "one more 'plenty of fish in the sea' from my aunt and i'll kill her",
        "sorting things so nobody has to do it when i move out, the flat's a tip",
        "tô ajudando minha avó a fazer o testamento dela",
        "我把旧衣服都送人了，断舍离，心情好多了",
    ],
)
def test_look_alikes_of_tuning_set_r56a_are_not_asked_about(text: str) -> None:
    assert detect_crisis(text) is None, (text, detect_crisis(text))
    assert mentions_harm(text) != "strong", text


def test_a_threat_with_not_in_it_is_no_threat_but_the_ex_s_threat_still_is() -> None:
    burden = detect_crisis("soon they wont have to deal with me at all")
    assert burden is None or burden.kind == "self_harm"
    threat = detect_crisis("he said he will deal with me when he finds me")
    assert threat is not None
    assert threat.kind == "danger_from_other"


def test_the_checks_new_words_in_other_languages() -> None:
    for text in (
        "어젯밤에 죽으려고 했는데 실패했어. 아무도 몰라",
        "я снова порезалась. по-другому не получается заглушить",
        "er hat geschrieben: \"wenn du nicht antwortest, bring ich dich um\"",
        "没有他我活着也没意思了",
    ):
        assert detect_crisis(text) is not None or mentions_harm(text) == "strong", text


# -- urges -----------------------------------------------------------------------------------


def test_love_still_felt_is_the_urge_s_cause_missing_them() -> None:
    # "i just want to tell him i still love him" was asked where the urge came from, twice
    assert urges.trigger_from_text("i just want to tell him i still love him") == "lonely"
    assert urges.trigger_from_text("i love my dog") == "other"


def test_a_word_of_address_is_not_stripped_when_a_verb_follows_it() -> None:
    assert not detect_urge("sister wants to text her ex")
    assert detect_urge("sis i want to text him")
    assert detect_urge("girl i wanna text him so bad")


# -- the glossary: Japanese, Chinese, Korean read by pieces; Ukrainian by words ----------------


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("いつになったらこの痛みは消えるの？", "ja", {"when", "hurt"}),
        ("断联到底是怎么帮助我疗伤的？", "zh", {"no contact", "heal"}),
        ("他已经有新女朋友了，我该怎么面对？", "zh", {"new girlfriend"}),
        ("전 남자친구한테 갑자기 연락 왔어요. 어떻게 해요?", "ko", {"ex", "how"}),
        ("як поставити межі колишньому, щоб він перестав писати?", "uk", {"boundaries", "ex"}),
        # the play-test's questions: how long, should i reply, can we be friends
        ("скільки триває no contact?", "uk", {"how long"}),
        ("他给我发消息了，我要回吗", "zh", {"should i reply"}),
        ("우리 친구로 지낼 수 있을까요", "ko", {"can we be friends"}),
        ("me escribió anoche, le contesto?", "es", {"should i reply"}),
    ],
)
def test_questions_in_unspaced_scripts_are_read_in_english(
    text: str, language: str, words: set[str]
) -> None:
    english = f" {to_english(text, language, set())} "
    assert all(f" {w} " in english for w in words), english


def test_script_words_keep_their_script_lowercased() -> None:
    assert script_words("Привет, КАК дела? ok") == ["привет", "как", "дела"]
    assert script_words("no script here") == []


# -- the safety talk in another language --------------------------------------------------------


def test_a_short_answer_with_a_word_not_english_may_be_in_the_talk_s_language() -> None:
    assert not_all_english("no estoy bien")
    assert not_all_english("no sé")
    assert not not_all_english("yes")
    assert not not_all_english("i am")


def test_every_language_asked_are_you_safe_has_two_lines_for_the_talk_after() -> None:
    codes = [k.rsplit(".", 1)[1] for k in CONTENT.texts if k.startswith("language.safe_check.")]
    assert len(codes) >= 18
    for code in codes:
        variants = CONTENT.variants(f"language.in_talk.{code}")
        assert len(variants) >= 2, code
        assert len(set(variants)) == len(variants), code


# -- what a message tells, answered by data ----------------------------------------------------


def test_every_kind_told_has_its_answer_and_no_answer_is_orphaned() -> None:
    told, answered = told_kinds()
    assert told == answered
    for name in told:
        assert CONTENT.has(f"listen.{name}"), name


# -- no key written twice in a data or content file ------------------------------------------


def _mapping_without_repeats(
    loader: yaml.BaseLoader, node: yaml.MappingNode
) -> dict[object, object]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        assert key not in seen, f"{key!r} twice (line {key_node.start_mark.line + 1})"
        seen.add(key)
    return yaml.BaseLoader.construct_mapping(loader, node)


class _StrictLoader(yaml.BaseLoader):
    """YAML that refuses a key written twice in one mapping: the second silently replaced the
    first ("danger_on_way" in sos.yaml, found in session 43: the reply for someone on their
    way to the person was the one for going somewhere safe)."""


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _mapping_without_repeats,
)


@pytest.mark.parametrize(
    "path",
    sorted(
        [*(_ROOT / "content").rglob("*.yaml"), *(_ROOT / "bot/services/data").glob("*.yaml")],
        key=str,
    ),
    ids=lambda path: path.name,
)
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506
