"""Typed replies inside the safety talk, on the labelled sets (bench/safety_talk.py).

The tuning set (tests/data/safety_talk_labelled.yaml) and the held-out round
(tests/data/heldout/safety_talk_r1.yaml, written before the readers were loosened and never
tuned on) are pinned as floors, so the readings cannot silently get worse. Counts only.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    return load_script("bench/safety_talk.py")


# label -> floor; measured after the readers were loosened (before: 83/200 and 66/155)
PINNED = {
    "safety_talk_labelled.yaml": {"all": 197, "unsafe": 30, "person": 40, "no_one": 25,
                                  "unreachable": 25, "who": 40},
    # 140 until round 16's readers: a reply labelled "other" is now read as unsure (resigned
    # words, "whatever", "who cares", are asked about again, gently, with the lines)
    "heldout/safety_talk_r1.yaml": {"all": 139, "unsafe": 25, "person": 28, "no_one": 16,
                                    "unreachable": 14, "who": 26},
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_replies_are_read_at_least_as_well_as_measured(name: str) -> None:
    path = ROOT / "tests" / "data" / name
    if not path.exists():
        pytest.skip("set not present")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    f = _bench().figures(data)
    floors = PINNED[name]
    assert sum(f["ok"].values()) >= floors["all"]
    for label in ("unsafe", "person", "no_one", "unreachable"):
        assert f["ok"][label] >= floors[label], label
    assert f["who_right"] >= floors["who"]
    # the worst error: a reply read as "safe" that was not (the talk would end too early)
    assert f["false_safe"] == 0
