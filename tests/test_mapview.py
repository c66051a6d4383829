"""The map through folium's objects: layers, marker points in (lat, lon), colours, popups and escaping."""

import folium
import pytest

from geo.mapview import EVENT_GLYPHS, build_map
from geo.parse import parse
from geo.situation import situation
from geo.theatres import theatres

SYRIA = theatres()["syria"]


def layers(m: folium.Map) -> dict[str, folium.GeoJson]:
    return {c.layer_name: c for c in m._children.values() if isinstance(c, folium.GeoJson)}


@pytest.fixture
def drawn(war, gaz):
    return build_map(situation(war, SYRIA, boundary=gaz.boundary("SY")), gaz)


def test_places_are_coloured_by_holder_and_pinned_in_lat_lon(drawn):
    places = layers(drawn)["Places"].data["features"]
    by_name = {f["properties"]["tooltip"].split(" (")[0]: f for f in places}
    assert sorted(by_name) == ["Deir ez-Zor", "Palmyra", "Raqqa"]
    assert by_name["Deir ez-Zor"]["geometry"]["coordinates"] == [40.14, 35.34]  # GeoJSON: [lon, lat]
    assert "color:#222222" in by_name["Raqqa"]["properties"]["icon"]  # Islamic State's colour
    assert "color:#d62728" in by_name["Palmyra"]["properties"]["icon"]  # the Syrian government's
    assert "frontline-town" in by_name["Palmyra"]["properties"]["icon"]
    popup = by_name["Palmyra"]["properties"]["popup"]
    assert "Syrian government, confidence 100%" in popup and "90%" in popup
    assert "<blockquote" in popup and "captured Palmyra" in popup
    bounds = drawn.get_bounds()
    assert bounds[0][0] < 35 < bounds[1][0] and bounds[0][1] < 39 < bounds[1][1]


def test_zones_fronts_events_and_stated_distances_have_their_layers(drawn):
    found = layers(drawn)
    zones = found["Control zones"].data["features"]
    assert sorted(f["properties"]["style"]["fillColor"] for f in zones) == ["#222222", "#d62728"]
    [front] = found["Front lines"].data["features"]
    assert "Islamic State" in front["properties"]["tooltip"] and front["geometry"]["type"].endswith("LineString")
    events = found["Events"].data["features"]
    by_tooltip = {f["properties"]["tooltip"]: f["properties"] for f in events}
    assert sorted(by_tooltip) == ["capture: Syrian government at Palmyra", "strike: Russia at Raqqa"]
    capture = by_tooltip["capture: Syrian government at Palmyra"]
    assert EVENT_GLYPHS["capture"] in capture["icon"] and "Against" in capture["popup"]
    circles = [f for f in found["Distances"].data["features"] if f["geometry"]["type"] == "Point"]
    [circle] = circles
    assert circle["properties"]["style"]["radius"] == 20_000
    assert "Islamic State 20 km (stated)" in circle["properties"]["tooltip"]


def test_legend_lists_sides_and_kinds_and_layer_control_is_there(drawn):
    page = drawn.get_root().render()
    legend = page[page.index("frontline-legend"):]
    for text in ("Islamic State", "Syrian government", "city", "town", "capture", "strike", "front line"):
        assert text in legend
    assert "L.control.layers" in page


def test_every_article_string_is_escaped(gaz):
    a = parse("Rebels <b>held</b> Aleppo and Homs; <script>x()</script> Moscow says so. `${alert(1)}`")
    page = build_map(situation(a, SYRIA), gaz).get_root().render()
    assert "<script>x()</script>" not in page and "<b>held" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page or "\\u0026lt;script\\u0026gt;" in page
    assert "${alert(1)}" not in page


def test_map_needs_no_cdn(war, gaz):
    page = build_map(situation(war, SYRIA), gaz).get_root().render()
    assert "/app/static/vendor/leaflet.js" in page and "cdn.jsdelivr" not in page
    assert "OpenStreetMap" in page and "GeoNames" in page


def test_an_article_without_places_still_draws(gaz):
    a = parse("Nothing happened anywhere today.")
    m = build_map(situation(a, None), gaz)
    assert "Places" in layers(m) and layers(m)["Places"].data["features"] == []


def test_the_map_opens_on_the_war_not_on_a_monitors_home(gaz):
    a = parse("Rebels shelled Aleppo and Idlib on Monday, a Britain-based monitor said.", date="2016-08-01")
    assert "Britain" in {t.text for t in a.toponyms if t.pinned}  # still a place of the article
    m = build_map(situation(a, SYRIA, boundary=gaz.boundary("SY")), gaz)
    [fit] = [c for c in m._children.values() if isinstance(c, folium.map.FitBounds)]
    (south, _), (north, _) = fit.bounds
    assert 35 < south and north < 37  # Aleppo and Idlib, not London
    tooltips = {f["properties"]["tooltip"] for f in layers(m)["Places"].data["features"]}
    assert any(t.startswith("Britain") or t.startswith("United Kingdom") for t in tooltips)  # still pinned
