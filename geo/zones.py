"""Control zones and front lines from held places.

Places are projected to an equal-area plane centred on them and triangulated (Delaunay). Each place
has a share of each side: 1 for its own, blended half-and-half with its neighbours' shares when it
has three or more (which smooths the boundary; a place with fewer, such as one of an article's few,
counts as reported), times a weight that grows with the square of the spacing of places around it
(a place in a sparse part of a list stands for more ground than one in a dense cluster). Contested
places have no share. Inside a triangle the shares are interpolated linearly from its corners and
each point goes to the side with the largest share, so the boundary between two sides runs in
straight pieces across the edges joining their places, and through contested places, instead of
along the zigzag of Voronoi edges. A place whose neighbours all hold for another side is outvoted
by the blend, so a stale or misplaced report does not carve an island. Contested places get an area
of their own: where their (unblended) share would lead if contested were a side.

Triangles with an edge longer than its two ends reach are not used: beyond them, and beyond the
outermost places, each place keeps its Voronoi cell cut to a reach that grows with the spacing of
places around it, so a lone town never paints a province. Each side's pieces merge into its zone;
the shared boundaries of hostile zones are the front lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
import shapely
import shapely.geometry
from pyproj import Geod, Transformer
from scipy.spatial import Delaunay, QhullError, cKDTree

CONTESTED = "contested"
MIN_REACH_KM = 12.0
MAX_REACH_KM = 150.0
REACH_FACTOR = 2.5  # times the distance to the nearest neighbours
BLEND = 0.5  # share of a place's say taken from its neighbours: smooths the boundary
WEIGHT_POWER = 2  # a place's say grows with the square of its spacing, like the area it stands for
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


def opposed(a: str, b: str) -> bool:
    """The default hostility: any two different sides, neither of them contested."""
    return a != b and CONTESTED not in (a, b)


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
    """How far each place's ground may extend (m): a multiple of the spacing of its nearest neighbours."""
    k = min(len(xy), 4)
    if k < 2:
        return np.full(len(xy), MIN_REACH_KM * 1000)
    distances, _ = tree.query(xy, k=k)
    spacing = distances[:, 1:].mean(axis=1)
    return np.clip(REACH_FACTOR * spacing, MIN_REACH_KM * 1000, MAX_REACH_KM * 1000)


