"""Control zones and front lines from held places."""

import json

from click.testing import CliRunner
from shapely import Point, get_coordinates
from shapely.geometry import shape

from geo.approach import distance_to_km
from geo.cli import main
from geo.eval_zones import evaluate, read_places
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
    point = shape(out["features"][0]["geometry"]).representative_point()
    assert 33 < point.x < 38 and 46 < point.y < 48  # lon first
    for feature in out["features"]:
        geometry = shape(feature["geometry"])
        if feature["properties"]["kind"] == "zone":  # RFC 7946: exterior rings counterclockwise
            assert all(part.exterior.is_ccw for part in getattr(geometry, "geoms", [geometry]))


def test_geojson_of_nothing_is_an_empty_collection():
    assert to_geojson(*build_zones([])) == {"type": "FeatureCollection", "features": []}


def front_near(fronts, lat, lon, km):
    """True when a front passes within `km` of (lat, lon)."""
    return any(distance_to_km(lat, lon, f.geometry) <= km for f in fronts)


def test_the_front_runs_through_a_contested_place():
    # The contested place sits 9 km off the midline between the two sides, nearer the blue places.
    places = grid("red", 48.0, 36.0, n=5) + grid("blue", 48.0, 37.2, n=5)
    places.append(HeldPlace("Mid", 48.41, 37.12, "contested"))
    zones, fronts = build_zones(places)
    assert front_near(fronts, 48.41, 37.12, 1.0)
    assert not front_near(build_zones(places[:-1])[1], 48.41, 37.12, 5.0)  # without it, the front is elsewhere
    assert "contested" in {z.side for z in zones}  # and the contested ground is marked


def test_a_misplaced_place_does_not_carve_an_island():
    places = grid("red", 48.0, 36.0, n=5)
    stray = HeldPlace("Stray", 48.4, 36.4, "blue")  # the middle of the grid, every neighbour red
    zones, fronts = build_zones(places[:12] + [stray] + places[13:])
    assert [z.side for z in zones] == ["red"] and fronts == []
    pocket = [HeldPlace("Pocket", 48.4, 36.4, "blue"), HeldPlace("Pocket 2", 48.45, 36.45, "blue")]
    assert {z.side for z in build_zones(places[:12] + pocket + places[13:])[0]} == {"blue", "red"}


def test_a_sparse_side_holds_more_ground_than_a_dense_one():
    # Blue lists a place every 0.1 degree, red one every 0.4: the front lies nearer the blue row.
    red = [HeldPlace(f"r{i}", 47.0 + 0.4 * i, 36.0, "red") for i in range(6)]
    blue = [HeldPlace(f"b{i}", 47.0 + 0.1 * i, 36.6, "blue") for i in range(21)]
    _, [front] = build_zones(red + blue)
    middle = [x for x, y in get_coordinates(front.geometry) if 47.6 < y < 48.4]
    assert middle and all(36.3 < x < 36.6 for x in middle)


def test_places_at_one_spot_with_different_sides_are_contested_there():
    places = grid("red", 48.0, 36.0) + grid("blue", 48.0, 37.2) + [HeldPlace("Twin", 48.2, 36.2, "blue")]
    zones, fronts = build_zones(places)
    assert {z.side for z in zones} == {"blue", "contested", "red"}
    assert all(isinstance(z.side, str) for z in zones) and fronts[0].sides == ("blue", "red")


def test_zones_beat_plain_voronoi_on_the_dev_months(shared, gaz):
    scores = {(s.month, s.method): s for s in evaluate(shared / "eval" / "control", gaz.boundary("UA"))}
    months = sorted({month for month, _ in scores})
    assert months[:3] == ["2022-04", "2022-06", "2022-10"]
    for month in months:
        assert scores[month, "frontline"].iou > scores[month, "voronoi"].iou, month
    for month in ("2022-06", "2022-10"):
        ours = scores[month, "frontline"]
        assert ours.iou >= 0.90 and ours.ref_to_ours_km <= 5.0 and ours.ours_to_ref_km <= 5.0, ours


def test_zones_of_a_real_list_are_valid_in_lon_lat(shared):
    zones, fronts = build_zones(read_places(shared / "eval" / "control" / "towns-2022-10.csv"))
    assert {z.side for z in zones} == {"contested", "russia", "ukraine"} and len(fronts) == 1
    assert all(z.geometry.is_valid for z in zones)  # reprojected edges must not cross


def test_front_lines_survive_empty_parts_of_an_overlay():
    import shapely

    from geo.zones import _lines

    mixed = shapely.GeometryCollection([shapely.LineString(), shapely.LineString([(0, 0), (1, 1)]), shapely.Point(0, 0)])
    assert _lines(mixed).length == shapely.LineString([(0, 0), (1, 1)]).length


def test_an_articles_few_places_each_keep_their_own_ground():
    places = [HeldPlace("Raqqa", 35.95, 39.01, "isis"), HeldPlace("Deir ez-Zor", 35.33, 40.14, "isis"),
              HeldPlace("Palmyra", 34.56, 38.27, "gov")]
    zones, [front] = build_zones(places)
    gov = next(z for z in zones if z.side == "gov")
    assert gov.geometry.contains(Point(38.27, 34.56)) and front.geometry.distance(Point(38.27, 34.56)) > 0.05
