"""Exports of a mapped article: GeoJSON (RFC 7946), CSV tables and the map as one standalone HTML file.

The standalone map inlines the scripts the app serves itself (Leaflet, and jQuery if a map asks
for it) and Leaflet's stylesheet (images as data: URIs), so the file opened from disk draws without
a network; OpenStreetMap tiles load only when a network is there, and the outline basemap shows
without one.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from pathlib import Path

import folium

from geo.claims import Claim
from geo.offline import URL_PREFIX
from geo.place import Place
from geo.situation import Situation
from geo.zones import to_geojson

COORDINATE_DIGITS = 6  # about 10 cm, as RFC 7946 section 11.2 suggests


def lonlat(place: Place) -> list[float]:
    """A place's GeoJSON position: [longitude, latitude]."""
    return [round(place.lon, COORDINATE_DIGITS), round(place.lat, COORDINATE_DIGITS)]


def _place_feature(s: Situation, place: Place, written: list[str], confidence: float) -> dict:
    holder = s.holder(place)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": lonlat(place)},
            "properties": {"kind": "place", "name": place.name, "place_kind": place.kind, "country": place.country,
                           "admin1": place.admin1, "as_written": written, "confidence": round(confidence, 3),
                           "holder": holder, "holder_name": s.side_name(holder) or None, "place_id": place.id}}


def _claim_feature(s: Situation, c: Claim) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": lonlat(c.place)},
            "properties": {"kind": "claim", "claim_kind": c.kind, "actor": c.actor, "target_actor": c.target_actor,
                           "place": c.place.name, "sector": c.sector, "distance_km": c.distance_km,
                           "hedged": c.hedged, "historical": c.historical, "date": c.date or s.analysis.date,
                           "evidence": c.evidence}}


def geojson(s: Situation) -> dict:
    """An RFC 7946 FeatureCollection: places, claims at places, zones and front lines, in (lon, lat)."""
    mentions: dict[int, tuple[Place, list[str], float]] = {}
    for t in s.analysis.toponyms:
        if t.pinned and not t.historical:
            place, written, confidence = mentions.get(t.place.id, (t.place, [], 0.0))
            mentions[t.place.id] = (place, [*written, t.text] if t.text not in written else written,
                                    max(confidence, t.confidence))
    features = [_place_feature(s, *m) for m in mentions.values()]
    features += [_claim_feature(s, c) for c in s.claims if c.place is not None]
    features += to_geojson(list(s.zones), list(s.fronts))["features"]
    return {"type": "FeatureCollection", "features": features}


def geojson_text(s: Situation) -> str:
    """The GeoJSON export as text."""
    return json.dumps(geojson(s), ensure_ascii=False, indent=1)


def csv_text(rows: list[dict]) -> str:
    """Rows of a table as CSV text (header from the first row's keys)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def _inline_script(text: str) -> str:
    return "<script>" + text.replace("</", "<\\/") + "</script>"


def _inline_css(css: str, vendor: Path) -> str:
    def data_uri(m: re.Match) -> str:
        image = vendor / m.group(1)
        if not image.is_file():
            return m.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"

    return "<style>" + re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css).replace("</", "<\\/") + "</style>"


def standalone_html(m: folium.Map, *, vendor: Path, prefix: str = URL_PREFIX) -> str:
    """The map as one HTML file that draws when opened from disk: the app's vendor files are inlined.

    `vendor` is the folder the app serves under `prefix` (see geo.offline.install_vendor).
    """
    page = m.get_root().render()
    for name in ("leaflet.js", "jquery.min.js"):
        script = re.compile(rf'<script[^>]*src="{re.escape(prefix)}/{re.escape(name)}"[^>]*>\s*</script>')
        inline = _inline_script((vendor / name).read_text(encoding="utf-8"))
        page = script.sub(lambda _, text=inline: text, page, count=1)
    link = re.compile(rf'<link[^>]*href="{re.escape(prefix)}/leaflet\.css"[^>]*/?>')
    css = _inline_css((vendor / "leaflet.css").read_text(encoding="utf-8"), vendor)
    page = link.sub(lambda _: css, page, count=1)
    return page.replace(f"'{prefix}/images/'", "''")
