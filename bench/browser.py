"""The page in Chromium: `streamlit run` to the first page, and the Map button to the map's markers."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import ROOT

MAP = 'iframe[title="streamlit_folium.st_folium"]'
RUNS = 5
# Each run names a town of its own, so each map differs from the last (an unchanged map is not redrawn).
TOWNS = ["Idlib", "Daraa", "Latakia", "Tartus", "Manbij", "Kobani", "Palmyra", "Qamishli", "Jableh", "Salqin",
         "Saraqib"]
ARTICLE_BYTES = 5_000


def _article() -> str:
    """A ~5 KB wire report: the team's Syrian sample, repeated up to the size."""
    sample = (ROOT / "assets" / "samples" / "syria-aleppo-2015.txt").read_text(encoding="utf-8")
    text = sample
    while len(text.encode("utf-8")) < ARTICLE_BYTES:
        text += "\n\n" + sample
    return text.encode("utf-8")[:ARTICLE_BYTES - 60].decode("utf-8", errors="ignore")


def _update(text: str, town: str) -> str:
    return f"{text}\n\nFighting was also reported in {town}."


def _first_page(browser, live_app_class, folder: Path) -> float:
    """Seconds from starting `streamlit run` to the page's article box visible."""
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    app = live_app_class(folder)
    app.start()
    try:
        page = browser.new_page()
        page.goto(app.url)
        page.get_by_role("textbox", name="Article").wait_for(timeout=60_000)
        took = time.perf_counter() - start
        page.close()
        return took
    finally:
        app.stop()


def _map_click(page, text: str) -> float:
    """Seconds from pressing Map to the new map's markers visible, in an open session."""
    frame = page.frame_locator(MAP).first
    if page.locator(MAP).count():
        # The previous map's markers are marked, so only the new map's count.
        frame.locator(".leaflet-marker-icon").evaluate_all("els => els.forEach(e => e.setAttribute('data-old', '1'))")
    page.get_by_role("textbox", name="Article").fill(text)
    start = time.perf_counter()
    page.get_by_role("button", name="Map article").click()
    # A new map comes in a new iframe; the old one stays until the run ends.
    maps = page.locator(MAP)
    while time.perf_counter() - start < 60:
        shown = maps.first.is_visible() and page.frame_locator(MAP).first.locator(
            ".leaflet-marker-icon:not([data-old])").first.is_visible()
        if shown and maps.count() == 1:
            return time.perf_counter() - start
        page.wait_for_timeout(20)
    raise RuntimeError("no map with markers 60 s after pressing Map")


def _fresh_page_click(browser, url: str, text: str) -> float:
    """The same, on a new page in a new browser context, once its (empty) map shows: nothing cached yet."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(url)
        page.get_by_role("textbox", name="Article").wait_for(timeout=60_000)
        page.frame_locator(MAP).first.locator(".leaflet-container").wait_for(timeout=60_000)
        return _map_click(page, text)
    finally:
        page.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_FLAGS, LiveApp

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium is not installed (apt-get install -y chromium): browser benchmark not run")
        return
    text = _article()
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            starts = [_first_page(browser, LiveApp, Path(tmp) / f"start{n}") for n in range(RUNS)]
            (Path(tmp) / "map").mkdir()
            app = LiveApp(Path(tmp) / "map")
            app.start()
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(app.url)
                page.get_by_role("textbox", name="Article").wait_for(timeout=60_000)
                _map_click(page, _update(text, TOWNS[-1]))  # the process's first parse loads the pipeline
                # Each run maps a text not seen before, so no cached analysis is reused.
                clicks = [_map_click(page, _update(text, TOWNS[n])) for n in range(RUNS)]
                fresh = [_fresh_page_click(browser, app.url, _update(text, TOWNS[RUNS + n])) for n in range(RUNS)]
            finally:
                app.stop()
        finally:
            browser.close()
    print(f"streamlit run to the first page: {statistics.median(starts):.2f} s median of {RUNS} "
          f"(min {min(starts):.2f}, max {max(starts):.2f})   (bar < 5 s)")
    print(f"Map pressed to markers visible, {len(text.encode('utf-8')):,}-byte article: "
          f"{statistics.median(clicks):.2f} s median of {RUNS} (min {min(clicks):.2f}, max {max(clicks):.2f})"
          "   (bar < 1.5 s)")
    print(f"  the first map of a new visitor (new browser context, once the page and its empty map show): "
          f"{statistics.median(fresh):.2f} s median of {RUNS}")


if __name__ == "__main__":
    main()
