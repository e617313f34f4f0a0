"""The word model under the crisis net (bot/services/crisis_words.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.crisis_words import DATA_FILE, WordModel, features, letter_runs, load_model
from bot.services.textnorm import normalize
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def _trainer() -> ModuleType:
    return load_script("scripts/train_crisis_words.py")


def test_the_shipped_weights_are_what_the_training_script_makes() -> None:
    # Nobody edits the weights by hand, and they match the labelled sets as they are now.
    trainer = _trainer()
    assert DATA_FILE.read_text("utf-8") == trainer.render(trainer.build())


def test_no_held_out_round_is_trained_on() -> None:
    trainer = _trainer()
    sources = json.loads(DATA_FILE.read_text("utf-8"))["sources"]
    assert sources
    assert not set(sources) & set(trainer.HELD_OUT)
    held_out_files = {p.relative_to(ROOT).as_posix()
                      for p in (ROOT / "tests" / "data" / "heldout").glob("crisis_r*.yaml")}
    trained_rounds = {s for s in sources if s.startswith("tests/data/heldout/crisis_r")}
    # every crisis round still held out is named as such in the trainer
    assert held_out_files - trained_rounds <= set(trainer.HELD_OUT)


def test_features_are_words_pairs_and_runs_of_three() -> None:
    assert features(["i", "want", "out"]) == {
        "i", "want", "out", "i want", "want out", "i _ out", "i want out"
    }
    assert features(["out"]) == {"out"}


def test_runs_of_letters_cross_the_words_and_are_marked() -> None:
    assert letter_runs(["kms", "rn"], 5) == {"# kms ", "#kms r", "#ms rn", "#s rn "}
    assert letter_runs(["a"], 5) == set()  # " a " is shorter than five
    model = WordModel(weights={"#unali": 2.0, "#naliv": 2.0, "unalive": 1.0}, threshold=4.5,
                      max_words=5, letters=5)
    # a word's kin shares its runs of letters: "unaliving" is weighed though never seen
    assert model.score(["unaliving"]) == 4.0
    assert model.score(["unalive"]) == 5.0
    assert WordModel(weights=model.weights, threshold=4.5, max_words=5).score(["unalive"]) == 1.0


def test_the_shipped_model_weighs_runs_of_five_letters() -> None:
    model = load_model()
    assert model.letters == 5
    assert any(f.startswith("#") and len(f) == 6 for f in model.weights)


def test_score_sums_the_weights_of_the_features_present() -> None:
    model = WordModel(weights={"never": 4.0, "wake": 3.0, "never wake": 5.0, "up": -1.0},
                      threshold=10.0, max_words=5)
    assert model.score(["never", "wake", "up"]) == 11.0
    assert model.says_crisis(["never", "wake", "up"])
    assert not model.says_crisis(["wake", "up"])
    # longer than max_words: left to the rules, whatever the sum
    assert not model.says_crisis(["never", "wake", "up", "never", "wake", "up"])
    assert not model.says_crisis([])


def test_the_model_is_only_a_way_to_the_gentle_check() -> None:
    model = load_model()
    assert model.max_words == 80
    assert model.threshold > 0
    # ordinary breakup talk is not moved by it
    for text in ("how long should no contact last", "he viewed my story again",
                 "i miss him so much today", "can i unblock her just to see"):
        assert not model.says_crisis(normalize(text).split())
        assert mentions_harm(text) != "strong"


@pytest.mark.parametrize(
    "text",
    [
        # round 22's model, learning from every tuning round, reaches these (rules did not)
        "found homes for all my plants and my cat this week. nobody asked why. nobody ever does",
        "no point saving for a future im not gonna be in",
        "by the time the lease is up ill be gone. not moved out. gone gone",
        "drunk af and high rn and wishing my heart would just give out",
    ],
)
def test_veiled_tuning_messages_reach_the_check(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong"


@pytest.mark.parametrize(
    "text",
    [
        # a move, a wedding, a razor, a future with the ex: the model is not asked
        "selling my car because I'm moving to Melbourne in June. won't need it there",
        "i won't be here next weekend, going to my friend's wedding in abuja",
        "the razor cuts on my legs from shaving are the only thing stinging",
        "i can't picture anything past this month with him, that's the problem",
        "i won't be at the wedding next month, he's the best man. already told the bride",
    ],
)
def test_look_alikes_the_retrained_model_flagged_are_vetoed(text: str) -> None:
    assert detect_crisis(text) is None
    assert mentions_harm(text) != "strong"
