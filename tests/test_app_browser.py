"""The app in a real Chromium against a real `streamlit run`."""

from __future__ import annotations

import json
import time

import pytest

from geo.distance import haversine_km
from geo.parse import header_length
from tests.conftest import ARTIFACTS, IN_CI, ROOT, SHARED, LiveApp, need

pytestmark = pytest.mark.browser
MAP = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'  # no script run under way
SAMPLE = (ROOT / "assets" / "samples" / "syria-aleppo-2015.txt").read_text(encoding="utf-8")
OLD = "Islamic State fighters hold the Syrian towns of Palmyra and Raqqa, the Syrian Observatory said."
NEW = "Syrian government forces captured Palmyra from Islamic State on Sunday, state media said."
# Markers as Leaflet holds them: [title, lat, lon, icon html], once per map object.
MARKERS_JS = """() => {
    const maps = new Set(Object.values(window).filter(v => window.L && v instanceof L.Map));
    const out = [];
    maps.forEach(m => m.eachLayer(l => {
        if (l instanceof L.Marker) out.push([l.options.title, l.getLatLng().lat, l.getLatLng().lng,
                                             l.options.icon.options.html || ""]);
    }));
    return out;
}"""
SEED_ARTICLES = ["00_2015-10-16_seed", "01_2013-08-17_reuters_1926479038", "06_2015-02-12_alaraby_1915433670",
                 "12_2016-10-30_sana_1926479317"]
SEED_RECALL = 0.75  # share of the gold's literal places with a marker within 25 km (0.86-1.0 measured)


def map_article(page, url: str, text: str, date: str | None = None) -> None:
    page.goto(url)
    box = page.get_by_role("textbox", name="Article")
    box.wait_for(timeout=30_000)
    if date:
        set_date(page, date)
    box.fill(text)
    page.get_by_role("button", name="Map article").click()


def set_date(page, day: str) -> None:
    """Type a date into the segmented date field (year, month, day) and leave it."""
    page.get_by_role("spinbutton", name="year, Article date").click()
    page.keyboard.type(day.replace("-", ""))
    page.keyboard.press("Tab")


def mark_map(page) -> None:
    """Mark the markers on the map now, so that `wait_for_new_map` knows the next map's."""
    page.frame_locator(MAP).first.locator(".leaflet-marker-icon").evaluate_all(
        "els => els.forEach(e => e.setAttribute('data-old', '1'))")


def map_again(page, text: str, date: str | None = None) -> None:
    """Map another article in the open page; returns once the new map's markers show."""
    mark_map(page)
    if date:
        set_date(page, date)
    page.get_by_role("textbox", name="Article").fill(text)
    page.get_by_role("button", name="Map article").click()
    wait_for_new_map(page)


def map_frame(page, timeout_s: float = 30):
    """The map's frame once the map of the latest run shows markers not marked by `mark_map`.

    Each new map comes in a new iframe (streamlit-folium's element id follows its arguments); the
    previous one stays until the run ends, and a rerun may still add one, so wait for the app to be
    idle with a single iframe, twice in a row (a queued rerun starts just after the last one ends).
    """
    deadline = time.monotonic() + timeout_s
    settled = 0
    while time.monotonic() < deadline:
        frame = page.frame_locator(MAP)
        ready = (page.locator(IDLE).count() and page.locator(MAP).count() == 1
                 and frame.locator(".leaflet-marker-icon:not([data-old])").count())
        settled = settled + 1 if ready else 0
        if settled == 2:
            return frame
        page.wait_for_timeout(250)
    raise AssertionError(f"no new map with markers within {timeout_s} s")


def wait_for_new_map(page) -> None:
    map_frame(page)


def markers(page) -> list[list]:
    """Every marker on the map: [title, lat, lon, icon html]."""
    map_frame(page)
    return page.locator(MAP).element_handle().content_frame().evaluate(MARKERS_JS)


def colour_of(page, title: str) -> str:
    [icon] = {m[3] for m in markers(page) if m[0] == title and "frontline-marker" in m[3]}
    return icon.split("color:")[1].split(";")[0]


def choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by typing it."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.click()
    page.keyboard.type(option)
    page.get_by_role("option").filter(has_text=option).first.click()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_pasted_article_shows_markers_on_the_map(live_app, page):
    map_article(page, live_app.url, SAMPLE)
    frame = map_frame(page)
    page.locator(MAP).wait_for(state="visible", timeout=30_000)
    markers = frame.locator(".leaflet-marker-icon")
    markers.first.wait_for(timeout=30_000)
    assert markers.count() >= 8
    tooltips = page.get_by_text("Aleppo", exact=False)
    assert tooltips.count() > 0
    page.get_by_text("places mapped").scroll_into_view_if_needed()
    page.screenshot(path=str(ROOT / "assets" / "screenshot.png"), full_page=False)


def test_popup_shows_the_source_sentence(live_app, page):
    map_article(page, live_app.url, SAMPLE)
    frame = map_frame(page)
    marker = frame.locator(".leaflet-marker-icon:has(.frontline-city)").first
    marker.wait_for(timeout=30_000)
    # A click that focuses a map partly off-screen scrolls the page first and misses: show it whole.
    page.locator(MAP).scroll_into_view_if_needed()
    marker.click(force=True)  # markers may overlap: any marker's popup will do
    popup = frame.locator(".frontline-popup")
    popup.wait_for(timeout=10_000)
    assert "Confidence" in popup.inner_text()
    assert "blockquote" in popup.inner_html()


PAYLOADS = [
    "`${window.__pwned=1}` \\u0060",
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">click</a>',
    '<svg onload="window.__pwned=1"></svg>',
]


