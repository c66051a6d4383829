"""Leaflet and jQuery served by the app itself, so the map needs no CDN."""

from __future__ import annotations

import shutil
from pathlib import Path

import folium

URL_PREFIX = "/app/static/vendor"
_FILES = {"leaflet.js": ("leaflet", "leaflet.js"), "leaflet.css": ("leaflet", "leaflet.css"),
          "jquery.min.js": ("jquery", "jquery.min.js")}


def _source(package: str, name: str) -> Path:
    if package == "leaflet":
        import xstatic.pkg.leaflet as pkg
    else:
        import xstatic.pkg.jquery as pkg
    return Path(pkg.BASE_DIR) / name


def install_vendor(folder: Path) -> None:
    """Copy Leaflet (with its marker images) and jQuery from their PyPI packages into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for target, (package, name) in _FILES.items():
        destination = folder / target
        if not destination.exists():
            shutil.copyfile(_source(package, name), destination)
    images = folder / "images"
    if not images.exists():
        shutil.copytree(_source("leaflet", "images"), images)


def use_local_assets(m: folium.Map, prefix: str = URL_PREFIX) -> folium.Map:
    """Point a map's scripts and styles at the app's own copies (Leaflet and jQuery only)."""
    m.default_js = [("leaflet", f"{prefix}/leaflet.js"), ("jquery", f"{prefix}/jquery.min.js")]
    m.default_css = [("leaflet_css", f"{prefix}/leaflet.css")]
    return m