def _triangles(xy: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """The Delaunay triangles (corner indexes) none of whose edges is longer than its two ends reach."""
    if len(xy) < 3:
        return np.empty((0, 3), int)
    try:
        simplices = Delaunay(xy).simplices
    except QhullError:  # all places on one line
        return np.empty((0, 3), int)
    corners = xy[simplices]
    edges = np.linalg.norm(corners - np.roll(corners, -1, axis=1), axis=2)
    return simplices[(edges <= reach[simplices] + np.roll(reach[simplices], -1, axis=1)).all(axis=1)]


def _edges(simplices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both directions of every triangle edge, as (from, to) index arrays."""
    a, b = simplices.ravel(), np.roll(simplices, -1, axis=1).ravel()
    return np.concatenate([a, b]), np.concatenate([b, a])


def _unsurrounded(simplices: np.ndarray, n: int) -> np.ndarray:
    """Places with fewer than three neighbours in the triangulation (an article's few places)."""
    a, b = simplices.ravel(), np.roll(simplices, -1, axis=1).ravel()
    edges = np.unique(np.sort(np.column_stack([a, b]), axis=1), axis=0) if len(a) else np.empty((0, 2), int)
    return np.bincount(edges.ravel(), minlength=n) < 3


def _shares(simplices: np.ndarray, labels: np.ndarray, weight: np.ndarray,
            firm: np.ndarray | None = None) -> np.ndarray:
    """Each place's weighted share of each side (label): its own, blended with its neighbours' unless `firm`."""
    shares = np.zeros((len(labels), labels.max() + 1))
    held = labels >= 0
    shares[held, labels[held]] = 1.0
    a, b = _edges(simplices)
    around = np.zeros_like(shares)
    np.add.at(around, a, shares[b])
    count = np.bincount(a, minlength=len(labels))
    blended = (1 - BLEND) * shares + BLEND * around / np.maximum(count, 1)[:, None]
    if firm is not None:
        blended[firm] = shares[firm]
    # A contested place keeps no share, so the boundary between its neighbours' sides runs through it.
    return np.where(held[:, None], blended, 0.0) * weight[:, None]


def _clip(polygon: list[np.ndarray], normal: np.ndarray) -> list[np.ndarray]:
    """The part of a convex polygon (barycentric vertices) where the linear function `normal`·λ is >= 0."""
    out = []
    for n, here in enumerate(polygon):
        there = polygon[(n + 1) % len(polygon)]
        a, b = float(normal @ here), float(normal @ there)
        if a >= 0:
            out.append(here)
        if (a > 0 > b) or (a < 0 < b):
            out.append((b * here - a * there) / (b - a))
    return out


def _triangle_pieces(xy: np.ndarray, shares: np.ndarray, simplices: np.ndarray) -> dict[int, list[shapely.Geometry]]:
    """Per side (label), the parts of the triangles where its interpolated share is the largest."""
    triangles = shapely.polygons(xy[simplices])
    top = np.where(shares.max(axis=1) > 0, shares.argmax(axis=1), -1)[simplices]
    held = np.where(top >= 0, top, top.max(axis=1, keepdims=True))
    # Shares are linear in a triangle: if one side leads at its three corners, it leads throughout.
    pure = (held == held[:, :1]).all(axis=1) & (held[:, 0] >= 0)
    pieces: dict[int, list[shapely.Geometry]] = {}
    for side in np.unique(held[pure, 0]):
        pieces[int(side)] = [shapely.coverage_union_all(triangles[pure & (held[:, 0] == side)])]
    for t in np.flatnonzero(~pure & (top >= 0).any(axis=1)):
        corner_shares = shares[simplices[t]]
        present = np.flatnonzero(corner_shares.max(axis=0) > 0)
        for side in present:
            polygon = list(np.eye(3))
            for other in present:
                if other != side and len(polygon) >= 3:
                    polygon = _clip(polygon, corner_shares[:, side] - corner_shares[:, other])
            piece = shapely.Polygon(np.array(polygon) @ xy[simplices[t]]) if len(polygon) >= 3 else None
            if piece is not None and piece.area > 1.0:  # not a share that only touches an edge or corner
                pieces.setdefault(int(side), []).append(piece)
    return pieces


def _areas(xy: np.ndarray, points: np.ndarray, labels: np.ndarray, reach: np.ndarray,
           shares: np.ndarray | None, simplices: np.ndarray, limit_reach: bool) -> dict[int, shapely.Geometry]:
    """Each label's area (metric): its triangle pieces, and beyond the triangles Voronoi cells within reach."""
    by_side: dict[int, list[shapely.Geometry]] = {}
    covered = shapely.Polygon()
    if shares is not None and len(simplices):
        by_side = _triangle_pieces(xy, shares, simplices)
        covered = shapely.coverage_union_all(shapely.polygons(xy[simplices]))
    keep = np.flatnonzero(labels >= 0)
    if len(keep):
        extent = shapely.MultiPoint(xy).envelope.buffer(MAX_REACH_KM * 1000)
        cells = np.array(shapely.voronoi_polygons(shapely.MultiPoint(xy[keep]), extend_to=extent,
                                                  ordered=True).geoms)
        shapely.prepare(covered)
        beyond = ~shapely.within(cells, covered)  # only cells that reach past the triangles matter
        keep, cells = keep[beyond], cells[beyond]
        if limit_reach:
            cells = shapely.intersection(cells, shapely.buffer(points[keep], reach[keep], quad_segs=8))
        for side in np.unique(labels[keep]):
            outside = shapely.difference(shapely.union_all(cells[labels[keep] == side]), covered)
            by_side.setdefault(int(side), []).append(outside)
    return {side: _polygons(shapely.union_all(parts)) for side, parts in by_side.items()}


def _polygons(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygon parts of an overlay result (which can also yield slivers reduced to lines)."""
    parts = [g for g in shapely.get_parts(shapely.get_parts(geom)) if g.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]


def _lines(geom: shapely.Geometry) -> shapely.Geometry:
    """The line parts of an overlay result, merged (an overlay can also yield stray points)."""
    parts = [g for g in shapely.get_parts(shapely.get_parts(geom)) if g.geom_type == "LineString" and not g.is_empty]
    return shapely.line_merge(shapely.MultiLineString(parts))


def _lonlat_polygons(projection: Projection, area: shapely.Geometry) -> shapely.Geometry:
    """A metric area in (lon, lat), valid: reprojection bends straight edges, so a vertex that touched
    another part's edge can end up just across it."""
    geometry = projection.to_lonlat(area)
    return geometry if geometry.is_valid else _polygons(shapely.make_valid(geometry))


def _distinct(places: list[HeldPlace]) -> list[HeldPlace]:
    """One place per position: where sides disagree about the same spot, it is contested."""
    at: dict[tuple[float, float], HeldPlace] = {}
    for p in places:
        seen = at.get((p.lat, p.lon))
        at[(p.lat, p.lon)] = p if seen is None or seen.side == p.side else replace(seen, side=CONTESTED)
    return list(at.values())


def build_zones(places: list[HeldPlace], boundary: shapely.Geometry | None = None,
                hostile: Callable[[str, str], bool] = opposed, limit_reach: bool = True,
                smooth: bool = True) -> tuple[list[Zone], list[Front]]:
    """Zones per side (and contested areas) and fronts between hostile sides; `boundary` (lon, lat) clips all.

    `limit_reach` and `smooth` can be turned off to get plain Voronoi zones (the evaluation's baseline).
    """
    places = _distinct(places)
    if not places:
        return [], []
    projection = Projection(float(np.mean([p.lat for p in places])), float(np.mean([p.lon for p in places])))
    points = projection.to_metric(shapely.points([p.lon for p in places], [p.lat for p in places]))
    xy = shapely.get_coordinates(points)
    reach = _reach_m(cKDTree(xy), xy)
    limit = reach if limit_reach else np.full(len(xy), np.inf)
    sides = np.array([p.side for p in places], dtype=object)
    if not smooth:
        names = sorted({str(s) for s in sides})
        labels = np.searchsorted(names, sides)
        zone_areas = front_areas = _areas(xy, points, labels, limit, None, np.empty((0, 3), int), limit_reach)
    else:
        names = sorted({str(s) for s in sides} - {CONTESTED})
        labels = np.array([names.index(s) if s != CONTESTED else -1 for s in sides])
        simplices = _triangles(xy, limit)
        # A place stands for ground in proportion to the spacing of places around it: where a list is
        # sparse, each place answers for a wider area (the reach grows with that spacing).
        weight = (reach / reach.max()) ** WEIGHT_POWER
        shares = _shares(simplices, labels, weight, firm=_unsurrounded(simplices, len(labels))) if labels.max() >= 0 else None
        zone_areas = front_areas = _areas(xy, points, labels, limit, shares, simplices, limit_reach)
        if (sides == CONTESTED).any() and len(simplices):
            # Contested places get an area of their own on the map, where their share would lead if
            # contested were a side (kept whole, so that a contested report always shows); the front
            # still runs through them.
            marked = np.where(sides == CONTESTED, len(names), labels)
            touching = simplices[(sides[simplices] == CONTESTED).any(axis=1)]
            marked_shares = _shares(simplices, marked, weight, firm=sides == CONTESTED)
            pieces = _triangle_pieces(xy, marked_shares, touching).get(len(names))
            if pieces:
                contested = shapely.union_all(pieces)
                zone_areas = {k: area.difference(contested) for k, area in front_areas.items()}
                zone_areas[len(names)] = contested
                names.append(CONTESTED)
    clip = projection.to_metric(boundary) if boundary is not None else None

    def clipped(areas: dict[int, shapely.Geometry]) -> dict[str, shapely.Geometry]:
        out = {names[k]: _polygons(area.intersection(clip)) if clip is not None else area
               for k, area in areas.items()}
        return {side: area for side, area in out.items() if not area.is_empty}

    merged = clipped(front_areas)
    shown = clipped(zone_areas) if zone_areas is not front_areas else merged
    zones = [Zone(side, _lonlat_polygons(projection, area), area.area / 1e6) for side, area in sorted(shown.items())]
    fronts = []
    held = sorted(merged)
    for i, a in enumerate(held):
        for b in held[i + 1:]:
            if not hostile(a, b):
                continue
            line = _lines(shapely.intersection(merged[a].boundary, merged[b].buffer(1.0)))
            if line.is_empty or line.length < 1.0:
                continue
            geometry = projection.to_lonlat(line)
            fronts.append(Front((a, b), geometry, _GEOD.geometry_length(geometry) / 1000))
    return zones, fronts


def to_geojson(zones: list[Zone], fronts: list[Front]) -> dict:
    """An RFC 7946 FeatureCollection (lon, lat): one feature per side's zone and per front line."""
    # RFC 7946 rings follow the right-hand rule: exteriors counterclockwise, holes clockwise.
    features = [{"type": "Feature", "geometry": shapely.geometry.mapping(shapely.orient_polygons(z.geometry)),
                 "properties": {"kind": "zone", "side": z.side, "area_km2": round(z.area_km2, 1)}} for z in zones]
    features += [{"type": "Feature", "geometry": shapely.geometry.mapping(f.geometry),
                  "properties": {"kind": "front", "sides": list(f.sides), "length_km": round(f.length_km, 1)}}
                 for f in fronts]
    return {"type": "FeatureCollection", "features": features}