def test_injected_markup_never_runs(live_app, page):
    text = ("Fighting near <b onmouseover=\"window.__pwned=1\">Aleppo</b> and Homs `${window.__pwned=1}`. "
            + " ".join(PAYLOADS))
    map_article(page, live_app.url, text)
    frame = map_frame(page)
    for m in range(frame.locator(".leaflet-marker-icon").count()):
        frame.locator(".leaflet-marker-icon").nth(m).click(force=True)
    assert page.evaluate("window.__pwned") is None
    iframe = page.frame(url=lambda u: "streamlit_folium" in u or u.startswith("about:srcdoc")) or page.main_frame
    assert iframe.evaluate("window.__pwned") is None
    assert page.get_by_text("<script>window.__pwned=1</script>", exact=False).count() >= 1


def test_map_draws_with_every_outside_request_blocked(live_app, browser):
    context = browser.new_context()
    outside: list[str] = []

    def block(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", block)
    page = context.new_page()
    try:
        map_article(page, live_app.url, SAMPLE)
        frame = map_frame(page)
        assert frame.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 0
        assert all("tile.openstreetmap.org" in u for u in outside), outside
    finally:
        context.close()


@pytest.fixture(scope="module")
def dev_articles():
    folder = SHARED / "corpus" / "dev"
    if not folder.is_dir() and not IN_CI:
        pytest.skip(f"../shared is absent ({folder}): the seed-style flow reads its dev articles there")
    need(folder.is_dir(), f"the dev corpus is absent ({folder})")
    return folder


@pytest.mark.parametrize("name", SEED_ARTICLES)
def test_dev_article_places_from_the_gold_are_on_the_map(live_app, page, dev_articles, name):
    text = (dev_articles / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((dev_articles / f"{name}.json").read_text(encoding="utf-8"))
    map_article(page, live_app.url, text[header_length(text):].strip())
    on_map = markers(page)
    literal = [p for p in gold["places"] if p.get("literal")]
    found = [p["name"] for p in literal if any(haversine_km(p["lat"], p["lon"], lat, lon) < 25
                                               for _, lat, lon, _ in on_map)]
    shot(page, f"dev-{name[:2]}")
    assert len(found) >= SEED_RECALL * len(literal), (
        f"only {len(found)} of {len(literal)} gold places on the map; missing "
        f"{sorted({p['name'] for p in literal} - set(found))}")


def test_exported_geojson_parses_and_holds_places_and_zones(live_app, page):
    map_article(page, live_app.url, OLD)
    markers(page)
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="GeoJSON (places, claims, zones, fronts)").click()
    doc = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert doc["type"] == "FeatureCollection"
    kinds = {f["properties"]["kind"] for f in doc["features"]}
    assert {"place", "claim", "zone"} <= kinds
    # The zones come from every stored article of the theatre; this one says Islamic State holds two towns.
    zone = next(f for f in doc["features"] if f["properties"]["kind"] == "zone" and f["properties"]["side"] == "isis")
    assert zone["geometry"]["type"] in ("Polygon", "MultiPolygon")
    palmyra = next(f for f in doc["features"] if f["properties"].get("name") == "Palmyra")
    lon, lat = palmyra["geometry"]["coordinates"]
    assert (round(lat, 1), round(lon, 1)) == (34.6, 38.3)  # RFC 7946 order: [lon, lat]


def test_the_date_slider_redraws_the_map_as_of_a_date(live_app, page):
    map_article(page, live_app.url, OLD, date="2016-03-01")
    markers(page)
    map_again(page, NEW, date="2016-03-28")
    slider = page.get_by_role("slider")
    slider.wait_for(timeout=30_000)
    assert colour_of(page, "Palmyra") == "#d62728"  # the Syrian government's, as of the latest date
    mark_map(page)
    slider.focus()
    page.keyboard.press("Home")  # the first date
    wait_for_new_map(page)
    assert colour_of(page, "Palmyra") == "#222222"  # Islamic State's, as of 2016-03-01
    legend = map_frame(page).locator(".frontline-legend").inner_text()
    assert "as of 2016-03-01" in legend
    shot(page, "date-slider")


def test_a_correction_persists_across_a_restart(browser, tmp_path):
    first = LiveApp(tmp_path).start()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        map_article(page, first.url, OLD)
        assert colour_of(page, "Palmyra") == "#222222"
        page.get_by_role("tab", name="Correct").click()
        choose(page, "Place held", "Palmyra")
        choose(page, "Holder", "Syrian rebels")
        mark_map(page)
        page.get_by_role("button", name="Set holder").click()
        wait_for_new_map(page)
        rebels = colour_of(page, "Palmyra")
        assert rebels not in ("#222222", "#555555")
        page.close()
    finally:
        first.stop()
    second = LiveApp(tmp_path).start()  # a new process on the same FRONTLINE_DB file
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(second.url)
        page.locator("[class*=st-key-open-] button").first.click()  # a stored article's Open button
        assert colour_of(page, "Palmyra") == rebels
        page.get_by_role("tab", name="Places").click()
        shot(page, "correction-after-restart")
        page.close()
    finally:
        second.stop()


def test_panning_and_zooming_do_not_rerun_the_app(live_app, page):
    sent: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    map_article(page, live_app.url, SAMPLE)
    frame = map_frame(page)
    page.locator(MAP).scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    sent.clear()
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    box = page.locator(MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 120, box["y"] + box["height"] / 2 + 80, steps=8)
    page.mouse.up()
    page.wait_for_timeout(1500)
    assert sent == []  # a rerun would send a message to the server
