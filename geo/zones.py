"""Control zones and front lines from held places.

Each held place gets the Voronoi cell of the area nearer to it than to any other place (computed
in an equal-area projection centred on the places), cut to the country outline and to a reach that
grows with the spacing of places around it, so a lone town never paints a province. Before that,
each place's side is checked against its nearest neighbours: a place whose side no neighbour
within reach shares, while most of them agree on another, is treated as contested (a stale or
misplaced report should not carve an island). Cells of one side merge into its zone; the shared
boundaries of hostile zones are the front lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import shapely
import shapely.geometry
from pyproj import Geod, Transformer
from scipy.spatial import cKDTree

CONTESTED = "contested"
MIN_REACH_KM = 12.0
MAX_REACH_KM = 150.0
REACH_FACTOR = 2.5  # times the distance to the nearest neighbours
NEIGHBOURS = 6
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class HeldPlace:
    """A place and the side that holds it (lat, lon in WGS84)."""

    name: str
    lat: float
    lon: float
    side: str


@dataclass(frozen=True, slots=True)
class Zone:
    """A side's territory: shapely geometry in (lon, lat), and its area."""

    side: str
    geometry: shapely.Geometry
    area_km2: float


@dataclass(frozen=True, slots=True)
class Front:
    """A front line between two hostile sides: shapely geometry in (lon, lat), and its length."""

    sides: tuple[str, str]
    geometry: shapely.Geometry
    length_km: float


class Projection:
    """Lambert azimuthal equal-area centred on the places: areas exact, distances close to geodesic."""

    def __init__(self, lat: float, lon: float):
        crs = f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m"
        self.forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        self.back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def to_metric(self, geom: shapely.Geometry) -> shapely.Geometry:
        return shapely.transform(geom, lambda xy: np.column_stack(self.forward.transform(xy[:, 0], xy[:, 1])))

    def to_lonlat(self, geom: shapely.Geometry) -> shapely.Geometry:
        return shapely.transform(geom, lambda xy: np.column_stack(self.back.transform(xy[:, 0], xy[:, 1])))


def _reach_m(tree: cKDTree, xy: np.ndarray) -> np.ndarray:
    k = min(len(xy), 4)
    if k < 2:
        return np.full(len(xy), MIN_REACH_KM * 1000)
    distances, _ = tree.query(xy, k=k)
    spacing = distances[:, 1:].mean(axis=1)
    return np.clip(REACH_FACTOR * spacing, MIN_REACH_KM * 1000, MAX_REACH_KM * 1000)


def _smoothed_sides(places: list[HeldPlace], tree: cKDTree, xy: np.ndarray, reach: np.ndarray) -> list[str]:
    k = min(len(places), NEIGHBOURS + 1)
    if k < 3:
        return [p.side for p in places]
    distances, indexes = tree.query(xy, k=k)
    sides = []
    for n, place in enumerate(places):
        around = [places[j].side for d, j in zip(distances[n][1:], indexes[n][1:]) if d <= reach[n]]
        votes = Counter(around)
        if around and votes[place.side] == 0 and votes.most_common(1)[0][1] >= max(3, len(around) * 2 // 3):
            sides.append(CONTESTED)
        else:
            sides.append(place.side)
    return sides


def build_zones(places: list[HeldPlace], boundary: shapely.Geometry | None = None,
                hostile=lambda a, b: a != b and CONTESTED not in (a, b), limit_reach: bool = True,
                smooth: bool = True) -> tuple[list[Zone], list[Front]]:
    """Zones per side and fronts between hostile sides; `boundary` (lon, lat) clips everything.

    `limit_reach` and `smooth` can be turned off to get plain Voronoi zones (the evaluation's baseline).
    """
    if not places:
        return [], []
    projection = Projection(float(np.mean([p.lat for p in places])), float(np.mean([p.lon for p in places])))
    points = projection.to_metric(shapely.points([p.lon for p in places], [p.lat for p in places]))
    xy = shapely.get_coordinates(points)
    tree = cKDTree(xy)
    reach = _reach_m(tree, xy) if limit_reach else np.full(len(xy), np.inf)
    sides = _smoothed_sides(places, tree, xy, reach) if smooth else [p.side for p in places]
    if smooth:
        # A contested place lies on the front: it takes no cell of its own, so the front between
        # its neighbours' cells runs through it.
        keep = [n for n, side in enumerate(sides) if side != CONTESTED] or list(range(len(sides)))
        xy, reach, points = xy[keep], reach[keep], points[keep]
        sides = [sides[n] for n in keep]
    clip = projection.to_metric(boundary) if boundary is not None else None
    extent = shapely.MultiPoint(xy).envelope.buffer(MAX_REACH_KM * 1000)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(xy), extend_to=extent, ordered=True)
    by_side: dict[str, list[shapely.Geometry]] = {}
    for n, cell in enumerate(cells.geoms):
        limited = cell.intersection(points[n].buffer(reach[n], quad_segs=8)) if limit_reach else cell
        by_side.setdefault(sides[n], []).append(limited)
    merged = {}
    for side, parts in by_side.items():
        area = shapely.union_all(parts)
        if clip is not None:
            area = area.intersection(clip)
        if not area.is_empty:
            merged[side] = area
    zones = [Zone(side, projection.to_lonlat(area), area.area / 1e6) for side, area in sorted(merged.items())]
    fronts = []
    names = sorted(merged)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if not hostile(a, b):
                continue
            line = shapely.line_merge(shapely.intersection(merged[a].boundary, merged[b].buffer(1.0)))
            if line.is_empty or line.length < 1.0:
                continue
            geometry = projection.to_lonlat(line)
            fronts.append(Front((a, b), geometry, _GEOD.geometry_length(geometry) / 1000))
    return zones, fronts


def to_geojson(zones: list[Zone], fronts: list[Front]) -> dict:
    """An RFC 7946 FeatureCollection (lon, lat): one feature per side's zone and per front line."""
    features = [{"type": "Feature", "geometry": shapely.geometry.mapping(z.geometry),
                 "properties": {"kind": "zone", "side": z.side, "area_km2": round(z.area_km2, 1)}} for z in zones]
    features += [{"type": "Feature", "geometry": shapely.geometry.mapping(f.geometry),
                  "properties": {"kind": "front", "sides": list(f.sides), "length_km": round(f.length_km, 1)}}
                 for f in fronts]
    return {"type": "FeatureCollection", "features": features}
