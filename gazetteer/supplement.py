"""Read and check the team-written conflict supplement (`gazetteer/supplement/*.csv`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from shapely import Geometry, Point
from shapely.prepared import PreparedGeometry, prep

from geo.names import without_qualifier
from geo.place import KINDS, check_latlon

FOLDER = Path(__file__).parent / "supplement"
COLUMNS = ["name", "alternates", "kind", "country", "admin1", "lat", "lon"]
# Degrees of slack around a country's simplified outline: coastal facilities and border
# crossings sit on the line; seas and straits lie off the coast of the country they matter to.
SLACK = {"water": 1.5, "region": 0.5, "facility": 0.08, "country": 1.0}
DEFAULT_SLACK = 0.05


@dataclass(frozen=True, slots=True)
class Row:
    """One supplement entry as written, with where it was written."""

    name: str
    alternates: tuple[str, ...]
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    file: str
    line: int


def read(path: Path) -> Iterator[Row]:
    """Yield the rows of one supplement file, raising ValueError on a malformed row."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise ValueError(f"{path.name}: expected header {','.join(COLUMNS)}, instead got: {reader.fieldnames}")
        for record in reader:
            where = f"{path.name}:{reader.line_num}"
            if None in record or any(record[c] is None for c in COLUMNS):
                raise ValueError(f"{where}: expected {len(COLUMNS)} fields, instead got: {record}")
            kind = record["kind"].strip()
            if kind not in KINDS:
                raise ValueError(f"{where}: expected a kind among {KINDS}, instead got: {kind!r}")
            country = record["country"].strip().upper()
            if country and (len(country) != 2 or not country.isalpha()):
                raise ValueError(f"{where}: expected an ISO alpha-2 country code, instead got: {country!r}")
            if not country and kind not in ("water", "region"):
                raise ValueError(f"{where}: only water and region rows may leave the country empty")
            try:
                lat, lon = check_latlon(float(record["lat"]), float(record["lon"]))
            except ValueError as e:
                raise ValueError(f"{where}: {e}") from None
            name = record["name"].strip()
            alternates = tuple(a.strip() for a in record["alternates"].split("|") if a.strip())
            # "Zara (Hama)" tells two villages apart on the map; the text calls either of them "Zara"
            bare = without_qualifier(name)
            if bare != name and bare not in alternates:
                alternates = (bare, *alternates)
            yield Row(name, alternates, kind, country, record["admin1"].strip(),
                      lat, lon, path.name, reader.line_num)


def read_all(folder: Path = FOLDER) -> list[Row]:
    """Every row of every supplement file, in file order."""
    return [row for path in sorted(folder.glob("*.csv")) for row in read(path)]


def misplaced(rows: Iterable[Row], countries: dict[str, Geometry]) -> list[str]:
    """Describe every row whose point lies outside its stated country."""
    problems = []
    widened: dict[tuple[str, float], PreparedGeometry] = {}  # buffering an outline costs: once per slack
    for row in rows:
        if not row.country:
            continue
        outline = countries.get(row.country)
        if outline is None:
            if row.kind == "country":  # territories too small for Natural Earth's outlines
                continue
            problems.append(f"{row.file}:{row.line} {row.name}: no outline for country {row.country}")
            continue
        slack = SLACK.get(row.kind, DEFAULT_SLACK)
        if (row.country, slack) not in widened:
            widened[(row.country, slack)] = prep(outline.buffer(slack))
        if not widened[(row.country, slack)].contains(Point(row.lon, row.lat)):
            inside = [c for c, g in countries.items() if g.contains(Point(row.lon, row.lat))]
            problems.append(f"{row.file}:{row.line} {row.name} ({row.lat}, {row.lon}) is not in "
                            f"{row.country}; it lies in {inside or 'no country'}")
    return problems


def duplicates(rows: Iterable[Row]) -> list[str]:
    """Describe rows that repeat a name of the same kind in the same country and admin-1 area."""
    seen: dict[tuple[str, str, str, str], Row] = {}
    problems = []
    for row in rows:
        key = (row.name.casefold(), row.kind, row.country, row.admin1.casefold())
        if key in seen:
            first = seen[key]
            problems.append(f"{row.file}:{row.line} {row.name} repeats {first.file}:{first.line}")
        seen[key] = row
    return problems
