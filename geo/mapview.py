"""Draw an analysis on a Folium map: places by kind, a legend, layers and an offline basemap."""

from __future__ import annotations

import html

import folium

from geo.analysis import Analysis, Toponym
from geo.gazetteer import Gazetteer
from geo.offline import use_local_assets

KIND_GLYPHS = {"country": "◎", "province": "▣", "district": "▢", "city": "●", "town": "●", "village": "•",
               "neighbourhood": "▪", "region": "◆", "facility": "■", "water": "≈", "mountain": "▲"}
UNKNOWN_HOLDER = "#555555"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
DATA_ATTRIBUTION = "Places: GeoNames (CC BY 4.0), Natural Earth, Frontline supplement"
BASEMAP_PANE = "frontline_basemap"
MAX_SENTENCES = 4


def _escape(text: str) -> str:
    """HTML-escape text that folium places inside a JavaScript template literal."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def _popup_html(analysis: Analysis, mentions: list[Toponym], holder: str | None) -> str:
    first = mentions[0]
    p = first.place
    parts = sorted({t.sector for t in mentions if t.sector})
    rows = [
        ("Place", f"{p.name} ({p.kind}, {p.country}{', ' + p.admin1 if p.admin1 else ''})"),
        ("As written", ", ".join(dict.fromkeys(t.text for t in mentions))),
        ("Holder", holder or "unknown"),
        ("Confidence", f"{max(t.confidence for t in mentions):.0%}"),
    ]
    if parts:
        rows.append(("Parts named", ", ".join(parts)))
    body = "".join(f"<tr><th style='text-align:left;padding-right:6px'>{_escape(k)}</th>"
                   f"<td>{_escape(v)}</td></tr>" for k, v in rows)
    sentences = list(dict.fromkeys(analysis.sentence_of(t) for t in mentions))
    quotes = "".join(f"<blockquote style='margin:6px 0 0;font-style:italic'>{_escape(q)}</blockquote>"
                     for q in sentences[:MAX_SENTENCES])
    more = f"<div>… and {len(sentences) - MAX_SENTENCES} more</div>" if len(sentences) > MAX_SENTENCES else ""
    return f"<div class='frontline-popup' style='max-width:320px'><table>{body}</table>{quotes}{more}</div>"


def _marker_icon(kind: str, colour: str) -> folium.DivIcon:
    glyph = KIND_GLYPHS.get(kind, "●")
    return folium.DivIcon(
        html=(f"<div class='frontline-marker frontline-{kind}' style='color:{colour};font-size:20px;"
              f"line-height:20px;text-align:center;text-shadow:0 0 3px #fff,0 0 3px #fff'>{glyph}</div>"),
        icon_size=(20, 20), icon_anchor=(10, 10), class_name="frontline-icon")


def _basemap(m: folium.Map, gazetteer: Gazetteer, bounds: list[list[float]]) -> None:
    (south, west), (north, east) = bounds
    pad = max(2.0, (north - south) * 0.5, (east - west) * 0.5)
    features = [
        {"type": "Feature", "properties": {"code": code, "level": "admin1" if "-" in code else "country"},
         "geometry": geom.__geo_interface__}
        for code, geom in gazetteer.boundaries_within(south - pad, west - pad, north + pad, east + pad)]
    folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name="Outlines (offline basemap)",
        pane=BASEMAP_PANE, control=False,
        style_function=lambda f: (
            {"color": "#8a8a8a", "weight": 0.6, "fill": False, "dashArray": "3"}
            if f["properties"]["level"] == "admin1" else
            {"color": "#4d4d4d", "weight": 1.4, "fillColor": "#f3efe6", "fillOpacity": 1.0}),
    ).add_to(m)


def build_map(analysis: Analysis, gazetteer: Gazetteer, holders: dict[int, tuple[str, str]] | None = None,
              local_assets: bool = True) -> folium.Map:
    """A map of the analysis's pinned places; `holders` maps place id to (side name, colour)."""
    holders = holders or {}
    pinned = [t for t in analysis.toponyms if t.pinned and not t.historical]
    if pinned:
        lats = [t.place.lat for t in pinned]
        lons = [t.place.lon for t in pinned]
        bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    else:
        bounds = [[25.0, 20.0], [45.0, 50.0]]
    m = folium.Map(location=None, tiles=None, control_scale=True, prefer_canvas=False)
    if local_assets:
        use_local_assets(m)
    m.get_root().html.add_child(folium.Element(
        "<script>if (window.L) { L.Icon.Default.imagePath = '/app/static/vendor/images/'; }</script>"))
    # The outline basemap lies under the tiles: it shows wherever tiles cannot load or are switched off.
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles", attr=OSM_ATTRIBUTION + " · " + DATA_ATTRIBUTION,
                     overlay=True, control=True).add_to(m)
    _basemap(m, gazetteer, bounds)
    places = folium.FeatureGroup(name="Places", show=True).add_to(m)
    by_place: dict[int, list[Toponym]] = {}
    for t in pinned:
        by_place.setdefault(t.place.id, []).append(t)
    for mentions in by_place.values():
        place = mentions[0].place
        holder, colour = holders.get(place.id, (None, UNKNOWN_HOLDER))
        folium.Marker(
            location=[place.lat, place.lon],
            icon=_marker_icon(place.kind, colour),
            tooltip=folium.Tooltip(_escape(f"{place.name} ({place.kind})")),
            popup=folium.Popup(_popup_html(analysis, mentions, holder), max_width=340),
        ).add_to(places)
    folium.LayerControl(collapsed=True).add_to(m)
    if pinned:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=10)
    else:
        m.fit_bounds(bounds)
    return m

