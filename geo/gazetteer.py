"""The offline gazetteer: find places by name or position.

`load()` reads the compiled artefact once per process (lazily, behind a lock) and returns a
`Gazetteer`; tests may pass another path.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo import artefact
from geo.distance import chord_for_km, geodesic_km
from geo.names import fold, normalize, skeleton
from geo.place import KINDS, Place

if TYPE_CHECKING:
    import shapely

# Words that, before or after a name, say what kind of place is meant ("Daraa province",
# "the city of Aleppo", "Kuweires airbase"); the name is looked up with and without them.
PLACE_CACHE = 100_000  # Place records kept once made
KIND_WORDS = {
    "province": "province", "governorate": "province", "oblast": "province", "region": "province",
    "state": "province", "wilayat": "province", "muhafazat": "province",
    "district": "district", "raion": "district", "rayon": "district", "county": "district",
    "city": "city", "town": "town", "village": "village", "hamlet": "village",
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "quarter": "neighbourhood",
    "suburb": "neighbourhood",
    "airbase": "facility", "air base": "facility", "airport": "facility", "airfield": "facility",
    "military airport": "facility", "base": "facility", "dam": "facility", "crossing": "facility",
    # A camp is a base; a refugee camp is a settlement.
    "border crossing": "facility", "camp": "facility", "refugee camp": "neighbourhood",
    "prison": "facility", "bridge": "facility",
    "power plant": "facility", "oil field": "facility", "oilfield": "facility", "refinery": "facility",
    "river": "water", "lake": "water", "sea": "water", "strait": "water", "gulf": "water",
    "mountain": "mountain", "mountains": "mountain", "mount": "mountain", "hills": "mountain",
    "countryside": "province", "plain": "region", "valley": "region", "desert": "region",
}
_lock = threading.Lock()
_loaded: dict[Path | str, Gazetteer] = {}


def split_kind(name: str) -> tuple[str, str | None]:
    """Split a kind word off a name: ("Daraa province") -> ("Daraa", "province")."""
    name = name.strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    lower = name.lower()
    words = lower.split()
    for n in (2, 1):  # two-word kind words first: "air base", "border crossing"
        if len(words) > n:
            word = " ".join(words[-n:])
            if word in KIND_WORDS:
                return name[:len(name) - len(word)].rstrip(" -"), KIND_WORDS[word]
    head, of, rest = lower.partition(" of ")
    if of and head in KIND_WORDS and rest:
        return name[len(head) + 4:].strip(), KIND_WORDS[head]
    return name, None


def _may_have_kind_word(name: str) -> bool:
    """A cheap test that `split_kind` could find something (most names have no kind word)."""
    last = name.rpartition(" ")[2].lower()
    return last in KIND_WORDS or last in _SECOND_WORDS or " of " in name or name[:4].lower() == "the "


_SECOND_WORDS = frozenset(w.split()[-1] for w in KIND_WORDS if " " in w)


class Gazetteer:
    """Places by name (`candidates`, `get`), by position (`near`) and outlines (`boundary`)."""

    def __init__(self, columns: dict, boundaries_path: Path | None = None):
        self._names = artefact.Strings(*columns["names"])
        self._alternates = artefact.Strings(*columns["alternates"])
        self._lat = array("d", columns["lat"])
        self._lon = array("d", columns["lon"])
        self._kind: bytes = columns["kind"]
        self._countries, self._country = columns["country"][0], array("H", columns["country"][1])
        self._admin1s, self._admin1 = columns["admin1"][0], array("H", columns["admin1"][1])
        self._population = array("q", columns["population"])
        self._weight = array("d", columns["weight"])
        self._sources, self._source = columns["source"][0], array("H", columns["source"][1])
        self._exact: dict = columns["exact"]
        self._folded: dict = columns["folded"]
        self._common: dict[str, float] = columns["common"]
        self._sounding: dict[str, tuple[int, ...]] = columns["sounding"]
        self._boundaries_path = boundaries_path
        self._tree = None
        self._outlines: dict[str, shapely.Geometry] | None = None
        self._outline_tree = None
        self._country_ids: dict[str, int] | None = None
        self._outline_codes: list[str] = []
        self._places: dict[int, Place] = {}
        self._ranked = lru_cache(maxsize=100_000)(self._rank)

    def __len__(self) -> int:
        return len(self._names)

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            if len(self._places) >= PLACE_CACHE:
                self._places.clear()  # a crude bound: cheaper per look-up than an LRU
            place = self._places[i] = self._make_place(i)
        return place

    def clear_caches(self) -> None:
        """Forget every Place and ranking made so far (benchmarks measure look-ups from cold)."""
        self._places.clear()
        self._ranked.cache_clear()

    def _make_place(self, i: int) -> Place:
        alternates = self._alternates[i]
        return Place.trusted(i, self._names[i], tuple(alternates.split(artefact.SEPARATOR)) if alternates else (),
                             self._lat[i], self._lon[i], KINDS[self._kind[i]], self._countries[self._country[i]],
                             self._admin1s[self._admin1[i]], self._population[i], self._sources[self._source[i]])

    def lookup(self, place_id: int) -> Place:
        """The place with this id; LookupError when there is none."""
        if not 0 <= place_id < len(self._names):
            raise LookupError(f"No place with id {place_id}")
        return self._place(place_id)

    @staticmethod
    def _hits(index: dict, key: str) -> tuple[int, ...]:
        found = index.get(key, ())
        return (found,) if isinstance(found, int) else found

    def _rank(self, name: str, countries: tuple[str, ...], kind: str | None) -> tuple[int, ...]:
        tiers = [self._hits(self._exact, normalize(name)), self._hits(self._folded, fold(name))]
        base, word = split_kind(name)
        kind = kind or word
        if word:
            tiers += [self._hits(self._exact, normalize(base)), self._hits(self._folded, fold(base))]
        seen: dict[int, tuple] = {}
        for tier, hits in enumerate(tiers):
            for stored in hits:
                own = stored >= 0
                i = stored if own else ~stored
                if i in seen:
                    continue
                country = self._countries[self._country[i]]
                order = countries.index(country) if country in countries else len(countries)
                kind_miss = kind is not None and KINDS[self._kind[i]] != kind
                # A place's own name outweighs a former or foreign name that a namesake carries.
                weight = self._weight[i] * (1.0 if own else artefact.OTHER_NAME_WEIGHT)
                seen[i] = (order, kind_miss, min(tier, 1) if not word else tier // 2, -weight, i)
        return tuple(sorted(seen, key=seen.__getitem__))

    def candidates(self, name: str, country: str | Sequence[str] | None = None,
                   kind: str | None = None) -> list[Place]:
        """Places called `name`, best first; `country` (ISO alpha-2, or several in order) ranks first."""
        if not name or not name.strip():
            return []
        countries = (country,) if isinstance(country, str) else tuple(country or ())
        return [self._place(i) for i in self._ranked(name, tuple(c.upper() for c in countries), kind)]

    def get(self, name: str, country: str | Sequence[str] | None = None,
            kind: str | None = None) -> Place | None:
        """The best place called `name`, or None."""
        if not name or not name.strip():
            return None
        if country is None and kind is None:
            # Fast path: index lists are stored best first, and the own-name tier comes first.
            found = self._exact.get(normalize(name))
            if found is not None and not _may_have_kind_word(name):
                first = found if isinstance(found, int) else found[0]
                return self._place(first if first >= 0 else ~first)
        countries = (country,) if isinstance(country, str) else tuple(country or ())
        ranked = self._ranked(name, tuple(c.upper() for c in countries), kind)
        return self._place(ranked[0]) if ranked else None

    def sounding(self, name: str) -> list[Place]:
        """Places of the war theatres' countries whose name has the skeleton of `name`
        (`geo.names.skeleton`): spellings that only vowel the name differently."""
        return [self._place(i) for i in self._sounding.get(skeleton(name), ())]

    def weight(self, place_id: int) -> float:
        """How prominent a place is (population-like; countries highest): ranks namesakes."""
        return self._weight[place_id]

    def word_frequency(self, name: str) -> float:
        """Zipf frequency of a one-word name as an English word (0 when rare or not one word)."""
        return self._common.get(normalize(name), 0.0)

    def knows(self, name: str) -> bool:
        """True when some place carries this name (normalised or folded)."""
        return normalize(name) in self._exact or fold(name) in self._folded

    def knows_exactly(self, name: str) -> bool:
        """True when some place carries this name once normalised (no transliteration folding)."""
        return normalize(name) in self._exact

    def near(self, lat: float, lon: float, km: float, kinds: Iterable[str] | None = None) -> list[Place]:
        """Places within `km` (geodesic) of (lat, lon), nearest first."""
        import numpy as np  # imported here: loading the gazetteer must stay fast
        from scipy.spatial import cKDTree

        if self._tree is None:
            la, lo = np.radians(np.frombuffer(self._lat)), np.radians(np.frombuffer(self._lon))
            self._tree = cKDTree(np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]))
        la, lo = np.radians(lat), np.radians(lon)
        centre = [np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]
        wanted = set(kinds) if kinds else None
        found = []
        for i in self._tree.query_ball_point(centre, chord_for_km(km * 1.01)):
            place = self._place(int(i))
            if wanted and place.kind not in wanted:
                continue
            d = geodesic_km((lat, lon), place.point)
            if d <= km:
                found.append((d, place.id, place))
        return [p for _, _, p in sorted(found)]

    def boundary(self, code: str) -> shapely.Geometry | None:
        """The outline of a country (ISO alpha-2) or admin-1 area (ISO 3166-2), in (lon, lat)."""
        if self._outlines is None:
            self._outlines = _read_outlines(self._boundaries_path)
        return self._outlines.get(code.upper())

    def boundaries_within(self, south: float, west: float, north: float,
                          east: float) -> list[tuple[str, shapely.Geometry]]:
        """(code, outline) of every country and admin-1 area meeting a (lat, lon) box."""
        import shapely

        if self._outlines is None:
            self._outlines = _read_outlines(self._boundaries_path)
        if self._outline_tree is None:
            self._outline_codes = list(self._outlines)
            self._outline_tree = shapely.STRtree([self._outlines[c] for c in self._outline_codes])
        hits = self._outline_tree.query(shapely.box(west, south, east, north))
        return [(self._outline_codes[i], self._outlines[self._outline_codes[i]]) for i in sorted(hits)]

    def country_at(self, lat: float, lon: float) -> str | None:
        """The ISO alpha-2 code of the country whose outline holds (lat, lon), or None."""
        import shapely

        point = shapely.Point(lon, lat)
        for code, outline in self.boundaries_within(lat, lon, lat, lon):
            if len(code) == 2 and outline.contains(point):
                return code
        return None

    def admin1_at(self, lat: float, lon: float) -> shapely.Geometry | None:
        """The outline of the admin-1 area that holds (lat, lon), or None."""
        import shapely

        point = shapely.Point(lon, lat)
        return next((outline for code, outline in self.boundaries_within(lat, lon, lat, lon)
                     if "-" in code and outline.contains(point)), None)

    def country(self, code: str) -> Place | None:
        """The country place for an ISO alpha-2 code."""
        if self._country_ids is None:
            country_kind = KINDS.index("country")
            self._country_ids = {self._countries[self._country[i]]: i
                                 for i, k in enumerate(self._kind) if k == country_kind}
        i = self._country_ids.get(code.upper())
        return None if i is None else self._place(i)


def _read_outlines(path: Path | None) -> dict[str, shapely.Geometry]:
    import json

    from shapely.geometry import shape

    from gazetteer.boundaries import OUTPUT

    document = json.loads((path or OUTPUT).read_text(encoding="utf-8"))
    outlines = {code: shape(g) for code, g in document["countries"].items()}
    outlines.update((a["code"], shape(a["geometry"])) for a in document["admin1"] if a["code"])
    return outlines


def load(path: Path | None = None) -> Gazetteer:
    """The gazetteer from `path` (the built artefact by default), read once per process."""
    asked = path or artefact.DEFAULT_PATH
    known = _loaded.get(asked)  # the way it was asked for before: resolving a path costs system calls
    if known is not None:
        return known
    resolved = Path(asked).resolve()
    with _lock:
        if resolved not in _loaded:
            _loaded[resolved] = Gazetteer(artefact.read(resolved))
        _loaded[asked] = _loaded[resolved]
        return _loaded[resolved]
