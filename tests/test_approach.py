"""Nearest approaches between hostile sides and distances to a front, geodesic on WGS84."""

import json

import numpy as np
import pytest
import shapely
from click.testing import CliRunner
from geopy.distance import geodesic

from geo.approach import Approach, distance_to_km, nearest_approaches, nearest_sides
from geo.cli import main
from geo.errors import CoordinateError
from geo.zones import HeldPlace

KYIV = HeldPlace("Kyiv", 50.4501, 30.5234, "ukraine")
KHARKIV = HeldPlace("Kharkiv", 49.9935, 36.2304, "russia")  # a side for the test's sake


def scatter(side, n, seed, south=44.0, west=22.0, size=(8.0, 18.0)):
    rng = np.random.default_rng(seed)
    lats, lons = rng.uniform(south, south + size[0], n), rng.uniform(west, west + size[1], n)
    return [HeldPlace(f"{side}{i}", float(a), float(o), side) for i, (a, o) in enumerate(zip(lats, lons))]


def brute_force_km(a, b):
    return min(geodesic((p.lat, p.lon), (q.lat, q.lon)).km for p in a for q in b)


def test_known_geodesic_distance_between_two_towns():
    [approach] = nearest_approaches([KYIV, KHARKIV])
    assert approach == Approach(("russia", "ukraine"), approach.km, KHARKIV, KYIV)  # place_a holds sides[0]
    # Kyiv-Kharkiv is about 410.6 km on the ellipsoid; a (lon, lat) swap would put it thousands of km off.
    assert approach.km == pytest.approx(geodesic((50.4501, 30.5234), (49.9935, 36.2304)).km, rel=0.005)
    assert approach.km == pytest.approx(410.6, rel=0.005)


@pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
def test_pruning_finds_what_brute_force_finds(seed):
    red, blue = scatter("red", 120, seed), scatter("blue", 90, seed + 100)
    [approach] = nearest_approaches(red + blue)
    assert approach.km == pytest.approx(brute_force_km(red, blue), rel=1e-9)
    assert geodesic((approach.place_a.lat, approach.place_a.lon),
                    (approach.place_b.lat, approach.place_b.lon)).km == pytest.approx(approach.km, rel=1e-9)


def test_hostility_is_respected():
    red, blue, green = scatter("red", 30, 4), scatter("blue", 30, 5), scatter("green", 30, 6, south=30.0)
    contested = [HeldPlace("Between", red[0].lat, red[0].lon + 0.001, "contested")]
    allied = {frozenset({"red", "blue"})}
    found = nearest_approaches(red + blue + green + contested,
                               hostile=lambda a, b: a != b and "contested" not in (a, b)
                               and frozenset({a, b}) not in allied)
    assert {a.sides for a in found} == {("blue", "green"), ("green", "red")}
    assert found == sorted(found, key=lambda a: a.km)
    # By default contested is no one's enemy, and allies are not told apart from enemies.
    assert {a.sides for a in nearest_approaches(red + blue + contested)} == {("blue", "red")}


def test_nearest_place_of_each_side_from_article_points():
    red, blue = scatter("red", 200, 7), scatter("blue", 200, 8)
    points = [(48.5, 37.9), (46.1, 30.7)]
    found = nearest_sides(points, red + blue)
    for (lat, lon), nearest in zip(points, found):
        assert [n.km for n in nearest] == sorted(n.km for n in nearest)
        for n in nearest:
            group = red if n.side == "red" else blue
            assert n.km == pytest.approx(min(geodesic((lat, lon), (p.lat, p.lon)).km for p in group), rel=1e-9)
    # Held by red, a point only asks how far the hostile sides are.
    [only] = nearest_sides(points[:1], red + blue, side="red")
    assert [n.side for n in only] == ["blue"]
    with pytest.raises(CoordinateError):
        nearest_sides([(30.5, 150.0), (120.0, 30.5)], red)


def test_distance_to_a_front_line_and_into_a_zone():
    meridian = shapely.LineString([(37.0, 47.0), (37.0, 49.0)])  # (lon, lat) at the shapely edge
    assert distance_to_km(48.0, 37.5, meridian) == pytest.approx(geodesic((48.0, 37.0), (48.0, 37.5)).km, rel=0.005)
    assert distance_to_km(50.0, 37.0, meridian) == pytest.approx(geodesic((50.0, 37.0), (49.0, 37.0)).km, rel=0.005)
    zone = shapely.box(36.0, 47.0, 37.0, 48.0)
    assert distance_to_km(47.5, 36.5, zone) == 0.0
    assert distance_to_km(47.5, 37.5, zone) == pytest.approx(geodesic((47.5, 37.0), (47.5, 37.5)).km, rel=0.005)
    assert distance_to_km(47.5, 37.5, shapely.LineString()) is None


def test_distances_command(tmp_path):
    rows = ["name,lat,lon,side,date",
            "Bakhmut,48.5953,37.9991,ukraine,2022-10-01",
            "Soledar,48.6833,38.0833,ukraine,2022-10-01",
            "Popasna,48.6333,38.3833,russia,2022-10-01",
            "Opytne,48.5700,37.9600,russia,2022-12-01"]  # after --date: not yet held
    path = tmp_path / "control.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    runner = CliRunner()
    out = json.loads(runner.invoke(main, ["distances", str(path), "--date", "2022-10-31", "--json",
                                          "--at", "48.60,38.00"]).output)
    [approach] = out["approaches"]
    assert approach["sides"] == ["russia", "ukraine"] and approach["place_a"]["name"] == "Popasna"
    assert approach["place_b"]["name"] == "Soledar"
    assert approach["km"] == pytest.approx(geodesic((48.6333, 38.3833), (48.6833, 38.0833)).km, rel=0.005)
    assert [n["side"] for n in out["points"][0]["nearest"]] == ["ukraine", "russia"]
    table = runner.invoke(main, ["distances", str(path)]).output
    assert "russia | ukraine" in table and "Opytne" in table and "Bakhmut" in table
    bad = runner.invoke(main, ["distances", str(path), "--at", "48.6"])
    assert bad.exit_code == 2 and "LAT,LON" in bad.output


def test_a_ring_of_places_equally_far_on_the_sphere_is_measured_on_the_ellipsoid():
    # 16 places 60 km from the point on the sphere, in every direction: the sphere cannot tell them
    # apart (more than the first candidates tie), the ellipsoid can.
    lat0, lon0, radius = np.radians(60.0), np.radians(30.0), 60.0 / 6371.0088
    ring = []
    for n, bearing in enumerate(np.radians(np.arange(0, 360, 22.5))):
        lat = np.arcsin(np.sin(lat0) * np.cos(radius) + np.cos(lat0) * np.sin(radius) * np.cos(bearing))
        lon = lon0 + np.arctan2(np.sin(bearing) * np.sin(radius) * np.cos(lat0),
                                np.cos(radius) - np.sin(lat0) * np.sin(lat))
        ring.append(HeldPlace(f"ring{n}", float(np.degrees(lat)), float(np.degrees(lon)), "red"))
    [[nearest]] = nearest_sides([(60.0, 30.0)], ring)
    exact = {p.name: geodesic((60.0, 30.0), (p.lat, p.lon)).km for p in ring}
    assert nearest.km == pytest.approx(min(exact.values()), rel=1e-9)
    assert nearest.place.name == min(exact, key=exact.get)
    assert max(exact.values()) - min(exact.values()) > 0.1  # the ellipsoid does tell them apart
