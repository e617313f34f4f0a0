"""The daily encouragement (content/daily.yaml) and the urge, slip and reasons texts.

Self-contained: it reads the YAML files directly and checks counts, coverage, variety,
length, placeholders and Telegram HTML with its own small tag checker.
"""

from __future__ import annotations

import html
import re
import string
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"
TEXTS = CONTENT / "texts"
MAX_VISIBLE = 600

THEMES = {
    "healing", "closure", "independence", "boundaries", "rollercoaster",  # benefits
    "loneliness", "urges", "mixed_signals", "social_media", "second_thoughts",  # challenges
    "self_compassion",
}
MILESTONES = {1, 3, 7, 14, 21, 30, 45, 60, 90, 180, 365}
STAGES = {"early": 25, "middle": 25, "growth": 25}
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "blockquote"}
# The voice: no promises about the ex, no platitudes, no pet names, no therapy claims.
BANNED = [
    "everything happens for a reason", "will come back", "they'll come back", "win them back",
    "get them back", "babe", "sweetie", "honey", "hun,", "darling", "therapy", "therapist",
    "your ex", "you should have", "you failed", "guaranteed", "i promise",
]
# Words that start the small thing to do at the end of a message.
ACTIONS = re.compile(
    r"\b(write|drink|text|send|tap|open|put|take|step|mute|log out|archive|rename|record"
    r"|plan|pick|choose|decide|do|go|sit|stand|stretch|breathe|name|say|tell|look|move|save"
    r"|start|leave|add|download|spend|give|listen|play|celebrate|treat|read|splash|charge"
    r"|make|notice|let|think|draft|close|rate|soak|share|carry|check|finish|lay|clear|get"
    r"|unclench|drop|have|keep|try|catch|hold|compare|put on|enjoy|rest|be)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- helpers


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def visible(text: str) -> str:
    """What the user sees: tags stripped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


def tag_problems(text: str) -> list[str]:
    """Problems with `text` as Telegram HTML: unknown tags, unbalanced tags, bare & < >."""
    problems: list[str] = []
    stack: list[str] = []
    position = 0
    for found in _TAG.finditer(text):
        problems += _bare_characters(text[position : found.start()])
        position = found.end()
        closing, name, attrs = found.group(1), found.group(2).lower(), found.group(3).strip()
        if name not in ALLOWED_TAGS:
            problems.append(f"tag <{name}> is not allowed")
            continue
        if closing:
            if not stack or stack[-1] != name:
                problems.append(f"</{name}> closes nothing open")
            else:
                stack.pop()
            continue
        if name == "a":
            if not re.fullmatch(r'href="[^"<>]+"', attrs):
                problems.append('<a> needs exactly href="..."')
        elif attrs:
            problems.append(f"<{name}> takes no attributes")
        stack.append(name)
    problems += _bare_characters(text[position:])
    problems += [f"<{name}> is never closed" for name in stack]
    return problems


def _bare_characters(chunk: str) -> list[str]:
    cleaned = _ENTITY.sub("", chunk)
    return [f"bare {ch!r} must be escaped" for ch in "<>&" if ch in cleaned]


def strings_in(value: Any, where: str) -> list[tuple[str, str]]:
    """Every string under `value`, with a dotted path saying where it is."""
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, list):
        return [pair for i, item in enumerate(value) for pair in strings_in(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [pair for k, item in value.items() for pair in strings_in(item, f"{where}.{k}")]
    return []


# --------------------------------------------------------------------------- daily.yaml

DAILY = load(CONTENT / "daily.yaml")
POOL_ITEMS = [(stage, item) for stage in STAGES for item in DAILY["pools"][stage]]


def test_pool_sizes() -> None:
    assert set(DAILY["pools"]) == set(STAGES)
    for stage, minimum in STAGES.items():
        assert len(DAILY["pools"][stage]) >= minimum, stage
    assert len(POOL_ITEMS) >= 75


def test_pool_items_are_well_formed() -> None:
    for stage, item in POOL_ITEMS:
        assert set(item) == {"id", "themes", "text"}, item
        assert re.fullmatch(r"[a-z]\d{2}", item["id"]), item["id"]
        assert item["id"][0] == stage[0], f"{item['id']} sits in {stage}"
        assert isinstance(item["text"], str)
        assert item["text"].strip()
        assert item["themes"], item["id"]
        assert set(item["themes"]) <= THEMES, item["id"]
        assert len(item["themes"]) == len(set(item["themes"])), item["id"]


def test_ids_are_unique() -> None:
    ids = [item["id"] for _, item in POOL_ITEMS]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []


def test_every_theme_is_covered_at_least_four_times() -> None:
    counts = Counter(theme for _, item in POOL_ITEMS for theme in item["themes"])
    thin = {theme: counts[theme] for theme in THEMES if counts[theme] < 4}
    assert thin == {}


def test_stages_lean_on_their_themes() -> None:
    def share(stage: str, themes: set[str]) -> int:
        return sum(1 for s, item in POOL_ITEMS if s == stage and themes & set(item["themes"]))

    assert share("early", {"loneliness", "urges"}) >= 10
    assert share("middle", {"mixed_signals", "social_media", "second_thoughts"}) >= 10
    assert share("growth", {"independence", "closure", "healing"}) >= 10


def test_pool_texts_fit_a_phone_screen() -> None:
    long = {item["id"]: len(visible(item["text"])) for _, item in POOL_ITEMS}
    assert {k: v for k, v in long.items() if v > MAX_VISIBLE} == {}


def test_pool_texts_have_no_placeholders_and_valid_html() -> None:
    for _, item in POOL_ITEMS:
        assert placeholders(item["text"]) == set(), item["id"]
        assert tag_problems(item["text"]) == [], item["id"]


def test_no_two_messages_alike() -> None:
    texts = [(item["id"], visible(item["text"]).lower()) for _, item in POOL_ITEMS]
    for index, (id_a, a) in enumerate(texts):
        for id_b, b in texts[index + 1 :]:
            assert SequenceMatcher(None, a, b).ratio() < 0.6, (id_a, id_b)


def test_openings_vary() -> None:
    openings = Counter(
        " ".join(re.findall(r"[a-z']+", visible(item["text"]).lower())[:3])
        for _, item in POOL_ITEMS
    )
    assert [o for o, n in openings.items() if n > 1] == []
    first_words = Counter(
        re.findall(r"[a-z']+", visible(item["text"]).lower())[0] for _, item in POOL_ITEMS
    )
    assert max(first_words.values()) <= len(POOL_ITEMS) // 8, first_words.most_common(3)


def test_each_message_ends_with_something_to_do() -> None:
    for _, item in POOL_ITEMS:
        # Quoted words ("Text one person: “Free for a walk?”") belong to their sentence.
        text = re.sub(r"“[^”]*”", "QUOTE", visible(item["text"]))
        sentences = [s for s in re.split(r"(?<=[.!?…])\s+", text) if s]
        assert ACTIONS.search(sentences[-1]), (item["id"], sentences[-1])


def test_voice_rules() -> None:
    every = [(item["id"], item["text"]) for _, item in POOL_ITEMS]
    every += strings_in(DAILY["milestones"], "milestones")
    every += strings_in(DAILY["mood_replies"], "mood_replies")
    every += strings_in(DAILY["weekly"], "weekly")
    for where, text in every:
        lowered = visible(text).lower()
        for phrase in BANNED:
            assert phrase not in lowered, (where, phrase)


def test_every_milestone_has_three_variants() -> None:
    milestones = DAILY["milestones"]
    assert set(milestones) == MILESTONES
    for days, variants in milestones.items():
        assert isinstance(variants, list), days
        assert len(variants) >= 3, days
        assert len(set(variants)) == len(variants), days
        for text in variants:
            assert len(visible(text)) <= MAX_VISIBLE, days
            assert placeholders(text) <= {"days"}, days
            assert tag_problems(text) == [], days


def test_mood_replies() -> None:
    replies = DAILY["mood_replies"]
    assert set(replies) == {"struggling", "okay", "good"}
    for mood, variants in replies.items():
        assert len(variants) >= 4, mood
        assert len(set(variants)) == len(variants), mood
        for text in variants:
            assert len(visible(text)) <= MAX_VISIBLE
            assert placeholders(text) == set()
            assert tag_problems(text) == []
    # Until the urge flow answers "I'm struggling", the reply must point to it.
    assert all("/urge" in text for text in replies["struggling"])


def test_weekly_summary() -> None:
    weekly = DAILY["weekly"]
    allowed = {
        "intro": {"days_held"},
        "urges": {"urges", "passed", "median_minutes"},
        "urges_untimed": {"urges", "passed"},
        "no_urges": set(),
        "trigger": {"trigger"},
        "closing": set(),
    }
    assert set(weekly) == set(allowed)
    for key, variants in weekly.items():
        assert isinstance(variants, list), key
        assert variants, key
        for text in variants:
            assert placeholders(text) <= allowed[key], (key, text)
            assert len(visible(text)) <= MAX_VISIBLE
            assert tag_problems(text) == [], key
    for key in ("intro", "urges", "trigger"):
        assert all(placeholders(t) for t in weekly[key]), key


# --------------------------------------------------------------------------- texts/*.yaml

TEXT_FILES = ["urge", "slip", "reasons"]
REQUIRED: dict[str, dict[str, set[str]]] = {
    "urge": {
        "opener": set(), "ask_strength": set(), "strength_high_ack": set(),
        "strength_mid_ack": set(), "strength_low_ack": set(), "ask_trigger": set(),
        "trigger_labels": set(), "tools_intro": set(), "tool_labels": set(),
        "wait_start": {"minutes"}, "wait_choose_length": set(), "wait_checkin": {"minutes"},
        "breathe_intro": set(), "breathe_phases": {"count"}, "breathe_done": set(),
        "reasons_intro": set(), "reasons_empty": set(), "write_prompt": set(),
        "write_received": set(), "write_kept": set(), "write_released": set(),
        "tape_questions": set(), "tape_done": set(), "ask_outcome": set(),
        "outcome_labels": set(), "outcome_passed": set(), "outcome_still_strong": set(),
        "resume_prompt": {"flow"}, "stale_button": set(), "not_your_button": set(),
        "free_text_offer": set(),
        **{f"trigger_ack_{t}": set() for t in (
            "post", "lonely", "night", "date_place", "they_contacted", "alcohol", "other")},
    },
    "slip": {
        "slip_intro": set(), "ask_note": set(), "note_saved": set(), "note_skipped": set(),
        "restarted": {"previous_days", "longest_days"}, "confirm_slip": set(),
        "history_header": set(), "history_line": {"n", "start", "end", "days", "reason"},
        "history_current": {"n", "start", "days"}, "history_empty": set(),
        "history_totals": {"attempts", "longest", "total"},
    },
    "reasons": {
        "list_header": set(), "list_empty": set(), "add_prompt": set(), "added": {"count"},
        "too_long": {"max"}, "too_many": {"max"}, "removed": set(), "remove_prompt": set(),
        "show_on_hard_day": set(), "first_reason_prompt": set(),
    },
}
MIN_VARIANTS = {
    ("urge", "opener"): 6,
    ("slip", "slip_intro"): 5,
    **{("urge", f"trigger_ack_{t}"): 3 for t in (
        "post", "lonely", "night", "date_place", "they_contacted", "alcohol", "other")},
}
LABEL_KEYS = {
    ("urge", "trigger_labels"): {
        "post", "lonely", "night", "date_place", "they_contacted", "alcohol", "other"},
    ("urge", "tool_labels"): {"wait", "breathe", "reasons", "write", "tape"},
    ("urge", "breathe_phases"): {"in", "hold", "out"},
    ("urge", "outcome_labels"): {"passed", "still_strong", "contacted"},
}


def _texts(name: str) -> dict[str, Any]:
    data = load(TEXTS / f"{name}.yaml")
    assert isinstance(data, dict), name
    return data


def _comment_above(name: str) -> dict[str, str]:
    """The comment block right above each top-level key of a texts file."""
    comments: dict[str, str] = {}
    block: list[str] = []
    for line in (TEXTS / f"{name}.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            block.append(line)
            continue
        key = re.match(r"([a-z0-9_]+):", line)
        if key:
            comments[key.group(1)] = "\n".join(block)
        if line.strip() == "" or key:
            block = []
    return comments


@pytest.mark.parametrize("name", TEXT_FILES)
def test_texts_file_shape(name: str) -> None:
    data = _texts(name)
    for key, value in data.items():
        assert re.fullmatch(r"[a-z0-9_]+", key), key
        if isinstance(value, list):
            # A list is a set of variants to vary the wording: three at least.
            assert len(value) >= 3, f"{name}.{key}: a single string, or 3+ variants"
            assert all(isinstance(v, str) for v in value), key
            assert len(set(value)) == len(value), f"{key}: a variant is repeated"
        else:
            assert isinstance(value, (str, dict)), key


@pytest.mark.parametrize("name", TEXT_FILES)
def test_required_keys_and_placeholders(name: str) -> None:
    data = _texts(name)
    missing = sorted(set(REQUIRED[name]) - set(data))
    assert missing == []
    for key, expected in REQUIRED[name].items():
        used = set().union(*(placeholders(t) for _, t in strings_in(data[key], key)))
        assert used == expected, (key, used)


@pytest.mark.parametrize("name", TEXT_FILES)
def test_every_placeholder_is_listed_above_its_key(name: str) -> None:
    data = _texts(name)
    comments = _comment_above(name)
    for key, value in data.items():
        used = set().union(set(), *(placeholders(t) for _, t in strings_in(value, key)))
        for field in used:
            assert re.fullmatch(r"[a-z_][a-z0-9_]*", field), (key, field)
            assert "{" + field + "}" in comments.get(key, ""), f"{name}.{key}: list {{{field}}}"


@pytest.mark.parametrize("name", TEXT_FILES)
def test_every_text_is_valid_telegram_html(name: str) -> None:
    for where, text in strings_in(_texts(name), name):
        assert tag_problems(text) == [], where
        rendered = text.format(**dict.fromkeys(placeholders(text), "0"))
        assert 0 < len(visible(rendered).strip()) <= MAX_VISIBLE, where


@pytest.mark.parametrize("name", TEXT_FILES)
def test_voice_rules_in_texts(name: str) -> None:
    for where, text in strings_in(_texts(name), name):
        lowered = visible(text).lower()
        for phrase in BANNED:
            assert phrase not in lowered, (where, phrase)


def test_variant_counts() -> None:
    for (name, key), minimum in MIN_VARIANTS.items():
        value = _texts(name)[key]
        assert isinstance(value, list), (name, key)
        assert len(value) >= minimum, (name, key)


def test_label_mappings() -> None:
    for (name, key), expected in LABEL_KEYS.items():
        labels = _texts(name)[key]
        assert isinstance(labels, dict), (name, key)
        assert set(labels) == expected, (name, key)
        for label in labels.values():
            assert isinstance(label, str)
            assert label.strip()
            assert len(visible(label)) <= 24 or key != "trigger_labels", label
            assert len(visible(label)) <= 40, label


def test_tape_questions() -> None:
    sets = _texts("urge")["tape_questions"]
    assert set(sets) == {"set1", "set2", "set3"}
    for questions in sets.values():
        assert len(questions) == 3
        assert all(q.rstrip().endswith("?") for q in questions)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("<b>bold</b> and <i>it</i>", True),
        ('<a href="https://example.org">x</a>', True),
        ("Fish &amp; chips &lt;3", True),
        ("<blockquote>q</blockquote><code>c</code><u>u</u><s>s</s>", True),
        ("<div>no</div>", False),
        ("<b>open", False),
        ("<b><i>crossed</b></i>", False),
        ("fish & chips", False),
        ("a < b", False),
        ("<a>no href</a>", False),
        ('<b class="x">no attrs</b>', False),
    ],
)
def test_tag_checker_itself(text: str, ok: bool) -> None:
    assert (tag_problems(text) == []) is ok


def test_replies_do_not_share_a_closing_formula() -> None:
    """Voice: a small concrete step in words that fit the moment, not one stock ending."""
    endings: dict[str, str] = {}
    for name in ("urge", "slip"):
        for key, value in _texts(name).items():
            if not isinstance(value, list):
                continue
            for text in value:
                assert "Right now:" not in text
                assert "For the next five minutes:" not in text
                last = re.split(r"(?<=[.!?])\s+", visible(text).strip())[-1].lower()
                assert last not in endings, (f"{name}.{key}", endings.get(last), last)
                endings[last] = f"{name}.{key}"
