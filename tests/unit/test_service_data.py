"""The services' data files load, validate, and a broken one names the file and the key."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml
from pydantic import Field

from bot.services.textnorm import DATA_DIR, DataFileError, DataModel, Regex, Words, load_data

# Each data file and the service module that reads it (and validates it on import).
READERS = {
    "textnorm.yaml": "bot.services.textnorm",
    "timezones.yaml": "bot.services.timezones",
    "urge_detect.yaml": "bot.services.urge_detect",
    "faq_synonyms.yaml": "bot.services.faq",
    "smalltalk.yaml": "bot.services.smalltalk",
    "yesno.yaml": "bot.services.yesno",
    "hedges.yaml": "bot.services.hedges",
    "dates.yaml": "bot.services.dates",
    "clocktime.yaml": "bot.services.clocktime",
    "urges.yaml": "bot.services.urges",
    "reading.yaml": "bot.services.reading",
    "durations.yaml": "bot.services.durations",
    "language.yaml": "bot.services.language",
    "corrections.yaml": "bot.services.corrections",
    "panic.yaml": "bot.services.panic",
    "slips.yaml": "bot.services.slips",
    "listening.yaml": "bot.services.listening",
    "faq_glossary.yaml": "bot.services.glossary",
}


def _model_of(name: str) -> type[DataModel]:
    """The model a module validates its data file with (its one DataModel loaded from it)."""
    module = importlib.import_module(READERS[name])
    source = Path(str(module.__file__)).read_text(encoding="utf-8")
    found = re.search(rf'load_data\(DATA_DIR / "{re.escape(name)}", (\w+)\)', source)
    assert found, f"{READERS[name]} does not load {name}"
    model = getattr(module, found.group(1))
    assert issubclass(model, DataModel)
    return model


def test_every_data_file_has_a_reader() -> None:
    on_disk = {p.name for p in DATA_DIR.glob("*.yaml")} - {"crisis.yaml"}
    assert on_disk == set(READERS)


@pytest.mark.parametrize("name", sorted(READERS))
def test_data_file_loads_and_validates(name: str) -> None:
    data = load_data(DATA_DIR / name, _model_of(name))
    assert data.model_dump()


def _broken_copy(tmp_path: Path, name: str, edit: dict[str, object]) -> Path:
    raw = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    raw.update(edit)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_a_bad_regex_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "hedges.yaml", {"unsure": r"\b(?:no idea"})
    with pytest.raises(DataFileError, match=r"hedges\.yaml: unsure: .*regular expression"):
        load_data(path, _model_of("hedges.yaml"))


def test_a_bad_entry_deep_in_a_list_names_its_place(tmp_path: Path) -> None:
    raw = yaml.safe_load((DATA_DIR / "faq_synonyms.yaml").read_text(encoding="utf-8"))
    raw["phrases"][3]["pattern"] = "(unclosed"
    path = _broken_copy(tmp_path, "faq_synonyms.yaml", {"phrases": raw["phrases"]})
    with pytest.raises(DataFileError, match=r"faq_synonyms\.yaml: phrases\[3\]\.pattern: "):
        load_data(path, _model_of("faq_synonyms.yaml"))


def test_a_wrong_type_names_the_key(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "textnorm.yaml", {"number_words": {"one": "uno"}})
    with pytest.raises(DataFileError, match=r"textnorm\.yaml: number_words\.one: "):
        load_data(path, _model_of("textnorm.yaml"))


def test_an_unknown_time_zone_is_refused(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "timezones.yaml", {"half_hour_zones": {330: "Asia/Atlantis"}})
    where = r"timezones\.yaml: half_hour_zones\[330\]: .*Atlantis"
    with pytest.raises(DataFileError, match=where):
        load_data(path, _model_of("timezones.yaml"))


def test_an_unknown_pattern_fragment_is_refused(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "urge_detect.yaml", {"passed": r"\b{NOPE}\b"})
    with pytest.raises(DataFileError, match=r"urge_detect\.yaml: .*NOPE"):
        load_data(path, _model_of("urge_detect.yaml"))


def test_a_missing_or_unparsable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"nothing\.yaml"):
        load_data(tmp_path / "nothing.yaml", _model_of("yesno.yaml"))
    bad = tmp_path / "yesno.yaml"
    bad.write_text("yes: [ok\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"yesno\.yaml"):
        load_data(bad, _model_of("yesno.yaml"))


class _Sample(DataModel):
    words: Words
    pattern: Regex
    limit: int = Field(ge=0)


def test_yes_no_on_are_words_not_booleans(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text("words: [yes, no, on, off, y, n]\npattern: [a, '|b']\nlimit: 3\n")
    data = load_data(path, _Sample)
    assert data.words == frozenset({"yes", "no", "on", "off", "y", "n"})
    assert data.pattern.pattern == "a|b"
