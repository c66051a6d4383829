"""Write the US counties (parishes, boroughs) of the Census Bureau's outlines as supplement rows.

GeoNames' cities list has no counties, yet US local news names them all the time ("Laurel County",
"Rapides Parish"). Run `python -m gazetteer.us_counties` (needs npm) to rewrite
`gazetteer/supplement/us_counties.csv` from npm `us-atlas` (ISC; data: US Census Bureau, public
domain): one row per county at a point inside its outline. The output is committed.
"""

from __future__ import annotations

import csv
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import shapely

PACKAGE = "us-atlas@3.0.1"
OUTPUT = Path(__file__).parent / "supplement" / "us_counties.csv"
HEADER = ["name", "alternates", "kind", "country", "admin1", "lat", "lon"]
# The word each state's counties go by. Independent cities (Baltimore, St. Louis, Virginia's) are
# cities, which GeoNames already has.
UNIT = {"22": "Parish", "02": "Borough"}


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs decoded to (lon, lat): quantised, delta-encoded positions."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _shape(arcs: list, geometry: dict) -> shapely.Geometry:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for rings in polygons:
        shell, *holes = (_ring(arcs, r) for r in rings)
        if len(shell) >= 4:  # quantisation can collapse a tiny islet to a line
            parts.append(shapely.Polygon(shell, [h for h in holes if len(h) >= 4]))
    return shapely.union_all(parts).buffer(0)


def rows(topology: dict) -> list[list]:
    """One supplement row per county, at a point inside it (lat, lon in the file, as everywhere)."""
    arcs = _arcs(topology)
    states = {g["id"]: g["properties"]["name"] for g in topology["objects"]["states"]["geometries"]}
    out = []
    for g in topology["objects"]["counties"]["geometries"]:
        state, county = g["id"][:2], g["id"][2:]
        if g["type"] not in ("Polygon", "MultiPolygon") or state not in states or state >= "60" or county >= "510":
            continue  # territories (60 and up) are countries in ISO 3166; 510 and up are independent cities
        unit = UNIT.get(state, "County")
        name = g["properties"]["name"]
        full = name if name.endswith((" County", " Parish", " Borough", " Area", " Municipality")) else f"{name} {unit}"
        point = _shape(arcs, g).representative_point()
        short = "Co." if unit == "County" else unit[:3] + "."
        out.append([full, f"{full.rsplit(' ', 1)[0]} {short}", "district", "US", states[state],
                    f"{point.y:.4f}", f"{point.x:.4f}"])
    return sorted(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        with tarfile.open(next(Path(tmp).glob("us-atlas-*.tgz"))) as tar:
            topology = json.load(tar.extractfile("package/counties-10m.json"))
    found = rows(topology)
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(found)
    print(f"wrote {OUTPUT}: {len(found):,} counties")


if __name__ == "__main__":
    main()
