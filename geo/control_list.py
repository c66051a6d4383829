"""Imported control lists: places with the side that holds them, from CSV or GeoJSON points."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from geo.dates import check_date
from geo.errors import InputError
from geo.place import check_latlon


@dataclass(frozen=True, slots=True)
class ControlRow:
    """One row of an imported control list: `side` held `name` at (lat, lon) on `date`."""

    name: str
    lat: float
    lon: float
    side: str
    date: str | None = None

    def __post_init__(self) -> None:
        check_latlon(self.lat, self.lon)
        check_date(self.date)
        if not self.side:
            raise InputError(f"Expected a side for {self.name!r}, instead got an empty value")


def parse_control_list(text: str, filename: str = "control list") -> list[ControlRow]:
    """Rows of a control list: CSV (name,lat,lon,side[,date]) or GeoJSON points (properties name, side, date)."""
    if filename.lower().endswith((".geojson", ".json")) or text.lstrip().startswith("{"):
        return _geojson_rows(text, filename)
    reader = csv.DictReader(io.StringIO(text))
    missing = {"name", "lat", "lon", "side"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{filename}: expected columns name,lat,lon,side[,date], missing {sorted(missing)}")
    rows = []
    for line, r in enumerate(reader, start=2):
        try:
            rows.append(ControlRow((r["name"] or "").strip(), float(r["lat"]), float(r["lon"]),
                                   (r["side"] or "").strip().lower(), (r.get("date") or "").strip() or None))
        except (TypeError, ValueError) as e:
            raise InputError(f"{filename}:{line}: {e}") from None
    return rows


def _lonlat_to_latlon(coordinates) -> tuple[float, float]:
    """GeoJSON positions are (lon, lat); ours are (lat, lon)."""
    lon, lat = coordinates[:2]
    return float(lat), float(lon)


def _geojson_rows(text: str, filename: str) -> list[ControlRow]:
    try:
        data = json.loads(text)
    except ValueError as e:
        raise InputError(f"{filename}: not valid GeoJSON ({e})") from None
    features = data.get("features") if isinstance(data, dict) else None
    if data.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise InputError(f"{filename}: expected a GeoJSON FeatureCollection, instead got: {data.get('type')!r}")
    rows = []
    for n, feature in enumerate(features):
        try:
            geometry, properties = feature.get("geometry") or {}, feature.get("properties") or {}
            if geometry.get("type") != "Point":
                raise InputError(f"expected a Point, instead got: {geometry.get('type')!r}")
            lat, lon = _lonlat_to_latlon(geometry["coordinates"])
            rows.append(ControlRow(str(properties.get("name") or "").strip(), lat, lon,
                                   str(properties.get("side") or "").strip().lower(),
                                   properties.get("date") or None))
        except (AttributeError, KeyError, TypeError, ValueError) as e:
            raise InputError(f"{filename}: feature {n}: {e}") from None
    return rows


def read_control_list(path: Path) -> list[ControlRow]:
    """Rows of a control list file (CSV or GeoJSON)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path.name}: cannot read the control list ({e})") from None
    return parse_control_list(text, path.name)
