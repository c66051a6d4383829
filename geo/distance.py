"""Great-circle and geodesic distances between (lat, lon) points."""

from __future__ import annotations

import math

from geopy.distance import geodesic

EARTH_RADIUS_KM = 6371.0088
# Compass bearings of the sectors a place is named by ("northern Aleppo", "west of Hama"), in degrees.
SECTOR_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
                   "southwest": 225, "west": 270, "northwest": 315}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on the mean-radius sphere; fast, within 0.5 % of the geodesic."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """WGS84 ellipsoid distance between two (lat, lon) points (geopy's Karney algorithm)."""
    return geodesic(a, b).km


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The (lat, lon) `km` from a point along a compass bearing, on the WGS84 ellipsoid."""
    point = geodesic(kilometers=km).destination((lat, lon), bearing)
    return point.latitude, point.longitude


def chord_for_km(km: float) -> float:
    """Straight-line distance between unit-sphere points `km` apart on the surface."""
    return 2 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2)
