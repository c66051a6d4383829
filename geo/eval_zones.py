"""Score control zones against reference maps with the evaluation folder's own scorer.

The folder holds, per month, `towns-YYYY-MM.csv` (name,lat,lon,side,date), the reference and window
GeoJSON, and `score_zones.py`, which is loaded from there and run on each candidate.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import shapely

from geo.zones import HeldPlace, build_zones, to_geojson

BUFFER_KM = 15.0


@dataclass(frozen=True, slots=True)
class MonthScore:
    """One method's scores for one month."""

    month: str
    method: str
    iou: float
    ref_to_ours_km: float | None
    ours_to_ref_km: float | None


def read_places(path: Path, as_of: str | None = None) -> list[HeldPlace]:
    """A control list (CSV: name,lat,lon,side[,date]); with `as_of`, each place's latest row up to that date."""
    from geo.errors import InputError
    from geo.place import check_latlon

    latest: dict[tuple[str, float, float], tuple[str, HeldPlace]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"name", "lat", "lon", "side"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"{path.name}: expected columns name,lat,lon,side[,date], missing {sorted(missing)}")
        for line, r in enumerate(reader, start=2):
            try:
                lat, lon = check_latlon(float(r["lat"]), float(r["lon"]))
            except ValueError as e:
                raise InputError(f"{path.name}:{line}: {e}") from None
            date = (r.get("date") or "").strip()
            if as_of and date and date > as_of:
                continue
            key = (r["name"], lat, lon)
            if key not in latest or date >= latest[key][0]:
                latest[key] = (date, HeldPlace(r["name"], lat, lon, r["side"].strip().lower()))
    return [place for _, place in latest.values()]


def _scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("score_zones", folder / "score_zones.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _buffers(places: list[HeldPlace], boundary: shapely.Geometry) -> dict:
    from geo.zones import Projection

    projection = Projection(50.0, 32.0)
    zones = []
    for side in sorted({p.side for p in places}):
        points = projection.to_metric(shapely.points([p.lon for p in places if p.side == side],
                                                     [p.lat for p in places if p.side == side]))
        area = shapely.union_all(shapely.buffer(points, BUFFER_KM * 1000)).intersection(projection.to_metric(boundary))
        zones.append({"type": "Feature", "geometry": shapely.geometry.mapping(projection.to_lonlat(area)),
                      "properties": {"kind": "zone", "side": side}})
    return {"type": "FeatureCollection", "features": zones}


def evaluate(folder: Path, boundary: shapely.Geometry) -> list[MonthScore]:
    """Ours, plain Voronoi and fixed buffers, scored for every month of the folder."""
    scorer = _scorer(folder)
    scores = []
    for towns in sorted(folder.glob("towns-*.csv")):
        month = towns.stem.removeprefix("towns-")
        reference = json.loads((folder / f"reference-{month}.geojson").read_text(encoding="utf-8"))
        window = json.loads((folder / f"window-{month}.geojson").read_text(encoding="utf-8"))
        places = read_places(towns)
        candidates = {
            "frontline": to_geojson(*build_zones(places, boundary)),
            "voronoi": to_geojson(*build_zones(places, boundary, limit_reach=False, smooth=False)),
            "buffers 15 km": _buffers(places, boundary),
        }
        for method, candidate in candidates.items():
            result = scorer.score(candidate, reference, window)
            front = result.get("front") or {}
            there = (front.get("ref_to_candidate") or {}).get("median_km")
            back = (front.get("candidate_to_ref") or {}).get("median_km")
            scores.append(MonthScore(month, method, result["area"]["iou"], there, back))
    return scores
