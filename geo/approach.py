"""How close the sides come: geodesic nearest approaches between held places, and distances to a front.

Distances are geodesic on the WGS84 ellipsoid (pyproj's `Geod`, Karney's algorithm, as geopy uses).
Places are pruned first with a k-d tree on unit-sphere vectors: on the sphere of mean radius a
distance is within 0.6 % of the geodesic one, so only candidates whose sphere distance is within
`_SLACK` of the nearest one can be the nearest on the ellipsoid, and only those are measured exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import shapely
from pyproj import Geod, Transformer
from scipy.spatial import cKDTree

from geo.distance import EARTH_RADIUS_KM
from geo.place import check_latlon
from geo.zones import HeldPlace, opposed

_GEOD = Geod(ellps="WGS84")
_SLACK = 1.02  # (1 + 0.6 %) / (1 - 0.6 %), with room to spare
_CANDIDATES = 8  # nearest sphere neighbours measured per query before widening the search


@dataclass(frozen=True, slots=True)
class Approach:
    """The nearest approach of two hostile sides: km between `place_a` (of sides[0]) and `place_b`."""

    sides: tuple[str, str]
    km: float
    place_a: HeldPlace
    place_b: HeldPlace


@dataclass(frozen=True, slots=True)
class Nearest:
    """The nearest place a side holds from some point, and how far it is (km)."""

    side: str
    km: float
    place: HeldPlace


def _vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Unit-sphere vectors of (lat, lon) in degrees: chord length grows with distance on the sphere."""
    phi, lam = np.radians(lats), np.radians(lons)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _sphere_km(chord: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(chord / 2, 1.0))


def _chord(km: float) -> float:
    return 2 * np.sin(min(km / EARTH_RADIUS_KM, np.pi) / 2)


def geodesic_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """WGS84 geodesic distances (km) between paired (lat, lon) arrays."""
    _, _, metres = _GEOD.inv(np.asarray(lon1, float), np.asarray(lat1, float),
                             np.asarray(lon2, float), np.asarray(lat2, float))
    return np.asarray(metres) / 1000


class _Side:
    """One side's places, indexed for nearest-place queries."""

    def __init__(self, places: list[HeldPlace]):
        self.places = places
        self.lats = np.array([p.lat for p in places])
        self.lons = np.array([p.lon for p in places])
        self.tree = cKDTree(_vectors(self.lats, self.lons))

    def nearest(self, lats: np.ndarray, lons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(geodesic km, index) of this side's nearest place to each query point."""
        k = min(_CANDIDATES, len(self.places))
        chords, found = self.tree.query(_vectors(lats, lons), k=k)
        chords, found = chords.reshape(len(lats), k), found.reshape(len(lats), k)
        sphere = _sphere_km(chords)
        bound = sphere[:, :1] * _SLACK + 1e-6
        rows, cols = np.nonzero(sphere <= bound)
        km = np.full((len(lats), k), np.inf)
        km[rows, cols] = geodesic_km(lats[rows], lons[rows], self.lats[found[rows, cols]],
                                     self.lons[found[rows, cols]])
        best = km.argmin(axis=1)
        out_km, out_index = km[np.arange(len(lats)), best], found[np.arange(len(lats)), best]
        # Where even the k-th candidate is within the bound, more places may be: measure them all.
        for q in np.flatnonzero((sphere[:, -1] <= bound[:, 0]) & (k < len(self.places))):
            near = np.array(self.tree.query_ball_point(_vectors(lats[q:q + 1], lons[q:q + 1])[0],
                                                       _chord(bound[q, 0])))
            d = geodesic_km(np.full(len(near), lats[q]), np.full(len(near), lons[q]), self.lats[near],
                            self.lons[near])
            out_km[q], out_index[q] = d.min(), near[d.argmin()]
        return out_km, out_index


def _by_side(places: list[HeldPlace]) -> dict[str, _Side]:
    groups: dict[str, list[HeldPlace]] = {}
    for p in places:
        groups.setdefault(p.side, []).append(p)
    return {side: _Side(group) for side, group in sorted(groups.items())}


def nearest_approaches(places: list[HeldPlace],
                       hostile: Callable[[str, str], bool] = opposed) -> list[Approach]:
    """For every pair of hostile sides, their nearest approach; closest pairs first."""
    sides = _by_side(places)
    names = list(sides)
    found = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if not (hostile(a, b) or hostile(b, a)):
                continue
            # Query from the smaller side into the larger one's tree.
            small, large = sorted((sides[a], sides[b]), key=lambda s: len(s.places))
            # The sphere's nearest pair bounds the search: only queries that come near it are measured.
            chords, _ = large.tree.query(_vectors(small.lats, small.lons), k=1)
            sphere = _sphere_km(np.atleast_1d(chords))
            close = np.flatnonzero(sphere <= sphere.min() * _SLACK + 1e-6)
            km, index = large.nearest(small.lats[close], small.lons[close])
            best = int(km.argmin())
            pair = {small.places[0].side: small.places[close[best]], large.places[0].side: large.places[index[best]]}
            found.append(Approach((a, b), float(km[best]), pair[a], pair[b]))
    return sorted(found, key=lambda x: (x.km, x.sides))


def nearest_sides(points: Sequence[tuple[float, float]], places: list[HeldPlace], side: str | None = None,
                  hostile: Callable[[str, str], bool] = opposed) -> list[tuple[Nearest, ...]]:
    """For each (lat, lon) point, the nearest place of every side, nearest first.

    With `side` (the side holding the points), only the sides hostile to it are given.
    """
    checked = [check_latlon(lat, lon) for lat, lon in points]
    if not checked:
        return []
    lats, lons = np.array([p[0] for p in checked]), np.array([p[1] for p in checked])
    per_side = {name: group for name, group in _by_side(places).items()
                if side is None or (name != side and (hostile(side, name) or hostile(name, side)))}
    columns = {name: group.nearest(lats, lons) for name, group in per_side.items()}
    return [tuple(sorted((Nearest(name, float(km[q]), per_side[name].places[index[q]])
                          for name, (km, index) in columns.items()), key=lambda n: (n.km, n.side)))
            for q in range(len(checked))]


def distance_to_km(lat: float, lon: float, geometry: shapely.Geometry) -> float | None:
    """Geodesic km from (lat, lon) to a geometry in (lon, lat): a front line, or a zone (0 inside).

    None for an empty geometry.
    """
    lat, lon = check_latlon(lat, lon)
    if geometry is None or geometry.is_empty:
        return None
    if geometry.covers(shapely.Point(lon, lat)):
        return 0.0
    # In an azimuthal equidistant projection centred on the point, distances from the centre are
    # geodesic ones: the nearest point found there is measured exactly on the ellipsoid.
    # A PROJ pipeline, not two CRS: building it skips the CRS database (0.1 ms instead of 9 ms a point).
    projection = Transformer.from_pipeline(f"+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                                           f"+step +proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84")
    local = shapely.transform(geometry, lambda xy: np.column_stack(projection.transform(xy[:, 0], xy[:, 1])))
    boundary = local.boundary if local.geom_type in ("Polygon", "MultiPolygon") else local
    (_, _), (x, y) = shapely.get_coordinates(shapely.shortest_line(shapely.Point(0, 0), boundary))
    near_lon, near_lat = projection.transform(x, y, direction="INVERSE")
    return float(geodesic_km(lat, lon, near_lat, near_lon))
