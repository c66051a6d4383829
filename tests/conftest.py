"""Shared fixtures: the gazetteer, the shared evaluation data, and a live Frontline in Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


def need(condition: bool, reason: str) -> None:
    """Skip when a resource is absent, but fail in CI, where everything must run."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{reason} (CI must run this test)")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def gaz():
    from geo import gazetteer

    return gazetteer.load()


# A hand-built article for the map, the situation and the exports: every point lies far enough from
# the diagonal that a (lon, lat) swap lands elsewhere.
WAR_TEXT = ("In Syria, Islamic State holds Raqqa and Deir ez-Zor <b>now</b>. "
            "Government forces captured Palmyra from Islamic State <script>alert(1)</script>. "
            "IS fighters are 20 km from Palmyra. Jets struck Raqqa.")
WAR_PLACES = {  # name: (id, lat, lon, kind)
    "Raqqa": (163345, 35.95, 39.01, "city"),
    "Deir ez-Zor": (170794, 35.34, 40.14, "city"),
    "Palmyra": (170651, 34.56, 38.27, "town"),
}


def war_place(name: str):
    from geo.place import Place

    pid, lat, lon, kind = WAR_PLACES[name]
    return Place(pid, name, (), lat, lon, kind, "SY", "", 1000, "test")


def war_claim(kind: str, actor: str, name: str, nth: int = 0, *, target: str | None = None,
              km: float | None = None, date: str | None = None, hedged: bool = False):
    """A claim of WAR_TEXT about the nth mention of a place, its sentence as evidence."""
    from geo.claims import Claim

    start = -1
    for _ in range(nth + 1):
        start = WAR_TEXT.index(name, start + 1)
    end = start + len(name)
    s0 = WAR_TEXT.rfind(". ", 0, start) + 2 if WAR_TEXT.rfind(". ", 0, start) >= 0 else 0
    s1 = WAR_TEXT.index(".", end) + 1
    return Claim(kind, actor, target, war_place(name), None, km, hedged, False, date, s0, s1, WAR_TEXT[s0:s1],
                 (start, end))


def war_analysis(claims=(), date: str | None = "2016-03-28"):
    """WAR_TEXT with every mention of a place pinned, and the given claims."""
    from geo.analysis import Analysis, Toponym

    toponyms = []
    for name in WAR_PLACES:
        start = WAR_TEXT.find(name)
        while start >= 0:
            s0 = WAR_TEXT.rfind(". ", 0, start) + 2 if WAR_TEXT.rfind(". ", 0, start) >= 0 else 0
            toponyms.append(Toponym(start, start + len(name), name, war_place(name), confidence=0.9,
                                    sentence=(s0, WAR_TEXT.index(".", start) + 1)))
            start = WAR_TEXT.find(name, start + 1)
    return Analysis(WAR_TEXT, date, "syria", tuple(sorted(toponyms, key=lambda t: t.start)), claims=tuple(claims))


@pytest.fixture
def war():
    """The hand-built article with its claims: IS holds Raqqa and Deir ez-Zor, the government took Palmyra."""
    return war_analysis([
        war_claim("control", "isis", "Raqqa", date="2016-03-01"),
        war_claim("control", "isis", "Deir ez-Zor", date="2016-03-01"),
        war_claim("capture", "syrian_government", "Palmyra", target="isis", date="2016-03-27"),
        war_claim("proximity", "isis", "Palmyra", 1, km=20.0, date="2016-03-27"),
        war_claim("strike", "russia", "Raqqa", 1, target="isis", date="2016-03-28"),
    ])


@pytest.fixture(scope="session")
def shared() -> Path:
    need(SHARED.is_dir(), f"../shared is absent ({SHARED}): the evaluation data lives there")
    return SHARED


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveApp:
    """`streamlit run app.py` on a free loopback port, with its own database file."""

    def __init__(self, tmp: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "FRONTLINE_DB": str(tmp / "frontline.db")}
        self.process: subprocess.Popen | None = None

    def start(self) -> LiveApp:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not answer /_stcore/health within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    need(path is not None, "Debian's chromium is not installed (apt-get install -y chromium)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    app = LiveApp(tmp_path_factory.mktemp("app")).start()
    yield app
    app.stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
