"""content/helplines.yaml: loads, covers every country the time zones can give, and every
list ends with the worldwide directory."""

from __future__ import annotations

import copy
import zoneinfo
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.services import timezones
from bot.services.helplines import (
    DEFAULT_PATH,
    Helplines,
    HelplinesError,
    lines_for,
    load_helplines,
)

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "content" / "helplines.yaml"
# Countries the brief names as needing an abuse line of their own (where one exists).
# fmt: off
NEEDS_ABUSE = (
    "PH", "IN", "BR", "MX", "ZA", "NG", "KE", "JP", "KR",
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)
# fmt: on


@cache
def _helplines() -> Helplines:
    return load_helplines(PATH)


@cache
def _zone_countries() -> frozenset[str]:
    """Every code country_for_zone can return: all zones, plus the tables it reads."""
    zones = set(zoneinfo.available_timezones())
    zones |= set(timezones._zone_tab())
    zones |= set(timezones._zone_country_from_cities())
    codes = {timezones.country_for_zone(zone) for zone in zones}
    return frozenset(code for code in codes if code is not None)


def _raw() -> dict[str, Any]:
    data = yaml.safe_load(PATH.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "helplines.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_shipped_file_loads() -> None:
    helplines = _helplines()
    assert DEFAULT_PATH == PATH
    assert len(helplines.countries) >= 200
    assert "findahelpline.com" in helplines.directories.crisis[-1].text
    assert helplines.fallback.name == "your country"


def test_every_zone_country_has_an_entry() -> None:
    codes = _zone_countries()
    assert len(codes) > 200
    assert "PH" in codes
    assert "US" in codes
    missing = sorted(codes - set(_helplines().countries))
    assert not missing, f"content/helplines.yaml lacks {missing}"


def test_every_entry_has_an_emergency_number_and_a_name() -> None:
    for code, entry in _helplines().countries.items():
        assert entry.emergency.strip(), code
        assert entry.name.strip(), code
        assert entry.checked.year >= 2026, code


@pytest.mark.parametrize("code", ["PH", "ph", "US", "DE", "AQ", "XX", "", None])
def test_directory_always_last_in_both_lists(code: str | None) -> None:
    helplines = _helplines()
    lines = lines_for(helplines, code)
    crisis_dir = helplines.directories.crisis[-1].text
    abuse_dir = helplines.directories.abuse[-1].text
    assert lines.crisis[-1] == crisis_dir
    assert lines.abuse[-1] == abuse_dir
    assert lines.crisis.count(crisis_dir) == 1
    assert lines.abuse.count(abuse_dir) == 1


def test_directory_last_for_every_country() -> None:
    helplines = _helplines()
    for code in helplines.countries:
        lines = lines_for(helplines, code)
        assert lines.known
        assert lines.country == code
        assert "findahelpline.com" in lines.crisis[-1], code
        assert "hotpeachpages.net" in lines.abuse[-1], code
        assert len(lines.crisis) == len(set(lines.crisis)), code
        assert len(lines.abuse) == len(set(lines.abuse)), code


def test_directory_not_duplicated_when_a_country_lists_it(tmp_path: Path) -> None:
    data = _raw()
    directory = copy.deepcopy(data["directories"]["crisis"][0])
    data["countries"]["PH"]["crisis"].append(directory)
    helplines = load_helplines(_write(tmp_path, data))
    crisis = lines_for(helplines, "PH").crisis
    assert crisis[-1] == directory["text"]
    assert crisis.count(directory["text"]) == 1


def test_unknown_country_gets_the_fallback() -> None:
    for code in (None, "", "XX", "zz", "Etc/UTC"):
        lines = lines_for(_helplines(), code)
        assert not lines.known
        assert lines.country is None
        assert lines.name == "your country"
        assert lines.emergency == "your local emergency number"
        assert lines.crisis
        assert lines.abuse


def test_philippines_has_its_own_abuse_line() -> None:
    helplines = _helplines()
    ph = helplines.countries["PH"]
    assert ph.name == "the Philippines"
    assert ph.emergency == "911"
    assert ph.abuse, "the Philippines needs an abuse line of its own"
    lines = lines_for(helplines, "PH")
    directories = {line.text for line in helplines.directories.abuse}
    assert [text for text in lines.abuse if text not in directories]
    assert any("1553" in text for text in lines.crisis)


def test_named_countries_have_abuse_lines() -> None:
    countries = _helplines().countries
    missing = [code for code in NEEDS_ABUSE if not countries[code].abuse]
    assert not missing


def test_codes_are_case_insensitive() -> None:
    helplines = _helplines()
    upper = lines_for(helplines, "PH")
    assert lines_for(helplines, "ph") == upper
    assert lines_for(helplines, " Ph ") == upper
    assert lines_for(helplines, "no").name == "Norway"


def test_sources_are_https() -> None:
    helplines = _helplines()
    for code, entry in helplines.countries.items():
        for line in [*entry.crisis, *entry.abuse]:
            assert line.source.startswith("https://"), code


def _error(tmp_path: Path, data: dict[str, Any]) -> str:
    with pytest.raises(HelplinesError) as info:
        load_helplines(_write(tmp_path, data))
    return str(info.value)


def test_broken_html_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["PH"]["crisis"][0]["text"] = "NCMH: <b>1553 (24/7)"
    message = _error(tmp_path, data)
    assert "helplines.yaml" in message
    assert "countries.PH.crisis.0.text" in message


def test_disallowed_tag_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["DE"]["abuse"][0]["text"] = "<u>116 016</u>"
    assert "countries.DE.abuse.0.text" in _error(tmp_path, data)


def test_too_long_line_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["PH"]["abuse"][0]["text"] = "x" * 301
    message = _error(tmp_path, data)
    assert "countries.PH.abuse.0.text" in message
    assert "301" in message


def test_empty_emergency_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["KE"]["emergency"] = ""
    assert "countries.KE.emergency" in _error(tmp_path, data)


def test_missing_emergency_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    del data["countries"]["KE"]["emergency"]
    assert "countries.KE.emergency" in _error(tmp_path, data)


def test_http_source_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["PH"]["crisis"][0]["source"] = "http://ncmh.gov.ph"
    assert "countries.PH.crisis.0.source" in _error(tmp_path, data)


def test_bad_date_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["PH"]["checked"] = "last week"
    assert "countries.PH.checked" in _error(tmp_path, data)


def test_unknown_key_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    data["countries"]["PH"]["hotline"] = "1553"
    assert "countries.PH.hotline" in _error(tmp_path, data)


@pytest.mark.parametrize("code", ["ph", "PHL", "P1"])
def test_bad_country_code_is_rejected(tmp_path: Path, code: str) -> None:
    data = _raw()
    data["countries"][code] = data["countries"].pop("PH")
    message = _error(tmp_path, data)
    assert "countries" in message
    assert repr(code) in message


def test_unquoted_norway_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "helplines.yaml"
    text = PATH.read_text("utf-8").replace('  "NO":\n', "  NO:\n")
    assert text != PATH.read_text("utf-8")
    path.write_text(text, "utf-8")
    with pytest.raises(HelplinesError, match='quote "NO"'):
        load_helplines(path)


def test_duplicate_country_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "helplines.yaml"
    text = PATH.read_text("utf-8").replace(
        "countries:\n",
        'countries:\n  PH:\n    name: "x"\n    emergency: "1"\n    checked: 2026-11-30\n',
        1,
    )
    path.write_text(text, "utf-8")
    with pytest.raises(HelplinesError, match="duplicate key 'PH'"):
        load_helplines(path)


def test_missing_directories_names_the_field(tmp_path: Path) -> None:
    data = _raw()
    del data["directories"]
    assert "directories" in _error(tmp_path, data)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(HelplinesError, match="nope.yaml"):
        load_helplines(tmp_path / "nope.yaml")


def test_young_lines_are_optional_and_never_mixed_with_the_directories(tmp_path: Path) -> None:
    helplines = _helplines()
    assert any("0800 1111" in text for text in lines_for(helplines, "GB").young)
    assert lines_for(helplines, "US").young == ()  # 988 is for every age: nothing of its own
    assert lines_for(helplines, None).young == ()
    directories = {line.text for line in helplines.directories.crisis}
    for code, entry in helplines.countries.items():
        assert not {line.text for line in entry.young} & directories, code
    data = _raw()
    data["countries"]["GB"]["young"] = [{"text": "Childline", "source": "ftp://x"}]
    with pytest.raises(HelplinesError, match=r"countries\.GB\.young"):
        load_helplines(_write(tmp_path, data))
