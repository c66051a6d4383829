"""Exports: RFC 7946 GeoJSON in (lon, lat), CSV tables, and a map file that draws offline from disk."""

import csv
import io
import json

import pytest

from geo.export import csv_text, geojson_text, standalone_html
from geo.mapview import build_map
from geo.offline import install_vendor
from geo.situation import situation
from geo.tables import claim_rows, distance_rows, place_rows
from geo.theatres import theatres
from tests.conftest import ARTIFACTS


@pytest.fixture
def view(war, gaz):
    return situation(war, theatres()["syria"], boundary=gaz.boundary("SY"))


def test_geojson_holds_places_claims_zones_and_fronts_in_lon_lat(view):
    doc = json.loads(geojson_text(view))
    assert doc["type"] == "FeatureCollection"
    kinds = [f["properties"]["kind"] for f in doc["features"]]
    assert kinds.count("place") == 3 and kinds.count("claim") == 5
    assert kinds.count("zone") == 2 and kinds.count("front") == 1
    deir = next(f for f in doc["features"] if f["properties"].get("name") == "Deir ez-Zor")
    assert deir["geometry"] == {"type": "Point", "coordinates": [40.14, 35.34]}  # [lon, lat]
    assert deir["properties"]["holder"] == "isis" and deir["properties"]["as_written"] == ["Deir ez-Zor"]
    zone = next(f for f in doc["features"] if f["properties"]["kind"] == "zone" and f["properties"]["side"] == "isis")
    ring = zone["geometry"]["coordinates"][0] if zone["geometry"]["type"] == "Polygon" \
        else zone["geometry"]["coordinates"][0][0]
    assert all(35 < lon < 43 and 32 < lat < 38 for lon, lat in ring)  # Syria's east, in (lon, lat)
    capture = next(f for f in doc["features"] if f["properties"].get("claim_kind") == "capture")
    assert capture["properties"]["evidence"].endswith("<script>alert(1)</script>.")  # data, kept as written


def test_csv_tables_round_trip_commas_quotes_and_newlines(view):
    rows = claim_rows(view)
    parsed = list(csv.DictReader(io.StringIO(csv_text(rows))))
    assert [r["evidence"] for r in parsed] == [r["evidence"] for r in rows]
    assert list(parsed[0]) == ["kind", "actor", "target", "place", "sector", "distance km", "hedged",
                               "historical", "date", "evidence"]
    places = list(csv.DictReader(io.StringIO(csv_text(place_rows(view)))))
    assert {(r["place"], r["lat"], r["lon"], r["holder"]) for r in places} >= {
        ("Palmyra", "34.56", "38.27", "Syrian government"), ("Raqqa", "35.95", "39.01", "Islamic State")}
    assert csv_text([]) == ""
    assert {r["what"] for r in distance_rows(view)} == {"stated", "nearest approach"}


def test_standalone_map_inlines_leaflet_and_escapes_the_article(view, gaz, tmp_path):
    install_vendor(tmp_path / "vendor")
    page = standalone_html(build_map(view, gaz), vendor=tmp_path / "vendor")
    assert "/app/static/vendor" not in page and "<script src=" not in page
    assert "L.version" in page or "Leaflet" in page
    assert "data:image/png;base64," in page  # the layer control's icon
    assert "<script>alert(1)</script>" not in page


@pytest.mark.browser
def test_standalone_map_draws_from_disk_with_no_network(view, gaz, tmp_path, browser):
    install_vendor(tmp_path / "vendor")
    path = tmp_path / "map.html"
    path.write_text(standalone_html(build_map(view, gaz), vendor=tmp_path / "vendor"), encoding="utf-8")
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else route.abort())
    page = context.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.as_uri())
        page.locator(".frontline-marker").first.wait_for(timeout=10_000)
        assert page.locator(".frontline-marker").count() == 3 and page.locator(".frontline-event").count() == 2
        assert page.locator("path.leaflet-interactive").count() > 3  # zones, fronts, distances
        assert "Islamic State" in page.locator(".frontline-legend").inner_text()
        for n in range(page.locator(".frontline-marker").count()):
            page.locator(".frontline-marker").nth(n).dispatch_event("click")  # open every popup
        page.locator(".frontline-popup", has_text="<script>alert(1)</script>").first.wait_for(timeout=5_000)
        assert errors == [] and dialogs == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "standalone-map.png"))
    finally:
        context.close()
