"""The app in a real Chromium against a real `streamlit run`."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
MAP = 'iframe[title="streamlit_folium.st_folium"]'
SAMPLE = (ROOT / "assets" / "samples" / "syria-aleppo-2015.txt").read_text(encoding="utf-8")


def map_article(page, url: str, text: str) -> None:
    page.goto(url)
    box = page.get_by_role("textbox", name="Article")
    box.wait_for(timeout=30_000)
    box.fill(text)
    page.get_by_role("button", name="Map article").click()


def test_pasted_article_shows_markers_on_the_map(live_app, page):
    map_article(page, live_app.url, SAMPLE)
    page.locator(MAP).wait_for(state="visible", timeout=30_000)
    frame = page.frame_locator(MAP)
    markers = frame.locator(".leaflet-marker-icon")
    markers.first.wait_for(timeout=30_000)
    assert markers.count() >= 8
    tooltips = page.get_by_text("Aleppo", exact=False)
    assert tooltips.count() > 0
    page.get_by_text("places mapped").scroll_into_view_if_needed()
    page.screenshot(path=str(ROOT / "assets" / "screenshot.png"), full_page=False)


def test_popup_shows_the_source_sentence(live_app, page):
    map_article(page, live_app.url, SAMPLE)
    frame = page.frame_locator(MAP)
    marker = frame.locator(".leaflet-marker-icon:has(.frontline-city)").first
    marker.wait_for(timeout=30_000)
    frame.locator(".leaflet-control-scale").click()  # the first click into the iframe only focuses it
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
    frame = page.frame_locator(MAP)
    frame.locator(".leaflet-marker-icon").first.wait_for(timeout=30_000)
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
        frame = page.frame_locator(MAP)
        frame.locator(".leaflet-marker-icon").first.wait_for(timeout=30_000)
        assert frame.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 0
        assert all("tile.openstreetmap.org" in u for u in outside), outside
    finally:
        context.close()
