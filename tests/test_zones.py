"""Control zones and front lines from held places."""

import json

from click.testing import CliRunner
from shapely import Point

from geo.cli import main
from geo.zones import HeldPlace, build_zones, to_geojson


def grid(side, lat0, lon0, n=4, step=0.2):
    return [HeldPlace(f"{side}{i}{j}", lat0 + i * step, lon0 + j * step, side) for i in range(n) for j in range(n)]


def test_two_sides_get_zones_and_a_front_between_them(gaz):
    places = grid("red", 48.0, 36.0) + grid("blue", 48.0, 37.2)
    zones, fronts = build_zones(places, gaz.boundary("UA"))
    by_side = {z.side: z for z in zones}
    assert by_side["red"].geometry.contains(Point(36.3, 48.3))  # (lon, lat) at the shapely edge
    assert by_side["blue"].geometry.contains(Point(37.5, 48.3))
    assert not by_side["red"].geometry.contains(Point(37.5, 48.3))
    [front] = fronts
    assert front.sides == ("blue", "red")
    from shapely import get_coordinates

    assert all(36.6 < x < 37.2 for x, _ in get_coordinates(front.geometry))  # between the two sides
    assert 60 < front.length_km < 200  # 67 km of grid, plus the reach beyond its ends


def test_a_lone_town_does_not_paint_a_province(gaz):
    zones, fronts = build_zones([HeldPlace("Marea", 36.48, 37.2, "isis")], gaz.boundary("SY"))
    assert zones[0].area_km2 < 1000 and fronts == []


def test_zones_command_prints_rfc7946_geojson(tmp_path):
    rows = ["name,lat,lon,side,date"] + [f"{p.name},{p.lat},{p.lon},{p.side},2022-10-01"
                                         for p in grid("russia", 47.0, 36.0) + grid("ukraine", 47.0, 34.8)]
    rows.append("Late,47.2,36.2,ukraine,2022-12-01")
    path = tmp_path / "control.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["zones", str(path), "--date", "2022-10-31", "--geojson"]).output)
    kinds = {(f["properties"]["kind"], f["properties"].get("side")) for f in out["features"]}
    assert ("zone", "russia") in kinds and ("zone", "ukraine") in kinds
    front = next(f for f in out["features"] if f["properties"]["kind"] == "front")
    assert front["properties"]["sides"] == ["russia", "ukraine"] and front["properties"]["length_km"] > 0
    from shapely.geometry import shape

    point = shape(out["features"][0]["geometry"]).representative_point()
    assert 33 < point.x < 38 and 46 < point.y < 48  # lon first


def test_geojson_of_nothing_is_an_empty_collection():
    assert to_geojson(*build_zones([])) == {"type": "FeatureCollection", "features": []}
